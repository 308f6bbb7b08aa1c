--TEST--
Worker on a table with get_batch_size > 1: when it stops in the middle of a batch (--limit), the rest of the batch goes back to the queue at once (not after redeliver_timeout); a rate limit that a batch outruns holds the rest back, handles it in later windows, and gives back what is still held when the worker stops
--EXTENSIONS--
messenger
pdo_sqlite
pdo_pgsql
pdo_mysql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
use App\Db\Job;

foreach (App\Db\databases() as $db => [$connection, $pdo]) {
    $table = App\Db\table('wbatch');
    App\Db\drop($pdo, $table);
    $handled = [];
    $config = function (array $transport) use ($connection, $table, &$handled) {
        return [
            'connections' => ['main' => $connection],
            'transports' => ['jobs' => $transport + ['dsn' => "doctrine://main?table_name=$table&get_batch_size=5"]],
            'routing' => [Job::class => 'jobs'],
            'handlers' => [Job::class => function (Job $j) use (&$handled) { $handled[] = $j->name; }],
        ];
    };
    $state = fn() => $pdo->query("SELECT COUNT(*) AS n, COUNT(delivered_at) AS claimed FROM $table")->fetch(PDO::FETCH_ASSOC);

    $m = new Messenger\Messenger($config([]));
    $m->dispatchAll(array_map(fn($i) => new Job("a$i"), range(1, 5)));
    $m->worker(['jobs'])->run(['limit' => 2]);
    $s = $state();
    echo "$db, --limit=2 in a batch of 5: handled ", implode(',', $handled), "; {$s['n']} rows left, {$s['claimed']} claimed\n";
    $m->worker(['jobs'])->run(['limit' => 3, 'time_limit' => 10, 'sleep' => 0.05]);
    echo "  the next worker gets them at once: ", implode(',', $handled), "\n";

    $handled = [];
    $m = new Messenger\Messenger($config(['rate_limiter' => ['limit' => 2, 'interval' => 1]]));
    $m->dispatchAll(array_map(fn($i) => new Job("b$i"), range(1, 5)));
    $m->worker(['jobs'])->run(['limit' => 3, 'time_limit' => 10, 'sleep' => 0.05]);
    $s = $state();
    echo "  rate limit 2/s, --limit=3: handled ", implode(',', $handled), "; {$s['n']} rows left, {$s['claimed']} claimed\n";
    unset($m);
    App\Db\drop($pdo, $table);
}
?>
--EXPECT--
sqlite, --limit=2 in a batch of 5: handled a1,a2; 3 rows left, 0 claimed
  the next worker gets them at once: a1,a2,a3,a4,a5
  rate limit 2/s, --limit=3: handled b1,b2,b3; 2 rows left, 0 claimed
pgsql, --limit=2 in a batch of 5: handled a1,a2; 3 rows left, 0 claimed
  the next worker gets them at once: a1,a2,a3,a4,a5
  rate limit 2/s, --limit=3: handled b1,b2,b3; 2 rows left, 0 claimed
mysql, --limit=2 in a batch of 5: handled a1,a2; 3 rows left, 0 claimed
  the next worker gets them at once: a1,a2,a3,a4,a5
  rate limit 2/s, --limit=3: handled b1,b2,b3; 2 rows left, 0 claimed
