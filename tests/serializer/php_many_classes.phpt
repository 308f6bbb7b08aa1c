--TEST--
PhpSerializer: a message made of more classes than the writer keeps (300 nested, each with a property after the nested one) is written as Symfony writes it, twice; the writer never lets go of a class it is in the middle of (run under valgrind, this read freed memory before)
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/wire.inc';
\App\Wire\load_symfony();
$code = '';
for ($i = 0; $i < 300; $i++) {
    // the nested object first: the writer goes on with this class's keys after it
    $code .= "final class Many$i { public function __construct(public ?object \$next = null) {} public \$tag = 'm$i'; }\n";
}
eval($code);
$message = null;
for ($i = 299; $i >= 0; $i--) {
    $class = "Many$i";
    $message = new $class($message);
}
$ours = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => true]);
$theirs = new Symfony\Component\Messenger\Transport\Serialization\PhpSerializer();
for ($round = 1; $round <= 2; $round++) {
    $a = $ours->encode(new Messenger\Envelope($message))['body'];
    $b = $theirs->encode(new Symfony\Component\Messenger\Envelope($message))['body'];
    echo "round $round: ", $a === $b ? 'same bytes' : 'DIFFERENT', ', decoded back: ', $ours->decode(['body' => $a])->getMessage() == $message ? 'equal' : 'NOT EQUAL', "\n";
}
?>
--EXPECT--
round 1: same bytes, decoded back: equal
round 2: same bytes, decoded back: equal
