--TEST--
RedisTransport faults: a dead server (TransportException with host and port), lazy connection, wrong credentials (never the password in the message), an ACL user, the unix socket, dbindex, unknown and bad options naming what is wrong, a connection the server killed is replaced without losing the message
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
use Messenger\Envelope;
final class Job { public function __construct(public string $name) {} }
$stream = App\Redis\stream('faults');
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$show = function (callable $f) {
    try {
        $f();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', str_replace($GLOBALS['stream'], 'STREAM', $e->getMessage()), "\n";
    }
};

echo "-- a dead server\n";
$show(fn() => new Messenger\Bridge\Redis\Transport\RedisTransport('redis://127.0.0.1:1/s?lazy=0'));
$lazy = new Messenger\Bridge\Redis\Transport\RedisTransport('redis://u:hunter2@127.0.0.1:1/s', [], $serializer);
echo "lazy (the default): made\n";
$show(fn() => $lazy->send(new Envelope(new Job('x'))));
$show(fn() => $lazy->get());

echo "-- credentials\n";
$locked = getenv('MESSENGER_REDIS_LOCKED_DSN');
$host = substr($locked, strlen('redis://'));
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("redis://$host/$stream"))->getMessageCount());
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("redis://messenger:wrong-hunter2@$host/$stream"))->getMessageCount());
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("redis://:wrong-hunter2@$host/$stream"))->getMessageCount());
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("redis://$host/$stream", ['auth' => ['messenger', 'hunter2-nope']]))->getMessageCount());
$pw = getenv('MESSENGER_DB_PASSWORD') ?: 's3cret-pw';
foreach (["redis://messenger:" . rawurlencode($pw) . "@$host/$stream" => [], "redis://:" . rawurlencode($pw) . "@$host/$stream" => [],
          "redis://$host/$stream" => ['auth' => ['messenger', $pw]]] as $dsn => $options) {
    $t = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, $options, $serializer);
    $t->send(new Envelope(new Job('authed')));
    $got = $t->get();
    echo 'authenticated: ', $got[0]->getMessage()->name, "\n";
    $t->ack($got[0]);
}

echo "-- the unix socket, dbindex\n";
$sock = new Messenger\Bridge\Redis\Transport\RedisTransport('redis://' . getenv('MESSENGER_REDIS_SOCKET'), ['stream' => $stream, 'dbindex' => 3], $serializer);
$sock->send(new Envelope(new Job('by socket')));
$raw = new App\Redis\Raw();
$raw('SELECT', '3');
echo 'in db 3: ', $raw('XLEN', $stream), "\n";
echo 'read by socket: ', $sock->get()[0]->getMessage()->name, "\n";
$raw('DEL', $stream);
$raw('SELECT', '0');

echo "-- options\n";
$dsn = App\Redis\dsn();
foreach ([["$dsn/s?colour=blue", []], ["$dsn/s", ['colour' => 'blue']], ["$dsn/s", ['auto_setup' => 'maybe']], ["$dsn/s", ['redeliver_timeout' => 0]],
          ["$dsn/s", ['serializer' => 2]], ["$dsn/s", ['stream' => ['x']]], ["$dsn/s", ['auth' => ['only-user']]], ['redis://[::1/s', []]] as [$d, $o]) {
    $show(fn() => new Messenger\Bridge\Redis\Transport\RedisTransport($d, $o));
}
$show(fn() => new Messenger\Messenger(['transports' => ['async' => ['dsn' => "$dsn/s", 'options' => ['get_batch_size' => -1]]]]));
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/s"))->sendAll(['first' => new Envelope(new Job('x')), 'second' => new stdClass]));

echo "-- auto_setup off: no group until setup-transports\n";
$manual = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream-manual/g/me?auto_setup=0", [], $serializer);
$manual->send(new Envelope(new Job('waiting')));
$show(fn() => $manual->get());
$manual->setup();
echo "after setup: ", count($manual->get()), " (the group reads the stream from its start)\n";
$raw('DEL', "$stream-manual");

echo "-- stream_max_entries trims (approximately, MAXLEN ~)\n";
$capped = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream-capped?stream_max_entries=10", [], $serializer);
$capped->sendAll(array_map(fn($i) => new Envelope(new Job("c$i")), range(1, 1000)));
$len = $raw('XLEN', "$stream-capped");
echo 'entries kept: ', $len >= 10 && $len < 1000 ? 'between 10 and 999' : $len, "\n";
$raw('DEL', "$stream-capped");

