<?php

/** @generate-class-entries */

namespace Messenger\Stamp;

/** @strict-properties */
final class DelayStamp implements \Messenger\Stamp\StampInterface
{
    private readonly int $delay;

    public function __construct(int $delayMs) {}

    public function getDelay(): int {}

    public static function delayFor(\DateInterval $interval): DelayStamp {}

    public static function delayUntil(\DateTimeInterface $dateTime): DelayStamp {}
}

/** @strict-properties */
final class HandledStamp implements \Messenger\Stamp\StampInterface
{
    private readonly mixed $result;
    private readonly string $handlerName;

    public function __construct(mixed $result, string $handlerName) {}

    public function getResult(): mixed {}

    public function getHandlerName(): string {}
}

/** @strict-properties */
final class SentStamp implements \Messenger\Stamp\NonSendableStampInterface
{
    private readonly string $senderClass;
    private readonly ?string $senderAlias;

    public function __construct(string $senderClass, ?string $senderAlias = null) {}

    public function getSenderClass(): string {}

    public function getSenderAlias(): ?string {}
}

/** @strict-properties */
final class ReceivedStamp implements \Messenger\Stamp\NonSendableStampInterface
{
    private readonly string $transportName;

    public function __construct(string $transportName) {}

    public function getTransportName(): string {}
}

/** @strict-properties */
final class TransportNamesStamp implements \Messenger\Stamp\StampInterface
{
    private readonly array $transports;

    public function __construct(string|array $transports) {}

    public function getTransportNames(): array {}
}

/** @strict-properties */
final class BusNameStamp implements \Messenger\Stamp\StampInterface
{
    private readonly string $busName;

    public function __construct(string $busName) {}

    public function getBusName(): string {}
}

/** @strict-properties */
final class DispatchAfterCurrentBusStamp implements \Messenger\Stamp\NonSendableStampInterface
{
}

/** @strict-properties */
final class RedeliveryStamp implements \Messenger\Stamp\StampInterface
{
    private readonly int $retryCount;
    private readonly \DateTimeInterface $redeliveredAt;

    public function __construct(int $retryCount, ?\DateTimeInterface $redeliveredAt = null) {}

    public static function getRetryCountFromEnvelope(\Messenger\Envelope $envelope): int {}

    public function getRetryCount(): int {}

    public function getRedeliveredAt(): \DateTimeInterface {}
}

/** @strict-properties */
final class ErrorDetailsStamp implements \Messenger\Stamp\StampInterface
{
    private readonly string $exceptionClass;
    private readonly int|string $exceptionCode;
    private readonly string $exceptionMessage;

    public function __construct(string $exceptionClass, int|string $exceptionCode, string $exceptionMessage) {}

    public static function create(\Throwable $throwable): ErrorDetailsStamp {}

    public function getExceptionClass(): string {}

    public function getExceptionCode(): int|string {}

    public function getExceptionMessage(): string {}
}

/** @strict-properties */
final class SentToFailureTransportStamp implements \Messenger\Stamp\StampInterface
{
    private readonly string $originalReceiverName;

    public function __construct(string $originalReceiverName) {}

    public function getOriginalReceiverName(): string {}
}

/** @strict-properties */
final class TransportMessageIdStamp implements \Messenger\Stamp\StampInterface
{
    private readonly mixed $id;

    public function __construct(mixed $id) {}

    public function getId(): mixed {}
}

/** @strict-properties */
final class HandlerArgumentsStamp implements \Messenger\Stamp\NonSendableStampInterface
{
    private readonly array $additionalArguments;

    public function __construct(array $additionalArguments) {}

    public function getAdditionalArguments(): array {}
}

/** @strict-properties */
final class MessageDecodingFailedStamp implements \Messenger\Stamp\StampInterface
{
}

namespace Messenger\Bridge\Amqp\Transport;

/** @strict-properties */
final class AmqpStamp implements \Messenger\Stamp\NonSendableStampInterface
{
    private readonly ?string $routingKey;
    private readonly int $flags;
    private readonly array $attributes;

    public function __construct(?string $routingKey = null, int $flags = 0, array $attributes = []) {}

    public function getRoutingKey(): ?string {}

    public function getFlags(): int {}

    public function getAttributes(): array {}
}

/**
 * What a message received from an AmqpTransport came with: the queue it came from, its delivery
 * (tag, routing key, exchange, redelivered) and its properties (attributes, headers included),
 * in place of Symfony's AMQPEnvelope (ext-amqp is not needed). A retry is published back to that
 * queue alone, with those properties.
 * @strict-properties
 */
final class AmqpReceivedStamp implements \Messenger\Stamp\NonSendableStampInterface
{
    private readonly string $queueName;
    private readonly int $deliveryTag;
    private readonly string $routingKey;
    private readonly string $exchangeName;
    private readonly bool $redelivered;
    private readonly array $attributes;
    private readonly int $connection;

    public function __construct(string $queueName, int $deliveryTag = 0, string $routingKey = '', string $exchangeName = '', bool $redelivered = false, array $attributes = [], int $connection = 0) {}

    public function getQueueName(): string {}

    public function getDeliveryTag(): int {}

    public function getRoutingKey(): string {}

    public function getExchangeName(): string {}

    public function isRedelivered(): bool {}

    public function getAttributes(): array {}
}
