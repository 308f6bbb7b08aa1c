--TEST--
RedisTransport::getMessageCount(): the group's lag while Redis reports one; after an entry not yet delivered is deleted Redis reports no lag, and the count is taken by walking the stream after last-delivered-id (also past one XRANGE page of 1000); delayed messages are not counted until due
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
use Messenger\Envelope;
use Messenger\Stamp\DelayStamp;

final class Job { public function __construct(public int $n) {} }
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('count');
$raw('DEL', $stream, "{$stream}__queue");
$t = new Messenger\Bridge\Redis\Transport\RedisTransport(App\Redis\dsn() . "/$stream/workers/a", ['get_batch_size' => 1],
    new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
$lag = function () use ($raw, $stream) {
    foreach ($raw('XINFO', 'GROUPS', $stream) as $group) {
        $fields = [];
        for ($i = 0; $i + 1 < count($group); $i += 2) {
            $fields[$group[$i]] = $group[$i + 1];
        }
        if ($fields['name'] === 'workers') {
            return var_export($fields['lag'], true);
        }
    }
    return 'no group';
};

for ($i = 1; $i <= 5; $i++) {
    $t->send(new Envelope(new Job($i)));
}
$t->send(new Envelope(new Job(99), [new DelayStamp(60000)]));
$got = $t->get();
echo 'one delivered: count ', $t->getMessageCount(), ', lag ', $lag(), "\n";

// an entry not delivered yet deleted behind the transport's back: Redis no longer knows the lag
$entries = $raw('XRANGE', $stream, '-', '+');
$raw('XDEL', $stream, $entries[2][0]);
echo 'one deleted: count ', $t->getMessageCount(), ', lag ', $lag(), "\n";

$t->ack($got[0]);
echo 'after the ack: count ', $t->getMessageCount(), "\n";

$t->sendAll(array_map(fn($i) => new Envelope(new Job($i)), range(100, 1299)));
echo '1200 more: count ', $t->getMessageCount(), ', lag ', $lag(), "\n";
$t->ack($t->get()[0]);
echo 'one more handled: count ', $t->getMessageCount(), "\n";
$raw('DEL', $stream, "{$stream}__queue");
?>
--EXPECT--
one delivered: count 4, lag 4
one deleted: count 3, lag NULL
after the ack: count 3
1200 more: count 1203, lag NULL
one more handled: count 1202
