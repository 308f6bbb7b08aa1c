--TEST--
A worker on the table transport waits out a database it cannot reach (PostgreSQL on a port where nothing listens: reconnect_timeout bounds the wait, then the error ends it), and gives up at once when the database refuses it (a wrong password, a missing table with auto_setup off), without waiting
--EXTENSIONS--
messenger
pdo_pgsql
pdo_sqlite
--FILE--
<?php
final class Job { public function __construct(public int $n) {} }
$user = getenv('MESSENGER_DB_USER');
$cases = [
    'nothing listens' => [['dsn' => 'pgsql:host=127.0.0.1;port=1;dbname=messenger', 'user' => $user, 'password' => 'x'], ''],
    'wrong password' => [['dsn' => getenv('MESSENGER_PGSQL_DSN'), 'user' => $user, 'password' => 'Hunter2-wrong'], ''],
    'missing table, auto_setup off' => ['sqlite::memory:', '?auto_setup=0'],
];
foreach ($cases as $label => [$connection, $query]) {
    $waits = 0;
    $m = new Messenger\Messenger([
        'connections' => ['db' => $connection],
        'transports' => ['async' => "doctrine://db$query"],
        'routing' => [Job::class => 'async'],
        'handlers' => [Job::class => fn () => null],
        'listeners' => ['transport_unavailable' => function () use (&$waits) { $waits++; }],
    ]);
    try {
        @$m->worker(['async'])->run(['reconnect_timeout' => 1, 'sleep' => 0.05]);
        echo "$label: no exception\n";
    } catch (Messenger\Exception\TransportException $e) {
        $text = preg_replace(['/port \d+/', '/:\d+/'], ['port N', ':N'], $e->getMessage());
        echo "$label: ", $waits ? 'waited, then ' : 'at once, ', get_class($e), ': ', strtok($text, "\n"), "\n";
        echo '  the password in it: ', str_contains((string) $e, 'Hunter2') ? 'yes' : 'no', "\n";
    }
}
?>
--EXPECT--
nothing listens: waited, then Messenger\Exception\TransportException: Could not connect to the pgsql database "messenger" on 127.0.0.1:N: SQLSTATE[08006] [7] connection to server at "127.0.0.1", port N failed: Connection refused
  the password in it: no
wrong password: at once, Messenger\Exception\TransportException: Could not connect to the pgsql database "messenger" on 127.0.0.1:N: SQLSTATE[08006] [7] connection to server at "127.0.0.1", port N failed: FATAL:  password authentication failed for user "messenger"
  the password in it: no
missing table, auto_setup off: at once, Messenger\Exception\TransportException: The table "messenger_messages" does not exist in the sqlite database :memory: and auto_setup is off: create it with Messenger::setupTransports() (bin/console messenger:setup-transports), or DoctrineTransport::setup()
  the password in it: no