#include "core/amqp/amqp.h"
#include "core/base/alloc.h"
#include "core/base/buf.h"

#include <stdio.h>
#include <string.h>

/* the pattern with each %name% of vars replaced (an unknown %...% stays as it is) */
static int expand(const char *pattern, const char *const vars[][2], msgr_buf_t *out)
{
	const char *p = pattern;
	while (*p) {
		bool done = false;
		if (*p == '%') {
			for (int i = 0; vars[i][0]; i++) {
				size_t n = strlen(vars[i][0]);
				if (strncmp(p + 1, vars[i][0], n) == 0 && p[1 + n] == '%') {
					if (msgr_buf_append_str(out, vars[i][1]) != MSGR_OK) {
						return MSGR_ERR_NOMEM;
					}
					p += n + 2;
					done = true;
					break;
				}
			}
		}
		if (!done) {
			if (msgr_buf_append(out, p, 1) != MSGR_OK) {
				return MSGR_ERR_NOMEM;
			}
			p++;
		}
	}
	return MSGR_OK;
}

long long msgr_amqp_delay_rounded(const msgr_amqp_options_t *o, long long delay_ms)
{
	long long g = o->delay_granularity_ms;
	return g > 0 && delay_ms % g ? (delay_ms / g + 1) * g : delay_ms;
}

int msgr_amqp_delay_queue(const msgr_amqp_options_t *o, const char *routing_key, long long delay_ms, bool retry, msgr_amqp_delay_t *out, msgr_error_t *err)
{
	memset(out, 0, sizeof(*out));
	if (delay_ms <= 0) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "A delay queue is for a delay of at least 1 ms, %lld given", delay_ms);
	}
	const char *key = routing_key ? routing_key : "";
	char delay[24], expires[24];
	snprintf(delay, sizeof(delay), "%lld", delay_ms);
	snprintf(expires, sizeof(expires), "%lld", delay_ms + 10000);
	const char *const vars[][2] = { { "exchange_name", o->exchange_name }, { "routing_key", key }, { "delay", delay }, { NULL, NULL } };
	msgr_buf_t name = MSGR_BUF_INIT;
	int rc = expand(o->delay_queue_name_pattern, vars, &name);
	if (rc == MSGR_OK) {
		rc = msgr_buf_append_str(&name, retry ? "_retry" : "_delay");
	}
	if (rc != MSGR_OK) {
		msgr_buf_free(&name);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	out->queue = name.data;
	if ((rc = msgr_amqp_args_set(&out->arguments, "x-message-ttl", delay, true, "delay", err)) != MSGR_OK ||
		(rc = msgr_amqp_args_set(&out->arguments, "x-expires", expires, true, "delay", err)) != MSGR_OK ||
		(rc = msgr_amqp_args_set(&out->arguments, "x-dead-letter-exchange", retry ? "" : o->exchange_name, false, "delay", err)) != MSGR_OK ||
		(rc = msgr_amqp_args_set(&out->arguments, "x-dead-letter-routing-key", key, false, "delay", err)) != MSGR_OK) {
		msgr_amqp_delay_free(out);
		return rc;
	}
	for (size_t i = 0; i < o->delay_arguments.count; i++) {
		const msgr_amqp_arg_t *a = &o->delay_arguments.items[i];
		if ((rc = msgr_amqp_args_set(&out->arguments, a->key, a->value, true, "delay[arguments]", err)) != MSGR_OK) {
			msgr_amqp_delay_free(out);
			return rc;
		}
	}
	return MSGR_OK;
}

void msgr_amqp_delay_free(msgr_amqp_delay_t *d)
{
	msgr_free(d->queue);
	msgr_amqp_args_free(&d->arguments);
	memset(d, 0, sizeof(*d));
}
