#include "leakcheck.h"
#include "core/http/webhook.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#define STR(s) s, sizeof(s) - 1

/* {{{ classification */
static void test_classify_statuses(void **state)
{
	const long delivered[] = { 200, 201, 202, 204, 299 };
	for (size_t i = 0; i < sizeof(delivered) / sizeof(delivered[0]); i++) {
		assert_int_equal(msgr_webhook_classify(delivered[i], false, false), MSGR_WEBHOOK_DELIVERED);
	}
	/* no redirect is followed and no 4xx but these changes with a retry */
	const long fail[] = { 300, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 409, 413, 422, 451, 499 };
	for (size_t i = 0; i < sizeof(fail) / sizeof(fail[0]); i++) {
		assert_int_equal(msgr_webhook_classify(fail[i], false, false), MSGR_WEBHOOK_FAIL);
	}
	assert_int_equal(msgr_webhook_classify(410, false, false), MSGR_WEBHOOK_GONE);
	const long retry[] = { 408, 429, 500, 501, 502, 503, 504, 599 };
	for (size_t i = 0; i < sizeof(retry) / sizeof(retry[0]); i++) {
		assert_int_equal(msgr_webhook_classify(retry[i], false, false), MSGR_WEBHOOK_RETRY);
	}
}

static void test_classify_without_answer(void **state)
{
	/* a timeout, a reset, a TLS error: no response, worth another attempt */
	assert_int_equal(msgr_webhook_classify(0, true, false), MSGR_WEBHOOK_RETRY);
	/* "0 when no response came" */
	assert_int_equal(msgr_webhook_classify(0, false, false), MSGR_WEBHOOK_RETRY);
	/* a private address refused after DNS answers the same next time: never retried, whatever
	 * else is set */
	assert_int_equal(msgr_webhook_classify(0, true, true), MSGR_WEBHOOK_FAIL);
	assert_int_equal(msgr_webhook_classify(0, false, true), MSGR_WEBHOOK_FAIL);
	assert_int_equal(msgr_webhook_classify(503, true, true), MSGR_WEBHOOK_FAIL);
	assert_int_equal(msgr_webhook_classify(200, false, true), MSGR_WEBHOOK_FAIL);
	/* a 2xx came and then the rest of the answer was cut off: the endpoint took it */
	assert_int_equal(msgr_webhook_classify(200, true, false), MSGR_WEBHOOK_DELIVERED);
	assert_int_equal(msgr_webhook_classify(204, true, false), MSGR_WEBHOOK_DELIVERED);
	assert_int_equal(msgr_webhook_classify(404, true, false), MSGR_WEBHOOK_RETRY);
}
/* }}} */

/* {{{ Retry-After */
static void test_retry_after_seconds(void **state)
{
	assert_int_equal(msgr_webhook_retry_after_ms(STR("120"), 0), 120000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("0"), 0), 0);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("1"), 0), 1000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("999999999"), 0), 999999999000LL);
	/* blanks around the value, and a line end left on it, are not part of it */
	assert_int_equal(msgr_webhook_retry_after_ms(STR(" 5 "), 0), 5000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("\t7\r\n"), 0), 7000);
	/* delay-seconds is 1*DIGIT: leading zeros do not make it longer */
	assert_int_equal(msgr_webhook_retry_after_ms(STR("0000000005"), 0), 5000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("007"), 0), 7000);
	/* the value ends at len, whatever follows it in memory */
	assert_int_equal(msgr_webhook_retry_after_ms("12345", 2, 0), 12000);
	assert_int_equal(msgr_webhook_retry_after_ms("30\r\nX-Other: 1", 2, 0), 30000);
}

static void test_retry_after_huge_is_capped(void **state)
{
	/* more than 31 years: a fixed large value the caller caps, never a wrapped one */
	const long long cap = 999999999LL * 1000;
	assert_int_equal(msgr_webhook_retry_after_ms(STR("1000000000"), 0), cap);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("9223372036854775807"), 0), cap);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("99999999999999999999999999999999"), 0), cap);
	char digits[65];
	memset(digits, '9', sizeof(digits));
	assert_int_equal(msgr_webhook_retry_after_ms(digits, 64, 0), cap);
	/* longer than any value a server sends: not a Retry-After */
	assert_int_equal(msgr_webhook_retry_after_ms(digits, 65, 0), -1);
}

