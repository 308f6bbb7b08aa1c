--TEST--
Redis Cluster under fire: 10 000 messages dispatched one by one while four bin/console workers drain them, and the stream's slot is resharded to another primary by redis-cli --cluster (then moved back key by key): every message the producer was told was sent is handled at least once, and the workers go on by themselves
--EXTENSIONS--
messenger
--FILE--
<?php
require_once __DIR__ . '/../_inc/redis_topology.inc';
require __DIR__ . '/../_inc/drain.inc';

$c = App\RedisTopology\cluster();
// redis-cli --cluster reshard moves a primary's lowest slots: a stream in the lowest slot of one
$from = $c->primaries()[0];
$stream = $c->keyInLowestSlotOf($from, 'orders');
$slot = $c->slotOf('{' . $stream . '}');
$to = $c->primaries()[1];
$r = App\Drain\run($c->dsn("stream=$stream"), 10000, 4, [
    'reshard' => [3000, function () use ($c, $slot, $to) { $c->reshard($slot, $to); }],
    'move back' => [6500, function () use ($c, $slot, $from) { $c->moveSlot($slot, $from, 0.05); }],
]);
echo App\Drain\report($r, 10000);
echo 'the slot is back on its first owner: ', $c->owner($slot) === $from ? 'yes' : 'no', "\n";
if ($r->missing() || $r->timedOut) {
    echo $r->workerOutput, "\n", $c->logs();
}
$c->stop();
?>
--EXPECT--
confirmed to the producer: most
producer exceptions: transport exceptions only
every confirmed message handled: yes
timed out: no
handled after reshard: some
handled after move back: some
workers still running at the end: 4
the slot is back on its first owner: yes
