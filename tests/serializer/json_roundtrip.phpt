--TEST--
JsonSerializer: every property kind and every sendable stamp survive a round trip; the constructor is not called; non-sendable stamps stay behind
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/wire.inc';
use Messenger\Stamp as S;

$json = new Messenger\Transport\Serialization\JsonSerializer(['allowed_classes' => [App\Wire\Order::class]]);
$order = App\Wire\order();
$envelope = new Messenger\Envelope($order, [
    new S\BusNameStamp('b'), new S\DelayStamp(5), new S\RedeliveryStamp(1, new DateTimeImmutable('2020-01-01T00:00:00+00:00')),
    new S\ErrorDetailsStamp('LogicException', 'E42', 'x'), new S\SentToFailureTransportStamp('async'),
    new S\TransportMessageIdStamp(12), new S\HandledStamp([1, 'two'], 'h'), new S\MessageDecodingFailedStamp(),
    new S\ReceivedStamp('async'), new S\SentStamp('X', 'a'), new S\HandlerArgumentsStamp([1]),
    new S\DispatchAfterCurrentBusStamp(), new \Messenger\Bridge\Amqp\Transport\AmqpStamp('key'), new S\TransportNamesStamp(['a']), new S\DelayStamp(6),
]);
$before = App\Wire\Order::$constructed;
$encoded = $json->encode($envelope);
$decoded = $json->decode($encoded);
var_dump(App\Wire\Order::$constructed === $before);
var_dump($decoded->getMessage() == $order);
var_dump($decoded->getMessage()->getAt() == $order->getAt(), $decoded->getMessage()->due instanceof DateTimeImmutable);
echo implode("\n", App\Wire\stamps_summary($decoded->all())), "\n";
echo implode(', ', array_map(fn($c) => substr(strrchr($c, '\\'), 1), array_keys($decoded->all()))), "\n";

// nullable and defaulted properties may be missing from the body; the others may not
$partial = ['body' => '{"name":"n","count":1,"at":"2024-01-01T00:00:00+00:00","address":{"city":"Rome"},"suit":"H"}',
    'headers' => ['type' => App\Wire\Order::class]];
$m = $json->decode($partial)->getMessage();
var_dump($m->address->zip, $m->level, $m->tags, $m->price, $m->urgent, $m->due, $m->suit);
// an int where a float is declared is a float
$m = $json->decode(['body' => '{"name":"n","count":1,"at":"2024-01-01T00:00:00+00:00","address":{"city":"Rome"},"suit":"H","price":3}',
    'headers' => ['type' => App\Wire\Order::class]])->getMessage();
var_dump($m->price);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
BusNameStamp(["b"])
DelayStamp([5])
DelayStamp([6])
ErrorDetailsStamp(["LogicException","E42","x"])
HandledStamp([[1,"two"],"h"])
MessageDecodingFailedStamp([])
RedeliveryStamp([1,"2020-01-01T00:00:00+00:00"])
SentToFailureTransportStamp(["async"])
TransportMessageIdStamp([12])
BusNameStamp, DelayStamp, RedeliveryStamp, ErrorDetailsStamp, SentToFailureTransportStamp, TransportMessageIdStamp, HandledStamp, MessageDecodingFailedStamp
NULL
NULL
array(0) {
}
NULL
bool(false)
NULL
enum(App\Wire\Suit::Hearts)
float(3)
