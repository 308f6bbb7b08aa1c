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
	double n = MSGR_PREFETCH_WINDOW_US / p->per_message_us;
	return n >= MSGR_PREFETCH_MAX ? MSGR_PREFETCH_MAX : n < 1 ? 1 : (size_t) n;
}
