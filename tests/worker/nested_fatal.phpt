--TEST--
A fatal error in a handler of a worker run inside another handler (a nested run(), each reading a batch of 3 on SQLite): on the way out both batches give their unhandled messages back to the queue at once, the inner and the outer one; the messages whose handlers were running wait for redeliver_timeout, those handled before are acknowledged
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$dir = sys_get_temp_dir() . '/messenger-nested-' . getmypid();
@mkdir($dir);
file_put_contents("$dir/config.php", '<?php
if (!class_exists("Outer")) { final class Outer { public function __construct(public int $n) {} } final class Inner { public function __construct(public int $n) {} } }
return [
    "connections" => ["default" => "sqlite:" . __DIR__ . "/q.sqlite"],
    "transports" => ["outer" => "doctrine://default?queue_name=outer&get_batch_size=3", "inner" => "doctrine://default?queue_name=inner&get_batch_size=3"],
    "routing" => [Outer::class => "outer", Inner::class => "inner"],
    "handlers" => [
        Outer::class => function (Outer $o) { echo "outer {$o->n}\n"; if ($o->n === 2) { $GLOBALS["messenger"]->worker(["inner"])->run(["sleep" => 0]); } },
        Inner::class => function (Inner $i) { echo "inner {$i->n}\n"; if ($i->n === 2) { trigger_error("gave up", E_USER_ERROR); } },
    ],
];');
$m = Messenger\Messenger::fromFile("$dir/config.php");
$m->dispatchAll(array_map(fn ($n) => new Outer($n), [1, 2, 3]));
$m->dispatchAll(array_map(fn ($n) => new Inner($n), [1, 2, 3]));
unset($m);
$proc = proc_open([PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0], '-r',
    '$GLOBALS["messenger"] = Messenger\Messenger::fromFile($argv[1]); $GLOBALS["messenger"]->worker(["outer"])->run(["sleep" => 0]); echo "not reached\n";', "$dir/config.php"],
    [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
echo 'exit ', proc_close($proc), ': ', trim(preg_replace(['/\s+/', '/gave up in \S+/'], [' ', 'gave up in FILE'], $out)), "\n";
$m = Messenger\Messenger::fromFile("$dir/config.php");
foreach (['outer', 'inner'] as $name) {
    $got = $m->transport($name)->get();
    echo "$name: the next worker gets at once: ", implode(',', array_map(fn ($e) => $e->getMessage()->n, $got)), "\n";
}
$pdo = new PDO("sqlite:$dir/q.sqlite");
echo 'waiting for redeliver_timeout (claimed before the fatal error): ', implode(', ', $pdo->query("SELECT queue_name || ' ' || id FROM messenger_messages WHERE delivered_at IS NOT NULL AND id NOT IN (3, 6) ORDER BY id")->fetchAll(PDO::FETCH_COLUMN)), "\n";
echo 'rows: ', $pdo->query('SELECT COUNT(*) FROM messenger_messages')->fetchColumn(), "\n";
unset($m, $got, $pdo);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
exit 255: outer 1 outer 2 inner 1 inner 2 Fatal error: gave up in FILE on line 9
outer: the next worker gets at once: 3
inner: the next worker gets at once: 3
waiting for redeliver_timeout (claimed before the fatal error): outer 2, inner 5
rows: 4
