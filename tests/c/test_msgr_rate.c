#include "leakcheck.h"
#include "core/base/rate.h"

#include <string.h>

static void test_window(void **state)
{
	msgr_rate_t r;
	assert_int_equal(msgr_rate_init(&r, 3, 1000, NULL), MSGR_OK);
	/* idle: no wait until the first message */
	assert_int_equal(msgr_rate_wait_ms(&r, 5000), 0);
	msgr_rate_take(&r, 10000);
	msgr_rate_take(&r, 10100);
	assert_int_equal(msgr_rate_wait_ms(&r, 10200), 0);
	msgr_rate_take(&r, 10200);
	/* the window started at the first message: closed until 11000 */
	assert_int_equal(msgr_rate_wait_ms(&r, 10200), 800);
	assert_int_equal(msgr_rate_wait_ms(&r, 10999), 1);
	assert_int_equal(msgr_rate_wait_ms(&r, 11000), 0);
	/* a new window from 11000 */
	msgr_rate_take(&r, 11000);
	msgr_rate_take(&r, 11500);
	msgr_rate_take(&r, 11900);
	assert_int_equal(msgr_rate_wait_ms(&r, 11900), 100);
	/* long idle: the next message opens a window of its own */
	assert_int_equal(msgr_rate_wait_ms(&r, 50000), 0);
	msgr_rate_take(&r, 50250);
	msgr_rate_take(&r, 50300);
	msgr_rate_take(&r, 50400);
	assert_int_equal(msgr_rate_wait_ms(&r, 50400), 850);
}

static void test_overdrawn_by_a_batch(void **state)
{
	msgr_rate_t r;
	assert_int_equal(msgr_rate_init(&r, 10, 1000, NULL), MSGR_OK);
	for (int i = 0; i < 25; i++) {
		msgr_rate_take(&r, 0);
	}
	/* 25 taken at once: 15 over, paid by the next two windows; room again from 2000 */
	assert_int_equal(msgr_rate_wait_ms(&r, 0), 2000);
	assert_int_equal(msgr_rate_wait_ms(&r, 1500), 500);
	assert_int_equal(msgr_rate_wait_ms(&r, 2000), 0);
	/* 5 owed into the window of 2000: 5 more fit in it */
	for (int i = 0; i < 5; i++) {
		assert_int_equal(msgr_rate_wait_ms(&r, 2100), 0);
		msgr_rate_take(&r, 2100);
	}
	assert_int_equal(msgr_rate_wait_ms(&r, 2100), 900);
}

static void test_bad_limits(void **state)
{
	msgr_rate_t r;
	msgr_error_t err;
	assert_int_equal(msgr_rate_init(&r, 0, 1000, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "limit must be at least 1"));
	assert_int_equal(msgr_rate_init(&r, 5, 0, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "interval"));
}

static void test_intervals(void **state)
{
	const struct {
		const char *text;
		long long ms;
	} good[] = {
		{ "1 second", 1000 }, { "10 seconds", 10000 }, { "1.5 minutes", 90000 }, { "2 hours", 7200000 },
		{ "1 day", 86400000 }, { "1 week", 604800000 }, { "250 ms", 250 }, { "30", 30000 }, { "0.5", 500 },
		{ "5s", 5000 }, { "3 mins", 180000 }, { "100 milliseconds", 100 },
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		long long ms = -1;
		assert_int_equal(msgr_rate_parse_interval(good[i].text, strlen(good[i].text), &ms, NULL), MSGR_OK);
		assert_int_equal(ms, good[i].ms);
	}
	const char *bad[] = { "", "soon", "-1 second", "0", "10 fortnights", "1e300 weeks", "0.0001 ms", "nan", "inf" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		long long ms = 42;
		msgr_error_t err;
		assert_int_equal(msgr_rate_parse_interval(bad[i], strlen(bad[i]), &ms, &err), MSGR_ERR_INVALID);
		assert_int_equal(ms, 42);
		assert_true(strlen(err.message) > 0);
	}
	char huge[100];
	memset(huge, '1', sizeof(huge));
	msgr_error_t err;
	long long ms;
	assert_int_equal(msgr_rate_parse_interval(huge, sizeof(huge), &ms, &err), MSGR_ERR_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_window),
		LEAK_TEST(test_overdrawn_by_a_batch),
		LEAK_TEST(test_bad_limits),
		LEAK_TEST(test_intervals),
	};
	return cmocka_run_group_tests_name("msgr_rate", tests, NULL, NULL);
}
