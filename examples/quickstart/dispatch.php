<?php
/* Dispatches N SmsNotification messages (default 1000): they go to the "async" table. Run from
 * examples/quickstart: php dispatch.php [N]; then php ../../bin/console messenger:consume async. */
$messenger = Messenger\Messenger::fromFile(__DIR__ . '/config/messenger.php');
$n = (int) ($argv[1] ?? 1000);
$messages = [];
for ($i = 1; $i <= $n; $i++) {
    $messages[] = new App\SmsNotification('+1555' . str_pad((string) $i, 7, '0', STR_PAD_LEFT), "Hello #$i");
}
$start = hrtime(true);
$messenger->dispatchAll($messages);
printf("dispatched %d messages to \"async\" in %.1f ms\n", $n, (hrtime(true) - $start) / 1e6);
