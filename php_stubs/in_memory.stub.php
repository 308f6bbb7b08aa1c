<?php

/** @generate-class-entries */

namespace Messenger\Transport\InMemory;

/**
 * Keeps sent messages in the process: for tests, and for code that wants to look at what would
 * have been sent.
 * @strict-properties
 * @not-serializable
 */
final class InMemoryTransport implements \Messenger\Transport\TransportInterface, \Messenger\Transport\Sender\BatchSenderInterface, \Messenger\Transport\Receiver\MessageCountAwareInterface
{
    private array $sent = [];
    private array $acknowledged = [];
    private array $rejected = [];
    private array $queue = [];
    private array $availableAt = [];
    private int $nextId = 1;
    /* when set, what is sent is stored as it comes back from encode() and decode() */
    private ?\Messenger\Transport\Serialization\SerializerInterface $serializer = null;

    public function __construct(?\Messenger\Transport\Serialization\SerializerInterface $serializer = null) {}

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
