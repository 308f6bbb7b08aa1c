/* The small HTTP/1.1 server of metrics and the dashboard (see server.h). */
#include "core/http/server.h"
#include "core/base/alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#define strncasecmp _strnicmp
#else
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#endif

#ifndef _WIN32
typedef struct {
	int fd;                 /* -1: free */
	long long deadline_ms;
	msgr_buf_t in;
	msgr_buf_t out;
	size_t sent;
	bool answered;
} conn_t;

struct msgr_httpd {
	int fd;
	long long resting_until; /* out of descriptors: the listener is not waited on before */
	char address[80];
	conn_t conns[MSGR_HTTPD_MAX_CONNECTIONS];
};

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
#endif

const char *msgr_httpd_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 204: return "No Content";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 422: return "Unprocessable Content";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 501: return "Not Implemented";
	case 503: return "Service Unavailable";
	case 505: return "HTTP Version Not Supported";
	default: return "Unknown";
	}
}

/* {{{ parsing */
static bool is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

static const char *find_crlf(const char *p, const char *end)
{
	for (; p + 1 < end; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			return p;
		}
	}
	return NULL;
}

int msgr_httpd_parse(const char *buf, size_t len, msgr_httpd_request_t *req, size_t *used)
{
	memset(req, 0, sizeof(*req));
	const char *end = NULL;
	for (size_t i = 0; i + 3 < len && i + 3 < MSGR_HTTPD_MAX_HEAD; i++) {
		if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
			end = buf + i + 2; /* the last header line's CRLF included */
			break;
		}
	}
	if (!end) {
		return len >= MSGR_HTTPD_MAX_HEAD ? 431 : 0;
	}
	/* the request line: METHOD SP target SP HTTP/1.x */
	const char *line_end = find_crlf(buf, end);
	const char *p = buf;
	size_t m = 0;
	while (p < line_end && is_tchar((unsigned char) *p)) {
		p++;
		m++;
	}
	if (m == 0 || p >= line_end || *p != ' ') {
		return 400;
	}
	if (m >= sizeof(req->method)) {
		return 501;
	}
	memcpy(req->method, buf, m);
	const char *target = ++p;
	while (p < line_end && *p != ' ') {
		if ((unsigned char) *p <= 0x20 || *p == 0x7f) {
			return 400;
		}
		p++;
	}
	if (p == target || *target != '/' || p >= line_end) {
		return 400;
	}
	const char *version = p + 1;
	size_t vlen = (size_t) (line_end - version);
	if (vlen != 8 || strncmp(version, "HTTP/1.", 7) != 0 || (version[7] != '0' && version[7] != '1')) {
		/* HTTP/x.y of another version: 505; anything else is not a request line */
		return vlen == 8 && strncmp(version, "HTTP/", 5) == 0 && version[5] >= '0' && version[5] <= '9' && version[6] == '.'
			&& version[7] >= '0' && version[7] <= '9' ? 505 : 400;
	}
	const char *q = memchr(target, '?', (size_t) (p - target));
	req->path = target;
	req->path_len = (size_t) ((q ? q : p) - target);
	req->query = q ? q + 1 : p;
	req->query_len = q ? (size_t) (p - q - 1) : 0;
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0 && strcmp(req->method, "POST") != 0) {
		return 501;
	}
	/* the header lines: name ":" value, no folding */
	req->head = line_end + 2;
	req->head_len = (size_t) (end - req->head);
	long long length = -1;
	for (const char *h = req->head; h < end;) {
		const char *e = find_crlf(h, end);
		const char *c = h;
		while (c < e && is_tchar((unsigned char) *c)) {
			c++;
		}
		if (c == h || c >= e || *c != ':') {
			return 400;
		}
		for (const char *v = c + 1; v < e; v++) {
			if (((unsigned char) *v < 0x20 && *v != '\t') || *v == 0x7f) {
				return 400;
			}
		}
		size_t n = (size_t) (c - h);
		if (n == 17 && strncasecmp(h, "transfer-encoding", 17) == 0) {
			return 501;
		}
		if (n == 14 && strncasecmp(h, "content-length", 14) == 0) {
			const char *v = c + 1;
			while (v < e && (*v == ' ' || *v == '\t')) {
				v++;
			}
			long long value = 0;
			const char *d = v;
			for (; d < e && *d >= '0' && *d <= '9'; d++) {
				value = value * 10 + (*d - '0');
				if (value > MSGR_HTTPD_MAX_BODY) {
					return 413;
				}
			}
			while (d < e && (*d == ' ' || *d == '\t')) {
				d++;
			}
			if (d == v || d != e || (length >= 0 && length != value)) {
				return 400;
			}
			length = value;
		}
		h = e + 2;
	}
	size_t body_at = (size_t) (end - buf) + 2;
	size_t body_len = length > 0 ? (size_t) length : 0;
	if (len - body_at < body_len) {
		return 0;
	}
	req->body = buf + body_at;
	req->body_len = body_len;
	*used = body_at + body_len;
	return 1;
}

