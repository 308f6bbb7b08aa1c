/* Concurrent HTTP requests on one libcurl multi handle. */
#include "core/http/http.h"
#include "core/http/webhook.h"
#include "core/base/alloc.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define HEADERS_MAX (64 * 1024)

struct msgr_http {
	CURLM *multi;
	msgr_http_options_t o;
	char *ca_file;
	char *user_agent;
	int running;                       /* requests started and not come back nor cancelled */
	msgr_http_request_t *done_head;    /* came back, not handed out yet */
	msgr_http_request_t *done_tail;
	CURL **spare;                      /* easy handles to use again */
	int spare_count;
};

void msgr_http_options_default(msgr_http_options_t *o)
{
	*o = (msgr_http_options_t) { 30000, 5000, 32, 0, 4096, false, true, NULL, NULL };
}

static int global_ready;

msgr_http_t *msgr_http_new(const msgr_http_options_t *options, msgr_error_t *err)
{
	if (!global_ready) {
		/* once per process: libcurl's global state (PHP's curl extension may have made it) */
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			msgr_error_set(err, MSGR_ERR_IO, "libcurl could not start");
			return NULL;
		}
		global_ready = 1;
	}
	msgr_http_t *h = msgr_calloc(1, sizeof(*h));
	if (!h) {
		msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		return NULL;
	}
	h->o = *options;
	if (h->o.concurrency < 1) {
		h->o.concurrency = 1;
	}
	h->ca_file = options->ca_file ? msgr_strndup(options->ca_file, strlen(options->ca_file)) : NULL;
	h->user_agent = options->user_agent ? msgr_strndup(options->user_agent, strlen(options->user_agent)) : NULL;
	h->o.ca_file = h->ca_file;
	h->o.user_agent = h->user_agent;
	h->spare = msgr_calloc((size_t) h->o.concurrency, sizeof(CURL *));
	h->multi = curl_multi_init();
	if (!h->multi || !h->spare || (options->ca_file && !h->ca_file) || (options->user_agent && !h->user_agent)) {
		msgr_http_free(h);
		msgr_error_set(err, MSGR_ERR_NOMEM, "libcurl could not make a multi handle");
		return NULL;
	}
	curl_multi_setopt(h->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, h->o.concurrency);
	curl_multi_setopt(h->multi, CURLMOPT_MAXCONNECTS, h->o.concurrency);
	if (h->o.per_host > 0) {
		curl_multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, h->o.per_host);
	}
	return h;
}

void msgr_http_free(msgr_http_t *h)
{
	if (!h) {
		return;
	}
	for (int i = 0; i < h->spare_count; i++) {
		curl_easy_cleanup(h->spare[i]);
	}
	if (h->multi) {
		curl_multi_cleanup(h->multi);
	}
	msgr_free(h->spare);
	msgr_free(h->ca_file);
	msgr_free(h->user_agent);
	msgr_free(h);
}

/* {{{ callbacks */
static size_t on_header(char *data, size_t size, size_t n, void *ctx)
{
	msgr_http_request_t *req = ctx;
	size_t len = size * n;
	if (len >= 5 && memcmp(data, "HTTP/", 5) == 0) {
		req->headers.len = 0; /* a new response (after a 100 Continue): its headers only */
	}
	if (req->headers.len + len <= HEADERS_MAX && msgr_buf_append(&req->headers, data, len) != 0) {
		return 0;
	}
	return len;
}

static size_t on_body(char *data, size_t size, size_t n, void *ctx)
{
	msgr_http_request_t *req = ctx;
	size_t len = size * n;
	size_t cap = req->owner->o.max_response_bytes;
	size_t room = req->body.len < cap ? cap - req->body.len : 0;
	if (room && msgr_buf_append(&req->body, data, len < room ? len : room) != 0) {
		return 0;
	}
	return len; /* the rest is read and dropped: the connection stays usable */
}

/* every connection: its address checked after DNS, before connecting */
static curl_socket_t on_open(void *ctx, curlsocktype purpose, struct curl_sockaddr *address)
{
	msgr_http_request_t *req = ctx;
	if (purpose == CURLSOCKTYPE_IPCXN && !req->owner->o.allow_private && msgr_webhook_addr_private(&address->addr)) {
		req->refused = true;
		return CURL_SOCKET_BAD;
	}
	return socket(address->family, address->socktype, address->protocol);
}
/* }}} */

static int is_http_url(const char *url)
{
	return strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
}

