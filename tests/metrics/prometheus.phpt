--TEST--
A real Prometheus (Debian's) scrapes a worker started with --metrics: the target is up and its queries see the worker's exact counts, the histogram's quantile and the queue gauge
--EXTENSIONS--
messenger
pdo_sqlite
--SKIPIF--
<?php if (!is_executable('/usr/bin/prometheus')) die('skip prometheus (Debian package) is not installed: scripts/deps.sh test installs it'); ?>
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
$dir = sys_get_temp_dir() . '/messenger-prometheus-' . getmypid();
rm_tree($dir);
make_app($dir, <<<'PHP'
<?php
if (!class_exists('Ping')) {
    final class Ping { public function __construct(public bool $fail = false) {} }
}
return [
    'transports' => ['async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]], 'failed' => 'doctrine://default?queue_name=failed'],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => function (Ping $p) { if ($p->fail) { throw new RuntimeException('no'); } }],
];
PHP);
$m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
$m->setupTransports();
for ($i = 0; $i < 7; $i++) {
    $m->dispatch(new Ping($i === 3));
}
$port = free_port();
$worker = start_console($dir, ['messenger:consume', 'async', "--metrics=127.0.0.1:$port"], 'worker.log');
wait_for(fn () => http('GET', "http://127.0.0.1:$port/metrics"), 20, 'the worker to listen');

$promPort = free_port();
mkdir("$dir/tsdb");
file_put_contents("$dir/prometheus.yml", "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: messenger\n    static_configs:\n      - targets: ['127.0.0.1:$port']\n");
$prom = proc_open(['/usr/bin/prometheus', "--config.file=$dir/prometheus.yml", "--storage.tsdb.path=$dir/tsdb", "--web.listen-address=127.0.0.1:$promPort"],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/prometheus.log", 'w'], 2 => ['file', "$dir/prometheus.log", 'a']], $pipes);
$query = function (string $q) use ($promPort) {
    $r = http('GET', "http://127.0.0.1:$promPort/api/v1/query?query=" . rawurlencode($q), [], '', 5);
    $data = $r ? json_decode($r['body'], true) : null;
    return ($data['status'] ?? '') === 'success' && $data['data']['result'] ? $data['data']['result'] : null;
};
try {
    $up = wait_for(fn () => $query('up{job="messenger"} == 1'), 60, 'Prometheus to scrape the worker');
    echo 'up: ', $up[0]['value'][1], ', instance ', str_replace((string) $port, 'PORT', $up[0]['metric']['instance']), "\n";
    $handled = wait_for(fn () => ($r = $query('messaging_handler_total{outcome="handled"}')) && $r[0]['value'][1] === '6' ? $r : null, 30, 'the handled count');
    echo 'handled: ', $handled[0]['value'][1], ' (transport ', $handled[0]['metric']['transport'], ', class ', $handled[0]['metric']['message_class'], ")\n";
    $sent = $query('messaging_handler_total{outcome="sent_to_failure"}');
    echo 'sent_to_failure: ', $sent[0]['value'][1], "\n";
    $errors = $query('sum(messaging_handler_errors_total)');
    echo 'errors: ', $errors[0]['value'][1], "\n";
    $count = $query('sum(messaging_handler_duration_seconds_count)');
    echo 'durations observed: ', $count[0]['value'][1], "\n";
    $q = $query('histogram_quantile(0.5, sum by (le) (messaging_handler_duration_seconds_bucket))');
    echo 'median below 1 s: ', var_export((float) $q[0]['value'][1] < 1, true), "\n";
    $failed = wait_for(fn () => ($r = $query('messaging_queue_messages{transport="failed"}')) && $r[0]['value'][1] === '1' ? $r : null, 30, 'the failed gauge');
    echo 'failed waiting: ', $failed[0]['value'][1], "\n";
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n", @file_get_contents("$dir/prometheus.log"), @file_get_contents("$dir/worker.log");
}
proc_terminate($prom, SIGTERM);
proc_close($prom);
proc_terminate($worker, SIGTERM);
echo 'worker exit ', proc_close($worker), "\n";
rm_tree($dir);
?>
--EXPECT--
up: 1, instance 127.0.0.1:PORT
handled: 6 (transport async, class Ping)
sent_to_failure: 1
errors: 1
durations observed: 7
median below 1 s: true
failed waiting: 1
worker exit 0
