#include "leakcheck.h"
#include "core/http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static int parse(const char *text, msgr_httpd_request_t *req, size_t *used)
{
	return msgr_httpd_parse(text, strlen(text), req, used);
}

static void test_parse_whole(void **state)
{
	msgr_httpd_request_t req;
	size_t used = 0;
	const char *get = "GET /metrics?x=1&y=%20 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Csrf-Token:  abc \r\n\r\n";
	assert_int_equal(parse(get, &req, &used), 1);
	assert_int_equal(used, strlen(get));
	assert_string_equal(req.method, "GET");
	assert_int_equal(req.path_len, 8);
	assert_memory_equal(req.path, "/metrics", 8);
	assert_int_equal(req.query_len, 9);
	assert_memory_equal(req.query, "x=1&y=%20", 9);
	size_t len;
	const char *v = msgr_httpd_header(&req, "x-csrf-token", &len);
	assert_non_null(v);
	assert_int_equal(len, 3);
	assert_memory_equal(v, "abc", 3);
	assert_null(msgr_httpd_header(&req, "Cookie", &len));
	assert_null(msgr_httpd_header(&req, "X-Csrf", &len));
	const char *post = "POST /api/failed/7/retry HTTP/1.0\r\nContent-Length: 5\r\n\r\nhelloEXTRA";
	assert_int_equal(parse(post, &req, &used), 1);
	assert_int_equal(req.body_len, 5);
	assert_memory_equal(req.body, "hello", 5);
	assert_int_equal(used, strlen(post) - 5);
	assert_int_equal(req.query_len, 0);
}

static void test_parse_partial(void **state)
{
	msgr_httpd_request_t req;
	size_t used = 0;
	const char *full = "POST /x HTTP/1.1\r\nContent-Length: 4\r\n\r\nbody";
	/* every prefix is "not yet" */
	for (size_t n = 0; n < strlen(full); n++) {
		assert_int_equal(msgr_httpd_parse(full, n, &req, &used), 0);
	}
	assert_int_equal(msgr_httpd_parse(full, strlen(full), &req, &used), 1);
}

static void test_parse_refused(void **state)
{
	static const struct { const char *text; int status; } cases[] = {
		{ "GARBAGE\r\n\r\n", 400 },
		{ " / HTTP/1.1\r\n\r\n", 400 },
		{ "GET metrics HTTP/1.1\r\n\r\n", 400 },
		{ "GET / HTTP/1.1 extra\r\n\r\n", 400 },
		{ "GET /a\tb HTTP/1.1\r\n\r\n", 400 },
		{ "GET / HTTP/2.0\r\n\r\n", 505 },
		{ "GET / FTP/1.0\r\n\r\n", 400 },
		{ "DELETE / HTTP/1.1\r\n\r\n", 501 },
		{ "VERYLONGMETHOD / HTTP/1.1\r\n\r\n", 501 },
		{ "GET / HTTP/1.1\r\nNo colon here\r\n\r\n", 400 },
		{ "GET / HTTP/1.1\r\n folded: x\r\n\r\n", 400 },
		{ "GET / HTTP/1.1\r\nX: a\x01b\r\n\r\n", 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n", 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400 },
		{ "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n", 413 },
		{ "POST / HTTP/1.1\r\nContent-Length: 65537\r\n\r\n", 413 },
		{ "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 501 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		msgr_httpd_request_t req;
		size_t used = 0;
		int got = parse(cases[i].text, &req, &used);
		if (got != cases[i].status) {
			fail_msg("case %zu (%s): %d, not %d", i, cases[i].text, got, cases[i].status);
		}
	}
	/* headers that never end: 431 once past the limit */
	static char big[MSGR_HTTPD_MAX_HEAD + 10];
	memset(big, 'a', sizeof(big));
	memcpy(big, "GET / HTTP/1.1\r\nX: ", 19);
	msgr_httpd_request_t req;
	size_t used;
	assert_int_equal(msgr_httpd_parse(big, sizeof(big), &req, &used), 431);
	assert_int_equal(msgr_httpd_parse(big, 1000, &req, &used), 0);
}

static void answer(void *ctx, const msgr_httpd_request_t *req, msgr_httpd_response_t *res)
{
	int *calls = ctx;
	(*calls)++;
	res->type = "text/plain";
	msgr_buf_append_str(&res->headers, "X-Seen: yes\r\n");
	msgr_buf_appendf(&res->body, "%s %.*s [%.*s]", req->method, (int) req->path_len, req->path, (int) req->body_len, req->body);
}

/* sends text to the server at port, serving it meanwhile; the whole response */
static void round_trip(msgr_httpd_t *s, const char *text, int *calls, char *out, size_t cap)
{
	const char *addr = msgr_httpd_address(s);
	int port = atoi(strrchr(addr, ':') + 1);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons((uint16_t) port) };
	inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
	assert_int_equal(connect(fd, (struct sockaddr *) &sa, sizeof(sa)), 0);
	/* in two pieces, the server serving between them */
	size_t half = strlen(text) / 2;
	assert_int_equal(send(fd, text, half, 0), (ssize_t) half);
	msgr_httpd_serve(s, 50, answer, calls);
	assert_int_equal(send(fd, text + half, strlen(text) - half, 0), (ssize_t) (strlen(text) - half));
	size_t got = 0;
	for (int i = 0; i < 100; i++) {
		msgr_httpd_serve(s, 20, answer, calls);
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 0) > 0) {
			ssize_t n = recv(fd, out + got, cap - 1 - got, 0);
			if (n <= 0) {
				break;
			}
			got += (size_t) n;
		}
	}
	out[got] = '\0';
	close(fd);
}

