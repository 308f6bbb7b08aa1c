#include "core/amqp/amqp.h"
#include "core/base/alloc.h"

#include <stdio.h>
#include <string.h>

#define KNOWN_OPTIONS_LIST "host, port, vhost, user, login, password, exchange[...], queues[...], delay[...], auto_setup, " \
	"persistent, heartbeat, connect_timeout, read_timeout, write_timeout, rpc_timeout, confirm_timeout, frame_max, " \
	"channel_max, prefetch_count, cacert, cert, key, verify, sasl_method, connection_name"

/* {{{ a key as a query writes it: name[a][b]... */
#define MAX_PARTS 4

typedef struct {
	char buf[256];
	const char *part[MAX_PARTS]; /* part[0] the name, then what each [] holds */
	int count;
} parts_t;

/* false: not of that shape (an unclosed bracket, text after one, too deep, too long) */
static bool split_key(const char *key, parts_t *k)
{
	size_t len = strlen(key);
	if (len >= sizeof(k->buf)) {
		return false;
	}
	memcpy(k->buf, key, len + 1);
	char *p = strchr(k->buf, '[');
	k->part[0] = k->buf;
	k->count = 1;
	while (p) {
		if (k->count >= MAX_PARTS) {
			return false;
		}
		*p++ = '\0';
		char *close = strchr(p, ']');
		if (!close) {
			return false;
		}
		*close = '\0';
		k->part[k->count++] = p;
		p = close + 1;
		if (*p && *p != '[') {
			return false;
		}
		if (!*p) {
			p = NULL;
		}
	}
	return true;
}
/* }}} */

/* {{{ declaration arguments */
static const char *const integer_arguments[] = {
	"x-delay", "x-expires", "x-max-length", "x-max-length-bytes", "x-max-priority", "x-message-ttl", NULL,
};

int msgr_amqp_args_set(msgr_amqp_args_t *args, const char *key, const char *value, bool cast, const char *option, msgr_error_t *err)
{
	msgr_amqp_arg_t *a = NULL;
	for (size_t i = 0; i < args->count; i++) {
		if (strcmp(args->items[i].key, key) == 0) {
			a = &args->items[i];
			break;
		}
	}
	if (!a) {
		msgr_amqp_arg_t *grown = msgr_realloc(args->items, (args->count + 1) * sizeof(*grown));
		if (!grown) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		args->items = grown;
		a = &args->items[args->count];
		memset(a, 0, sizeof(*a));
		if (msgr_option_string(&a->key, key, err) != MSGR_OK) {
			return MSGR_ERR_NOMEM;
		}
		args->count++;
	}
	a->integer = false;
	if (cast) {
		for (int i = 0; integer_arguments[i]; i++) {
			if (strcmp(key, integer_arguments[i]) == 0) {
				char label[300];
				snprintf(label, sizeof(label), "%s[%s]", option, key);
				if (msgr_option_integer("AMQP", label, value, 0, &a->number, err) != MSGR_OK) {
					return MSGR_ERR_INVALID;
				}
				a->integer = true;
			}
		}
	}
	return msgr_option_string(&a->value, value, err);
}

void msgr_amqp_args_free(msgr_amqp_args_t *args)
{
	for (size_t i = 0; i < args->count; i++) {
		msgr_free(args->items[i].key);
		msgr_free(args->items[i].value);
	}
	msgr_free(args->items);
	args->items = NULL;
	args->count = 0;
}
/* }}} */

/* {{{ queues */
static msgr_amqp_queue_t *queue_named(msgr_amqp_options_t *o, const char *name, msgr_error_t *err)
{
	for (size_t i = 0; i < o->queue_count; i++) {
		if (strcmp(o->queues[i].name, name) == 0) {
			return &o->queues[i];
		}
	}
	msgr_amqp_queue_t *grown = msgr_realloc(o->queues, (o->queue_count + 1) * sizeof(*grown));
	if (!grown) {
		msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		return NULL;
	}
	o->queues = grown;
	msgr_amqp_queue_t *q = &o->queues[o->queue_count];
	memset(q, 0, sizeof(*q));
	q->flags = MSGR_AMQP_DURABLE;
	if (msgr_option_string(&q->name, name, err) != MSGR_OK) {
		return NULL;
	}
	o->queue_count++;
	return q;
}

static void free_queue(msgr_amqp_queue_t *q)
{
	msgr_free(q->name);
	for (size_t i = 0; i < q->binding_key_count; i++) {
		msgr_free(q->binding_keys[i]);
	}
	msgr_free(q->binding_keys);
	msgr_amqp_args_free(&q->binding_arguments);
	msgr_amqp_args_free(&q->arguments);
}

