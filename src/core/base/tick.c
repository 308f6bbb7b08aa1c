/* The ticker thread: sleeps on a condition variable (monotonic clock) so that stop wakes it at
 * once, and blocks every signal so that signals keep going to the threads that expect them. */
#include "core/base/tick.h"
#include "core/base/alloc.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <time.h>

struct msgr_tick {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	long long interval_ms;
	msgr_tick_fn fn;
	void *arg;
	bool stopping; /* under lock */
};

static void add_ms(struct timespec *ts, long long ms)
{
	ts->tv_sec += (time_t) (ms / 1000);
	ts->tv_nsec += (long) (ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

static void *tick_main(void *p)
{
	msgr_tick_t *t = p;
	struct timespec due;
	clock_gettime(CLOCK_MONOTONIC, &due);
	pthread_mutex_lock(&t->lock);
	for (;;) {
		add_ms(&due, t->interval_ms);
		int rc = 0;
		while (!t->stopping && rc != ETIMEDOUT) {
			rc = pthread_cond_timedwait(&t->wake, &t->lock, &due);
		}
		if (t->stopping) {
			break;
		}
		t->fn(t->arg);
	}
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

int msgr_tick_start(msgr_tick_t **out, long long interval_ms, msgr_tick_fn fn, void *arg, msgr_error_t *err)
{
	*out = NULL;
	if (interval_ms < 1 || !fn) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "a ticker needs an interval of at least 1 ms and a function");
	}
	msgr_tick_t *t = msgr_calloc(1, sizeof(*t));
	if (!t) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	t->interval_ms = interval_ms;
	t->fn = fn;
	t->arg = arg;
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_mutex_init(&t->lock, NULL);
	pthread_cond_init(&t->wake, &attr);
	pthread_condattr_destroy(&attr);

	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&t->thread, NULL, tick_main, t);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&t->wake);
		pthread_mutex_destroy(&t->lock);
		msgr_free(t);
		return msgr_error_set(err, MSGR_ERR_IO, "cannot start the ticker thread: %s", strerror(rc));
	}
	*out = t;
	return MSGR_OK;
}

void msgr_tick_stop(msgr_tick_t *t)
{
	if (!t) {
		return;
	}
	pthread_mutex_lock(&t->lock);
	t->stopping = true;
	pthread_cond_signal(&t->wake);
	pthread_mutex_unlock(&t->lock);
	pthread_join(t->thread, NULL);
	pthread_cond_destroy(&t->wake);
	pthread_mutex_destroy(&t->lock);
	msgr_free(t);
}
