--TEST--
Paths do not depend on the current folder: relative SQLite paths and var/ resolve against the configuration file's application (config/messenger.php: the folder above), the embedded default's too; project_dir sets it; making a Messenger or a transport creates no file; messenger:stop-workers reaches a worker started from another folder
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-paths-' . getmypid();
foreach (['app/config', 'app/src', 'other/config', 'elsewhere', 'plain'] as $sub) {
    @mkdir("$dir/$sub", 0777, true);
}
$config = <<<'PHP'
<?php
require_once __DIR__ . '/../src/Ping.php';
return [
    'connections' => ['default' => 'sqlite:var/app.sqlite'],
    'transports' => ['async' => 'doctrine://default', 'failed' => 'doctrine://default?queue_name=failed'],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async'],
    'handlers' => [Ping::class => fn() => null],
];
PHP;
file_put_contents("$dir/app/config/messenger.php", $config);
file_put_contents("$dir/app/src/Ping.php", "<?php\nfinal class Ping { public function __construct(public int \$n) {} }\n");
// a configuration outside a config/ folder: relative to its own folder; the embedded database
file_put_contents("$dir/other/messenger.php", "<?php return ['transports' => ['async' => 'doctrine://default']];\n");
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0]];
$run = function (array $args, string $cwd) use ($php, $console) {
    $proc = proc_open(array_merge($php, [$console], $args), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $cwd);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    return [proc_close($proc), $out];
};
$files = function () use ($dir) {
    $found = [];
    $it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS));
    foreach ($it as $f) {
        // (a WAL database's -wal and -shm files come and go with its connections)
        if (!preg_match('/(\.php|-wal|-shm)$/', $f->getPathname())) {
            // a worker's report to the dashboard: in its application's var/, named by host and pid
            $found[] = preg_replace('#messenger-workers/.+-\d+\.json$#', 'messenger-workers/HOST-PID.json', substr($f->getPathname(), strlen($dir) + 1));
        }
    }
    sort($found);
    return implode(' ', $found) ?: '(none)';
};

echo "-- commands that do not need the database create nothing\n";
foreach ([['list'], ['help', 'messenger:consume'], ['debug:messenger']] as $args) {
    [$code] = $run(array_merge(["--config=$dir/app/config/messenger.php"], $args), "$dir/elsewhere");
    echo implode(' ', $args), ": $code\n";
}
echo "files: ", $files(), "\n";

echo "-- the same configuration from two folders: one database\n";
[$code] = $run(["--config=$dir/app/config/messenger.php", 'messenger:setup-transports'], "$dir/elsewhere");
echo "setup from elsewhere: $code\n";
$m = Messenger\Messenger::fromFile("$dir/app/config/messenger.php");
chdir("$dir/plain");
$m->dispatch(new Ping(1));
$m2 = Messenger\Messenger::fromFile("../app/config/messenger.php");
$m2->dispatch(new Ping(2));
[$code, $out] = $run(['messenger:stats', 'async'], "$dir/app");
echo "stats in the application: $code\n", $out;
echo "files: ", $files(), "\n";

echo "-- the embedded database of a configuration outside config/\n";
[$code, $out] = $run(["--config=$dir/other/messenger.php", 'messenger:stats'], "$dir/elsewhere");
echo "stats: $code\n";
echo "files: ", $files(), "\n";

echo "-- project_dir\n";
$m3 = new Messenger\Messenger(['project_dir' => "$dir/plain", 'transports' => ['async' => 'doctrine://default']]);
echo "made: ", file_exists("$dir/plain/var") ? "files" : "no file", "\n";
echo "count: ", $m3->transport('async')->getMessageCount(), ", ", file_exists("$dir/plain/var/messenger.sqlite") ? "plain/var/messenger.sqlite" : "missing", "\n";
// a Messenger made in code: the current folder when it was made, even after a chdir()
chdir("$dir/elsewhere");
$m4 = new Messenger\Messenger(['connections' => ['default' => 'sqlite:code.sqlite'], 'transports' => ['async' => 'doctrine://default']]);
chdir($dir);
$m4->transport('async')->getMessageCount();
echo file_exists("$dir/elsewhere/code.sqlite") && !file_exists("$dir/code.sqlite") ? "elsewhere/code.sqlite\n" : "moved with chdir()\n";
foreach ([5, '', ['x']] as $bad) {
    try {
        new Messenger\Messenger(['project_dir' => $bad, 'transports' => []]);
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}

echo "-- stop-workers from another folder\n";
@unlink("$dir/app/var/messenger-stop-workers");
$worker = proc_open(array_merge($php, [$console, 'messenger:consume', 'async', '--sleep=0.1', '-q']), [], $pipes, "$dir/app");
$said = null;
$status = proc_get_status($worker);
for ($tries = 0; $tries < 20 && $status['running']; $tries++) {
    usleep(500000);
    [$code, $out] = $run(["--config=$dir/app/config/messenger.php", 'messenger:stop-workers'], "$dir/elsewhere");
    $said ??= "stop-workers: $code, " . trim($out);
    for ($i = 0; $i < 20 && ($status = proc_get_status($worker))['running']; $i++) {
        usleep(50000);
    }
}
echo $said, "\n";
echo 'the worker ', $status['running'] ? 'is still running' : 'stopped with exit ' . $status['exitcode'], "\n";
if ($status['running']) {
    proc_terminate($worker);
}
proc_close($worker);
echo "files: ", $files(), "\n";
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
-- commands that do not need the database create nothing
list: 0
help messenger:consume: 0
debug:messenger: 0
files: (none)
-- the same configuration from two folders: one database
setup from elsewhere: 0
stats in the application: 0
 Transport   Count 
 ---------   ----- 
 async           2 
files: app/var/app.sqlite
-- the embedded database of a configuration outside config/
stats: 0
files: app/var/app.sqlite other/var/messenger.sqlite
-- project_dir
made: no file
count: 0, plain/var/messenger.sqlite
elsewhere/code.sqlite
Configuration key "project_dir" must be a folder name, int given
Configuration key "project_dir" must be a folder name, an empty string given
Configuration key "project_dir" must be a folder name, array given
-- stop-workers from another folder
stop-workers: 0, [OK] Signal successfully sent to stop any running workers.
the worker stopped with exit 0
files: app/var/app.sqlite app/var/messenger-stop-workers app/var/messenger-workers/HOST-PID.json elsewhere/code.sqlite other/var/messenger.sqlite plain/var/messenger.sqlite