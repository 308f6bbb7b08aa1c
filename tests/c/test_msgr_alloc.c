#include "leakcheck.h"

#include <string.h>

static void test_strndup_copies_and_terminates(void **state)
{
	char *s = msgr_strndup("hello world", 5);
	assert_non_null(s);
	assert_string_equal(s, "hello");
	assert_int_equal(leak_outstanding, 1);
	msgr_free(s);
}

static void test_calloc_zeroes_and_rejects_overflow(void **state)
{
	unsigned char *p = msgr_calloc(16, 4);
	assert_non_null(p);
	for (int i = 0; i < 64; i++) {
		assert_int_equal(p[i], 0);
	}
	msgr_free(p);
	assert_null(msgr_calloc(SIZE_MAX / 2, 4));
}

static void test_failed_allocation_returns_null(void **state)
{
	leak_fail_after = 0;
	assert_null(msgr_malloc(8));
	assert_null(msgr_strndup("x", 1));
	leak_fail_after = -1;
}

static void test_free_null_is_harmless(void **state)
{
	msgr_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_strndup_copies_and_terminates),
		LEAK_TEST(test_calloc_zeroes_and_rejects_overflow),
		LEAK_TEST(test_failed_allocation_returns_null),
		LEAK_TEST(test_free_null_is_harmless),
	};
	return cmocka_run_group_tests_name("msgr_alloc", tests, NULL, NULL);
}
