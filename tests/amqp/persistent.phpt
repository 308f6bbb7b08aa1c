--TEST--
AmqpTransport connections are pooled per process (persistent, the default without heartbeat): a transport made after another went away reuses its connection and channel (delivery tags go on from where they were, no new handshake); what the first had been handed and never settled went back to the queue when it went away; persistent=false, another vhost or heartbeat on get a connection of their own
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
use Messenger\Envelope;
use Messenger\Bridge\Amqp\Transport\{AmqpTransport, AmqpReceivedStamp};

final class Job { public function __construct(public string $name) {} }
$x = App\Amqp\name('pooled');
App\Amqp\clean([$x], [$x]);
$php = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$dsn = App\Amqp\dsn() . "/$x";
$get = 'App\Amqp\receive';
$tags = fn(array $list) => implode(',', array_map(fn($e) => $e->getMessage()->name . '#' . $e->last(AmqpReceivedStamp::class)->getDeliveryTag(), $list));

$t = new AmqpTransport($dsn, [], $php);
$t->sendAll([new Envelope(new Job('a')), new Envelope(new Job('b'))]);
$got = $get($t, 2);
echo 'first: ', $tags($got), "\n";
array_map([$t, 'ack'], $got);
$t = $got = null;

$t = new AmqpTransport($dsn, [], $php);
$t->send(new Envelope(new Job('c')));
$got = $get($t, 1);
echo 'next, on the pooled channel: ', $tags($got), "\n";
// handed out and never settled when the transport goes away: back to the queue at once
$t = $got = null;
for ($i = 0; $i < 100 && App\Amqp\ready($x) < 1; $i++) {
    usleep(10000);
}
echo 'ready again: ', App\Amqp\ready($x), "\n";

$own = new AmqpTransport("$dsn?persistent=false", [], $php);
$got = $get($own, 1);
echo 'persistent=false, its own connection: ', $tags($got), ', redelivered: ', var_export($got[0]->last(AmqpReceivedStamp::class)->isRedelivered(), true), "\n";
$own->ack($got[0]);
$own = $got = null;

$t = new AmqpTransport($dsn, [], $php);
$t->send(new Envelope(new Job('d')));
$got = $get($t, 1);
echo 'the pool again: ', $tags($got), "\n";
$t->ack($got[0]);
$t = $got = null;
$hb = new AmqpTransport("$dsn?heartbeat=5", [], $php);
$hb->send(new Envelope(new Job('e')));
$got = $get($hb, 1);
echo 'heartbeat on, not from the pool: ', $tags($got), "\n";
$hb->ack($got[0]);
$hb = $got = null;
$hb = new AmqpTransport("$dsn?heartbeat=5", [], $php);
$hb->send(new Envelope(new Job('f')));
$got = $get($hb, 1);
echo 'heartbeat on, never pooled: ', $tags($got), "\n";
$hb->ack($got[0]);
$hb = $got = null;
App\Amqp\clean([$x], [$x]);
?>
--EXPECT--
first: a#1,b#2
next, on the pooled channel: c#3
ready again: 1
persistent=false, its own connection: c#1, redelivered: true
the pool again: d#4
heartbeat on, not from the pool: e#1
heartbeat on, never pooled: f#1
