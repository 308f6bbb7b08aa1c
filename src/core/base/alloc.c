#include "core/base/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static msgr_allocator_t msgr_allocator = { malloc, realloc, free };

void msgr_set_allocator(const msgr_allocator_t *allocator)
{
	if (allocator) {
		msgr_allocator = *allocator;
	} else {
		msgr_allocator.malloc_fn = malloc;
		msgr_allocator.realloc_fn = realloc;
		msgr_allocator.free_fn = free;
	}
}

void *msgr_malloc(size_t size)
{
	return msgr_allocator.malloc_fn(size ? size : 1);
}

void *msgr_calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size) {
		return NULL;
	}
	void *p = msgr_malloc(count * size);
	if (p) {
		memset(p, 0, count * size);
	}
	return p;
}

void *msgr_realloc(void *ptr, size_t size)
{
	return msgr_allocator.realloc_fn(ptr, size ? size : 1);
}

void msgr_free(void *ptr)
{
	if (ptr) {
		msgr_allocator.free_fn(ptr);
	}
}

char *msgr_strndup(const char *s, size_t len)
{
	char *copy = msgr_malloc(len + 1);
	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}
