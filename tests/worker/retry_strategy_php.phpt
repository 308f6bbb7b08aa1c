--TEST--
A retry strategy written in PHP (RetryStrategyInterface) decides retries and delays for its transport; one that throws stops the worker with its exception; MultiplierRetryStrategy answers the same as the worker does natively
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\{DelayStamp, RedeliveryStamp};

final class Job {}
final class TwoTries implements Messenger\Retry\RetryStrategyInterface {
    public array $asked = [];
    public function isRetryable(Envelope $message, ?Throwable $throwable = null): bool {
        $n = $message->last(RedeliveryStamp::class)?->getRetryCount() ?? 0;
        $this->asked[] = "retryable($n, " . get_class($throwable) . ')';
        return $n < 2;
    }
    public function getWaitingTime(Envelope $message, ?Throwable $throwable = null): int {
        $n = $message->last(RedeliveryStamp::class)?->getRetryCount() ?? 0;
        $this->asked[] = "wait($n)";
        return 10 * ($n + 1);
    }
}
final class Broken implements Messenger\Retry\RetryStrategyInterface {
    public function isRetryable(Envelope $message, ?Throwable $throwable = null): bool { throw new DomainException('strategy broke'); }
    public function getWaitingTime(Envelope $message, ?Throwable $throwable = null): int { return 0; }
}
$strategy = new TwoTries;
$delays = [];
$m = new Messenger\Messenger([
    'transports' => ['q' => ['dsn' => 'in-memory://', 'retry_strategy' => $strategy], 'b' => ['dsn' => 'in-memory://', 'retry_strategy' => new Broken], 'failed' => 'in-memory://'],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'q'],
    'handlers' => [Job::class => function () { throw new RuntimeException('no'); }],
    'listeners' => ['retrying' => function (array $e) use (&$delays) { $delays[] = $e['delay']; }],
]);
$m->dispatch(new Job);
// the delays are 10 and 20 ms: sleep 0 polls until they are due
$m->worker(['q'])->run(['limit' => 3, 'sleep' => 0]);
echo implode(' ', $strategy->asked), "\n";
echo 'delays: ', implode(',', $delays), ', failed: ', count($m->transport('failed')->getSent()), "\n";

$m->dispatch(new Job, [new Messenger\Stamp\TransportNamesStamp(['b'])]);
try { $m->worker(['b'])->run(['limit' => 1, 'sleep' => 0]); } catch (DomainException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
echo 'b still holds: ', $m->transport('b')->getMessageCount(), "\n";

$native = new Messenger\Retry\MultiplierRetryStrategy(2, 100, 3.0, 0, 0.0);
$e = new Envelope(new Job, [new RedeliveryStamp(1)]);
var_dump($native->isRetryable($e), $native->getWaitingTime($e), $native->isRetryable(new Envelope(new Job, [new RedeliveryStamp(2)])));
?>
--EXPECT--
retryable(0, Messenger\Exception\HandlerFailedException) wait(0) retryable(1, Messenger\Exception\HandlerFailedException) wait(1) retryable(2, Messenger\Exception\HandlerFailedException)
delays: 10,20, failed: 1
DomainException: strategy broke
b still holds: 1
bool(true)
int(300)
bool(false)
