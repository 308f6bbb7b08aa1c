--TEST--
bin/console workers on RabbitMQ: SIGTERM while idle ends a worker waiting on a long --sleep at once; four workers drain 2000 messages exactly once; kill -9 of a worker gives its unacknowledged messages to another; the broker closing the connections of workers that missed their heartbeats (stopped with SIGSTOP) in the middle of a drain: once going again they reconnect, subscribe again and go on, nothing lost
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-amqp-proc-' . getmypid();
exec('rm -rf ' . escapeshellarg($dir));
mkdir("$dir/config", 0777, true);
mkdir("$dir/handled");
$x = App\Amqp\name('proc');
// the vhost whose connections this test closes (no other test uses it)
$dsn = preg_replace('#/messenger$#', '/messenger_faults', App\Amqp\dsn()) . "/$x";
file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("Job")) { final class Job { public function __construct(public int $n) {} } }
return [
    "transports" => ["async" => ' . var_export($dsn, true) . ' . (getenv("DSN_QUERY") ?: "")],
    "listeners" => [
        "idle" => function () { @touch(__DIR__ . "/../idle-" . getmypid()); },
        "received" => function (array $c) {
            if ($c["envelope"]->last(Messenger\\Bridge\\Amqp\\Transport\\AmqpReceivedStamp::class)?->isRedelivered()) {
                file_put_contents(__DIR__ . "/../redelivered", "x", FILE_APPEND);
            }
        },
    ],
    "routing" => [Job::class => "async"],
    "handlers" => [Job::class => function (Job $j) {
        static $f;
        $f ??= fopen(__DIR__ . "/../handled/" . getmypid(), "a");
        fwrite($f, "$j->n\n");
        fflush($f);
        if ($pause = (int) getenv("PAUSE_US")) { usleep($pause); }
    }],
];');
$php = [PHP_BINARY, '-n', '-d', 'extension=' . $so[0]];
$dispatch = function (int $from, int $to) use ($php, $dir) {
    $code = 'require "config/messenger.php"; $m = Messenger\Messenger::fromFile("config/messenger.php"); for ($i = (int) $argv[1]; $i <= (int) $argv[2]; $i += 500) { $m->dispatchAll(array_map(fn ($k) => new Job($k), range($i, min($i + 499, (int) $argv[2])))); }';
    proc_close(proc_open(array_merge($php, ['-r', $code, '--', (string) $from, (string) $to]), [], $pipes, $dir));
};
$worker = fn(array $args = [], int $pause = 0, string $query = '') => proc_open(array_merge($php, [$console, 'messenger:consume', 'async'], $args),
    [1 => ['file', "$dir/out", 'a'], 2 => ['file', "$dir/out", 'a']], $pipes, $dir, ['PAUSE_US' => (string) $pause, 'DSN_QUERY' => $query]);
$handled = function () use ($dir): array {
    $all = [];
    foreach (glob("$dir/handled/*") as $f) {
        foreach (file($f, FILE_IGNORE_NEW_LINES) as $n) {
            $all[] = (int) $n;
        }
    }
    return $all;
};
$reset = function () use ($dir) { array_map('unlink', glob("$dir/handled/*")); };
$wait = function (callable $done, float $seconds = 120) {
    for ($deadline = microtime(true) + $seconds; !$done() && microtime(true) < $deadline; usleep(20000));
    return $done();
};
$ready = function () use ($x) {
    $u = parse_url(App\Amqp\dsn());
    $c = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => 'messenger_faults', 'login' => $u['user'], 'password' => $u['pass']]);
    $c->connect();
    $q = new AMQPQueue(new AMQPChannel($c));
    $q->setName($x);
    $q->setFlags(AMQP_PASSIVE);
    return $q->declareQueue();
};
$stop = function (array $procs): string {
    foreach ($procs as $p) {
        proc_terminate($p, SIGTERM);
    }
    return implode(',', array_map('proc_close', $procs));
};
$summary = function (int $n) use ($handled): string {
    $h = $handled();
    $missing = count(array_diff(range(1, $n), $h));
    return sprintf('%d handled, %d missing, %s', count(array_unique($h)), $missing, count($h) === count(array_unique($h)) ? 'none twice' : 'some twice');
};

echo "-- SIGTERM while idle\n";
$w = $worker(['--sleep=30']);
// subscribed and napping (the worker says it is idle), however slowly it starts
$wait(fn() => (bool) glob("$dir/idle-*"), 60);
$t = microtime(true);
$code = $stop([$w]);
echo "exit $code, within 3 s: ", var_export(microtime(true) - $t < 3, true), "\n";

echo "-- four workers, 2000 messages\n";
$dispatch(1, 2000);
$ws = [$worker(), $worker(), $worker(), $worker()];
$wait(fn() => count($handled()) >= 2000);
echo 'exits ', $stop($ws), '; ', $summary(2000), ', ready left: ', $ready(), "\n";

echo "-- kill -9 of a worker in the middle\n";
$reset();
$dispatch(1, 400);
$a = $worker([], 20000);
$wait(fn() => count($handled()) >= 5);
proc_terminate($a, SIGKILL);
proc_close($a);
$b = $worker();
$wait(fn() => count(array_unique($handled())) >= 400);
echo 'exit ', $stop([$b]), '; ', preg_replace('/, (none|some) twice/', '', $summary(400)), ', ready left: ', $ready(), "\n";

echo "-- workers stopped past their heartbeats in the middle of a drain: the broker closes their connections\n";
$reset();
$dispatch(1, 2000);
@unlink("$dir/redelivered");
$ws = [$worker([], 2000, '?heartbeat=1'), $worker([], 2000, '?heartbeat=1')];
$wait(fn() => count($handled()) >= 300, 60);
foreach ($ws as $p) {
    proc_terminate($p, 19); // SIGSTOP: no heartbeat goes out; RabbitMQ closes a connection after two missed
}
$at_stop = count(array_unique($handled()));
$wait(fn() => false, 5.0);
foreach ($ws as $p) {
    proc_terminate($p, 18); // SIGCONT
}
$wait(fn() => count(array_unique($handled())) >= 2000, 60);
$statuses = array_map(fn($p) => proc_get_status($p)['running'], $ws);
// what the closed connections had delivered and not acknowledged came back through new ones
echo 'left at the stop: ', var_export($at_stop < 2000, true), ', delivered again after it: ', var_export(filesize("$dir/redelivered") > 0, true), "\n";
echo 'still running: ', json_encode($statuses), ', exits ', $stop($ws), '; ', preg_replace('/, (none|some) twice/', '', $summary(2000)), ', ready left: ', $ready(), "\n";
App\Amqp\clean([], []);
$u = parse_url(App\Amqp\dsn());
$c = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => 'messenger_faults', 'login' => $u['user'], 'password' => $u['pass']]);
$c->connect();
$q = new AMQPQueue(new AMQPChannel($c));
$q->setName($x);
$q->delete();
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
-- SIGTERM while idle
exit 0, within 3 s: true
-- four workers, 2000 messages
exits 0,0,0,0; 2000 handled, 0 missing, none twice, ready left: 0
-- kill -9 of a worker in the middle
exit 0; 400 handled, 0 missing, ready left: 0
-- workers stopped past their heartbeats in the middle of a drain: the broker closes their connections
left at the stop: true, delivered again after it: true
still running: [true,true], exits 0,0; 2000 handled, 0 missing, ready left: 0
