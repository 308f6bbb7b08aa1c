<?php

/** @generate-class-entries */

namespace Messenger\Transport\Sender;

interface SenderInterface
{
    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope;
}

interface BatchSenderInterface
{
    public function sendAll(array $envelopes): array;
}

namespace Messenger\Transport\Receiver;

interface ReceiverInterface
{
    public function get(): iterable;

    public function ack(\Messenger\Envelope $envelope): void;

    public function reject(\Messenger\Envelope $envelope): void;
}

interface MessageCountAwareInterface
{
    public function getMessageCount(): int;
}

interface ListableReceiverInterface extends ReceiverInterface
{
    public function all(?int $limit = null): iterable;

    public function find(mixed $id): ?\Messenger\Envelope;
}

interface QueueReceiverInterface extends ReceiverInterface
{
    public function getFromQueues(array $queueNames): iterable;
}

interface KeepaliveReceiverInterface extends ReceiverInterface
{
    public function keepalive(\Messenger\Envelope $envelope, ?int $seconds = null): void;
}

namespace Messenger\Transport;

interface TransportInterface extends \Messenger\Transport\Receiver\ReceiverInterface, \Messenger\Transport\Sender\SenderInterface
{
}

interface SetupableTransportInterface
{
    public function setup(): void;
}

/** Builds a transport from a DSN, as the configuration's "transports" entries do. */
final class Transport
{
    private function __construct() {}

    public static function fromDsn(string $dsn, array $options = [], ?\Messenger\Transport\Serialization\SerializerInterface $serializer = null, array $connections = []): TransportInterface {}
}