const char *msgr_httpd_header(const msgr_httpd_request_t *req, const char *name, size_t *len)
{
	size_t n = strlen(name);
	const char *end = req->head + req->head_len;
	for (const char *h = req->head; h < end;) {
		const char *e = find_crlf(h, end);
		if (!e) {
			break;
		}
		if ((size_t) (e - h) > n && h[n] == ':' && strncasecmp(h, name, n) == 0) {
			const char *v = h + n + 1;
			while (v < e && (*v == ' ' || *v == '\t')) {
				v++;
			}
			const char *ve = e;
			while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t')) {
				ve--;
			}
			*len = (size_t) (ve - v);
			return v;
		}
		h = e + 2;
	}
	return NULL;
}
/* }}} */

/* {{{ the server */
#ifdef _WIN32
msgr_httpd_t *msgr_httpd_listen(const char *address, msgr_error_t *err)
{
	msgr_error_set(err, MSGR_ERR_INVALID, "Cannot listen on \"%s\": not supported on Windows yet", address);
	return NULL;
}
void msgr_httpd_free(msgr_httpd_t *s) { (void) s; }
const char *msgr_httpd_address(const msgr_httpd_t *s) { (void) s; return ""; }
int msgr_httpd_fds(const msgr_httpd_t *s, int *fds, short *events, int max) { (void) s; (void) fds; (void) events; (void) max; return 0; }
int msgr_httpd_serve(msgr_httpd_t *s, int wait_ms, msgr_httpd_handler_t handler, void *ctx) { (void) s; (void) wait_ms; (void) handler; (void) ctx; return 0; }
#else
static bool nonblocking(int fd)
{
	int flags = fcntl(fd, F_GETFL, 0);
	return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0;
}

