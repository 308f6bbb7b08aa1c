--TEST--
Routing by class, parent, interface, Namespace\* and *, to every matching transport, without handling; Symfony >= 6.3: a wildcard is a fallback, used only for a message no class, parent or interface rule routes (5.4 also sent SmsNotification and EmailNotification to d)
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
use App\Message\{SmsNotification, EmailNotification, AuditEvent, Notification, BaseMessage};
use Messenger\Stamp\SentStamp;
$handled = 0;
$m = new Messenger\Messenger([
    'transports' => ['a' => 'in-memory://', 'b' => 'in-memory://', 'c' => 'in-memory://', 'd' => 'in-memory://'],
    'routing' => [
        SmsNotification::class => 'a',
        Notification::class => ['b', 'a'],
        BaseMessage::class => 'c',
        'App\Message\*' => 'd',
    ],
    'handlers' => ['*' => function () use (&$handled) { $handled++; }],
]);
$aliases = fn($e) => implode(',', array_map(fn($s) => $s->getSenderAlias(), $e->all(SentStamp::class)));
echo $aliases($m->dispatch(new SmsNotification('x'))), "\n";
echo $aliases($m->dispatch(new EmailNotification('x'))), "\n";
echo $aliases($m->dispatch(new AuditEvent('x'))), "\n";
echo $aliases($m->dispatch(new Other\Ping)), "|handled=$handled\n";
foreach (['a', 'b', 'c', 'd'] as $t) echo $t, '=', count($m->transport($t)->getSent()), ' ';
echo "\n";
$star = new Messenger\Messenger(['transports' => ['all' => 'in-memory://'], 'routing' => ['*' => 'all']]);
echo $aliases($star->dispatch(new stdClass)), "\n";
?>
--EXPECT--
a,c,b
b,a
d
|handled=1
a=2 b=2 c=1 d=1 
all
