#include "leakcheck.h"
#include "core/codec/phpser.h"

#include <stdio.h>
#include <string.h>

/* Test data is written with '~' for each NUL byte of the serialized form. */
static char in_buf[8192], want_buf[8192];

static size_t tilde(const char *src, char *dst)
{
	size_t n = strlen(src);
	for (size_t i = 0; i < n; i++) {
		dst[i] = src[i] == '~' ? '\0' : src[i];
	}
	dst[n] = '\0';
	return n;
}

#define SF "Symfony\\Component\\Messenger\\"

typedef struct {
	int class_calls;
	int key_calls;
} seen_t;

static const char *map_class(const char *name, size_t len)
{
	static const char *const pairs[][2] = {
		{ SF "Envelope", "Messenger\\Envelope" },
		{ SF "Stamp\\DelayStamp", "Messenger\\Stamp\\DelayStamp" },
		{ SF "Stamp\\RedeliveryStamp", "Messenger\\Stamp\\RedeliveryStamp" },
		{ SF "Stamp\\BusNameStamp", "Messenger\\Stamp\\BusNameStamp" },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		if (strlen(pairs[i][0]) == len && memcmp(pairs[i][0], name, len) == 0) {
			return pairs[i][1];
		}
	}
	return NULL;
}

static bool is(const char *name, size_t len, const char *want)
{
	return strlen(want) == len && memcmp(name, want, len) == 0;
}

static int class_fn(void *ctx, int role, const char *name, size_t len, const char **to, size_t *to_len, char *reason)
{
	((seen_t *) ctx)->class_calls++;
	const char *ours = map_class(name, len);
	if (ours) {
		bool envelope = is(ours, strlen(ours), "Messenger\\Envelope");
		if (role != (envelope ? MSGR_PHPSER_ROLE_ENVELOPE : MSGR_PHPSER_ROLE_STAMP)) {
			snprintf(reason, MSGR_ERROR_MAX, "class %.*s in the wrong place", (int) len, name);
			return MSGR_PHPSER_REJECT;
		}
		*to = ours;
		*to_len = strlen(ours);
		return MSGR_PHPSER_RENAME;
	}
	if (role == MSGR_PHPSER_ROLE_VALUE && (is(name, len, "App\\Hello") || is(name, len, "stdClass") || is(name, len, "App\\Suit"))) {
		return MSGR_PHPSER_KEEP;
	}
	snprintf(reason, MSGR_ERROR_MAX, "Message class \"%.*s\" is not allowed", (int) len, name);
	return MSGR_PHPSER_REJECT;
}

static int stamp_key_fn(void *ctx, const char *name, size_t len, const char **to, size_t *to_len)
{
	((seen_t *) ctx)->key_calls++;
	const char *ours = map_class(name, len);
	if (!ours) {
		return MSGR_PHPSER_DROP;
	}
	*to = ours;
	*to_len = strlen(ours);
	return MSGR_PHPSER_RENAME;
}

static bool prop_fn(void *ctx, int role, const char *cls, size_t cls_len, const char *prop, size_t prop_len)
{
	if (role == MSGR_PHPSER_ROLE_ENVELOPE) {
		return is(prop, prop_len, "stamps") || is(prop, prop_len, "message");
	}
	if (is(cls, cls_len, "Messenger\\Stamp\\RedeliveryStamp")) {
		return is(prop, prop_len, "retryCount") || is(prop, prop_len, "redeliveredAt");
	}
	return true;
}

static seen_t seen;
static const msgr_phpser_rules_t rules = { &seen, class_fn, stamp_key_fn, prop_fn, 0 };

static int rewrite(const char *tilded, msgr_buf_t *out, msgr_error_t *err)
{
	size_t n = tilde(tilded, in_buf);
	memset(&seen, 0, sizeof(seen));
	return msgr_phpser_rewrite_envelope(in_buf, n, &rules, out, err);
}

