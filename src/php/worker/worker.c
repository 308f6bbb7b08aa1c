/* Messenger\Worker and the retry strategy: the consume loop in C.
 *
 * As Symfony's Worker: receivers in the order given (the first is drained before the next is
 * read); each message gets a ReceivedStamp and goes through its bus again (so handlers are
 * filtered by from_transport and received messages are never re-sent); success acks it; a
 * failure sends a copy with DelayStamp, RedeliveryStamp and ErrorDetailsStamp back to the same
 * transport when the retry strategy allows (always for RecoverableMessageHandlingException,
 * never for UnrecoverableMessageHandlingException), else to the failure transport with
 * SentToFailureTransportStamp, and rejects the original. SIGTERM, SIGINT and SIGQUIT finish
 * the current message and stop (no PCNTL needed); the waits are short slices. */
#include "php/worker/worker.h"
#include "ext/standard/basic_functions.h"
#include "core/base/retry.h"
#include "core/base/rate.h"
#include "core/base/prefetch.h"
#include "core/base/tick.h"
#include "ext/date/php_date.h"
#include "zend_closures.h"
#include "worker_arginfo.h"

#include <signal.h>
#ifndef PHP_WIN32
#include <poll.h>
#endif
#include <stdatomic.h>
#include <time.h>

zend_class_entry *php_messenger_ce_Worker;

static zend_object_handlers worker_handlers;


/* {{{ Worker */
typedef struct {
	php_messenger_worker_settings s; /* s.owner is a reference of the worker's */
	HashTable receivers; /* name => the messenger's handle (borrowed) */
	zend_string *bus;    /* dispatch on this bus, or NULL */
	zval options;        /* run() defaults from Messenger::worker() */
	php_messenger_events events;          /* the Messenger's subscribers, the log's, the console's, on()'s */
	php_messenger_listeners listeners;    /* Worker::on()'s */
	zend_object *logger;  /* the configuration's PSR-3-shaped logger, or NULL */
	zval reset;           /* the configuration's callables to run between messages (a list), or UNDEF */
	HashTable waiting;    /* the Acknowledgers of messages batch handlers keep: handle => Acknowledger */
	zval deferred;        /* Acknowledgers called since: settled by the worker next (a list), or UNDEF */
	bool do_reset;        /* run() option "reset" (false: --no-reset) */
	const php_messenger_transport *current_receiver;  /* the message being handled now (borrowed), for keepalive */
	zend_object *current_envelope;
	zend_string *current_transport;
	bool stop;
	bool running;
	uint32_t read_ahead_cap; /* what a batch handler of the batch being handled can run at once, or 0 */
	struct run_state *run; /* while run() runs: its options and state (for waits), else NULL */
	zend_object std;
} php_messenger_worker;

/* {{{ outages: a broker the worker cannot reach is waited out (see outage_wait) */
typedef struct {
	zend_long since_ms; /* unreachable since (monotonic), or 0 */
	zend_long wait_ms;  /* the last wait before trying again */
	zend_long retry_at_ms; /* a receiver's: not read again before (the others are read meanwhile) */
} outage_t;
static bool outage_wait(php_messenger_worker *w, zend_string *name, outage_t *o);
static bool outage_note(php_messenger_worker *w, zend_string *name, outage_t *o);
static bool outage_over(php_messenger_worker *w, zend_string *name, outage_t *o);
/* }}} */

/* the log: a subscriber of these events */
#define LOG_EVENTS ((1u << PHP_MESSENGER_EV_HANDLED) | (1u << PHP_MESSENGER_EV_RETRYING) | (1u << PHP_MESSENGER_EV_REMOVED) \
	| (1u << PHP_MESSENGER_EV_SENT_TO_FAILURE) | (1u << PHP_MESSENGER_EV_KEEPALIVE) | (1u << PHP_MESSENGER_EV_KEEPALIVE_FAILED) \
	| (1u << PHP_MESSENGER_EV_UNAVAILABLE) | (1u << PHP_MESSENGER_EV_AVAILABLE) | (1u << PHP_MESSENGER_EV_WEBHOOK))
static bool log_event(void *ctx, const php_messenger_event *ev);

static volatile sig_atomic_t stop_signal;

static void on_signal(int signo)
{
	stop_signal = signo;
}

/* {{{ the batches being handled, for a fatal error in a handler: PHP then leaves by a bailout
 * that skips the worker's frames (exit() unwinds them, and handle_batch gives the rest back
 * itself). A shutdown function (Worker::giveBack(), registered with the first batch of a
 * request; PHP runs shutdown functions after a fatal error, when PHP functions can be called
 * again) writes the acknowledgements the transports still hold and gives the messages after the
 * one being handled back to their queue at once; that one waits for redeliver_timeout, as with
 * exit(). A worker run inside a handler adds its batch above the one of the message it runs in:
 * every level is given back. Batch arrays are borrowed: a bailout leaves them allocated until
 * the request ends. */
typedef struct {
	zend_object *transport; /* with a reference of ours */
	HashTable *batch;       /* borrowed while handle_batch runs, ours once it has returned */
	bool batch_owned;
	uint32_t current;       /* the position of the message being handled */
} inflight_t;

ZEND_TLS inflight_t *inflight;   /* the outermost batch first */
ZEND_TLS uint32_t inflight_depth, inflight_cap;
ZEND_TLS bool give_back_registered;

static void register_give_back(void)
{
	zend_function *fn = zend_hash_str_find_ptr(&php_messenger_ce_Worker->function_table, "giveback", sizeof("giveback") - 1);
	if (!fn) {
		return;
	}
	php_shutdown_function_entry entry;
	memset(&entry, 0, sizeof(entry));
	entry.fci.size = sizeof(entry.fci);
	ZVAL_STRING(&entry.fci.function_name, "Messenger\\Worker::giveBack");
	entry.fci_cache.function_handler = fn;
	entry.fci_cache.called_scope = php_messenger_ce_Worker;
	entry.fci_cache.calling_scope = php_messenger_ce_Worker;
	give_back_registered = append_user_shutdown_function(&entry);
	if (!give_back_registered) {
		zval_ptr_dtor(&entry.fci.function_name);
	}
}

/* the level of the batch in got */
static uint32_t inflight_begin(const php_messenger_transport *receiver, zval *got)
{
	if (!give_back_registered) {
		register_give_back();
	}
	if (inflight_depth == inflight_cap) {
		inflight_cap = inflight_cap ? inflight_cap * 2 : 4;
		inflight = safe_erealloc(inflight, inflight_cap, sizeof(inflight_t), 0);
	}
	GC_ADDREF(receiver->object);
	inflight[inflight_depth] = (inflight_t) { receiver->object, Z_ARRVAL_P(got), false, 0 };
	return inflight_depth++;
}

/* the batches from level up are done with */
static void inflight_end(uint32_t level)
{
	while (inflight_depth > level) {
		inflight_t *f = &inflight[--inflight_depth];
		OBJ_RELEASE(f->transport);
		if (f->batch_owned) {
			zend_array_release(f->batch);
		}
	}
	if (!inflight_depth && inflight) {
		efree(inflight);
		inflight = NULL;
		inflight_cap = 0;
	}
}

ZEND_METHOD(Messenger_Worker, giveBack)
{
	ZEND_PARSE_PARAMETERS_NONE();
	/* the innermost batch first: its transport may be the one an outer batch reads too */
	for (uint32_t level = inflight_depth; level-- > 0;) {
		inflight_t *f = &inflight[level];
		php_messenger_transport *handle = php_messenger_transport_wrap(f->transport);
		php_messenger_transport_flush(handle);
		uint32_t position = 0;
		zval *item;
		ZEND_HASH_FOREACH_VAL(f->batch, item) {
			if (position++ > f->current && Z_TYPE_P(item) == IS_OBJECT) {
				php_messenger_transport_release(handle, Z_OBJ_P(item));
			}
		} ZEND_HASH_FOREACH_END();
		php_messenger_transport_free(handle);
		if (EG(exception)) {
			zend_clear_exception(); /* nothing is left to tell: the rows come back after redeliver_timeout */
		}
	}
	inflight_end(0);
}

void php_messenger_worker_request_shutdown(void)
{
	/* a bailout without a shutdown function run: the references go */
	inflight_end(0);
	give_back_registered = false;
}
/* }}} */

static inline php_messenger_worker *worker_from(zend_object *obj)
{
	return (php_messenger_worker *) ((char *) obj - XtOffsetOf(php_messenger_worker, std));
}

static zend_object *worker_create(zend_class_entry *ce)
{
	php_messenger_worker *w = zend_object_alloc(sizeof(php_messenger_worker), ce);
	memset((char *) w, 0, XtOffsetOf(php_messenger_worker, std));
	zend_hash_init(&w->receivers, 2, NULL, NULL, 0);
	ZVAL_UNDEF(&w->options);
	ZVAL_UNDEF(&w->reset);
	ZVAL_UNDEF(&w->deferred);
	zend_hash_init(&w->waiting, 0, NULL, ZVAL_PTR_DTOR, 0);
	php_messenger_events_init(&w->events);
	php_messenger_listeners_init(&w->listeners);
	zend_object_std_init(&w->std, ce);
	object_properties_init(&w->std, ce);
	w->std.handlers = &worker_handlers;
	return &w->std;
}

static void worker_free(zend_object *obj)
{
	php_messenger_worker *w = worker_from(obj);
	zend_hash_destroy(&w->receivers);
	if (w->s.owner) {
		OBJ_RELEASE(w->s.owner);
	}
	if (w->bus) {
		zend_string_release(w->bus);
	}
	zval_ptr_dtor(&w->options);
	php_messenger_events_destroy(&w->events);
	php_messenger_listeners_destroy(&w->listeners);
	if (w->logger) {
		OBJ_RELEASE(w->logger);
	}
	zval_ptr_dtor(&w->reset);
	zend_hash_destroy(&w->waiting);
	zval_ptr_dtor(&w->deferred);
	zend_object_std_dtor(obj);
}

static HashTable *worker_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_worker *w = worker_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (w->s.owner) {
		zend_get_gc_buffer_add_obj(buf, w->s.owner);
	}
	zval *v;
	php_messenger_listeners_gc(&w->listeners, buf);
	if (w->logger) {
		zend_get_gc_buffer_add_obj(buf, w->logger);
	}
	zend_get_gc_buffer_add_zval(buf, &w->reset);
	zend_get_gc_buffer_add_zval(buf, &w->deferred);
	ZEND_HASH_FOREACH_VAL(&w->waiting, v) {
		zend_get_gc_buffer_add_zval(buf, v);
	} ZEND_HASH_FOREACH_END();
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static const char *const run_keys[] = { "limit", "failure_limit", "memory_limit", "time_limit", "sleep", "queues", "bus", "stop_file", "reset", "keepalive", "reconnect_timeout", "metrics", "status_dir", NULL };
#define RUN_KEYS_LIST "limit, failure_limit, memory_limit, time_limit, sleep, queues, bus, stop_file, reset, keepalive, reconnect_timeout, metrics, status_dir"

