--TEST--
Messenger\Dashboard's JSON API on real SQLite transports and a worker's real report: stats (counts, success rates today and overall, the last hour per minute, running workers only), the failed list with its filters and pages, one message in detail, retry (back to its transport, out of the failure transport) and remove; the token, the CSRF check, the mount path, bad options and ids; a hostile payload stays data
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
final class Sms { public function __construct(public string $to, public string $text = '') {} }
final class Mail { public function __construct(public string $to) {} }
$dir = sys_get_temp_dir() . '/messenger-dash-api-' . getmypid();
rm_tree($dir);
mkdir("$dir/workers", 0777, true);
$config = [
    'connections' => ['default' => "sqlite:$dir/q.sqlite"],
    'transports' => [
        'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://default?queue_name=failed',
        'memory' => 'in-memory://',
    ],
    'failure_transport' => 'failed',
    'routing' => [Sms::class => 'async', Mail::class => 'async'],
    'handlers' => [
        Sms::class => function (Sms $s) { if (str_starts_with($s->to, 'bad')) { throw new RuntimeException("cannot text {$s->to}: <img src=x onerror=alert(1)>"); } },
        Mail::class => function (Mail $m) { throw new LogicException("no mail to {$m->to}"); },
    ],
];
$m = new Messenger\Messenger($config);
$m->setupTransports();
foreach (['ok1', 'bad1', 'ok2', 'bad2', 'bad3', 'bad<script>window.__xss=1</script>'] as $to) {
    $m->dispatch(new Sms($to, '<b>hi</b>'));
}
$m->dispatch(new Mail('a@example.com'));
$m->worker(['async'])->run(['limit' => 7, 'sleep' => 0, 'status_dir' => "$dir/workers"]);

// a worker that stopped reporting 200 s ago while "running" (killed): not listed, still counted;
// one older than 7 days: forgotten (its file goes); garbage beside them: ignored
$now = time();
$day = intdiv($now + (int) date('Z'), 86400);
file_put_contents("$dir/workers/gone-1-100.json", json_encode(['host' => 'gone', 'pid' => 1, 'transports' => ['async'], 'since' => $now - 600, 'updated' => $now - 200,
    'running' => true, 'handled' => 10, 'failed' => 0, 'memory' => 1, 'day' => $day, 'day_handled' => 10, 'day_failed' => 0, 'minutes' => [[intdiv($now, 60) * 60 - 120, 10, 0]]]));
file_put_contents("$dir/workers/old-2-100.json", json_encode(['host' => 'old', 'pid' => 2, 'updated' => $now - 8 * 86400, 'running' => false, 'handled' => 1000, 'failed' => 1000, 'day' => 1, 'minutes' => []]));
file_put_contents("$dir/workers/junk-4-100.json", '{"not json');
file_put_contents("$dir/workers/live-3-100.json", json_encode(['host' => 'live<b>', 'pid' => 3, 'transports' => ['async'], 'since' => $now - 60, 'updated' => $now, 'running' => true,
    'handled' => 0, 'failed' => 0, 'memory' => 2097152, 'day' => $day, 'day_handled' => 0, 'day_failed' => 0, 'minutes' => []]));

// not a report: never read, never removed
file_put_contents("$dir/workers/composer.json", '{"name": "app/app"}');
$d = new Messenger\Dashboard($m, ['status_dir' => "$dir/workers", 'page_size' => 2]);
$get = function (string $uri, array $headers = []) use ($d) {
    $r = $d->handle('GET', $uri, $headers + ['Host' => '127.0.0.1:8080']);
    return [$r['status'], json_decode($r['body'], true), $r];
};
[$status, $stats] = $get('/api/stats');
echo "stats: $status\n";
foreach ($stats['transports'] as $t) {
    echo "  {$t['name']}: waiting ", json_encode($t['waiting']), ', failed ', json_encode($t['failed']), ', failure transport ', json_encode($t['failure_transport']), ', is failure ', json_encode($t['is_failure']), "\n";
}
echo '  today: ', json_encode($stats['today']), "\n  overall: ", json_encode($stats['overall']), "\n";
echo '  series: ', count($stats['series']), ' minutes, last hour handled ', array_sum(array_column($stats['series'], 'handled')), ', failed ', array_sum(array_column($stats['series'], 'failed')),
    ', one minute apart: ', var_export($stats['series'][1]['t'] - $stats['series'][0]['t'] === 60, true), "\n";