static void assert_rewrites_to(const char *from, const char *to)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	msgr_error_t err = { 0 };
	int rc = rewrite(from, &out, &err);
	if (rc != MSGR_OK) {
		fail_msg("rewrite failed: %s", err.message);
	}
	size_t n = tilde(to, want_buf);
	assert_int_equal(out.len, n);
	assert_memory_equal(out.data, want_buf, n);
	msgr_buf_free(&out);
}

static void assert_rejected(const char *from, const char *message)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	msgr_error_t err = { 0 };
	assert_int_equal(rewrite(from, &out, &err), MSGR_ERR_INVALID);
	if (!strstr(err.message, message)) {
		fail_msg("error \"%s\" does not say \"%s\"", err.message, message);
	}
	msgr_buf_free(&out);
}

/* Symfony's envelope with a DelayStamp, as its PhpSerializer writes it (before addslashes) */
#define SF_ENVELOPE \
	"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:1:{s:44:\"" SF "Stamp\\DelayStamp\";a:1:{i:0;" \
	"O:44:\"" SF "Stamp\\DelayStamp\":1:{s:51:\"~" SF "Stamp\\DelayStamp~delay\";i:5000;}}}" \
	"s:45:\"~" SF "Envelope~message\";O:9:\"App\\Hello\":2:{s:4:\"name\";s:2:\"hi\";s:5:\"count\";i:1;}}"
#define OUR_ENVELOPE \
	"O:18:\"Messenger\\Envelope\":2:{s:26:\"~Messenger\\Envelope~stamps\";a:1:{s:26:\"Messenger\\Stamp\\DelayStamp\";a:1:{i:0;" \
	"O:26:\"Messenger\\Stamp\\DelayStamp\":1:{s:33:\"~Messenger\\Stamp\\DelayStamp~delay\";i:5000;}}}" \
	"s:27:\"~Messenger\\Envelope~message\";O:9:\"App\\Hello\":2:{s:4:\"name\";s:2:\"hi\";s:5:\"count\";i:1;}}"

static void test_symfony_names_become_ours(void **state)
{
	assert_rewrites_to(SF_ENVELOPE, OUR_ENVELOPE);
	/* envelope, stamp, message: each class asked once; one stamp key */
	assert_int_equal(seen.class_calls, 3);
	assert_int_equal(seen.key_calls, 1);
}

static void test_every_value_kind_passes_through(void **state)
{
	assert_rewrites_to(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:0:{}s:45:\"~" SF "Envelope~message\";"
		"O:9:\"App\\Hello\":9:{s:1:\"n\";N;s:1:\"b\";b:1;s:1:\"i\";i:-42;s:1:\"d\";d:-1.5E+3;s:1:\"e\";d:NAN;"
		"s:1:\"s\";S:3:\"a\\62c\";i:7;a:2:{i:0;d:.5;s:1:\"k\";O:8:\"stdClass\":0:{}}s:1:\"u\";E:14:\"App\\Suit:Clubs\";"
		"s:1:\"r\";r:6;}}",
		"O:18:\"Messenger\\Envelope\":2:{s:26:\"~Messenger\\Envelope~stamps\";a:0:{}s:27:\"~Messenger\\Envelope~message\";"
		"O:9:\"App\\Hello\":9:{s:1:\"n\";N;s:1:\"b\";b:1;s:1:\"i\";i:-42;s:1:\"d\";d:-1.5E+3;s:1:\"e\";d:NAN;"
		"s:1:\"s\";S:3:\"a\\62c\";i:7;a:2:{i:0;d:.5;s:1:\"k\";O:8:\"stdClass\":0:{}}s:1:\"u\";E:14:\"App\\Suit:Clubs\";"
		"s:1:\"r\";r:6;}}");
}

