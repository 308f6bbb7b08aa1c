--TEST--
messenger:consume --metrics: the worker itself answers GET /metrics in Prometheus' text format with exact counts per transport, class and outcome (handled, retried, sent_to_failure, rejected), errors, a duration histogram, the queues' counts, memory and start time; message classes beyond 50 are "other"; promtool accepts it; bad addresses are refused with the option named
--EXTENSIONS--
messenger
pdo_sqlite
--SKIPIF--
<?php if (!is_executable('/usr/bin/promtool')) die('skip promtool (Debian package prometheus) is not installed: scripts/deps.sh test installs it'); ?>
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
$dir = sys_get_temp_dir() . '/messenger-metrics-' . getmypid();
rm_tree($dir);
make_app($dir, <<<'PHP'
<?php
namespace App\Message { final class Ok {} final class Bad {} }
namespace {
    $handlers = [App\Message\Ok::class => fn () => null, App\Message\Bad::class => function () { throw new RuntimeException('no'); }];
    for ($i = 0; $i < 53; $i++) {
        if (!class_exists("App\\Many\\C$i")) {
            eval("namespace App\\Many; final class C$i {}");
        }
        $handlers["App\\Many\\C$i"] = fn () => null;
    }
    return [
        'transports' => [
            'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 1, 'delay' => 1]],
            'failed' => 'doctrine://default?queue_name=failed',
        ],
        'failure_transport' => 'failed',
        'routing' => ['*' => 'async'],
        'handlers' => $handlers,
    ];
}
PHP);
$m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
$m->setupTransports();
foreach ([new App\Message\Ok(), new App\Message\Ok(), new App\Message\Ok(), new App\Message\Bad()] as $msg) {
    $m->dispatch($msg);
}
for ($i = 0; $i < 53; $i++) {
    $class = "App\\Many\\C$i";
    $m->dispatch(new $class());
}
// a row nobody can decode, last: it goes to the failure transport (as UndecodableMessage; here its class is past the cap)
$pdo = new PDO("sqlite:$dir/var/messenger.sqlite");
$pdo->exec("INSERT INTO messenger_messages (body, headers, queue_name, created_at, available_at) VALUES ('garbage', '[]', 'default', '2026-01-01 00:00:00', '2026-01-01 00:00:00')");
unset($m);

$port = free_port();
$worker = start_console($dir, ['messenger:consume', 'async', "--metrics=127.0.0.1:$port"], 'worker.log');
$started = time();
$text = wait_for(function () use ($port) {
    $r = http('GET', "http://127.0.0.1:$port/metrics");
    // done: the Bad message's second failure sent it to the failure transport
    return $r && str_contains($r['body'], 'message_class="App\\\\Message\\\\Bad",outcome="sent_to_failure"} 1') ? $r : null;
}, 30, 'the worker to handle every message');
echo 'status ', $text['status'], ', ', $text['headers']['content-type'], "\n";
$s = samples($text['body']);
foreach (['handled', 'retried', 'sent_to_failure', 'failed', 'rejected'] as $o) {
    foreach (['App\\\\Message\\\\Ok', 'App\\\\Message\\\\Bad', 'other'] as $c) {
        $k = "messaging_handler_total{transport=\"async\",message_class=\"$c\",outcome=\"$o\"}";
        if (isset($s[$k])) {
            echo "$c $o: {$s[$k]}\n";
        }
    }
}
echo 'errors of Bad: ', $s['messaging_handler_errors_total{transport="async",message_class="App\\\\Message\\\\Bad"}'], "\n";
$named = [];
foreach ($s as $k => $v) {
    if (preg_match('/^messaging_handler_total\{transport="async",message_class="([^"]+)",outcome="handled"\}$/', $k, $mm)) {
        $named[$mm[1]] = true;
    }
}
echo 'classes named in labels: ', count($named), ' (', isset($named['other']) ? 'and other' : 'no other', ")\n";
echo 'Ok histogram: count ', $s['messaging_handler_duration_seconds_count{transport="async",message_class="App\\\\Message\\\\Ok"}'],
    ', +Inf ', $s['messaging_handler_duration_seconds_bucket{transport="async",message_class="App\\\\Message\\\\Ok",le="+Inf"}'],
    ', sum below 1 s: ', var_export((float) $s['messaging_handler_duration_seconds_sum{transport="async",message_class="App\\\\Message\\\\Ok"}'] < 1, true), "\n";
// the buckets are cumulative
$last = -1;
$ordered = true;
foreach ($s as $k => $v) {
    if (str_starts_with($k, 'messaging_handler_duration_seconds_bucket{transport="async",message_class="App\\\\Message\\\\Ok"')) {
        $ordered = $ordered && (int) $v >= $last;
        $last = (int) $v;
    }
}
echo 'buckets cumulative: ', var_export($ordered, true), "\n";
// the queues' counts are asked at most every 5 s: the one of the start may be old; wait for a new one
$q = wait_for(function () use ($port) {
    $s = samples(http('GET', "http://127.0.0.1:$port/metrics")['body']);
    return ($s['messaging_queue_messages{transport="async"}'] ?? null) === '0' && $s['messaging_queue_messages{transport="failed"}'] === '2' ? $s : null;
}, 15, 'the queue count to be refreshed');
echo 'queue async: ', $q['messaging_queue_messages{transport="async"}'], ', failed: ', $q['messaging_queue_messages{transport="failed"}'], "\n";
echo 'memory between 1 MB and 1 GB: ', var_export($q['messaging_worker_memory_bytes'] > 1e6 && $q['messaging_worker_memory_bytes'] < 1e9, true), "\n";
echo 'start time within 10 s of the process start: ', var_export(abs((float) $q['messaging_worker_start_time_seconds'] - $started) < 10, true), "\n";
file_put_contents("$dir/scrape.txt", $text['body']);
exec('/usr/bin/promtool check metrics < ' . escapeshellarg("$dir/scrape.txt") . ' 2>&1', $lint, $code);
echo 'promtool check metrics: exit ', $code, ' ', implode(' ', $lint), "\n";
// every HELP and TYPE once, before its samples
preg_match_all('/^# TYPE (\S+) (\S+)$/m', $text['body'], $types, PREG_SET_ORDER);
echo 'families: ', implode(', ', array_map(fn ($t) => "$t[1] ($t[2])", $types)), "\n";

