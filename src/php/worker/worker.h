/* The worker area: the consume loop, retry strategies, the listeners it calls. Includes the
 * transport area. */
#ifndef PHP_MESSENGER_WORKER_H
#define PHP_MESSENGER_WORKER_H

#include "php/transport/transport.h"

void php_messenger_register_worker(void);

/* ---- worker (php_messenger_worker.c) ---- */
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
	zval *listeners;                /* the configuration's listeners (event name => list), or NULL */
	zend_object *logger;            /* or NULL */
	zval *reset;                    /* the configuration's callables between messages (a list), or NULL */
} php_messenger_worker_settings;
/* receivers: name => handle (of settings->transports) */
zend_object *php_messenger_worker_new(const php_messenger_worker_settings *settings, HashTable *receivers, HashTable *options);
/* Checks the configuration's "listeners" (event name => callable or list of them) into out:
 * event name => list; false with an exception. */
bool php_messenger_worker_listeners_check(zval *config, zval *out);
/* A callable or a list of them into out (a list); false with an exception naming where. */
bool php_messenger_callables(zval *given, const char *where, zval *out);
/* A C observer of the worker's events (the console's -v lines). */
typedef void (*php_messenger_worker_reporter)(void *ctx, const char *event, zend_object *envelope, zend_string *transport, zend_object *error, bool will_retry);
void php_messenger_worker_set_reporter(zend_object *worker, php_messenger_worker_reporter fn, void *ctx);
/* One message received from receiver, handled as if it came from as_transport (retries go there);
 * *handled says whether its handlers succeeded. False when the worker cannot go on. */
bool php_messenger_worker_handle(zend_object *worker, zend_string *as_transport, const struct php_messenger_transport *receiver, zend_object *envelope, bool *handled);
/* A MultiplierRetryStrategy from a configuration array; NULL with an exception naming where. */
zend_object *php_messenger_retry_from_config(HashTable *config, const char *where);

#endif
