--TEST--
InMemoryTransport: send, get (honouring DelayStamp), ack, reject, counts and reset
--EXTENSIONS--
messenger
--FILE--
<?php
use Messenger\Envelope;
use Messenger\Stamp\{DelayStamp, TransportMessageIdStamp};
$t = new Messenger\Transport\InMemory\InMemoryTransport();
$a = $t->send(new Envelope(new stdClass));
$b = $t->send(new Envelope(new stdClass, [new DelayStamp(60000)]));
var_dump($a->last(TransportMessageIdStamp::class)->getId(), $b->last(TransportMessageIdStamp::class)->getId());
var_dump(count($t->get()), $t->getMessageCount());
$t->ack($a);
$t->reject($b);
var_dump($t->getMessageCount(), count($t->getAcknowledged()), count($t->getRejected()), count($t->getSent()));
try { $t->ack(new Envelope(new stdClass)); } catch (Messenger\Exception\LogicException $e) { echo $e->getMessage(), "\n"; }
$all = $t->sendAll([new Envelope(new stdClass), new Envelope(new stdClass)]);
var_dump(count($all), $all[1]->last(TransportMessageIdStamp::class)->getId());
$t->reset();
var_dump(count($t->getSent()), $t->getMessageCount());
try { $t->sendAll([new stdClass]); } catch (TypeError $e) { echo $e->getMessage(), "\n"; }
?>
--EXPECT--
int(1)
int(2)
int(1)
int(2)
int(0)
int(1)
int(1)
int(2)
No TransportMessageIdStamp found on the Envelope: it was not received from this InMemoryTransport
int(2)
int(4)
int(0)
int(0)
Messenger\Transport\InMemory\InMemoryTransport::sendAll(): Argument #1 ($envelopes) must contain only Messenger\Envelope objects, stdClass given at index 0
