--TEST--
Routing and handler keys may start with a backslash and are matched case-insensitively, like PHP class names
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
$m = new Messenger\Messenger([
    'transports' => ['a' => 'in-memory://', 'b' => 'in-memory://'],
    'routing' => ['\App\Message\AuditEvent' => 'a', 'app\message\auditevent' => 'b'],
    'handlers' => ['\App\Message\SmsNotification' => fn() => 'backslash', 'APP\MESSAGE\*' => fn() => 'wildcard'],
]);
$sent = $m->dispatch(new App\Message\AuditEvent('x'))->all(Messenger\Stamp\SentStamp::class);
echo implode(',', array_map(fn($s) => $s->getSenderAlias(), $sent)), "\n";
$handled = $m->dispatch(new App\Message\SmsNotification('x'))->all(Messenger\Stamp\HandledStamp::class);
echo implode(',', array_map(fn($s) => $s->getResult(), $handled)), "\n";
?>
--EXPECT--
a,b
backslash,wildcard
