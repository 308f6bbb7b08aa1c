<?php
/*
 * Encode + decode N times a typical message (a few scalars, a date, a nested object, three
 * stamps) on one side: "php" / "json" (this extension's PhpSerializer / JsonSerializer) or
 * "symfony-php" / "symfony-json" (Debian's Symfony 5.4 PhpSerializer / Serializer with the
 * normalizers of Serializer::create(), the JSON serializer Messenger builds by default), or
 * "floor-php": PHP's own serialize() and unserialize() of Symfony's envelope, which are the
 * PHP format's bytes before addslashes() (checked), with no class renamed, checked or escaped.
 * Prints one JSON line.
 */
final class Address { public function __construct(public string $street, public string $city, public ?string $zip = null) {} }
final class OrderPlaced
{
    public function __construct(public int $orderId, public string $customer, public float $total, public bool $express,
        public \DateTimeImmutable $placedAt, public Address $shipTo) {}
}

[$self, $side, $n] = $argv + [null, 'php', 100000];
$n = (int) $n;
$message = new OrderPlaced(4711, 'ada@example.com', 99.5, true, new DateTimeImmutable('2026-11-22T10:00:00+00:00'),
    new Address('1 Main St', 'Springfield', '12345'));

if (str_starts_with($side, 'symfony') || $side === 'floor-php') {
    foreach (['Messenger', 'Serializer', 'PropertyAccess', 'PropertyInfo'] as $c) {
        require_once "/usr/share/php/Symfony/Component/$c/autoload.php";
    }
    $envelope = new Symfony\Component\Messenger\Envelope($message, [new Symfony\Component\Messenger\Stamp\BusNameStamp('messenger.bus.default'),
        new Symfony\Component\Messenger\Stamp\DelayStamp(5000), new Symfony\Component\Messenger\Stamp\TransportMessageIdStamp('1-0')]);
    // Serializer::create()'s normalizers and JSON encoder (create() itself also builds an XML
    // encoder, which needs ext/xml; JSON never uses it)
    $serializer = $side !== 'symfony-json' ? new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer()
        : new Symfony\Component\Messenger\Transport\Serialization\Serializer(new Symfony\Component\Serializer\Serializer(
            [new Symfony\Component\Serializer\Normalizer\DateTimeNormalizer(), new Symfony\Component\Serializer\Normalizer\ArrayDenormalizer(),
             new Symfony\Component\Serializer\Normalizer\ObjectNormalizer()], [new Symfony\Component\Serializer\Encoder\JsonEncoder()]));
} else {
    $envelope = new Messenger\Envelope($message, [new Messenger\Stamp\BusNameStamp('messenger.bus.default'),
        new Messenger\Stamp\DelayStamp(5000), new Messenger\Stamp\TransportMessageIdStamp('1-0')]);
    $options = ['allowed_classes' => [OrderPlaced::class]];
    $serializer = $side === 'php' ? new Messenger\Transport\Serialization\PhpSerializer($options) : new Messenger\Transport\Serialization\JsonSerializer($options);
}

if ($side === 'floor-php') {
    $body = $serializer->encode($envelope)['body'];
    if (serialize($envelope) !== stripslashes($body)) {
        fwrite(STDERR, "floor-php: serialize() is not the PHP format's body unescaped\n");
        exit(1);
    }
}
// warm up, and check the round trip really happened
for ($i = 0; $i < 200; $i++) {
    $back = $side === 'floor-php' ? unserialize(serialize($envelope)) : $serializer->decode($serializer->encode($envelope));
}
if ($back->getMessage() != $message || count($back->all()) !== 3) {
    fwrite(STDERR, "$side: the round trip lost something\n");
    exit(1);
}
$start = hrtime(true);
if ($side === 'floor-php') {
    for ($i = 0; $i < $n; $i++) {
        unserialize(serialize($envelope));
    }
} else {
    for ($i = 0; $i < $n; $i++) {
        $serializer->decode($serializer->encode($envelope));
    }
}
$seconds = (hrtime(true) - $start) / 1e9;
echo json_encode(['side' => $side, 'n' => $n, 'seconds' => round($seconds, 4), 'msg_per_s' => (int) ($n / $seconds),
    'body_bytes' => strlen($side === 'floor-php' ? $body : $serializer->encode($envelope)['body']), 'peak_memory' => memory_get_peak_usage(true)]), "\n";
