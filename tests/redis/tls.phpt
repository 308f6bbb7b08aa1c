--TEST--
Redis over TLS (rediss://): the server's certificate checked against cacert (and its name), a client certificate (cert, key), send/get/ack through TLS, a second transport reusing the pooled TLS connection (checked on the server); an untrusted server, a trusted certificate naming another host (by IP address and by name), a missing client certificate and unreadable files are clear TransportExceptions
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
final class Job { public function __construct(public string $name) {} }
$dsn = getenv('MESSENGER_REDIS_TLS_DSN');
$dir = getenv('MESSENGER_REDIS_TLS_DIR');
$stream = App\Redis\stream('tls');
$tls = ['cacert' => "$dir/ca.pem", 'cert' => "$dir/client.pem", 'key' => "$dir/client.key"];
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$show = function (callable $f) use ($dir) {
    try {
        $f();
        echo "no exception\n";
    } catch (Throwable $e) {
        // OpenSSL's error numbers left out
        echo get_class($e), ': ', preg_replace(['/error:[0-9A-F]+:/', '/:(?!56381)\d{4,5} \(TLS\)/'], ['error:', ':PORT (TLS)'], str_replace($dir, 'DIR', $e->getMessage())), "\n";
    }
};

// database 11 is this test's alone: its connections are the ones CLIENT LIST shows there
$raw = new App\Redis\Raw($dsn, ['cafile' => "$dir/ca.pem", 'local_cert' => "$dir/client.pem", 'local_pk' => "$dir/client.key"]);
$ours = function () use ($raw): array {
    preg_match_all('/^id=(\d+) .* db=11 /m', $raw('CLIENT', 'LIST', 'TYPE', 'normal'), $m);
    return $m[1];
};
$t = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream?dbindex=11", $tls, $serializer);
$t->send(new Messenger\Envelope(new Job('over TLS')));
$got = $t->get();
echo 'got: ', $got[0]->getMessage()->name, "\n";
$t->ack($got[0]);
echo 'count: ', $t->getMessageCount(), "\n";
$first = $ours();
unset($t);
$again = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream?dbindex=11", $tls, $serializer);
echo 'a second transport: count ', $again->getMessageCount(), ', on the pooled TLS connection: ', var_export(count($first) === 1 && $ours() === $first, true), "\n";
unset($again);

echo "-- refused\n";
// the system's CAs do not know our test CA
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream", ['cert' => "$dir/client.pem", 'key' => "$dir/client.key", 'persistent' => false]))->getMessageCount());
// by name: the certificate names localhost too (and the name goes out as SNI)
$t = new Messenger\Bridge\Redis\Transport\RedisTransport(str_replace('127.0.0.1', 'localhost', $dsn) . "/$stream", $tls + ['persistent' => false]);
echo 'by name: count ', $t->getMessageCount(), "\n";
// no client certificate: the server ends the connection (TLS 1.3: after the handshake, so the
// failure comes on the first write or read, whichever meets it)
try {
    (new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream", ['cacert' => "$dir/ca.pem", 'persistent' => false]))->getMessageCount();
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', preg_match('/^Redis at 127\.0\.0\.1:\d+ \(TLS\): (reading|writing) failed: /', $e->getMessage()) ? 'Redis at 127.0.0.1 (TLS): reading or writing failed' : $e->getMessage(), "\n";
}
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream", ['cacert' => "$dir/nope.pem", 'persistent' => false]))->getMessageCount());
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream", ['cacert' => "$dir/ca.pem", 'cert' => "$dir/client.pem", 'key' => "$dir/server.key", 'persistent' => false]))->getMessageCount());
// verify_peer off: any certificate is taken (the client certificate is still needed)
$t = new Messenger\Bridge\Redis\Transport\RedisTransport("$dsn/$stream", ['verify_peer' => false, 'cert' => "$dir/client.pem", 'key' => "$dir/client.key", 'persistent' => false]);
echo 'verify_peer off: count ', $t->getMessageCount(), "\n";

echo "-- a server whose certificate names another host\n";
// signed by the same CA, for elsewhere.example only: a trusted certificate of the wrong server
$other = new App\Redis\Server();
$cert = "{$other->dir}/elsewhere";
exec(sprintf('openssl req -newkey rsa:2048 -nodes -keyout %1$s.key -out %1$s.csr -subj /CN=elsewhere.example 2>&1 && '
    . 'printf "subjectAltName=DNS:elsewhere.example\n" > %1$s.ext && '
    . 'openssl x509 -req -in %1$s.csr -CA %2$s/ca.pem -CAkey %2$s/ca.key -CAcreateserial -CAserial %1$s.srl -out %1$s.pem -days 1 -extfile %1$s.ext 2>&1',
    escapeshellarg($cert), escapeshellarg($dir)), $out, $rc);
if ($rc !== 0) {
    echo implode("\n", $out), "\n";
}
$other->start(['--tls-cert-file', "$cert.pem", '--tls-key-file', "$cert.key", '--tls-ca-cert-file', "$dir/ca.pem", '--tls-auth-clients', 'no'],
    ['verify_peer' => false, 'verify_peer_name' => false]);
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("rediss://127.0.0.1:{$other->port}/$stream", ['cacert' => "$dir/ca.pem", 'persistent' => false]))->getMessageCount());
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport("rediss://localhost:{$other->port}/$stream", ['cacert' => "$dir/ca.pem", 'persistent' => false]))->getMessageCount());
$t = new Messenger\Bridge\Redis\Transport\RedisTransport("rediss://127.0.0.1:{$other->port}/$stream", ['cacert' => "$dir/ca.pem", 'verify_peer' => false, 'persistent' => false]);
echo 'verify_peer off: count ', $t->getMessageCount(), "\n";

// plain text to a TLS port
$show(fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport(str_replace('rediss://', 'redis://', $dsn) . "/$stream", ['persistent' => false, 'read_timeout' => 1]))->getMessageCount());
?>
--EXPECT--
got: over TLS
count: 0
a second transport: count 0, on the pooled TLS connection: true
-- refused
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:56381 (TLS): TLS: the server's certificate is not trusted: self-signed certificate in certificate chain
by name: count 0
Messenger\Exception\TransportException: Redis at 127.0.0.1 (TLS): reading or writing failed
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:56381 (TLS): TLS: cannot load the CA file DIR/nope.pem: error:system library::No such file or directory
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:56381 (TLS): TLS: cannot load the private key DIR/server.key: error:x509 certificate routines::key values mismatch
verify_peer off: count 0
-- a server whose certificate names another host
Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:PORT (TLS): TLS: the server's certificate is not trusted: IP address mismatch
Messenger\Exception\TransportException: Cannot connect to Redis at localhost:PORT (TLS): TLS: the server's certificate is not trusted: hostname mismatch
verify_peer off: count 0
Messenger\Exception\TransportException: Redis at 127.0.0.1:56381: reading failed: Connection reset by peer