<?php

/** @generate-class-entries */

namespace Messenger\Attribute;

/**
 * #[AsMessageHandler] on a class (its __invoke, or `method`) or on a method.
 * @strict-properties
 */
final class AsMessageHandler
{
    public ?string $bus;
    public ?string $fromTransport;
    public ?string $handles;
    public ?string $method;
    public int $priority;

    public function __construct(?string $bus = null, ?string $fromTransport = null, ?string $handles = null, ?string $method = null, int $priority = 0) {}
}

/**
 * #[AsMessage] on a message class, a parent or an interface: the transports a message is sent to
 * when the routing configuration names none for its types (Symfony 7.2).
 * @strict-properties
 */
final class AsMessage
{
    public string|array|null $transport;
    public ?string $serializedTypeName;

    public function __construct(string|array|null $transport = null, ?string $serializedTypeName = null) {}
}
