--TEST--
AmqpTransport faults: a broker that is down, a wrong password, a vhost that does not exist, an exchange redeclared with another type, bad DSNs and options, a list of brokers tried in order (the next one only when one cannot be reached) — each a clear exception naming the broker and vhost, never the password
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
use Messenger\Envelope;
use Messenger\Bridge\Amqp\Transport\AmqpTransport;

final class Job { public function __construct(public string $name) {} }
$php = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$u = parse_url(App\Amqp\dsn());
$x = App\Amqp\name('faults');
$try = function (string $what, callable $f) use ($u) {
    try {
        $f();
        echo "$what: no exception\n";
    } catch (Throwable $e) {
        $m = $e->getMessage();
        echo "$what: ", get_class($e), ': ', str_replace([$u['port'], getmypid()], ['PORT', 'PID'], $m), "\n";
        if (str_contains($m, 's3cret') || str_contains($m, 'wrong-pw')) {
            echo "  the password is in the message!\n";
        }
    }
};
$send = fn(string $dsn, array $options = []) => fn() => (new AmqpTransport($dsn, $options + ['queues' => ["{$x}_q" => []]], $php))->send(new Envelope(new Job('x')));

$try('down', $send("amqp://messenger:s3cret-pw@127.0.0.1:1/messenger/$x"));
$try('wrong password', $send("amqp://messenger:wrong-pw@{$u['host']}:{$u['port']}/messenger/$x"));
$try('no such vhost', $send("amqp://messenger:s3cret-pw@{$u['host']}:{$u['port']}/nowhere/$x"));
$try('get when down', fn() => (new AmqpTransport("amqp://messenger:s3cret-pw@127.0.0.1:1/messenger/$x", [], $php))->get());
$try('count when down', fn() => (new AmqpTransport("amqp://messenger:s3cret-pw@127.0.0.1:1/messenger/$x", [], $php))->getMessageCount());
// the exchange exists as fanout: declared again as direct, the broker refuses
(new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => ["{$x}_q" => []]], $php))->setup();
$try('inequivalent exchange', $send(App\Amqp\dsn() . "/$x", ['exchange' => ['type' => 'direct']]));
$try('unknown option', $send(App\Amqp\dsn() . "/$x", ['prefetch' => 3]));
$try('unknown nested option', $send(App\Amqp\dsn() . "/$x", ['queues' => ['q' => ['bindings' => ['a']]]]));
$try('bad number', $send(App\Amqp\dsn() . "/$x?heartbeat=often"));
$try('bad integer argument', $send(App\Amqp\dsn() . "/$x", ['queues' => ['q' => ['arguments' => ['x-max-length' => 'many']]]]));
$try('object option', $send(App\Amqp\dsn() . "/$x", ['heartbeat' => new stdClass()]));
$try('malformed DSN', $send('amqp://messenger:s3cret-pw@[::1/messenger'));
$try('amqps without cacert', $send("amqps://messenger:s3cret-pw@{$u['host']}:{$u['port']}/messenger/$x"));
$try('bad attribute', fn() => (new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => ["{$x}_q" => []]], $php))
    ->send(new Envelope(new Job('x'), [new Messenger\Bridge\Amqp\Transport\AmqpStamp(null, 0, ['colour' => 'red'])])));
