<?php
/*
 * The worker as users run it: `php bin/console messenger:consume async --limit=N -q` in an
 * application whose config/messenger.php names the transport by the DSN the README shows
 * (`doctrine://default`: SQLite in var/; the same on PostgreSQL through the `default`
 * connection; `redis://127.0.0.1:PORT/messages`; `amqp://USER:PASSWORD@127.0.0.1:PORT/VHOST/messages`),
 * with a failure transport on the same server and the default
 * retry strategy, a handler that does nothing; timed from the process start to its exit, after
 * the queue was filled with N messages. Beside it, the same queue drained by Symfony 5.4's
 * ConsumeMessagesCommand wired as FrameworkBundle wires it (benchmarks/symfony-console.php),
 * and ours again with get_batch_size=50 (tuned; on AMQP prefetch_count=100). Each run must leave
 * the queue empty. On AMQP also a plain-PHP consume loop over php-amqp on the same queue content
 * (benchmarks/amqp_php_consume.php: AMQPQueue::consume(), prefetch 100, Symfony's PhpSerializer),
 * and the queue is deleted (with its exchange) before each fill, which redeclares it.
 * Usage: php console.php KIND N     KIND: redis | sqlite | pgsql | amqp. Prints one JSON line.
 * php console.php KIND N metrics [ROUNDS]: ours only, without and with --metrics (scraped every
 * 1 s meanwhile), alternating, ROUNDS each: the best and the mean msg/s, the CPU time per message
 * (the worker's, with the count of what is left after it), and under callgrind the instructions.
 * The servers are scripts/db.sh's (MESSENGER_REDIS_DSN, MESSENGER_PGSQL_DSN, MESSENGER_AMQP_DSN...);
 * amqp wants ext-amqp loaded in this process (php -d extension=amqp).
 */
[$self, $kind, $n] = $argv + [null, 'sqlite', 20000];
$n = (int) $n;
$root = dirname(__DIR__);
$so = "$root/modules/messenger.so";
$dir = sys_get_temp_dir() . "/messenger-bench-console-$kind";
exec('rm -rf ' . escapeshellarg($dir));
mkdir("$dir/config", 0777, true);
mkdir("$dir/var");
$user = getenv('MESSENGER_DB_USER') ?: 'messenger';
$password = getenv('MESSENGER_DB_PASSWORD') ?: '';
$pgDsn = getenv('MESSENGER_PGSQL_DSN');
$redisPort = (int) substr(strrchr((string) getenv('MESSENGER_REDIS_DSN'), ':'), 1);
$amqpDsn = getenv('MESSENGER_AMQP_DSN') ?: 'amqp://messenger:s3cret-pw@127.0.0.1:55672/messenger';
$tuning = 'get_batch_size=50';

switch ($kind) {
    case 'redis':
        $dsn = "redis://127.0.0.1:$redisPort/messages";
        $failedDsn = "redis://127.0.0.1:$redisPort/failed";
        $connections = [];
        $dbal = null;
        break;
    case 'sqlite':
        $dsn = 'doctrine://default';
        $failedDsn = 'doctrine://default?queue_name=failed';
        $connections = [];
        $dbal = ['driver' => 'pdo_sqlite', 'path' => "$dir/var/messenger.sqlite"];
        break;
    case 'pgsql':
        $dsn = 'doctrine://default';
        $failedDsn = 'doctrine://default?queue_name=failed';
        $connections = ['default' => ['dsn' => $pgDsn, 'user' => $user, 'password' => $password]];
        $dbal = ['driver' => 'pdo_pgsql', 'host' => '127.0.0.1', 'port' => (int) preg_replace('/.*port=(\d+).*/', '$1', $pgDsn),
            'dbname' => 'messenger', 'user' => $user, 'password' => $password];
        break;
    case 'amqp':
        $dsn = "$amqpDsn/messages";
        $failedDsn = "$amqpDsn/failed";
        $connections = [];
        $dbal = null;
        $tuning = 'prefetch_count=100';
        break;
    default:
        fwrite(STDERR, "KIND: redis, sqlite, pgsql or amqp\n");
        exit(2);
}

$configure = function (string $async) use ($dir, $failedDsn, $connections) {
    file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("SmsNotification")) {
    final class SmsNotification { public function __construct(public string $content, public int $n) {} }
}
return [
    "connections" => ' . var_export($connections, true) . ',
    "transports" => ["async" => ' . var_export($async, true) . ', "failed" => ' . var_export($failedDsn, true) . '],
    "failure_transport" => "failed",
    "routing" => [SmsNotification::class => "async"],
    "handlers" => [SmsNotification::class => function (SmsNotification $m) {}],
];');
};
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=pdo_pgsql', '-d', 'extension=igbinary', '-d', 'extension=redis', '-d', 'extension=intl', '-d', 'extension=mbstring', '-d', 'extension=ctype'];
if ($kind === 'amqp') {
    $php = array_merge($php, ['-d', 'extension=amqp']);
}
$ours = array_merge($php, ['-d', "extension=$so"]);
/* an ext-amqp channel on the vhost of the DSN */
$amqpChannel = function () use ($amqpDsn) {
    $u = parse_url($amqpDsn);
    $c = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => urldecode(ltrim($u['path'], '/')),
        'login' => urldecode($u['user']), 'password' => urldecode($u['pass'])]);
    $c->connect();
    return new AMQPChannel($c);
};

