--TEST--
Batch handlers: the worker gives a BatchHandlerInterface handler an Acknowledger; kept messages are acknowledged to the table only when their Acknowledger is called (in the call that fills the batch, or later), nack() fails the message (retries, failure transport), an idle worker flushes, a stopping worker flushes with force and gives back what is still kept; without a worker the handler handles at once; the Acknowledger on its own
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
use Messenger\Handler\Acknowledger;

final class Row { public function __construct(public int $n) {} }
final class RowBatchHandler implements Messenger\Handler\BatchHandlerInterface
{
    private array $jobs = [];
    public array $batches = [];
    public function __construct(private int $size, private bool $lazy = false) {}
    public function __invoke(Row $row, ?Acknowledger $ack = null): mixed
    {
        if ($ack === null) {
            return "alone {$row->n}";
        }
        $this->jobs[] = [$row, $ack];
        if (count($this->jobs) >= $this->size) {
            $this->flush(false);
        }
        return count($this->jobs);
    }
    public function flush(bool $force): void
    {
        if ($this->lazy) {
            $this->batches[] = 'flush(' . var_export($force, true) . ') ignored';
            return;
        }
        [$jobs, $this->jobs] = [$this->jobs, []];
        if ($jobs) {
            $this->batches[] = implode(',', array_map(fn($j) => $j[0]->n, $jobs)) . ($force ? ' (forced)' : '');
        }
        foreach ($jobs as [$row, $ack]) {
            $row->n === 4 ? $ack->nack(new RuntimeException('four is bad')) : $ack->ack("done {$row->n}");
        }
    }
}

$db = sys_get_temp_dir() . '/messenger-batch-' . getmypid() . '.sqlite';
@unlink($db);
$pdo = new PDO("sqlite:$db");
$state = fn(string $queue) => $pdo->query("SELECT COUNT(*) AS n, COUNT(delivered_at) AS claimed FROM messenger_messages WHERE queue_name = '$queue'")->fetch(PDO::FETCH_ASSOC);
$make = fn(RowBatchHandler $h) => new Messenger\Messenger([
    'connections' => ['db' => "sqlite:$db"],
    'transports' => [
        'async' => ['dsn' => 'doctrine://db', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://db?queue_name=failed',
        'now' => 'sync://',
    ],
    'failure_transport' => 'failed',
    'routing' => [Row::class => 'async'],
    'handlers' => [Row::class => $h],
]);

$h = new RowBatchHandler(3);
$m = $make($h);
foreach (range(1, 7) as $n) { $m->dispatch(new Row($n)); }
$events = [];
$w = $m->worker(['async']);
$w->on('handled', function (array $e) use (&$events) { $events[] = 'handled ' . $e['envelope']->getMessage()->n . ': ' . $e['envelope']->last(Messenger\Stamp\HandledStamp::class)->getResult(); });
$w->on('failed', function (array $e) use (&$events) { $events[] = 'failed ' . $e['envelope']->getMessage()->n . ': ' . $e['error']->getMessage(); });
$w->on('idle', function () use ($w) { $w->stop(); });
echo 'exit ', $w->run(['sleep' => 0.01]), "\n";
echo 'batches: ', implode(' | ', $h->batches), "\n", implode("\n", $events), "\n";
echo 'async: ', json_encode($state('default')), ', failed: ', json_encode($state('failed')), "\n";

echo "-- dispatched at once (no worker): no Acknowledger\n";
$e = $m->dispatch(new Row(8), [new Messenger\Stamp\TransportNamesStamp(['now'])]);
echo $e->last(Messenger\Stamp\HandledStamp::class)->getResult(), "\n";

echo "-- a handler that never acknowledges: the stopping worker flushes with force, then gives the messages back\n";
$lazy = new RowBatchHandler(10, true);
$m2 = $make($lazy);
$m2->dispatch(new Row(20));
$m2->dispatch(new Row(21));
$w2 = $m2->worker(['async']);
$idle = 0;
$w2->on('idle', function () use ($w2, &$idle) { if (++$idle === 2) { $w2->stop(); } });
$code = $w2->run(['sleep' => 0.01]);
echo "exit $code\n";
echo implode(' | ', $lazy->batches), "\n";
echo 'async: ', json_encode($state('default')), "\n";

echo "-- the Acknowledger on its own\n";
$calls = [];
$a = new Acknowledger('App\Handler', function (?Throwable $e, mixed $result) use (&$calls) { $calls[] = [$e?->getMessage(), $result]; });
var_dump($a->isAcknowledged(), $a->getResult(), $a->getError());
$a->ack(['rows' => 3]);
var_dump($a->isAcknowledged(), $a->getResult());
try {
    $a->nack(new Exception('late'));
} catch (Messenger\Exception\LogicException $e) {
    echo $e->getMessage(), "\n";
}
$b = new Acknowledger('App\Handler');
$b->nack(new Exception('no'));
echo get_class($b->getError()), ': ', $b->getError()->getMessage(), "\n";
echo json_encode($calls), "\n";
unset($m, $m2, $w, $w2, $pdo, $h, $lazy);
gc_collect_cycles(); // the listeners that stop the workers hold them: a cycle the collector frees
@unlink($db);
?>
--EXPECTF--
exit 0
batches: 1,2,3 | 4,5,6 | 7
handled 1: done 1
handled 2: done 2
handled 3: done 3
failed 4: Handling "Row" failed: four is bad
handled 5: done 5
handled 6: done 6
handled 7: done 7
async: {"n":0,"claimed":0}, failed: {"n":1,"claimed":0}
-- dispatched at once (no worker): no Acknowledger
alone 8
-- a handler that never acknowledges: the stopping worker flushes with force, then gives the messages back

Warning: Messenger\Worker::run(): Messenger: the batch handler RowBatchHandler::__invoke did not acknowledge a Row from the transport "async" when flushed: it goes back to its queue in %s on line %d

Warning: Messenger\Worker::run(): Messenger: the batch handler RowBatchHandler::__invoke did not acknowledge a Row from the transport "async" when flushed: it goes back to its queue in %s on line %d
exit 0
flush(false) ignored | flush(false) ignored | flush(true) ignored
async: {"n":2,"claimed":0}
-- the Acknowledger on its own
bool(false)
NULL
NULL
bool(true)
array(1) {
  ["rows"]=>
  int(3)
}
The acknowledger cannot be called twice by the "App\Handler" batch handler.
Exception: no
[[null,{"rows":3}]]
