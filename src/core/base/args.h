/* Command-line arguments the way Symfony Console reads them: "--name=value", "--name value",
 * "-x value", "-xvalue", bundled verbosity "-vv", "--" ending the options, repeatable options,
 * and an error naming the option that does not exist or lacks its value. */
#ifndef MSGR_ARGS_H
#define MSGR_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"

#define MSGR_OPT_FLAG     0 /* --name */
#define MSGR_OPT_VALUE    1 /* --name=value or --name value: required */
#define MSGR_OPT_OPTIONAL 2 /* --name or --name=value (never takes the next argument) */
#define MSGR_OPT_LIST     3 /* a value, repeatable */

typedef struct msgr_opt_spec {
	const char *name;  /* without "--" */
	char short_name;   /* 0: none */
	int kind;
} msgr_opt_spec_t;

typedef struct msgr_opt {
	const char *name;  /* the spec's name */
	const char *value; /* NULL for a flag or an optional value not given */
} msgr_opt_t;

#define MSGR_ARGS_MAX 64

typedef struct msgr_args {
	const char *positional[MSGR_ARGS_MAX];
	size_t positional_count;
	msgr_opt_t options[MSGR_ARGS_MAX];
	size_t option_count;
	int verbosity; /* -v 1, -vv 2, -vvv 3; -q -1 */
} msgr_args_t;

/* Parses argv[0..argc) (no program name) against spec (ended by a NULL name). -v/-vv/-vvv,
 * --verbose, -q/--quiet, -h/--help (as the option "help") and --ansi/--no-ansi/-n/--no-interaction
 * are known to every command. Returns MSGR_OK or MSGR_ERR_INVALID with err set. */
int msgr_args_parse(int argc, const char *const *argv, const msgr_opt_spec_t *spec, msgr_args_t *out, msgr_error_t *err);

/* The last value of an option (or "" for a flag), NULL when not given. */
const char *msgr_args_get(const msgr_args_t *args, const char *name);

/* Whether the option was given at all. */
bool msgr_args_has(const msgr_args_t *args, const char *name);

/* {{{ finding a command by name, as Symfony Console does */
#define MSGR_COMMAND_NONE      (-1)
#define MSGR_COMMAND_AMBIGUOUS (-2)
#define MSGR_COMMAND_SUGGEST_MAX 8

/* The index in names[0..count) of the command name means: the name itself, else the one command
 * it abbreviates, each of its ':'-separated parts a prefix of the command's part in the same place,
 * ignoring case ("m:stats", "messenger:stat"). MSGR_COMMAND_NONE, or MSGR_COMMAND_AMBIGUOUS when
 * several match; then the matches (at most MSGR_COMMAND_SUGGEST_MAX) are in matches, *n of them. */
int msgr_command_find(const char *name, const char *const *names, size_t count, size_t *matches, size_t *n);

/* The commands a name that finds none was probably meant to be ("messenger:statz"): those whose
 * parts are close to its parts, or that contain it, best first. Fills out (at most
 * MSGR_COMMAND_SUGGEST_MAX indexes) and returns how many. */
size_t msgr_command_alternatives(const char *name, const char *const *names, size_t count, size_t *out);
/* }}} */

#endif
