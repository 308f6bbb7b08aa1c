--TEST--
Envelopes made by clone, unserialize(), new and wrap() show their stamps to the middleware; the bus-name stamp list shared between dispatches is copied on write
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\{BusNameStamp, HandledStamp, ReceivedStamp};

$m = new Messenger\Messenger([
    'transports' => ['async' => 'in-memory://'],
    'routing' => [stdClass::class => 'async'],
    'handlers' => [stdClass::class => fn() => 'handled'],
]);
$received = new Envelope(new stdClass, [new ReceivedStamp('async')]);
$copies = [
    'new' => $received,
    'clone' => clone $received,
    'unserialize' => unserialize(serialize($received)),
    'wrap' => Envelope::wrap(Envelope::wrap(new stdClass), [new ReceivedStamp('async')]),
];
foreach ($copies as $how => $e) {
    $out = $m->dispatch($e);
    printf("%s: %s, sent %d\n", $how, $out->last(HandledStamp::class)?->getResult() ?? 'not handled', count($m->transport('async')->getSent()));
}

// two dispatches share the bus's BusNameStamp list until one of them changes it
$a = $m->dispatch(new stdClass);
$b = $m->dispatch(new stdClass);
$a2 = $a->with(new BusNameStamp('other'));
var_dump(count($a->all(BusNameStamp::class)), count($b->all(BusNameStamp::class)), count($a2->all(BusNameStamp::class)));
var_dump($a2->last(BusNameStamp::class)->getBusName(), $b->last(BusNameStamp::class)->getBusName());
$b2 = $b->withoutAll(BusNameStamp::class)->with(new BusNameStamp('third'));
var_dump($b2->last(BusNameStamp::class)->getBusName(), count($b2->all(BusNameStamp::class)), $a->last(BusNameStamp::class)->getBusName());
?>
--EXPECT--
new: handled, sent 0
clone: handled, sent 0
unserialize: handled, sent 0
wrap: handled, sent 0
int(1)
int(1)
int(2)
string(5) "other"
string(21) "messenger.bus.default"
string(5) "third"
int(1)
string(21) "messenger.bus.default"
