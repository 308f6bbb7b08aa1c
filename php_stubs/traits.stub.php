<?php

/** @generate-class-entries */

namespace Messenger;

/**
 * For a class that dispatches a query and wants its one handler's result: set
 * $this->messageBus, then $this->handle($message).
 */
trait HandleTrait
{
    private MessageBusInterface $messageBus;

    private function handle(object $message, array $stamps = []): mixed {}
}

namespace Messenger\Handler;

/**
 * For a BatchHandlerInterface: __invoke($message, ?Acknowledger $ack = null) returns
 * $this->handle($message, $ack); the class writes process(array $jobs), where each job is
 * [$message, $ack] and each $ack is called once; getBatchSize() may be overridden (10).
 */
trait BatchHandlerTrait
{
    private array $jobs = [];

    public function flush(bool $force): void {}

    private function handle(object $message, ?Acknowledger $ack): mixed {}

    private function shouldFlush(): bool {}

    private function getBatchSize(): int {}
}
