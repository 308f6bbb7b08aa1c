--TEST--
debug:messenger: each bus with the message types it handles and their handlers in call order (priority, from_transport), one bus, an unknown bus, a bus without handlers
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App;

interface Loggable {}
final class SmsNotification implements Loggable { public function __construct(public string $text = '') {} }
final class Audit {}
final class SmsHandler { public function __invoke(SmsNotification $m): void {} }
final class AuditHandler { public function record(Audit $a): void {} }
function log_it(Loggable $l): void {}

$messenger = new \Messenger\Messenger([
    'transports' => ['async' => 'in-memory://'],
    'buses' => [
        'command.bus' => [],
        'query.bus' => [],
        'event.bus' => ['default_middleware' => false, 'middleware' => []],
    ],
    'default_bus' => 'command.bus',
    'handlers' => [
        SmsNotification::class => [
            new SmsHandler(),
            ['handler' => fn (SmsNotification $m) => null, 'priority' => 10, 'from_transport' => 'async'],
            ['handler' => fn (SmsNotification $m) => null, 'priority' => -5],
        ],
        '\\' . Loggable::class => ['handler' => __NAMESPACE__ . '\\log_it', 'from_transport' => 'async'],
        Audit::class => ['handler' => new AuditHandler(), 'method' => 'record', 'bus' => 'query.bus'],
    ],
]);
$console = new \Messenger\Console($messenger);
foreach ([[], ['query.bus'], ['nope.bus'], ['a', 'b']] as $args) {
    $code = $console->run(array_merge(['bin/console', 'debug:messenger'], $args));
    echo "exit $code\n";
}
?>
--EXPECT--
Messenger
=========

command.bus
-----------

 The following messages can be dispatched:

  App\SmsNotification
      handled by Closure (when from_transport=async, priority=10)
      handled by App\SmsHandler::__invoke
      handled by Closure (when priority=-5)

  App\Loggable
      handled by App\log_it (when from_transport=async)

  Messenger\Webhook\WebhookMessage
      handled by Messenger\Webhook\WebhookHandler::__invoke

query.bus
---------

 The following messages can be dispatched:

  App\SmsNotification
      handled by Closure (when from_transport=async, priority=10)
      handled by App\SmsHandler::__invoke
      handled by Closure (when priority=-5)

  App\Loggable
      handled by App\log_it (when from_transport=async)

  App\Audit
      handled by App\AuditHandler::record

  Messenger\Webhook\WebhookMessage
      handled by Messenger\Webhook\WebhookHandler::__invoke

event.bus
---------

 [WARNING] No handled message found in bus "event.bus".

exit 0
Messenger
=========

query.bus
---------

 The following messages can be dispatched:

  App\SmsNotification
      handled by Closure (when from_transport=async, priority=10)
      handled by App\SmsHandler::__invoke
      handled by Closure (when priority=-5)

  App\Loggable
      handled by App\log_it (when from_transport=async)

  App\Audit
      handled by App\AuditHandler::record

  Messenger\Webhook\WebhookMessage
      handled by Messenger\Webhook\WebhookHandler::__invoke

exit 0
The "nope.bus" bus does not exist (configured: command.bus, query.bus, event.bus).
exit 1
Too many arguments: debug:messenger takes one bus name.
exit 2
