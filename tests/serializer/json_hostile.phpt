--TEST--
JsonSerializer: hostile and malformed input raises MessageDecodingFailedException saying what is wrong; nothing outside the allow-list is made, no destructor of a half-made object runs
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App;
final class Evil { public function __destruct() { echo "EVIL DESTRUCT\n"; } }
interface Shape {}
enum Suit: string { case Hearts = 'H'; }
final class Inner { public function __construct(public int $n) {} public function __destruct() { echo "INNER DESTRUCT\n"; } }
final class Msg
{
    public function __construct(public int $id, public Inner $inner, public ?Suit $suit = null, public ?\DateTimeImmutable $at = null) {}
    public function __destruct() { echo "MSG DESTRUCT\n"; }
}
$json = new \Messenger\Transport\Serialization\JsonSerializer(['allowed_classes' => [Msg::class, Shape::class, 'App\Missing']]);
$h = fn(string $type = Msg::class, array $more = []) => ['type' => $type] + $more;
$ok = '{"id":1,"inner":{"n":2}}';
$cases = [
    'no headers' => ['body' => $ok],
    'no body' => ['headers' => $h()],
    'no type' => ['body' => $ok, 'headers' => ['Content-Type' => 'application/json']],
    'a class outside the allow-list' => ['body' => '{}', 'headers' => $h(Evil::class)],
    'an allowed class that does not exist' => ['body' => '{}', 'headers' => $h('App\Missing')],
    'an interface' => ['body' => '{}', 'headers' => $h(Shape::class)],
    'bad JSON' => ['body' => '{"id":', 'headers' => $h()],
    'a body that is not an object' => ['body' => '42', 'headers' => $h()],
    'a missing property (inner made first: no destructor)' => ['body' => '{"inner":{"n":2}}', 'headers' => $h()],
    'a wrong type' => ['body' => '{"id":"one","inner":{"n":2}}', 'headers' => $h()],
    'a wrong nested type' => ['body' => '{"id":1,"inner":{"n":[]}}', 'headers' => $h()],
    'not an enum value' => ['body' => '{"id":1,"inner":{"n":2},"suit":"X"}', 'headers' => $h()],
    'not a date' => ['body' => '{"id":1,"inner":{"n":2},"at":"yesterday-ish"}', 'headers' => $h()],
    'nested 100000 deep' => ['body' => str_repeat('[', 100000) . str_repeat(']', 100000), 'headers' => $h()],
    'sixty-four megabytes of garbage' => ['body' => str_repeat("\x01", 64 << 20), 'headers' => $h()],
    'a stamp header that is not JSON' => ['body' => $ok, 'headers' => $h(Msg::class, ['X-Message-Stamp-Symfony\Component\Messenger\Stamp\DelayStamp' => '[{'])],
    'a stamp header that is not a list' => ['body' => $ok, 'headers' => $h(Msg::class, ['X-Message-Stamp-Messenger\Stamp\DelayStamp' => '5'])],
    'a stamp that is not an object' => ['body' => $ok, 'headers' => $h(Msg::class, ['X-Message-Stamp-Messenger\Stamp\DelayStamp' => '[5]'])],
    'a stamp lacking a field' => ['body' => $ok, 'headers' => $h(Msg::class, ['X-Message-Stamp-Messenger\Stamp\DelayStamp' => '[{}]'])],
    'a stamp header that is not a string' => ['body' => $ok, 'headers' => $h(Msg::class, ['X-Message-Stamp-Messenger\Stamp\DelayStamp' => [1]])],
    // found by tests/fuzz/fuzz_decode.c: PHP refuses these property names with an Error
    'a stdClass property beginning with NUL' => ['body' => '{"\\u0000x":1}', 'headers' => $h('stdClass')],
    'a stdClass property with an empty name' => ['body' => '{"a":1,"":2}', 'headers' => $h('stdClass')],
];
foreach ($cases as $what => $encoded) {
    try {
        $json->decode($encoded);
        echo "$what: decoded!\n";
    } catch (\Messenger\Exception\MessageDecodingFailedException $e) {
        echo "$what: ", $e->getMessage(), "\n";
    }
}
// stamps of classes we do not know, and other headers, are ignored
$e = $json->decode(['body' => $ok, 'headers' => $h(Msg::class, ['X-Message-Stamp-App\Evil' => '[{}]', 'x-death' => 'whatever',
    'X-Message-Stamp-Symfony\Component\Messenger\Stamp\ValidationStamp' => '[{"groups":["a"]}]'])]);
var_dump(count($e->all()), $e->getMessage()->inner->n);
unset($e);
// a stdClass keeps a property named like a number
var_dump($json->decode(['body' => '{"0":"zero","x":1}', 'headers' => $h('stdClass')])->getMessage());
echo "done\n";
?>
--EXPECTF--
no headers: Encoded envelope should have at least a "body" and some "headers", or maybe you should implement your own serializer.
no body: Encoded envelope should have at least a "body" and some "headers", or maybe you should implement your own serializer.
no type: Encoded envelope does not have a "type" header.
a class outside the allow-list: Could not decode message: Class "App\Evil" is not in the serializer's allowed_classes: list it there (or a type it extends) to decode it
an allowed class that does not exist: Could not decode message: Message class "App\Missing" not found during decoding.
an interface: Could not decode message: App\Shape cannot be instantiated
bad JSON: Could not decode message: Syntax error
a body that is not an object: Could not decode message: App\Msg must be a JSON object, int given
a missing property (inner made first: no destructor): Could not decode message: the "id" attribute of class "App\Msg" is missing
a wrong type: Could not decode message: The type of the "id" attribute for class "App\Msg" must be one of "int" ("string" given).
a wrong nested type: Could not decode message: The type of the "n" attribute for class "App\Inner" must be one of "int" ("array" given).
not an enum value: Could not decode message: X is not a value of the enum App\Suit (property "App\Msg::$suit")
not a date: Could not decode message: "yesterday-ish" is not a date
nested 100000 deep: Could not decode message: Maximum stack depth exceeded
sixty-four megabytes of garbage: Could not decode message: Control character error, possibly incorrectly encoded
a stamp header that is not JSON: Could not decode stamp: Syntax error
a stamp header that is not a list: Could not decode stamp: the header "X-Message-Stamp-Messenger\Stamp\DelayStamp" is not a JSON list of stamps
a stamp that is not an object: Could not decode stamp: Messenger\Stamp\DelayStamp must be a JSON object, int given
a stamp lacking a field: Could not decode stamp: the "delay" attribute of class "Messenger\Stamp\DelayStamp" is missing
a stamp header that is not a string: Could not decode stamp: the header "X-Message-Stamp-Messenger\Stamp\DelayStamp" is not a string
a stdClass property beginning with NUL: Could not decode message: stdClass: a property name must not be empty or begin with a NUL byte
a stdClass property with an empty name: Could not decode message: stdClass: a property name must not be empty or begin with a NUL byte
int(0)
int(2)
MSG DESTRUCT
INNER DESTRUCT
object(stdClass)#%d (2) {
  ["0"]=>
  string(4) "zero"
  ["x"]=>
  int(1)
}
done
