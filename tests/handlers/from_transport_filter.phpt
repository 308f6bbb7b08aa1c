--TEST--
Handlers with from_transport run only for messages received from that transport
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\{ReceivedStamp, HandledStamp};
final class Job {}
$m = new Messenger\Messenger(['handlers' => [Job::class => [
    ['handler' => fn() => 'any'],
    ['handler' => fn() => 'high', 'from_transport' => 'high'],
    ['handler' => fn() => 'low', 'from_transport' => 'low'],
]]]);
$r = fn($e) => implode(',', array_map(fn($s) => $s->getResult(), $e->all(HandledStamp::class)));
echo $r($m->dispatch(new Job)), "\n";
echo $r($m->dispatch(new Job, [new ReceivedStamp('high')])), "\n";
echo $r($m->dispatch(new Job, [new ReceivedStamp('low')])), "\n";
?>
--EXPECT--
any,high,low
any,high
any,low
