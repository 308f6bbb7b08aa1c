--TEST--
DoctrineTransport and Symfony 5.4's Doctrine transport share a table (Fusio's fusio_messenger) on SQLite and PostgreSQL, both ways, delayed messages included, and a row whose redeliveries we counted; the same schema
--EXTENSIONS--
messenger
pdo_sqlite
pdo_pgsql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
require __DIR__ . '/../_inc/wire.inc';
App\Wire\load_symfony();
require_once '/usr/share/php/Doctrine/DBAL/autoload.php';
require_once '/usr/share/php/Symfony/Component/Messenger/Bridge/Doctrine/autoload.php';
use App\Db\Job;
use Symfony\Component\Messenger as Sf;

$dbs = App\Db\databases();
$file = substr($dbs['sqlite'][0], strlen('sqlite:'));
$pg = $dbs['pgsql'][0];
$dbal = [
    'sqlite' => ['driver' => 'pdo_sqlite', 'path' => $file],
    'pgsql' => ['driver' => 'pdo_pgsql', 'host' => '127.0.0.1', 'port' => (int) preg_replace('/.*port=(\d+).*/', '$1', $pg['dsn']),
        'dbname' => 'messenger', 'user' => $pg['user'], 'password' => $pg['password']],
];
$names = fn(iterable $envelopes) => implode(',', array_map(fn($e) => $e->getMessage()->name, is_array($envelopes) ? $envelopes : iterator_to_array($envelopes)));
foreach (['sqlite', 'pgsql'] as $db) {
    echo "== $db\n";
    [$connection, $pdo] = $dbs[$db];
    $table = 'fusio_messenger';
    App\Db\drop($pdo, $table);
    if ($db === 'pgsql') {
        $pdo->exec('DROP FUNCTION IF EXISTS notify_fusio_messenger() CASCADE');
    }
    $symfony = new Sf\Bridge\Doctrine\Transport\DoctrineTransport(new Sf\Bridge\Doctrine\Transport\Connection(
        ['table_name' => $table, 'queue_name' => 'default', 'redeliver_timeout' => 3600, 'auto_setup' => true],
        Doctrine\DBAL\DriverManager::getConnection($dbal[$db])), new Sf\Transport\Serialization\PhpSerializer());
    $ours = Messenger\Transport\Transport::fromDsn("doctrine://main?table_name=$table", [],
        new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]), ['main' => $connection]);

    // Symfony writes (its table), we read
    $symfony->send(new Sf\Envelope(new Job('sf-1', 1), [new Sf\Stamp\BusNameStamp('messenger.bus.default')]));
    $symfony->send(new Sf\Envelope(new Job('sf-later', 2), [new Sf\Stamp\DelayStamp(3600 * 1000)]));
    $symfony->send(new Sf\Envelope(new Job('sf-2', 3)));
    echo 'we count ', $ours->getMessageCount(), ' and read ', $names($ours->get()), ' then ', $names($ours->get()), ', then ', count($ours->get()), " more\n";
    $claimed = $ours->all();
    echo 'in flight: ', count($claimed), ', Symfony counts ', $symfony->getMessageCount(), "\n";

    // we write, Symfony reads and acknowledges
    $pdo->exec("DELETE FROM $table");
    $ours->send(new Messenger\Envelope(new Job('ours-1'), [new Messenger\Stamp\BusNameStamp('b')]));
    $ours->send(new Messenger\Envelope(new Job('ours-later'), [new Messenger\Stamp\DelayStamp(3600 * 1000)]));
    $ours->sendAll([new Messenger\Envelope(new Job('ours-2')), new Messenger\Envelope(new Job('ours-3'))]);
    // a row we claimed again after its redeliver_timeout has one blank after its headers (the
    // count of its redeliveries): Symfony reads it as any other
    $expire = fn() => $pdo->exec("UPDATE $table SET delivered_at = '2000-01-01 00:00:00' WHERE delivered_at IS NOT NULL");
    // (not waiting for a notification: Symfony's plain Connection made this table, without the trigger)
    $claimer = Messenger\Transport\Transport::fromDsn("doctrine://main?table_name=$table", ['use_notify' => false],
        new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]), ['main' => $connection]);
    $claimer->get();
    $expire();
    echo 'claimed again: ', $names($claimer->get()), ', blanks after its headers: ';
    $expire();
    echo strspn(strrev($pdo->query("SELECT headers FROM $table ORDER BY id LIMIT 1")->fetchColumn()), ' '), "\n";
    echo 'Symfony counts ', $symfony->getMessageCount(), ' and reads (sorted: it orders by available_at alone)';
    $read = [];
    while ($got = iterator_to_array($symfony->get())) {
        $e = $got[0];
        $read[] = $e->getMessage()->name . '(' . ($e->last(Sf\Stamp\BusNameStamp::class)?->getBusName() ?? '-') . ')';
        $symfony->ack($e);
    }
    sort($read);
    echo ' ', implode(' ', $read), "\nleft: ", $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn(), ' row, ', $ours->getMessageCount(), " available\n";
    App\Db\drop($pdo, $table);
}
// the schema we create is the one Symfony creates (SQLite: compare the statements)
[$connection, $pdo] = $dbs['sqlite'];
$symfony = new Sf\Bridge\Doctrine\Transport\Connection(['table_name' => 'theirs', 'auto_setup' => true], Doctrine\DBAL\DriverManager::getConnection($dbal['sqlite']));
$symfony->setup();
Messenger\Transport\Transport::fromDsn('doctrine://main?table_name=ours', [], null, ['main' => $connection])->setup();
$ddl = fn($t) => array_map(fn($s) => str_replace([$t, 'IF NOT EXISTS '], ['T', ''], $s),
    $pdo->query("SELECT sql FROM sqlite_master WHERE tbl_name = '$t' AND type IN ('table', 'index') ORDER BY type DESC, name")->fetchAll(PDO::FETCH_COLUMN));
