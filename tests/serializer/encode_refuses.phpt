--TEST--
A message holding an object its serializer's allowed_classes would refuse is refused by dispatch(), naming the class and the option; nothing reaches the queue
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
namespace App\Message { class Order { public $lines = []; public function __construct(public string $id = 'o1') {} } }
namespace App\Dto { class Line { public function __construct(public int $qty = 1) {} } enum Unit { case Piece; } }
namespace App\Other { class Note { public $text = 'n'; } }
namespace {
use App\Message\Order;
use App\Dto\{Line, Unit};

function attempt(callable $f): string {
    try { $f(); return 'sent'; }
    catch (Throwable $t) { return get_class($t) . ': ' . $t->getMessage(); }
}

$db = sys_get_temp_dir() . '/messenger-encode-refuses-' . getmypid() . '.sqlite';
foreach (['php', 'json'] as $format) {
    echo "== $format\n";
    $m = new Messenger\Messenger([
        'connections' => ['default' => 'sqlite:' . $db],
        'transports' => ['async' => 'doctrine://default?queue_name=' . $format],
        'serializer' => $format,
        'routing' => [Order::class => 'async', '*' => 'async'],
        'handlers' => [Order::class => fn () => null],
    ]);
    // an array of DTOs: PhpSerializer writes their class, and its decoder would refuse it
    $o = new Order(); $o->lines[] = new Line(3);
    echo attempt(fn () => $m->dispatch($o)), "\n";
    // an enum case inside an untyped property
    $o = new Order(); $o->lines = ['unit' => Unit::Piece];
    echo attempt(fn () => $m->dispatch($o)), "\n";
    // a message only the "*" fallback routes, whose class nothing names
    echo attempt(fn () => $m->dispatch(new App\Other\Note())), "\n";
    // a message of plain values goes
    echo attempt(fn () => $m->dispatch(new Order('plain'))), "\n";
    echo "queued: ", $m->transport('async')->getMessageCount(), "\n";
}

echo "== allowed\n";
$m = new Messenger\Messenger([
    'connections' => ['default' => 'sqlite:' . $db],
    'transports' => ['async' => 'doctrine://default?queue_name=allowed'],
    'serializer' => ['format' => 'php', 'allowed_classes' => ['App\Dto\*']],
    'routing' => [Order::class => 'async'],
    'handlers' => [Order::class => function (Order $o) { echo "handled ", $o->id, ": ", get_class($o->lines[0]), " ", $o->lines[0]->qty, " ", $o->lines['u']->name, "\n"; }],
]);
$o = new Order('o2'); $o->lines = [new Line(5), 'u' => Unit::Piece];
echo attempt(fn () => $m->dispatch($o)), "\n";
$m->worker(['async'])->run(['limit' => 1]);

echo "== serializers made by hand\n";
$o = new Order('o3'); $o->lines[] = new Line(1);
echo attempt(fn () => (new Messenger\Transport\Serialization\PhpSerializer())->encode(new Messenger\Envelope($o))), "\n";
echo attempt(fn () => (new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Order::class]]))->encode(new Messenger\Envelope($o))), "\n";
echo attempt(fn () => (new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => true]))->encode(new Messenger\Envelope($o))), "\n";
echo attempt(fn () => (new Messenger\Transport\Serialization\JsonSerializer())->encode(new Messenger\Envelope($o))), "\n";
// what encode lets through, decode takes back
$s = new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Order::class, Line::class]]);
echo get_class($s->decode($s->encode(new Messenger\Envelope($o)))->getMessage()->lines[0]), "\n";
@unlink($db);
}
?>
--EXPECT--
== php
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Message\Order message: it holds a "App\Dto\Line", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Message\Order message: it holds a "App\Dto\Unit", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Other\Note message: it is a "App\Other\Note", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
sent
queued: 1
== json
sent
Messenger\Exception\InvalidArgumentException: Could not encode message to JSON: the case of App\Dto\Unit is not a backed enum
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Other\Note message: it is a "App\Other\Note", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
sent
queued: 2
== allowed
sent
handled o2: App\Dto\Line 5 Piece
== serializers made by hand
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Message\Order message: it is a "App\Message\Order", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Message\Order message: it holds a "App\Dto\Line", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
sent
Messenger\Exception\InvalidArgumentException: Cannot encode the App\Message\Order message: it is a "App\Message\Order", a class not in its serializer's allowed_classes, so no worker could decode it. List the class there (or a type it extends, or its namespace as "Ns\*")
App\Dto\Line