/* the queue emptied, then N messages in it (dispatchAll of our side: Symfony reads them) */
$fill = function (bool $peek = false) use ($ours, $dir, $n, $kind, $redisPort, $pgDsn, $user, $password, $amqpChannel) {
    if ($kind === 'amqp') {
        $ch = $amqpChannel();
        foreach (['messages', 'failed'] as $name) {
            $q = new AMQPQueue($ch);
            $q->setName($name);
            $q->delete();
            $x = new AMQPExchange($ch);
            $x->setName($name);
            $x->delete();
        }
        $ch->getConnection()->disconnect();
    } elseif ($kind === 'redis') {
        $r = new Redis();
        $r->connect('127.0.0.1', $redisPort);
        $r->del('messages', 'messages__queue', 'failed', 'failed__queue');
    } elseif ($kind === 'pgsql') {
        (new PDO($pgDsn, $user, $password))->exec('DROP TABLE IF EXISTS messenger_messages CASCADE');
    } else {
        @unlink("$dir/var/messenger.sqlite");
    }
    $code = '$m = Messenger\Messenger::fromFile("config/messenger.php"); $m->setupTransports();'
        . ' for ($i = 0; $i < ' . $n . '; $i += 1000) { $m->dispatchAll(array_map(fn ($k) => new SmsNotification("hi", $k), range($i, min($i + 999, ' . ($n - 1) . ')))); }'
        . ' echo $m->transport("async")->getMessageCount();';
    $p = proc_open(array_merge($ours, ['-r', $code]), [1 => ['pipe', 'w']], $pipes, $dir);
    $count = (int) stream_get_contents($pipes[1]);
    proc_close($p);
    if ($count !== $n) {
        throw new RuntimeException("filled $count messages, not $n");
    }
    if ($kind === 'redis') {
        // the size of one entry, for the raw probe to read the same
        $first = $r->xRange('messages', '-', '+', 1);
        return strlen((string) (reset($first)['message'] ?? ''));
    }
    if ($kind === 'amqp' && $peek) {
        // the body of the first message (taken and given back to the head of the queue, marked
        // redelivered: only before the plain-PHP loop, which does not look at that)
        $ch = $amqpChannel();
        $q = new AMQPQueue($ch);
        $q->setName('messages');
        $first = $q->get();
        $q->nack($first->getDeliveryTag(), AMQP_REQUEUE);
        $ch->getConnection()->disconnect();
        return strlen($first->getBody());
    }
    return 0;
};
$left = function () use ($ours, $dir, $kind) {
    if ($kind === 'amqp') {
        usleep(300000); // what a consumer that has gone held is given back when the broker closes its channel
    }
    $p = proc_open(array_merge($ours, ['-r', 'echo Messenger\Messenger::fromFile("config/messenger.php")->transport("async")->getMessageCount();']), [1 => ['pipe', 'w']], $pipes, $dir);
    $count = (int) stream_get_contents($pipes[1]);
    proc_close($p);
    return $count;
};
/* msg/s of one consume process, from its start to its exit */
$time = function (array $cmd, array $env = []) use ($dir, $n, $left) {
    $start = hrtime(true);
    $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir, $env + getenv());
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    $code = proc_close($p);
    $seconds = (hrtime(true) - $start) / 1e9;
    $remaining = $left();
    if ($code !== 0 || $remaining !== 0) {
        throw new RuntimeException("the run exited $code and left $remaining messages: " . substr($out, 0, 500));
    }
    return (int) round($n / $seconds);
};

