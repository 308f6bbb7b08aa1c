--TEST--
AmqpTransport on a real RabbitMQ: Symfony's wire (persistent, timestamp, headers table, content_type), send/sendAll/get/ack/reject, count, AmqpStamp routing keys on a topic exchange with binding keys, getFromQueues, delays through the delays exchange as Symfony names them, a message nobody can decode, setup without auto_setup
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
use Messenger\Envelope;
use Messenger\Bridge\Amqp\Transport\{AmqpTransport, AmqpStamp, AmqpReceivedStamp};
use Messenger\Stamp\DelayStamp;

final class Job { public function __construct(public string $name) {} }
$x = App\Amqp\name('basics');
$q = "{$x}_q";
$queues = [$q, "{$x}_orders", "{$x}_all", "delay_{$x}__300_delay", "delay_{$x}_topic_orders.new_300_delay"];
App\Amqp\clean($queues, [$x, "{$x}_topic", "{$x}_manual"]);
$php = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$names = fn(array $list) => implode(',', array_map(fn($e) => $e->getMessage() instanceof Job ? $e->getMessage()->name : get_class($e->getMessage()), $list));
$get = 'App\Amqp\receive';

echo "-- the wire\n";
$t = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => [$q => []]], $php);
$before = time();
$t->send(new Envelope(new Job('one')));
[$m] = App\Amqp\take($q);
var_dump($m->getDeliveryMode(), $m->getTimestamp() >= $before && $m->getTimestamp() <= time(), $m->getHeaders(), $m->getContentType(), $m->getExchangeName() === $x, $m->getRoutingKey());
var_dump($m->getBody() === $php->encode(new Envelope(new Job('one')))['body']);
$json = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => [$q => []]], new Messenger\Transport\Serialization\JsonSerializer(["allowed_classes" => [Job::class]]));
$json->send(new Envelope(new Job('json'), [new AmqpStamp(null, 0, ['headers' => ['x-app' => 'shop', 'type' => 'overridden'], 'priority' => 3, 'message_id' => 'm-1'])]));
[$m] = App\Amqp\take($q);
$h = $m->getHeaders();
ksort($h);
var_dump($m->getContentType(), $h['type'], $h['x-app'], isset($h['Content-Type']), $m->getPriority(), $m->getMessageId());

echo "-- send, get, ack, reject, count\n";
$t->sendAll([new Envelope(new Job('a')), new Envelope(new Job('b')), new Envelope(new Job('c'))]);
echo 'count: ', $t->getMessageCount(), "\n";
$got = $get($t, 3);
echo 'got: ', $names($got), "\n";
$s = $got[0]->last(AmqpReceivedStamp::class);
var_dump($s->getQueueName() === $q, $s->getExchangeName() === $x, $s->getRoutingKey(), $s->isRedelivered(), $s->getDeliveryTag() > 0, $s->getAttributes()['delivery_mode']);
$t->ack($got[0]);
$t->reject($got[1]);
$t->ack($got[2]);
unset($t); // closes: nothing comes back (b was rejected, dropped)
$t = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => [$q => []]], $php);
echo 'left: ', App\Amqp\ready($q), ', get: ', count($get($t, 1)), "\n";

echo "-- unacknowledged deliveries come back when the connection goes\n";
$t->send(new Envelope(new Job('kept')));
$got = $get($t, 1);
unset($t, $got);
$t = new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => [$q => []]], $php);
$got = $get($t, 1);
echo 'again: ', $names($got), ', redelivered: ', var_export($got[0]->last(AmqpReceivedStamp::class)->isRedelivered(), true), "\n";
$t->ack($got[0]);