static void test_retry_after_invalid(void **state)
{
	const char *bad[] = { "", " ", "\r\n", "-1", "+1", "abc", "1.5", "1e3", "1 2", "5s", "0x10", "12:00" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(msgr_webhook_retry_after_ms(bad[i], strlen(bad[i]), 1445412480), -1);
	}
}

static void test_retry_after_date(void **state)
{
	/* Wed, 21 Oct 2015 07:28:00 GMT is 1445412480 */
	time_t at = 1445412480;
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 21 Oct 2015 07:28:00 GMT"), at - 90), 90000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 21 Oct 2015 07:28:00 GMT"), at - 86400), 86400000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("  Wed, 21 Oct 2015 07:28:00 GMT\r\n"), at - 1), 1000);
	/* the two obsolete forms a recipient must accept (RFC 9110 5.6.7) */
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wednesday, 21-Oct-15 07:28:00 GMT"), at - 2), 2000);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed Oct 21 07:28:00 2015"), at - 3), 3000);
	/* now or past: no wait */
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 21 Oct 2015 07:28:00 GMT"), at), 0);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 21 Oct 2015 07:28:00 GMT"), at + 1), 0);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Thu, 01 Jan 1970 00:00:00 GMT"), at), 0);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 32 Foo 2015 07:28:00 GMT"), at), -1);
	/* far dates, which curl_getdate() takes, are capped as far numbers are, never wrapped */
	const long long cap = 999999999LL * 1000;
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Fri, 31 Dec 9999 23:59:59 GMT"), at), cap);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 21 Oct 999999999 07:28:00 GMT"), at), cap);
	assert_int_equal(msgr_webhook_retry_after_ms(STR("Wed, 21 Oct 2147483647 07:28:00 GMT"), at), cap);
}
/* }}} */

/* {{{ response headers */
static const char raw_headers[] =
	"HTTP/1.1 503 Service Unavailable\r\n"
	"Content-Type: text/plain\r\n"
	"X-Retry-After: 9\r\n"
	"RETRY-AFTER: \t 120 \t\r\n"
	"retry-after: 60\r\n"
	"X-Empty:\r\n"
	"X-Blank:   \r\n"
	"Lf-Only: yes\n"
	"Last: tail  ";

static void assert_header(const char *name, const char *expected)
{
	size_t len = 12345;
	const char *v = msgr_webhook_header(raw_headers, sizeof(raw_headers) - 1, name, &len);
	assert_non_null(v);
	assert_true(v >= raw_headers && v + len <= raw_headers + sizeof(raw_headers) - 1);
	assert_int_equal(len, strlen(expected));
	assert_memory_equal(v, expected, len);
}

static void test_header_lookup(void **state)
{
	/* the first of several, whatever the case of either name, without the blanks around it */
	assert_header("Retry-After", "120");
	assert_header("retry-after", "120");
	assert_header("content-type", "text/plain");
	assert_header("x-retry-after", "9");
	assert_header("X-Empty", "");
	assert_header("X-Blank", "");
	assert_header("lf-only", "yes");
	/* the last line needs no line end */
	assert_header("LAST", "tail");
}

static void test_header_not_found(void **state)
{
	size_t len = 0;
	const char *missing[] = { "Retry", "retry-afte", "Retry-After-Ms", "After", "Content", "X-Missing", "HTTP/1.1 503 Service Unavailable" };
	for (size_t i = 0; i < sizeof(missing) / sizeof(missing[0]); i++) {
		assert_null(msgr_webhook_header(raw_headers, sizeof(raw_headers) - 1, missing[i], &len));
	}
	assert_null(msgr_webhook_header("", 0, "Retry-After", &len));
	/* only the raw_len bytes given are looked at */
	const char cut[] = "A: 1\r\nRetry-After: 5\r\n";
	assert_null(msgr_webhook_header(cut, 6, "Retry-After", &len));
	assert_null(msgr_webhook_header(cut, 17, "Retry-After", &len));
	const char *v = msgr_webhook_header(cut, 19, "Retry-After", &len);
	assert_ptr_equal(v, cut + 19);
	assert_int_equal(len, 0);
	/* a name followed by a blank before the colon is not that header (RFC 9110 5.1) */
	assert_null(msgr_webhook_header(STR("Retry-After : 5\r\n"), "Retry-After", &len));
}
/* }}} */

