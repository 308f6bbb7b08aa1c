/* libFuzzer harness for what the table transport decodes: a row of its table, as a Symfony
 * producer, a Laravel-era script or an attacker with INSERT rights may have written it. The input
 * is the row's body, a NUL byte, then its headers column (JSON text, as Symfony writes it, or
 * not); the row is inserted into an SQLite table in memory and a worker reads it through a
 * DoctrineTransport (its claim, the header count of redeliveries, the JSON headers decoded into
 * any shape, the serializer the first byte picks) and handles it; what goes to the failure
 * transport (a table too) is then shown and retried with the messenger:failed:* commands. Runs
 * inside PHP's embed SAPI with the extension compiled in and Debian's pdo and pdo_sqlite loaded
 * with dl().
 * Properties checked on every input, besides the sanitizers' own: no exception reaches C, the row
 * has an outcome (handled, or in the failure transport) and is no longer in its table, and
 * messenger:failed:show lists and shows what the failure transport holds. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "php.h"
#include "sapi/embed/php_embed.h"
#include "embed.h"


/* PHP opens extensions with RTLD_DEEPBIND, which AddressSanitizer refuses: without it here (this
 * dlopen() comes before the sanitizer's and libc's) the system's pdo.so loads into the harness. */
void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);
	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}

static zval read_row_fn;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_embed_start();
	zend_eval_string("if (!dl('pdo.so') || !dl('pdo_sqlite.so')) { throw new LogicException('no pdo_sqlite'); }\n"
		"final class Msg { public int $n = 0; public ?Msg $next = null; public array $list = []; "
		"public ?DateTimeImmutable $at = null; public string|int|null $mixed = null; }\n"
		"$GLOBALS['pdo'] = new PDO('sqlite::memory:');\n"
		"$GLOBALS['outcomes'] = 0;\n"
		"$GLOBALS['messengers'] = [];\n"
		"foreach (['php' => 'PhpSerializer', 'json' => 'JsonSerializer'] as $format => $class) {\n"
		"    $serializer = new (\"Messenger\\\\Transport\\\\Serialization\\\\$class\")(['allowed_classes' => ['Msg']]);\n"
		"    $GLOBALS['messengers'][$format] = new Messenger\\Messenger([\n"
		"        'connections' => ['db' => $GLOBALS['pdo']],\n"
		"        'transports' => [\n"
		"            'async' => ['dsn' => \"doctrine://db?table_name=rows_$format&max_deliveries=2&redeliver_timeout=60\", 'retry_strategy' => ['max_retries' => 0], 'serializer' => $serializer],\n"
		"            'failed' => ['dsn' => \"doctrine://db?table_name=failed_$format\", 'serializer' => $serializer]],\n"
		"        'failure_transport' => 'failed',\n"
		"        'handlers' => ['*' => function (object $message) { $GLOBALS['outcomes']++; if ($message instanceof Msg && $message->n % 3 === 1) { throw new RuntimeException('no'); } }],\n"
		"        'listeners' => ['sent_to_failure' => function () { $GLOBALS['outcomes']++; }],\n"
		"    ]);\n"
		"    $GLOBALS['messengers'][$format]->setupTransports();\n"
		"}\n"
		"function fuzz_read_row(string $format, string $body, string $headers, bool $redelivered): void {\n"
		"    $pdo = $GLOBALS['pdo'];\n"
		"    $m = $GLOBALS['messengers'][$format];\n"
		"    $insert = $pdo->prepare(\"INSERT INTO rows_$format (body, headers, queue_name, created_at, available_at, delivered_at) VALUES (?, ?, 'default', '2026-01-01 00:00:00', '2000-01-01 00:00:00', ?)\");\n"
		"    $insert->execute([$body, $headers, $redelivered ? '2000-01-01 00:00:00' : null]);\n"
		"    $GLOBALS['outcomes'] = 0;\n"
		"    $m->worker(['async'])->run(['limit' => 1, 'sleep' => 0]);\n"
		/* a handler that threw is also in the failure transport: counted once there */
		"    $failed = $m->transport('failed');\n"
		"    $in_failure = $failed->getMessageCount();\n"
		/* and what an operator runs on it next */
		"    if ($in_failure) {\n"
		"        $id = $pdo->query(\"SELECT id FROM failed_$format\")->fetchColumn();\n"
		"        $console = new Messenger\\Console($m);\n"
		"        ob_start();\n"
		"        $codes = [$console->run(['console', 'messenger:failed:show', '-vv']), $console->run(['console', 'messenger:failed:show', (string) $id, '-vv']),\n"
		"            $console->run(['console', 'messenger:failed:retry', '--force'])];\n"
		"        ob_end_clean();\n"
		"        if ($codes[0] !== 0 || $codes[1] !== 0) { throw new LogicException('messenger:failed:show exited with ' . implode(', ', $codes)); }\n"
		"        $pdo->exec(\"DELETE FROM failed_$format\");\n"
		"    }\n"
		"    $left = (int) $pdo->query(\"SELECT COUNT(*) FROM rows_$format\")->fetchColumn();\n"
		"    if ($left !== 0 || ($GLOBALS['outcomes'] < 1 && $in_failure < 1)) {\n"
		"        throw new LogicException(\"row left: $left, outcomes: {$GLOBALS['outcomes']}, in the failure transport: $in_failure\");\n"
		"    }\n"
		"}", NULL, "fuzz setup");
	ZVAL_STRING(&read_row_fn, "fuzz_read_row");
	if (EG(exception)) {
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0) {
		return 0;
	}
	/* first byte: the serializer (bit 0) and whether the row was delivered before (bit 1) */
	const char *rest = (const char *) data + 1;
	size_t len = size - 1;
	const char *nul = memchr(rest, '\0', len);
	size_t body_len = nul ? (size_t) (nul - rest) : len;
	zval args[4], rv;
	ZVAL_STRING(&args[0], data[0] & 1 ? "json" : "php");
	ZVAL_STRINGL(&args[1], rest, body_len);
	if (nul) {
		ZVAL_STRINGL(&args[2], nul + 1, len - body_len - 1);
	} else {
		ZVAL_STRING(&args[2], "[]");
	}
	ZVAL_BOOL(&args[3], (data[0] & 2) != 0);
	zend_first_try {
		if (call_user_function(NULL, NULL, &read_row_fn, &rv, 4, args) != SUCCESS || EG(exception)) {
			abort();
		}
		zval_ptr_dtor(&rv);
	} zend_catch {
		abort(); /* an exception, or a fatal error */
	} zend_end_try();
	for (int i = 0; i < 3; i++) {
		zval_ptr_dtor(&args[i]);
	}
	return 0;
}
