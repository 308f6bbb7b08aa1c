<?php

/** @generate-class-entries */

namespace Messenger\Handler;

/**
 * A handler that handles messages in batches. The worker calls it as $handler($message, $ack):
 * it keeps the message and returns, and calls $ack->ack($result) or $ack->nack($error) for each
 * message once it handles the batch (when it is full, or in flush()). Called without an
 * Acknowledger (a message handled at once, not by a worker), it handles the message at once and
 * returns the result. The worker acknowledges a kept message to its transport only when its
 * Acknowledger is called.
 */
interface BatchHandlerInterface
{
    /** Handles what the batch holds: called when the worker is idle ($force false) or stops ($force true). */
    public function flush(bool $force): void;
}

/**
 * How a batch handler settles one message it kept. $ack, when given, is called as
 * $ack(?\Throwable $error, mixed $result).
 * @strict-properties
 * @not-serializable
 */
final class Acknowledger
{
    public function __construct(string $handlerClass, ?\Closure $ack = null) {}

    /** The message was handled, with this result. */
    public function ack(mixed $result = null): void {}

    /** The message failed: the worker retries it or sends it to the failure transport. */
    public function nack(\Throwable $error): void {}

    public function getError(): ?\Throwable {}

    public function getResult(): mixed {}

    public function isAcknowledged(): bool {}
}
