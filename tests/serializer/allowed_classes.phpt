--TEST--
allowed_classes: a list of classes, "Namespace\*" prefixes, interfaces and parents, or true; the classes typed properties name come along; bad options are named
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App\Msg { interface Async {} final class A implements Async { public function __construct(public \App\Other\Part $part) {} } final class B {} }
namespace App\Other { final class Part { public function __construct(public int $n = 1) {} } final class C {} }
namespace {
use Messenger\Transport\Serialization\{PhpSerializer, JsonSerializer};

// the body comes from a producer that allows everything; the serializer's own encode() must
// refuse exactly what its decode() refuses
function attempt(string $label, $serializer, object $message): void
{
    $producer = new (get_class($serializer))(['allowed_classes' => true]);
    $encoded = $producer->encode(new Messenger\Envelope($message));
    try {
        $serializer->encode(new Messenger\Envelope($message));
        $own = 'encodes it';
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        $own = 'will not encode it';
    }
    try {
        $serializer->decode($encoded);
        echo "$label: ", get_class($message), " decoded, $own\n";
    } catch (Messenger\Exception\MessageDecodingFailedException $e) {
        echo "$label: ", get_class($message), " refused, $own\n";
    }
}
$a = new App\Msg\A(new App\Other\Part(5));
foreach ([PhpSerializer::class, JsonSerializer::class] as $class) {
    echo "-- $class\n";
    attempt('none listed', new $class(), $a);
    attempt('none listed', new $class(), new stdClass);
    attempt('true', new $class(['allowed_classes' => true]), new App\Other\C);
    attempt('prefix', new $class(['allowed_classes' => ['App\Msg\*']]), $a);
    attempt('prefix', new $class(['allowed_classes' => ['App\Msg\*']]), new App\Other\C);
    attempt('interface', new $class(['allowed_classes' => ['\App\Msg\Async']]), $a);
    attempt('interface', new $class(['allowed_classes' => ['App\Msg\Async']]), new App\Msg\B);
    attempt('case-insensitive', new $class(['allowed_classes' => ['app\msg\b']]), new App\Msg\B);
}
foreach ([['nope' => 1], ['allowed_classes' => 'App\X'], ['allowed_classes' => [1]], ['allowed_classes' => ['']], [5]] as $options) {
    try {
        new JsonSerializer($options);
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}
}
?>
--EXPECT--
-- Messenger\Transport\Serialization\PhpSerializer
none listed: App\Msg\A refused, will not encode it
none listed: stdClass decoded, encodes it
true: App\Other\C decoded, encodes it
prefix: App\Msg\A decoded, encodes it
prefix: App\Other\C refused, will not encode it
interface: App\Msg\A decoded, encodes it
interface: App\Msg\B refused, will not encode it
case-insensitive: App\Msg\B decoded, encodes it
-- Messenger\Transport\Serialization\JsonSerializer
none listed: App\Msg\A refused, will not encode it
none listed: stdClass decoded, encodes it
true: App\Other\C decoded, encodes it
prefix: App\Msg\A decoded, encodes it
prefix: App\Other\C refused, will not encode it
interface: App\Msg\A decoded, encodes it
interface: App\Msg\B refused, will not encode it
case-insensitive: App\Msg\B decoded, encodes it
Messenger\Transport\Serialization\JsonSerializer: unknown option "nope" (known: allowed_classes)
Messenger\Transport\Serialization\JsonSerializer: "allowed_classes" must be a list of class names or true, string given
Messenger\Transport\Serialization\JsonSerializer: "allowed_classes" must hold class names, int given
Messenger\Transport\Serialization\JsonSerializer: "allowed_classes" must hold class names, string given
Messenger\Transport\Serialization\JsonSerializer: unknown option "(integer key)" (known: allowed_classes)
