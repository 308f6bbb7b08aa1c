<?php
/*
 * The Redis streams transport against Symfony 5.4's Redis transport (phpredis), on one server:
 * send N messages one by one, then consume them (get + ack until the stream is empty); for ours
 * also dispatchAll() of N messages (one pipelined round trip).
 * Usage: php redis.php SIDE N     SIDE: messenger | symfony
 * The server is scripts/db.sh's (MESSENGER_REDIS_DSN). Prints one JSON line.
 */
require __DIR__ . '/transport.inc';

[$self, $side, $n] = $argv + [null, 'messenger', 10000];
$n = (int) $n;
$dsn = getenv('MESSENGER_REDIS_DSN') ?: 'redis://127.0.0.1:56379';
$stream = "bench_$side";
$result = ['side' => $side, 'n' => $n];
$url = parse_url($dsn);
$raw = stream_socket_client("tcp://{$url['host']}:{$url['port']}");
$del = fn() => fwrite($raw, "*3\r\n\$3\r\nDEL\r\n\$" . strlen($stream) . "\r\n$stream\r\n\$" . strlen("{$stream}__queue") . "\r\n{$stream}__queue\r\n") && fgets($raw);
$del();

if ($side === 'symfony') {
    foreach (['Messenger', 'Messenger/Bridge/Redis'] as $c) {
        require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
    }
    $transport = new Symfony\Component\Messenger\Bridge\Redis\Transport\RedisTransport(
        Symfony\Component\Messenger\Bridge\Redis\Transport\Connection::fromDsn("$dsn/$stream/group/consumer", ['delete_after_ack' => true]),
        new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer());
    $transport->setup();
    [$result['send_per_s'], $result['consume_per_s'], $handled] = send_then_consume($transport, $n,
        fn(int $i) => new Symfony\Component\Messenger\Envelope(new OrderPlaced($i, 'ada@example.com', 9.5)));
} else {
    $m = new Messenger\Messenger([
        'transports' => ['async' => ['dsn' => "$dsn/$stream/group/consumer", 'options' => ['get_batch_size' => 50]]],
        'routing' => [OrderPlaced::class => 'async'],
    ]);
    $transport = $m->transport('async');
    $transport->setup();
    [$result['send_per_s'], $result['consume_per_s'], $handled] = send_then_consume($transport, $n,
        fn(int $i) => new Messenger\Envelope(new OrderPlaced($i, 'ada@example.com', 9.5)));
    $messages = [];
    for ($i = 0; $i < $n; $i++) {
        $messages[] = new OrderPlaced($i, 'ada@example.com', 9.5);
    }
    // best of 5, the stream emptied before each
    $result['dispatch_all_per_s'] = 0;
    for ($round = 0; $round < 5; $round++) {
        $del();
        $transport->setup();
        $result['dispatch_all_per_s'] = max($result['dispatch_all_per_s'], per_second($n, fn() => $m->dispatchAll($messages)));
    }
    // the size of one stream entry's message field, for redis-benchmark's XADD of the same payload
    fwrite($raw, "*6\r\n\$6\r\nXRANGE\r\n\$" . strlen($stream) . "\r\n$stream\r\n\$1\r\n-\r\n\$1\r\n+\r\n\$5\r\nCOUNT\r\n\$1\r\n1\r\n");
    // *1 *2 $id id *2 $7 message $N value
    $lines = [];
    for ($i = 0; $i < 9; $i++) {
        $lines[] = fgets($raw);
    }
    $result['entry_bytes'] = (int) substr($lines[7], 1);
}
if ($handled !== $n) {
    fwrite(STDERR, "$side: consumed $handled of $n\n");
    exit(1);
}
$del();
echo json_encode($result), "\n";
