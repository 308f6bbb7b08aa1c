#include "leakcheck.h"
#include "core/base/args.h"

#include <string.h>

static const msgr_opt_spec_t consume[] = {
	{ "limit", 'l', MSGR_OPT_VALUE },
	{ "memory-limit", 'm', MSGR_OPT_VALUE },
	{ "queues", 0, MSGR_OPT_LIST },
	{ "keepalive", 0, MSGR_OPT_OPTIONAL },
	{ "all", 0, MSGR_OPT_FLAG },
	{ NULL, 0, 0 },
};

static void test_forms_of_options(void **state)
{
	const char *argv[] = { "async", "--limit=10", "-m", "128M", "--queues", "a", "--queues=b", "-vv", "high", "--keepalive", "--all", "--", "--not-an-option" };
	msgr_args_t args;
	msgr_error_t err;
	assert_int_equal(msgr_args_parse(13, argv, consume, &args, &err), MSGR_OK);
	assert_int_equal(args.positional_count, 3);
	assert_string_equal(args.positional[0], "async");
	assert_string_equal(args.positional[1], "high");
	assert_string_equal(args.positional[2], "--not-an-option");
	assert_string_equal(msgr_args_get(&args, "limit"), "10");
	assert_string_equal(msgr_args_get(&args, "memory-limit"), "128M");
	assert_string_equal(msgr_args_get(&args, "queues"), "b"); /* the last; both are in options[] */
	assert_string_equal(msgr_args_get(&args, "keepalive"), "");
	assert_true(msgr_args_has(&args, "all"));
	assert_false(msgr_args_has(&args, "help"));
	assert_int_equal(args.verbosity, 2);
	size_t queues = 0;
	for (size_t i = 0; i < args.option_count; i++) {
		queues += strcmp(args.options[i].name, "queues") == 0;
	}
	assert_int_equal(queues, 2);

	const char *short_forms[] = { "-l5", "-vvv", "-q", "--keepalive=30", "-h" };
	assert_int_equal(msgr_args_parse(5, short_forms, consume, &args, &err), MSGR_OK);
	assert_string_equal(msgr_args_get(&args, "limit"), "5");
	assert_string_equal(msgr_args_get(&args, "keepalive"), "30");
	assert_int_equal(args.verbosity, -1); /* -q after -vvv */
	assert_true(msgr_args_has(&args, "help"));
}

static void test_bad_options(void **state)
{
	msgr_args_t args;
	msgr_error_t err;
	const char *unknown[] = { "--limmit=3" };
	assert_int_equal(msgr_args_parse(1, unknown, consume, &args, &err), MSGR_ERR_INVALID);
	assert_string_equal(err.message, "The \"--limmit\" option does not exist.");
	const char *short_unknown[] = { "-z" };
	assert_int_equal(msgr_args_parse(1, short_unknown, consume, &args, &err), MSGR_ERR_INVALID);
	assert_string_equal(err.message, "The \"-z\" option does not exist.");
	const char *missing[] = { "--limit" };
	assert_int_equal(msgr_args_parse(1, missing, consume, &args, &err), MSGR_ERR_INVALID);
	assert_string_equal(err.message, "The \"--limit\" option requires a value.");
	const char *flag_value[] = { "--all=yes" };
	assert_int_equal(msgr_args_parse(1, flag_value, consume, &args, &err), MSGR_ERR_INVALID);
	assert_string_equal(err.message, "The \"--all\" option does not accept a value.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_forms_of_options),
		LEAK_TEST(test_bad_options),
	};
	return cmocka_run_group_tests_name("msgr_args", tests, NULL, NULL);
}
