--TEST--
Redis Sentinel under fire: 10 000 messages dispatched one by one while four bin/console workers drain them, through a SENTINEL FAILOVER and then a kill -9 of the new primary: every message the producer was told was sent is handled at least once, the producer hears of every one it could not write (TransportException), and the workers go on by themselves
--EXTENSIONS--
messenger
--FILE--
<?php
require_once __DIR__ . '/../_inc/redis_topology.inc';
require __DIR__ . '/../_inc/drain.inc';

$g = App\RedisTopology\sentinel_group('orders');
$killed = null;
$r = App\Drain\run($g->dsn('stream=orders'), 10000, 4, [
    // the old primary stays a primary for some 10 s more: writes to it find no replica to WAIT for
    'failover' => [2500, function () use ($g) { $g->failover(false); }],
    'kill -9' => [6000, function () use ($g, &$killed) { $killed = $g->kill9Primary(); }],
]);
echo App\Drain\report($r, 10000);
echo 'a new primary after the kill: ', $g->waitNewPrimary($killed) !== $killed ? 'yes' : 'no', "\n";
if ($r->missing() || $r->timedOut) {
    echo $r->workerOutput, "\n", $g->logs();
}
$g->stop();
?>
--EXPECT--
confirmed to the producer: most
producer exceptions: transport exceptions only
every confirmed message handled: yes
timed out: no
handled after failover: some
handled after kill -9: some
workers still running at the end: 4
a new primary after the kill: yes
