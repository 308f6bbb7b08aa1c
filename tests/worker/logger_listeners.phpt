--TEST--
Worker: the configuration's logger (PSR-3 shaped: Symfony's messages and context keys) and listeners (one or a list per event, for every worker), the retried event, bad listeners and loggers
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job { public function __construct(public int $n) {} }
final class MemoryLogger
{
    public array $lines = [];
    public function log($level, string|\Stringable $message, array $context = []): void
    {
        $text = preg_replace_callback('/\{(\w+)\}/', fn($m) => is_scalar($context[$m[1]] ?? null) ? (string) $context[$m[1]] : $m[0], $message);
        $keys = array_keys($context);
        sort($keys);
        $this->lines[] = "$level: $text [" . implode(',', $keys) . ']';
    }
}
$logger = new MemoryLogger();
$seen = [];
$config = [
    'transports' => [
        'async' => ['dsn' => 'in-memory://', 'retry_strategy' => ['max_retries' => 1, 'delay' => 0, 'jitter' => 0]],
        'failed' => 'in-memory://',
    ],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) { if ($j->n === 2) { throw new RuntimeException("two never works"); } }],
    'logger' => $logger,
    'listeners' => [
        'handled' => function (array $e) use (&$seen) { $seen[] = 'handled ' . $e['envelope']->getMessage()->n; },
        'failed' => [
            function (array $e) use (&$seen) { $seen[] = 'failed ' . $e['envelope']->getMessage()->n . ($e['will_retry'] ? ', will retry' : ''); },
            function (array $e) use (&$seen) { $seen[] = '  (second failed listener)'; },
        ],
        'retried' => function (array $e) use (&$seen) { $seen[] = 'retried ' . $e['envelope']->getMessage()->n . ' on ' . $e['transport']; },
    ],
];
$m = new Messenger\Messenger($config);
$m->dispatch(new Job(1));
$m->dispatch(new Job(2));
$w = $m->worker(['async']);
$w->on('retried', function (array $e) use (&$seen) { $seen[] = '  (retried, registered with on())'; });
echo 'exit ', $w->run(['limit' => 3]), "\n";
echo implode("\n", $seen), "\n";
echo implode("\n", $logger->lines), "\n";
echo 'in the failure transport: ', count($m->transport('failed')->get()), "\n";

echo "-- a second worker gets the configured listeners too\n";
$seen = [];
$m->dispatch(new Job(3));
$m->worker(['async'])->run(['limit' => 1]);
echo implode("\n", $seen), "\n";

echo "-- bad configuration\n";
foreach ([
    ['listeners' => ['finished' => fn() => null]],
    ['listeners' => ['handled' => 'no_such_function']],
    ['listeners' => ['handled' => [fn() => null, 42]]],
    ['listeners' => [fn() => null]],
    ['listeners' => 'handled'],
    ['logger' => 'syslog'],
    ['logger' => new stdClass()],
] as $bad) {
    try {
        new Messenger\Messenger(['transports' => ['async' => 'in-memory://']] + $bad);
        echo "no exception\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    $w->on('finished', fn() => null);
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
exit 0
handled 1
failed 2, will retry
  (second failed listener)
retried 2 on async
  (retried, registered with on())
failed 2
  (second failed listener)
info: Job was handled successfully (acknowledging to transport). [class,message,transport]
warning: Error thrown while handling message Job. Sending for retry #1 using 0 ms delay. Error: "Handling "Job" failed: two never works" [class,delay,error,exception,message,retryCount,transport]
critical: Error thrown while handling message Job. Removing from transport after 1 retries. Error: "Handling "Job" failed: two never works" [class,error,exception,message,retryCount,transport]
info: Rejected message Job will be sent to the failure transport failed. [alias,class,message,transport]
in the failure transport: 1
-- a second worker gets the configured listeners too
handled 3
-- bad configuration
Unknown event "finished" (known: dispatched, sent, started, received, handled, failed, retrying, retried, removed, sent_to_failure, keepalive, keepalive_failed, transport_unavailable, transport_available, idle, stopped, webhook, webhook_gone)
listeners["handled"] must be callable, string given
listeners["handled"] must be callable, int given
listeners must be keyed by event name (dispatched, sent, started, received, handled, failed, retrying, retried, removed, sent_to_failure, keepalive, keepalive_failed, transport_unavailable, transport_available, idle, stopped, webhook, webhook_gone)
listeners must be an array of event name => listener or list of listeners, string given
logger must be an object with a method log($level, $message, array $context) (PSR-3), string given
logger must be an object with a method log($level, $message, array $context) (PSR-3), stdClass given
Unknown event "finished" (known: dispatched, sent, started, received, handled, failed, retrying, retried, removed, sent_to_failure, keepalive, keepalive_failed, transport_unavailable, transport_available, idle, stopped, webhook, webhook_gone)
