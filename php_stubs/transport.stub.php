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

/**
 * Keeps sent messages in the process: for tests, and for code that wants to look at what would
 * have been sent.
 * @strict-properties
 * @not-serializable
 */
final class InMemoryTransport implements TransportInterface, BatchSenderInterface, MessageCountAwareInterface
{
    private array $sent = [];
    private array $acknowledged = [];
    private array $rejected = [];
    private array $queue = [];
    private array $availableAt = [];
    private int $nextId = 1;
    /* when set, what is sent is stored as it comes back from encode() and decode() */
    private ?\Messenger\Serializer\SerializerInterface $serializer = null;

    public function __construct(?\Messenger\Serializer\SerializerInterface $serializer = null) {}

    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope {}

    public function sendAll(array $envelopes): array {}

    public function get(): iterable {}

    public function ack(\Messenger\Envelope $envelope): void {}

    public function reject(\Messenger\Envelope $envelope): void {}

    public function getMessageCount(): int {}

    public function getSent(): array {}

    public function getAcknowledged(): array {}

    public function getRejected(): array {}

    public function reset(): void {}
}

/**
 * sync://: "sending" handles the message at once on the bus, marked as received from this
 * transport.
 * @strict-properties
 * @not-serializable
 */
final class SyncTransport implements TransportInterface
{
    private \Messenger\MessageBusInterface $bus;

    public function __construct(\Messenger\MessageBusInterface $bus) {}

    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope {}

    public function get(): iterable {}

    public function ack(\Messenger\Envelope $envelope): void {}

    public function reject(\Messenger\Envelope $envelope): void {}
}
