#include "leakcheck.h"
#include "core/base/utf8.h"

#include <string.h>

static void test_valid(void **state)
{
	assert_true(msgr_utf8_valid("", 0));
	assert_true(msgr_utf8_valid("w\xc3\xb6rld \xe2\x82\xac \xf0\x9f\x98\x80", 15));
	assert_true(msgr_utf8_valid("a\0b", 3));
	/* the ASCII fast path (eight bytes at a time) and a multi-byte sequence across its end */
	assert_true(msgr_utf8_valid("abcdefg\xc3\xb6", 9));
	assert_false(msgr_utf8_valid("abcdefgh\xff", 9));
}

static void test_invalid(void **state)
{
	assert_false(msgr_utf8_valid("\xff", 1));
	assert_false(msgr_utf8_valid("\xc3", 1));             /* truncated */
	assert_false(msgr_utf8_valid("\xe2\x82", 2));         /* truncated */
	assert_false(msgr_utf8_valid("\xc0\xaf", 2));         /* overlong */
	assert_false(msgr_utf8_valid("\xe0\x80\xaf", 3));     /* overlong */
	assert_false(msgr_utf8_valid("\xed\xa0\x80", 3));     /* surrogate */
	assert_false(msgr_utf8_valid("\xf4\x90\x80\x80", 4)); /* beyond U+10FFFF */
	assert_false(msgr_utf8_valid("\xc3\x28", 2));         /* not a continuation byte */
}

static void test_next_decodes_code_points(void **state)
{
	uint32_t cp;
	assert_int_equal(msgr_utf8_next((const unsigned char *) "A", 1, &cp), 1);
	assert_int_equal(cp, 0x41);
	assert_int_equal(msgr_utf8_next((const unsigned char *) "\xc3\xb6", 2, &cp), 2);
	assert_int_equal(cp, 0xF6);
	assert_int_equal(msgr_utf8_next((const unsigned char *) "\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20AC);
	assert_int_equal(msgr_utf8_next((const unsigned char *) "\xf4\x8f\xbf\xbf", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	/* the length given is respected */
	assert_int_equal(msgr_utf8_next((const unsigned char *) "\xe2\x82\xac", 2, &cp), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_valid),
		LEAK_TEST(test_invalid),
		LEAK_TEST(test_next_decodes_code_points),
	};
	return cmocka_run_group_tests_name("msgr_utf8", tests, NULL, NULL);
}
