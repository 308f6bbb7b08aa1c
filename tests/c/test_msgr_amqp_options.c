#include "leakcheck.h"
#include "core/amqp/amqp.h"

#include <string.h>

static int parse(const char *s, const msgr_kv_t *extra, size_t n, msgr_amqp_options_t *o, msgr_error_t *err)
{
	msgr_dsn_t dsn;
	int rc = msgr_dsn_parse(s, strlen(s), &dsn, err);
	if (rc == MSGR_OK) {
		rc = msgr_amqp_options_parse(&dsn, extra, n, o, err);
		msgr_dsn_free(&dsn);
	}
	return rc;
}

/* Symfony's defaults: localhost:5672, vhost /, guest/guest, a durable fanout exchange named
 * messages, one durable queue named like it, the delays exchange and its queue name pattern */
static void test_defaults(void **state)
{
	msgr_amqp_options_t o;
	msgr_error_t err;
	assert_int_equal(parse("amqp://", NULL, 0, &o, &err), MSGR_OK);
	assert_string_equal(o.host, "localhost");
	assert_int_equal(o.port, 5672);
	assert_string_equal(o.vhost, "/");
	assert_string_equal(o.user, "guest");
	assert_string_equal(o.password, "guest");
	assert_false(o.tls);
	assert_string_equal(o.exchange_name, "messages");
	assert_string_equal(o.exchange_type, "fanout");
	assert_null(o.default_publish_routing_key);
	assert_int_equal(o.exchange_flags, MSGR_AMQP_DURABLE);
	assert_int_equal(o.queue_count, 1);
	assert_string_equal(o.queues[0].name, "messages");
	assert_int_equal(o.queues[0].flags, MSGR_AMQP_DURABLE);
	assert_int_equal(o.queues[0].binding_key_count, 0);
	assert_string_equal(o.delay_exchange_name, "delays");
	assert_string_equal(o.delay_queue_name_pattern, "delay_%exchange_name%_%routing_key%_%delay%");
	assert_true(o.auto_setup);
	assert_true(o.verify);
	assert_true(o.persistent);
	assert_true(o.confirm_timeout > 0);
	assert_true(o.heartbeat == 0);
	char where[200];
	assert_string_equal(msgr_amqp_where(&o, where, sizeof(where)), "AMQP at localhost:5672, vhost /");
	msgr_amqp_options_free(&o);
}

/* the DSN's parts, each path segment decoded on its own (%2f is the vhost "/"), nested options
 * from the query and from the configuration (the query wins), integer casts of queue arguments */
