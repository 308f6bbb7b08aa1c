<?php

/** @generate-class-entries */

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

    /**
     * Not for applications: PHP calls it at shutdown. After a fatal error in a handler, the
     * messages of the batch not handled yet go back to their queue.
     */
    private static function giveBack(): void {}
}