/* {{{ base64 */
static const char *const rfc4648_plain[] = { "", "f", "fo", "foo", "foob", "fooba", "foobar" };
static const char *const rfc4648_coded[] = { "", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };

static void test_base64_rfc4648_vectors(void **state)
{
	for (size_t i = 0; i < 7; i++) {
		msgr_buf_t b = MSGR_BUF_INIT;
		assert_int_equal(msgr_base64_encode((const unsigned char *) rfc4648_plain[i], strlen(rfc4648_plain[i]), &b), 0);
		assert_int_equal(b.len, strlen(rfc4648_coded[i]));
		assert_string_equal(b.data, rfc4648_coded[i]);
		msgr_buf_reset(&b);
		assert_int_equal(msgr_base64_decode(rfc4648_coded[i], strlen(rfc4648_coded[i]), &b), 0);
		assert_int_equal(b.len, strlen(rfc4648_plain[i]));
		assert_memory_equal(b.data, rfc4648_plain[i], b.len);
		assert_int_equal(b.data[b.len], '\0');
		msgr_buf_free(&b);
	}
}

static void test_base64_appends(void **state)
{
	msgr_buf_t b = MSGR_BUF_INIT;
	assert_int_equal(msgr_buf_append(&b, "x=", 2), 0);
	assert_int_equal(msgr_base64_encode((const unsigned char *) "foob", 4, &b), 0);
	assert_string_equal(b.data, "x=Zm9vYg==");
	assert_int_equal(msgr_base64_decode(STR("Zm9vYmFy"), &b), 0);
	assert_string_equal(b.data, "x=Zm9vYg==foobar");
	msgr_buf_free(&b);
}

static void test_base64_all_bytes_round_trip(void **state)
{
	unsigned char all[256];
	for (int i = 0; i < 256; i++) {
		all[i] = (unsigned char) i;
	}
	/* every length mod 3, every offset of every byte within a group */
	for (size_t start = 0; start < 3; start++) {
		for (size_t len = 253; len <= 256 - start; len++) {
			msgr_buf_t coded = MSGR_BUF_INIT, plain = MSGR_BUF_INIT;
			assert_int_equal(msgr_base64_encode(all + start, len, &coded), 0);
			assert_int_equal(coded.len, (len + 2) / 3 * 4);
			assert_int_equal(msgr_base64_decode(coded.data, coded.len, &plain), 0);
			assert_int_equal(plain.len, len);
			assert_memory_equal(plain.data, all + start, len);
			msgr_buf_free(&coded);
			msgr_buf_free(&plain);
		}
	}
	/* PHP's base64_encode(chr(0).chr(255).chr(254).chr(62).chr(63)) */
	msgr_buf_t b = MSGR_BUF_INIT;
	assert_int_equal(msgr_base64_encode((const unsigned char *) "\x00\xff\xfe\x3e\x3f", 5, &b), 0);
	assert_string_equal(b.data, "AP/+Pj8=");
	msgr_buf_free(&b);
}

static void test_base64_refused(void **state)
{
	struct { const char *in; size_t len; } bad[] = {
		{ STR("Zm9") },         /* not a multiple of 4 */
		{ STR("Zm9vY") },
		{ STR("Zg=") },
		{ STR("Zm9v\n") },
		{ STR("Zm9v!A==") },    /* outside the alphabet */
		{ STR("Zm 9") },
		{ STR("Zm-_") },        /* base64url's alphabet */
		{ STR("Zm9\0") },
		{ STR("Zm9\x80") },
		{ STR("====") },        /* padding where a character must be */
		{ STR("Z===") },
		{ STR("=m9v") },
		{ STR("Zm=v") },        /* a character after padding */
		{ STR("Zg==Zg==") },    /* padding before the last group */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_buf_t b = MSGR_BUF_INIT;
		assert_int_equal(msgr_buf_append(&b, "kept", 4), 0);
		assert_int_equal(msgr_base64_decode(bad[i].in, bad[i].len, &b), -1);
		/* what the buffer held before is all it holds */
		assert_int_equal(b.len, 4);
		msgr_buf_free(&b);
	}
}
/* }}} */

