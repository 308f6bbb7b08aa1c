--TEST--
Deferred messages are dropped when the outer handler fails; a failing deferred message gives DelayedMessageHandlingException
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\DispatchAfterCurrentBusStamp;
final class Outer { public function __construct(public bool $fail) {} }
final class Inner { public function __construct(public string $n) {} }
$m = null;
$m = new Messenger\Messenger(['handlers' => [
    Outer::class => function (Outer $o) use (&$m) {
        $m->dispatch(new Inner('a'), [new DispatchAfterCurrentBusStamp]);
        $m->dispatch(new Inner('boom'), [new DispatchAfterCurrentBusStamp]);
        if ($o->fail) throw new RuntimeException('outer failed');
    },
    Inner::class => function (Inner $i) { echo "inner {$i->n}\n"; if ($i->n === 'boom') throw new RuntimeException('inner failed'); },
]]);
try { $m->dispatch(new Outer(true)); } catch (Messenger\Exception\HandlerFailedException $e) { echo $e->getMessage(), "\n"; }
echo "---\n";
try { $m->dispatch(new Outer(false)); }
catch (Messenger\Exception\DelayedMessageHandlingException $e) {
    echo $e::class, "\n";
    $w = $e->getWrappedExceptions();
    echo count($w), ' ', $w[0]::class, "\n";
    echo get_class($e->getWrappedExceptions(null, true)['Closure']), "\n";
}
echo "--- state is clean\n";
$m->dispatch(new Inner('after'));
// the Messenger and its sync transport / handler closures form a cycle: the collector must free it
unset($m);
var_dump(gc_collect_cycles() > 0);
?>
--EXPECT--
Handling "Outer" failed: outer failed
---
inner a
inner boom
Messenger\Exception\DelayedMessageHandlingException
1 Messenger\Exception\HandlerFailedException
RuntimeException
--- state is clean
inner after
bool(true)