echo '  workers listed: ', implode(', ', array_map(fn ($w) => "{$w['host']} ({$w['pid']}, " . ($w['running'] ? 'running' : 'stopped') . ')', $stats['workers'])), "\n";
echo '  the old report is gone: ', var_export(!file_exists("$dir/workers/old-2-100.json"), true), ', composer.json stays: ', var_export(file_exists("$dir/workers/composer.json"), true), "\n";
// without a token, only loopback names: another site pointed at 127.0.0.1 is refused
foreach ([[], ['Host' => 'evil.example'], ['Host' => 'evil.example:8080'], ['Host' => '127.0.0.1.evil.example'], ['Host' => 'localhost:8080'], ['host' => ['[::1]:8080']], ['Host' => '127.0.0.1']] as $hh) {
    $r = $d->handle('GET', '/api/stats', $hh);
    echo 'Host ', $hh ? json_encode(reset($hh)) : '(none)', ': ', $r['status'], $r['status'] === 403 ? ' ' . json_decode($r['body'])->error : '', "\n";
}

[$status, $list] = $get('/api/failed');
echo "failed: $status, total {$list['total']}, pages {$list['pages']}, page {$list['page']}, transports ", implode(',', $list['transports']), ', classes ', implode(',', $list['classes']), "\n";
foreach ($list['items'] as $i) {
    echo "  #{$i['id']} {$i['class']} ({$i['error_class']}): {$i['error']}\n";
}
[, $p3] = $get('/api/failed?page=3');
echo 'page 3: ', implode(',', array_map(fn ($i) => $i['error'], $p3['items'])), "\n";
[, $f] = $get('/api/failed?class=Mail');
echo 'class=Mail: ', $f['total'], "\n";
[, $f] = $get('/api/failed?q=' . rawurlencode('BAD2'));
echo 'q=BAD2 (any case): ', $f['total'], ' ', $f['items'][0]['error'] ?? '', "\n";
[, $f] = $get('/api/failed?q=logicexception');
echo 'q=logicexception (the error class): ', $f['total'], "\n";
[, $f] = $get('/api/failed?since=' . date('Y-m-d') . '&until=' . date('Y-m-d'));
echo 'since and until today: ', $f['total'], "\n";
[, $f] = $get('/api/failed?until=2000-01-01');
echo 'until 2000-01-01: ', $f['total'], "\n";
[$status, $f] = $get('/api/failed?transport=nope');
echo "transport=nope: $status, total {$f['total']}\n";

// the hostile one: its text stays text, and the JSON carries no raw "<"
[, $all] = $get('/api/failed?q=xss');
$xss = $all['items'][0];
[$status, $one, $raw] = $get('/api/failed/' . rawurlencode($xss['id']));
echo "detail: $status, class {$one['class']}, retries {$one['retries']}, error class {$one['error_class']}, trace ", json_encode($one['trace']), "\n";
echo '  payload has the script as text: ', var_export(str_contains($one['payload'], '<script>window.__xss=1</script>'), true), ', raw "<" in the body: ', var_export(str_contains($raw['body'], '<'), true), "\n";
echo '  stamps: ', implode(', ', array_unique(array_column($one['stamps'], 'class'))), "\n";
foreach (['/api/failed/999999', '/api/failed/abc', '/api/failed/1?transport=async'] as $u) {
    [$status, $e] = $get($u);
    echo "GET $u: $status {$e['error']}\n";
}

// POSTs: the CSRF token as the page's cookie and as a header
$csrf = bin2hex(random_bytes(16));
$h = ['Cookie' => "messenger_csrf=$csrf", 'X-CSRF-Token' => $csrf];
$post = fn (string $uri, array $headers) => (fn ($r) => [$r['status'], json_decode($r['body'], true)])($d->handle('POST', $uri, $headers + ['Host' => '127.0.0.1:8080']));
// headers as a framework gives them: lists of values
[$status] = $post('/api/failed/999999/remove', ['cookie' => ['other=1', "messenger_csrf=$csrf"], 'x-csrf-token' => [$csrf]]);
echo "headers as lists: $status (the CSRF pair was read)\n";
foreach ([[], ['X-CSRF-Token' => $csrf], ['Cookie' => "messenger_csrf=$csrf", 'X-CSRF-Token' => strrev($csrf)], ['Cookie' => 'messenger_csrf=', 'X-CSRF-Token' => '']] as $bad) {
    [$status, $e] = $post("/api/failed/{$xss['id']}/retry", $bad);
    echo "retry without a matching CSRF pair: $status {$e['error']}\n";
}
$failedCount = fn () => $m->transport('failed')->getMessageCount();
$asyncCount = fn () => $m->transport('async')->getMessageCount();
echo 'before: async ', $asyncCount(), ', failed ', $failedCount(), "\n";
$first = $list['items'][0];
[$status, $r] = $post("/api/failed/{$first['id']}/retry", $h);
echo "retry #first: $status ", json_encode($r), ' -> async ', $asyncCount(), ', failed ', $failedCount(), "\n";
$back = $m->transport('async')->get();
$env = is_array($back) ? $back[0] : iterator_to_array($back)[0];
echo '  sent back: ', get_class($env->getMessage()), ', stamps SentToFailure ', count($env->all(Messenger\Stamp\SentToFailureTransportStamp::class)),
    ', Delay ', count($env->all(Messenger\Stamp\DelayStamp::class)), ', ErrorDetails kept ', count($env->all(Messenger\Stamp\ErrorDetailsStamp::class)), "\n";
