--TEST--
The module loads and registers its classes
--EXTENSIONS--
messenger
--FILE--
<?php
var_dump(extension_loaded('messenger'));
foreach (['Messenger\Messenger', 'Messenger\MessageBus', 'Messenger\Envelope', 'Messenger\Stamp\DelayStamp',
          'Messenger\Transport\InMemory\InMemoryTransport', 'Messenger\Exception\HandlerFailedException',
          'Messenger\Attribute\AsMessageHandler', 'Messenger\Middleware\StackMiddleware'] as $c) {
    echo $c, ': ', class_exists($c) ? 'yes' : 'no', "\n";
}
var_dump(interface_exists('Messenger\Middleware\MiddlewareInterface'));
var_dump(is_subclass_of('Messenger\Exception\InvalidArgumentException', 'InvalidArgumentException'));
var_dump(is_subclass_of('Messenger\Exception\NoHandlerForMessageException', 'Messenger\Exception\ExceptionInterface'));
var_dump(is_subclass_of('Messenger\Exception\MessageDecodingFailedException', 'Messenger\Exception\InvalidArgumentException'));
?>
--EXPECT--
bool(true)
Messenger\Messenger: yes
Messenger\MessageBus: yes
Messenger\Envelope: yes
Messenger\Stamp\DelayStamp: yes
Messenger\Transport\InMemory\InMemoryTransport: yes
Messenger\Exception\HandlerFailedException: yes
Messenger\Attribute\AsMessageHandler: yes
Messenger\Middleware\StackMiddleware: yes
bool(true)
bool(true)
bool(true)
bool(true)
