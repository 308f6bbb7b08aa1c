/* The transport area: one ops table per kind of transport, a handle that pairs a transport
 * object with its table, and the registry that maps DSN schemes to kinds.
 *
 * The worker, the console and the send middleware call every transport through its handle:
 * a native one straight into its C functions, one written in PHP through an adapter whose
 * methods were looked up once, when the handle was made. Only a transport's own files name its
 * class entry. */
#ifndef PHP_MESSENGER_TRANSPORT_H
#define PHP_MESSENGER_TRANSPORT_H

#include "php/serialization/serialization.h"

struct msgr_dsn;
struct msgr_message;
typedef struct php_messenger_transport php_messenger_transport;

extern zend_class_entry *php_messenger_ce_SenderInterface;
extern zend_class_entry *php_messenger_ce_ReceiverInterface;
extern zend_class_entry *php_messenger_ce_KeepaliveReceiverInterface;
extern zend_class_entry *php_messenger_ce_MessageCountAwareInterface;
extern zend_class_entry *php_messenger_ce_ListableReceiverInterface;
extern zend_class_entry *php_messenger_ce_QueueReceiverInterface;
extern zend_class_entry *php_messenger_ce_TransportInterface;
extern zend_class_entry *php_messenger_ce_BatchSenderInterface;
extern zend_class_entry *php_messenger_ce_SetupableTransportInterface;
extern zend_class_entry *php_messenger_ce_SendMessageMiddleware;

/* senders: name => SenderInterface; routing: the configuration's routing array (may be NULL);
 * events: where SENT goes (a Messenger's), or NULL. */
zend_object *php_messenger_send_middleware_new(HashTable *senders, HashTable *routing, const php_messenger_events *events);
/* dispatchAll: the send middleware collects instead of sending while a batch is open. */
typedef struct php_messenger_batch {
	HashTable per_sender; /* name => ['sender' => obj, 'envelopes' => list] */
} php_messenger_batch;
void php_messenger_send_middleware_set_batch(zend_object *send_mw, php_messenger_batch *batch);
/* the batch open now, or NULL */
php_messenger_batch *php_messenger_send_middleware_batch(zend_object *send_mw);
/* where SENT goes: the Messenger that owns the events clears it before it goes away (a bus it
 * made may outlive it) */
void php_messenger_send_middleware_set_events(zend_object *send_mw, const php_messenger_events *events);


/* What a transport can do beyond send, get, ack and reject: from the interfaces it implements. */
enum {
	PHP_MESSENGER_CAN_RECEIVE   = 1 << 0, /* ReceiverInterface */
	PHP_MESSENGER_CAN_QUEUES    = 1 << 1, /* QueueReceiverInterface */
	PHP_MESSENGER_CAN_KEEPALIVE = 1 << 2, /* KeepaliveReceiverInterface */
	PHP_MESSENGER_CAN_COUNT     = 1 << 3, /* MessageCountAwareInterface */
	PHP_MESSENGER_CAN_LIST      = 1 << 4, /* ListableReceiverInterface */
	PHP_MESSENGER_CAN_SETUP     = 1 << 5, /* SetupableTransportInterface */
	PHP_MESSENGER_CAN_SEND_ALL  = 1 << 6, /* BatchSenderInterface */
};

/* Every operation returns false (or NULL) with an exception. An operation a kind does not have
 * is NULL where a default is given below; the others are only called when the handle's caps say
 * the transport has them. */
