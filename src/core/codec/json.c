#include "core/codec/json.h"
#include "core/base/alloc.h"
#include "core/base/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define JSON_MAX_DEPTH 64

/* {{{ UTF-8 */
static int put_utf8(msgr_buf_t *out, uint32_t cp)
{
	unsigned char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (unsigned char) cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char) (0xC0 | (cp >> 6));
		b[1] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char) (0xE0 | (cp >> 12));
		b[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char) (0xF0 | (cp >> 18));
		b[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char) (0x80 | (cp & 0x3F));
		n = 4;
	}
	return msgr_buf_put(out, b, n);
}
/* }}} */

/* {{{ writing: an exact length first, then the bytes straight into the reserved room */
/* The escaped size of each ASCII byte: 1 as it is, 2 for a short escape, 6 for \u00XX */
static const unsigned char ascii_size[128] = {
	6, 6, 6, 6, 6, 6, 6, 6, 2, 2, 2, 6, 2, 2, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
	1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
# define SWAR 1
#else
# define SWAR 0
# define __builtin_ctzll(x) 0
#endif

/* The bytes of 8 (little-endian) that need more than a copy: < 0x20, '"', '/', '\\' or >= 0x80.
 * The lowest set bit is exact (the borrows of the tests only reach bytes above a hit): bit 7
 * of the first such byte. */
static inline uint64_t swar_special(uint64_t v)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	uint64_t q = v ^ (ones * '"'), s = v ^ (ones * '/'), b = v ^ (ones * '\\');
	uint64_t hit = ((v - ones * 0x20) & ~v) | ((q - ones) & ~q) | ((s - ones) & ~s) | ((b - ones) & ~b) | v;
	return hit & high;
}

static inline uint64_t load8(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

/* The literal's length with its quotes; (size_t) -1 and *bad_at when s is not UTF-8. */
static size_t string_len(const char *s, size_t len, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *) s, *end = p + len;
	size_t n = 2;
	while (p < end) {
		if (SWAR && end - p >= 8) {
			uint64_t hits = swar_special(load8(p));
			if (!hits) {
				n += 8;
				p += 8;
				continue;
			}
			size_t plain = (size_t) __builtin_ctzll(hits) >> 3;
			n += plain;
			p += plain;
		}
		if (*p < 0x80) {
			n += ascii_size[*p++];
			continue;
		}
		uint32_t cp;
		size_t k = msgr_utf8_next(p, (size_t) (end - p), &cp);
		if (k == 0) {
			*bad_at = (size_t) (p - (const unsigned char *) s);
			return (size_t) -1;
		}
		n += cp >= 0x10000 ? 12 : 6;
		p += k;
	}
	return n;
}

static char *put_u16(char *w, uint32_t unit)
{
	static const char hex[] = "0123456789abcdef";
	w[0] = '\\';
	w[1] = 'u';
	w[2] = hex[(unit >> 12) & 0xF];
	w[3] = hex[(unit >> 8) & 0xF];
	w[4] = hex[(unit >> 4) & 0xF];
	w[5] = hex[unit & 0xF];
	return w + 6;
}

/* Writes the literal of s; NULL (and *bad_at) when s is not UTF-8. Room: string_len(), or at
 * most 6 * len + 2. */
static char *write_string(char *w, const char *s, size_t len, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *) s, *end = p + len;
	*w++ = '"';
	while (p < end) {
		if (SWAR && end - p >= 8) {
			uint64_t hits = swar_special(load8(p));
			memcpy(w, p, 8);
			if (!hits) {
				w += 8;
				p += 8;
				continue;
			}
			/* the plain bytes before the first one that is not: copied with the 8 */
			size_t plain = (size_t) __builtin_ctzll(hits) >> 3;
			w += plain;
			p += plain;
		}
		unsigned char c = *p;
		if (c < 0x80 && ascii_size[c] == 1) {
			*w++ = (char) c;
			p++;
			continue;
		}
		if (c < 0x80) {
			char e = 0;
			switch (c) {
				case '"': e = '"'; break;
				case '\\': e = '\\'; break;
				case '/': e = '/'; break;
				case '\b': e = 'b'; break;
				case '\f': e = 'f'; break;
				case '\n': e = 'n'; break;
				case '\r': e = 'r'; break;
				case '\t': e = 't'; break;
			}
			if (e) {
				*w++ = '\\';
				*w++ = e;
			} else {
				w = put_u16(w, c);
			}
			p++;
			continue;
		}
		uint32_t cp;
		size_t k = msgr_utf8_next(p, (size_t) (end - p), &cp);
		if (k == 0) {
			*bad_at = (size_t) (p - (const unsigned char *) s);
			return NULL;
		}
		if (cp >= 0x10000) {
			cp -= 0x10000;
			w = put_u16(w, 0xD800 | (cp >> 10));
			w = put_u16(w, 0xDC00 | (cp & 0x3FF));
		} else {
			w = put_u16(w, cp);
		}
		p += k;
	}
	*w++ = '"';
	return w;
}

