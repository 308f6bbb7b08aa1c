/* libFuzzer harness for what a webhook delivery reads from the bytes an endpoint (or its
 * configuration) hands it: the lookup of response headers, the Retry-After value, base64 and
 * "whsec_" secrets. Properties checked on every input, besides the sanitizers' own: a header
 * value lies inside the input, on one line, without the blanks around it; a wait is -1 or whole
 * seconds; what decodes re-encodes and decodes to the same bytes; a secret that gives a key
 * signs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/http/webhook.h"

static void check_header(const char *raw, size_t size, const char *name)
{
	size_t len = 0;
	const char *v = msgr_webhook_header(raw, size, name, &len);
	if (!v) {
		return;
	}
	if (v < raw || len > size || v + len > raw + size || memchr(v, '\n', len)) {
		abort();
	}
	if (len && (v[0] == ' ' || v[0] == '\t' || v[len - 1] == ' ' || v[len - 1] == '\t' || v[len - 1] == '\r')) {
		abort();
	}
	/* what the worker does with a Retry-After it found */
	long long ms = msgr_webhook_retry_after_ms(v, len, 1445412480);
	if (ms < -1 || (ms > 0 && ms % 1000 != 0)) {
		abort();
	}
}

static void check_base64(const char *in, size_t size)
{
	msgr_buf_t plain = MSGR_BUF_INIT;
	if (msgr_base64_decode(in, size, &plain) == 0) {
		if (plain.len > size / 4 * 3 || plain.len + 2 < size / 4 * 3 || plain.data[plain.len] != '\0') {
			abort();
		}
		msgr_buf_t coded = MSGR_BUF_INIT, again = MSGR_BUF_INIT;
		if (msgr_base64_encode((const unsigned char *) plain.data, plain.len, &coded) != 0 || coded.len != size
				|| msgr_base64_decode(coded.data, coded.len, &again) != 0 || again.len != plain.len
				|| memcmp(again.data, plain.data, plain.len) != 0) {
			abort();
		}
		msgr_buf_free(&coded);
		msgr_buf_free(&again);
	} else if (plain.len != 0) {
		abort();
	}
	msgr_buf_free(&plain);
}

static void check_secret(const char *secret, size_t size)
{
	msgr_buf_t key = MSGR_BUF_INIT, sig = MSGR_BUF_INIT;
	int rc = msgr_webhook_secret_key(secret, size, &key);
	if (rc != 0 && rc != -1) {
		abort();
	}
	int signed_rc = msgr_webhook_sign_standard(secret, size, "msg_1", 1614265330, "{}", 2, &sig);
	/* one usable secret signs; rotation (spaces) may make it refuse, never the other way */
	if (rc == 0 && key.len > 0 && !memchr(secret, ' ', size) && (signed_rc != 0 || sig.len != 47)) {
		abort();
	}
	if (signed_rc == 0 && (sig.len < 47 || memcmp(sig.data, "v1,", 3) != 0)) {
		abort();
	}
	msgr_buf_free(&key);
	msgr_buf_free(&sig);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *) data;
	static const char *const names[] = { "Retry-After", "retry-after", "Content-Type", "R", "X-Retry-After-Ms", "" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		check_header(in, size, names[i]);
	}
	long long ms = msgr_webhook_retry_after_ms(in, size, 1445412480);
	if (ms < -1 || (ms > 0 && ms % 1000 != 0)) {
		abort();
	}
	check_base64(in, size);
	check_secret(in, size);
	return 0;
}
