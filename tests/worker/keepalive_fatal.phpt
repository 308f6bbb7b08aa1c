--TEST--
A fatal error in a handler (the memory limit) while keepalive is on: by the time shutdown functions run, the keepalive ticker thread is gone, and the process ends with PHP's exit code for a fatal error
--EXTENSIONS--
messenger
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

});
$m->dispatch(new Hog());
$m->worker(['a'])->run(['limit' => 1, 'keepalive' => 1]);
PHP;
$proc = proc_open([PHP_BINARY, '-n', '-d', 'memory_limit=32M', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], '-r', $script], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null,
    // the memory limit needs Zend's allocator (run-tests -m turns it off for valgrind)
    ['USE_ZEND_ALLOC' => '1'] + getenv());
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
do {
    $status = proc_get_status($proc);
    usleep(10000);
} while ($status['running']);
proc_close($proc);
echo preg_replace('/of \d+ bytes exhausted.*/', 'exhausted', trim($out)), "\n";
echo 'exit code ', $status['exitcode'], "\n";
?>
--EXPECT--
Fatal error: Allowed memory size exhausted
shutdown, threads: 1
exit code 255