typedef struct php_messenger_transport_ops {
	/* envelope's reference is consumed; an owned Envelope as sent */
	zend_object *(*send)(const php_messenger_transport *t, zend_object *envelope);
	/* count envelopes (borrowed, count >= 1): out gets the list of what was sent */
	bool (*send_all)(const php_messenger_transport *t, zend_object **list, uint32_t count, zval *out);
	/* what is ready to be handled, as an array in out; queues: their names, or NULL for all */
	bool (*get)(const php_messenger_transport *t, HashTable *queues, zval *out);
	bool (*settle)(const php_messenger_transport *t, zend_object *envelope, bool ack);
	/* a received message the worker will not handle now, back to its queue at once; NULL: the
	 * transport keeps it until it is settled, or delivers it again by itself */
	void (*release)(const php_messenger_transport *t, zend_object *envelope);
	/* writes what the transport holds back (a batch's acknowledgements); NULL: holds nothing */
	bool (*flush)(const php_messenger_transport *t);
	/* a worker reads from it: the next gets may return up to n messages (n >= 1) when its
	 * get_batch_size was not given, and acknowledgements may wait for the next read (or flush);
	 * n = 0: no worker reads from it any more (flushed first). NULL: it reads its own way */
	void (*read_ahead)(const php_messenger_transport *t, uint32_t n);
	/* the socket a worker waiting for messages waits on too (deliveries are pushed to it), or -1;
	 * *ready when messages can be read at once. NULL: the worker polls it with get */
	int (*wait_fd)(const php_messenger_transport *t, bool *ready);
	/* every how many ms a connection wants looking after while a handler runs (heartbeats to
	 * answer), 0: never; NULL: never */
	zend_long (*tend_interval_ms)(const php_messenger_transport *t);
	/* looks after it (between two opcodes of a handler): reads what came, answers heartbeats */
	void (*tend)(const php_messenger_transport *t);
	/* drops the caller's reference to an envelope the transport handed out or settled; NULL:
	 * OBJ_RELEASE */
	void (*let_go)(const php_messenger_transport *t, zend_object *envelope);
	/* seconds: NULL for the transport's own interval */
	bool (*keepalive)(const php_messenger_transport *t, zend_object *envelope, const zend_long *seconds);
	bool (*count)(const php_messenger_transport *t, zend_long *out);
	bool (*setup)(const php_messenger_transport *t);
	/* limit 0: all */
	bool (*all)(const php_messenger_transport *t, zend_long limit, zval *out);
	/* out: the Envelope, or null */
	bool (*find)(const php_messenger_transport *t, zval *id, zval *out);
	/* the serializer it decodes with (borrowed); NULL: none (it keeps objects) */
	zend_object *(*serializer)(const php_messenger_transport *t);
	/* caps the kind does not have although its class implements the interface */
	uint32_t lacks;
} php_messenger_transport_ops;

/* The methods of a transport written in PHP that the adapter calls. */
enum {
	PHP_MESSENGER_M_SEND, PHP_MESSENGER_M_SEND_ALL, PHP_MESSENGER_M_GET, PHP_MESSENGER_M_GET_FROM_QUEUES,
	PHP_MESSENGER_M_ACK, PHP_MESSENGER_M_REJECT, PHP_MESSENGER_M_KEEPALIVE, PHP_MESSENGER_M_COUNT,
	PHP_MESSENGER_M_SETUP, PHP_MESSENGER_M_ALL, PHP_MESSENGER_M_FIND, PHP_MESSENGER_M__COUNT
};

struct php_messenger_transport {
	const php_messenger_transport_ops *ops;
	zend_object *object;  /* the transport (a reference held by the handle) */
	uint32_t caps;        /* PHP_MESSENGER_CAN_* */
	zend_function *methods[PHP_MESSENGER_M__COUNT]; /* the adapter's, looked up once; NULL when absent */
};

/* What a kind's factory gets to build a transport from a DSN. */
typedef struct php_messenger_transport_args {
	zend_string *name;            /* the configuration's name for it, for messages */
	const struct msgr_dsn *dsn;   /* parsed */
	HashTable *options;           /* the configuration's options, or NULL */
	zend_object *messenger;       /* NULL outside a Messenger (Transport::fromDsn) */
	zend_object *serializer;      /* the transport's serializer */
	HashTable *connections;       /* the configuration's "connections", or NULL */
	zend_string *base_dir;        /* what relative paths resolve against (a Messenger's project_dir), or NULL: the current folder */
} php_messenger_transport_args;

/* One kind of native transport: its DSN schemes, its class and its operations. */
typedef struct php_messenger_transport_kind {
	const char *const *schemes;                 /* NULL-terminated */
	zend_class_entry *(*register_class)(void);  /* at MINIT; returns the class */
	/* builds one from a DSN into out; false with an exception */
	bool (*make)(zval *out, const php_messenger_transport_args *args);
	const php_messenger_transport_ops *ops;
	void (*shutdown)(void);                     /* at MSHUTDOWN, or NULL */
} php_messenger_transport_kind;

/* the handle of any TransportInterface (or SenderInterface) object: the object gets a reference */
php_messenger_transport *php_messenger_transport_wrap(zend_object *object);
void php_messenger_transport_free(php_messenger_transport *t);
/* a HashTable of name => handle (ZVAL_PTR) that frees them */
void php_messenger_transport_table_init(HashTable *ht, uint32_t size);

/* the calls the worker, the console and the middleware make; checks first what the handle's
 * caps say the transport cannot do, with Symfony's words */
