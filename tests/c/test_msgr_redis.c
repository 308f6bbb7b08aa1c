/* The Redis transport's options and field reading; the server side is tested by the phpt
 * suite against a real redis-server. */
#include "leakcheck.h"
#include "core/redis/redis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int parse(const char *dsn_text, const msgr_kv_t *extra, size_t n, msgr_redis_options_t *o, msgr_error_t *err)
{
	msgr_dsn_t dsn;
	int rc = msgr_dsn_parse(dsn_text, strlen(dsn_text), &dsn, err);
	if (rc == MSGR_OK) {
		rc = msgr_redis_options_parse(&dsn, extra, n, o, err);
		msgr_dsn_free(&dsn);
	}
	return rc;
}

static void test_defaults(void **state)
{
	msgr_redis_options_t o;
	unsetenv("MESSENGER_CONSUMER_NAME");
	assert_int_equal(parse("redis://localhost", NULL, 0, &o, NULL), MSGR_OK);
	assert_string_equal(o.host, "localhost");
	assert_int_equal(o.port, 6379);
	assert_null(o.socket);
	assert_null(o.password);
	assert_string_equal(o.stream, "messages");
	assert_string_equal(o.group, "symfony");
	char expect[300], host[256] = "";
	gethostname(host, sizeof(host) - 1);
	snprintf(expect, sizeof(expect), "%s-%ld", host, (long) getpid());
	assert_string_equal(o.consumer, expect);
	assert_true(o.consumer_generated);
	assert_true(o.auto_setup && o.delete_after_ack && o.delete_after_reject && o.persistent && o.lazy && !o.raw_json);
	assert_int_equal(o.redeliver_timeout_ms, 3600000);
	assert_int_equal(o.claim_interval_ms, 60000);
	assert_int_equal(o.get_batch_size, 0); /* not given: 1, or what a worker reads ahead */
	assert_int_equal(o.stream_max_entries, 0);
	msgr_redis_options_free(&o);

	setenv("MESSENGER_CONSUMER_NAME", "worker-7", 1);
	assert_int_equal(parse("redis://h", NULL, 0, &o, NULL), MSGR_OK);
	assert_string_equal(o.consumer, "worker-7");
	assert_false(o.consumer_generated);
	msgr_redis_options_free(&o);
	unsetenv("MESSENGER_CONSUMER_NAME");
}

static void test_path_query_and_extra(void **state)
{
	msgr_redis_options_t o;
	msgr_kv_t extra[] = { { "stream", "from_options" }, { "consumer", "opt" }, { "delete_after_ack", "false" }, { "redeliver_timeout", "30" },
		{ "serializer", "0" }, { "get_batch_size", "50" } };
	assert_int_equal(parse("redis://u:p%40ss@10.0.0.1:6380/jobs/workers?dbindex=3&claim_interval=500&stream_max_entries=1000&auto_setup=0",
		extra, 6, &o, NULL), MSGR_OK);
	assert_string_equal(o.host, "10.0.0.1");
	assert_int_equal(o.port, 6380);
	assert_string_equal(o.user, "u");
	assert_string_equal(o.password, "p@ss");
	assert_string_equal(o.stream, "jobs");      /* the path wins */
	assert_string_equal(o.group, "workers");
	assert_string_equal(o.consumer, "opt");     /* not in the path: the options' */
	assert_int_equal(o.dbindex, 3);
	assert_int_equal(o.claim_interval_ms, 500);
	assert_int_equal(o.stream_max_entries, 1000);
	assert_int_equal(o.redeliver_timeout_ms, 30000);
	assert_int_equal(o.get_batch_size, 50);
	assert_false(o.auto_setup);
	assert_false(o.delete_after_ack);
	assert_true(o.raw_json);
	msgr_redis_options_free(&o);

	/* a password alone; the user part alone is a password too */
	assert_int_equal(parse("redis://:secret@h/s/g/c", NULL, 0, &o, NULL), MSGR_OK);
	assert_null(o.user);
	assert_string_equal(o.password, "secret");
	assert_string_equal(o.consumer, "c");
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis://secret@h", NULL, 0, &o, NULL), MSGR_OK);
	assert_null(o.user);
	assert_string_equal(o.password, "secret");
	msgr_redis_options_free(&o);
	msgr_kv_t auth[] = { { "auth", "fromopt" } };
	assert_int_equal(parse("redis://h", auth, 1, &o, NULL), MSGR_OK);
	assert_string_equal(o.password, "fromopt");
	msgr_redis_options_free(&o);
}

