--TEST--
DelayStamp::delayFor() and delayUntil() compute milliseconds
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\DelayStamp;
var_dump(DelayStamp::delayFor(new DateInterval('PT90S'))->getDelay());
var_dump(DelayStamp::delayFor(new DateInterval('P1D'))->getDelay());
// an hour from now, less the time this took (valgrind on a busy machine can take a second)
$start = microtime(true);
$d = DelayStamp::delayUntil(new DateTimeImmutable('+1 hour'))->getDelay();
$took = (int) ceil((microtime(true) - $start) * 1000);
var_dump($d >= 3600000 - $took - 1 && $d <= 3600000);
?>
--EXPECT--
int(90000)
int(86400000)
bool(true)