/* binding_keys[N] replaces the Nth key given (in the order they came), [] appends */
static int set_binding_key(msgr_amqp_queue_t *q, const char *index, const char *value, const char *option, msgr_error_t *err)
{
	long long n = -1;
	if (*index && msgr_option_integer("AMQP", option, index, 0, &n, err) != MSGR_OK) {
		return MSGR_ERR_INVALID;
	}
	if (n >= 0 && (size_t) n < q->binding_key_count) {
		return msgr_option_string(&q->binding_keys[n], value, err);
	}
	char **grown = msgr_realloc(q->binding_keys, (q->binding_key_count + 1) * sizeof(char *));
	if (!grown) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	q->binding_keys = grown;
	q->binding_keys[q->binding_key_count] = NULL;
	if (msgr_option_string(&q->binding_keys[q->binding_key_count], value, err) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	q->binding_key_count++;
	return MSGR_OK;
}
/* }}} */

static int unknown(const char *key, msgr_error_t *err)
{
	return msgr_error_set(err, MSGR_ERR_INVALID, "Unknown AMQP option \"%.80s\" (known: " KNOWN_OPTIONS_LIST ")", key);
}

static int apply_nested(msgr_amqp_options_t *o, const char *key, const parts_t *k, const char *v, msgr_error_t *err)
{
	const char *name = k->part[0];
	if (strcmp(name, "exchange") == 0 && k->count >= 2) {
		const char *what = k->part[1];
		if (k->count == 2 && strcmp(what, "name") == 0) return msgr_option_string(&o->exchange_name, v, err);
		if (k->count == 2 && strcmp(what, "type") == 0) {
			if (!*v) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "The AMQP option \"exchange[type]\" must name a type (fanout, direct, topic, headers...)");
			}
			return msgr_option_string(&o->exchange_type, v, err);
		}
		if (k->count == 2 && strcmp(what, "default_publish_routing_key") == 0) return msgr_option_string(&o->default_publish_routing_key, v, err);
		if (k->count == 2 && strcmp(what, "flags") == 0) return msgr_option_integer("AMQP", key, v, 0, &o->exchange_flags, err);
		if (k->count == 3 && strcmp(what, "arguments") == 0 && *k->part[2]) return msgr_amqp_args_set(&o->exchange_arguments, k->part[2], v, false, "exchange[arguments]", err);
		return unknown(key, err);
	}
	if (strcmp(name, "delay") == 0 && k->count >= 2) {
		const char *what = k->part[1];
		if (k->count == 2 && strcmp(what, "exchange_name") == 0) return msgr_option_string(&o->delay_exchange_name, v, err);
		if (k->count == 2 && strcmp(what, "queue_name_pattern") == 0) return msgr_option_string(&o->delay_queue_name_pattern, v, err);
		if (k->count == 3 && strcmp(what, "arguments") == 0 && *k->part[2]) return msgr_amqp_args_set(&o->delay_arguments, k->part[2], v, true, "delay[arguments]", err);
		if (k->count == 2 && strcmp(what, "granularity") == 0) return msgr_option_integer("AMQP", "delay[granularity]", v, 0, &o->delay_granularity_ms, err);
		return unknown(key, err);
	}
	if (strcmp(name, "queues") == 0 && k->count >= 2 && *k->part[1]) {
		msgr_amqp_queue_t *q = queue_named(o, k->part[1], err);
		if (!q) {
			return MSGR_ERR_NOMEM;
		}
		if (k->count == 2) {
			if (*v) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "The AMQP option \"%.80s\" is a queue's settings (binding_keys, binding_arguments, flags, arguments), not a value", key);
			}
			return MSGR_OK; /* the queue with the defaults */
		}
		const char *what = k->part[2];
		if (k->count == 4 && strcmp(what, "binding_keys") == 0) return set_binding_key(q, k->part[3], v, key, err);
		if (k->count == 3 && strcmp(what, "flags") == 0) return msgr_option_integer("AMQP", key, v, 0, &q->flags, err);
		if (k->count == 4 && strcmp(what, "arguments") == 0 && *k->part[3]) return msgr_amqp_args_set(&q->arguments, k->part[3], v, true, "queues[...][arguments]", err);
		if (k->count == 4 && strcmp(what, "binding_arguments") == 0 && *k->part[3]) return msgr_amqp_args_set(&q->binding_arguments, k->part[3], v, false, "queues[...][binding_arguments]", err);
		return unknown(key, err);
	}
	return unknown(key, err);
}

