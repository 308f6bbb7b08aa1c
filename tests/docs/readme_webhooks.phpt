--TEST--
The README's webhook example runs as written (against a local server, so with allow_private_networks, and with its retry waits shortened from 10 s and 30 s to 100 ms and 300 ms) and fills the delivery table as it says: delivered, gone (the subscription disabled), retried then delivered with the same id, given up after 3 attempts
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
$server = new App\Webhook\Server();
$dir = sys_get_temp_dir() . '/messenger-readme-wh-' . getmypid();
@mkdir($dir);
chdir($dir); // doctrine://default is var/messenger.sqlite of the current folder

// what the block takes from the application around it: its database with the subscriptions
$pdo = new PDO("sqlite:$dir/app.sqlite", null, null, [PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC, PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$pdo->exec('CREATE TABLE subscription (id INTEGER PRIMARY KEY, endpoint TEXT, secret TEXT, active INT)');
$pdo->exec('CREATE TABLE fusio_webhook_response (id INTEGER PRIMARY KEY, webhook_id INT, status INT, attempts INT, code INT, body TEXT, execute_date TEXT)');
$secret = 'whsec_' . base64_encode(random_bytes(32));
foreach (['/status/200', '/status/410', '/flaky/1/a', '/status/503', '/status/200'] as $i => $path) {
    $pdo->prepare('INSERT INTO subscription (endpoint, secret, active) VALUES (?, ?, ?)')->execute([$server->url($path), $secret, $i === 4 ? 0 : 1]);
}

preg_match_all('/```php\n(.*?)```/s', file_get_contents(__DIR__ . '/../../README.md'), $m);
$block = current(array_filter($m[1], fn($b) => str_contains($b, 'WebhookMessage')));
$n = 0;
$block = str_replace("'timeout' => 15]", "'timeout' => 15, 'allow_private_networks' => true]", $block, $c1);
$block = str_replace("'delays' => [10000, 30000]", "'delays' => [100, 300]", $block, $c2);
echo 'edits made: ', $c1 + $c2, "\n";
$file = "$dir/block.php";
file_put_contents($file, "<?php\n" . $block . "\nreturn \$messenger;\n");
$messenger = (function () use ($file, $pdo) { return require $file; })();

echo 'queued: ', $messenger->transport('webhooks')->getMessageCount(), "\n";
$messenger->worker(['webhooks'])->run(['time_limit' => 3, 'sleep' => 0.02]);
foreach ($pdo->query('SELECT r.status, r.attempts, r.code, r.body, r.execute_date, s.endpoint, s.active FROM fusio_webhook_response r JOIN subscription s ON s.id = r.webhook_id ORDER BY r.id') as $row) {
    printf("%s: status %d, attempts %d, code %d, body %s, dated %s, subscription active %d\n", parse_url($row['endpoint'], PHP_URL_PATH), $row['status'], $row['attempts'], $row['code'],
        json_encode($row['body']), var_export((bool) strtotime($row['execute_date']), true), $row['active']);
}
echo 'in the failure transport: ', count($messenger->transport('failed')->all()), "\n";
$reqs = $server->requests();
$byPath = [];
foreach ($reqs as $r) { $byPath[$r['path']][] = $r['headers']['webhook-id']; }
ksort($byPath);
foreach ($byPath as $path => $ids) { echo "$path: ", count($ids), ' requests, ids ', implode(',', array_unique($ids)), "\n"; }
$ok = 0;
foreach ($reqs as $r) { $ok += $r['headers']['webhook-signature'] === App\Webhook\standard_signature($secret, $r['headers']['webhook-id'], $r['headers']['webhook-timestamp'], $r['body']); }
echo "signed: $ok of ", count($reqs), ', body: ', $reqs[0]['body'], "\n";
// exceptions' traces may hold Acknowledgers, which hold the worker and the Messenger: cycles,
// freed here rather than left to the end of the process
unset($messenger, $pdo);
gc_collect_cycles();
array_map('unlink', glob("$dir/var/*"));
@rmdir("$dir/var");
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
edits made: 2
queued: 4
/status/200: status 2, attempts 1, code 200, body "status 200", dated true, subscription active 1
/status/410: status 3, attempts 1, code 410, body "status 410", dated true, subscription active 0
/flaky/1/a: status 2, attempts 2, code 200, body "ok", dated true, subscription active 1
/status/503: status 3, attempts 3, code 503, body "status 503", dated true, subscription active 1
in the failure transport: 2
/flaky/1/a: 2 requests, ids whr_3
/status/200: 1 requests, ids whr_1
/status/410: 1 requests, ids whr_2
/status/503: 3 requests, ids whr_4
signed: 7 of 7, body: {"event":"account.register","user":{"id":42,"name":"Ada"}}
