--TEST--
A Bus built alone runs its PHP middleware in order, and an empty bus returns the envelope
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\{MessageBus, Envelope};
use Messenger\Middleware\{MiddlewareInterface, StackInterface, HandleMessageMiddleware};
final class Trace implements MiddlewareInterface {
    public function __construct(private string $name) {}
    public function handle(Envelope $envelope, StackInterface $stack): Envelope {
        echo "> {$this->name}\n";
        $result = $stack->next()->handle($envelope, $stack);
        echo "< {$this->name}\n";
        return $result;
    }
}
$bus = new MessageBus([new Trace('one'), new Trace('two'), new HandleMessageMiddleware([stdClass::class => fn($m) => 'handled'])], 'my.bus');
var_dump($bus->getName());
$e = $bus->dispatch(new stdClass);
var_dump($e->last(Messenger\Stamp\HandledStamp::class)->getResult());
var_dump($e->last(Messenger\Stamp\BusNameStamp::class));
$empty = new MessageBus();
var_dump($empty->getName(), $empty->dispatch(new stdClass) instanceof Envelope);
try { new MessageBus([new stdClass]); } catch (Messenger\Exception\InvalidArgumentException $x) { echo $x->getMessage(), "\n"; }
$gen = (function () { yield new Trace('gen'); })();
(new MessageBus($gen))->dispatch(new stdClass);
?>
--EXPECT--
string(6) "my.bus"
> one
> two
< two
< one
string(7) "handled"
NULL
string(21) "messenger.bus.default"
bool(true)
middleware[0] must implement Messenger\Middleware\MiddlewareInterface, stdClass given
> gen
< gen
