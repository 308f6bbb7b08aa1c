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
