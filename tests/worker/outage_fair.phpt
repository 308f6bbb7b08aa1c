--TEST--
A receiver whose broker cannot be reached does not hold up the others: while it waits out its outage (a Redis where nothing listens, read first), the worker goes on reading the other receivers at full speed, and the unreachable one is tried again after its growing wait
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
final class Job { public function __construct(public int $n) {} }
$handled = 0;
$unavailable = 0;
$m = new Messenger\Messenger([
    // one message per read (get_batch_size 1, the default)
    'connections' => ['db' => 'sqlite::memory:'],
    'transports' => ['down' => 'redis://127.0.0.1:1/jobs', 'memory' => 'doctrine://db'],
    'routing' => [Job::class => 'memory'],
    'handlers' => [Job::class => function () use (&$handled) { $handled++; }],
    'listeners' => ['transport_unavailable' => function () use (&$unavailable) { $unavailable++; }],
]);
foreach (range(1, 20) as $n) {
    $m->dispatch(new Job($n));
}
$w = $m->worker(['down', 'memory']);
$w->on('idle', function () use (&$handled, $w) { if ($handled === 20) { $w->stop(); } });
// (the time limit is a safety net: waiting for the unreachable one in line, 10 s gave 7)
@$w->run(['time_limit' => 10, 'sleep' => 0.05]);
echo "handled: $handled of 20\n";
echo "said unavailable: $unavailable time(s)\n";
unset($w, $m);
gc_collect_cycles();
?>
--EXPECT--
handled: 20 of 20
said unavailable: 1 time(s)
