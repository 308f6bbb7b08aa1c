<?php

/** @generate-class-entries */

namespace Messenger\Exception;

interface ExceptionInterface extends \Throwable
{
}

/** An error after which a retry may succeed: the worker retries it whatever the retry strategy says. */
interface RecoverableExceptionInterface extends \Throwable
{
}

/** An error no retry can mend: the worker sends the message to the failure transport at once. */
interface UnrecoverableExceptionInterface extends \Throwable
{
}

/** Thrown by a handler or listener to stop the worker after this message. */
interface StopWorkerExceptionInterface extends \Throwable
{
}

/** An exception that carries others (a message's failed handlers). */
interface WrappedExceptionsInterface extends \Throwable
{
    public function getWrappedExceptions(?string $class = null, bool $recursive = false): array;
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
class HandlerFailedException extends RuntimeException implements WrappedExceptionsInterface
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

class UnrecoverableMessageHandlingException extends RuntimeException implements UnrecoverableExceptionInterface
{
}

/** As Symfony 7.2's: $retryDelay (ms), when given, is the least the retry waits. */
class RecoverableMessageHandlingException extends RuntimeException implements RecoverableExceptionInterface
{
    private ?int $retryDelay = null;

    public function __construct(string $message = "", int $code = 0, ?\Throwable $previous = null, ?int $retryDelay = null) {}

    public function getRetryDelay(): ?int {}
}

class MessageDecodingFailedException extends InvalidArgumentException
{
}

class TransportException extends RuntimeException
{
}

/**
 * A send whose outcome is unknown: the message went out whole and the connection was lost before
 * the broker confirmed it. It may have been stored; sending it again may store it twice (which
 * at-least-once delivery allows), not sending it may lose it.
 */
class MaybeSentException extends TransportException
{
}

/** Messages deferred with DispatchAfterCurrentBusStamp that failed once the outer dispatch ended. */
class DelayedMessageHandlingException extends RuntimeException implements WrappedExceptionsInterface
{
    private array $exceptions;
    private ?\Messenger\Envelope $envelope = null;

    public function __construct(array $exceptions, ?\Messenger\Envelope $envelope = null) {}

    public function getEnvelope(): ?\Messenger\Envelope {}

    public function getWrappedExceptions(?string $class = null, bool $recursive = false): array {}
}

class StopWorkerException extends RuntimeException implements StopWorkerExceptionInterface
{
}
