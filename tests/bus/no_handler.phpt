--TEST--
NoHandlerForMessageException unless the bus allows no handlers
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
$m = new Messenger\Messenger();
try { $m->dispatch(new App\Message\AuditEvent('x')); }
catch (Messenger\Exception\NoHandlerForMessageException $e) { echo $e::class, ': ', $e->getMessage(), "\n"; }
$m = new Messenger\Messenger(['buses' => ['events' => ['default_middleware' => 'allow_no_handlers']]]);
$e = $m->dispatch(new App\Message\AuditEvent('x'));
var_dump($e->all(Messenger\Stamp\HandledStamp::class));
?>
--EXPECT--
Messenger\Exception\NoHandlerForMessageException: No handler for message "App\Message\AuditEvent".
array(0) {
}
