<?php
/*
 * The consume loop: N messages taken from an in-memory transport, dispatched to one handler
 * and acknowledged, by our Worker and by Symfony 5.4's Worker with the listeners FrameworkBundle
 * wires (retry, failure transport, error details, message limit). And "messenger-rss": our
 * worker over N messages from an endless PHP transport that keeps nothing, to see whether the
 * worker's own memory stays flat; and "messenger-sqlite" / "symfony-sqlite": the same from the
 * table transport on a SQLite file (ours with get_batch_size=50, Symfony's Doctrine transport).
 * Usage: php worker.php SIDE N. Prints one JSON line.
 */
final class SmsNotification { public function __construct(public string $content, public int $n) {} }
final class SmsHandler { public int $count = 0; public function __invoke(SmsNotification $m): void { $this->count++; } }

function rss_kb(): int
{
    preg_match('/VmRSS:\s+(\d+)/', file_get_contents('/proc/self/status'), $m);
    return (int) $m[1];
}

[$self, $side, $n] = $argv + [null, 'messenger', 100000];
$n = (int) $n;
$handler = new SmsHandler();
$result = ['side' => $side, 'n' => $n];

$file = sys_get_temp_dir() . '/messenger-bench-worker.sqlite';
if (str_ends_with($side, '-sqlite')) {
    @unlink($file);
}
if ($side === 'symfony-sqlite') {
    foreach (['Messenger', 'EventDispatcher', 'Messenger/Bridge/Doctrine'] as $c) {
        require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
    }
    require_once '/usr/share/php/Doctrine/DBAL/autoload.php';
    $async = new Symfony\Component\Messenger\Bridge\Doctrine\Transport\DoctrineTransport(new Symfony\Component\Messenger\Bridge\Doctrine\Transport\Connection(
        ['table_name' => 'messenger_messages', 'queue_name' => 'default', 'redeliver_timeout' => 3600, 'auto_setup' => true],
        Doctrine\DBAL\DriverManager::getConnection(['driver' => 'pdo_sqlite', 'path' => $file])), new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer());
    $async->setup();
    for ($i = 0; $i < $n; $i++) {
        $async->send(new Symfony\Component\Messenger\Envelope(new SmsNotification('hi', $i)));
    }
    $bus = new Symfony\Component\Messenger\MessageBus([
        new Symfony\Component\Messenger\Middleware\AddBusNameStampMiddleware('messenger.bus.default'),
        new Symfony\Component\Messenger\Middleware\HandleMessageMiddleware(new Symfony\Component\Messenger\Handler\HandlersLocator([SmsNotification::class => [$handler]])),
    ]);
    $locator = new class implements Psr\Container\ContainerInterface {
        public array $items = [];
        public function get(string $id) { return $this->items[$id]; }
        public function has(string $id): bool { return isset($this->items[$id]); }
    };
    $locator->items = ['async' => $async];
    $retry = new class implements Psr\Container\ContainerInterface {
        public function get(string $id) { return new Symfony\Component\Messenger\Retry\MultiplierRetryStrategy(3, 1000, 2); }
        public function has(string $id): bool { return true; }
    };
    $dispatcher = new Symfony\Component\EventDispatcher\EventDispatcher();
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\AddErrorDetailsStampListener());
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\SendFailedMessageForRetryListener($locator, $retry));
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\StopWorkerOnMessageLimitListener($n));
    $worker = new Symfony\Component\Messenger\Worker(['async' => $async], $bus, $dispatcher);
    $start = hrtime(true);
    $worker->run(['sleep' => 0]);
} elseif ($side === 'messenger-sqlite') {
    $m = new Messenger\Messenger([
        'connections' => ['default' => "sqlite:$file"],
        'transports' => ['async' => 'doctrine://default?get_batch_size=50'],
        'routing' => [SmsNotification::class => 'async'],
        'handlers' => [$handler],
    ]);
    $messages = [];
    for ($i = 0; $i < $n; $i++) {
        $messages[] = new SmsNotification('hi', $i);
    }
    $m->dispatchAll($messages);
    $start = hrtime(true);
    $m->worker(['async'])->run(['limit' => $n, 'sleep' => 0]);
} elseif ($side === 'symfony') {
    foreach (['Messenger', 'EventDispatcher'] as $c) {
        require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
    }
    $locator = new class implements Psr\Container\ContainerInterface {
        public array $items = [];
        public function get(string $id) { return $this->items[$id]; }
        public function has(string $id): bool { return isset($this->items[$id]); }
    };
    $async = new Symfony\Component\Messenger\Transport\InMemoryTransport();
    $failed = new Symfony\Component\Messenger\Transport\InMemoryTransport();
    $locator->items = ['async' => $async, 'failed' => $failed];
    $retry = new class implements Psr\Container\ContainerInterface {
        public function get(string $id) { return new Symfony\Component\Messenger\Retry\MultiplierRetryStrategy(3, 1000, 2); }
        public function has(string $id): bool { return true; }
    };
    $bus = new Symfony\Component\Messenger\MessageBus([
        new Symfony\Component\Messenger\Middleware\AddBusNameStampMiddleware('messenger.bus.default'),
        new Symfony\Component\Messenger\Middleware\DispatchAfterCurrentBusMiddleware(),
        new Symfony\Component\Messenger\Middleware\SendMessageMiddleware(new Symfony\Component\Messenger\Transport\Sender\SendersLocator([SmsNotification::class => ['async']], $locator)),
        new Symfony\Component\Messenger\Middleware\HandleMessageMiddleware(new Symfony\Component\Messenger\Handler\HandlersLocator([SmsNotification::class => [$handler]])),
    ]);
    for ($i = 0; $i < $n; $i++) {
        $bus->dispatch(new SmsNotification('hi', $i));
    }
    $dispatcher = new Symfony\Component\EventDispatcher\EventDispatcher();
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\AddErrorDetailsStampListener());
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\SendFailedMessageForRetryListener($locator, $retry));
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\SendFailedMessageToFailureTransportListener($failed));
    $dispatcher->addSubscriber(new Symfony\Component\Messenger\EventListener\StopWorkerOnMessageLimitListener($n));
    $worker = new Symfony\Component\Messenger\Worker(['async' => $async], $bus, $dispatcher);
    $start = hrtime(true);
    $worker->run(['sleep' => 0]);
} elseif ($side === 'messenger') {
    $m = new Messenger\Messenger([
        'transports' => ['async' => 'in-memory://', 'failed' => 'in-memory://'],
        'failure_transport' => 'failed',
        'routing' => [SmsNotification::class => 'async'],
        'handlers' => [$handler],
    ]);
    for ($i = 0; $i < $n; $i++) {
        $m->dispatch(new SmsNotification('hi', $i));
    }
    $start = hrtime(true);
    $m->worker(['async'])->run(['limit' => $n, 'sleep' => 0]);
} else {
    // an endless transport that keeps nothing: what grows is the worker's
    $endless = new class implements Messenger\Transport\TransportInterface {
        private int $i = 0;
        public function get(): iterable { return [new Messenger\Envelope(new SmsNotification('hi', $this->i++), [new Messenger\Stamp\TransportMessageIdStamp($this->i)])]; }
        public function ack(Messenger\Envelope $e): void {}
        public function reject(Messenger\Envelope $e): void {}
        public function send(Messenger\Envelope $e): Messenger\Envelope { return $e; }
    };
    $m = new Messenger\Messenger(['transports' => ['endless' => $endless], 'handlers' => [$handler]]);
    $worker = $m->worker(['endless']);
    $worker->run(['limit' => 10000]); // warm up: caches, allocator pools
    $rss = rss_kb();
    $start = hrtime(true);
    $worker->run(['limit' => $n]);
    $result['rss_growth_kb'] = rss_kb() - $rss;
}
$seconds = (hrtime(true) - $start) / 1e9;
if ($handler->count < $n) {
    fwrite(STDERR, "$side: handled {$handler->count} of $n\n");
    exit(1);
}
$result['msg_per_s'] = (int) ($n / $seconds);
if (str_ends_with($side, '-sqlite')) {
    @unlink($file);
    @unlink("$file-wal");
    @unlink("$file-shm");
}
$result['peak_memory'] = memory_get_peak_usage(true);
echo json_encode($result), "\n";
