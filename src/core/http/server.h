/* A small HTTP/1.1 server for what a worker or the dashboard serve: a listening socket and a few
 * connections, all non-blocking, moved on by msgr_httpd_serve() from the caller's own loop (a
 * worker's waits, between its messages) — no thread. One request per connection (answered with
 * "Connection: close"); a request must arrive whole within a few seconds and stay under the
 * limits below, else it gets 400, 413 or 431 and the connection is closed. */
#ifndef MSGR_HTTP_SERVER_H
#define MSGR_HTTP_SERVER_H

#include "core/base/buf.h"
#include "core/base/error.h"

#include <stdbool.h>
#include <stddef.h>

#define MSGR_HTTPD_MAX_HEAD 16384     /* request line and headers */
#define MSGR_HTTPD_MAX_BODY 65536
#define MSGR_HTTPD_MAX_CONNECTIONS 32
#define MSGR_HTTPD_DEADLINE_MS 10000  /* a connection's request in, its response out */

typedef struct msgr_httpd_request {
	char method[8];
	const char *path;  size_t path_len;   /* the target up to '?' (not decoded) */
	const char *query; size_t query_len;  /* after '?', or empty */
	const char *head;  size_t head_len;   /* the header lines */
	const char *body;  size_t body_len;
} msgr_httpd_request_t;

/* Parses the request at the start of buf. 1: complete (*used: its bytes); 0: not yet whole;
 * else the HTTP status to answer with (400, 413, 431, 501, 505). */
int msgr_httpd_parse(const char *buf, size_t len, msgr_httpd_request_t *req, size_t *used);
/* A header's value (trimmed), case-insensitive name; NULL when absent. */
const char *msgr_httpd_header(const msgr_httpd_request_t *req, const char *name, size_t *len);

typedef struct msgr_httpd_response {
	int status;            /* 200 */
	const char *type;      /* Content-Type, or NULL */
	msgr_buf_t headers;    /* more "Name: value\r\n" lines */
	msgr_buf_t body;
} msgr_httpd_response_t;

typedef void (*msgr_httpd_handler_t)(void *ctx, const msgr_httpd_request_t *req, msgr_httpd_response_t *res);

typedef struct msgr_httpd msgr_httpd_t;

/* Listens on "host:port" ("[v6]:port"; a port alone is 127.0.0.1's; port 0 takes a free one).
 * NULL with err filled when the address is not valid or cannot be bound. */
msgr_httpd_t *msgr_httpd_listen(const char *address, msgr_error_t *err);
void msgr_httpd_free(msgr_httpd_t *s);
/* the address bound, "host:port" */
const char *msgr_httpd_address(const msgr_httpd_t *s);
/* Its sockets to wait on (fds[i] with events[i]: POLLIN or POLLOUT), at most max; the count. */
int msgr_httpd_fds(const msgr_httpd_t *s, int *fds, short *events, int max);
/* Accepts, reads, answers (handler is called for each whole request) and writes what it can,
 * waiting up to wait_ms for something to do (0: not at all). The requests answered. */
int msgr_httpd_serve(msgr_httpd_t *s, int wait_ms, msgr_httpd_handler_t handler, void *ctx);
/* the reason phrase of a status */
const char *msgr_httpd_reason(int status);

#endif
