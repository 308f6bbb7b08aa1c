--TEST--
Envelope rejects stamps that are not StampInterface and refuses to nest envelopes
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\DelayStamp;
$tries = [
    fn() => new Envelope(new stdClass, [new DelayStamp(1), new stdClass]),
    fn() => new Envelope(new stdClass, ['delay' => 5]),
    fn() => Envelope::wrap(new stdClass, [new ArrayObject]),
    fn() => (new Envelope(new stdClass))->with(new stdClass),
    fn() => new Envelope(new Envelope(new stdClass)),
    fn() => new Envelope('not an object'),
];
foreach ($tries as $try) {
    try { $try(); echo "no exception\n"; }
    catch (Throwable $e) { echo $e::class, ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
Messenger\Exception\InvalidArgumentException: Stamp at index 1 must implement Messenger\Stamp\StampInterface, stdClass given
Messenger\Exception\InvalidArgumentException: Stamp "delay" must implement Messenger\Stamp\StampInterface, int given
Messenger\Exception\InvalidArgumentException: Stamp at index 0 must implement Messenger\Stamp\StampInterface, ArrayObject given
TypeError: Messenger\Envelope::with(): Argument #1 must be of type Messenger\Stamp\StampInterface, stdClass given
Messenger\Exception\InvalidArgumentException: An Envelope cannot contain another Envelope; use Envelope::wrap() to add stamps to one
TypeError: Messenger\Envelope::__construct(): Argument #1 ($message) must be of type object, string given
