--TEST--
Envelope::withoutAll() and withoutStampsOfType() remove stamps on a copy
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\{DelayStamp, SentStamp, ReceivedStamp, BusNameStamp};
$e = new Envelope(new stdClass, [new DelayStamp(1), new SentStamp('S', 'a'), new ReceivedStamp('a'), new BusNameStamp('b')]);
$w = $e->withoutAll(DelayStamp::class);
echo implode(',', array_map(fn($k) => substr($k, 16), array_keys($w->all()))), "\n";
echo count($e->all()), "\n";
$t = $e->withoutStampsOfType(Messenger\Stamp\NonSendableStampInterface::class);
echo implode(',', array_map(fn($k) => substr($k, 16), array_keys($t->all()))), "\n";
$u = $e->withoutStampsOfType('No\Such\Class');
echo count($u->all()), "\n";
var_dump($e->withoutAll('Nope')->all() == $e->all());
?>
--EXPECT--
SentStamp,ReceivedStamp,BusNameStamp
4
DelayStamp,BusNameStamp
4
bool(true)
