#include "leakcheck.h"
#include "core/base/error.h"

#include <string.h>

static void test_set_formats_and_returns_code(void **state)
{
	msgr_error_t err;
	int rc = msgr_error_set(&err, MSGR_ERR_INVALID, "bad %s at %d", "port", 7);
	assert_int_equal(rc, MSGR_ERR_INVALID);
	assert_int_equal(err.code, MSGR_ERR_INVALID);
	assert_string_equal(err.message, "bad port at 7");
}

static void test_long_message_is_truncated(void **state)
{
	msgr_error_t err;
	char big[2000];
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	msgr_error_set(&err, MSGR_ERR_IO, "%s", big);
	assert_int_equal(strlen(err.message), MSGR_ERROR_MAX - 1);
}

static void test_null_error_is_allowed(void **state)
{
	assert_int_equal(msgr_error_set(NULL, MSGR_ERR_IO, "x"), MSGR_ERR_IO);
}

static void test_clear_and_strerror(void **state)
{
	msgr_error_t err;
	msgr_error_set(&err, MSGR_ERR_NOMEM, "x");
	msgr_error_clear(&err);
	assert_int_equal(err.code, MSGR_OK);
	assert_string_equal(err.message, "");
	assert_string_equal(msgr_strerror(MSGR_ERR_NOMEM), "out of memory");
	assert_string_equal(msgr_strerror(-999), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_set_formats_and_returns_code),
		LEAK_TEST(test_long_message_is_truncated),
		LEAK_TEST(test_null_error_is_allowed),
		LEAK_TEST(test_clear_and_strerror),
	};
	return cmocka_run_group_tests_name("msgr_error", tests, NULL, NULL);
}
