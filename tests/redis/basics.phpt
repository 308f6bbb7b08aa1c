--TEST--
RedisTransport on a real Redis 7: Symfony's wire shape (message field, s:N wrapper, __queue members and scores), send/get/ack/reject with XACK+XDEL, delete_after_ack off, delayed messages moved once, own pending entries first, stale entries of a dead consumer claimed, keepalive, count, all/find, batches
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
use Messenger\Envelope;
use Messenger\Stamp\{DelayStamp, TransportMessageIdStamp};

final class Job { public function __construct(public string $name) {} }
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('basics');
$raw('DEL', $stream, "{$stream}__queue");
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$transport = fn(string $consumer, array $options = []) => new Messenger\Bridge\Redis\Transport\RedisTransport(App\Redis\dsn() . "/$stream/workers/$consumer", $options, $serializer);
$names = fn(iterable $envelopes) => implode(',', array_map(fn($e) => $e->getMessage() instanceof Job ? $e->getMessage()->name : get_class($e->getMessage()), is_array($envelopes) ? $envelopes : iterator_to_array($envelopes)));
$id = fn(Envelope $e) => $e->last(TransportMessageIdStamp::class)->getId();

echo "-- the wire\n";
$a = $transport('a');
$sent = $a->send(new Envelope(new Job('one')));
$entries = $raw('XRANGE', $stream, '-', '+');
var_dump($entries[0][0] === $id($sent), $entries[0][1][0]);
$value = $entries[0][1][1];
$json = json_encode(['body' => $serializer->encode(new Envelope(new Job('one')))['body'], 'headers' => []]);
var_dump($value === 's:' . strlen($json) . ':"' . $json . '";');
echo 'group: ', $raw('XINFO', 'GROUPS', $stream)[0][1], "\n";
$before = (int) floor(microtime(true) * 1000);
$delayed = $a->send(new Envelope(new Job('later'), [new DelayStamp(1500)]));
$after = (int) ceil(microtime(true) * 1000);
[$member, $score] = $raw('ZRANGE', "{$stream}__queue", '0', '-1', 'WITHSCORES');
$m = json_decode($member, true);
// the score: the time in ms when it is due
var_dump(array_keys($m), $m['uniqid'] === $id($delayed), strlen($m['uniqid']), $score >= $before + 1500 && $score <= $after + 1500);

echo "-- get, ack, reject\n";
echo 'count: ', $a->getMessageCount(), "\n";
$got = $a->get();
echo 'got: ', $names($got), ' (id ', var_export($id($got[0]) === $id($sent), true), "), then: '", $names($a->get()), "'\n";
echo 'pending: ', $raw('XPENDING', $stream, 'workers')[0], ', count: ', $a->getMessageCount(), "\n";
$a->ack($got[0]);
echo 'after ack: pending ', $raw('XPENDING', $stream, 'workers')[0], ', entries ', $raw('XLEN', $stream), "\n";
// due 1.5 s after it was sent (the reads before must not have seen it, even on a slow machine)
usleep(max(0, (int) (($after + 1600 - microtime(true) * 1000) * 1000)));
$got = $a->get();
echo 'due: ', $names($got), ', queue left: ', $raw('ZCARD', "{$stream}__queue"), "\n";
$a->reject($got[0]);
echo 'after reject: entries ', $raw('XLEN', $stream), "\n";

echo "-- delete_after_ack off keeps the entry\n";
$keep = $transport('k', ['delete_after_ack' => false]);
$keep->send(new Envelope(new Job('kept')));
$keep->ack($keep->get()[0]);
echo 'entries ', $raw('XLEN', $stream), ', pending ', $raw('XPENDING', $stream, 'workers')[0], "\n";
$raw('DEL', $stream);

