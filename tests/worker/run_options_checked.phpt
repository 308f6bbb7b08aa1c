--TEST--
Worker options are checked before anything is consumed: a bus that is not configured (worker(), run(), --bus) and options of the wrong type (limit, failure_limit, time_limit, sleep, queues, stop_file) are an InvalidArgumentException naming the option; the console says so without "[OK] Consuming messages" and consumes nothing
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
final class Job {}
$handled = 0;
$m = new Messenger\Messenger([
    'transports' => ['q' => 'in-memory://'],
    'routing' => [Job::class => 'q'],
    'handlers' => [Job::class => function () use (&$handled) { $handled++; }],
]);
$m->dispatch(new Job);
$show = function (callable $f) {
    try { $f(); echo "accepted\n"; } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
};
$show(fn() => $m->worker(['q'], ['bus' => 'nope']));
$show(fn() => $m->worker(['q'], ['limit' => 'abc']));
$show(fn() => $m->worker(['q'])->run(['bus' => 'nope', 'limit' => 1]));
$show(fn() => $m->worker(['q'])->run(['limit' => 'abc']));
$show(fn() => $m->worker(['q'])->run(['failure_limit' => 'many']));
$show(fn() => $m->worker(['q'])->run(['time_limit' => 'soon']));
$show(fn() => $m->worker(['q'])->run(['sleep' => 'x']));
$show(fn() => $m->worker(['q'])->run(['queues' => 'default']));
$show(fn() => $m->worker(['q'])->run(['stop_file' => 42]));
echo "handled: $handled, left: ", $m->transport('q')->getMessageCount(), "\n";
var_dump($m->worker(['q'])->run(['bus' => 'messenger.bus.default', 'limit' => 1, 'sleep' => 0.5]), $handled);

// the console
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$dir = sys_get_temp_dir() . '/messenger-options-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", "<?php\nreturn ['transports' => ['async' => 'doctrine://default']];\n");
$proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0],
    realpath(__DIR__ . '/../../bin/console'), 'messenger:consume', 'async', '--bus=nope', '--limit=1'], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
$code = proc_close($proc);
echo "console: exit $code, ", str_contains($out, '[OK] Consuming') ? 'said OK' : 'no OK', ', ', str_contains($out, 'Unknown bus "nope"') ? 'names the bus' : $out, "\n";
array_map('unlink', glob("$dir/var/*") ?: []);
@rmdir("$dir/var"); unlink("$dir/config/messenger.php"); rmdir("$dir/config"); rmdir($dir);
?>
--EXPECT--
Unknown bus "nope" (configured: messenger.bus.default)
The worker option "limit" must be an integer, string given
Unknown bus "nope" (configured: messenger.bus.default)
The worker option "limit" must be an integer, string given
The worker option "failure_limit" must be an integer, string given
The worker option "time_limit" must be an integer, string given
The worker option "sleep" must be a number of seconds, string given
The worker option "queues" must be a list of queue names, string given
The worker option "stop_file" must be a file name, int given
handled: 0, left: 1
int(0)
int(1)
console: exit 1, no OK, names the bus
