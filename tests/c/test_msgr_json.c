#include "leakcheck.h"
#include "core/codec/json.h"

#include <stdio.h>
#include <string.h>

static msgr_header_t header(const char *name, const char *value)
{
	msgr_header_t h = { (char *) name, strlen(name), (char *) value, strlen(value) };
	return h;
}

/* the expected bytes are PHP 8.2's json_encode() of the same values */
static void test_string_as_php_writes_it(void **state)
{
	msgr_buf_t b = MSGR_BUF_INIT;
	const char in[] = "a/b\"c\\d\n\t\x01\x7f \xc3\xa9\xf0\x9f\x98\x80";
	msgr_message_t m = { 0 };
	m.body = (char *) in;
	m.body_len = sizeof(in) - 1;
	assert_int_equal(msgr_json_write_message(&b, &m, NULL, NULL), MSGR_OK);
	assert_string_equal(b.data, "{\"body\":\"a\\/b\\\"c\\\\d\\n\\t\\u0001\x7f \\u00e9\\ud83d\\ude00\",\"headers\":[]}");
	msgr_buf_free(&b);
}

static void test_message_as_php_writes_it(void **state)
{
	msgr_buf_t b = MSGR_BUF_INIT;
	msgr_message_t m = { 0 };
	m.body = "O:1:\"A\":0:{}";
	m.body_len = strlen(m.body);
	assert_int_equal(msgr_json_write_message(&b, &m, NULL, NULL), MSGR_OK);
	assert_string_equal(b.data, "{\"body\":\"O:1:\\\"A\\\":0:{}\",\"headers\":[]}");
	msgr_buf_reset(&b);
	msgr_header_t h[2] = { header("type", "App\\Msg"), header("Content-Type", "application/json") };
	m.body = "{\"x\":1}";
	m.body_len = strlen(m.body);
	m.headers = h;
	m.header_count = 2;
	assert_int_equal(msgr_json_write_message(&b, &m, "abc.12", NULL), MSGR_OK);
	assert_string_equal(b.data, "{\"body\":\"{\\\"x\\\":1}\",\"headers\":{\"type\":\"App\\\\Msg\",\"Content-Type\":\"application\\/json\"},\"uniqid\":\"abc.12\"}");
	msgr_buf_free(&b);
}

static void test_bad_utf8_is_refused(void **state)
{
	const char *bad[] = { "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "ok\xff" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_buf_t b = MSGR_BUF_INIT;
		msgr_error_t err;
		msgr_message_t m = { 0 };
		m.body = (char *) bad[i];
		m.body_len = strlen(bad[i]);
		assert_int_equal(msgr_json_write_message(&b, &m, NULL, &err), MSGR_ERR_INVALID);
		assert_non_null(strstr(err.message, "UTF-8"));
		size_t len;
		assert_int_equal(msgr_json_message_len(&m, NULL, &len, &err), MSGR_ERR_INVALID);
		/* a header value is checked too */
		msgr_header_t h = header("x", bad[i]);
		m.body = "fine";
		m.body_len = 4;
		m.headers = &h;
		m.header_count = 1;
		assert_int_equal(msgr_json_write_message(&b, &m, NULL, &err), MSGR_ERR_INVALID);
		msgr_buf_free(&b);
	}
}

static void test_read_round_trip(void **state)
{
	msgr_buf_t b = MSGR_BUF_INIT;
	msgr_message_t m = { 0 };
	const char body[] = "x/\"\\\n\x01\xc3\xa9\xf0\x9f\x98\x80";
	m.body = (char *) body;
	m.body_len = sizeof(body) - 1;
	msgr_header_t h[2] = { header("type", "App\\Msg"), header("X-Message-Stamp-A", "[{\"a\":\"\xe2\x82\xac\"}]") };
	m.headers = h;
	m.header_count = 2;
	assert_int_equal(msgr_json_write_message(&b, &m, "u1", NULL), MSGR_OK);
	msgr_message_t r = { 0 };
	assert_int_equal(msgr_json_read_message(b.data, b.len, &r, NULL), MSGR_OK);
	assert_int_equal(r.body_len, sizeof(body) - 1);
	assert_memory_equal(r.body, body, sizeof(body) - 1);
	assert_int_equal(r.header_count, 2);
	assert_string_equal(r.headers[0].name, "type");
	assert_string_equal(r.headers[0].value, "App\\Msg");
	assert_string_equal(r.headers[1].value, "[{\"a\":\"\xe2\x82\xac\"}]");
	msgr_message_free(&r);
	msgr_buf_free(&b);
}

