--TEST--
A PHP middleware that throws stops the dispatch with its exception; the message is not handled
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Middleware\{MiddlewareInterface, StackInterface};
final class Guard implements MiddlewareInterface {
    public function handle(Envelope $envelope, StackInterface $stack): Envelope { throw new DomainException('denied'); }
}
$handled = false;
$m = new Messenger\Messenger(['buses' => ['b' => ['middleware' => [new Guard]]], 'handlers' => [stdClass::class => function ($m) use (&$handled) { $handled = true; }]]);
try { $m->dispatch(new stdClass); } catch (DomainException $e) { echo $e->getMessage(), "\n"; }
var_dump($handled);
try { new Messenger\Messenger(['buses' => ['b' => ['middleware' => ['x' => 42]]]]); }
catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
denied
bool(false)
buses["b"]["middleware"]["x"] must implement Messenger\Middleware\MiddlewareInterface, int given