echo "-- a connection the server closed is replaced\n";
// on a server of its own: killing every client there touches no other test's connections
$own = new App\Redis\Server();
$own->start();
$raw = new App\Redis\Raw("redis://127.0.0.1:{$own->port}");
$t = new Messenger\Bridge\Redis\Transport\RedisTransport("redis://127.0.0.1:{$own->port}/$stream/g/me", [], $serializer);
$t->send(new Envelope(new Job('before')));
echo 'killed: ', $raw('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes'), "\n";
$t->send(new Envelope(new Job('after')));
$got = $t->get();
echo 'killed: ', $raw('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes'), "\n";
$t->ack($got[0]);
echo 'got: ', $got[0]->getMessage()->name, ', left: ', $raw('XLEN', $stream), ', pending: ', $raw('XPENDING', $stream, 'g')[0], ', then: ', $t->get()[0]->getMessage()->name, "\n";
?>
--EXPECT--
-- a dead server
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:1: Connection refused
lazy (the default): made
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:1: Connection refused
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:1: Connection refused
-- credentials
Messenger\Exception\TransportException: Redis at 127.0.0.1:56380 failed to read the consumer groups: NOAUTH Authentication required.
Messenger\Exception\TransportException: Redis at 127.0.0.1:56380 refused the credentials: WRONGPASS invalid username-password pair or user is disabled.
Messenger\Exception\TransportException: Redis at 127.0.0.1:56380 refused the credentials: WRONGPASS invalid username-password pair or user is disabled.
Messenger\Exception\TransportException: Redis at 127.0.0.1:56380 refused the credentials: WRONGPASS invalid username-password pair or user is disabled.
authenticated: authed
authenticated: authed
authenticated: authed
-- the unix socket, dbindex
in db 3: 1
read by socket: by socket
-- options
Messenger\Exception\InvalidArgumentException: Unknown Redis option "colour" in the DSN (known: stream, group, consumer, auto_setup, delete_after_ack, delete_after_reject, stream_max_entries, dbindex, redeliver_timeout, claim_interval, lazy, auth, serializer, persistent, timeout, read_timeout, get_batch_size, tls, cacert, cert, key, verify_peer, max_deliveries, persistent_id, retry_interval, sentinel_master (redis_sentinel), sentinel_auth, sentinel_user, wait_replicas, ssl[...], host[...])
Messenger\Exception\InvalidArgumentException: Unknown Redis option "colour" (known: stream, group, consumer, auto_setup, delete_after_ack, delete_after_reject, stream_max_entries, dbindex, redeliver_timeout, claim_interval, lazy, auth, serializer, persistent, timeout, read_timeout, get_batch_size, tls, cacert, cert, key, verify_peer, max_deliveries, persistent_id, retry_interval, sentinel_master (redis_sentinel), sentinel_auth, sentinel_user, wait_replicas, ssl[...], host[...])
Messenger\Exception\InvalidArgumentException: The Redis option "auto_setup" must be a boolean, "maybe" given
Messenger\Exception\InvalidArgumentException: The Redis option "redeliver_timeout" must be an integer of at least 1, "0" given
Messenger\Exception\InvalidArgumentException: The Redis option "serializer" can be 1 (PHP, the default) or 0 (none), 2 given
Messenger\Exception\InvalidArgumentException: The Redis option "stream" must be a string, a number or a boolean, array given
Messenger\Exception\InvalidArgumentException: The Redis option "auth" must be a password or [user, password]
Messenger\Exception\InvalidArgumentException: Invalid Redis DSN: the DSN's IPv6 host has no closing ']'
Messenger\Exception\InvalidArgumentException: transports["async"]: The Redis option "get_batch_size" must be an integer of at least 1, "-1" given
TypeError: Messenger\Bridge\Redis\Transport\RedisTransport::sendAll(): Argument #1 ($envelopes) must contain only Messenger\Envelope objects, stdClass given at key second
-- auto_setup off: no group until setup-transports
Messenger\Exception\TransportException: Redis at 127.0.0.1:56379 has no consumer group "g" on stream "STREAM-manual": run messenger:setup-transports or turn auto_setup on
after setup: 1 (the group reads the stream from its start)
-- stream_max_entries trims (approximately, MAXLEN ~)
entries kept: between 10 and 999
-- a connection the server closed is replaced
killed: 1
killed: 1
got: before, left: 1, pending: 0, then: after