--TEST--
Table transport: a send whose INSERT went out and whose connection was lost before the database replied (PostgreSQL: the backend terminated while the INSERT waits for a lock) is a MaybeSentException (a TransportException) saying the message may have been stored
--EXTENSIONS--
messenger
pdo_pgsql
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$dsn = getenv('MESSENGER_PGSQL_DSN');
$user = getenv('MESSENGER_DB_USER');
$password = getenv('MESSENGER_DB_PASSWORD');
$table = 'maybe_sent_' . getmypid();
$pdo = new PDO($dsn, $user, $password, [PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION]);
$transport = fn () => Messenger\Transport\Transport::fromDsn("doctrine://db?table_name=$table", [], null, ['db' => [$dsn, $user, $password]]);
$transport()->setup();
// the producer, in its own process: its INSERT waits for the lock this process holds
$producer = <<<'PHP'
final class Job { public function __construct(public int $n) {} }
$t = Messenger\Transport\Transport::fromDsn("doctrine://db?table_name=$argv[1]", [], new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]), ['db' => [getenv('MESSENGER_PGSQL_DSN'), getenv('MESSENGER_DB_USER'), getenv('MESSENGER_DB_PASSWORD')]]);
$t->getMessageCount(); // connected and the table seen before the lock
echo "ready\n";
try {
    $t->send(new Messenger\Envelope(new Job(1)));
    echo "sent\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ' (a TransportException: ', $e instanceof Messenger\Exception\TransportException ? 'yes' : 'no', '): ',
        str_contains($e->getMessage(), 'may have been stored') ? 'says it may have been stored' : $e->getMessage(), "\n";
}
PHP;
// SHARE mode: the producer can read the table, its INSERT waits
$pdo->beginTransaction();
$pdo->exec("LOCK TABLE $table IN SHARE MODE");
$proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_pgsql', '-d', 'extension=' . $so[0], '-r', $producer, '--', $table],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
echo 'producer: ', fgets($pipes[1]);
// wait until its INSERT waits for the lock, then end its connection
for ($i = 0, $pid = false; $i < 800 && !$pid; $i++) {
    usleep(25000);
    $pid = $pdo->query("SELECT pid FROM pg_stat_activity WHERE query LIKE 'INSERT INTO $table%' AND wait_event_type = 'Lock'")->fetchColumn();
}
echo 'its INSERT waits for the lock: ', $pid ? 'yes' : 'no', "\n";
$pdo->query("SELECT pg_terminate_backend($pid)")->fetchColumn();
$pdo->rollBack();
echo 'producer: ', trim(stream_get_contents($pipes[1]) . stream_get_contents($pipes[2])), "\n";
proc_close($proc);
$pdo->exec("DROP TABLE $table");
?>
--EXPECT--
producer: ready
its INSERT waits for the lock: yes
producer: Messenger\Exception\MaybeSentException (a TransportException: yes): says it may have been stored
