/* The bus area: Envelope and stamps, the middleware chain, the handler registry, MessageBus,
 * batch handlers' Acknowledger. Includes the base only. */
#ifndef PHP_MESSENGER_BUS_H
#define PHP_MESSENGER_BUS_H

#include "php/base/base.h"

/* MINIT of the area, in this order */
void php_messenger_register_envelope(void);
void php_messenger_register_stamps(void);
void php_messenger_register_middleware(void);
void php_messenger_register_bus(void);
void php_messenger_register_acknowledger(void);
void php_messenger_register_handlers(void);
void php_messenger_register_traits(void);

extern zend_class_entry *php_messenger_ce_StampInterface;
extern zend_class_entry *php_messenger_ce_NonSendableStampInterface;
extern zend_class_entry *php_messenger_ce_Envelope;

extern zend_class_entry *php_messenger_ce_DelayStamp;
extern zend_class_entry *php_messenger_ce_HandledStamp;
extern zend_class_entry *php_messenger_ce_SentStamp;
extern zend_class_entry *php_messenger_ce_ReceivedStamp;
extern zend_class_entry *php_messenger_ce_TransportNamesStamp;
extern zend_class_entry *php_messenger_ce_BusNameStamp;
extern zend_class_entry *php_messenger_ce_DispatchAfterCurrentBusStamp;
extern zend_class_entry *php_messenger_ce_RedeliveryStamp;
extern zend_class_entry *php_messenger_ce_ErrorDetailsStamp;
extern zend_class_entry *php_messenger_ce_SentToFailureTransportStamp;
extern zend_class_entry *php_messenger_ce_TransportMessageIdStamp;
extern zend_class_entry *php_messenger_ce_HandlerArgumentsStamp;
extern zend_class_entry *php_messenger_ce_AmqpStamp;
extern zend_class_entry *php_messenger_ce_AmqpReceivedStamp;
extern zend_class_entry *php_messenger_ce_MessageDecodingFailedStamp;

extern zend_class_entry *php_messenger_ce_MiddlewareInterface;
extern zend_class_entry *php_messenger_ce_StackInterface;
extern zend_class_entry *php_messenger_ce_StackMiddleware;
extern zend_class_entry *php_messenger_ce_AddBusNameStampMiddleware;
extern zend_class_entry *php_messenger_ce_DispatchAfterCurrentBusMiddleware;
extern zend_class_entry *php_messenger_ce_HandleMessageMiddleware;

extern zend_class_entry *php_messenger_ce_MessageBusInterface;
extern zend_class_entry *php_messenger_ce_MessageBus;

extern zend_class_entry *php_messenger_ce_AsMessageHandler;

/* ---- envelope ---- */
#define PHP_MESSENGER_ENVELOPE_STAMPS 0
#define PHP_MESSENGER_ENVELOPE_MESSAGE 1
/* A new Envelope for message (or message itself when it is an Envelope), with stamps added.
 * Returns an owned reference, or NULL with an exception. */
zend_object *php_messenger_envelope_wrap(zval *message, HashTable *stamps);
/* Adds stamp to envelope. Consumes the caller's reference to envelope and returns an owned one:
 * the same object, changed in place, when nobody else can see it; a copy otherwise. The stamp
 * is not consumed. */
zend_object *php_messenger_envelope_with(zend_object *envelope, zend_object *stamp);
/* the same for a stamp the caller made for it: the caller's reference is handed over */
zend_object *php_messenger_envelope_with_new(zend_object *envelope, zend_object *stamp);
/* php_messenger_envelope_with() of a TransportMessageIdStamp of id (not consumed): how a
 * transport marks what it sent or received. */
zend_object *php_messenger_envelope_with_id(zend_object *envelope, zval *id);
/* A new Envelope: envelope (untouched, not consumed) plus stamp (not consumed). */
zend_object *php_messenger_envelope_copy_with(zend_object *envelope, zend_object *stamp);
/* php_messenger_envelope_with() of the stamps of list, all of class ce: the list itself is
 * shared (copied on write) when the envelope has none of that class yet, which saves a list per
 * envelope for a stamp many envelopes carry. list is not consumed. */
zend_object *php_messenger_envelope_with_list(zend_object *envelope, zend_class_entry *ce, zend_array *list);
/* the same on a copy: envelope is not consumed */
zend_object *php_messenger_envelope_copy_with_list(zend_object *envelope, zend_class_entry *ce, zend_array *list);
/* Removes every stamp of the class named stamp_class (exact name). Consumes and returns like
 * php_messenger_envelope_with(). */
