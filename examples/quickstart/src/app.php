<?php
/* The quickstart application's messages and handlers. */
namespace App;

use Messenger\Attribute\AsMessageHandler;

final class SmsNotification
{
    public function __construct(public string $to, public string $content) {}
}

#[AsMessageHandler]
final class SmsNotificationHandler
{
    public function __invoke(SmsNotification $sms): string
    {
        // a real application would call its SMS gateway here
        return "sent to {$sms->to}";
    }
}
