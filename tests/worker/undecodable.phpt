--TEST--
Worker: a message its transport cannot decode (garbage, a class not allowed yet, broken JSON) goes to the failure transport as an UndecodableMessage with the body, headers and reason, and the worker goes on; messenger:failed:retry decodes it again once its class is known; without a failure transport it is dropped with a warning naming why
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
namespace App;

final class Job { public function __construct(public int $n) {} }

$db = sys_get_temp_dir() . '/messenger-undecodable-' . getmypid() . '.sqlite';
@unlink($db);
$pdo = new \PDO("sqlite:$db");
$config = function (array $handlers, array $extra = []) use ($db) {
    return array_replace_recursive([
        'connections' => ['db' => "sqlite:$db"],
        'transports' => [
            'async' => ['dsn' => 'doctrine://db', 'retry_strategy' => ['max_retries' => 0]],
            'json' => ['dsn' => 'doctrine://db?queue_name=json', 'serializer' => 'json', 'retry_strategy' => ['max_retries' => 0]],
            'failed' => 'doctrine://db?queue_name=failed',
            'lossy' => 'doctrine://db?queue_name=lossy',
        ],
        'failure_transport' => 'failed',
        'routing' => [Job::class => 'async'],
        'handlers' => $handlers,
    ], $extra);
};
$seen = [];
$m = new \Messenger\Messenger($config([Job::class => function (Job $j) use (&$seen) { $seen[] = $j->n; }]));
$m->setupTransports();
$insert = function (string $queue, string $body, string $headers = '[]') use ($pdo) {
    $st = $pdo->prepare("INSERT INTO messenger_messages (body, headers, queue_name, created_at, available_at) VALUES (?, ?, ?, '2020-01-01 00:00:00', '2020-01-01 00:00:00')");
    $st->execute([$body, $headers, $queue]);
};
$m->dispatch(new Job(1));
$insert('default', "garbage \x01 here");
// a well-formed message of a class nobody has told this application about yet
$body = (new \Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => true]))->encode(new \Messenger\Envelope(new Job(7)))['body'];
$insert('default', addslashes(str_replace('O:7:"App\\Job"', 'O:9:"App\\Later"', stripslashes($body))));
$m->dispatch(new Job(2));
$insert('json', '{"n": ', json_encode(['type' => Job::class, 'Content-Type' => 'application/json']));

$events = [];
$w = $m->worker(['async', 'json']);
$w->on('failed', function (array $e) use (&$events) { $events[] = get_class($e['envelope']->getMessage()) . ' from ' . $e['transport'] . ': ' . get_class($e['error']) . ', will retry: ' . var_export($e['will_retry'], true); });
echo 'exit ', $w->run(['limit' => 5, 'time_limit' => 10, 'sleep' => 0.01]), "\n";
echo 'handled: ', implode(',', $seen), "\n";
echo implode("\n", $events), "\n";
echo 'left in async and json: ', $m->transport('async')->getMessageCount() + $m->transport('json')->getMessageCount(), "\n";

echo "-- in the failure transport\n";
foreach ($m->transport('failed')->all() as $e) {
    $u = $e->getMessage();
    echo get_class($u), ' from ', $e->last(\Messenger\Stamp\SentToFailureTransportStamp::class)->getOriginalReceiverName(), "\n";
    echo '  body: ', json_encode(substr($u->body, 0, 20)), "\n  headers: ", json_encode($u->headers), "\n  error: ", $u->error, "\n";
    echo '  details: ', $e->last(\Messenger\Stamp\ErrorDetailsStamp::class)->getExceptionClass(), "\n";
}

echo "-- the class exists now: failed:retry\n";
final class Later { public function __construct(public int $n) {} }
$seen = [];
$m2 = new \Messenger\Messenger($config([
    Job::class => function (Job $j) use (&$seen) { $seen[] = "job {$j->n}"; },
    Later::class => function (Later $l) use (&$seen) { $seen[] = "later {$l->n}"; },
]));
$code = (new \Messenger\Console($m2))->run(['bin/console', 'messenger:failed:retry', '--force']);
echo "exit $code\n";
echo 'handled: ', implode(',', $seen), "\n";
foreach ($m2->transport('failed')->all() as $e) {
    echo 'still failed: ', get_class($e->getMessage()), ' ', json_encode($e->getMessage()->body), "\n";
}

