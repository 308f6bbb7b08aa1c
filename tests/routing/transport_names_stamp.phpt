--TEST--
TransportNamesStamp overrides routing; an unknown name in it is an error naming the transport
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Stamp\{TransportNamesStamp, SentStamp};
$m = new Messenger\Messenger([
    'transports' => ['a' => 'in-memory://', 'b' => 'in-memory://'],
    'routing' => [stdClass::class => 'a'],
]);
$e = $m->dispatch(new stdClass, [new TransportNamesStamp(['b'])]);
echo implode(',', array_map(fn($s) => $s->getSenderAlias(), $e->all(SentStamp::class))), "\n";
echo count($m->transport('a')->getSent()), count($m->transport('b')->getSent()), "\n";
try { $m->dispatch(new stdClass, [new TransportNamesStamp('zzz')]); }
catch (Messenger\Exception\InvalidArgumentException $x) { echo $x->getMessage(), "\n"; }
?>
--EXPECT--
b
01
TransportNamesStamp names the transport "zzz", which is not configured
