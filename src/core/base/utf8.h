/* UTF-8, as PHP's preg_match('//u') and json_decode() accept it: no overlong forms, no
 * surrogates, nothing past U+10FFFF. The one decoder the JSON codec, the PHP-serialize codec and
 * the binding use. */
#ifndef MSGR_UTF8_H
#define MSGR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The length (1 to 4) of the valid UTF-8 sequence at s (at most n >= 1 bytes) and its code
 * point in *cp; 0 when it is not valid. */
size_t msgr_utf8_next(const unsigned char *s, size_t n, uint32_t *cp);
/* The length of the ASCII prefix of in[0..len) (len when it is all ASCII). */
size_t msgr_ascii_prefix(const char *in, size_t len);
/* Whether in[0..len) is well-formed UTF-8. */
bool msgr_utf8_valid(const char *in, size_t len);

#endif
