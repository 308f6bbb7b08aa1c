--TEST--
PhpSerializer: hostile and malformed bodies raise MessageDecodingFailedException saying what is wrong; no class outside the allow-list is instantiated, no destructor of a half-made object runs
--EXTENSIONS--
messenger
--FILE--
<?php
namespace App;
final class Evil { public function __wakeup() { echo "EVIL WAKEUP\n"; } public function __destruct() { echo "EVIL DESTRUCT\n"; } }
final class Noisy { public int $n = 0; public $any; public function __destruct() { echo "NOISY DESTRUCT\n"; } }
enum Suit: string { case Hearts = 'H'; }

function sf(string $message, string $stamps = 'a:0:{}'): array
{
    $e = 'Symfony\Component\Messenger\Envelope';
    return ['body' => addslashes('O:36:"' . $e . '":2:{s:44:"' . "\0$e\0" . 'stamps";' . $stamps . 's:45:"' . "\0$e\0" . 'message";' . $message . '}')];
}
$delayKey = 's:44:"Symfony\Component\Messenger\Stamp\DelayStamp";';
$serializer = new \Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Noisy::class, Suit::class, 'App\Missing']]);
$cases = [
    'no body' => [],
    'empty body' => ['body' => ''],
    'body not a string' => ['body' => 42],
    'neither serialized nor base64' => ['body' => 'hello world'],
    'base64 of garbage' => ['body' => base64_encode('garbage')],
    'a class outside the allow-list' => sf('O:8:"App\Evil":0:{}'),
    'the same, nested in an allowed message' => sf('O:9:"App\Noisy":1:{s:3:"any";O:8:"App\Evil":0:{}}'),
    'the same, as a stamp' => sf('O:9:"App\Noisy":0:{}', 'a:1:{' . $delayKey . 'a:1:{i:0;O:8:"App\Evil":0:{}}}'),
    'truncated' => ['body' => substr(sf('O:9:"App\Noisy":1:{s:1:"n";i:5;}')['body'], 0, 120) . '}'],
    'not an envelope' => ['body' => addslashes(serialize(new \stdClass))],
    'an envelope with no message' => ['body' => addslashes('O:36:"Symfony\Component\Messenger\Envelope":1:{s:44:"' . "\0Symfony\\Component\\Messenger\\Envelope\0" . 'stamps";a:0:{}}')],
    'a stamp list pointing at the message' => sf('O:9:"App\Noisy":0:{}', 'a:1:{' . $delayKey . 'a:1:{i:0;r:1;}}'),
    'nested 10000 deep' => sf('O:9:"App\Noisy":1:{s:3:"any";' . str_repeat('a:1:{i:0;', 10000) . 'N;' . str_repeat('}', 10000) . '}'),
    'a count larger than the data' => sf('O:9:"App\Noisy":1:{s:3:"any";a:999999999:{}}'),
    'ten megabytes of garbage' => ['body' => str_repeat('x', 10 << 20) . '}'],
    'a wrong property type (destructor must not run)' => sf('O:9:"App\Noisy":1:{s:1:"n";s:3:"abc";}'),
    'an unknown enum case' => sf('O:9:"App\Noisy":1:{s:3:"any";E:11:"App\Suit:No";}'),
    'an unknown class' => sf('O:11:"App\Missing":0:{}'),
    'a trailing byte' => ['body' => sf('O:9:"App\Noisy":0:{}')['body'] . 'x}'],
];
foreach ($cases as $what => $encoded) {
    try {
        $serializer->decode($encoded);
        echo "$what: decoded!\n";
    } catch (\Messenger\Exception\MessageDecodingFailedException $e) {
        echo "$what: ", $e->getMessage(), $e->getPrevious() ? ' [previous: ' . get_class($e->getPrevious()) . ']' : '', "\n";
    }
}
// stamps of a class we do not know are left out, unread: Evil is never made
$e = $serializer->decode(sf('O:9:"App\Noisy":0:{}', 'a:1:{s:8:"App\Evil";a:1:{i:0;O:8:"App\Evil":0:{}}}'));
var_dump($e->all(), get_class($e->getMessage()));
unset($e);
echo "done\n";
unset($theirs, $serializer);
gc_collect_cycles(); // Symfony's serializer and the self-referencing envelope above are cycles
?>
--EXPECTF--
no body: Encoded envelope should have at least a "body", or maybe you should implement your own serializer.
empty body: Encoded envelope should have at least a "body", or maybe you should implement your own serializer.
body not a string: Encoded envelope should have at least a "body", or maybe you should implement your own serializer.
neither serialized nor base64: Could not decode Envelope: the body is neither serialized PHP (it does not end with "}") nor base64 (byte 5)
base64 of garbage: Could not decode Envelope: the data is not a serialized object
a class outside the allow-list: Could not decode Envelope: Class "App\Evil" is not in the serializer's allowed_classes: list it there (or a type it extends) to decode it
the same, nested in an allowed message: Could not decode Envelope: Class "App\Evil" is not in the serializer's allowed_classes: list it there (or a type it extends) to decode it
the same, as a stamp: Could not decode Envelope: Class "App\Evil" is not in the serializer's allowed_classes: list it there (or a type it extends) to decode it
truncated: Could not decode Envelope: %s at offset %d
not an envelope: Could not decode Envelope: Could not decode message into an Envelope: the body holds a serialized "stdClass"
an envelope with no message: Could not decode Envelope: it has no message
a stamp list pointing at the message: Could not decode Envelope: its "Messenger\Stamp\DelayStamp" list holds something else
nested 10000 deep: Could not decode Envelope: nested deeper than 512 levels at offset %d
a count larger than the data: Could not decode Envelope: 999999999 entries are more than the data can hold at offset %d
ten megabytes of garbage: Could not decode Envelope: the data is not a serialized object
a wrong property type (destructor must not run): Could not decode Envelope: Cannot assign string to property App\Noisy::$n of type int [previous: TypeError]
an unknown enum case: Could not decode Envelope: Undefined constant App\Suit::No
an unknown class: Could not decode Envelope: Message class "App\Missing" not found during decoding.
a trailing byte: Could not decode Envelope: trailing data after the envelope at offset %d
array(0) {
}
string(9) "App\Noisy"
NOISY DESTRUCT
done
