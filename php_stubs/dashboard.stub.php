<?php

/** @generate-class-entries */

namespace Messenger;

/**
 * The dashboard: one page and its JSON API (api/stats, api/failed, api/failed/{id},
 * POST api/failed/{id}/retry, POST api/failed/{id}/remove), served by messenger:dashboard or
 * mounted by an application in its own web server under a path of its choice.
 * Options: path (where it is mounted, "/"), token (required on every request when set),
 * status_dir (where workers report themselves: the project's var/messenger-workers),
 * page_size (failed messages per page, 20).
 * @strict-properties
 * @not-serializable
 */
final class Dashboard
{
    public function __construct(Messenger $messenger, array $options = []) {}

    /**
     * One request: $uri is the path and query as the client sent them, $headers name => value
     * (any case). Returns ['status' => int, 'headers' => [name => value], 'body' => string].
     */
    public function handle(string $method, string $uri, array $headers = [], string $body = ''): array {}

    /** The request PHP is serving now ($_SERVER, php://input), answered with header() and echo. */
    public function serve(): void {}
}