static int utf8_error(msgr_error_t *err, size_t at)
{
	return msgr_error_set(err, MSGR_ERR_INVALID, "malformed UTF-8 at byte %zu: JSON cannot hold it", at);
}

int msgr_json_message_len(const msgr_message_t *m, const char *uniqid, size_t *len, msgr_error_t *err)
{
	size_t bad_at = 0, part;
	/* {"body":  ,"headers":  {} or []  ,"uniqid":  } */
	size_t n = 8 + 11 + 2 + (uniqid ? 10 : 0) + 1;
	if ((part = string_len(m->body ? m->body : "", m->body_len, &bad_at)) == (size_t) -1) {
		return utf8_error(err, bad_at);
	}
	n += part;
	for (size_t i = 0; i < m->header_count; i++) {
		size_t name = string_len(m->headers[i].name, m->headers[i].name_len, &bad_at);
		size_t value = name == (size_t) -1 ? name : string_len(m->headers[i].value, m->headers[i].value_len, &bad_at);
		if (value == (size_t) -1) {
			return utf8_error(err, bad_at);
		}
		n += name + 1 + value + (i ? 1 : 0);
	}
	if (uniqid) {
		if ((part = string_len(uniqid, strlen(uniqid), &bad_at)) == (size_t) -1) {
			return utf8_error(err, bad_at);
		}
		n += part;
	}
	*len = n;
	return MSGR_OK;
}

size_t msgr_json_message_bound(const msgr_message_t *m, const char *uniqid)
{
	size_t n = 8 + 11 + 2 + (uniqid ? 10 + 6 * strlen(uniqid) + 2 : 0) + 1 + 6 * m->body_len + 2;
	for (size_t i = 0; i < m->header_count; i++) {
		n += 6 * (m->headers[i].name_len + m->headers[i].value_len) + 6;
	}
	return n;
}

char *msgr_json_put_message(char *w, const msgr_message_t *m, const char *uniqid, size_t *bad_at)
{
	memcpy(w, "{\"body\":", 8);
	if (!(w = write_string(w + 8, m->body ? m->body : "", m->body_len, bad_at))) {
		return NULL;
	}
	memcpy(w, ",\"headers\":", 11);
	w += 11;
	*w++ = m->header_count ? '{' : '[';
	for (size_t i = 0; i < m->header_count; i++) {
		if (i) {
			*w++ = ',';
		}
		if (!(w = write_string(w, m->headers[i].name, m->headers[i].name_len, bad_at))) {
			return NULL;
		}
		*w++ = ':';
		if (!(w = write_string(w, m->headers[i].value, m->headers[i].value_len, bad_at))) {
			return NULL;
		}
	}
	*w++ = m->header_count ? '}' : ']';
	if (uniqid) {
		memcpy(w, ",\"uniqid\":", 10);
		if (!(w = write_string(w + 10, uniqid, strlen(uniqid), bad_at))) {
			return NULL;
		}
	}
	*w++ = '}';
	return w;
}

int msgr_json_write_message(msgr_buf_t *out, const msgr_message_t *m, const char *uniqid, msgr_error_t *err)
{
	size_t n;
	int rc = msgr_json_message_len(m, uniqid, &n, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	if (msgr_buf_reserve(out, n) != MSGR_OK) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	size_t bad_at = 0;
	char *end = msgr_json_put_message(out->data + out->len, m, uniqid, &bad_at);
	out->len = (size_t) (end - out->data);
	out->data[out->len] = '\0';
	return MSGR_OK;
}
/* }}} */

/* {{{ reading */
typedef struct {
	const unsigned char *p, *start, *end;
	msgr_error_t *err;
} cursor_t;

static int bad(cursor_t *c, const char *what)
{
	return msgr_error_set(c->err, MSGR_ERR_PROTOCOL, "not the JSON of a message: %s at byte %zu", what, (size_t) (c->p - c->start));
}

static void skip_ws(cursor_t *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) {
		c->p++;
	}
}

