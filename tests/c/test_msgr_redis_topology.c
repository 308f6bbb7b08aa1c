/* What the Redis transport reads of a Sentinel group or a Cluster: slots and hash tags, MOVED
 * and ASK, CLUSTER SLOTS, the sentinels' replies; replies made by hiredis' reader from the
 * bytes a server sends, malformed ones included. */
#include "leakcheck.h"
#include "core/redis/topology.h"

#include <string.h>

/* the reply in resp (whole), parsed by hiredis */
static redisReply *reply_of(const char *resp)
{
	redisReader *reader = redisReaderCreate();
	assert_non_null(reader);
	assert_int_equal(redisReaderFeed(reader, resp, strlen(resp)), REDIS_OK);
	void *reply = NULL;
	assert_int_equal(redisReaderGetReply(reader, &reply), REDIS_OK);
	assert_non_null(reply);
	redisReaderFree(reader);
	return reply;
}

static unsigned slot(const char *key)
{
	return msgr_redis_key_slot(key, strlen(key));
}

static void test_slots_and_hash_tags(void **state)
{
	/* the values redis-cli CLUSTER KEYSLOT gives */
	assert_int_equal(slot("123456789"), 12739);
	assert_int_equal(slot("foo"), 12182);
	assert_int_equal(slot("messages"), 8959);
	assert_int_equal(slot("{messages}"), 8959);
	assert_int_equal(slot("{messages}__queue"), 8959);
	assert_int_equal(slot("{user1000}.following"), slot("user1000"));
	assert_int_equal(slot("foo{}{bar}"), 8363); /* an empty tag: the whole key */
	assert_int_not_equal(slot("foo{}{bar}"), slot("bar"));
	assert_int_equal(slot("foo{{bar}}zap"), slot("{bar"));
	assert_int_equal(slot("foo{bar}{zap}"), slot("bar"));
	assert_int_equal(slot(""), 0);
	assert_true(msgr_redis_has_tag("{messages}"));
	assert_true(msgr_redis_has_tag("app.{jobs}.stream"));
	assert_false(msgr_redis_has_tag("messages"));
	assert_false(msgr_redis_has_tag("a{}b"));
	assert_false(msgr_redis_has_tag("a{b"));
}

static void test_redirects(void **state)
{
	msgr_redis_addr_t to;
	bool ask = true;
	redisReply *r = reply_of("-MOVED 3999 127.0.0.1:6381\r\n");
	assert_true(msgr_redis_redirect(r, &ask, &to));
	assert_false(ask);
	assert_string_equal(to.host, "127.0.0.1");
	assert_int_equal(to.port, 6381);
	freeReplyObject(r);
	r = reply_of("-ASK 8959 ::1:7002\r\n");
	assert_true(msgr_redis_redirect(r, &ask, &to));
	assert_true(ask);
	assert_string_equal(to.host, "::1");
	assert_int_equal(to.port, 7002);
	freeReplyObject(r);
	/* Redis 7 without the node's address: the same host (the caller's) */
	r = reply_of("-MOVED 1 :7003\r\n");
	assert_true(msgr_redis_redirect(r, &ask, &to));
	assert_string_equal(to.host, "");
	assert_int_equal(to.port, 7003);
	freeReplyObject(r);
	const char *bad[] = { "-MOVED\r\n", "-MOVED 1\r\n", "-MOVED x 127.0.0.1:1\r\n", "-MOVED 1 127.0.0.1\r\n", "-MOVED 1 127.0.0.1:0\r\n",
		"-MOVED 1 127.0.0.1:65536\r\n", "-MOVED 1 a b:7000\r\n", "-ASK 1 h:12a\r\n", "-ERR MOVED 1 h:1\r\n", "+MOVED 1 h:1\r\n", ":1\r\n", NULL };
	for (size_t i = 0; bad[i]; i++) {
		r = reply_of(bad[i]);
		assert_false(msgr_redis_redirect(r, &ask, &to));
		freeReplyObject(r);
	}
	assert_false(msgr_redis_redirect(NULL, &ask, &to));
}

