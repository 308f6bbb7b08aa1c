--TEST--
Redis Sentinel (a private primary, two replicas and three sentinels, with passwords on both): Symfony's DSN and its redis_sentinel alias find the primary; a dead sentinel first in the list is passed over; a send waits for the replicas (one frozen: MaybeSentException; wait_replicas=0: no wait); a failover under a transport in use is found again by itself; a primary demoted under a connection (READONLY) is a TransportException and nothing is written; an unknown primary name, refused credentials and no sentinel at all are clear exceptions without a password; bad Sentinel options are refused
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
require_once __DIR__ . '/../_inc/redis_topology.inc';
final class Job { public function __construct(public int $n) {} }

$g = App\RedisTopology\sentinel_group('orders', ['requirepass' => 'data s3cret', 'sentinel_pass' => 'sentinel s3cret']);
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$auth = 'auth=' . rawurlencode('data s3cret') . '&sentinel_auth=' . rawurlencode('sentinel s3cret');
$transport = fn(string $dsn, array $options = []) => new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, $options + ['consumer' => 'c'], $serializer);
$clean = fn(string $s) => preg_replace('/127\.0\.0\.1:\d+/', '127.0.0.1:PORT', $s);
$drain = function ($t) {
    $seen = [];
    while ($got = $t->get()) {
        foreach ($got as $e) {
            $seen[] = $e->getMessage()->n;
            $t->ack($e);
        }
    }
    return implode(',', $seen);
};

echo "-- the primary, found by the sentinels\n";
$t = $transport($g->dsn("$auth&stream=jobs"));
$t->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), [1, 2, 3]));
echo 'count: ', $t->getMessageCount(), "\n";
$primary = $g->primary();
echo 'on the primary: ', $g->cli($primary, 'XLEN', 'jobs'), "; on each replica: ",
    implode(', ', array_map(fn($p) => $g->cli($p, 'XLEN', 'jobs'), $g->replicaPorts)), "\n";
echo 'read: ', $drain($t), "\n";

echo "-- a replica that does not answer: the send says it may not be safe\n";
$pid = fn(int $port) => (int) preg_replace('/.*process_id:(\d+).*/s', '$1', $g->cli($port, 'INFO', 'server'));
$frozen = $pid($g->replicaPorts[0]);
posix_kill($frozen, SIGSTOP);
try {
    $t->send(new Messenger\Envelope(new Job(40)));
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $clean($e->getMessage()), "\n";
}
posix_kill($frozen, SIGCONT);
echo 'read (it was stored on the primary): ', $drain($t), "\n";
$t2 = $transport($g->dsn("$auth&stream=jobs&wait_replicas=0"));
posix_kill($frozen, SIGSTOP);
$t2->send(new Messenger\Envelope(new Job(41)));
posix_kill($frozen, SIGCONT);
echo 'wait_replicas=0 does not wait: read ', $drain($t2), "\n";

echo "-- redis_sentinel (Symfony 7.1's name), a dead sentinel first, the options array\n";
$dead = App\RedisTopology\free_port();
$dsn = "redis:?host[127.0.0.1:$dead]&" . substr($g->dsn(), strlen('redis:?'));
$dsn = str_replace('sentinel_master=orders', 'redis_sentinel=orders', $dsn);
$t2 = $transport($dsn, ['auth' => 'data s3cret', 'sentinel_auth' => 'sentinel s3cret', 'stream' => 'jobs']);
$t2->send(new Messenger\Envelope(new Job(4)));
echo 'read: ', $drain($t2), "\n";

echo "-- a failover under a transport in use\n";
$t->send(new Messenger\Envelope(new Job(5)));
$new = $g->failover(false);
echo 'new primary: ', $new !== $primary ? 'another node' : 'the same node', "\n";
$errors = [];
for ($i = 0, $sent = []; count($sent) < 3 && $i < 200; $i++) {
    try {
        $t->send(new Messenger\Envelope(new Job(6 + count($sent))));
        $sent[] = 6 + count($sent);
    } catch (Messenger\Exception\TransportException $e) {
        // the old primary, still a primary for a while, cannot get its writes to the replica
        // that left it: the send says so, the next one asks the sentinels again
        $errors[get_class($e)] = true;
        usleep(100000);
    }
}
echo 'sent after the failover: ', implode(',', $sent), "\n";
echo 'what a send failed with meanwhile: ', implode(', ', array_keys($errors)) ?: 'nothing', "\n";
echo 'on the new primary: ', $g->cli($g->primary(), 'XLEN', 'jobs') >= 4 ? 'yes' : 'no', "\n";
$left = explode(',', $drain($t));
sort($left);
echo 'read: ', implode(',', array_unique($left)), "\n";

