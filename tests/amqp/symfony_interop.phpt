--TEST--
AmqpTransport and Symfony 5.4's AMQP transport (ext-amqp) share an exchange, its queue, the delay queues and retries both ways: plain, bus-stamped and delayed messages, sendAll, a delay queue declared by both (no inequivalent arguments), retries through Symfony's delay_<exchange>_<queue>_<ms>_retry queue either way, and the JSON serializers' messages and AMQP properties
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
require __DIR__ . '/../_inc/databases.inc';
require __DIR__ . '/../_inc/wire.inc';
App\Wire\load_symfony();
require_once '/usr/share/php/Symfony/Component/Messenger/Bridge/Amqp/autoload.php';
use App\Db\Job;
use Messenger\Bridge\Amqp\Transport\{AmqpTransport, AmqpReceivedStamp};
use Symfony\Component\Messenger as Sf;

$x = App\Amqp\name('sf_interop');
$q = "{$x}_q";
$spy = "{$x}_spy"; // bound to the exchange by hand: what the exchange broadcasts, and only that
$delayQueues = ["delay_{$x}__300_delay", "delay_{$x}__500_delay", "delay_{$x}__600_delay", "delay_{$x}_{$q}_300_retry"];
App\Amqp\clean(array_merge([$q, $spy], $delayQueues), [$x]);
$dsn = App\Amqp\dsn() . "/$x";
$options = ['queues' => [$q => []]];
$symfony = fn(?Sf\Transport\Serialization\SerializerInterface $s = null) => new Sf\Bridge\Amqp\Transport\AmqpTransport(
    Sf\Bridge\Amqp\Transport\Connection::fromDsn($dsn, $options), $s ?? new Sf\Transport\Serialization\PhpSerializer());
$ours = fn(?Messenger\Transport\Serialization\SerializerInterface $s = null) => new AmqpTransport($dsn, $options,
    $s ?? new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]));
/* $n envelopes from $get (ours are pushed, Symfony's polled by basic.get): 5 s at most; the
 * milliseconds since $since each arrived after, by name */
$poll = function (callable $get, int $n, ?float $since = null, array &$after = []): array {
    $got = [];
    for ($deadline = microtime(true) + 5; count($got) < $n && microtime(true) < $deadline; usleep(2000)) {
        foreach ($get() as $e) {
            $got[] = $e;
            $after[$e->getMessage()->name] = $since === null ? 0 : (microtime(true) - $since) * 1000;
        }
    }
    return $got;
};
$bus = fn($e, string $stamp) => $e->last($stamp)?->getBusName() ?? '-';
$describeOurs = fn(array $list) => implode(' ', array_map(fn($e) => $e->getMessage()->name . '(' . $bus($e, Messenger\Stamp\BusNameStamp::class) . ')', $list));
$describeSf = fn(array $list) => implode(' ', array_map(fn($e) => $e->getMessage()->name . '(' . $bus($e, Sf\Stamp\BusNameStamp::class) . ')', $list));

echo "-- Symfony sends, we read\n";
$sf = $symfony();
$we = $ours();
$sf->send(new Sf\Envelope(new Job('sf-1', 1), [new Sf\Stamp\BusNameStamp('messenger.bus.default')]));
$start = microtime(true);
$sf->send(new Sf\Envelope(new Job('sf-later', 2), [new Sf\Stamp\DelayStamp(300)]));
$sf->send(new Sf\Envelope(new Job('sf-2', 3)));
echo 'ready: ', App\Amqp\ready($q), ', in Symfony\'s delay queue: ', App\Amqp\ready("delay_{$x}__300_delay"), ', we count ', $we->getMessageCount(), "\n";
$now = $poll(fn() => $we->get(), 2);
$early = microtime(true) - $start < 0.25;
echo 'we read: ', $describeOurs($now), "\n";
$after = [];
$later = $poll(fn() => $we->get(), 1, $start, $after);
echo 'then: ', $describeOurs($later), ' ', $early ? 'none early' : 'too slow to tell', ', after ', ($after['sf-later'] ?? 0) >= 290 ? '>= 300 ms' : 'too early: ' . json_encode($after), "\n";
$received = $now[0]->last(AmqpReceivedStamp::class);
echo 'from ', $received->getQueueName() === $q ? 'the queue' : $received->getQueueName(), ', n ', implode(',', array_map(fn($e) => $e->getMessage()->n, array_merge($now, $later))), "\n";
array_map([$we, 'ack'], array_merge($now, $later));
echo 'left: ', App\Amqp\ready($q), ', delay queue: ', App\Amqp\ready("delay_{$x}__300_delay"), "\n";
unset($we); // its subscription would take what Symfony reads below

