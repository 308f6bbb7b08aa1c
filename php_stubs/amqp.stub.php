<?php

/** @generate-class-entries */

namespace Messenger\Bridge\Amqp\Transport;

/**
 * The AMQP 0-9-1 transport (amqp[s]://user:pass@host:port/<vhost>/<exchange>), over librabbitmq:
 * Symfony's options, properties, headers and delay/retry topology, so that Symfony producers and
 * consumers share its exchanges and queues. Publishes with confirms (confirm_timeout, 5 s by
 * default); consumes by push (basic.consume with a prefetch), not by polling.
 * @strict-properties
 * @not-serializable
 */
final class AmqpTransport implements \Messenger\Transport\TransportInterface, \Messenger\Transport\Sender\BatchSenderInterface, \Messenger\Transport\Receiver\QueueReceiverInterface, \Messenger\Transport\Receiver\MessageCountAwareInterface, \Messenger\Transport\SetupableTransportInterface, \Messenger\Transport\Receiver\KeepaliveReceiverInterface
{
    public function __construct(string $dsn, array $options = [], ?\Messenger\Transport\Serialization\SerializerInterface $serializer = null) {}

    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope {}

    public function sendAll(array $envelopes): array {}

    public function get(): iterable {}

    public function getFromQueues(array $queueNames): iterable {}

    public function ack(\Messenger\Envelope $envelope): void {}

    public function reject(\Messenger\Envelope $envelope): void {}

    public function keepalive(\Messenger\Envelope $envelope, ?int $seconds = null): void {}

    public function getMessageCount(): int {}

    public function setup(): void {}
}
