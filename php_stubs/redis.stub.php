<?php

/** @generate-class-entries */

namespace Messenger\Bridge\Redis\Transport;

/**
 * The Redis streams transport (redis://[user:pass@]host[:port][/stream[/group[/consumer]]],
 * redis:///path/to.sock): Symfony's layout on the wire, so that Symfony producers and consumers
 * share the stream. Options: stream, group, consumer, auto_setup, delete_after_ack,
 * delete_after_reject, stream_max_entries, dbindex, redeliver_timeout (s), claim_interval (ms),
 * lazy, auth, serializer, persistent, timeout, read_timeout, get_batch_size.
 * @strict-properties
 * @not-serializable
 */
final class RedisTransport implements \Messenger\Transport\TransportInterface, \Messenger\Transport\Sender\BatchSenderInterface, \Messenger\Transport\Receiver\MessageCountAwareInterface, \Messenger\Transport\Receiver\ListableReceiverInterface, \Messenger\Transport\SetupableTransportInterface, \Messenger\Transport\Receiver\KeepaliveReceiverInterface
{
    public function __construct(string $dsn, array $options = [], ?\Messenger\Transport\Serialization\SerializerInterface $serializer = null) {}

    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope {}

    public function sendAll(array $envelopes): array {}

    public function get(): iterable {}

    public function ack(\Messenger\Envelope $envelope): void {}

    public function reject(\Messenger\Envelope $envelope): void {}

    public function keepalive(\Messenger\Envelope $envelope, ?int $seconds = null): void {}

    public function getMessageCount(): int {}

    public function all(?int $limit = null): iterable {}

    public function find(mixed $id): ?\Messenger\Envelope {}

    public function setup(): void {}
}