static void test_unknown_stamps_are_left_out_and_references_renumbered(void **state)
{
	/* slots: 1 envelope, 2 stamps, 3 list, 4 ValidationStamp, 5 its groups, 6 message, 7 stdClass, 8 r:7 */
	assert_rewrites_to(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:1:{s:49:\"" SF "Stamp\\ValidationStamp\";a:1:{i:0;"
		"O:49:\"" SF "Stamp\\ValidationStamp\":1:{s:57:\"~" SF "Stamp\\ValidationStamp~groups\";a:0:{}}}}"
		"s:45:\"~" SF "Envelope~message\";O:9:\"App\\Hello\":2:{s:1:\"a\";O:8:\"stdClass\":0:{}s:1:\"b\";r:7;}}",
		"O:18:\"Messenger\\Envelope\":2:{s:26:\"~Messenger\\Envelope~stamps\";a:0:{}"
		"s:27:\"~Messenger\\Envelope~message\";O:9:\"App\\Hello\":2:{s:1:\"a\";O:8:\"stdClass\":0:{}s:1:\"b\";r:4;}}");
	/* the left-out stamp's class is never asked about */
	assert_int_equal(seen.class_calls, 3);
}

static void test_unknown_stamp_properties_are_left_out(void **state)
{
	/* Symfony 5.4's RedeliveryStamp: retryCount, redeliveredAt, exceptionMessage, flattenException */
	assert_rewrites_to(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:1:{s:49:\"" SF "Stamp\\RedeliveryStamp\";a:1:{i:0;"
		"O:49:\"" SF "Stamp\\RedeliveryStamp\":4:{s:61:\"~" SF "Stamp\\RedeliveryStamp~retryCount\";i:2;"
		"s:64:\"~" SF "Stamp\\RedeliveryStamp~redeliveredAt\";O:8:\"stdClass\":0:{}"
		"s:67:\"~" SF "Stamp\\RedeliveryStamp~exceptionMessage\";s:4:\"boom\";"
		"s:67:\"~" SF "Stamp\\RedeliveryStamp~flattenException\";O:57:\"Symfony\\Component\\ErrorHandler\\Exception\\FlattenException\":0:{}}}}"
		"s:45:\"~" SF "Envelope~message\";O:9:\"App\\Hello\":0:{}}",
		"O:18:\"Messenger\\Envelope\":2:{s:26:\"~Messenger\\Envelope~stamps\";a:1:{s:31:\"Messenger\\Stamp\\RedeliveryStamp\";a:1:{i:0;"
		"O:31:\"Messenger\\Stamp\\RedeliveryStamp\":2:{s:43:\"~Messenger\\Stamp\\RedeliveryStamp~retryCount\";i:2;"
		"s:46:\"~Messenger\\Stamp\\RedeliveryStamp~redeliveredAt\";O:8:\"stdClass\":0:{}}}}"
		"s:27:\"~Messenger\\Envelope~message\";O:9:\"App\\Hello\":0:{}}");
}

static void test_classes_outside_the_rules_are_rejected(void **state)
{
	assert_rejected(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:0:{}s:45:\"~" SF "Envelope~message\";"
		"O:9:\"App\\Hello\":1:{s:1:\"x\";O:8:\"App\\Evil\":0:{}}}",
		"Message class \"App\\Evil\" is not allowed");
	assert_rejected("O:8:\"App\\Evil\":0:{}", "\"App\\Evil\" is not allowed");
	/* a Messenger stamp class used as a message part, and an enum of an unknown class */
	assert_rejected(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:0:{}s:45:\"~" SF "Envelope~message\";"
		"O:44:\"" SF "Stamp\\DelayStamp\":0:{}}", "in the wrong place");
	assert_rejected(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:0:{}s:45:\"~" SF "Envelope~message\";"
		"E:12:\"App\\Evil:Foo\";}", "\"App\\Evil\" is not allowed");
	/* a stamp list holding a message class */
	assert_rejected(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:1:{s:44:\"" SF "Stamp\\DelayStamp\";a:1:{i:0;"
		"O:9:\"App\\Hello\":0:{}}}s:45:\"~" SF "Envelope~message\";O:9:\"App\\Hello\":0:{}}",
		"Message class \"App\\Hello\" is not allowed");
}

static void test_malformed_data_is_rejected(void **state)
{
	assert_rejected("", "empty data");
	assert_rejected("a:0:{}", "not a serialized object");
	assert_rejected("O:99:\"x\":0:{}", "too large");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:9:\"x\";N;}", "runs past the end");
	assert_rejected("O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";i:1;", "stamps must be an array");
	assert_rejected("O:36:\"" SF "Envelope\":99999999999999999999999:{", "too large");
	assert_rejected("O:36:\"" SF "Envelope\":1000:{}", "more than the data can hold");
	assert_rejected(SF_ENVELOPE "x", "trailing data");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";X:1;}", "unknown value type 'X'");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";r:5;}", "does not precede it");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";r:2;}", "does not precede it");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";O:5:\"a b c\":0:{}}", "invalid class name");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";S:2:\"\\zz\";}", "bad escape");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";d:1e;}", "expected an exponent");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";b:2;}", "expected 0 or 1");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:1:\"x\";E:4:\"Foo:\";}", "Class:Case");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:4:\"~abc\";N;}", "corrupt private or protected property name");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:5:\"~~abc\";N;}", "corrupt private or protected property name");
	assert_rejected("O:36:\"" SF "Envelope\":1:{s:4:\"~ab~\";N;}", "corrupt private or protected property name");
	assert_rejected("O:36:\"" SF "Envelope\":1:{S:1:\"x\";N;}", "escaped (S:) property names");
	/* a reference into a left-out stamp */
	assert_rejected(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:1:{s:49:\"" SF "Stamp\\ValidationStamp\";a:1:{i:0;"
		"O:49:\"" SF "Stamp\\ValidationStamp\":0:{}}}s:45:\"~" SF "Envelope~message\";r:4;}",
		"reference to a value that was left out");
	/* a Serializable payload after a part left out could point at the wrong slots */
	assert_rejected(
		"O:36:\"" SF "Envelope\":2:{s:44:\"~" SF "Envelope~stamps\";a:1:{s:49:\"" SF "Stamp\\ValidationStamp\";a:1:{i:0;"
		"O:49:\"" SF "Stamp\\ValidationStamp\":0:{}}}s:45:\"~" SF "Envelope~message\";C:9:\"App\\Hello\":4:{i:1;}}",
		"Serializable");
}

