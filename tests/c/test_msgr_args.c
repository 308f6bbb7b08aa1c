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

static const char *const commands[] = {
	"list", "help", "messenger:consume", "messenger:setup-transports", "messenger:stats", "messenger:stop-workers",
	"messenger:failed:show", "messenger:failed:retry", "messenger:failed:remove", "debug:messenger",
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void test_command_find(void **state)
{
	size_t matches[MSGR_COMMAND_SUGGEST_MAX], n;
	assert_int_equal(msgr_command_find("messenger:stats", commands, NCOMMANDS, matches, &n), 4);
	assert_int_equal(msgr_command_find("m:stats", commands, NCOMMANDS, matches, &n), 4);
	assert_int_equal(msgr_command_find("messenger:stat", commands, NCOMMANDS, matches, &n), 4);
	assert_int_equal(msgr_command_find("M:F:SH", commands, NCOMMANDS, matches, &n), 6);
	assert_int_equal(msgr_command_find("m:setup", commands, NCOMMANDS, matches, &n), 3);
	assert_int_equal(msgr_command_find("li", commands, NCOMMANDS, matches, &n), 0);
	/* "m:s" is stats, setup-transports or stop-workers */
	assert_int_equal(msgr_command_find("m:s", commands, NCOMMANDS, matches, &n), MSGR_COMMAND_AMBIGUOUS);
	assert_int_equal(n, 3);
	assert_int_equal(matches[0], 3);
	assert_int_equal(matches[1], 4);
	assert_int_equal(matches[2], 5);
	assert_int_equal(msgr_command_find("m:f:re", commands, NCOMMANDS, matches, &n), MSGR_COMMAND_AMBIGUOUS);
	assert_int_equal(n, 2);
	/* more parts than the command has, a part that starts nothing, nothing at all */
	assert_int_equal(msgr_command_find("m:stats:x", commands, NCOMMANDS, matches, &n), MSGR_COMMAND_NONE);
	assert_int_equal(msgr_command_find("messenger:statz", commands, NCOMMANDS, matches, &n), MSGR_COMMAND_NONE);
	assert_int_equal(n, 0);
	assert_int_equal(msgr_command_find("x", commands, NCOMMANDS, matches, &n), MSGR_COMMAND_NONE);
	/* a name with fewer parts abbreviates longer commands too ("debug"), as Symfony's pattern does */
	assert_int_equal(msgr_command_find("debug", commands, NCOMMANDS, matches, &n), 9);
	assert_int_equal(msgr_command_find("", commands, NCOMMANDS, matches, &n), MSGR_COMMAND_AMBIGUOUS);
	assert_int_equal(n, MSGR_COMMAND_SUGGEST_MAX);
}

static void test_command_alternatives(void **state)
{
	size_t out[MSGR_COMMAND_SUGGEST_MAX];
	/* as Symfony: every command of the namespace, the closest first */
	assert_int_equal(msgr_command_alternatives("messenger:statz", commands, NCOMMANDS, out), 7);
	assert_string_equal(commands[out[0]], "messenger:stats");
	assert_string_equal(commands[out[1]], "messenger:consume");
	assert_int_equal(msgr_command_alternatives("mesenger:consume", commands, NCOMMANDS, out), 7);
	assert_string_equal(commands[out[0]], "messenger:consume");
	assert_int_equal(msgr_command_alternatives("debug:mesenger", commands, NCOMMANDS, out), 1);
	assert_string_equal(commands[out[0]], "debug:messenger");
	/* a word that some commands contain */
	size_t n = msgr_command_alternatives("failed", commands, NCOMMANDS, out);
	assert_int_equal(n, 3);
	assert_string_equal(commands[out[0]], "messenger:failed:show");
	assert_string_equal(commands[out[2]], "messenger:failed:remove");
	assert_int_equal(msgr_command_alternatives("lst", commands, NCOMMANDS, out), 1);
	assert_string_equal(commands[out[0]], "list");
	assert_int_equal(msgr_command_alternatives("frobnicate", commands, NCOMMANDS, out), 0);
	assert_int_equal(msgr_command_alternatives("frobnicate:stats", commands, NCOMMANDS, out), 1);
	assert_int_equal(msgr_command_alternatives("frobnicate:x", commands, NCOMMANDS, out), 0);
	/* names longer than the distance table: compared as far apart, no overflow */
	char longname[300];
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	assert_int_equal(msgr_command_alternatives(longname, commands, NCOMMANDS, out), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_forms_of_options),
		LEAK_TEST(test_bad_options),
		LEAK_TEST(test_command_find),
		LEAK_TEST(test_command_alternatives),
	};
	return cmocka_run_group_tests_name("msgr_args", tests, NULL, NULL);
}
