--TEST--
Routing follows Symfony >= 6.3: "Namespace\*" and "*" are fallbacks (the narrowest wildcard that matches, only for a message no class, parent or interface rule routes); one rule naming several transports sends to all of them; a routing key naming a class or interface that does not exist (a typo), or a malformed wildcard, is refused when the Messenger is built; a class the autoloader brings is accepted
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
use App\Message\{SmsNotification, EmailNotification, AuditEvent, Notification};
use Messenger\Stamp\SentStamp;
$sent = fn($e) => implode(',', array_map(fn($s) => $s->getSenderAlias(), $e->all(SentStamp::class))) ?: '(handled here)';
$transports = ['a' => 'in-memory://', 'b' => 'in-memory://', 'c' => 'in-memory://', 'audit' => 'in-memory://', 'ns' => 'in-memory://'];
$m = new Messenger\Messenger([
    'transports' => $transports,
    'routing' => [
        '*' => 'audit',
        'App\*' => 'ns',
        'App\Message\*' => ['b', 'c'],
        Notification::class => 'a',
    ],
    'handlers' => ['*' => fn () => null],
]);
echo 'SmsNotification (interface rule): ', $sent($m->dispatch(new SmsNotification('x'))), "\n";
echo 'EmailNotification (interface rule): ', $sent($m->dispatch(new EmailNotification('x'))), "\n";
echo 'AuditEvent (narrowest wildcard, both of its transports): ', $sent($m->dispatch(new AuditEvent('x'))), "\n";
echo 'Other\Ping ("*"): ', $sent($m->dispatch(new Other\Ping)), "\n";
echo 'stdClass ("*"): ', $sent($m->dispatch(new stdClass)), "\n";

// only "*": everything goes there; no rule at all: handled at once
$m = new Messenger\Messenger(['transports' => $transports, 'routing' => ['*' => 'audit', AuditEvent::class => 'a'], 'handlers' => ['*' => fn () => null]]);
echo 'AuditEvent (class rule, "*" skipped): ', $sent($m->dispatch(new AuditEvent('x'))), "\n";
echo 'SmsNotification ("*"): ', $sent($m->dispatch(new SmsNotification('x'))), "\n";

// a class the autoloader knows is a routing key like any other
spl_autoload_register(function (string $class) {
    if ($class === 'App\Lazy\Invoice') {
        eval('namespace App\Lazy; final class Invoice {}');
    }
});
$m = new Messenger\Messenger(['transports' => $transports, 'routing' => ['App\Lazy\Invoice' => 'a', '\App\Message\AuditEvent' => 'b']]);
echo 'autoloaded: ', $sent($m->dispatch(new App\Lazy\Invoice)), ', leading backslash: ', $sent($m->dispatch(new AuditEvent('x'))), "\n";

foreach ([
    'App\Message\SmsNotificaton',   // a typo
    'App\Messages\*\Foo',
    'App*',
    'App\\\\*',
    '\*',
    '*\Foo',
    'App\1Message\*',
    'App\Message\AuditEvent ',
] as $key) {
    try {
        new Messenger\Messenger(['transports' => $transports, 'routing' => [$key => 'a']]);
        echo "accepted: $key\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
// a trait is not a message type
trait Stamped {}
try {
    new Messenger\Messenger(['transports' => $transports, 'routing' => [Stamped::class => 'a']]);
    echo "accepted: trait\n";
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
// an autoloader that throws: its exception, not ours
spl_autoload_register(function (string $class) { throw new RuntimeException("autoloader failed on $class"); });
try {
    new Messenger\Messenger(['transports' => $transports, 'routing' => ['App\Nowhere' => 'a']]);
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
SmsNotification (interface rule): a
EmailNotification (interface rule): a
AuditEvent (narrowest wildcard, both of its transports): b,c
Other\Ping ("*"): audit
stdClass ("*"): audit
AuditEvent (class rule, "*" skipped): a
SmsNotification ("*"): audit
autoloaded: a, leading backslash: b
Invalid Messenger routing configuration: class or interface "App\Message\SmsNotificaton" not found.
Invalid Messenger routing configuration: invalid namespace "App\Messages\*\Foo" wildcard.
Invalid Messenger routing configuration: invalid namespace "App*" wildcard.
Invalid Messenger routing configuration: invalid namespace "App\\*" wildcard.
Invalid Messenger routing configuration: invalid namespace "\*" wildcard.
Invalid Messenger routing configuration: invalid namespace "*\Foo" wildcard.
Invalid Messenger routing configuration: invalid namespace "App\1Message\*" wildcard.
Invalid Messenger routing configuration: class or interface "App\Message\AuditEvent " not found.
Invalid Messenger routing configuration: class or interface "Stamped" not found.
RuntimeException: autoloader failed on App\Nowhere
