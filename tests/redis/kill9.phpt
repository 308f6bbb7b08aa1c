--TEST--
Redis: a worker killed with kill -9 in the middle of a batch: the entries it held are claimed by a live worker once they are older than redeliver_timeout (none lost, none twice), and a worker restarted under the dead one's name takes them back at once
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
final class Job { public function __construct(public int $n) {} }
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('kill9');
$raw('DEL', $stream);
$dsn = App\Redis\dsn() . "/$stream/workers";
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$sender = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, [], $serializer);
$sender->sendAll(array_map(fn($n) => new Messenger\Envelope(new Job($n)), range(1, 30)));

// the doomed worker takes a batch of 10, acknowledges 3 of them, then hangs in a handler
$script = sprintf('final class Job { public function __construct(public int $n) {} }
$t = new Messenger\Bridge\Redis\Transport\RedisTransport(%s, ["get_batch_size" => 10, "consumer" => "doomed"], new Messenger\Transport\Serialization\PhpSerializer(["allowed_classes" => [Job::class]]));
$got = $t->get();
foreach (array_slice($got, 0, 3) as $e) { $t->ack($e); }
$t->get(); // writes the 3 acknowledgements, takes 10 more
echo "ready\n";
sleep(60);', var_export($dsn, true));
$proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=' . $so[0], '-r', $script], [1 => ['pipe', 'w']], $pipes);
echo 'doomed: ', trim(fgets($pipes[1])), "\n";
proc_terminate($proc, 9);
proc_close($proc);
echo 'pending of the dead worker: ', $raw('XPENDING', $stream, 'workers')[0], "\n";

$live = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['get_batch_size' => 50, 'consumer' => 'live', 'redeliver_timeout' => 1, 'claim_interval' => 200], $serializer);
$seen = [];
$drain = function () use ($live, &$seen) {
    foreach ($live->get() as $e) {
        $seen[] = $e->getMessage()->n;
        $live->ack($e);
    }
};
$drain();
echo 'at once, the live worker gets the ', count($seen), " never delivered\n";
usleep(1200000);
$drain();
$drain();
sort($seen);
echo 'after redeliver_timeout: ', count($seen), ' in all, ', count(array_unique($seen)), ' different, missing: ', implode(',', array_diff(range(4, 30), $seen)) ?: 'none', "\n";
$live->get(); // writes the last acknowledgements
echo 'left: ', $raw('XLEN', $stream), ' entries, ', $raw('XPENDING', $stream, 'workers')[0], " pending\n";

// a worker restarted under its old name gets its own pending entries back without waiting
$sender->send(new Messenger\Envelope(new Job(31)));
$first = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['consumer' => 'phoenix'], $serializer);
$first->get();
unset($first);
$again = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, ['consumer' => 'phoenix'], $serializer);
echo 'phoenix again: ', $again->get()[0]->getMessage()->n, "\n";
$raw('DEL', $stream);
?>
--EXPECT--
doomed: ready
pending of the dead worker: 17
at once, the live worker gets the 10 never delivered
after redeliver_timeout: 27 in all, 27 different, missing: none
left: 0 entries, 0 pending
phoenix again: 31
