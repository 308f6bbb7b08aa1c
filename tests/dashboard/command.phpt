--TEST--
messenger:dashboard: on 127.0.0.1 by default; beyond this machine only with --token; a bad address or token refused with a clear error; SIGTERM ends it with exit 0; it appears in list and help
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
$dir = sys_get_temp_dir() . '/messenger-dash-command-' . getmypid();
rm_tree($dir);
make_app($dir, "<?php\nreturn ['transports' => ['async' => 'doctrine://default']];\n");
foreach ([['--listen=0.0.0.0:1'], ['--listen=[::]:1'], ['--listen=192.0.2.1:1'], ['--listen=127.0.0.1:99999'], ['--listen=127.0.0.1:1', '--token=short'], ['--listen=127.0.0.1:1', '--path=nope']] as $args) {
    [$code, $out] = run_console($dir, array_merge(['messenger:dashboard'], $args));
    echo implode(' ', $args), ": exit $code: ", trim($out), "\n";
}
$port = free_port();
$p = start_console($dir, ['messenger:dashboard', "--listen=0.0.0.0:$port", '--token=A-long-enough-token-42'], 'dash.log');
$r = wait_for(fn () => http('GET', "http://127.0.0.1:$port/api/stats"), 20, 'the dashboard');
echo 'on 0.0.0.0 with a token: ', $r['status'], "\n";
$r = http('GET', "http://127.0.0.1:$port/api/stats", ['Authorization' => 'Bearer A-long-enough-token-42']);
echo 'with it: ', $r['status'], ', transports ', implode(',', array_column(json_decode($r['body'], true)['transports'], 'name')), "\n";
// a client that sends half a request and goes quiet does not hold it up
$slow = stream_socket_client("tcp://127.0.0.1:$port");
fwrite($slow, "GET /api/st");
echo 'beside a slow client: ', http('GET', "http://127.0.0.1:$port/api/stats", ['Authorization' => 'Bearer A-long-enough-token-42'])['status'], "\n";
fclose($slow);
proc_terminate($p, SIGTERM);
echo 'SIGTERM: exit ', proc_close($p), "\n";
echo str_replace((string) $port, 'PORT', file_get_contents("$dir/dash.log"));
[$code, $out] = run_console($dir, ['list']);
echo 'in list: ', preg_match('/messenger:dashboard\s+Serve the dashboard/', $out), "\n";
[$code, $out] = run_console($dir, ['help', 'messenger:dashboard']);
echo 'help names --listen, --token, --path: ', preg_match('/--listen.*--token.*--path/s', $out), "\n";
rm_tree($dir);
?>
--EXPECT--
--listen=0.0.0.0:1: exit 2: The dashboard listens on 0.0.0.0:1, beyond this machine: pass --token (at least 16 characters) so that only those who know it get in.
--listen=[::]:1: exit 2: The dashboard listens on [::]:1, beyond this machine: pass --token (at least 16 characters) so that only those who know it get in.
--listen=192.0.2.1:1: exit 1: Cannot listen on "192.0.2.1:1": Cannot assign requested address
--listen=127.0.0.1:99999: exit 1: "127.0.0.1:99999" is not an address to listen on: the port must be a number from 0 to 65535
--listen=127.0.0.1:1 --token=short: exit 1: [ERROR] Messenger\Exception\InvalidArgumentException: The dashboard option "token" must be at least 16 characters of A-Z, a-z, 0-9, "-._~"
--listen=127.0.0.1:1 --path=nope: exit 1: [ERROR] Messenger\Exception\InvalidArgumentException: The dashboard option "path" must be a URL path starting with "/" (letters, digits and "/-._~")
on 0.0.0.0 with a token: 401
with it: 200, transports async
beside a slow client: 200
SIGTERM: exit 0
[OK] The dashboard is on http://0.0.0.0:PORT/ (Ctrl-C stops it).
in list: 1
help names --listen, --token, --path: 1
