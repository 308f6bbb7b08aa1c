--TEST--
messenger:consume --metrics on a webhook transport: messaging_webhook_requests_total by the class of the endpoint's status (2xx, 4xx, 5xx, and error when none came) and the duration histogram of every attempt, beside the handler's counts
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
require __DIR__ . '/../_inc/webhook.inc';
$server = new App\Webhook\Server();
$dir = sys_get_temp_dir() . '/messenger-metrics-webhooks-' . getmypid();
rm_tree($dir);
make_app($dir, <<<'PHP'
<?php
return [
    'transports' => [
        'webhooks' => ['dsn' => 'doctrine://default?queue_name=webhooks', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://default?queue_name=failed',
    ],
    'failure_transport' => 'failed',
    'routing' => [Messenger\Webhook\WebhookMessage::class => 'webhooks'],
    'webhook' => ['timeout' => 1, 'allow_private_networks' => true],
];
PHP);
$m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
$m->setupTransports();
foreach (['/status/200', '/status/204', '/status/200', '/status/404', '/status/503', '/never'] as $path) {
    $m->dispatch(new Messenger\Webhook\WebhookMessage($server->url($path), '{"event":"ping"}'));
}
$port = free_port();
$worker = start_console($dir, ['messenger:consume', 'webhooks', "--metrics=127.0.0.1:$port"], 'worker.log');
$s = wait_for(function () use ($port) {
    $r = http('GET', "http://127.0.0.1:$port/metrics");
    $s = $r ? samples($r['body']) : [];
    return ($s['messaging_webhook_request_duration_seconds_count{status_class="error"}'] ?? null) === '1' ? $s : null;
}, 30, 'every attempt to be counted');
foreach (['2xx', '4xx', '5xx', 'error'] as $c) {
    echo "$c: ", $s["messaging_webhook_requests_total{status_class=\"$c\"}"] ?? 'none', ', timed ', $s["messaging_webhook_request_duration_seconds_count{status_class=\"$c\"}"] ?? 'none', "\n";
}
echo 'the timeout took at least 1 s: ', var_export((float) $s['messaging_webhook_request_duration_seconds_sum{status_class="error"}'] >= 0.9, true), "\n";
echo 'handled: ', $s['messaging_handler_total{transport="webhooks",message_class="Messenger\\\\Webhook\\\\WebhookMessage",outcome="handled"}'],
    ', sent to failure: ', $s['messaging_handler_total{transport="webhooks",message_class="Messenger\\\\Webhook\\\\WebhookMessage",outcome="sent_to_failure"}'], "\n";
proc_terminate($worker, SIGTERM);
echo 'exit ', proc_close($worker), "\n";
rm_tree($dir);
?>
--EXPECT--
2xx: 3, timed 3
4xx: 1, timed 1
5xx: 1, timed 1
error: 1, timed 1
the timeout took at least 1 s: true
handled: 3, sent to failure: 3
exit 0
