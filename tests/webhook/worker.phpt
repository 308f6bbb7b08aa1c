--TEST--
Webhooks through a worker, against a real HTTP server: fan-out to 20 endpoints with one that never answers (the others are delivered before its timeout), the classification (2xx, 410 gone and its event, 404, 500 retried, 429 with Retry-After as the least wait), the retry schedule of 'delays', the attempt number and id kept across retries, the HandledStamp's WebhookResult, one log line per attempt
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
use Messenger\Webhook\{WebhookMessage, WebhookResult};
use Messenger\Stamp\HandledStamp;

$s = new App\Webhook\Server();
$db = sys_get_temp_dir() . '/messenger-webhook-' . getmypid() . '.sqlite';
@unlink($db);
final class Lines { public array $lines = []; public function log($level, $message, array $context = []): void {
    $this->lines[] = "$level " . preg_replace_callback('/\{(\w+)\}/', fn($m) => (string) ($context[$m[1]] ?? '?'), $message); } }
$logger = new Lines();
$events = [];
$m = new Messenger\Messenger([
    'connections' => ['db' => "sqlite:$db"],
    'transports' => [
        'hooks' => ['dsn' => 'doctrine://db?queue_name=hooks', 'retry_strategy' => ['delays' => [200, 400]]],
        'fan' => ['dsn' => 'doctrine://db?queue_name=fan', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://db?queue_name=failed',
    ],
    'failure_transport' => 'failed',
    'routing' => [WebhookMessage::class => 'hooks'],
    'handlers' => [],
    'webhook' => ['allow_private_networks' => true, 'timeout' => 2, 'concurrency' => 32],
    'logger' => $logger,
    'listeners' => [
        'webhook' => function (array $e) use (&$events) {
            $r = $e['result'];
            $events[] = [parse_url($r->getUrl(), PHP_URL_PATH), $r->getStatusCode(), $r->getAttempt(), $r->getId(), isset($e['error']) ? get_class($e['error']) : null, $e['retryable']];
        },
        'webhook_gone' => function (array $e) use (&$events) { $events[] = ['GONE', $e['result']->getUrl()]; },
    ],
]);
$secret = 'whsec_' . base64_encode(random_bytes(24));

echo "-- fan-out of one event to 20 endpoints, one never answers\n";
$list = [];
foreach (range(1, 19) as $i) { $list[] = WebhookMessage::json($s->url("/slow/100/$i"), ['event' => 'account.register', 'n' => $i], $secret, 'account.register'); }
array_splice($list, 5, 0, [WebhookMessage::json($s->url('/never'), ['n' => 0], $secret, 'account.register')]);
$m->dispatchAll(array_map(fn($x) => new Messenger\Envelope($x, [new Messenger\Stamp\TransportNamesStamp(['fan'])]), $list));
$w = $m->worker(['fan']);
$done = 0;
$handled = [];
$w->on('handled', function (array $e) use (&$done, &$handled, $w) {
    $handled[] = $e['envelope']->last(HandledStamp::class)->getResult();
    if (++$done === 20) { $w->stop(); } });
$w->on('sent_to_failure', function (array $e) use (&$done, $w) { if (++$done === 20) { $w->stop(); } });
$w->run(['sleep' => 0.05]);
$order = array_map(fn($e) => $e[0], $events);
echo 'the dead one came last: ', end($order) === '/never' ? 'yes' : 'no: ' . implode(',', $order), "\n";
echo 'delivered: ', count(array_filter($events, fn($e) => $e[1] === 200)), ', results are WebhookResults: ', count(array_filter($handled, fn($r) => $r instanceof WebhookResult && $r->isDelivered())), "\n";
echo 'the dead one: ', json_encode(array_slice(end($events), 1, 1)), ' ', end($events)[4], ' retryable: ', var_export(end($events)[5], true), "\n";
echo 'its error: ', $m->transport('failed')->all()[0]->getMessage()->getUrl() === $s->url('/never') ? 'in the failure transport' : 'missing', "\n";
$reqs = $s->requests();
$ok = 0;
foreach ($reqs as $r) {
    $h = $r['headers'];
    $ok += (int) ($h['webhook-signature'] === App\Webhook\standard_signature($secret, $h['webhook-id'], $h['webhook-timestamp'], $r['body']));
}
echo "signatures checked by hash_hmac: $ok of ", count($reqs), "\n";
$events = [];

echo "-- classification and retries\n";
$flaky = new WebhookMessage($s->url('/flaky/2/a'), '{"x":1}', [], null, 'POST', 'evt-fixed-id', 'order.paid');
$m->dispatchAll([
    $flaky,
    new WebhookMessage($s->url('/status/410'), '{}', event: 'order.paid'),
    new WebhookMessage($s->url('/status/404'), '{}'),
    new WebhookMessage($s->url('/status/301'), '{}'),
    new WebhookMessage($s->url('/retry-after/1'), '{}'),
]);
$delays = [];
$w2 = $m->worker(['hooks']);
$w2->on('retrying', function (array $e) use (&$delays) { $delays[] = parse_url($e['envelope']->getMessage()->getUrl(), PHP_URL_PATH) . ' ' . $e['delay']; });
$w2->run(['time_limit' => 3, 'sleep' => 0.05]);
sort($delays);
echo implode("\n", $delays), "\n";
usort($events, fn($a, $b) => [$a[0], $a[2] ?? 0] <=> [$b[0], $b[2] ?? 0]);
foreach ($events as $e) { echo json_encode($e[0] === 'GONE' ? [$e[0], parse_url($e[1], PHP_URL_PATH)] : [$e[0], $e[1], $e[2], $e[4], $e[5]]), "\n"; }
$ids = array_unique(array_map(fn($e) => $e[3], array_filter($events, fn($e) => $e[0] === '/flaky/2/a')));
echo 'the flaky one kept its id: ', json_encode(array_values($ids)), "\n";
echo 'failure transport: ', $m->transport('failed')->getMessageCount(), ' (the never-answering one, 410, 404, 301, the 429 after its 2 retries)', "\n";
echo "-- the log\n";
// the 410's lines by its path and status, not any "410" (a request that took 410 ms under valgrind)
$lines = array_filter($logger->lines, fn($l) => str_contains($l, 'flaky') || str_contains($l, '/status/410') || str_contains($l, ': 410 in') || str_contains($l, 'order.paid to'));
$lines = preg_replace('/msg_[0-9a-f]{32}|:\d{4,5}| \d+ ms/', '', $lines);
sort($lines); // requests end in any order
echo implode("\n", $lines), "\n";
// the listeners that capture $w make cycles: freed here, not left to the end of the process
unset($w, $w2, $m);
gc_collect_cycles();
@unlink($db);
?>
--EXPECTF--
-- fan-out of one event to 20 endpoints, one never answers
the dead one came last: yes
delivered: 19, results are WebhookResults: 19
the dead one: [0] Messenger\Webhook\RetryableWebhookException retryable: true
its error: in the failure transport
signatures checked by hash_hmac: 20 of 20
-- classification and retries
/flaky/2/a 200
/flaky/2/a 400
/retry-after/1 1000
/retry-after/1 1000
["\/flaky\/2\/a",500,1,"Messenger\\Webhook\\RetryableWebhookException",true]
["\/flaky\/2\/a",500,2,"Messenger\\Webhook\\RetryableWebhookException",true]
["\/flaky\/2\/a",200,3,null,false]
["\/retry-after\/1",429,1,"Messenger\\Webhook\\RetryableWebhookException",true]
["\/retry-after\/1",429,2,"Messenger\\Webhook\\RetryableWebhookException",true]
["\/retry-after\/1",429,3,"Messenger\\Webhook\\RetryableWebhookException",true]
["\/status\/301",301,1,"Messenger\\Webhook\\UnrecoverableWebhookException",false]
["\/status\/404",404,1,"Messenger\\Webhook\\UnrecoverableWebhookException",false]
["\/status\/410",410,1,"Messenger\\Webhook\\EndpointGoneException",false]
["GONE","\/status\/410"]
the flaky one kept its id: ["evt-fixed-id"]
failure transport: 5 (the never-answering one, 410, 404, 301, the 429 after its 2 retries)
-- the log
critical Error thrown while handling message Messenger\Webhook\WebhookMessage. Removing from transport after 0 retries. Error: "Handling "Messenger\Webhook\WebhookMessage" failed: Webhook  to http://127.0.0.1/status/410 answered 410 (Gone: the endpoint asks not to be called again)"
error Webhook order.paid to 127.0.0.1: 410 in (retry 0), failed: "Webhook  to http://127.0.0.1/status/410 answered 410 (Gone: the endpoint asks not to be called again)"
info Webhook order.paid to 127.0.0.1: 200 in (retry 2)
warning Error thrown while handling message Messenger\Webhook\WebhookMessage. Sending for retry #1 using delay. Error: "Handling "Messenger\Webhook\WebhookMessage" failed: Webhook evt-fixed-id to http://127.0.0.1/flaky/2/a answered 500"
warning Error thrown while handling message Messenger\Webhook\WebhookMessage. Sending for retry #2 using delay. Error: "Handling "Messenger\Webhook\WebhookMessage" failed: Webhook evt-fixed-id to http://127.0.0.1/flaky/2/a answered 500"
warning Webhook order.paid to 127.0.0.1: 500 in (retry 0), failed: "Webhook evt-fixed-id to http://127.0.0.1/flaky/2/a answered 500"
warning Webhook order.paid to 127.0.0.1: 500 in (retry 1), failed: "Webhook evt-fixed-id to http://127.0.0.1/flaky/2/a answered 500"
