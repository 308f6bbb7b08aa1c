#include "core/base/utf8.h"

#include <string.h>

size_t msgr_utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	/* the second byte's range rules out overlong forms, surrogates and code points past U+10FFFF */
	unsigned char lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		*cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		*cp = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		*cp = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi) {
		return 0;
	}
	*cp = (*cp << 6) | (s[1] & 0x3F);
	for (size_t i = 2; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			return 0;
		}
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	return len;
}

size_t msgr_ascii_prefix(const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *) in, *end = s + len;
	/* eight bytes at a time */
	while ((size_t) (end - s) >= 8) {
		uint64_t word;
		memcpy(&word, s, 8);
		if (word & UINT64_C(0x8080808080808080)) {
			break;
		}
		s += 8;
	}
	while (s < end && *s < 0x80) {
		s++;
	}
	return (size_t) (s - (const unsigned char *) in);
}

bool msgr_utf8_valid(const char *in, size_t len)
{
	const unsigned char *s = (const unsigned char *) in, *end = s + len;
	while (s < end) {
		s += msgr_ascii_prefix((const char *) s, (size_t) (end - s));
		if (s >= end) {
			break;
		}
		uint32_t cp;
		size_t n = msgr_utf8_next(s, (size_t) (end - s), &cp);
		if (n == 0) {
			return false;
		}
		s += n;
	}
	return true;
}
