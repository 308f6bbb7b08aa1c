--TEST--
PhpSerializer: every property kind and every sendable stamp survive a round trip; non-sendable stamps and TransportNamesStamp stay behind
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/wire.inc';
use Messenger\Stamp as S;

$php = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [App\Wire\Order::class]]);
$order = App\Wire\order();
$shared = new App\Wire\Address('shared');
$order->tags = ['one' => $shared, 'two' => $shared];   // the same object twice stays one object
$envelope = new Messenger\Envelope($order, [
    new S\BusNameStamp('messenger.bus.default'), new S\DelayStamp(5), new S\RedeliveryStamp(1, new DateTimeImmutable('2020-01-01T00:00:00+00:00')),
    new S\ErrorDetailsStamp('LogicException', 'E42', 'x'), new S\SentToFailureTransportStamp('async'),
    new S\TransportMessageIdStamp(12), new S\HandledStamp([1, 'two'], 'h'), new S\MessageDecodingFailedStamp(),
    new S\ReceivedStamp('async'), new S\SentStamp('X', 'a'), new S\HandlerArgumentsStamp([1]),
    new S\DispatchAfterCurrentBusStamp(), new \Messenger\Bridge\Amqp\Transport\AmqpStamp('key'), new S\TransportNamesStamp(['a']), new S\DelayStamp(6),
]);
$before = App\Wire\Order::$constructed;
$encoded = $php->encode($envelope);
var_dump(array_keys($encoded), str_starts_with($encoded['body'], 'O:36:\"Symfony\\\\Component\\\\Messenger\\\\Envelope\":2:{'));
$decoded = $php->decode($encoded);
var_dump(App\Wire\Order::$constructed === $before, $decoded->getMessage() == $order);
var_dump($decoded->getMessage()->tags['one'] === $decoded->getMessage()->tags['two']);
echo implode("\n", App\Wire\stamps_summary($decoded->all())), "\n";
echo implode(', ', array_map(fn($c) => substr(strrchr($c, '\\'), 1), array_keys($decoded->all()))), "\n";
// the middleware sees the stamps of a decoded envelope
$m = new Messenger\Messenger(['transports' => ['async' => 'in-memory://'], 'routing' => [App\Wire\Order::class => 'async'],
    'handlers' => [App\Wire\Order::class => fn() => 'handled']]);
$received = $m->dispatch($decoded->with(new S\ReceivedStamp('async')));
var_dump($received->last(S\HandledStamp::class)->getResult(), count($m->transport('async')->getSent()));
unset($m);
gc_collect_cycles();
?>
--EXPECT--
array(1) {
  [0]=>
  string(4) "body"
}
bool(true)
bool(true)
bool(true)
bool(true)
BusNameStamp(["messenger.bus.default"])
DelayStamp([5])
DelayStamp([6])
ErrorDetailsStamp(["LogicException","E42","x"])
HandledStamp([[1,"two"],"h"])
MessageDecodingFailedStamp([])
RedeliveryStamp([1,"2020-01-01T00:00:00+00:00"])
SentToFailureTransportStamp(["async"])
TransportMessageIdStamp([12])
BusNameStamp, DelayStamp, RedeliveryStamp, ErrorDetailsStamp, SentToFailureTransportStamp, TransportMessageIdStamp, HandledStamp, MessageDecodingFailedStamp
string(7) "handled"
int(0)