static int hex4(cursor_t *c, uint32_t *unit)
{
	if (c->end - c->p < 4) {
		return bad(c, "a truncated \\u escape");
	}
	*unit = 0;
	for (int i = 0; i < 4; i++) {
		unsigned char h = c->p[i];
		int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
		if (v < 0) {
			return bad(c, "a bad \\u escape");
		}
		*unit = (*unit << 4) | (uint32_t) v;
	}
	c->p += 4;
	return MSGR_OK;
}

/* the bytes a string holds as they are: printable ASCII but the quote and the backslash */
static const unsigned char plain_byte[256] = {
#define P1(x) [x] = 1
#define P2(x) P1(x), P1(x + 1)
#define P4(x) P2(x), P2(x + 2)
#define P8(x) P4(x), P4(x + 4)
#define P16(x) P8(x), P8(x + 8)
	P2(0x20), P1(0x23), P4(0x24), P8(0x28),   /* not 0x22, the quote */
	P16(0x30), P16(0x40), P8(0x50), P4(0x58), /* not 0x5C, the backslash */
	P2(0x5D), P1(0x5F), P16(0x60), P16(0x70),
#undef P16
#undef P8
#undef P4
#undef P2
#undef P1
};
/* what a one-character escape stands for (0: not one, as \u) */
static const char simple_escape[256] = {
	['"'] = '"', ['\\'] = '\\', ['/'] = '/', ['b'] = '\b', ['f'] = '\f', ['n'] = '\n', ['r'] = '\r', ['t'] = '\t',
};

/* A string at c->p (at its opening quote) into out (NULL: skipped). */
static int read_string(cursor_t *c, msgr_buf_t *out)
{
	if (c->p >= c->end || *c->p != '"') {
		return bad(c, "a string was expected");
	}
	c->p++;
	for (;;) {
		/* plain bytes and one-character escapes, written straight into room reserved for them
		 * (one byte out for each byte in at most) */
		const unsigned char *p = c->p, *lim = c->end;
		char *d = NULL;
		if (out) {
			size_t room = (size_t) (c->end - c->p) < 4096 ? (size_t) (c->end - c->p) : 4096;
			if (msgr_buf_reserve(out, room) != MSGR_OK) {
				return msgr_error_set(c->err, MSGR_ERR_NOMEM, "out of memory");
			}
			d = out->data + out->len;
			lim = c->p + room;
		}
#if defined(__SSE2__) && defined(__GNUC__)
		/* sixteen bytes at a time, as msgr_phpser_stripslashes() does (each escape of a chunk
		 * from one mask), until something else than a plain byte or a one-character escape */
		if (d) {
			const __m128i quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\'), space = _mm_set1_epi8(0x20);
			while (lim - p >= 32) {
				__m128i v = _mm_loadu_si128((const __m128i *) (const void *) p);
				unsigned bs = (unsigned) _mm_movemask_epi8(_mm_cmpeq_epi8(v, slash));
				/* signed: below 0x20 and from 0x80 on */
				unsigned sp = (unsigned) _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)));
				unsigned m = bs | sp, pos = 0;
				if (!m) {
					_mm_storeu_si128((__m128i *) (void *) d, v);
					p += 16;
					d += 16;
					continue;
				}
				bool stop = false;
				while (m) {
					unsigned k = (unsigned) __builtin_ctz(m);
					char e = (bs >> k) & 1 ? simple_escape[p[k + 1]] : 0;
					_mm_storeu_si128((__m128i *) (void *) d, _mm_loadu_si128((const __m128i *) (const void *) (p + pos)));
					d += k - pos;
					if (!e) {
						pos = k; /* the quote, a control byte, UTF-8 or \\u: below */
						stop = true;
						break;
					}
					*d++ = e;
					pos = k + 2;
					m &= ~((2u << (k + 1)) - 1); /* the escaped byte is not special */
				}
				if (!stop && pos < 16) {
					_mm_storeu_si128((__m128i *) (void *) d, _mm_loadu_si128((const __m128i *) (const void *) (p + pos)));
					d += 16 - pos;
					pos = 16;
				}
				p += pos;
				if (stop) {
					break;
				}
			}
		}
