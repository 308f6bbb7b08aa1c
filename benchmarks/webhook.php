<?php
/*
 * Our webhook deliveries as users run them: an application whose config/messenger.php routes
 * Messenger\Webhook\WebhookMessage to the transport "webhooks" (redis://127.0.0.1:PORT/webhooks,
 * with a failure transport on the same server) and sets 'webhook' => ['concurrency' => 32,
 * 'allow_private_networks' => true] (the endpoint is on the loopback). Run with the extension
 * (php -n -d extension=.../messenger.so; phpredis too if loaded: it empties the streams first).
 *
 *   consume REDIS_PORT URL N [STATUS_URL]
 *     fills the queue with N WebhookMessage::json($url, $payload, 'whsec_...', 'account.register')
 *     by dispatchAll() (1000 at a time; the same ~300-byte payload as benchmarks/webhook.inc, one
 *     secret), then times `php bin/console messenger:consume webhooks --limit=N -q` from its
 *     process start to its exit, as benchmarks/console.php times a worker; the queue and the
 *     failure transport must be empty after it. Prints one JSON line: n, seconds,
 *     deliveries_per_s, cpu_s (the worker process's user + system time), nginx_counted and
 *     nginx_connections (the requests and connections nginx counted meanwhile, its stub_status).
 *   fanout REDIS_PORT BASE_URL SLOW_URL
 *     one event to 50 endpoints: 50 WebhookMessages, the first to SLOW_URL (answers after 2 s),
 *     49 to BASE_URL/endpoint-1..49, sent by one dispatchAll(); then a worker in this process
 *     ($messenger->worker(['fanout'])->run(['limit' => 50])) with the configuration's listeners
 *     noting when it receives the first message and when each delivery is handled. Prints one JSON
 *     line: fast_max_ms (the last of the 49 fast ones, from the first receive), fast_median_ms,
 *     slow_ms, handled, failed.
 */
require __DIR__ . '/webhook.inc';

use function MessengerBench\Webhook\{payload, secret, nginxCounts, nginxDelta, cpuSeconds};

$fail = function (string $why) {
    echo json_encode(['error' => $why], JSON_UNESCAPED_SLASHES), "\n";
    exit(1);
};
if (!extension_loaded('messenger')) {
    $fail('the messenger extension is not loaded');
}
if (!class_exists('Messenger\Webhook\WebhookMessage')) {
    $fail('this build has no Messenger\Webhook\WebhookMessage');
}
[$self, $mode] = $argv + [null, ''];
$root = dirname(__DIR__);
$redisPort = (int) ($argv[2] ?? 0);
$webhookOptions = ['concurrency' => 32, 'allow_private_networks' => true];

/* empties the streams of $names (and their delayed-message keys) when phpredis is here */
$clear = function (array $names) use ($redisPort) {
    if (!class_exists('Redis')) {
        return;
    }
    $r = new Redis();
    $r->connect('127.0.0.1', $redisPort);
    foreach ($names as $name) {
        $r->del($name, "{$name}__queue");
    }
    $r->close();
};

