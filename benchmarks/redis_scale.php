<?php
/*
 * Redis beyond one server: the same work on one server (scripts/db.sh's), through Sentinel (a
 * primary, two replicas, three sentinels) and on a Cluster (three primaries, three replicas),
 * all started on 127.0.0.1 by tests/_inc/redis_topology.inc, with the README's DSN forms and
 * default options (so on Sentinel and Cluster each send WAITs for the replicas):
 *  - dispatchAll: Messenger::dispatchAll() of N messages routed to the transport (one pipelined
 *    write, and its WAIT);
 *  - consume: `php bin/console messenger:consume async --limit=N -q` on a queue of N, timed
 *    from the process start to its exit, as users run it.
 * Rounds alternate between the three so that the machine's drift falls on each alike; the best
 * of ROUNDS counts. Usage: php redis_scale.php [N] [ROUNDS]. Prints a table and the ratios.
 */
require __DIR__ . '/transport.inc';
require __DIR__ . '/../tests/_inc/redis_topology.inc';

[$self, $n, $rounds] = $argv + [null, 20000, 3];
$n = (int) $n;
$rounds = (int) $rounds;
$root = dirname(__DIR__);
$so = "$root/modules/messenger.so";
$redisPort = (int) substr(strrchr((string) getenv('MESSENGER_REDIS_DSN'), ':'), 1) ?: 56379;

fwrite(STDERR, "starting a Sentinel group and a Cluster...\n");
$group = App\RedisTopology\sentinel_group('benchmaster');
$cluster = App\RedisTopology\cluster();
$primary = $group->primary();
$owner = $cluster->owner($cluster->slotOf('{messages}'));
$setups = [
    'one server' => ["redis://127.0.0.1:$redisPort/messages", fn(string ...$a) => trim((string) shell_exec('redis-cli -p ' . $redisPort . ' ' . implode(' ', array_map('escapeshellarg', $a))))],
    'Sentinel' => [$group->dsn() . '&stream=messages', fn(string ...$a) => $group->cli($primary, ...$a)],
    'Cluster' => [$cluster->dsn('stream=messages'), fn(string ...$a) => $cluster->cli($owner, ...$a)],
    // the same servers addressed as one server: what replication costs them, apart from the client
    'its primary' => ["redis://127.0.0.1:$primary/messages", fn(string ...$a) => $group->cli($primary, ...$a)],
    'its owner' => ["redis://127.0.0.1:$owner/{messages}", fn(string ...$a) => $cluster->cli($owner, ...$a)],
];
$streams = ['one server' => ['messages', 'messages__queue'], 'Sentinel' => ['messages', 'messages__queue'],
    'Cluster' => ['{messages}', '{messages}__queue'], 'its primary' => ['messages', 'messages__queue'], 'its owner' => ['{messages}', '{messages}__queue']];

$dir = sys_get_temp_dir() . '/messenger-bench-scale-' . getmypid();
mkdir("$dir/config", 0777, true);
$configure = function (string $dsn) use ($dir) {
    file_put_contents("$dir/config/messenger.php", '<?php
if (!class_exists("OrderPlaced")) { final class OrderPlaced { public function __construct(public int $orderId, public string $customer, public float $total) {} } }
return [
    "transports" => ["async" => ' . var_export($dsn, true) . '],
    "routing" => [OrderPlaced::class => "async"],
    "handlers" => [OrderPlaced::class => function (OrderPlaced $o) {}],
];');
};
$messages = [];
for ($i = 0; $i < $n; $i++) {
    $messages[] = new OrderPlaced($i, 'ada@example.com', 9.5);
}
$best = [];
for ($round = 0; $round < $rounds; $round++) {
    foreach ($setups as $name => [$dsn, $cli]) {
        foreach ($streams[$name] as $key) {
            $cli('DEL', $key);
        }
        $configure($dsn);
        // dispatchAll, in this process (the config's transport, as the application has it)
        $m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
        $m->transport('async')->setup();
        $rate = per_second($n, fn() => $m->dispatchAll($messages));
        unset($m);
        $best[$name]['dispatchAll'] = max($best[$name]['dispatchAll'] ?? 0, $rate);
        // consume: the console, from its start to its exit
        $start = hrtime(true);
        exec('cd ' . escapeshellarg($dir) . ' && ' . implode(' ', array_map('escapeshellarg', [PHP_BINARY, '-n', '-d', "extension=$so", "$root/bin/console",
            'messenger:consume', 'async', "--limit=$n", '-q'])) . ' 2>&1', $out, $rc);
        $rate = (int) ($n / ((hrtime(true) - $start) / 1e9));
        $left = (int) $cli('XLEN', $streams[$name][0]);
        if ($rc !== 0 || $left !== 0) {
            fwrite(STDERR, "$name: the worker exited with $rc and left $left entries: " . implode("\n", $out) . "\n");
            exit(1);
        }
        $best[$name]['consume'] = max($best[$name]['consume'] ?? 0, $rate);
    }
}
$group->stop();
$cluster->stop();
exec('rm -rf ' . escapeshellarg($dir));

printf("%-30s %14s %14s   (N=%d, best of %d, default options)\n", '', 'dispatchAll/s', 'consume/s', $n, $rounds);
foreach ($best as $name => $b) {
    printf("%-30s %14d %14d\n", $name . ($name === 'its primary' ? ' (Sentinel\'s)' : ($name === 'its owner' ? ' (Cluster\'s)' : '')), $b['dispatchAll'], $b['consume']);
}
foreach (['Sentinel' => 'its primary', 'Cluster' => 'its owner'] as $name => $direct) {
    printf("ratio %s / one server: dispatchAll %.2f, consume %.2f; / %s as one server (same replicas): dispatchAll %.2f, consume %.2f\n", $name,
        $best[$name]['dispatchAll'] / $best['one server']['dispatchAll'], $best[$name]['consume'] / $best['one server']['consume'], $direct,
        $best[$name]['dispatchAll'] / $best[$direct]['dispatchAll'], $best[$name]['consume'] / $best[$direct]['consume']);
}
echo "(Sentinel: a primary with two replicas; Cluster: the slot's owner has one; 'its primary' and 'its owner' are those servers\n";
echo " addressed with a plain redis:// DSN, so the second ratio is what the Sentinel and Cluster client costs, the first adds replication)\n";