static void test_tls(void **state)
{
	msgr_redis_options_t o;
	msgr_kv_t extra[] = { { "cacert", "/etc/ca.pem" }, { "cert", "/etc/c.pem" }, { "key", "/etc/k.pem" } };
	assert_int_equal(parse("rediss://h:6380/s", extra, 3, &o, NULL), MSGR_OK);
	assert_true(o.tls && o.verify_peer);
	assert_string_equal(o.cacert, "/etc/ca.pem");
	assert_string_equal(o.cert, "/etc/c.pem");
	assert_string_equal(o.key, "/etc/k.pem");
	char where[100];
	assert_string_equal(msgr_redis_where(&o, where, sizeof(where)), "Redis at h:6380 (TLS)");
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis://h?tls=1&verify_peer=0", NULL, 0, &o, NULL), MSGR_OK);
	assert_true(o.tls && !o.verify_peer);
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis://h", NULL, 0, &o, NULL), MSGR_OK);
	assert_false(o.tls);
	msgr_redis_options_free(&o);
}

static void test_socket(void **state)
{
	msgr_redis_options_t o;
	msgr_kv_t extra[] = { { "stream", "s1" } };
	assert_int_equal(parse("redis:///run/redis/redis.sock?group=g1", extra, 1, &o, NULL), MSGR_OK);
	assert_string_equal(o.socket, "/run/redis/redis.sock");
	assert_string_equal(o.host, "");
	assert_string_equal(o.stream, "s1");
	assert_string_equal(o.group, "g1");
	char where[100];
	assert_string_equal(msgr_redis_where(&o, where, sizeof(where)), "Redis at /run/redis/redis.sock");
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis://[::1]:7000", NULL, 0, &o, NULL), MSGR_OK);
	assert_string_equal(msgr_redis_where(&o, where, sizeof(where)), "Redis at [::1]:7000");
	msgr_redis_options_free(&o);
}

