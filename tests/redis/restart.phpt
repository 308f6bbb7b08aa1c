--TEST--
RedisTransport across a restart of its Redis server (a private redis-server with an append-only file): while it is down, send and get fail with a TransportException naming the server; once it is back, the same transport object reconnects on its own, the messages sent before the restart are all delivered, and a worker drains them
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
use Messenger\Envelope;

final class Job { public function __construct(public int $n) {} }

$server = new App\Redis\Server();
$port = $server->port;
$dsn = "redis://127.0.0.1:$port";
$aof = ['--appendonly', 'yes', '--appendfsync', 'always'];
$show = function (callable $fn) use ($port) {
    try {
        $fn();
        echo "no exception\n";
    } catch (Messenger\Exception\TransportException $e) {
        echo get_class($e), ': ', str_replace((string) $port, 'PORT', $e->getMessage()), "\n";
    }
};

$server->start($aof);
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$t = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/jobs/workers/a", ['get_batch_size' => 1], $serializer);
foreach ([1, 2, 3] as $n) {
    $t->send(new Envelope(new Job($n)));
}
echo 'before: count ', $t->getMessageCount(), "\n";

$server->stop();
echo "-- the server is down\n";
$show(fn() => $t->send(new Envelope(new Job(4))));
$show(fn() => $t->get());

$server->start($aof);
echo "-- the server is back\n";
$got = $t->get();
echo 'got ', $got[0]->getMessage()->n, "\n";
$t->ack($got[0]);
$t->send(new Envelope(new Job(4)));
echo 'count ', $t->getMessageCount(), "\n";

$seen = [];
$m = new Messenger\Messenger([
    'transports' => ['jobs' => ['dsn' => "$dsn/jobs/workers/b", 'serializer' => $serializer]],
    'routing' => [Job::class => 'jobs'],
    'handlers' => [Job::class => function (Job $j) use (&$seen) { $seen[] = $j->n; }],
]);
$m->worker(['jobs'])->run(['limit' => 3, 'sleep' => 0]);
sort($seen);
echo 'the worker handled ', implode(',', $seen), '; left ', $t->getMessageCount(), "\n";
?>
--EXPECT--
before: count 3
-- the server is down
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:PORT: Connection refused
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:PORT: Connection refused
-- the server is back
got 1
count 3
the worker handled 2,3,4; left 0
