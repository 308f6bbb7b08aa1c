<?php

/** @generate-class-entries */

namespace Messenger\Stamp;

/** A marker for everything that can be attached to an Envelope. */
interface StampInterface
{
}

/** A stamp that is never sent to a transport. */
interface NonSendableStampInterface extends StampInterface
{
}

namespace Messenger;

/** @strict-properties */
final class Envelope
{
    /* Symfony's order: serialize() writes the stamps first, like Symfony's Envelope */
    private array $stamps = [];
    private object $message;

    public function __construct(object $message, array $stamps = []) {}

    public static function wrap(object $message, array $stamps = []): Envelope {}

    public function with(\Messenger\Stamp\StampInterface ...$stamps): Envelope {}

    public function withoutAll(string $stampFqcn): Envelope {}

    public function withoutStampsOfType(string $type): Envelope {}

    public function last(string $stampFqcn): ?\Messenger\Stamp\StampInterface {}

    public function all(?string $stampFqcn = null): array {}

    public function getMessage(): object {}
}