zend_object *php_messenger_envelope_without(zend_object *envelope, zend_string *stamp_class);
/* The last stamp of exactly class ce (borrowed), or NULL. */
zend_object *php_messenger_envelope_last(zend_object *envelope, zend_class_entry *ce);
/* The envelope's stamps of exactly class ce, or NULL when it has none. */
HashTable *php_messenger_envelope_list(zend_object *envelope, zend_class_entry *ce);
/* The envelope (a new reference) when every stamp class passes keep; else a copy without the
 * stamps of the classes that do not. */
zend_object *php_messenger_envelope_filter(zend_object *envelope, bool (*keep)(zend_class_entry *ce));
static zend_always_inline zval *php_messenger_envelope_message(zend_object *envelope)
{
	return PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_MESSAGE);
}

/* ---- stamps ---- */
/* A stamp of class ce with its declared properties set, in order, from args (copied). */
zend_object *php_messenger_stamp_new(zend_class_entry *ce, uint32_t argc, zval *args);
static zend_always_inline zval *php_messenger_stamp_prop(zend_object *stamp, uint32_t n)
{
	return PHP_MESSENGER_PROP(stamp, n);
}

/* The delay an envelope's last DelayStamp asks for, in ms (0 without one, and for a negative
 * one); false with an InvalidArgumentException when it is beyond what a transport can keep
 * (PHP_MESSENGER_MAX_DELAY_MS, 100 years: a date column, a score, a clock all hold that). */
#define PHP_MESSENGER_MAX_DELAY_MS ((zend_long) 100 * 366 * 24 * 3600 * 1000)
bool php_messenger_delay_ms(zend_object *envelope, zend_long *ms);

/* ErrorDetailsStamp of a throwable: class, code, message (no trace: bounded in size). */
zend_object *php_messenger_error_details_new(zend_object *throwable);

/* ---- exceptions ---- */
/* Throws HandlerFailedException; consumes neither argument. */
void php_messenger_throw_handler_failed(zend_object *envelope, zval *exceptions);
/* The envelope a HandlerFailedException carries (with the HandledStamps of the handlers that
 * succeeded); NULL for any other exception. Borrowed. */
zend_object *php_messenger_handler_failed_envelope(zend_object *error);
void php_messenger_throw_delayed_handling(zval *exceptions);

/* ---- middleware ---- */
/* A native middleware's kind: handle (envelope consumed; an owned Envelope or NULL with an
 * exception), and what its free and the cycle collector need of its state. The bus's own kinds
 * live in bus/middleware.c; another area writes one with these. */
typedef struct php_messenger_mw_kind {
	zend_object *(*handle)(zend_object *self, zend_object *envelope, zend_object *stack);
	void (*free)(zend_object *self);
	void (*gc)(zend_object *self, zend_get_gc_buffer *buf);
} php_messenger_mw_kind;
/* A native middleware object of class ce (one of the middleware classes), not constructed yet. */
zend_object *php_messenger_mw_new(zend_class_entry *ce);
/* Makes self a middleware of kind with state data (freed by kind->free). */
void php_messenger_mw_set(zend_object *self, const php_messenger_mw_kind *kind, void *data);
void *php_messenger_mw_data(zend_object *self);
/* true, with an Error, when self was constructed already */
bool php_messenger_mw_constructed_twice(zend_object *self);
/* MiddlewareInterface::handle() of every native middleware, for PHP code that calls it */
void php_messenger_mw_handle_method(INTERNAL_FUNCTION_PARAMETERS);
/* Calls mw with envelope (consumed) and the rest of the chain. Returns an owned Envelope or
 * NULL with an exception. No PHP frame when mw is one of ours. */
