--TEST--
Several buses, default_bus, BusNameStamp routing of Messenger::dispatch, fromFile, transportNames, setupTransports
--EXTENSIONS--
messenger
--FILE--
<?php
final class Cmd {}
final class Setupable implements Messenger\Transport\TransportInterface, Messenger\Transport\SetupableTransportInterface {
    public function send(Messenger\Envelope $e): Messenger\Envelope { return $e; }
    public function get(): iterable { return []; }
    public function ack(Messenger\Envelope $e): void {}
    public function reject(Messenger\Envelope $e): void {}
    public function setup(): void { echo "setup called\n"; }
}
$file = sys_get_temp_dir() . '/messenger-config-' . getmypid() . '.php';
file_put_contents($file, '<?php return ["buses" => ["command.bus" => [], "query.bus" => []], "default_bus" => "query.bus",
  "handlers" => [Cmd::class => fn() => "ok"], "transports" => ["x" => "in-memory://", "s" => new Setupable]];');
$m = Messenger\Messenger::fromFile($file);
unlink($file);
var_dump($m->bus()->getName(), $m->bus('command.bus')->getName());
$bus = fn($e) => $e->last(Messenger\Stamp\BusNameStamp::class)->getBusName();
var_dump($bus($m->dispatch(new Cmd)));
var_dump($bus($m->dispatch(new Cmd, [new Messenger\Stamp\BusNameStamp('command.bus')])));
var_dump($m->transportNames());
$m->setupTransports();
$m->setupTransports('x');
try { Messenger\Messenger::fromFile('/nonexistent/messenger.php'); } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
$bad = sys_get_temp_dir() . '/messenger-bad-' . getmypid() . '.php';
file_put_contents($bad, '<?php return 42;');
try { Messenger\Messenger::fromFile($bad); } catch (Messenger\Exception\InvalidArgumentException $e) { echo str_replace($bad, 'FILE', $e->getMessage()), "\n"; }
unlink($bad);
?>
--EXPECT--
string(9) "query.bus"
string(11) "command.bus"
string(9) "query.bus"
string(11) "command.bus"
array(2) {
  [0]=>
  string(1) "x"
  [1]=>
  string(1) "s"
}
setup called
Configuration file "/nonexistent/messenger.php" does not exist or is not a file
Configuration file "FILE" must return an array or a Messenger\Messenger, it returned int
