<?php
/*
 * Dispatch N messages to one handler through a bus, on one side: "messenger" (this extension,
 * Messenger\Messenger's default bus: bus name stamp, dispatch-after-current-bus, send, handle),
 * "messenger-minimal" (a Messenger\MessageBus with only HandleMessageMiddleware), "symfony" (Debian's Symfony Messenger 5.4: MessageBus with AddBusNameStampMiddleware,
 * DispatchAfterCurrentBusMiddleware, SendMessageMiddleware and HandleMessageMiddleware, the
 * chain its framework bundle builds; or only HandleMessageMiddleware with "symfony-minimal").
 * Prints one JSON line: side, n, seconds, msg/s, peak memory.
 */
final class SmsNotification { public function __construct(public string $content, public int $n) {} }
final class SmsHandler { public function __invoke(SmsNotification $m): int { return $m->n; } }

[$self, $side, $n] = $argv + [null, 'messenger', 200000];
$n = (int) $n;
$handler = new SmsHandler();

switch ($side) {
	case 'messenger':
		$bus = (new Messenger\Messenger(['handlers' => [$handler]]))->bus();
		$check = fn($e) => $e->last(Messenger\Stamp\HandledStamp::class)->getResult();
		break;
	case 'messenger-minimal':
		$bus = new Messenger\MessageBus([new Messenger\Middleware\HandleMessageMiddleware([$handler])]);
		$check = fn($e) => $e->last(Messenger\Stamp\HandledStamp::class)->getResult();
		break;
	case 'symfony':
	case 'symfony-minimal':
		require_once '/usr/share/php/Symfony/Component/Messenger/autoload.php';
		$locator = new Symfony\Component\Messenger\Handler\HandlersLocator([SmsNotification::class => [$handler]]);
		$middleware = [new Symfony\Component\Messenger\Middleware\HandleMessageMiddleware($locator)];
		if ($side === 'symfony') {
			$senders = new Symfony\Component\Messenger\Transport\Sender\SendersLocator([], new class implements Psr\Container\ContainerInterface {
				public function get(string $id) { throw new RuntimeException($id); }
				public function has(string $id): bool { return false; }
			});
			array_unshift($middleware,
				new Symfony\Component\Messenger\Middleware\AddBusNameStampMiddleware('messenger.bus.default'),
				new Symfony\Component\Messenger\Middleware\DispatchAfterCurrentBusMiddleware(),
				new Symfony\Component\Messenger\Middleware\SendMessageMiddleware($senders));
		}
		$bus = new Symfony\Component\Messenger\MessageBus($middleware);
		$check = fn($e) => $e->last(Symfony\Component\Messenger\Stamp\HandledStamp::class)->getResult();
		break;
	default:
		fwrite(STDERR, "unknown side $side\n");
		exit(2);
}

// warm up, and check the handler really ran
for ($i = 0; $i < 1000; $i++) {
	if ($check($bus->dispatch(new SmsNotification('hi', $i))) !== $i) {
		fwrite(STDERR, "$side: wrong handler result\n");
		exit(1);
	}
}
$start = hrtime(true);
for ($i = 0; $i < $n; $i++) {
	$bus->dispatch(new SmsNotification('hi', $i));
}
$seconds = (hrtime(true) - $start) / 1e9;
echo json_encode(['side' => $side, 'n' => $n, 'seconds' => round($seconds, 4), 'msg_per_s' => (int) ($n / $seconds),
	'peak_memory' => memory_get_peak_usage(true)]), "\n";
