<?php

/** @generate-class-entries */

namespace Messenger\Serializer;

/**
 * Turns an Envelope into what a transport stores (['body' => string, 'headers' => [string => string]])
 * and back. A serializer written in PHP works wherever a native one does.
 */
interface SerializerInterface
{
    public function encode(\Messenger\Envelope $envelope): array;

    public function decode(array $encodedEnvelope): \Messenger\Envelope;
}

/**
 * Symfony's PhpSerializer format: addslashes(serialize()) of an Envelope under Symfony's class
 * names, base64 when that is not UTF-8, no headers. Decoding instantiates only the classes of
 * the allow-list (option "allowed_classes": a list of classes, "Namespace\*" prefixes, or true).
 * @strict-properties
 * @not-serializable
 */
final class PhpSerializer implements SerializerInterface
{
    public function __construct(array $options = []) {}

    public function encode(\Messenger\Envelope $envelope): array {}

    public function decode(array $encodedEnvelope): \Messenger\Envelope {}
}

/**
 * Symfony's Serializer JSON format: the message's properties as a JSON body, headers "type",
 * "X-Message-Stamp-<class>" and "Content-Type". Same "allowed_classes" option.
 * @strict-properties
 * @not-serializable
 */
final class JsonSerializer implements SerializerInterface
{
    public function __construct(array $options = []) {}

    public function encode(\Messenger\Envelope $envelope): array {}

    public function decode(array $encodedEnvelope): \Messenger\Envelope {}
}
