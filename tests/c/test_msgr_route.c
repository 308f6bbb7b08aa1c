#include "leakcheck.h"
#include "core/base/route.h"
#include "core/base/error.h"

#include <string.h>

typedef struct {
	char seen[8][64];
	int count;
	int stop_after;
} collected;

static int collect(void *ctx, const char *pattern, size_t len)
{
	collected *c = ctx;
	assert_int_equal(strlen(pattern), len);
	strcpy(c->seen[c->count++], pattern);
	return c->count == c->stop_after ? 7 : 0;
}

static void test_wildcards_innermost_first(void **state)
{
	collected c = { .count = 0, .stop_after = -1 };
	const char *cls = "App\\Message\\Sms";
	assert_int_equal(msgr_route_wildcards(cls, strlen(cls), collect, &c), MSGR_OK);
	assert_int_equal(c.count, 2);
	assert_string_equal(c.seen[0], "App\\Message\\*");
	assert_string_equal(c.seen[1], "App\\*");
}

static void test_global_class_has_no_wildcard(void **state)
{
	collected c = { .count = 0, .stop_after = -1 };
	assert_int_equal(msgr_route_wildcards("Sms", 3, collect, &c), MSGR_OK);
	assert_int_equal(c.count, 0);
	assert_int_equal(msgr_route_wildcards("\\Sms", 4, collect, &c), MSGR_OK);
	assert_int_equal(c.count, 0);
	assert_int_equal(msgr_route_wildcards("", 0, collect, &c), MSGR_OK);
	assert_int_equal(c.count, 0);
}

static void test_leading_backslash_ignored_and_stop(void **state)
{
	collected c = { .count = 0, .stop_after = 1 };
	const char *cls = "\\A\\B\\C";
	assert_int_equal(msgr_route_wildcards(cls, strlen(cls), collect, &c), 7);
	assert_int_equal(c.count, 1);
	assert_string_equal(c.seen[0], "A\\B\\*");
}

static void test_out_of_memory(void **state)
{
	collected c = { .count = 0, .stop_after = -1 };
	leak_fail_after = 0;
	assert_int_equal(msgr_route_wildcards("A\\B", 3, collect, &c), MSGR_ERR_NOMEM);
	leak_fail_after = -1;
}

static void test_priority_order_is_stable(void **state)
{
	int prio[] = { 0, 10, 0, -5, 10, 3 };
	size_t order[6];
	msgr_route_order_by_priority(prio, 6, order);
	size_t expected[] = { 1, 4, 5, 0, 2, 3 };
	assert_memory_equal(order, expected, sizeof(expected));
	msgr_route_order_by_priority(prio, 0, order);
}

static void test_key_kinds(void **state)
{
	(void) state;
	struct { const char *key; msgr_route_key_t kind; } cases[] = {
		{ "App\\Message\\Sms", MSGR_ROUTE_KEY_CLASS },
		{ "*", MSGR_ROUTE_KEY_ANY },
		{ "App\\*", MSGR_ROUTE_KEY_NAMESPACE },
		{ "\\App\\Message\\*", MSGR_ROUTE_KEY_NAMESPACE },
		{ "_a1\\" "\x80" "b\\*", MSGR_ROUTE_KEY_NAMESPACE },
		{ "App*", MSGR_ROUTE_KEY_INVALID },
		{ "\\*", MSGR_ROUTE_KEY_INVALID },
		{ "App\\\\*", MSGR_ROUTE_KEY_INVALID },
		{ "App\\*\\Foo", MSGR_ROUTE_KEY_INVALID },
		{ "*\\Foo", MSGR_ROUTE_KEY_INVALID },
		{ "App\\1Message\\*", MSGR_ROUTE_KEY_INVALID },
		{ "App-x\\*", MSGR_ROUTE_KEY_INVALID },
		{ "**", MSGR_ROUTE_KEY_INVALID },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (msgr_route_key_kind(cases[i].key, strlen(cases[i].key)) != cases[i].kind) {
			fail_msg("%s: kind %d, expected %d", cases[i].key, (int) msgr_route_key_kind(cases[i].key, strlen(cases[i].key)), (int) cases[i].kind);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_wildcards_innermost_first),
		LEAK_TEST(test_global_class_has_no_wildcard),
		LEAK_TEST(test_leading_backslash_ignored_and_stop),
		LEAK_TEST(test_out_of_memory),
		LEAK_TEST(test_priority_order_is_stable),
		LEAK_TEST(test_key_kinds),
	};
	return cmocka_run_group_tests_name("msgr_route", tests, NULL, NULL);
}
