--TEST--
Redis persistent connections (the default): a transport that goes away leaves its connection in the process's pool and the next transport of the same server, credentials and database takes it (an FPM worker's next request does not connect again); two live transports never share one; a pooled connection the server closed is replaced; persistent=0 closes
--EXTENSIONS--
messenger
pcntl
--FILE--
<?php
require __DIR__ . '/../_inc/redis.inc';
$raw = new App\Redis\Raw();
$stream = App\Redis\stream('persist');
// database 9 is this test's alone: its connections are the ones CLIENT LIST shows there
$dsn = App\Redis\dsn() . "/$stream?dbindex=9";
$ours = function () use ($raw): array {
    preg_match_all('/^id=(\d+) .* db=9 /m', $raw('CLIENT', 'LIST', 'TYPE', 'normal'), $m);
    return $m[1];
};
$t1 = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
$t1->getMessageCount();
$first = $ours();
echo 'one transport: ', count($first), " connection\n";
unset($t1);
echo 'gone: ', count($ours()), " connection kept\n";
$t2 = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
$t2->getMessageCount();
echo 'the next transport reuses it: ', var_export($ours() === $first, true), "\n";
$t3 = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
$t3->getMessageCount();
echo 'two live transports: ', count($ours()), " connections\n";
unset($t2, $t3);
echo 'both gone: ', count($ours()), " kept\n";
foreach ($ours() as $id) {
    $raw('CLIENT', 'KILL', 'ID', $id);
}
usleep(50000);
$t4 = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
echo 'after the server closed them: count ', $t4->getMessageCount(), ', ', count($ours()), ' connection, new: ', var_export(!in_array($ours()[0], $first, true), true), "\n";
unset($t4);
$t5 = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn . '&persistent=0');
$t5->getMessageCount();
$before = count($ours());
unset($t5);
usleep(50000);
echo 'persistent=0 closes: ', $before, ' then ', count($ours()), "\n";
// a child of fork() never takes the connection its parent left in the pool
$parent = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
$parent->getMessageCount();
unset($parent);
$pooled = $ours();
$pid = pcntl_fork();
if ($pid === 0) {
    $child = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
    $child->getMessageCount();
    $mine = array_diff($ours(), $pooled);
    file_put_contents(sys_get_temp_dir() . '/messenger-fork-' . getmypid(), count($mine) . ' new, ' . count(array_intersect($ours(), $pooled)) . ' pooled still there');
    exit(0);
}
pcntl_waitpid($pid, $status);
echo 'the child: ', file_get_contents(sys_get_temp_dir() . "/messenger-fork-$pid"), "\n";
unlink(sys_get_temp_dir() . "/messenger-fork-$pid");
$back = new Messenger\Bridge\Redis\Transport\RedisTransport($dsn);
echo "the parent's pooled connection still works: count ", $back->getMessageCount(), ', same: ', var_export($ours() === $pooled, true), "\n";
$raw('SELECT', '9');
$raw('DEL', $stream);
?>
--EXPECT--
one transport: 1 connection
gone: 1 connection kept
the next transport reuses it: true
two live transports: 2 connections
both gone: 2 kept
after the server closed them: count 0, 1 connection, new: true
persistent=0 closes: 2 then 1
the child: 1 new, 1 pooled still there
the parent's pooled connection still works: count 0, same: true
