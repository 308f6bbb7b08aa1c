--TEST--
Receivers written in PHP may return any iterable, as Symfony's foreach allows: a generator or an ArrayIterator from get() is consumed by the worker (handled and acknowledged), and a generator from all() is listed by messenger:failed:show
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\TransportMessageIdStamp;

final class Job { public function __construct(public int $n) {} }
final class Queue implements Messenger\Transport\TransportInterface, Messenger\Transport\Receiver\ListableReceiverInterface
{
    public array $queue = [];
    public array $acked = [];
    private int $next = 1;
    public function __construct(private string $style) {}
    public function get(): iterable
    {
        $batch = $this->queue;
        $this->queue = [];
        if ($this->style === 'array iterator') {
            return new ArrayIterator($batch);
        }
        return (function () use ($batch) {
            foreach ($batch as $envelope) {
                yield 'key-' . $envelope->getMessage()->n => $envelope;
            }
        })();
    }
    public function ack(Envelope $envelope): void { $this->acked[] = $envelope->getMessage()->n; }
    public function reject(Envelope $envelope): void {}
    public function send(Envelope $envelope): Envelope
    {
        $envelope = $envelope->with(new TransportMessageIdStamp($this->next++));
        $this->queue[] = $envelope;
        return $envelope;
    }
    public function all(?int $limit = null): iterable
    {
        foreach (array_slice($this->queue, 0, $limit) as $envelope) {
            yield $envelope;
        }
    }
    public function find(mixed $id): ?Envelope
    {
        foreach ($this->queue as $envelope) {
            if ($envelope->last(TransportMessageIdStamp::class)->getId() == $id) {
                return $envelope;
            }
        }
        return null;
    }
}

foreach (['generator', 'array iterator'] as $style) {
    $queue = new Queue($style);
    $seen = [];
    $m = new Messenger\Messenger([
        'transports' => ['jobs' => $queue],
        'routing' => [Job::class => 'jobs'],
        'handlers' => [Job::class => function (Job $j) use (&$seen) { $seen[] = $j->n; }],
    ]);
    foreach ([1, 2, 3] as $n) {
        $m->dispatch(new Job($n));
    }
    $m->worker(['jobs'])->run(['limit' => 3, 'sleep' => 0, 'time_limit' => 5]);
    echo "$style: handled ", implode(',', $seen), ', acknowledged ', implode(',', $queue->acked), "\n";
}

echo "-- messenger:failed:show on a receiver whose all() is a generator\n";
$failed = new Queue('generator');
$m = new Messenger\Messenger([
    'transports' => ['jobs' => 'in-memory://', 'failed' => $failed],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'jobs'],
    'handlers' => [Job::class => fn(Job $j) => throw new Messenger\Exception\UnrecoverableMessageHandlingException("job {$j->n} cannot be done")],
]);
$m->dispatch(new Job(7));
$m->dispatch(new Job(8));
$m->worker(['jobs'])->run(['limit' => 2, 'sleep' => 0]);
$code = (new Messenger\Console($m))->run(['bin/console', 'messenger:failed:show']);
echo "exit $code\n";
?>
--EXPECTF--
generator: handled 1,2,3, acknowledged 1,2,3
array iterator: handled 1,2,3, acknowledged 1,2,3
-- messenger:failed:show on a receiver whose all() is a generator
 Id  Class  Failed at            Error
 1   Job    %d-%d-%d %d:%d:%d  job 7 cannot be done
 2   Job    %d-%d-%d %d:%d:%d  job 8 cannot be done

 2 messages in the failure transport "failed".
exit 0