msgr_httpd_t *msgr_httpd_listen(const char *address, msgr_error_t *err)
{
	char host[64];
	const char *port;
	const char *colon = strrchr(address, ':');
	if (address[0] == '[') {
		const char *close = strchr(address, ']');
		if (!close || close[1] != ':' || (size_t) (close - address - 1) >= sizeof(host)) {
			msgr_error_set(err, MSGR_ERR_INVALID, "\"%s\" is not an address to listen on: expected host:port", address);
			return NULL;
		}
		memcpy(host, address + 1, (size_t) (close - address - 1));
		host[close - address - 1] = '\0';
		port = close + 2;
	} else if (!colon) {
		strcpy(host, "127.0.0.1");
		port = address;
	} else if ((size_t) (colon - address) >= sizeof(host) || memchr(address, ':', (size_t) (colon - address))) {
		msgr_error_set(err, MSGR_ERR_INVALID, "\"%s\" is not an address to listen on: expected host:port ([host]:port for IPv6)", address);
		return NULL;
	} else {
		memcpy(host, address, (size_t) (colon - address));
		host[colon - address] = '\0';
		port = colon + 1;
		if (!host[0]) {
			strcpy(host, "127.0.0.1");
		}
	}
	char *pend;
	long pn = strtol(port, &pend, 10);
	if (!*port || *pend || pn < 0 || pn > 65535) {
		msgr_error_set(err, MSGR_ERR_INVALID, "\"%s\" is not an address to listen on: the port must be a number from 0 to 65535", address);
		return NULL;
	}
	struct addrinfo hints, *res = NULL;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	int gai = getaddrinfo(host, port, &hints, &res);
	if (gai != 0 || !res) {
		msgr_error_set(err, MSGR_ERR_INVALID, "Cannot listen on \"%s\": %s", address, gai_strerror(gai));
		return NULL;
	}
	int fd = socket(res->ai_family, SOCK_STREAM, 0);
	int one = 1;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) != 0 || bind(fd, res->ai_addr, res->ai_addrlen) != 0
			|| listen(fd, 64) != 0 || !nonblocking(fd)) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
		}
		freeaddrinfo(res);
		msgr_error_set(err, MSGR_ERR_IO, "Cannot listen on \"%s\": %s", address, strerror(e));
		return NULL;
	}
	freeaddrinfo(res);
	msgr_httpd_t *s = msgr_calloc(1, sizeof(*s));
	if (!s) {
		close(fd);
		msgr_error_set(err, MSGR_ERR_NOMEM, "Out of memory");
		return NULL;
	}
	s->fd = fd;
	for (int i = 0; i < MSGR_HTTPD_MAX_CONNECTIONS; i++) {
		s->conns[i].fd = -1;
	}
	struct sockaddr_storage sa;
	memset(&sa, 0, sizeof(sa));
	socklen_t sl = sizeof(sa);
	char ip[INET6_ADDRSTRLEN] = "?";
	int bound = 0;
	if (getsockname(fd, (struct sockaddr *) &sa, &sl) == 0) {
		if (sa.ss_family == AF_INET6) {
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *) &sa)->sin6_addr, ip, sizeof(ip));
			bound = ntohs(((struct sockaddr_in6 *) &sa)->sin6_port);
		} else {
			inet_ntop(AF_INET, &((struct sockaddr_in *) &sa)->sin_addr, ip, sizeof(ip));
			bound = ntohs(((struct sockaddr_in *) &sa)->sin_port);
		}
	}
	snprintf(s->address, sizeof(s->address), sa.ss_family == AF_INET6 ? "[%s]:%d" : "%s:%d", ip, bound);
	return s;
}

const char *msgr_httpd_address(const msgr_httpd_t *s)
{
	return s->address;
}

static void conn_close(conn_t *c)
{
	close(c->fd);
	c->fd = -1;
	msgr_buf_free(&c->in);
	msgr_buf_free(&c->out);
	c->sent = 0;
	c->answered = false;
}

void msgr_httpd_free(msgr_httpd_t *s)
{
	if (!s) {
		return;
	}
	for (int i = 0; i < MSGR_HTTPD_MAX_CONNECTIONS; i++) {
		if (s->conns[i].fd >= 0) {
			conn_close(&s->conns[i]);
		}
	}
	close(s->fd);
	msgr_free(s);
}

int msgr_httpd_fds(const msgr_httpd_t *s, int *fds, short *events, int max)
{
	int n = 0;
	if (n < max && (!s->resting_until || now_ms() >= s->resting_until)) {
		fds[n] = s->fd;
		events[n++] = POLLIN;
	}
	for (int i = 0; i < MSGR_HTTPD_MAX_CONNECTIONS && n < max; i++) {
		if (s->conns[i].fd >= 0) {
			fds[n] = s->conns[i].fd;
			events[n++] = s->conns[i].answered ? POLLOUT : POLLIN;
		}
	}
	return n;
}

static void respond(conn_t *c, const msgr_httpd_response_t *res, bool head)
{
	msgr_buf_appendf(&c->out, "HTTP/1.1 %d %s\r\nContent-Length: %zu\r\nConnection: close\r\n", res->status, msgr_httpd_reason(res->status), res->body.len);
	if (res->type) {
		msgr_buf_appendf(&c->out, "Content-Type: %s\r\n", res->type);
	}
	if (res->headers.len) {
		msgr_buf_append(&c->out, res->headers.data, res->headers.len);
	}
	msgr_buf_append(&c->out, "\r\n", 2);
	if (!head && res->body.len) {
		msgr_buf_append(&c->out, res->body.data, res->body.len);
	}
	c->answered = true;
}