$m->transport('async')->reject($env);
[$status, $r] = $post("/api/failed/{$first['id']}/retry", $h);
echo "retry it again: $status {$r['error']}\n";
[$status, $r] = $post("/api/failed/{$xss['id']}/remove", $h);
echo "remove xss: $status ", json_encode($r), ' -> failed ', $failedCount(), "\n";
foreach (['/api/failed/1/explode', '/api/stats', '/'] as $u) {
    echo "POST $u: ", $post($u, $h)[0], "\n";
}
echo 'GET /api/failed/1/retry: ', $get('/api/failed/1/retry')[0], "\n";

// the page: a CSRF cookie, the nonce of its script in the policy, the mount path in it
$page = $get('/')[2];
preg_match("/script-src 'nonce-([0-9a-f]{32})'/", $page['headers']['Content-Security-Policy'], $nonce);
preg_match('/^messenger_csrf=([0-9a-f]{32}); Path=\/; SameSite=Strict; HttpOnly$/', $page['headers']['Set-Cookie'], $cookie);
echo 'page: ', $page['status'], ', ', $page['headers']['Content-Type'], ', nonce in the script: ', var_export(str_contains($page['body'], "<script nonce=\"$nonce[1]\">"), true),
    ', token in the page is the cookie\'s: ', var_export(str_contains($page['body'], "content=\"$cookie[1]\""), true), ', placeholders left: ', var_export(str_contains($page['body'], '{{'), true), "\n";
$again = $get('/', ['Cookie' => "other=1; messenger_csrf=$csrf"])[2];
echo 'a page with the cookie keeps it: ', var_export(str_contains($again['headers']['Set-Cookie'], $csrf), true), "\n";
echo 'HEAD-less others: /nope ', $get('/nope')[0], ', /api ', $get('/api')[0], "\n";

// mounted under a path, with a token
$t = new Messenger\Dashboard($m, ['path' => '/admin/messenger', 'token' => 'S3cret-token_0123456789', 'status_dir' => "$dir/workers"]);
foreach ([['/admin/messenger/api/stats', []], ['/admin/messenger/api/stats', ['Authorization' => 'Bearer S3cret-token_0123456789']],
          ['/admin/messenger/api/stats', ['Authorization' => 'Bearer S3cret-token_012345678X']], ['/admin/messenger/api/stats', ['Cookie' => 'messenger_token=S3cret-token_0123456789']],
          ['/api/stats', ['Authorization' => 'Bearer S3cret-token_0123456789']], ['/admin/messenger?token=S3cret-token_0123456789', []]] as [$u, $hh]) {
    $r = $t->handle('GET', $u, $hh);
    $cookies = (array) ($r['headers']['Set-Cookie'] ?? []);
    echo "GET $u ", $hh ? '(' . implode(', ', array_keys($hh)) . ') ' : '', ': ', $r['status'], $r['status'] === 401 ? ' ' . json_decode($r['body'])->error : '',
        $cookies ? ' cookies: ' . implode(' | ', array_map(fn ($c) => preg_replace('/[0-9a-f]{32}/', 'HEX', $c), $cookies)) : '', "\n";
}
echo 'meta base: ', var_export(str_contains($t->handle('GET', '/admin/messenger/', ['Authorization' => 'Bearer S3cret-token_0123456789'])['body'], '<meta name="messenger-base" content="/admin/messenger/">'), true), "\n";