/* run()'s options, over worker()'s */
typedef struct run_options {
	zend_long limit, failure_limit, memory_limit, time_limit, sleep_ms;
	zend_long reconnect_timeout; /* seconds a receiver's broker may stay unreachable; 0: for ever */
	HashTable *queues;     /* queue names, or NULL for every queue */
	zend_string *stop_file;
	zval *keepalive;
	zend_string *metrics;    /* "host:port" to serve Prometheus metrics on, or NULL */
	zend_string *status_dir; /* where the worker reports itself to the dashboard, or NULL */
} run_options;
static bool run_options_read(php_messenger_worker *w, HashTable *given, run_options *o);

zend_object *php_messenger_worker_new(const php_messenger_worker_settings *settings, HashTable *receivers, HashTable *options)
{
	zend_string *unknown;
	if (options && php_messenger_find_unknown_key(options, run_keys, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Unknown worker option \"%s\" (known: " RUN_KEYS_LIST ")", unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return NULL;
	}
	zend_object *obj = worker_create(php_messenger_ce_Worker);
	php_messenger_worker *w = worker_from(obj);
	w->s = *settings;
	GC_ADDREF(w->s.owner);
	zend_hash_copy(&w->receivers, receivers, NULL);
	/* the configuration's listeners (the Messenger's subscribers), and the log */
	php_messenger_events_copy(&w->events, w->s.events);
	if ((w->logger = w->s.logger)) {
		GC_ADDREF(w->logger);
		php_messenger_events_subscribe(&w->events, log_event, w, LOG_EVENTS, PHP_MESSENGER_RANK_LOG);
	}
	zval *reset = w->s.reset;
	if (reset) {
		ZVAL_COPY(&w->reset, reset);
	}
	w->do_reset = true; /* run()'s option "reset" can turn it off */

	if (options) {
		zval *bus = zend_hash_str_find_deref(options, "bus", 3);
		if (bus && Z_TYPE_P(bus) != IS_NULL) {
			if (Z_TYPE_P(bus) != IS_STRING) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker option \"bus\" must be a bus name");
				OBJ_RELEASE(obj);
				return NULL;
			}
			w->bus = zend_string_copy(Z_STR_P(bus));
		}
		ZVAL_ARR(&w->options, zend_array_dup(options));
		run_options checked;
		if (!run_options_read(w, NULL, &checked)) {
			OBJ_RELEASE(obj);
			return NULL;
		}
	}
	return obj;
}

/* Tells the subscribers; false when one failed (its exception is pending). */
static bool emit_simple(php_messenger_worker *w, php_messenger_event_type type, zend_object *envelope, zend_string *transport, zend_object *error, bool will_retry)
{
	php_messenger_event ev = { type, envelope, transport, error, will_retry, 0, 0, NULL };
	return php_messenger_emit(&w->events, &ev);
}

/* Symfony 7's rules: a RecoverableExceptionInterface always retries, or one of the exceptions a
 * WrappedExceptionsInterface carries; an UnrecoverableExceptionInterface never does, nor a wrapper
 * whose exceptions all are; else the retry strategy decides. A StopWorkerExceptionInterface, or
 * one a wrapper carries, stops the worker once the message is settled. *least_wait: the longest
 * retryDelay a RecoverableMessageHandlingException among them asks for (an HTTP Retry-After), or -1. */
static void failure_kinds(zend_object *error, bool *unrecoverable, bool *recoverable, bool *stop, zend_long *least_wait)
{
	zend_class_entry *unrec = php_messenger_ce_UnrecoverableExceptionInterface;
	zend_class_entry *rec = php_messenger_ce_RecoverableExceptionInterface;
	*least_wait = php_messenger_retry_delay_of(error);
	*recoverable = instanceof_function(error->ce, rec);
	*unrecoverable = !*recoverable && instanceof_function(error->ce, unrec);
	*stop = instanceof_function(error->ce, php_messenger_ce_StopWorkerExceptionInterface);
	if (!instanceof_function(error->ce, php_messenger_ce_WrappedExceptionsInterface)) {
		return;
	}
	zval wrapped;
	zend_call_method_with_0_params(error, error->ce, NULL, "getwrappedexceptions", &wrapped);
	if (Z_TYPE(wrapped) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL(wrapped)) == 0) {
		zval_ptr_dtor(&wrapped);
		return;
	}
	bool all_unrec = true;
	zval *ex;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(wrapped), ex) {
		if (Z_TYPE_P(ex) != IS_OBJECT) {
			continue;
		}
		*recoverable = *recoverable || instanceof_function(Z_OBJCE_P(ex), rec);
		zend_long asked = php_messenger_retry_delay_of(Z_OBJ_P(ex));
		*least_wait = asked > *least_wait ? asked : *least_wait;
		all_unrec = all_unrec && instanceof_function(Z_OBJCE_P(ex), unrec);
		*stop = *stop || instanceof_function(Z_OBJCE_P(ex), php_messenger_ce_StopWorkerExceptionInterface);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&wrapped);
	*unrecoverable = !*recoverable && (all_unrec || *unrecoverable);
}

/* The exception an ErrorDetailsStamp describes: the first a HandlerFailedException wraps. */
static zend_object *cause_of(zend_object *error)
{
	if (instanceof_function(error->ce, php_messenger_ce_HandlerFailedException)) {
		zval rv;
		zval *previous = php_messenger_throwable_prop(error, ZSTR_KNOWN(ZEND_STR_PREVIOUS), &rv);
		if (Z_TYPE_P(previous) == IS_OBJECT) {
			return Z_OBJ_P(previous);
		}
	}
	return error;
}

static zend_object *new_stamp1(zend_class_entry *ce, zval *arg)
{
	return php_messenger_stamp_new(ce, 1, arg);
}

/* RedeliveryStamp(count, now) */
static zend_object *redelivery_stamp(zend_long count)
{
	zval args[2];
	ZVAL_LONG(&args[0], count);
	php_date_instantiate(php_date_get_immutable_ce(), &args[1]);
	php_date_initialize(Z_PHPDATE_P(&args[1]), "now", 3, NULL, NULL, 0);
	zend_object *stamp = php_messenger_stamp_new(php_messenger_ce_RedeliveryStamp, 2, args);
	zval_ptr_dtor(&args[1]);
	return stamp;
}

/* Sends envelope (consumed) to a transport by name; false with an exception. */
static bool send_to(php_messenger_worker *w, zend_string *name, zend_object *envelope)
{
	php_messenger_transport *sender = zend_hash_find_ptr(w->s.transports, name);
	if (!sender) {
		OBJ_RELEASE(envelope);
		php_messenger_throw(php_messenger_ce_LogicException, "The transport \"%s\" cannot send messages", ZSTR_VAL(name));
		return false;
	}
	/* a broker that cannot be reached is waited for: a retry or a failed message is not lost
	 * to an outage (a MaybeSentException sends again: at least once) */
	outage_t o = { 0, 0, 0 };
	zend_object *sent;
	do {
		GC_ADDREF(envelope);
		php_messenger_refusal_take();
	} while (!(sent = php_messenger_transport_send(sender, envelope)) && outage_wait(w, name, &o));
	OBJ_RELEASE(envelope);
	if (!sent) {
		return false;
	}
	OBJ_RELEASE(sent);
	return outage_over(w, name, &o);
}

/* A copy of the received envelope to send again: without the stamps of this delivery. Its
 * HandledStamps stay, as in Symfony, so the handlers that succeeded are not run again; but only
 * a scalar result stays in them: an object, array, closure or resource may not survive the wire
 * (nor the serializer's allowed_classes on the way back), and the handler's name is all that is
 * needed to skip it. */
zend_object *php_messenger_worker_resend_copy(zend_object *envelope)
{
	GC_ADDREF(envelope);
	envelope = php_messenger_envelope_without(envelope, php_messenger_ce_ReceivedStamp->name);
	envelope = php_messenger_envelope_without(envelope, php_messenger_ce_TransportMessageIdStamp->name);
	HashTable *handled = php_messenger_envelope_list(envelope, php_messenger_ce_HandledStamp);
	if (!handled) {
		return envelope;
	}
	bool scalars = true;
	zval *stamp;
	ZEND_HASH_FOREACH_VAL(handled, stamp) {
		scalars = scalars && Z_TYPE_P(php_messenger_stamp_prop(Z_OBJ_P(stamp), 0)) <= IS_STRING;
	} ZEND_HASH_FOREACH_END();
	if (scalars) {
		return envelope;
	}
	zend_array *list = zend_new_array(zend_hash_num_elements(handled));
	ZEND_HASH_FOREACH_VAL(handled, stamp) {
		zval kept;
		if (Z_TYPE_P(php_messenger_stamp_prop(Z_OBJ_P(stamp), 0)) <= IS_STRING) {
			ZVAL_COPY(&kept, stamp);
		} else {
			zval args[2];
			ZVAL_NULL(&args[0]);
			ZVAL_COPY_VALUE(&args[1], php_messenger_stamp_prop(Z_OBJ_P(stamp), 1));
			ZVAL_OBJ(&kept, php_messenger_stamp_new(php_messenger_ce_HandledStamp, 2, args));
		}
		zend_hash_next_index_insert_new(list, &kept);
	} ZEND_HASH_FOREACH_END();
	envelope = php_messenger_envelope_without(envelope, php_messenger_ce_HandledStamp->name);
	envelope = php_messenger_envelope_with_list(envelope, php_messenger_ce_HandledStamp, list);
	zend_array_release(list);
	return envelope;
}

/* {{{ logging through the configuration's logger: $logger->log($level, $message, $context), with
 * Symfony's messages and context keys */
static void log_context(zval *out, zend_object *envelope, zend_string *transport)
{
	zval *message = php_messenger_envelope_message(envelope);
	array_init(out);
	add_assoc_str(out, "class", zend_string_copy(Z_OBJCE_P(message)->name));
	Z_TRY_ADDREF_P(message);
	add_assoc_zval(out, "message", message);
	add_assoc_str(out, "transport", zend_string_copy(transport));
}

