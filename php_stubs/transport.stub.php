<?php

/** @generate-class-entries */

namespace Messenger\Transport;

interface SenderInterface
{
    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope;
}

interface ReceiverInterface
{
    public function get(): iterable;

    public function ack(\Messenger\Envelope $envelope): void;

    public function reject(\Messenger\Envelope $envelope): void;
}

interface TransportInterface extends SenderInterface, ReceiverInterface
{
}

interface MessageCountAwareInterface
{
    public function getMessageCount(): int;
}

interface ListableReceiverInterface
{
    public function all(?int $limit = null): iterable;

    public function find(mixed $id): ?\Messenger\Envelope;
}

interface SetupableTransportInterface
{
    public function setup(): void;
}

interface QueueReceiverInterface
{
    public function getFromQueues(array $queueNames): iterable;
}

interface KeepaliveReceiverInterface
{
    public function keepalive(\Messenger\Envelope $envelope, ?int $seconds = null): void;
}

interface BatchSenderInterface
{
    public function sendAll(array $envelopes): array;
}

/** Builds a transport from a DSN, as the configuration's "transports" entries do. */
final class Transport
{
    private function __construct() {}

    public static function fromDsn(string $dsn, array $options = [], ?\Messenger\Serializer\SerializerInterface $serializer = null, array $connections = []): TransportInterface {}
}