zend_object *php_messenger_transport_send(const php_messenger_transport *t, zend_object *envelope);
bool php_messenger_transport_send_all(const php_messenger_transport *t, zend_object **list, uint32_t count, zval *out);
bool php_messenger_transport_get(const php_messenger_transport *t, zend_string *name, HashTable *queues, zval *out);
bool php_messenger_transport_settle(const php_messenger_transport *t, zend_object *envelope, bool ack);
void php_messenger_transport_release(const php_messenger_transport *t, zend_object *envelope);
bool php_messenger_transport_flush(const php_messenger_transport *t);
void php_messenger_transport_read_ahead(const php_messenger_transport *t, uint32_t n);
void php_messenger_transport_let_go(const php_messenger_transport *t, zend_object *envelope);
bool php_messenger_transport_keepalive(const php_messenger_transport *t, zend_object *envelope, zend_long seconds);
zend_object *php_messenger_transport_serializer_of(const php_messenger_transport *t);
/* false with Symfony's RuntimeException when it cannot read by queue name (name: the transport's) */
bool php_messenger_transport_check_queues(const php_messenger_transport *t, zend_string *name);

/* Builds a transport from a configuration entry (DSN string, object, or ['dsn' => ...]).
 * messenger may be NULL (Transport::fromDsn); connections: the configuration's, may be NULL. */
bool php_messenger_transport_from_config(zval *out, zend_string *name, zval *config, zend_object *messenger, zend_object *serializer, HashTable *connections, zend_string *base_dir);

/* For the kinds' factories: the DSN's query keys and the options' keys must all be in known
 * (NULL-terminated; list is how a message shows them); a boolean option from either (the
 * options win). False with an InvalidArgumentException naming the transport. */
bool php_messenger_transport_known_options(const php_messenger_transport_args *args, const char *const *known, const char *list);
bool php_messenger_transport_option_flag(const php_messenger_transport_args *args, const char *key, bool *value);
/* The pending exception again, of the same class, its message after "transports["name"]: ". */
void php_messenger_transport_name_error(zend_string *name);

/* The methods every native transport has, in terms of its ops table: its ZEND_METHODs call
 * these, so a method and the worker's call run the same code. */
void php_messenger_transport_method_send(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_send_all(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_get(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_get_from_queues(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_settle(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops, bool ack);
void php_messenger_transport_method_keepalive(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_count(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_setup(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_all(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);
void php_messenger_transport_method_find(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops);

/* One standard method of a native transport class, e.g.
 * PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_Sync_SyncTransport, send, send, &sync_ops);
 * ack and reject are PHP_MESSENGER_TRANSPORT_SETTLE(cls, ack, true, ops). */
#define PHP_MESSENGER_TRANSPORT_METHOD(cls, name, op, ops) \
	ZEND_METHOD(cls, name) { php_messenger_transport_method_##op(INTERNAL_FUNCTION_PARAM_PASSTHRU, ops); }
#define PHP_MESSENGER_TRANSPORT_SETTLE(cls, name, ack, ops) \
	ZEND_METHOD(cls, name) { php_messenger_transport_method_settle(INTERNAL_FUNCTION_PARAM_PASSTHRU, ops, ack); }

/* A broker transport's initialisation from a parsed DSN, its options and serializer (NULL: the
 * default); false with an exception. */
typedef bool (*php_messenger_transport_init_fn)(zend_object *obj, HashTable *options, const struct msgr_dsn *dsn, zend_object *serializer);
/* __construct(string $dsn, array $options = [], ?SerializerInterface $serializer = null) of a
 * broker transport: once only (constructed: it was already), the DSN parsed ("Invalid <what>
 * DSN: ..."), then init. */
void php_messenger_transport_method_construct(INTERNAL_FUNCTION_PARAMETERS, bool constructed, const char *what, php_messenger_transport_init_fn init);
/* A kind's make for a broker transport: an object of ce made by init from args; on failure the
 * message names the transport (the core's words after its name). */
bool php_messenger_transport_make_with(zval *out, const php_messenger_transport_args *args, zend_class_entry *ce, php_messenger_transport_init_fn init);

/* An ops->send for a kind that sends one message as a batch of one (its send_all). */
zend_object *php_messenger_transport_send_as_batch(const php_messenger_transport *t, zend_object *envelope);

/* Encoded messages for a core transport. An Envelope encoded by serializer, lent to m: holder
 * keeps what m points into (zval_ptr_dtor() it, and efree(m->headers), when m is sent); false
 * with an exception (a serializer that returned something else than a string body and string
 * headers keyed by name is a LogicException). */
bool php_messenger_encode_lent(zend_object *serializer, zend_object *envelope, zval *holder, struct msgr_message *m);
/* A received message as a serializer's input: ['body' => ..., 'headers' => [...]]. */
void php_messenger_encoded_of(const struct msgr_message *m, zval *out);

/* the ops of a transport written in PHP (adapter.c) */
extern const php_messenger_transport_ops php_messenger_transport_adapter_ops;

/* MINIT of the area: the interfaces, then every kind of the registry; MSHUTDOWN; the kinds
 * this build has, for phpinfo() ("doctrine, redis, ...") */
void php_messenger_register_transport(void);
void php_messenger_shutdown_transport(void);
zend_string *php_messenger_transport_kinds(void);

#endif
