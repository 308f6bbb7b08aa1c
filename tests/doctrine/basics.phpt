--TEST--
DoctrineTransport on SQLite, PostgreSQL and MariaDB: send, delay, claim in order, ack, reject, keepalive, redelivery, count, all, find, several queues, batches
--EXTENSIONS--
messenger
pdo_sqlite
pdo_pgsql
pdo_mysql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
use App\Db\Job;
use Messenger\Stamp\{DelayStamp, TransportMessageIdStamp};

$names = fn(iterable $envelopes) => implode(',', array_map(fn($e) => $e->getMessage()->name, is_array($envelopes) ? $envelopes : iterator_to_array($envelopes)));
$id = fn($e) => $e->last(TransportMessageIdStamp::class)->getId();
foreach (App\Db\databases() as $db => [$connection, $pdo]) {
    $table = App\Db\table('basics');
    App\Db\drop($pdo, $table);
    $m = new Messenger\Messenger([
        'connections' => ['main' => $connection],
        'transports' => [
            'a' => "doctrine://main?table_name=$table&queue_name=a",
            'b' => ['dsn' => "doctrine://main?table_name=$table", 'options' => ['queue_name' => 'b', 'get_batch_size' => 3, 'redeliver_timeout' => 60]],
        ],
        'routing' => [Job::class => 'a'],
    ]);
    $a = $m->transport('a');
    $b = $m->transport('b');
    echo "== $db\n";
    $first = $m->dispatch(new Job('one'));
    $m->dispatch(new Job('later'), [new DelayStamp(3600 * 1000)]);
    $m->dispatch(new Job('two'));
    var_dump(is_int($id($first)), $a->getMessageCount());
    echo 'all: ', $names($a->all()), ', all(1): ', $names($a->all(1)), "\n";
    try { $a->all(0); } catch (ValueError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
    echo 'find: ', $a->find($id($first))->getMessage()->name, ', missing: ', var_export($a->find(999999), true), "\n";
    // claimed in order, one per get (batch size 1), each with its row id
    $got1 = $a->get();
    $got2 = $a->get();
    echo 'get: ', $names($got1), ' then ', $names($got2), ', then ', count($a->get()), " left\n";
    var_dump($id($got1[0]) === $id($first), $a->getMessageCount());
    $a->ack($got1[0]);
    $a->reject($got2[0]);
    echo 'rows left: ', $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn(), "\n";
    // the delayed one: available_at is an hour on, in UTC, to the second
    $row = $pdo->query("SELECT created_at, available_at, delivered_at, headers FROM $table")->fetch(PDO::FETCH_ASSOC);
    var_dump(strtotime($row['available_at'] . ' UTC') - strtotime($row['created_at'] . ' UTC'), $row['delivered_at'], $row['headers']);

    // a batch of three from queue b, sent in one INSERT
    $sent = $b->sendAll(array_map(fn($i) => new Messenger\Envelope(new Job("b$i", $i)), range(1, 5)));
    $ids = array_map($id, $sent);
    echo 'sendAll ids consecutive: ', var_export($ids === range($ids[0], $ids[0] + 4), true), "\n";
    $batch = $b->get();
    echo 'batch: ', $names($batch), ', next: ', $names($b->get()), "\n";
    // keepalive keeps a claimed message; a claim older than redeliver_timeout comes back
    $b->keepalive($batch[0]);
    $pdo->exec("UPDATE $table SET delivered_at = '2000-01-01 00:00:00' WHERE id = " . $id($batch[1]));
    echo 'redelivered: ', $names($b->get()), "\n";
    try {
        $b->keepalive($batch[0], 60);
    } catch (Messenger\Exception\LogicException $e) {
        echo get_class($e), "\n";
    }
    // several queues at once, in order
    $m->dispatch(new Job('a3'));
    echo 'from queues: ', $names($b->getFromQueues(['a', 'b'])), "\n";
    echo 'queue a is not queue b: ', $a->getMessageCount(), ' / ', $b->getMessageCount(), "\n";
    try {
        $a->ack(new Messenger\Envelope(new Job('x')));
    } catch (Messenger\Exception\LogicException $e) {
        echo $e->getMessage(), "\n";
    }
    App\Db\drop($pdo, $table);
    unset($m, $a, $b);
}
gc_collect_cycles();
?>
--EXPECT--
== sqlite
bool(true)
int(2)
all: one,two, all(1): one
ValueError: Messenger\Bridge\Doctrine\Transport\DoctrineTransport::all(): Argument #1 ($limit) must be null or greater than 0
find: one, missing: NULL
get: one then two, then 0 left
bool(true)
int(0)
rows left: 1
int(3600)
NULL
string(2) "[]"
sendAll ids consecutive: true
batch: b1,b2,b3, next: b4,b5
redelivered: b2
Messenger\Exception\LogicException
from queues: a3
queue a is not queue b: 0 / 0
No TransportMessageIdStamp found on the Envelope: it was not received from this transport
== pgsql
bool(true)
int(2)
all: one,two, all(1): one
ValueError: Messenger\Bridge\Doctrine\Transport\DoctrineTransport::all(): Argument #1 ($limit) must be null or greater than 0
find: one, missing: NULL
get: one then two, then 0 left
bool(true)
int(0)
rows left: 1
int(3600)
NULL
string(2) "[]"
sendAll ids consecutive: true
batch: b1,b2,b3, next: b4,b5
redelivered: b2
Messenger\Exception\LogicException
from queues: a3
queue a is not queue b: 0 / 0
No TransportMessageIdStamp found on the Envelope: it was not received from this transport
== mysql
bool(true)
int(2)
all: one,two, all(1): one
ValueError: Messenger\Bridge\Doctrine\Transport\DoctrineTransport::all(): Argument #1 ($limit) must be null or greater than 0
find: one, missing: NULL
get: one then two, then 0 left
bool(true)
int(0)
rows left: 1
int(3600)
NULL
string(2) "[]"
sendAll ids consecutive: true
batch: b1,b2,b3, next: b4,b5
redelivered: b2
Messenger\Exception\LogicException
from queues: a3
queue a is not queue b: 0 / 0
No TransportMessageIdStamp found on the Envelope: it was not received from this transport
