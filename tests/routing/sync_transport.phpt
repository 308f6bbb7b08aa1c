--TEST--
sync:// handles the message at once, as received from that transport
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job {}
$m = new Messenger\Messenger([
    'transports' => ['now' => 'sync://'],
    'routing' => [Job::class => 'now'],
    'handlers' => [Job::class => [['handler' => fn() => 'from now', 'from_transport' => 'now'], ['handler' => fn() => 'elsewhere', 'from_transport' => 'other']]],
]);
$e = $m->dispatch(new Job);
var_dump($e->last(Messenger\Stamp\ReceivedStamp::class)->getTransportName());
var_dump(array_map(fn($s) => $s->getResult(), $e->all(Messenger\Stamp\HandledStamp::class)));
try { $m->transport('now')->get(); } catch (Messenger\Exception\InvalidArgumentException $x) { echo $x->getMessage(), "\n"; }
// the Messenger and its sync transport / handler closures form a cycle: the collector must free it
unset($m);
var_dump(gc_collect_cycles() > 0);
?>
--EXPECT--
string(3) "now"
array(1) {
  [0]=>
  string(8) "from now"
}
You cannot receive messages from the Messenger SyncTransport: it handles them when they are sent
bool(true)
