--TEST--
Redis: a worker that stops in the middle of a batch gives the rest back at once (the next worker claims it without waiting for redeliver_timeout); a worker whose consumer name was made up leaves the group when it goes away with nothing pending, a named one stays
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
final class Job { public function __construct(public int $n) {} }
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('release');
$raw('DEL', $stream);
$dsn = App\Redis\dsn() . "/$stream/workers";
$consumers = function () use ($raw, $stream): array {
    return array_map(fn($c) => $c[1] . '(' . $c[3] . ')', $raw('XINFO', 'CONSUMERS', $stream, 'workers'));
};
$handled = [];
$m = new Messenger\Messenger([
    'transports' => ['async' => ['dsn' => $dsn, 'options' => ['get_batch_size' => 10]]],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) use (&$handled, &$worker) {
        $handled[] = $j->n;
        if (count($handled) === 7) {
            $worker->stop();
        }
    }],
]);
$m->dispatchAll(array_map(fn($n) => new Job($n), range(1, 20)));
// reads of 5 (half of get_batch_size), the next one written ahead once the read-ahead grew:
// stopped at the 7th, the rest of its batch and the read under way go back
$worker = $m->worker(['async']);
$worker->run(['limit' => 100, 'sleep' => 0]);
echo 'the worker handled ', implode(',', $handled), '; read and not handled, pending: ', $raw('XPENDING', $stream, 'workers')[0] >= 3 ? 'yes' : 'no', "\n";

$next = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['get_batch_size' => 20, 'consumer' => 'next'],
    new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$got = [];
for ($i = 0; $i < 3 && count($got) < 13; $i++) {
    $got = array_merge($got, $next->get());
}
$ns = array_map(fn($e) => $e->getMessage()->n, $got);
sort($ns);
echo 'the next worker gets at once: ', implode(',', $ns), "\n";
foreach ($got as $e) {
    $next->ack($e);
}
unset($m, $worker); // (the handler holds the worker: a cycle)
gc_collect_cycles();
$next->get(); // writes the acknowledgements
echo 'consumers: ', implode(' ', $consumers()), "\n";
unset($next);
echo 'after both went away: ', implode(' ', $consumers()), "\n";
$raw('DEL', $stream);
?>
--EXPECT--
the worker handled 1,2,3,4,5,6,7; read and not handled, pending: yes
the next worker gets at once: 8,9,10,11,12,13,14,15,16,17,18,19,20
consumers: next(0)
after both went away: next(0)