static void log_error_context(zval *out, zend_object *error)
{
	zval rv, reason, ex;
	ZVAL_COPY(&reason, php_messenger_throwable_prop(error, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv));
	add_assoc_zval(out, "error", &reason);
	ZVAL_OBJ_COPY(&ex, error);
	add_assoc_zval(out, "exception", &ex);
}

/* Consumes context; false when the logger threw. */
static bool log_to(php_messenger_worker *w, const char *level, const char *message, zval *context)
{
	if (!w->logger) {
		zval_ptr_dtor(context);
		return true;
	}
	zend_function *fn = zend_hash_str_find_ptr(&w->logger->ce->function_table, "log", 3);
	zval args[3], rv;
	ZVAL_STRING(&args[0], level);
	ZVAL_STRING(&args[1], message);
	ZVAL_COPY_VALUE(&args[2], context);
	ZVAL_UNDEF(&rv);
	if (fn) {
		zend_call_known_instance_method(fn, w->logger, &rv, 3, args);
	}
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&args[2]);
	return !EG(exception);
}


/* The log as a subscriber of the worker's events: Symfony's lines, levels and context keys. */
static bool log_event(void *ctx, const php_messenger_event *ev)
{
	php_messenger_worker *w = ctx;
	zval context;
	if (ev->type == PHP_MESSENGER_EV_UNAVAILABLE || ev->type == PHP_MESSENGER_EV_AVAILABLE) {
		array_init(&context);
		add_assoc_str(&context, "transport", zend_string_copy(ev->transport));
		add_assoc_long(&context, ev->type == PHP_MESSENGER_EV_UNAVAILABLE ? "delay" : "downtime", ev->delay_ms);
		if (ev->type == PHP_MESSENGER_EV_AVAILABLE) {
			return log_to(w, "info", "Transport {transport} is available again after {downtime} ms.", &context);
		}
		log_error_context(&context, ev->error);
		return log_to(w, "warning", "Transport {transport} is unavailable: \"{error}\". Trying again in {delay} ms.", &context);
	}
#ifdef MSGR_HAVE_CURL
	if (ev->type == PHP_MESSENGER_EV_WEBHOOK) {
		/* one line per attempt: the event, the endpoint's host, status, duration_ms, retry count */
		array_init(&context);
		php_messenger_webhook_log_context(ev->result, &context);
		add_assoc_long(&context, "retryCount", ev->envelope ? php_messenger_retries_of(ev->envelope) : 0);
		if (ev->error) {
			log_error_context(&context, ev->error);
			return log_to(w, ev->will_retry ? "warning" : "error", "Webhook {event} to {host}: {status} in {duration_ms} ms (retry {retryCount}), failed: \"{error}\"", &context);
		}
		return log_to(w, "info", "Webhook {event} to {host}: {status} in {duration_ms} ms (retry {retryCount})", &context);
	}
#endif
	log_context(&context, ev->envelope, ev->transport);
	switch (ev->type) {
		case PHP_MESSENGER_EV_HANDLED:
			return log_to(w, "info", "{class} was handled successfully (acknowledging to transport).", &context);
		case PHP_MESSENGER_EV_RETRYING:
			add_assoc_long(&context, "retryCount", ev->retry_count);
			add_assoc_long(&context, "delay", ev->delay_ms);
			log_error_context(&context, ev->error);
			return log_to(w, "warning", "Error thrown while handling message {class}. Sending for retry #{retryCount} using {delay} ms delay. Error: \"{error}\"", &context);
		case PHP_MESSENGER_EV_REMOVED:
			add_assoc_long(&context, "retryCount", ev->retry_count);
			log_error_context(&context, ev->error);
			return log_to(w, "critical", "Error thrown while handling message {class}. Removing from transport after {retryCount} retries. Error: \"{error}\"", &context);
		case PHP_MESSENGER_EV_SENT_TO_FAILURE:
			add_assoc_str(&context, "alias", zend_string_copy(ev->failure_transport));
			return log_to(w, "info", "Rejected message {class} will be sent to the failure transport {alias}.", &context);
		case PHP_MESSENGER_EV_KEEPALIVE:
			return log_to(w, "info", "Sending keepalive request.", &context);
		case PHP_MESSENGER_EV_KEEPALIVE_FAILED:
			log_error_context(&context, ev->error);
			return log_to(w, "error", "Keepalive of the message failed: the transport may deliver it again.", &context);
		default:
			zval_ptr_dtor(&context);
			return true;
	}
}
/* }}} */

typedef struct {
	zend_long handled;
	zend_long failed;
} counts_t;

/* One message: dispatch, ack; or retry / failure transport, reject. False only when the worker
 * itself cannot go on (the transport cannot ack, a listener threw, exit()). */
/* An UndecodableMessage decoded again by the serializer of the transport it is handled as (for
 * messenger:failed:retry, the one it first came from), keeping the stamps of this delivery;
 * NULL with the exception when it still cannot be. */
static zend_object *redecode(php_messenger_worker *w, zend_string *name, zend_object *envelope)
{
	zend_object *message = Z_OBJ_P(php_messenger_envelope_message(envelope));
	zval *body = OBJ_PROP_NUM(message, 0), *headers = OBJ_PROP_NUM(message, 1), *reason = OBJ_PROP_NUM(message, 2);
	php_messenger_transport *transport = zend_hash_find_ptr(w->s.transports, name);
	zend_object *serializer = transport ? php_messenger_transport_serializer_of(transport) : NULL;
	if (!serializer || Z_TYPE_P(body) != IS_STRING || Z_TYPE_P(headers) != IS_ARRAY) {
		php_messenger_decoding_failed(NULL, "%s (and the transport \"%s\" has no serializer of ours to decode it again)",
			Z_TYPE_P(reason) == IS_STRING ? Z_STRVAL_P(reason) : "An undecodable message", ZSTR_VAL(name));
		return NULL;
	}
	zval encoded;
	array_init_size(&encoded, 2);
	Z_TRY_ADDREF_P(body);
	add_assoc_zval(&encoded, "body", body);
	Z_TRY_ADDREF_P(headers);
	add_assoc_zval(&encoded, "headers", headers);
	zend_object *decoded = php_messenger_serializer_decode(serializer, &encoded);
	zval_ptr_dtor(&encoded);
	if (!decoded) {
		return NULL;
	}
	zend_class_entry *delivery[] = { php_messenger_ce_ReceivedStamp, php_messenger_ce_TransportMessageIdStamp };
	for (size_t i = 0; i < sizeof(delivery) / sizeof(delivery[0]); i++) {
		HashTable *list = php_messenger_envelope_list(envelope, delivery[i]);
		decoded = php_messenger_envelope_without(decoded, delivery[i]->name);
		zval *stamp;
		if (list) {
			ZEND_HASH_FOREACH_VAL(list, stamp) {
				decoded = php_messenger_envelope_with(decoded, Z_OBJ_P(stamp));
			} ZEND_HASH_FOREACH_END();
		}
	}
	return decoded;
}

static bool settle(php_messenger_worker *w, zend_string *name, const php_messenger_transport *receiver, zend_object *envelope, zend_object *error, bool undecodable, counts_t *counts);

/* {{{ batch handlers: what the worker does when a batch handler keeps a message, and when the
 * Acknowledger of a kept message is called (the Acknowledger itself is the bus area's) */
static void ack_kept(zend_object *owner, zend_object *ack)
{
	php_messenger_worker *w = worker_from(owner);
	zval zv;
	ZVAL_OBJ_COPY(&zv, ack);
	zend_hash_index_update(&w->waiting, ack->handle, &zv);
}

static void ack_called(zend_object *owner, zend_object *ack)
{
	/* the worker settles it after the call that acknowledged it */
	php_messenger_worker *w = worker_from(owner);
	if (Z_TYPE(w->deferred) != IS_ARRAY) {
		array_init(&w->deferred);
	}
	GC_ADDREF(ack);
	add_next_index_object(&w->deferred, ack);
	zend_hash_index_del(&w->waiting, ack->handle);
}

static const php_messenger_consumer worker_consumer = { ack_kept, ack_called };

bool php_messenger_worker_stopping(zend_object *worker)
{
	return stop_signal || (worker && worker_from(worker)->stop);
}

void php_messenger_worker_cap_read_ahead(zend_object *worker, uint32_t n)
{
	php_messenger_worker *w = worker_from(worker);
	if (n && (!w->read_ahead_cap || n < w->read_ahead_cap)) {
		w->read_ahead_cap = n;
	}
}

/* The messages batch handlers acknowledged since the last time: settled now */
static bool settle_deferred(php_messenger_worker *w, counts_t *counts)
{
	bool ok = true;
	while (ok && Z_TYPE(w->deferred) == IS_ARRAY) {
		zval list;
		ZVAL_COPY_VALUE(&list, &w->deferred);
		ZVAL_UNDEF(&w->deferred);
		zval *item;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), item) {
			php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(item));
			if (!ok) {
				/* the worker stops: what is left goes back to its queue */
				php_messenger_transport_release(a->receiver, a->envelope);
				continue;
			}
			zend_object *error = NULL;
			zend_object *envelope;
			if (a->error) {
				/* as the middleware reports a handler's failure */
				zval errors, ex;
				array_init(&errors);
				ZVAL_OBJ_COPY(&ex, a->error);
				zend_hash_add_new(Z_ARRVAL(errors), a->handler, &ex);
				php_messenger_throw_handler_failed(a->envelope, &errors);
				zval_ptr_dtor(&errors);
				php_messenger_take_exception(&error);
				GC_ADDREF(a->envelope);
				envelope = a->envelope;
			} else {
				zval stamp_args[2];
				ZVAL_COPY_VALUE(&stamp_args[0], &a->result);
				ZVAL_STR(&stamp_args[1], a->handler);
				zend_object *stamp = php_messenger_stamp_new(php_messenger_ce_HandledStamp, 2, stamp_args);
				envelope = php_messenger_envelope_copy_with(a->envelope, stamp);
				OBJ_RELEASE(stamp);
			}
			ok = settle(w, a->transport, a->receiver, envelope, error, false, counts);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&list);
	}
	return ok;
}

