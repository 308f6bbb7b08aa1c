--TEST--
Worker keepalive: while a long handler runs, its transport is told every N seconds (and only then); a failed keepalive is logged and the message still handled; on SQLite it stops a second worker from taking the message after redeliver_timeout; receivers without keepalive and bad values are refused
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\TransportMessageIdStamp;

final class Job { public function __construct(public int $n, public float $seconds) {} }
final class KeptTransport implements Messenger\Transport\TransportInterface, Messenger\Transport\Receiver\KeepaliveReceiverInterface {
    public array $queue = [];
    public array $kept = [];
    public array $acked = [];
    public bool $fail = false;
    public function send(Envelope $e): Envelope { $e = $e->with(new TransportMessageIdStamp(count($this->queue) + count($this->acked) + 1)); $this->queue[] = $e; return $e; }
    public function get(): iterable { return $this->queue ? [array_shift($this->queue)] : []; }
    public function ack(Envelope $e): void { $this->acked[] = $e->last(TransportMessageIdStamp::class)->getId(); }
    public function reject(Envelope $e): void {}
    public function keepalive(Envelope $e, ?int $seconds = null): void {
        $this->kept[] = $e->last(TransportMessageIdStamp::class)->getId() . "/$seconds";
        if ($this->fail) { throw new RuntimeException('the queue is gone'); }
    }
}
final class Log { public array $lines = []; public function log($level, $message, array $context = []): void { if (str_contains($message, 'eepalive')) { $this->lines[] = "$level: $message" . (isset($context['error']) ? " ({$context['error']})" : ''); } } }
// the handler keeps running PHP code, as a real one does: that is where the keepalive is sent
function busy(float $seconds): void { $end = microtime(true) + $seconds; while (microtime(true) < $end) { usleep(20000); } }

$t = new KeptTransport;
$log = new Log;
$m = new Messenger\Messenger([
    'transports' => ['kept' => $t],
    'routing' => [Job::class => 'kept'],
    'handlers' => [Job::class => fn(Job $j) => busy($j->seconds)],
    'logger' => $log,
]);

echo "-- every second for 2.5 s\n";
$m->dispatch(new Job(1, 2.5));
var_dump($m->worker(['kept'])->run(['keepalive' => 1, 'limit' => 1]));
$calls = count($t->kept);
var_dump($calls >= 2 && $calls <= 3, array_unique($t->kept), $t->acked);
busy(1.5); // the worker has stopped: no more keepalives
var_dump(count($t->kept) === $calls);

echo "-- off by default\n";
$t->kept = [];
$m->dispatch(new Job(2, 1.5));
$m->worker(['kept'])->run(['limit' => 1]);
var_dump($t->kept);

echo "-- a failed keepalive is logged, the message is still handled\n";
$t->fail = true;
$log->lines = [];
$m->dispatch(new Job(3, 1.3));
var_dump($m->worker(['kept'])->run(['keepalive' => 1, 'limit' => 1]), $t->acked, array_unique($log->lines));

// and without a logger: nothing to tell, the message is handled all the same
$quiet = new Messenger\Messenger(['transports' => ['kept' => $t], 'routing' => [Job::class => 'kept'], 'handlers' => [Job::class => fn(Job $j) => busy($j->seconds)]]);
$kept = count($t->kept);
$quiet->dispatch(new Job(4, 1.3));
var_dump($quiet->worker(['kept'])->run(['keepalive' => 1, 'limit' => 1]), end($t->acked), count($t->kept) > $kept);

echo "-- refused\n";
$mem = new Messenger\Messenger(['transports' => ['mem' => 'in-memory://', 'kept' => $t]]);
foreach ([[['mem', 'kept'], true], [['kept'], 'soon'], [['kept'], -1]] as [$names, $value]) {
    try {
        $mem->worker($names)->run(['keepalive' => $value, 'limit' => 1]);
        echo "no exception\n";
    } catch (Messenger\Exception\InvalidArgumentException $e) {
        echo $e->getMessage(), "\n";
    }
}

echo "-- SQLite: redeliver_timeout 2 s, a handler of 3.5 s\n";
$file = sys_get_temp_dir() . '/messenger-keepalive-' . getmypid() . '.sqlite';
@unlink($file);
foreach ([false, 2 => 1] as $keepalive) {
    $taken = null;
    $config = fn(array $handlers) => [
        'connections' => ['main' => 'sqlite:' . $file],
        'transports' => ['async' => ['dsn' => 'doctrine://main', 'options' => ['redeliver_timeout' => 2]]],
        'routing' => [Job::class => 'async'],
        'handlers' => $handlers,
    ];
    $other = new Messenger\Messenger($config([]));
    $m = new Messenger\Messenger($config([Job::class => function (Job $j) use ($other, &$taken) {
        busy($j->seconds);
        // another worker looks for work now: the claim is 3.5 s old
        $taken = count($other->transport('async')->get());
    }]));
    $m->dispatch(new Job(4, 3.5));
    $m->worker(['async'])->run(['keepalive' => $keepalive, 'limit' => 1]);
    echo 'keepalive ', var_export($keepalive, true), ': the other worker took ', $taken, "\n";
    (new PDO('sqlite:' . $file))->exec('DELETE FROM messenger_messages');
}
@unlink($file);
?>
--EXPECT--
-- every second for 2.5 s
int(0)
bool(true)
array(1) {
  [0]=>
  string(3) "1/1"
}
array(1) {
  [0]=>
  int(1)
}
bool(true)
-- off by default
array(0) {
}
-- a failed keepalive is logged, the message is still handled
int(0)
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
array(2) {
  [0]=>
  string(32) "info: Sending keepalive request."
  [1]=>
  string(95) "error: Keepalive of the message failed: the transport may deliver it again. (the queue is gone)"
}
int(0)
int(4)
bool(true)
-- refused
The receiver "mem" does not support keepalive: Messenger\Transport\InMemory\InMemoryTransport does not implement Messenger\Transport\Receiver\KeepaliveReceiverInterface
The worker option "keepalive" must be true or a number of seconds
The worker option "keepalive" must be true or a number of seconds
-- SQLite: redeliver_timeout 2 s, a handler of 3.5 s
keepalive false: the other worker took 1
keepalive 1: the other worker took 0