static void test_dsn_and_nested_options(void **state)
{
	msgr_amqp_options_t o;
	msgr_error_t err;
	const msgr_kv_t extra[] = {
		{ "exchange[type]", "topic" },
		{ "queues[orders][binding_keys][]", "order.*" },
		{ "queues[orders][binding_keys][]", "refund.#" },
		{ "queues[orders][arguments][x-max-priority]", "10" },
		{ "queues[orders][arguments][x-queue-type]", "quorum" },
		{ "queues[audit]", "" },
		{ "confirm_timeout", "2.5" },
		{ "heartbeat", "30" },
		{ "delay[arguments][x-queue-mode]", "lazy" },
		{ "connection_name", "worker-1" },
		{ "exchange[type]", "direct" }, /* a later value wins */
	};
	assert_int_equal(parse("amqp://app:s%40cret@rabbit.local:5673/%2fshop/orders_ex?exchange[default_publish_routing_key]=order.new"
		"&queues[orders][binding_keys][1]=refund.*&queues[orders][flags]=18&exchange[arguments][alternate-exchange]=unrouted"
		"&exchange[type]=topic",
		extra, sizeof(extra) / sizeof(extra[0]), &o, &err), MSGR_OK);
	assert_string_equal(o.host, "rabbit.local");
	assert_int_equal(o.port, 5673);
	assert_string_equal(o.vhost, "/shop");
	assert_string_equal(o.user, "app");
	assert_string_equal(o.password, "s@cret");
	assert_string_equal(o.exchange_name, "orders_ex");
	assert_string_equal(o.exchange_type, "topic"); /* the query wins over the configuration */
	assert_string_equal(o.default_publish_routing_key, "order.new");
	assert_int_equal(o.exchange_arguments.count, 1);
	assert_string_equal(o.exchange_arguments.items[0].key, "alternate-exchange");
	assert_string_equal(o.exchange_arguments.items[0].value, "unrouted");
	assert_int_equal(o.queue_count, 2); /* no queue named like the exchange once queues are given */
	const msgr_amqp_queue_t *q = &o.queues[0];
	assert_string_equal(q->name, "orders");
	assert_int_equal(q->binding_key_count, 2);
	assert_string_equal(q->binding_keys[0], "order.*");
	assert_string_equal(q->binding_keys[1], "refund.*"); /* [1] replaced the second one */
	assert_int_equal(q->flags, 18);
	assert_int_equal(q->arguments.count, 2);
	assert_string_equal(q->arguments.items[0].key, "x-max-priority");
	assert_true(q->arguments.items[0].integer);
	assert_int_equal(q->arguments.items[0].number, 10);
	assert_string_equal(q->arguments.items[1].value, "quorum");
	assert_false(q->arguments.items[1].integer);
	assert_string_equal(o.queues[1].name, "audit");
	assert_int_equal(o.queues[1].flags, MSGR_AMQP_DURABLE);
	assert_true(o.confirm_timeout == 2.5);
	assert_true(o.heartbeat == 30);
	assert_int_equal(o.delay_arguments.count, 1);
	assert_string_equal(o.connection_name, "worker-1");
	char where[200];
	msgr_amqp_where(&o, where, sizeof(where));
	assert_string_equal(where, "AMQP at rabbit.local:5673, vhost /shop");
	assert_null(strstr(where, "s@cret"));
	msgr_amqp_options_free(&o);

	assert_int_equal(parse("amqps://u:p@h?cacert=/etc/ca.pem&verify=false", NULL, 0, &o, &err), MSGR_OK);
	assert_true(o.tls);
	assert_int_equal(o.port, 5671);
	assert_false(o.verify);
	msgr_amqp_where(&o, where, sizeof(where));
	assert_string_equal(where, "AMQP at h:5671 (TLS), vhost /");
	msgr_amqp_options_free(&o);
}

