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
