--TEST--
An AMQP failure transport: messages that failed land in its queue; messenger:failed:retry receives and retries what it holds (the queue cannot be listed, as Symfony's: failed:show and failed:remove say so, and so does failed:retry given ids); a body it cannot decode stays in the queue; failed again goes back through the failure transport
--EXTENSIONS--
messenger
amqp
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
final class Ping { public function __construct(public int $n) {} }
$x = App\Amqp\name('fmain');
$f = App\Amqp\name('ffailed');
App\Amqp\clean([$x, $f], [$x, $f]);
$broken = [2, 3];
$m = new Messenger\Messenger([
    'transports' => [
        'async' => ['dsn' => App\Amqp\dsn() . "/$x", 'retry_strategy' => ['max_retries' => 0]],
        'failed' => App\Amqp\dsn() . "/$f",
    ],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => function (Ping $p) use (&$broken) {
        if (in_array($p->n, $broken, true)) {
            throw new RuntimeException("$p->n is broken");
        }
        echo "handled $p->n\n";
    }],
]);
$console = new Messenger\Console($m);
$run = function (array $args) use ($console): int {
    ob_start();
    $code = $console->run(array_merge(['bin/console'], $args));
    echo ob_get_clean();
    return $code;
};
$run(['messenger:setup-transports']);
// a body nobody can decode first in the failure queue: held (it stays), the rest is retried
$e = new AMQPExchange(App\Amqp\channel());
$e->setName($f);
$e->publish('garbage', '', AMQP_NOPARAM, ['delivery_mode' => 2]);
for ($i = 0; $i < 200 && App\Amqp\ready($f) < 1; $i++) {
    usleep(10000);
}
foreach ([1, 2, 3] as $n) {
    $m->dispatch(new Ping($n));
}
$m->worker(['async'])->run(['limit' => 3, 'time_limit' => 10]);
for ($i = 0; $i < 200 && App\Amqp\ready($f) < 3; $i++) {
    usleep(10000);
}
echo 'in the failure queue: ', App\Amqp\ready($f), "\n";
foreach ([['messenger:failed:show'], ['messenger:failed:remove', '1', '--force'], ['messenger:failed:retry', '1', '--force']] as $args) {
    echo implode(' ', $args), ': exit ', $run($args), "\n";
}
$broken = [3];
$code = $run(['messenger:failed:retry', '--force']);
echo "retry: exit $code\n";
for ($i = 0; $i < 200 && App\Amqp\ready($f) < 2; $i++) {
    usleep(10000);
}
echo 'in the failure queue now: ', App\Amqp\ready($f), ' (3 failed again, the garbage stayed)', "\n";
$m = $console = null;
App\Amqp\clean([$x, $f], [$x, $f]);
?>
--EXPECTF--
The "async" transport was set up successfully.
The "failed" transport was set up successfully.
handled 1
in the failure queue: 3
messenger:failed:show: exit The "failed" transport cannot list its messages (Messenger\Transport\Receiver\ListableReceiverInterface).
1
messenger:failed:remove 1 --force: exit The "failed" transport cannot list its messages (Messenger\Transport\Receiver\ListableReceiverInterface).
1
messenger:failed:retry 1 --force: exit The "failed" transport cannot list its messages (Messenger\Transport\Receiver\ListableReceiverInterface).
1
[WARNING] Message - cannot be retried: the failure transport cannot decode it and it names no original transport; it stays.
handled 2
[OK] Message - retried and handled.
[WARNING] Message - failed again.
1 retried, 2 failed again.
retry: exit 0
in the failure queue now: 2 (3 failed again, the garbage stayed)