/* each bad input is refused with an error naming what is wrong, never the password */
static void test_refuses(void **state)
{
	static const struct { const char *dsn; const char *says; } bad[] = {
		{ "redis://h", "Not an AMQP DSN" },
		{ "amqp://u:hunter2@h?colour=red", "Unknown AMQP option \"colour\"" },
		{ "amqp://u:hunter2@h?exchange[colour]=red", "Unknown AMQP option \"exchange[colour]\"" },
		{ "amqp://u:hunter2@h?queues[q][colour]=red", "Unknown AMQP option \"queues[q][colour]\"" },
		{ "amqp://u:hunter2@h?queues[q]=x", "is a queue's settings" },
		{ "amqp://u:hunter2@h?queues[q][arguments][x-message-ttl]=soon", "queues[...][arguments][x-message-ttl]\" must be an integer" },
		{ "amqp://u:hunter2@h?exchange[name", "not of the shape" },
		{ "amqp://u:hunter2@h?exchange[name]x=1", "not of the shape" },
		{ "amqp://u:hunter2@h?a[b][c][d][e]=1", "not of the shape" },
		{ "amqp://u:hunter2@h?heartbeat=often", "\"heartbeat\" must be a number of seconds" },
		{ "amqp://u:hunter2@h?auto_setup=maybe", "\"auto_setup\" must be a boolean" },
		{ "amqp://u:hunter2@h?port=70000", "\"port\" must be a number from 1 to 65535" },
		{ "amqp://u:hunter2@h?sasl_method=3", "\"sasl_method\" must be 0 (PLAIN) or 1 (EXTERNAL)" },
		{ "amqp://u:hunter2@h?exchange[type]=", "must name a type" },
		{ "amqp://u:hunter2@h/v/e/extra", "has more segments" },
		{ "amqps://u:hunter2@h", "needs a CA certificate" },
		{ "amqp://u:hunter2@h?exchange[name]=", "needs its queues named" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_amqp_options_t o;
		msgr_error_t err;
		assert_int_equal(parse(bad[i].dsn, NULL, 0, &o, &err), MSGR_ERR_INVALID);
		if (!strstr(err.message, bad[i].says)) {
			fail_msg("%s: \"%s\" does not say \"%s\"", bad[i].dsn, err.message, bad[i].says);
		}
		assert_null(strstr(err.message, "hunter2"));
		assert_null(o.host); /* nothing left behind */
	}
	/* the default exchange with named queues is fine */
	msgr_amqp_options_t o;
	msgr_error_t err;
	assert_int_equal(parse("amqp://h?exchange[name]=&queues[jobs]", NULL, 0, &o, &err), MSGR_OK);
	assert_string_equal(o.exchange_name, "");
	assert_int_equal(o.queue_count, 1);
	msgr_amqp_options_free(&o);
}

static const char *arg(const msgr_amqp_args_t *a, const char *key, long long *number)
{
	for (size_t i = 0; i < a->count; i++) {
		if (strcmp(a->items[i].key, key) == 0) {
			if (number) {
				assert_true(a->items[i].integer);
				*number = a->items[i].number;
			}
			return a->items[i].value;
		}
	}
	return NULL;
}

/* Symfony's delay and retry queues, as observed for the exchange research_ex:
 * delay_research_ex__2000_delay (no routing key) and delay_research_ex_research_ex_1000_retry */
static void test_delay_queues(void **state)
{
	msgr_amqp_options_t o;
	msgr_error_t err;
	assert_int_equal(parse("amqp://h/%2f/research_ex", NULL, 0, &o, &err), MSGR_OK);
	msgr_amqp_delay_t d;
	long long n;
	assert_int_equal(msgr_amqp_delay_queue(&o, NULL, 2000, false, &d, &err), MSGR_OK);
	assert_string_equal(d.queue, "delay_research_ex__2000_delay");
	assert_string_equal(arg(&d.arguments, "x-message-ttl", &n), "2000");
	assert_int_equal(n, 2000);
	arg(&d.arguments, "x-expires", &n);
	assert_int_equal(n, 12000);
	assert_string_equal(arg(&d.arguments, "x-dead-letter-exchange", NULL), "research_ex"); /* routed again as if sent now */
	assert_string_equal(arg(&d.arguments, "x-dead-letter-routing-key", NULL), "");
	assert_int_equal(d.arguments.count, 4);
	msgr_amqp_delay_free(&d);
	/* a retry goes back only to the queue it failed in: the default exchange, that queue's name */
	assert_int_equal(msgr_amqp_delay_queue(&o, "research_ex", 1000, true, &d, &err), MSGR_OK);
	assert_string_equal(d.queue, "delay_research_ex_research_ex_1000_retry");
	assert_string_equal(arg(&d.arguments, "x-dead-letter-exchange", NULL), "");
	assert_string_equal(arg(&d.arguments, "x-dead-letter-routing-key", NULL), "research_ex");
	msgr_amqp_delay_free(&d);
	assert_int_equal(msgr_amqp_delay_queue(&o, NULL, 0, false, &d, &err), MSGR_ERR_INVALID);
	assert_null(d.queue);
	msgr_amqp_options_free(&o);
	/* a pattern of one's own (an unknown %name% stays), delay[arguments] over Symfony's */
	assert_int_equal(parse("amqp://h?delay[queue_name_pattern]=wait.%25delay%25.%25exchange_name%25.%25x%25"
		"&delay[arguments][x-queue-type]=quorum&delay[arguments][x-expires]=600000&delay[exchange_name]=later", NULL, 0, &o, &err), MSGR_OK);
	assert_string_equal(o.delay_exchange_name, "later");
	assert_int_equal(msgr_amqp_delay_queue(&o, "k", 500, false, &d, &err), MSGR_OK);
	assert_string_equal(d.queue, "wait.500.messages.%x%_delay");
	assert_string_equal(arg(&d.arguments, "x-queue-type", NULL), "quorum");
	arg(&d.arguments, "x-expires", &n);
	assert_int_equal(n, 600000);
	assert_string_equal(arg(&d.arguments, "x-dead-letter-routing-key", NULL), "k");
	msgr_amqp_delay_free(&d);
	msgr_amqp_options_free(&o);
}

/* delays rounded up to delay[granularity] (100 ms by default; 0: exact) */
static void test_delay_granularity(void **state)
{
	msgr_amqp_options_t o;
	msgr_error_t err;
	assert_int_equal(parse("amqp://", NULL, 0, &o, &err), MSGR_OK);
	assert_int_equal(o.delay_granularity_ms, 100);
	assert_int_equal(msgr_amqp_delay_rounded(&o, 1000), 1000);
	assert_int_equal(msgr_amqp_delay_rounded(&o, 1001), 1100);
	assert_int_equal(msgr_amqp_delay_rounded(&o, 1099), 1100);
	assert_int_equal(msgr_amqp_delay_rounded(&o, 5), 100);
	msgr_amqp_options_free(&o);
	const msgr_kv_t exact[] = { { "delay[granularity]", "0" } };
	assert_int_equal(parse("amqp://", exact, 1, &o, &err), MSGR_OK);
	assert_int_equal(msgr_amqp_delay_rounded(&o, 1001), 1001);
	msgr_amqp_options_free(&o);
	assert_int_equal(parse("amqp://?delay[granularity]=1000", NULL, 0, &o, &err), MSGR_OK);
	assert_int_equal(msgr_amqp_delay_rounded(&o, 1500), 2000);
	msgr_amqp_options_free(&o);
	assert_int_equal(parse("amqp://?delay[granularity]=-1", NULL, 0, &o, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "delay[granularity]"));
	(void) state;
}

static void test_out_of_memory(void **state)
{
	const msgr_kv_t extra[] = {
		{ "queues[a][binding_keys][]", "k" }, { "queues[a][arguments][x-expires]", "5" }, { "exchange[arguments][x]", "y" },
		{ "queues[b][binding_arguments][m]", "n" }, { "delay[exchange_name]", "d" },
	};
	msgr_dsn_t dsn;
	msgr_error_t err;
	const char *s = "amqp://u:p@h/v/e?connection_name=c";
	assert_int_equal(msgr_dsn_parse(s, strlen(s), &dsn, &err), MSGR_OK);
	for (long fail = 0; fail < 60; fail++) {
		msgr_amqp_options_t o;
		leak_fail_after = fail;
		int rc = msgr_amqp_options_parse(&dsn, extra, sizeof(extra) / sizeof(extra[0]), &o, &err);
		leak_fail_after = -1;
		assert_true(rc == MSGR_OK || rc == MSGR_ERR_NOMEM);
		if (rc == MSGR_OK) {
			msgr_amqp_delay_t d;
			leak_fail_after = fail % 8;
			rc = msgr_amqp_delay_queue(&o, "rk", 1000, fail % 2, &d, &err);
			leak_fail_after = -1;
			assert_true(rc == MSGR_OK || rc == MSGR_ERR_NOMEM);
			if (rc == MSGR_OK) {
				msgr_amqp_delay_free(&d);
			}
			msgr_amqp_options_free(&o);
		}
	}
	msgr_dsn_free(&dsn);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_defaults),
		LEAK_TEST(test_dsn_and_nested_options),
		LEAK_TEST(test_refuses),
		LEAK_TEST(test_delay_granularity),
		LEAK_TEST(test_delay_queues),
		LEAK_TEST(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
