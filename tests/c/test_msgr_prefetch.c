#include "leakcheck.h"
#include "core/base/prefetch.h"

static void test_unknown_then_fast(void **state)
{
	msgr_prefetch_t p = { 0 };
	/* nothing handled yet: one message at a time */
	assert_int_equal(msgr_prefetch_size(&p), 1);
	msgr_prefetch_note(&p, 0, 0); /* nothing handled: no change */
	assert_int_equal(msgr_prefetch_size(&p), 1);
	/* 20 us a message: 100 ms hold 5000, capped */
	msgr_prefetch_note(&p, 20, 1);
	assert_int_equal(msgr_prefetch_size(&p), MSGR_PREFETCH_MAX);
	/* a handler that takes no measurable time is fast, not unknown */
	msgr_prefetch_t q = { 0 };
	msgr_prefetch_note(&q, 0, 3);
	assert_int_equal(msgr_prefetch_size(&q), MSGR_PREFETCH_MAX);
}

static void test_sized_by_time(void **state)
{
	msgr_prefetch_t p = { 0 };
	/* 40 batches of 10 messages in 40 ms: 4 ms each, 25 in 100 ms: a read of 20 */
	for (int i = 0; i < 40; i++) {
		msgr_prefetch_note(&p, 40000, 10);
	}
	assert_int_equal(msgr_prefetch_size(&p), 20);
	/* 30 ms each: 3 in 100 ms, a read of 2 */
	msgr_prefetch_t q = { 0 };
	msgr_prefetch_note(&q, 30000, 1);
	assert_int_equal(msgr_prefetch_size(&q), 2);
	/* 150 ms each: fewer than one in 100 ms, still one */
	msgr_prefetch_t slow = { 0 };
	msgr_prefetch_note(&slow, 150000, 1);
	assert_int_equal(msgr_prefetch_size(&slow), 1);
}

static void test_slow_message_shrinks_at_once(void **state)
{
	msgr_prefetch_t p = { 0 };
	for (int i = 0; i < 10; i++) {
		msgr_prefetch_note(&p, 50 * 20, 50);
	}
	assert_int_equal(msgr_prefetch_size(&p), MSGR_PREFETCH_MAX);
	/* one message of 2 s: the next read takes one */
	msgr_prefetch_note(&p, 2000000, 1);
	assert_int_equal(msgr_prefetch_size(&p), 1);
	/* fast ones again: back to the cap within some batches */
	int reads = 0;
	while (msgr_prefetch_size(&p) < MSGR_PREFETCH_MAX && reads < 100) {
		size_t n = msgr_prefetch_size(&p);
		msgr_prefetch_note(&p, 20.0 * (double) n, n);
		reads++;
	}
	assert_true(reads > 1 && reads < 40);
}

/* the batch rules both transports read: get_batch_size first, then the worker's read-ahead,
 * then 1; acknowledgements wait with a batch size above 1 or a worker, never alone with 1 */
static void test_batch_rules(void **state)
{
	assert_int_equal(msgr_prefetch_batch(0, 0), 1);
	assert_int_equal(msgr_prefetch_batch(0, 20), 20);
	assert_int_equal(msgr_prefetch_batch(7, 20), 7);
	assert_int_equal(msgr_prefetch_batch(1, 50), 1);
	assert_false(msgr_prefetch_acks_wait(0, 0));
	assert_true(msgr_prefetch_acks_wait(0, 1));
	assert_false(msgr_prefetch_acks_wait(1, 0));
	assert_false(msgr_prefetch_acks_wait(1, 50)); /* get_batch_size=1: Symfony's way, even under a worker */
	assert_true(msgr_prefetch_acks_wait(5, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_unknown_then_fast),
		LEAK_TEST(test_sized_by_time),
		LEAK_TEST(test_slow_message_shrinks_at_once),
		LEAK_TEST(test_batch_rules),
	};
	return cmocka_run_group_tests_name("msgr_prefetch", tests, NULL, NULL);
}
