/* libFuzzer harness for the serialized-envelope rewriter (src/core/msgr_phpser.c), the code
 * that reads bytes from a queue before PHP's unserializer does. Properties checked on every
 * input, besides the sanitizers' own (no overflow, no use after free, no UB, no leak):
 *   - the rewriter either succeeds or fails with MSGR_ERR_INVALID and a message;
 *   - what it writes parses again, to the same bytes (it never emits what it would reject);
 *   - stripslashes(addslashes(x)) == x. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/codec/phpser.h"

#define SF "Symfony\\Component\\Messenger\\"

static bool is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(name, want, len) == 0;
}

/* Rules in the manner of the binding's decoder: Symfony's Envelope and two stamps renamed,
 * a few classes allowed, the rest rejected; unknown stamps dropped; one property dropped. */
static int class_fn(void *ctx, int role, const char *name, size_t len, const char **to, size_t *to_len, char *reason)
{
	if (role == MSGR_PHPSER_ROLE_ENVELOPE) {
		if (is(name, len, SF "Envelope") || is(name, len, "Messenger\\Envelope")) {
			*to = "Messenger\\Envelope";
			*to_len = strlen(*to);
			return MSGR_PHPSER_RENAME;
		}
	} else if (role == MSGR_PHPSER_ROLE_STAMP) {
		if (is(name, len, SF "Stamp\\DelayStamp")) {
			*to = "Messenger\\Stamp\\DelayStamp";
			*to_len = strlen(*to);
			return MSGR_PHPSER_RENAME;
		}
		if (is(name, len, "Messenger\\Stamp\\DelayStamp") || is(name, len, "Messenger\\Stamp\\BusNameStamp")) {
			return MSGR_PHPSER_KEEP;
		}
	} else if (is(name, len, "App\\Hello") || is(name, len, "stdClass") || is(name, len, "App\\Suit") || is(name, len, "DateTimeImmutable")) {
		return MSGR_PHPSER_KEEP;
	}
	snprintf(reason, MSGR_ERROR_MAX, "class not allowed");
	return MSGR_PHPSER_REJECT;
}

static int stamp_key_fn(void *ctx, const char *name, size_t len, const char **to, size_t *to_len)
{
	if (is(name, len, SF "Stamp\\DelayStamp")) {
		*to = "Messenger\\Stamp\\DelayStamp";
		*to_len = strlen(*to);
		return MSGR_PHPSER_RENAME;
	}
	if (is(name, len, "Messenger\\Stamp\\DelayStamp") || is(name, len, "Messenger\\Stamp\\BusNameStamp")) {
		return MSGR_PHPSER_KEEP;
	}
	return MSGR_PHPSER_DROP;
}

static bool prop_fn(void *ctx, int role, const char *cls, size_t cls_len, const char *prop, size_t prop_len)
{
	if (role == MSGR_PHPSER_ROLE_ENVELOPE) {
		return is(prop, prop_len, "stamps") || is(prop, prop_len, "message");
	}
	return !is(prop, prop_len, "flattenException");
}

static const msgr_phpser_rules_t rules = { NULL, class_fn, stamp_key_fn, prop_fn, 64 };

/* Second pass: everything the first pass wrote is kept as it is. */
static int keep_class(void *ctx, int role, const char *name, size_t len, const char **to, size_t *to_len, char *reason)
{
	return MSGR_PHPSER_KEEP;
}

static int keep_key(void *ctx, const char *name, size_t len, const char **to, size_t *to_len)
{
	return MSGR_PHPSER_KEEP;
}

static const msgr_phpser_rules_t identity = { NULL, keep_class, keep_key, NULL, 64 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msgr_buf_t out = MSGR_BUF_INIT, again = MSGR_BUF_INIT, esc = MSGR_BUF_INIT, back = MSGR_BUF_INIT;
	msgr_error_t err;
	int rc = msgr_phpser_rewrite_envelope((const char *) data, size, &rules, &out, &err);
	if (rc != MSGR_OK && (rc != MSGR_ERR_INVALID || err.message[0] == '\0')) {
		abort();
	}
	if (rc == MSGR_OK) {
		if (msgr_phpser_rewrite_envelope(out.data, out.len, &identity, &again, &err) != MSGR_OK) {
			fprintf(stderr, "output does not parse again: %s\n", err.message);
			abort();
		}
		if (again.len != out.len || memcmp(again.data, out.data, out.len) != 0) {
			abort();
		}
	}
	if (msgr_phpser_addslashes((const char *) data, size, &esc) != MSGR_OK ||
		msgr_phpser_stripslashes(esc.data, esc.len, &back) != MSGR_OK || back.len != size ||
		(size && memcmp(back.data, data, size) != 0)) {
		abort();
	}
	(void) msgr_utf8_valid((const char *) data, size);
	msgr_buf_free(&out);
	msgr_buf_free(&again);
	msgr_buf_free(&esc);
	msgr_buf_free(&back);
	return 0;
}
