#include "leakcheck.h"
#include "core/base/tick.h"

#include <stdatomic.h>
#include <string.h>
#include <time.h>

static void count(void *arg)
{
	atomic_fetch_add((atomic_int *) arg, 1);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	while (nanosleep(&ts, &ts) != 0) {
	}
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void test_ticks_then_stops(void **state)
{
	atomic_int n = 0;
	msgr_tick_t *t;
	assert_int_equal(msgr_tick_start(&t, 20, count, &n, NULL), MSGR_OK);
	sleep_ms(210);
	int seen = atomic_load(&n);
	/* 10 ticks are due in 210 ms; a loaded machine may run late, never early */
	assert_true(seen >= 3 && seen <= 10);
	msgr_tick_stop(t);
	int after = atomic_load(&n);
	sleep_ms(60);
	assert_int_equal(atomic_load(&n), after); /* nothing once stopped */
}

static void test_stop_does_not_wait_for_the_interval(void **state)
{
	atomic_int n = 0;
	msgr_tick_t *t;
	assert_int_equal(msgr_tick_start(&t, 60000, count, &n, NULL), MSGR_OK);
	long long started = now_ms();
	msgr_tick_stop(t);
	assert_true(now_ms() - started < 1000);
	assert_int_equal(atomic_load(&n), 0);
	msgr_tick_stop(NULL);
}

static void test_bad_arguments(void **state)
{
	msgr_tick_t *t = (msgr_tick_t *) 1;
	msgr_error_t err;
	atomic_int n = 0;
	assert_int_equal(msgr_tick_start(&t, 0, count, &n, &err), MSGR_ERR_INVALID);
	assert_null(t);
	assert_true(strlen(err.message) > 0);
	assert_int_equal(msgr_tick_start(&t, 10, NULL, &n, &err), MSGR_ERR_INVALID);
	leak_fail_after = 0;
	assert_int_equal(msgr_tick_start(&t, 10, count, &n, &err), MSGR_ERR_NOMEM);
	leak_fail_after = -1;
	assert_null(t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_ticks_then_stops),
		LEAK_TEST(test_stop_does_not_wait_for_the_interval),
		LEAK_TEST(test_bad_arguments),
	};
	return cmocka_run_group_tests_name("msgr_tick", tests, NULL, NULL);
}
