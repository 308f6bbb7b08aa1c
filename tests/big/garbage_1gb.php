<?php
/*
 * A body of 1 GiB of garbage, to both serializers: a MessageDecodingFailedException each, at
 * once (no copy of the gigabyte is made), and the process is still fine afterwards. Run by
 * scripts/test.sh outside the phpt suite (valgrind would take minutes over a gigabyte).
 * Prints "big garbage: 1 passed, 0 failed" or what went wrong.
 */
$ok = true;
$garbage = str_repeat("\x01garbage\xff", intdiv(1 << 30, 9));
$cases = [
    'php, not base64' => [new Messenger\Transport\Serialization\PhpSerializer(), ['body' => $garbage]],
    'php, ends with }' => [new Messenger\Transport\Serialization\PhpSerializer(), ['body' => substr($garbage, 0, -1) . '}']],
    'php, base64 alphabet' => [new Messenger\Transport\Serialization\PhpSerializer(), ['body' => str_repeat('QUJD', 1 << 28)]],
    'json' => [new Messenger\Transport\Serialization\JsonSerializer(), ['body' => $garbage, 'headers' => ['type' => 'stdClass']]],
];
foreach ($cases as $what => [$serializer, $encoded]) {
    $start = hrtime(true);
    try {
        $serializer->decode($encoded);
        echo "$what: decoded!\n";
        $ok = false;
    } catch (Messenger\Exception\MessageDecodingFailedException $e) {
        printf("%s: %s (%.2f s)\n", $what, $e->getMessage(), (hrtime(true) - $start) / 1e9);
    }
    unset($encoded, $cases[$what]);
}
echo 'big garbage: ', $ok ? '1 passed, 0 failed' : '0 passed, 1 failed', "\n";
exit($ok ? 0 : 1);
