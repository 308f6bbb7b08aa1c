--TEST--
#[AsMessageHandler] arguments read from a class opcache keeps in shared memory (interned strings, memory protected): never written to
--EXTENSIONS--
messenger
opcache
--INI--
opcache.enable=1
opcache.enable_cli=1
opcache.protect_memory=1
--FILE--
<?php
final class Ping {}
#[Messenger\Attribute\AsMessageHandler(bus: 'messenger.bus.default', fromTransport: null, handles: Ping::class, method: 'onPing', priority: 5)]
final class PingHandler { public function onPing(Ping $p): string { return 'pong'; } }
var_dump(opcache_get_status(false)['opcache_enabled']);
$m = new Messenger\Messenger(['handlers' => [new PingHandler]]);
var_dump($m->dispatch(new Ping)->last(Messenger\Stamp\HandledStamp::class)->getResult());
?>
--EXPECT--
bool(true)
string(4) "pong"