echo "-- we send, Symfony reads\n";
$we = $ours();
$we->send(new Messenger\Envelope(new Job('ours-1'), [new Messenger\Stamp\BusNameStamp('b')]));
$start = microtime(true);
$we->send(new Messenger\Envelope(new Job('ours-later'), [new Messenger\Stamp\DelayStamp(300)]));
$we->sendAll([new Messenger\Envelope(new Job('ours-2')), new Messenger\Envelope(new Job('ours-3'), [new Messenger\Stamp\BusNameStamp('c')])]);
echo 'ready: ', App\Amqp\ready($q), ', in the delay queue: ', App\Amqp\ready("delay_{$x}__300_delay"), ', Symfony counts ', $sf->getMessageCount(), "\n";
$now = $poll(fn() => $sf->get(), 3);
$early = microtime(true) - $start < 0.25;
echo 'Symfony reads: ', $describeSf($now), "\n";
$after = [];
$later = $poll(fn() => $sf->get(), 1, $start, $after);
echo 'then: ', $describeSf($later), ' ', $early ? 'none early' : 'too slow to tell', ', after ', ($after['ours-later'] ?? 0) >= 290 ? '>= 300 ms' : 'too early: ' . json_encode($after), "\n";
array_map([$sf, 'ack'], array_merge($now, $later));
echo 'left: ', App\Amqp\ready($q), ', delay queue: ', App\Amqp\ready("delay_{$x}__300_delay"), ', Symfony counts ', $sf->getMessageCount(), "\n";

echo "-- one delay queue, declared by both\n";
// 500: Symfony declares it, then us; 600: us, then Symfony (inequivalent arguments would throw)
$start = microtime(true);
$sf->send(new Sf\Envelope(new Job('sf-500'), [new Sf\Stamp\DelayStamp(500)]));
$we->send(new Messenger\Envelope(new Job('ours-500'), [new Messenger\Stamp\DelayStamp(500)]));
$we->send(new Messenger\Envelope(new Job('ours-600'), [new Messenger\Stamp\DelayStamp(600)]));
$sf->send(new Sf\Envelope(new Job('sf-600'), [new Sf\Stamp\DelayStamp(600)]));
echo 'delay queues: 500 ', App\Amqp\ready("delay_{$x}__500_delay"), ', 600 ', App\Amqp\ready("delay_{$x}__600_delay"), ', ready: ', App\Amqp\ready($q), "\n";
$after = [];
$got = $poll(fn() => $sf->get(), 4, $start, $after);
ksort($after);
echo 'Symfony reads: ', implode(' ', array_map(fn($name, $ms) => $name . ($ms >= 490 ? '' : ' (too early)'), array_keys($after), $after)), "\n";
array_map([$sf, 'ack'], $got);

echo "-- a retry by us goes to Symfony's retry queue, then back to the queue alone\n";
$spyQueue = new AMQPQueue(App\Amqp\channel());
$spyQueue->setName($spy);
$spyQueue->setFlags(AMQP_DURABLE);
$spyQueue->declareQueue();
$spyQueue->bind($x, '');
$sf->send(new Sf\Envelope(new Job('to-retry', 7), [new Sf\Stamp\BusNameStamp('messenger.bus.default'),
    new Sf\Bridge\Amqp\Transport\AmqpStamp(null, AMQP_NOPARAM, ['message_id' => 'm-7', 'app_id' => 'shop', 'priority' => 3, 'headers' => ['x-app' => 'shop']])]));
