--TEST--
bin/console messenger:failed:show (list, one message, --stats, --class-filter), messenger:failed:retry (handled now; a message that fails again goes back to the failure transport), messenger:failed:remove (--force needed without a terminal)
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-failed-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", <<<'PHP'
<?php
final class Ping { public function __construct(public int $n) {} }
final class Pong { public function __construct(public int $n) {} }
return [
    'transports' => [
        'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://default?queue_name=failed',
    ],
    'failure_transport' => 'failed',
    'routing' => [Ping::class => 'async', Pong::class => 'async'],
    'handlers' => [
        Ping::class => function (Ping $p) { if ($p->n % 2 && !file_exists('fixed')) { throw new RuntimeException("odd {$p->n}"); } },
        Pong::class => fn() => throw new LogicException('pong never works'),
    ],
];
PHP);
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0]];
$run = function (array $args) use ($php, $console, $dir) {
    $proc = proc_open(array_merge($php, [$console], $args), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $code = proc_close($proc);
    return [$code, preg_replace('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', 'DATE', $out . $err)];
};
proc_close(proc_open(array_merge($php, ['-r', '$m = Messenger\Messenger::fromFile("config/messenger.php"); foreach (range(1, 4) as $i) { $m->dispatch(new Ping($i)); } $m->dispatch(new Pong(9));']), [], $pipes, $dir));
[$code] = $run(['messenger:consume', 'async', '--limit=5', '-q']);
echo "consumed: $code\n";
foreach ([['messenger:failed:show'], ['messenger:failed:show', '--stats'], ['messenger:failed:show', '--class-filter=Pong'],
          ['messenger:failed:show', '6'], ['messenger:failed:show', '99'], ['messenger:failed:remove', '6'], ['messenger:failed:remove']] as $args) {
    [$code, $out] = $run($args);
    echo '$ ', implode(' ', $args), " -> $code\n", $out;
}
touch("$dir/fixed");
[$code, $out] = $run(['messenger:failed:retry', '--force']);
echo "\$ messenger:failed:retry --force -> $code\n", $out;
[$code, $out] = $run(['messenger:failed:show']);
echo "\$ messenger:failed:show -> $code\n", $out;
[$code, $out] = $run(['messenger:failed:remove', '--all', '--force']);
echo "\$ messenger:failed:remove --all --force -> $code\n", $out;
[$code, $out] = $run(['messenger:stats']);
echo $out;
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
consumed: 0
$ messenger:failed:show -> 0
 Id  Class  Failed at            Error
 6   Ping   DATE  odd 1
 7   Ping   DATE  odd 3
 8   Pong   DATE  pong never works

 3 messages in the failure transport "failed".
$ messenger:failed:show --stats -> 0
 Class                                    Count
 Ping                                     2
 Pong                                     1
$ messenger:failed:show --class-filter=Pong -> 0
 Id  Class  Failed at            Error
 8   Pong   DATE  pong never works

 3 messages in the failure transport "failed".
$ messenger:failed:show 6 -> 0

 Id:            6
 Class:         Ping
 From:          async
 Failed at:     DATE
 Error:         odd 1
 Error class:   RuntimeException
 Error code:    0
 Failures:      1

 Re-run the command with -vv to see the message.
$ messenger:failed:show 99 -> 1
The message "99" was not found.
$ messenger:failed:remove 6 -> 1
Not removing anything without --force when nobody can be asked.
$ messenger:failed:remove -> 1
Please pass the ids of the messages to remove, or --all.
$ messenger:failed:retry --force -> 0
[OK] Message 6 retried and handled.
[OK] Message 7 retried and handled.
[WARNING] Message 8 failed again.
2 retried, 1 failed again.
$ messenger:failed:show -> 0
 Id  Class  Failed at            Error
 9   Pong   DATE  pong never works

 1 message in the failure transport "failed".
$ messenger:failed:remove --all --force -> 0
[OK] 1 message removed.
 Transport   Count 
 ---------   ----- 
 async           0 
 failed          0 
