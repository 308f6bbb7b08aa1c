--TEST--
Decoders under random mutations of valid messages (fixed seed): each one decodes or raises MessageDecodingFailedException, nothing else
--EXTENSIONS--
messenger
--FILE--
<?php
require __DIR__ . '/../_inc/wire.inc';
use Messenger\Stamp as S;

mt_srand(20261122);
$envelope = new Messenger\Envelope(App\Wire\order(), [new S\BusNameStamp('b'), new S\DelayStamp(5),
    new S\RedeliveryStamp(1, new DateTimeImmutable('2020-01-01T00:00:00+00:00')), new S\HandledStamp([1, 'x'], 'h')]);
function mutate(string $s): string
{
    for ($k = mt_rand(1, 4); $k > 0; $k--) {
        $at = mt_rand(0, max(0, strlen($s) - 1));
        switch (mt_rand(0, 4)) {
            case 0: $s[$at] = chr(mt_rand(0, 255)); break;                                          // replace a byte
            case 1: $s = substr($s, 0, $at) . substr($s, $at + mt_rand(1, 8)); break;                 // delete
            case 2: $s = substr($s, 0, $at) . chr(mt_rand(32, 126)) . substr($s, $at); break;         // insert
            case 3: $s = substr($s, 0, $at) . substr($s, mt_rand(0, strlen($s)), 12) . substr($s, $at); break; // duplicate
            case 4: $s[$at] = '0123456789:;{}"'[mt_rand(0, 14)]; break;                              // a structural byte
        }
    }
    return $s;
}
foreach (['php' => new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [App\Wire\Order::class]]),
          'json' => new Messenger\Transport\Serialization\JsonSerializer(['allowed_classes' => [App\Wire\Order::class]])] as $name => $serializer) {
    $encoded = $serializer->encode($envelope);
    $outcomes = ['decoded' => 0, 'refused' => 0];
    for ($i = 0; $i < 400; $i++) {
        $copy = $encoded;
        if ($name === 'json' && mt_rand(0, 1)) {
            $keys = array_keys($copy['headers']);
            $key = $keys[mt_rand(0, count($keys) - 1)];
            $copy['headers'][$key] = mutate($copy['headers'][$key]);
        } else {
            $copy['body'] = mutate($copy['body']);
        }
        try {
            $serializer->decode($copy);
            $outcomes['decoded']++;
        } catch (Messenger\Exception\MessageDecodingFailedException $e) {
            $outcomes['refused']++;
        } catch (Throwable $e) {
            echo "$name: unexpected ", get_class($e), ': ', $e->getMessage(), "\n", json_encode($copy), "\n";
        }
    }
    printf("%s: %d cases, %s\n", $name, array_sum($outcomes), $outcomes['refused'] > 0 && $outcomes['decoded'] > 0 ? 'both outcomes seen' : json_encode($outcomes));
}
?>
--EXPECT--
php: 400 cases, both outcomes seen
json: 400 cases, both outcomes seen
