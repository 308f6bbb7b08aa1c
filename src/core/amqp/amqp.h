/* The AMQP 0-9-1 transport of the core (librabbitmq), with Symfony's names, options and topology
 * (shared/reference/wire-formats.md, section 4). This part: the options of an amqp:// or
 * amqps:// DSN and of a configuration, as Symfony's Connection::fromDsn() takes them. */
#ifndef MSGR_AMQP_H
#define MSGR_AMQP_H

#include "core/base/dsn.h"
#include "core/base/message.h"
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
	char *host;                   /* localhost; the one connected to (or tried last) */
	int port;                     /* 5672, 5671 for amqps */
	msgr_dsn_host_t *hosts;       /* the brokers tried in order (host1:port1,host2:port2 in the DSN) */
	size_t host_count;
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
	long long delay_granularity_ms; /* delays rounded up to a multiple of it (100); 0: exact */
	bool auto_setup;              /* true */
	bool persistent;              /* true: connections pooled per process (not with heartbeat) */
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

/* The delay a delay queue is made for: delay_ms rounded up to a multiple of
 * delay[granularity], so that retries with jitter share a few queues instead of making one
 * per millisecond (Symfony's default delays, 1000 ms times powers of 2, are not changed). */
long long msgr_amqp_delay_rounded(const msgr_amqp_options_t *o, long long delay_ms);

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

/* {{{ the connection: one channel that publishes (with confirms) and consumes (basic.consume) */
#include <stdint.h>

/* ext-amqp's publish flags, as AmqpStamp gives them */
#define MSGR_AMQP_MANDATORY 1
#define MSGR_AMQP_IMMEDIATE 2

/* The basic properties of a message (AmqpStamp's attributes, a delivery's). A string is NULL
 * when absent; a number is absent when its has_ flag is false. */
typedef struct msgr_amqp_props {
	char *content_type, *content_encoding, *correlation_id, *reply_to, *expiration, *message_id, *type, *user_id, *app_id;
	bool has_delivery_mode, has_priority, has_timestamp;
	int delivery_mode, priority;
	long long timestamp;
} msgr_amqp_props_t;

/* One message to publish. m: the serializer's body and headers, delay_ms; the pointers are lent. */
typedef struct msgr_amqp_out {
	msgr_message_t m;
	const char *routing_key;       /* NULL: default_publish_routing_key, else "" */
	long long flags;               /* MSGR_AMQP_MANDATORY | MSGR_AMQP_IMMEDIATE */
	bool retry;                    /* a retry: back only to the queue routing_key names */
	msgr_amqp_props_t props;       /* the AmqpStamp's attributes (lent) */
	const msgr_header_t *extra_headers; /* the AmqpStamp's headers, under the serializer's */
	size_t extra_header_count;
} msgr_amqp_out_t;

/* One delivery handed out: m.body and m.headers (the headers table's string and number values;
 * a value of another type, such as x-death, is left out), m.problem when unreadable. */
typedef struct msgr_amqp_in {
	msgr_message_t m;
	char *queue;                   /* the queue it came from */
	char *exchange, *routing_key;
	uint64_t tag;                  /* the delivery tag on its connection */
	unsigned long long connection; /* which connection delivered it (1, 2, ... per transport) */
	bool redelivered;
	msgr_amqp_props_t props;
} msgr_amqp_in_t;

void msgr_amqp_props_free(msgr_amqp_props_t *p);
void msgr_amqp_in_free(msgr_amqp_in_t *list, size_t count);

typedef struct msgr_amqp msgr_amqp_t;

/* Takes the options (the caller's struct is zeroed). Connects at the first call that needs it. */
int msgr_amqp_open(msgr_amqp_t **out, msgr_amqp_options_t *options, msgr_error_t *err);
/* Closes the connection (the broker gives unacknowledged deliveries back to their queues); with
 * persistent (the default, unless heartbeat is on) a clean one goes to a process-wide pool for
 * the next transport of the same brokers, credentials and settings (an FPM worker's next
 * request), after its subscriptions are cancelled and what it was given goes back. */
void msgr_amqp_close(msgr_amqp_t *a);
/* Closes the pooled connections (at module shutdown). */
void msgr_amqp_pool_clear(void);
/* Declares the exchange, the queues and their bindings, and the delays exchange. */
int msgr_amqp_setup(msgr_amqp_t *a, msgr_error_t *err);
/* Publishes count messages, then waits once for all their confirms (confirm_timeout; 0: none
 * are asked). A nack, a basic.return or no confirm in time is an error for the batch. */
int msgr_amqp_send(msgr_amqp_t *a, const msgr_amqp_out_t *messages, size_t count, msgr_error_t *err);
/* A worker reads from it: n the prefetch (basic.qos) when prefetch_count was not given. n = 0:
 * no worker does any more: the subscriptions are cancelled and what was delivered and not
 * handed out goes back to the queues (basic.reject with requeue). */
void msgr_amqp_read_ahead(msgr_amqp_t *a, size_t n);
/* The deliveries that arrived, at most the prefetch (owned: msgr_amqp_in_free()); the first
 * call subscribes (basic.consume) to the queues (queue_count 0: all the configured ones).
 * Waits for none: what is on the socket is read, nothing more. */
int msgr_amqp_get(msgr_amqp_t *a, const char *const *queues, size_t queue_count, msgr_amqp_in_t **out, size_t *count, msgr_error_t *err);
/* basic.ack, or basic.nack without requeue (reject), of a delivery; one of another
 * connection (gone since) is ignored: the broker gave it back already. */
int msgr_amqp_ack(msgr_amqp_t *a, unsigned long long connection, uint64_t tag, bool reject, msgr_error_t *err);
/* Writes the kept acknowledgements. */
int msgr_amqp_flush(msgr_amqp_t *a, msgr_error_t *err);
/* basic.reject with requeue: a delivery the worker will not handle now. */
int msgr_amqp_release(msgr_amqp_t *a, unsigned long long connection, uint64_t tag, msgr_error_t *err);
/* The socket a worker waits on for deliveries, or -1 when it does not consume; *ready when
 * some can be read without waiting. */
int msgr_amqp_fd(msgr_amqp_t *a, bool *ready);
/* With heartbeat on: every how many ms a handler's worker should call msgr_amqp_tend() (half
 * the heartbeat), else 0. */
long msgr_amqp_tend_interval_ms(const msgr_amqp_t *a);
/* Reads what came without waiting: heartbeats are answered and sent when due, deliveries kept. */
void msgr_amqp_tend(msgr_amqp_t *a);
/* The ready messages of the queues (passive queue.declare), summed. */
int msgr_amqp_count(msgr_amqp_t *a, long long *n, msgr_error_t *err);
/* }}} */

#endif
