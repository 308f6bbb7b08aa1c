--TEST--
Events: every event of a message's life reaches the configuration's listeners and Worker::on() in order (dispatched and sent on the Messenger, also through dispatchAll; received, handled, failed, retrying, retried, removed, sent_to_failure, the worker's started and stopped), with what each carries; the log lines come first; a listener that throws stops the dispatch with its exception
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job { public function __construct(public string $name) {} }
final class Log { public array $lines = []; public function log($level, $message, array $context = []): void { $this->lines[] = "log $level"; } }
$trace = [];
$listen = function (array $e) use (&$trace) {
    $line = $e['event'];
    if (isset($e['envelope'])) { $line .= ' ' . $e['envelope']->getMessage()->name; }
    if (isset($e['transport'])) { $line .= " @{$e['transport']}"; }
    foreach (['will_retry', 'retry_count', 'delay', 'failure_transport'] as $k) {
        if (array_key_exists($k, $e)) { $line .= " $k=" . var_export($e[$k], true); }
    }
    if (isset($e['error'])) { $line .= ' error=' . get_class($e['error']); }
    $trace[] = $line;
};
$events = ['dispatched', 'sent', 'started', 'received', 'handled', 'failed', 'retrying', 'retried', 'removed', 'sent_to_failure', 'stopped'];
$log = new Log;
$m = new Messenger\Messenger([
    'transports' => ['async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 1, 'delay' => 7, 'jitter' => 0]], 'failed' => 'in-memory://'],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) { if ($j->name === 'bad') { throw new RuntimeException('no'); } }],
    'listeners' => array_fill_keys($events, $listen),
    'logger' => $log,
]);
$m->dispatch(new Job('good'));
$m->dispatchAll([new Job('bad')]);
$w = $m->worker(['async']);
$w->on('handled', function () use (&$trace) { $trace[] = 'on(handled)'; });
$w->on('handled', function () use ($log, &$trace) { $trace[] = 'log before listeners: ' . implode(',', $log->lines); });
$w->run(['limit' => 3, 'sleep' => 0]);
echo implode("\n", $trace), "\n";

// a listener that throws: its exception comes out of dispatch
$m2 = new Messenger\Messenger(['transports' => ['q' => 'in-memory://'], 'routing' => [Job::class => 'q'],
    'listeners' => ['sent' => function () { throw new DomainException('listener says no'); }]]);
try { $m2->dispatch(new Job('x')); } catch (DomainException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
// an unknown event name in on()
try { $w->on('exploded', fn() => null); } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
sent good @async
dispatched good
dispatched bad
sent bad @async
started
received good @async
handled good @async
on(handled)
log before listeners: log info
received bad @async
retrying bad @async retry_count=1 delay=7 error=Messenger\Exception\HandlerFailedException
failed bad @async will_retry=true error=Messenger\Exception\HandlerFailedException
retried bad @async
received bad @async
removed bad @async retry_count=1 error=Messenger\Exception\HandlerFailedException
sent_to_failure bad @async failure_transport='failed'
failed bad @async will_retry=false error=Messenger\Exception\HandlerFailedException
stopped
DomainException: listener says no
Unknown event "exploded" (known: dispatched, sent, started, received, handled, failed, retrying, retried, removed, sent_to_failure, keepalive, keepalive_failed, transport_unavailable, transport_available, idle, stopped, webhook, webhook_gone)