static void test_cluster_slots(void **state)
{
	/* three ranges; the second with two replicas, the last with none */
	redisReply *r = reply_of("*3\r\n"
		"*4\r\n:0\r\n:5460\r\n*3\r\n$9\r\n127.0.0.1\r\n:7000\r\n$4\r\nid-a\r\n*3\r\n$9\r\n127.0.0.1\r\n:7003\r\n$4\r\nid-d\r\n"
		"*5\r\n:5461\r\n:10922\r\n*2\r\n$9\r\n127.0.0.1\r\n:7001\r\n*2\r\n$9\r\n127.0.0.1\r\n:7004\r\n*2\r\n$9\r\n127.0.0.1\r\n:7005\r\n"
		"*3\r\n:10923\r\n:16383\r\n*2\r\n$9\r\n127.0.0.1\r\n:7002\r\n");
	msgr_redis_addr_t owner;
	int replicas = -1;
	assert_true(msgr_redis_slot_owner(r, 0, &owner, &replicas));
	assert_int_equal(owner.port, 7000);
	assert_int_equal(replicas, 1);
	assert_true(msgr_redis_slot_owner(r, 8959, &owner, &replicas));
	assert_string_equal(owner.host, "127.0.0.1");
	assert_int_equal(owner.port, 7001);
	assert_int_equal(replicas, 2);
	assert_true(msgr_redis_slot_owner(r, 16383, &owner, &replicas));
	assert_int_equal(owner.port, 7002);
	assert_int_equal(replicas, 0);
	assert_false(msgr_redis_slot_owner(r, 16384, &owner, &replicas));
	freeReplyObject(r);
	/* a slot no range serves (a cluster being made), and garbage */
	const char *bad[] = { "*0\r\n", "*1\r\n*2\r\n:0\r\n:16383\r\n", "*1\r\n*3\r\n:0\r\n:16383\r\n*2\r\n:1\r\n:7000\r\n",
		"*1\r\n*3\r\n:0\r\n:16383\r\n*2\r\n$9\r\n127.0.0.1\r\n:0\r\n", "*1\r\n*3\r\n:0\r\n:16383\r\n*1\r\n$9\r\n127.0.0.1\r\n",
		"*1\r\n*3\r\n$1\r\n0\r\n:16383\r\n*2\r\n$1\r\nh\r\n:1\r\n", "-ERR This instance has cluster support disabled\r\n", "$-1\r\n", NULL };
	for (size_t i = 0; bad[i]; i++) {
		r = reply_of(bad[i]);
		assert_false(msgr_redis_slot_owner(r, 100, &owner, &replicas));
		freeReplyObject(r);
	}
}

static void test_sentinel_replies(void **state)
{
	msgr_redis_addr_t primary;
	redisReply *r = reply_of("*2\r\n$9\r\n127.0.0.1\r\n$4\r\n6380\r\n");
	assert_true(msgr_redis_sentinel_addr(r, &primary));
	assert_string_equal(primary.host, "127.0.0.1");
	assert_int_equal(primary.port, 6380);
	freeReplyObject(r);
	const char *bad[] = { "*-1\r\n", "$-1\r\n", "*1\r\n$9\r\n127.0.0.1\r\n", "*2\r\n$9\r\n127.0.0.1\r\n$1\r\nx\r\n", "*2\r\n$9\r\n127.0.0.1\r\n:6380\r\n",
		"*2\r\n$0\r\n\r\n$4\r\n6380\r\n", "-IDONTKNOW\r\n", NULL };
	for (size_t i = 0; bad[i]; i++) {
		r = reply_of(bad[i]);
		assert_false(msgr_redis_sentinel_addr(r, &primary));
		freeReplyObject(r);
	}
	/* SENTINEL REPLICAS: flat field lists; one up, one down, one disconnected, one without flags */
	r = reply_of("*4\r\n"
		"*4\r\n$4\r\nname\r\n$14\r\n127.0.0.1:6381\r\n$5\r\nflags\r\n$5\r\nslave\r\n"
		"*4\r\n$4\r\nname\r\n$14\r\n127.0.0.1:6382\r\n$5\r\nflags\r\n$12\r\ns_down,slave\r\n"
		"*2\r\n$5\r\nflags\r\n$18\r\nslave,disconnected\r\n"
		"*2\r\n$4\r\nname\r\n$1\r\nx\r\n");
	assert_int_equal(msgr_redis_sentinel_replicas_up(r), 1);
	freeReplyObject(r);
	r = reply_of("*0\r\n");
	assert_int_equal(msgr_redis_sentinel_replicas_up(r), 0);
	freeReplyObject(r);
	r = reply_of("*1\r\n:1\r\n");
	assert_int_equal(msgr_redis_sentinel_replicas_up(r), -1);
	freeReplyObject(r);
	r = reply_of("*3\r\n$6\r\nmaster\r\n:3129659\r\n*0\r\n");
	assert_true(msgr_redis_role_primary(r));
	freeReplyObject(r);
	r = reply_of("*5\r\n$5\r\nslave\r\n$9\r\n127.0.0.1\r\n:9753\r\n$9\r\nconnected\r\n:3167038\r\n");
	assert_false(msgr_redis_role_primary(r));
	freeReplyObject(r);
	r = reply_of("*0\r\n");
	assert_false(msgr_redis_role_primary(r));
	freeReplyObject(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_slots_and_hash_tags),
		LEAK_TEST(test_redirects),
		LEAK_TEST(test_cluster_slots),
		LEAK_TEST(test_sentinel_replies),
	};
	return cmocka_run_group_tests_name("msgr_redis_topology", tests, NULL, NULL);
}
