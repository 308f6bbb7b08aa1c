<?php
/*
 * What a PHP application can do on its own over php-amqp (ext-amqp), without any bus: one
 * AMQPQueue::consume() loop with a prefetch of 100 (AMQPChannel::setPrefetchCount), each message
 * decoded with Symfony 5.4's PhpSerializer and acknowledged on its own. It reads N messages from
 * the queue of an AMQP DSN (amqp://USER:PASSWORD@HOST:PORT/VHOST/EXCHANGE: the queue is named as
 * the exchange, as the transports name it), which benchmarks/console.php filled with our
 * dispatchAll. Timed from the connect to the last acknowledgement (the interpreter's start is
 * not counted, unlike the bin/console runs it is read against).
 * Usage: php -d extension=amqp amqp_php_consume.php N DSN. Prints one JSON line.
 */
require_once '/usr/share/php/Symfony/Component/Messenger/autoload.php';

final class SmsNotification { public function __construct(public string $content, public int $n) {} }

[$self, $n, $dsn] = $argv + [null, 20000, 'amqp://messenger:s3cret-pw@127.0.0.1:55672/messenger/messages'];
$n = (int) $n;
$u = parse_url($dsn);
[$vhost, $queueName] = array_map('urldecode', explode('/', ltrim($u['path'], '/'), 2)) + [1 => 'messages'];
$serializer = new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer();

$start = hrtime(true);
$connection = new AMQPConnection(['host' => $u['host'], 'port' => $u['port'], 'vhost' => $vhost,
    'login' => urldecode($u['user']), 'password' => urldecode($u['pass']), 'read_timeout' => 10]);
$connection->connect();
$channel = new AMQPChannel($connection);
$channel->setPrefetchCount(100);
$queue = new AMQPQueue($channel);
$queue->setName($queueName);
$handled = 0;
$queue->consume(function (AMQPEnvelope $message, AMQPQueue $queue) use ($serializer, $n, &$handled) {
    $envelope = $serializer->decode(['body' => $message->getBody(), 'headers' => $message->getHeaders()]);
    if (!$envelope->getMessage() instanceof SmsNotification) {
        throw new UnexpectedValueException('not the message the queue was filled with');
    }
    $queue->ack($message->getDeliveryTag());
    return ++$handled < $n;
});
$seconds = (hrtime(true) - $start) / 1e9;
$connection->disconnect();
echo json_encode(['side' => 'php-amqp consume, prefetch 100, Symfony PhpSerializer', 'n' => $handled,
    'msg_per_s' => (int) round($handled / $seconds)]), "\n";
