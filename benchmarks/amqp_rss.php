<?php
/*
 * The worker's memory over many AMQP messages: N messages in a RabbitMQ queue (our
 * dispatchAll, in batches of 1000), then one Worker on the default DSN handles 10 000 (caches,
 * allocator pools), and the RSS is read; it handles the rest and the RSS is read again.
 * Usage: php -d extension=SO amqp_rss.php N (scripts/db.sh's RabbitMQ: MESSENGER_AMQP_DSN).
 * Prints one JSON line.
 */
final class SmsNotification { public function __construct(public string $content, public int $n) {} }
function rss_kb(): int
{
    preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m);
    return (int) $m[1];
}
$n = (int) ($argv[1] ?? 1000000);
$dsn = getenv('MESSENGER_AMQP_DSN') . '/bench_rss';
$count = 0;
$m = new Messenger\Messenger([
    'transports' => ['async' => $dsn],
    'routing' => [SmsNotification::class => 'async'],
    'handlers' => [SmsNotification::class => function (SmsNotification $s) use (&$count) { $count++; }],
]);
$t = $m->transport('async');
$t->setup();
if ($t->getMessageCount() !== 0) {
    fwrite(STDERR, "the queue bench_rss is not empty\n");
    exit(1);
}
$start = hrtime(true);
for ($i = 0; $i < $n; $i += 1000) {
    $m->dispatchAll(array_map(fn ($k) => new SmsNotification('hi', $k), range($i, min($i + 999, $n - 1))));
}
$filled = (hrtime(true) - $start) / 1e9;
$worker = $m->worker(['async']);
$worker->run(['limit' => 10000, 'sleep' => 0.05]);
$rss = rss_kb();
$start = hrtime(true);
$worker->run(['limit' => $n - 10000, 'sleep' => 0.05]);
$seconds = (hrtime(true) - $start) / 1e9;
$growth = rss_kb() - $rss;
if ($count !== $n) {
    fwrite(STDERR, "handled $count of $n\n");
    exit(1);
}
echo json_encode(['n' => $n, 'fill_s' => round($filled, 1), 'msg_per_s' => (int) (($n - 10000) / $seconds), 'rss_kb' => $rss, 'rss_growth_kb' => $growth]), "\n";