foreach ([['colour' => 'red'], ['path' => 'admin'], ['path' => '/a"b'], ['path' => "/a\r\nSet-Cookie: x=1"], ['token' => 'short'], ['token' => str_repeat('a', 20) . ' b'], ['page_size' => 0], ['status_dir' => 1]] as $bad) {
    try {
        new Messenger\Dashboard($m, $bad);
        echo "accepted\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
try {
    $d->handle('GET', 'api/stats');
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
rm_tree($dir);
?>
--EXPECTF--
stats: 200
  async: waiting 0, failed 5, failure transport "failed", is failure false
  failed: waiting 5, failed null, failure transport null, is failure true
  memory: waiting 0, failed 5, failure transport "failed", is failure false
  today: {"handled":12,"failed":5,"success_rate":0.7058823529411765}
  overall: {"handled":12,"failed":5,"success_rate":0.7058823529411765}
  series: 60 minutes, last hour handled 12, failed 5, one minute apart: true
  workers listed: live<b> (3, running)
  the old report is gone: true, composer.json stays: true
Host (none): 403 Without a token the dashboard answers only requests to 127.0.0.1, [::1] or localhost: give it a token
Host "evil.example": 403 Without a token the dashboard answers only requests to 127.0.0.1, [::1] or localhost: give it a token
Host "evil.example:8080": 403 Without a token the dashboard answers only requests to 127.0.0.1, [::1] or localhost: give it a token
Host "127.0.0.1.evil.example": 403 Without a token the dashboard answers only requests to 127.0.0.1, [::1] or localhost: give it a token
Host "localhost:8080": 200
Host ["[::1]:8080"]: 200
Host "127.0.0.1": 200
failed: 200, total 5, pages 3, page 1, transports failed, classes Sms,Mail
  #%d Sms (RuntimeException): cannot text bad1: <img src=x onerror=alert(1)>
  #%d Sms (RuntimeException): cannot text bad2: <img src=x onerror=alert(1)>
page 3: no mail to a@example.com
class=Mail: 1
q=BAD2 (any case): 1 cannot text bad2: <img src=x onerror=alert(1)>
q=logicexception (the error class): 1
since and until today: 5
until 2000-01-01: 0
transport=nope: 200, total 0
detail: 200, class Sms, retries 1, error class RuntimeException, trace null
  payload has the script as text: true, raw "<" in the body: false
  stamps: Messenger\Stamp\BusNameStamp, Messenger\Stamp\ErrorDetailsStamp, Messenger\Stamp\SentToFailureTransportStamp, Messenger\Stamp\DelayStamp, Messenger\Stamp\RedeliveryStamp, Messenger\Stamp\TransportMessageIdStamp
GET /api/failed/999999: 404 The message "999999" is not in the failure transport "failed"
GET /api/failed/abc: 404 The message "abc" is not in the failure transport "failed"
GET /api/failed/1?transport=async: 404 "async" is not a failure transport that can list its messages
headers as lists: 404 (the CSRF pair was read)
retry without a matching CSRF pair: 403 Missing or wrong CSRF token: reload the page
retry without a matching CSRF pair: 403 Missing or wrong CSRF token: reload the page
retry without a matching CSRF pair: 403 Missing or wrong CSRF token: reload the page
retry without a matching CSRF pair: 403 Missing or wrong CSRF token: reload the page
before: async 0, failed 5
retry #first: 200 {"sent_to":"async","ok":true} -> async 1, failed 4
  sent back: Sms, stamps SentToFailure 0, Delay 0, ErrorDetails kept 1
retry it again: 404 The message "%d" is not in the failure transport "failed"
remove xss: 200 {"ok":true} -> failed 3
POST /api/failed/1/explode: 405
POST /api/stats: 404
POST /: 405
GET /api/failed/1/retry: 405
page: 200, text/html; charset=utf-8, nonce in the script: true, token in the page is the cookie's: true, placeholders left: false
a page with the cookie keeps it: true
HEAD-less others: /nope 404, /api 404
GET /admin/messenger/api/stats : 401 This dashboard needs its token: open it with ?token=... or send Authorization: Bearer ...
GET /admin/messenger/api/stats (Authorization) : 200
GET /admin/messenger/api/stats (Authorization) : 401 This dashboard needs its token: open it with ?token=... or send Authorization: Bearer ...
GET /admin/messenger/api/stats (Cookie) : 200
GET /api/stats (Authorization) : 404
GET /admin/messenger?token=S3cret-token_0123456789 : 200 cookies: messenger_csrf=HEX; Path=/admin/messenger/; SameSite=Strict; HttpOnly | messenger_token=S3cret-token_0123456789; Path=/admin/messenger/; SameSite=Strict; HttpOnly
meta base: true
Unknown dashboard option "colour" (known: path, token, status_dir, page_size)
The dashboard option "path" must be a URL path starting with "/" (letters, digits and "/-._~")
The dashboard option "path" must be a URL path starting with "/" (letters, digits and "/-._~")
The dashboard option "path" must be a URL path starting with "/" (letters, digits and "/-._~")
The dashboard option "token" must be at least 16 characters of A-Z, a-z, 0-9, "-._~"
The dashboard option "token" must be at least 16 characters of A-Z, a-z, 0-9, "-._~"
The dashboard option "page_size" must be an integer from 1 to 1000
The dashboard option "status_dir" must be a directory name
Messenger\Dashboard::handle(): Argument #2 ($uri) must be a path starting with "/"
