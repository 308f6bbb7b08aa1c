/* What the binding's files share: class entries, the Envelope and stamp primitives the C
 * middleware uses, and the one place that turns an error into an exception. */
#ifndef PHP_MESSENGER_INTERNAL_H
#define PHP_MESSENGER_INTERNAL_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"

/* MINIT of each area, called in dependency order from php_messenger.c */
void php_messenger_register_envelope(void);
void php_messenger_register_stamps(void);
void php_messenger_register_exceptions(void);
void php_messenger_register_middleware(void);
void php_messenger_register_bus(void);
void php_messenger_register_handlers(void);
void php_messenger_register_serializer(void);
void php_messenger_register_worker(void);
void php_messenger_shutdown_serializer(void);
void php_messenger_register_messenger(void);

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
extern zend_class_entry *php_messenger_ce_MessageDecodingFailedStamp;

extern zend_class_entry *php_messenger_ce_ExceptionInterface;
extern zend_class_entry *php_messenger_ce_LogicException;
extern zend_class_entry *php_messenger_ce_RuntimeException;
extern zend_class_entry *php_messenger_ce_InvalidArgumentException;
extern zend_class_entry *php_messenger_ce_HandlerFailedException;
extern zend_class_entry *php_messenger_ce_NoHandlerForMessageException;
extern zend_class_entry *php_messenger_ce_DelayedMessageHandlingException;
extern zend_class_entry *php_messenger_ce_TransportException;
extern zend_class_entry *php_messenger_ce_MessageDecodingFailedException;
extern zend_class_entry *php_messenger_ce_UnrecoverableMessageHandlingException;
extern zend_class_entry *php_messenger_ce_RecoverableMessageHandlingException;
extern zend_class_entry *php_messenger_ce_RecoverableExceptionInterface;
extern zend_class_entry *php_messenger_ce_UnrecoverableExceptionInterface;
extern zend_class_entry *php_messenger_ce_StopWorkerExceptionInterface;
extern zend_class_entry *php_messenger_ce_WrappedExceptionsInterface;

extern zend_class_entry *php_messenger_ce_SerializerInterface;
extern zend_class_entry *php_messenger_ce_PhpSerializer;
extern zend_class_entry *php_messenger_ce_JsonSerializer;
extern zend_class_entry *php_messenger_ce_UndecodableMessage;

extern zend_class_entry *php_messenger_ce_MiddlewareInterface;
extern zend_class_entry *php_messenger_ce_StackInterface;
extern zend_class_entry *php_messenger_ce_StackMiddleware;
extern zend_class_entry *php_messenger_ce_AddBusNameStampMiddleware;
extern zend_class_entry *php_messenger_ce_DispatchAfterCurrentBusMiddleware;
extern zend_class_entry *php_messenger_ce_SendMessageMiddleware;
extern zend_class_entry *php_messenger_ce_HandleMessageMiddleware;

extern zend_class_entry *php_messenger_ce_MessageBusInterface;
extern zend_class_entry *php_messenger_ce_MessageBus;

extern zend_class_entry *php_messenger_ce_AsMessageHandler;

extern zend_class_entry *php_messenger_ce_SenderInterface;
extern zend_class_entry *php_messenger_ce_ReceiverInterface;
extern zend_class_entry *php_messenger_ce_KeepaliveReceiverInterface;
extern zend_class_entry *php_messenger_ce_MessageCountAwareInterface;
extern zend_class_entry *php_messenger_ce_ListableReceiverInterface;
extern zend_class_entry *php_messenger_ce_QueueReceiverInterface;
extern zend_class_entry *php_messenger_ce_TransportInterface;
extern zend_class_entry *php_messenger_ce_BatchSenderInterface;
extern zend_class_entry *php_messenger_ce_SetupableTransportInterface;

extern zend_class_entry *php_messenger_ce_Messenger;

