/* HTTP requests run concurrently on one libcurl multi handle: its connection cache (keep-alive,
 * HTTP/2 where the server offers it) serves every request it runs. What a request sends is
 * copied in; what came back (status, headers, the first bytes of the body, the time it took, the
 * error below HTTP) is kept on the request until the caller frees it. Redirects are not followed,
 * TLS is verified, and addresses an endpoint on the internet cannot have are refused unless the
 * options allow them: checked on the address each connection is opened to, after DNS. */
#ifndef MSGR_HTTP_H
#define MSGR_HTTP_H

#include "core/base/buf.h"
#include "core/base/error.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct msgr_http_options {
	long timeout_ms;            /* the whole request; 30 000 */
	long connect_timeout_ms;    /* 5 000 */
	long concurrency;           /* requests at once (and connections kept); 32 */
	long per_host;              /* connections to one host; 0: as many as concurrency */
	size_t max_response_bytes;  /* of a response's body kept; 4 096 */
	bool allow_private;         /* loopback, private and link-local addresses allowed */
	bool verify_tls;            /* true */
	const char *ca_file;        /* trusted CAs instead of the system's, or NULL */
	const char *user_agent;     /* or NULL */
} msgr_http_options_t;

void msgr_http_options_default(msgr_http_options_t *o);

typedef struct msgr_http msgr_http_t;

typedef struct msgr_http_request {
	void *user;                 /* the caller's */
	/* what came back */
	long status;                /* 0: no response */
	long long duration_us;
	msgr_buf_t headers;         /* of the last response: "Name: value\r\n" lines */
	msgr_buf_t body;            /* its first max_response_bytes */
	bool refused;               /* a private address, refused */
	bool failed;                /* no complete response: timeout, connection, TLS, protocol */
	char error[256];            /* what failed, when failed */
	/* private */
	void *easy;
	void *header_list;
	msgr_http_t *owner;
	struct msgr_http_request *next_done;
} msgr_http_request_t;

/* NULL with err filled when libcurl cannot start */
msgr_http_t *msgr_http_new(const msgr_http_options_t *options, msgr_error_t *err);
void msgr_http_free(msgr_http_t *h);

/* Starts a request: headers are "Name: value" lines (n of them, copied). The request and the
 * body are the caller's memory and must stay until the request came back from
 * msgr_http_next_done() or was cancelled. MSGR_ERR_INVALID for a URL that is not http(s). */
int msgr_http_start(msgr_http_t *h, msgr_http_request_t *req, const char *method, const char *url,
	const char *const *headers, size_t n, const char *body, size_t body_len, msgr_error_t *err);

/* Moves the running requests on, waiting up to wait_ms (0: not at all) for one of them to
 * progress. */
void msgr_http_run(msgr_http_t *h, int wait_ms);

/* A request that came back (its results filled), or NULL. */
msgr_http_request_t *msgr_http_next_done(msgr_http_t *h);

/* Stops a running request (it never comes back from msgr_http_next_done()); req->status keeps
 * the status of an answer that had begun, else 0. */
void msgr_http_cancel(msgr_http_t *h, msgr_http_request_t *req);

/* Frees what a request holds (after it came back or was cancelled). */
void msgr_http_request_free(msgr_http_request_t *req);

#endif
