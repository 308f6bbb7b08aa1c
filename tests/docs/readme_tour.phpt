--TEST--
The README's code block runs as it is written, and does what its comments say
--EXTENSIONS--
messenger
--FILE--
<?php
// what the block takes from the application around it
final class SmsNotification { public function __construct(public string $content) {} }
final class AuditEvent { public function __construct(public string $what) {} }
final class Audit { public array $seen = []; public function onAudit(AuditEvent $e) { $this->seen[] = $e->what; return 'audited'; } }
final class MyMiddleware implements Messenger\Middleware\MiddlewareInterface {
    public int $calls = 0;
    public function handle(Messenger\Envelope $e, Messenger\Middleware\StackInterface $s): Messenger\Envelope { $this->calls++; return $s->next()->handle($e, $s); }
}
$audit = new Audit;
$manyMessages = [new AuditEvent('a'), new AuditEvent('b'), new SmsNotification('c')];

if (!preg_match('/```php\n(.*?)```/s', file_get_contents(__DIR__ . '/../../README.md'), $m)) {
    exit("no php block in the README\n");
}
$file = sys_get_temp_dir() . '/messenger-readme-' . getmypid() . '.php';
file_put_contents($file, "<?php\n" . $m[1] . "\nreturn get_defined_vars();\n");
$vars = (function () use ($file, $audit, $manyMessages) { return require $file; })();
unlink($file);

$messenger = $vars['messenger'];
var_dump($vars['envelope']->last(Messenger\Stamp\HandledStamp::class)->getResult());
echo 'audit sent: ', implode(',', array_map(fn($e) => get_class($e->getMessage()), $messenger->transport('audit')->getSent())), "\n";
echo 'handled by the sync transport: ', implode(',', $audit->seen), "\n";
var_dump(get_class($messenger->transport('audit')));
// a sync:// transport holds its Messenger: a cycle, which the collector frees
unset($vars, $messenger);
var_dump(gc_collect_cycles() > 0);
?>
--EXPECT--
string(8) "sent: hi"
audit sent: AuditEvent,AuditEvent
handled by the sync transport: x
string(46) "Messenger\Transport\InMemory\InMemoryTransport"
bool(true)
