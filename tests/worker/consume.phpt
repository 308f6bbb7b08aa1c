--TEST--
Worker: consumes in receiver order, acks handled messages, retries failures with DelayStamp + RedeliveryStamp + ErrorDetailsStamp, then the failure transport; unrecoverable failures skip the retries; limits, stop() and events
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App;
use Messenger\Stamp\{RedeliveryStamp, ErrorDetailsStamp, SentToFailureTransportStamp, DelayStamp, ReceivedStamp};

final class Job { public function __construct(public string $name) {} }
final class Flaky { public function __construct(public string $name, public int $failures) {} }
final class Fatal { public function __construct(public string $name) {} }

$log = [];
$attempts = [];
$m = new \Messenger\Messenger([
    'transports' => [
        'high' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 2, 'delay' => 0, 'jitter' => 0]],
        'low' => 'in-memory://',
        'failed' => 'in-memory://',
    ],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'low', Flaky::class => 'high', Fatal::class => 'high'],
    'handlers' => [
        Job::class => function (Job $j) use (&$log) { $log[] = "handled {$j->name}"; return $j->name; },
        Flaky::class => function (Flaky $f, ) use (&$log, &$attempts) {
            $attempts[$f->name] = ($attempts[$f->name] ?? 0) + 1;
            if ($attempts[$f->name] <= $f->failures) {
                throw new \RuntimeException("boom {$f->name} #{$attempts[$f->name]}", 42);
            }
            $log[] = "handled {$f->name} after {$attempts[$f->name]} attempts";
        },
        Fatal::class => fn() => throw new \Messenger\Exception\UnrecoverableMessageHandlingException('no way'),
    ],
]);
$m->dispatch(new Job('low-1'));
$m->dispatch(new Flaky('ok-on-2nd', 1));
$m->dispatch(new Flaky('never', 99));
$m->dispatch(new Fatal('fatal'));
$m->dispatch(new Job('low-2'));

$worker = $m->worker(['high', 'low'], ['sleep' => 0.01]);
$worker->on('failed', function (array $e) use (&$log) {
    $log[] = sprintf('failed %s from %s: %s (%s)', $e['envelope']->getMessage()->name, $e['transport'],
        $e['error']->getMessage(), $e['will_retry'] ? 'will retry' : 'no retry');
});
$worker->on('idle', fn() => $worker->stop());
$worker->on('handled', function (array $e) use (&$log) {
    $log[] = '  ack of ' . $e['envelope']->getMessage()->name . ' received from ' . $e['envelope']->last(ReceivedStamp::class)->getTransportName();
});
var_dump($worker->run());
echo implode("\n", $log), "\n";

$failed = $m->transport('failed')->getSent();
foreach ($failed as $e) {
    printf("in failed: %s, from %s, retries %d, error %s: %s\n", $e->getMessage()->name, $e->last(SentToFailureTransportStamp::class)->getOriginalReceiverName(),
        RedeliveryStamp::getRetryCountFromEnvelope($e), $e->last(ErrorDetailsStamp::class)->getExceptionClass(), $e->last(ErrorDetailsStamp::class)->getExceptionMessage());
}
$retried = array_values(array_filter($m->transport('high')->getSent(), fn($e) => $e->last(RedeliveryStamp::class)));
printf("retries sent: %d, the first: delay %d, count %d, error stamps %d\n", count($retried), $retried[0]->last(DelayStamp::class)->getDelay(),
    $retried[0]->last(RedeliveryStamp::class)->getRetryCount(), count($retried[0]->all(ErrorDetailsStamp::class)));
printf("acked high %d, rejected high %d, acked low %d\n", count($m->transport('high')->getAcknowledged()), count($m->transport('high')->getRejected()),
    count($m->transport('low')->getAcknowledged()));

// limits
$m->dispatch(new Job('a'));
$m->dispatch(new Job('b'));
$m->dispatch(new Job('c'));
$w2 = $m->worker(['low']);
var_dump($w2->run(['limit' => 2]), count($m->transport('low')->getAcknowledged()));
$start = hrtime(true);
$m->worker(['high'])->run(['time_limit' => 1, 'sleep' => 5]);
echo 'time_limit stops a sleeping worker: ', (hrtime(true) - $start) / 1e9 < 3 ? 'yes' : 'no', "\n";
foreach ([fn() => $m->worker(['nope']), fn() => $m->worker([]), fn() => $m->worker(['low'], ['colour' => 1]),
          fn() => $m->worker(['low'])->run(['memory_limit' => 'lots']), fn() => $w2->on('exploded', fn() => 1)] as $bad) {
    try {
        $bad();
    } catch (\Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
unset($m, $worker, $w2);
gc_collect_cycles();
?>
--EXPECT--
int(0)
failed ok-on-2nd from high: Handling "App\Flaky" failed: boom ok-on-2nd #1 (will retry)
failed never from high: Handling "App\Flaky" failed: boom never #1 (will retry)
failed fatal from high: Handling "App\Fatal" failed: no way (no retry)
handled ok-on-2nd after 2 attempts
  ack of ok-on-2nd received from high
failed never from high: Handling "App\Flaky" failed: boom never #2 (will retry)
failed never from high: Handling "App\Flaky" failed: boom never #3 (no retry)
handled low-1
  ack of low-1 received from low
handled low-2
  ack of low-2 received from low
in failed: fatal, from high, retries 0, error Messenger\Exception\UnrecoverableMessageHandlingException: no way
in failed: never, from high, retries 0, error RuntimeException: boom never #3
retries sent: 3, the first: delay 0, count 1, error stamps 1
acked high 1, rejected high 5, acked low 2
int(0)
int(4)
time_limit stops a sleeping worker: yes
Messenger\Exception\InvalidArgumentException: Unknown transport "nope" to consume (configured: high, low, failed)
ValueError: Messenger\Messenger::worker(): Argument #1 ($receiverNames) must name at least one transport
Messenger\Exception\InvalidArgumentException: Unknown worker option "colour" (known: limit, failure_limit, memory_limit, time_limit, sleep, queues, bus, stop_file, reset, keepalive, reconnect_timeout, metrics, status_dir)
Messenger\Exception\InvalidArgumentException: The worker option "memory_limit" must be a number of bytes or a size like "128M"
Messenger\Exception\InvalidArgumentException: Unknown event "exploded" (known: dispatched, sent, started, received, handled, failed, retrying, retried, removed, sent_to_failure, keepalive, keepalive_failed, transport_unavailable, transport_available, idle, stopped, webhook, webhook_gone)
