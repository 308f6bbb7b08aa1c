<?php

/** @generate-class-entries */

namespace Messenger\Middleware;

interface MiddlewareInterface
{
    public function handle(\Messenger\Envelope $envelope, StackInterface $stack): \Messenger\Envelope;
}

interface StackInterface
{
    public function next(): MiddlewareInterface;
}

/**
 * The rest of one dispatch's middleware chain. At its end it is itself the last middleware,
 * which returns the envelope unchanged.
 * @strict-properties
 * @not-serializable
 */
final class StackMiddleware implements StackInterface, MiddlewareInterface
{
    public function __construct(iterable $middleware = []) {}

    public function next(): MiddlewareInterface {}

    public function handle(\Messenger\Envelope $envelope, StackInterface $stack): \Messenger\Envelope {}
}

/**
 * @strict-properties
 * @not-serializable
 */
final class AddBusNameStampMiddleware implements MiddlewareInterface
{
    public function __construct(string $busName) {}

    public function handle(\Messenger\Envelope $envelope, StackInterface $stack): \Messenger\Envelope {}
}

/**
 * @strict-properties
 * @not-serializable
 */
final class DispatchAfterCurrentBusMiddleware implements MiddlewareInterface
{
    public function __construct() {}

    public function handle(\Messenger\Envelope $envelope, StackInterface $stack): \Messenger\Envelope {}
}

/**
 * @strict-properties
 * @not-serializable
 */
final class SendMessageMiddleware implements MiddlewareInterface
{
    public function __construct(array $senders, array $routing = []) {}

    public function handle(\Messenger\Envelope $envelope, StackInterface $stack): \Messenger\Envelope {}
}

/**
 * @strict-properties
 * @not-serializable
 */
final class HandleMessageMiddleware implements MiddlewareInterface
{
    public function __construct(array $handlers, bool $allowNoHandlers = false, ?string $busName = null) {}

    public function handle(\Messenger\Envelope $envelope, StackInterface $stack): \Messenger\Envelope {}
}
