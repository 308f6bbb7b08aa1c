--TEST--
bin/console: list, help, unknown commands and options (exit 2), setup-transports, stats (txt and json), consume with --limit and -vv lines, retries to the failure transport, stop-workers stopping a running worker, the embedded default configuration
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-console-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", <<<'PHP'
<?php
final class Ping { public function __construct(public int $n) {} }
return [
    'transports' => [
        'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 1, 'delay' => 1000, 'jitter' => 0]],
        'failed' => 'doctrine://default?queue_name=failed',
        'memory' => 'in-memory://',
        'now' => 'sync://',
    ],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => function (Ping $p) { if ($p->n === 3) { throw new RuntimeException('three is bad'); } }],
];
PHP);
$run = function (array $args, ?string $cwd = null) use ($so, $console, $dir) {
    $proc = proc_open(array_merge([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], $console], $args),
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $cwd ?? $dir);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    return [proc_close($proc), $out, $err];
};
[$code, $out] = $run([]);
echo "list: $code, ", substr_count($out, 'messenger:'), " messenger commands\n";
[$code, $out] = $run(['messenger:stats', '--help']);
echo "help: $code, ", str_contains($out, '--format=VALUE') ? 'shows --format' : $out, "\n";
[$code, , $err] = $run(['messenger:frobnicate']);
echo "unknown command: $code, ", trim($err), "\n";
[$code, , $err] = $run(['messenger:consume', 'async', '--limmit=3']);
echo "unknown option: $code, ", trim($err), "\n";
[$code, , $err] = $run(['messenger:consume', 'async', '--limit=abc']);
echo "bad value: $code, ", trim($err), "\n";
[$code, , $err] = $run(['messenger:consume']);
echo "no receiver: $code, ", trim($err), "\n";
[$code, , $err] = $run(['messenger:consume', 'async', '--keepalive=often']);
echo "bad keepalive: $code, ", trim($err), "\n";
[$code, , $err] = $run(['messenger:consume', 'memory', '--keepalive', '--limit=1']);
echo "keepalive on in-memory: $code, ", trim($err), "\n";
[$code, $out] = $run(['messenger:setup-transports']);
echo "setup: $code\n", $out;

// five messages, the third fails
$proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], '-r',
    '$m = Messenger\Messenger::fromFile("config/messenger.php"); foreach (range(1, 5) as $i) { $m->dispatch(new Ping($i)); }'], [], $pipes, $dir);
proc_close($proc);
[$code, $out] = $run(['messenger:stats', 'async']);
echo "stats: $code\n", $out;
[$code, $out, $err] = $run(['messenger:consume', 'async', '--limit=6', '-vv', '--sleep=0.05', '--keepalive=1']);
echo "consume: $code\n";
foreach (explode("\n", trim($err)) as $line) {
    echo preg_replace(['/^\d\d:\d\d:\d\d /', '/Ping #\d+/', '/in \d+ ms/'], ['', 'Ping #ID', 'in N ms'], $line), "\n";
}
[$code, $out] = $run(['messenger:stats', '--format=json']);
echo "stats json: $code\n", $out;

// stop-workers stops a worker that waits for messages
$worker = proc_open([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], $console, 'messenger:consume', 'async', '--sleep=0.1', '-q'], [], $pipes, $dir);
// workers started before the signal obey it: sent again until this one has started (at most 20 times)
// (proc_get_status() reports the exit code only once: keep the status that saw the exit)
$said = null;
$status = proc_get_status($worker);
for ($tries = 0; $tries < 20 && $status['running']; $tries++) {
    usleep(500000);
    [$code, $out] = $run(['messenger:stop-workers']);
    $said ??= "stop-workers: $code, " . trim($out);
    for ($i = 0; $i < 20 && ($status = proc_get_status($worker))['running']; $i++) {
        usleep(50000);
    }
}
echo $said, "\n";
echo 'the worker ', $status['running'] ? 'is still running' : 'stopped with exit ' . $status['exitcode'], "\n";
proc_close($worker);

// no configuration at all: the embedded default on var/messenger.sqlite of the application the
// console belongs to (the folder above bin/), whatever folder it runs from
@mkdir("$dir/app/bin", 0777, true);
@mkdir("$dir/elsewhere");
copy($console, "$dir/app/bin/console");
$appConsole = function (array $args) use ($so, $dir) {
    $proc = proc_open(array_merge([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], "$dir/app/bin/console"], $args),
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, "$dir/elsewhere");
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    return [proc_close($proc), $out];
};
[$code] = $appConsole(['list']);
echo "list: $code, ", file_exists("$dir/app/var") || file_exists("$dir/elsewhere/var") ? "made files\n" : "made no file\n";
[$code, $out] = $appConsole(['messenger:stats']);
echo "default: $code\n", $out;
echo file_exists("$dir/app/var/messenger.sqlite") ? "app/var/messenger.sqlite made" : "no database", ', ',
    file_exists("$dir/elsewhere/var") ? "var/ made where it ran\n" : "nothing where it ran\n";
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
list: 0, 8 messenger commands
help: 0, shows --format
unknown command: 2, Command "messenger:frobnicate" is not defined.

Did you mean one of these?
    messenger:consume            Consume messages
    messenger:setup-transports   Prepare the required infrastructure for the transport
    messenger:stats              Show the message count for one or more transports
    messenger:stop-workers       Stop workers after their current message
    messenger:failed:show        Show one or more messages from the failure transport
    messenger:failed:retry       Retry one or more messages from the failure transport
    messenger:failed:remove      Remove given messages from the failure transport
    messenger:dashboard          Serve the dashboard: the queues, the workers, the failed messages
unknown option: 2, The "--limmit" option does not exist.
bad value: 2, The "--limit" option must be a non-negative integer, "abc" given.
no receiver: 1, Please pass at least one receiver (or --all). Transports: async, failed, memory, now
bad keepalive: 2, The "--keepalive" option must be a non-negative integer, "often" given.
keepalive on in-memory: 1, [ERROR] Messenger\Exception\InvalidArgumentException: The receiver "memory" does not support keepalive: Messenger\Transport\InMemory\InMemoryTransport does not implement Messenger\Transport\Receiver\KeepaliveReceiverInterface
setup: 0
The "async" transport was set up successfully.
The "failed" transport was set up successfully.
The "memory" transport does not support setup.
The "now" transport does not support setup.
stats: 0
 Transport   Count 
 ---------   ----- 
 async           5 
consume: 0
[OK] Consuming messages from transport "async".
async Ping #ID handled in N ms (retry 0)
async Ping #ID handled in N ms (retry 0)
async Ping #ID failed in N ms (retry 0), sending for retry #1 using 1000 ms delay: Handling "Ping" failed: three is bad
async Ping #ID handled in N ms (retry 0)
async Ping #ID handled in N ms (retry 0)
async Ping #ID failed in N ms (retry 1): Handling "Ping" failed: three is bad
stats json: 0
{
    "transports": {
        "async": {
            "count": 0
        },
        "failed": {
            "count": 1
        },
        "memory": {
            "count": 0
        }
    },
    "uncountable_transports": [
        "now"
    ]
}
stop-workers: 0, [OK] Signal successfully sent to stop any running workers.
the worker stopped with exit 0
list: 0, made no file
default: 0
 Transport   Count 
 ---------   ----- 
 async           0 
 failed          0 
app/var/messenger.sqlite made, nothing where it ran
