--TEST--
Webhook worker: no more requests at once than 'concurrency', no more connections to one host than 'per_host'; the worker reads ahead what the handler runs at once (after its first message, 'concurrency' of them: one more is received while the handler waits for a free slot)
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
use Messenger\Webhook\WebhookMessage;

$s = new App\Webhook\Server();
$db = sys_get_temp_dir() . '/messenger-webhook-conc-' . getmypid() . '.sqlite';
foreach ([[3, 0], [6, 2]] as [$concurrency, $perHost]) {
    @unlink($db);
    $seq = '';
    $m = new Messenger\Messenger([
        'connections' => ['db' => "sqlite:$db"],
        'transports' => ['hooks' => 'doctrine://db?queue_name=hooks'],
        'routing' => [WebhookMessage::class => 'hooks'],
        'webhook' => ['allow_private_networks' => true, 'concurrency' => $concurrency, 'per_host' => $perHost],
        'listeners' => ['received' => function () use (&$seq) { $seq .= 'r'; }, 'webhook' => function () use (&$seq) { $seq .= 'w'; }],
    ]);
    $before = count($s->requests());
    $m->dispatchAll(array_map(fn($i) => new WebhookMessage($s->url("/slow/500/$concurrency-$i"), '{}'), range(1, 12)));
    $m->worker(['hooks'])->run(['limit' => 12, 'sleep' => 0.01]);
    $reqs = array_slice($s->requests(), $before);
    $first = $reqs[0]['t'];
    echo "concurrency $concurrency, per_host $perHost: ", count($reqs), ' requests, at once at first: ', count(array_filter($reqs, fn($r) => $r['t'] < $first + 0.45)),
        ', connections: ', count(array_unique(array_column($reqs, 'conn'))), ', received before the first answer: ', strspn($seq, 'r'), ', all answered: ', substr_count($seq, 'w'), "\n";
}
unset($m);
gc_collect_cycles();
@unlink($db);
?>
--EXPECT--
concurrency 3, per_host 0: 12 requests, at once at first: 3, connections: 3, received before the first answer: 4, all answered: 12
concurrency 6, per_host 2: 12 requests, at once at first: 2, connections: 2, received before the first answer: 7, all answered: 12
