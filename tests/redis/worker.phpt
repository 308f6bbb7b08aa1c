--TEST--
The worker on Redis streams: messages handled and deleted, retries go through the delayed set with their RedeliveryStamp, the failure transport is a Redis stream that messenger:failed:show/retry/remove work on, stats count the stream, an unreadable entry goes to the failure transport and the worker goes on
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
final class Ping { public function __construct(public int $n) {} }
$raw = new App\Redis\Raw();
$async = App\Redis\stream('wasync');
$failed = App\Redis\stream('wfailed');
$raw('DEL', $async, "{$async}__queue", $failed, "{$failed}__queue");
$dsn = App\Redis\dsn();
$log = [];
$fixed = false;
$m = new Messenger\Messenger([
    'transports' => [
        'async' => ['dsn' => "$dsn/$async/workers/w1", 'options' => ['get_batch_size' => 10],
                    'retry_strategy' => ['max_retries' => 2, 'delay' => 100, 'multiplier' => 1, 'jitter' => 0]],
        'failed' => "$dsn/$failed/workers/w1",
    ],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => function (Ping $p) use (&$fixed) {
        if ($p->n === 3 && !$fixed) {
            throw new RuntimeException('three fails');
        }
    }],
    'listeners' => ['received' => function (array $context) use (&$log) {
        $e = $context['envelope'];
        $message = $e->getMessage();
        $retry = $e->last(Messenger\Stamp\RedeliveryStamp::class)?->getRetryCount() ?? 0;
        $log[] = ($message instanceof Ping ? $message->n : 'undecodable') . "#$retry";
    }],
]);
foreach (range(1, 4) as $n) {
    $m->dispatch(new Ping($n));
}
$raw('XADD', $async, '*', 'message', 'garbage from somewhere');
$console = new Messenger\Console($m);
$run = function (array $args) use ($console): int {
    ob_start();
    $code = $console->run(array_merge(['bin/console'], $args));
    echo preg_replace(['/\d{13,}-\d+/', '/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/'], ['ID', 'DATE'], ob_get_clean());
    return $code;
};
$run(['messenger:stats', '--format=json']);
echo "\n";
// 4 messages, 3 failing twice more (100 ms apart), the garbage entry: 7 deliveries
$started = microtime(true);
$code = $m->worker(['async'])->run(['limit' => 7, 'sleep' => 0.05, 'time_limit' => 10]);
echo 'stopped by its limit: ', var_export(microtime(true) - $started < 5, true), "\n";
echo "worker: $code, ", implode(' ', $log), "\n";
echo 'async left: ', $raw('XLEN', $async), ' entries, ', $raw('ZCARD', "{$async}__queue"), ' delayed, ', $raw('XPENDING', $async, 'workers')[0], " pending\n";
echo 'failed holds: ', $raw('XLEN', $failed), "\n";
$run(['messenger:failed:show', '--stats']);
// the garbage failed first (it was read before the retries of 3 were due)
[[$garbage], [$three]] = $raw('XRANGE', $failed, '-', '+');
$code = $run(['messenger:failed:show', $three, '-vv']);
echo "show one: $code\n";
$fixed = true;
$log = [];
$code = $run(['messenger:failed:retry', $three, '--force']);
echo "retry: $code, handled: ", implode(' ', $log), "\n";
$code = $run(['messenger:failed:remove', $garbage, '--force']);
echo "remove: $code, failed holds: ", $raw('XLEN', $failed), "\n";
$raw('DEL', $async, "{$async}__queue", $failed, "{$failed}__queue");
?>
--EXPECT--
{
    "transports": {
        "async": {
            "count": 5
        },
        "failed": {
            "count": 0
        }
    },
    "uncountable_transports": []
}

stopped by its limit: true
worker: 0, 1#0 2#0 3#0 4#0 undecodable#0 3#1 3#2
async left: 0 entries, 0 delayed, 0 pending
failed holds: 2
 Class                                                 Count
 Messenger\Transport\Serialization\UndecodableMessage  1
 Ping                                                  1

 Id:            ID
 Class:         Ping
 From:          async
 Failed at:     DATE
 Error:         three fails
 Error class:   RuntimeException
 Error code:    0
 Failures:      3

 Message:
 Ping Object
 (
     [n] => 3
 )

show one: 0
[OK] Message ID retried and handled.
1 retried, 0 failed again.
retry: 0, handled: 3#0
[OK] 1 message removed.
remove: 0, failed holds: 0