zend_object *php_messenger_middleware_call(zend_object *mw, zend_object *envelope, zend_object *stack);
/* The next middleware of stack (borrowed): the stack itself at the end. */
zend_object *php_messenger_stack_next(zend_object *stack);
/* Calls the next middleware of stack (ours or a StackInterface written in PHP). */
zend_object *php_messenger_stack_continue(zend_object *stack, zend_object *envelope);
/* Back to the first middleware, for a Stack that is reused by its bus. */
void php_messenger_stack_rewind(zend_object *stack);
/* A Stack over middleware (an array of MiddlewareInterface objects, shared, not copied). */
zend_object *php_messenger_stack_new(zend_array *middleware);
/* Checks that every element of ht is a MiddlewareInterface; builds a packed array of them. */
zend_array *php_messenger_middleware_list(zval *iterable, const char *what);
zend_object *php_messenger_add_bus_name_middleware_new(zend_string *bus_name);
zend_object *php_messenger_dispatch_after_middleware_new(void);
/* Adds the (lower-cased) message types the handlers of a HandleMessageMiddleware handle to out. */
void php_messenger_handle_middleware_types(zend_object *handle_mw, HashTable *out);
/* The handler registry of a HandleMessageMiddleware; NULL for any other middleware. */
struct php_messenger_handlers *php_messenger_handle_middleware_handlers(zend_object *mw);
/* handlers: the configuration's handlers; bus_name filters handlers with a `bus` option. */
zend_object *php_messenger_handle_middleware_new(HashTable *handlers, bool allow_no_handlers, zend_string *bus_name);


/* ---- handlers registry (php_messenger_handlers.c) ---- */
typedef struct php_messenger_handler {
	zval callable;                 /* keeps the object or closure alive */
	zend_fcall_info_cache fcc;
	zend_string *name;             /* Class::method, function name or Closure */
	zend_string *from_transport;   /* NULL: any */
	zend_string *type;             /* the type it handles, as the configuration spells it */
	zend_long priority;
	bool batch;                    /* an object implementing BatchHandlerInterface */
} php_messenger_handler;

typedef struct php_messenger_handlers {
	php_messenger_handler *items;
	uint32_t count;
	uint32_t cap;
	HashTable by_type;   /* lower-cased type => packed array of item indices */
	HashTable cache;     /* zend_class_entry* => php_messenger_handler_list* */
	zend_class_entry *last_ce; /* the class of the previous lookup, and its list */
	const struct php_messenger_handler_list *last_list;
} php_messenger_handlers;

typedef struct php_messenger_handler_list {
	uint32_t count;
	uint32_t items[1];
} php_messenger_handler_list;

/* Builds the registry from the configuration's handlers; false with an exception on bad input. */
bool php_messenger_handlers_init(php_messenger_handlers *h, HashTable *config, zend_string *bus_name);
void php_messenger_handlers_destroy(php_messenger_handlers *h);
/* The handlers of ce in call order (cached per class). */
const php_messenger_handler_list *php_messenger_handlers_for(php_messenger_handlers *h, zend_class_entry *ce);
void php_messenger_handlers_gc(php_messenger_handlers *h, zend_get_gc_buffer *buf);
/* Calls fn once per configured type, in configuration order, with its own handlers (the
 * handlers of its parents, interfaces and wildcards are not added) in call order. */
typedef void (*php_messenger_type_handlers_fn)(void *ctx, zend_string *type, const php_messenger_handler *const *items, uint32_t n);
void php_messenger_handlers_each_type(php_messenger_handlers *h, php_messenger_type_handlers_fn fn, void *ctx);

/* The arguments of an attribute by parameter name (names[0..n)), positional or named, evaluated
 * in scope: values[k] is UNDEF when not given (owned otherwise). False with an exception naming
 * what (an unknown argument) or the evaluation's. */
struct _zend_attribute;
bool php_messenger_attribute_args(struct _zend_attribute *attr, zend_class_entry *scope, const char *const *names, uint32_t n, zval *values, const char *what);

/* Adds to names (keys) the transports the #[AsMessage] attributes of ce, its parents and its
 * interfaces name; false with an exception when one is not a name or a list of names. */
bool php_messenger_as_message_transports(zend_class_entry *ce, zval *names);

/* Walks the types a message of class ce matches, in Symfony's order: the class, its parents,
 * its interfaces, its namespace wildcards, then "*". fn gets each name lower-cased; returning
 * false stops. */
typedef bool (*php_messenger_type_fn)(void *ctx, zend_string *lc_type);
void php_messenger_walk_types(zend_class_entry *ce, php_messenger_type_fn fn, void *ctx);

