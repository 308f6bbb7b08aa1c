/* See msgr_phpser.h. The grammar is the one php-src's unserializer accepts:
 *   N;  b:0;  i:-12;  d:1.5E+3;  s:3:"abc";  S:3:"a\62c";  a:2:{k v k v}
 *   O:3:"Foo":2:{k v k v}  C:3:"Foo":5:{.....}  E:7:"Foo:Bar";  r:3;  R:3;
 * Every value but R: takes the next slot of the unserializer's reference table; r:N and R:N
 * point back at slot N. Keys of arrays and objects take no slot. */
#include "core/codec/phpser.h"
#include "core/base/alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* the value of the envelope's "stamps" property */
#define ROLE_STAMPS_ARRAY 100

typedef struct {
	const char *start, *p, *end;
	const msgr_phpser_rules_t *rules;
	msgr_buf_t *out;
	msgr_error_t *err;
	uint32_t *map;       /* map[i - 1]: the slot old slot i has in the output, 0 when left out */
	size_t slots, cap;
	uint32_t written;    /* slots taken in the output */
	unsigned depth, max_depth;
} rw_t;

#define W(rw, w, bytes, n) do { if ((w) && msgr_buf_put((rw)->out, (bytes), (n)) != MSGR_OK) return nomem(rw); } while (0)

static int nomem(rw_t *rw)
{
	return msgr_error_set(rw->err, MSGR_ERR_NOMEM, "out of memory while rewriting a serialized envelope");
}

