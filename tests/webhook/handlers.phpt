--TEST--
Webhooks, the edges: an application's own handler of WebhookMessage, in any form, replaces the built-in one (never both); a message that comes out of a queue is checked again before it is sent (a tampered serialized one: an integer header key, line breaks; an unconstructed one); the json serializer refuses to send a WebhookMessage it could not decode; the symfony signature needs an event; HEAD; a listener that throws leaves no delivery unsettled; what __debugInfo hides; a password holding '@'
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/webhook.inc';
use Messenger\Webhook\{WebhookMessage, WebhookHandler, WebhookResult};

$s = new App\Webhook\Server();
#[Messenger\Attribute\AsMessageHandler]
final class MyHook { public function __invoke(WebhookMessage $m) { return 'mine'; } }
echo "-- who handles it\n";
foreach ([
    'discovered' => [new MyHook],
    'keyed by class' => [WebhookMessage::class => new MyHook],
    'handles' => [['handler' => fn(WebhookMessage $m) => 'closure', 'handles' => WebhookMessage::class]],
    'a namespace wildcard' => ['Messenger\Webhook\*' => fn($m) => 'wildcard'],
    'none: the built-in one' => [],
] as $what => $handlers) {
    $m = new Messenger\Messenger(['handlers' => $handlers, 'webhook' => ['allow_private_networks' => true]]);
    $e = $m->dispatch(new WebhookMessage($s->url("/who"), '{}'));
    echo "$what: ", implode(',', array_map(fn($st) => is_object($st->getResult()) ? get_class($st->getResult()) : $st->getResult(), $e->all(Messenger\Stamp\HandledStamp::class))), "\n";
}
echo 'requests: ', count($s->requests()), "\n";

echo "-- a message out of a queue is checked again\n";
$h = new WebhookHandler(['allow_private_networks' => true]);
$good = serialize(new WebhookMessage($s->url('/tampered'), 'b', ['X-A' => 'v'], id: 'id-1'));
foreach ([
    'integer header key' => str_replace('s:3:"X-A";s:1:"v";', 'i:0;s:1:"v";', $good),
    'line break in a header' => str_replace('s:3:"X-A";s:1:"v";', "s:3:\"X-A\";s:12:\"v\r\nInject: 1\";", $good),
    'line break in the method' => str_replace('s:4:"POST";', "s:6:\"GET\r\nX\";", $good),
] as $what => $bytes) {
    $msg = unserialize($bytes);
    try { $h($msg); echo "$what: sent\n"; } catch (Throwable $t) { echo "$what: ", get_class($t), ': ', $t->getMessage(), "\n"; }
}
$bare = (new ReflectionClass(WebhookMessage::class))->newInstanceWithoutConstructor();
try { $h($bare); } catch (Throwable $t) { echo 'unconstructed: ', get_class($t), ': ', $t->getMessage(), "\n"; }
try { $bare->getUrl(); } catch (Error $t) { echo 'its getter: ', $t->getMessage(), "\n"; }
echo 'requests: ', count($s->requests()), "\n";

echo "-- the json serializer\n";
$m = new Messenger\Messenger(['transports' => ['t' => ['dsn' => 'in-memory://?serialize=true', 'serializer' => 'json']], 'routing' => [WebhookMessage::class => 't']]);
try { $m->dispatch(new WebhookMessage($s->url('/json'), '{}')); echo "sent\n"; } catch (Throwable $t) { echo get_class($t), ': ', $t->getMessage(), "\n"; }

echo "-- the symfony signature needs an event\n";
try { (new WebhookHandler(['allow_private_networks' => true, 'signature' => 'symfony']))(new WebhookMessage($s->url('/sf'), '{}', secret: 'k', id: 'id-sf')); }
catch (Throwable $t) { echo get_class($t), ': ', $t->getMessage(), "\n"; }

echo "-- HEAD\n";
$r = $h(new WebhookMessage($s->url('/head'), '', method: 'HEAD'));
$last = $s->waitFor(count($s->requests()))[count($s->requests()) - 1];
echo $r->getStatusCode(), ' ', $last['method'], ' ', $last['path'], ' in under 5 s: ', var_export($r->getDurationMs() < 5000, true), "\n";

echo "-- WebhookResult is the handler's\n";
try { new WebhookResult(); } catch (Error $e) { echo $e->getMessage(), "\n"; }

