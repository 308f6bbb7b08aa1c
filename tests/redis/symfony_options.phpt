--TEST--
Redis: the options of Symfony's manual that were refused before: persistent_id keeps pooled connections apart by id (a private server counts them), retry_interval pauses before connecting again after a lost connection, timeout and read_timeout in seconds (0: unlimited, as phpredis) with a server that stalls, and Symfony 7's ssl array (PHP's context keys, from the options or the DSN) to the TLS server; bad ssl keys and values are refused
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
final class Job { public function __construct(public int $n) {} }
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$transport = fn(string $dsn, array $options = []) => new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, $options, $serializer);

$server = new App\Redis\Server();
$server->start(['--enable-debug-command', 'local']);
$raw = new App\Redis\Raw("redis://127.0.0.1:{$server->port}");
$clients = fn() => (int) preg_replace('/.*connected_clients:(\d+).*/s', '$1', $raw('INFO', 'clients')) - 1; // less our own
$dsn = "redis://127.0.0.1:{$server->port}/jobs";

echo "-- persistent_id\n";
$a = $transport($dsn, ['persistent_id' => 'a']);
$a->getMessageCount();
unset($a); // its connection goes back to the pool
echo 'after a: ', $clients(), "\n";
$a2 = $transport($dsn, ['persistent_id' => 'a']);
$a2->getMessageCount();
echo 'a again (the pooled one): ', $clients(), "\n";
unset($a2); // pooled again
$b = $transport($dsn, ['persistent_id' => 'b']);
$b->getMessageCount();
echo 'b (another id: not the pooled one of a): ', $clients(), "\n";
unset($b);