echo "-- no failure transport\n";
$seen = [];
$m3 = new \Messenger\Messenger($config([Job::class => function (Job $j) use (&$seen) { $seen[] = $j->n; }], ['failure_transport' => null]));
$insert('lossy', 'more garbage');
$m3->dispatch(new Job(3), [new \Messenger\Stamp\TransportNamesStamp(['lossy'])]);
$code = $m3->worker(['lossy'])->run(['limit' => 2, 'time_limit' => 10, 'sleep' => 0.01]);
echo "exit $code\n";
echo 'handled: ', implode(',', $seen), "; left in lossy: ", $m3->transport('lossy')->getMessageCount(), "\n";
echo "-- an UndecodableMessage through both formats (a failure transport may use either)\n";
$u = new \Messenger\Envelope(new \Messenger\Transport\Serialization\UndecodableMessage('{bad', ['type' => 'X'], 'why'));
foreach ([new \Messenger\Transport\Serialization\JsonSerializer(), new \Messenger\Transport\Serialization\PhpSerializer()] as $s) {
    var_dump($s->decode($s->encode($u))->getMessage() == $u->getMessage());
}
$binary = new \Messenger\Envelope(new \Messenger\Transport\Serialization\UndecodableMessage("\xff\xfe", [], 'why'));
var_dump((new \Messenger\Transport\Serialization\PhpSerializer())->decode((new \Messenger\Transport\Serialization\PhpSerializer())->encode($binary))->getMessage()->body === "\xff\xfe");
// JSON holds a body that is not UTF-8 as base64
$json = new \Messenger\Transport\Serialization\JsonSerializer();
$encoded = $json->encode($binary);
echo $encoded['body'], "\n";
var_dump($json->decode($encoded)->getMessage()->body === "\xff\xfe");
foreach (['{"body_base64":"!!","headers":[],"error":"x"}', '{"body_base64":7,"headers":[],"error":"x"}'] as $bad) {
    try {
        $json->decode(['body' => $bad, 'headers' => $encoded['headers']]);
    } catch (\Messenger\Exception\MessageDecodingFailedException $e) {
        echo $e->getMessage(), "\n";
    }
}
unset($m, $m2, $m3, $w, $pdo);
@unlink($db);
?>
--EXPECTF--
exit 0
handled: 1,2
Messenger\Transport\Serialization\UndecodableMessage from async: Messenger\Exception\MessageDecodingFailedException, will retry: false
Messenger\Transport\Serialization\UndecodableMessage from async: Messenger\Exception\MessageDecodingFailedException, will retry: false
Messenger\Transport\Serialization\UndecodableMessage from json: Messenger\Exception\MessageDecodingFailedException, will retry: false
left in async and json: 0
-- in the failure transport
Messenger\Transport\Serialization\UndecodableMessage from async
  body: "garbage \u0001 here"
  headers: []
  error: Could not decode Envelope: the body is neither serialized PHP (it does not end with "}") nor base64 (byte 7)
  details: Messenger\Exception\MessageDecodingFailedException
Messenger\Transport\Serialization\UndecodableMessage from async
  body: "O:36:\\\"Symfony\\\\Comp"
  headers: []
  error: Could not decode Envelope: Class "App\Later" is not in the serializer's allowed_classes: list it there (or a type it extends) to decode it
  details: Messenger\Exception\MessageDecodingFailedException
Messenger\Transport\Serialization\UndecodableMessage from json
  body: "{\"n\": "
  headers: {"type":"App\\Job","Content-Type":"application\/json"}
  error: Could not decode message: Syntax error
  details: Messenger\Exception\MessageDecodingFailedException
-- the class exists now: failed:retry
[WARNING] Message 6 failed again.
[OK] Message 7 retried and handled.
[WARNING] Message 8 failed again.
1 retried, 2 failed again.
exit 0
handled: later 7
still failed: Messenger\Transport\Serialization\UndecodableMessage "garbage \u0001 here"
still failed: Messenger\Transport\Serialization\UndecodableMessage "{\"n\": "
-- no failure transport

Warning: Messenger\Worker::run(): Messenger: a Messenger\Transport\Serialization\UndecodableMessage from the transport "lossy" failed and is dropped (no failure transport): Messenger\Exception\MessageDecodingFailedException: Could not decode Envelope: the body is neither serialized PHP (it does not end with "}") nor base64 (byte 4) in %s on line %d
exit 0
handled: 3; left in lossy: 0
-- an UndecodableMessage through both formats (a failure transport may use either)
bool(true)
bool(true)
bool(true)
{"body_base64":"\/\/4=","headers":[],"error":"why"}
bool(true)
Could not decode message: the "body_base64" attribute of class "Messenger\Transport\Serialization\UndecodableMessage" is not base64
Could not decode message: the "body_base64" attribute of class "Messenger\Transport\Serialization\UndecodableMessage" is not base64
