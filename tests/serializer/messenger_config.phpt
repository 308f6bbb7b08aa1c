--TEST--
Messenger configuration: "serializer" at the top and per transport (php, json, an object, or format + allowed_classes); the message types of handlers and routing are what its serializers decode
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App;
final class Handled { public function __construct(public \DateTimeInterface $at) {} }
final class Routed { public function __construct(public \DateTimeInterface $at) {} }
final class Extra { public function __construct(public int $n = 1) {} }
final class Unknown {}
final class CountingSerializer implements \Messenger\Transport\Serialization\SerializerInterface
{
    public int $calls = 0;
    public function encode(\Messenger\Envelope $e): array { $this->calls++; return ['body' => serialize($e->getMessage())]; }
    public function decode(array $encoded): \Messenger\Envelope { $this->calls++; return new \Messenger\Envelope(unserialize($encoded['body'])); }
}
$at = new \DateTime('2024-01-01T00:00:00+00:00');
$counting = new CountingSerializer();
$m = new \Messenger\Messenger([
    'serializer' => 'json',
    'transports' => [
        'json' => 'in-memory://?serialize=true',
        'php' => ['dsn' => 'in-memory://', 'options' => ['serialize' => true], 'serializer' => 'php'],
        'extra' => ['dsn' => 'in-memory://?serialize=1', 'serializer' => ['format' => 'php', 'allowed_classes' => [Extra::class]]],
        'custom' => ['dsn' => 'in-memory://?serialize=true', 'serializer' => $counting],
        'plain' => 'in-memory://',
    ],
    'routing' => [Handled::class => ['json', 'php', 'plain'], Routed::class => 'json', Extra::class => 'extra'],
    'handlers' => [Handled::class => fn() => null],
]);
$m->dispatch(new Handled($at));
$m->dispatch(new Routed($at));
$m->dispatch(new Extra(5));
$show = fn(string $t, int $i = 0) => printf("%s: %s, at %s, stamps %s\n", $t, get_class($sent = $m->transport($t)->getSent()[$i]->getMessage()),
    isset($sent->at) ? get_class($sent->at) : '-', implode(' ', array_map(fn($c) => substr(strrchr($c, '\\'), 1), array_keys($m->transport($t)->getSent()[$i]->all()))));
$show('json'); $show('json', 1); $show('php'); $show('plain'); $show('extra');
var_dump($m->transport('plain')->getSent()[0]->getMessage()->at === $at, $m->transport('php')->getSent()[0]->getMessage()->at === $at);
// a class no handler and no routing rule names would not be decoded ("*" allows nothing):
// dispatch() refuses it, and nothing is sent
$m3 = new \Messenger\Messenger(['transports' => ['json' => 'in-memory://?serialize=true'], 'routing' => ['*' => 'json'], 'serializer' => 'json']);
try {
    $m3->dispatch(new Unknown());
} catch (\Messenger\Exception\InvalidArgumentException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo 'sent: ', count($m3->transport('json')->getSent()), "\n";
// a serializer written in PHP is used the same way
$m2 = new \Messenger\Messenger(['transports' => ['custom' => ['dsn' => 'in-memory://?serialize=true', 'serializer' => $counting]],
    'routing' => [Extra::class => 'custom']]);
$m2->dispatch(new Extra(7));
var_dump($counting->calls, $m2->transport('custom')->getSent()[0]->getMessage()->n);
foreach ([
    ['serializer' => 'xml'],
    ['serializer' => new \stdClass],
    ['serializer' => ['format' => 'json', 'allowed' => []]],
    ['serializer' => ['allowed_classes' => 'App\X']],
    ['transports' => ['a' => ['dsn' => 'in-memory://', 'serializer' => 5]]],
    ['transports' => ['a' => 'in-memory://?serialise=true']],
    ['transports' => ['a' => 'in-memory://?serialize=maybe']],
    ['transports' => ['a' => ['dsn' => 'in-memory://', 'options' => ['serialize' => 'yes']]]],
] as $config) {
    try {
        new \Messenger\Messenger($config);
    } catch (\Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
var_dump(count($m3->transport('json')->getSent()));
unset($m, $m2, $m3);
gc_collect_cycles();
?>
--EXPECT--
json: App\Handled, at DateTimeImmutable, stamps BusNameStamp TransportMessageIdStamp
json: App\Routed, at DateTimeImmutable, stamps BusNameStamp TransportMessageIdStamp
php: App\Handled, at DateTime, stamps BusNameStamp TransportMessageIdStamp
plain: App\Handled, at DateTime, stamps BusNameStamp SentStamp TransportMessageIdStamp
extra: App\Extra, at -, stamps BusNameStamp TransportMessageIdStamp
bool(true)
bool(false)
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Unknown message: it is a "App\Unknown", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
sent: 0
int(2)
int(7)
serializer must be "php", "json", a Messenger\Transport\Serialization\SerializerInterface, or ["format" => ..., "allowed_classes" => [...]]
serializer: stdClass does not implement Messenger\Transport\Serialization\SerializerInterface
serializer: unknown key "allowed" (known: format, allowed_classes)
serializer: "allowed_classes" must be a list of class names or true, string given
transports["a"]["serializer"] must be "php", "json", a Messenger\Transport\Serialization\SerializerInterface, or ["format" => ..., "allowed_classes" => [...]]
transports["a"]: unknown option "serialise" (known: serialize)
transports["a"]: the option "serialize" must be true or false, "maybe" given
transports["a"]: the option "serialize" must be a boolean, string given
int(0)
