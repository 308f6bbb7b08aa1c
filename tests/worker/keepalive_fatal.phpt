--TEST--
A fatal error in a handler (the memory limit) while keepalive is on: by the time shutdown functions run, the keepalive ticker thread is gone and the signal handlers are back (a SIGTERM ends the process as it would without a worker)
--EXTENSIONS--
messenger
posix
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$script = <<<'PHP'
final class Hog {}
$db = sys_get_temp_dir() . '/messenger-keepalive-fatal-' . getmypid() . '.sqlite';
$m = new Messenger\Messenger(['connections' => ['db' => "sqlite:$db"], 'transports' => ['a' => 'doctrine://db'], 'routing' => [Hog::class => 'a'],
    'handlers' => [Hog::class => function () { $h = []; while (true) { $h[] = str_repeat('x', 1 << 20); } }]]);
register_shutdown_function(function () use ($db) {
    // the keepalive ticker is a thread: it must be gone
    echo "shutdown, threads: ", count(glob('/proc/self/task/*')), "\n";
    @unlink($db);
    posix_kill(getmypid(), SIGTERM);
    usleep(300000);
    echo "survived SIGTERM\n";
});
$m->dispatch(new Hog());
$m->worker(['a'])->run(['limit' => 1, 'keepalive' => 1]);
PHP;
$proc = proc_open([PHP_BINARY, '-n', '-d', 'memory_limit=32M', '-d', 'extension=posix', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], '-r', $script], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
do {
    $status = proc_get_status($proc);
    usleep(10000);
} while ($status['running']);
proc_close($proc);
echo preg_replace('/of \d+ bytes exhausted.*/', 'exhausted', trim($out)), "\n";
echo 'ended by signal ', $status['signaled'] ? $status['termsig'] : 'none', "\n";
?>
--EXPECT--
Fatal error: Allowed memory size exhausted
shutdown, threads: 1
ended by signal 15
