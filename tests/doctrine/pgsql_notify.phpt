--TEST--
DoctrineTransport on PostgreSQL: after an empty get, the next one waits on LISTEN for Symfony's notify trigger and wakes when a message is sent (get_notify_timeout, check_delayed_interval, use_notify)
--EXTENSIONS--
messenger
pdo_pgsql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
use App\Db\Job;

[$connection, $pdo] = App\Db\databases()['pgsql'];
$table = App\Db\table('notify');
App\Db\drop($pdo, $table);
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$make = fn(array $options) => Messenger\Transport\Transport::fromDsn('doctrine://main', ['table_name' => $table] + $options, $serializer, ['main' => $connection]);
// a long wait and a long interval: only the notification can bring the message within this get
$waiting = $make(['get_notify_timeout' => 20000, 'check_delayed_interval' => 600000]);
$waiting->setup();
var_dump($waiting->get()); // empty: seen empty, the next get listens
// (dates in the past: NOW() in a TIMESTAMP(0) column rounds up half the time, which would make
// the row available only in the next second)
$body = tempnam(sys_get_temp_dir(), 'body');
file_put_contents($body, $serializer->encode(new Messenger\Envelope(new Job('woken')))['body']);
$child = proc_open([PHP_BINARY, '-r', sprintf(
    'usleep(300000); $p = new PDO(%s, %s, %s); $p->prepare("INSERT INTO %s (body, headers, queue_name, created_at, available_at) '
    . 'VALUES (?, \'[]\', \'default\', \'2000-01-01 00:00:00\', \'2000-01-01 00:00:00\')")->execute([file_get_contents(%s)]);',
    var_export($connection['dsn'], true), var_export($connection['user'], true), var_export($connection['password'], true), $table,
    var_export($body, true))], [], $pipes);
$got = $waiting->get();
proc_close($child);
unlink($body);
echo 'the waiting get returned: ', count($got) ? $got[0]->getMessage()->name : 'nothing', "\n";
$waiting->ack($got[0]);

// a notification for another queue does not wake it; the interval passing does
$short = $make(['get_notify_timeout' => 50, 'check_delayed_interval' => 0]);
var_dump($short->get());
$make(['queue_name' => 'other'])->send(new Messenger\Envelope(new Job('elsewhere')));
$short->send(new Messenger\Envelope(new Job('due')));
echo 'after the interval: ', $short->get()[0]->getMessage()->name, "\n";

// use_notify off: a plain poll every time
$polling = $make(['use_notify' => false]);
var_dump($polling->get());
try {
    $make(['use_notify' => 'yes']);
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
App\Db\drop($pdo, $table);
?>
--EXPECT--
array(0) {
}
the waiting get returned: woken
array(0) {
}
after the interval: due
array(0) {
}
The option "use_notify" of the doctrine transport must be true or false
