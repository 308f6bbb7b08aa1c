--TEST--
RedisTransport claims a dead consumer's entries after redeliver_timeout, in order and once, with XAUTOCLAIM on Redis 7 and with XPENDING + XCLAIM on a server without it (as Redis before 6.2; here a private Redis 7 with the command renamed away); an entry the live consumer was handed and has not settled is not handed out again when the claim makes it read its own pending entries
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
use Messenger\Envelope;

final class Job { public function __construct(public string $name) {} }
$server = new App\Redis\Server();
$server->start(['--rename-command', 'XAUTOCLAIM', '']);
$dsn = "redis://127.0.0.1:{$server->port}";
$raw = new App\Redis\Raw($dsn);
$error = $raw('XAUTOCLAIM', 'jobs', 'workers', 'x', '0', '0-0');
echo 'the server: ', $error instanceof RuntimeException ? preg_replace("/'.*$/", '', $error->getMessage()) : 'has XAUTOCLAIM', "\n";

$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$names = fn(array $envelopes) => implode(',', array_map(fn($e) => $e->getMessage()->name, $envelopes)) ?: '-';
$scenario = function (string $dsn, string $stream) use ($serializer, $names) {
    $raw = new App\Redis\Raw($dsn);
    $raw('DEL', $stream);
    $transport = fn(string $consumer, array $options = []) => new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream/workers/$consumer", $options + ['get_batch_size' => 10], $serializer);
    $dead = $transport('dead');
    $dead->sendAll(array_map(fn($n) => new Envelope(new Job($n)), ['a', 'b', 'c']));
    echo 'the dead consumer took: ', $names($dead->get()), "\n";
    $live = $transport('live', ['redeliver_timeout' => 1, 'claim_interval' => 100]);
    $live->send(new Envelope(new Job('d')));
    $own = $live->get();
    echo 'at once, the live consumer: ', $names($own), "\n";
    usleep(1100000);
    // d is still being handled: claiming makes the transport read its own pending entries again
    $claimed = $live->get();
    echo 'after 1.1 s: ', $names($claimed), "\n";
    $owners = array_count_values(array_map(fn($e) => $e[1], $raw('XPENDING', $stream, 'workers', '-', '+', '10')));
    echo 'pending: ', json_encode($owners), "\n";
    foreach (array_merge($own, $claimed) as $e) {
        $live->ack($e);
    }
    usleep(1100000);
    echo 'later: ', $names($live->get()), ', count ', $live->getMessageCount(), ', pending ', $raw('XPENDING', $stream, 'workers')[0], "\n";
    $raw('DEL', $stream);
};

echo "-- without XAUTOCLAIM: XPENDING and XCLAIM\n";
$scenario($dsn, 'jobs');
echo "-- Redis 7: XAUTOCLAIM\n";
$scenario(App\Redis\dsn(), App\Redis\stream('claims'));
?>
--EXPECT--
the server: ERR unknown command 
-- without XAUTOCLAIM: XPENDING and XCLAIM
the dead consumer took: a,b,c
at once, the live consumer: d
after 1.1 s: a,b,c
pending: {"live":4}
later: -, count 0, pending 0
-- Redis 7: XAUTOCLAIM
the dead consumer took: a,b,c
at once, the live consumer: d
after 1.1 s: a,b,c
pending: {"live":4}
later: -, count 0, pending 0