static void test_read_shapes(void **state)
{
	msgr_message_t r = { 0 };
	/* whitespace, empty headers array, keys in any order, other keys skipped */
	const char *ok = " { \"uniqid\" : {\"a\":[1,2.5e3,-3,true,false,null,\"s\"]}, \"headers\" : [ ] , \"body\" : \"\" } ";
	assert_int_equal(msgr_json_read_message(ok, strlen(ok), &r, NULL), MSGR_OK);
	assert_non_null(r.body);
	assert_int_equal(r.body_len, 0);
	assert_int_equal(r.header_count, 0);
	msgr_message_free(&r);
	const char *no_headers = "{\"body\":\"b\"}";
	assert_int_equal(msgr_json_read_message(no_headers, strlen(no_headers), &r, NULL), MSGR_OK);
	assert_string_equal(r.body, "b");
	msgr_message_free(&r);
}

static void test_read_refuses(void **state)
{
	char deep[400];
	size_t n = 0;
	n += (size_t) snprintf(deep, sizeof(deep), "{\"body\":\"b\",\"x\":");
	for (int i = 0; i < 100; i++) {
		deep[n++] = '[';
	}
	for (int i = 0; i < 100; i++) {
		deep[n++] = ']';
	}
	deep[n++] = '}';
	deep[n] = '\0';
	const char *bad[] = {
		"", "[]", "\"body\"", "{\"headers\":{}}", "{\"body\":1}", "{\"body\":\"b\",\"headers\":{\"a\":1}}",
		"{\"body\":\"b\",\"headers\":[1]}", "{\"body\":\"b\"} x", "{\"body\":\"b\"", "{\"body\":\"\\ud800\"}",
		"{\"body\":\"\\udc00\"}", "{\"body\":\"\\u12\"}", "{\"body\":\"\\q\"}", "{\"body\":\"a\nb\"}",
		"{\"body\":\"\xc3\"}", "{\"body\":\"b\",\"x\":tru}", "{\"body\":\"b\",}", "{\"body\" \"b\"}", deep,
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		msgr_message_t r = { 0 };
		msgr_error_t err;
		assert_int_equal(msgr_json_read_message(bad[i], strlen(bad[i]), &r, &err), MSGR_ERR_PROTOCOL);
		assert_non_null(strstr(err.message, "not the JSON of a message"));
		assert_null(r.body);
		assert_null(r.headers);
	}
}

/* Strings read sixteen bytes at a time: random runs of plain bytes, every escape JSON has
 * (one-character ones, \u, a surrogate pair), raw UTF-8 and bytes that end the fast loop, at
 * every offset of a chunk and across chunks, in a body and in a header; each decodes to the
 * bytes it was made of. The same string with one byte made bad (a control byte, an unknown
 * escape, a lone surrogate, truncated) is refused. */
static void test_read_strings_in_chunks(void **state)
{
	static const struct { const char *json, *bytes; } tokens[] = {
		{ "a", "a" }, { "0123456789abcdef", "0123456789abcdef" }, { "\\\\", "\\" }, { "\\\"", "\"" }, { "\\/", "/" },
		{ "\\n", "\n" }, { "\\t", "\t" }, { "\\b", "\b" }, { "\\f", "\f" }, { "\\r", "\r" }, { "\\u00e9", "\xc3\xa9" },
		{ "\\u0000", "" /* NUL: below */ }, { "\\ud83d\\ude00", "\xf0\x9f\x98\x80" }, { "\xc3\xa9", "\xc3\xa9" },
		{ "\xe2\x82\xac", "\xe2\x82\xac" }, { "O:8:\\\\\\\"", "O:8:\\\"" }, { " ~\x7f", " ~\x7f" },
	};
	static const char *breakers[] = { "\x01", "\\q", "\\ud800x", "\xc3", "\\u12x" };
	const size_t ntok = sizeof(tokens) / sizeof(tokens[0]);
	unsigned seed = 7;
	for (int round = 0; round < 3000; round++) {
		msgr_buf_t json = MSGR_BUF_INIT, want = MSGR_BUF_INIT;
		int count = round % 120;
		size_t bounds[121]; /* where each token starts, and the end */
		for (int i = 0; i < count; i++) {
			bounds[i] = json.len;
			seed = seed * 1103515245u + 12345u;
			size_t t = (seed >> 16) % ntok;
			assert_int_equal(msgr_buf_append_str(&json, tokens[t].json), MSGR_OK);
			if (strcmp(tokens[t].json, "\\u0000") == 0) {
				assert_int_equal(msgr_buf_append(&want, "", 1), MSGR_OK);
			} else {
				assert_int_equal(msgr_buf_append_str(&want, tokens[t].bytes), MSGR_OK);
			}
		}
		bounds[count] = json.len;
		msgr_buf_t doc = MSGR_BUF_INIT;
		const char *text = json.data ? json.data : "";
		assert_int_equal(msgr_buf_appendf(&doc, "{\"body\":\"%.*s\",\"headers\":{\"h\":\"%.*s\"}}", (int) json.len, text,
			(int) json.len, text), MSGR_OK);
		msgr_message_t r = { 0 };
		assert_int_equal(msgr_json_read_message(doc.data, doc.len, &r, NULL), MSGR_OK);
		assert_int_equal(r.body_len, want.len);
		assert_memory_equal(r.body, want.data ? want.data : "", want.len);
		assert_int_equal(r.header_count, 1);
		assert_int_equal(r.headers[0].value_len, want.len);
		assert_memory_equal(r.headers[0].value, want.data ? want.data : "", want.len);
		msgr_message_free(&r);
		/* something not allowed between two tokens */
		size_t at = bounds[(seed >> 8) % (size_t) (count + 1)];
		msgr_buf_reset(&doc);
		assert_int_equal(msgr_buf_appendf(&doc, "{\"body\":\"%.*s%s%.*s\"}", (int) at, json.data ? json.data : "", breakers[round % 5],
			(int) (json.len - at), json.data ? json.data + at : ""), MSGR_OK);
		msgr_error_t bad_err;
		assert_int_equal(msgr_json_read_message(doc.data, doc.len, &r, &bad_err), MSGR_ERR_PROTOCOL);
		assert_null(r.body);
		msgr_buf_t cut = MSGR_BUF_INIT;
		assert_int_equal(msgr_buf_appendf(&cut, "{\"body\":\"%.*s", (int) json.len, json.data ? json.data : ""), MSGR_OK);
		msgr_error_t err;
		assert_int_equal(msgr_json_read_message(cut.data, cut.len, &r, &err), MSGR_ERR_PROTOCOL);
		msgr_message_free(&r);
		msgr_buf_free(&cut);
		msgr_buf_free(&doc);
		msgr_buf_free(&json);
		msgr_buf_free(&want);
	}
}

