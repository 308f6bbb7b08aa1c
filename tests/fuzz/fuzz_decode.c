/* libFuzzer harness for the binding's decoders of queue bytes, run inside PHP (the embed SAPI):
 * PhpSerializer::decode(), whose fast reader builds the Envelope straight from the bytes and
 * whose general path goes through the core rewrite and PHP's unserializer, and
 * JsonSerializer::decode(). The first byte picks the decoder and, for JSON, the message type.
 * Properties checked on every input, besides the sanitizers' own: decoding gives an Envelope or
 * a MessageDecodingFailedException, nothing else, and leaves no exception behind; an Envelope's
 * stamps answer every getter, and a worker handles it (handled, retried or sent to the failure
 * transport) without an exception reaching C. */
#include <stdint.h>
#include <stdlib.h>

#include "php.h"
#include "sapi/embed/php_embed.h"
#include "embed.h"


static zval php_serializer, json_serializer, decode_fn;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_embed_start();
	/* a message class, and the decode called from PHP code (an exception needs a frame to go to):
	 * the only exception it may raise is caught there; any other reaches C, and aborts */
	zend_eval_string("final class Msg { public int $n = 0; public ?Msg $next = null; public array $list = []; "
		"public ?DateTimeImmutable $at = null; public string|int|null $mixed = null; }\n"
		"function fuzz_decode($serializer, string $body, array $headers): bool {\n"
		"    try { $e = $serializer->decode(['body' => $body, 'headers' => $headers]); }\n"
		"    catch (Messenger\\Exception\\MessageDecodingFailedException $x) { return false; }\n"
		"    if (!$e instanceof Messenger\\Envelope) { throw new LogicException('not an Envelope'); }\n"
		/* what the worker and the failed:* commands read: every stamp's getters */
		"    foreach ($e->all() as $list) { foreach ($list as $stamp) { foreach ((new ReflectionObject($stamp))->getMethods() as $m) {\n"
		"        if ($m->isPublic() && !$m->isStatic() && $m->getNumberOfRequiredParameters() === 0 && $m->name !== '__construct') { $m->invoke($stamp); }\n"
		"    } } }\n"
		/* and a worker that handles it, as one received from a transport (its HandledStamps,
		 * RedeliveryStamp, DelayStamp...): handled, retried or sent to the failure transport */
		"    $m = new Messenger\\Messenger(['transports' => ['async' => 'in-memory://', 'failed' => 'in-memory://'], 'failure_transport' => 'failed',\n"
		"        'handlers' => ['*' => function (object $message) { if ($message instanceof Msg && $message->n % 3 === 1) { throw new RuntimeException('no'); } }]]);\n"
		"    $m->transport('async')->send($e);\n"
		"    $m->worker(['async'])->run(['limit' => 1, 'sleep' => 0]);\n"
		"    return true;\n"
		"}", NULL, "fuzz setup");
	zend_eval_string("new Messenger\\Transport\\Serialization\\PhpSerializer(['allowed_classes' => ['Msg']])", &php_serializer, "php");
	zend_eval_string("new Messenger\\Transport\\Serialization\\JsonSerializer(['allowed_classes' => ['Msg']])", &json_serializer, "json");
	ZVAL_STRING(&decode_fn, "fuzz_decode");
	if (Z_TYPE(php_serializer) != IS_OBJECT || Z_TYPE(json_serializer) != IS_OBJECT || EG(exception)) {
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0) {
		return 0;
	}
	static const char *const types[] = { "Msg", "stdClass", "DateTimeImmutable", "Nope" };
	zval args[3], rv;
	ZVAL_COPY_VALUE(&args[0], &php_serializer);
	ZVAL_STRINGL(&args[1], (const char *) data + 1, size - 1);
	array_init(&args[2]);
	if (data[0] & 1) {
		ZVAL_COPY_VALUE(&args[0], &json_serializer);
		add_assoc_string(&args[2], "type", types[(data[0] >> 1) & 3]);
		add_assoc_string(&args[2], "Content-Type", "application/json");
	}
	zend_first_try {
		if (call_user_function(NULL, NULL, &decode_fn, &rv, 3, args) != SUCCESS || EG(exception)) {
			abort();
		}
		zval_ptr_dtor(&rv);
	} zend_catch {
		abort(); /* an exception other than MessageDecodingFailedException, or a fatal error */
	} zend_end_try();
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&args[2]);
	return 0;
}
