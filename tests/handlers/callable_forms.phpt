--TEST--
Handlers as closures, invokable objects, [object, method], descriptor arrays, function names and static methods
--EXTENSIONS--
messenger
--FILE--
<?php
final class Msg {}
function msg_handler(Msg $m) { return 'function'; }
final class H {
    public function __invoke(Msg $m) { return 'invoke'; }
    public function on(Msg $m) { return 'method'; }
    public static function stat(Msg $m) { return 'static'; }
}
$h = new H;
$m = new Messenger\Messenger(['handlers' => [
    Msg::class => [
        fn(Msg $m) => 'closure',
        [$h, 'on'],
        ['handler' => $h, 'method' => 'on', 'priority' => -1],
        'msg_handler',
        'H::stat',
        $h->on(...),
    ],
    $h,
]]);
foreach ($m->dispatch(new Msg)->all(Messenger\Stamp\HandledStamp::class) as $s) {
    echo $s->getHandlerName(), ' => ', $s->getResult(), "\n";
}
?>
--EXPECT--
Closure => closure
H::on => method
msg_handler => function
H::stat => static
H::on => method
H::__invoke => invoke
H::on => method
