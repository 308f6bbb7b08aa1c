--TEST--
Handlers are found by class, parent class, interface, namespace wildcard and "*", ordered by priority
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
use App\Message\{SmsNotification, EmailNotification, BaseMessage, Notification};
$log = fn(string $n) => function ($m) use ($n) { echo $n, "\n"; return $n; };
$m = new Messenger\Messenger(['handlers' => [
    SmsNotification::class => [$log('class')],
    BaseMessage::class => [$log('parent')],
    Notification::class => [['handler' => $log('interface-high'), 'priority' => 10], $log('interface')],
    'App\Message\*' => $log('namespace'),
    'App\*' => $log('outer namespace'),
    '*' => $log('star'),
]]);
$m->dispatch(new SmsNotification('x'));
echo "---\n";
$m->dispatch(new EmailNotification('a@b'));
echo "---\n";
$m->dispatch(new Other\Ping);
?>
--EXPECT--
interface-high
class
parent
interface
namespace
outer namespace
star
---
interface-high
interface
namespace
outer namespace
star
---
star
