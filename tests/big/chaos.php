<?php
/*
 * Chaos, bounded in time: on each transport (SQLite, PostgreSQL, Redis, RabbitMQ) 4 workers
 * (bin/console messenger:consume, the default read-ahead, redeliver_timeout=2) drain 20 000
 * messages mixed with 200 garbage entries while one of them is killed with SIGKILL every
 * 0.2-0.6 s and started again; on Redis and RabbitMQ the server is also stopped and started twice under them. Every message must be
 * handled at least once (lost: must be 0), every garbage entry must reach the failure transport,
 * and no worker may end without being killed (unexpected exits: must be 0); messages handled
 * twice are counted and reported (at-least-once allows them). SQLite, scripts/db.sh's PostgreSQL
 * (MESSENGER_PGSQL_DSN), a private Redis and scripts/db.sh's RabbitMQ (its application stopped and
 * started with rabbitmqctl; the vhost messenger_faults, the failure transport a SQLite table).
 * Run by scripts/test.sh; prints "chaos: N passed, N failed".
 * Usage: php -d extension=SO chaos.php SO [KINDS, comma-separated: sqlite,pgsql,redis,amqp]
 */
require __DIR__ . '/../_inc/redis.inc';
require __DIR__ . '/../_inc/amqp.inc';

$so = $argv[1] ?? 'messenger';
$console = realpath(__DIR__ . '/../../bin/console');
$total = 20000;
$garbage = 200;
$deadline_s = 90;
$failed = 0;

final class Job { public function __construct(public int $n) {} }

$pg = getenv('MESSENGER_PGSQL_DSN');
if (!$pg) {
    echo "chaos: MESSENGER_PGSQL_DSN is not set: run it through scripts/test.sh, which starts PostgreSQL\nchaos: 0 passed, 1 failed\n";
    exit(1);
}
$pgConnection = ['dsn' => $pg, 'user' => getenv('MESSENGER_DB_USER') ?: 'messenger', 'password' => getenv('MESSENGER_DB_PASSWORD') ?: ''];
$pgTable = 'messenger_chaos_' . getmypid();

foreach (isset($argv[2]) ? explode(',', $argv[2]) : ['sqlite', 'pgsql', 'redis', 'amqp'] as $kind) {
    $dir = sys_get_temp_dir() . "/messenger-chaos-$kind-" . getmypid();
    exec('rm -rf ' . escapeshellarg($dir));
    mkdir("$dir/config", 0777, true);
    $log = "$dir/handled.log";
    $server = null;
    $restart = null;
    if ($kind === 'amqp') {
        $exchange = 'chaos_' . getmypid();
        $amqp = preg_replace('#/messenger$#', '/messenger_faults', App\Amqp\dsn()) . "/$exchange";
        $async = $amqp;
        $failure = 'doctrine://default?queue_name=failed';
        $ctl = __DIR__ . '/../../scripts/db.sh amqpctl';
        $restart = function () use ($ctl) {
            exec("$ctl stop_app 2>&1");
            usleep(800000);
            exec("$ctl start_app 2>&1");
        };
    } elseif ($kind === 'redis') {
        $server = new App\Redis\Server();
        $server->start(['--appendonly', 'yes', '--appendfsync', 'always']);
        $async = "redis://127.0.0.1:{$server->port}/chaos?redeliver_timeout=2&claim_interval=300"; // the default read-ahead
        $failure = "redis://127.0.0.1:{$server->port}/chaos_failed";
        $restart = function () use ($server) {
            $server->stop();
            usleep(800000);
            $server->start(['--appendonly', 'yes', '--appendfsync', 'always']);
        };
    } elseif ($kind === 'pgsql') {
        $async = "doctrine://db?table_name=$pgTable&redeliver_timeout=2";
        $failure = "doctrine://db?table_name=$pgTable&queue_name=failed";
        $pdo = new PDO($pgConnection['dsn'], $pgConnection['user'], $pgConnection['password']);
        $pdo->exec("DROP TABLE IF EXISTS $pgTable");
        unset($pdo);
    } else {
        $async = 'doctrine://default?redeliver_timeout=2';
        $failure = 'doctrine://default?queue_name=failed';
    }
    file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("Job")) { final class Job { public function __construct(public int $n) {} } }
