--TEST--
Dispatching something that is not an object, or a stamp that is not a stamp, is a clear error
--EXTENSIONS--
messenger
--FILE--
<?php
$m = new Messenger\Messenger(['handlers' => [stdClass::class => fn() => 1]]);
foreach ([fn() => $m->dispatch('hello'), fn() => $m->dispatch(new stdClass, [new stdClass]), fn() => $m->dispatch(new stdClass, ['x' => 'y']), fn() => $m->bus()->dispatch(42)] as $f) {
    try { $f(); echo "accepted\n"; } catch (Throwable $e) { echo $e::class, ': ', $e->getMessage(), "\n"; }
}
?>
--EXPECT--
TypeError: Messenger\Messenger::dispatch(): Argument #1 ($message) must be of type object, string given
Messenger\Exception\InvalidArgumentException: Stamp at index 0 must implement Messenger\Stamp\StampInterface, stdClass given
Messenger\Exception\InvalidArgumentException: Stamp "x" must implement Messenger\Stamp\StampInterface, string given
TypeError: Messenger\MessageBus::dispatch(): Argument #1 ($message) must be of type object, int given