static void test_server(void **state)
{
	msgr_error_t err;
	msgr_httpd_t *s = msgr_httpd_listen("127.0.0.1:0", &err);
	assert_non_null(s);
	assert_int_equal(strncmp(msgr_httpd_address(s), "127.0.0.1:", 10), 0);
	int fds[4];
	short ev[4];
	assert_int_equal(msgr_httpd_fds(s, fds, ev, 4), 1);
	int calls = 0;
	char out[2048];
	round_trip(s, "POST /api/x?y=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc", &calls, out, sizeof(out));
	assert_int_equal(calls, 1);
	assert_string_equal(out, "HTTP/1.1 200 OK\r\nContent-Length: 17\r\nConnection: close\r\nContent-Type: text/plain\r\nX-Seen: yes\r\n\r\nPOST /api/x [abc]");
	/* HEAD: the length of what GET would send, no body */
	round_trip(s, "HEAD /m HTTP/1.1\r\n\r\n", &calls, out, sizeof(out));
	assert_string_equal(out, "HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\nContent-Type: text/plain\r\nX-Seen: yes\r\n\r\n");
	/* a bad request: answered without the handler */
	round_trip(s, "BREW /pot HTTP/1.1\r\n\r\n", &calls, out, sizeof(out));
	assert_int_equal(calls, 2);
	assert_non_null(strstr(out, "HTTP/1.1 501 Not Implemented\r\n"));
	msgr_httpd_free(s);
}

static void test_listen_refused(void **state)
{
	msgr_error_t err;
	static const char *const bad[] = { "127.0.0.1:99999", "127.0.0.1:", "127.0.0.1:http", "::1:80", "[::1", "no.such.host.invalid:80" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_httpd_t *s = msgr_httpd_listen(bad[i], &err);
		if (s) {
			msgr_httpd_free(s);
			fail_msg("%s was taken", bad[i]);
		}
		assert_non_null(strstr(err.message, bad[i]));
	}
	/* a port taken by another listener */
	msgr_httpd_t *a = msgr_httpd_listen("127.0.0.1:0", &err);
	assert_non_null(a);
	char again[64];
	snprintf(again, sizeof(again), "%s", msgr_httpd_address(a));
	assert_null(msgr_httpd_listen(again, &err));
	assert_non_null(strstr(err.message, "Address already in use"));
	msgr_httpd_free(a);
	/* a port alone is loopback's */
	a = msgr_httpd_listen("0", &err);
	assert_non_null(a);
	assert_int_equal(strncmp(msgr_httpd_address(a), "127.0.0.1:", 10), 0);
	msgr_httpd_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_parse_whole),
		LEAK_TEST(test_parse_partial),
		LEAK_TEST(test_parse_refused),
		LEAK_TEST(test_server),
		LEAK_TEST(test_listen_refused),
	};
	return cmocka_run_group_tests_name("msgr_httpd", tests, NULL, NULL);
}
