<?php

/** @generate-class-entries */

namespace Messenger\Bridge\Doctrine\Transport;

/**
 * The database-table transport (doctrine://NAME): Symfony's messenger_messages table and
 * semantics on a PDO connection to SQLite, PostgreSQL or MySQL/MariaDB.
 * $connection: a PDO object, a PDO DSN string, or ['dsn' => ..., 'user' => ..., 'password' => ...].
 * Options: table_name, queue_name, redeliver_timeout (s), auto_setup, get_batch_size.
 * @strict-properties
 * @not-serializable
 */
final class DoctrineTransport implements \Messenger\Transport\TransportInterface, \Messenger\Transport\Sender\BatchSenderInterface, \Messenger\Transport\Receiver\MessageCountAwareInterface, \Messenger\Transport\Receiver\ListableReceiverInterface, \Messenger\Transport\SetupableTransportInterface, \Messenger\Transport\Receiver\QueueReceiverInterface, \Messenger\Transport\Receiver\KeepaliveReceiverInterface
{
    public function __construct(\PDO|string|array $connection, array $options = [], ?\Messenger\Transport\Serialization\SerializerInterface $serializer = null) {}

    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope {}

    public function sendAll(array $envelopes): array {}

    public function get(): iterable {}

    public function getFromQueues(array $queueNames): iterable {}

    public function ack(\Messenger\Envelope $envelope): void {}

    public function reject(\Messenger\Envelope $envelope): void {}

    public function keepalive(\Messenger\Envelope $envelope, ?int $seconds = null): void {}

    public function getMessageCount(): int {}

    public function all(?int $limit = null): iterable {}

    public function find(mixed $id): ?\Messenger\Envelope {}

    public function setup(): void {}
}
