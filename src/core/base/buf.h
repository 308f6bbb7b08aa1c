/* A growable byte buffer: the body of an encoded message, a command being built. Always
 * NUL-terminated after its len bytes, so it can be handed to C string functions. */
#ifndef MSGR_BUF_H
#define MSGR_BUF_H

#include <stddef.h>
#include <string.h>

typedef struct msgr_buf {
	char *data;
	size_t len;
	size_t cap;
} msgr_buf_t;

#define MSGR_BUF_INIT { NULL, 0, 0 }

int msgr_buf_reserve(msgr_buf_t *buf, size_t extra);
int msgr_buf_append(msgr_buf_t *buf, const void *bytes, size_t len);
/* msgr_buf_append() for the hot paths: inline when the bytes fit. */
static inline int msgr_buf_put(msgr_buf_t *buf, const void *bytes, size_t len)
{
	if (buf->cap - buf->len > len) {
		memcpy(buf->data + buf->len, bytes, len);
		buf->len += len;
		buf->data[buf->len] = '\0';
		return 0;
	}
	return msgr_buf_append(buf, bytes, len);
}
int msgr_buf_append_str(msgr_buf_t *buf, const char *s);
int msgr_buf_appendf(msgr_buf_t *buf, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
void msgr_buf_reset(msgr_buf_t *buf);
void msgr_buf_free(msgr_buf_t *buf);

#endif
