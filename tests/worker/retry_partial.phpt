--TEST--
Worker: when one of two handlers fails, the retry carries the HandledStamp of the one that succeeded (from the HandlerFailedException's envelope, as Symfony), so it is not run again, on the in-memory and the SQLite table transport (PHP and JSON formats; a result that is not a scalar is left out of the stamp) and into the failure transport; handlers that share a name (closures) all run again; a failure outside the handlers retries the envelope as received
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Middleware\{MiddlewareInterface, StackInterface};
use Messenger\Stamp\{HandledStamp, ReceivedStamp, RedeliveryStamp, SentToFailureTransportStamp};

final class Job { public function __construct(public string $name) {} }
final class A { public int $runs = 0; public function __invoke(Job $j) { $this->runs++; return "a:{$j->name}"; } }
final class B {
    public int $runs = 0;
    public function __construct(public int $failures) {}
    public function __invoke(Job $j) {
        if (++$this->runs <= $this->failures) {
            throw new RuntimeException("b fails #{$this->runs}");
        }
        return "b:{$j->name}";
    }
}
final class C { public function __invoke(Job $j) { return fn() => $j->name; } }
final class D { public function __invoke(Job $j) { return new Result($j->name); } }
final class Result { public function __construct(public string $of) {} }
final class FailsOnce implements MiddlewareInterface {
    public int $calls = 0;
    public function handle(Envelope $envelope, StackInterface $stack): Envelope {
        if ($envelope->last(ReceivedStamp::class) && ++$this->calls === 1) {
            throw new LogicException('middleware fails once');
        }
        return $stack->next()->handle($envelope, $stack);
    }
}

function handled(Envelope $e): string {
    return implode(',', array_map(fn(HandledStamp $s) => $s->getHandlerName() . '=' . var_export($s->getResult(), true), $e->all(HandledStamp::class))) ?: '-';
}

$file = sys_get_temp_dir() . '/messenger-retry-partial-' . getmypid() . '.sqlite';
@unlink($file);
foreach (['in-memory://', 'doctrine://main'] as $dsn) {
    echo "-- $dsn\n";
    $a = new A;
    $b = new B(1);
    $m = new Messenger\Messenger([
        'connections' => ['main' => 'sqlite:' . $file],
        'transports' => ['async' => ['dsn' => $dsn, 'retry_strategy' => ['max_retries' => 3, 'delay' => 0, 'jitter' => 0]]],
        'routing' => [Job::class => 'async'],
        'handlers' => [Job::class => [$a, $b]],
    ]);
    $w = $m->worker(['async']);
    $w->on('failed', function (array $e) {
        echo 'failed: ', $e['error']->getMessage(), '; its envelope: handled ', handled($e['envelope']), ', will retry ', var_export($e['will_retry'], true), "\n";
    });
    $w->on('handled', function (array $e) {
        echo 'handled: ', handled($e['envelope']), ', retry #', $e['envelope']->last(RedeliveryStamp::class)?->getRetryCount(), "\n";
    });
    $m->dispatch(new Job('j1'));
    $w->run(['limit' => 2, 'sleep' => 0]);
    echo "A ran {$a->runs}, B ran {$b->runs}, left ", $m->transport('async')->getMessageCount(), "\n";
}

echo "-- results that cannot travel (a closure; a class the serializer does not allow) stay out of the retry\n";
foreach (['php', 'json'] as $serializer) {
    $a = new A;
    $b = new B(1);
    $m = new Messenger\Messenger([
        'connections' => ['main' => 'sqlite:' . $file],
        'transports' => ['async' => ['dsn' => 'doctrine://main', 'serializer' => $serializer, 'retry_strategy' => ['max_retries' => 3, 'delay' => 0, 'jitter' => 0]]],
        'routing' => [Job::class => 'async'],
        'handlers' => [Job::class => [$a, new C, new D, $b]],
    ]);
    $w = $m->worker(['async']);
    $w->on('handled', function (array $e) use ($serializer) {
        echo "$serializer handled: ", handled($e['envelope']), "\n";
    });
    $m->dispatch(new Job('j4'));
    $w->run(['limit' => 2, 'sleep' => 0]);
    echo "A ran {$a->runs}, B ran {$b->runs}, left ", $m->transport('async')->getMessageCount(), "\n";
}
@unlink($file);

echo "-- a handler that keeps failing: the failure transport gets what succeeded\n";
$a = new A;
$m = new Messenger\Messenger([
    'transports' => ['async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 1, 'delay' => 0, 'jitter' => 0]], 'failed' => 'in-memory://'],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => [$a, new B(99)]],
]);
$m->dispatch(new Job('j2'));
$m->worker(['async'])->run(['limit' => 2, 'sleep' => 0]);
$parked = $m->transport('failed')->getSent();
echo count($parked), ' parked: handled ', handled($parked[0]), ', from ', $parked[0]->last(SentToFailureTransportStamp::class)->getOriginalReceiverName(), "; A ran {$a->runs}\n";

echo "-- two closures are both named Closure: a HandledStamp cannot tell them apart, so both run again\n";
$runs = ['first' => 0, 'second' => 0];
$m = new Messenger\Messenger([
    'transports' => ['async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 3, 'delay' => 0, 'jitter' => 0]]],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => [
        function (Job $j) use (&$runs) { $runs['first']++; return 'first'; },
        function (Job $j) use (&$runs) { if (++$runs['second'] === 1) { throw new RuntimeException('second fails once'); } return 'second'; },
    ]],
]);
$m->dispatch(new Job('j5'));
$w = $m->worker(['async']);
$w->on('handled', fn(array $e) => print('handled: ' . handled($e['envelope']) . "\n"));
$w->run(['limit' => 2, 'sleep' => 0]);
echo "first ran {$runs['first']}, second ran {$runs['second']}\n";

echo "-- a failure outside the handlers: retried as received\n";
$a = new A;
$mw = new FailsOnce;
$m = new Messenger\Messenger([
    'buses' => ['messenger.bus.default' => ['middleware' => [$mw]]],
    'transports' => ['async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 3, 'delay' => 0, 'jitter' => 0]]],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => [$a]],
]);
$m->dispatch(new Job('j3'));
$w = $m->worker(['async']);
$w->on('failed', function (array $e) {
    echo 'failed: ', $e['error']::class, ' ', $e['error']->getMessage(), '; received from ', $e['envelope']->last(ReceivedStamp::class)->getTransportName(), ', handled ', handled($e['envelope']), "\n";
});
$w->run(['limit' => 2, 'sleep' => 0]);
echo "A ran {$a->runs}, middleware called {$mw->calls} times\n";
?>
--EXPECT--
-- in-memory://
failed: Handling "Job" failed: b fails #1; its envelope: handled A::__invoke='a:j1', will retry true
handled: A::__invoke='a:j1',B::__invoke='b:j1', retry #1
A ran 1, B ran 2, left 0
-- doctrine://main
failed: Handling "Job" failed: b fails #1; its envelope: handled A::__invoke='a:j1', will retry true
handled: A::__invoke='a:j1',B::__invoke='b:j1', retry #1
A ran 1, B ran 2, left 0
-- results that cannot travel (a closure; a class the serializer does not allow) stay out of the retry
php handled: A::__invoke='a:j4',C::__invoke=NULL,D::__invoke=NULL,B::__invoke='b:j4'
A ran 1, B ran 2, left 0
json handled: A::__invoke='a:j4',C::__invoke=NULL,D::__invoke=NULL,B::__invoke='b:j4'
A ran 1, B ran 2, left 0
-- a handler that keeps failing: the failure transport gets what succeeded
1 parked: handled A::__invoke='a:j2', from async; A ran 1
-- two closures are both named Closure: a HandledStamp cannot tell them apart, so both run again
handled: Closure='first',Closure='first',Closure='second'
first ran 2, second ran 2
-- a failure outside the handlers: retried as received
failed: LogicException middleware fails once; received from async, handled -
A ran 1, middleware called 2 times