echo "-- retry_interval\n";
$t = $transport($dsn, ['retry_interval' => 400]);
$t->send(new Messenger\Envelope(new Job(1)));
$raw('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
$start = hrtime(true);
$t->send(new Messenger\Envelope(new Job(2)));
echo 'the send after the server closed the connection waited 400 ms first: ', (hrtime(true) - $start) / 1e6 >= 400 ? 'yes' : 'no', "\n";
$start = hrtime(true);
$t->send(new Messenger\Envelope(new Job(3)));
echo 'the next one did not: ', (hrtime(true) - $start) / 1e6 < 400 ? 'yes' : 'no', "\n";
echo 'count: ', $t->getMessageCount(), "\n";

echo "-- read_timeout and timeout\n";
$slow = $transport("$dsn?read_timeout=0.3&timeout=0.5");
$slow->getMessageCount();
$stall = proc_open(['redis-cli', '-p', (string) $server->port, 'DEBUG', 'SLEEP', '1.5'], [1 => ['file', '/dev/null', 'w']], $pipes);
usleep(200000);
try {
    $slow->getMessageCount();
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', preg_replace('/:\d+/', ':PORT', $e->getMessage()), "\n";
}
proc_close($stall);
$unlimited = $transport("$dsn?read_timeout=0&timeout=0");
$stall = proc_open(['redis-cli', '-p', (string) $server->port, 'DEBUG', 'SLEEP', '1'], [1 => ['file', '/dev/null', 'w']], $pipes);
usleep(200000);
echo 'read_timeout=0 waits the stall out: count ', $unlimited->getMessageCount(), "\n";
proc_close($stall);
foreach (['timeout=soon', 'read_timeout=-1'] as $q) {
    try {
        $transport("$dsn?$q");
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "-- ssl (Symfony 7)\n";
$tls = getenv('MESSENGER_REDIS_TLS_DIR');
$tlsDsn = getenv('MESSENGER_REDIS_TLS_DSN') . '/jobs_' . getmypid();
$ssl = ['cafile' => "$tls/ca.pem", 'local_cert' => "$tls/client.pem", 'local_pk' => "$tls/client.key"];
$cases = [
    'the options array' => [$tlsDsn, ['ssl' => $ssl]],
    'the DSN' => ["$tlsDsn?ssl[cafile]=" . rawurlencode("$tls/ca.pem") . '&ssl[local_cert]=' . rawurlencode("$tls/client.pem") . '&ssl[local_pk]=' . rawurlencode("$tls/client.key"), []],
    'peer_name the certificate holds' => [$tlsDsn, ['ssl' => $ssl + ['peer_name' => 'localhost']]],
    'another peer_name' => [$tlsDsn, ['ssl' => $ssl + ['peer_name' => 'redis.example']]],
    'another peer_name, verify_peer_name off' => [$tlsDsn, ['ssl' => $ssl + ['peer_name' => 'redis.example', 'verify_peer_name' => false]]],
    'no CA: the system\'s do not know it' => [$tlsDsn, ['ssl' => ['local_cert' => "$tls/client.pem", 'local_pk' => "$tls/client.key"]]],
    'no CA, verify_peer off ("0" as Symfony\'s DSN gives it)' => [$tlsDsn, ['ssl' => ['local_cert' => "$tls/client.pem", 'local_pk' => "$tls/client.key", 'verify_peer' => '0']]],
    'no client certificate' => [$tlsDsn, ['ssl' => ['cafile' => "$tls/ca.pem"]]],
];
foreach ($cases as $name => [$d, $options]) {
    try {
        $t = $transport($d, $options);
        $t->send(new Messenger\Envelope(new Job(1)));
        echo "$name: sent, count ", $t->getMessageCount(), "\n";
        foreach ($t->get() as $e) {
            $t->ack($e);
        }
    } catch (Messenger\Exception\TransportException $e) {
        // without a client certificate, TLS 1.3 hears the server's refusal on the first read or write after the handshake
        $m = preg_replace(['/:\d+/', '/error:[0-9A-F]+:SSL routines::/', '/(reading|writing) failed: (.*certificate required|the TLS handshake failed).*/'],
            [':PORT', 'error:SSL routines::', 'the server refused the TLS session'], $e->getMessage());
        echo "$name: ", str_contains($m, 'refused the TLS session') ? 'a TransportException' : get_class($e), ': ', $m, "\n";
    }
}
foreach ([['ssl' => ['ciphers' => 'HIGH']], ['ssl' => ['cafile' => ['x']]], ['ssl' => ['verify_peer' => 'perhaps']]] as $options) {
    try {
        $transport($tlsDsn, $options);
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
-- persistent_id
after a: 1
a again (the pooled one): 1
b (another id: not the pooled one of a): 2
-- retry_interval
the send after the server closed the connection waited 400 ms first: yes
the next one did not: yes
count: 3
-- read_timeout and timeout
Messenger\Exception\TransportException: Redis at 127.0.0.1:PORT: reading timed out
read_timeout=0 waits the stall out: count 3
Messenger\Exception\InvalidArgumentException: The Redis option "timeout" must be a number of seconds, "soon" given
Messenger\Exception\InvalidArgumentException: The Redis option "read_timeout" must be a number of seconds, "-1" given
-- ssl (Symfony 7)
the options array: sent, count 1
the DSN: sent, count 1
peer_name the certificate holds: sent, count 1
another peer_name: Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:PORT (TLS): TLS: the server's certificate is not trusted: hostname mismatch
another peer_name, verify_peer_name off: sent, count 1
no CA: the system's do not know it: Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:PORT (TLS): TLS: the server's certificate is not trusted: self-signed certificate in certificate chain
no CA, verify_peer off ("0" as Symfony's DSN gives it): sent, count 1
no client certificate: a TransportException: Redis at 127.0.0.1:PORT (TLS): the server refused the TLS session
Messenger\Exception\InvalidArgumentException: The Redis ssl option "ciphers" is not supported (known: cafile, capath, local_cert, local_pk, verify_peer, verify_peer_name, peer_name)
Messenger\Exception\InvalidArgumentException: The Redis option "ssl" must map PHP's ssl context keys to strings or booleans
Messenger\Exception\InvalidArgumentException: The Redis option "ssl[verify_peer]" must be a boolean, "perhaps" given
