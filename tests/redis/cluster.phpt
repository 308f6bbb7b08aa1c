--TEST--
Redis Cluster (a private one: three primaries, three replicas, a password): the stream and its delayed set are hash-tagged into one slot on its owner (a tag of the user's own is kept); a list of DSNs, a list of hosts and host[...] all reach it, past a dead seed; the slot moved under a transport in use (MOVED) and caught in the middle of its move (ASK, TRYAGAIN) loses nothing; a send redirected by MOVED waits for the new owner's replica; a refused password, no node at all and dbindex are clear errors
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
require_once __DIR__ . '/../_inc/redis_topology.inc';
final class Job { public function __construct(public int $n) {} }

$c = App\RedisTopology\cluster(['requirepass' => 'node s3cret']);
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$auth = 'auth=' . rawurlencode('node s3cret');
$transport = fn(string $dsn, array $options = []) => new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, $options + ['consumer' => 'c'], $serializer);
$clean = fn(string $s) => preg_replace(['/127\.0\.0\.1:\d+/', '/slot \d+/'], ['127.0.0.1:PORT', 'slot N'], $s);
$drain = function ($t) {
    $seen = [];
    for ($empty = 0; $empty < 3;) {
        $got = $t->get();
        $empty = $got ? 0 : $empty + 1;
        foreach ($got as $e) {
            $seen[] = $e->getMessage()->n;
            $t->ack($e);
        }
    }
    sort($seen);
    return implode(',', $seen);
};
$where = function (string $key) use ($c) {
    $on = [];
    foreach ($c->primaries() as $p) {
        if ($c->cli($p, 'EXISTS', $key) === '1') {
            $on[] = $p === $c->owner($c->slotOf($key)) ? 'its slot\'s owner' : "another primary ($p)";
        }
    }
    return implode(', ', $on) ?: 'nowhere';
};

echo "-- hash tags\n";
$t = $transport($c->dsn("$auth&stream=jobs"));
$t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), [1, 2, 3]));
$t->send(new Messenger\Envelope(new Job(4), [new Messenger\Stamp\DelayStamp(300)]));
echo 'slots of {jobs} and {jobs}__queue: ', $c->slotOf('{jobs}') === $c->slotOf('{jobs}__queue') ? 'one' : 'two', "\n";
echo '{jobs} on: ', $where('{jobs}'), '; {jobs}__queue on: ', $where('{jobs}__queue'), '; "jobs" on: ', $where('jobs'), "\n";
echo 'count: ', $t->getMessageCount(), "\n";
usleep(400000);
echo 'read (the delayed one moved within its slot): ', $drain($t), "\n";
$own = $transport($c->dsn("$auth&stream=" . rawurlencode('app.{x}.jobs')));
$own->send(new Messenger\Envelope(new Job(5)));
echo 'a tag of its own: app.{x}.jobs on ', $where('app.{x}.jobs'), ', read: ', $drain($own), "\n";

echo "-- other forms, a dead seed first\n";
$dead = App\RedisTopology\free_port();
$ports = $c->ports;
foreach ([
    "redis://127.0.0.1:$dead,127.0.0.1:{$ports[1]}/jobs?$auth",
    "redis:?host[127.0.0.1:$dead]&host[127.0.0.1:{$ports[4]}]&$auth&stream=jobs",
] as $i => $dsn) {
    $t2 = $transport($dsn);
    $t2->send(new Messenger\Envelope(new Job(10 + $i)));
    echo 'read: ', $drain($t2), "\n";
}

echo "-- the slot moves under a transport in use (MOVED)\n";
$slot = $c->slotOf('{jobs}');
$from = $c->owner($slot);
$to = current(array_diff($c->primaries(), [$from]));
$t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), [20, 21]));
$c->moveSlot($slot, $to);
echo 'the owner now: ', $c->owner($slot) === $to ? 'the other primary' : 'the same', "\n";
$t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), [22, 23]));
$t->send(new Messenger\Envelope(new Job(24), [new Messenger\Stamp\DelayStamp(100)]));
usleep(200000);
echo 'read: ', $drain($t), "\n";
echo '{jobs} on: ', $where('{jobs}'), "\n";

