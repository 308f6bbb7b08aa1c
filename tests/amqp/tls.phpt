--TEST--
AmqpTransport over TLS (amqps://): the broker's certificate checked against cacert and its name, a client certificate (cert, key), send and get through TLS; a certificate of another CA, an IP address the certificate does not name as DNS, an unreadable cacert: clear exceptions without the password; verify=false accepts any certificate
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/amqp.inc';
use Messenger\Envelope;
use Messenger\Bridge\Amqp\Transport\AmqpTransport;

final class Job { public function __construct(public string $name) {} }
$php = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]);
$x = App\Amqp\name('tls');
$tls = getenv('MESSENGER_AMQP_TLS_DIR');
$byName = str_replace('127.0.0.1', 'localhost', getenv('MESSENGER_AMQP_TLS_DSN')) . "/$x";
$byIp = getenv('MESSENGER_AMQP_TLS_DSN') . "/$x";
$port = parse_url($byName, PHP_URL_PORT);
// a CA of its own that did not sign the broker's certificate
$other = sys_get_temp_dir() . '/messenger-amqp-tls-' . getmypid();
@mkdir($other);
exec('openssl req -x509 -newkey rsa:2048 -nodes -keyout ' . escapeshellarg("$other/ca.key") . ' -out ' . escapeshellarg("$other/ca.pem") . ' -days 1 -subj "/CN=other CA" 2>/dev/null');
$try = function (string $what, string $dsn, array $options) use ($php, $x, $port) {
    try {
        $t = new AmqpTransport($dsn, $options + ['queues' => ["{$x}_q" => []]], $php);
        $t->send(new Envelope(new Job($what)));
        for ($i = 0, $got = []; $i < 500 && !$got; $i++, usleep(5000)) {
            $got = $t->get();
        }
        $t->ack($got[0]);
        echo "$what: sent and got ", $got[0]->getMessage()->name, "\n";
    } catch (Throwable $e) {
        $m = str_replace($port, 'PORT', $e->getMessage());
        echo "$what: ", get_class($e), ': ', $m, str_contains($m, 's3cret') ? ' (the password is in it!)' : '', "\n";
    }
};
$try('trusted', $byName, ['cacert' => "$tls/ca.pem"]);
$try('client certificate', $byName, ['cacert' => "$tls/ca.pem", 'cert' => "$tls/client.pem", 'key' => "$tls/client.key"]);
$try('another CA', $byName, ['cacert' => "$other/ca.pem"]);
$try('another CA, verify off', $byName, ['cacert' => "$other/ca.pem", 'verify' => false]);
$try('by IP address', $byIp, ['cacert' => "$tls/ca.pem"]);
$try('unreadable cacert', $byName, ['cacert' => "$other/none.pem"]);
$try('unreadable key', $byName, ['cacert' => "$tls/ca.pem", 'cert' => "$tls/client.pem", 'key' => "$other/none.key"]);
exec('rm -rf ' . escapeshellarg($other));
App\Amqp\clean(["{$x}_q"], [$x]);
?>
--EXPECTF--
trusted: sent and got trusted
client certificate: sent and got client certificate
another CA: Messenger\Exception\TransportException: Could not connect (AMQP at localhost:PORT (TLS), vhost messenger): SSL peer cert verification failed
another CA, verify off: sent and got another CA, verify off
by IP address: Messenger\Exception\TransportException: Could not connect (AMQP at 127.0.0.1:PORT (TLS), vhost messenger): SSL hostname verification failed (librabbitmq checks a certificate's DNS names, not IP addresses: connect by a name the certificate holds)
unreadable cacert: Messenger\Exception\InvalidArgumentException: Could not read the cacert file %s/none.pem (AMQP at localhost:PORT (TLS), vhost messenger)
unreadable key: Messenger\Exception\InvalidArgumentException: Could not read the cert %s/client.pem or key %s/none.key (AMQP at localhost:PORT (TLS), vhost messenger)
