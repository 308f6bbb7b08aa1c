<?php
/*
 * The PHP HTTP clients an application would send its webhooks with, on the same endpoint and with
 * the same signed bodies as our extension: N POSTs of the ~300-byte JSON of webhook.inc, each with
 * its own Standard Webhooks headers (fresh webhook-id, HMAC-SHA256 signature computed in PHP), 32
 * in flight at a time.
 *   symfony: Debian's Symfony HttpClient 5.4, CurlHttpClient with 32 connections per host; 32
 *            requests started, streamed with $client->stream(), each one that ends replaced by a
 *            new one at once (the new ones progress in the same curl multi handle; the stream is
 *            restarted over the requests in flight when the set it was given is done)
 *   guzzle:  Debian's Guzzle 7.4, GuzzleHttp\Pool over a generator of signed requests, concurrency
 *            32 (its default handler: CurlMultiHandler)
 *   body:    prints the body (for ab -p)
 * Timed from the first request to the last response, in the process (no interpreter start).
 * Usage: php -n -d extension=curl webhook_clients.php symfony|guzzle URL N [STATUS_URL]
 * Prints one JSON line: side, n, ok, failed, seconds, deliveries_per_s, body_bytes, cpu_s (this
 * process's user + system time over the timed part), nginx_counted and nginx_connections (the
 * requests and connections nginx counted meanwhile, from its stub_status; -1 without one).
 */
error_reporting(E_ALL & ~E_DEPRECATED); // Guzzle 7.4 on PHP 8.2: dynamic properties
require __DIR__ . '/webhook.inc';

use function MessengerBench\Webhook\{body, secret, signedHeaders, nginxCounts, nginxDelta, cpuSeconds};

[$self, $side, $url, $n, $statusUrl] = $argv + [null, 'body', 'http://127.0.0.1/hook', 20000, ''];
$n = (int) $n;
$concurrency = 32;
$body = body();
if ($side === 'body') {
    echo $body;
    exit(0);
}
if (!extension_loaded('curl')) {
    fwrite(STDERR, "ext-curl is not loaded (apt-get install php8.2-curl; php -d extension=curl)\n");
    exit(1);
}
$secret = secret();
$ok = 0;
$failed = 0;
$firstError = null;
$before = nginxCounts($statusUrl);

switch ($side) {
    case 'symfony':
        $autoload = '/usr/share/php/Symfony/Component/HttpClient/autoload.php';
        if (!is_file($autoload)) {
            fwrite(STDERR, "no $autoload (apt-get install php-symfony-http-client)\n");
            exit(1);
        }
        require $autoload;
        $client = new Symfony\Component\HttpClient\CurlHttpClient([], $concurrency);
        $send = fn () => $client->request('POST', $url, ['headers' => signedHeaders($body, $secret), 'body' => $body]);
        $start = hrtime(true);
        $cpu0 = cpuSeconds();
        $pending = [];
        $started = 0;
        for (; $started < min($concurrency, $n); $started++) {
            $r = $send();
            $pending[spl_object_id($r)] = $r;
        }
        while ($pending) {
            foreach ($client->stream($pending) as $response => $chunk) {
                try {
                    if (!$chunk->isLast()) {
                        continue;
                    }
                    if ($response->getStatusCode() === 200) {
                        $ok++;
                    } else {
                        $failed++;
                        $firstError ??= 'HTTP ' . $response->getStatusCode();
                    }
                } catch (Symfony\Contracts\HttpClient\Exception\TransportExceptionInterface $e) {
                    $failed++;
                    $firstError ??= $e->getMessage();
                }
                unset($pending[spl_object_id($response)]);
                if ($started < $n) {
                    $r = $send();
                    $pending[spl_object_id($r)] = $r;
                    $started++;
                }
            }
        }
        $seconds = (hrtime(true) - $start) / 1e9;
        break;

    case 'guzzle':
        $autoload = '/usr/share/php/GuzzleHttp/autoload.php';
        if (!is_file($autoload)) {
            fwrite(STDERR, "no $autoload (apt-get install php-guzzlehttp-guzzle)\n");
            exit(1);
        }
        require $autoload;
        $client = new GuzzleHttp\Client(['http_errors' => false]);
        $requests = function () use ($n, $url, $body, $secret) {
            for ($i = 0; $i < $n; $i++) {
                yield new GuzzleHttp\Psr7\Request('POST', $url, signedHeaders($body, $secret), $body);
            }
        };
        $start = hrtime(true);
        $cpu0 = cpuSeconds();
        $pool = new GuzzleHttp\Pool($client, $requests(), [
            'concurrency' => $concurrency,
            'fulfilled' => function ($response) use (&$ok, &$failed, &$firstError) {
                if ($response->getStatusCode() === 200) {
                    $ok++;
                } else {
                    $failed++;
                    $firstError ??= 'HTTP ' . $response->getStatusCode();
                }
            },
            'rejected' => function ($reason) use (&$failed, &$firstError) {
                $failed++;
                $firstError ??= $reason instanceof Throwable ? $reason->getMessage() : (string) $reason;
            },
        ]);
        $pool->promise()->wait();
        $seconds = (hrtime(true) - $start) / 1e9;
        break;

    default:
        fwrite(STDERR, "usage: php webhook_clients.php symfony|guzzle|body URL N [STATUS_URL]\n");
        exit(2);
}

$result = [
    'side' => $side, 'n' => $n, 'ok' => $ok, 'failed' => $failed, 'seconds' => round($seconds, 4),
    'deliveries_per_s' => (int) round($ok / $seconds), 'body_bytes' => strlen($body),
    'cpu_s' => round(cpuSeconds() - $cpu0, 3),
] + nginxDelta($before, nginxCounts($statusUrl));
if ($firstError !== null) {
    $result['first_error'] = $firstError;
}
echo json_encode($result, JSON_UNESCAPED_SLASHES), "\n";
exit($ok === $n ? 0 : 1);
