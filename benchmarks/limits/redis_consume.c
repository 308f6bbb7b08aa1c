/* The physical limit of a consumer of a Redis stream on this machine, for the worker's figures
 * to be read against: hiredis alone, no PHP, reading N entries of `bytes` bytes with XREADGROUP
 * COUNT batch, the XACK + XDEL of each batch in the same write as the next read (what our worker
 * does), until the stream is empty. Usage: redis_consume PORT N BATCH BYTES. Prints one JSON line. */
#include <hiredis/hiredis.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static redisReply *must(redisContext *c, redisReply *r)
{
	if (!r || r->type == REDIS_REPLY_ERROR) {
		fprintf(stderr, "redis: %s\n", r ? r->str : c->errstr);
		exit(1);
	}
	return r;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s PORT N BATCH BYTES\n", argv[0]);
		return 2;
	}
	int port = atoi(argv[1]);
	long n = atol(argv[2]), batch = atol(argv[3]), bytes = atol(argv[4]);
	redisContext *c = redisConnect("127.0.0.1", port);
	if (!c || c->err) {
		fprintf(stderr, "cannot connect\n");
		return 1;
	}
	const char *stream = "limits_probe";
	freeReplyObject(must(c, redisCommand(c, "DEL %s", stream)));
	freeReplyObject(must(c, redisCommand(c, "XGROUP CREATE %s g 0 MKSTREAM", stream)));
	char *payload = malloc((size_t) bytes);
	memset(payload, 'x', (size_t) bytes);
	for (long i = 0; i < n; i++) {
		redisAppendCommand(c, "XADD %s * message %b", stream, payload, (size_t) bytes);
		if (i % 1000 == 999 || i == n - 1) {
			for (long k = i - i % 1000; k <= i; k++) {
				redisReply *r;
				redisGetReply(c, (void **) &r);
				freeReplyObject(must(c, r));
			}
		}
	}
	char count[24];
	snprintf(count, sizeof(count), "%ld", batch);
	const char **args = malloc(sizeof(char *) * (size_t) (batch + 3));
	size_t *lens = malloc(sizeof(size_t) * (size_t) (batch + 3));
	char (*ids)[32] = malloc(32 * (size_t) batch);
	long held = 0, consumed = 0;
	double start = now_s();
	for (;;) {
		int pending = 0;
		if (held) {
			/* XACK stream g ids... and XDEL stream ids..., then the read: one write */
			args[0] = "XACK"; args[1] = stream; args[2] = "g";
			for (long i = 0; i < held; i++) {
				args[3 + i] = ids[i];
			}
			for (long i = 0; i < held + 3; i++) {
				lens[i] = strlen(args[i]);
			}
			redisAppendCommandArgv(c, (int) held + 3, args, lens);
			args[0] = "XDEL"; args[1] = stream;
			for (long i = 0; i < held; i++) {
				args[2 + i] = ids[i];
			}
			for (long i = 0; i < held + 2; i++) {
				lens[i] = strlen(args[i]);
			}
			redisAppendCommandArgv(c, (int) held + 2, args, lens);
			pending = 2;
		}
		redisAppendCommand(c, "XREADGROUP GROUP g c COUNT %s STREAMS %s >", count, stream);
		for (int i = 0; i < pending; i++) {
			redisReply *r;
			redisGetReply(c, (void **) &r);
			freeReplyObject(must(c, r));
		}
		redisReply *r;
		redisGetReply(c, (void **) &r);
		must(c, r);
		held = 0;
		if (r->type == REDIS_REPLY_ARRAY && r->elements == 1) {
			redisReply *entries = r->element[0]->element[1];
			for (size_t i = 0; i < entries->elements; i++) {
				snprintf(ids[held++], 32, "%s", entries->element[i]->element[0]->str);
			}
		}
		freeReplyObject(r);
		consumed += held;
		if (held == 0) {
			break;
		}
	}
	double seconds = now_s() - start;
	freeReplyObject(must(c, redisCommand(c, "DEL %s", stream)));
	printf("{\"probe\":\"hiredis XREADGROUP COUNT %ld + XACK/XDEL per batch\",\"n\":%ld,\"msg_per_s\":%.0f}\n", batch, consumed, (double) consumed / seconds);
	redisFree(c);
	free(payload);
	free(args);
	free(lens);
	free(ids);
	return consumed == n ? 0 : 1;
}
