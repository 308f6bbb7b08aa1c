--TEST--
Webhook workers as processes on the SQLite table: a worker killed (-9) while its request is in flight leaves the message, which the next worker delivers again with the same webhook-id; SIGTERM while a request hangs stops the worker within stop_timeout, the message retried later (not lost, not failed)
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$s = new App\Webhook\Server();
$dir = sys_get_temp_dir() . '/messenger-webhook-proc-' . getmypid();
@mkdir($dir);
$db = "$dir/queue.sqlite";
$child = <<<'PHP'
<?php
[$self, $db, $log, $what] = $argv + [3 => 'work'];
$m = new Messenger\Messenger([
    'connections' => ['db' => "sqlite:$db"],
    'transports' => ['hooks' => ['dsn' => 'doctrine://db?table_name=wh&redeliver_timeout=2', 'retry_strategy' => ['delays' => [60000]]], 'failed' => 'doctrine://db?table_name=wh_failed'],
    'failure_transport' => 'failed',
    'routing' => [Messenger\Webhook\WebhookMessage::class => 'hooks'],
    'webhook' => ['allow_private_networks' => true, 'timeout' => 30, 'stop_timeout' => 1],
    'listeners' => ['webhook' => function (array $e) use ($log) {
        file_put_contents($log, $e['result']->getStatusCode() . ' ' . ($e['error'] ?? null)?->getMessage() . ' retryable=' . var_export($e['retryable'], true) . "\n", FILE_APPEND);
    }],
]);
if (str_starts_with($what, 'http')) {
    [$url, $id] = explode(' ', $what);
    $m->dispatch(new Messenger\Webhook\WebhookMessage($url, '{"n":1}', [], 'whsec_' . base64_encode('k'), 'POST', $id, 'test.event'));
    exit(0);
}
exit($m->worker(['hooks'])->run(['sleep' => 0.05, 'limit' => (int) ($argv[4] ?? 100)]));
PHP;
file_put_contents("$dir/worker.php", $child);
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], "$dir/worker.php", $db, "$dir/events.log"];
$rows = fn($t = 'wh') => (int) (new PDO("sqlite:$db"))->query("SELECT COUNT(*) FROM $t")->fetchColumn();
$run = fn(array $args) => proc_open(array_merge($php, $args), [], $pipes);

proc_close($run([$s->url('/slow/500/a') . ' evt-a']));
echo 'queued: ', $rows(), "\n";
$p = $run(['work']);
$got = $s->waitFor(1, 10);
proc_terminate($p, SIGKILL);
proc_close($p);
echo 'killed while ', $got[0]['path'] ?? 'nothing', ' was in flight; left in the queue: ', $rows(), "\n";
usleep(2200000); // redeliver_timeout is 2 s (longer than the request: the worker would claim it again meanwhile)
$p = $run(['work', 1]);
echo 'the next worker: exit ', proc_close($p), ', left in the queue: ', $rows(), "\n";
$reqs = $s->requests();
echo 'requests: ', count($reqs), ', the same webhook-id both times: ', json_encode(array_column(array_column($reqs, 'headers'), 'webhook-id')), "\n";
echo 'events: ', file_get_contents("$dir/events.log");
unlink("$dir/events.log");

proc_close($run([$s->url('/never') . ' evt-b']));
$p = $run(['work']);
$s->waitFor(count($reqs) + 1, 10);
$t = microtime(true);
proc_terminate($p, SIGTERM);
$code = proc_close($p);
$took = microtime(true) - $t;
echo 'SIGTERM while /never hangs: exit ', $code, ', stopped within 1 to 3 s: ', var_export($took >= 0.9 && $took < 3, true), "\n";
echo 'events: ', file_get_contents("$dir/events.log");
$row = (new PDO("sqlite:$db"))->query("SELECT available_at, delivered_at FROM wh")->fetch(PDO::FETCH_ASSOC);
echo 'left in the queue: ', $rows(), ', for later: ', var_export(strtotime($row['available_at'] . ' UTC') > time() + 30, true), ', failed: ', (int) (new PDO("sqlite:$db"))->query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'wh_failed'")->fetchColumn() ? $rows('wh_failed') : 0, "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
queued: 1
killed while /slow/500/a was in flight; left in the queue: 1
the next worker: exit 0, left in the queue: 0
requests: 2, the same webhook-id both times: ["evt-a","evt-a"]
events: 200  retryable=false
SIGTERM while /never hangs: exit 0, stopped within 1 to 3 s: true
events: 0 Webhook evt-b to http://127.0.0.1:%d/never failed: the worker stopped before the endpoint answered retryable=true
left in the queue: 1, for later: true, failed: 0
