--TEST--
AmqpTransport with heartbeat=1: a handler that runs 4 s (far past two missed heartbeats) keeps its connection, because the worker answers heartbeats between the handler's opcodes; its acknowledgement lands and nothing is delivered again
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
final class Long { public function __construct(public int $n) {} }
$x = App\Amqp\name('hb');
App\Amqp\clean([$x], [$x]);
$handled = [];
$m = new Messenger\Messenger([
    'transports' => ['async' => App\Amqp\dsn() . "/$x?heartbeat=1"],
    'routing' => [Long::class => 'async'],
    'handlers' => [Long::class => function (Long $l) use (&$handled) {
        $handled[] = $l->n;
        for ($i = 0; $i < 40; $i++) {
            usleep(100000);
        }
    }],
    'listeners' => ['received' => function (array $c) use (&$redelivered) {
        $redelivered = $c['envelope']->last(Messenger\Bridge\Amqp\Transport\AmqpReceivedStamp::class)->isRedelivered();
    }],
]);
$m->dispatch(new Long(1));
$m->dispatch(new Long(2));
$code = $m->worker(['async'])->run(['limit' => 2, 'time_limit' => 30]);
echo "worker: $code, handled: ", implode(',', $handled), ', last redelivered: ', var_export($redelivered, true), "\n";
echo 'left in the queue: ', App\Amqp\ready($x), "\n";
$m = null;
App\Amqp\clean([$x], [$x]);
?>
--EXPECT--
worker: 0, handled: 1,2, last redelivered: false
left in the queue: 0
