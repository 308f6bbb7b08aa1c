--TEST--
A message with a ReceivedStamp is handled, never sent again
--EXTENSIONS--
messenger
--FILE--
<?php
$m = new Messenger\Messenger([
    'transports' => ['async' => 'in-memory://'],
    'routing' => [stdClass::class => 'async'],
    'handlers' => [stdClass::class => fn() => 'handled'],
]);
$e = $m->dispatch(new stdClass, [new Messenger\Stamp\ReceivedStamp('async')]);
var_dump($e->last(Messenger\Stamp\HandledStamp::class)->getResult(), count($m->transport('async')->getSent()));
?>
--EXPECT--
string(7) "handled"
int(0)
