#include "core/base/rate.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

int msgr_rate_init(msgr_rate_t *r, long long limit, long long interval_ms, msgr_error_t *err)
{
	memset(r, 0, sizeof(*r));
	if (limit < 1) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the limit must be at least 1, %lld given", limit);
	}
	if (interval_ms < 1) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the interval must be at least 1 ms, %lld given", interval_ms);
	}
	r->limit = limit;
	r->interval_ms = interval_ms;
	return MSGR_OK;
}

/* Moves the window to the one now_ms is in, paying the excess of the windows passed. */
static void roll(msgr_rate_t *r, long long now_ms)
{
	if (!r->started || now_ms < r->window_start + r->interval_ms) {
		return;
	}
	long long passed = (now_ms - r->window_start) / r->interval_ms;
	r->window_start += passed * r->interval_ms;
	/* each window passed took up to limit of what was owed */
	r->used = r->used > passed * r->limit ? r->used - passed * r->limit : 0;
	if (r->used == 0) {
		r->started = false; /* nothing owed: the next message starts a new window */
	}
}

long long msgr_rate_wait_ms(msgr_rate_t *r, long long now_ms)
{
	roll(r, now_ms);
	if (!r->started || r->used < r->limit) {
		return 0;
	}
	/* the windows still needed to pay what goes over the limit, then one with room */
	long long windows = (r->used - r->limit) / r->limit + 1;
	return r->window_start + windows * r->interval_ms - now_ms;
}

void msgr_rate_take(msgr_rate_t *r, long long now_ms)
{
	roll(r, now_ms);
	if (!r->started) {
		r->started = true;
		r->window_start = now_ms;
		r->used = 0;
	}
	r->used++;
}

static const struct {
	const char *unit;
	double ms;
} units[] = {
	{ "millisecond", 1 }, { "ms", 1 }, { "second", 1000 }, { "sec", 1000 }, { "s", 1000 },
	{ "minute", 60000 }, { "min", 60000 }, { "hour", 3600000 }, { "day", 86400000 }, { "week", 604800000 },
};

int msgr_rate_parse_interval(const char *text, size_t len, long long *ms, msgr_error_t *err)
{
	char buf[64];
	if (len == 0 || len >= sizeof(buf)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "an interval is a number of seconds or like \"10 seconds\", \"1 minute\"");
	}
	memcpy(buf, text, len);
	buf[len] = '\0';
	char *end;
	double n = strtod(buf, &end);
	if (end == buf || !isfinite(n) || n <= 0) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "an interval is a positive number of seconds or like \"10 seconds\", \"1 minute\"; \"%s\" given", buf);
	}
	while (*end == ' ') {
		end++;
	}
	double unit_ms = 1000;
	if (*end) {
		size_t ulen = strlen(end);
		if (ulen > 1 && end[ulen - 1] == 's' && strcmp(end, "ms") != 0) {
			ulen--; /* plural */
		}
		unit_ms = 0;
		for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			if (strlen(units[i].unit) == ulen && strncmp(end, units[i].unit, ulen) == 0) {
				unit_ms = units[i].ms;
				break;
			}
		}
		if (unit_ms == 0) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "unknown unit in the interval \"%s\" (known: milliseconds, seconds, minutes, hours, days, weeks)", buf);
		}
	}
	double total = n * unit_ms;
	if (total < 1 || total > 9.0e15) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the interval \"%s\" is out of range (1 ms to about 285 000 years)", buf);
	}
	*ms = (long long) llround(total);
	return MSGR_OK;
}