static int apply_option(msgr_amqp_options_t *o, const char *key, const char *v, msgr_error_t *err)
{
	parts_t k;
	if (!split_key(key, &k)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The AMQP option \"%.80s\" is not of the shape name or name[key]...", key);
	}
	if (k.count > 1) {
		return apply_nested(o, key, &k, v, err);
	}
	long long n;
	if (strcmp(key, "host") == 0) return msgr_option_string(&o->host, *v ? v : "localhost", err);
	if (strcmp(key, "port") == 0) {
		if (msgr_option_integer("AMQP", key, v, 1, &n, err) != MSGR_OK || n > 65535) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The AMQP option \"port\" must be a number from 1 to 65535, \"%.40s\" given", v);
		}
		o->port = (int) n;
		return MSGR_OK;
	}
	if (strcmp(key, "vhost") == 0) return msgr_option_string(&o->vhost, *v ? v : "/", err);
	if (strcmp(key, "user") == 0 || strcmp(key, "login") == 0) return msgr_option_string(&o->user, v, err);
	if (strcmp(key, "password") == 0) return msgr_option_string(&o->password, v, err);
	if (strcmp(key, "auto_setup") == 0) return msgr_option_bool("AMQP", key, v, &o->auto_setup, err);
	if (strcmp(key, "persistent") == 0) return msgr_option_bool("AMQP", key, v, &o->persistent, err);
	if (strcmp(key, "verify") == 0) return msgr_option_bool("AMQP", key, v, &o->verify, err);
	if (strcmp(key, "heartbeat") == 0) return msgr_option_seconds("AMQP", key, v, &o->heartbeat, err);
	if (strcmp(key, "connect_timeout") == 0) return msgr_option_seconds("AMQP", key, v, &o->connect_timeout, err);
	if (strcmp(key, "read_timeout") == 0) return msgr_option_seconds("AMQP", key, v, &o->read_timeout, err);
	if (strcmp(key, "write_timeout") == 0) return msgr_option_seconds("AMQP", key, v, &o->write_timeout, err);
	if (strcmp(key, "rpc_timeout") == 0) return msgr_option_seconds("AMQP", key, v, &o->rpc_timeout, err);
	if (strcmp(key, "confirm_timeout") == 0) return msgr_option_seconds("AMQP", key, v, &o->confirm_timeout, err);
	if (strcmp(key, "frame_max") == 0) return msgr_option_integer("AMQP", key, v, 0, &o->frame_max, err);
	if (strcmp(key, "channel_max") == 0) return msgr_option_integer("AMQP", key, v, 0, &o->channel_max, err);
	if (strcmp(key, "prefetch_count") == 0) return msgr_option_integer("AMQP", key, v, 0, &o->prefetch_count, err);
	if (strcmp(key, "sasl_method") == 0) {
		if (msgr_option_integer("AMQP", key, v, 0, &o->sasl_method, err) != MSGR_OK || o->sasl_method > 1) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The AMQP option \"sasl_method\" must be 0 (PLAIN) or 1 (EXTERNAL), \"%.40s\" given", v);
		}
		return MSGR_OK;
	}
	if (strcmp(key, "cacert") == 0) return msgr_option_string(&o->cacert, v, err);
	if (strcmp(key, "cert") == 0) return msgr_option_string(&o->cert, v, err);
	if (strcmp(key, "key") == 0) return msgr_option_string(&o->key, v, err);
	if (strcmp(key, "connection_name") == 0) return msgr_option_string(&o->connection_name, v, err);
	return unknown(key, err);
}

