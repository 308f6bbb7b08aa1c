--TEST--
Bad handler configuration gets an InvalidArgumentException naming the entry
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job {}
final class NoInvoke {}
final class Untyped { public function __invoke($m) {} }
final class NoParam { public function __invoke() {} }
$configs = [
    [Job::class => 'no_such_function'],
    [Job::class => [fn() => 1, 'nope']],
    [new NoInvoke],
    [new Untyped],
    [new NoParam],
    ['just a string'],
    [fn(Job $j) => 1],
    [Job::class => ['handler' => new NoInvoke, 'method' => 'missing']],
    [Job::class => ['handler' => fn() => 1, 'priority' => 'high']],
    [Job::class => ['handler' => fn() => 1, 'prio' => 1]],
];
foreach ($configs as $handlers) {
    try { new Messenger\Messenger(['handlers' => $handlers]); echo "accepted\n"; }
    catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
}
?>
--EXPECT--
handlers["Job"] is not a valid handler: function "no_such_function" not found or invalid function name
handlers["Job"][1] is not a valid handler: function "nope" not found or invalid function name
handlers[0]: NoInvoke is not a handler: it has no __invoke() method and no #[AsMessageHandler] attribute
handlers[0]: the first parameter of Untyped::__invoke() has no class type, so it cannot tell which message it handles; type it or use 'handles'
handlers[0]: NoParam::__invoke() takes no parameter, so it cannot tell which message it handles; give it a typed first parameter or use 'handles'
handlers[0]: a handler without a message class key must be an object (invokable or with #[AsMessageHandler]) or a descriptor array with 'handler', string given
handlers[0]: a handler without a message class key must be an object (invokable or with #[AsMessageHandler]) or a descriptor array with 'handler', Closure given
handlers["Job"] is not a valid handler: class NoInvoke does not have a method "missing"
handlers["Job"]: option 'priority' must be an int, string given
handlers["Job"]: unknown option 'prio' (known: handler, method, from_transport, priority, bus, handles)
