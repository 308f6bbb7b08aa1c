<?php
/*
 * The quickstart: a handler called at once, a message routed to an in-memory transport, a
 * PHP middleware in the chain, and a failing handler. Run with scripts/quickstart.
 */
namespace App\Message {
    final class SmsNotification { public function __construct(public string $content) {} }
    final class AuditEvent { public function __construct(public string $what) {} }
}

namespace App\Handler {
    use App\Message\SmsNotification;
    use Messenger\Attribute\AsMessageHandler;

    #[AsMessageHandler]
    final class SmsNotificationHandler
    {
        public function __invoke(SmsNotification $sms): string
        {
            return "SMS sent: {$sms->content}";
        }
    }
}

namespace App {
    use App\Message\{AuditEvent, SmsNotification};
    use Messenger\Envelope;
    use Messenger\Middleware\{MiddlewareInterface, StackInterface};
    use Messenger\Stamp\{BusNameStamp, DelayStamp, HandledStamp, SentStamp};

    /** An application middleware, written in PHP, between the bus's own (native) ones. */
    final class Counting implements MiddlewareInterface
    {
        public int $seen = 0;

        public function handle(Envelope $envelope, StackInterface $stack): Envelope
        {
            $this->seen++;
            return $stack->next()->handle($envelope, $stack);
        }
    }

    $messenger = new \Messenger\Messenger([
        'buses' => ['command.bus' => ['middleware' => [$counting = new Counting()]]],
        'handlers' => [new Handler\SmsNotificationHandler()],
        'routing' => [AuditEvent::class => 'audit'],
        'transports' => ['audit' => 'in-memory://'],
    ]);

    echo "1. dispatch an SmsNotification: handled at once\n";
    $envelope = $messenger->dispatch(new SmsNotification('hi'), [new DelayStamp(5000)]);
    $handled = $envelope->last(HandledStamp::class);
    echo "  handler:  ", $handled->getHandlerName(), "\n";
    echo "  result:   ", $handled->getResult(), "\n";
    echo "  bus:      ", $envelope->last(BusNameStamp::class)->getBusName(), "\n";

    echo "2. dispatch an AuditEvent: routed to the in-memory transport 'audit'\n";
    $envelope = $messenger->dispatch(new AuditEvent('user 42 logged in'));
    echo "  sent to:  ", $envelope->last(SentStamp::class)->getSenderAlias(), "\n";
    $audit = $messenger->transport('audit');
    echo "  waiting:  ", $audit->getMessageCount(), " message(s)\n";
    foreach ($audit->get() as $queued) {
        echo "  queued:   ", $queued->getMessage()->what, "\n";
        $audit->ack($queued);
    }

    echo "3. dispatchAll: 1000 audit events in one batch\n";
    $events = (function () { for ($i = 0; $i < 1000; $i++) yield new AuditEvent("event $i"); })();
    $messenger->dispatchAll($events);
    echo "  waiting:  ", $audit->getMessageCount(), " message(s)\n";
    echo "  the application's middleware saw ", $counting->seen, " message(s) so far\n";

    echo "4. a message nobody handles\n";
    try {
        $messenger->dispatch(new \stdClass());
    } catch (\Messenger\Exception\NoHandlerForMessageException $e) {
        echo "  ", $e::class, ": ", $e->getMessage(), "\n";
    }
}