static int bad(rw_t *rw, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

static int bad(rw_t *rw, const char *fmt, ...)
{
	char what[MSGR_ERROR_MAX];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return msgr_error_set(rw->err, MSGR_ERR_INVALID, "%s at offset %zu", what, (size_t) (rw->p - rw->start));
}

#define expect(rw, token) expect_n((rw), (token), sizeof(token) - 1)

static int expect_n(rw_t *rw, const char *token, size_t n)
{
	bool same = (size_t) (rw->end - rw->p) >= n;
	for (size_t i = 0; same && i < n; i++) {
		same = rw->p[i] == token[i];
	}
	if (!same) {
		return rw->p >= rw->end ? bad(rw, "unexpected end of data, expected '%s'", token)
			: bad(rw, "expected '%s'", token);
	}
	rw->p += n;
	return MSGR_OK;
}

/* An unsigned decimal (a length, a count or a slot number), no larger than limit. */
static int read_uint(rw_t *rw, size_t limit, size_t *value)
{
	const char *from = rw->p;
	size_t v = 0;
	while (rw->p < rw->end && *rw->p >= '0' && *rw->p <= '9') {
		size_t digit = (size_t) (*rw->p - '0');
		if (v > (limit - digit) / 10) {
			rw->p = from;
			return bad(rw, "number too large");
		}
		v = v * 10 + digit;
		rw->p++;
	}
	if (rw->p == from) {
		return bad(rw, rw->p >= rw->end ? "unexpected end of data, expected a number" : "expected a number");
	}
	*value = v;
	return MSGR_OK;
}

static size_t remaining(rw_t *rw)
{
	return (size_t) (rw->end - rw->p);
}

/* Takes the next slot of the reference table; written says whether the value is in the output. */
static int take_slot(rw_t *rw, bool written)
{
	if (rw->slots == rw->cap) {
		size_t cap = rw->cap ? rw->cap * 2 : 64;
		uint32_t *map = msgr_realloc(rw->map, cap * sizeof(uint32_t));
		if (!map) {
			return nomem(rw);
		}
		rw->map = map;
		rw->cap = cap;
	}
	rw->map[rw->slots++] = written ? ++rw->written : 0;
	return MSGR_OK;
}

static bool renumbered(rw_t *rw)
{
	return rw->written != rw->slots;
}

/* Decimal digits of v at the end of buf[24]; returns where they start. */
static char *digits_of(char *end, size_t v)
{
	do {
		*--end = (char) ('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

/* Writes an unsigned decimal. */
static int write_uint(rw_t *rw, bool w, size_t v)
{
	char buf[24], *end = buf + sizeof(buf), *start = digits_of(end, v);
	W(rw, w, start, (size_t) (end - start));
	return MSGR_OK;
}

/* Writes the count of a container at out offset `at`, where the input's count (old_digits
 * characters) was copied, when fewer entries were kept. */
static int patch_count(rw_t *rw, bool w, size_t at, size_t old_digits, size_t kept)
{
	if (!w) {
		return MSGR_OK;
	}
	char buf[24], *end = buf + sizeof(buf), *digits = digits_of(end, kept);
	size_t n = (size_t) (end - digits);
	/* fewer entries never need more digits */
	char *base = rw->out->data + at;
	memmove(base + n, base + old_digits, rw->out->len - at - old_digits);
	memcpy(base, digits, n);
	rw->out->len -= old_digits - n;
	rw->out->data[rw->out->len] = '\0';
	return MSGR_OK;
}

static bool class_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '\\' || c >= 0x80;
}

/* s:N:"...";  with its bytes returned (raw) */
static int read_plain_string(rw_t *rw, const char **bytes, size_t *len)
{
	int rc;
	if ((rc = expect(rw, "s:")) || (rc = read_uint(rw, remaining(rw), len)) || (rc = expect(rw, ":\""))) {
		return rc;
	}
	if (remaining(rw) < *len) {
		return bad(rw, "string of %zu bytes runs past the end of data", *len);
	}
	*bytes = rw->p;
	rw->p += *len;
	return expect(rw, "\";");
}

/* S:N:"..."; (escaped string): checks it and leaves it as it is. */
static int skip_escaped_string(rw_t *rw)
{
	size_t len;
	int rc;
	if ((rc = expect(rw, "S:")) || (rc = read_uint(rw, remaining(rw), &len)) || (rc = expect(rw, ":\""))) {
		return rc;
	}
	for (size_t i = 0; i < len; i++) {
		if (rw->p >= rw->end) {
			return bad(rw, "unexpected end of data in an escaped string");
		}
		if (*rw->p == '\\') {
			for (int k = 1; k <= 2; k++) {
				if (rw->p + k >= rw->end || !((rw->p[k] >= '0' && rw->p[k] <= '9') || (rw->p[k] >= 'a' && rw->p[k] <= 'f') || (rw->p[k] >= 'A' && rw->p[k] <= 'F'))) {
					return bad(rw, "bad escape in an escaped string");
				}
			}
			rw->p += 3;
		} else {
			rw->p++;
		}
	}
	return expect(rw, "\";");
}

/* i:[+-]digits; */
static int skip_int(rw_t *rw)
{
	int rc = expect(rw, "i:");
	if (rc) {
		return rc;
	}
	if (rw->p < rw->end && (*rw->p == '+' || *rw->p == '-')) {
		rw->p++;
	}
	const char *digits = rw->p;
	while (rw->p < rw->end && *rw->p >= '0' && *rw->p <= '9') {
		rw->p++;
	}
	if (rw->p == digits) {
		return bad(rw, "expected digits");
	}
	return expect(rw, ";");
}

/* d:...; a decimal, exponent form, NAN, INF or -INF */
static int skip_double(rw_t *rw)
{
	int rc = expect(rw, "d:");
	if (rc) {
		return rc;
	}
	static const char *const words[] = { "NAN;", "INF;", "-INF;" };
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t n = strlen(words[i]);
		if (remaining(rw) >= n && memcmp(rw->p, words[i], n) == 0) {
			rw->p += n;
			return MSGR_OK;
		}
	}
	if (rw->p < rw->end && (*rw->p == '+' || *rw->p == '-')) {
		rw->p++;
	}
	size_t before = 0, after = 0;
	while (rw->p < rw->end && *rw->p >= '0' && *rw->p <= '9') {
		rw->p++, before++;
	}
	if (rw->p < rw->end && *rw->p == '.') {
		rw->p++;
		while (rw->p < rw->end && *rw->p >= '0' && *rw->p <= '9') {
			rw->p++, after++;
		}
	}
	if (before + after == 0) {
		return bad(rw, "expected a number");
	}
	if (rw->p < rw->end && (*rw->p == 'e' || *rw->p == 'E')) {
		rw->p++;
		if (rw->p < rw->end && (*rw->p == '+' || *rw->p == '-')) {
			rw->p++;
		}
		const char *digits = rw->p;
		while (rw->p < rw->end && *rw->p >= '0' && *rw->p <= '9') {
			rw->p++;
		}
		if (rw->p == digits) {
			return bad(rw, "expected an exponent");
		}
	}
	return expect(rw, ";");
}

/* An array or object key: i:...; s:...; or S:...; copied when w. */
static int key(rw_t *rw, bool w)
{
	const char *from = rw->p;
	int rc;
	if (rw->p >= rw->end) {
		return bad(rw, "unexpected end of data, expected a key");
	}
	switch (*rw->p) {
	case 'i':
		rc = skip_int(rw);
		break;
	case 's': {
		const char *bytes;
		size_t len;
		rc = read_plain_string(rw, &bytes, &len);
		break;
	}
	case 'S':
		rc = skip_escaped_string(rw);
		break;
	default:
		return bad(rw, "expected an integer or string key");
	}
	if (rc) {
		return rc;
	}
	W(rw, w, from, (size_t) (rw->p - from));
	return MSGR_OK;
}

static int value(rw_t *rw, bool w, int role);

/* The entries of an array or object after "N:{": n key/value pairs and "}". */
static int entries(rw_t *rw, bool w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int rc;
		if ((rc = key(rw, w)) || (rc = value(rw, w, MSGR_PHPSER_ROLE_VALUE))) {
			return rc;
		}
	}
	return expect(rw, "}");
}

/* "N:{" of a container, copied, with out offset and width of the count for patch_count(). */
static int count_open(rw_t *rw, bool w, size_t *n, size_t *at, size_t *digits)
{
	const char *from = rw->p;
	int rc = read_uint(rw, SIZE_MAX / 2, n);
	if (rc) {
		return rc;
	}
	if (*n > remaining(rw) / 2) {
		/* every entry takes more than two bytes */
		rw->p = from;
		return bad(rw, "%zu entries are more than the data can hold", *n);
	}
	*digits = (size_t) (rw->p - from);
	*at = w ? rw->out->len : 0;
	W(rw, w, from, *digits);
	if ((rc = expect(rw, ":{"))) {
		return rc;
	}
	W(rw, w, ":{", 2);
	return MSGR_OK;
}

static int enter(rw_t *rw)
{
	if (++rw->depth > rw->max_depth) {
		return bad(rw, "nested deeper than %u levels", rw->max_depth);
	}
	return MSGR_OK;
}

/* The unmangled name of a property key: "\0Class\0name", "\0*\0name" or "name". */
static void unmangle(const char *key, size_t len, const char **cls, size_t *cls_len, const char **name, size_t *name_len)
{
	*cls = NULL;
	*cls_len = 0;
	*name = key;
	*name_len = len;
	if (len > 0 && key[0] == '\0') {
		const char *second = memchr(key + 1, '\0', len - 1);
		if (second) {
			*cls = key + 1;
			*cls_len = (size_t) (second - key - 1);
			*name = second + 1;
			*name_len = len - (size_t) (second + 1 - key);
		}
	}
}

/* The class name of an O:, C: or E: token, asked of class_fn; *to is what to write. */
static int class_name(rw_t *rw, bool w, int role, const char *name, size_t len, const char **to, size_t *to_len)
{
	if (len == 0) {
		return bad(rw, "empty class name");
	}
	for (size_t i = 0; i < len; i++) {
		if (!class_char((unsigned char) name[i])) {
			return bad(rw, "invalid class name");
		}
	}
	*to = name;
	*to_len = len;
	if (!w) {
		return MSGR_OK; /* left out: never instantiated, never asked about */
	}
	char reason[MSGR_ERROR_MAX] = "";
	switch (rw->rules->class_fn(rw->rules->ctx, role, name, len, to, to_len, reason)) {
	case MSGR_PHPSER_KEEP:
		*to = name;
		*to_len = len;
		return MSGR_OK;
	case MSGR_PHPSER_RENAME:
		return MSGR_OK;
	default:
		if (reason[0]) {
			return msgr_error_set(rw->err, MSGR_ERR_INVALID, "%s", reason);
		}
		return msgr_error_set(rw->err, MSGR_ERR_INVALID, "class \"%.*s\" is not allowed", (int) (len > 200 ? 200 : len), name);
	}
}

/* O:len:"Class":n:{...} from just after "O:" */
static int object(rw_t *rw, bool w, int role)
{
	size_t len;
	int rc;
	if ((rc = read_uint(rw, remaining(rw), &len)) || (rc = expect(rw, ":\""))) {
		return rc;
	}
	if (remaining(rw) < len) {
		return bad(rw, "class name runs past the end of data");
	}
	const char *name = rw->p, *to;
	size_t to_len;
	rw->p += len;
	if ((rc = class_name(rw, w, role, name, len, &to, &to_len)) || (rc = expect(rw, "\":"))) {
		return rc;
	}
	W(rw, w, "O:", 2);
	if ((rc = write_uint(rw, w, to_len))) {
		return rc;
	}
	W(rw, w, ":\"", 2);
	W(rw, w, to, to_len);
	W(rw, w, "\":", 2);
	size_t n, at, digits;
	if ((rc = count_open(rw, w, &n, &at, &digits)) || (rc = enter(rw))) {
		return rc;
	}
	bool renamed = to != name;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (rw->p < rw->end && *rw->p == 'S') {
			return bad(rw, "escaped (S:) property names are not supported");
		}
		if (rw->p >= rw->end || *rw->p != 's') {
			/* an integer key, copied as it is */
			if ((rc = key(rw, w)) || (rc = value(rw, w, MSGR_PHPSER_ROLE_VALUE))) {
				return rc;
			}
			kept++;
			continue;
		}
		const char *key_at = rw->p;
		const char *k;
		size_t k_len;
		if ((rc = read_plain_string(rw, &k, &k_len))) {
			return rc;
		}
		const char *k_cls, *prop;
		size_t k_cls_len, prop_len;
		unmangle(k, k_len, &k_cls, &k_cls_len, &prop, &prop_len);
		if (k_len && k[0] == '\0' && (!k_cls || k_cls_len == 0 || prop_len == 0)) {
			/* PHP would take it with a notice and a mangled name nobody can read */
			rw->p = key_at;
			return bad(rw, "corrupt private or protected property name");
		}
		if (!renamed && role == MSGR_PHPSER_ROLE_VALUE) {
			W(rw, w, key_at, (size_t) (rw->p - key_at));
			if ((rc = value(rw, w, MSGR_PHPSER_ROLE_VALUE))) {
				return rc;
			}
			kept++;
			continue;
		}
		bool keep = true;
		int child_role = MSGR_PHPSER_ROLE_VALUE;
		if (role != MSGR_PHPSER_ROLE_VALUE && w) {
			keep = !rw->rules->prop_fn || rw->rules->prop_fn(rw->rules->ctx, role, to, to_len, prop, prop_len);
			if (role == MSGR_PHPSER_ROLE_ENVELOPE && prop_len == 6 && memcmp(prop, "stamps", 6) == 0) {
				child_role = ROLE_STAMPS_ARRAY;
			}
		}
		bool kw = w && keep;
		if (kw) {
			bool own = renamed && k_cls && k_cls_len == len && memcmp(k_cls, name, len) == 0;
			/* a private property of a renamed class is written "\0New\0prop" */
			size_t new_len = own ? to_len + prop_len + 2 : k_len;
			W(rw, true, "s:", 2);
			if ((rc = write_uint(rw, true, new_len))) {
				return rc;
			}
			W(rw, true, ":\"", 2);
			if (own) {
				W(rw, true, "\0", 1);
				W(rw, true, to, to_len);
				W(rw, true, "\0", 1);
				W(rw, true, prop, prop_len);
			} else {
				W(rw, true, k, k_len);
			}
			W(rw, true, "\";", 2);
			kept++;
		}
		if ((rc = value(rw, kw, child_role))) {
			return rc;
		}
	}
	rw->depth--;
	if ((rc = expect(rw, "}"))) {
		return rc;
	}
	W(rw, w, "}", 1);
	return kept == n ? MSGR_OK : patch_count(rw, w, at, digits, kept);
}

