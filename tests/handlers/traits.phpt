--TEST--
HandleTrait returns the result of a message's one handler (a LogicException naming the handlers when there are none or several, or when $messageBus is not set); BatchHandlerTrait keeps jobs until getBatchSize() (overridable) and hands them to process(), returns the pending count to a worker, handles at once without one (throwing what process() nacked), and flush() on an idle or stopping worker hands over the rest
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
use Messenger\{HandleTrait, MessageBusInterface};
use Messenger\Handler\{Acknowledger, BatchHandlerInterface, BatchHandlerTrait};

final class Query { public function __construct(public int $n) {} }
final class Twice {}
final class Nobody {}
final class QueryService {
    use HandleTrait;
    public function __construct(?MessageBusInterface $bus) { if ($bus) { $this->messageBus = $bus; } }
    public function ask(object $q): mixed { return $this->handle($q); }
}
$m = new Messenger\Messenger(['handlers' => [
    Query::class => fn(Query $q) => $q->n * 2,
    Twice::class => [fn() => 1, 'spl_object_id'],
], 'buses' => ['messenger.bus.default' => ['default_middleware' => 'allow_no_handlers']]]);
$s = new QueryService($m);
var_dump($s->ask(new Query(21)));
foreach ([new Twice, new Nobody] as $q) {
    try { $s->ask($q); } catch (Messenger\Exception\LogicException $e) { echo $e->getMessage(), "\n"; }
}
try { (new QueryService(null))->ask(new Query(1)); } catch (Messenger\Exception\LogicException $e) { echo $e->getMessage(), "\n"; }
var_dump((new ReflectionClass(HandleTrait::class))->isTrait(), (new ReflectionMethod(QueryService::class, 'handle'))->isPrivate());

final class Row { public function __construct(public int $n) {} }
final class Rows implements BatchHandlerInterface {
    use BatchHandlerTrait;
    public array $batches = [];
    public function __invoke(Row $row, ?Acknowledger $ack = null): mixed { return $this->handle($row, $ack); }
    private function process(array $jobs): void {
        $this->batches[] = implode(',', array_map(fn($j) => $j[0]->n, $jobs));
        foreach ($jobs as [$row, $ack]) {
            $row->n === 4 ? $ack->nack(new RuntimeException('four is bad')) : $ack->ack("done {$row->n}");
        }
    }
    private function getBatchSize(): int { return 3; }
}
$rows = new Rows;
$w = new Messenger\Messenger([
    'transports' => ['db' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]], 'failed' => 'in-memory://'],
    'connections' => ['default' => 'sqlite::memory:'],
    'failure_transport' => 'failed',
    'routing' => [Row::class => 'db'],
    'handlers' => [$rows],
]);
foreach (range(1, 7) as $n) { $w->dispatch(new Row($n)); }
$worker = $w->worker(['db']);
$worker->run(['limit' => 7, 'sleep' => 0]);
echo implode(' | ', $rows->batches), "\n";
echo 'failed: ', implode(',', array_map(fn($e) => $e->getMessage()->n, $w->transport('failed')->getSent())), ', left: ', $w->transport('db')->getMessageCount(), "\n";
// the exception process() made holds $jobs in its trace's arguments, and $jobs the Acknowledger
// that holds the exception: a cycle, which the collector frees (PHP does not run it at shutdown)
unset($worker);
gc_collect_cycles();

// without a worker: a batch of one, at once
$alone = new Rows;
var_dump($alone(new Row(9)));
try { $alone(new Row(4)); } catch (RuntimeException $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
echo implode(' | ', $alone->batches), "\n";

// a class using the trait without process()
final class NoProcess implements BatchHandlerInterface {
    use BatchHandlerTrait;
    public function __invoke(Row $row, ?Acknowledger $ack = null): mixed { return $this->handle($row, $ack); }
}
try { (new NoProcess)(new Row(1)); } catch (Messenger\Exception\LogicException $e) { echo $e->getMessage(), "\n"; }
unset($e);
gc_collect_cycles(); /* the same cycle through the exception of the batch without a worker */
?>
--EXPECT--
int(42)
Message of type "Twice" was handled multiple times. Only one handler is expected when using "QueryService::handle()", got 2: "Closure", "spl_object_id".
Message of type "Nobody" was handled zero times. Exactly one handler is expected when using "QueryService::handle()".
You must provide a "Messenger\MessageBusInterface" instance in the "QueryService::$messageBus" property, but that property has not been initialized yet.
bool(true)
bool(true)
1,2,3 | 4,5,6 | 7
failed: 4, left: 0
string(6) "done 9"
RuntimeException: four is bad
9 | 4
NoProcess must implement process()
