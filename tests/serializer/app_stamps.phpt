--TEST--
An application's own stamp (a class implementing StampInterface) travels through both serializers and the transports without being listed in allowed_classes, with the objects its typed properties hold; a header naming a class that is not a stamp is still refused, and an abstract stamp or a stamp interface is a decoding failure, not a crash
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
namespace App;
use Messenger\Envelope;
use Messenger\Stamp\StampInterface;
use Messenger\Transport\Serialization\{JsonSerializer, PhpSerializer};
final class Tenant { public function __construct(public string $id) {} }
final class TenantStamp implements StampInterface { public function __construct(public Tenant $tenant, public ?\DateTimeImmutable $at = null) {} }
final class Job { public function __construct(public string $n) {} }
final class NotAStamp { public function __construct(public string $x = '') {} public function __destruct() { echo "NOT-A-STAMP DESTRUCT\n"; } }
abstract class AbstractStamp implements StampInterface {}
final class PlainStamp implements StampInterface { public function __construct(public string $x) {} }
interface OwnStampInterface extends StampInterface {}

$show = fn (?Envelope $e) => $e === null ? 'no envelope' : (($s = $e->last(TenantStamp::class)) ? $s->tenant->id . ' ' . $s->at->format('Y-m-d') : 'stamp dropped');
$stamp = new TenantStamp(new Tenant('acme'), new \DateTimeImmutable('2020-01-02'));
foreach (['php' => null, 'json' => 'json'] as $label => $serializer) {
    $config = [
        'transports' => ['memory' => 'in-memory://?serialize=true', 'table' => 'doctrine://default'],
        'connections' => ['default' => 'sqlite::memory:'],
        'routing' => [Job::class => ['memory', 'table']],
    ] + ($serializer ? ['serializer' => $serializer] : []);
    $m = new \Messenger\Messenger($config);
    $m->dispatch(new Job('x'), [$stamp]);
    foreach (['memory', 'table'] as $t) {
        echo "$label, $t: ", $show($m->transport($t)->get()[0] ?? null), "\n";
    }
}
// the serializers on their own, with an allow-list that lists only the message
foreach ([new PhpSerializer(['allowed_classes' => [Job::class]]), new JsonSerializer(['allowed_classes' => [Job::class]])] as $s) {
    echo (new \ReflectionClass($s))->getShortName(), ': ', $show($s->decode($s->encode(new Envelope(new Job('y'), [$stamp])))), "\n";
}

// a header naming a class that is not a stamp, an abstract stamp, a stamp interface
$json = new JsonSerializer(['allowed_classes' => [Job::class]]);
foreach ([NotAStamp::class, AbstractStamp::class, OwnStampInterface::class] as $class) {
    try {
        $e = $json->decode(['body' => '{"n":"z"}', 'headers' => ['type' => Job::class, 'X-Message-Stamp-' . $class => '[{}]']]);
        echo "json, $class: decoded with ", count($e->all()), " stamp types\n";
    } catch (\Messenger\Exception\MessageDecodingFailedException $e) {
        echo "json, $class: ", $e->getMessage(), "\n";
    }
}
$php = new PhpSerializer(['allowed_classes' => [Job::class]]);
$body = $php->encode(new Envelope(new Job('z'), [new PlainStamp('a')]))['body'];
$swap = fn (string $to) => str_replace(
    ['s:' . strlen(PlainStamp::class) . ':\\"' . addslashes(PlainStamp::class) . '\\"', 'O:' . strlen(PlainStamp::class) . ':\\"' . addslashes(PlainStamp::class) . '\\"'],
    ['s:' . strlen($to) . ':\\"' . addslashes($to) . '\\"', 'O:' . strlen($to) . ':\\"' . addslashes($to) . '\\"'], $body);
echo 'php, PlainStamp: ', $php->decode(['body' => $body])->last(PlainStamp::class)?->x, "\n";
foreach ([NotAStamp::class, AbstractStamp::class, OwnStampInterface::class] as $class) {
    $evil = $swap($class);
    if ($evil === $body) {
        echo "php, $class: the payload was not built\n";
        continue;
    }
    try {
        $e = $php->decode(['body' => $evil]);
        echo "php, $class: decoded with ", count($e->all()), " stamp types\n";
    } catch (\Messenger\Exception\MessageDecodingFailedException $e) {
        echo "php, $class: ", $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
php, memory: acme 2020-01-02
php, table: acme 2020-01-02
json, memory: acme 2020-01-02
json, table: acme 2020-01-02
PhpSerializer: acme 2020-01-02
JsonSerializer: acme 2020-01-02
json, App\NotAStamp: decoded with 0 stamp types
json, App\AbstractStamp: Could not decode stamp: App\AbstractStamp cannot be instantiated
json, App\OwnStampInterface: Could not decode stamp: App\OwnStampInterface cannot be instantiated
php, PlainStamp: a
php, App\NotAStamp: decoded with 0 stamp types
php, App\AbstractStamp: Could not decode Envelope: Cannot instantiate abstract class App\AbstractStamp
php, App\OwnStampInterface: Could not decode Envelope: Cannot instantiate interface App\OwnStampInterface