/* The envelope's stamps array, from just after "a:": class => list of stamps. */
static int stamps_array(rw_t *rw, bool w)
{
	size_t n, at, digits;
	int rc;
	W(rw, w, "a:", 2);
	if ((rc = count_open(rw, w, &n, &at, &digits)) || (rc = enter(rw))) {
		return rc;
	}
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		const char *k, *to;
		size_t k_len, to_len;
		if (rw->p >= rw->end || *rw->p != 's') {
			return bad(rw, "the keys of the stamps array must be stamp class names");
		}
		if ((rc = read_plain_string(rw, &k, &k_len))) {
			return rc;
		}
		int verdict = MSGR_PHPSER_DROP;
		to = k;
		to_len = k_len;
		if (w) {
			verdict = rw->rules->stamp_key_fn(rw->rules->ctx, k, k_len, &to, &to_len);
			if (verdict == MSGR_PHPSER_KEEP) {
				to = k;
				to_len = k_len;
			}
		}
		bool kw = w && verdict != MSGR_PHPSER_DROP;
		if (kw) {
			W(rw, true, "s:", 2);
			if ((rc = write_uint(rw, true, to_len))) {
				return rc;
			}
			W(rw, true, ":\"", 2);
			W(rw, true, to, to_len);
			W(rw, true, "\";", 2);
			kept++;
		}
		/* the list: a:m:{i:0;O:...} */
		if ((rc = take_slot(rw, kw)) || (rc = expect(rw, "a:"))) {
			return rc;
		}
		W(rw, kw, "a:", 2);
		size_t m, m_at, m_digits;
		if ((rc = count_open(rw, kw, &m, &m_at, &m_digits)) || (rc = enter(rw))) {
			return rc;
		}
		for (size_t j = 0; j < m; j++) {
			if ((rc = key(rw, kw))) {
				return rc;
			}
			if (rw->p >= rw->end || (*rw->p != 'O' && *rw->p != 'r')) {
				return bad(rw, "a stamp list must hold stamp objects");
			}
			if ((rc = value(rw, kw, MSGR_PHPSER_ROLE_STAMP))) {
				return rc;
			}
		}
		rw->depth--;
		if ((rc = expect(rw, "}"))) {
			return rc;
		}
		W(rw, kw, "}", 1);
	}
	rw->depth--;
	if ((rc = expect(rw, "}"))) {
		return rc;
	}
	W(rw, w, "}", 1);
	return kept == n ? MSGR_OK : patch_count(rw, w, at, digits, kept);
}