$theirs = $ddl('theirs');
$ourDdl = $ddl('ours');
// index names hash the table name: compare them by column
$strip = fn(array $l) => array_map(fn($s) => preg_replace('/IDX_[0-9A-F]+/', 'IDX', $s), $l);
var_dump($strip($theirs) === $strip($ourDdl), count($theirs));
$idx = fn($t) => $pdo->query("SELECT name FROM sqlite_master WHERE tbl_name = '$t' AND type = 'index' ORDER BY name")->fetchAll(PDO::FETCH_COLUMN);
$pdo->exec('DROP TABLE ours');
Messenger\Transport\Transport::fromDsn('doctrine://main?table_name=theirs2', [], null, ['main' => $connection])->setup();
$symfony2 = new Sf\Bridge\Doctrine\Transport\Connection(['table_name' => 'theirs2', 'auto_setup' => true], Doctrine\DBAL\DriverManager::getConnection(array_merge($dbal['sqlite'], ['path' => $file . '2'])));
$symfony2->setup();
$other = new PDO('sqlite:' . $file . '2');
echo 'the same index names: ', var_export($idx('theirs2') === $other->query("SELECT name FROM sqlite_master WHERE tbl_name = 'theirs2' AND type = 'index' ORDER BY name")->fetchAll(PDO::FETCH_COLUMN), true), "\n";
unset($symfony, $symfony2, $ours, $claimer, $other);
gc_collect_cycles(); // Symfony's and DBAL's objects hold cycles
?>
--EXPECT--
== sqlite
we count 2 and read sf-1 then sf-2, then 0 more
in flight: 0, Symfony counts 0
claimed again: ours-1, blanks after its headers: 1
Symfony counts 3 and reads (sorted: it orders by available_at alone) ours-1(b) ours-2(-) ours-3(-)
left: 1 row, 0 available
== pgsql
we count 2 and read sf-1 then sf-2, then 0 more
in flight: 0, Symfony counts 0
claimed again: ours-1, blanks after its headers: 1
Symfony counts 3 and reads (sorted: it orders by available_at alone) ours-1(b) ours-2(-) ours-3(-)
left: 1 row, 0 available
bool(true)
int(4)
the same index names: true
