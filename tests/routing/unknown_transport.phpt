--TEST--
A routing entry naming an unknown transport is rejected, naming the key and the transport
--EXTENSIONS--
messenger
--FILE--
<?php
$cases = [
    ['transports' => ['async' => 'in-memory://'], 'routing' => ['stdClass' => 'asnyc']],
    ['routing' => ['stdClass' => ['x']]],
    ['transports' => ['async' => 'in-memory://'], 'routing' => ['stdClass' => 42]],
    ['transports' => ['async' => 'in-memory://'], 'routing' => ['async']],
];
foreach ($cases as $c) {
    try { new Messenger\Messenger($c); echo "accepted\n"; }
    catch (Messenger\Exception\InvalidArgumentException $e) { echo $e->getMessage(), "\n"; }
}
?>
--EXPECT--
routing["stdClass"] names the transport "asnyc", which is not configured (configured: async)
routing["stdClass"] names the transport "x", which is not configured (configured: none)
routing["stdClass"] must be a transport name or a list of them, int given
routing[0]: routing keys must be message classes, interfaces, "Namespace\*" or "*"