/* ---- batch handlers (bus/acknowledger.c) ---- */
extern zend_class_entry *php_messenger_ce_BatchHandlerInterface;
extern zend_class_entry *php_messenger_ce_Acknowledger;
struct php_messenger_transport;
/* What a worker consuming messages hears from their Acknowledgers (owner: the worker). */
typedef struct php_messenger_consumer {
	void (*kept)(zend_object *owner, zend_object *ack);         /* a batch handler kept the message */
	void (*acknowledged)(zend_object *owner, zend_object *ack); /* a kept message's Acknowledger was called */
} php_messenger_consumer;
/* The message a worker is dispatching now, around the dispatch (push, then pop). */
typedef struct php_messenger_consuming {
	const php_messenger_consumer *consumer;
	zend_object *owner;
	const struct php_messenger_transport *receiver;
	zend_string *transport;
	zend_object *message;
	bool kept;                 /* a batch handler kept it */
	struct php_messenger_consuming *previous;
} php_messenger_consuming;
void php_messenger_consuming_push(php_messenger_consuming *c);
void php_messenger_consuming_pop(php_messenger_consuming *c);
/* after a bailout (a fatal error) unwound the frames the contexts lived in */
void php_messenger_consuming_reset(void);
typedef struct php_messenger_acknowledger {
	zend_string *handler;      /* the batch handler, for HandledStamp and messages */
	zval callback;             /* the Closure given to the constructor, or UNDEF */
	zend_object *batch;        /* the batch handler object, when a worker made it */
	zend_object *owner;        /* the worker that consumes the message, or NULL */
	const php_messenger_consumer *consumer;
	const struct php_messenger_transport *receiver; /* borrowed: the worker's settings hold it */
	zend_string *transport;
	zend_object *envelope;
	bool acknowledged;
	bool kept;                 /* returned without acknowledging: the worker settles it when called */
	zval result;
	zend_object *error;
	zend_object std;
} php_messenger_acknowledger;
static zend_always_inline php_messenger_acknowledger *php_messenger_ack_from(zend_object *obj)
{
	return (php_messenger_acknowledger *) ((char *) obj - XtOffsetOf(php_messenger_acknowledger, std));
}
/* An Acknowledger for a batch handler called while a worker dispatches message (NULL otherwise:
 * the handler handles it at once); after the call, true with the result or the error when it
 * acknowledged during the call, false when it kept the message. */
zend_object *php_messenger_batch_ack_new(zend_object *message, zend_string *handler, zend_object *batch, zend_object *envelope);
bool php_messenger_batch_ack_done(zend_object *ack, zval *result, zend_object **error);
/* Whether ack was called: then result (a copy) and error (a reference, or NULL) say how. */
bool php_messenger_batch_ack_result(zend_object *ack, zval *result, zend_object **error);


/* ---- bus ---- */
/* The bus named name (NULL: default) of buses; NULL with an InvalidArgumentException naming it. */
zend_object *php_messenger_bus_select(HashTable *buses, zend_string *default_bus, zend_string *name);
/* The bus a message asks for: the last BusNameStamp of stamps (may be NULL), else of message
 * when it is an Envelope; NULL when none (borrowed). */
zend_string *php_messenger_bus_name_of(zval *message, HashTable *stamps);
zend_object *php_messenger_bus_new(zend_string *name, zend_array *middleware);
/* Its middleware, in call order */
zend_array *php_messenger_bus_middleware(zend_object *bus);
/* Dispatch on a Bus object: message is an object or an Envelope; stamps may be NULL. */
zend_object *php_messenger_bus_dispatch(zend_object *bus, zval *message, HashTable *stamps);
/* the same for an envelope whose reference the caller hands over: when it was the only one, the
 * middleware add their stamps to it in place instead of copying it */
zend_object *php_messenger_bus_dispatch_envelope(zend_object *bus, zend_object *envelope);

/* ---- events (bus/events.c) ---- */
typedef enum {
	PHP_MESSENGER_EV_DISPATCHED,       /* a message entered a Messenger's bus: envelope */
	PHP_MESSENGER_EV_SENT,             /* sent to a transport: envelope, transport */
	PHP_MESSENGER_EV_STARTED,          /* a worker started */
	PHP_MESSENGER_EV_RECEIVED,         /* envelope, transport */
	PHP_MESSENGER_EV_HANDLED,          /* envelope, transport */
	PHP_MESSENGER_EV_FAILED,           /* envelope (or none: not readable), transport, error, will_retry */
	PHP_MESSENGER_EV_RETRYING,         /* sent again for a retry: envelope, transport, error, retry_count, delay_ms */
	PHP_MESSENGER_EV_RETRIED,          /* envelope, transport: after FAILED, for a message sent again */
	PHP_MESSENGER_EV_REMOVED,          /* no retry left: envelope, transport, error, retry_count */
	PHP_MESSENGER_EV_SENT_TO_FAILURE,  /* before it goes to the failure transport: envelope, transport, failure_transport */
	PHP_MESSENGER_EV_KEEPALIVE,        /* envelope, transport */
	PHP_MESSENGER_EV_KEEPALIVE_FAILED, /* envelope, transport, error */
	PHP_MESSENGER_EV_UNAVAILABLE,      /* a receiver's broker cannot be reached: transport, error, delay_ms (the wait before the next try) */
	PHP_MESSENGER_EV_AVAILABLE,        /* reached again: transport, delay_ms (how long it was not) */
	PHP_MESSENGER_EV_IDLE,
	PHP_MESSENGER_EV_STOPPED,
	PHP_MESSENGER_EV_WEBHOOK,          /* one attempt of a webhook delivery: result (a WebhookResult), envelope when a worker consumes it, error when it failed, will_retry: whether the failure is one a retry may mend */
	PHP_MESSENGER_EV_WEBHOOK_GONE,     /* an endpoint answered 410 Gone: result, envelope when known */
	PHP_MESSENGER_EV__COUNT
} php_messenger_event_type;

