/* The rate limit of one receiver: at most `limit` messages per fixed window of `interval_ms`,
 * the first window starting with the first message. A batch may overdraw a window; the
 * windows after it then stay closed until the excess is paid. */
#ifndef MSGR_RATE_H
#define MSGR_RATE_H

#include "core/base/error.h"

#include <stddef.h>
#include <stdbool.h>

typedef struct msgr_rate {
	long long limit;
	long long interval_ms;
	long long used;         /* messages taken in the window that starts at window_start */
	long long window_start; /* ms; meaningful once started */
	bool started;
} msgr_rate_t;

/* limit >= 1 and interval_ms >= 1, else MSGR_ERR_INVALID. */
int msgr_rate_init(msgr_rate_t *r, long long limit, long long interval_ms, msgr_error_t *err);

/* The ms to wait at now_ms before one more message may be taken; 0: at once. */
long long msgr_rate_wait_ms(msgr_rate_t *r, long long now_ms);

/* Counts one message taken at now_ms. */
void msgr_rate_take(msgr_rate_t *r, long long now_ms);

/* An interval as Symfony's configuration writes it: "1 second", "10 seconds", "1.5 minutes",
 * "2 hours", "1 day", "1 week", or a bare number of seconds; into ms (>= 1). */
int msgr_rate_parse_interval(const char *text, size_t len, long long *ms, msgr_error_t *err);

#endif
