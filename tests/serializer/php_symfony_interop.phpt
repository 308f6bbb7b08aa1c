--TEST--
PhpSerializer and Symfony 5.4's PhpSerializer read each other's messages and stamps, and write the same bytes
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/wire.inc';
App\Wire\load_symfony();
use Symfony\Component\Messenger\Envelope as SfEnvelope;
use Symfony\Component\Messenger\Stamp as Sf;
use Symfony\Component\Messenger\Transport\Serialization\PhpSerializer as SfPhpSerializer;
use Messenger\Stamp as Our;

$order = App\Wire\order();
$at = new DateTimeImmutable('2024-01-02T03:04:05+00:00');
$ours = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [App\Wire\Order::class]]);
$theirs = new SfPhpSerializer();

// Symfony writes, we read: the message, and the stamps under our classes
$sfEnvelope = new SfEnvelope($order, [new Sf\BusNameStamp('messenger.bus.default'), new Sf\DelayStamp(5000),
    new Sf\RedeliveryStamp(2, $at), new Sf\ErrorDetailsStamp('RuntimeException', 42, 'boom'),
    new Sf\SentToFailureTransportStamp('async'), new Sf\TransportMessageIdStamp('1704164645123-0'),
    new Sf\HandledStamp(['ok' => 1], 'App\Handler::__invoke'), new Sf\ReceivedStamp('async'),
    new Sf\ValidationStamp(['g1'])]);
$decoded = $ours->decode($theirs->encode($sfEnvelope));
var_dump($decoded->getMessage() == $order, $decoded->getMessage() instanceof App\Wire\Order);
echo implode("\n", App\Wire\stamps_summary($decoded->all())), "\n";
var_dump(get_class($decoded->last(Our\RedeliveryStamp::class)), $decoded->last(Our\ReceivedStamp::class));

// we write, Symfony reads: Symfony's Envelope with Symfony's stamps
$envelope = new Messenger\Envelope($order, [new Our\BusNameStamp('messenger.bus.default'), new Our\DelayStamp(5000),
    new Our\RedeliveryStamp(2, $at), new Our\ErrorDetailsStamp('RuntimeException', 42, 'boom'),
    new Our\SentToFailureTransportStamp('async'), new Our\TransportMessageIdStamp('1704164645123-0'),
    new Our\HandledStamp(['ok' => 1], 'App\Handler::__invoke'), new Our\ReceivedStamp('async'),
    new Our\TransportNamesStamp(['async'])]);
$back = $theirs->decode($ours->encode($envelope));
var_dump(get_class($back), $back->getMessage() == $order);
echo implode("\n", App\Wire\stamps_summary($back->all())), "\n";
var_dump($back->last(Sf\RedeliveryStamp::class)->getExceptionMessage(), $back->last(Sf\ReceivedStamp::class));

// the same envelope, byte for byte, as far as the two have the same stamp shapes
$same = [new Sf\BusNameStamp('b'), new Sf\DelayStamp(1), new Sf\SentToFailureTransportStamp('async'),
    new Sf\TransportMessageIdStamp(7), new Sf\HandledStamp(null, 'h')];
$sameOurs = [new Our\BusNameStamp('b'), new Our\DelayStamp(1), new Our\SentToFailureTransportStamp('async'),
    new Our\TransportMessageIdStamp(7), new Our\HandledStamp(null, 'h')];
var_dump($theirs->encode(new SfEnvelope($order, $same)) === $ours->encode(new Messenger\Envelope($order, $sameOurs)));
// a message with binary data is base64 on both sides, identically
$binary = new App\Wire\Address("\xff\xfe");
$b1 = $theirs->encode(new SfEnvelope($binary));
$b2 = (new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [App\Wire\Address::class]]))->encode(new Messenger\Envelope($binary));
var_dump($b1 === $b2, base64_decode($b2['body'], true) !== false, $theirs->decode($b2)->getMessage() == $binary);
?>
--EXPECT--
bool(true)
bool(true)
BusNameStamp(["messenger.bus.default"])
DelayStamp([5000])
ErrorDetailsStamp(["RuntimeException",42,"boom"])
HandledStamp([{"ok":1},"App\\Handler::__invoke"])
RedeliveryStamp([2,"2024-01-02T03:04:05+00:00"])
SentToFailureTransportStamp(["async"])
TransportMessageIdStamp(["1704164645123-0"])
string(31) "Messenger\Stamp\RedeliveryStamp"
NULL
string(36) "Symfony\Component\Messenger\Envelope"
bool(true)
BusNameStamp(["messenger.bus.default"])
DelayStamp([5000])
ErrorDetailsStamp(["RuntimeException",42,"boom"])
HandledStamp([{"ok":1},"App\\Handler::__invoke"])
RedeliveryStamp([2,"2024-01-02T03:04:05+00:00"])
SentToFailureTransportStamp(["async"])
TransportMessageIdStamp(["1704164645123-0"])
NULL
NULL
bool(true)
bool(true)
bool(true)
bool(true)
