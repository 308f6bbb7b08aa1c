--TEST--
WebhookHandler without a worker, against a real HTTP server: the Standard Webhooks headers and signatures (two while a secret rotates, a raw secret, none without a secret) and Symfony's, checked with hash_hmac; the WebhookResult; each status classified into its exception (404, 410, 301 not followed, 500, 503, 429 with Retry-After as seconds, as an HTTP date, capped by max_retry_after, unreadable), a reset connection, a timeout, a response body capped; a broken secret; private addresses refused by default (also through a name), user information never shown
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
use Messenger\Webhook\{WebhookMessage, WebhookHandler, WebhookResult};

$s = new App\Webhook\Server();
$h = new WebhookHandler(['allow_private_networks' => true, 'timeout' => 1, 'connect_timeout' => 1, 'max_response_bytes' => 10, 'max_retry_after' => 60]);
$secret = 'whsec_' . base64_encode('0123456789abcdef0123456789abcdef');
$old = 'whsec_' . base64_encode('an older secret, rotating out');
$try = function (WebhookMessage $msg, WebhookHandler $h) {
    try {
        $r = $h($msg);
        echo get_class($r), ' ', $r->getStatusCode(), ' attempt ', $r->getAttempt(), ' delivered ', var_export($r->isDelivered(), true), "\n";
        return $r;
    } catch (Throwable $e) {
        $r = method_exists($e, 'getResult') ? $e->getResult() : null;
        echo get_class($e), ': ', $e->getMessage(), $r ? ' [status ' . $r->getStatusCode() . ', error ' . var_export($r->getError(), true) . ', delivered ' . var_export($r->isDelivered(), true) . ']' : '',
            method_exists($e, 'getRetryDelay') ? ' delay ' . var_export($e->getRetryDelay(), true) : '', "\n";
        return $e;
    }
};

echo "-- Standard Webhooks, two secrets while one rotates\n";
$msg = WebhookMessage::json($s->url('/status/201'), ['a' => 1], "$secret $old", 'account.register', ['X-Tenant' => '7']);
$r = $try($msg, $h);
$req = $s->waitFor(1)[0];
$hd = $req['headers'];
echo $req['method'], ' ', $req['body'], ' ', $hd['content-type'], ' x-tenant ', $hd['x-tenant'], ' user-agent ', $hd['user-agent'], ' expect ', var_export(isset($hd['expect']), true), "\n";
echo 'webhook-id is the message id: ', var_export($hd['webhook-id'] === $msg->getId(), true), ', timestamp now: ', var_export(abs((int) $hd['webhook-timestamp'] - time()) <= 2, true), "\n";
$sigs = explode(' ', $hd['webhook-signature']);
echo 'signatures: ', count($sigs), ', new ', var_export($sigs[0] === App\Webhook\standard_signature($secret, $msg->getId(), $hd['webhook-timestamp'], $req['body']), true),
    ', old ', var_export($sigs[1] === App\Webhook\standard_signature($old, $msg->getId(), $hd['webhook-timestamp'], $req['body']), true), "\n";
echo 'result: ', json_encode([$r->getUrl() === $s->url('/status/201'), $r->getId() === $msg->getId(), $r->getEvent(), $r->getDurationMs() > 0, $r->getError(), $r->getResponseBody(), $r->getResponseHeaders()['content-type'], $r->getResponseHeaders()['x-test-server']]), "\n";

echo "-- a raw secret; no secret\n";
$try(new WebhookMessage($s->url('/raw'), 'plain', ['Content-Type' => 'text/plain'], 'raw secret bytes', 'put'), $h);
$try(new WebhookMessage($s->url('/nosecret'), '{}'), $h);
[, $raw, $none] = $s->waitFor(3);
echo $raw['method'], ' ', $raw['headers']['content-type'], ' signed: ', var_export($raw['headers']['webhook-signature'] === App\Webhook\standard_signature('raw secret bytes', $raw['headers']['webhook-id'], $raw['headers']['webhook-timestamp'], 'plain'), true), "\n";
echo 'no secret: signature ', var_export(isset($none['headers']['webhook-signature']), true), ', id ', var_export(isset($none['headers']['webhook-id']), true), ', timestamp ', var_export(isset($none['headers']['webhook-timestamp']), true), ', content-type ', $none['headers']['content-type'], "\n";

echo "-- Symfony's signature\n";
$hs = new WebhookHandler(['allow_private_networks' => true, 'signature' => 'symfony', 'user_agent' => 'MyApp/1.0']);
$m3 = new WebhookMessage($s->url('/sf'), '{"x":1}', [], 'a raw symfony secret', event: 'order.paid');
$try($m3, $hs);
$hd = $s->waitFor(4)[3]['headers'];
echo $hd['webhook-event'], ' ', var_export($hd['webhook-id'] === $m3->getId(), true), ' ', $hd['user-agent'], ' timestamp ', var_export(isset($hd['webhook-timestamp']), true), "\n";
echo 'hash_hmac agrees: ', var_export($hd['webhook-signature'] === 'sha256=' . hash_hmac('sha256', 'order.paid' . $m3->getId() . '{"x":1}', 'a raw symfony secret'), true), "\n";

echo "-- failures\n";
$date = rawurlencode(gmdate('D, d M Y H:i:s', time() + 20) . ' GMT');
foreach (['/status/404', '/status/410', '/status/301', '/status/500', '/status/503', '/retry-after/30', '/retry-after/99999', "/retry-after/$date", '/retry-after/bogus', '/close', '/never', '/big/100000'] as $p) {
    echo str_replace($date, 'DATE', $p), ': ';
    $r = $try(new WebhookMessage($s->url($p), '{}', id: 'id-' . md5($p)), $h);
    if ($r instanceof WebhookResult) {
        echo 'body kept: ', strlen($r->getResponseBody()), ' bytes', "\n";
    }
}
$paths = array_column($s->requests(), 'path');
echo 'the 301 was not followed: ', var_export(!in_array('/status/200', $paths, true), true), "\n";

