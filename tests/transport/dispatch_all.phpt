--TEST--
dispatchAll routes like dispatch, handles unrouted messages at once and sends each transport's share in one batch
--EXTENSIONS--
messenger
--FILE--
<?php
final class Routed { public function __construct(public int $n) {} }
final class Local {}
$m = new Messenger\Messenger([
    'transports' => ['q' => 'in-memory://'],
    'routing' => [Routed::class => 'q'],
    'handlers' => [Local::class => fn() => 'local'],
]);
$gen = (function () { yield new Routed(1); yield new Local; yield new Messenger\Envelope(new Routed(2), [new Messenger\Stamp\DelayStamp(5)]); })();
$res = $m->dispatchAll($gen);
var_dump(count($res));
var_dump($res[0]->last(Messenger\Stamp\TransportMessageIdStamp::class)->getId());
var_dump($res[1]->last(Messenger\Stamp\HandledStamp::class)->getResult());
var_dump($res[2]->last(Messenger\Stamp\TransportMessageIdStamp::class)->getId(), $res[2]->last(Messenger\Stamp\DelayStamp::class)->getDelay());
var_dump(count($m->transport('q')->getSent()));
try { $m->dispatchAll([new Routed(3), 'oops']); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
var_dump(count($m->transport('q')->getSent()));
?>
--EXPECT--
int(3)
int(1)
string(5) "local"
int(2)
int(5)
int(2)
Messenger\Messenger::dispatchAll(): Argument #1 ($messages) must contain only objects, string given at index 1
int(2)
