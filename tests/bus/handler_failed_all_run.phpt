--TEST--
Every handler runs even when one throws; HandlerFailedException wraps the failures by handler name
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
use App\Message\SmsNotification;
class A { public function __invoke(SmsNotification $m) { echo "A\n"; throw new RuntimeException('A broke', 5); } }
class B { public function __invoke(SmsNotification $m) { echo "B\n"; return 'b'; } }
class C { public function onSms(SmsNotification $m) { echo "C\n"; throw new LogicException('C broke'); } }
$m = new Messenger\Messenger(['handlers' => [new A, new B, SmsNotification::class => [[new C, 'onSms']]]]);
try {
    $m->dispatch(new SmsNotification('x'));
} catch (Messenger\Exception\HandlerFailedException $e) {
    echo $e::class, ': ', $e->getMessage(), "\n";
    var_dump($e->getCode(), $e->getPrevious()->getMessage());
    var_dump(array_keys($e->getWrappedExceptions()));
    var_dump(array_keys($e->getWrappedExceptions(LogicException::class)));
    $handled = $e->getEnvelope()->all(Messenger\Stamp\HandledStamp::class);
    var_dump(count($handled), $handled[0]->getHandlerName(), $handled[0]->getResult());
}
$single = new Messenger\Messenger(['handlers' => [new A]]);
try { $single->dispatch(new SmsNotification('x')); }
catch (Messenger\Exception\HandlerFailedException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
A
B
C
Messenger\Exception\HandlerFailedException: Handling "App\Message\SmsNotification" failed: 2 handlers failed. First failure is: A broke
int(5)
string(7) "A broke"
array(2) {
  [0]=>
  string(11) "A::__invoke"
  [1]=>
  string(8) "C::onSms"
}
array(1) {
  [0]=>
  string(8) "C::onSms"
}
int(1)
string(11) "B::__invoke"
string(1) "b"
A
Handling "App\Message\SmsNotification" failed: A broke
