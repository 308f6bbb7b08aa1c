--TEST--
Without get_batch_size a worker reads ahead by time: a fast handler gets batches (up to 50, never more than --limit leaves), a slow one (over 100 ms a message) holds one message at a time, as Symfony's worker does; on the table the acknowledgements of a batch are deleted in the transaction of the next claim (SQLite commits counted in the file header: about one per batch, not two per message); on Redis they travel with the next read; get_batch_size still sets the batch; a transport used without a worker (or after one) acknowledges at once
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
final class Job { public function __construct(public int $n, public int $sleep_ms = 0) {} }
$file = sys_get_temp_dir() . '/messenger-read-ahead-' . getmypid() . '.sqlite';
@unlink($file);
$pdo = new PDO("sqlite:$file"); // the application's own: its journal mode (delete) stays
$commits = fn () => unpack('N', file_get_contents($file, false, null, 24, 4))[1]; // the file change counter
$stream = App\Redis\stream('read_ahead');
$raw = new App\Redis\Raw();
$raw('DEL', $stream);
$held = [];
$make = function (string $route) use (&$held, $pdo, $raw, $stream) {
    return new Messenger\Messenger([
    'connections' => ['db' => $pdo],
    'transports' => [
        'table' => 'doctrine://db',
        'table_5' => 'doctrine://db?queue_name=five&get_batch_size=5',
        'redis' => App\Redis\dsn() . "/$stream",
    ],
    'routing' => [Job::class => $route],
    'handlers' => [Job::class => function (Job $j) use (&$held, $pdo, $raw, $stream, $route) {
        // what is stored while it handles this one: acknowledged messages go at the next read
        $held[] = $route === 'redis' ? $raw('XLEN', $stream) : (int) $pdo->query('SELECT COUNT(*) FROM messenger_messages')->fetchColumn();
        usleep($j->sleep_ms * 1000);
    }],
    ]);
};
$m = $make('table');
$m->setupTransports();
$sizes = function (array $held) {
    // the sizes of the batches: the messages handled while the same number was stored
    return array_map('count', array_values(array_reduce(array_keys($held), function ($groups, $i) use ($held) {
        $groups[$i === 0 || $held[$i] !== $held[$i - 1] ? count($groups) : count($groups) - 1][] = $held[$i];
        return $groups;
    }, [])));
};
$batches = fn (array $held) => implode(',', $sizes($held));
// how big the batches of a fast handler get depends on the machine (valgrind makes a message
// take milliseconds): what does not
// (a Redis worker reads half of its read-ahead at a time with the next read written ahead, its
// acknowledgements landing while the next batch is handled: what the stream holds then tells
// the batches apart only roughly, so on Redis each is checked to be at most the 50 held)
$fast = function (array $held, int $limit, ?array $allowed = [1, 2, 5, 10, 20, 50]) use ($sizes) {
    $b = $sizes($held);
    $last = array_pop($b);
    $steps = array_filter($b, fn ($n) => $allowed === null ? $n <= 50 : in_array($n, $allowed, true));
    return sprintf('first %d, then %s, %d in all (largest %s 1, %s: %s, the last one what the limit left: %s)',
        $b[0] ?? $last, count($b) > 1 ? 'more' : 'none', array_sum($b) + $last, max($b ?: [$last]) > 1 ? '>' : '<=',
        $allowed === null ? 'at most the read-ahead' : 'steps of the read-ahead',
        count($steps) === count($b) ? 'yes' : implode(',', $b), $last <= 50 ? 'yes' : 'no');
};

echo "-- a fast handler, 120 messages on the table, --limit=110\n";
$m->dispatchAll(array_map(fn ($n) => new Job($n), range(1, 120)));
$before = $commits();
$m->worker(['table'])->run(['limit' => 110, 'sleep' => 0]);
$spent = $commits() - $before;
echo 'batches: ', $fast($held, 110), "\n";
echo 'commits: ', $spent <= count($sizes($held)) + 2 ? 'at most one per batch, and 2' : $spent . ' for ' . $batches($held), "; rows left: ", $pdo->query('SELECT COUNT(*) FROM messenger_messages')->fetchColumn(),
    ', claimed: ', $pdo->query('SELECT COUNT(*) FROM messenger_messages WHERE delivered_at IS NOT NULL')->fetchColumn(), "\n";
$pdo->exec('DELETE FROM messenger_messages');

echo "-- a slow handler (150 ms a message): one at a time\n";
$held = [];
$m->dispatchAll([new Job(1, 150), new Job(2, 150), new Job(3, 150), new Job(4, 150)]);
$m->worker(['table'])->run(['limit' => 4, 'sleep' => 0]);
echo 'batches: ', $batches($held), "\n";

echo "-- get_batch_size=5 is kept\n";
$held = [];
$m5 = $make('table_5');
$m5->dispatchAll(array_map(fn ($n) => new Job($n), range(1, 12)));
$m5->worker(['table_5'])->run(['limit' => 12, 'sleep' => 0]);
echo 'batches: ', $batches($held), "\n";

echo "-- Redis, a fast handler\n";
$held = [];
$mr = $make('redis');
$mr->dispatchAll(array_map(fn ($n) => new Job($n), range(1, 120)));
$mr->worker(['redis'])->run(['limit' => 120, 'sleep' => 0]);
echo 'batches: ', $fast($held, 120, null), '; left in the stream: ', $raw('XLEN', $stream), ', pending: ', $raw('XPENDING', $stream, 'symfony')[0], "\n";

echo "-- Redis, --limit=60 of 300: nothing read past what the limit leaves (a read written ahead too)\n";
$held = [];
$mr->dispatchAll(array_map(fn ($n) => new Job($n), range(1, 300)));
$mr->worker(['redis'])->run(['limit' => 60, 'sleep' => 0]);
echo 'handled: ', count($held), ', read and not handled (pending): ', $raw('XPENDING', $stream, 'symfony')[0], ', left in the stream: ', $raw('XLEN', $stream), "\n";
$raw('DEL', $stream);

echo "-- without a worker (or after it): ack() deletes at once\n";
$m->dispatch(new Job(7));
$t = $m->transport('table');
$got = $t->get();
$t->ack($got[0]);
echo 'rows after ack: ', $pdo->query('SELECT COUNT(*) FROM messenger_messages')->fetchColumn(), "\n";
unset($m, $m5, $mr, $t, $got, $pdo, $make);
gc_collect_cycles();
$raw('DEL', $stream);
@unlink($file);
?>
--EXPECT--
-- a fast handler, 120 messages on the table, --limit=110
batches: first 1, then more, 110 in all (largest > 1, steps of the read-ahead: yes, the last one what the limit left: yes)
commits: at most one per batch, and 2; rows left: 10, claimed: 0
-- a slow handler (150 ms a message): one at a time
batches: 1,1,1,1
-- get_batch_size=5 is kept
batches: 5,5,2
-- Redis, a fast handler
batches: first 1, then more, 120 in all (largest > 1, at most the read-ahead: yes, the last one what the limit left: yes); left in the stream: 0, pending: 0
-- Redis, --limit=60 of 300: nothing read past what the limit leaves (a read written ahead too)
handled: 60, read and not handled (pending): 0, left in the stream: 240
-- without a worker (or after it): ack() deletes at once
rows after ack: 0