static int value(rw_t *rw, bool w, int role)
{
	if (rw->p >= rw->end) {
		return bad(rw, "unexpected end of data, expected a value");
	}
	const char *from = rw->p;
	char type = *rw->p;
	int rc;
	size_t slot = 0;
	if (type == 'R' || type == 'r') {
		/* r:N; (an object seen before) takes a slot of its own; R:N; (a PHP reference) does not */
		rw->p++;
		if ((rc = expect(rw, ":")) || (rc = read_uint(rw, SIZE_MAX / 2, &slot)) || (rc = expect(rw, ";"))) {
			return rc;
		}
		if (slot == 0 || slot > rw->slots) {
			rw->p = from;
			return bad(rw, "reference to slot %zu, which does not precede it", slot);
		}
		uint32_t target = rw->map[slot - 1];
		if (type == 'r' && (rc = take_slot(rw, w))) {
			return rc;
		}
		if (!w) {
			return MSGR_OK;
		}
		if (target == 0) {
			rw->p = from;
			return bad(rw, "reference to a value that was left out");
		}
		char tok[32];
		int n = snprintf(tok, sizeof(tok), "%c:%u;", type, (unsigned) target);
		W(rw, true, tok, (size_t) n);
		return MSGR_OK;
	}
	if ((rc = take_slot(rw, w))) {
		return rc;
	}
	if (role == ROLE_STAMPS_ARRAY) {
		if ((rc = expect(rw, "a:"))) {
			return rw->p >= rw->end ? rc : bad(rw, "the envelope's stamps must be an array");
		}
		return stamps_array(rw, w);
	}
	switch (type) {
	case 'N':
		rc = expect(rw, "N;");
		break;
	case 'b':
		if ((rc = expect(rw, "b:"))) {
			return rc;
		}
		if (rw->p >= rw->end || (*rw->p != '0' && *rw->p != '1')) {
			return bad(rw, "expected 0 or 1");
		}
		rw->p++;
		rc = expect(rw, ";");
		break;
	case 'i':
		rc = skip_int(rw);
		break;
	case 'd':
		rc = skip_double(rw);
		break;
	case 's': {
		const char *bytes;
		size_t len;
		rc = read_plain_string(rw, &bytes, &len);
		break;
	}
	case 'S':
		rc = skip_escaped_string(rw);
		break;
	case 'a': {
		rw->p++;
		if ((rc = expect(rw, ":"))) {
			return rc;
		}
		W(rw, w, "a:", 2);
		size_t n, at, digits;
		if ((rc = count_open(rw, w, &n, &at, &digits)) || (rc = enter(rw)) || (rc = entries(rw, w, n))) {
			return rc;
		}
		rw->depth--;
		W(rw, w, "}", 1);
		return MSGR_OK;
	}
	case 'O':
		rw->p++;
		if ((rc = expect(rw, ":"))) {
			return rc;
		}
		return object(rw, w, role);
	case 'C': {
		/* Serializable::unserialize() gets the payload; a payload that unserializes values of
		 * its own shares the reference table, so it cannot follow a part left out. */
		size_t len, plen;
		rw->p++;
		if ((rc = expect(rw, ":")) || (rc = read_uint(rw, remaining(rw), &len)) || (rc = expect(rw, ":\""))) {
			return rc;
		}
		if (remaining(rw) < len) {
			return bad(rw, "class name runs past the end of data");
		}
		const char *name = rw->p, *to;
		size_t to_len;
		rw->p += len;
		if ((rc = class_name(rw, w, role, name, len, &to, &to_len)) || (rc = expect(rw, "\":")) ||
			(rc = read_uint(rw, remaining(rw), &plen)) || (rc = expect(rw, ":{"))) {
			return rc;
		}
		if (remaining(rw) < plen) {
			return bad(rw, "Serializable payload runs past the end of data");
		}
		if (w && renumbered(rw)) {
			return bad(rw, "a Serializable (C:) object after a part left out cannot be rewritten");
		}
		const char *payload = rw->p;
		rw->p += plen;
		if ((rc = expect(rw, "}"))) {
			return rc;
		}
		W(rw, w, "C:", 2);
		if ((rc = write_uint(rw, w, to_len))) {
			return rc;
		}
		W(rw, w, ":\"", 2);
		W(rw, w, to, to_len);
		W(rw, w, "\":", 2);
		if ((rc = write_uint(rw, w, plen))) {
			return rc;
		}
		W(rw, w, ":{", 2);
		W(rw, w, payload, plen);
		W(rw, w, "}", 1);
		return MSGR_OK;
	}
	case 'E': {
		size_t len;
		rw->p++;
		if ((rc = expect(rw, ":")) || (rc = read_uint(rw, remaining(rw), &len)) || (rc = expect(rw, ":\""))) {
			return rc;
		}
		if (remaining(rw) < len) {
			return bad(rw, "enum name runs past the end of data");
		}
		const char *name = rw->p;
		const char *colon = memchr(name, ':', len);
		if (!colon || colon + 1 == name + len) {
			return bad(rw, "an enum case must be written Class:Case");
		}
		const char *to;
		size_t cls_len = (size_t) (colon - name), to_len;
		rw->p += len;
		if ((rc = class_name(rw, w, role, name, cls_len, &to, &to_len)) || (rc = expect(rw, "\";"))) {
			return rc;
		}
		size_t case_len = len - cls_len;
		W(rw, w, "E:", 2);
		if ((rc = write_uint(rw, w, to_len + case_len))) {
			return rc;
		}
		W(rw, w, ":\"", 2);
		W(rw, w, to, to_len);
		W(rw, w, colon, case_len);
		W(rw, w, "\";", 2);
		return MSGR_OK;
	}
	default:
		return bad(rw, "unknown value type '%c'", type >= 32 && type < 127 ? type : '?');
	}
	if (rc) {
		return rc;
	}
	W(rw, w, from, (size_t) (rw->p - from));
	return MSGR_OK;
}

