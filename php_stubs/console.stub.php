<?php

/** @generate-class-entries */

namespace Messenger;

/**
 * The operator's commands, with Symfony's names and options: list, help, messenger:consume,
 * messenger:stats, messenger:setup-transports, messenger:stop-workers, messenger:failed:show,
 * messenger:failed:retry, messenger:failed:remove, messenger:dashboard, debug:messenger. bin/console runs it; an application with its
 * own console calls (new Console($messenger))->run($argv).
 * @strict-properties
 * @not-serializable
 */
final class Console
{
    public function __construct(Messenger $messenger) {}

    /** $argv as PHP gives it (the script name first). Returns the exit code. */
    public function run(array $argv): int {}
}
