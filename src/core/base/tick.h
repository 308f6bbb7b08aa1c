/* A ticker: a thread that calls fn(arg) every interval_ms until it is stopped. fn runs on the
 * ticker's thread, so it must only set flags (atomics) that the owner's thread reads. */
#ifndef MSGR_TICK_H
#define MSGR_TICK_H

#include "core/base/error.h"

typedef struct msgr_tick msgr_tick_t;
typedef void (*msgr_tick_fn)(void *arg);

/* interval_ms >= 1, else MSGR_ERR_INVALID; MSGR_ERR_NOMEM or MSGR_ERR_IO when the thread
 * cannot be made. */
int msgr_tick_start(msgr_tick_t **out, long long interval_ms, msgr_tick_fn fn, void *arg, msgr_error_t *err);

/* Wakes the thread, waits for it to end and frees the ticker; fn is not called after this
 * returns. NULL is allowed. */
void msgr_tick_stop(msgr_tick_t *t);

#endif
