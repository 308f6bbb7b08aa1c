--TEST--
exit() or a fatal error (memory exhausted) inside a handler, in the middle of a claimed batch (get_batch_size 5; 6 on Redis, read 3 at a time with the next read under way): on the way out of the process the messages not yet handled go back to the queue at once, on the table (SQLite) and on Redis, those of a read under way too; the message whose handler ended the process waits for redeliver_timeout, those handled before it are acknowledged
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$dir = sys_get_temp_dir() . '/messenger-exit-' . getmypid();
@mkdir($dir);
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('exit');
$raw('DEL', $stream);
$dsns = [
    'table' => 'doctrine://default?get_batch_size=5',
    // reads of 3 on Redis (half of get_batch_size), the next one written ahead: 3 is the rest of
    // the batch, 4 and 5 the read under way
    'redis' => App\Redis\dsn() . "/$stream/workers?get_batch_size=6",
];
// a fatal error leaves by a bailout past the worker (E_USER_ERROR), or, for memory exhausted,
// unwinds with every PHP call refused until the request ends: both are given back by the
// worker's shutdown function
$endings = ['exit' => 'exit(7);', 'fatal' => '$s = str_repeat("x", 1 << 30);', 'user error' => 'trigger_error("gave up", E_USER_ERROR);'];
foreach ($endings as $ending => $code)
foreach ($dsns as $label => $dsn) {
    $label = "$ending, $label";
    $raw('DEL', $stream);
    @unlink("$dir/q.sqlite");
    file_put_contents("$dir/config.php", '<?php
if (!class_exists("Job")) { eval("final class Job { public function __construct(public int \\$n) {} }"); }
return [
    "transports" => ["async" => ' . var_export($dsn, true) . '],
    "connections" => ["default" => "sqlite:" . __DIR__ . "/q.sqlite"],
    "routing" => [Job::class => "async"],
    "handlers" => [Job::class => function (Job $j) { echo "handled {$j->n}\n"; if ($j->n === 2) { ' . $code . ' } }],
];');
    $m = Messenger\Messenger::fromFile("$dir/config.php");
    $m->dispatchAll(array_map(fn ($n) => new Job($n), range(1, 5)));
    unset($m);
    $proc = proc_open([PHP_BINARY, '-n', '-d', 'memory_limit=128M', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], '-r',
        'Messenger\Messenger::fromFile($argv[1])->worker(["async"])->run(["sleep" => 0]); echo "not reached\n";', "$dir/config.php"],
        // (PHP's allocator enforces memory_limit: not the system one a valgrind run asks for)
        [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, null, ['USE_ZEND_ALLOC' => '1'] + getenv());
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    echo "$label: exit ", proc_close($proc), ', ', trim(preg_replace(['/\s+/', '/\(tried to allocate \d+ bytes\) in \S+/', '/gave up in \S+/'], [' ', '(tried to allocate N bytes) in FILE', 'gave up in FILE'], $out)), "\n";
    // another worker gets the three that were never handled at once, not after redeliver_timeout
    $m = Messenger\Messenger::fromFile("$dir/config.php");
    $got = $m->transport('async')->get();
    $more = $m->transport('async')->get();
    echo "$label: the next worker gets at once: ", implode(',', array_map(fn ($e) => $e->getMessage()->n, array_merge($got, $more))),
        '; stored still (2 to 5; 1 was acknowledged): ',
        str_ends_with($label, 'table') ? (new PDO("sqlite:$dir/q.sqlite"))->query('SELECT COUNT(*) FROM messenger_messages')->fetchColumn() : $raw('XLEN', $stream), "\n";
    unset($m, $got, $more);
}
$raw('DEL', $stream);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
exit, table: exit 7, handled 1 handled 2
exit, table: the next worker gets at once: 3,4,5; stored still (2 to 5; 1 was acknowledged): 4
exit, redis: exit 7, handled 1 handled 2
exit, redis: the next worker gets at once: 3,4,5; stored still (2 to 5; 1 was acknowledged): 4
fatal, table: exit 255, handled 1 handled 2 Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate N bytes) in FILE on line 7
fatal, table: the next worker gets at once: 3,4,5; stored still (2 to 5; 1 was acknowledged): 4
fatal, redis: exit 255, handled 1 handled 2 Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate N bytes) in FILE on line 7
fatal, redis: the next worker gets at once: 3,4,5; stored still (2 to 5; 1 was acknowledged): 4
user error, table: exit 255, handled 1 handled 2 Fatal error: gave up in FILE on line 7
user error, table: the next worker gets at once: 3,4,5; stored still (2 to 5; 1 was acknowledged): 4
user error, redis: exit 255, handled 1 handled 2 Fatal error: gave up in FILE on line 7
user error, redis: the next worker gets at once: 3,4,5; stored still (2 to 5; 1 was acknowledged): 4
