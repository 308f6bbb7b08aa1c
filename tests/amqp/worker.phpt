--TEST--
The worker on RabbitMQ: messages handled and acknowledged, retries through Symfony's _retry delay queue back to the queue they failed in, past max_retries to a failure transport (an SQLite table) that failed:show/retry work on, a body nobody can decode goes there too and the worker goes on; stats count the queue; an idle worker is woken by a message pushed to it, not by the end of its --sleep
--EXTENSIONS--
messenger
amqp
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
final class Ping { public function __construct(public int $n) {} }
$x = App\Amqp\name('wasync');
App\Amqp\clean([$x, "delay_{$x}_{$x}_100_retry"], [$x]);
$dir = sys_get_temp_dir() . '/messenger-amqp-worker-' . getmypid();
@mkdir($dir);
@unlink("$dir/failed.sqlite");
$log = [];
$fixed = false;
$handled_at = null;
$m = new Messenger\Messenger([
    'connections' => ['db' => "sqlite:$dir/failed.sqlite"],
    'transports' => [
        'async' => ['dsn' => App\Amqp\dsn() . "/$x", 'retry_strategy' => ['max_retries' => 2, 'delay' => 100, 'multiplier' => 1, 'jitter' => 0]],
        'failed' => 'doctrine://db?queue_name=failed',
    ],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => function (Ping $p) use (&$fixed, &$handled_at) {
        if ($p->n === 3 && !$fixed) {
            throw new RuntimeException('three fails');
        }
        if ($p->n === 99) {
            $handled_at = microtime(true);
        }
    }],
    'listeners' => ['received' => function (array $context) use (&$log) {
        $e = $context['envelope'];
        $message = $e->getMessage();
        $retry = $e->last(Messenger\Stamp\RedeliveryStamp::class)?->getRetryCount() ?? 0;
        $log[] = ($message instanceof Ping ? $message->n : 'undecodable') . "#$retry";
    }],
]);
$console = new Messenger\Console($m);
$run = function (array $args) use ($console): int {
    ob_start();
    $code = $console->run(array_merge(['bin/console'], $args));
    echo preg_replace(['/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/'], ['DATE'], ob_get_clean());
    return $code;
};
$run(['messenger:setup-transports']);
foreach (range(1, 4) as $n) {
    $m->dispatch(new Ping($n));
}
$e = new AMQPExchange(App\Amqp\channel());
$e->setName($x);
$e->publish('garbage from somewhere', '', AMQP_NOPARAM, ['delivery_mode' => 2]);
for ($i = 0; $i < 100 && App\Amqp\ready($x) < 5; $i++) {
    usleep(10000);
}
$run(['messenger:stats', '--format=json']);
echo "\n";
// 4 messages, 3 failing twice more (100 ms apart), the garbage: 7 deliveries
$code = $m->worker(['async'])->run(['limit' => 7, 'sleep' => 0.05, 'time_limit' => 10]);
sort($log);
echo "worker: $code, ", implode(' ', $log), "\n";
echo 'queue left: ', App\Amqp\ready($x), ', retry queue: ', App\Amqp\ready("delay_{$x}_{$x}_100_retry"), "\n";
$run(['messenger:failed:show', '--stats']);
$fixed = true;
$log = [];
$ids = array_map(fn($e) => $e->last(Messenger\Stamp\TransportMessageIdStamp::class)->getId(), iterator_to_array($m->transport('failed')->all()));
foreach ($ids as $id) {
    $run(['messenger:failed:retry', (string) $id, '--force']);
}
echo 'retried: ', implode(' ', $log), ', failed left: ', $m->transport('failed')->getMessageCount(), "\n";

echo "-- woken by a push\n";
$dispatched_at = null;
$m2 = new Messenger\Messenger([
    'transports' => ['async' => App\Amqp\dsn() . "/$x"],
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => function (Ping $p) use (&$handled_at) { $handled_at = microtime(true); }],
    'listeners' => ['idle' => function () use (&$m2, &$dispatched_at) {
        if ($dispatched_at === null) {
            $dispatched_at = microtime(true);
            $m2->dispatch(new Ping(99));
        }
    }],
]);
// idle, the worker naps 5 s between reads; the message pushed while it naps ends the nap
$m2->worker(['async'])->run(['limit' => 1, 'sleep' => 5, 'time_limit' => 20]);
$m2 = null; // its listener holds it: no cycle left for the end of the request
echo 'handled within 2 s of its dispatch: ', var_export($handled_at !== null && $handled_at - $dispatched_at < 2, true), "\n";
App\Amqp\clean([$x, "delay_{$x}_{$x}_100_retry"], [$x]);
@unlink("$dir/failed.sqlite");
@rmdir($dir);
?>
--EXPECT--
The "async" transport was set up successfully.
The "failed" transport was set up successfully.
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

worker: 0, 1#0 2#0 3#0 3#1 3#2 4#0 undecodable#0
queue left: 0, retry queue: 0
 Class                                                 Count
 Messenger\Transport\Serialization\UndecodableMessage  1
 Ping                                                  1
[WARNING] Message 1 failed again.
0 retried, 1 failed again.
[OK] Message 2 retried and handled.
1 retried, 0 failed again.
retried: undecodable#0 3#0, failed left: 1
-- woken by a push
handled within 2 s of its dispatch: true