/* flush($force) of the batch handlers that keep messages, then what they acknowledged */
static bool flush_batches(php_messenger_worker *w, bool force, counts_t *counts)
{
	if (zend_hash_num_elements(&w->waiting) == 0) {
		return settle_deferred(w, counts);
	}
	HashTable batches;
	zend_hash_init(&batches, 2, NULL, ZVAL_PTR_DTOR, 0);
	zval *item;
	ZEND_HASH_FOREACH_VAL(&w->waiting, item) {
		zend_object *batch = php_messenger_ack_from(Z_OBJ_P(item))->batch;
		zval zv;
		ZVAL_OBJ_COPY(&zv, batch);
		if (!zend_hash_index_add(&batches, batch->handle, &zv)) {
			zval_ptr_dtor(&zv);
		}
	} ZEND_HASH_FOREACH_END();
	bool ok = true;
	ZEND_HASH_FOREACH_VAL(&batches, item) {
		zval arg, rv;
		ZVAL_BOOL(&arg, force);
		zend_call_method_with_1_params(Z_OBJ_P(item), Z_OBJCE_P(item), NULL, "flush", &rv, &arg);
		zval_ptr_dtor(&rv);
		if (EG(exception)) {
			ok = false;
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&batches);
	return settle_deferred(w, counts) && ok;
}

/* When the worker stops: the batches are flushed; a message still kept goes back to its queue */
static bool finish_batches(php_messenger_worker *w, counts_t *counts)
{
	bool ok = flush_batches(w, true, counts);
	zval *item;
	ZEND_HASH_FOREACH_VAL(&w->waiting, item) {
		php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(item));
		php_messenger_transport_release(a->receiver, a->envelope);
		if (ok) {
			php_error_docref(NULL, E_WARNING, "Messenger: the batch handler %s did not acknowledge a %s from the transport \"%s\" when flushed: it goes back to its queue",
				ZSTR_VAL(a->handler), ZSTR_VAL(Z_OBJCE_P(php_messenger_envelope_message(a->envelope))->name), ZSTR_VAL(a->transport));
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_clean(&w->waiting);
	return ok;
}
/* }}} */

/* The bus an envelope is dispatched on: run()'s "bus", else its BusNameStamp's, else the default. */
static zend_object *bus_for(php_messenger_worker *w, zend_object *envelope)
{
	zval env;
	ZVAL_OBJ(&env, envelope);
	return php_messenger_bus_select(w->s.buses, w->s.default_bus, w->bus ? w->bus : php_messenger_bus_name_of(&env, NULL));
}

static bool handle_message(php_messenger_worker *w, zend_string *name, const php_messenger_transport *receiver, zend_object *received, zend_array *received_stamps, counts_t *counts)
{
	/* one ReceivedStamp per batch, in one list shared by its envelopes: stamps are immutable */
	zend_object *envelope = php_messenger_envelope_copy_with_list(received, php_messenger_ce_ReceivedStamp, received_stamps);
	/* a message its transport could not decode: decoded again here, else failed at once */
	zend_object *error = NULL;
	bool undecodable = Z_OBJCE_P(php_messenger_envelope_message(envelope)) == php_messenger_ce_UndecodableMessage;
	bool decoded_again = false;
	if (undecodable) {
		zend_object *decoded = NULL;
		if (php_messenger_envelope_last(envelope, php_messenger_ce_SentToFailureTransportStamp)) {
			/* kept in a failure transport: its class may be known by now (messenger:failed:retry) */
			decoded = redecode(w, name, envelope);
		} else {
			/* as its transport just made it: decoding again gives the same answer, and a message
			 * set aside as poison must not be handled */
			zval *reason = OBJ_PROP_NUM(Z_OBJ_P(php_messenger_envelope_message(envelope)), 2);
			php_messenger_decoding_failed(NULL, "%s", Z_TYPE_P(reason) == IS_STRING ? Z_STRVAL_P(reason) : "An undecodable message");
		}
		if (decoded) {
			OBJ_RELEASE(envelope);
			envelope = decoded;
			undecodable = false;
			decoded_again = true;
		} else if (!php_messenger_take_exception(&error)) {
			OBJ_RELEASE(envelope);
			return false; /* exit() */
		}
	}
	emit_simple(w, PHP_MESSENGER_EV_RECEIVED, envelope, name, NULL, false);
	if (EG(exception)) {
		if (error) {
			OBJ_RELEASE(error);
		}
		OBJ_RELEASE(envelope);
		return false;
	}
	zend_object *bus = undecodable ? NULL : bus_for(w, envelope);
	if (!bus) {
		if (!error && !php_messenger_take_exception(&error)) {
			OBJ_RELEASE(envelope);
			return false; /* exit() */
		}
		return settle(w, name, receiver, envelope, error, undecodable, counts);
	}
	/* what a batch handler called now needs to keep the message */
	php_messenger_consuming c = { &worker_consumer, &w->std, receiver, name, Z_OBJ_P(php_messenger_envelope_message(envelope)), false, NULL };
	php_messenger_consuming_push(&c);
	/* The bus gets the only reference, so the middleware stamp it in place instead of copying
	 * it. A message decoded again here cannot be made again from the received one: kept. */
	zend_object *redecoded = decoded_again ? envelope : NULL;
	if (redecoded) {
		GC_ADDREF(redecoded);
	}
	zend_object *result = php_messenger_bus_dispatch_envelope(bus, envelope);
	php_messenger_consuming_pop(&c);
	bool ok = true;
	/* the messages of the batch this one completed were kept before it: settled first */
	if (Z_TYPE(w->deferred) == IS_ARRAY) {
		zend_object *pending_error = NULL;
		bool failed = !result && !php_messenger_take_exception(&pending_error);
		ok = !failed && settle_deferred(w, counts);
		if (pending_error) {
			if (ok) {
				zval ex;
				ZVAL_OBJ(&ex, pending_error);
				zend_throw_exception_object(&ex);
			} else {
				OBJ_RELEASE(pending_error);
			}
		}
	}
	if (!ok || (result && c.kept)) {
		/* a kept one is settled when its Acknowledger is called */
		if (result) {
			OBJ_RELEASE(result);
		}
		envelope = NULL;
	} else if (result) {
		envelope = NULL;
		ok = settle(w, name, receiver, result, NULL, false, counts);
	} else if (!php_messenger_take_exception(&error)) {
		ok = false; /* exit() */
		envelope = NULL;
	} else {
		/* as Symfony: a HandlerFailedException's envelope, whose HandledStamps spare the
		 * handlers that succeeded when it is retried; else the envelope as it was dispatched */
		envelope = php_messenger_handler_failed_envelope(error);
		if (envelope) {
			GC_ADDREF(envelope);
		} else if (redecoded) {
			envelope = redecoded;
			redecoded = NULL;
		} else {
			envelope = php_messenger_envelope_copy_with_list(received, php_messenger_ce_ReceivedStamp, received_stamps);
		}
	}
	if (redecoded) {
		OBJ_RELEASE(redecoded);
	}
	return envelope ? settle(w, name, receiver, envelope, error, false, counts) : ok;
}

/* A message handled (error NULL: acknowledged) or failed (retried, sent to the failure
 * transport or dropped; rejected). Takes envelope and error. False only when the worker cannot
 * go on. */
/* handled: acknowledged, and let go */
static bool settle_handled(php_messenger_worker *w, zend_string *name, const php_messenger_transport *receiver, zend_object *result, counts_t *counts)
{
	outage_t o = { 0, 0, 0 };
	bool acked;
	while (php_messenger_refusal_take(), !(acked = php_messenger_transport_settle(receiver, result, true)) && outage_wait(w, name, &o)) {
	}
	bool ok = acked && outage_over(w, name, &o);
	if (ok) {
		counts->handled++;
		ok = emit_simple(w, PHP_MESSENGER_EV_HANDLED, result, name, NULL, false);
	}
	if (acked) {
		php_messenger_transport_let_go(receiver, result);
	} else {
		OBJ_RELEASE(result);
	}
	return ok && !EG(exception);
}

/* Whether a failure is retried, and after how long: the exception's kind, then the transport's
 * retry strategy. False with an exception. */
static bool decide_retry(php_messenger_worker *w, zend_string *name, zend_object *envelope, zend_object *error, bool undecodable, bool *retry, zend_long *wait)
{
	bool unrecoverable, recoverable, stop;
	zend_long least_wait;
	failure_kinds(error, &unrecoverable, &recoverable, &stop, &least_wait);
	w->stop = w->stop || stop;
	zval *configured = zend_hash_find(w->s.retry, name);
	zend_object *strategy = configured ? Z_OBJ_P(configured) : w->s.default_retry;
	*retry = false;
	*wait = 0;
	if (!unrecoverable && !undecodable && strategy) {
		const php_messenger_retry_ops *ops = php_messenger_retry_ops_of(strategy);
		*retry = recoverable;
		if ((recoverable || ops->retryable(strategy, envelope, error, retry)) && *retry) {
			ops->waiting_ms(strategy, envelope, error, wait);
			*wait = least_wait > *wait ? least_wait : *wait; /* the longer of the two */
		}
	}
	return !EG(exception);
}

/* back to the same transport, later, one retry more; details (an ErrorDetailsStamp) consumed */
static bool send_for_retry(php_messenger_worker *w, zend_string *name, zend_object *envelope, zend_object *error, zend_object *details, zend_long wait)
{
	zval arg;
	ZVAL_LONG(&arg, wait);
	zend_object *copy = php_messenger_envelope_with_new(php_messenger_worker_resend_copy(envelope), details);
	copy = php_messenger_envelope_with_new(copy, new_stamp1(php_messenger_ce_DelayStamp, &arg));
	copy = php_messenger_envelope_with_new(copy, redelivery_stamp(php_messenger_retries_of(envelope) + 1));
	if (!send_to(w, name, copy)) {
		return false;
	}
	php_messenger_event ev = { PHP_MESSENGER_EV_RETRYING, envelope, name, error, true, php_messenger_retries_of(envelope) + 1, wait, NULL };
	return php_messenger_emit(&w->events, &ev);
}

/* No retry left: to the failure transport, or dropped with a word (the log's, else a warning);
 * details consumed. */
static bool give_up(php_messenger_worker *w, zend_string *name, zend_object *envelope, zend_object *error, zend_object *details)
{
	zval *own = zend_hash_find(w->s.failure, name);
	zend_string *failure = own ? Z_STR_P(own) : w->s.failure_transport;
	if (failure && zend_string_equals(failure, name)) {
		failure = NULL; /* a failure transport's own failures stay where they are */
	}
	php_messenger_event removed = { PHP_MESSENGER_EV_REMOVED, envelope, name, error, false, php_messenger_retries_of(envelope), 0, NULL };
	php_messenger_event to = { PHP_MESSENGER_EV_SENT_TO_FAILURE, envelope, name, NULL, false, 0, 0, failure };
	if (!php_messenger_emit(&w->events, &removed) || (failure && !php_messenger_emit(&w->events, &to))) {
		OBJ_RELEASE(details);
		return false;
	}
	if (failure) {
		zval arg;
		ZVAL_STR(&arg, name);
		zend_object *copy = php_messenger_envelope_with_new(php_messenger_worker_resend_copy(envelope), details);
		copy = php_messenger_envelope_with_new(copy, new_stamp1(php_messenger_ce_SentToFailureTransportStamp, &arg));
		ZVAL_LONG(&arg, 0);
		copy = php_messenger_envelope_with_new(copy, new_stamp1(php_messenger_ce_DelayStamp, &arg));
		/* as Symfony: a message in the failure transport starts its retries again */
		copy = php_messenger_envelope_with_new(copy, redelivery_stamp(0));
		return send_to(w, failure, copy);
	}
	OBJ_RELEASE(details);
	if (!w->logger) {
		/* the log's critical line says it is removed; without a log, a warning does */
		zval rv;
		zval *reason = php_messenger_throwable_prop(cause_of(error), ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
		php_error_docref(NULL, E_WARNING, "Messenger: a %s from the transport \"%s\" failed and is dropped (no failure transport): %s: %s",
			ZSTR_VAL(Z_OBJCE_P(php_messenger_envelope_message(envelope))->name), ZSTR_VAL(name),
			ZSTR_VAL(cause_of(error)->ce->name), Z_TYPE_P(reason) == IS_STRING ? Z_STRVAL_P(reason) : "");
	}
	return true;
}

static bool settle(php_messenger_worker *w, zend_string *name, const php_messenger_transport *receiver, zend_object *envelope, zend_object *error, bool undecodable, counts_t *counts)
{
	if (!error) {
		return settle_handled(w, name, receiver, envelope, counts);
	}
	counts->failed++;
	bool retry;
	zend_long wait;
	bool ok = decide_retry(w, name, envelope, error, undecodable, &retry, &wait);
	zend_object *details = php_messenger_error_details_new(cause_of(error));
	if (!ok) {
		OBJ_RELEASE(details);
	} else {
		ok = retry ? send_for_retry(w, name, envelope, error, details, wait) : give_up(w, name, envelope, error, details);
	}
	if (ok) {
		outage_t o = { 0, 0, 0 };
		while (php_messenger_refusal_take(), !(ok = php_messenger_transport_settle(receiver, envelope, false)) && outage_wait(w, name, &o)) {
		}
		ok = ok && outage_over(w, name, &o);
	}
	if (ok) {
		ok = emit_simple(w, PHP_MESSENGER_EV_FAILED, envelope, name, error, retry);
	}
	if (ok && retry) {
		ok = emit_simple(w, PHP_MESSENGER_EV_RETRIED, envelope, name, NULL, false);
	}
	OBJ_RELEASE(envelope);
	OBJ_RELEASE(error);
	return ok;
}

/* One message, then the reset hook (the state a handler leaves behind goes before the next) */
static bool handle_one(php_messenger_worker *w, zend_string *name, const php_messenger_transport *receiver, zend_object *received, zend_array *received_stamps, counts_t *counts)
{
	const php_messenger_transport *was_receiver = w->current_receiver;
	zend_object *was_envelope = w->current_envelope;
	zend_string *was_transport = w->current_transport;
	w->current_receiver = receiver;
	w->current_envelope = received;
	w->current_transport = name;
	bool ok = handle_message(w, name, receiver, received, received_stamps, counts);
	w->current_receiver = was_receiver;
	w->current_envelope = was_envelope;
	w->current_transport = was_transport;
	if (ok && Z_TYPE(w->deferred) == IS_ARRAY) {
		ok = settle_deferred(w, counts); /* what a batch handler acknowledged meanwhile */
	}
	if (ok && w->do_reset && Z_TYPE(w->reset) == IS_ARRAY) {
		zval *fn;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(w->reset), fn) {
			zval rv;
			call_user_function(NULL, NULL, fn, &rv, 0, NULL);
			zval_ptr_dtor(&rv);
			if (EG(exception)) {
				return false;
			}
		} ZEND_HASH_FOREACH_END();
	}
	return ok;
}

/* The list of the one ReceivedStamp that the envelopes of a batch from transport share. */
static zend_array *received_stamps_new(zend_string *transport)
{
	zval arg, stamp;
	ZVAL_STR(&arg, transport);
	ZVAL_OBJ(&stamp, new_stamp1(php_messenger_ce_ReceivedStamp, &arg));
	zend_array *list = zend_new_array(1);
	zend_hash_next_index_insert_new(list, &stamp);
	return list;
}

bool php_messenger_worker_handle(zend_object *worker, zend_string *as_transport, const php_messenger_transport *receiver, zend_object *envelope, bool *handled)
{
	php_messenger_worker *w = worker_from(worker);
	zend_array *received = received_stamps_new(as_transport);
	counts_t counts = { 0, 0 };
	bool ok = handle_one(w, as_transport, receiver, envelope, received, &counts);
	if (ok) {
		ok = finish_batches(w, &counts);
	}
	zend_array_release(received);
	*handled = counts.handled > 0;
	return ok;
}

static zend_long memory_bytes(zval *v)
{
	if (Z_TYPE_P(v) == IS_LONG) {
		return Z_LVAL_P(v);
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		return -1;
	}
#if PHP_VERSION_ID >= 80200
	zend_string *err = NULL;
	zend_long n = (zend_long) zend_ini_parse_quantity(Z_STR_P(v), &err);
	if (err) {
		zend_string_release(err);
		return -1;
	}
	return n;
#else
	/* PHP 8.1 has no parser that reports a bad size: digits and one K, M or G */
	const char *p = Z_STRVAL_P(v), *end = p + Z_STRLEN_P(v);
	while (p < end && *p >= '0' && *p <= '9') {
		p++;
	}
	if (p == Z_STRVAL_P(v) || end - p > 1 || (p < end && !strchr("kKmMgG", *p))) {
		return -1;
	}
	return zend_atol(Z_STRVAL_P(v), Z_STRLEN_P(v));
#endif
}

/* Whether messenger:stop-workers wrote, after this worker started, to the stop file (it holds
 * the time it was written, to the microsecond). */
static bool stop_requested(zend_string *file, double started)
{
	zend_stat_t st;
	if (!file || VCWD_STAT(ZSTR_VAL(file), &st) != 0 || (double) st.st_mtime + 1.0 < started) {
		return false;
	}
	FILE *f = fopen(ZSTR_VAL(file), "r");
	double written = 0;
	if (f) {
		if (fscanf(f, "%lf", &written) != 1) {
			written = 0;
		}
		fclose(f);
	}
	return written > started;
}

static double wall_time(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* run(): the loop. */
/* {{{ keepalive: while a message is handled, the transport is told every N seconds that it still
 * is (Symfony's --keepalive). A ticker thread raises the engine's interrupt flag; the engine
 * then calls messenger_interrupt() on the worker's own thread between two opcodes of the
 * handler, where calling the transport is safe. A handler blocked in a C call (sleep(), a
 * query) is reached when the call returns; unlike an alarm signal, nothing is interrupted. */
typedef struct {
	atomic_bool due;
	void *vm_interrupt;          /* &EG(vm_interrupt) of the worker's thread */
	php_messenger_worker *w;
	zend_long seconds;           /* keepalive: every so many seconds; 0: off */
	zend_long tend_ms;           /* connections looked after (heartbeats) every so many ms; 0: none want it */
	zend_long kept_at;           /* when keepalive was last due (monotonic ms) */
	zend_long every;             /* the ticker's interval (ms) */
	bool busy;
} keepalive_t;

ZEND_TLS keepalive_t *keeping_alive;
static void (*previous_interrupt)(zend_execute_data *execute_data);

static void keepalive_tick(void *arg)
{
	keepalive_t *k = arg;
	atomic_store(&k->due, true);
#if PHP_VERSION_ID >= 80200
	zend_atomic_bool_store((zend_atomic_bool *) k->vm_interrupt, true);
#else
	*(volatile zend_bool *) k->vm_interrupt = 1;
#endif
}

/* A failed keepalive is logged and the handler goes on: at worst the message is delivered
 * again after its redeliver timeout, as it would be without keepalive. */
static void keep_one(php_messenger_worker *w, const php_messenger_transport *receiver, zend_object *envelope, zend_string *transport, zend_long seconds)
{
	emit_simple(w, PHP_MESSENGER_EV_KEEPALIVE, envelope, transport, NULL, false);
	zend_object *error;
	if (!EG(exception)) {
		if (!php_messenger_transport_keepalive(receiver, envelope, seconds) && php_messenger_take_exception(&error)) {
			emit_simple(w, PHP_MESSENGER_EV_KEEPALIVE_FAILED, envelope, transport, error, false);
			OBJ_RELEASE(error);
		}
	}
	if (EG(exception) && php_messenger_take_exception(&error)) {
		OBJ_RELEASE(error); /* a subscriber threw: the handler is not the place for it */
	}
}

static void messenger_interrupt(zend_execute_data *execute_data)
{
	keepalive_t *k = keeping_alive;
	if (k && !k->busy && !EG(exception) && atomic_exchange(&k->due, false)) {
		php_messenger_worker *w = k->w;
		k->busy = true;
		php_messenger_transport *receiver;
		if (k->tend_ms) {
			ZEND_HASH_FOREACH_PTR(&w->receivers, receiver) {
				if (receiver->ops->tend) {
					receiver->ops->tend(receiver);
				}
			} ZEND_HASH_FOREACH_END();
		}
		/* keepalive on its own schedule when the ticks come faster (for tending): counted from
		 * when it was due, not from when the interrupt came (a handler in a long C call delays
		 * that), so one late run does not push the next a whole interval further */
		zend_long now = php_messenger_monotonic_ms();
		if (!k->seconds || now - k->kept_at < k->seconds * 1000 - k->every / 2) {
			k->busy = false;
			goto done;
		}
		k->kept_at = now - k->kept_at >= 2 * k->seconds * 1000 ? now : k->kept_at + k->seconds * 1000;
		if (w->current_receiver) {
			keep_one(w, w->current_receiver, w->current_envelope, w->current_transport, k->seconds);
		}
		zval *item;
		ZEND_HASH_FOREACH_VAL(&w->waiting, item) {
			php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(item));
			if (a->receiver && a->envelope && a->envelope != w->current_envelope) {
				keep_one(w, a->receiver, a->envelope, a->transport, k->seconds);
			}
		} ZEND_HASH_FOREACH_END();
		k->busy = false;
	}
done:
	if (previous_interrupt) {
		previous_interrupt(execute_data);
	}
}

/* run()'s "keepalive": true (5 s, Symfony's default), a number of seconds >= 1, or off (false,
 * null, 0). -1 with the exception when it is none of these or a receiver cannot keep alive. */
static zend_long keepalive_seconds(php_messenger_worker *w, zval *v)
{
	zend_long seconds;
	if (!v || Z_TYPE_P(v) == IS_NULL || Z_TYPE_P(v) == IS_FALSE) {
		return 0;
	}
	if (Z_TYPE_P(v) == IS_TRUE) {
		seconds = 5;
	} else if (Z_TYPE_P(v) == IS_LONG && Z_LVAL_P(v) >= 0) {
		seconds = Z_LVAL_P(v);
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker option \"keepalive\" must be true or a number of seconds");
		return -1;
	}
	zend_string *name;
	php_messenger_transport *receiver;
	ZEND_HASH_FOREACH_STR_KEY_PTR(&w->receivers, name, receiver) {
		if (seconds && !(receiver->caps & PHP_MESSENGER_CAN_KEEPALIVE)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"The receiver \"%s\" does not support keepalive: %s does not implement Messenger\\Transport\\Receiver\\KeepaliveReceiverInterface",
				name ? ZSTR_VAL(name) : "?", ZSTR_VAL(receiver->object->ce->name));
			return -1;
		}
	} ZEND_HASH_FOREACH_END();
	return seconds;
}
/* }}} */