static void test_every_truncation_is_rejected(void **state)
{
	size_t n = tilde(SF_ENVELOPE, in_buf);
	for (size_t len = 0; len < n; len++) {
		msgr_buf_t out = MSGR_BUF_INIT;
		msgr_error_t err = { 0 };
		assert_int_equal(msgr_phpser_rewrite_envelope(in_buf, len, &rules, &out, &err), MSGR_ERR_INVALID);
		msgr_buf_free(&out);
	}
}

static void test_depth_is_bounded(void **state)
{
	static char deep[8192]; /* 600 levels of 9 bytes and the head */
	size_t n = tilde("O:36:\"" SF "Envelope\":1:{s:1:\"x\";", deep);
	for (int i = 0; i < 600; i++) {
		memcpy(deep + n, "a:1:{i:0;", 9);
		n += 9;
	}
	msgr_buf_t out = MSGR_BUF_INIT;
	msgr_error_t err = { 0 };
	assert_int_equal(msgr_phpser_rewrite_envelope(deep, n, &rules, &out, &err), MSGR_ERR_INVALID);
	assert_non_null(strstr(err.message, "nested deeper than 512 levels"));
	msgr_buf_free(&out);
}

static void test_out_of_memory_at_every_step(void **state)
{
	size_t n = tilde(SF_ENVELOPE, in_buf);
	for (long k = 0; k < 64; k++) {
		msgr_buf_t out = MSGR_BUF_INIT;
		msgr_error_t err = { 0 };
		leak_fail_after = k;
		int rc = msgr_phpser_rewrite_envelope(in_buf, n, &rules, &out, &err);
		leak_fail_after = -1;
		assert_true(rc == MSGR_OK || rc == MSGR_ERR_NOMEM);
		msgr_buf_free(&out);
		if (rc == MSGR_OK) {
			return;
		}
	}
	fail_msg("never succeeded");
}

