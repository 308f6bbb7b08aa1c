<?php
/*
 * 4 worker processes drain 10 000 messages from one table, on SQLite, PostgreSQL and MariaDB,
 * from one Redis stream (each worker its own consumer name, the default) and from one RabbitMQ
 * queue (each worker subscribed with the default prefetch): each message is handled exactly once
 * and the table, stream or queue ends empty. Run by scripts/test.sh with the
 * servers of scripts/db.sh; prints "drain: N passed, N failed".
 * Usage: php -d extension=SO drain.php SO (the check; SO: the extension the workers load)
 *        php drain.php worker DB OUT    (one worker: get, record the id, ack, until empty)
 */
final class Job { public function __construct(public int $n) {} }

function connection(string $db): array|string
{
    return match ($db) {
        'sqlite' => 'sqlite:' . sys_get_temp_dir() . '/messenger-drain.sqlite',
        'pgsql' => ['dsn' => getenv('MESSENGER_PGSQL_DSN'), 'user' => getenv('MESSENGER_DB_USER'), 'password' => getenv('MESSENGER_DB_PASSWORD')],
        'mysql' => ['dsn' => getenv('MESSENGER_MYSQL_DSN'), 'user' => getenv('MESSENGER_DB_USER'), 'password' => getenv('MESSENGER_DB_PASSWORD')],
    };
}

function transport(string $db): Messenger\Transport\TransportInterface
{
    if ($db === 'amqp') {
        return Messenger\Transport\Transport::fromDsn(getenv('MESSENGER_AMQP_DSN') . '/drain_messages', [],
            new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
    }
    if ($db === 'redis') {
        return Messenger\Transport\Transport::fromDsn(getenv('MESSENGER_REDIS_DSN') . '/drain_messages/drainers', ['get_batch_size' => 5],
            new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
    }
    return Messenger\Transport\Transport::fromDsn('doctrine://main?table_name=drain_messages&get_batch_size=5', [],
        new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]), ['main' => connection($db)]);
}

if (($argv[1] ?? '') === 'worker') {
    $t = transport($argv[2]);
    $out = fopen($argv[3], 'w');
    $empty = 0;
    while ($empty < 3) {
        $got = $t->get();
        if (!$got) {
            $empty++;
            usleep(20000);
            continue;
        }
        $empty = 0;
        foreach ($got as $envelope) {
            fwrite($out, $envelope->getMessage()->n . "\n");
            $t->ack($envelope);
        }
    }
    exit(0);
}

$total = 10000;
$failed = 0;
$self = realpath(__FILE__);
$php = PHP_BINARY . ' -d extension=' . escapeshellarg($argv[1] ?? 'messenger');
require __DIR__ . '/../_inc/redis.inc';
foreach (['sqlite', 'pgsql', 'mysql', 'redis', 'amqp'] as $db) {
    @unlink(sys_get_temp_dir() . '/messenger-drain.sqlite');
    if ($db === 'redis') {
        $raw = new App\Redis\Raw();
        $raw('DEL', 'drain_messages');
    }
    $t = transport($db);
    $t->setup();
    if ($db === 'redis') {
        $left = fn() => $raw('XLEN', 'drain_messages') + $raw('XPENDING', 'drain_messages', 'drainers')[0];
    } elseif ($db === 'amqp') {
        $t->getMessageCount() && exit("amqp: the queue drain_messages is not empty: delete it\ndrain: 0 passed, 1 failed\n");
        $left = fn() => transport('amqp')->getMessageCount(); // ready; nothing can be unacknowledged once the workers are gone
    } else {
        $pdo = is_array(connection($db)) ? new PDO(connection($db)['dsn'], connection($db)['user'], connection($db)['password']) : new PDO(connection($db));
        $pdo->exec('DELETE FROM drain_messages');
        $left = fn() => (int) $pdo->query('SELECT COUNT(*) FROM drain_messages')->fetchColumn();
    }
    for ($i = 0; $i < $total; $i += 1000) {
        $t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), range($i, $i + 999)));
    }
    $start = hrtime(true);
    $procs = [];
    for ($w = 0; $w < 4; $w++) {
        $file = sys_get_temp_dir() . "/messenger-drain-$db-$w.txt";
        $procs[$file] = proc_open("$php $self worker $db " . escapeshellarg($file), [1 => STDOUT, 2 => STDERR], $pipes);
    }
    $seen = [];
    $per = [];
    foreach ($procs as $file => $proc) {
        $status = proc_close($proc);
        $lines = file($file, FILE_IGNORE_NEW_LINES) ?: [];
        $per[] = count($lines);
        foreach ($lines as $n) {
            $seen[$n] = ($seen[$n] ?? 0) + 1;
        }
        unlink($file);
        if ($status !== 0) {
            echo "$db: a worker exited with $status\n";
            $failed++;
        }
    }
    $twice = count(array_filter($seen, fn($c) => $c > 1));
    $left = $left();
    $ok = count($seen) === $total && $twice === 0 && $left === 0;
    printf("%s: %d handled by 4 workers (%s) in %.1f s, %d twice, %d missing, %d left: %s\n", $db, array_sum($per), implode('+', $per),
        (hrtime(true) - $start) / 1e9, $twice, $total - count($seen), $left, $ok ? 'ok' : 'FAILED');
    $failed += $ok ? 0 : 1;
    if ($db === 'redis') {
        $raw('DEL', 'drain_messages');
    } elseif ($db === 'amqp') {
        unset($t);
    } else {
        $pdo->exec('DROP TABLE drain_messages');
    }
}
@unlink(sys_get_temp_dir() . '/messenger-drain.sqlite');
echo 'drain: ', $failed ? 0 : 1, ' passed, ', $failed ? 1 : 0, " failed\n";
exit($failed ? 1 : 0);