echo 'broadcast to the spy: ', count(App\Amqp\take($spy)), "\n";
$we = $ours();
[$first] = $poll(fn() => $we->get(), 1);
$start = microtime(true);
$we->send($first->with(new Messenger\Stamp\RedeliveryStamp(1), new Messenger\Stamp\DelayStamp(300)));
$we->ack($first);
echo 'retry queue: ', App\Amqp\ready("delay_{$x}_{$q}_300_retry"), ', plain delay queue: ', App\Amqp\ready("delay_{$x}__300_delay"), ', ready: ', App\Amqp\ready($q), "\n";
unset($we, $first); // its subscription would take the message back
$after = [];
$got = $poll(fn() => $sf->get(), 1, $start, $after);
$e = $got[0];
$amqp = $e->last(Sf\Bridge\Amqp\Transport\AmqpReceivedStamp::class)->getAmqpEnvelope();
echo 'Symfony reads: ', $describeSf($got), ' n ', $e->getMessage()->n, ', retry ', $e->last(Sf\Stamp\RedeliveryStamp::class)?->getRetryCount() ?? 'none',
    ', after ', ($after['to-retry'] ?? 0) >= 290 ? '>= 300 ms' : 'too early', ', dead-lettered from ', $amqp->getHeader('x-first-death-queue') === "delay_{$x}_{$q}_300_retry" ? 'the retry queue' : var_export($amqp->getHeader('x-first-death-queue'), true), "\n";
echo 'routing key ', $amqp->getRoutingKey() === $q ? 'the queue' : var_export($amqp->getRoutingKey(), true), ', kept: ', $amqp->getMessageId(), ' ', $amqp->getAppId(), ' ', $amqp->getPriority(), ' ', $amqp->getHeader('x-app'),
    ', delivery_mode ', $amqp->getDeliveryMode(), ', spy: ', App\Amqp\ready($spy), "\n";

echo "-- a retry by Symfony, read by us\n";
$sf->send($e->with(new Sf\Stamp\RedeliveryStamp(2), new Sf\Stamp\DelayStamp(300)));
$sf->ack($e);
echo 'retry queue: ', App\Amqp\ready("delay_{$x}_{$q}_300_retry"), ', ready: ', App\Amqp\ready($q), "\n";
$we = $ours();
$got = $poll(fn() => $we->get(), 1);
$e = $got[0];
echo 'we read: ', $describeOurs($got), ', retries ', implode(',', array_map(fn($s) => $s->getRetryCount(), $e->all(Messenger\Stamp\RedeliveryStamp::class))), "\n";
// and ours, again, into the same retry queue Symfony declared last
$we->send($e->with(new Messenger\Stamp\RedeliveryStamp(3), new Messenger\Stamp\DelayStamp(300)));
$we->ack($e);
$got = $poll(fn() => $we->get(), 1);
echo 'back: ', $describeOurs($got), ', retries ', implode(',', array_map(fn($s) => $s->getRetryCount(), $got[0]->all(Messenger\Stamp\RedeliveryStamp::class))), "\n";
$we->ack($got[0]);
unset($we, $got, $e);
echo 'left: ', App\Amqp\ready($q), ', retry queue: ', App\Amqp\ready("delay_{$x}_{$q}_300_retry"), ', spy: ', App\Amqp\ready($spy), "\n";

