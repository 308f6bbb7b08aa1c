--TEST--
Bad configuration: unknown keys, wrong types, unknown buses and transports are named in the error
--EXTENSIONS--
messenger
--FILE--
<?php
$cases = [
    ['transport' => []],
    ['handlers' => 'x'],
    ['transports' => ['a' => 'beanstalk://user:s3cret@localhost:11300/messages']],
    ['transports' => ['a' => 'not a dsn']],
    ['transports' => ['a' => ['dsn' => 'in-memory://', 'colour' => 'red']]],
    ['transports' => ['a' => 42]],
    ['default_bus' => 'nope'],
    ['buses' => ['a' => ['default_middleware' => 'sometimes']]],
    ['failure_transport' => 'failed'],
];
foreach ($cases as $c) {
    try { new Messenger\Messenger($c); echo "accepted\n"; }
    catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
}
$m = new Messenger\Messenger(['transports' => ['a' => 'in-memory://']]);
foreach ([fn() => $m->bus('x'), fn() => $m->transport('b'), fn() => $m->setupTransports('b')] as $f) {
    try { $f(); } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
}
?>
--EXPECT--
Unknown configuration key "transport" (known: transports, routing, handlers, buses, default_bus, failure_transport, serializer, connections, listeners, logger, reset, project_dir, webhook)
Configuration key "handlers" must be an array, string given
transports["a"]: no transport handles the DSN scheme "beanstalk://" in this build (available: in-memory://, sync://, doctrine://, redis://, rediss://, amqp://, amqps://)
transports["a"]: invalid DSN: the DSN has no scheme (expected scheme://...)
transports["a"]: unknown key "colour" (known: dsn, options, serializer, retry_strategy, failure_transport, rate_limiter)
transports["a"] must be a DSN string, an array with "dsn", or a TransportInterface object, int given
default_bus must name a configured bus (configured: messenger.bus.default)
buses["a"]["default_middleware"] must be true, false or "allow_no_handlers"
failure_transport must name a configured transport (configured: none)
Unknown bus "x" (configured: messenger.bus.default)
Unknown transport "b" (configured: a)
Unknown transport "b" (configured: a)