/* ---- errors (php_messenger_util.c) ---- */
/* Throws a Messenger exception of class ce with a printf-formatted message. */
void php_messenger_throw(zend_class_entry *ce, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
/* Moves the pending exception into *out (an owned reference) unless it is exit(), which
 * must keep unwinding. Returns false when there is nothing to take. */
bool php_messenger_take_exception(zend_object **out);
/* The key a message type is registered and looked up under: lower-cased, no leading "\\". */
zend_string *php_messenger_type_key(const char *name, size_t len);
/* Finds the first key of ht that is not in known (NULL-terminated): *unknown is that key, or
 * NULL for an integer key. */
bool php_messenger_find_unknown_key(HashTable *ht, const char *const *known, zend_string **unknown);
/* $throwable->message, ->code...: read through Exception or Error, whichever it extends. */
zval *php_messenger_throwable_prop(zend_object *throwable, zend_string *name, zval *rv);
/* "a, b, c" of the string keys of ht, or "none". */
zend_string *php_messenger_names_of(HashTable *ht);
/* Milliseconds of the monotonic clock: for waits and limits, never for dates. */
zend_long php_messenger_monotonic_ms(void);
/* An array of what an iterable yields (keys dropped); false with an exception. */
bool php_messenger_iterable_to_array(zval *iterable, zval *out);
/* A method's return value made an array in place: an array stays, a Traversable (a generator)
 * is read to its end; anything else is a LogicException naming from::method(). False (rv
 * undefined) with an exception. */
bool php_messenger_iterable_result(zval *rv, zend_object *from, const char *method);
/* ListableReceiverInterface::all()'s ?int $limit: null or at least 1; false with a ValueError. */
bool php_messenger_limit_arg(zend_long limit, bool limit_null);
/* Reads a declared property by slot, bypassing visibility: for our own classes only. */
#define PHP_MESSENGER_PROP(obj, n) OBJ_PROP_NUM((obj), (n))

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
/* senders: name => SenderInterface; routing: the configuration's routing array (may be NULL). */
zend_object *php_messenger_send_middleware_new(HashTable *senders, HashTable *routing);
/* Adds the (lower-cased) message types the handlers of a HandleMessageMiddleware handle to out. */
void php_messenger_handle_middleware_types(zend_object *handle_mw, HashTable *out);
/* The handler registry of a HandleMessageMiddleware; NULL for any other middleware. */
struct php_messenger_handlers *php_messenger_handle_middleware_handlers(zend_object *mw);
/* handlers: the configuration's handlers; bus_name filters handlers with a `bus` option. */
zend_object *php_messenger_handle_middleware_new(HashTable *handlers, bool allow_no_handlers, zend_string *bus_name);

/* dispatchAll: the send middleware collects instead of sending while a batch is open. */
typedef struct php_messenger_batch {
	HashTable per_sender; /* name => ['sender' => obj, 'envelopes' => list] */
} php_messenger_batch;
void php_messenger_send_middleware_set_batch(zend_object *send_mw, php_messenger_batch *batch);

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
void php_messenger_register_acknowledger(void);
void php_messenger_register_traits(void);
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

/* ---- serializers (php_messenger_serializer.c, php_messenger_json.c) ---- */
/* The classes a serializer may instantiate when decoding. */
typedef struct php_messenger_allow {
	bool any;           /* allowed_classes: true */
	HashTable names;    /* lower-cased class names listed, and those their typed properties name */
	HashTable prefixes; /* lower-cased "ns\\" of "Ns\\*" entries */
	HashTable checked;  /* lower-cased names found allowed and loaded */
	HashTable resolved; /* exact names found allowed => class entry (a bounded cache) */
	HashTable noted;    /* exact names let through to PHP's unserializer (bounded) */
	HashTable unserializable; /* their lower-cased names: unserialize()'s own allow-list */
} php_messenger_allow;

typedef struct php_messenger_serializer {
	php_messenger_allow allow;
	zend_object std;
} php_messenger_serializer;

void php_messenger_allow_init(php_messenger_allow *a);
void php_messenger_allow_destroy(php_messenger_allow *a);
/* Adds a class name, or "Ns\\*" for a namespace. */
void php_messenger_allow_add(php_messenger_allow *a, zend_string *name);
/* Applies an "allowed_classes" option (true or a list); false with an exception naming owner. */
bool php_messenger_allow_option(php_messenger_allow *a, zval *option, const char *owner);
/* The class, loaded, when decoding may instantiate it: listed, under a listed namespace,
 * extending or implementing a listed type, named by a typed property of an allowed class, or
 * one of PHP's date classes and stdClass. Else NULL, with reason filled. */
zend_class_entry *php_messenger_allow_class(php_messenger_allow *a, const char *name, size_t len, char *reason, size_t reason_size);
php_messenger_serializer *php_messenger_serializer_of(zend_object *obj);
/* A PhpSerializer or JsonSerializer allowing the class names that are keys of allowed (may be NULL). */
zend_object *php_messenger_serializer_new(zend_class_entry *ce, HashTable *allowed);
/* Our stamp class for our name or Symfony's (*symfony says which matched), or NULL. */
zend_class_entry *php_messenger_stamp_by_name(const char *name, size_t len, bool *symfony);
/* Symfony's name for one of our stamp classes, or NULL. */
const char *php_messenger_stamp_symfony_name(zend_class_entry *ce);
/* Whether stamps of this class are written to the wire. */
bool php_messenger_stamp_travels(zend_class_entry *ce);
/* Throws MessageDecodingFailedException; previous (consumed) may be NULL. */
void php_messenger_decoding_failed(zend_object *previous, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
zend_string *php_messenger_php_encode(zend_object *envelope);
/* The same through serialize() and the core rewrite only (the fast path's reference). */
zend_string *php_messenger_php_encode_general(zend_object *envelope);
/* serialize() of an envelope under Symfony's names for common shapes; NULL: use the general path. */
zend_string *php_messenger_phpwire_write(zend_object *envelope);
/* Builds the Envelope from unescaped serialize() text under the rewrite's rules (a
 * msgr_phpser_rules_t): 1 with *out set, or 0 when only the general path can (nothing left
 * behind: no exception, no destructor run). */
struct msgr_phpser_rules;
/* The class the decoding rules' last class_fn call resolved (NULL when it did not look one up). */
zend_class_entry *php_messenger_decoded_class(void *ctx);
int php_messenger_phpwire_read(const char *in, size_t len, const struct msgr_phpser_rules *rules, zval *out);
zend_object *php_messenger_php_decode(php_messenger_allow *allow, HashTable *encoded);
/* Encodes through any SerializerInterface (ours without a PHP frame); false with an exception. */
bool php_messenger_serializer_encode(zend_object *serializer, zend_object *envelope, zval *encoded);
/* Decodes through any SerializerInterface: an owned Envelope, or NULL with an exception. */
zend_object *php_messenger_serializer_decode(zend_object *serializer, zval *encoded);
/* What a transport received, decoded by serializer; when that fails with a
 * MessageDecodingFailedException (or serializer is NULL: one is pending, the entry could not even
 * be read), that is taken and the Envelope is of an UndecodableMessage with the body, the
 * headers and the reason, which the worker sends to the failure transport. NULL, leaving the
 * exception, for any other exception. */
zend_object *php_messenger_decode_received(zend_object *serializer, zval *encoded);
/* given (a new reference), or the default: a PhpSerializer */
zend_object *php_messenger_serializer_or_default(zend_object *given);
/* Adds a class (or "Ns\\*") to the allow-list of one of our serializers; nothing for others. */
void php_messenger_serializer_allow(zend_object *serializer, zend_string *name);
/* JSON: fills encoded with body and headers; false with an exception. */
bool php_messenger_json_encode(zend_object *envelope, zval *encoded);
zend_object *php_messenger_json_decode(php_messenger_allow *allow, HashTable *encoded);

/* ---- messenger (messenger/messenger.c), for the console ---- */
/* A configured transport's handle (borrowed), or NULL. */
struct php_messenger_transport;
struct php_messenger_transport *php_messenger_messenger_transport(zend_object *messenger, zend_string *name);
/* The failure transport of a transport (its own, else the global one), or NULL. */
zend_string *php_messenger_messenger_failure(zend_object *messenger, zend_string *transport);
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
void php_messenger_register_console(void);
/* The transports of a Messenger, in configuration order (borrowed table of name => handle). */
HashTable *php_messenger_messenger_transports(zend_object *messenger);
/* name => Bus */
HashTable *php_messenger_messenger_buses(zend_object *messenger);
/* A MultiplierRetryStrategy from a configuration array; NULL with an exception naming where. */
zend_object *php_messenger_retry_from_config(HashTable *config, const char *where);

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

#endif
