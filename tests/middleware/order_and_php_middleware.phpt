--TEST--
Middleware order: bus name stamp, dispatch-after-current-bus, the application's middleware, send, handle
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/messages.inc';
use Messenger\Envelope;
use Messenger\Middleware\{MiddlewareInterface, StackInterface};
use Messenger\Stamp\{BusNameStamp, SentStamp, HandledStamp};
final class Spy implements MiddlewareInterface {
    public function handle(Envelope $envelope, StackInterface $stack): Envelope {
        echo 'before: bus=', $envelope->last(BusNameStamp::class)?->getBusName(), ' sent=', count($envelope->all(SentStamp::class)), "\n";
        $next = $stack->next();
        echo 'next is ', $next::class, "\n";
        $result = $next->handle($envelope, $stack);
        echo 'after: sent=', count($result->all(SentStamp::class)), ' handled=', count($result->all(HandledStamp::class)), "\n";
        return $result;
    }
}
$m = new Messenger\Messenger([
    'buses' => ['command.bus' => ['middleware' => [new Spy]]],
    'handlers' => [App\Message\SmsNotification::class => fn($msg) => 'ok'],
    'routing' => [App\Message\AuditEvent::class => 'audit'],
    'transports' => ['audit' => 'in-memory://'],
]);
$m->dispatch(new App\Message\SmsNotification('x'));
$m->dispatch(new App\Message\AuditEvent('y'));
?>
--EXPECT--
before: bus=command.bus sent=0
next is Messenger\Middleware\SendMessageMiddleware
after: sent=0 handled=1
before: bus=command.bus sent=0
next is Messenger\Middleware\SendMessageMiddleware
after: sent=1 handled=0
