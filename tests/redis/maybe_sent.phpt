--TEST--
A send whose outcome is unknown says so: when the command went out whole and the server went away before replying (a fake Redis that reads the XADD and closes), send() and dispatch() throw MaybeSentException (a TransportException) saying the message may have been stored; a server that is not there at all is a plain TransportException (nothing went out)
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job { public function __construct(public int $n) {} }
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
// reads until an XADD arrives, then closes the connection and stops listening
$fake = <<<'PHP'
$srv = stream_socket_server('tcp://127.0.0.1:' . $argv[1]);
echo "listening\n";
$c = stream_socket_accept($srv, 20);
$seen = '';
while (!str_contains($seen, 'XADD') && ($chunk = fread($c, 8192)) !== '' && $chunk !== false) {
    $seen .= $chunk;
}
fclose($c);
fclose($srv);
echo str_contains($seen, 'XADD') ? "read an XADD, closed without replying\n" : "no XADD\n";
PHP;
$show = function (callable $f) use ($port) {
    try {
        $f();
        echo "no exception\n";
    } catch (Messenger\Exception\TransportException $e) {
        // (how the connection ended depends on timing: reset, closed, refused on the retry)
        $text = str_replace((string) $port, 'PORT', $e->getMessage());
        echo get_class($e), ' (a TransportException: ', $e instanceof Messenger\Exception\TransportException ? 'yes' : 'no', '): ',
            $e instanceof Messenger\Exception\MaybeSentException ? (str_ends_with($text, ': the message may have been stored (sending it again may store it twice)') ? 'says it may have been stored' : $text) : $text, "\n";
    }
};
$serializer = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
foreach (['send' => fn ($t) => $t->send(new Messenger\Envelope(new Job(1))),
          'dispatch' => fn ($t) => (new Messenger\Messenger(['transports' => ['async' => $t], 'routing' => [Job::class => 'async']]))->dispatch(new Job(2))] as $how => $call) {
    $server = proc_open([PHP_BINARY, '-n', '-r', $fake, '--', (string) $port], [1 => ['pipe', 'w']], $pipes);
    fgets($pipes[1]);
    $t = new Messenger\Bridge\Redis\Transport\RedisTransport("redis://127.0.0.1:$port/jobs?auto_setup=0", [], $serializer);
    echo "$how: ";
    $show(fn () => $call($t));
    echo 'the server: ', trim(stream_get_contents($pipes[1])), "\n";
    proc_close($server);
}
echo "nobody listening: ";
$show(fn () => (new Messenger\Bridge\Redis\Transport\RedisTransport("redis://127.0.0.1:$port/jobs?auto_setup=0", [], $serializer))->send(new Messenger\Envelope(new Job(3))));
?>
--EXPECT--
send: Messenger\Exception\MaybeSentException (a TransportException: yes): says it may have been stored
the server: read an XADD, closed without replying
dispatch: Messenger\Exception\MaybeSentException (a TransportException: yes): says it may have been stored
the server: read an XADD, closed without replying
nobody listening: Messenger\Exception\TransportException (a TransportException: yes): Cannot connect to Redis at 127.0.0.1:PORT: Connection refused