/* {{{ Worker::run(), in steps */

/* one receiver while the worker runs: its rate limit, and what the limit held back */
typedef struct {
	bool limited;
	msgr_rate_t rate;
	zval pending; /* envelopes of a batch handled before the receiver is read again, or UNDEF */
	outage_t down; /* its broker, when it could not be reached */
	msgr_prefetch_t prefetch; /* how long its messages take: what it reads ahead */
	uint32_t read_ahead_cap; /* what the batch handlers of its last batch run at once (the least), or 0 */
} receiver_state;

typedef struct run_state {
	php_messenger_worker *w;
	run_options o;
	receiver_state *rs; /* in the receivers' order */
	php_messenger_observer *obs; /* metrics and status, when asked, else NULL */
	counts_t counts;
	zend_long started, stop_checked;
	double started_at;
} run_t;

static bool bad_option(const char *name, const char *what, zval *given)
{
	php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker option \"%s\" must be %s, %s given", name, what, zend_zval_type_name(given));
	return false;
}

/* an integer option, when it is there; false with an exception when it is not an integer */
static bool int_option(HashTable *options, const char *name, zend_long *out)
{
	zval *v = zend_hash_str_find_deref(options, name, strlen(name));
	if (!v) {
		return true;
	}
	if (Z_TYPE_P(v) != IS_LONG) {
		return bad_option(name, "an integer", v);
	}
	*out = Z_LVAL_P(v);
	return true;
}

