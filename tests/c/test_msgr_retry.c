#include "leakcheck.h"
#include "core/base/retry.h"

#include <string.h>

static void test_symfony_defaults(void **state)
{
	msgr_retry_t r = { 3, 1000, 2.0, 0, 0.0, 0, { 0 } };
	const char *why;
	assert_true(msgr_retry_valid(&r, &why));
	/* 1 s, 2 s, 4 s, then no more */
	assert_int_equal(msgr_retry_wait_ms(&r, 0, 0.5), 1000);
	assert_int_equal(msgr_retry_wait_ms(&r, 1, 0.5), 2000);
	assert_int_equal(msgr_retry_wait_ms(&r, 2, 0.5), 4000);
	assert_true(msgr_retry_allowed(&r, 2));
	assert_false(msgr_retry_allowed(&r, 3));
}

static void test_cap_and_jitter(void **state)
{
	msgr_retry_t r = { 10, 1000, 3.0, 5000, 0.1, 0, { 0 } };
	assert_int_equal(msgr_retry_wait_ms(&r, 5, 0.99), 5000); /* capped */
	/* ±10 %: random 0 gives the low end, near 1 the high end, 0.5 the middle */
	assert_int_equal(msgr_retry_wait_ms(&r, 1, 0.0), 2700);
	assert_int_equal(msgr_retry_wait_ms(&r, 1, 0.5), 3000);
	assert_true(msgr_retry_wait_ms(&r, 1, 0.999999) <= 3300);
	msgr_retry_t none = { 0, 0, 1.0, 0, 0.0, 0, { 0 } };
	assert_false(msgr_retry_allowed(&none, 0));
	assert_int_equal(msgr_retry_wait_ms(&none, 0, 0.3), 0);
}

static void test_bad_parameters(void **state)
{
	const char *why = NULL;
	msgr_retry_t bad[] = {
		{ -1, 1000, 2.0, 0, 0.1, 0, { 0 } }, { 3, -5, 2.0, 0, 0.1, 0, { 0 } }, { 3, 1000, 0.5, 0, 0.1, 0, { 0 } }, { 3, 1000, 2.0, -1, 0.1, 0, { 0 } }, { 3, 1000, 2.0, 0, 1.5, 0, { 0 } },
	};
	const char *reasons[] = { "max_retries", "delay", "multiplier", "max_delay", "jitter" };
	for (int i = 0; i < 5; i++) {
		assert_false(msgr_retry_valid(&bad[i], &why));
		assert_non_null(strstr(why, reasons[i]));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_symfony_defaults),
		LEAK_TEST(test_cap_and_jitter),
		LEAK_TEST(test_bad_parameters),
	};
	return cmocka_run_group_tests_name("msgr_retry", tests, NULL, NULL);
}
