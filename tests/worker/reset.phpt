--TEST--
Worker: the configuration's reset callables run after every message, handled or failed (state a handler leaves goes before the next); run(['reset' => false]) and messenger:consume --no-reset turn them off; a reset that throws stops the worker with its exception; bad reset values
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job { public function __construct(public int $n) {} }
$cache = [];
$log = [];
$config = [
    'transports' => ['async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 0]]],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) use (&$cache, &$log) {
        $log[] = "handle {$j->n}, cache holds " . count($cache);
        $cache[] = $j->n;
        if ($j->n === 2) { throw new RuntimeException('two'); }
    }],
    'reset' => [function () use (&$cache) { $cache = []; }, fn() => null],
];
$m = new Messenger\Messenger($config);
foreach ([1, 2, 3] as $n) { $m->dispatch(new Job($n)); }
echo 'exit ', @$m->worker(['async'])->run(['limit' => 3]), "\n";
echo implode("\n", $log), "\n";

echo "-- reset off\n";
$log = [];
foreach ([4, 5] as $n) { $m->dispatch(new Job($n)); }
$m->worker(['async'])->run(['limit' => 2, 'reset' => false]);
echo implode("\n", $log), "\n";

echo "-- --no-reset\n";
$log = [];
$cache = [];
foreach ([6, 7] as $n) { $m->dispatch(new Job($n)); }
$code = (new Messenger\Console($m))->run(['bin/console', 'messenger:consume', 'async', '--limit=2', '--no-reset', '-q']);
echo "exit $code\n", implode("\n", $log), "\n";

echo "-- a reset that throws\n";
$m2 = new Messenger\Messenger(['reset' => function () { throw new LogicException('cannot reset'); }] + $config);
$m2->dispatch(new Job(8));
$m2->dispatch(new Job(9));
try {
    $m2->worker(['async'])->run(['limit' => 2]);
} catch (LogicException $e) {
    echo get_class($e), ': ', $e->getMessage(), '; left: ', count($m2->transport('async')->get()), "\n";
}

echo "-- bad values\n";
foreach (['nope_function', [fn() => null, 'x'], 42] as $bad) {
    try {
        new Messenger\Messenger(['reset' => $bad]);
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
exit 0
handle 1, cache holds 0
handle 2, cache holds 0
handle 3, cache holds 0
-- reset off
handle 4, cache holds 0
handle 5, cache holds 1
-- --no-reset
exit 0
handle 6, cache holds 0
handle 7, cache holds 1
-- a reset that throws
LogicException: cannot reset; left: 1
-- bad values
reset must be callable, string given
reset must be callable, string given
reset must be callable, int given
