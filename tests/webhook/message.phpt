--TEST--
WebhookMessage: json() and the constructor, the id made once (msg_ and 32 hex digits) and kept through serialization, the secret hidden from var_dump/print_r and the URL's user information too; bad input refused with an exception naming it (a URL that is not http(s), line breaks in the URL, a header or the id, a bad method, an empty secret, a payload JSON cannot encode, which json_last_error_msg() then tells too); WebhookHandler's and the Messenger's 'webhook' options checked
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Webhook\{WebhookMessage, WebhookHandler};

$m = WebhookMessage::json('https://user:pw@example.com/hook?a=1', ['a' => 1, 'b' => 'é', 'f' => 1.0, 'u' => 'x/y'], 'whsec_abc', 'account.register', ['X-Trace' => 't1']);
var_dump($m->getUrl(), $m->getBody(), $m->getHeaders(), $m->getMethod(), $m->getEvent(), $m->getSecret());
echo 'id: ', preg_match('/^msg_[0-9a-f]{32}$/', $m->getId()), ', the same twice: ', var_export($m->getId() === $m->getId(), true), "\n";
echo 'ids differ: ', var_export(WebhookMessage::json('http://e.com/', 1)->getId() !== WebhookMessage::json('http://e.com/', 1)->getId(), true), "\n";
$u = unserialize(serialize($m));
echo 'serialized keeps id and secret: ', var_export($u->getId() === $m->getId() && $u->getSecret() === 'whsec_abc', true), "\n";
$shown = print_r($m, true) . var_export((array) json_decode(json_encode($m)), true);
ob_start(); var_dump($m); $shown .= ob_get_clean();
echo 'var_dump/print_r show the secret: ', var_export(str_contains($shown, 'whsec_abc'), true), ', the password: ', var_export(str_contains($shown, ':pw@'), true), "\n";
echo print_r($m, true);
$m2 = new WebhookMessage('HTTP://example.com/', 'x', ['X-A' => 'b'], null, 'put', 'my-id');
var_dump($m2->getMethod(), $m2->getId(), $m2->getSecret(), $m2->getEvent(), $m2->getHeaders());
try { $m2->__construct('http://example.com/', 'y'); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }

