<?php
/*
 * The database-table transport against Symfony 5.4's Doctrine transport, on one database:
 * send N messages one by one, then consume them (get + ack until the queue is empty); for
 * ours also dispatchAll() of N messages against dispatching them one by one.
 * Usage: php table.php SIDE DB N     SIDE: messenger | symfony; DB: sqlite | pgsql
 * The PostgreSQL server is scripts/db.sh's (MESSENGER_PGSQL_DSN...). Prints one JSON line.
 */
require __DIR__ . '/transport.inc';

[$self, $side, $db, $n] = $argv + [null, 'messenger', 'sqlite', 2000];
$n = (int) $n;
$file = sys_get_temp_dir() . "/messenger-bench-$side.sqlite";
@unlink($file);
$table = "bench_$side";
$pgDsn = getenv('MESSENGER_PGSQL_DSN');
$user = getenv('MESSENGER_DB_USER');
$password = getenv('MESSENGER_DB_PASSWORD');
$pdo = $db === 'sqlite' ? new PDO("sqlite:$file") : new PDO($pgDsn, $user, $password);
$pdo->exec("DROP TABLE IF EXISTS $table");
$result = ['side' => $side, 'db' => $db, 'n' => $n];

if ($side === 'symfony') {
    foreach (['Messenger', 'Messenger/Bridge/Doctrine'] as $c) {
        require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
    }
    require_once '/usr/share/php/Doctrine/DBAL/autoload.php';
    $params = $db === 'sqlite' ? ['driver' => 'pdo_sqlite', 'path' => $file]
        : ['driver' => 'pdo_pgsql', 'host' => '127.0.0.1', 'port' => (int) preg_replace('/.*port=(\d+).*/', '$1', $pgDsn), 'dbname' => 'messenger', 'user' => $user, 'password' => $password];
    $transport = new Symfony\Component\Messenger\Bridge\Doctrine\Transport\DoctrineTransport(
        new Symfony\Component\Messenger\Bridge\Doctrine\Transport\Connection(['table_name' => $table, 'queue_name' => 'default', 'redeliver_timeout' => 3600, 'auto_setup' => true],
            Doctrine\DBAL\DriverManager::getConnection($params)), new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer());
    $transport->setup();
    [$result['send_per_s'], $result['consume_per_s'], $handled] = send_then_consume($transport, $n,
        fn(int $i) => new Symfony\Component\Messenger\Envelope(new OrderPlaced($i, 'ada@example.com', 9.5)));
} else {
    $connection = $db === 'sqlite' ? "sqlite:$file" : ['dsn' => $pgDsn, 'user' => $user, 'password' => $password];
    $m = new Messenger\Messenger([
        'connections' => ['db' => $connection],
        'transports' => ['async' => "doctrine://db?table_name=$table&get_batch_size=50"],
        'routing' => [OrderPlaced::class => 'async'],
    ]);
    $transport = $m->transport('async');
    $transport->setup();
    [$result['send_per_s'], $result['consume_per_s'], $handled] = send_then_consume($transport, $n,
        fn(int $i) => new Messenger\Envelope(new OrderPlaced($i, 'ada@example.com', 9.5)));
    $pdo->exec("DELETE FROM $table");
    $result['dispatch_one_by_one_per_s'] = per_second($n, function () use ($m, $n) {
        for ($i = 0; $i < $n; $i++) {
            $m->dispatch(new OrderPlaced($i, 'ada@example.com', 9.5));
        }
    });
    $pdo->exec("DELETE FROM $table");
    $messages = [];
    for ($i = 0; $i < $n; $i++) {
        $messages[] = new OrderPlaced($i, 'ada@example.com', 9.5);
    }
    $result['dispatch_all_per_s'] = per_second($n, fn() => $m->dispatchAll($messages));
}
if ($handled !== $n) {
    fwrite(STDERR, "$side: consumed $handled of $n\n");
    exit(1);
}
$pdo->exec("DROP TABLE IF EXISTS $table");
@unlink($file);
echo json_encode($result), "\n";
