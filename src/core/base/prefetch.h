/* How many messages a worker reads ahead from one receiver when its transport was not told
 * (get_batch_size): as many as its recent handling rate finishes in MSGR_PREFETCH_WINDOW_US,
 * rounded down to 1, 2, 5, 10, 20 or MSGR_PREFETCH_MAX. A fast handler so pays one round trip (or commit) per
 * batch instead of one per message, and a slow one still holds one message at a time, as
 * Symfony's worker does: what a kill -9 strands stays small either way. */
#ifndef MSGR_PREFETCH_H
#define MSGR_PREFETCH_H

#include <stdbool.h>
#include <stddef.h>

#define MSGR_PREFETCH_WINDOW_US 100000.0
#define MSGR_PREFETCH_MAX 50

typedef struct msgr_prefetch {
	double per_message_us; /* a moving average of the handling time of one message; 0: none yet */
} msgr_prefetch_t;

/* messages were handled in elapsed_us (messages >= 1; elapsed_us >= 0) */
void msgr_prefetch_note(msgr_prefetch_t *p, double elapsed_us, size_t messages);

/* the read-ahead now: 1 until a handling time is known */
size_t msgr_prefetch_size(const msgr_prefetch_t *p);

/* What a transport reads in a batch: its get_batch_size when given (given > 0), else what the
 * worker reading it asks for (read_ahead, 0 when no worker reads it), else 1. */
long long msgr_prefetch_batch(long long given, size_t read_ahead);
/* Whether its acknowledgements wait for the next read (or the worker's flush): with a
 * get_batch_size above 1, or with none given while a worker reads it. Used alone with
 * get_batch_size 1, Symfony's way, an ack is written at once. */
bool msgr_prefetch_acks_wait(long long given, size_t read_ahead);

#endif
