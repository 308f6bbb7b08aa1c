--TEST--
Worker: consuming from the in-memory transport offers the cycle collector at most one possible root per message (the message the handler got, released by PHP), not the envelopes the transport keeps; dispatching at most two
--EXTENSIONS--
messenger
--INI--
zend.enable_gc=1
--FILE--
<?php
final class Job { public function __construct(public int $n) {} }
final class Handler { public int $count = 0; public function __invoke(Job $j) { $this->count++; } }

$n = 2000;
$handler = new Handler;
$m = new Messenger\Messenger([
    'transports' => ['async' => 'in-memory://', 'failed' => 'in-memory://'],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [$handler],
]);
$worker = $m->worker(['async']);

gc_collect_cycles();
$before = gc_status();
for ($i = 0; $i < $n; $i++) {
    $m->dispatch(new Job($i));
}
$dispatched = gc_status();
gc_collect_cycles();
$collected = gc_status();
$worker->run(['limit' => $n, 'sleep' => 0]);
$consumed = gc_status();

printf("handled %d; no collection ran meanwhile: %s\n", $handler->count, var_export($consumed['runs'] === $collected['runs'] && $dispatched['runs'] === $before['runs'], true));
printf("dispatch: %s\n", $dispatched['roots'] - $before['roots'] <= 2 * $n + 10 ? 'at most two roots per message' : ($dispatched['roots'] - $before['roots']) / $n . ' roots per message');
printf("worker: %s\n", $consumed['roots'] - $collected['roots'] <= $n + 10 ? 'at most one root per message' : ($consumed['roots'] - $collected['roots']) / $n . ' roots per message');
echo count($m->transport('async')->getSent()), ' sent, ', count($m->transport('async')->getAcknowledged()), " acknowledged\n";
?>
--EXPECT--
handled 2000; no collection ran meanwhile: true
dispatch: at most two roots per message
worker: at most one root per message
2000 sent, 2000 acknowledged
