/* The values of a transport's options as the core reads them: text, from a DSN's query or a
 * configuration's options. Each error names the transport (what: "Redis", "AMQP") and the
 * option, never its value when that may be a secret (these take none). */
#ifndef MSGR_OPTION_H
#define MSGR_OPTION_H

#include "core/base/error.h"

#include <stdbool.h>

/* One option of a configuration, as text. */
typedef struct msgr_kv {
	const char *key;
	const char *value;
} msgr_kv_t;

/* A copy of value in *slot (what was there is freed). */
int msgr_option_string(char **slot, const char *value, msgr_error_t *err);
/* 1/true, 0/false or "" (a key without a value, false). */
int msgr_option_bool(const char *what, const char *key, const char *v, bool *out, msgr_error_t *err);
/* A decimal integer of at least min. */
int msgr_option_integer(const char *what, const char *key, const char *v, long long min, long long *out, msgr_error_t *err);
/* A number of seconds from 0 to a day. */
int msgr_option_seconds(const char *what, const char *key, const char *v, double *out, msgr_error_t *err);

#endif
