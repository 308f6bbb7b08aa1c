--TEST--
Poison messages on the table transport (SQLite, PostgreSQL, MariaDB): a row whose handling ends every worker that takes it (here exit()) comes back after redeliver_timeout, each claim of it after that adding one blank to its headers (Symfony's columns stay; JSON ignores blanks); once delivered more than max_deliveries times it goes to the failure transport as an UndecodableMessage saying so, instead of ending another worker; failed:retry decodes it again. A row given back at once (the rest of a batch after a graceful stop) is not counted
--EXTENSIONS--
messenger
pdo_sqlite
pdo_pgsql
pdo_mysql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-table-poison-' . getmypid();
$blanks = function (PDO $pdo, string $table) {
    $rows = $pdo->query("SELECT queue_name, headers FROM $table ORDER BY id")->fetchAll(PDO::FETCH_NUM);
    return implode(', ', array_map(fn($r) => $r[0] . ': ' . (strlen($r[1]) - strlen(rtrim($r[1], ' '))), $rows)) ?: 'no rows';
};
final class Job { public function __construct(public int $n) {} }
foreach (App\Db\databases() as $db => [$connection, $pdo]) {
    echo "== $db\n";
    $php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=mysqlnd', '-d', "extension=pdo_$db", '-d', 'extension=' . $so[0]];
    $table = App\Db\table('poison');
    App\Db\drop($pdo, $table);
    // a graceful stop gives the rest of a batch back: not counted as a delivery
    $m = new Messenger\Messenger([
        'connections' => ['db' => $connection],
        'transports' => ['async' => "doctrine://db?table_name=$table&get_batch_size=2&max_deliveries=2"],
        'routing' => [Job::class => 'async'],
        'handlers' => [Job::class => function (Job $j) { echo "handled {$j->n}\n"; }],
    ]);
    $m->dispatch(new Job(10));
    $m->dispatch(new Job(11));
    $m->worker(['async'])->run(['limit' => 1]);
    echo 'given back: ', $blanks($pdo, $table), "\n";
    $m->worker(['async'])->run(['limit' => 1]);
    echo 'claimed again: ', $blanks($pdo, $table), "\n";
    // a claim after redeliver_timeout counts; the claim after max_deliveries sets it aside
    $async = $m->transport('async');
    $m->dispatch(new Job(12));
    $got = $async->get();
    echo 'delivered: ', $blanks($pdo, $table), ', ', get_class($got[0]->getMessage()), "\n";
    $pdo->exec("UPDATE $table SET delivered_at = '2000-01-01 00:00:00'");
    $got = $async->get();
    echo 'redelivered once: ', $blanks($pdo, $table), ', ', get_class($got[0]->getMessage()), "\n";
    $pdo->exec("UPDATE $table SET delivered_at = '2000-01-01 00:00:00'");
    $got = $async->get();
    echo 'redelivered twice: ', $blanks($pdo, $table), ', ', get_class($got[0]->getMessage()), ': ', preg_replace('/message \d+/', 'message ID', $got[0]->getMessage()->error), "\n";
    $async->ack($got[0]);
    unset($m, $async, $got);
    gc_collect_cycles();

    // through bin/console: the handler ends each worker that takes the message (on PostgreSQL a
    // worker that found the queue empty claims again when notified or after check_delayed_interval)
    exec('rm -rf ' . escapeshellarg($dir));
    mkdir("$dir/config", 0777, true);
    file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("Job")) { final class Job { public function __construct(public int $n) {} } }
return [
    "connections" => ["db" => ' . var_export($connection, true) . '],
    "transports" => [
        "async" => ["dsn" => "doctrine://db?table_name=' . $table . '&redeliver_timeout=1&max_deliveries=2&check_delayed_interval=200", "retry_strategy" => ["max_retries" => 0]],
        "failed" => "doctrine://db?table_name=' . $table . '&queue_name=failed",
    ],
    "failure_transport" => "failed",
    "routing" => [Job::class => "async"],
    "handlers" => [Job::class => function (Job $j) { echo "handling {$j->n}\n"; if ($j->n === 1 && !file_exists(__DIR__ . "/../fixed")) { exit(9); } }],
];');
    proc_close(proc_open(array_merge($php, ['-r', 'Messenger\Messenger::fromFile("config/messenger.php")->dispatch(new Job(1));']), [], $pipes, $dir));
    $run = function (array $args) use ($php, $console, $dir) {
        $proc = proc_open(array_merge($php, [$console], $args), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
        $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
        return [proc_close($proc), trim(preg_replace(['/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', '/\s+/', '/\b\d+\b(?= of the table| Messenger\\\\| retried and)/'], ['DATE', ' ', 'ID'], $out))];
    };
    for ($i = 1; $i <= 3; $i++) {
        [$code, $out] = $run(['messenger:consume', 'async', '--limit=1', '--time-limit=8', '--sleep=0.05', '-q']);
        echo "worker $i: exit $code: $out; blanks: ", $blanks($pdo, $table), "\n";
    }
    [$code, $out] = $run(['messenger:failed:show', '-vv']);
    echo "failed:show: $code: $out\n";
    touch("$dir/fixed");
    [$code, $out] = $run(['messenger:failed:retry', '--force']);
    echo "failed:retry: $code: $out\n";
    echo 'rows left: ', $blanks($pdo, $table), "\n";
    App\Db\drop($pdo, $table);
}
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECTF--
== sqlite
handled 10
given back: default: 0
handled 11
claimed again: no rows
delivered: default: 0, Job
redelivered once: default: 1, Job
redelivered twice: default: 2, Messenger\Transport\Serialization\UndecodableMessage: Could not read message ID of the table "poison_%d" (queue "default"): delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker
worker 1: exit 9: handling 1; blanks: default: 0
worker 2: exit 9: handling 1; blanks: default: 1
worker 3: exit 0: ; blanks: failed: 0
failed:show: 0: Id Class Failed at Error ID Messenger\Transport\Serialization\UndecodableMessage DATE Could not read message ID of the table "poison_%d" (queue "default"): delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker 1 message in the failure transport "failed".
failed:retry: 0: handling 1 [OK] Message ID retried and handled. 1 retried, 0 failed again.
rows left: no rows
== pgsql
handled 10
given back: default: 0
handled 11
claimed again: no rows
delivered: default: 0, Job
redelivered once: default: 1, Job
redelivered twice: default: 2, Messenger\Transport\Serialization\UndecodableMessage: Could not read message ID of the table "poison_%d" (queue "default"): delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker
worker 1: exit 9: handling 1; blanks: default: 0
worker 2: exit 9: handling 1; blanks: default: 1
worker 3: exit 0: ; blanks: failed: 0
failed:show: 0: Id Class Failed at Error ID Messenger\Transport\Serialization\UndecodableMessage DATE Could not read message ID of the table "poison_%d" (queue "default"): delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker 1 message in the failure transport "failed".
failed:retry: 0: handling 1 [OK] Message ID retried and handled. 1 retried, 0 failed again.
rows left: no rows
== mysql
handled 10
given back: default: 0
handled 11
claimed again: no rows
delivered: default: 0, Job
redelivered once: default: 1, Job
redelivered twice: default: 2, Messenger\Transport\Serialization\UndecodableMessage: Could not read message ID of the table "poison_%d" (queue "default"): delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker
worker 1: exit 9: handling 1; blanks: default: 0
worker 2: exit 9: handling 1; blanks: default: 1
worker 3: exit 0: ; blanks: failed: 0
failed:show: 0: Id Class Failed at Error ID Messenger\Transport\Serialization\UndecodableMessage DATE Could not read message ID of the table "poison_%d" (queue "default"): delivered 3 times and never acknowledged or rejected (more than max_deliveries, 2): its handling may be what ends the worker 1 message in the failure transport "failed".
failed:retry: 0: handling 1 [OK] Message ID retried and handled. 1 retried, 0 failed again.
rows left: no rows
