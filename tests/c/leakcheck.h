/* A counting allocator installed through msgr_set_allocator(): each test starts with none
 * outstanding and must end with none. */
#ifndef MSGR_TEST_LEAKCHECK_H
#define MSGR_TEST_LEAKCHECK_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "core/base/alloc.h"

static long leak_outstanding;
static long leak_fail_after = -1; /* fail the Nth allocation from now on; -1: never */

static void *leak_malloc(size_t size)
{
	if (leak_fail_after == 0) {
		return NULL;
	}
	if (leak_fail_after > 0) {
		leak_fail_after--;
	}
	void *p = malloc(size);
	if (p) {
		leak_outstanding++;
	}
	return p;
}

static void *leak_realloc(void *ptr, size_t size)
{
	if (leak_fail_after == 0) {
		return NULL;
	}
	if (leak_fail_after > 0) {
		leak_fail_after--;
	}
	void *p = realloc(ptr, size);
	if (p && !ptr) {
		leak_outstanding++;
	}
	return p;
}

static void leak_free(void *ptr)
{
	if (ptr) {
		leak_outstanding--;
	}
	free(ptr);
}

static const msgr_allocator_t leak_allocator = { leak_malloc, leak_realloc, leak_free };

static int leak_setup(void **state)
{
	(void) state;
	leak_outstanding = 0;
	leak_fail_after = -1;
	msgr_set_allocator(&leak_allocator);
	return 0;
}

static int leak_teardown(void **state)
{
	(void) state;
	msgr_set_allocator(NULL);
	assert_int_equal(leak_outstanding, 0);
	return 0;
}

#define LEAK_TEST(fn) cmocka_unit_test_setup_teardown(fn, leak_setup, leak_teardown)

#endif
