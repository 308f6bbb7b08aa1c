--TEST--
RedisTransport and Symfony 5.4's Redis transport (phpredis) share a stream both ways: plain, delayed and bus-stamped messages, sendAll; acknowledgements delete the entries on both sides
--EXTENSIONS--
messenger
igbinary
redis
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
require __DIR__ . '/../_inc/databases.inc';
require __DIR__ . '/../_inc/wire.inc';
App\Wire\load_symfony();
require_once '/usr/share/php/Symfony/Component/Messenger/Bridge/Redis/autoload.php';
use App\Db\Job;
use Symfony\Component\Messenger as Sf;

$raw = new App\Redis\Raw();
$stream = App\Redis\stream('interop');
$raw('DEL', $stream, "{$stream}__queue");
$dsn = App\Redis\dsn() . "/$stream/shared";
$symfony = new Sf\Bridge\Redis\Transport\RedisTransport(
    Sf\Bridge\Redis\Transport\Connection::fromDsn("$dsn/symfony-worker", ['delete_after_ack' => true]), new Sf\Transport\Serialization\PhpSerializer());
$ours = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/our-worker", [], new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$drain = function (callable $get, callable $ack, callable $describe): string {
    $seen = [];
    while ($got = (fn($g) => is_array($g) ? $g : iterator_to_array($g))($get())) {
        foreach ($got as $e) {
            $seen[] = $describe($e);
            $ack($e);
        }
    }
    return implode(' ', $seen);
};

echo "-- Symfony writes, we read\n";
$symfony->send(new Sf\Envelope(new Job('sf-1', 1), [new Sf\Stamp\BusNameStamp('messenger.bus.default')]));
$symfony->send(new Sf\Envelope(new Job('sf-later', 2), [new Sf\Stamp\DelayStamp(300)]));
$symfony->send(new Sf\Envelope(new Job('sf-2', 3)));
echo 'we count ', $ours->getMessageCount(), "\n";
$describe = fn($e) => $e->getMessage()->name . '(' . ($e->last(Messenger\Stamp\BusNameStamp::class)?->getBusName() ?? '-') . ')';
echo 'we read: ', $drain(fn() => $ours->get(), fn($e) => $ours->ack($e), $describe), "\n";
usleep(400000);
echo 'then, due: ', $drain(fn() => $ours->get(), fn($e) => $ours->ack($e), $describe), "\n";
echo 'entries left: ', $raw('XLEN', $stream), ', delayed left: ', $raw('ZCARD', "{$stream}__queue"), "\n";

echo "-- we write, Symfony reads\n";
$ours->send(new Messenger\Envelope(new Job('ours-1'), [new Messenger\Stamp\BusNameStamp('b')]));
$ours->send(new Messenger\Envelope(new Job('ours-later'), [new Messenger\Stamp\DelayStamp(300)]));
$ours->sendAll([new Messenger\Envelope(new Job('ours-2')), new Messenger\Envelope(new Job('ours-3'))]);
$describe = fn($e) => $e->getMessage()->name . '(' . ($e->last(Sf\Stamp\BusNameStamp::class)?->getBusName() ?? '-') . ')';
echo 'Symfony reads: ', $drain(fn() => $symfony->get(), fn($e) => $symfony->ack($e), $describe), "\n";
usleep(400000);
echo 'then, due: ', $drain(fn() => $symfony->get(), fn($e) => $symfony->ack($e), $describe), "\n";
echo 'entries left: ', $raw('XLEN', $stream), ', delayed left: ', $raw('ZCARD', "{$stream}__queue"), ', pending: ', $raw('XPENDING', $stream, 'shared')[0], "\n";

echo "-- raw JSON (phpredis serializer none) is read by both\n";
$none = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/our-worker", ['serializer' => 0], new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$none->send(new Messenger\Envelope(new Job('raw')));
echo 'stored: ', substr($raw('XRANGE', $stream, '-', '+')[0][1][1], 0, 9), "\n";
echo 'Symfony reads: ', $drain(fn() => $symfony->get(), fn($e) => $symfony->ack($e), $describe), "\n";
$raw('DEL', $stream, "{$stream}__queue");
?>
--EXPECT--
-- Symfony writes, we read
we count 2
we read: sf-1(messenger.bus.default) sf-2(-)
then, due: sf-later(-)
entries left: 0, delayed left: 0
-- we write, Symfony reads
Symfony reads: ours-1(b) ours-2(-) ours-3(-)
then, due: ours-later(-)
entries left: 0, delayed left: 0, pending: 0
-- raw JSON (phpredis serializer none) is read by both
stored: {"body":"
Symfony reads: raw(-)