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

/* {{{ finding a command */
static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
}

/* whether every ':'-part of name starts the same part of command */
static bool abbreviates(const char *name, const char *command)
{
	const char *n = name, *c = command;
	for (;;) {
		while (*n && *n != ':') {
			if (lower(*n) != lower(*c)) {
				return false;
			}
			n++;
			c++;
		}
		if (!*n) {
			return true;
		}
		while (*c && *c != ':') {
			c++; /* the rest of the command's part */
		}
		if (!*c) {
			return false; /* the name has more parts */
		}
		n++;
		c++;
	}
}

int msgr_command_find(const char *name, const char *const *names, size_t count, size_t *matches, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		if (strcmp(names[i], name) == 0) {
			return (int) i;
		}
	}
	int found = MSGR_COMMAND_NONE;
	for (size_t i = 0; i < count; i++) {
		if (!abbreviates(name, names[i])) {
			continue;
		}
		if (*n < MSGR_COMMAND_SUGGEST_MAX) {
			matches[(*n)++] = i;
		}
		found = found == MSGR_COMMAND_NONE ? (int) i : MSGR_COMMAND_AMBIGUOUS;
	}
	return found;
}

/* the edit distance of a[0..al) and b[0..bl), ignoring case; long inputs count as far apart */
static size_t distance(const char *a, size_t al, const char *b, size_t bl)
{
	enum { MAX = 64 };
	if (al >= MAX || bl >= MAX) {
		return al > bl ? al : bl;
	}
	size_t row[MAX + 1];
	for (size_t j = 0; j <= bl; j++) {
		row[j] = j;
	}
	for (size_t i = 1; i <= al; i++) {
		size_t diagonal = row[0];
		row[0] = i;
		for (size_t j = 1; j <= bl; j++) {
			size_t above = row[j];
			size_t best = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
			if (above + 1 < best) {
				best = above + 1;
			}
			if (row[j - 1] + 1 < best) {
				best = row[j - 1] + 1;
			}
			row[j] = best;
			diagonal = above;
		}
	}
	return row[bl];
}

static bool contains(const char *hay, size_t hl, const char *needle, size_t nl)
{
	for (size_t i = 0; nl <= hl && i + nl <= hl; i++) {
		size_t k = 0;
		while (k < nl && lower(hay[i + k]) == lower(needle[k])) {
			k++;
		}
		if (k == nl) {
			return true;
		}
	}
	return false;
}

/* Symfony's scoring: a command enters when one of its parts is close to the name's part in the
 * same place (within a third of its length, or containing it), or when the whole names are
 * close; each of the name's parts that is not close (or that the command lacks) then costs FAR,
 * and twice FAR or more is no suggestion. */
#define FAR 1000
#define ABSENT (-1)

static bool close_to(const char *part, size_t pl, const char *other, size_t ol, long *lev)
{
	*lev = (long) distance(part, pl, other, ol);
	return (size_t) *lev <= pl / 3 || (pl > 0 && contains(other, ol, part, pl));
}

static long score_of(const char *name, const char *command)
{
	long score = ABSENT, lev;
	const char *n = name;
	size_t index = 0;
	for (;;) {
		size_t nl = strcspn(n, ":");
		/* the command's part at the same index */
		const char *c = command;
		for (size_t k = 0; k < index && c; k++) {
			c = strchr(c, ':');
			c = c ? c + 1 : NULL;
		}
		if (!c) {
			if (score != ABSENT) {
				score += FAR;
			}
		} else if (close_to(n, nl, c, strcspn(c, ":"), &lev)) {
			score = score == ABSENT ? lev : score + lev;
		} else if (score != ABSENT) {
			score += FAR;
		}
		if (!n[nl]) {
			break;
		}
		n += nl + 1;
		index++;
	}
	if (close_to(name, strlen(name), command, strlen(command), &lev)) {
		score = score == ABSENT ? lev : score - lev;
	}
	return score;
}

size_t msgr_command_alternatives(const char *name, const char *const *names, size_t count, size_t *out)
{
	size_t n = 0;
	long score[MSGR_COMMAND_SUGGEST_MAX];
	for (size_t i = 0; i < count; i++) {
		long s = score_of(name, names[i]);
		if (s == ABSENT || s >= 2 * FAR) {
			continue;
		}
		/* insert by score (ties keep the commands' order), keeping the best ones */
		size_t at = n;
		while (at > 0 && score[at - 1] > s) {
			at--;
		}
		if (at >= MSGR_COMMAND_SUGGEST_MAX) {
			continue;
		}
		size_t last = n < MSGR_COMMAND_SUGGEST_MAX ? n : MSGR_COMMAND_SUGGEST_MAX - 1;
		for (size_t k = last; k > at; k--) {
			score[k] = score[k - 1];
			out[k] = out[k - 1];
		}
		score[at] = s;
		out[at] = i;
		if (n < MSGR_COMMAND_SUGGEST_MAX) {
			n++;
		}
	}
	return n;
}
/* }}} */
