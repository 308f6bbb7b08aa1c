#include "leakcheck.h"
#include "core/base/buf.h"
#include "core/base/error.h"

#include <string.h>

static void test_append_grows_and_terminates(void **state)
{
	msgr_buf_t buf = MSGR_BUF_INIT;
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(msgr_buf_append(&buf, "ab", 2), MSGR_OK);
	}
	assert_int_equal(buf.len, 2000);
	assert_int_equal(buf.data[2000], '\0');
	assert_memory_equal(buf.data + 1998, "ab", 2);
	msgr_buf_free(&buf);
	assert_null(buf.data);
}

static void test_appendf_and_binary(void **state)
{
	msgr_buf_t buf = MSGR_BUF_INIT;
	assert_int_equal(msgr_buf_appendf(&buf, "%s=%d;", "n", 42), MSGR_OK);
	assert_int_equal(msgr_buf_append(&buf, "\0x", 2), MSGR_OK);
	assert_int_equal(buf.len, 7);
	assert_memory_equal(buf.data, "n=42;\0x", 7);
	msgr_buf_reset(&buf);
	assert_int_equal(buf.len, 0);
	assert_string_equal(buf.data, "");
	msgr_buf_free(&buf);
}

static void test_out_of_memory_keeps_buffer(void **state)
{
	msgr_buf_t buf = MSGR_BUF_INIT;
	assert_int_equal(msgr_buf_append_str(&buf, "keep"), MSGR_OK);
	leak_fail_after = 0;
	char big[200];
	memset(big, 'x', sizeof(big));
	assert_int_equal(msgr_buf_append(&buf, big, sizeof(big)), MSGR_ERR_NOMEM);
	leak_fail_after = -1;
	assert_string_equal(buf.data, "keep");
	msgr_buf_free(&buf);
}

static void test_reserve_overflow_is_refused(void **state)
{
	msgr_buf_t buf = MSGR_BUF_INIT;
	assert_int_equal(msgr_buf_append_str(&buf, "x"), MSGR_OK);
	assert_int_equal(msgr_buf_reserve(&buf, SIZE_MAX), MSGR_ERR_NOMEM);
	msgr_buf_free(&buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_append_grows_and_terminates),
		LEAK_TEST(test_appendf_and_binary),
		LEAK_TEST(test_out_of_memory_keeps_buffer),
		LEAK_TEST(test_reserve_overflow_is_refused),
	};
	return cmocka_run_group_tests_name("msgr_buf", tests, NULL, NULL);
}
