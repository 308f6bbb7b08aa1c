--TEST--
A read-only SQLite database (a file the process may not write, in a folder it may not write: immutable, or as nobody; or an application's PDO opened read-only): messenger:stats, count, all and find work; get and dispatch report the database's own error, not "Could not create the table" or "does not exist"
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-readonly-' . getmypid();
@mkdir($dir);
$config = fn (string $auto) => "<?php\nfinal class Job { public function __construct(public string \$n = '') {} }\n" .
    "return ['transports' => ['async' => 'doctrine://default?auto_setup=$auto'], 'connections' => ['default' => 'sqlite:' . __DIR__ . '/q.sqlite'], 'routing' => [Job::class => 'async']];\n";
file_put_contents("$dir/on.php", $config('true'));
file_put_contents("$dir/off.php", $config('false'));
$script = <<<'PHP'
$m = Messenger\Messenger::fromFile($argv[1]);
$t = $m->transport('async');
foreach (['count' => fn () => $t->getMessageCount(), 'all' => fn () => count(iterator_to_array($t->all())), 'find' => fn () => $t->find(1)?->getMessage()->n,
    'get' => fn () => count($t->get()), 'dispatch' => fn () => $m->dispatch(new Job('c')) ? 'sent' : ''] as $what => $f) {
    try { $r = $f(); } catch (Throwable $e) { $r = get_class($e) . ': ' . str_replace(dirname($argv[1]), 'DIR', $e->getMessage()); }
    echo "  $what: $r\n";
}
PHP;
// nobody may not reach the build's folder (a clone under /root): the extension and the console are copied
copy($so[0], "$dir/messenger.so");
copy($console, "$dir/console");
$console = "$dir/console";
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', "extension=$dir/messenger.so"];
$asNobody = false;
$run = function (array $args, bool $readonly) use ($dir, &$asNobody) {
    // root writes anything but an immutable file: when the file system has no such flag, the
    // read-only runs are made as nobody (not under valgrind, whose log nobody may not write)
    $prefix = $readonly && $asNobody ? ['runuser', '-u', 'nobody', '--'] : [];
    $proc = proc_open(array_merge($prefix, $args), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
    return [proc_close($proc), $out];
};
[$code, $out] = $run(array_merge($php, ['-r', '$m = Messenger\Messenger::fromFile("on.php"); $m->dispatch(new Job("a")); $m->dispatch(new Job("b")); echo "written\n";']), false);
echo $out;
chmod("$dir/q.sqlite", 0444);
chmod($dir, 0555);
if (posix_geteuid() === 0) {
    exec('chattr +i ' . escapeshellarg("$dir/q.sqlite") . ' ' . escapeshellarg($dir) . ' 2>/dev/null', $ignored, $rc);
    $asNobody = $rc !== 0;
}
foreach (['on', 'off'] as $auto) {
    echo "auto_setup $auto:\n";
    [$code, $out] = $run(array_merge($php, [$console, 'messenger:stats', "--config=$dir/$auto.php"]), true);
    echo "  stats ($code):", preg_replace('/\s+/', ' ', " $out"), "\n";
    [$code, $out] = $run(array_merge($php, ['-r', $script, "$dir/$auto.php"]), true);
    echo $out;
}
exec('chattr -i ' . escapeshellarg("$dir/q.sqlite") . ' ' . escapeshellarg($dir) . ' 2>/dev/null');
chmod($dir, 0755);

// the application's own PDO, opened read-only
$pdo = new PDO("sqlite:$dir/q.sqlite", null, null, [PDO::SQLITE_ATTR_OPEN_FLAGS => PDO::SQLITE_OPEN_READONLY]);
$m = new Messenger\Messenger(['transports' => ['async' => 'doctrine://default'], 'connections' => ['default' => $pdo]]);
echo 'read-only PDO: count ', $m->transport('async')->getMessageCount(), "\n";
try {
    $m->transport('async')->get();
} catch (Messenger\Exception\TransportException $e) {
    echo 'read-only PDO: ', $e->getMessage(), "\n";
}
unset($m, $pdo);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
written
auto_setup on:
  stats (0): Transport Count --------- ----- async 2 
  count: 2
  all: 2
  find: a
  get: Messenger\Exception\TransportException: Could not receive from the sqlite database DIR/q.sqlite: SQLSTATE[HY000]: General error: 8 attempt to write a readonly database
  dispatch: Messenger\Exception\TransportException: Could not send to the sqlite database DIR/q.sqlite: SQLSTATE[HY000]: General error: 8 attempt to write a readonly database
auto_setup off:
  stats (0): Transport Count --------- ----- async 2 
  count: 2
  all: 2
  find: a
  get: Messenger\Exception\TransportException: Could not receive from the sqlite database DIR/q.sqlite: SQLSTATE[HY000]: General error: 8 attempt to write a readonly database
  dispatch: Messenger\Exception\TransportException: Could not send to the sqlite database DIR/q.sqlite: SQLSTATE[HY000]: General error: 8 attempt to write a readonly database
read-only PDO: count 2
read-only PDO: Could not receive from the sqlite database: SQLSTATE[HY000]: General error: 8 attempt to write a readonly database
