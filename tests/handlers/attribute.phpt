--TEST--
#[AsMessageHandler] on a class and on methods, with handles, priority and fromTransport
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Attribute\AsMessageHandler;
final class Created {}
final class Deleted {}
#[AsMessageHandler(priority: 5)]
final class OnCreated { public function __invoke(Created $c) { return 'class attr'; } }
final class Many {
    #[AsMessageHandler]
    public function created(Created $c) { return 'method attr'; }
    #[AsMessageHandler(handles: Deleted::class)]
    public function anything(object $o) { return 'handles'; }
    #[AsMessageHandler(fromTransport: 'async')]
    public function onlyAsync(Deleted $d) { return 'async only'; }
    public function notAHandler(Created $c) { return 'never'; }
}
#[AsMessageHandler(method: 'run', bus: 'other.bus')]
final class OtherBus { public function run(Created $c) { return 'other bus'; } }
$m = new Messenger\Messenger(['handlers' => [new OnCreated, new Many, new OtherBus], 'buses' => ['main' => [], 'other.bus' => []]]);
$show = function ($e) { foreach ($e->all(Messenger\Stamp\HandledStamp::class) as $s) echo $s->getHandlerName(), ': ', $s->getResult(), "\n"; echo "--\n"; };
$show($m->dispatch(new Created));
$show($m->dispatch(new Deleted));
$show($m->bus('other.bus')->dispatch(new Created));
$show($m->dispatch(new Deleted, [new Messenger\Stamp\ReceivedStamp('async')]));
$a = new ReflectionClass(OnCreated::class);
var_dump($a->getAttributes()[0]->newInstance()->priority);
?>
--EXPECT--
OnCreated::__invoke: class attr
Many::created: method attr
--
Many::anything: handles
Many::onlyAsync: async only
--
OnCreated::__invoke: class attr
Many::created: method attr
OtherBus::run: other bus
--
Many::anything: handles
Many::onlyAsync: async only
--
int(5)
