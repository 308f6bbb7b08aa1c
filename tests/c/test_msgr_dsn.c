#include "leakcheck.h"
#include "core/base/dsn.h"

#include <string.h>

static int parse(const char *s, msgr_dsn_t *dsn, msgr_error_t *err)
{
	return msgr_dsn_parse(s, strlen(s), dsn, err);
}

static void test_full_dsn(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(parse("Redis://us%40r:p%3Ass@cache.local:6380/messages/group?auth=x&delete_after_ack=false&tls", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.scheme, "redis");
	assert_string_equal(dsn.user, "us@r");
	assert_string_equal(dsn.password, "p:ss");
	assert_string_equal(dsn.host, "cache.local");
	assert_int_equal(dsn.port, 6380);
	assert_string_equal(dsn.path, "/messages/group");
	assert_int_equal(dsn.param_count, 3);
	assert_string_equal(msgr_dsn_param(&dsn, "delete_after_ack"), "false");
	assert_string_equal(msgr_dsn_param(&dsn, "tls"), "");
	assert_null(msgr_dsn_param(&dsn, "missing"));
	msgr_dsn_free(&dsn);
}

static void test_minimal_and_named(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(parse("in-memory://", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.scheme, "in-memory");
	assert_string_equal(dsn.host, "");
	assert_int_equal(dsn.port, 0);
	assert_null(dsn.user);
	msgr_dsn_free(&dsn);

	assert_int_equal(parse("doctrine://default?table_name=fusio_messenger&queue_name=a+b", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.host, "default");
	assert_string_equal(msgr_dsn_param(&dsn, "table_name"), "fusio_messenger");
	assert_string_equal(msgr_dsn_param(&dsn, "queue_name"), "a b");
	msgr_dsn_free(&dsn);
}

static void test_socket_path_and_ipv6(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(parse("redis:///var/run/redis.sock", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.host, "");
	assert_string_equal(dsn.path, "/var/run/redis.sock");
	msgr_dsn_free(&dsn);

	assert_int_equal(parse("amqp://[::1]:5672/%2f/messages", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.host, "::1");
	assert_int_equal(dsn.port, 5672);
	assert_string_equal(dsn.path, "///messages");
	msgr_dsn_free(&dsn);
}

/* host1:port1,host2,[v6]:port3: the first in host/port, the others in more_hosts */
static void test_host_list(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(parse("amqp://u:p@h1:5673,h2,[::1]:5674/v/x?heartbeat=1", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.host, "h1");
	assert_int_equal(dsn.port, 5673);
	assert_int_equal(dsn.more_host_count, 2);
	assert_string_equal(dsn.more_hosts[0].host, "h2");
	assert_int_equal(dsn.more_hosts[0].port, 0);
	assert_string_equal(dsn.more_hosts[1].host, "::1");
	assert_int_equal(dsn.more_hosts[1].port, 5674);
	assert_string_equal(dsn.password, "p");
	assert_string_equal(dsn.path, "/v/x");
	msgr_dsn_free(&dsn);
	assert_int_equal(parse("amqp://h1,/v", &dsn, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "empty"));
	assert_int_equal(parse("amqp://,h2/v", &dsn, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "empty"));
	assert_int_equal(parse("amqp://h1,h2:99999/v", &dsn, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "port"));
	(void) state;
}

static void test_password_may_contain_at(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(parse("redis://u:p@ss@h:1", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.password, "p@ss");
	assert_string_equal(dsn.host, "h");
	msgr_dsn_free(&dsn);
}

static void test_bad_input_is_rejected_without_leaks(void **state)
{
	static const char *bad[] = {
		"no-scheme", "://host", "1abc://x", "redis://h:0", "redis://h:65536", "redis://h:12x",
		"redis://h:", "redis://[::1", "redis://[::1]x", "redis://h/%zz", "redis://u:%4@h",
		"redis://h?=v", "redis://h#frag", "redis://h:123456",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_dsn_t dsn;
		msgr_error_t err;
		assert_int_equal(parse(bad[i], &dsn, &err), MSGR_ERR_INVALID);
		assert_true(strlen(err.message) > 0);
		assert_null(dsn.scheme);
	}
}

static void test_nul_byte_is_rejected(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(msgr_dsn_parse("redis://h\0x", 11, &dsn, &err), MSGR_ERR_INVALID);
}

static void test_error_never_contains_password(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	assert_int_equal(parse("redis://user:s3cret@h:99999", &dsn, &err), MSGR_ERR_INVALID);
	assert_null(strstr(err.message, "s3cret"));
	assert_int_equal(parse("redis://user:s3cret%zz@h", &dsn, &err), MSGR_ERR_INVALID);
	assert_null(strstr(err.message, "s3cret"));
}

static void test_out_of_memory_at_every_step(void **state)
{
	/* every allocation of a parse fails once in turn: always NOMEM, never a leak */
	const char *s = "redis://u:p@h:1/path?a=1&b=2";
	for (long n = 0; n < 64; n++) {
		msgr_dsn_t dsn;
		msgr_error_t err;
		leak_fail_after = n;
		int rc = parse(s, &dsn, &err);
		leak_fail_after = -1;
		if (rc == MSGR_OK) {
			msgr_dsn_free(&dsn);
			break;
		}
		assert_int_equal(rc, MSGR_ERR_NOMEM);
		assert_int_equal(leak_outstanding, 0);
	}
}

static void test_redact(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	const char *s = "amqp://guest:s3cret@rabbit:5672/%2f?x=1";
	assert_int_equal(msgr_dsn_redact(s, strlen(s), &out), MSGR_OK);
	assert_string_equal(out.data, "amqp://guest:***@rabbit:5672/%2f?x=1");
	msgr_buf_reset(&out);
	s = "redis://h:1/stream";
	assert_int_equal(msgr_dsn_redact(s, strlen(s), &out), MSGR_OK);
	assert_string_equal(out.data, s);
	msgr_buf_free(&out);
}

static void test_lists_of_dsns_and_bare_query(void **state)
{
	msgr_dsn_t dsn;
	msgr_error_t err;
	/* a cluster's seeds, each a DSN: hosts in order, the last credentials, path and query win */
	assert_int_equal(parse("redis://a:7000?x=1,redis://u:pw@b:7001,REDIS://c:7002/s/g?x=2", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.host, "a");
	assert_int_equal(dsn.port, 7000);
	assert_int_equal(dsn.more_host_count, 2);
	assert_string_equal(dsn.more_hosts[0].host, "b");
	assert_int_equal(dsn.more_hosts[0].port, 7001);
	assert_string_equal(dsn.more_hosts[1].host, "c");
	assert_int_equal(dsn.more_hosts[1].port, 7002);
	assert_string_equal(dsn.user, "u");
	assert_string_equal(dsn.password, "pw");
	assert_string_equal(dsn.path, "/s/g");
	assert_int_equal(dsn.param_count, 2);
	assert_string_equal(msgr_dsn_param(&dsn, "x"), "2");
	msgr_dsn_free(&dsn);
	/* a comma inside a password or a query value is not a list */
	assert_int_equal(parse("redis://u:p,w@a:1?k=a,b", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.password, "p,w");
	assert_string_equal(msgr_dsn_param(&dsn, "k"), "a,b");
	assert_int_equal(dsn.more_host_count, 0);
	msgr_dsn_free(&dsn);
	assert_int_equal(parse("redis://a:1,rediss://b:2", &dsn, &err), MSGR_ERR_INVALID);
	assert_int_equal(parse("redis://a:1,redis://", &dsn, &err), MSGR_ERR_INVALID);
	assert_int_equal(parse("redis://,redis://b:2", &dsn, &err), MSGR_ERR_INVALID);
	assert_string_equal(err.message, "the DSN's list of hosts has an empty one");
	assert_int_equal(parse("redis://a:1,redis://b:99999", &dsn, &err), MSGR_ERR_INVALID);

	/* Symfony's Sentinel form: no authority, the hosts in the query */
	assert_int_equal(parse("redis:?host[s1:26379]&host[s2:26380]&sentinel_master=mymaster", &dsn, &err), MSGR_OK);
	assert_string_equal(dsn.scheme, "redis");
	assert_string_equal(dsn.host, "");
	assert_string_equal(dsn.path, "");
	assert_int_equal(dsn.param_count, 3);
	assert_string_equal(dsn.params[0].key, "host[s1:26379]");
	assert_string_equal(dsn.params[1].key, "host[s2:26380]");
	assert_string_equal(msgr_dsn_param(&dsn, "sentinel_master"), "mymaster");
	msgr_dsn_free(&dsn);
	/* each DSN of a list is redacted */
	msgr_buf_t shown = MSGR_BUF_INIT;
	const char *list = "redis://u:pw1@a:1,redis://b:2,redis://:pw3@c:3/s?x=1";
	assert_int_equal(msgr_dsn_redact(list, strlen(list), &shown), MSGR_OK);
	assert_string_equal(shown.data, "redis://u:***@a:1,redis://b:2,redis://:***@c:3/s?x=1");
	msgr_buf_free(&shown);
	assert_int_equal(parse("redis:", &dsn, &err), MSGR_ERR_INVALID);
	assert_int_equal(parse("redis:host", &dsn, &err), MSGR_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_full_dsn),
		LEAK_TEST(test_minimal_and_named),
		LEAK_TEST(test_socket_path_and_ipv6),
		LEAK_TEST(test_password_may_contain_at),
		LEAK_TEST(test_bad_input_is_rejected_without_leaks),
		LEAK_TEST(test_nul_byte_is_rejected),
		LEAK_TEST(test_error_never_contains_password),
		LEAK_TEST(test_out_of_memory_at_every_step),
		LEAK_TEST(test_redact),
		LEAK_TEST(test_host_list),
		LEAK_TEST(test_lists_of_dsns_and_bare_query),
	};
	return cmocka_run_group_tests_name("msgr_dsn", tests, NULL, NULL);
}
