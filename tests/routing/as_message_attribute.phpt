--TEST--
#[AsMessage] routes a message by attribute on its class, a parent or an interface (Symfony 7.2) when the routing configuration names no transport for it; the configuration wins over the attribute; a malformed attribute or an unknown transport is an exception naming the class; a worker decodes what was sent by attribute
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
use Messenger\Attribute\AsMessage;
use Messenger\Stamp\SentStamp;

#[AsMessage('audit')] interface Audited {}
#[AsMessage(transport: ['a', 'b'])] class Base {}
final class Child extends Base implements Audited {}
#[AsMessage('a')] final class Overridden {}
final class Plain {}
#[AsMessage(transport: 42)] final class Broken {}
#[AsMessage('nowhere')] final class Lost {}
#[AsMessage(transport: 'db')] final class Stored { public function __construct(public string $v = 'x') {} }

$m = new Messenger\Messenger([
    'transports' => ['a' => 'in-memory://', 'b' => 'in-memory://', 'audit' => 'in-memory://', 'db' => 'doctrine://default'],
    'connections' => ['default' => 'sqlite::memory:'],
    'routing' => [Overridden::class => 'b'],
    'handlers' => [Plain::class => fn() => 'handled', Stored::class => function (Stored $s) { echo "handled Stored {$s->v}\n"; }],
]);
$sent = fn($e) => implode(',', array_map(fn(SentStamp $s) => $s->getSenderAlias(), $e->all(SentStamp::class))) ?: 'handled now';
echo 'Child: ', $sent($m->dispatch(new Child)), "\n";
echo 'Overridden: ', $sent($m->dispatch(new Overridden)), "\n";
echo 'Plain: ', $sent($m->dispatch(new Plain)), "\n";
foreach ([new Broken, new Lost] as $msg) {
    try { $m->dispatch($msg); } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
}
$a = new AsMessage(['x'], 'type.name');
var_dump($a->transport, $a->serializedTypeName);
// the table transport's serializer reads back what was sent there by attribute
$m->dispatch(new Stored('y'));
$m->worker(['db'])->run(['limit' => 1, 'sleep' => 0]);
?>
--EXPECT--
Child: a,b,audit
Overridden: b
Plain: handled now
Broken: #[AsMessage] transport must be a transport name or a list of them
Lost: #[AsMessage] names the transport "nowhere", which is not configured (configured: a, b, audit, db)
array(1) {
  [0]=>
  string(1) "x"
}
string(9) "type.name"
handled Stored y
