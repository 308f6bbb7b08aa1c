--TEST--
A handler whose HandledStamp is already on the envelope is not called again
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\HandledStamp;
final class Job {}
final class First { public function __invoke(Job $j) { echo "first\n"; return 1; } }
final class Second { public function __invoke(Job $j) { echo "second\n"; return 2; } }
$m = new Messenger\Messenger(['handlers' => [new First, new Second]]);
$e = $m->dispatch(new Job, [new HandledStamp(1, 'First::__invoke')]);
var_dump(count($e->all(HandledStamp::class)));
$e = $m->dispatch(new Job, [new HandledStamp(1, 'First::__invoke'), new HandledStamp(2, 'Second::__invoke')]);
var_dump(count($e->all(HandledStamp::class)));
?>
--EXPECT--
second
int(2)
int(2)
