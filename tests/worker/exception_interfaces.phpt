--TEST--
Worker: retries follow Symfony 7's exception interfaces: an application's exception implementing RecoverableExceptionInterface retries even past what the strategy allows, one implementing UnrecoverableExceptionInterface goes to the failure transport at once, a HandlerFailedException retries when one of its exceptions is recoverable and not when all are unrecoverable; a StopWorkerExceptionInterface (alone or wrapped) stops the worker once the message is settled
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Exception\{RecoverableExceptionInterface, UnrecoverableExceptionInterface, StopWorkerExceptionInterface, WrappedExceptionsInterface, HandlerFailedException, StopWorkerException};
use Messenger\Stamp\RedeliveryStamp;

final class Retry extends RuntimeException implements RecoverableExceptionInterface {}
final class Hopeless extends LogicException implements UnrecoverableExceptionInterface {}
final class Halt extends RuntimeException implements StopWorkerExceptionInterface {}
final class Job { public function __construct(public string $throws) {} }

var_dump(is_subclass_of(HandlerFailedException::class, WrappedExceptionsInterface::class),
    is_subclass_of(StopWorkerException::class, StopWorkerExceptionInterface::class),
    is_subclass_of(Messenger\Exception\RecoverableMessageHandlingException::class, RecoverableExceptionInterface::class),
    is_subclass_of(Messenger\Exception\UnrecoverableMessageHandlingException::class, UnrecoverableExceptionInterface::class));

$runs = [];
$handler = function (Job $j) use (&$runs) {
    $runs[$j->throws] = ($runs[$j->throws] ?? 0) + 1;
    match ($j->throws) {
        'retry' => throw new Retry('again'),
        'never' => throw new Hopeless('no'),
        'halt' => throw new Halt('stop'),
        default => null,
    };
};
$second = function (Job $j) {
    // a second handler, so that the failures come wrapped in a HandlerFailedException
    if ($j->throws === 'mixed') { throw new Retry('one of two'); }
    if ($j->throws === 'both-never') { throw new Hopeless('also no'); }
};
$m = new Messenger\Messenger([
    'transports' => [
        'async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 1, 'delay' => 0, 'jitter' => 0]],
        'failed' => 'in-memory://',
    ],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => [$handler, $second]],
]);
function drain(Messenger\Messenger $m, int $limit): void { $m->worker(['async'])->run(['limit' => $limit, 'sleep' => 0]); }
function failed(Messenger\Messenger $m): string {
    return implode(',', array_map(fn($e) => $e->getMessage()->throws . '@' . ($e->last(RedeliveryStamp::class)?->getRetryCount() ?? 0), $m->transport('failed')->getSent()));
}

// recoverable: retried 3 times although max_retries is 1 (Symfony always retries those)
$m->dispatch(new Job('retry'));
drain($m, 4);
echo "retry runs: {$runs['retry']}, failed: [", failed($m), "]\n";
$m->transport('async')->reset();

// unrecoverable: at once to the failure transport, no retry
$m->dispatch(new Job('never'));
drain($m, 1);
echo "never runs: {$runs['never']}, left: ", $m->transport('async')->getMessageCount(), ", failed: [", failed($m), "]\n";

// wrapped, one of two recoverable: retried past max_retries
$m->dispatch(new Job('mixed'));
drain($m, 3);
echo "mixed left: ", $m->transport('async')->getMessageCount(), ", failed: [", failed($m), "]\n";
$m->transport('async')->reset();

// wrapped, all unrecoverable: no retry
$m->dispatch(new Job('both-never'));
drain($m, 1);
echo "both-never left: ", $m->transport('async')->getMessageCount(), ", failed: [", failed($m), "]\n";

// stop: the worker stops after the message that threw it, the next one waits
$m->dispatch(new Job('halt'));
$m->dispatch(new Job('fine'));
$stopped = 0;
$w = $m->worker(['async']);
$w->on('stopped', function () use (&$stopped) { $stopped++; });
var_dump($w->run(['limit' => 10, 'sleep' => 0]));
echo "halt runs: {$runs['halt']}, fine runs: ", $runs['fine'] ?? 0, ", stopped: $stopped, left: ", $m->transport('async')->getMessageCount(), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
retry runs: 4, failed: []
never runs: 1, left: 0, failed: [never@0]
mixed left: 1, failed: [never@0]
both-never left: 0, failed: [never@0,both-never@0]
int(0)
halt runs: 1, fine runs: 0, stopped: 1, left: 2
