--TEST--
Every stamp keeps its constructor's values and returns them from its getters
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp as S;
$at = new DateTimeImmutable('2026-01-02 03:04:05');
var_dump((new S\DelayStamp(1500))->getDelay());
$h = new S\HandledStamp(['r' => 1], 'App\H::__invoke');
var_dump($h->getResult(), $h->getHandlerName());
$s = new S\SentStamp('App\Sender', 'async');
var_dump($s->getSenderClass(), $s->getSenderAlias(), (new S\SentStamp('X'))->getSenderAlias());
var_dump((new S\ReceivedStamp('async'))->getTransportName());
var_dump((new S\TransportNamesStamp('a'))->getTransportNames(), (new S\TransportNamesStamp(['a', 'b']))->getTransportNames());
var_dump((new S\BusNameStamp('command.bus'))->getBusName());
$r = new S\RedeliveryStamp(2, $at);
var_dump($r->getRetryCount(), $r->getRedeliveredAt() === $at);
var_dump((new S\RedeliveryStamp(1))->getRedeliveredAt() instanceof DateTimeImmutable);
$e = new S\ErrorDetailsStamp('RuntimeException', 42, 'boom');
var_dump($e->getExceptionClass(), $e->getExceptionCode(), $e->getExceptionMessage());
$c = S\ErrorDetailsStamp::create(new LogicException('bad', 7));
var_dump($c->getExceptionClass(), $c->getExceptionCode(), $c->getExceptionMessage());
var_dump((new S\SentToFailureTransportStamp('async'))->getOriginalReceiverName());
var_dump((new S\TransportMessageIdStamp('abc-1'))->getId());
var_dump((new S\HandlerArgumentsStamp(['x' => 1]))->getAdditionalArguments());
$a = new \Messenger\Bridge\Amqp\Transport\AmqpStamp('rk', 2, ['priority' => 5]);
var_dump($a->getRoutingKey(), $a->getFlags(), $a->getAttributes());
var_dump(new S\DispatchAfterCurrentBusStamp instanceof Messenger\Stamp\NonSendableStampInterface);
var_dump(new S\MessageDecodingFailedStamp instanceof Messenger\Stamp\StampInterface);
var_dump(S\RedeliveryStamp::getRetryCountFromEnvelope(new Messenger\Envelope(new stdClass, [$r])));
?>
--EXPECT--
int(1500)
array(1) {
  ["r"]=>
  int(1)
}
string(15) "App\H::__invoke"
string(10) "App\Sender"
string(5) "async"
NULL
string(5) "async"
array(1) {
  [0]=>
  string(1) "a"
}
array(2) {
  [0]=>
  string(1) "a"
  [1]=>
  string(1) "b"
}
string(11) "command.bus"
int(2)
bool(true)
bool(true)
string(16) "RuntimeException"
int(42)
string(4) "boom"
string(14) "LogicException"
int(7)
string(3) "bad"
string(5) "async"
string(5) "abc-1"
array(1) {
  ["x"]=>
  int(1)
}
string(2) "rk"
int(2)
array(1) {
  ["priority"]=>
  int(5)
}
bool(true)
bool(true)
int(2)
