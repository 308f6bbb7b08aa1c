/* The worker area: the consume loop, retry strategies, the listeners it calls. Includes the
 * transport area. */
#ifndef PHP_MESSENGER_WORKER_H
#define PHP_MESSENGER_WORKER_H

#include "php/transport/transport.h"

void php_messenger_register_worker(void);
/* At request shutdown: forgets a batch a bailout left behind, and that the shutdown function was registered. */
void php_messenger_worker_request_shutdown(void);
void php_messenger_register_retry(void);

/* How the worker asks a retry strategy: the native one in C, one written in PHP through its
 * methods. False with an exception. */
typedef struct php_messenger_retry_ops {
	bool (*retryable)(zend_object *strategy, zend_object *envelope, zend_object *error, bool *out);
	bool (*waiting_ms)(zend_object *strategy, zend_object *envelope, zend_object *error, zend_long *out);
} php_messenger_retry_ops;
const php_messenger_retry_ops *php_messenger_retry_ops_of(zend_object *strategy);
/* the retries an envelope has been through: its last RedeliveryStamp's count */
zend_long php_messenger_retries_of(zend_object *envelope);

/* ---- worker (php_messenger_worker.c) ---- */
/* Whether the worker was told to stop (a signal, stop()): a handler waiting on the network returns */
bool php_messenger_worker_stopping(zend_object *worker);
/* A batch handler that runs up to n of its messages at once (the webhook handler's concurrency)
 * says so while it takes one: the worker reads that many ahead from the message's transport */
void php_messenger_worker_cap_read_ahead(zend_object *worker, uint32_t n);
/* A copy of a received envelope to send again: without the stamps of its delivery (see worker.c) */
zend_object *php_messenger_worker_resend_copy(zend_object *envelope);
/* ---- webhooks (webhook/webhook.c) ---- */
void php_messenger_register_webhook(void);
extern zend_class_entry *php_messenger_ce_WebhookMessage;
extern zend_class_entry *php_messenger_ce_WebhookResult;
extern zend_class_entry *php_messenger_ce_WebhookHandler;
/* the native handler a Messenger uses (options: its 'webhook' array, or NULL); NULL with an
 * exception. events: the Messenger's, for messages handled at once (reset to NULL when it goes) */
zend_object *php_messenger_webhook_handler_new(HashTable *options, const php_messenger_events *events);
void php_messenger_webhook_handler_set_events(zend_object *handler, const php_messenger_events *events);
/* event, host, status, duration_ms of a WebhookResult, for the log */
void php_messenger_webhook_log_context(zend_object *result, zval *context);
/* a WebhookResult's status (0: no response) and duration */
void php_messenger_webhook_result_figures(zend_object *result, zend_long *status, double *duration_ms);
extern zend_class_entry *php_messenger_ce_Worker;
extern zend_class_entry *php_messenger_ce_RetryStrategyInterface;
extern zend_class_entry *php_messenger_ce_MultiplierRetryStrategy;
/* What a worker needs of the configuration: tables borrowed from owner, which the worker holds a
 * reference to, so they live as long as it does. */
typedef struct php_messenger_worker_settings {
	zend_object *owner;             /* the Messenger the tables belong to */
	HashTable *transports;          /* name => handle: receivers, retries, failure transports */
	HashTable *buses;               /* name => MessageBus */
	zend_string *default_bus;
	HashTable *retry;               /* transport name => RetryStrategyInterface */
	zend_object *default_retry;     /* for a transport without one */
	HashTable *failure;             /* transport name => its failure transport's name */
	zend_string *failure_transport; /* the global one, or NULL */
	HashTable *rate;                /* transport name => [limit, interval in ms] */
	const php_messenger_events *events; /* the Messenger's subscribers (the configuration's listeners) */
	zend_object *logger;            /* or NULL */
	zval *reset;                    /* the configuration's callables between messages (a list), or NULL */
} php_messenger_worker_settings;
/* receivers: name => handle (of settings->transports) */
zend_object *php_messenger_worker_new(const php_messenger_worker_settings *settings, HashTable *receivers, HashTable *options);
/* The worker's subscribers: the console adds its -v lines there. */
php_messenger_events *php_messenger_worker_events(zend_object *worker);
/* One message received from receiver, handled as if it came from as_transport (retries go there);
 * *handled says whether its handlers succeeded. False when the worker cannot go on. */
bool php_messenger_worker_handle(zend_object *worker, zend_string *as_transport, const struct php_messenger_transport *receiver, zend_object *envelope, bool *handled);
/* A MultiplierRetryStrategy from a configuration array; NULL with an exception naming where. */
zend_object *php_messenger_retry_from_config(HashTable *config, const char *where);

/* ---- what a running worker shows (observe.c): Prometheus metrics over HTTP, its status in a
 * file the dashboard reads ---- */
typedef struct php_messenger_observer php_messenger_observer;
typedef struct php_messenger_observer_setup {
	zend_string *metrics;        /* "host:port" to serve /metrics on, or NULL */
	zend_string *status_dir;     /* where it writes <host>-<pid>.json, or NULL */
	HashTable *receivers;        /* name => handle: what it consumes (borrowed) */
	const php_messenger_worker_settings *settings; /* the failure transports, the transports */
} php_messenger_observer_setup;
/* subscribes to events; NULL with an exception (an address it cannot listen on) */
php_messenger_observer *php_messenger_observer_start(const php_messenger_observer_setup *setup, php_messenger_events *events);
/* its sockets, to wait on beside the receivers' */
int php_messenger_observer_fds(php_messenger_observer *o, int *fds, short *events, int max);
/* answers scrapes and writes the status when it is due; now: its sockets are ready (else it
 * looks at them no more than every few ms) */
void php_messenger_observer_tick(php_messenger_observer *o, bool now);
/* the last status (stopped), unsubscribed, freed */
void php_messenger_observer_stop(php_messenger_observer *o, php_messenger_events *events);

#endif
