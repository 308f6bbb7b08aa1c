#include "core/base/pool.h"
#include "core/base/error.h"
#include "core/base/alloc.h"
#include "core/base/buf.h"

#include <string.h>
#include <unistd.h>

void *msgr_pool_take(msgr_pool_t *p, const char *key)
{
	void *found = NULL;
	pid_t me = getpid();
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < MSGR_POOL_SIZE && !found; i++) {
		if (!p->slots[i].conn) {
			continue;
		}
		if (p->slots[i].pid != me) {
			/* inherited: the parent still talks on it; only this process's copy goes */
			p->forget(p->slots[i].conn);
		} else if (strcmp(p->slots[i].key, key) == 0) {
			found = p->slots[i].conn;
		} else {
			continue;
		}
		msgr_free(p->slots[i].key);
		p->slots[i].key = NULL;
		p->slots[i].conn = NULL;
	}
	pthread_mutex_unlock(&p->lock);
	return found;
}

void msgr_pool_give(msgr_pool_t *p, char *key, void *conn)
{
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < MSGR_POOL_SIZE && conn; i++) {
		if (!p->slots[i].conn) {
			p->slots[i].key = key;
			p->slots[i].conn = conn;
			p->slots[i].pid = getpid();
			conn = NULL;
			key = NULL;
		}
	}
	pthread_mutex_unlock(&p->lock);
	if (conn) {
		p->close(conn);
	}
	msgr_free(key);
}

void msgr_pool_clear(msgr_pool_t *p)
{
	pthread_mutex_lock(&p->lock);
	pid_t me = getpid();
	for (size_t i = 0; i < MSGR_POOL_SIZE; i++) {
		if (p->slots[i].conn) {
			/* a forked child's shutdown must not close its parent's connections */
			(p->slots[i].pid == me ? p->close : p->forget)(p->slots[i].conn);
		}
		msgr_free(p->slots[i].key);
		p->slots[i].conn = NULL;
		p->slots[i].key = NULL;
	}
	pthread_mutex_unlock(&p->lock);
}

int msgr_pool_key_add(msgr_buf_t *key, const char *field)
{
	if (!field) {
		field = "";
	}
	return msgr_buf_appendf(key, "%zu:%s|", strlen(field), field);
}

char *msgr_pool_key_end(msgr_buf_t *key, int rc, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n && rc == MSGR_OK; i++) {
		rc = msgr_pool_key_add(key, fields[i]);
	}
	if (rc != MSGR_OK) {
		msgr_buf_free(key);
		return NULL;
	}
	return key->data;
}
