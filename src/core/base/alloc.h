/* Allocation for the pure-C core. Every core allocation goes through these hooks so that
 * the cmocka tests can count what is taken and given back. */
#ifndef MSGR_ALLOC_H
#define MSGR_ALLOC_H

#include <stddef.h>

typedef struct msgr_allocator {
	void *(*malloc_fn)(size_t size);
	void *(*realloc_fn)(void *ptr, size_t size);
	void (*free_fn)(void *ptr);
} msgr_allocator_t;

/* NULL restores the C library's allocator. */
void msgr_set_allocator(const msgr_allocator_t *allocator);

void *msgr_malloc(size_t size);
void *msgr_calloc(size_t count, size_t size);
void *msgr_realloc(void *ptr, size_t size);
void msgr_free(void *ptr);
char *msgr_strndup(const char *s, size_t len);

#endif
