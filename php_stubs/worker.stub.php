<?php

/** @generate-class-entries */

namespace Messenger\Retry;

/** Decides whether a failed message is retried, and when. */
interface RetryStrategyInterface
{
    public function isRetryable(\Messenger\Envelope $message, ?\Throwable $throwable = null): bool;

    /** Milliseconds to wait before the retry. */
    public function getWaitingTime(\Messenger\Envelope $message, ?\Throwable $throwable = null): int;
}

/**
 * Symfony's: retry n waits delay * multiplier^(n-1) ms, moved by up to ±jitter of itself,
 * capped by maxDelay (0: no cap); at most maxRetries retries.
 * @strict-properties
 * @not-serializable
 */
final class MultiplierRetryStrategy implements RetryStrategyInterface
{
    public function __construct(int $maxRetries = 3, int $delayMilliseconds = 1000, float $multiplier = 2.0, int $maxDelayMilliseconds = 0, float $jitter = 0.1) {}

    public function isRetryable(\Messenger\Envelope $message, ?\Throwable $throwable = null): bool {}

    public function getWaitingTime(\Messenger\Envelope $message, ?\Throwable $throwable = null): int {}
}

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

namespace Messenger;

/**
 * The consume loop: made by Messenger::worker(). Takes messages from its receivers in the order
 * given (the first is drained before the next is read), dispatches each on its bus, acknowledges
 * it, or retries it / sends it to the failure transport when it fails.
 * @strict-properties
 * @not-serializable
 */
final class Worker
{
    private function __construct() {}

    /**
     * Options: limit, failure_limit, memory_limit (bytes or "128M"), time_limit (s), sleep (s),
     * queues. Returns the exit code (0).
     */
    public function run(array $options = []): int {}

    /** Stops after the message being handled. */
    public function stop(): void {}

    /** Events: started, received, handled, failed, retried, idle, stopped; the listener gets an array. */
    public function on(string $event, callable $listener): void {}
}
