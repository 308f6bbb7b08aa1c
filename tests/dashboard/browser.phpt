--TEST--
The dashboard in a real browser (Debian's headless Chromium over the DevTools protocol) against messenger:dashboard, a running worker and SQLite transports: it shows the counts, the success rate, the worker, the failed messages; a hostile payload stays text; a real click on Retry sends a message back (the worker handles it and it leaves the failure transport); Remove on a selection; the 5 s refresh; a screenshot kept in build/artifacts
--EXTENSIONS--
messenger
pdo_sqlite
--SKIPIF--
<?php require __DIR__ . '/cdp.inc'; if (!Cdp::binary()) die('skip chromium (Debian package) is not installed: scripts/deps.sh test installs it'); ?>
--FILE--
<?php
require __DIR__ . '/../_inc/observe.inc';
require __DIR__ . '/cdp.inc';
$dir = sys_get_temp_dir() . '/messenger-dash-browser-' . getmypid();
rm_tree($dir);
make_app($dir, <<<'PHP'
<?php
if (!class_exists('Sms')) {
    final class Sms { public function __construct(public string $to) {} }
}
return [
    'transports' => ['async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]], 'failed' => 'doctrine://default?queue_name=failed'],
    'failure_transport' => 'failed',
    'routing' => [Sms::class => 'async'],
    'handlers' => [Sms::class => function (Sms $s) {
        // "flaky" fails until the operator fixed it (a file in var/)
        if ($s->to === 'flaky' && !file_exists(__DIR__ . '/../var/fixed')) { throw new RuntimeException('gateway down'); }
        if (str_starts_with($s->to, 'bad')) { throw new RuntimeException("cannot text {$s->to} <img src=x onerror=\"window.__xss=1\">"); }
    }],
];
PHP);
$m = Messenger\Messenger::fromFile("$dir/config/messenger.php");
$m->setupTransports();
foreach (['ok1', 'ok2', 'ok3', 'flaky', 'bad2', 'bad<script>window.__xss=1</script>'] as $to) {
    $m->dispatch(new Sms($to));
}
$worker = start_console($dir, ['messenger:consume', 'async', '--sleep=0.2'], 'worker.log');
wait_for(fn () => $m->transport('failed')->getMessageCount() === 3 ?: null, 30, 'the worker to fail three messages');
$port = free_port();
$dash = start_console($dir, ['messenger:dashboard', "--listen=127.0.0.1:$port"], 'dashboard.log');
wait_for(fn () => http('GET', "http://127.0.0.1:$port/api/stats"), 20, 'the dashboard to listen');

$b = Cdp::launch(1280, 900);
$b->acceptDialogs(true);
$b->navigate("http://127.0.0.1:$port/");
$b->waitFor("document.body.dataset.loaded === '1' && document.querySelectorAll('#failed tbody tr[data-id]').length === 3");
// the worker's first report after its messages: within 5 s
$b->waitFor("document.getElementById('rate-today').textContent === '50.0%'", 20);
$text = fn (string $sel) => $b->eval('document.querySelector(' . json_encode($sel) . ')?.textContent.trim() ?? null');
echo 'async waiting: ', $text('#transports tr[data-transport="async"] .waiting'), ', its failed: ', $text('#transports tr[data-transport="async"] .failed'), "\n";
echo 'failed waiting: ', $text('#transports tr[data-transport="failed"] .waiting'), "\n";
echo 'success rate today: ', $text('#rate-today'), ', overall: ', $text('#rate-overall'), "\n";
$pid = proc_get_status($worker)['pid'];
$b->waitFor("!!document.querySelector('#workers tr[data-pid=\"$pid\"]')");
echo 'the worker is listed: ', $text("#workers tr[data-pid=\"$pid\"] td:nth-child(3)"), "\n";
echo 'chart bars or lines drawn: ', var_export($b->eval("document.querySelectorAll('#chart *').length > 5"), true), "\n";

// the hostile message: shown as text, never run
$hostile = $b->eval("[...document.querySelectorAll('#failed tbody tr[data-id]')].find(r => r.textContent.includes('bad<script>'))?.dataset.id");
echo 'the hostile error shown as text: ', var_export($b->eval("[...document.querySelectorAll('#failed td')].some(td => td.textContent.includes('<img src=x onerror'))"), true),
    ', img elements in the table: ', $b->eval("document.querySelectorAll('#failed img, #failed script').length"), "\n";
$b->click("#failed tr[data-id=\"$hostile\"] td:nth-child(3)");
$b->waitFor("!document.getElementById('detail').hidden && document.getElementById('detail-payload').textContent.length > 0");
echo 'detail payload has the script as text: ', var_export(str_contains($text('#detail-payload'), '<script>window.__xss=1</script>'), true),
    ', error: ', $text('#detail-error') !== '' ? 'shown' : 'empty', ', stamps listed: ', $b->eval("document.querySelectorAll('#detail-stamps li').length > 2 ? 'yes' : 'no'"), "\n";
echo 'window.__xss after all that: ', json_encode($b->eval('window.__xss')), "\n";
$b->click('#detail-close');
$b->waitFor("document.getElementById('detail').hidden");

// Retry with a real click: the operator fixed the gateway first
touch("$dir/var/fixed");
$flaky = $b->eval("[...document.querySelectorAll('#failed tbody tr[data-id]')].find(r => r.textContent.includes('gateway down'))?.dataset.id");
$b->click("#failed tr[data-id=\"$flaky\"] button.retry");
$b->waitFor("!document.querySelector('#failed tr[data-id=\"$flaky\"]') && document.querySelectorAll('#failed tbody tr[data-id]').length === 2");
echo 'after Retry: rows ', $b->eval("document.querySelectorAll('#failed tbody tr[data-id]').length"), ', status: ', str_replace($flaky, 'ID', $text('#status')), "\n";
wait_for(fn () => $m->transport('async')->getMessageCount() === 0 && $m->transport('failed')->getMessageCount() === 2 ?: null, 20, 'the worker to handle the retried message');
echo 'the failure transport holds ', $m->transport('failed')->getMessageCount(), ', async ', $m->transport('async')->getMessageCount(), "\n";
// the worker's report reaches the page within its 5 s and the page's 5 s refresh
$b->waitFor("document.getElementById('rate-today').textContent === '57.1%'", 30);
echo 'success rate today after the retry: ', $text('#rate-today'), ' (', $text('#handled-today'), ' handled, ', $text('#failed-today'), " failed)\n";

// Remove on a selection (the confirm() is accepted)
$b->click("#failed tr[data-id=\"$hostile\"] input.select");
$b->click('#remove-selected');
$b->waitFor("document.querySelectorAll('#failed tbody tr[data-id]').length === 1");
echo 'after Remove: rows 1, failure transport holds ', $m->transport('failed')->getMessageCount(), "\n";

// the refresh ticks by itself every 5 s
$n = (int) $b->eval('document.body.dataset.refreshes');
$b->waitFor("Number(document.body.dataset.refreshes) > $n", 12);
echo "refreshed by itself\n";
@mkdir(__DIR__ . '/../../build/artifacts', 0777, true);
$shot = __DIR__ . '/../../build/artifacts/dashboard.png';
$b->screenshot($shot);
echo 'screenshot: ', substr(file_get_contents($shot), 1, 3), ', over 20 KB: ', var_export(filesize($shot) > 20000, true), "\n";
echo 'console errors: ', json_encode($b->consoleErrors()), "\n";
$b->close();
foreach ([$dash, $worker] as $p) {
    proc_terminate($p, SIGTERM);
    echo 'exit ', proc_close($p), "\n";
}
rm_tree($dir);
?>
--EXPECT--
async waiting: 0, its failed: 3
failed waiting: 3
success rate today: 50.0%, overall: 50.0%
the worker is listed: async
chart bars or lines drawn: true
the hostile error shown as text: true, img elements in the table: 0
detail payload has the script as text: true, error: shown, stamps listed: yes
window.__xss after all that: null
after Retry: rows 2, status: Retried ID
the failure transport holds 2, async 0
success rate today after the retry: 57.1% (4 handled, 3 failed)
after Remove: rows 1, failure transport holds 1
refreshed by itself
screenshot: PNG, over 20 KB: true
console errors: []
exit 0
exit 0
