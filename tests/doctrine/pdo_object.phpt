--TEST--
DoctrineTransport on an application's own PDO (here Doctrine DBAL's native connection to an in-memory SQLite database): the same connection, so the same data
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require_once '/usr/share/php/Doctrine/DBAL/autoload.php';
final class Job { public function __construct(public string $name) {} }
$dbal = Doctrine\DBAL\DriverManager::getConnection(['driver' => 'pdo_sqlite', 'memory' => true]);
$pdo = $dbal->getNativeConnection();
$m = new Messenger\Messenger([
    'connections' => ['default' => $pdo],
    'transports' => ['async' => 'doctrine://default'],
    'routing' => [Job::class => 'async'],
]);
$m->dispatch(new Job('one'));
// nothing else could see an in-memory database: the rows are on the application's connection
var_dump((int) $dbal->fetchOne('SELECT COUNT(*) FROM messenger_messages'));
$got = $m->transport('async')->get();
echo $got[0]->getMessage()->name, "\n";
$m->transport('async')->ack($got[0]);
var_dump((int) $pdo->query('SELECT COUNT(*) FROM messenger_messages')->fetchColumn());
unset($m, $dbal, $pdo, $got);
gc_collect_cycles();
?>
--EXPECT--
int(1)
one
int(0)