/* a string option, when it is there and not null; false with an exception when it is not a string */
static bool string_option(HashTable *options, const char *name, const char *what, zend_string **out)
{
	zval *v = zend_hash_str_find_deref(options, name, strlen(name));
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		return bad_option(name, what, v);
	}
	*out = Z_STR_P(v);
	return true;
}

/* run()'s options over worker()'s; false with an exception. Every receiver must read by queue
 * name when queues are given: checked here, before anything is consumed. */
static bool run_options_read(php_messenger_worker *w, HashTable *given, run_options *o)
{
	zend_string *unknown;
	if (given && php_messenger_find_unknown_key(given, run_keys, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Unknown worker option \"%s\" (known: " RUN_KEYS_LIST ")", unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return false;
	}
	*o = (run_options) { 0, 0, 0, 0, 1000, 0, NULL, NULL, NULL, NULL, NULL };
	w->do_reset = true;
	HashTable *layers[2] = { Z_TYPE(w->options) == IS_ARRAY ? Z_ARRVAL(w->options) : NULL, given };
	for (int l = 0; l < 2; l++) {
		if (!layers[l]) {
			continue;
		}
		zval *v;
		if (!int_option(layers[l], "limit", &o->limit) || !int_option(layers[l], "failure_limit", &o->failure_limit)
				|| !int_option(layers[l], "time_limit", &o->time_limit) || !int_option(layers[l], "reconnect_timeout", &o->reconnect_timeout)) {
			return false;
		}
		if ((v = zend_hash_str_find_deref(layers[l], "sleep", 5))) {
			if (Z_TYPE_P(v) != IS_LONG && Z_TYPE_P(v) != IS_DOUBLE) {
				return bad_option("sleep", "a number of seconds", v);
			}
			o->sleep_ms = (zend_long) (zval_get_double(v) * 1000);
		}
		if ((v = zend_hash_str_find_deref(layers[l], "memory_limit", 12)) && (o->memory_limit = memory_bytes(v)) < 0) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker option \"memory_limit\" must be a number of bytes or a size like \"128M\"");
			return false;
		}
		if ((v = zend_hash_str_find_deref(layers[l], "queues", 6)) && Z_TYPE_P(v) != IS_NULL) {
			if (Z_TYPE_P(v) != IS_ARRAY) {
				return bad_option("queues", "a list of queue names", v);
			}
			o->queues = Z_ARRVAL_P(v);
		}
		if (!string_option(layers[l], "stop_file", "a file name", &o->stop_file)
				|| !string_option(layers[l], "metrics", "an address to listen on (host:port)", &o->metrics)
				|| !string_option(layers[l], "status_dir", "a directory name", &o->status_dir)) {
			return false;
		}
		if ((v = zend_hash_str_find_deref(layers[l], "bus", 3)) && Z_TYPE_P(v) != IS_NULL) {
			/* a bus that is not configured would fail every message into retries */
			if (Z_TYPE_P(v) != IS_STRING) {
				return bad_option("bus", "a bus name", v);
			}
			if (!php_messenger_bus_select(w->s.buses, w->s.default_bus, Z_STR_P(v))) {
				return false;
			}
			if (l == 1) {
				/* run()'s bus, for this and the next runs, as worker()'s */
				if (w->bus) {
					zend_string_release(w->bus);
				}
				w->bus = zend_string_copy(Z_STR_P(v));
			}
		}
		if ((v = zend_hash_str_find_deref(layers[l], "reset", 5))) w->do_reset = zend_is_true(v);
		if ((v = zend_hash_str_find_deref(layers[l], "keepalive", 9))) o->keepalive = v;
	}
	if (o->limit < 0 || o->failure_limit < 0 || o->time_limit < 0 || o->sleep_ms < 0 || o->reconnect_timeout < 0) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker options limit, failure_limit, time_limit, sleep and reconnect_timeout must not be negative");
		return false;
	}
	if (o->queues && zend_hash_num_elements(o->queues) == 0) {
		o->queues = NULL; /* as Symfony: no queue names, every queue */
	}
	/* keepalive: a number the receivers support */
	if (keepalive_seconds(w, o->keepalive) < 0) {
		return false;
	}
	if (!o->queues) {
		return true;
	}
	zval *q;
	ZEND_HASH_FOREACH_VAL(o->queues, q) {
		if (Z_TYPE_P(q) != IS_STRING) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker option \"queues\" must be a list of queue names");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	zend_string *rname;
	php_messenger_transport *r;
	ZEND_HASH_FOREACH_STR_KEY_PTR(&w->receivers, rname, r) {
		if (!php_messenger_transport_check_queues(r, rname)) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* the receivers' rate limits: those without one are never paused */
static receiver_state *receivers_start(php_messenger_worker *w)
{
	uint32_t n = zend_hash_num_elements(&w->receivers);
	receiver_state *rs = ecalloc(n ? n : 1, sizeof(receiver_state));
	uint32_t i = 0;
	zend_string *rname;
	ZEND_HASH_FOREACH_STR_KEY(&w->receivers, rname) {
		ZVAL_UNDEF(&rs[i].pending);
		zval *pair = rname ? zend_hash_find(w->s.rate, rname) : NULL;
		rs[i].limited = pair && msgr_rate_init(&rs[i].rate, Z_LVAL_P(zend_hash_index_find(Z_ARRVAL_P(pair), 0)),
			Z_LVAL_P(zend_hash_index_find(Z_ARRVAL_P(pair), 1)), NULL) == MSGR_OK;
		i++;
	} ZEND_HASH_FOREACH_END();
	return rs;
}

/* What a rate limit still held back goes back to its queue, and the acknowledgements a batch
 * still holds are written before run() returns. */
static void receivers_finish(php_messenger_worker *w, receiver_state *rs)
{
	uint32_t i = 0;
	php_messenger_transport *receiver;
	zval *item;
	bool can_call = true;
#ifdef ZEND_HAS_OOM
	/* out of memory in a handler: PHP refuses every call until the request ends (the
	 * shutdown function gives the batch back then) */
	can_call = !ZEND_HAS_OOM();
#endif
	ZEND_HASH_FOREACH_PTR(&w->receivers, receiver) {
		if (!can_call) {
			zval_ptr_dtor(&rs[i++].pending);
			continue;
		}
		if (Z_TYPE(rs[i].pending) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rs[i].pending), item) {
				php_messenger_transport_release(receiver, Z_OBJ_P(item));
			} ZEND_HASH_FOREACH_END();
		}
		zval_ptr_dtor(&rs[i].pending);
		i++;
		php_messenger_transport_flush(receiver);
		php_messenger_transport_read_ahead(receiver, 0); /* read alone again (what was read ahead goes back) */
	} ZEND_HASH_FOREACH_END();
	efree(rs);
}

static bool limits_reached(const run_t *r)
{
	return (r->o.limit && r->counts.handled + r->counts.failed >= r->o.limit)
		|| (r->o.failure_limit && r->counts.failed >= r->o.failure_limit);
}

/* What a get gave: handled in order, until the rate limit is reached (the rest waits its turn)
 * or the worker must stop (the rest goes back to its queue at once). */
