/* libFuzzer harness for what the Redis transport reads of a Sentinel group or a Cluster: the
 * replies of CLUSTER SLOTS, SENTINEL GET-MASTER-ADDR-BY-NAME, SENTINEL REPLICAS and ROLE, and
 * MOVED/ASK errors (whose host may be empty: "the same host"), as hiredis' reader makes them from the bytes a server (or anything that
 * answers on its port) sends. The first two bytes choose the slot looked for. Properties checked
 * on every reply, besides the sanitizers' own: an address found has a host that is a C string
 * of its buffer and a port from 1 to 65535; counts are in bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/redis/topology.h"

/* hiredis 0.14 (Debian 12's) allocates an array reply's element table from its header, up to
 * 2^63 entries: a header of billions fails that calloc(), which hiredis reports as an error (the
 * transport sees a protocol error). Here too, instead of the fuzzer calling it out of memory. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1:max_allocation_size_mb=512";
}

static void check(const msgr_redis_addr_t *a, bool empty_ok)
{
	if (a->port < 1 || a->port > 65535 || !memchr(a->host, '\0', sizeof(a->host)) || (!a->host[0] && !empty_ok)) {
		abort();
	}
	for (const char *c = a->host; *c; c++) {
		if ((unsigned char) *c <= ' ') {
			abort();
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2) {
		return 0;
	}
	unsigned slot = ((unsigned) data[0] << 8 | data[1]) & 16383;
	redisReader *reader = redisReaderCreate();
	if (!reader) {
		return 0;
	}
	redisReaderFeed(reader, (const char *) data + 2, size - 2);
	for (int n = 0; n < 8; n++) {
		void *reply = NULL;
		if (redisReaderGetReply(reader, &reply) != REDIS_OK || !reply) {
			break;
		}
		msgr_redis_addr_t a;
		bool ask;
		int replicas = -1;
		if (msgr_redis_redirect(reply, &ask, &a)) {
			check(&a, true);
		}
		if (msgr_redis_slot_owner(reply, slot, &a, &replicas)) {
			check(&a, false);
			if (replicas < 0) {
				abort();
			}
		}
		if (msgr_redis_sentinel_addr(reply, &a)) {
			check(&a, false);
		}
		if (msgr_redis_sentinel_replicas_up(reply) < -1) {
			abort();
		}
		(void) msgr_redis_role_primary(reply);
		freeReplyObject(reply);
	}
	redisReaderFree(reader);
	return 0;
}
