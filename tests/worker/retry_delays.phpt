--TEST--
retry_strategy 'delays': a whole schedule of waits (its length is max_retries unless max_retries says more: the last wait repeats), then the failure transport; its bad forms refused with the option named; RecoverableMessageHandlingException's retryDelay (Symfony 7.2) is the least wait of its retry, and such a message is retried beyond max_retries
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job { public function __construct(public string $kind) {} }
$delays = [];
$calls = ['fail' => 0, 'later' => 0];
$m = new Messenger\Messenger([
    'transports' => [
        'sched' => ['dsn' => 'in-memory://', 'retry_strategy' => ['delays' => [10, 30, 5]]],
        'longer' => ['dsn' => 'in-memory://', 'retry_strategy' => ['delays' => [10, 20], 'max_retries' => 4]],
        'rec' => ['dsn' => 'in-memory://', 'retry_strategy' => ['delay' => 10, 'max_retries' => 1]],
        'failed' => 'in-memory://',
    ],
    'failure_transport' => 'failed',
    'handlers' => [Job::class => function (Job $j) use (&$calls) {
        if ($j->kind === 'later') {
            if (++$calls['later'] <= 3) {
                throw new Messenger\Exception\RecoverableMessageHandlingException('not yet', 0, null, 150);
            }
            return 'done';
        }
        $calls['fail']++;
        throw new RuntimeException('always');
    }],
    'listeners' => ['retrying' => function (array $e) use (&$delays) { $delays[] = $e['delay']; }],
]);
foreach (['sched' => 4, 'longer' => 5] as $t => $n) {
    $delays = [];
    $m->dispatch(new Messenger\Envelope(new Job('fail'), [new Messenger\Stamp\TransportNamesStamp([$t])]));
    $m->worker([$t])->run(['limit' => $n, 'sleep' => 0]);
    echo "$t: waits ", implode(',', $delays), ', then the failure transport: ', count($m->transport('failed')->getSent()), "\n";
}
$delays = [];
$m->dispatch(new Messenger\Envelope(new Job('later'), [new Messenger\Stamp\TransportNamesStamp(['rec'])]));
$start = hrtime(true);
$m->worker(['rec'])->run(['limit' => 4, 'sleep' => 0]);
$ms = (hrtime(true) - $start) / 1e6;
echo 'recoverable with retryDelay 150 (strategy 10, max_retries 1): waits ', implode(',', $delays), ', handled after ', $calls['later'], ' calls, took at least 450 ms: ', var_export($ms >= 450, true), ', failed: ', count($m->transport('failed')->getSent()), "\n";

$e = new Messenger\Exception\RecoverableMessageHandlingException('later', 3, null, 1500);
echo 'getRetryDelay: ', var_export($e->getRetryDelay(), true), ', code ', $e->getCode(), ', without: ', var_export((new Messenger\Exception\RecoverableMessageHandlingException('x'))->getRetryDelay(), true), "\n";
try { new Messenger\Exception\RecoverableMessageHandlingException('x', 0, null, -5); } catch (Throwable $t) { echo get_class($t), ': ', $t->getMessage(), "\n"; }

echo "-- bad schedules\n";
foreach ([
    ['delays' => []], ['delays' => [100, -1]], ['delays' => 'x'], ['delays' => [1.5]], ['delays' => array_fill(0, 33, 1)], ['delays' => ['a' => 1]],
    ['delays' => [100], 'delay' => 5], ['delays' => [100], 'multiplier' => 2], ['delays' => [100], 'jitter' => 0.1], ['delays' => [100], 'max_delay' => 1000],
] as $rs) {
    try {
        (new Messenger\Messenger(['transports' => ['t' => ['dsn' => 'in-memory://', 'retry_strategy' => $rs]]]))->transport('t');
        echo json_encode($rs), ": no exception\n";
    } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
sched: waits 10,30,5, then the failure transport: 1
longer: waits 10,20,20,20, then the failure transport: 2
recoverable with retryDelay 150 (strategy 10, max_retries 1): waits 150,150,150, handled after 4 calls, took at least 450 ms: true, failed: 2
getRetryDelay: 1500, code 3, without: NULL
ValueError: Messenger\Exception\RecoverableMessageHandlingException::__construct(): Argument #4 ($retryDelay) must be null or a number of milliseconds >= 0
-- bad schedules
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" must be a list of 1 to 32 waits in ms
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: delays must be 0 or more each
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" must be a list of 1 to 32 waits in ms
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" must be integers (ms), float given
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" must be a list of 1 to 32 waits in ms
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" must be a list of 1 to 32 waits in ms
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" is a whole schedule: "delay" cannot go with it
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" is a whole schedule: "multiplier" cannot go with it
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" is a whole schedule: "jitter" cannot go with it
Messenger\Exception\InvalidArgumentException: transports["t"]["retry_strategy"]: "delays" is a whole schedule: "max_delay" cannot go with it