echo "-- bad input\n";
foreach ([
    'ftp URL' => fn() => new WebhookMessage('ftp://example.com/', 'x'),
    'no scheme' => fn() => new WebhookMessage('example.com/hook', 'x'),
    'empty URL' => fn() => new WebhookMessage('', 'x'),
    'CRLF in URL' => fn() => new WebhookMessage("http://example.com/\r\nX: y", 'x'),
    'space in URL' => fn() => new WebhookMessage('http://example.com/a b', 'x'),
    'CRLF in a header' => fn() => new WebhookMessage('http://example.com/', 'x', ['X-A' => "b\r\nInjected: 1"]),
    'space in a name' => fn() => new WebhookMessage('http://example.com/', 'x', ['X A' => 'b']),
    'integer key' => fn() => new WebhookMessage('http://example.com/', 'x', ['b']),
    'array value' => fn() => new WebhookMessage('http://example.com/', 'x', ['X' => ['b']]),
    'bad method' => fn() => new WebhookMessage('http://example.com/', 'x', method: 'GE T'),
    'empty method' => fn() => new WebhookMessage('http://example.com/', 'x', method: ''),
    'empty id' => fn() => new WebhookMessage('http://example.com/', 'x', id: ''),
    'LF in id' => fn() => new WebhookMessage('http://example.com/', 'x', id: "a\nb"),
    'long id' => fn() => new WebhookMessage('http://example.com/', 'x', id: str_repeat('i', 257)),
    'LF in event' => fn() => new WebhookMessage('http://example.com/', 'x', event: "a\nb"),
    'empty secret' => fn() => new WebhookMessage('http://example.com/', 'x', secret: ''),
    'bad UTF-8' => fn() => WebhookMessage::json('http://example.com/', ['v' => "\xff"]),
    'NAN' => fn() => WebhookMessage::json('http://example.com/', NAN),
    'wrong type' => fn() => new WebhookMessage('http://example.com/', []),
    'json() bad header' => fn() => WebhookMessage::json('http://example.com/', 1, headers: ['X' => "a\nb"]),
] as $what => $f) {
    try { $f(); echo "$what: no exception\n"; } catch (Throwable $e) { echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n"; }
    if ($what === 'bad UTF-8') { echo '  json_last_error_msg(): ', json_last_error_msg(), "\n"; }
}

echo "-- options\n";
foreach ([
    ['timeout' => -1], ['timeout' => 'x'], ['timeout' => 86401], ['connect_timeout' => 0], ['concurrency' => 0], ['concurrency' => 1025], ['per_host' => -1],
    ['signature' => 'hmac'], ['nope' => 1], ['ca_file' => '/nonexistent/ca.pem'], ['ca_file' => ''], ['max_response_bytes' => -5],
    ['verify_tls' => 'yes'], ['allow_private_networks' => 1], ['user_agent' => "a\r\nb"], ['max_retry_after' => -1], ['stop_timeout' => -1],
] as $o) {
    try { new WebhookHandler($o); echo json_encode($o), ": no exception\n"; } catch (Throwable $e) { echo json_encode($o), ': ', get_class($e), ': ', $e->getMessage(), "\n"; }
}
foreach ([['webhook' => ['timeout' => 0]], ['webhook' => 'x']] as $c) {
    try { new Messenger\Messenger($c); echo "no exception\n"; } catch (Throwable $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
$ok = new WebhookHandler(['timeout' => 0.5, 'connect_timeout' => 1, 'concurrency' => 4, 'per_host' => 2, 'max_response_bytes' => 0, 'signature' => 'symfony',
    'allow_private_networks' => false, 'verify_tls' => true, 'ca_file' => __FILE__, 'max_retry_after' => 0, 'user_agent' => 'x', 'stop_timeout' => 0]);
echo "all options: ", get_class($ok), "\n";
?>
--EXPECTF--
string(36) "https://user:pw@example.com/hook?a=1"
string(34) "{"a":1,"b":"é","f":1.0,"u":"x/y"}"
array(2) {
  ["Content-Type"]=>
  string(16) "application/json"
  ["X-Trace"]=>
  string(2) "t1"
}
string(4) "POST"
string(16) "account.register"
string(9) "whsec_abc"
id: 1, the same twice: true
ids differ: true
serialized keeps id and secret: true
var_dump/print_r show the secret: false, the password: false
Messenger\Webhook\WebhookMessage Object
(
    [url] => https://example.com/hook?a=1
    [body] => {"a":1,"b":"é","f":1.0,"u":"x/y"}
    [headers] => Array
        (
            [Content-Type] => application/json
            [X-Trace] => t1
        )

    [secret] => ***
    [method] => POST
    [id] => msg_%x
    [event] => account.register
)
string(3) "PUT"
string(5) "my-id"
NULL
NULL
array(1) {
  ["X-A"]=>
  string(1) "b"
}
Error: Cannot modify readonly property Messenger\Webhook\WebhookMessage::$url
-- bad input
ftp URL: Messenger\Exception\InvalidArgumentException: A webhook URL must be an http:// or https:// URL without spaces or line breaks
no scheme: Messenger\Exception\InvalidArgumentException: A webhook URL must be an http:// or https:// URL without spaces or line breaks
empty URL: Messenger\Exception\InvalidArgumentException: A webhook URL must be an http:// or https:// URL without spaces or line breaks
CRLF in URL: Messenger\Exception\InvalidArgumentException: A webhook URL must be an http:// or https:// URL without spaces or line breaks
space in URL: Messenger\Exception\InvalidArgumentException: A webhook URL must be an http:// or https:// URL without spaces or line breaks
CRLF in a header: Messenger\Exception\InvalidArgumentException: Webhook headers must be name => string value, without line breaks ("X-A")
space in a name: Messenger\Exception\InvalidArgumentException: Webhook headers must be name => string value, without line breaks ("X A")
integer key: Messenger\Exception\InvalidArgumentException: Webhook headers must be name => string value, without line breaks ("(integer key)")
array value: Messenger\Exception\InvalidArgumentException: Webhook headers must be name => string value, without line breaks ("X")
bad method: Messenger\Exception\InvalidArgumentException: The webhook method "GE T" is not an HTTP method
empty method: Messenger\Exception\InvalidArgumentException: The webhook method "" is not an HTTP method
empty id: Messenger\Exception\InvalidArgumentException: A webhook id must be 1 to 256 characters without line breaks
LF in id: Messenger\Exception\InvalidArgumentException: A webhook id must be 1 to 256 characters without line breaks
long id: Messenger\Exception\InvalidArgumentException: A webhook id must be 1 to 256 characters without line breaks
LF in event: Messenger\Exception\InvalidArgumentException: A webhook event name must not contain line breaks
empty secret: Messenger\Exception\InvalidArgumentException: A webhook secret must not be empty (null: no signature)
bad UTF-8: Messenger\Exception\InvalidArgumentException: The webhook payload cannot be encoded as JSON: Malformed UTF-8 characters, possibly incorrectly encoded
  json_last_error_msg(): Malformed UTF-8 characters, possibly incorrectly encoded
NAN: Messenger\Exception\InvalidArgumentException: The webhook payload cannot be encoded as JSON: Inf and NaN cannot be JSON encoded
wrong type: TypeError: Messenger\Webhook\WebhookMessage::__construct(): Argument #2 ($body) must be of type string, array given
json() bad header: Messenger\Exception\InvalidArgumentException: Webhook headers must be name => string value, without line breaks ("X")
-- options
{"timeout":-1}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "timeout" must be a number of seconds above 0 (at most 86400)
{"timeout":"x"}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "timeout" must be a number of seconds above 0 (at most 86400)
{"timeout":86401}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "timeout" must be a number of seconds above 0 (at most 86400)
{"connect_timeout":0}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "connect_timeout" must be a number of seconds above 0 (at most 86400)
{"concurrency":0}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "concurrency" must be an integer from 1 to 1024
{"concurrency":1025}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "concurrency" must be an integer from 1 to 1024
{"per_host":-1}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "per_host" must be an integer from 0 to 1024
{"signature":"hmac"}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "signature" must be "standard" (Standard Webhooks) or "symfony"
{"nope":1}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: unknown option "nope" (known: timeout, connect_timeout, concurrency, per_host, max_response_bytes, signature, allow_private_networks, verify_tls, ca_file, max_retry_after, user_agent, stop_timeout)
{"ca_file":"\/nonexistent\/ca.pem"}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "ca_file" /nonexistent/ca.pem is not a readable file
{"ca_file":""}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "ca_file" must be a non-empty string
{"max_response_bytes":-5}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "max_response_bytes" must be an integer from 0 to 16777216
{"verify_tls":"yes"}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "verify_tls" must be true or false
{"allow_private_networks":1}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "allow_private_networks" must be true or false
{"user_agent":"a\r\nb"}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "user_agent" must be a non-empty string
{"max_retry_after":-1}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "max_retry_after" must be a number of seconds from 0 (at most 86400)
{"stop_timeout":-1}: Messenger\Exception\InvalidArgumentException: Messenger\Webhook\WebhookHandler: "stop_timeout" must be a number of seconds from 0 (at most 86400)
Messenger\Exception\InvalidArgumentException: webhook: "timeout" must be a number of seconds above 0 (at most 86400)
Messenger\Exception\InvalidArgumentException: webhook must be an array of options, string given
all options: Messenger\Webhook\WebhookHandler
