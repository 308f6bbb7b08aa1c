<?php

/** @generate-class-entries */

namespace Messenger\Webhook;

/**
 * One delivery of one body to one endpoint: route it like any message. The id is fixed when the
 * message is made and kept across retries (receivers drop duplicates with it). Fan-out is
 * dispatchAll() of one message per endpoint.
 * @strict-properties
 */
final class WebhookMessage
{
    private readonly string $url;
    private readonly string $body;
    private readonly array $headers;
    private readonly ?string $secret;
    private readonly string $method;
    private readonly string $id;
    private readonly ?string $event;

    public function __construct(string $url, string $body, array $headers = [], #[\SensitiveParameter] ?string $secret = null,
                                string $method = 'POST', ?string $id = null, ?string $event = null) {}

    /** The payload as JSON (Content-Type: application/json). */
    public static function json(string $url, mixed $payload, #[\SensitiveParameter] ?string $secret = null, ?string $event = null, array $headers = []): WebhookMessage {}

    public function getUrl(): string {}

    public function getBody(): string {}

    /** @return array<string, string> */
    public function getHeaders(): array {}

    public function getSecret(): ?string {}

    public function getMethod(): string {}

    public function getId(): string {}

    public function getEvent(): ?string {}

    /** @return array<string, mixed> */
    public function __debugInfo(): array {}
}

/**
 * What one attempt gave: the HandledStamp's result of a delivered message, and what the
 * webhook events and the exceptions of a failed one carry.
 * @strict-properties
 */
final class WebhookResult
{
    private readonly string $url;
    private readonly string $id;
    private readonly ?string $event;
    private readonly int $statusCode;
    private readonly float $durationMs;
    private readonly int $attempt;
    private readonly array $responseHeaders;
    private readonly string $responseBody;
    private readonly ?string $error;

    /** Made by the handler only. */
    private function __construct() {}

    /** The status, 0 when no response came. */
    public function getStatusCode(): int {}

    public function getDurationMs(): float {}

    /** 1 for the first attempt, 2 for the first retry... */
    public function getAttempt(): int {}

    /** @return array<string, string> lower-cased names */
    public function getResponseHeaders(): array {}

    /** Its first bytes: max_response_bytes at most. */
    public function getResponseBody(): string {}

    /** The endpoint, without user information. */
    public function getUrl(): string {}

    public function getId(): string {}

    public function getEvent(): ?string {}

    /** What failed below HTTP (a timeout, a refused or reset connection, TLS), or null. */
    public function getError(): ?string {}

    public function isDelivered(): bool {}
}

/** A failed attempt: the result says how; getPrevious() of the HandlerFailedException is this. */
interface WebhookExceptionInterface extends \Messenger\Exception\ExceptionInterface
{
    public function getResult(): WebhookResult;
}

/**
 * 408, 429, 5xx, a timeout, a connection or TLS error: retried as the transport's retry strategy
 * says (not forever, as a RecoverableExceptionInterface would be), waiting at least what a
 * Retry-After asked for.
 */
final class RetryableWebhookException extends \Messenger\Exception\RuntimeException implements WebhookExceptionInterface
{
    private ?WebhookResult $result = null;
    private ?int $retryDelay = null;

    public function getResult(): WebhookResult {}

    /** The least wait (ms) before the retry: a Retry-After, capped by max_retry_after; or null. */
    public function getRetryDelay(): ?int {}
}

/** 3xx and the 4xx that a retry would not change; 410 Gone is an EndpointGoneException. */
class UnrecoverableWebhookException extends \Messenger\Exception\UnrecoverableMessageHandlingException implements WebhookExceptionInterface
{
    private ?WebhookResult $result = null;

    public function getResult(): WebhookResult {}
}

/** 410 Gone: the endpoint asks not to be called again (the webhook_gone event says so too). */
final class EndpointGoneException extends UnrecoverableWebhookException
{
}

/**
 * The native handler of WebhookMessage: the requests of the messages a worker reads ahead run
 * concurrently on one libcurl multi handle (keep-alive, HTTP/2 where offered). A Messenger uses
 * one made with its 'webhook' options unless the application maps WebhookMessage itself.
 * Options: timeout (s, 30), connect_timeout (s, 5), concurrency (32), per_host (0: as
 * concurrency), max_response_bytes (4096), signature ('standard' or 'symfony'),
 * allow_private_networks (false), verify_tls (true), ca_file, max_retry_after (s, 3600),
 * user_agent ("Messenger-Webhook/VERSION").
 * @strict-properties
 * @not-serializable
 */
final class WebhookHandler implements \Messenger\Handler\BatchHandlerInterface
{
    public function __construct(array $options = []) {}

    /** Without an Acknowledger: delivers at once and returns the result, or throws. */
    public function __invoke(WebhookMessage $message, ?\Messenger\Handler\Acknowledger $ack = null): mixed {}

    public function flush(bool $force): void {}
}
