--TEST--
DispatchAfterCurrentBusStamp defers a nested dispatch to the end of the outer one
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\DispatchAfterCurrentBusStamp;
final class Outer {}
final class Inner { public function __construct(public string $n) {} }
$m = null;
$m = new Messenger\Messenger(['handlers' => [
    Outer::class => function (Outer $o) use (&$m) {
        echo "outer starts\n";
        $m->dispatch(new Inner('deferred'), [new DispatchAfterCurrentBusStamp]);
        $m->dispatch(new Inner('immediate'));
        echo "outer ends\n";
    },
    Inner::class => function (Inner $i) { echo "inner {$i->n}\n"; },
]]);
$m->dispatch(new Outer);
// the Messenger and its sync transport / handler closures form a cycle: the collector must free it
unset($m);
var_dump(gc_collect_cycles() > 0);
?>
--EXPECT--
outer starts
inner immediate
outer ends
inner deferred
bool(true)
