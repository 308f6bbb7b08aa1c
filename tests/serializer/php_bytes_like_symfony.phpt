--TEST--
PhpSerializer writes the bytes Symfony 5.4's PhpSerializer writes, for every shape of message (fast path and general path alike)
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App;
require __DIR__ . '/../_inc/wire.inc';
\App\Wire\load_symfony();

enum Suit: string { case Hearts = 'H'; case Clubs = 'C'; }
enum Plain { case One; case Two; }
class Base { private int $secret = 7; protected ?string $note = null; public function __construct() {} }
final class Child extends Base { private int $secret = 8; public int $late; public array $list = []; }
final class WithSerialize { public function __construct(public int $a = 1) {} public function __serialize(): array { return ['x' => $this->a]; } public function __unserialize(array $d): void { $this->a = $d['x']; } }
final class WithSleep { public $a = 1; public $b = 2; public function __sleep() { return ['a']; } }
final class Dynamic { public $a = 1; }
final class Café { public function __construct(public string $naïve = 'é', public string $raw = "\xff") {} }

$shared = new \App\Wire\Address('shared');
$dynamic = new Dynamic();
@$dynamic->extra = 'x';
$ref = 1;
$messages = [
    'scalars' => (object) [],
    'floats and ints' => new \App\Wire\Address('x'),
    'order' => \App\Wire\order(),
    'inheritance' => (function () { $c = new Child(); $c->late = 3; return $c; })(),
    'shared objects and repeated enums' => [$shared, $shared, Suit::Hearts, Suit::Hearts, Plain::Two, Plain::Two],
    'dates' => [new \DateTime('2024-02-29T23:59:59.123456', new \DateTimeZone('Europe/Paris')), new \DateTimeImmutable('@0'),
        new \DateTimeImmutable('2020-01-01 00:00:00 EST')],
    'numbers' => [0.1, -0.0, 1e100, 1.5, -7, PHP_INT_MAX, PHP_INT_MIN, 1/3, true, false, null, '', "\0\"'\\"],
    'nested arrays' => ['a' => ['b' => ['c' => [1, [2, [3]]]]], 5 => 'five', '-3' => 'minus'],
    '__serialize' => new WithSerialize(3),
    '__sleep' => new WithSleep(),
    'dynamic property' => $dynamic,
    'a PHP reference' => [&$ref, &$ref],
    // non-ASCII in the class and property names (kept escaped between messages) and in values;
    // twice, the second time from what the writer kept of the class; invalid UTF-8 makes it base64
    'UTF-8 names' => new Café('ü', 'plain'),
    'UTF-8 names again' => new Café('ü', 'plain'),
    'UTF-8 names, a byte that is not UTF-8' => new Café(),
];
$ours = new \Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => true]); // a producer that may write anything
$theirs = new \Symfony\Component\Messenger\Transport\Serialization\PhpSerializer();
foreach ($messages as $what => $message) {
    if (is_array($message)) {
        $holder = new \stdClass;
        $holder->items = $message;
        $message = $holder;
    }
    // the stamps both have in the same shape (5.4's RedeliveryStamp has two more properties)
    $b = $theirs->encode(new \Symfony\Component\Messenger\Envelope($message, [new \Symfony\Component\Messenger\Stamp\BusNameStamp('b'),
        new \Symfony\Component\Messenger\Stamp\DelayStamp(1), new \Symfony\Component\Messenger\Stamp\HandledStamp($message, 'h')]));
    $a2 = $ours->encode(new \Messenger\Envelope($message, [new \Messenger\Stamp\BusNameStamp('b'), new \Messenger\Stamp\DelayStamp(1),
        new \Messenger\Stamp\HandledStamp($message, 'h')]));
    printf("%s: %s\n", $what, $a2 === $b ? 'same bytes' : "DIFFERENT\n" . $a2['body'] . "\n" . $b['body']);
}
// Symfony writes an object with an uninitialized typed property without it; a decoder that
// makes only whole objects would refuse that body, so ours does not write it
try {
    $ours->encode(new \Messenger\Envelope(new Child()));
} catch (\Messenger\Exception\InvalidArgumentException $e) {
    echo 'uninitialized typed property: ', $e->getMessage(), "\n";
}
?>
--EXPECT--
scalars: same bytes
floats and ints: same bytes
order: same bytes
inheritance: same bytes
shared objects and repeated enums: same bytes
dates: same bytes
numbers: same bytes
nested arrays: same bytes
__serialize: same bytes
__sleep: same bytes
dynamic property: same bytes
a PHP reference: same bytes
UTF-8 names: same bytes
UTF-8 names again: same bytes
UTF-8 names, a byte that is not UTF-8: same bytes
uninitialized typed property: Cannot encode the App\Child message: App\Child::$late is not initialized, and a worker would refuse a message without it
