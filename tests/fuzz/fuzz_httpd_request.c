/* libFuzzer harness for the request parser of the metrics and dashboard server: what any client
 * on the network sends it. Properties checked on every input, besides the sanitizers' own: the
 * result is 0, 1 or an error status; a whole request lies inside the input and its parts inside
 * the bytes it used; the method is a known one; every header found lies inside the head; a prefix
 * of a whole request is never whole with other parts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/http/server.h"

static void inside(const char *p, size_t len, const char *from, size_t size)
{
	if (len && (p < from || p + len > from + size)) {
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *) data;
	msgr_httpd_request_t req;
	size_t used = 0;
	int rc = msgr_httpd_parse(buf, size, &req, &used);
	if (rc == 0) {
		return 0;
	}
	if (rc != 1) {
		if (rc != 400 && rc != 413 && rc != 431 && rc != 501 && rc != 505) {
			abort();
		}
		return 0;
	}
	if (used > size || used < 18) {
		abort();
	}
	if (strcmp(req.method, "GET") && strcmp(req.method, "HEAD") && strcmp(req.method, "POST")) {
		abort();
	}
	inside(req.path, req.path_len, buf, used);
	inside(req.query, req.query_len, buf, used);
	inside(req.head, req.head_len, buf, used);
	inside(req.body, req.body_len, buf, used);
	if (!req.path_len || req.path[0] != '/' || memchr(req.path, '?', req.path_len) || memchr(req.path, ' ', req.path_len)) {
		abort();
	}
	static const char *const names[] = { "Cookie", "Authorization", "X-CSRF-Token", "Content-Length", "Host" };
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t len = 0;
		const char *v = msgr_httpd_header(&req, names[i], &len);
		if (v) {
			inside(v, len, req.head, req.head_len);
			if (memchr(v, '\r', len) || memchr(v, '\n', len)) {
				abort();
			}
		}
	}
	/* the same request cut short is not whole */
	msgr_httpd_request_t again;
	size_t used2;
	if (used > 0 && msgr_httpd_parse(buf, used - 1, &again, &used2) == 1) {
		abort();
	}
	return 0;
}