static bool handle_batch(run_t *r, receiver_state *st, zend_string *name, const php_messenger_transport *receiver, zval *got, bool *handled_any)
{
	php_messenger_worker *w = r->w;
	enum { TAKE, HOLD_BACK, GIVE_BACK } rest = TAKE;
	zend_array *received_stamps = NULL;
	bool ok = true;
	zval *item;
	uint32_t position = 0, taken = 0;
	double began_us = php_messenger_monotonic_us();
	uint32_t level = inflight_begin(receiver, got);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(got), item) {
		uint32_t at = position++;
		if (Z_TYPE_P(item) != IS_OBJECT || Z_OBJCE_P(item) != php_messenger_ce_Envelope) {
			continue;
		}
		if (rest == TAKE && st->limited && msgr_rate_wait_ms(&st->rate, php_messenger_monotonic_ms()) > 0) {
			rest = HOLD_BACK;
		}
		if (rest == HOLD_BACK) {
			if (Z_TYPE(st->pending) != IS_ARRAY) {
				array_init(&st->pending);
			}
			Z_ADDREF_P(item);
			add_next_index_zval(&st->pending, item);
			continue;
		}
		if (rest == GIVE_BACK) {
			php_messenger_transport_release(receiver, Z_OBJ_P(item));
			continue;
		}
		*handled_any = true;
		taken++;
		if (r->obs) {
			php_messenger_observer_tick(r->obs, false); /* a scrape waits no longer than a message */
		}
		inflight[level].current = at;
		if (!received_stamps) {
			received_stamps = received_stamps_new(name);
		}
		if (st->limited) {
			msgr_rate_take(&st->rate, php_messenger_monotonic_ms());
		}
		if (!(ok = handle_one(w, name, receiver, Z_OBJ_P(item), received_stamps, &r->counts))) {
#ifdef ZEND_HAS_OOM
			if (ZEND_HAS_OOM()) {
				/* out of memory: PHP refuses every call until the request ends; the shutdown
				 * function gives the rest back (the batch stays in flight) */
				if (received_stamps) {
					zend_array_release(received_stamps);
				}
				GC_ADDREF(inflight[level].batch); /* the caller lets go of it */
				inflight[level].batch_owned = true;
				return false;
			}
#endif
			/* the worker stops (an exception that is not the handler's, or exit() in a
			 * handler): the rest of the batch goes back to its queue at once; this one, whose
			 * handling did not end, waits for redeliver_timeout */
			rest = GIVE_BACK;
			continue;
		}
		if (Z_REFCOUNTED_P(got) && Z_REFCOUNT_P(got) == 1) {
			/* done with it: let go now, not with the whole batch */
			php_messenger_transport_let_go(receiver, Z_OBJ_P(item));
			ZVAL_NULL(item);
		}
		if (w->stop || stop_signal || limits_reached(r)) {
			rest = GIVE_BACK;
		}
	} ZEND_HASH_FOREACH_END();
	inflight_end(level);
	msgr_prefetch_note(&st->prefetch, php_messenger_monotonic_us() - began_us, taken);
	if (received_stamps) {
		zend_array_release(received_stamps);
	}
	return ok;
}

/* After a call to a broker failed: a TransportException that is not a refusal (the broker is
 * down, restarting, locked) is waited out. The worker says so once per outage (the log, else a
 * warning; the transport_unavailable event), waits with growing pauses (0.1 s doubling to 5 s;
 * signals, stop() and the time limit end them) and returns true: try again. False leaves the
 * exception: another error, a server that refuses this client (a wrong password, a table it may
 * not make), reconnect_timeout passed, or no run() going on; or, when the worker is told to stop
 * meanwhile, none (what was not settled comes back later). */
static void nap_for(run_t *r, zend_long nap_ms, bool wake);

#define DOWN_WAIT_FIRST_MS 100
#define DOWN_WAIT_MAX_MS 5000
static bool outage_wait(php_messenger_worker *w, zend_string *name, outage_t *o)
{
	if (!outage_note(w, name, o)) {
		return false;
	}
	nap_for(w->run, o->wait_ms, false);
	return true;
}

/* outage_wait without the nap: the caller waits (a receiver is skipped until retry_at_ms) */
static bool outage_note(php_messenger_worker *w, zend_string *name, outage_t *o)
{
	run_t *r = w->run;
	zend_object *error = EG(exception);
	bool refused = php_messenger_refusal_take();
	if (!r || !error || refused || !instanceof_function(error->ce, php_messenger_ce_TransportException)) {
		return false;
	}
	zend_long now = php_messenger_monotonic_ms();
	bool first = !o->since_ms;
	if (!first && r->o.reconnect_timeout && now - o->since_ms >= r->o.reconnect_timeout * 1000) {
		return false;
	}
	if (w->stop || stop_signal || (r->o.time_limit && now - r->started >= r->o.time_limit * 1000)) {
		zend_clear_exception();
		return false;
	}
	zend_object *taken;
	if (!php_messenger_take_exception(&taken)) {
		return false; /* exit() */
	}
	o->wait_ms = first ? DOWN_WAIT_FIRST_MS : (o->wait_ms * 2 > DOWN_WAIT_MAX_MS ? DOWN_WAIT_MAX_MS : o->wait_ms * 2);
	bool ok = true;
	if (first) {
		o->since_ms = now;
		php_messenger_event ev = { PHP_MESSENGER_EV_UNAVAILABLE, NULL, name, taken, false, 0, o->wait_ms, NULL };
		ok = php_messenger_emit(&w->events, &ev);
		if (ok && !w->logger) {
			zval rv;
			zval *reason = php_messenger_throwable_prop(taken, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
			php_error_docref(NULL, E_WARNING, "Messenger: the transport \"%s\" is unavailable (%s): waiting for it%s",
				ZSTR_VAL(name), Z_TYPE_P(reason) == IS_STRING ? Z_STRVAL_P(reason) : "", r->o.reconnect_timeout ? "" : " (reconnect_timeout: for ever)");
			ok = !EG(exception); /* an error handler that throws */
		}
	}
	OBJ_RELEASE(taken);
	o->retry_at_ms = now + o->wait_ms;
	return ok;
}

/* After a call succeeded: the end of an outage, if there was one, is told */
static bool outage_over(php_messenger_worker *w, zend_string *name, outage_t *o)
{
	if (!o->since_ms) {
		return true;
	}
	php_messenger_event ev = { PHP_MESSENGER_EV_AVAILABLE, NULL, name, NULL, false, 0, php_messenger_monotonic_ms() - o->since_ms, NULL };
	o->since_ms = o->wait_ms = o->retry_at_ms = 0;
	return php_messenger_emit(&w->events, &ev);
}

/* One receiver: what its rate limit held back, else a get; false when the worker cannot go on.
 * *paused_ms shortens to the wait of a receiver its rate limit pauses. */
static bool read_receiver(run_t *r, receiver_state *st, zend_string *name, const php_messenger_transport *receiver, bool *handled_any, zend_long *paused_ms)
{
	if (st->limited) {
		long long wait = msgr_rate_wait_ms(&st->rate, php_messenger_monotonic_ms());
		if (wait > 0) {
			/* only this receiver waits: the others are read meanwhile */
			*paused_ms = *paused_ms && *paused_ms < wait ? *paused_ms : (zend_long) wait;
			return true;
		}
	}
	if (st->down.since_ms) {
		/* its broker could not be reached: not read again before its wait is over, and the
		 * other receivers are read meanwhile */
		zend_long wait = st->down.retry_at_ms - php_messenger_monotonic_ms();
		if (wait > 0) {
			*paused_ms = *paused_ms && *paused_ms < wait ? *paused_ms : wait;
			return true;
		}
	}
	zval got;
	if (Z_TYPE(st->pending) != IS_ARRAY) {
		/* as many as its messages' handling time finishes in a short while, no more than the
		 * message limit leaves */
		size_t n = msgr_prefetch_size(&st->prefetch);
		if (st->read_ahead_cap) {
			n = st->read_ahead_cap; /* a batch handler runs that many at once, whatever they take */
		}
		zend_long left = r->o.limit ? r->o.limit - (r->counts.handled + r->counts.failed) : 0;
		php_messenger_transport_read_ahead(receiver, (uint32_t) (left > 0 && (size_t) left < n ? (size_t) left : n));
	}
	if (Z_TYPE(st->pending) == IS_ARRAY) {
		ZVAL_COPY_VALUE(&got, &st->pending);
		ZVAL_UNDEF(&st->pending);
	} else if (php_messenger_refusal_take(), !php_messenger_transport_get(receiver, name, r->o.queues, &got)) {
		if (outage_note(r->w, name, &st->down)) {
			*paused_ms = *paused_ms && *paused_ms < st->down.wait_ms ? *paused_ms : st->down.wait_ms;
			return true; /* read again once the wait is over */
		}
		zend_object *error;
		if (!php_messenger_take_exception(&error)) {
			return false;
		}
		if (!instanceof_function(error->ce, php_messenger_ce_MessageDecodingFailedException)) {
			zval ex;
			ZVAL_OBJ(&ex, error);
			zend_throw_exception_object(&ex);
			return false;
		}
		/* a message nobody can read: reported, and the worker goes on */
		r->counts.failed++;
		bool ok = emit_simple(r->w, PHP_MESSENGER_EV_FAILED, NULL, name, error, false);
		OBJ_RELEASE(error);
		return ok;
	}
	if (!outage_over(r->w, name, &st->down)) {
		zval_ptr_dtor(&got);
		return false;
	}
	r->w->read_ahead_cap = 0;
	bool ok = handle_batch(r, st, name, receiver, &got, handled_any);
	st->read_ahead_cap = r->w->read_ahead_cap; /* what the last batch's batch handlers run at once, or 0 */
	zval_ptr_dtor(&got);
	return ok;
}

static bool stop_due(run_t *r)
{
	if (limits_reached(r) || (r->o.memory_limit && (zend_long) zend_memory_usage(true) > r->o.memory_limit)
			|| (r->o.time_limit && php_messenger_monotonic_ms() - r->started >= r->o.time_limit * 1000)) {
		return true;
	}
	if (r->o.stop_file && php_messenger_monotonic_ms() - r->stop_checked >= 500) {
		r->stop_checked = php_messenger_monotonic_ms();
		return stop_requested(r->o.stop_file, r->started_at);
	}
	return false;
}

/* Waits in short slices: a signal, stop() or the time limit ends it early; no longer than a
 * receiver's rate limit pauses it. */
#define BATCH_NAP_MS 10
static void nap(run_t *r, zend_long paused_ms)
{
	nap_for(r, paused_ms && paused_ms < r->o.sleep_ms ? paused_ms : r->o.sleep_ms, true);
}

#ifndef PHP_WIN32
#define WAKE_MAX 16
/* Waits slice_ms, or less when a receiver that is pushed its messages (AMQP) has some: false
 * when it has (the nap ends). Receivers paused by their rate limit or an outage do not wake it. */
static bool wait_slice(run_t *r, zend_long slice_ms)
{
	struct pollfd fds[WAKE_MAX];
	nfds_t n = 0;
	php_messenger_transport *receiver;
	uint32_t i = 0;
	zend_long now = php_messenger_monotonic_ms();
	ZEND_HASH_FOREACH_PTR(&r->w->receivers, receiver) {
		receiver_state *st = &r->rs[i++];
		if (!receiver->ops->wait_fd || n == WAKE_MAX || (st->limited && msgr_rate_wait_ms(&st->rate, now) > 0) || st->down.retry_at_ms > now) {
			if (receiver->ops->tend) {
				receiver->ops->tend(receiver); /* not read meanwhile: its heartbeats are answered here */
			}
			continue;
		}
		bool ready = false;
		int fd = receiver->ops->wait_fd(receiver, &ready);
		if (ready) {
			return false;
		}
		if (fd >= 0) {
			fds[n].fd = fd;
			fds[n].events = POLLIN;
			fds[n].revents = 0;
			n++;
		}
	} ZEND_HASH_FOREACH_END();
	/* the receivers' sockets, then the observer's (which change as clients come and go) */
	nfds_t own = n;
	zend_long until = php_messenger_monotonic_ms() + slice_ms;
	for (;;) {
		int ofds[WAKE_MAX];
		short oev[WAKE_MAX];
		int k = r->obs ? php_messenger_observer_fds(r->obs, ofds, oev, (int) (WAKE_MAX - own)) : 0;
		for (n = own; (int) (n - own) < k; n++) {
			fds[n] = (struct pollfd) { ofds[n - own], oev[n - own], 0 };
		}
		if (!n) {
			usleep((useconds_t) slice_ms * 1000);
			return true;
		}
		if (poll(fds, n, (int) slice_ms) <= 0) {
			return true;
		}
		for (nfds_t j = 0; j < own; j++) {
			if (fds[j].revents) {
				return false; /* a receiver has messages */
			}
		}
		/* a scrape: answered, and the wait goes on */
		php_messenger_observer_tick(r->obs, true);
		if ((slice_ms = until - php_messenger_monotonic_ms()) <= 0) {
			return true;
		}
	}
}
#else
static bool wait_slice(run_t *r, zend_long slice_ms)
{
	usleep((useconds_t) slice_ms * 1000);
	return true;
}
#endif

/* wake: a message pushed to a receiver ends the nap */
static void nap_for(run_t *r, zend_long nap_ms, bool wake)
{
	php_messenger_worker *w = r->w;
	for (zend_long slept = 0; slept < nap_ms && !w->stop && !stop_signal; slept += 50) {
		if (r->o.time_limit && php_messenger_monotonic_ms() - r->started >= r->o.time_limit * 1000) {
			break;
		}
		if (r->o.stop_file && slept % 500 == 0 && stop_requested(r->o.stop_file, r->started_at)) {
			w->stop = true;
			break;
		}
		zend_long slice = nap_ms - slept < 50 ? nap_ms - slept : 50;
		if (r->obs) {
			php_messenger_observer_tick(r->obs, false); /* its status is due while it waits too */
		}
		if (wake && r->rs) {
			if (!wait_slice(r, slice)) {
				break;
			}
		} else {
			usleep((useconds_t) slice * 1000);
		}
	}
}

/* The consume loop: the receivers in order, back to the first after any message; idle, the
 * batches are flushed and the worker naps. False when it cannot go on (an exception). */
static bool consume(run_t *r)
{
	php_messenger_worker *w = r->w;
	bool ok = emit_simple(w, PHP_MESSENGER_EV_STARTED, NULL, NULL, NULL, false);
	while (ok && !w->stop && !stop_signal) {
		bool handled_any = false;
		zend_long paused_ms = 0;
		zend_string *name;
		php_messenger_transport *receiver;
		uint32_t i = 0;
		ZEND_HASH_FOREACH_STR_KEY_PTR(&w->receivers, name, receiver) {
			if (!(ok = read_receiver(r, &r->rs[i++], name, receiver, &handled_any, &paused_ms)) || handled_any) {
				break; /* back to the first receiver: it has the priority */
			}
		} ZEND_HASH_FOREACH_END();
		if (!ok || stop_due(r)) {
			break;
		}
		if (!handled_any) {
			/* idle while batches wait: they are handled now */
			if ((zend_hash_num_elements(&w->waiting) && !(ok = flush_batches(w, false, &r->counts)))
					|| !(ok = emit_simple(w, PHP_MESSENGER_EV_IDLE, NULL, NULL, NULL, false))) {
				break;
			}
			if (w->stop || stop_signal || stop_due(r)) {
				break; /* what the flush settled reached a limit: no nap first */
			}
			/* while batch handlers still hold messages (requests in flight), a short nap: their
			 * flush(false) is where they finish */
			nap(r, zend_hash_num_elements(&w->waiting) ? BATCH_NAP_MS : paused_ms);
		}
	}
	if (ok) {
		return finish_batches(w, &r->counts);
	}
	zval *item;
	ZEND_HASH_FOREACH_VAL(&w->waiting, item) {
		php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(item));
		php_messenger_transport_release(a->receiver, a->envelope);
	} ZEND_HASH_FOREACH_END();
	zend_hash_clean(&w->waiting);
	return false;
}

