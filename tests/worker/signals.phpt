--TEST--
Worker process on the SQLite table: SIGTERM during a handler finishes that message (acked) and exits 0; kill -9 during a handler leaves the message to be delivered again to the next worker
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$dir = sys_get_temp_dir() . '/messenger-signals-' . getmypid();
@mkdir($dir);
$db = "$dir/queue.sqlite";
$child = <<<'PHP'
<?php
final class Slow { public function __construct(public int $n) {} }
[$self, $db, $marker] = $argv;
$m = new Messenger\Messenger([
    'connections' => ['db' => "sqlite:$db"],
    'transports' => ['async' => 'doctrine://db?table_name=sig&redeliver_timeout=1'],
    'routing' => [Slow::class => 'async'],
    'handlers' => [Slow::class => function (Slow $s) use ($marker) {
        // written whole before it appears (rename), so that a kill -9 right after never finds it empty
        file_put_contents("$marker.tmp", (@file_get_contents($marker) ?: '') . $s->n);
        rename("$marker.tmp", $marker);
        // blocks until the test lets it go (at most 30 s), however slowly the test runs
        for ($i = 0; $i < 600 && !file_exists("$marker.go"); $i++) { usleep(50000); }
    }],
]);
if (($argv[3] ?? '') === 'fill') {
    $m->dispatch(new Slow(1));
    $m->dispatch(new Slow(2));
    exit(0);
}
exit($m->worker(['async'])->run(['sleep' => 0.05]));
PHP;
file_put_contents("$dir/worker.php", $child);
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], "$dir/worker.php", $db];
$rows = fn() => (int) (new PDO("sqlite:$db"))->query('SELECT COUNT(*) FROM sig')->fetchColumn();
$start = function (string $marker) use ($php) {
    @unlink($marker);
    $proc = proc_open(array_merge($php, [$marker]), [], $pipes);
    for ($i = 0; $i < 200 && !file_exists($marker); $i++) {
        usleep(50000);
    }
    return $proc;
};
proc_close(proc_open(array_merge($php, ["$dir/marker", 'fill']), [], $pipes));
echo 'queued: ', $rows(), "\n";

// SIGTERM while the first message is being handled
$proc = $start("$dir/marker");
proc_terminate($proc, SIGTERM);
touch("$dir/marker.go");
$code = proc_close($proc);
echo 'SIGTERM: exit ', $code, ', handled ', file_get_contents("$dir/marker"), ', left in the queue: ', $rows(), "\n";

// kill -9 while the second is being handled: nobody acked it, it comes back
$proc = $start("$dir/marker2");
proc_terminate($proc, SIGKILL);
proc_close($proc);
echo 'SIGKILL mid-handler: handled ', file_get_contents("$dir/marker2"), ', left in the queue: ', $rows(), "\n";
sleep(2); // redeliver_timeout is 1 s
$proc = $start("$dir/marker3");
proc_terminate($proc, SIGTERM);
touch("$dir/marker3.go");
echo 'the next worker gets it again: exit ', proc_close($proc), ', handled ', file_get_contents("$dir/marker3"), ', left: ', $rows(), "\n";
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
queued: 2
SIGTERM: exit 0, handled 1, left in the queue: 1
SIGKILL mid-handler: handled 2, left in the queue: 1
the next worker gets it again: exit 0, handled 2, left: 0
