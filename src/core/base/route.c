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

msgr_route_key_t msgr_route_key_kind(const char *key, size_t len)
{
	if (!memchr(key, '*', len)) {
		return MSGR_ROUTE_KEY_CLASS;
	}
	if (len == 1) {
		return MSGR_ROUTE_KEY_ANY;
	}
	if (len < 3 || key[len - 1] != '*' || key[len - 2] != '\\') {
		return MSGR_ROUTE_KEY_INVALID;
	}
	size_t segment = 0;
	for (size_t i = key[0] == '\\' ? 1 : 0; i < len - 1; i++) {
		unsigned char c = (unsigned char) key[i];
		if (c == '\\') {
			if (segment == 0) {
				return MSGR_ROUTE_KEY_INVALID;
			}
			segment = 0;
		} else if (c == '_' || c >= 0x7f || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (segment > 0 && c >= '0' && c <= '9')) {
			segment++;
		} else {
			return MSGR_ROUTE_KEY_INVALID;
		}
	}
	return MSGR_ROUTE_KEY_NAMESPACE;
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
