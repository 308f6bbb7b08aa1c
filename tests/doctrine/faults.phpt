--TEST--
DoctrineTransport faults: bad options, unknown connection, a server that is down or refuses the login (never the password in the message), a missing table without auto_setup, an undecodable row (handed over as an UndecodableMessage, never lost), a lost connection (reconnects), Symfony 5.4's soft-deleted MySQL rows
--EXTENSIONS--
messenger
pdo_sqlite
pdo_pgsql
pdo_mysql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
use App\Db\Job;
use Messenger\Transport\Transport;

$try = function (callable $f) {
    try {
        $f();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
        return $e;
    }
};
$dbs = App\Db\databases();
$sqlite = $dbs['sqlite'][0];
echo "-- options\n";
$try(fn() => Transport::fromDsn('doctrine://x?frobnicate=1', [], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://x', ['frobnicate' => 1], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://x?use_notify=false', [], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://x?table_name=a;drop', [], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://x?get_batch_size=0', [], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://x?auto_setup=maybe', [], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://nope', [], null, ['x' => $sqlite]));
$try(fn() => Transport::fromDsn('doctrine://x', [], null, ['x' => 42]));
// a transport connects on first use (making one opens nothing)
$try(fn() => Transport::fromDsn('doctrine://x', [], null, ['x' => 'odbc:whatever'])->getMessageCount());

echo "-- servers down or refusing\n";
$user = getenv('MESSENGER_DB_USER');
$e = $try(fn() => Transport::fromDsn('doctrine://x', [], null, ['x' => ['dsn' => 'pgsql:host=127.0.0.1;port=1;dbname=orders', 'user' => $user, 'password' => 'Hunter2-secret']])->get());
var_dump($e instanceof Messenger\Exception\TransportException, str_contains($e->getMessage(), 'Hunter2'));
foreach (['MESSENGER_PGSQL_DSN', 'MESSENGER_MYSQL_DSN'] as $var) {
    $e = $try(fn() => Transport::fromDsn('doctrine://x', [], null, ['x' => [getenv($var), $user, 'Hunter2-secret']])->send(new Messenger\Envelope(new Job('never'))));
    var_dump(str_contains($e->getMessage(), 'Hunter2'), str_contains((string) $e, 'Hunter2'));
}

foreach ($dbs as $db => [$connection, $pdo]) {
    echo "-- $db\n";
    $table = App\Db\table('faults');
    App\Db\drop($pdo, $table);
    $options = ['table_name' => $table, 'auto_setup' => false];
    if (is_array($connection)) {
        // a user of its own: the connections killed below are this test's only (tests run two at a time)
        $connection['user'] = 'messenger_faults';
    }
    $t = Transport::fromDsn('doctrine://main', $options, new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]), ['main' => $connection]);
    $e = $try(fn() => $t->get());
    $t->setup();
    $t->setup(); // twice is fine
    $pdo->exec("INSERT INTO $table (body, headers, queue_name, created_at, available_at) VALUES ('garbage', '[]', 'default', '2020-01-01 00:00:00', '2020-01-01 00:00:00')");
    $bad = $pdo->lastInsertId() ?: $pdo->query("SELECT MAX(id) FROM $table")->fetchColumn();
    $t->send(new Messenger\Envelope(new Job('good-1')));
    $t->send(new Messenger\Envelope(new Job('good-2')));
    // the undecodable row comes first (stored first): an UndecodableMessage with what was stored and why,
    // claimed like any message; the worker sends it to the failure transport, then rejects it
    $got = $t->get();
    $m = $got[0]->getMessage();
    echo get_class($m), ': ', $m->body, ' ', json_encode($m->headers), ' ', $m->error, "\n";
    var_dump(count($got), $got[0]->last(Messenger\Stamp\TransportMessageIdStamp::class)->getId() == $bad);
    var_dump((int) $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn(), $pdo->query("SELECT delivered_at FROM $table WHERE id = $bad")->fetchColumn() !== null);
    $t->reject($got[0]);
    var_dump((int) $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn());
    echo 'then: ', $t->get()[0]->getMessage()->name, "\n";
    // a lost connection: the next get connects again
    if ($db === 'pgsql') {
        $pdo->query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'messenger_faults'")->fetchAll();
    } elseif ($db === 'mysql') {
        foreach ($pdo->query("SELECT id FROM information_schema.processlist WHERE user = 'messenger_faults'")->fetchAll(PDO::FETCH_COLUMN) as $id) {
            $pdo->exec("KILL $id");
        }
    }
    usleep(100000);
    echo 'after the connection was lost: ', $t->get()[0]->getMessage()->name, "\n";
    if ($db === 'mysql') {
        // Symfony 5.4 acknowledges on MySQL by marking the row delivered in 9999: never delivered again
        $pdo->exec("INSERT INTO $table (body, headers, queue_name, created_at, available_at, delivered_at) VALUES ('x', '[]', 'default', '2020-01-01 00:00:00', '2020-01-01 00:00:00', '9999-12-31 23:59:59')");
        var_dump($t->get(), $t->getMessageCount());
    }
    App\Db\drop($pdo, $table);
    unset($t);
}
?>
--EXPECTF--
-- options
Messenger\Exception\InvalidArgumentException: Unknown option "frobnicate" in the doctrine DSN (known: table_name, queue_name, redeliver_timeout, auto_setup, get_batch_size, use_notify, check_delayed_interval, get_notify_timeout, max_deliveries; use_notify only in options)
Messenger\Exception\InvalidArgumentException: Unknown option "frobnicate" for the doctrine transport (known: table_name, queue_name, redeliver_timeout, auto_setup, get_batch_size, use_notify, check_delayed_interval, get_notify_timeout, max_deliveries)
Messenger\Exception\InvalidArgumentException: Unknown option "use_notify" in the doctrine DSN (known: table_name, queue_name, redeliver_timeout, auto_setup, get_batch_size, use_notify, check_delayed_interval, get_notify_timeout, max_deliveries; use_notify only in options)
Messenger\Exception\InvalidArgumentException: The table_name of the doctrine transport must be a table name (letters, digits, "_", an optional "schema.")
Messenger\Exception\InvalidArgumentException: The option "get_batch_size" of the doctrine transport must be at least 1
Messenger\Exception\InvalidArgumentException: The option "auto_setup" of the doctrine transport must be true or false
Messenger\Exception\InvalidArgumentException: transports["fromDsn"]: doctrine://nope names a connection that is not in the configuration's "connections" (configured: x)
Messenger\Exception\InvalidArgumentException: A doctrine connection must be a PDO, a PDO DSN string, or ["dsn" => string, "user" => string, "password" => string]
Messenger\Exception\TransportException: Could not connect to the odbc database "" on localhost: could not find driver
-- servers down or refusing
Messenger\Exception\TransportException: Could not connect to the pgsql database "orders" on 127.0.0.1:1: SQLSTATE[08006] [7] connection to server at "127.0.0.1", port 1 failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?
bool(true)
bool(false)
Messenger\Exception\TransportException: Could not connect to the pgsql database "messenger" on 127.0.0.1:55432: SQLSTATE[08006] [7] connection to server at "127.0.0.1", port 55432 failed: FATAL:  password authentication failed for user "messenger"
bool(false)
bool(false)
Messenger\Exception\TransportException: Could not connect to the mysql database "messenger" on 127.0.0.1:33306: SQLSTATE[HY000] [1045] Access denied for user 'messenger'@'localhost' (using password: YES)
bool(false)
bool(false)
-- sqlite
Messenger\Exception\TransportException: The table "faults_%d" does not exist in the sqlite database %s and auto_setup is off: create it with Messenger::setupTransports() (bin/console messenger:setup-transports), or DoctrineTransport::setup()
Messenger\Transport\Serialization\UndecodableMessage: garbage [] Could not decode Envelope: the data is not a serialized object
int(1)
bool(true)
int(3)
bool(true)
int(2)
then: good-1
after the connection was lost: good-2
-- pgsql
Messenger\Exception\TransportException: The table "faults_%d" does not exist in the pgsql database "messenger" on 127.0.0.1:55432 and auto_setup is off: create it with Messenger::setupTransports() (bin/console messenger:setup-transports), or DoctrineTransport::setup()
Messenger\Transport\Serialization\UndecodableMessage: garbage [] Could not decode Envelope: the data is not a serialized object
int(1)
bool(true)
int(3)
bool(true)
int(2)
then: good-1
after the connection was lost: good-2
-- mysql
Messenger\Exception\TransportException: The table "faults_%d" does not exist in the mysql database "messenger" on 127.0.0.1:33306 and auto_setup is off: create it with Messenger::setupTransports() (bin/console messenger:setup-transports), or DoctrineTransport::setup()
Messenger\Transport\Serialization\UndecodableMessage: garbage [] Could not decode Envelope: the data is not a serialized object
int(1)
bool(true)
int(3)
bool(true)
int(2)
then: good-1
after the connection was lost: good-2
array(0) {
}
int(0)