echo "-- bad names, credentials and sentinels\n";
foreach ([
    [$g->dsn($auth . '&stream=jobs&sentinel_master=nope'), []],
    [$g->dsn('auth=' . rawurlencode('data s3cret') . '&sentinel_auth=wrong-pw&stream=jobs'), []],
    [$g->dsn('auth=wrong-data-pw&' . substr($auth, strpos($auth, 'sentinel_auth')) . '&stream=jobs'), []],
    ["redis:?host[127.0.0.1:$dead]&sentinel_master=orders", []],
] as [$dsn, $options]) {
    try {
        $transport($dsn, $options)->getMessageCount();
        echo "no exception\n";
    } catch (Messenger\Exception\TransportException $e) {
        $m = $e->getMessage();
        echo get_class($e), ': ', $clean($m), str_contains($m, 's3cret') || str_contains($m, 'wrong-') ? ' (A PASSWORD!)' : '', "\n";
    }
}
foreach (['redis:///run/redis.sock?sentinel_master=orders', "redis:?host[127.0.0.1:$dead]&sentinel_auth=x", 'redis:?host[/run/redis.sock]&sentinel_master=x'] as $dsn) {
    try {
        $transport($dsn);
        echo "no exception\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo get_class($e), ': ', $clean($e->getMessage()), "\n";
    }
}
try {
    $transport($g->dsn(), ['sentinel_auth' => ['only-one']]);
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "-- the primary demoted under a connection (READONLY)\n";
$t = $transport($g->dsn("$auth&stream=jobs"));
$t->send(new Messenger\Envelope(new Job(9)));
$p = $g->primary();
$r = current(array_filter(array_merge($g->replicaPorts, [$primary]), fn($x) => $x !== $p && $g->running($x)));
// by hand, faster than the sentinels look: another node made the primary, this one its replica
$g->cli($r, 'REPLICAOF', 'NO', 'ONE');
$g->cli($p, 'REPLICAOF', '127.0.0.1', (string) $r);
$before = $g->cli($p, 'XLEN', 'jobs');
try {
    $t->send(new Messenger\Envelope(new Job(10)));
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $clean($e->getMessage()), "\n";
}
echo 'written to the demoted node: ', $g->cli($p, 'XLEN', 'jobs') === $before ? 'nothing' : 'something', "\n";
$g->stop();
?>
--EXPECTF--
-- the primary, found by the sentinels
count: 3
on the primary: 3; on each replica: 3, 3
read: 1,2,3
-- a replica that does not answer: the send says it may not be safe
Messenger\Exception\MaybeSentException: Redis primary "orders" (Sentinel 127.0.0.1:PORT, 127.0.0.1:PORT, 127.0.0.1:PORT) took the messages, but only 1 of 2 replicas had them within 2000 ms: a failover could lose them: the message may have been stored (sending it again may store it twice)
read (it was stored on the primary): 40
wait_replicas=0 does not wait: read 41
-- redis_sentinel (Symfony 7.1's name), a dead sentinel first, the options array
read: 4
-- a failover under a transport in use
new primary: another node
sent after the failover: 6,7,8
what a send failed with meanwhile: %s
on the new primary: yes
read: 5,6,7,8
-- bad names, credentials and sentinels
Messenger\Exception\TransportException: No sentinel gave the address of the Redis primary "nope" (127.0.0.1:PORT: it does not know the primary; 127.0.0.1:PORT: it does not know the primary; 127.0.0.1:PORT: it does not know the primary)
Messenger\Exception\TransportException: No sentinel gave the address of the Redis primary "orders" (127.0.0.1:PORT: the credentials were refused: WRONGPASS invalid username-password pair or user is disabled.; 127.0.0.1:PORT: the credentials were refused: WRONGPASS invalid username-password pair or user is disabled.; 127.0.0.1:PORT: the credentials were refused: WRONGPASS invalid username-password pair or user is disabled.)
Messenger\Exception\TransportException: Redis primary "orders" (Sentinel 127.0.0.1:PORT, 127.0.0.1:PORT, 127.0.0.1:PORT) at 127.0.0.1:PORT refused the credentials: WRONGPASS invalid username-password pair or user is disabled.
Messenger\Exception\TransportException: No sentinel gave the address of the Redis primary "orders" (127.0.0.1:PORT: Connection refused)
Messenger\Exception\InvalidArgumentException: Redis Sentinel needs the sentinels' host:port (host[h:26379] in the DSN)
Messenger\Exception\InvalidArgumentException: The Redis options sentinel_auth and sentinel_user need sentinel_master
Messenger\Exception\InvalidArgumentException: The Redis DSN's host[/run/redis.sock] is not a host name and port (a unix socket cannot be a sentinel or a cluster node)
Messenger\Exception\InvalidArgumentException: The Redis option "sentinel_auth" must be a password or [user, password]
-- the primary demoted under a connection (READONLY)
Messenger\Exception\TransportException: Redis primary "orders" (Sentinel 127.0.0.1:PORT, 127.0.0.1:PORT, 127.0.0.1:PORT) at 127.0.0.1:PORT is a replica now (a failover is under way); nothing was written
written to the demoted node: nothing
