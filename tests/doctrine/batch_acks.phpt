--TEST--
DoctrineTransport with get_batch_size > 1: the acknowledgements of a batch are deleted together, in the transaction of the next claim (one commit), or before a count, list or find, or when the transport goes away
--EXTENSIONS--
messenger
pdo_sqlite
pdo_pgsql
pdo_mysql
--FILE--
<?php
require __DIR__ . '/../_inc/databases.inc';
use App\Db\Job;

foreach (App\Db\databases() as $db => [$connection, $pdo]) {
    $table = App\Db\table('acks');
    App\Db\drop($pdo, $table);
    $rows = fn() => (int) $pdo->query("SELECT COUNT(*) FROM $table")->fetchColumn();
    $t = Messenger\Transport\Transport::fromDsn("doctrine://main?table_name=$table&get_batch_size=3", [],
        new Messenger\Transport\Serialization\PhpSerializer(['allowed_classes' => [Job::class]]), ['main' => $connection]);
    $t->sendAll(array_map(fn($i) => new Messenger\Envelope(new Job("j$i")), range(1, 7)));
    $batch = $t->get();
    $t->ack($batch[0]);
    $t->ack($batch[1]);
    $t->ack($batch[0]); // twice is once
    $afterAcks = $rows();
    $t->ack($batch[2]); // a full batch: still kept for the next claim
    $afterFull = $rows();
    $next = $t->get();
    $afterClaim = $rows();
    $t->ack($next[0]);
    $t->reject($next[1]);
    $count = $t->getMessageCount();
    $afterCount = $rows();
    $t->ack($next[2]);
    unset($t); // the last acknowledgement is written when the transport goes away
    printf("%s: %d rows after 2 acks, %d after the third, %d after the next claim, count %d and %d rows after 2 more, %d rows at the end\n",
        $db, $afterAcks, $afterFull, $afterClaim, $count, $afterCount, $rows());
    App\Db\drop($pdo, $table);
}
?>
--EXPECT--
sqlite: 7 rows after 2 acks, 7 after the third, 4 after the next claim, count 1 and 2 rows after 2 more, 1 rows at the end
pgsql: 7 rows after 2 acks, 7 after the third, 4 after the next claim, count 1 and 2 rows after 2 more, 1 rows at the end
mysql: 7 rows after 2 acks, 7 after the third, 4 after the next claim, count 1 and 2 rows after 2 more, 1 rows at the end