echo "-- a batch: sendAll in order, get_batch_size\n";
$b = $transport('b', ['get_batch_size' => 3]);
$ids = array_map($id, $b->sendAll(array_map(fn($i) => new Envelope(new Job("j$i")), range(1, 5))));
var_dump($ids === array_column($raw('XRANGE', $stream, '-', '+'), 0));
try { $b->all(0); } catch (ValueError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
echo 'all: ', $names($b->all()), ', all(2): ', $names($b->all(2)), ', find: ', $b->find($ids[3])->getMessage()->name, ', missing: ', var_export($b->find('1-1'), true), ', bad id: ', var_export($b->find('nope'), true), "\n";
$first = $b->get();
echo 'batch: ', $names($first), ' then ', $names($b->get()), "\n";

echo "-- a worker restarted under the same name gets its pending entries back first\n";
$b2 = $transport('b', ['get_batch_size' => 10]);
echo 'b again: ', $names($b2->get()), "\n";
foreach ($first as $e) { $b2->ack($e); }
// with get_batch_size > 1 the acknowledgements are kept and written together before the next read
echo 'pending after acks: ', $raw('XPENDING', $stream, 'workers')[0], ', after the next get: ';
$b2->get();
echo $raw('XPENDING', $stream, 'workers')[0], "\n";

echo "-- a dead consumer's entries are claimed after redeliver_timeout\n";
$raw('DEL', $stream);
$dead = $transport('dead');
$dead->send(new Envelope(new Job('orphan')));
$orphan = $dead->get();
$live = $transport('live', ['redeliver_timeout' => 2, 'claim_interval' => 100]);
echo 'at once: ', count($live->get()), "\n";
usleep(2100000);
$claimed = $live->get();
echo 'after 2.1 s: ', $names($claimed), ', owner: ', $raw('XPENDING', $stream, 'workers', '-', '+', '10')[0][1], "\n";

echo "-- keepalive\n";
usleep(300000);
$idle = $raw('XPENDING', $stream, 'workers', '-', '+', '10')[0][2];
$live->keepalive($claimed[0]);
var_dump($idle >= 300, $raw('XPENDING', $stream, 'workers', '-', '+', '10')[0][2] < $idle);
try { $live->keepalive($claimed[0], 2); } catch (Messenger\Exception\LogicException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
$live->ack($claimed[0]);
try { $live->keepalive($claimed[0]); } catch (Messenger\Exception\TransportException $e) { echo preg_replace('/\d+-\d+/', 'ID', $e->getMessage()), "\n"; }

echo "-- due delayed messages move once, whoever gets first\n";
$raw('DEL', $stream);
$x = $transport('x');
$y = $transport('y');
$x->send(new Envelope(new Job('soon'), [new DelayStamp(100)]));
usleep(200000);
echo 'x: ', $names($x->get()), ', y: ', $names($y->get()), ', entries: ', $raw('XLEN', $stream), ', queue: ', $raw('ZCARD', "{$stream}__queue"), "\n";

echo "-- entries Symfony's consumer would read too, and garbage\n";
$raw('DEL', $stream);
$r = $transport('r');
$r->setup();
$raw('XADD', $stream, '*', 'message', json_encode(['body' => $serializer->encode(new Envelope(new Job('raw json')))['body'], 'headers' => []]));
$raw('XADD', $stream, '*', 'message', 'not json at all');
$raw('XADD', $stream, '*', 'other', 'field');
$raw('XADD', $stream, '*', 'message', 's:999:"{}";');
foreach (range(1, 4) as $i) {
    $e = $r->get()[0];
    $msg = $e->getMessage();
    echo $msg instanceof Job ? 'Job ' . $msg->name : get_class($msg) . ': ' . preg_replace('/\d+-\d+/', 'ID', $msg->error) . " [body: $msg->body]", "\n";
    $r->ack($e);
}
echo 'left: ', $raw('XLEN', $stream), "\n";

echo "-- setup: a second group with delete_after_ack\n";
$raw('XGROUP', 'CREATE', $stream, 'others', '0');
try { $transport('z')->setup(); } catch (Messenger\Exception\LogicException $e) { echo str_replace($stream, 'STREAM', $e->getMessage()), "\n"; }
$transport('z', ['delete_after_ack' => false, 'delete_after_reject' => false])->setup();
echo "fine without deleting\n";
$raw('DEL', $stream, "{$stream}__queue");
?>
--EXPECT--
-- the wire
bool(true)
string(7) "message"
bool(true)
group: workers
array(3) {
  [0]=>
  string(4) "body"
  [1]=>
  string(7) "headers"
  [2]=>
  string(6) "uniqid"
}
bool(true)
int(12)
bool(true)
-- get, ack, reject
count: 1
got: one (id true), then: ''
pending: 1, count: 0
after ack: pending 0, entries 0
due: later, queue left: 0
after reject: entries 0
-- delete_after_ack off keeps the entry
entries 1, pending 0
-- a batch: sendAll in order, get_batch_size
bool(true)
ValueError: Messenger\Bridge\Redis\Transport\RedisTransport::all(): Argument #1 ($limit) must be null or greater than 0
all: j1,j2,j3,j4,j5, all(2): j1,j2, find: j4, missing: NULL, bad id: NULL
batch: j1,j2,j3 then j4,j5
-- a worker restarted under the same name gets its pending entries back first
b again: j1,j2,j3,j4,j5
pending after acks: 5, after the next get: 2
-- a dead consumer's entries are claimed after redeliver_timeout
at once: 0
after 2.1 s: orphan, owner: live
-- keepalive
bool(true)
bool(true)
Messenger\Exception\LogicException: The keepalive interval (2 s) must be shorter than the redeliver_timeout (2 s), or messages are redelivered while they are handled
Redis at 127.0.0.1:56379 has no pending message ID in group "workers" to keep alive
-- due delayed messages move once, whoever gets first
x: soon, y: , entries: 1, queue: 0
-- entries Symfony's consumer would read too, and garbage
Job raw json
Messenger\Transport\Serialization\UndecodableMessage: Could not read the Redis stream entry ID: not the JSON of a message: an object was expected at byte 0 [body: not json at all]
Messenger\Transport\Serialization\UndecodableMessage: Could not read the Redis stream entry ID: the stream entry has no "message" field [body: ]
Messenger\Transport\Serialization\UndecodableMessage: Could not read the Redis stream entry ID: the message field is neither JSON nor a PHP-serialized string of it [body: s:999:"{}";]
left: 0
-- setup: a second group with delete_after_ack
More than one group exists for stream "STREAM", delete_after_ack and delete_after_reject cannot be enabled as it risks deleting messages before all groups could consume them.
fine without deleting