<?php
/* The quickstart's configuration: SmsNotification goes to "async", the table transport on the
 * embedded SQLite database (var/messenger.sqlite); failures end in "failed". */
require_once __DIR__ . '/../src/app.php';

return [
    'transports' => [
        'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 3, 'delay' => 1000]],
        'failed' => 'doctrine://default?queue_name=failed',
    ],
    'failure_transport' => 'failed',
    'routing' => [App\SmsNotification::class => 'async'],
    'handlers' => [new App\SmsNotificationHandler()],
];
