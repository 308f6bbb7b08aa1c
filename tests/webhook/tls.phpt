--TEST--
Webhooks over TLS to a real TLS server with a self-signed certificate: refused by default (the certificate is verified), delivered with ca_file naming it, delivered with verify_tls off; a TLS failure is retryable
--EXTENSIONS--
messenger
--SKIPIF--
<?php if (!shell_exec('command -v openssl')) die('skip the openssl command is needed to make a certificate'); ?>
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
use Messenger\Webhook\{WebhookMessage, WebhookHandler};

$s = new App\Webhook\Server(true);
$secret = 'whsec_' . base64_encode(random_bytes(32));
$send = function (array $options, string $path) use ($s, $secret) {
    $msg = WebhookMessage::json($s->url($path), ['over' => 'tls'], $secret, 'tls.test');
    try {
        $r = (new WebhookHandler($options + ['allow_private_networks' => true, 'timeout' => 5]))($msg);
        echo "$path: ", $r->getStatusCode(), "\n";
    } catch (Messenger\Webhook\WebhookExceptionInterface $e) {
        echo "$path: ", get_class($e), ', status ', $e->getResult()->getStatusCode(), ', a certificate error: ', preg_match('/certificate|SSL|TLS/i', $e->getResult()->getError()) ? 'true' : 'no: ' . $e->getResult()->getError(), "\n";
    }
};
$send([], '/default');
$send(['ca_file' => $s->caFile()], '/with-ca-file');
$send(['verify_tls' => false], '/unverified');
$reqs = $s->waitFor(2);
echo 'received: ', implode(' ', array_column($reqs, 'path')), "\n";
$r = $reqs[0];
echo 'signed: ', var_export($r['headers']['webhook-signature'] === App\Webhook\standard_signature($secret, $r['headers']['webhook-id'], $r['headers']['webhook-timestamp'], $r['body']), true), "\n";
?>
--EXPECT--
/default: Messenger\Webhook\RetryableWebhookException, status 0, a certificate error: true
/with-ca-file: 200
/unverified: 200
received: /with-ca-file /unverified
signed: true