int msgr_phpser_rewrite_envelope(const char *in, size_t len, const msgr_phpser_rules_t *rules, msgr_buf_t *out, msgr_error_t *err)
{
	rw_t rw;
	memset(&rw, 0, sizeof(rw));
	rw.start = rw.p = in;
	rw.end = in + len;
	rw.rules = rules;
	rw.out = out;
	rw.err = err;
	rw.max_depth = rules->max_depth ? rules->max_depth : 512;
	int rc;
	/* class names may grow (ours to Symfony's): room for that, once */
	if (msgr_buf_reserve(out, len + len / 4 + 256) != MSGR_OK) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while rewriting a serialized envelope");
	}
	if (len == 0) {
		rc = msgr_error_set(err, MSGR_ERR_INVALID, "empty data");
	} else if (*in != 'O') {
		rc = msgr_error_set(err, MSGR_ERR_INVALID, "the data is not a serialized object");
	} else {
		rc = value(&rw, true, MSGR_PHPSER_ROLE_ENVELOPE);
		if (rc == MSGR_OK && rw.p != rw.end) {
			rc = bad(&rw, "trailing data after the envelope");
		}
	}
	msgr_free(rw.map);
	return rc;
}

/* the bytes addslashes() escapes */
static const unsigned char escaped[256] = { [0] = 1, ['\''] = 1, ['"'] = 1, ['\\'] = 1 };

