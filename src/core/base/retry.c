/* See msgr_retry.h. */
#include "core/base/retry.h"

#include <math.h>

bool msgr_retry_valid(const msgr_retry_t *r, const char **reason)
{
	if (r->max_retries < 0) {
		*reason = "max_retries must be 0 or more";
	} else if (r->delay_ms < 0) {
		*reason = "delay must be 0 or more";
	} else if (!(r->multiplier >= 1.0) || !isfinite(r->multiplier)) {
		*reason = "multiplier must be 1 or more";
	} else if (r->max_delay_ms < 0) {
		*reason = "max_delay must be 0 or more";
	} else if (!(r->jitter >= 0.0 && r->jitter <= 1.0)) {
		*reason = "jitter must be between 0 and 1";
	} else if (r->n_delays < 0 || r->n_delays > MSGR_RETRY_DELAYS_MAX) {
		*reason = "delays must list 1 to 32 waits";
	} else {
		for (int i = 0; i < r->n_delays; i++) {
			if (r->delays_ms[i] < 0) {
				*reason = "delays must be 0 or more each";
				return false;
			}
		}
		return true;
	}
	return false;
}

bool msgr_retry_allowed(const msgr_retry_t *r, long long retries)
{
	return retries < r->max_retries;
}

long long msgr_retry_wait_ms(const msgr_retry_t *r, long long retries, double random)
{
	if (r->n_delays > 0) {
		return r->delays_ms[retries < 0 ? 0 : retries >= r->n_delays ? r->n_delays - 1 : retries];
	}
	double delay = (double) r->delay_ms * pow(r->multiplier, (double) (retries < 0 ? 0 : retries));
	if (r->jitter > 0.0) {
		double spread = delay * r->jitter;
		delay += (random * 2.0 - 1.0) * spread;
	}
	if (delay < 0.0) {
		delay = 0.0;
	}
	double cap = r->max_delay_ms > 0 ? (double) r->max_delay_ms : 9.2e18;
	if (delay > cap) {
		delay = cap;
	}
	return (long long) ceil(delay);
}