#endif
		while (p < lim) {
			if (plain_byte[*p]) {
				if (d) {
					*d++ = (char) *p;
				}
				p++;
			} else if (*p == '\\' && p + 1 < c->end && simple_escape[p[1]]) {
				if (d) {
					*d++ = simple_escape[p[1]];
				}
				p += 2;
			} else {
				break;
			}
		}
		c->p = p;
		if (out) {
			out->len = (size_t) (d - out->data);
			out->data[out->len] = '\0';
		}
		if (c->p >= c->end) {
			return bad(c, "an unterminated string");
		}
		if (p >= lim) {
			continue; /* the room is used up: more */
		}
		unsigned char ch = *c->p;
		if (ch == '"') {
			c->p++;
			return MSGR_OK;
		}
		if (ch < 0x20) {
			return bad(c, "a control character in a string");
		}
		if (ch >= 0x80) {
			uint32_t cp;
			size_t n = msgr_utf8_next(c->p, (size_t) (c->end - c->p), &cp);
			if (n == 0) {
				return bad(c, "malformed UTF-8");
			}
			if (out && msgr_buf_put(out, c->p, n) != MSGR_OK) {
				return msgr_error_set(c->err, MSGR_ERR_NOMEM, "out of memory");
			}
			c->p += n;
			continue;
		}
		/* an escape that is not a one-character one: \u, or an unknown one */
		if (++c->p >= c->end) {
			return bad(c, "an unterminated string");
		}
		if (*c->p != 'u') {
			return bad(c, "an unknown escape");
		}
		c->p++;
		uint32_t unit, low;
		int rc;
		if ((rc = hex4(c, &unit)) != MSGR_OK) {
			return rc;
		}
		if (unit >= 0xDC00 && unit <= 0xDFFF) {
			return bad(c, "an unpaired UTF-16 surrogate");
		}
		if (unit >= 0xD800 && unit <= 0xDBFF) {
			if (c->end - c->p < 2 || c->p[0] != '\\' || c->p[1] != 'u') {
				return bad(c, "an unpaired UTF-16 surrogate");
			}
			c->p += 2;
			if ((rc = hex4(c, &low)) != MSGR_OK) {
				return rc;
			}
			if (low < 0xDC00 || low > 0xDFFF) {
				return bad(c, "an unpaired UTF-16 surrogate");
			}
			unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
		}
		if (out && put_utf8(out, unit) != MSGR_OK) {
			return msgr_error_set(c->err, MSGR_ERR_NOMEM, "out of memory");
		}
	}
}

static int skip_value(cursor_t *c, int depth);

static int skip_container(cursor_t *c, int depth, char close, bool keyed)
{
	if (depth > JSON_MAX_DEPTH) {
		return bad(c, "nesting deeper than 64");
	}
	c->p++;
	skip_ws(c);
	if (c->p < c->end && *c->p == (unsigned char) close) {
		c->p++;
		return MSGR_OK;
	}
	for (;;) {
		int rc;
		skip_ws(c);
		if (keyed) {
			if ((rc = read_string(c, NULL)) != MSGR_OK) {
				return rc;
			}
			skip_ws(c);
			if (c->p >= c->end || *c->p != ':') {
				return bad(c, "a ':' was expected");
			}
			c->p++;
		}
		if ((rc = skip_value(c, depth + 1)) != MSGR_OK) {
			return rc;
		}
		skip_ws(c);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == (unsigned char) close) {
			c->p++;
			return MSGR_OK;
		}
		return bad(c, "a ',' or the end of a container was expected");
	}
}

static int skip_value(cursor_t *c, int depth)
{
	skip_ws(c);
	if (c->p >= c->end) {
		return bad(c, "a value was expected");
	}
	switch (*c->p) {
		case '"': return read_string(c, NULL);
		case '{': return skip_container(c, depth, '}', true);
		case '[': return skip_container(c, depth, ']', false);
	}
	static const char *const words[] = { "true", "false", "null" };
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);
		if ((size_t) (c->end - c->p) >= n && memcmp(c->p, words[i], n) == 0) {
			c->p += n;
			return MSGR_OK;
		}
	}
	/* a number: -?digits[.digits][e[+-]digits] */
	const unsigned char *begin = c->p;
	if (*c->p == '-') {
		c->p++;
	}
	const unsigned char *digits = c->p;
	while (c->p < c->end && ((*c->p >= '0' && *c->p <= '9') || *c->p == '.' || *c->p == 'e' || *c->p == 'E' || *c->p == '+' || *c->p == '-')) {
		c->p++;
	}
	if (c->p == digits || *digits < '0' || *digits > '9') {
		c->p = begin;
		return bad(c, "a value was expected");
	}
	return MSGR_OK;
}

static int take_string(cursor_t *c, char **out, size_t *len)
{
	msgr_buf_t b = MSGR_BUF_INIT;
	int rc = read_string(c, &b);
	if (rc == MSGR_OK && !b.data && msgr_buf_reserve(&b, 1) != MSGR_OK) {
		rc = msgr_error_set(c->err, MSGR_ERR_NOMEM, "out of memory");
	}
	if (rc != MSGR_OK) {
		msgr_buf_free(&b);
		return rc;
	}
	*out = b.data;
	*len = b.len;
	return MSGR_OK;
}

