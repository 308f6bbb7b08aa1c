<?php

/** @generate-class-entries */

namespace Messenger\Exception;

interface ExceptionInterface extends \Throwable
{
}

class LogicException extends \LogicException implements ExceptionInterface
{
}

class RuntimeException extends \RuntimeException implements ExceptionInterface
{
}

class InvalidArgumentException extends \InvalidArgumentException implements ExceptionInterface
{
}

/** Every handler of a message ran; these are the ones that threw, keyed by handler name. */
class HandlerFailedException extends RuntimeException
{
    private \Messenger\Envelope $envelope;
    private array $exceptions;

    public function __construct(\Messenger\Envelope $envelope, array $exceptions) {}

    public function getEnvelope(): \Messenger\Envelope {}

    public function getWrappedExceptions(?string $class = null, bool $recursive = false): array {}
}

class NoHandlerForMessageException extends LogicException
{
}

class UnrecoverableMessageHandlingException extends RuntimeException
{
}

class RecoverableMessageHandlingException extends RuntimeException
{
}

class MessageDecodingFailedException extends InvalidArgumentException
{
}

class TransportException extends RuntimeException
{
}

/** Messages deferred with DispatchAfterCurrentBusStamp that failed once the outer dispatch ended. */
class DelayedMessageHandlingException extends RuntimeException
{
    private array $exceptions;
    private ?\Messenger\Envelope $envelope = null;

    public function __construct(array $exceptions, ?\Messenger\Envelope $envelope = null) {}

    public function getEnvelope(): ?\Messenger\Envelope {}

    public function getWrappedExceptions(?string $class = null, bool $recursive = false): array {}
}

class StopWorkerException extends RuntimeException
{
}
