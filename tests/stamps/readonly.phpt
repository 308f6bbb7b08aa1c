--TEST--
Stamps are final, readonly value objects
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\DelayStamp;
$d = new DelayStamp(10);
try { $d->__construct(20); } catch (Error $e) { echo $e::class, ': ', $e->getMessage(), "\n"; }
var_dump($d->getDelay());
$r = new ReflectionClass(DelayStamp::class);
var_dump($r->isFinal(), $r->getProperty('delay')->isReadOnly());
try { new DelayStamp('soon'); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
Error: Cannot modify readonly property Messenger\Stamp\DelayStamp::$delay
int(10)
bool(true)
bool(true)
Messenger\Stamp\DelayStamp::__construct(): Argument #1 ($delayMs) must be of type int, string given
