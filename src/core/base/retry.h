/* Retry arithmetic, as Symfony's MultiplierRetryStrategy: the wait before retry n (n counted
 * from 1) is delay * multiplier^(n-1), moved by up to ±jitter of itself, capped by max_delay
 * (0: no cap). Or a schedule: one wait per retry (delays), the last one again for retries past
 * it when max_retries allows more. */
#ifndef MSGR_RETRY_H
#define MSGR_RETRY_H

#include <stdbool.h>

#define MSGR_RETRY_DELAYS_MAX 32

typedef struct msgr_retry {
	long long max_retries;
	long long delay_ms;
	double multiplier;
	long long max_delay_ms; /* 0: none */
	double jitter;          /* 0..1 */
	int n_delays;           /* a schedule of that many waits, or 0 */
	long long delays_ms[MSGR_RETRY_DELAYS_MAX];
} msgr_retry_t;

/* Checks the parameters; false with a reason (static text) when one is out of range. */
bool msgr_retry_valid(const msgr_retry_t *r, const char **reason);

/* Whether a message already retried `retries` times may be retried again. */
bool msgr_retry_allowed(const msgr_retry_t *r, long long retries);

/* The wait in ms before the next retry of a message already retried `retries` times; random
 * is a number in [0, 1) that picks the jitter. */
long long msgr_retry_wait_ms(const msgr_retry_t *r, long long retries, double random);

#endif
