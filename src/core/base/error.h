/* Status codes and the caller-owned error struct of the core. The core never throws and
 * never logs: it returns a negative MSGR_ERR_* code and fills a msgr_error_t. */
#ifndef MSGR_ERROR_H
#define MSGR_ERROR_H

#define MSGR_OK              0
#define MSGR_ERR_NOMEM      -1
#define MSGR_ERR_INVALID    -2
#define MSGR_ERR_IO         -3
#define MSGR_ERR_PROTOCOL   -4
#define MSGR_ERR_NOT_FOUND  -5
#define MSGR_ERR_STATE      -6  /* the server's state forbids it (a LogicException to the user) */
#define MSGR_ERR_DENIED     -7  /* the server refuses this client (credentials, permissions, a
                                 * missing setup it may not make): waiting does not help */
#define MSGR_ERR_UNCONFIRMED -8 /* the request went out whole and no reply came: it may have
                                 * taken effect (a message sent may be stored) */

#define MSGR_ERROR_MAX 512

typedef struct msgr_error {
	int code;
	char message[MSGR_ERROR_MAX];
} msgr_error_t;

/* Sets code and message (printf format, truncated to fit) and returns code, so that a
 * failing function can `return msgr_error_set(err, ...)`. err may be NULL. */
int msgr_error_set(msgr_error_t *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
void msgr_error_clear(msgr_error_t *err);
const char *msgr_strerror(int code);

#endif
