/* The AMQP 0-9-1 transport of the core (librabbitmq), with Symfony's names, options and topology
 * (shared/reference/wire-formats.md, section 4). This part: the options of an amqp:// or
 * amqps:// DSN and of a configuration, as Symfony's Connection::fromDsn() takes them. */
#ifndef MSGR_AMQP_H
#define MSGR_AMQP_H

#include "core/base/dsn.h"
#include "core/base/error.h"
#include "core/base/option.h"

#include <stdbool.h>
#include <stddef.h>

/* The flags of ext-amqp's constants, as Symfony's options give them (numbers). */
#define MSGR_AMQP_DURABLE 2
#define MSGR_AMQP_PASSIVE 4
#define MSGR_AMQP_EXCLUSIVE 8
#define MSGR_AMQP_AUTODELETE 16
#define MSGR_AMQP_INTERNAL 32

/* One entry of a declaration's arguments (a queue's, an exchange's, a binding's): the text as
 * given, and for the arguments Symfony casts to integers (x-delay, x-expires, x-max-length,
 * x-max-length-bytes, x-max-priority, x-message-ttl, on queues) the number. */
typedef struct msgr_amqp_arg {
	char *key;
	char *value;
	bool integer;
	long long number;
} msgr_amqp_arg_t;

typedef struct msgr_amqp_args {
	msgr_amqp_arg_t *items;
	size_t count;
} msgr_amqp_args_t;

typedef struct msgr_amqp_queue {
	char *name;
	char **binding_keys;          /* none: bound once with the key "" */
	size_t binding_key_count;
	msgr_amqp_args_t binding_arguments;
	long long flags;              /* MSGR_AMQP_DURABLE by default */
	msgr_amqp_args_t arguments;
} msgr_amqp_queue_t;

typedef struct msgr_amqp_options {
	char *host;                   /* localhost */
	int port;                     /* 5672, 5671 for amqps */
	char *vhost;                  /* "/" */
	char *user, *password;        /* guest/guest (ext-amqp's defaults) */
	bool tls;                     /* amqps:// */
	char *cacert, *cert, *key;    /* TLS files; amqps needs cacert, as Symfony's */
	bool verify;                  /* TLS: check the peer (default) */
	char *exchange_name;          /* the DSN's second path segment, else "messages" */
	char *exchange_type;          /* fanout */
	char *default_publish_routing_key; /* NULL: none ("") */
	long long exchange_flags;     /* MSGR_AMQP_DURABLE */
	msgr_amqp_args_t exchange_arguments;
	msgr_amqp_queue_t *queues;    /* none given: one named like the exchange */
	size_t queue_count;
	char *delay_exchange_name;    /* delays */
	char *delay_queue_name_pattern; /* delay_%exchange_name%_%routing_key%_%delay% */
	msgr_amqp_args_t delay_arguments;
	bool auto_setup;              /* true */
	bool persistent;              /* false */
	double heartbeat;             /* s; 0: none, as ext-amqp */
	double connect_timeout, read_timeout, write_timeout, rpc_timeout; /* s; 0: ours (5 s to connect) */
	double confirm_timeout;       /* s; publisher confirms, on by default (5 s) */
	long long frame_max, channel_max; /* 0: the broker's */
	long long prefetch_count;     /* 0: the worker's read-ahead */
	long long sasl_method;        /* 0: PLAIN, 1: EXTERNAL */
	char *connection_name;        /* NULL: none */
} msgr_amqp_options_t;

/* The options of an amqp:// or amqps:// DSN ([user[:password]@]host[:port][/vhost[/exchange]],
 * the vhost percent-decoded: %2f is "/") and of extra key/values (a configuration's options);
 * the DSN's query wins over those. Nested options are keyed as a query writes them:
 * exchange[name], exchange[arguments][alternate-exchange], queues[orders][binding_keys][0] (or
 * [] to append), queues[orders][arguments][x-queue-type], queues[orders] alone for a queue with
 * the defaults, delay[exchange_name]. An unknown option, a bad value or another scheme is
 * MSGR_ERR_INVALID naming it (never the password). */
int msgr_amqp_options_parse(const msgr_dsn_t *dsn, const msgr_kv_t *extra, size_t extra_count, msgr_amqp_options_t *out, msgr_error_t *err);
void msgr_amqp_options_free(msgr_amqp_options_t *o);
/* Sets key in args (replacing a value it had); with cast, the arguments Symfony casts to
 * integers must be ones (option names the place in errors). */
int msgr_amqp_args_set(msgr_amqp_args_t *args, const char *key, const char *value, bool cast, const char *option, msgr_error_t *err);
void msgr_amqp_args_free(msgr_amqp_args_t *args);

/* The queue a message waits in for delay_ms, as Symfony names and declares it (it is bound to
 * the delays exchange by its own name, and the message published there with that name as
 * routing key): queue_name_pattern with %exchange_name%, %routing_key% (routing_key, or "")
 * and %delay% replaced, then _delay, or _retry for a retry; x-message-ttl the delay, x-expires
 * 10 s more, then dead-lettered: a delay to the main exchange with routing_key (routed as if
 * sent now), a retry to the default exchange with routing_key, which is then the queue the
 * message failed in (so it goes back only there); delay[arguments] last, over those. */
typedef struct msgr_amqp_delay {
	char *queue;
	msgr_amqp_args_t arguments;
} msgr_amqp_delay_t;

int msgr_amqp_delay_queue(const msgr_amqp_options_t *o, const char *routing_key, long long delay_ms, bool retry, msgr_amqp_delay_t *out, msgr_error_t *err);
void msgr_amqp_delay_free(msgr_amqp_delay_t *d);

/* "AMQP at host:port, vhost /": how errors name the broker (never the password). */
const char *msgr_amqp_where(const msgr_amqp_options_t *o, char *buf, size_t size);

#endif
