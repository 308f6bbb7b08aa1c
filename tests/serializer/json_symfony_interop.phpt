--TEST--
JsonSerializer and Symfony 5.4's Serializer (JSON) read each other's messages and stamps
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/wire.inc';
App\Wire\load_symfony();
use Symfony\Component\Messenger\Envelope as SfEnvelope;
use Symfony\Component\Messenger\Stamp as Sf;
use Symfony\Component\Messenger\Transport\Serialization\Serializer as SfSerializer;
use Symfony\Component\Serializer as S;
use Messenger\Stamp as Our;

// the serializer service a FrameworkBundle application has (with the enum and date normalizers)
$theirs = new SfSerializer(new S\Serializer([new S\Normalizer\BackedEnumNormalizer(), new S\Normalizer\DateTimeNormalizer(),
    new S\Normalizer\ArrayDenormalizer(), new S\Normalizer\ObjectNormalizer(null, null, null, new Symfony\Component\PropertyInfo\Extractor\ReflectionExtractor())],
    [new S\Encoder\JsonEncoder()]));
$ours = new Messenger\Transport\Serialization\JsonSerializer(['allowed_classes' => [App\Wire\Order::class]]);
$order = App\Wire\order();
$at = new DateTimeImmutable('2024-01-02T03:04:05+00:00');

// Symfony writes, we read
$encoded = $theirs->encode(new SfEnvelope($order, [new Sf\BusNameStamp('messenger.bus.default'), new Sf\DelayStamp(5000),
    new Sf\RedeliveryStamp(2, $at), new Sf\ErrorDetailsStamp('RuntimeException', 42, 'boom'),
    new Sf\SentToFailureTransportStamp('async'), new Sf\TransportMessageIdStamp('1704164645123-0'),
    new Sf\ValidationStamp(['g1']), new Sf\ReceivedStamp('async')]));
echo $encoded['headers']['X-Message-Stamp-Symfony\Component\Messenger\Stamp\RedeliveryStamp'], "\n";
$before = App\Wire\Order::$constructed;
$decoded = $ours->decode($encoded);
var_dump($decoded->getMessage() == $order, App\Wire\Order::$constructed === $before);
echo implode("\n", App\Wire\stamps_summary($decoded->all())), "\n";

// we write, Symfony reads (RedeliveryStamp is left out here: Symfony 5.4 cannot read the date
// back from its own JSON either, its constructor's second parameter is untyped)
$envelope = new Messenger\Envelope($order, [new Our\BusNameStamp('messenger.bus.default'), new Our\DelayStamp(5000),
    new Our\ErrorDetailsStamp('RuntimeException', 42, 'boom'), new Our\SentToFailureTransportStamp('async'),
    new Our\TransportMessageIdStamp('1704164645123-0'), new Our\ReceivedStamp('async'), new Our\TransportNamesStamp('async')]);
$encoded = $ours->encode($envelope);
echo $encoded['body'], "\n";
echo implode("\n", array_map(fn($k, $v) => "$k: $v", array_keys($encoded['headers']), $encoded['headers'])), "\n";
$back = $theirs->decode($encoded);
var_dump(get_class($back), $back->getMessage() == $order);
echo implode("\n", App\Wire\stamps_summary($back->all())), "\n";
unset($theirs, $serializer);
gc_collect_cycles(); // Symfony's serializer and the self-referencing envelope above are cycles
?>
--EXPECT--
[{"retryCount":2,"exceptionMessage":null,"flattenException":null,"redeliveredAt":"2024-01-02T03:04:05+00:00"}]
bool(true)
bool(true)
BusNameStamp(["messenger.bus.default"])
DelayStamp([5000])
ErrorDetailsStamp(["RuntimeException",42,"boom"])
RedeliveryStamp([2,"2024-01-02T03:04:05+00:00"])
SentToFailureTransportStamp(["async"])
TransportMessageIdStamp(["1704164645123-0"])
{"name":"w\u00f6rld \"q\" 'a' \\ \u0000x","count":3,"at":"2024-01-02T03:04:05+00:00","address":{"city":"Paris","zip":"75001"},"suit":"C","level":9,"tags":{"a":1,"b":[true,null]},"price":9.5,"urgent":true,"due":"2025-06-07T08:09:10+02:00"}
type: App\Wire\Order
X-Message-Stamp-Symfony\Component\Messenger\Stamp\BusNameStamp: [{"busName":"messenger.bus.default"}]
X-Message-Stamp-Symfony\Component\Messenger\Stamp\DelayStamp: [{"delay":5000}]
X-Message-Stamp-Symfony\Component\Messenger\Stamp\ErrorDetailsStamp: [{"exceptionClass":"RuntimeException","exceptionCode":42,"exceptionMessage":"boom"}]
X-Message-Stamp-Symfony\Component\Messenger\Stamp\SentToFailureTransportStamp: [{"originalReceiverName":"async"}]
X-Message-Stamp-Symfony\Component\Messenger\Stamp\TransportMessageIdStamp: [{"id":"1704164645123-0"}]
Content-Type: application/json
string(36) "Symfony\Component\Messenger\Envelope"
bool(true)
BusNameStamp(["messenger.bus.default"])
DelayStamp([5000])
ErrorDetailsStamp(["RuntimeException",42,"boom"])
SentToFailureTransportStamp(["async"])
TransportMessageIdStamp(["1704164645123-0"])
