<?php
/*
 * The AMQP transport's publishing against Symfony 5.4's AMQP transport (php-amqp), on one broker:
 * N messages sent one by one, each waiting for its publisher confirm (ours by default: confirms
 * on, confirm_timeout 5 s; Symfony's with confirm_timeout=5, without which it does not wait); for
 * ours also dispatchAll() of N messages (all published, then the confirms awaited), best of 5.
 * Each side has its own exchange and queue (bench_SIDE), deleted before and after; the queue is
 * purged before each dispatchAll (our setup() declares once per connection: after a delete it
 * would not declare again).
 * Usage: php -d extension=amqp amqp.php SIDE N     SIDE: messenger | symfony
 * The broker is scripts/db.sh's (MESSENGER_AMQP_DSN). Prints one JSON line; entry_bytes is the
 * body of one message as it sits in the queue, for the raw probe to publish the same.
 */
require __DIR__ . '/transport.inc';

[$self, $side, $n] = $argv + [null, 'messenger', 10000];
$n = (int) $n;
$dsn = getenv('MESSENGER_AMQP_DSN') ?: 'amqp://messenger:s3cret-pw@127.0.0.1:55672/messenger';
$name = "bench_$side";
$result = ['side' => $side, 'n' => $n];

/* a look at the broker independent of either transport: ext-amqp */
$u = parse_url($dsn);
$connection = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => urldecode(ltrim($u['path'], '/')),
    'login' => urldecode($u['user']), 'password' => urldecode($u['pass'])]);
$connection->connect();
$channel = new AMQPChannel($connection);
$drop = function () use ($channel, $name) {
    $q = new AMQPQueue($channel);
    $q->setName($name);
    $q->delete();
    $x = new AMQPExchange($channel);
    $x->setName($name);
    $x->delete();
};
$purge = function () use ($channel, $name) {
    $q = new AMQPQueue($channel);
    $q->setName($name);
    $q->purge();
};
$ready = function () use ($channel, $name): int {
    $q = new AMQPQueue($channel);
    $q->setName($name);
    $q->setFlags(AMQP_PASSIVE);
    return $q->declareQueue();
};
$check = function (string $what) use ($ready, $n, $side) {
    if (($count = $ready()) !== $n) {
        fwrite(STDERR, "$side: $what left $count messages in the queue, not $n\n");
        exit(1);
    }
};
$drop();

if ($side === 'symfony') {
    foreach (['Messenger', 'Messenger/Bridge/Amqp'] as $c) {
        require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
    }
    $transport = new Symfony\Component\Messenger\Bridge\Amqp\Transport\AmqpTransport(
        Symfony\Component\Messenger\Bridge\Amqp\Transport\Connection::fromDsn("$dsn/$name?confirm_timeout=5"),
        new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer());
    $transport->setup();
    $result['send_per_s'] = per_second($n, function () use ($transport, $n) {
        for ($i = 0; $i < $n; $i++) {
            $transport->send(new Symfony\Component\Messenger\Envelope(new OrderPlaced($i, 'ada@example.com', 9.5)));
        }
    });
    $check('send');
} else {
    $m = new Messenger\Messenger([
        'transports' => ['async' => "$dsn/$name"],
        'routing' => [OrderPlaced::class => 'async'],
    ]);
    $transport = $m->transport('async');
    $transport->setup();
    $result['send_per_s'] = per_second($n, function () use ($transport, $n) {
        for ($i = 0; $i < $n; $i++) {
            $transport->send(new Messenger\Envelope(new OrderPlaced($i, 'ada@example.com', 9.5)));
        }
    });
    $check('send');
    $messages = [];
    for ($i = 0; $i < $n; $i++) {
        $messages[] = new OrderPlaced($i, 'ada@example.com', 9.5);
    }
    // best of 5, the queue emptied before each
    $result['dispatch_all_per_s'] = 0;
    for ($round = 0; $round < 5; $round++) {
        $purge();
        $result['dispatch_all_per_s'] = max($result['dispatch_all_per_s'], per_second($n, fn() => $m->dispatchAll($messages)));
        $check('dispatchAll');
    }
    $q = new AMQPQueue($channel);
    $q->setName($name);
    $result['entry_bytes'] = strlen($q->get(AMQP_AUTOACK)->getBody());
}
$drop();
echo json_encode($result), "\n";