// what else the port answers
foreach ([['GET', '/'], ['GET', '/nope'], ['POST', '/metrics'], ['HEAD', '/metrics']] as [$method, $path]) {
    $r = http($method, "http://127.0.0.1:$port$path");
    echo "$method $path: ", $r['status'], $method === 'HEAD' ? ', body ' . strlen($r['body']) . ' bytes, length ' . ($r['headers']['content-length'] > 1000 ? '> 1000' : 'small') : '', "\n";
}
// garbage on the port: 400, and the worker goes on
$sock = stream_socket_client("tcp://127.0.0.1:$port");
fwrite($sock, "\x00\x01garbage\r\n\r\n");
echo 'garbage: ', strtok(stream_get_contents($sock), "\r"), "\n";
fclose($sock);
echo 'still answering: ', http('GET', "http://127.0.0.1:$port/metrics")['status'], "\n";

// its report to the dashboard, then SIGTERM: the report says it stopped
$files = glob("$dir/var/messenger-workers/*.json");
$st = json_decode(file_get_contents($files[0]), true);
echo 'report: ', count($files), ' file, pid matches: ', var_export($st['pid'] === proc_get_status($worker)['pid'], true), ', running: ', var_export($st['running'], true), ', transports: ', implode(',', $st['transports']), "\n";
proc_terminate($worker, SIGTERM);
echo 'exit ', proc_close($worker), "\n";
$st = json_decode(file_get_contents($files[0]), true);
echo 'after SIGTERM: running ', var_export($st['running'], true), ', handled ', $st['handled'], ', failed ', $st['failed'], "\n";
echo 'the port is closed: ', var_export(http('GET', "http://127.0.0.1:$port/metrics", [], '', 1) === null, true), "\n";

// bad addresses: refused before anything is consumed
[$code, $out] = run_console($dir, ['messenger:consume', 'async', '--metrics=nonsense:port', '--limit=1']);
echo "--metrics=nonsense:port: exit $code: ", trim($out), "\n";
$busy = stream_socket_server('tcp://127.0.0.1:0');
$taken = stream_socket_get_name($busy, false);
[$code, $out] = run_console($dir, ['messenger:consume', 'async', "--metrics=$taken", '--limit=1']);
echo "--metrics=(a port in use): exit $code: ", str_replace($taken, 'ADDR', trim($out)), "\n";
$m = new Messenger\Messenger(['transports' => ['async' => 'in-memory://']]);
try {
    $m->worker(['async'])->run(['metrics' => 9464, 'limit' => 1]);
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
rm_tree($dir);
?>
--EXPECT--
status 200, text/plain; version=0.0.4; charset=utf-8
App\\Message\\Ok handled: 3
App\\Message\\Bad handled: 0
other handled: 5
App\\Message\\Ok retried: 0
App\\Message\\Bad retried: 1
other retried: 0
App\\Message\\Ok sent_to_failure: 0
App\\Message\\Bad sent_to_failure: 1
other sent_to_failure: 1
App\\Message\\Ok failed: 0
App\\Message\\Bad failed: 0
other failed: 0
App\\Message\\Ok rejected: 0
App\\Message\\Bad rejected: 0
other rejected: 0
errors of Bad: 2
classes named in labels: 51 (and other)
Ok histogram: count 3, +Inf 3, sum below 1 s: true
buckets cumulative: true
queue async: 0, failed: 2
memory between 1 MB and 1 GB: true
start time within 10 s of the process start: true
promtool check metrics: exit 0 
families: messaging_handler_total (counter), messaging_handler_errors_total (counter), messaging_handler_duration_seconds (histogram), messaging_queue_messages (gauge), messaging_worker_memory_bytes (gauge), messaging_worker_start_time_seconds (gauge)
GET /: 200
GET /nope: 404
POST /metrics: 405
HEAD /metrics: 200, body 0 bytes, length > 1000
garbage: HTTP/1.1 400 Bad Request
still answering: 200
report: 1 file, pid matches: true, running: true, transports: async
exit 0
after SIGTERM: running false, handled 56, failed 2
the port is closed: true
--metrics=nonsense:port: exit 1: [OK] Consuming messages from transport "async".
[ERROR] Messenger\Exception\InvalidArgumentException: The worker option "metrics": "nonsense:port" is not an address to listen on: the port must be a number from 0 to 65535
--metrics=(a port in use): exit 1: [OK] Consuming messages from transport "async".
[ERROR] Messenger\Exception\InvalidArgumentException: The worker option "metrics": Cannot listen on "ADDR": Address already in use
Messenger\Exception\InvalidArgumentException: The worker option "metrics" must be an address to listen on (host:port), int given
