/* See msgr_args.h. */
#include "core/base/args.h"

#include <string.h>

static const msgr_opt_spec_t common[] = {
	{ "help", 'h', MSGR_OPT_FLAG },
	{ "quiet", 'q', MSGR_OPT_FLAG },
	{ "verbose", 'v', MSGR_OPT_FLAG },
	{ "ansi", 0, MSGR_OPT_FLAG },
	{ "no-ansi", 0, MSGR_OPT_FLAG },
	{ "no-interaction", 'n', MSGR_OPT_FLAG },
	{ NULL, 0, 0 },
};

static const msgr_opt_spec_t *find_long(const msgr_opt_spec_t *spec, const char *name, size_t len)
{
	const msgr_opt_spec_t *lists[2] = { spec, common };
	for (int l = 0; l < 2; l++) {
		for (const msgr_opt_spec_t *s = lists[l]; s && s->name; s++) {
			if (strlen(s->name) == len && memcmp(s->name, name, len) == 0) {
				return s;
			}
		}
	}
	return NULL;
}

static const msgr_opt_spec_t *find_short(const msgr_opt_spec_t *spec, char c)
{
	const msgr_opt_spec_t *lists[2] = { spec, common };
	for (int l = 0; l < 2; l++) {
		for (const msgr_opt_spec_t *s = lists[l]; s && s->name; s++) {
			if (s->short_name && s->short_name == c) {
				return s;
			}
		}
	}
	return NULL;
}

static int add(msgr_args_t *out, const msgr_opt_spec_t *s, const char *value, msgr_error_t *err)
{
	if (strcmp(s->name, "verbose") == 0) {
		out->verbosity = out->verbosity < 3 ? out->verbosity + 1 : 3;
		return MSGR_OK;
	}
	if (strcmp(s->name, "quiet") == 0) {
		out->verbosity = -1;
		return MSGR_OK;
	}
	if (out->option_count == MSGR_ARGS_MAX) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "Too many options.");
	}
	out->options[out->option_count].name = s->name;
	out->options[out->option_count].value = value;
	out->option_count++;
	return MSGR_OK;
}

int msgr_args_parse(int argc, const char *const *argv, const msgr_opt_spec_t *spec, msgr_args_t *out, msgr_error_t *err)
{
	memset(out, 0, sizeof(*out));
	bool options_done = false;
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		if (options_done || a[0] != '-' || a[1] == '\0') {
			if (out->positional_count == MSGR_ARGS_MAX) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "Too many arguments.");
			}
			out->positional[out->positional_count++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			options_done = true;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2, *eq = strchr(name, '=');
			size_t len = eq ? (size_t) (eq - name) : strlen(name);
			const msgr_opt_spec_t *s = find_long(spec, name, len);
			if (!s) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "The \"--%.*s\" option does not exist.", (int) (len > 100 ? 100 : len), name);
			}
			const char *value = eq ? eq + 1 : NULL;
			if (s->kind == MSGR_OPT_FLAG && value) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "The \"--%s\" option does not accept a value.", s->name);
			}
			if ((s->kind == MSGR_OPT_VALUE || s->kind == MSGR_OPT_LIST) && !value) {
				if (i + 1 >= argc) {
					return msgr_error_set(err, MSGR_ERR_INVALID, "The \"--%s\" option requires a value.", s->name);
				}
				value = argv[++i];
			}
			int rc = add(out, s, value, err);
			if (rc) {
				return rc;
			}
			continue;
		}
		/* -x, -xvalue, -x value, -vvv */
		for (const char *c = a + 1; *c; c++) {
			const msgr_opt_spec_t *s = find_short(spec, *c);
			if (!s) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "The \"-%c\" option does not exist.", *c);
			}
			if (s->kind == MSGR_OPT_FLAG || s->kind == MSGR_OPT_OPTIONAL) {
				int rc = add(out, s, NULL, err);
				if (rc) {
					return rc;
				}
				continue;
			}
			const char *value = c[1] ? c + 1 : NULL;
			if (!value) {
				if (i + 1 >= argc) {
					return msgr_error_set(err, MSGR_ERR_INVALID, "The \"--%s\" option requires a value.", s->name);
				}
				value = argv[++i];
			}
			int rc = add(out, s, value, err);
			if (rc) {
				return rc;
			}
			break;
		}
	}
	return MSGR_OK;
}

const char *msgr_args_get(const msgr_args_t *args, const char *name)
{
	const char *found = NULL;
	for (size_t i = 0; i < args->option_count; i++) {
		if (strcmp(args->options[i].name, name) == 0) {
			found = args->options[i].value ? args->options[i].value : "";
		}
	}
	return found;
}

bool msgr_args_has(const msgr_args_t *args, const char *name)
{
	return msgr_args_get(args, name) != NULL;
}
