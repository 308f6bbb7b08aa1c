--TEST--
bin/console on a terminal: messenger:consume (neither -q nor -v) and messenger:failed:remove --force keep one progress line on stderr, redrawn in place and erased at the end; never in a pipe, with -v or -q
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-progress-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", <<<'PHP'
<?php
final class Ping { public function __construct(public int $n) {} }
final class Parked { public function __construct(public int $n) {} }
return [
    'transports' => ['async' => 'doctrine://default', 'failed' => 'doctrine://default?queue_name=failed'],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async', Parked::class => 'failed'],
    'handlers' => [Ping::class => function (Ping $p) { usleep(30000); }],
];
PHP);
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0]];
$dispatch = function (string $class, int $n) use ($php, $dir) {
    proc_close(proc_open(array_merge($php, ['-r', "\$m = Messenger\\Messenger::fromFile('config/messenger.php'); foreach (range(1, $n) as \$i) { \$m->dispatch(new $class(\$i)); }"]), [], $pipes, $dir));
};
// stderr on a terminal (a pty) or a pipe
$run = function (array $args, bool $tty) use ($php, $console, $dir) {
    $proc = proc_open(array_merge($php, [$console], $args), [1 => ['pipe', 'w'], 2 => $tty ? ['pty'] : ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]);
    $err = @stream_get_contents($pipes[2]);
    return [proc_close($proc), $out, $err];
};
$lines = fn(string $err) => array_values(array_filter(array_map('trim', preg_split('/[\r\n]+/', $err))));

$dispatch('Ping', 50);
// 20 messages of 30 ms: drawn at once, then at most every 200 ms
[$code, , $err] = $run(['messenger:consume', 'async', '--limit=20'], true);
$drawn = $lines($err);
echo "consume on a terminal: $code\n", $drawn[0], "\n", preg_replace('/\d+ messages/', 'N messages', $drawn[1]), "\n";
var_dump(count($drawn) >= 4 && count($drawn) <= 22, (bool) preg_match('/^\d+ handled, 0 failed, \d+ messages\/s$/', end($drawn)));
// the line is erased at the end: the last thing written is a carriage return after blanks
var_dump((bool) preg_match('/\r +\r$/', $err));

[$code, , $err] = $run(['messenger:consume', 'async', '--limit=10'], false);
echo "consume in a pipe: $code, ", trim($err), "\n";
[$code, , $err] = $run(['messenger:consume', 'async', '--limit=5', '-v'], true);
echo "consume -v on a terminal: $code, ", count($lines($err)), " lines, progress: ", var_export(str_contains($err, 'messages/s'), true), "\n";
[$code, , $err] = $run(['messenger:consume', 'async', '--limit=5', '-q'], true);
echo "consume -q on a terminal: $code, ", var_export($err, true), "\n";

$dispatch('Parked', 5);
[$code, $out, $err] = $run(['messenger:failed:remove', '--all', '--force'], true);
echo "failed:remove on a terminal: $code, ", trim($out), "\n", $lines($err)[0], "\n";
var_dump((bool) preg_match('/\r +\r$/', $err));

array_map('unlink', array_filter(glob("$dir/{config,var}/*", GLOB_BRACE), 'is_file'));
@rmdir("$dir/config"); @rmdir("$dir/var"); @rmdir($dir);
?>
--EXPECT--
consume on a terminal: 0
[OK] Consuming messages from transport "async".
1 handled, 0 failed, N messages/s
bool(true)
bool(true)
bool(true)
consume in a pipe: 0, [OK] Consuming messages from transport "async".
consume -v on a terminal: 0, 6 lines, progress: false
consume -q on a terminal: 0, ''
failed:remove on a terminal: 0, [OK] 5 messages removed.
Removing: 0 of 5 looked at, 0 removed
bool(true)