static int read_headers(cursor_t *c, msgr_message_t *m)
{
	skip_ws(c);
	if (c->p < c->end && *c->p == '[') {
		/* PHP's json_encode of an empty array */
		c->p++;
		skip_ws(c);
		if (c->p >= c->end || *c->p != ']') {
			return bad(c, "headers must be an object of strings");
		}
		c->p++;
		return MSGR_OK;
	}
	if (c->p >= c->end || *c->p != '{') {
		return bad(c, "headers must be an object of strings");
	}
	c->p++;
	skip_ws(c);
	if (c->p < c->end && *c->p == '}') {
		c->p++;
		return MSGR_OK;
	}
	size_t cap = 0;
	for (;;) {
		int rc;
		if (m->header_count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			msgr_header_t *grown = msgr_realloc(m->headers, ncap * sizeof(*grown));
			if (!grown) {
				return msgr_error_set(c->err, MSGR_ERR_NOMEM, "out of memory");
			}
			m->headers = grown;
			cap = ncap;
		}
		msgr_header_t *h = &m->headers[m->header_count];
		memset(h, 0, sizeof(*h));
		skip_ws(c);
		if ((rc = take_string(c, &h->name, &h->name_len)) != MSGR_OK) {
			return rc;
		}
		m->header_count++; /* owned from here on, freed with the message */
		skip_ws(c);
		if (c->p >= c->end || *c->p != ':') {
			return bad(c, "a ':' was expected");
		}
		c->p++;
		skip_ws(c);
		if (c->p >= c->end || *c->p != '"') {
			return bad(c, "a header value must be a string");
		}
		if ((rc = take_string(c, &h->value, &h->value_len)) != MSGR_OK) {
			return rc;
		}
		skip_ws(c);
		if (c->p < c->end && *c->p == ',') {
			c->p++;
			continue;
		}
		if (c->p < c->end && *c->p == '}') {
			c->p++;
			return MSGR_OK;
		}
		return bad(c, "a ',' or '}' was expected");
	}
}

int msgr_json_read_message(const char *in, size_t len, msgr_message_t *out, msgr_error_t *err)
{
	cursor_t c = { (const unsigned char *) in, (const unsigned char *) in, (const unsigned char *) in + len, err };
	bool have_body = false, have_headers = false;
	int rc = MSGR_OK;
	skip_ws(&c);
	if (c.p >= c.end || *c.p != '{') {
		return bad(&c, "an object was expected");
	}
	c.p++;
	skip_ws(&c);
	bool empty = c.p < c.end && *c.p == '}';
	if (empty) {
		c.p++;
	}
	while (!empty && rc == MSGR_OK) {
		msgr_buf_t key = MSGR_BUF_INIT;
		skip_ws(&c);
		if ((rc = read_string(&c, &key)) != MSGR_OK) {
			msgr_buf_free(&key);
			break;
		}
		skip_ws(&c);
		if (c.p >= c.end || *c.p != ':') {
			msgr_buf_free(&key);
			rc = bad(&c, "a ':' was expected");
			break;
		}
		c.p++;
		skip_ws(&c);
		if (key.len == 4 && memcmp(key.data, "body", 4) == 0 && !have_body) {
			have_body = true;
			rc = c.p < c.end && *c.p == '"' ? take_string(&c, &out->body, &out->body_len) : bad(&c, "the body must be a string");
		} else if (key.len == 7 && memcmp(key.data, "headers", 7) == 0 && !have_headers) {
			have_headers = true;
			rc = read_headers(&c, out);
		} else {
			rc = skip_value(&c, 1);
		}
		msgr_buf_free(&key);
		if (rc != MSGR_OK) {
			break;
		}
		skip_ws(&c);
		if (c.p < c.end && *c.p == ',') {
			c.p++;
			continue;
		}
		if (c.p < c.end && *c.p == '}') {
			c.p++;
			break;
		}
		rc = bad(&c, "a ',' or '}' was expected");
	}
	if (rc == MSGR_OK) {
		skip_ws(&c);
		if (c.p != c.end) {
			rc = bad(&c, "bytes after the object");
		} else if (!have_body) {
			rc = msgr_error_set(err, MSGR_ERR_PROTOCOL, "not the JSON of a message: it has no \"body\"");
		}
	}
	if (rc != MSGR_OK) {
		msgr_message_free(out);
	}
	return rc;
}
/* }}} */
