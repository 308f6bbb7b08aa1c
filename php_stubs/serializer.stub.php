<?php

/** @generate-class-entries */

namespace Messenger\Transport\Serialization;

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

/**
 * What a transport hands over in place of a message its serializer could not decode: the body
 * and headers as stored, and the reason. The worker sends it to the failure transport instead of
 * losing it; messenger:failed:retry decodes it again (once its class exists, say) and handles it.
 * @strict-properties
 */
final class UndecodableMessage
{
    public string $body;
    /** @var array<string, string> */
    public array $headers;
    public string $error;

    public function __construct(string $body, array $headers, string $error) {}
}
