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
    'transports' => ['async' => ['dsn' => $dsn, 'options' => ['get_batch_size' => 5]]],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) use (&$handled) { $handled[] = $j->n; }],
]);
$m->dispatchAll(array_map(fn($n) => new Job($n), range(1, 5)));
$m->worker(['async'])->run(['limit' => 2]);
echo 'the worker handled ', implode(',', $handled), '; pending: ', $raw('XPENDING', $stream, 'workers')[0], "\n";

$next = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['get_batch_size' => 10, 'consumer' => 'next'],
    new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$got = $next->get();
echo 'the next worker gets at once: ', implode(',', array_map(fn($e) => $e->getMessage()->n, $got)), "\n";
foreach ($got as $e) {
    $next->ack($e);
}
unset($m);
$next->get(); // writes the acknowledgements
echo 'consumers: ', implode(' ', $consumers()), "\n";
unset($next);
echo 'after both went away: ', implode(' ', $consumers()), "\n";
$raw('DEL', $stream);
?>
--EXPECT--
the worker handled 1,2; pending: 3
the next worker gets at once: 3,4,5
consumers: next(0)
after both went away: next(0)