ZEND_METHOD(Messenger_Worker, run)
{
	HashTable *given = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(given)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_worker *w = worker_from(Z_OBJ_P(ZEND_THIS));
	if (!w->s.owner) {
		zend_throw_error(NULL, "Messenger\\Worker is made by Messenger::worker()");
		RETURN_THROWS();
	}
	if (w->running) {
		zend_throw_error(NULL, "This Messenger\\Worker is already running");
		RETURN_THROWS();
	}
	run_t r = { .w = w };
	if (!run_options_read(w, given, &r.o)) {
		RETURN_THROWS();
	}
	keepalive_t keep = { .w = w, .vm_interrupt = (void *) &EG(vm_interrupt) };
	atomic_init(&keep.due, false);
	if ((keep.seconds = keepalive_seconds(w, r.o.keepalive)) < 0) {
		RETURN_THROWS();
	}
	/* before the keepalive ticker: nothing here may leave it running on a frame that is gone */
	if (r.o.metrics || r.o.status_dir) {
		php_messenger_observer_setup setup = { r.o.metrics, r.o.status_dir, &w->receivers, &w->s };
		if (!(r.obs = php_messenger_observer_start(&setup, &w->events))) {
			RETURN_THROWS();
		}
	}
	keepalive_t *outer_keep = keeping_alive;
	msgr_tick_t *ticker = NULL;
	php_messenger_transport *tended;
	ZEND_HASH_FOREACH_PTR(&w->receivers, tended) {
		zend_long ms = tended->ops->tend_interval_ms ? tended->ops->tend_interval_ms(tended) : 0;
		if (ms > 0 && (!keep.tend_ms || ms < keep.tend_ms)) {
			keep.tend_ms = ms;
		}
	} ZEND_HASH_FOREACH_END();
	keep.kept_at = php_messenger_monotonic_ms();
	if (keep.seconds || keep.tend_ms) {
		msgr_error_t terr;
		zend_long every = keep.seconds ? keep.seconds * 1000 : keep.tend_ms;
		if (keep.tend_ms && keep.tend_ms < every) {
			every = keep.tend_ms;
		}
		keep.every = every;
		if (msgr_tick_start(&ticker, every, keepalive_tick, &keep, &terr) != MSGR_OK) {
			php_messenger_throw(php_messenger_ce_RuntimeException, "Cannot start keepalive: %s", terr.message);
			if (r.obs) {
				php_messenger_observer_stop(r.obs, &w->events);
			}
			RETURN_THROWS();
		}
		keeping_alive = &keep;
	}

	struct sigaction act, old_term, old_int, old_quit;
	memset(&act, 0, sizeof(act));
	act.sa_handler = on_signal;
	sigemptyset(&act.sa_mask);
	stop_signal = 0;
	sigaction(SIGTERM, &act, &old_term);
	sigaction(SIGINT, &act, &old_int);
	sigaction(SIGQUIT, &act, &old_quit);

	receiver_state *volatile rs = receivers_start(w); /* volatile: read after the zend_try below */
	r.rs = rs;
	/* a fatal error in a handler (the memory limit...) jumps out of the loop: the signal
	 * handlers and the keepalive ticker must still be put away before it goes on */
	volatile bool bailed = false;
	struct run_state *outer_run = w->run;
	w->run = &r;
	zend_try {
		w->running = true;
		w->stop = false;
		r.started = r.stop_checked = php_messenger_monotonic_ms();
		r.started_at = wall_time();
		consume(&r);
	} zend_catch {
		bailed = true;
		php_messenger_consuming_reset();
	} zend_end_try();
	w->run = outer_run;
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	msgr_tick_stop(ticker);
	keeping_alive = outer_keep;
	if (r.obs) {
		php_messenger_observer_stop(r.obs, &w->events);
	}
	if (bailed) {
		w->running = false;
		zend_bailout();
	}
	receivers_finish(w, rs);
	w->running = false;
	if (!EG(exception)) {
		emit_simple(w, PHP_MESSENGER_EV_STOPPED, NULL, NULL, NULL, false);
	}
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_LONG(0);
}
/* }}} */

php_messenger_events *php_messenger_worker_events(zend_object *worker)
{
	return &worker_from(worker)->events;
}

ZEND_METHOD(Messenger_Worker, stop)
{
	ZEND_PARSE_PARAMETERS_NONE();
	worker_from(Z_OBJ_P(ZEND_THIS))->stop = true;
}

ZEND_METHOD(Messenger_Worker, on)
{
	zend_string *event;
	zval *listener;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(event)
		Z_PARAM_ZVAL(listener)
	ZEND_PARSE_PARAMETERS_END();
	if (!zend_is_callable(listener, 0, NULL)) {
		zend_argument_type_error(2, "must be a valid callback");
		RETURN_THROWS();
	}
	php_messenger_worker *w = worker_from(Z_OBJ_P(ZEND_THIS));
	int i = php_messenger_event_index(event);
	if (i < 0) {
		RETURN_THROWS();
	}
	php_messenger_listeners_add(&w->listeners, i, listener);
	php_messenger_events_subscribe(&w->events, php_messenger_listeners_notify, &w->listeners,
		php_messenger_listeners_mask(&w->listeners), PHP_MESSENGER_RANK_LISTENERS);
}

ZEND_METHOD(Messenger_Worker, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}
/* }}} */

void php_messenger_register_worker(void)
{
	previous_interrupt = zend_interrupt_function;
	zend_interrupt_function = messenger_interrupt;
	php_messenger_register_retry();

	php_messenger_ce_Worker = register_class_Messenger_Worker();
	php_messenger_ce_Worker->create_object = worker_create;
	memcpy(&worker_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	worker_handlers.offset = XtOffsetOf(php_messenger_worker, std);
	worker_handlers.free_obj = worker_free;
	worker_handlers.get_gc = worker_get_gc;
	worker_handlers.clone_obj = NULL;
}
