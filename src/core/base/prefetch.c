#include "core/base/prefetch.h"

/* the weight of the latest batch: a slow message shrinks the read-ahead at the next read, and a
 * run of fast ones lets it grow back within a few batches */
#define WEIGHT 0.3

void msgr_prefetch_note(msgr_prefetch_t *p, double elapsed_us, size_t messages)
{
	if (messages == 0) {
		return;
	}
	double each = elapsed_us > 0 ? elapsed_us / (double) messages : 0;
	p->per_message_us = p->per_message_us > 0 ? p->per_message_us * (1 - WEIGHT) + each * WEIGHT : (each > 0 ? each : 0.001);
}

size_t msgr_prefetch_size(const msgr_prefetch_t *p)
{
	if (p->per_message_us <= 0) {
		return 1;
	}
	/* in steps, so that a handling time that wavers does not change the read from one batch to
	 * the next (a table transport prepares its claim again for another size) */
	static const size_t steps[] = { MSGR_PREFETCH_MAX, 20, 10, 5, 2 };
	double n = MSGR_PREFETCH_WINDOW_US / p->per_message_us;
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (n >= (double) steps[i]) {
			return steps[i];
		}
	}
	return 1;
}

long long msgr_prefetch_batch(long long given, size_t read_ahead)
{
	return given > 0 ? given : read_ahead ? (long long) read_ahead : 1;
}

bool msgr_prefetch_acks_wait(long long given, size_t read_ahead)
{
	return given > 1 || (given <= 0 && read_ahead);
}