echo "-- a topic exchange, binding keys, AmqpStamp, getFromQueues\n";
$topic = new AmqpTransport(App\Amqp\dsn() . "/{$x}_topic", [
    'exchange' => ['type' => 'topic', 'default_publish_routing_key' => 'orders.none'],
    'queues' => ["{$x}_orders" => ['binding_keys' => ['orders.*']], "{$x}_all" => ['binding_keys' => ['#']]],
], $php);
$topic->send(new Envelope(new Job('new-order'), [new AmqpStamp('orders.new')]));
$topic->send(new Envelope(new Job('invoice'), [new AmqpStamp('invoices.paid')]));
$topic->send(new Envelope(new Job('default-key')));
echo 'ready: orders ', App\Amqp\ready("{$x}_orders"), ', all ', App\Amqp\ready("{$x}_all"), ', count ', $topic->getMessageCount(), "\n";
$orders = $get($topic, 2, ["{$x}_orders"]);
echo 'orders: ', $names($orders), ' from ', implode(',', array_unique(array_map(fn($e) => $e->last(AmqpReceivedStamp::class)->getQueueName(), $orders))) === "{$x}_orders" ? 'orders' : 'elsewhere', "\n";
array_map([$topic, 'ack'], $orders);
$all = $get($topic, 3, ["{$x}_all"]);
echo 'all: ', $names($all), ' keys ', implode(',', array_map(fn($e) => $e->last(AmqpReceivedStamp::class)->getRoutingKey(), $all)), "\n";
array_map([$topic, 'ack'], $all);
try {
    $topic->getFromQueues(['nope']);
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}

echo "-- delays\n";
$t->send(new Envelope(new Job('later'), [new DelayStamp(300)]));
$topic->send(new Envelope(new Job('later-order'), [new DelayStamp(300), new AmqpStamp('orders.new')]));
echo 'delay queues: ', App\Amqp\ready("delay_{$x}__300_delay"), ' ', App\Amqp\ready("delay_{$x}_topic_orders.new_300_delay"), ', main: ', App\Amqp\ready($q), "\n";
$start = microtime(true);
$later = $get($t, 1);
echo 'due: ', $names($later), ' after ', (microtime(true) - $start) * 1000 >= 200 ? '>= 200 ms' : 'too early', "\n";
$t->ack($later[0]);
$o = $get($topic, 2, ["{$x}_orders", "{$x}_all"]);
echo 'routed again through the topic exchange: ', $names($o), "\n";
array_map([$topic, 'ack'], $o);

echo "-- a body nobody can decode\n";
$ch = App\Amqp\channel();
$raw = new AMQPExchange($ch);
$raw->setName($x);
$raw->publish('not a serialized envelope', '', AMQP_NOPARAM, ['delivery_mode' => 2]);
$bad = $get($t, 1);
echo get_class($bad[0]->getMessage()), "\n";
$t->reject($bad[0]);

echo "-- auto_setup off: nothing declared until setup()\n";
$manual = new AmqpTransport(App\Amqp\dsn() . "/{$x}_manual?auto_setup=false", ['queues' => ["{$x}_manual_q" => []]], $php);
try {
    $manual->send(new Envelope(new Job('nowhere')));
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', str_replace($x, 'X', $e->getMessage()), "\n";
}
$manual->setup();
$manual->send(new Envelope(new Job('somewhere')));
echo 'after setup: ', App\Amqp\ready("{$x}_manual_q"), "\n";
App\Amqp\clean(array_merge($queues, ["{$x}_manual_q"]), [$x, "{$x}_topic", "{$x}_manual"]);
?>
--EXPECT--
-- the wire
int(2)
bool(true)
array(0) {
}
string(0) ""
bool(true)
string(0) ""
bool(true)
string(16) "application/json"
string(3) "Job"
string(4) "shop"
bool(false)
int(3)
string(3) "m-1"
-- send, get, ack, reject, count
count: 3
got: a,b,c
bool(true)
bool(true)
string(0) ""
bool(false)
bool(true)
int(2)
left: 0, get: 0
-- unacknowledged deliveries come back when the connection goes
again: kept, redelivered: true
-- a topic exchange, binding keys, AmqpStamp, getFromQueues
ready: orders 2, all 3, count 5
orders: new-order,default-key from orders
all: new-order,invoice,default-key keys orders.new,invoices.paid,orders.none
Messenger\Exception\InvalidArgumentException: The queue "nope" is not one of this transport's (its option queues)
-- delays
delay queues: 1 1, main: 0
due: later after >= 200 ms
routed again through the topic exchange: later-order,later-order
-- a body nobody can decode
Messenger\Transport\Serialization\UndecodableMessage
-- auto_setup off: nothing declared until setup()
Messenger\Exception\TransportException: Could not wait for publisher confirms (AMQP at 127.0.0.1:55672, vhost messenger): the broker closed the channel: 404 NOT_FOUND - no exchange 'X_manual' in vhost 'messenger'
after setup: 1
