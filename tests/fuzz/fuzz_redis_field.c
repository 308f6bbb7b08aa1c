/* libFuzzer harness for the reader of a Redis stream entry's "message" field (Symfony's
 * {"body": ..., "headers": {...}} JSON, or the igbinary/serialize() forms it may hold): the
 * first thing a worker does with bytes that come off a Redis stream. Properties checked on every
 * input, besides the sanitizers' own: it succeeds (a body, headers of strings) or fails with an
 * error code and a message, and what it made is freed whole. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/redis/redis.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	msgr_message_t m;
	memset(&m, 0, sizeof(m));
	msgr_error_t err;
	int rc = msgr_redis_read_field((const char *) data, size, &m, &err);
	if (rc == MSGR_OK) {
		if (!m.problem && m.body == NULL && m.body_len != 0) {
			abort();
		}
		for (size_t i = 0; i < m.header_count; i++) {
			if (!m.headers[i].name || !m.headers[i].value) {
				abort();
			}
		}
	} else if (rc >= 0 || err.message[0] == '\0') {
		abort();
	}
	msgr_message_free(&m);
	return 0;
}
