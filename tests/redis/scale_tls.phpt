--TEST--
Redis Sentinel and Cluster over TLS only (sentinels, data nodes and the cluster bus listen with TLS and want a client certificate): rediss: DSNs with Symfony's ssl array reach the sentinels and the primary, and the cluster's nodes, a failover and a moved slot included; without the client certificate the error says what failed
--EXTENSIONS--
messenger
--FILE--
<?php
require_once __DIR__ . '/../_inc/redis_topology.inc';
final class Job { public function __construct(public int $n) {} }
$tls = getenv('MESSENGER_REDIS_TLS_DIR');
$ssl = ['ssl' => ['cafile' => "$tls/ca.pem", 'local_cert' => "$tls/client.pem", 'local_pk' => "$tls/client.key"]];
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$transport = fn(string $dsn, array $options) => new Messenger\Bridge\Redis\Transport\RedisTransport($dsn, $options + ['consumer' => 'c'], $serializer);
$drain = function ($t) {
    $seen = [];
    while ($got = $t->get()) {
        foreach ($got as $e) {
            $seen[] = $e->getMessage()->n;
            $t->ack($e);
        }
    }
    sort($seen);
    return implode(',', array_unique($seen)); // a send told "maybe sent" was sent again: at least once
};
$send = function ($t, array $ns) {
    foreach ($ns as $n) {
        for ($try = 0; ; $try++) {
            try {
                $t->send(new Messenger\Envelope(new Job($n)));
                break;
            } catch (Messenger\Exception\TransportException $e) {
                // (a MaybeSentException too: the old primary took it and could not reach the
                // replica it lost; sending again is what at least once asks)
                if ($try > 100) {
                    throw $e;
                }
                usleep(100000); // a failover under way
            }
        }
    }
};

echo "-- Sentinel\n";
$g = App\RedisTopology\sentinel_group('secure', ['tls' => $tls]);
echo 'the DSN: ', preg_replace('/\d{4,5}/', 'P', $g->dsn()), "\n";
$t = $transport($g->dsn('stream=jobs'), $ssl);
$send($t, [1, 2]);
$old = $g->primary();
$g->failover(false);
$send($t, [3, 4]);
echo 'the primary changed: ', $g->primary() !== $old ? 'yes' : 'no', "; read: ", $drain($t), "\n";
try {
    $transport($g->dsn('stream=jobs'), ['ssl' => ['cafile' => "$tls/ca.pem"]])->getMessageCount();
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', preg_match('/certificate required|the TLS handshake failed/', $e->getMessage()) ? 'the server wants a certificate' : $e->getMessage(), "\n";
}
$g->stop();

echo "-- Cluster\n";
$c = App\RedisTopology\cluster(['tls' => $tls]);
echo 'the DSN: ', preg_replace('/\d{4,5}/', 'P', $c->dsn()), "\n";
$t = $transport($c->dsn('stream=jobs'), $ssl);
$send($t, [1, 2]);
$slot = $c->slotOf('{jobs}');
$c->moveSlot($slot, current(array_diff($c->primaries(), [$c->owner($slot)])));
$send($t, [3]);
echo 'read: ', $drain($t), "\n";
$c->stop();
?>
--EXPECT--
-- Sentinel
the DSN: rediss:?host[127.0.0.1:P]&host[127.0.0.1:P]&host[127.0.0.1:P]&sentinel_master=secure
the primary changed: yes; read: 1,2,3,4
Messenger\Exception\TransportException: the server wants a certificate
-- Cluster
the DSN: rediss://127.0.0.1:P,rediss://127.0.0.1:P,rediss://127.0.0.1:P
read: 1,2,3