try {
    switch ($mode) {
        case 'consume':
            [, , , $url, $n, $statusUrl] = $argv + [5 => ''];
            $n = (int) $n;
            $dir = sys_get_temp_dir() . '/messenger-bench-webhook-' . getmypid();
            exec('rm -rf ' . escapeshellarg($dir));
            mkdir("$dir/config", 0777, true);
            mkdir("$dir/var");
            file_put_contents("$dir/config/messenger.php", '<?php
return [
    "transports" => [
        "webhooks" => ' . var_export("redis://127.0.0.1:$redisPort/webhooks", true) . ',
        "failed" => ' . var_export("redis://127.0.0.1:$redisPort/webhooks_failed", true) . ',
    ],
    "failure_transport" => "failed",
    "routing" => [Messenger\Webhook\WebhookMessage::class => "webhooks"],
    "webhook" => ' . var_export($webhookOptions, true) . ',
];');
            $clear(['webhooks', 'webhooks_failed']);
            $m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
            $m->setupTransports();
            $payload = payload();
            $secret = secret();
            for ($i = 0; $i < $n; $i += 1000) {
                $batch = [];
                for ($k = $i; $k < min($i + 1000, $n); $k++) {
                    $batch[] = Messenger\Webhook\WebhookMessage::json($url, $payload, $secret, MessengerBench\Webhook\EVENT);
                }
                $m->dispatchAll($batch);
            }
            $count = $m->transport('webhooks')->getMessageCount();
            if ($count !== $n) {
                throw new RuntimeException("filled $count messages, not $n");
            }
            unset($m);
            // the worker as users run it; a time limit so that a worker that cannot deliver ends
            $cmd = [PHP_BINARY, '-n', '-d', "extension=$root/modules/messenger.so", "$root/bin/console",
                'messenger:consume', 'webhooks', "--limit=$n", '--time-limit=' . max(60, intdiv($n, 200)), '-q'];
            $before = nginxCounts($statusUrl);
            $cpuBefore = cpuSeconds(1);
            $start = hrtime(true);
            $p = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
            $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
            $code = proc_close($p);
            $seconds = (hrtime(true) - $start) / 1e9;
            $after = nginxCounts($statusUrl);
            $cpu = cpuSeconds(1) - $cpuBefore;
            $m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
            $left = $m->transport('webhooks')->getMessageCount();
            $failed = $m->transport('failed')->getMessageCount();
            unset($m);
            $clear(['webhooks', 'webhooks_failed']);
            exec('rm -rf ' . escapeshellarg($dir));
            if ($code !== 0 || $left !== 0 || $failed !== 0) {
                throw new RuntimeException("bin/console messenger:consume exited $code, left $left messages in the queue and $failed in the failure transport: " . substr(trim($out), 0, 500));
            }
            echo json_encode([
                'side' => 'messenger', 'n' => $n, 'seconds' => round($seconds, 4), 'deliveries_per_s' => (int) round($n / $seconds),
                'cpu_s' => round($cpu, 3),
            ] + nginxDelta($before, $after), JSON_UNESCAPED_SLASHES), "\n";
            break;

        case 'fanout':
            [, , , $baseUrl, $slowUrl] = $argv + [3 => '', 4 => ''];
            $clear(['webhooks_fanout']);
            $firstReceived = null;
            $handled = [];
            $failed = 0;
            $m = new Messenger\Messenger([
                'transports' => ['fanout' => "redis://127.0.0.1:$redisPort/webhooks_fanout"],
                'routing' => [Messenger\Webhook\WebhookMessage::class => 'fanout'],
                'webhook' => $webhookOptions,
                'listeners' => [
                    'received' => function (array $e) use (&$firstReceived) {
                        $firstReceived ??= hrtime(true);
                    },
                    'handled' => function (array $e) use (&$handled) {
                        $handled[$e['envelope']->getMessage()->getUrl()] = hrtime(true);
                    },
                    'failed' => function (array $e) use (&$failed) {
                        $failed++;
                    },
                ],
            ]);
            $m->setupTransports();
            $payload = payload();
            $secret = secret();
            $messages = [Messenger\Webhook\WebhookMessage::json($slowUrl, $payload, $secret, MessengerBench\Webhook\EVENT)];
            for ($i = 1; $i <= 49; $i++) {
                $messages[] = Messenger\Webhook\WebhookMessage::json("$baseUrl/endpoint-$i", $payload, $secret, MessengerBench\Webhook\EVENT);
            }
            $m->dispatchAll($messages);
            $run = hrtime(true);
            $m->worker(['fanout'])->run(['limit' => 50, 'time_limit' => 30]);
            $from = $firstReceived ?? $run;
            $fast = [];
            foreach ($handled as $url => $at) {
                if ($url !== $slowUrl) {
                    $fast[] = ($at - $from) / 1e6;
                }
            }
            sort($fast);
            $clear(['webhooks_fanout']);
            if (count($fast) !== 49) {
                throw new RuntimeException(count($fast) . ' of the 49 fast deliveries were handled, ' . $failed . ' failed');
            }
            echo json_encode([
                'fast_max_ms' => round(max($fast), 1), 'fast_median_ms' => round($fast[24], 1),
                'slow_ms' => isset($handled[$slowUrl]) ? round(($handled[$slowUrl] - $from) / 1e6, 1) : null,
                'handled' => count($handled), 'failed' => $failed,
                'from' => $firstReceived !== null ? 'first received' : 'run()',
            ], JSON_UNESCAPED_SLASHES), "\n";
            break;

        default:
            fwrite(STDERR, "usage: php webhook.php consume REDIS_PORT URL N [STATUS_URL] | fanout REDIS_PORT BASE_URL SLOW_URL\n");
            exit(2);
    }
} catch (Throwable $e) {
    $fail(get_class($e) . ': ' . $e->getMessage());
}