$result = ['kind' => $kind, 'n' => $n, 'dsn' => $dsn];
if (($argv[3] ?? '') === 'metrics') {
    /* ours as users run it, against the same with --metrics while a scraper asks /metrics every
     * 1 s (Prometheus' default is every 15 s), alternating, best of ROUNDS each */
    $rounds = (int) ($argv[4] ?? 3);
    $configure($dsn);
    $probe = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
    fclose($probe);
    $count = "$dir/scrapes";
    $scraper = 'while (true) { $s = @file_get_contents("http://127.0.0.1:' . $port . '/metrics");'
        . ' if ($s !== false && str_contains($s, "messaging_handler_total")) { file_put_contents("' . $count . '", (int) @file_get_contents("' . $count . '") + 1); }'
        . ' usleep(1000000); }';
    $rates = ['off' => [], 'on' => []];
    $cpu = ['off' => 0.0, 'on' => 0.0]; // the CPU seconds of the child processes of each side's runs
    $children = function () {
        $u = getrusage(1);
        return $u['ru_utime.tv_sec'] + $u['ru_utime.tv_usec'] / 1e6 + $u['ru_stime.tv_sec'] + $u['ru_stime.tv_usec'] / 1e6;
    };
    $scrapes = 0;
    for ($r = 0; $r < $rounds; $r++) {
        foreach ($r % 2 ? ['on', 'off'] : ['off', 'on'] as $side) {
            $fill();
            $before = $children();
            if ($side === 'off') {
                $rates['off'][] = $time(array_merge($ours, ["$root/bin/console"], ['messenger:consume', 'async', "--limit=$n", '-q']));
                $cpu['off'] += $children() - $before;
                continue;
            }
            @unlink($count);
            $s = proc_open([PHP_BINARY, '-n', '-r', $scraper], [], $pipes);
            $rates['on'][] = $time(array_merge($ours, ["$root/bin/console"], ['messenger:consume', 'async', "--limit=$n", '-q', "--metrics=127.0.0.1:$port"]));
            proc_terminate($s);
            proc_close($s);
            $cpu['on'] += $children() - $before;
            $scrapes += (int) @file_get_contents($count);
        }
    }
    $mean = fn (array $v) => (int) round(array_sum($v) / count($v));
    $result += ['messenger_per_s' => max($rates['off']), 'metrics_per_s' => max($rates['on']),
        'messenger_mean_per_s' => $mean($rates['off']), 'metrics_mean_per_s' => $mean($rates['on']),
        'cpu_us_per_message_off' => round($cpu['off'] * 1e6 / ($n * $rounds), 2), 'cpu_us_per_message_on' => round($cpu['on'] * 1e6 / ($n * $rounds), 2),
        'scrapes_answered' => $scrapes];
    /* the same in CPU instructions of the worker process, which the machine's noise does not
     * move: callgrind's count for 2000 and for 6000 messages, the difference per message */
    if (is_executable('/usr/bin/valgrind')) {
        $instructions = function (int $count, array $extra) use ($ours, $root, $dir, $fill, &$n) {
            $n = $count;
            $fill();
            $p = proc_open(array_merge(['/usr/bin/valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null'], $ours, ["$root/bin/console", 'messenger:consume', 'async', "--limit=$count", '-q'], $extra),
                [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
            $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
            proc_close($p);
            if (!preg_match('/Collected : (\d+)/', $out, $m)) {
                throw new RuntimeException('no callgrind count: ' . substr($out, -300));
            }
            return (int) $m[1];
        };
        $keep = $n;
        foreach (['off' => [], 'on' => ["--metrics=127.0.0.1:$port"]] as $side => $extra) {
            $result["instructions_per_message_$side"] = (int) round(($instructions(6000, $extra) - $instructions(2000, $extra)) / 4000);
        }
        $n = $keep;
    }
    exec('rm -rf ' . escapeshellarg($dir));
    echo json_encode($result), "\n";
    exit(0);
}
$consume = ['messenger:consume', 'async', "--limit=$n", '-q'];
$configure($dsn);
$result['entry_bytes'] = $fill();
$result['messenger_per_s'] = $time(array_merge($ours, ["$root/bin/console"], $consume));
$fill();
$result['symfony_per_s'] = $time(array_merge($php, [__DIR__ . '/symfony-console.php'], $consume), [
    'MESSENGER_BENCH_KIND' => $kind, 'MESSENGER_BENCH_DSN' => $dsn, 'MESSENGER_BENCH_FAILED_DSN' => $failedDsn,
    'MESSENGER_BENCH_DBAL' => json_encode($dbal), 'MESSENGER_BENCH_REDIS_PORT' => (string) $redisPort,
]);
$configure($dsn . (str_contains($dsn, '?') ? '&' : '?') . $tuning);
$fill();
$result['messenger_tuned_per_s'] = $time(array_merge($ours, ["$root/bin/console"], $consume));
if ($kind === 'amqp') {
    // the plain-PHP loop times itself (from its connect to its last ack: no interpreter start)
    $configure($dsn);
    $result['entry_bytes'] = $fill(true);
    $p = proc_open(array_merge($php, [__DIR__ . '/amqp_php_consume.php', (string) $n, $dsn]), [1 => ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]);
    $code = proc_close($p);
    if ($code !== 0 || ($remaining = $left()) !== 0) {
        throw new RuntimeException("the plain-PHP loop exited $code and left " . ($remaining ?? '?') . " messages: $out");
    }
    $result['php_consume_per_s'] = json_decode($out)->msg_per_s;
}
exec('rm -rf ' . escapeshellarg($dir));
echo json_encode($result), "\n";
