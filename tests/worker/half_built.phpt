--TEST--
Decoding is all or nothing: a stamp or message with a declared property missing or renamed (one flipped bit: handlerName, exceptionClass, originalReceiverName, Job::$n) is an UndecodableMessage for the failure transport naming the property, never a half-made object that crashes the worker or messenger:failed:show/retry; encoding refuses a message with an uninitialized property
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
namespace App;

final class Job { public function __construct(public int $n) {} }
final class Late { public int $late; }

preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$dir = sys_get_temp_dir() . '/messenger-half-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", <<<'PHP'
<?php
namespace App;
if (!class_exists(Job::class)) { final class Job { public function __construct(public int $n) {} } }
return [
    'transports' => [
        'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://default?queue_name=failed',
    ],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) { echo "handled {$j->n}\n"; }],
];
PHP);
$m = \Messenger\Messenger::fromFile("$dir/config/messenger.php");
$m->setupTransports();
$pdo = new \PDO("sqlite:$dir/var/messenger.sqlite");
$s = new \Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => true]);
$body = fn (object $message, array $stamps = []) => stripslashes($s->encode(new \Messenger\Envelope($message, $stamps))['body']);
$insert = function (string $queue, string $serialized) use ($pdo) {
    $pdo->prepare("INSERT INTO messenger_messages (body, headers, queue_name, created_at, available_at) VALUES (?, '[]', ?, '2020-01-01 00:00:00', '2020-01-01 00:00:00')")
        ->execute([addslashes($serialized), $queue]);
};
// a message already handled once: the worker reads its HandledStamp
$insert('default', str_replace('handlerName', 'handlerNbme', $body(new Job(1), [new \Messenger\Stamp\HandledStamp(null, 'h')])));
$insert('default', str_replace('s:1:"n";i:2', 's:1:"m";i:2', $body(new Job(2))));
$insert('default', $body(new Job(3)));
// rows of the failure transport that lost a property of the stamps failed:* read
$insert('failed', str_replace('exceptionClass', 'exceptionClasz', $body(new Job(4), [new \Messenger\Stamp\ErrorDetailsStamp('RuntimeException', 0, 'four failed')])));
$insert('failed', str_replace('originalReceiverName', 'originalReceiverNbme', $body(new Job(5), [new \Messenger\Stamp\SentToFailureTransportStamp('async')])));

echo "-- the worker\n";
$code = $m->worker(['async'])->run(['limit' => 3, 'sleep' => 0]);
echo "worker exit: $code\n";
echo 'left in async: ', $m->transport('async')->getMessageCount(), "\n";
foreach ($m->transport('failed')->all() as $e) {
    $message = $e->getMessage();
    echo get_class($message), ': ', $message instanceof \Messenger\Transport\Serialization\UndecodableMessage ? $message->error : json_encode($message), "\n";
}

echo "-- the console\n";
$run = function (array $args) use ($so, $dir) {
    $proc = proc_open(array_merge([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], __DIR__ . '/../../bin/console'], $args),
        [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    return [proc_close($proc), preg_replace('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', 'DATE', $out)];
};
[$code, $out] = $run(['messenger:failed:show']);
echo "failed:show: $code\n$out";
[$code, $out] = $run(['messenger:failed:show', '4', '-vv']);
echo "failed:show 4: $code, ", str_contains($out, 'exceptionClasz') ? 'shows the body' : $out, "\n";
[$code, $out] = $run(['messenger:failed:retry', '--force']);
echo "failed:retry: $code\n$out";
echo 'in the failure transport: ', $m->transport('failed')->getMessageCount(), "\n";

echo "-- encoding\n";
try {
    (new \Messenger\Messenger(['transports' => ['async' => 'in-memory://?serialize=true'], 'routing' => [Late::class => 'async']]))->dispatch(new Late());
} catch (\Messenger\Exception\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
foreach (['php', 'json'] as $format) {
    $json = $format === 'json' ? new \Messenger\Transport\Serialization\JsonSerializer(['allowed_classes' => true]) : $s;
    try {
        $json->encode(new \Messenger\Envelope(new Late()));
    } catch (\Messenger\Exception\InvalidArgumentException $e) {
        echo "$format: ", $e->getMessage(), "\n";
    }
}
unset($m, $pdo);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
-- the worker
handled 3
worker exit: 0
left in async: 0
Messenger\Transport\Serialization\UndecodableMessage: Could not decode Envelope: Messenger\Stamp\ErrorDetailsStamp::$exceptionClass holds no value (the body does not have it, or not under its name)
Messenger\Transport\Serialization\UndecodableMessage: Could not decode Envelope: Messenger\Stamp\SentToFailureTransportStamp::$originalReceiverName holds no value (the body does not have it, or not under its name)
Messenger\Transport\Serialization\UndecodableMessage: Could not decode Envelope: Messenger\Stamp\HandledStamp::$handlerName holds no value (the body does not have it, or not under its name)
Messenger\Transport\Serialization\UndecodableMessage: Could not decode Envelope: App\Job::$n holds no value (the body does not have it, or not under its name)
-- the console
failed:show: 0
 Id  Class                                                 Failed at            Error
 4   Messenger\Transport\Serialization\UndecodableMessage  -                    Could not decode Envelope: Messenger\Stamp\ErrorDetailsStamp::$exceptionClass holds no value (the body does not have it, or not under its name)
 5   Messenger\Transport\Serialization\UndecodableMessage  -                    Could not decode Envelope: Messenger\Stamp\SentToFailureTransportStamp::$originalReceiverName holds no value (the body does not have it, or not under its name)
 6   Messenger\Transport\Serialization\UndecodableMessage  DATE  Could not decode Envelope: Messenger\Stamp\HandledStamp::$handlerName holds no value (the body does not have it, or not under its name)
 7   Messenger\Transport\Serialization\UndecodableMessage  DATE  Could not decode Envelope: App\Job::$n holds no value (the body does not have it, or not under its name)

 4 messages in the failure transport "failed".
failed:show 4: 0, shows the body
failed:retry: 0
[WARNING] Message 4 cannot be retried: the failure transport cannot decode it and it names no original transport; it stays.
[WARNING] Message 5 cannot be retried: the failure transport cannot decode it and it names no original transport; it stays.
[WARNING] Message 6 failed again.
[WARNING] Message 7 failed again.
0 retried, 4 failed again.
in the failure transport: 4
-- encoding
Cannot encode the App\Late message: App\Late::$late is not initialized, and a worker would refuse a message without it
php: Cannot encode the App\Late message: App\Late::$late is not initialized, and a worker would refuse a message without it
json: Cannot encode the App\Late message: App\Late::$late is not initialized, and a worker would refuse a message without it