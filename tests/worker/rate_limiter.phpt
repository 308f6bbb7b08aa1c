--TEST--
Worker: a transport's rate_limiter pauses only that receiver (the others are read meanwhile) and lets it go once its window has passed; bad rate_limiter values
--EXTENSIONS--
messenger
--FILE--
<?php
final class Slow { public function __construct(public int $n) {} }
final class Fast { public function __construct(public int $n) {} }
$order = [];
$at = [];
$start = null;
$m = new Messenger\Messenger([
    'transports' => [
        'slow' => ['dsn' => 'in-memory://', 'rate_limiter' => ['limit' => 2, 'interval' => '2 seconds']],
        'fast' => 'in-memory://',
    ],
    'routing' => [Slow::class => 'slow', Fast::class => 'fast'],
    'handlers' => [
        Slow::class => function (Slow $s) use (&$order, &$at, &$start) { $order[] = "slow {$s->n}"; $at[$s->n] = (hrtime(true) - $start) / 1e6; },
        Fast::class => function (Fast $f) use (&$order) { $order[] = "fast {$f->n}"; },
    ],
]);
foreach (range(1, 5) as $n) { $m->dispatch(new Slow($n)); }
foreach (range(1, 3) as $n) { $m->dispatch(new Fast($n)); }
// slow comes first: it is drained before fast is read, except while its limit pauses it
$start = hrtime(true);
$code = $m->worker(['slow', 'fast'])->run(['limit' => 8, 'sleep' => 5]);
echo "exit $code\n", implode(', ', $order), "\n";
// 2 per 2 s: the 3rd waits for the 2nd window, the 5th for the 3rd (lower bounds only: the
// first window opens after $start)
var_dump($at[3] >= 2000, $at[5] >= 4000);

echo "-- bad values\n";
foreach (['fast', ['limit' => 0, 'interval' => 1], ['limit' => 5, 'interval' => 'soon'], ['limit' => 5, 'interval' => '3 fortnights'],
          ['limit' => 5], ['limit' => '5', 'interval' => 1], ['limit' => 5, 'interval' => 1, 'policy' => 'token_bucket'], ['limit' => 5, 'interval' => -2]] as $bad) {
    try {
        new Messenger\Messenger(['transports' => ['a' => ['dsn' => 'in-memory://', 'rate_limiter' => $bad]]]);
        echo "no exception\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
exit 0
slow 1, slow 2, fast 1, fast 2, fast 3, slow 3, slow 4, slow 5
bool(true)
bool(true)
-- bad values
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]: the limit must be at least 1, 0 given
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]: an interval is a positive number of seconds or like "10 seconds", "1 minute"; "soon" given
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]: unknown unit in the interval "3 fortnights" (known: milliseconds, seconds, minutes, hours, days, weeks)
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]
transports["a"]["rate_limiter"] must be ['limit' => messages (at least 1), 'interval' => seconds or like "1 minute"]: the interval must be at least 1 ms, 0 given
