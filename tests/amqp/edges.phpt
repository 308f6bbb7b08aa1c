--TEST--
AmqpTransport at the edges: a publish the broker refuses (a full queue with x-overflow reject-publish: nack) and one it cannot route (mandatory: basic.return) are exceptions, never lost silently, and the transport goes on; a quorum queue is consumed with a per-consumer prefetch; retry jitter shares delay queues (delay[granularity], 100 ms by default; 0: Symfony's exact names); a delay queue deleted under a transport that declared it: the delayed publish (mandatory) comes back as an exception, not lost, and sending again declares it
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
use Messenger\Envelope;
use Messenger\Bridge\Amqp\Transport\{AmqpTransport, AmqpStamp};
use Messenger\Stamp\DelayStamp;

final class Job { public function __construct(public string $name) {} }
$x = App\Amqp\name('edges');
$queues = ["{$x}_full", "{$x}_quorum", "delay_{$x}_exact__1001_delay", "delay_{$x}__1100_delay", "delay_{$x}__1000_delay"];
App\Amqp\clean($queues, [$x, "{$x}_direct", "{$x}_exact", "{$x}_q"]);
$php = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$get = 'App\Amqp\receive';
$clean = fn(string $m) => str_replace([$x, (string) parse_url(App\Amqp\dsn(), PHP_URL_PORT)], ['X', 'PORT'], $m);

echo "-- nack: the queue is full\n";
$full = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => ["{$x}_full" => ['arguments' => ['x-max-length' => 1, 'x-overflow' => 'reject-publish']]]], $php);
$full->send(new Envelope(new Job('fits')));
try {
    $full->send(new Envelope(new Job('refused')));
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $clean($e->getMessage()), "\n";
}
try {
    $full->sendAll([new Envelope(new Job('r1')), new Envelope(new Job('r2'))]);
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo 'sendAll: ', get_class($e), "\n";
}
$got = $get($full, 1);
echo 'in the queue: ', $got[0]->getMessage()->name, "\n";
$full->ack($got[0]);
$full->send(new Envelope(new Job('fits again')));
$got = $get($full, 1);
echo 'then: ', $got[0]->getMessage()->name, "\n";
$full->ack($got[0]);

echo "-- basic.return: mandatory and unroutable\n";
$direct = new AmqpTransport(App\Amqp\dsn() . "/{$x}_direct", ['exchange' => ['type' => 'direct'], 'queues' => ["{$x}_q" => ['binding_keys' => ['known']]]], $php);
try {
    $direct->send(new Envelope(new Job('lost?'), [new AmqpStamp('unknown', 1 /* AMQP_MANDATORY */)]));
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $clean($e->getMessage()), "\n";
}
$direct->send(new Envelope(new Job('routed'), [new AmqpStamp('known', 1)]));
echo 'routed: ', App\Amqp\ready("{$x}_q"), "\n";

echo "-- a quorum queue\n";
$quorum = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => ["{$x}_quorum" => ['arguments' => ['x-queue-type' => 'quorum']]]], $php);
$quorum->sendAll(array_map(fn($i) => new Envelope(new Job("q$i")), range(1, 3)));
$got = $get($quorum, 3);
echo 'got: ', implode(',', array_map(fn($e) => $e->getMessage()->name, $got)), "\n";
array_map([$quorum, 'ack'], $got);
echo 'left: ', App\Amqp\ready("{$x}_quorum"), "\n";

echo "-- delay granularity\n";
$t = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => ["{$x}_full" => ['arguments' => ['x-max-length' => 1, 'x-overflow' => 'reject-publish']]]], $php);
$t->send(new Envelope(new Job('a'), [new DelayStamp(1001)]));
$t->send(new Envelope(new Job('b'), [new DelayStamp(1077)]));
$t->send(new Envelope(new Job('c'), [new DelayStamp(1000)]));
echo 'rounded up to 100 ms: ', App\Amqp\ready("delay_{$x}__1100_delay"), ' in the 1100 ms queue, ', App\Amqp\ready("delay_{$x}__1000_delay"), " in the 1000 ms one\n";
$exact = new AmqpTransport(App\Amqp\dsn() . "/{$x}_exact?delay[granularity]=0", ['queues' => ["{$x}_q" => []]], $php);
$exact->send(new Envelope(new Job('d'), [new DelayStamp(1001)]));
echo 'exact: ', App\Amqp\ready("delay_{$x}_exact__1001_delay"), "\n";

echo "-- a delay queue deleted under a transport that declared it\n";
$t->send(new Envelope(new Job('e'), [new DelayStamp(1000)]));
App\Amqp\clean(["delay_{$x}__1000_delay"]);
try {
    $t->send(new Envelope(new Job('f'), [new DelayStamp(1000)]));
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $clean($e->getMessage()), "\n";
}
$t->send(new Envelope(new Job('g'), [new DelayStamp(1000)]));
echo 'sent again: ', App\Amqp\ready("delay_{$x}__1000_delay"), " in the delay queue\n";
App\Amqp\clean($queues, [$x, "{$x}_direct", "{$x}_exact", "{$x}_q"]);
App\Amqp\clean(["{$x}_q"]);
?>
--EXPECT--
-- nack: the queue is full
Messenger\Exception\TransportException: The broker refused (nack) a message published to X (AMQP at 127.0.0.1:PORT, vhost messenger)
sendAll: Messenger\Exception\TransportException
in the queue: fits
then: fits again
-- basic.return: mandatory and unroutable
Messenger\Exception\TransportException: The broker returned a message it could not route (AMQP at 127.0.0.1:PORT, vhost messenger): 312 NO_ROUTE (exchange "X_direct", routing key "unknown")
routed: 1
-- a quorum queue
got: q1,q2,q3
left: 0
-- delay granularity
rounded up to 100 ms: 2 in the 1100 ms queue, 1 in the 1000 ms one
exact: 1
-- a delay queue deleted under a transport that declared it
Messenger\Exception\TransportException: The broker returned a message it could not route (AMQP at 127.0.0.1:PORT, vhost messenger): 312 NO_ROUTE (exchange "delays", routing key "delay_X__1000_delay"); its delay queue was gone, sending it again declares it
sent again: 1 in the delay queue
