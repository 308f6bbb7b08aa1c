--TEST--
A transport written in PHP works like a native one, including batches through dispatchAll
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
final class ArrayTransport implements Messenger\Transport\TransportInterface {
    public array $sent = [];
    public function send(Envelope $envelope): Envelope { $this->sent[] = $envelope; return $envelope->with(new Messenger\Stamp\TransportMessageIdStamp(count($this->sent))); }
    public function get(): iterable { return []; }
    public function ack(Envelope $e): void {}
    public function reject(Envelope $e): void {}
}
final class BatchTransport implements Messenger\Transport\TransportInterface, Messenger\Transport\Sender\BatchSenderInterface {
    public int $calls = 0;
    public function send(Envelope $envelope): Envelope { throw new LogicException('one by one'); }
    public function sendAll(array $envelopes): array { $this->calls++; return array_map(fn($e) => $e->with(new Messenger\Stamp\TransportMessageIdStamp('b')), $envelopes); }
    public function get(): iterable { return []; }
    public function ack(Envelope $e): void {}
    public function reject(Envelope $e): void {}
}
final class A {} final class B {}
$one = new ArrayTransport; $many = new BatchTransport;
$m = new Messenger\Messenger(['transports' => ['one' => $one, 'many' => $many], 'routing' => [A::class => 'one', B::class => 'many']]);
var_dump($m->dispatch(new A)->last(Messenger\Stamp\TransportMessageIdStamp::class)->getId());
$res = $m->dispatchAll([new A, new B, new B, new A, new B]);
echo implode(',', array_map(fn($e) => $e->last(Messenger\Stamp\TransportMessageIdStamp::class)->getId(), $res)), "\n";
var_dump(count($one->sent), $many->calls);
try { new Messenger\Messenger(['transports' => ['x' => new stdClass]]); } catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
int(1)
2,b,b,3,b
int(3)
int(1)
transports["x"]: stdClass does not implement Messenger\Transport\TransportInterface
