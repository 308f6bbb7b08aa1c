--TEST--
run(['queues' => ...]) on receivers that cannot read by queue name (in-memory, a transport written in PHP) raise Symfony's RuntimeException naming the transport before anything is consumed; an empty list means every queue
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
final class PhpReceiver implements Messenger\Transport\TransportInterface {
    public int $gets = 0;
    public function send(Envelope $envelope): Envelope { return $envelope; }
    public function get(): iterable { $this->gets++; return []; }
    public function ack(Envelope $e): void {}
    public function reject(Envelope $e): void {}
}
final class Job {}
$php = new PhpReceiver;
$handled = 0;
$m = new Messenger\Messenger([
    'transports' => ['mem' => 'in-memory://', 'php' => $php, 'table' => 'doctrine://db?auto_setup=true'],
    'connections' => ['db' => 'sqlite::memory:'],
    'routing' => [Job::class => 'mem'],
    'handlers' => [Job::class => function () use (&$handled) { $handled++; }],
]);
$m->dispatch(new Job);
foreach ([['mem'], ['php'], ['table', 'php']] as $names) {
    try {
        $m->worker($names)->run(['queues' => ['default'], 'limit' => 1, 'sleep' => 0]);
        echo "no exception\n";
    } catch (Messenger\Exception\RuntimeException $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump($handled, $php->gets, $m->transport('mem')->getMessageCount());
// a queue name that is not a string
try { $m->worker(['table'])->run(['queues' => [1], 'limit' => 1]); } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
// no queue names: every queue, as Symfony
var_dump($m->worker(['mem'])->run(['queues' => [], 'limit' => 1, 'sleep' => 0]), $handled);
// the table transport reads by queue name
$m->dispatch(new Job, [new Messenger\Stamp\TransportNamesStamp(['table'])]);
var_dump($m->worker(['table'])->run(['queues' => ['default'], 'limit' => 1, 'sleep' => 0]), $handled);
?>
--EXPECT--
Messenger\Exception\RuntimeException: Receiver for "mem" does not implement "Messenger\Transport\Receiver\QueueReceiverInterface".
Messenger\Exception\RuntimeException: Receiver for "php" does not implement "Messenger\Transport\Receiver\QueueReceiverInterface".
Messenger\Exception\RuntimeException: Receiver for "php" does not implement "Messenger\Transport\Receiver\QueueReceiverInterface".
int(0)
int(0)
int(1)
The worker option "queues" must be a list of queue names
int(0)
int(1)
int(0)
int(2)