int msgr_http_start(msgr_http_t *h, msgr_http_request_t *req, const char *method, const char *url,
	const char *const *headers, size_t n, const char *body, size_t body_len, msgr_error_t *err)
{
	if (!is_http_url(url)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "only http:// and https:// URLs are delivered to");
	}
	void *user = req->user;
	memset(req, 0, sizeof(*req));
	req->user = user;
	req->owner = h;
	CURL *easy = h->spare_count ? h->spare[--h->spare_count] : curl_easy_init();
	struct curl_slist *list = NULL;
	if (!easy) {
		goto nomem;
	}
	bool has_type = false;
	for (size_t i = 0; i < n; i++) {
		struct curl_slist *more = curl_slist_append(list, headers[i]);
		if (!more) {
			goto nomem;
		}
		list = more;
		has_type = has_type || strncasecmp(headers[i], "content-type:", 13) == 0;
	}
	/* no Expect: 100-continue round trip; a body is JSON unless told otherwise */
	const char *extra[] = { "Expect:", has_type ? NULL : "Content-Type: application/json" };
	for (size_t i = 0; i < 2; i++) {
		struct curl_slist *more = extra[i] ? curl_slist_append(list, extra[i]) : list;
		if (!more) {
			goto nomem;
		}
		list = more;
	}
	req->easy = easy;
	req->header_list = list;
	curl_easy_setopt(easy, CURLOPT_URL, url); /* libcurl keeps a copy */
	curl_easy_setopt(easy, CURLOPT_PRIVATE, req);
	curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(easy, CURLOPT_HTTPHEADER, list);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(easy, CURLOPT_PROTOCOLS, (long) (CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(easy, CURLOPT_PROXY, ""); /* no proxy from the environment: the address check would see the proxy's */
	curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, h->o.verify_tls ? 1L : 0L);
	curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, h->o.verify_tls ? 2L : 0L);
	if (h->o.ca_file) {
		curl_easy_setopt(easy, CURLOPT_CAINFO, h->o.ca_file);
	}
	if (h->o.user_agent) {
		curl_easy_setopt(easy, CURLOPT_USERAGENT, h->o.user_agent);
	}
	curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(easy, CURLOPT_HEADERDATA, req);
	curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(easy, CURLOPT_WRITEDATA, req);
	curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, on_open);
	curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, req);
	curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, req->error);
	if (strcmp(method, "HEAD") == 0) {
		curl_easy_setopt(easy, CURLOPT_NOBODY, 1L); /* no body comes back: none is awaited */
	} else if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(easy, CURLOPT_POST, 1L);
	} else if (strcmp(method, "GET") != 0 || body_len) {
		curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, method);
	}
	if ((strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) || body_len) {
		curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body ? body : ""); /* the caller's, until it comes back */
		curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) body_len);
	}
	if (curl_multi_add_handle(h->multi, easy) != CURLM_OK) {
		req->easy = NULL;
		req->header_list = NULL;
		curl_slist_free_all(list);
		curl_easy_cleanup(easy);
		return msgr_error_set(err, MSGR_ERR_IO, "libcurl refused the request");
	}
	h->running++;
	return MSGR_OK;
nomem:
	curl_slist_free_all(list);
	if (easy) {
		curl_easy_cleanup(easy);
	}
	req->easy = NULL;
	return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
}

/* the easy handle back to the spares, its settings cleared; the connection stays in the cache */
static void recycle(msgr_http_t *h, msgr_http_request_t *req)
{
	CURL *easy = req->easy;
	req->easy = NULL;
	curl_multi_remove_handle(h->multi, easy);
	curl_slist_free_all(req->header_list);
	req->header_list = NULL;
	if (h->spare_count < h->o.concurrency) {
		curl_easy_reset(easy);
		h->spare[h->spare_count++] = easy;
	} else {
		curl_easy_cleanup(easy);
	}
	h->running--;
}

static void collect(msgr_http_t *h)
{
	CURLMsg *msg;
	int left;
	while ((msg = curl_multi_info_read(h->multi, &left))) {
		if (msg->msg != CURLMSG_DONE) {
			continue;
		}
		msgr_http_request_t *req = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **) &req);
		CURLcode rc = msg->data.result;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &req->status);
		curl_off_t us = 0;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_TOTAL_TIME_T, &us);
		req->duration_us = (long long) us;
		if (rc != CURLE_OK) {
			req->failed = true; /* the status stays: a 2xx that came before the failure is the endpoint's word */
			if (req->refused) {
				snprintf(req->error, sizeof(req->error), "the endpoint's address is loopback, private or link-local (allow_private_networks is off)");
			} else if (!req->error[0]) {
				snprintf(req->error, sizeof(req->error), "%s", curl_easy_strerror(rc));
			}
		}
		recycle(h, req);
		req->next_done = NULL;
		if (h->done_tail) {
			h->done_tail->next_done = req;
		} else {
			h->done_head = req;
		}
		h->done_tail = req;
	}
}

void msgr_http_run(msgr_http_t *h, int wait_ms)
{
	int still = 0;
	curl_multi_perform(h->multi, &still);
	collect(h);
	if (wait_ms > 0 && !h->done_head && h->running > 0) {
		int fds = 0;
		curl_multi_poll(h->multi, NULL, 0, wait_ms, &fds);
		curl_multi_perform(h->multi, &still);
		collect(h);
	}
}

msgr_http_request_t *msgr_http_next_done(msgr_http_t *h)
{
	msgr_http_request_t *req = h->done_head;
	if (req) {
		h->done_head = req->next_done;
		if (!h->done_head) {
			h->done_tail = NULL;
		}
		req->next_done = NULL;
	}
	return req;
}

void msgr_http_cancel(msgr_http_t *h, msgr_http_request_t *req)
{
	if (req->easy) {
		/* the status, if one came before the end */
		curl_easy_getinfo(req->easy, CURLINFO_RESPONSE_CODE, &req->status);
		recycle(h, req);
		return;
	}
	/* came back but not handed out yet: out of the list */
	msgr_http_request_t **at = &h->done_head, *prev = NULL;
	while (*at && *at != req) {
		prev = *at;
		at = &(*at)->next_done;
	}
	if (*at) {
		*at = req->next_done;
		if (h->done_tail == req) {
			h->done_tail = prev;
		}
	}
}

void msgr_http_request_free(msgr_http_request_t *req)
{
	msgr_buf_free(&req->headers);
	msgr_buf_free(&req->body);
}