int msgr_phpser_addslashes(const char *in, size_t len, msgr_buf_t *out)
{
	/* at most two bytes out for one in */
	if (len > (SIZE_MAX - 1) / 2 || msgr_buf_reserve(out, 2 * len) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	out->len += msgr_phpser_addslashes_to(out->data + out->len, in, len);
	out->data[out->len] = '\0';
	return MSGR_OK;
}

size_t msgr_phpser_addslashes_to(char *dst, const char *in, size_t len)
{
	char *start = dst;
	const char *end = in + len;
#if defined(__SSE2__) && defined(__GNUC__)
	/* sixteen bytes at a time while there is nothing to escape */
	const __m128i nul = _mm_setzero_si128(), quote = _mm_set1_epi8('\''), dquote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\');
	while (end - in >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *) (const void *) in);
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nul), _mm_cmpeq_epi8(v, quote)),
			_mm_or_si128(_mm_cmpeq_epi8(v, dquote), _mm_cmpeq_epi8(v, slash)));
		int mask = _mm_movemask_epi8(hit);
		if (!mask) {
			_mm_storeu_si128((__m128i *) (void *) dst, v);
			in += 16;
			dst += 16;
			continue;
		}
		int k = __builtin_ctz((unsigned) mask);
		memcpy(dst, in, (size_t) k);
		dst += k;
		in += k;
		*dst++ = '\\';
		*dst++ = *in == '\0' ? '0' : *in;
		in++;
	}
