--TEST--
Lifetimes: a bus used after its Messenger is gone still sends (without the Messenger's listeners); HandleTrait with an empty or literal stamps array; a listener that adds listeners to the event being told; two transports named by a TransportNamesStamp when the first one sent an Envelope without the stamp
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
final class Foo { public function __construct(public int $n = 0) {} }

// 1. the Messenger goes, its bus stays
$told = 0;
$bus = (new Messenger\Messenger([
    'transports' => ['a' => 'in-memory://'],
    'routing' => [Foo::class => 'a'],
    'listeners' => ['sent' => function () use (&$told) { $told++; }],
]))->bus();
gc_collect_cycles();
$e = $bus->dispatch(new Foo(1));
echo 'sent by an orphaned bus: ', $e->last(Messenger\Stamp\SentStamp::class)->getSenderAlias(), ", listeners told: $told\n";

// 2. HandleTrait, stamps [] and a literal
final class Asker {
    use Messenger\HandleTrait;
    public function __construct(Messenger\MessageBusInterface $bus) { $this->messageBus = $bus; }
    public function ask(Foo $f) { return [$this->handle($f, []), $this->handle($f, [new Messenger\Stamp\DelayStamp(1)])]; }
}
$m = new Messenger\Messenger(['handlers' => [Foo::class => fn(Foo $f) => $f->n * 2]]);
var_dump((new Asker($m))->ask(new Foo(21)));

// 3. a listener adding listeners to its own event while it is told
$w = null;
$calls = [];
$m2 = new Messenger\Messenger(['transports' => ['q' => 'in-memory://'], 'routing' => [Foo::class => 'q'], 'handlers' => [Foo::class => fn() => null]]);
$m2->dispatch(new Foo);
$m2->dispatch(new Foo);
$w = $m2->worker(['q']);
$w->on('handled', function () use (&$w, &$calls) {
    $calls[] = 'first';
    for ($i = 0; $i < 20; $i++) {
        $w->on('handled', function () use (&$calls) { $calls[] = 'added'; });
    }
});
$w->run(['limit' => 2, 'sleep' => 0]);
echo 'first: ', count(array_filter($calls, fn($c) => $c === 'first')), ', added ran: ', count(array_filter($calls, fn($c) => $c === 'added')), "\n";
$w = null; // the first listener holds $w by reference: a cycle, broken here

// 4. a PHP transport that sends back an Envelope without the TransportNamesStamp, then a second one
final class Fresh implements Messenger\Transport\TransportInterface {
    public array $got = [];
    public function send(Envelope $e): Envelope { $this->got[] = $e->getMessage()->n; return new Envelope($e->getMessage()); }
    public function get(): iterable { return []; }
    public function ack(Envelope $e): void {}
    public function reject(Envelope $e): void {}
}
$x = new Fresh; $y = new Fresh;
$m3 = new Messenger\Messenger(['transports' => ['x' => $x, 'y' => $y, 'z' => 'in-memory://']]);
$m3->dispatch(new Foo(7), [new Messenger\Stamp\TransportNamesStamp(['x', 'y', 'z'])]);
echo 'x: ', implode(',', $x->got), ', y: ', implode(',', $y->got), ', z: ', count($m3->transport('z')->getSent()), "\n";
?>
--EXPECT--
sent by an orphaned bus: a, listeners told: 0
array(2) {
  [0]=>
  int(42)
  [1]=>
  int(42)
}
first: 2, added ran: 20
x: 7, y: 7, z: 1
