#include "core/base/route.h"
#include "core/base/alloc.h"
#include "core/base/error.h"

#include <string.h>

int msgr_route_wildcards(const char *class_name, size_t len, msgr_route_wildcard_fn fn, void *ctx)
{
	if (len && class_name[0] == '\\') {
		class_name++;
		len--;
	}
	if (len == 0) {
		return MSGR_OK;
	}
	char *pattern = msgr_malloc(len + 2);
	if (!pattern) {
		return MSGR_ERR_NOMEM;
	}
	int rc = MSGR_OK;
	for (size_t end = len; end > 0 && rc == MSGR_OK; end--) {
		/* a separator at `end - 1` with a namespace before it */
		if (class_name[end - 1] == '\\' && end > 1) {
			memcpy(pattern, class_name, end);
			pattern[end] = '*';
			pattern[end + 1] = '\0';
			rc = fn(ctx, pattern, end + 1);
		}
	}
	msgr_free(pattern);
	return rc;
}

void msgr_route_order_by_priority(const int *priorities, size_t n, size_t *order)
{
	for (size_t i = 0; i < n; i++) {
		size_t idx = i;
		size_t j = i;
		/* insertion sort: handler lists are short and stability is the point */
		while (j > 0 && priorities[order[j - 1]] < priorities[idx]) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = idx;
	}
}
