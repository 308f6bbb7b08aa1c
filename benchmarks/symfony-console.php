<?php
/*
 * The peer of `bin/console messenger:consume` in benchmarks/console.php: Symfony 5.4's
 * ConsumeMessagesCommand in a Symfony Console application, wired as FrameworkBundle wires it for
 * an application with one async transport, a failure transport and a retry strategy: the
 * routable bus over a bus with its default middleware (add bus name stamp, dispatch after current
 * bus, failed message processing, send, handle), and the worker listeners the bundle registers
 * (error details, retry, failure transport, restart signal on a filesystem cache pool, pcntl
 * signals, SIGTERM). The Doctrine transport is made as DoctrineTransportFactory makes it (on
 * PostgreSQL the LISTEN/NOTIFY connection), the Redis and AMQP ones by their factories (AMQP:
 * Connection::fromDsn with its default options; needs ext-amqp). Usage:
 *   MESSENGER_BENCH_KIND=redis|sqlite|pgsql|amqp php symfony-console.php messenger:consume async --limit=N
 * with the DSNs in MESSENGER_BENCH_DSN and MESSENGER_BENCH_FAILED_DSN (and for the table the
 * DBAL parameters as JSON in MESSENGER_BENCH_DBAL).
 */
foreach (['Messenger', 'EventDispatcher', 'Console', 'Cache', 'Messenger/Bridge/Doctrine', 'Messenger/Bridge/Redis', 'Messenger/Bridge/Amqp'] as $c) {
    require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
}
require_once '/usr/share/php/Doctrine/DBAL/autoload.php';

use Symfony\Component\Messenger as M;

final class SmsNotification { public function __construct(public string $content, public int $n) {} }
final class SmsHandler { public function __invoke(SmsNotification $m): void {} }

final class Locator implements Psr\Container\ContainerInterface
{
    public function __construct(private array $items) {}
    public function get(string $id) { return $this->items[$id]; }
    public function has(string $id): bool { return isset($this->items[$id]); }
}

$kind = getenv('MESSENGER_BENCH_KIND');
$serializer = new M\Transport\Serialization\PhpSerializer();
$make = function (string $dsn, array $options = []) use ($kind, $serializer) {
    if ($kind === 'redis') {
        return (new M\Bridge\Redis\Transport\RedisTransportFactory())->createTransport($dsn, $options, $serializer);
    }
    if ($kind === 'amqp') {
        return (new M\Bridge\Amqp\Transport\AmqpTransportFactory())->createTransport($dsn, $options, $serializer);
    }
    $configuration = M\Bridge\Doctrine\Transport\PostgreSqlConnection::buildConfiguration($dsn, $options);
    $dbal = Doctrine\DBAL\DriverManager::getConnection(json_decode(getenv('MESSENGER_BENCH_DBAL'), true));
    $connection = $dbal->getDatabasePlatform() instanceof Doctrine\DBAL\Platforms\PostgreSQLPlatform
        ? new M\Bridge\Doctrine\Transport\PostgreSqlConnection($configuration, $dbal)
        : new M\Bridge\Doctrine\Transport\Connection($configuration, $dbal);
    return new M\Bridge\Doctrine\Transport\DoctrineTransport($connection, $serializer);
};
$async = $make(getenv('MESSENGER_BENCH_DSN'));
$failed = $make(getenv('MESSENGER_BENCH_FAILED_DSN'));
$transports = new Locator(['async' => $async, 'failed' => $failed]);

$handlers = new M\Handler\HandlersLocator([SmsNotification::class => [new SmsHandler()]]);
$senders = new M\Transport\Sender\SendersLocator([SmsNotification::class => ['async']], $transports);
$bus = new M\MessageBus([
    new M\Middleware\AddBusNameStampMiddleware('messenger.bus.default'),
    new M\Middleware\DispatchAfterCurrentBusMiddleware(),
    new M\Middleware\FailedMessageProcessingMiddleware(),
    new M\Middleware\SendMessageMiddleware($senders),
    new M\Middleware\HandleMessageMiddleware($handlers),
]);
$buses = new Locator(['messenger.bus.default' => $bus]);

$dispatcher = new Symfony\Component\EventDispatcher\EventDispatcher();
$retry = new Locator(['async' => new M\Retry\MultiplierRetryStrategy(3, 1000, 2), 'failed' => new M\Retry\MultiplierRetryStrategy(3, 1000, 2)]);
$dispatcher->addSubscriber(new M\EventListener\AddErrorDetailsStampListener());
$dispatcher->addSubscriber(new M\EventListener\SendFailedMessageForRetryListener($transports, $retry));
$dispatcher->addSubscriber(new M\EventListener\SendFailedMessageToFailureTransportListener(new Locator(['async' => $failed])));
$dispatcher->addSubscriber(new M\EventListener\StopWorkerOnRestartSignalListener(
    new Symfony\Component\Cache\Adapter\FilesystemAdapter('restart', 0, sys_get_temp_dir() . '/messenger-bench-symfony-cache')));
$dispatcher->addSubscriber(new M\EventListener\DispatchPcntlSignalListener());
$dispatcher->addSubscriber(new M\EventListener\StopWorkerOnSigtermSignalListener());

$app = new Symfony\Component\Console\Application('bench');
$app->setAutoExit(false);
$app->add(new M\Command\ConsumeMessagesCommand(new M\RoutableMessageBus($buses, $bus), $transports, $dispatcher, null, ['async'], null, ['messenger.bus.default']));
exit($app->run());
