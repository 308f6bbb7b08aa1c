<?php
/*
 * Makes docs/dashboard.png, the README's picture of the dashboard, from a real run: an
 * application with three transports on SQLite, two bin/console messenger:consume workers, two
 * minutes of traffic (some messages failing into the failure transport), messenger:dashboard, and
 * Debian's headless Chromium (tests/dashboard/cdp.inc) taking the page at 1280x900.
 * Usage: php -d extension=modules/messenger.so docs/dashboard-screenshot.php [seconds of traffic]
 */
require __DIR__ . '/../tests/_inc/observe.inc';
require __DIR__ . '/../tests/dashboard/cdp.inc';
$seconds = (int) ($argv[1] ?? 120);
$dir = sys_get_temp_dir() . '/messenger-screenshot-' . getmypid();
rm_tree($dir);
make_app($dir, <<<'PHP'
<?php
namespace App\Message {
    if (!class_exists(SmsNotification::class)) {
        final class SmsNotification { public function __construct(public string $to, public string $text) {} }
        final class OrderPlaced { public function __construct(public int $orderId) {} }
        final class InvoiceMail { public function __construct(public string $email) {} }
    }
}
namespace {
    use App\Message\{SmsNotification, OrderPlaced, InvoiceMail};
    return [
        'transports' => [
            'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 1, 'delay' => 500]],
            'priority' => ['dsn' => 'doctrine://default?queue_name=priority', 'retry_strategy' => ['max_retries' => 1, 'delay' => 500]],
            'failed' => 'doctrine://default?queue_name=failed',
        ],
        'failure_transport' => 'failed',
        'routing' => [SmsNotification::class => 'async', InvoiceMail::class => 'async', OrderPlaced::class => 'priority'],
        'handlers' => [
            SmsNotification::class => function (SmsNotification $m) {
                usleep(20000);
                if (str_ends_with($m->to, '13')) { throw new RuntimeException("SMS gateway refused {$m->to}: number not in service"); }
            },
            OrderPlaced::class => function (OrderPlaced $m) { usleep(5000); },
            InvoiceMail::class => function (InvoiceMail $m) {
                usleep(30000);
                if ($m->email === 'broken@example') { throw new InvalidArgumentException("Invalid recipient address \"{$m->email}\""); }
            },
        ],
    ];
}
PHP);
$m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
$m->setupTransports();
$workers = [start_console($dir, ['messenger:consume', 'priority', 'async', '--sleep=0.2'], 'w1.log'), start_console($dir, ['messenger:consume', 'async', '--sleep=0.2'], 'w2.log')];
$port = free_port();
$dash = start_console($dir, ['messenger:dashboard', "--listen=127.0.0.1:$port"], 'dash.log');
$end = time() + $seconds;
for ($i = 0; time() < $end; $i++) {
    $m->dispatch(new App\Message\SmsNotification('+1555' . str_pad((string) random_int(0, 9999999), 7, '0', STR_PAD_LEFT), 'Your code is ' . random_int(1000, 9999)));
    $m->dispatch(new App\Message\OrderPlaced($i));
    if ($i % 4 === 0) {
        $m->dispatch(new App\Message\InvoiceMail($i % 60 === 0 ? 'broken@example' : "client$i@example.com"));
    }
    usleep(random_int(20000, 90000));
}
// a backlog for the picture
for ($j = 0; $j < 40; $j++) {
    $m->dispatch(new App\Message\SmsNotification('+15550000' . str_pad((string) $j, 3, '0', STR_PAD_LEFT), 'Reminder'));
}
sleep(6); // the workers' next reports
$b = Cdp::launch(1280, 900);
$b->navigate("http://127.0.0.1:$port/");
$b->waitFor("document.body.dataset.loaded === '1'");
usleep(500000);
$b->screenshot(__DIR__ . '/dashboard.png');
$b->close();
foreach (array_merge([$dash], $workers) as $p) {
    proc_terminate($p, SIGTERM);
    proc_close($p);
}
rm_tree($dir);
echo "docs/dashboard.png written\n";