echo "-- what is hidden\n";
$m = WebhookMessage::json('https://user:p@ss@example.com/hook', [], 'whsec_abc', null, ['authorization' => 'Bearer t0ken', 'content-type' => 'application/cloudevents+json', 'X-Trace' => 't1']);
$shown = print_r($m, true);
echo 'the token shown: ', var_export(str_contains($shown, 't0ken'), true), ', the password: ', var_export(str_contains($shown, 'p@ss') || str_contains($shown, 'ss@'), true), "\n";
echo 'url shown: ', $m->__debugInfo()['url'], "\n";
echo 'an @ after the host stays: ', WebhookMessage::json('https://example.com/a@b?c=@', [])->__debugInfo()['url'], "\n";
echo 'headers: ', json_encode($m->__debugInfo()['headers']), "\n";
echo 'one content-type: ', json_encode($m->getHeaders()), "\n";

echo "-- a listener that throws\n";
$db = sys_get_temp_dir() . '/messenger-webhook-edges-' . getmypid() . '.sqlite';
@unlink($db);
$n = 0;
$before = count($s->requests());
$m = new Messenger\Messenger([
    'connections' => ['db' => "sqlite:$db"],
    'transports' => ['hooks' => ['dsn' => 'doctrine://db?queue_name=hooks', 'retry_strategy' => ['delays' => [10]]], 'failed' => 'doctrine://db?queue_name=failed'],
    'failure_transport' => 'failed',
    'routing' => [WebhookMessage::class => 'hooks'],
    'webhook' => ['allow_private_networks' => true, 'concurrency' => 2],
    'listeners' => ['webhook' => function (array $e) use (&$n) { if (++$n === 2) { throw new DomainException('listener broke'); } }],
]);
$m->dispatchAll(array_map(fn($i) => new WebhookMessage($s->url("/slow/50/$i"), '{}'), range(1, 6)));
$retried = [];
$w = $m->worker(['hooks']);
$w->on('retrying', function (array $e) use (&$retried) { $retried[] = $e['error']->getPrevious()?->getMessage() ?? $e['error']->getMessage(); });
$w->run(['limit' => 7, 'time_limit' => 5, 'sleep' => 0.01]);
$paths = array_count_values(array_column(array_slice($s->requests(), $before), 'path'));
echo 'each endpoint called once: ', var_export(count($paths) === 6 && max($paths) === 1, true), ', left: ', $m->transport('hooks')->getMessageCount(), ', failed: ', $m->transport('failed')->getMessageCount(), "\n";
echo 'the message taken when it was thrown was retried: ', json_encode($retried), "\n";
unset($w, $m);
gc_collect_cycles();
@unlink($db);
?>
--EXPECTF--
-- who handles it
discovered: mine
keyed by class: mine
handles: closure
a namespace wildcard: wildcard
none: the built-in one: Messenger\Webhook\WebhookResult
requests: 1
-- a message out of a queue is checked again
integer header key: Messenger\Exception\UnrecoverableMessageHandlingException: Webhook headers must be name => string value, without line breaks ("(integer key)")
line break in a header: Messenger\Exception\UnrecoverableMessageHandlingException: Webhook headers must be name => string value, without line breaks ("X-A")
line break in the method: Messenger\Exception\UnrecoverableMessageHandlingException: The webhook method "GET
X" is not an HTTP method
unconstructed: Messenger\Exception\UnrecoverableMessageHandlingException: A webhook URL must be an http:// or https:// URL without spaces or line breaks
its getter: Messenger\Webhook\WebhookMessage was not constructed
requests: 1
-- the json serializer
Messenger\Exception\InvalidArgumentException: Could not encode message to JSON: the internal class Messenger\Webhook\WebhookMessage cannot be decoded from JSON (the php serializer can send it)
-- the symfony signature needs an event
Messenger\Exception\UnrecoverableMessageHandlingException: The webhook id-sf has no event: the symfony signature needs one (Webhook-Event)
-- HEAD
200 HEAD /head in under 5 s: true
-- WebhookResult is the handler's
Call to private Messenger\Webhook\WebhookResult::__construct() from global scope
-- what is hidden
the token shown: false, the password: false
url shown: https://example.com/hook
an @ after the host stays: https://example.com/a@b?c=@
headers: {"authorization":"***","content-type":"application\/cloudevents+json","X-Trace":"t1"}
one content-type: {"authorization":"Bearer t0ken","content-type":"application\/cloudevents+json","X-Trace":"t1"}
-- a listener that throws
each endpoint called once: true, left: 0, failed: 0
the message taken when it was thrown was retried: ["listener broke"]