static void test_slashes(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT, back = MSGR_BUF_INIT;
	const char raw[] = "a'b\"c\\d\0e";
	assert_int_equal(msgr_phpser_addslashes(raw, sizeof(raw) - 1, &out), MSGR_OK);
	assert_string_equal(out.data, "a\\'b\\\"c\\\\d\\0e");
	assert_int_equal(msgr_phpser_stripslashes(out.data, out.len, &back), MSGR_OK);
	assert_int_equal(back.len, sizeof(raw) - 1);
	assert_memory_equal(back.data, raw, sizeof(raw) - 1);
	msgr_buf_reset(&back);
	/* stripslashes: \X is X, a lone trailing backslash goes */
	assert_int_equal(msgr_phpser_stripslashes("\\x\\\\y\\", 6, &back), MSGR_OK);
	assert_string_equal(back.data, "x\\y");
	msgr_buf_free(&out);
	msgr_buf_free(&back);
}

/* stripslashes() as PHP's, byte by byte: the reference the chunked one is compared with */
static size_t strip_reference(char *dst, const char *in, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (in[i] != '\\') {
			dst[n++] = in[i];
		} else if (++i < len) {
			dst[n++] = in[i] == '0' ? '\0' : in[i];
		}
	}
	return n;
}

/* The sixteen-bytes-at-a-time stripslashes on dense escapes (runs of backslashes, escapes at
 * every offset of a chunk, an escape whose escaped byte starts the next chunk) and sparse ones,
 * at every length up to 300, into a buffer holding something already: the reference's bytes. */
static void test_stripslashes_chunks(void **state)
{
	static const char alphabet[] = "\\\\\\0\"'ab";
	char in[300], want[300];
	unsigned seed = 12345;
	for (int round = 0; round < 20000; round++) {
		size_t len = (size_t) (round % 300);
		int dense = round % 3;
		for (size_t i = 0; i < len; i++) {
			seed = seed * 1103515245u + 12345u;
			unsigned r = (seed >> 16) % 64;
			in[i] = dense ? alphabet[r % (sizeof(alphabet) - 1)] : r < 2 ? '\\' : (char) ('a' + r % 26);
		}
		msgr_buf_t got = MSGR_BUF_INIT;
		assert_int_equal(msgr_buf_append(&got, "xy", 2), MSGR_OK);
		assert_int_equal(msgr_phpser_stripslashes(in, len, &got), MSGR_OK);
		size_t n = strip_reference(want, in, len);
		assert_int_equal(got.len, n + 2);
		assert_memory_equal(got.data, "xy", 2);
		assert_memory_equal(got.data + 2, want, n);
		assert_int_equal(got.data[got.len], '\0');
		msgr_buf_free(&got);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_symfony_names_become_ours),
		LEAK_TEST(test_stripslashes_chunks),
		LEAK_TEST(test_every_value_kind_passes_through),
		LEAK_TEST(test_unknown_stamps_are_left_out_and_references_renumbered),
		LEAK_TEST(test_unknown_stamp_properties_are_left_out),
		LEAK_TEST(test_classes_outside_the_rules_are_rejected),
		LEAK_TEST(test_malformed_data_is_rejected),
		LEAK_TEST(test_every_truncation_is_rejected),
		LEAK_TEST(test_depth_is_bounded),
		LEAK_TEST(test_out_of_memory_at_every_step),
		LEAK_TEST(test_slashes),
	};
	return cmocka_run_group_tests_name("msgr_phpser", tests, NULL, NULL);
}
