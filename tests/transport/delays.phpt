--TEST--
Delays: a message never comes before its DelayStamp says (the table's whole seconds are rounded up: 200 ms is 1 s, not 0), on the table, Redis and in-memory transports; a DelayStamp beyond what a transport can keep (100 years) is refused with an exception naming it, and nothing is stored
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
use Messenger\Envelope;
use Messenger\Stamp\DelayStamp;
final class Job {}
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$stream = App\Redis\stream('delays');
$transports = [
    'table' => Messenger\Transport\Transport::fromDsn('doctrine://default?auto_setup=true', [], $serializer, ['default' => 'sqlite::memory:']),
    'redis' => new Messenger\Bridge\Redis\Transport\RedisTransport(App\Redis\dsn() . "/$stream/g/c", [], $serializer),
    'in-memory' => new Messenger\Transport\InMemory\InMemoryTransport(),
];
foreach ($transports as $name => $t) {
    $sent = hrtime(true);
    $t->send(new Envelope(new Job, [new DelayStamp(200)]));
    $now = count([...$t->get()]);
    // never before its time (on the table, 200 ms rounded up to a whole second); a machine
    // slow enough (valgrind) may read it later than that, and then may get it
    $due_ms = $name === 'table' ? 1000 : 200;
    $early = $now > 0 && (hrtime(true) - $sent) / 1e6 < $due_ms;
    usleep(1300000);
    $later = [...$t->get()];
    foreach ($later as $e) { $t->ack($e); }
    echo "$name: before its time ", $early ? 'yes' : 'no', ", after 1.3 s ", $now + count($later), "\n";
    try {
        $t->send(new Envelope(new Job, [new DelayStamp(PHP_INT_MAX)]));
        echo "$name: sent!\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo "$name: ", $e->getMessage(), "\n";
    }
    echo "$name: left ", $t->getMessageCount(), "\n";
}
// a batch with one such message sends none of it
$t = $transports['in-memory'];
try { $t->sendAll([new Envelope(new Job), new Envelope(new Job, [new DelayStamp(PHP_INT_MAX)])]); } catch (Messenger\Exception\InvalidArgumentException $e) { echo "sendAll refused, left ", $t->getMessageCount(), "\n"; }
$r = $transports['redis'];
try { $r->sendAll([new Envelope(new Job), new Envelope(new Job, [new DelayStamp(PHP_INT_MAX)])]); } catch (Messenger\Exception\InvalidArgumentException $e) { echo "redis sendAll refused, left ", $r->getMessageCount(), "\n"; }
?>
--EXPECTF--
table: before its time no, after 1.3 s 1
table: A DelayStamp of %d ms is beyond what a transport can keep (at most 3162240000000 ms, 100 years)
table: left 0
redis: before its time no, after 1.3 s 1
redis: A DelayStamp of %d ms is beyond what a transport can keep (at most 3162240000000 ms, 100 years)
redis: left 0
in-memory: before its time no, after 1.3 s 1
in-memory: A DelayStamp of %d ms is beyond what a transport can keep (at most 3162240000000 ms, 100 years)
in-memory: left 0
sendAll refused, left 0
redis sendAll refused, left 0