/* {{{ secrets and signatures */
static void test_secret_key(void **state)
{
	msgr_buf_t k = MSGR_BUF_INIT;
	assert_int_equal(msgr_webhook_secret_key(STR("whsec_Zm9vYmFy"), &k), 0);
	assert_int_equal(k.len, 6);
	assert_memory_equal(k.data, "foobar", 6);
	msgr_buf_free(&k);

	assert_int_equal(msgr_webhook_secret_key(STR("whsec_AP/+Pj8="), &k), 0);
	assert_int_equal(k.len, 5);
	assert_memory_equal(k.data, "\x00\xff\xfe\x3e\x3f", 5);
	msgr_buf_free(&k);

	/* without the prefix the bytes are the key, NUL and all */
	assert_int_equal(msgr_webhook_secret_key(STR("s3cr\0t whsec_x"), &k), 0);
	assert_int_equal(k.len, 14);
	assert_memory_equal(k.data, "s3cr\0t whsec_x", 14);
	msgr_buf_free(&k);
	assert_int_equal(msgr_webhook_secret_key(STR("whsec"), &k), 0);
	assert_int_equal(k.len, 5);
	msgr_buf_free(&k);
	assert_int_equal(msgr_webhook_secret_key(STR("WHSEC_Zm9v"), &k), 0);
	assert_int_equal(k.len, 10);
	msgr_buf_free(&k);

	/* the prefix promises base64 */
	const char *broken[] = { "whsec_Zm9", "whsec_Zm9v!", "whsec_Zm9v ", "whsec_ Zm9v", "whsec_Zm9v=" };
	for (size_t i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		assert_int_equal(msgr_webhook_secret_key(broken[i], strlen(broken[i]), &k), -1);
		msgr_buf_free(&k);
	}
	/* "whsec_" and nothing: an empty key, not the six bytes of the prefix */
	assert_int_equal(msgr_webhook_secret_key(STR("whsec_"), &k), 0);
	assert_int_equal(k.len, 0);
	msgr_buf_free(&k);
}

#define SPEC_ID "msg_p5jXN8AQM9LWM0D4loKWxJek"
#define SPEC_TS 1614265330LL
#define SPEC_BODY "{\"test\": 2432232314}"
#define SPEC_SECRET "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
/* the Standard Webhooks example, and PHP's
 * base64_encode(hash_hmac('sha256', "$id.$ts.$body", $key, true)) for the other keys */
#define SPEC_SIG "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
#define OTHER_SECRET "whsec_AAH+/wAB/v8AAf7/AAH+/wAB/v8AAf7/AAH+/wAB/v8="
#define OTHER_SIG "v1,l1j4qmxGCIMHQLotIEBibIz2QRsmml0urWeZ4vEEqag="

static int sign_spec(const char *secrets, msgr_buf_t *out)
{
	return msgr_webhook_sign_standard(secrets, strlen(secrets), SPEC_ID, SPEC_TS, STR(SPEC_BODY), out);
}

static void test_sign_standard_vector(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	assert_int_equal(sign_spec(SPEC_SECRET, &out), 0);
	assert_string_equal(out.data, SPEC_SIG);
	msgr_buf_free(&out);

	/* bytes without the prefix are the key as they are, spaces included */
	assert_int_equal(sign_spec("my raw secret", &out), 0);
	assert_string_equal(out.data, "v1,a7R3THTYCm0FDzYNQAh6D5bP9ZpEsO2x/9Kwy8odj74=");
	msgr_buf_free(&out);

	/* base64_encode(hash_hmac('sha256', 'id.-5.', 'key', true)) */
	assert_int_equal(msgr_webhook_sign_standard(STR("key"), "id", -5, "", 0, &out), 0);
	assert_string_equal(out.data, "v1,mR6OLwIgvpAvrtD/Y8jGD6dTyVUN6sBC8q4sLYfODg4=");
	msgr_buf_free(&out);
}