echo "-- caught in the middle of the move (ASK): the stream moved, its delayed set not yet\n";
$back = $from;
$t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), [30, 31]));
$t->send(new Messenger\Envelope(new Job(32), [new Messenger\Stamp\DelayStamp(50)]));
$seen = [];
$c->moveSlot($slot, $back, 0, function (string $key, array $left) use ($t, $c, $back, &$seen) {
    if ($key !== '{jobs}') {
        return;
    }
    echo "moved {jobs}; still on the old owner: ", implode(', ', $left), "\n";
    usleep(100000); // the delayed message is due: its move waits for the slot (TRYAGAIN)
    $t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), [33, 34]));
    $t->send(new Messenger\Envelope(new Job(35), [new Messenger\Stamp\DelayStamp(50)]));
    foreach ($t->get() as $e) {
        $seen[] = $e->getMessage()->n;
        $t->ack($e);
    }
    echo 'read in the middle: ', count($seen) > 0 ? 'some' : 'none', "\n";
});
usleep(100000);
$rest = $drain($t);
$all = array_merge($seen, $rest === '' ? [] : explode(',', $rest));
sort($all);
echo 'read in all: ', implode(',', $all), "\n";
echo '{jobs} on: ', $where('{jobs}'), "\n";

echo "-- sent after the slot moved, the WAIT goes where the messages went\n";
$to2 = $to;
$replica = (int) preg_replace('/.*slave0:ip=[^,]*,port=(\d+).*/s', '$1', $c->cli($to2, 'INFO', 'replication'));
$pid = (int) preg_replace('/.*process_id:(\d+).*/s', '$1', $c->cli($replica, 'INFO', 'server'));
$t->send(new Messenger\Envelope(new Job(40))); // (connected to the owner before the move)
$c->moveSlot($slot, $to2);
posix_kill($pid, SIGSTOP);
try {
    $t->send(new Messenger\Envelope(new Job(41)));
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $clean($e->getMessage()), "\n";
}
posix_kill($pid, SIGCONT);
echo 'read: ', $drain($t), "\n";

echo "-- bad input\n";
foreach ([
    [$c->dsn('auth=wrong-pw&stream=jobs'), []],
    ["redis://127.0.0.1:$dead,redis://127.0.0.1:" . App\RedisTopology\free_port(), []],
] as [$dsn, $options]) {
    try {
        $transport($dsn, $options)->getMessageCount();
        echo "no exception\n";
    } catch (Messenger\Exception\TransportException $e) {
        $m = $e->getMessage();
        echo get_class($e), ': ', $clean($m), str_contains($m, 'wrong-pw') || str_contains($m, 's3cret') ? ' (A PASSWORD!)' : '', "\n";
    }
}
try {
    $transport($c->dsn("$auth&dbindex=1"));
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$c->stop();
?>
--EXPECT--
-- hash tags
slots of {jobs} and {jobs}__queue: one
{jobs} on: its slot's owner; {jobs}__queue on: its slot's owner; "jobs" on: nowhere
count: 3
read (the delayed one moved within its slot): 1,2,3,4
a tag of its own: app.{x}.jobs on its slot's owner, read: 5
-- other forms, a dead seed first
read: 10
read: 11
-- the slot moves under a transport in use (MOVED)
the owner now: the other primary
read: 20,21,22,23,24
{jobs} on: its slot's owner
-- caught in the middle of the move (ASK): the stream moved, its delayed set not yet
moved {jobs}; still on the old owner: {jobs}__queue
read in the middle: some
read in all: 30,31,32,33,34,35
{jobs} on: its slot's owner
-- sent after the slot moved, the WAIT goes where the messages went
Messenger\Exception\MaybeSentException: Redis Cluster 127.0.0.1:PORT, 127.0.0.1:PORT, 127.0.0.1:PORT took the messages after slot N moved, but only 0 of 1 replicas had them within 2000 ms: a failover could lose them: the message may have been stored (sending it again may store it twice)
read: 40,41
-- bad input
Messenger\Exception\TransportException: No node of the Redis Cluster 127.0.0.1:PORT, 127.0.0.1:PORT, 127.0.0.1:PORT said which one serves slot N of "{jobs}" (127.0.0.1:PORT: the credentials were refused: WRONGPASS invalid username-password pair or user is disabled.; 127.0.0.1:PORT: the credentials were refused: WRONGPASS invalid username-password pair or user is disabled.; 127.0.0.1:PORT: the credentials were refused: WRONGPASS invalid username-password pair or user is disabled.)
Messenger\Exception\TransportException: No node of the Redis Cluster 127.0.0.1:PORT, 127.0.0.1:PORT said which one serves slot N of "{messages}" (127.0.0.1:PORT: Connection refused; 127.0.0.1:PORT: Connection refused)
Messenger\Exception\InvalidArgumentException: Redis Cluster has database 0 only: dbindex 1 given