int msgr_amqp_options_parse(const msgr_dsn_t *dsn, const msgr_kv_t *extra, size_t extra_count, msgr_amqp_options_t *o, msgr_error_t *err)
{
	memset(o, 0, sizeof(*o));
	if (strcmp(dsn->scheme, "amqp") != 0 && strcmp(dsn->scheme, "amqps") != 0) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "Not an AMQP DSN: the scheme is \"%s\"", dsn->scheme);
	}
	int rc = MSGR_OK;
	o->tls = strcmp(dsn->scheme, "amqps") == 0;
	o->port = dsn->port ? dsn->port : o->tls ? 5671 : 5672;
	o->auto_setup = o->verify = o->persistent = true;
	o->delay_granularity_ms = 100;
	o->exchange_flags = MSGR_AMQP_DURABLE;
	o->confirm_timeout = 5;
	/* the path: /vhost/exchange, each segment percent-decoded on its own (%2f is the vhost "/") */
	char *segments[2] = { NULL, NULL };
	int seg_rc = MSGR_OK;
	segments[0] = msgr_dsn_path_segment(dsn, 0, err, &rc);
	if (rc == MSGR_OK) {
		segments[1] = msgr_dsn_path_segment(dsn, 1, err, &rc);
	}
	if (rc == MSGR_OK) {
		char *third = msgr_dsn_path_segment(dsn, 2, err, &seg_rc);
		if (third || seg_rc != MSGR_OK) {
			msgr_free(third);
			rc = seg_rc != MSGR_OK ? seg_rc : msgr_error_set(err, MSGR_ERR_INVALID, "An AMQP DSN's path is /vhost/exchange; it has more segments");
		}
	}
	if (rc != MSGR_OK ||
		(rc = msgr_option_string(&o->host, *dsn->host ? dsn->host : "localhost", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->vhost, segments[0] ? segments[0] : "/", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->exchange_name, segments[1] ? segments[1] : "messages", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->exchange_type, "fanout", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->delay_exchange_name, "delays", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->delay_queue_name_pattern, "delay_%exchange_name%_%routing_key%_%delay%", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->user, dsn->user && *dsn->user ? dsn->user : "guest", err)) != MSGR_OK ||
		(rc = msgr_option_string(&o->password, dsn->password ? dsn->password : "guest", err)) != MSGR_OK) {
		goto fail;
	}
	/* the configuration's options, then the DSN's query: the DSN wins */
	for (size_t i = 0; i < extra_count; i++) {
		if ((rc = apply_option(o, extra[i].key, extra[i].value, err)) != MSGR_OK) {
			goto fail;
		}
	}
	for (size_t i = 0; i < dsn->param_count; i++) {
		if ((rc = apply_option(o, dsn->params[i].key, dsn->params[i].value, err)) != MSGR_OK) {
			goto fail;
		}
	}
	if (!*o->exchange_name && o->queue_count == 0) {
		rc = msgr_error_set(err, MSGR_ERR_INVALID, "An AMQP transport on the default exchange (\"\") needs its queues named (queues[name])");
		goto fail;
	}
	if (o->queue_count == 0 && !queue_named(o, o->exchange_name, err)) {
		rc = MSGR_ERR_NOMEM; /* one queue named like the exchange, as Symfony's */
		goto fail;
	}
	if (o->tls && !o->cacert) {
		rc = msgr_error_set(err, MSGR_ERR_INVALID, "An amqps:// DSN needs a CA certificate: set the \"cacert\" option");
		goto fail;
	}
	/* the brokers to try in order: the host (and port) as given, then the DSN's other hosts */
	o->hosts = msgr_calloc(dsn->more_host_count + 1, sizeof(*o->hosts));
	if (!o->hosts) {
		rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		goto fail;
	}
	for (size_t i = 0; i <= dsn->more_host_count; i++) {
		const char *h = i ? dsn->more_hosts[i - 1].host : o->host;
		if (!(o->hosts[i].host = msgr_strndup(h, strlen(h)))) {
			rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
			goto fail;
		}
		o->hosts[i].port = i ? (dsn->more_hosts[i - 1].port ? dsn->more_hosts[i - 1].port : o->tls ? 5671 : 5672) : o->port;
		o->host_count++;
	}
	msgr_free(segments[0]);
	msgr_free(segments[1]);
	return MSGR_OK;
fail:
	msgr_free(segments[0]);
	msgr_free(segments[1]);
	msgr_amqp_options_free(o);
	return rc;
}

void msgr_amqp_options_free(msgr_amqp_options_t *o)
{
	char *strings[] = { o->host, o->vhost, o->user, o->password, o->cacert, o->cert, o->key, o->exchange_name, o->exchange_type,
		o->default_publish_routing_key, o->delay_exchange_name, o->delay_queue_name_pattern, o->connection_name };
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		msgr_free(strings[i]);
	}
	msgr_amqp_args_free(&o->exchange_arguments);
	msgr_amqp_args_free(&o->delay_arguments);
	for (size_t i = 0; i < o->queue_count; i++) {
		free_queue(&o->queues[i]);
	}
	msgr_free(o->queues);
	for (size_t i = 0; i < o->host_count; i++) {
		msgr_free(o->hosts[i].host);
	}
	msgr_free(o->hosts);
	memset(o, 0, sizeof(*o));
}

const char *msgr_amqp_where(const msgr_amqp_options_t *o, char *buf, size_t size)
{
	snprintf(buf, size, strchr(o->host, ':') ? "AMQP at [%s]:%d%s, vhost %s" : "AMQP at %s:%d%s, vhost %s", o->host, o->port,
		o->tls ? " (TLS)" : "", o->vhost);
	return buf;
}
