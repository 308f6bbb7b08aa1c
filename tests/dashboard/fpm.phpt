--TEST--
Messenger\Dashboard mounted in an application served by PHP-FPM behind nginx (Debian's php8.2-fpm and nginx-light, started by the test on 127.0.0.1): the same page, cookies, headers, API and CSRF check as through PHP's built-in server
--EXTENSIONS--
messenger
pdo_sqlite
--SKIPIF--
<?php
foreach (['/usr/sbin/php-fpm8.2' => 'php8.2-fpm', '/usr/sbin/nginx' => 'nginx-light'] as $bin => $pkg) {
    if (!is_executable($bin)) die("skip $bin (Debian package $pkg) is not installed: scripts/deps.sh test installs it");
}
?>
--FILE--
<?php
require __DIR__ . '/mounted.inc';
$dir = sys_get_temp_dir() . '/messenger-dash-fpm-' . getmypid();
$m = mounted_app($dir);
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$user = trim(shell_exec('id -un'));
$group = trim(shell_exec('id -gn'));
$fpmPort = free_port();
file_put_contents("$dir/fpm.conf", <<<CONF
[global]
pid = $dir/fpm.pid
error_log = $dir/fpm.log
daemonize = no
[app]
user = $user
group = $group
listen = 127.0.0.1:$fpmPort
pm = static
pm.max_children = 2
catch_workers_output = yes
CONF);
$fpm = proc_open(['/usr/sbin/php-fpm8.2', '-n', '-R', '-F', '-y', "$dir/fpm.conf", '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', "extension=$so[0]"],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/fpm.out", 'w'], 2 => ['file', "$dir/fpm.out", 'a']], $pipes);
$port = free_port();
mkdir("$dir/nginx");
file_put_contents("$dir/nginx/nginx.conf", <<<CONF
worker_processes 1;
daemon off;
user $user $group;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path $dir/nginx/body;
    proxy_temp_path $dir/nginx/proxy;
    fastcgi_temp_path $dir/nginx/fastcgi;
    uwsgi_temp_path $dir/nginx/uwsgi;
    scgi_temp_path $dir/nginx/scgi;
    server {
        listen 127.0.0.1:$port;
        root $dir/public;
        location / {
            include /etc/nginx/fastcgi_params;
            fastcgi_param SCRIPT_FILENAME $dir/public/index.php;
            fastcgi_pass 127.0.0.1:$fpmPort;
        }
    }
}
CONF);
$nginx = proc_open(['/usr/sbin/nginx', '-p', "$dir/nginx/", '-e', "$dir/nginx/error.log", '-c', "$dir/nginx/nginx.conf"],
    [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/nginx.out", 'w'], 2 => ['file', "$dir/nginx.out", 'a']], $pipes);
try {
    wait_for(fn () => ($r = http('GET', "http://127.0.0.1:$port/")) && $r['status'] === 200 ? $r : null, 20, 'nginx and PHP-FPM');
    mounted_checks("http://127.0.0.1:$port", $m);
} catch (RuntimeException $e) {
    echo $e->getMessage(), "\n", @file_get_contents("$dir/fpm.out"), @file_get_contents("$dir/fpm.log"), @file_get_contents("$dir/nginx/error.log");
}
foreach ([$nginx, $fpm] as $p) {
    proc_terminate($p, SIGQUIT);
    proc_close($p);
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