static void test_out_of_memory(void **state)
{
	const char *in = "{\"body\":\"abc\",\"headers\":{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}}";
	for (long fail = 0; fail < 20; fail++) {
		msgr_message_t r = { 0 };
		leak_fail_after = fail;
		int rc = msgr_json_read_message(in, strlen(in), &r, NULL);
		leak_fail_after = -1;
		assert_true(rc == MSGR_OK || rc == MSGR_ERR_NOMEM);
		msgr_message_free(&r);
	}
}

/* the escaping byte by byte, as PHP writes it: the reference for the 8-byte fast path */
static void reference(msgr_buf_t *b, const unsigned char *s, size_t len)
{
	msgr_buf_append_str(b, "\"");
	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		if (c == '"') msgr_buf_append_str(b, "\\\"");
		else if (c == '\\') msgr_buf_append_str(b, "\\\\");
		else if (c == '/') msgr_buf_append_str(b, "\\/");
		else if (c == '\n') msgr_buf_append_str(b, "\\n");
		else if (c == '\t') msgr_buf_append_str(b, "\\t");
		else if (c < 0x20) msgr_buf_appendf(b, "\\u%04x", c);
		else if (c == 0xc3 && i + 1 < len && s[i + 1] == 0xa9) { msgr_buf_append_str(b, "\\u00e9"); i++; }
		else msgr_buf_append(b, &c, 1);
	}
	msgr_buf_append_str(b, "\"");
}

static void test_every_position(void **state)
{
	const char *specials[] = { "\"", "\\", "/", "\n", "\t", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\"\\" };
	for (size_t total = 1; total < 40; total++) {
		for (size_t at = 0; at < total; at++) {
			for (size_t k = 0; k < sizeof(specials) / sizeof(specials[0]); k++) {
				unsigned char in[64];
				memset(in, 'a' + (int) (total % 26), sizeof(in));
				size_t sl = strlen(specials[k]);
				if (at + sl > total) {
					continue;
				}
				memcpy(in + at, specials[k], sl);
				msgr_message_t m = { 0 };
				m.body = (char *) in;
				m.body_len = total;
				msgr_buf_t got = MSGR_BUF_INIT, want = MSGR_BUF_INIT;
				assert_int_equal(msgr_json_write_message(&got, &m, NULL, NULL), MSGR_OK);
				msgr_buf_append_str(&want, "{\"body\":");
				reference(&want, in, total);
				msgr_buf_append_str(&want, ",\"headers\":[]}");
				assert_int_equal(got.len, want.len);
				assert_memory_equal(got.data, want.data, want.len);
				/* the exact length and the bound agree with what was written */
				size_t exact;
				assert_int_equal(msgr_json_message_len(&m, NULL, &exact, NULL), MSGR_OK);
				assert_true(exact <= msgr_json_message_bound(&m, NULL));
				assert_int_equal(got.len, exact);
				msgr_buf_free(&got);
				msgr_buf_free(&want);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_read_strings_in_chunks),
		LEAK_TEST(test_string_as_php_writes_it),
		LEAK_TEST(test_message_as_php_writes_it),
		LEAK_TEST(test_bad_utf8_is_refused),
		LEAK_TEST(test_read_round_trip),
		LEAK_TEST(test_read_shapes),
		LEAK_TEST(test_read_refuses),
		LEAK_TEST(test_out_of_memory),
		LEAK_TEST(test_every_position),
	};
	return cmocka_run_group_tests_name("msgr_json", tests, NULL, NULL);
}
