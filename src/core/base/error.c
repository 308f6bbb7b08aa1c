#include "core/base/error.h"

#include <stdarg.h>
#include <stdio.h>

int msgr_error_set(msgr_error_t *err, int code, const char *fmt, ...)
{
	if (err) {
		va_list ap;
		err->code = code;
		va_start(ap, fmt);
		vsnprintf(err->message, sizeof(err->message), fmt, ap);
		va_end(ap);
	}
	return code;
}

void msgr_error_clear(msgr_error_t *err)
{
	if (err) {
		err->code = MSGR_OK;
		err->message[0] = '\0';
	}
}

const char *msgr_strerror(int code)
{
	switch (code) {
		case MSGR_OK: return "success";
		case MSGR_ERR_NOMEM: return "out of memory";
		case MSGR_ERR_INVALID: return "invalid argument";
		case MSGR_ERR_IO: return "input/output error";
		case MSGR_ERR_PROTOCOL: return "protocol error";
		case MSGR_ERR_NOT_FOUND: return "not found";
		case MSGR_ERR_STATE: return "not allowed in this state";
		case MSGR_ERR_DENIED: return "refused by the server";
		case MSGR_ERR_UNCONFIRMED: return "sent, but not confirmed";
		default: return "unknown error";
	}
}
