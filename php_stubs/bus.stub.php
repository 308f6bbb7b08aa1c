<?php

/** @generate-class-entries */

namespace Messenger;

interface MessageBusInterface
{
    public function dispatch(object $message, array $stamps = []): Envelope;
}

/**
 * @strict-properties
 * @not-serializable
 */
final class MessageBus implements MessageBusInterface
{
    public function __construct(iterable $middleware = [], string $name = "messenger.bus.default") {}

    public function getName(): string {}

    public function dispatch(object $message, array $stamps = []): Envelope {}
}
