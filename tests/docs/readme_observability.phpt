--TEST--
The README's metrics and dashboard blocks as written: the scrape shown is valid for promtool and names the families a real worker serves; the Prometheus configuration passes promtool; the two systemd units pass systemd-analyze verify and their ExecStart lines, run in an application (ports changed to free ones), start a worker that answers /metrics and a dashboard that answers; the front controller mounts the dashboard under /admin/messenger in a real web server
--EXTENSIONS--
messenger
pdo_sqlite
--SKIPIF--
<?php
foreach (['/usr/bin/promtool' => 'prometheus', '/usr/bin/systemd-analyze' => 'systemd'] as $bin => $pkg) {
    if (!is_executable($bin)) die("skip $bin (Debian package $pkg) is not installed: scripts/deps.sh test installs it");
}
?>
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
$readme = file_get_contents(__DIR__ . '/../../README.md');
$section = substr($readme, strpos($readme, "## Metrics and the dashboard\n"));
$section = substr($section, 0, strpos($section, "\n## ", 10));
preg_match_all('/```(\w+)\n(.*?)```/s', $section, $blocks, PREG_SET_ORDER);
echo 'blocks: ', implode(', ', array_map(fn ($b) => $b[1], $blocks)), "\n";
$dir = sys_get_temp_dir() . '/messenger-readme-obs-' . getmypid();
rm_tree($dir);
mkdir($dir);
[$text, $yaml, $php, $worker, $dashboard] = array_map(fn ($b) => $b[2], $blocks);

// the scrape shown: valid, and the families a real worker serves
file_put_contents("$dir/scrape.txt", $text);
exec('/usr/bin/promtool check metrics < ' . escapeshellarg("$dir/scrape.txt") . ' 2>&1', $out, $code);
echo 'promtool check metrics: exit ', $code, ' ', implode(' ', $out), "\n";
preg_match_all('/^# TYPE (\S+)/m', $text, $shown);

// the Prometheus configuration
file_put_contents("$dir/prometheus.yml", $yaml);
$out = [];
exec('/usr/bin/promtool check config ' . escapeshellarg("$dir/prometheus.yml") . ' 2>&1', $out, $code);
echo 'promtool check config: exit ', $code, ' ', str_contains(implode(' ', $out), 'SUCCESS') ? 'SUCCESS' : implode(' ', $out), "\n";

// the units: systemd-analyze has nothing to say of them
$units = [];
foreach (['worker' => $worker, 'dashboard' => $dashboard] as $what => $unit) {
    preg_match('#^\# /etc/systemd/system/(\S+)#', $unit, $name);
    $file = "$dir/" . str_replace('@.service', '@1.service', $name[1]);
    file_put_contents($file, $unit);
    $out = [];
    exec('/usr/bin/systemd-analyze verify ' . escapeshellarg($file) . ' 2>&1', $out, $code);
    $out = array_filter($out, fn ($l) => !str_contains($l, 'bin/console') || !str_contains($l, 'not executable'));
    echo "$name[1]: systemd-analyze verify exit $code", $out ? ': ' . implode(' ', $out) : ', nothing to say', "\n";
    preg_match('/^ExecStart=(.*)$/m', $unit, $exec);
    $units[$what] = $exec[1];
}

// their commands, in an application: a worker with %i = 1, the dashboard, on free ports
make_app("$dir/app", "<?php\nif (!class_exists('Ping')) { final class Ping {} }\nreturn ['transports' => ['async' => 'doctrine://default', 'failed' => 'doctrine://default?queue_name=failed'], 'failure_transport' => 'failed',\n"
    . '\'routing\' => [Ping::class => \'async\'], \'handlers\' => [Ping::class => fn (Ping $ping) => null]];' . "\n");
$m = Messenger\Messenger::fromFile("$dir/app/config/messenger.php");
$m->setupTransports();
$m->dispatch(new Ping());
$run = function (string $command, string $log) use ($dir) {
    $args = str_getcsv($command, ' ');
    echo 'runs: ', array_shift($args) === '/usr/bin/php' && $args[0] === 'bin/console' ? 'php bin/console' : 'something else', "\n";
    return proc_open(array_merge(php_cmd(), $args), [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/$log", 'w'], 2 => ['file', "$dir/$log", 'a']], $pipes, "$dir/app");
};
$mp = free_port();
$w = $run(str_replace(['%i', '127.0.0.1:9461'], ['1', "127.0.0.1:$mp"], $units['worker']), 'worker.log');
$r = wait_for(fn () => ($r = http('GET', "http://127.0.0.1:$mp/metrics")) && str_contains($r['body'], 'outcome="handled"} 1') ? $r : null, 20, 'the worker of the unit');
preg_match_all('/^# TYPE (\S+)/m', $r['body'], $served);
echo 'families shown that the worker serves: ', count(array_intersect($shown[1], $served[1])), ' of ', count($shown[1]), "\n";
$dp = free_port();
$d = $run(str_replace('127.0.0.1:8080', "127.0.0.1:$dp", $units['dashboard']), 'dashboard.log');
$r = wait_for(fn () => http('GET', "http://127.0.0.1:$dp/api/stats"), 20, 'the dashboard of the unit');
$stats = json_decode($r['body'], true);
echo 'the dashboard lists the worker: ', count(array_filter($stats['workers'], fn ($x) => $x['pid'] === proc_get_status($w)['pid'])), "\n";
foreach ([$w, $d] as $p) {
    proc_terminate($p, SIGTERM);
    echo 'exit ', proc_close($p), "\n";
}

// the front controller: the block as the top of public/index.php, the application's own page after it
mkdir("$dir/app/public");
file_put_contents("$dir/app/public/index.php", "<?php\n" . $php . "\necho 'the application';\n");
$port = free_port();
$server = proc_open(array_merge(php_cmd(), ['-S', "127.0.0.1:$port", "$dir/app/public/index.php"]), [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/server.log", 'w'], 2 => ['file', "$dir/server.log", 'a']], $pipes, "$dir/app/public", ['MESSENGER_DASHBOARD_TOKEN' => 'a-token-for-the-readme-test'] + getenv());
wait_for(fn () => http('GET', "http://127.0.0.1:$port/"), 20, 'the web server');
echo 'the application: ', http('GET', "http://127.0.0.1:$port/")['body'], "\n";
echo 'the dashboard without the token: ', http('GET', "http://127.0.0.1:$port/admin/messenger/")['status'], "\n";
$r = http('GET', "http://127.0.0.1:$port/admin/messenger/api/stats", ['Authorization' => 'Bearer a-token-for-the-readme-test']);
echo 'its API with it: ', $r['status'], ', transports ', implode(',', array_column(json_decode($r['body'], true)['transports'], 'name')), "\n";
proc_terminate($server);
proc_close($server);
rm_tree($dir);
?>
--EXPECT--
blocks: text, yaml, php, ini, ini
promtool check metrics: exit 0 
promtool check config: exit 0 SUCCESS
messenger-worker@.service: systemd-analyze verify exit 0, nothing to say
messenger-dashboard.service: systemd-analyze verify exit 0, nothing to say
runs: php bin/console
families shown that the worker serves: 6 of 6
runs: php bin/console
the dashboard lists the worker: 1
exit 0
exit 0
the application: the application
the dashboard without the token: 401
its API with it: 200, transports async,failed
