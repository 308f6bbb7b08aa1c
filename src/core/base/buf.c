#include "core/base/buf.h"
#include "core/base/alloc.h"
#include "core/base/error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int msgr_buf_reserve(msgr_buf_t *buf, size_t extra)
{
	if (extra > SIZE_MAX - buf->len - 1) {
		return MSGR_ERR_NOMEM;
	}
	size_t need = buf->len + extra + 1;
	if (need <= buf->cap) {
		return MSGR_OK;
	}
	size_t cap = buf->cap ? buf->cap : 64;
	while (cap < need) {
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	}
	char *data = msgr_realloc(buf->data, cap);
	if (!data) {
		return MSGR_ERR_NOMEM;
	}
	buf->data = data;
	buf->cap = cap;
	return MSGR_OK;
}

int msgr_buf_append(msgr_buf_t *buf, const void *bytes, size_t len)
{
	int rc = msgr_buf_reserve(buf, len);
	if (rc != MSGR_OK) {
		return rc;
	}
	if (len) {
		memcpy(buf->data + buf->len, bytes, len);
	}
	buf->len += len;
	buf->data[buf->len] = '\0';
	return MSGR_OK;
}

int msgr_buf_append_str(msgr_buf_t *buf, const char *s)
{
	return msgr_buf_append(buf, s, strlen(s));
}

int msgr_buf_appendf(msgr_buf_t *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		return MSGR_ERR_INVALID;
	}
	int rc = msgr_buf_reserve(buf, (size_t) n);
	if (rc != MSGR_OK) {
		return rc;
	}
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t) n + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t) n;
	return MSGR_OK;
}

void msgr_buf_reset(msgr_buf_t *buf)
{
	buf->len = 0;
	if (buf->data) {
		buf->data[0] = '\0';
	}
}

void msgr_buf_free(msgr_buf_t *buf)
{
	msgr_free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}