echo "-- a broken secret\n";
$try(new WebhookMessage($s->url('/broken'), '{}', secret: 'whsec_!!!', id: 'id-broken'), $h);
echo "-- private networks, refused by default\n";
$n = count($s->requests());
$try(new WebhookMessage($s->url('/private'), '{}', id: 'id-private'), new WebhookHandler());
$try(new WebhookMessage('http://localhost:' . $s->port . '/private', '{}', id: 'id-local'), new WebhookHandler());
$try(new WebhookMessage('http://[::1]:' . $s->port . '/private', '{}', id: 'id-v6'), new WebhookHandler());
echo 'requests that reached the server: ', count($s->requests()) - $n, "\n";
echo "-- user information\n";
$e = $try(new WebhookMessage('http://user:s3cretpw@127.0.0.1:1/x', '{}', id: 'id-userinfo'), new WebhookHandler(['allow_private_networks' => true]));
echo 'password shown: ', var_export(str_contains($e->getMessage() . $e->getResult()->getUrl() . print_r($e->getResult(), true), 's3cretpw'), true), "\n";
?>
--EXPECTF--
-- Standard Webhooks, two secrets while one rotates
Messenger\Webhook\WebhookResult 201 attempt 1 delivered true
POST {"a":1} application/json x-tenant 7 user-agent Messenger-Webhook/%s expect false
webhook-id is the message id: true, timestamp now: true
signatures: 2, new true, old true
result: [true,true,"account.register",true,null,"status 201","text\/plain","yes"]
-- a raw secret; no secret
Messenger\Webhook\WebhookResult 200 attempt 1 delivered true
Messenger\Webhook\WebhookResult 200 attempt 1 delivered true
PUT text/plain signed: true
no secret: signature false, id true, timestamp true, content-type application/json
-- Symfony's signature
Messenger\Webhook\WebhookResult 200 attempt 1 delivered true
order.paid true MyApp/1.0 timestamp false
hash_hmac agrees: true
-- failures
/status/404: Messenger\Webhook\UnrecoverableWebhookException: Webhook id-%x to http://127.0.0.1:%d/status/404 answered 404 [status 404, error NULL, delivered false]
/status/410: Messenger\Webhook\EndpointGoneException: Webhook id-%x to http://127.0.0.1:%d/status/410 answered 410 (Gone: the endpoint asks not to be called again) [status 410, error NULL, delivered false]
/status/301: Messenger\Webhook\UnrecoverableWebhookException: Webhook id-%x to http://127.0.0.1:%d/status/301 answered 301 (a redirect: not followed) [status 301, error NULL, delivered false]
/status/500: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/status/500 answered 500 [status 500, error NULL, delivered false] delay NULL
/status/503: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/status/503 answered 503 [status 503, error NULL, delivered false] delay NULL
/retry-after/30: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/retry-after/30 answered 429 [status 429, error NULL, delivered false] delay 30000
/retry-after/99999: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/retry-after/99999 answered 429 [status 429, error NULL, delivered false] delay 60000
/retry-after/DATE: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/retry-after/%s answered 429 [status 429, error NULL, delivered false] delay %r(19000|20000)%r
/retry-after/bogus: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/retry-after/bogus answered 429 [status 429, error NULL, delivered false] delay NULL
/close: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/close failed: Empty reply from server [status 0, error 'Empty reply from server', delivered false] delay NULL
/never: Messenger\Webhook\RetryableWebhookException: Webhook id-%x to http://127.0.0.1:%d/never failed: Operation timed out after 1%d milliseconds with 0 bytes received [status 0, error 'Operation timed out after 1%d milliseconds with 0 bytes received', delivered false] delay NULL
/big/100000: Messenger\Webhook\WebhookResult 200 attempt 1 delivered true
body kept: 10 bytes
the 301 was not followed: true
-- a broken secret
Messenger\Exception\UnrecoverableMessageHandlingException: The webhook secret of message id-broken cannot be used: it is empty, or "whsec_" is not followed by base64
-- private networks, refused by default
Messenger\Webhook\UnrecoverableWebhookException: Webhook id-private to http://127.0.0.1:%d/private failed: the endpoint's address is loopback, private or link-local (allow_private_networks is off) [status 0, error 'the endpoint\'s address is loopback, private or link-local (allow_private_networks is off)', delivered false]
Messenger\Webhook\UnrecoverableWebhookException: Webhook id-local to http://localhost:%d/private failed: the endpoint's address is loopback, private or link-local (allow_private_networks is off) [status 0, error 'the endpoint\'s address is loopback, private or link-local (allow_private_networks is off)', delivered false]
Messenger\Webhook\UnrecoverableWebhookException: Webhook id-v6 to http://[::1]:%d/private failed: the endpoint's address is loopback, private or link-local (allow_private_networks is off) [status 0, error 'the endpoint\'s address is loopback, private or link-local (allow_private_networks is off)', delivered false]
requests that reached the server: 0
-- user information
Messenger\Webhook\RetryableWebhookException: Webhook id-userinfo to http://127.0.0.1:1/x failed: Failed to connect to 127.0.0.1 port 1 after %d ms: Couldn't connect to server [status 0, error 'Failed to connect to 127.0.0.1 port 1 after %d ms: Couldn\'t connect to server', delivered false] delay NULL
password shown: false
