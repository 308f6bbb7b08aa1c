/* Persistent connections: a process-wide pool of idle connections, keyed by what makes two
 * interchangeable (server, credentials, TLS, settings). A transport takes one out (no two share
 * one) and gives it back when it goes away; the pool closes what it cannot keep. After fork(),
 * a child never takes its parent's connections: it forgets them (their sockets stay the
 * parent's). Each kind of connection has its own pool, defined by its transport. */
#ifndef MSGR_POOL_H
#define MSGR_POOL_H

#include "core/base/buf.h"

#include <pthread.h>
#include <sys/types.h>

#define MSGR_POOL_SIZE 16

typedef struct msgr_pool {
	void (*close)(void *conn);   /* closes and frees a connection */
	void (*forget)(void *conn);  /* drops a connection inherited through fork() without touching its socket's peer */
	pthread_mutex_t lock;
	struct {
		char *key;
		void *conn;
		pid_t pid;
	} slots[MSGR_POOL_SIZE];
} msgr_pool_t;

#define MSGR_POOL_INIT(close_fn, forget_fn) { (close_fn), (forget_fn), PTHREAD_MUTEX_INITIALIZER, { { 0 } } }

/* The connection pooled under key, taken out; NULL when none. */
void *msgr_pool_take(msgr_pool_t *p, const char *key);
/* Takes key (msgr_malloc'd) and conn: pooled, or both freed (conn closed) when the pool is full. */
void msgr_pool_give(msgr_pool_t *p, char *key, void *conn);
/* Appends one field of a key, length first, so that no two sets of fields make one key (a
 * user "a|b" with password "c" and a user "a" with password "b|c"); NULL is "". */
int msgr_pool_key_add(msgr_buf_t *key, const char *field);
/* Adds the n fields to key (after what the caller put first, which rc says went well) and gives
 * its text (owned), or NULL with key freed when memory ran out. */
char *msgr_pool_key_end(msgr_buf_t *key, int rc, const char *const *fields, size_t n);
/* Closes every pooled connection of this process (at module shutdown), forgets the others. */
void msgr_pool_clear(msgr_pool_t *p);

#endif