return [
    "connections" => ' . ($kind === 'pgsql' ? var_export(['db' => $pgConnection], true) : '[]') . ',
    "transports" => ["async" => ["dsn" => ' . var_export($async, true) . ', "retry_strategy" => ["max_retries" => 0]], "failed" => ' . var_export($failure, true) . '],
    "failure_transport" => "failed",
    "routing" => [Job::class => "async"],
    "handlers" => [Job::class => function (Job $j) {
        static $out;
        $out ??= fopen(' . var_export($log, true) . ', "a");
        usleep($j->n % 100 === 0 ? 20000 : 500); // ~4 s of work for 4 workers: kills land in the middle of handlers
        fwrite($out, $j->n . "\n");
    }],
];');
    $m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
    $m->setupTransports();
    for ($i = 0; $i < $total; $i += 500) {
        $m->dispatchAll(array_map(fn ($n) => new Job($n), range($i, min($total, $i + 500) - 1)));
    }
    // garbage among the messages
    if ($kind === 'amqp') {
        $u = parse_url($amqp);
        $c = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => 'messenger_faults', 'login' => $u['user'], 'password' => $u['pass']]);
        $c->connect();
        $x = new AMQPExchange(new AMQPChannel($c));
        $x->setName($exchange);
        for ($g = 0; $g < $garbage; $g++) {
            $x->publish("garbage $g", '', AMQP_NOPARAM, ['delivery_mode' => 2]);
        }
        unset($x, $c);
    } elseif ($kind === 'redis') {
        $raw = new App\Redis\Raw("redis://127.0.0.1:{$server->port}");
        for ($g = 0; $g < $garbage; $g++) {
            $raw('XADD', 'chaos', '*', 'message', "garbage $g");
        }
    } else {
        $pdo = $kind === 'pgsql' ? new PDO($pgConnection['dsn'], $pgConnection['user'], $pgConnection['password']) : new PDO("sqlite:$dir/var/messenger.sqlite");
        $insert = $pdo->prepare('INSERT INTO ' . ($kind === 'pgsql' ? $pgTable : 'messenger_messages') . " (body, headers, queue_name, created_at, available_at)  VALUES (?, '[]', 'default', '2020-01-01 00:00:00', '2020-01-01 00:00:00')");
        for ($g = 0; $g < $garbage; $g++) {
            $insert->execute(["garbage \x01 $g"]);
        }
        unset($insert, $pdo);
    }
    unset($m);

    $start = function () use ($so, $console, $dir) {
        $proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=pdo_pgsql', '-d', "extension=$so", $console,
            'messenger:consume', 'async', '-q', '--sleep=0.05'], [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
        stream_set_blocking($pipes[2], false);
        return ['proc' => $proc, 'err' => $pipes[2], 'text' => '', 'started' => microtime(true)];
    };
    $workers = [];
    for ($w = 0; $w < 4; $w++) {
        $workers[$w] = $start();
    }
    $handled = function () use ($log) {
        $lines = is_file($log) ? file($log, FILE_IGNORE_NEW_LINES) : [];
        return [count($lines), count(array_unique($lines))];
    };
    // [entries in the failure transport, distinct garbage entries among them]: delivery is at
    // least once, so a garbage entry whose worker was killed before its acknowledgement was
    // written may reach the failure transport twice
    $failedCount = function () use ($kind, $dir, $server) {
        try {
            $seen = [];
            $count = 0;
            foreach (Messenger\Messenger::fromFile("$dir/config/messenger.php")->transport('failed')->all() as $e) {
                $count++;
                $body = $e->getMessage() instanceof Messenger\Transport\Serialization\UndecodableMessage ? $e->getMessage()->body : '';
                if (preg_match('/^garbage \D*(\d+)$/', $body, $m)) {
                    $seen[$m[1]] = true;
                }
            }
            return [$count, count($seen)];
        } catch (Messenger\Exception\TransportException) {
            return [-1, -1]; // the server is restarting
        }
    };
    $kills = $unexpected = $restarts = 0;
    $began = microtime(true);
    $next_kill = $began + mt_rand(200, 600) / 1000;
    $restart_at = $restart ? [$began + 3, $began + 8] : [];
    $done = false;
    while (microtime(true) - $began < $deadline_s) {
        usleep(50000);
        foreach ($workers as $w => $worker) {
            $worker['text'] .= stream_get_contents($worker['err']);
            $workers[$w] = $worker;
            $status = proc_get_status($worker['proc']);
            if (!$status['running']) {
                // it ended without being killed
                $unexpected++;
                echo "$kind: a worker ended by itself (exit {$status['exitcode']}): ", trim(substr($worker['text'], -400)), "\n";
                proc_close($worker['proc']);
                $workers[$w] = $start();
            }
        }
        if (microtime(true) >= $next_kill) {
            $w = array_rand($workers);
            proc_terminate($workers[$w]['proc'], 9);
            proc_close($workers[$w]['proc']);
            $kills++;
            $workers[$w] = $start();
            $next_kill = microtime(true) + mt_rand(200, 600) / 1000;
        }
        if ($restart && $restart_at && microtime(true) >= $restart_at[0]) {
            array_shift($restart_at);
            $restart();
            $restarts++;
        }
        [, $unique] = $handled();
        if ($unique === $total && !$restart_at && $failedCount()[1] === $garbage) {
            $done = true;
            break;
        }
    }
    // a graceful stop of the survivors: each must exit 0 (one started just now is given the
    // time to reach its loop: before that, SIGTERM ends any PHP process)
    foreach ($workers as $worker) {
        while (microtime(true) - $worker['started'] < 2) {
            usleep(50000);
        }
        proc_terminate($worker['proc'], 15);
    }
    foreach ($workers as $worker) {
        $worker['text'] .= stream_get_contents($worker['err']);
        stream_set_blocking($worker['err'], true);
        $worker['text'] .= stream_get_contents($worker['err']);
        $code = proc_close($worker['proc']);
        if ($code !== 0) {
            $unexpected++;
            echo "$kind: a worker stopped with SIGTERM exited with $code: ", trim(substr($worker['text'], -400)), "\n";
        }
    }
    [$lines, $unique] = $handled();
    $lost = $total - $unique;
    [$in_failure, $to_failure] = $failedCount();
    $ok = $done && $lost === 0 && $unexpected === 0 && $to_failure === $garbage;
    printf("%s: %d messages and %d garbage entries, 4 workers, %d kills%s in %.1f s: %d lost, %d handled twice or more, %d garbage entries in the failure transport (%d entries there), %d unexpected worker exits: %s\n",
        $kind, $total, $garbage, $kills, $restart ? ", $restarts server restarts" : '', microtime(true) - $began, $lost, $lines - $unique, $to_failure, $in_failure, $unexpected,
        $ok ? 'ok' : ($done ? 'FAILED' : 'FAILED (not done in ' . $deadline_s . ' s)'));
    $failed += $ok ? 0 : 1;
    if ($server) {
        $server->stop();
    }
    if ($kind === 'amqp') {
        $u = parse_url($amqp);
        $c = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => 'messenger_faults', 'login' => $u['user'], 'password' => $u['pass']]);
        $c->connect();
        $q = new AMQPQueue(new AMQPChannel($c));
        $q->setName($exchange);
        $q->delete();
        unset($q, $c);
    }
    if ($kind === 'pgsql') {
        (new PDO($pgConnection['dsn'], $pgConnection['user'], $pgConnection['password']))->exec("DROP TABLE IF EXISTS $pgTable");
    }
    exec('rm -rf ' . escapeshellarg($dir));
}
echo 'chaos: ', $failed ? 0 : 1, ' passed, ', $failed ? 1 : 0, " failed\n";
exit($failed ? 1 : 0);
