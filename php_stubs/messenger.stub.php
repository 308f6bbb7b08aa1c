<?php

/** @generate-class-entries */

namespace Messenger;

/**
 * One application's messaging: its buses, transports, routing and handlers, built from one
 * configuration array.
 * @strict-properties
 * @not-serializable
 */
final class Messenger implements MessageBusInterface
{
    public function __construct(array $config = []) {}

    public static function fromFile(string $path): Messenger {}

    public function bus(?string $name = null): MessageBus {}

    /** On the bus named by the envelope's BusNameStamp, else the default bus. */
    public function dispatch(object $message, array $stamps = []): Envelope {}

    public function dispatchAll(iterable $messages): array {}

    public function transport(string $name): Transport\TransportInterface {}

    public function transportNames(): array {}

    public function setupTransports(?string $name = null): void {}

    /**
     * A worker consuming the named transports, in this order. Options: bus (dispatch every
     * message on this bus instead of the one its BusNameStamp names), and the run() options.
     */
    public function worker(array $receiverNames, array $options = []): Worker {}
}
