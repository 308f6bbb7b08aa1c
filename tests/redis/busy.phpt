--TEST--
A worker waits out a Redis that answers but cannot serve (BUSY: a script running past busy-reply-threshold on a private redis-server, as LOADING after a restart, TRYAGAIN and MASTERDOWN are): it says the transport is unavailable, waits, and handles the message once the script is killed; a reply that is an error of the command itself (a wrong type at the stream's key) ends it at once, without waiting
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';

final class Job { public function __construct(public int $n) {} }
$server = new App\Redis\Server();
$server->start(['--busy-reply-threshold', '100']);
$raw = new App\Redis\Raw("redis://127.0.0.1:{$server->port}");
$waits = 0;
$m = new Messenger\Messenger([
    'transports' => ['async' => "redis://127.0.0.1:{$server->port}/jobs", 'other' => "redis://127.0.0.1:{$server->port}/other"],
    'routing' => [Job::class => 'async'],
    'handlers' => [Job::class => function (Job $j) { echo "handled {$j->n}\n"; }],
    'listeners' => [
        // (said once per outage)
        'transport_unavailable' => function (array $e) use ($raw, &$waits) {
            $waits++;
            echo "unavailable: {$e['transport']}: ", preg_replace('/:\d+/', ':PORT', $e['error']->getMessage()), "\n";
            echo 'SCRIPT KILL: ', $raw('SCRIPT', 'KILL'), "\n"; // the server can serve again
        },
        'transport_available' => function (array $e) { echo "available: {$e['transport']}\n"; },
    ],
]);
$m->dispatch(new Job(1));
// a script that keeps the server busy until it is killed (also if this test fails: a busy
// server does not stop on SIGTERM)
register_shutdown_function(function () use ($raw) { try { @$raw('SCRIPT', 'KILL'); } catch (Throwable) {} });
$script = proc_open(['redis-cli', '-p', (string) $server->port, 'EVAL', 'while true do end', '0'], [['file', '/dev/null', 'r'], ['pipe', 'w'], ['pipe', 'w']], $pipes);
for ($i = 0; $i < 100; $i++) {
    $pong = $raw('PING');
    if ($pong instanceof RuntimeException && str_starts_with($pong->getMessage(), 'BUSY')) {
        break;
    }
    usleep(20000);
}
echo 'the server is busy: ', $i < 100 ? 'yes' : 'no', "\n";
$code = @$m->worker(['async'])->run(['limit' => 1, 'sleep' => 0.05, 'time_limit' => 20]);
echo "worker: $code, unavailable $waits time(s)\n";
$raw('SCRIPT', 'KILL'); // (NOTBUSY when the worker's listener did it)
echo 'the script: ', trim(stream_get_contents($pipes[1])), "\n";
proc_close($script);

// an error of the command, not of the server: at once
$raw('SET', 'other', 'a string, not a stream');
$waits = 0;
try {
    @$m->worker(['other'])->run(['sleep' => 0.05, 'time_limit' => 20]);
    echo "no exception\n";
} catch (Messenger\Exception\TransportException $e) {
    echo get_class($e), ': ', $e->getMessage(), "; unavailable $waits time(s)\n";
}
unset($m);
$server->stop();
?>
--EXPECTF--
the server is busy: yes
unavailable: async: Redis at 127.0.0.1:PORT failed to claim pending messages: BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.
SCRIPT KILL: OK
available: async
handled 1
worker: 0, unavailable 1 time(s)
the script: %SScript killed by user with SCRIPT KILL%S
Messenger\Exception\TransportException: %SWRONGTYPE%S; unavailable 0 time(s)