static void test_sign_standard_rotation(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	assert_int_equal(sign_spec(SPEC_SECRET " " OTHER_SECRET, &out), 0);
	assert_string_equal(out.data, SPEC_SIG " " OTHER_SIG);
	msgr_buf_free(&out);
	/* extra spaces separate nothing */
	assert_int_equal(sign_spec(OTHER_SECRET "  " SPEC_SECRET " ", &out), 0);
	assert_string_equal(out.data, OTHER_SIG " " SPEC_SIG);
	msgr_buf_free(&out);
}

static void test_sign_standard_refused(void **state)
{
	const char *broken[] = {
		"",
		"whsec_",                               /* empty */
		"whsec_!!!!",                           /* not base64 */
		"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS", /* a bad length */
		SPEC_SECRET " whsec_!!!!",              /* the second is broken */
		SPEC_SECRET " whsec_",
		SPEC_SECRET " raw",                     /* rotating secrets are all whsec_ */
	};
	for (size_t i = 0; i < sizeof(broken) / sizeof(broken[0]); i++) {
		msgr_buf_t out = MSGR_BUF_INIT;
		assert_int_equal(sign_spec(broken[i], &out), -1);
		msgr_buf_free(&out);
	}
}

static void test_sign_symfony(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	/* 'sha256=' . hash_hmac('sha256', $event . $id . $body, $secret) */
	assert_int_equal(msgr_webhook_sign_symfony(STR("s3cr3t"), "order.created", "evt_42", STR("{\"a\":1}"), &out), 0);
	assert_string_equal(out.data, "sha256=19bbb3fce059eaab7e2cd940c58bd9e136becde96786f20d9cdaf917b72aa642");
	assert_int_equal(out.len, 7 + 64);
	msgr_buf_reset(&out);
	assert_int_equal(msgr_webhook_sign_symfony(STR("k"), "ping", "1", "", 0, &out), 0);
	assert_string_equal(out.data, "sha256=a9583516cb5e2c0e221f029e7a8d2e81e92725a8177d72b6f1eb15a01fa779f3");
	msgr_buf_free(&out);
	/* no prefix is decoded: a whsec_ secret is its bytes */
	assert_int_equal(msgr_webhook_sign_symfony(STR(SPEC_SECRET), "e", "i", STR("b"), &out), 0);
	assert_int_equal(out.len, 7 + 64);
	msgr_buf_free(&out);
	assert_int_equal(msgr_webhook_sign_symfony("", 0, "e", "i", STR("b"), &out), -1);
	msgr_buf_free(&out);
}

static void test_sign_out_of_memory(void **state)
{
	/* every allocation failing in turn: -1 and nothing left behind, or the whole signature */
	bool done = false;
	for (long fail = 0; !done && fail < 100; fail++) {
		msgr_buf_t out = MSGR_BUF_INIT;
		leak_fail_after = fail;
		int rc = sign_spec(SPEC_SECRET " " OTHER_SECRET, &out);
		leak_fail_after = -1;
		if (rc == 0) {
			assert_string_equal(out.data, SPEC_SIG " " OTHER_SIG);
			done = true;
		} else {
			assert_int_equal(rc, -1);
		}
		msgr_buf_free(&out);
	}
	assert_true(done);
	done = false;
	for (long fail = 0; !done && fail < 100; fail++) {
		msgr_buf_t out = MSGR_BUF_INIT;
		leak_fail_after = fail;
		int rc = msgr_webhook_sign_symfony(STR("s3cr3t"), "order.created", "evt_42", STR("{\"a\":1}"), &out);
		leak_fail_after = -1;
		if (rc == 0) {
			assert_string_equal(out.data, "sha256=19bbb3fce059eaab7e2cd940c58bd9e136becde96786f20d9cdaf917b72aa642");
			done = true;
		} else {
			assert_int_equal(rc, -1);
		}
		msgr_buf_free(&out);
	}
	assert_true(done);
}
/* }}} */

/* {{{ private addresses */
static bool v4_private(const char *text)
{
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	assert_int_equal(inet_pton(AF_INET, text, &sa.sin_addr), 1);
	return msgr_webhook_addr_private((const struct sockaddr *) &sa);
}