#endif
	for (; in < end; in++) {
		unsigned char c = (unsigned char) *in;
		if (escaped[c]) {
			*dst++ = '\\';
			*dst++ = c ? (char) c : '0';
		} else {
			*dst++ = (char) c;
		}
	}
	return (size_t) (dst - start);
}

int msgr_phpser_stripslashes(const char *in, size_t len, msgr_buf_t *out)
{
	/* len and one byte more (the stores below write up to len) */
	if (msgr_buf_reserve(out, len) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	char *dst = out->data + out->len;
	const char *end = in + len;
#if defined(__SSE2__) && defined(__GNUC__)
	/* Sixteen bytes at a time; every escape of a chunk is taken from one mask, so only bit
	 * operations are chained from one escape to the next (escapes are dense in a serialized
	 * envelope: each quote and each namespace separator is one). A chunk's segments are copied
	 * sixteen bytes at a time, which reads at most 32 bytes past the chunk's start and writes no
	 * further than the output the input so far can make. */
	const __m128i slash = _mm_set1_epi8('\\');
	while (end - in >= 32) {
		__m128i v = _mm_loadu_si128((const __m128i *) (const void *) in);
		unsigned mask = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(v, slash));
		if (!mask) {
			_mm_storeu_si128((__m128i *) (void *) dst, v);
			in += 16;
			dst += 16;
			continue;
		}
		unsigned pos = 0;
		while (mask) {
			unsigned k = (unsigned) __builtin_ctz(mask);
			_mm_storeu_si128((__m128i *) (void *) dst, _mm_loadu_si128((const __m128i *) (const void *) (in + pos)));
			dst += k - pos;
			char c = in[k + 1];
			*dst++ = c == '0' ? '\0' : c;
			pos = k + 2;
			mask &= ~((2u << (k + 1)) - 1); /* the escaped byte is not an escape, even a backslash */
		}
		if (pos < 16) {
			_mm_storeu_si128((__m128i *) (void *) dst, _mm_loadu_si128((const __m128i *) (const void *) (in + pos)));
			dst += 16 - pos;
			pos = 16;
		}
		in += pos;
	}
#endif
	while (in < end) {
		char c = *in++;
		if (c != '\\') {
			*dst++ = c;
		} else if (in < end) {
			c = *in++;
			*dst++ = c == '0' ? '\0' : c;
		}
	}
	out->len = (size_t) (dst - out->data);
	out->data[out->len] = '\0';
	return MSGR_OK;
}
