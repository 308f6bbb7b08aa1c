<?php

/** @generate-class-entries */

namespace Messenger\Transport\Sync;

/**
 * sync://: "sending" handles the message at once on the bus, marked as received from this
 * transport.
 * @strict-properties
 * @not-serializable
 */
final class SyncTransport implements \Messenger\Transport\TransportInterface
{
    private \Messenger\MessageBusInterface $bus;

    public function __construct(\Messenger\MessageBusInterface $bus) {}

    public function send(\Messenger\Envelope $envelope): \Messenger\Envelope {}

    public function get(): iterable {}

    public function ack(\Messenger\Envelope $envelope): void {}

    public function reject(\Messenger\Envelope $envelope): void {}
}