typedef struct php_messenger_event {
	php_messenger_event_type type;
	zend_object *envelope;
	zend_string *transport;
	zend_object *error;
	bool will_retry;
	zend_long retry_count;
	zend_long delay_ms;
	zend_string *failure_transport;
	zend_object *result;       /* what the event is about beside the envelope (a WebhookResult), or NULL */
} php_messenger_event;

/* false (or an exception left) stops the emitter: what it does next depends on the event */
typedef bool (*php_messenger_subscriber_fn)(void *ctx, const php_messenger_event *ev);
typedef struct php_messenger_subscriber {
	php_messenger_subscriber_fn fn;
	void *ctx;
	uint32_t mask; /* 1 << event type, for each event it wants */
	int rank;      /* called in rank order: the log first, then the console, then listeners */
} php_messenger_subscriber;
enum { PHP_MESSENGER_RANK_LOG, PHP_MESSENGER_RANK_CONSOLE, PHP_MESSENGER_RANK_LISTENERS, PHP_MESSENGER_RANK_OBSERVERS };
typedef struct php_messenger_events {
	uint32_t mask; /* what any subscriber wants */
	uint32_t count, cap;
	php_messenger_subscriber *items;
} php_messenger_events;

const char *php_messenger_event_name(php_messenger_event_type type);
/* the type of an event name; -1 with an InvalidArgumentException naming the known ones */
int php_messenger_event_index(zend_string *name);
void php_messenger_events_init(php_messenger_events *e);
void php_messenger_events_destroy(php_messenger_events *e);
/* adds (fn, ctx), or changes its mask when it is there already */
void php_messenger_events_subscribe(php_messenger_events *e, php_messenger_subscriber_fn fn, void *ctx, uint32_t mask, int rank);
void php_messenger_events_unsubscribe(php_messenger_events *e, php_messenger_subscriber_fn fn, void *ctx);
/* adds from's subscribers to to (their ctx must outlive to) */
void php_messenger_events_copy(php_messenger_events *to, const php_messenger_events *from);
bool php_messenger_events_dispatch(const php_messenger_events *e, const php_messenger_event *ev);
/* Calls the subscribers of ev's type; false when one failed (an exception is pending). */
static zend_always_inline bool php_messenger_emit(const php_messenger_events *e, const php_messenger_event *ev)
{
	return !(e->mask & (1u << ev->type)) || php_messenger_events_dispatch(e, ev);
}

/* PHP callables by event, a subscriber whose ctx is the php_messenger_listeners */
typedef struct php_messenger_listeners {
	zval lists[PHP_MESSENGER_EV__COUNT]; /* a list of callables, or UNDEF */
} php_messenger_listeners;
void php_messenger_listeners_init(php_messenger_listeners *l);
void php_messenger_listeners_destroy(php_messenger_listeners *l);
void php_messenger_listeners_gc(php_messenger_listeners *l, zend_get_gc_buffer *buf);
void php_messenger_listeners_add(php_messenger_listeners *l, int event, zval *listener);
/* the events that have listeners */
uint32_t php_messenger_listeners_mask(const php_messenger_listeners *l);
bool php_messenger_listeners_notify(void *ctx, const php_messenger_event *ev);
/* The configuration's "listeners" (event name => callable or list of them) added to l; false
 * with an exception naming what is wrong. */
bool php_messenger_listeners_from_config(php_messenger_listeners *l, zval *config);
/* A callable or a list of them into out (a list); false with an exception naming where. */
bool php_messenger_callables(zval *given, const char *where, zval *out);

#endif
