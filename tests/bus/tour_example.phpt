--TEST--
The issue's example: an invokable handler's result in HandledStamp, a routed message sent to in-memory
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
use App\Message\{SmsNotification, AuditEvent};
use Messenger\Stamp\{DelayStamp, HandledStamp, SentStamp, BusNameStamp};
class SmsNotificationHandler { public function __invoke(SmsNotification $m) { return "sent: {$m->content}"; } }
$messenger = new Messenger\Messenger([
    'handlers' => [new SmsNotificationHandler()],
    'routing' => [AuditEvent::class => 'audit'],
    'transports' => ['audit' => 'in-memory://'],
]);
$envelope = $messenger->dispatch(new SmsNotification('hi'), [new DelayStamp(5000)]);
var_dump($envelope->last(HandledStamp::class)->getResult());
var_dump($envelope->last(HandledStamp::class)->getHandlerName());
var_dump($envelope->last(BusNameStamp::class)->getBusName());
var_dump($envelope->last(DelayStamp::class)->getDelay());
$sent = $messenger->dispatch(new AuditEvent('login'));
var_dump($sent->last(HandledStamp::class));
var_dump($sent->last(SentStamp::class)->getSenderAlias(), $sent->last(SentStamp::class)->getSenderClass());
var_dump(count($messenger->transport('audit')->getSent()));
?>
--EXPECT--
string(8) "sent: hi"
string(32) "SmsNotificationHandler::__invoke"
string(21) "messenger.bus.default"
int(5000)
NULL
string(5) "audit"
string(46) "Messenger\Transport\InMemory\InMemoryTransport"
int(1)
