--TEST--
A worker waits out an outage of its Redis (a private redis-server stopped and started again under it): it says so once, waits with growing pauses, goes on when the server is back and handles every message, sent before and after; --reconnect-timeout bounds the wait (then the error ends it, exit 1); a server that refuses the credentials ends it at once, without waiting
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';

preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$server = new App\Redis\Server();
$port = $server->port;
$server->start(['--appendonly', 'yes', '--appendfsync', 'always']);
$dir = sys_get_temp_dir() . '/messenger-outage-' . getmypid();
@mkdir("$dir/config", 0777, true);
$configure = function (string $dsn) use ($dir) {
    file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("Job")) { final class Job { public function __construct(public int $n) {} } }
return [
    "transports" => ["async" => ' . var_export($dsn, true) . '],
    "routing" => [Job::class => "async"],
    "handlers" => [Job::class => function (Job $j) { echo "handled {$j->n}\n"; }],
];');
};
$php = [PHP_BINARY, '-n', '-d', 'extension=' . $so[0]];
$dispatch = function (int ...$ns) use ($php, $dir) {
    $code = 'require "config/messenger.php"; $m = Messenger\Messenger::fromFile("config/messenger.php"); foreach (array_slice($argv, 1) as $n) { $m->dispatch(new Job((int) $n)); }';
    proc_close(proc_open(array_merge($php, ['-r', $code, '--'], array_map('strval', $ns)), [], $pipes, $dir));
};
$worker = function (array $args) use ($php, $console, $dir) {
    return proc_open(array_merge($php, [$console, 'messenger:consume', 'async'], $args), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir) + ['pipes' => $pipes];
};
// (how the connection failed depends on timing: refused, reset, or a read in flight when the
// server went away)
$clean = fn (string $out) => trim(preg_replace(['/127\.0\.0\.1:\d+/', '/in \S+ on line \d+/', '/\n+/', '/is unavailable \(.*\): waiting/'],
    ['127.0.0.1:PORT', 'in FILE', "\n", 'is unavailable (the connection failed): waiting'], $out));

echo "-- a restart under a running worker\n";
$configure("redis://127.0.0.1:$port/jobs");
$dispatch(1, 2);
$proc = proc_open(array_merge($php, [$console, 'messenger:consume', 'async', '--limit=4', '--sleep=0.05']), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
$raw = new App\Redis\Raw("redis://127.0.0.1:$port");
for ($i = 0; $i < 200 && (int) $raw('XLEN', 'jobs') > 0; $i++) {
    usleep(50000);
}
echo 'handled before the restart: ', $raw('XLEN', 'jobs') == 0 ? 'yes' : 'no', "\n";
$server->stop();
usleep(1500000); // the worker meets the outage and waits
$server->start(['--appendonly', 'yes', '--appendfsync', 'always']);
$dispatch(3, 4);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
echo 'worker: exit ', proc_close($proc), "\n", $clean($out), "\n", $clean($err), "\n";

echo "-- a server that stays down, with --reconnect-timeout=1\n";
$server->stop();
$proc = proc_open(array_merge($php, [$console, 'messenger:consume', 'async', '--reconnect-timeout=1']), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
echo 'worker: exit ', proc_close($proc), "\n", $clean($out), "\n";

echo "-- credentials the server refuses\n";
// the test servers' Redis that wants a password
$locked = parse_url(getenv('MESSENGER_REDIS_LOCKED_DSN'));
$configure("redis://:wrong-one@{$locked['host']}:{$locked['port']}/jobs");
$proc = proc_open(array_merge($php, [$console, 'messenger:consume', 'async']), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
echo 'worker: exit ', proc_close($proc), "\n", $clean($out), "\n";

echo "-- the log and the listeners\n";
final class Job { public function __construct(public int $n) {} }
$logger = new class {
    public array $lines = [];
    public function log($level, $message, array $context = []): void
    {
        if (str_starts_with($message, 'Transport')) {
            $this->lines[] = "$level: " . strtr($message, ['{transport}' => $context['transport'], '{delay}' => $context['delay'] ?? '',
                '{downtime}' => isset($context['downtime']) ? 'N' : '', '{error}' => preg_replace('/:\d+/', ':PORT', $context['error'] ?? '')]);
        }
    }
};
$m = new Messenger\Messenger([
    'transports' => ['async' => "redis://127.0.0.1:$port/jobs"],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => fn () => null],
    'logger' => $logger,
    'listeners' => [
        // the server comes back while the worker waits
        'transport_unavailable' => function (array $e) use ($server) {
            echo "unavailable: {$e['transport']}, next try in {$e['delay']} ms, ", get_class($e['error']), "\n";
            $server->start(['--appendonly', 'yes', '--appendfsync', 'always']);
        },
        'transport_available' => function (array $e) { echo "available: {$e['transport']} after ", $e['downtime'] >= 100 ? 'its wait' : $e['downtime'], "\n"; },
    ],
]);
$w = $m->worker(['async']);
$w->on('transport_available', fn () => $w->stop()); // (the time limit is a safety net)
$code = $w->run(['time_limit' => 20, 'sleep' => 0.05]);
echo "worker: $code\n";
echo implode("\n", $logger->lines), "\n";
unset($w, $m);
gc_collect_cycles(); // the listener that stops the worker holds the worker
$server->stop();
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
-- a restart under a running worker
handled before the restart: yes
worker: exit 0
handled 1
handled 2
Warning: Messenger\Worker::run(): Messenger: the transport "async" is unavailable (the connection failed): waiting for it (reconnect_timeout: for ever) in FILE
handled 3
handled 4
[OK] Consuming messages from transport "async".
-- a server that stays down, with --reconnect-timeout=1
worker: exit 1
Warning: Messenger\Worker::run(): Messenger: the transport "async" is unavailable (the connection failed): waiting for it in FILE
[OK] Consuming messages from transport "async".
[ERROR] Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:PORT: Connection refused
-- credentials the server refuses
worker: exit 1
[OK] Consuming messages from transport "async".
[ERROR] Messenger\Exception\TransportException: Redis at 127.0.0.1:PORT refused the credentials: WRONGPASS invalid username-password pair or user is disabled.
-- the log and the listeners
unavailable: async, next try in 100 ms, Messenger\Exception\TransportException
available: async after its wait
worker: 0
warning: Transport async is unavailable: "Cannot connect to Redis at 127.0.0.1:PORT: Connection refused". Trying again in 100 ms.
info: Transport async is available again after N ms.