--TEST--
Poison messages are set aside: an entry whose handling ends every worker that takes it (here exit()) comes back to the next worker after redeliver_timeout with one delivery more; once delivered more than max_deliveries times (XPENDING's count) it goes to the failure transport as an UndecodableMessage saying so, instead of ending another worker; failed:retry decodes it again
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('poison');
$raw('DEL', $stream, "$stream-failed");
$dir = sys_get_temp_dir() . '/messenger-poison-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("Job")) { final class Job { public function __construct(public int $n) {} } }
return [
    "transports" => [
        "async" => ["dsn" => ' . var_export(App\Redis\dsn() . "/$stream?redeliver_timeout=1&claim_interval=100&max_deliveries=2", true) . ', "retry_strategy" => ["max_retries" => 0]],
        "failed" => ' . var_export(App\Redis\dsn() . "/$stream-failed", true) . ',
    ],
    "failure_transport" => "failed",
    "routing" => [Job::class => "async"],
    "handlers" => [Job::class => function (Job $j) { echo "handling {$j->n}\n"; if ($j->n === 1 && !file_exists(__DIR__ . "/../fixed")) { exit(9); } }],
];');
$php = [PHP_BINARY, '-n', '-d', 'extension=' . $so[0]];
proc_close(proc_open(array_merge($php, ['-r', 'require "config/messenger.php"; $m = Messenger\Messenger::fromFile("config/messenger.php"); $m->dispatch(new Job(1));']), [], $pipes, $dir));
$run = function (array $args) use ($php, $console, $dir) {
    $proc = proc_open(array_merge($php, [$console], $args), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    return [proc_close($proc), trim(preg_replace(['/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', '/\s+/', '/\d+-\d+/'], ['DATE', ' ', 'ID'], $out))];
};
for ($i = 1; $i <= 3; $i++) {
    [$code, $out] = $run(['messenger:consume', 'async', '--time-limit=3', '--sleep=0.05', '-q']);
    echo "worker $i: exit $code: $out\n";
}
echo 'left in async: ', $raw('XLEN', $stream), ' entries, ', $raw('XPENDING', $stream, 'symfony')[0], " pending\n";
[$code, $out] = $run(['messenger:failed:show', '-vv']);
echo "failed:show: $code: $out\n";
touch("$dir/fixed");
[$code, $out] = $run(['messenger:failed:retry', '--force']);
echo "failed:retry: $code: $out\n";
$raw('DEL', $stream, "$stream-failed");
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
worker 1: exit 9: handling 1
worker 2: exit 9: handling 1
worker 3: exit 0: 
left in async: 0 entries, 0 pending
failed:show: 0: Id Class Failed at Error ID Messenger\Transport\Serialization\UndecodableMessage DATE Could not read the Redis stream entry ID: delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker 1 message in the failure transport "failed".
failed:retry: 0: handling 1 [OK] Message ID retried and handled. 1 retried, 0 failed again.