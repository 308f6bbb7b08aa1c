--TEST--
Messenger\Dashboard mounted by an application in its own web server, PHP's built-in one ($_SERVER and php://input, as under FPM): under /admin/messenger with a token, the page, its cookies and headers, the API, a POST with the CSRF pair; the rest of the application's routes untouched
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/mounted.inc';
$dir = sys_get_temp_dir() . '/messenger-dash-serve-' . getmypid();
$m = mounted_app($dir);
$port = free_port();
$server = proc_open(array_merge(php_cmd(), ['-S', "127.0.0.1:$port", "$dir/public/index.php"]), [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/server.log", 'w'], 2 => ['file', "$dir/server.log", 'a']], $pipes, "$dir/public");
wait_for(fn () => http('GET', "http://127.0.0.1:$port/"), 20, 'the web server');
mounted_checks("http://127.0.0.1:$port", $m);
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
