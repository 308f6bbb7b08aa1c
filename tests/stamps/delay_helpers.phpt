--TEST--
DelayStamp::delayFor() and delayUntil() compute milliseconds
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\DelayStamp;
var_dump(DelayStamp::delayFor(new DateInterval('PT90S'))->getDelay());
var_dump(DelayStamp::delayFor(new DateInterval('P1D'))->getDelay());
$d = DelayStamp::delayUntil(new DateTimeImmutable('+1 hour'))->getDelay();
var_dump($d >= 3599000 && $d <= 3600000);
?>
--EXPECT--
int(90000)
int(86400000)
bool(true)