echo "-- the JSON serializers\n";
$sfJson = Sf\Transport\Serialization\Serializer::create();
$ourJson = new Messenger\Transport\Serialization\JsonSerializer(['allowed_classes' => [Job::class]]);
$sf = $symfony($sfJson);
$we = $ours($ourJson);
// the same envelope sent by each side, looked at on the queue
$sf->send(new Sf\Envelope(new Job('json', 5), [new Sf\Stamp\BusNameStamp('messenger.bus.default')]));
$we->send(new Messenger\Envelope(new Job('json', 5), [new Messenger\Stamp\BusNameStamp('messenger.bus.default')]));
[$theirs, $mine] = App\Amqp\take($q);
foreach (['Symfony' => $theirs, 'ours' => $mine] as $who => $m) {
    $h = $m->getHeaders();
    ksort($h);
    echo "$who: ", $m->getContentType(), ', delivery_mode ', $m->getDeliveryMode(), ', type ', $h['type'] === Job::class ? 'the class' : var_export($h['type'] ?? null, true),
        ', Content-Type header ', isset($h['Content-Type']) ? 'left' : 'none', ', body ', $m->getBody(), "\n", '  headers: ', implode(', ', array_keys($h)), "\n";
}
var_dump($theirs->getHeaders() == $mine->getHeaders(), $theirs->getBody() === $mine->getBody());
$sf->send(new Sf\Envelope(new Job('sf-json', 1), [new Sf\Stamp\BusNameStamp('sf-bus')]));
$got = $poll(fn() => $we->get(), 1);
$attributes = $got[0]->last(AmqpReceivedStamp::class)->getAttributes();
echo 'we read: ', $describeOurs($got), ' ', get_class($got[0]->getMessage()), ' n ', $got[0]->getMessage()->n, ', ', $attributes['content_type'], ', type header ', $attributes['headers']['type'] === Job::class ? 'the class' : 'wrong', "\n";
$we->ack($got[0]);
unset($we, $got);
$we = $ours($ourJson);
$we->send(new Messenger\Envelope(new Job('our-json', 2), [new Messenger\Stamp\BusNameStamp('our-bus')]));
$start = microtime(true);
$we->send(new Messenger\Envelope(new Job('our-json-later', 3), [new Messenger\Stamp\DelayStamp(300)]));
$after = [];
$got = $poll(fn() => $sf->get(), 2, $start, $after);
echo 'Symfony reads: ', $describeSf($got), ', n ', implode(',', array_map(fn($e) => $e->getMessage()->n, $got)), ', delayed ', ($after['our-json-later'] ?? 0) >= 290 ? '>= 300 ms' : 'too early', "\n";
array_map([$sf, 'ack'], $got);
echo 'left: ', App\Amqp\ready($q), "\n";
unset($we, $sf, $got, $e);
App\Amqp\clean(array_merge([$q, $spy], $delayQueues), [$x]);
// Symfony's Serializer and its normalizers hold each other: collected here, not left for the end of the request
foreach (array_keys(get_defined_vars()) as $v) { if (!in_array($v, ["GLOBALS", "_GET", "_POST", "_COOKIE", "_FILES", "_SERVER", "_ENV", "_REQUEST", "argv", "argc"], true)) { unset($$v); } }
gc_collect_cycles();
?>
--EXPECT--
-- Symfony sends, we read
ready: 2, in Symfony's delay queue: 1, we count 2
we read: sf-1(messenger.bus.default) sf-2(-)
then: sf-later(-) none early, after >= 300 ms
from the queue, n 1,3,2
left: 0, delay queue: 0
-- we send, Symfony reads
ready: 3, in the delay queue: 1, Symfony counts 3
Symfony reads: ours-1(b) ours-2(-) ours-3(c)
then: ours-later(-) none early, after >= 300 ms
left: 0, delay queue: 0, Symfony counts 0
-- one delay queue, declared by both
delay queues: 500 2, 600 2, ready: 0
Symfony reads: ours-500 ours-600 sf-500 sf-600
-- a retry by us goes to Symfony's retry queue, then back to the queue alone
broadcast to the spy: 1
retry queue: 1, plain delay queue: 0, ready: 0
Symfony reads: to-retry(messenger.bus.default) n 7, retry 1, after >= 300 ms, dead-lettered from the retry queue
routing key the queue, kept: m-7 shop 3 shop, delivery_mode 2, spy: 0
-- a retry by Symfony, read by us
retry queue: 1, ready: 0
we read: to-retry(messenger.bus.default), retries 1,2
back: to-retry(messenger.bus.default), retries 1,2,3
left: 0, retry queue: 0, spy: 0
-- the JSON serializers
Symfony: application/json, delivery_mode 2, type the class, Content-Type header none, body {"name":"json","n":5}
  headers: X-Message-Stamp-Symfony\Component\Messenger\Stamp\BusNameStamp, type
ours: application/json, delivery_mode 2, type the class, Content-Type header none, body {"name":"json","n":5}
  headers: X-Message-Stamp-Symfony\Component\Messenger\Stamp\BusNameStamp, type
bool(true)
bool(true)
we read: sf-json(sf-bus) App\Db\Job n 1, application/json, type header the class
Symfony reads: our-json(our-bus) our-json-later(-), n 2,3, delayed >= 300 ms
left: 0
