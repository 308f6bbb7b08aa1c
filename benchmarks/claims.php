<?php
/*
 * What one claim costs as the queue grows: the table filled to each depth (rows of its own
 * queue, and as many again in a "failed" queue of the same table, as a failure transport
 * keeps them), then get() of one message (timed: one statement and its commit) and its ack(), over many claims at 1 000, 100 000 and
 * 1 000 000 queued rows. Usage: php claims.php DB [MAX]   DB: sqlite | pgsql. Prints one JSON line.
 */
[$self, $db, $max] = $argv + [null, 'sqlite', 1000000];
$user = getenv('MESSENGER_DB_USER') ?: 'messenger';
$password = getenv('MESSENGER_DB_PASSWORD') ?: '';
$file = sys_get_temp_dir() . '/messenger-bench-claims.sqlite';
@unlink($file);
$pdo = $db === 'sqlite' ? new PDO("sqlite:$file") : new PDO(getenv('MESSENGER_PGSQL_DSN'), $user, $password);
$pdo->exec('DROP TABLE IF EXISTS bench_claims');
final class Job { public function __construct(public int $n) {} }
$t = Messenger\Transport\Transport::fromDsn('doctrine://db?table_name=bench_claims', [], null, ['db' => $pdo]);
$t->setup();
$stored = 0;
$fill = function (int $depth) use ($pdo, $db, &$stored) {
    // raw multi-row INSERTs of a real message's row (fast to fill; what our INSERT writes)
    static $row = null;
    $row ??= [serialize(new Messenger\Envelope(new Job(1))), '[]'];
    $pdo->beginTransaction();
    while ($stored < $depth) {
        $n = min(500, $depth - $stored);
        $values = implode(',', array_fill(0, 2 * $n, '(?, ?, ?, ?, ?)'));
        $params = [];
        for ($i = 0; $i < $n; $i++) {
            array_push($params, $row[0], $row[1], 'default', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
            array_push($params, 'x', '[]', 'failed', '2026-01-01 00:00:00', '2026-01-01 00:00:00');
        }
        $pdo->prepare("INSERT INTO bench_claims (body, headers, queue_name, created_at, available_at) VALUES $values")->execute($params);
        $stored += $n;
    }
    $pdo->commit();
    if ($db === 'pgsql') {
        $pdo->exec('ANALYZE bench_claims'); // what autovacuum does on its own after such a fill
    }
};
$result = ['db' => $db];
foreach ([1000, 100000, 1000000] as $depth) {
    if ($depth > $max) {
        break;
    }
    $fill($depth);
    $claims = 300;
    $spent = 0;
    for ($i = 0; $i < $claims; $i++) {
        $start = hrtime(true);
        $got = $t->get(); // one statement, one commit
        $spent += hrtime(true) - $start;
        $t->ack($got[0]);
    }
    $result["ms_per_claim_at_$depth"] = round($spent / 1e6 / $claims, 3);
    $stored -= $claims;
}
$pdo->exec('DROP TABLE IF EXISTS bench_claims');
@unlink($file);
echo json_encode($result), "\n";