static bool v6_private(const char *text)
{
	struct sockaddr_in6 sa;
	memset(&sa, 0, sizeof(sa));
	sa.sin6_family = AF_INET6;
	assert_int_equal(inet_pton(AF_INET6, text, &sa.sin6_addr), 1);
	return msgr_webhook_addr_private((const struct sockaddr *) &sa);
}

static void test_addr_v4(void **state)
{
	const char *private[] = {
		"127.0.0.1", "127.255.255.254", "10.1.2.3", "10.255.255.255", "172.16.0.1", "172.31.255.255",
		"192.168.1.1", "192.168.0.0", "169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255",
		"0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
		"198.18.0.1", "198.19.255.255", "192.0.0.8",
	};
	for (size_t i = 0; i < sizeof(private) / sizeof(private[0]); i++) {
		if (!v4_private(private[i])) {
			fail_msg("%s is private", private[i]);
		}
	}
	const char *public[] = {
		"8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "11.0.0.1", "9.255.255.255", "126.255.255.255",
		"128.0.0.1", "192.167.255.255", "192.169.0.1", "169.253.255.255", "169.255.0.1", "100.63.255.255",
		"100.128.0.1", "223.255.255.255", "93.184.216.34", "198.17.255.255", "198.20.0.1", "192.0.1.1",
	};
	for (size_t i = 0; i < sizeof(public) / sizeof(public[0]); i++) {
		if (v4_private(public[i])) {
			fail_msg("%s is public", public[i]);
		}
	}
}

static void test_addr_v6(void **state)
{
	const char *private[] = {
		"::1", "::", "fc00::1", "fd12::1", "fdff:ffff::1", "fe80::1", "febf::1", "ff02::1", "ff05::1:3",
		"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:192.168.0.1", "::ffff:169.254.169.254", "::ffff:0.0.0.0",
		"::2", "::10.0.0.1", "64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1", "2002:a00:1::1", "2002:7f00:1::", "fec0::1", "feff::1", "64:ff9b:1::10.0.0.1", "64:ff9b:1:ab::7f00:1",
	};
	for (size_t i = 0; i < sizeof(private) / sizeof(private[0]); i++) {
		if (!v6_private(private[i])) {
			fail_msg("%s is private", private[i]);
		}
	}
	const char *public[] = {
		"2001:4860:4860::8888", "2606:4700:4700::1111", "fb00::1", "fe00::1", "::ffff:8.8.8.8", "::ffff:172.32.0.1",
		"64:ff9b::8.8.8.8", "2002:808:808::1", "::8.8.8.8", "64:ff9c::10.0.0.1",
	};
	for (size_t i = 0; i < sizeof(public) / sizeof(public[0]); i++) {
		if (v6_private(public[i])) {
			fail_msg("%s is public", public[i]);
		}
	}
}

static void test_addr_other_family(void **state)
{
	struct sockaddr_un un;
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	assert_true(msgr_webhook_addr_private((const struct sockaddr *) &un));
}
/* }}} */

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_classify_statuses),
		LEAK_TEST(test_classify_without_answer),
		LEAK_TEST(test_retry_after_seconds),
		LEAK_TEST(test_retry_after_huge_is_capped),
		LEAK_TEST(test_retry_after_invalid),
		LEAK_TEST(test_retry_after_date),
		LEAK_TEST(test_header_lookup),
		LEAK_TEST(test_header_not_found),
		LEAK_TEST(test_base64_rfc4648_vectors),
		LEAK_TEST(test_base64_appends),
		LEAK_TEST(test_base64_all_bytes_round_trip),
		LEAK_TEST(test_base64_refused),
		LEAK_TEST(test_secret_key),
		LEAK_TEST(test_sign_standard_vector),
		LEAK_TEST(test_sign_standard_rotation),
		LEAK_TEST(test_sign_standard_refused),
		LEAK_TEST(test_sign_symfony),
		LEAK_TEST(test_sign_out_of_memory),
		LEAK_TEST(test_addr_v4),
		LEAK_TEST(test_addr_v6),
		LEAK_TEST(test_addr_other_family),
	};
	return cmocka_run_group_tests_name("msgr_webhook", tests, NULL, NULL);
}
