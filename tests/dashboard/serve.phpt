--TEST--
Messenger\Dashboard mounted by an application in its own web server (PHP's built-in server here, as under FPM: $_SERVER and php://input): under /admin/messenger with a token, the page, its cookies and headers, the API, a POST with the CSRF pair; the rest of the application's routes untouched
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
$dir = sys_get_temp_dir() . '/messenger-dash-serve-' . getmypid();
rm_tree($dir);
mkdir("$dir/public", 0777, true);
file_put_contents("$dir/config.php", <<<'PHP'
<?php
if (!class_exists('Job')) { final class Job {} }
return [
    'connections' => ['default' => 'sqlite:' . __DIR__ . '/q.sqlite'],
    'transports' => ['async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]], 'failed' => 'doctrine://default?queue_name=failed'],
    'failure_transport' => 'failed',
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function () { throw new RuntimeException('job failed'); }],
];
PHP);
// the application's front controller: its own routes, and the dashboard under /admin/messenger
file_put_contents("$dir/public/index.php", <<<'PHP'
<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (str_starts_with($path, '/admin/messenger')) {
    $m = Messenger\Messenger::fromFile(__DIR__ . '/../config.php');
    (new Messenger\Dashboard($m, ['path' => '/admin/messenger', 'token' => 'An-admin-token-0123456789', 'status_dir' => __DIR__ . '/../workers']))->serve();
    return;
}
header('X-App: yes');
echo "the application's own page";
PHP);
$m = Messenger\Messenger::fromFile("$dir/config.php");
$m->setupTransports();
$m->dispatch(new Job());
$m->worker(['async'])->run(['limit' => 1, 'sleep' => 0]);

$port = free_port();
$server = proc_open(array_merge(php_cmd(), ['-S', "127.0.0.1:$port", "$dir/public/index.php"]), [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/server.log", 'w'], 2 => ['file', "$dir/server.log", 'a']], $pipes, "$dir/public");
$base = "http://127.0.0.1:$port";
wait_for(fn () => http('GET', "$base/"), 20, 'the web server');
$r = http('GET', "$base/");
echo 'the application: ', $r['status'], ' ', $r['body'], ', X-App ', $r['headers']['x-app'], "\n";
$r = http('GET', "$base/admin/messenger/");
echo 'no token: ', $r['status'], ' ', json_decode($r['body'])->error, "\n";
$r = http('GET', "$base/admin/messenger?token=An-admin-token-0123456789");
$cookies = explode("\n", $r['headers']['set-cookie']);
echo 'with ?token: ', $r['status'], ' ', $r['headers']['content-type'], ', cookies: ', implode(' | ', array_map(fn ($c) => preg_replace('/[0-9a-f]{32}/', 'HEX', $c), $cookies)), "\n";
echo 'policy: ', preg_replace("/'nonce-[0-9a-f]{32}'/", "'nonce-N'", $r['headers']['content-security-policy']), "\n";
echo 'frame: ', $r['headers']['x-frame-options'], ', sniff: ', $r['headers']['x-content-type-options'], ', page title: ', preg_match('#<title>Messenger</title>#', $r['body']), "\n";
preg_match('/messenger_csrf=([0-9a-f]{32})/', $r['headers']['set-cookie'], $csrf);
$cookie = "messenger_token=An-admin-token-0123456789; messenger_csrf=$csrf[1]";
$list = json_decode(http('GET', "$base/admin/messenger/api/failed", ['Cookie' => $cookie])['body'], true);
echo 'failed: ', $list['total'], ' ', $list['items'][0]['error'], "\n";
$id = $list['items'][0]['id'];
$r = http('POST', "$base/admin/messenger/api/failed/$id/remove", ['Cookie' => $cookie]);
echo 'POST without the header: ', $r['status'], "\n";
$r = http('POST', "$base/admin/messenger/api/failed/$id/remove", ['Cookie' => $cookie, 'X-CSRF-Token' => $csrf[1]]);
echo 'POST with it: ', $r['status'], ' ', $r['body'], ', left: ', $m->transport('failed')->getMessageCount(), "\n";
$r = http('HEAD', "$base/admin/messenger/api/stats", ['Authorization' => 'Bearer An-admin-token-0123456789']);
echo 'HEAD: ', $r['status'], ', body ', strlen($r['body']), ' bytes', "\n";
proc_terminate($server);
proc_close($server);
try {
    (new Messenger\Dashboard($m))->serve();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
rm_tree($dir);
?>
--EXPECT--
the application: 200 the application's own page, X-App yes
no token: 401 This dashboard needs its token: open it with ?token=... or send Authorization: Bearer ...
with ?token: 200 text/html; charset=utf-8, cookies: messenger_csrf=HEX; Path=/admin/messenger/; SameSite=Strict; HttpOnly | messenger_token=An-admin-token-0123456789; Path=/admin/messenger/; SameSite=Strict; HttpOnly
policy: default-src 'none'; script-src 'nonce-N'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'
frame: DENY, sniff: nosniff, page title: 1
failed: 1 job failed
POST without the header: 403
POST with it: 200 {"ok":true}, left: 0
HEAD: 200, body 0 bytes
Error: Messenger\Dashboard::serve() needs REQUEST_METHOD and REQUEST_URI (a web request)