static void test_refused(void **state)
{
	struct { const char *dsn; msgr_kv_t kv; const char *says; } cases[] = {
		{ "redis://h?colour=blue", { NULL, NULL }, "Unknown Redis option \"colour\" in the DSN" },
		{ "redis://h", { "colour", "blue" }, "Unknown Redis option \"colour\"" },
		{ "redis://h?auto_setup=maybe", { NULL, NULL }, "\"auto_setup\" must be a boolean" },
		{ "redis://h?dbindex=-1", { NULL, NULL }, "\"dbindex\" must be an integer of at least 0" },
		{ "redis://h?redeliver_timeout=0", { NULL, NULL }, "\"redeliver_timeout\" must be an integer of at least 1" },
		{ "redis://h?get_batch_size=x", { NULL, NULL }, "\"get_batch_size\" must be an integer" },
		{ "redis://h?serializer=2", { NULL, NULL }, "can be 1 (PHP, the default) or 0 (none), 2 given" },
		{ "redis://h?timeout=-1", { NULL, NULL }, "\"timeout\" must be a number of seconds" },
		{ "redis://h/a/b/c/d", { NULL, NULL }, "it has more segments" },
		{ "redis://h", { "stream", "" }, "\"stream\" must not be empty" },
		{ "rediss://h?verify_peer=sometimes", { NULL, NULL }, "\"verify_peer\" must be a boolean" },
		{ "rediss://h", { "cacert", "" }, "\"cacert\" must be a file name" },
		{ "amqp://h", { NULL, NULL }, "Not a Redis DSN" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		msgr_redis_options_t o;
		msgr_error_t err;
		assert_int_equal(parse(cases[i].dsn, cases[i].kv.key ? &cases[i].kv : NULL, cases[i].kv.key ? 1 : 0, &o, &err), MSGR_ERR_INVALID);
		if (!strstr(err.message, cases[i].says)) {
			fail_msg("%s: \"%s\" does not say \"%s\"", cases[i].dsn, err.message, cases[i].says);
		}
	}
	/* a password in the DSN is never in a message */
	msgr_redis_options_t o;
	msgr_error_t err;
	assert_int_equal(parse("redis://u:hunter2@h?nope=1", NULL, 0, &o, &err), MSGR_ERR_INVALID);
	assert_null(strstr(err.message, "hunter2"));
}

static void test_read_field(void **state)
{
	const char json[] = "{\"body\":\"b\",\"headers\":{\"type\":\"T\"}}";
	char wrapped[100];
	snprintf(wrapped, sizeof(wrapped), "s:%zu:\"%s\";", sizeof(json) - 1, json);
	const char *forms[] = { json, wrapped };
	for (size_t i = 0; i < 2; i++) {
		msgr_message_t m = { 0 };
		assert_int_equal(msgr_redis_read_field(forms[i], strlen(forms[i]), &m, NULL), MSGR_OK);
		assert_string_equal(m.body, "b");
		assert_int_equal(m.header_count, 1);
		assert_string_equal(m.headers[0].value, "T");
		msgr_message_free(&m);
	}
	const char *bad[] = { "s:99:\"{\\\"body\\\":\\\"b\\\"}\";", "s:2:\"{}\"", "s:x:\"\";", "s:", "garbage", "" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_message_t m = { 0 };
		msgr_error_t err;
		assert_int_equal(msgr_redis_read_field(bad[i], strlen(bad[i]), &m, &err), MSGR_ERR_PROTOCOL);
		assert_null(m.body);
	}
}

static void test_out_of_memory(void **state)
{
	msgr_kv_t extra[] = { { "consumer", "c" } };
	for (long fail = 0; fail < 40; fail++) {
		msgr_dsn_t dsn;
		assert_int_equal(msgr_dsn_parse("redis://u:p@h/s/g", 17, &dsn, NULL), MSGR_OK);
		msgr_redis_options_t o;
		leak_fail_after = fail;
		int rc = msgr_redis_options_parse(&dsn, extra, 1, &o, NULL);
		leak_fail_after = -1;
		assert_true(rc == MSGR_OK || rc == MSGR_ERR_NOMEM);
		if (rc == MSGR_OK) {
			msgr_redis_options_free(&o);
		}
		msgr_dsn_free(&dsn);
	}
}

static void test_sentinel_and_cluster(void **state)
{
	msgr_redis_options_t o;
	msgr_error_t err;
	char where[300];
	/* Sentinel: Symfony's form, the sentinels' default port, the alias, credentials of both */
	assert_int_equal(parse("redis:?host[s1:26380]&host[s2]&redis_sentinel=mymaster&auth=pw&sentinel_auth=spw&sentinel_user=su", NULL, 0, &o, &err), MSGR_OK);
	assert_string_equal(o.sentinel_master, "mymaster");
	assert_false(o.cluster);
	assert_int_equal(o.node_count, 2);
	assert_string_equal(o.nodes[0].host, "s1");
	assert_int_equal(o.nodes[0].port, 26380);
	assert_int_equal(o.nodes[1].port, 26379);
	assert_string_equal(o.password, "pw");
	assert_string_equal(o.sentinel_password, "spw");
	assert_string_equal(o.sentinel_user, "su");
	assert_string_equal(o.stream, "messages"); /* no hash tag: one server holds every key */
	assert_int_equal(o.wait_replicas, -1);
	assert_string_equal(msgr_redis_where(&o, where, sizeof(where)), "Redis primary \"mymaster\" (Sentinel s1:26380, s2:26379)");
	msgr_redis_options_free(&o);
	/* the DSN's own host is a sentinel too */
	assert_int_equal(parse("rediss://s0:5000/jobs?sentinel_master=m&host[s1:5001]&wait_replicas=1", NULL, 0, &o, &err), MSGR_OK);
	assert_int_equal(o.node_count, 2);
	assert_int_equal(o.nodes[0].port, 5000);
	assert_int_equal(o.wait_replicas, 1);
	assert_string_equal(msgr_redis_where(&o, where, sizeof(where)), "Redis primary \"m\" (Sentinel s0:5000, s1:5001 (TLS))");
	msgr_redis_options_free(&o);

	/* Cluster: a list of DSNs, a list of hosts, host[...] without sentinel_master */
	assert_int_equal(parse("redis://a:7000,redis://b:7001/jobs/g", NULL, 0, &o, &err), MSGR_OK);
	assert_true(o.cluster);
	assert_int_equal(o.node_count, 2);
	assert_string_equal(o.stream, "{jobs}");
	assert_string_equal(o.group, "g");
	assert_string_equal(msgr_redis_where(&o, where, sizeof(where)), "Redis Cluster a:7000, b:7001");
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis://a,b:7001?stream=app.{jobs}", NULL, 0, &o, &err), MSGR_OK);
	assert_int_equal(o.nodes[0].port, 6379);
	assert_string_equal(o.stream, "app.{jobs}"); /* a tag of its own is kept */
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis:?host[a:7000]", NULL, 0, &o, &err), MSGR_OK);
	assert_true(o.cluster);
	assert_string_equal(o.stream, "{messages}");
	msgr_redis_options_free(&o);

	/* one server: no WAIT unless asked; Symfony's other options */
	msgr_kv_t extra[] = { { "persistent_id", "fpm" }, { "retry_interval", "250" }, { "timeout", "0" }, { "read_timeout", "0" },
		{ "ssl[cafile]", "/ca.pem" }, { "ssl[local_cert]", "/c.pem" }, { "ssl[local_pk]", "/c.key" }, { "ssl[verify_peer_name]", "false" },
		{ "ssl[peer_name]", "redis.test" } };
	assert_int_equal(parse("redis://h", extra, 9, &o, &err), MSGR_OK);
	assert_int_equal(o.node_count, 0);
	assert_int_equal(o.wait_replicas, 0);
	assert_string_equal(o.persistent_id, "fpm");
	assert_int_equal(o.retry_interval_ms, 250);
	assert_true(o.connect_timeout == 0 && o.read_timeout == 0);
	assert_string_equal(o.cacert, "/ca.pem");
	assert_string_equal(o.cert, "/c.pem");
	assert_string_equal(o.key, "/c.key");
	assert_string_equal(o.peer_name, "redis.test");
	assert_true(o.verify_peer && !o.verify_peer_name);
	msgr_redis_options_free(&o);
	assert_int_equal(parse("redis://h", NULL, 0, &o, &err), MSGR_OK);
	assert_true(o.connect_timeout == 5 && o.read_timeout == 30); /* not given */
	msgr_redis_options_free(&o);

	struct { const char *dsn, *message; } bad[] = {
		{ "redis://a:1,redis://b:2?dbindex=2", "Redis Cluster has database 0 only: dbindex 2 given" },
		{ "redis:///run/redis.sock?sentinel_master=m", "Redis Sentinel needs the sentinels' host:port (host[h:26379] in the DSN)" },
		{ "redis:?host[/run/redis.sock]&sentinel_master=m", "The Redis DSN's host[/run/redis.sock] is not a host name and port (a unix socket cannot be a sentinel or a cluster node)" },
		{ "redis:?host[a:1]=weight%3D2", "The Redis DSN's host[a:1] has parameters, which are not supported" },
		{ "redis:?host[u:s3cret@a:1]&sentinel_master=m", "The Redis DSN's host[...] is not a host name and port (a unix socket cannot be a sentinel or a cluster node)" },
		{ "redis:?host[a:99999]", "The Redis DSN's host[a:99999] is not a host name and port (a unix socket cannot be a sentinel or a cluster node)" },
		{ "redis://h?sentinel_auth=x", "The Redis options sentinel_auth and sentinel_user need sentinel_master" },
		{ "redis://h?wait_replicas=auto", "The Redis option wait_replicas=auto needs Sentinel or Cluster (a number of replicas is fine)" },
		{ "redis://h?wait_replicas=-1", "The Redis option \"wait_replicas\" must be an integer of at least 0, \"-1\" given" },
		{ "redis://h?ssl[ciphers]=x", "The Redis ssl option \"ciphers\" is not supported (known: cafile, capath, local_cert, local_pk, verify_peer, verify_peer_name, peer_name)" },
		{ "redis://h?ssl[verify_peer]=maybe", "The Redis option \"ssl[verify_peer]\" must be a boolean, \"maybe\" given" },
		{ "redis://h?sentinel_master=", "The Redis option \"sentinel_master\" must not be empty" },
		{ "redis://h?retry_interval=soon", "The Redis option \"retry_interval\" must be an integer of at least 0, \"soon\" given" },
		{ NULL, NULL },
	};
	for (size_t i = 0; bad[i].dsn; i++) {
		assert_int_equal(parse(bad[i].dsn, NULL, 0, &o, &err), MSGR_ERR_INVALID);
		assert_string_equal(err.message, bad[i].message);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_sentinel_and_cluster),
		LEAK_TEST(test_defaults),
		LEAK_TEST(test_path_query_and_extra),
		LEAK_TEST(test_socket),
		LEAK_TEST(test_tls),
		LEAK_TEST(test_refused),
		LEAK_TEST(test_read_field),
		LEAK_TEST(test_out_of_memory),
	};
	return cmocka_run_group_tests_name("msgr_redis", tests, NULL, NULL);
}