static void respond_error(conn_t *c, int status)
{
	msgr_httpd_response_t res = { status, "text/plain; charset=utf-8", MSGR_BUF_INIT, MSGR_BUF_INIT };
	msgr_buf_appendf(&res.body, "%d %s\n", status, msgr_httpd_reason(status));
	respond(c, &res, false);
	msgr_buf_free(&res.body);
}

/* reads what came, answers a whole request, writes what it can; false when the connection is done */
static bool conn_move(conn_t *c, msgr_httpd_handler_t handler, void *ctx, int *answered)
{
	while (!c->answered) {
		if (msgr_buf_reserve(&c->in, 4096) != 0) {
			return false;
		}
		ssize_t n = recv(c->fd, c->in.data + c->in.len, c->in.cap - c->in.len - 1, 0);
		if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
			return false;
		}
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return true; /* the rest later */
		}
		c->in.len += (size_t) n;
		c->in.data[c->in.len] = '\0';
		msgr_httpd_request_t req;
		size_t used = 0;
		int rc = msgr_httpd_parse(c->in.data, c->in.len, &req, &used);
		if (rc == 0) {
			if (c->in.len > MSGR_HTTPD_MAX_HEAD + MSGR_HTTPD_MAX_BODY) {
				respond_error(c, 413);
			}
			continue;
		}
		if (rc != 1) {
			respond_error(c, rc);
			break;
		}
		msgr_httpd_response_t res = { 200, NULL, MSGR_BUF_INIT, MSGR_BUF_INIT };
		handler(ctx, &req, &res);
		respond(c, &res, strcmp(req.method, "HEAD") == 0);
		msgr_buf_free(&res.headers);
		msgr_buf_free(&res.body);
		(*answered)++;
	}
	while (c->sent < c->out.len) {
		ssize_t n = send(c->fd, c->out.data + c->sent, c->out.len - c->sent, MSG_NOSIGNAL);
		if (n < 0) {
			return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
		}
		c->sent += (size_t) n;
	}
	return false; /* all written: closed */
}

int msgr_httpd_serve(msgr_httpd_t *s, int wait_ms, msgr_httpd_handler_t handler, void *ctx)
{
	struct pollfd p[MSGR_HTTPD_MAX_CONNECTIONS + 1];
	int fds[MSGR_HTTPD_MAX_CONNECTIONS + 1];
	short events[MSGR_HTTPD_MAX_CONNECTIONS + 1];
	int n = msgr_httpd_fds(s, fds, events, MSGR_HTTPD_MAX_CONNECTIONS + 1);
	for (int i = 0; i < n; i++) {
		p[i].fd = fds[i];
		p[i].events = events[i];
		p[i].revents = 0;
	}
	if (poll(p, (nfds_t) n, wait_ms) <= 0) {
		return 0;
	}
	bool listening = n > 0 && p[0].fd == s->fd;
	int answered = 0;
	long long now = now_ms();
	for (int i = 0; i < MSGR_HTTPD_MAX_CONNECTIONS; i++) {
		conn_t *c = &s->conns[i];
		if (c->fd < 0) {
			continue;
		}
		if (!conn_move(c, handler, ctx, &answered) || now > c->deadline_ms) {
			conn_close(c);
		}
	}
	if (listening && (p[0].revents & POLLIN)) {
		for (;;) {
			int fd = accept(s->fd, NULL, NULL);
			if (fd < 0) {
				if (errno == EMFILE || errno == ENFILE) {
					/* no descriptor to take it with: the listener rests a while, rather than
					 * waking every wait at once */
					s->resting_until = now + 1000;
				}
				break;
			}
			conn_t *c = NULL;
			for (int i = 0; i < MSGR_HTTPD_MAX_CONNECTIONS && !c; i++) {
				c = s->conns[i].fd < 0 ? &s->conns[i] : NULL;
			}
			if (!c || !nonblocking(fd)) {
				close(fd); /* as many as it serves at once: the others are turned away */
				continue;
			}
			c->fd = fd;
			c->deadline_ms = now + MSGR_HTTPD_DEADLINE_MS;
			if (!conn_move(c, handler, ctx, &answered)) {
				conn_close(c);
			}
		}
	}
	return answered;
}
#endif
/* }}} */