$try('not received here', fn() => (new AmqpTransport(App\Amqp\dsn() . "/$x", ['queues' => ["{$x}_q" => []]], $php))->ack(new Envelope(new Job('x'))));
$try('a list of hosts, the first down', $send("amqp://messenger:s3cret-pw@127.0.0.1:1,{$u['host']}:{$u['port']}/messenger/$x"));
$try('a list of hosts, all down', $send("amqp://messenger:s3cret-pw@127.0.0.1:1,127.0.0.1:2/messenger/$x"));
$try('a list of hosts, the first refuses the login', $send("amqp://messenger:wrong-pw@{$u['host']}:{$u['port']},127.0.0.1:1/messenger/$x"));
// (the same form of DSN is a Redis Cluster's seeds)
$try('a list of Redis hosts', fn() => (new Messenger\Bridge\Redis\Transport\RedisTransport('redis://127.0.0.1:1,127.0.0.1:2/s'))->getMessageCount());
App\Amqp\clean(["{$x}_q"], [$x]);
?>
--EXPECT--
down: Messenger\Exception\TransportException: Could not connect (AMQP at 127.0.0.1:1, vhost messenger): a socket error occurred
wrong password: Messenger\Exception\TransportException: Could not log in (AMQP at 127.0.0.1:PORT, vhost messenger): the broker closed the connection: 403 ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
no such vhost: Messenger\Exception\TransportException: Could not log in (AMQP at 127.0.0.1:PORT, vhost nowhere): the broker closed the connection: 530 NOT_ALLOWED - vhost nowhere not found
get when down: Messenger\Exception\TransportException: Could not connect (AMQP at 127.0.0.1:1, vhost messenger): a socket error occurred
count when down: Messenger\Exception\TransportException: Could not connect (AMQP at 127.0.0.1:1, vhost messenger): a socket error occurred
inequivalent exchange: Messenger\Exception\TransportException: Could not declare an exchange (AMQP at 127.0.0.1:PORT, vhost messenger): the broker closed the channel: 406 PRECONDITION_FAILED - inequivalent arg 'type' for exchange 'faults_PID' in vhost 'messenger': received 'direct' but current is 'fanout'
unknown option: Messenger\Exception\InvalidArgumentException: Unknown AMQP option "prefetch" (known: host, port, vhost, user, login, password, exchange[...], queues[...], delay[...], auto_setup, persistent, heartbeat, connect_timeout, read_timeout, write_timeout, rpc_timeout, confirm_timeout, frame_max, channel_max, prefetch_count, cacert, cert, key, verify, sasl_method, connection_name)
unknown nested option: Messenger\Exception\InvalidArgumentException: Unknown AMQP option "queues[q][bindings][0]" (known: host, port, vhost, user, login, password, exchange[...], queues[...], delay[...], auto_setup, persistent, heartbeat, connect_timeout, read_timeout, write_timeout, rpc_timeout, confirm_timeout, frame_max, channel_max, prefetch_count, cacert, cert, key, verify, sasl_method, connection_name)
bad number: Messenger\Exception\InvalidArgumentException: The AMQP option "heartbeat" must be a number of seconds, "often" given
bad integer argument: Messenger\Exception\InvalidArgumentException: The AMQP option "queues[...][arguments][x-max-length]" must be an integer of at least 0, "many" given
object option: Messenger\Exception\InvalidArgumentException: The AMQP option "heartbeat" must be a string, a number, a boolean or an array, stdClass given
malformed DSN: Messenger\Exception\InvalidArgumentException: Invalid AMQP DSN: the DSN's IPv6 host has no closing ']'
amqps without cacert: Messenger\Exception\InvalidArgumentException: An amqps:// DSN needs a CA certificate: set the "cacert" option
bad attribute: Messenger\Exception\InvalidArgumentException: Unknown AMQP attribute "colour" (known: content_type, content_encoding, correlation_id, reply_to, expiration, message_id, type, user_id, app_id, delivery_mode, priority, timestamp, headers)
not received here: Messenger\Exception\LogicException: The envelope has no AmqpReceivedStamp: it was not received from an AmqpTransport
a list of hosts, the first down: no exception
a list of hosts, all down: Messenger\Exception\TransportException: Could not connect (AMQP at 127.0.0.1:2, vhost messenger): a socket error occurred (none of the 2 brokers could be reached)
a list of hosts, the first refuses the login: Messenger\Exception\TransportException: Could not log in (AMQP at 127.0.0.1:PORT, vhost messenger): the broker closed the connection: 403 ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.
a list of Redis hosts: Messenger\Exception\TransportException: No node of the Redis Cluster 127.0.0.1:1, 127.0.0.1:2 said which one serves slot 3828 of "{s}" (127.0.0.1:1: Connection refused; 127.0.0.1:2: Connection refused)
