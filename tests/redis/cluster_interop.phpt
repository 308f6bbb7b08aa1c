--TEST--
Redis Cluster shared with Symfony 5.4's Redis transport (phpredis' RedisCluster) both ways, the stream named with a hash tag of its own ({interop}: Symfony writes {interop} and {interop}__queue, the keys we use): plain and delayed messages; without the tag our keys are {name}, which Symfony would not find (the README says so)
--EXTENSIONS--
messenger
igbinary
redis
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
require __DIR__ . '/../_inc/wire.inc';
require_once __DIR__ . '/../_inc/redis_topology.inc';
App\Wire\load_symfony();
require_once '/usr/share/php/Symfony/Component/Messenger/Bridge/Redis/autoload.php';
use App\Db\Job;
use Symfony\Component\Messenger as Sf;

$c = App\RedisTopology\cluster();
$dsn = $c->dsn();
$symfony = new Sf\Bridge\Redis\Transport\RedisTransport(
    Sf\Bridge\Redis\Transport\Connection::fromDsn($dsn, ['stream' => '{interop}', 'group' => 'shared', 'consumer' => 'sf', 'delete_after_ack' => true]),
    new Sf\Transport\Serialization\PhpSerializer());
$ours = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['stream' => '{interop}', 'group' => 'shared', 'consumer' => 'ours'],
    new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$drain = function (callable $get, callable $ack): string {
    $seen = [];
    while ($got = (fn($g) => is_array($g) ? $g : iterator_to_array($g))($get())) {
        foreach ($got as $e) {
            $seen[] = $e->getMessage()->name;
            $ack($e);
        }
    }
    return implode(' ', $seen);
};
$owner = $c->owner($c->slotOf('{interop}'));

echo "-- Symfony writes, we read\n";
$symfony->send(new Sf\Envelope(new Job('sf-1', 1)));
$symfony->send(new Sf\Envelope(new Job('sf-later', 2), [new Sf\Stamp\DelayStamp(300)]));
$symfony->send(new Sf\Envelope(new Job('sf-2', 3)));
echo 'we count ', $ours->getMessageCount(), "\n";
echo 'we read: ', $drain(fn() => $ours->get(), fn($e) => $ours->ack($e)), "\n";
usleep(400000);
echo 'then, due: ', $drain(fn() => $ours->get(), fn($e) => $ours->ack($e)), "\n";

echo "-- we write, Symfony reads\n";
$ours->send(new Messenger\Envelope(new Job('ours-1')));
$ours->send(new Messenger\Envelope(new Job('ours-later'), [new Messenger\Stamp\DelayStamp(300)]));
$ours->sendAll([new Messenger\Envelope(new Job('ours-2')), new Messenger\Envelope(new Job('ours-3'))]);
echo 'Symfony reads: ', $drain(fn() => $symfony->get(), fn($e) => $symfony->ack($e)), "\n";
usleep(400000);
echo 'then, due: ', $drain(fn() => $symfony->get(), fn($e) => $symfony->ack($e)), "\n";
echo 'entries left: ', $c->cli($owner, 'XLEN', '{interop}'), ', delayed left: ', $c->cli($owner, 'ZCARD', '{interop}__queue'), "\n";

echo "-- without a tag of its own\n";
$plain = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['stream' => 'other'], new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$plain->send(new Messenger\Envelope(new Job('tagged')));
echo 'stream=other, our key: ', $c->cli($c->owner($c->slotOf('{other}')), 'TYPE', '{other}'), ' {other}; Symfony\'s "other": ',
    $c->cli($c->owner($c->slotOf('other')), 'EXISTS', 'other') === '1' ? 'exists' : 'absent', "\n";
$c->stop();
?>
--EXPECT--
-- Symfony writes, we read
we count 2
we read: sf-1 sf-2
then, due: sf-later
-- we write, Symfony reads
Symfony reads: ours-1 ours-2 ours-3
then, due: ours-later
entries left: 0, delayed left: 0
-- without a tag of its own
stream=other, our key: stream {other}; Symfony's "other": absent
