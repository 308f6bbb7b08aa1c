--TEST--
Envelope::with() returns a new envelope and leaves the original untouched
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\{DelayStamp, BusNameStamp};
$m = new stdClass;
$a = new Envelope($m, [new DelayStamp(10)]);
$b = $a->with(new DelayStamp(20), new BusNameStamp('x'));
var_dump($a === $b, $a->getMessage() === $m, $b->getMessage() === $m);
var_dump(count($a->all(DelayStamp::class)), count($b->all(DelayStamp::class)));
var_dump($a->last(DelayStamp::class)->getDelay(), $b->last(DelayStamp::class)->getDelay());
var_dump($a->last(BusNameStamp::class), $b->last('\Messenger\Stamp\BusNameStamp')->getBusName());
var_dump(array_keys($b->all()));
$c = Envelope::wrap($b, [new DelayStamp(30)]);
var_dump($c !== $b, $c->last(DelayStamp::class)->getDelay(), $b->last(DelayStamp::class)->getDelay());
var_dump(Envelope::wrap($b) === $b);
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
int(1)
int(2)
int(10)
int(20)
NULL
string(1) "x"
array(2) {
  [0]=>
  string(26) "Messenger\Stamp\DelayStamp"
  [1]=>
  string(28) "Messenger\Stamp\BusNameStamp"
}
bool(true)
int(30)
int(20)
bool(true)
