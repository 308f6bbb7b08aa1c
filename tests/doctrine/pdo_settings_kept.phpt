--TEST--
DoctrineTransport on an application's own PDO leaves its settings as it found them: error mode (silent or warnings), column-name case, and the SQLite journal mode (WAL only on a database the transport opens itself); its errors are still exceptions naming the database
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
final class Job { public function __construct(public string $name) {} }
$file = sys_get_temp_dir() . '/messenger-pdo-kept-' . getmypid() . '.sqlite';
@unlink($file);
$pdo = new PDO('sqlite:' . $file);
$pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_SILENT);
$pdo->setAttribute(PDO::ATTR_CASE, PDO::CASE_UPPER);
$settings = fn () => sprintf('errmode %d, case %d, journal %s', $pdo->getAttribute(PDO::ATTR_ERRMODE),
    $pdo->getAttribute(PDO::ATTR_CASE), $pdo->query('PRAGMA journal_mode')->fetch(PDO::FETCH_NUM)[0]);
echo 'before:  ', $settings(), "\n";

$m = new Messenger\Messenger([
    'connections' => ['default' => $pdo],
    'transports' => ['async' => 'doctrine://default'],
    'routing' => [Job::class => 'async'],
]);
$m->transport('async')->setup();
$m->dispatch(new Job('one'));
$m->dispatch(new Job('two'));
echo 'count:   ', $m->transport('async')->getMessageCount(), "\n";
$got = $m->transport('async')->get();
echo 'got:     ', $got[0]->getMessage()->name, "\n";
$m->transport('async')->ack($got[0]);
$m->worker(['async'])->run(['limit' => 1, 'sleep' => 0]);
echo 'after:   ', $settings(), "\n";
// the application's own queries still see its upper-case column names
echo 'columns: ', implode(',', array_keys($pdo->query('SELECT id, queue_name FROM messenger_messages LIMIT 1')->fetch(PDO::FETCH_ASSOC) ?: ['(no rows)' => 1])), "\n";

// an error on the application's silent PDO is still an exception, and the mode stays silent
$pdo->exec('DROP TABLE messenger_messages');
$pdo->exec('CREATE TABLE messenger_messages (nothing INTEGER)');
try {
    $m->dispatch(new Job('three'));
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'after an error: ', $settings(), "\n";
$pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_WARNING);
try {
    $m->transport('async')->get();
} catch (Messenger\Exception\TransportException $e) {
    echo 'warning mode: ', get_class($e), "\n";
}
echo 'after an error: ', $settings(), "\n";
unset($m, $got);

// a database the transport opens itself goes to WAL
$m = new Messenger\Messenger([
    'connections' => ['default' => 'sqlite:' . $file . '-own'],
    'transports' => ['async' => 'doctrine://default'],
]);
$m->transport('async')->setup();
echo 'own:     journal ', (new PDO('sqlite:' . $file . '-own'))->query('PRAGMA journal_mode')->fetchColumn(), "\n";
unset($m, $pdo);
foreach (glob($file . '*') as $f) { unlink($f); }
?>
--EXPECTF--
before:  errmode 0, case 1, journal delete
count:   2
got:     one
after:   errmode 0, case 1, journal delete
columns: ID,QUEUE_NAME
Messenger\Exception\TransportException: %s
after an error: errmode 0, case 1, journal delete
warning mode: Messenger\Exception\TransportException
after an error: errmode 1, case 1, journal delete
own:     journal wal
