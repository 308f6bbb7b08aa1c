--TEST--
The whole-object check walks every shape once: an array reached by many paths (PHP references, R: in the body) is not walked again (it used to take for ever), encoding and decoding; a stamp that travels is checked on encoding as on decoding
--EXTENSIONS--
messenger
--FILE--
<?php
final class Box { public $a; }
final class Note implements Messenger\Stamp\StampInterface { public int $y; public int $x = 1; }
#[AllowDynamicProperties]
final class Loose { public int $z; }
$s = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Box::class]]);
// an array holding itself twice, through references
$a = [];
$a[0] = &$a;
$a[1] = &$a;
$box = new Box();
$box->a = $a;
$start = microtime(true);
$encoded = $s->encode(new Messenger\Envelope($box));
echo 'encoded: ', strlen($encoded['body']) > 0 ? 'yes' : 'no', "\n";
echo 'decoded: ', get_class($s->decode($encoded)->getMessage()), "\n";
unset($a, $box, $encoded);
gc_collect_cycles(); // the arrays that hold themselves
echo 'in a moment: ', microtime(true) - $start < 20 ? 'yes' : 'no', "\n";
// a message the fast writer leaves to the general path (a dynamic property), with a property never set
$loose = new Loose();
$loose->extra = 1;
try {
    (new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => true]))->encode(new Messenger\Envelope($loose));
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
// a stamp that travels, with a property never set
try {
    $s->encode(new Messenger\Envelope(new Box(), [new Note()]));
} catch (Messenger\Exception\InvalidArgumentException $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
encoded: yes
decoded: Box
in a moment: yes
Cannot encode the Loose message: Loose::$z is not initialized, and a worker would refuse a message without it
Cannot encode the Box message: Note::$y is not initialized, and a worker would refuse a message without it
