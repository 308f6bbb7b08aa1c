/* Messenger\Transport\*: the transport interfaces, in-memory:// and sync://, and the one
 * function that builds a transport from a configuration entry. */
#include "php_messenger_internal.h"
#include "core/msgr_dsn.h"
#include "transport_arginfo.h"

#include <sys/time.h>

zend_class_entry *php_messenger_ce_SenderInterface;
zend_class_entry *php_messenger_ce_ReceiverInterface;
zend_class_entry *php_messenger_ce_KeepaliveReceiverInterface;
zend_class_entry *php_messenger_ce_MessageCountAwareInterface;
zend_class_entry *php_messenger_ce_ListableReceiverInterface;
zend_class_entry *php_messenger_ce_QueueReceiverInterface;
zend_class_entry *php_messenger_ce_TransportInterface;
zend_class_entry *php_messenger_ce_BatchSenderInterface;
zend_class_entry *php_messenger_ce_SetupableTransportInterface;
zend_class_entry *php_messenger_ce_InMemoryTransport;
zend_class_entry *php_messenger_ce_SyncTransport;

/* declared property slots of InMemoryTransport */
enum { MEM_SENT, MEM_ACKED, MEM_REJECTED, MEM_QUEUE, MEM_AVAILABLE_AT, MEM_NEXT_ID, MEM_SERIALIZER };

static zend_long now_ms(void)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	return (zend_long) tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static zval *mem_array(zend_object *self, int slot)
{
	zval *arr = PHP_MESSENGER_PROP(self, slot);
	SEPARATE_ARRAY(arr);
	return arr;
}

/* Drops a reference to an object a list of the transport still holds: without offering it to
 * the cycle collector, which could only find it alive. Released as usual when it turns out to be
 * the last reference. */
static void release_held(zend_object *obj)
{
	if (GC_REFCOUNT(obj) > 1) {
		GC_DELREF(obj);
	} else {
		OBJ_RELEASE(obj);
	}
}

/* {{{ InMemoryTransport */
static zend_object *mem_send(zend_object *self, zend_object *envelope)
{
	zval *next = PHP_MESSENGER_PROP(self, MEM_NEXT_ID);
	zend_long id = Z_LVAL_P(next);
	ZVAL_LONG(next, id + 1);

	zval arg;
	ZVAL_LONG(&arg, id);
	envelope = php_messenger_envelope_with_id(envelope, &arg);

	zval env;
	zval *serializer = PHP_MESSENGER_PROP(self, MEM_SERIALIZER);
	if (Z_TYPE_P(serializer) == IS_OBJECT) {
		/* what a real transport would hand back: the envelope through the wire format */
		zval encoded;
		if (!php_messenger_serializer_encode(Z_OBJ_P(serializer), envelope, &encoded)) {
			OBJ_RELEASE(envelope);
			return NULL;
		}
		zend_object *copy = php_messenger_serializer_decode(Z_OBJ_P(serializer), &encoded);
		zval_ptr_dtor(&encoded);
		if (!copy) {
			OBJ_RELEASE(envelope);
			return NULL;
		}
		ZVAL_OBJ(&env, copy);
	} else {
		ZVAL_OBJ_COPY(&env, envelope);
	}
	zend_hash_next_index_insert(Z_ARRVAL_P(mem_array(self, MEM_SENT)), &env);
	Z_ADDREF(env);
	zend_hash_index_update(Z_ARRVAL_P(mem_array(self, MEM_QUEUE)), id, &env);

	zend_object *delay = php_messenger_envelope_last(envelope, php_messenger_ce_DelayStamp);
	if (delay && Z_LVAL_P(php_messenger_stamp_prop(delay, 0)) > 0) {
		zval at;
		ZVAL_LONG(&at, now_ms() + Z_LVAL_P(php_messenger_stamp_prop(delay, 0)));
		zend_hash_index_update(Z_ARRVAL_P(mem_array(self, MEM_AVAILABLE_AT)), id, &at);
	}
	return envelope;
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, __construct)
{
	zend_object *serializer = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(serializer, php_messenger_ce_SerializerInterface)
	ZEND_PARSE_PARAMETERS_END();
	if (serializer) {
		zval *slot = PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), MEM_SERIALIZER);
		zval_ptr_dtor(slot);
		ZVAL_OBJ_COPY(slot, serializer);
	}
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, send)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	GC_ADDREF(envelope);
	zend_object *sent = mem_send(Z_OBJ_P(ZEND_THIS), envelope);
	if (!sent) {
		RETURN_THROWS();
	}
	RETURN_OBJ(sent);
}

static bool mem_send_all(zend_object *self, zend_object **list, uint32_t count, zval *out)
{
	array_init_size(out, count);
	for (uint32_t i = 0; i < count; i++) {
		GC_ADDREF(list[i]);
		zend_object *result = mem_send(self, list[i]);
		if (!result) {
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			return false;
		}
		zval sent;
		ZVAL_OBJ(&sent, result);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &sent);
	}
	return true;
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, sendAll)
{
	php_messenger_send_all(INTERNAL_FUNCTION_PARAM_PASSTHRU, mem_send_all);
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, get)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	HashTable *queue = Z_ARRVAL_P(PHP_MESSENGER_PROP(self, MEM_QUEUE));
	HashTable *available_at = Z_ARRVAL_P(PHP_MESSENGER_PROP(self, MEM_AVAILABLE_AT));
	zend_long now = now_ms();
	array_init(return_value);
	zend_ulong id;
	zval *env;
	ZEND_HASH_FOREACH_NUM_KEY_VAL(queue, id, env) {
		zval *at = zend_hash_index_find(available_at, id);
		if (at && Z_LVAL_P(at) > now) {
			continue;
		}
		Z_ADDREF_P(env);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(return_value), env);
	} ZEND_HASH_FOREACH_END();
}

/* ack and reject: record, then drop from the queue by TransportMessageIdStamp. */
static bool mem_settle_envelope(zend_object *self, zend_object *envelope, int slot)
{
	zend_object *id = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	if (!id) {
		php_messenger_throw(php_messenger_ce_LogicException,
			"No TransportMessageIdStamp found on the Envelope: it was not received from this InMemoryTransport");
		return false;
	}
	zval env;
	ZVAL_OBJ_COPY(&env, envelope);
	zend_hash_next_index_insert(Z_ARRVAL_P(mem_array(self, slot)), &env);
	zval *key = php_messenger_stamp_prop(id, 0);
	if (Z_TYPE_P(key) == IS_LONG) {
		HashTable *queue = Z_ARRVAL_P(mem_array(self, MEM_QUEUE));
		zval *queued = zend_hash_index_find(queue, Z_LVAL_P(key));
		if (queued) {
			/* what the queue holds is also in the sent list */
			release_held(Z_OBJ_P(queued));
			ZVAL_NULL(queued);
			zend_hash_index_del(queue, Z_LVAL_P(key));
		}
		zend_hash_index_del(Z_ARRVAL_P(mem_array(self, MEM_AVAILABLE_AT)), Z_LVAL_P(key));
	}
	return true;
}

static void mem_settle(INTERNAL_FUNCTION_PARAMETERS, int slot)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	if (!mem_settle_envelope(Z_OBJ_P(ZEND_THIS), envelope, slot)) {
		RETURN_THROWS();
	}
}

zend_object *php_messenger_transport_serializer(zend_object *transport)
{
	if (transport->ce == php_messenger_ce_InMemoryTransport) {
		zval *serializer = PHP_MESSENGER_PROP(transport, MEM_SERIALIZER);
		return Z_TYPE_P(serializer) == IS_OBJECT ? Z_OBJ_P(serializer) : NULL;
	}
	if (transport->ce == php_messenger_ce_RedisTransport) {
		return php_messenger_redis_serializer(transport);
	}
	return transport->ce == php_messenger_ce_DoctrineTransport ? php_messenger_doctrine_serializer(transport) : NULL;
}

void php_messenger_receiver_release(zend_object *receiver, zend_object *envelope)
{
	/* an in-memory transport keeps a message in its queue until it is settled */
	if (receiver->ce == php_messenger_ce_DoctrineTransport) {
		php_messenger_doctrine_release(receiver, envelope);
	} else if (receiver->ce == php_messenger_ce_RedisTransport) {
		php_messenger_redis_release(receiver, envelope);
	}
}

/* sendAll()'s argument as a list of its Envelopes (emalloc'd; the objects borrowed), *count of
 * them; NULL with a TypeError when it holds anything else (and for none, with *count 0 and no error). */
static zend_object **envelopes_arg(HashTable *envelopes, uint32_t *count)
{
	*count = zend_hash_num_elements(envelopes);
	if (*count == 0) {
		return NULL;
	}
	zend_object **list = safe_emalloc(*count, sizeof(zend_object *), 0);
	uint32_t i = 0;
	zend_ulong index;
	zend_string *key;
	zval *env;
	ZEND_HASH_FOREACH_KEY_VAL(envelopes, index, key, env) {
		ZVAL_DEREF(env);
		if (Z_TYPE_P(env) != IS_OBJECT || Z_OBJCE_P(env) != php_messenger_ce_Envelope) {
			const char *what = Z_TYPE_P(env) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(env)->name) : zend_zval_type_name(env);
			if (key) {
				zend_argument_type_error(1, "must contain only Messenger\\Envelope objects, %s given at key %s", what, ZSTR_VAL(key));
			} else {
				zend_argument_type_error(1, "must contain only Messenger\\Envelope objects, %s given at index " ZEND_ULONG_FMT, what, index);
			}
			efree(list);
			return NULL;
		}
		list[i++] = Z_OBJ_P(env);
	} ZEND_HASH_FOREACH_END();
	return list;
}

void php_messenger_send_all(INTERNAL_FUNCTION_PARAMETERS, php_messenger_send_fn send)
{
	HashTable *envelopes;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(envelopes)
	ZEND_PARSE_PARAMETERS_END();
	uint32_t count;
	zend_object **list = envelopes_arg(envelopes, &count);
	if (!list) {
		if (count) {
			RETURN_THROWS();
		}
		RETURN_EMPTY_ARRAY();
	}
	bool ok = send(Z_OBJ_P(ZEND_THIS), list, count, return_value);
	efree(list);
	if (!ok) {
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}

void php_messenger_receiver_let_go(zend_object *receiver, zend_object *envelope)
{
	if (receiver->ce == php_messenger_ce_InMemoryTransport) {
		release_held(envelope); /* in its sent list, and once settled in its acknowledged or rejected one */
	} else {
		OBJ_RELEASE(envelope);
	}
}

bool php_messenger_receiver_flush(zend_object *receiver)
{
	if (receiver->ce == php_messenger_ce_RedisTransport) {
		return php_messenger_redis_flush(receiver);
	}
	return receiver->ce != php_messenger_ce_DoctrineTransport || php_messenger_doctrine_flush(receiver);
}

bool php_messenger_receiver_settle(zend_object *receiver, zend_object *envelope, bool ack)
{
	if (receiver->ce == php_messenger_ce_InMemoryTransport) {
		return mem_settle_envelope(receiver, envelope, ack ? MEM_ACKED : MEM_REJECTED);
	}
	zval env, rv;
	ZVAL_OBJ(&env, envelope);
	if (ack) {
		zend_call_method_with_1_params(receiver, receiver->ce, NULL, "ack", &rv, &env);
	} else {
		zend_call_method_with_1_params(receiver, receiver->ce, NULL, "reject", &rv, &env);
	}
	zval_ptr_dtor(&rv);
	return !EG(exception);
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, ack)
{
	mem_settle(INTERNAL_FUNCTION_PARAM_PASSTHRU, MEM_ACKED);
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, reject)
{
	mem_settle(INTERNAL_FUNCTION_PARAM_PASSTHRU, MEM_REJECTED);
}

ZEND_METHOD(Messenger_Transport_InMemoryTransport, getMessageCount)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(zend_hash_num_elements(Z_ARRVAL_P(PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), MEM_QUEUE))));
}

#define MEM_GETTER(method, slot) \
	ZEND_METHOD(Messenger_Transport_InMemoryTransport, method) \
	{ \
		ZEND_PARSE_PARAMETERS_NONE(); \
		RETURN_COPY(PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), slot)); \
	}

MEM_GETTER(getSent, MEM_SENT)
MEM_GETTER(getAcknowledged, MEM_ACKED)
MEM_GETTER(getRejected, MEM_REJECTED)

ZEND_METHOD(Messenger_Transport_InMemoryTransport, reset)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	for (int slot = MEM_SENT; slot <= MEM_AVAILABLE_AT; slot++) {
		zval *arr = PHP_MESSENGER_PROP(self, slot);
		zval_ptr_dtor(arr);
		ZVAL_EMPTY_ARRAY(arr);
	}
}
/* }}} */

/* {{{ SyncTransport */
static zend_object *sync_send(zend_object *self, zend_object *envelope)
{
	zend_object *sent = php_messenger_envelope_last(envelope, php_messenger_ce_SentStamp);
	zval alias;
	if (sent && Z_TYPE_P(php_messenger_stamp_prop(sent, 1)) == IS_STRING) {
		ZVAL_COPY(&alias, php_messenger_stamp_prop(sent, 1));
	} else if (sent) {
		ZVAL_COPY(&alias, php_messenger_stamp_prop(sent, 0));
	} else {
		ZVAL_STRINGL(&alias, "sync", 4);
	}
	zend_object *received = php_messenger_stamp_new(php_messenger_ce_ReceivedStamp, 1, &alias);
	zval_ptr_dtor(&alias);
	envelope = php_messenger_envelope_with(envelope, received);
	OBJ_RELEASE(received);

	zval *bus = PHP_MESSENGER_PROP(self, 0);
	if (Z_TYPE_P(bus) != IS_OBJECT) {
		OBJ_RELEASE(envelope);
		zend_throw_error(NULL, "Messenger\\Transport\\SyncTransport was not constructed");
		return NULL;
	}
	zval env;
	ZVAL_OBJ(&env, envelope);
	zend_object *result;
	if (Z_OBJCE_P(bus) == php_messenger_ce_Bus) {
		result = php_messenger_bus_dispatch(Z_OBJ_P(bus), &env, NULL);
	} else {
		zval rv;
		zend_call_method_with_1_params(Z_OBJ_P(bus), Z_OBJCE_P(bus), NULL, "dispatch", &rv, &env);
		result = !EG(exception) && Z_TYPE(rv) == IS_OBJECT && Z_OBJCE(rv) == php_messenger_ce_Envelope ? Z_OBJ(rv) : NULL;
		if (!result) {
			zval_ptr_dtor(&rv);
		}
	}
	OBJ_RELEASE(envelope);
	return result;
}

ZEND_METHOD(Messenger_Transport_SyncTransport, __construct)
{
	zend_object *bus;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(bus, php_messenger_ce_MessageBusInterface)
	ZEND_PARSE_PARAMETERS_END();
	zval *slot = PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), 0);
	zval_ptr_dtor(slot);
	ZVAL_OBJ_COPY(slot, bus);
}

ZEND_METHOD(Messenger_Transport_SyncTransport, send)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	GC_ADDREF(envelope);
	zend_object *result = sync_send(Z_OBJ_P(ZEND_THIS), envelope);
	if (!result) {
		RETURN_THROWS();
	}
	RETURN_OBJ(result);
}

static void sync_cannot_receive(void)
{
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"You cannot receive messages from the Messenger SyncTransport: it handles them when they are sent");
}

ZEND_METHOD(Messenger_Transport_SyncTransport, get)
{
	ZEND_PARSE_PARAMETERS_NONE();
	sync_cannot_receive();
}

ZEND_METHOD(Messenger_Transport_SyncTransport, ack)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	sync_cannot_receive();
}

ZEND_METHOD(Messenger_Transport_SyncTransport, reject)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	sync_cannot_receive();
}
/* }}} */

zend_object *php_messenger_sender_send(zend_object *sender, zend_object *envelope)
{
	if (sender->ce == php_messenger_ce_InMemoryTransport) {
		return mem_send(sender, envelope);
	}
	if (sender->ce == php_messenger_ce_SyncTransport) {
		return sync_send(sender, envelope);
	}
	if (sender->ce == php_messenger_ce_DoctrineTransport) {
		return php_messenger_doctrine_send(sender, envelope);
	}
	zval env, rv;
	ZVAL_OBJ(&env, envelope);
	zend_call_method_with_1_params(sender, sender->ce, NULL, "send", &rv, &env);
	OBJ_RELEASE(envelope);
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		return NULL;
	}
	if (Z_TYPE(rv) != IS_OBJECT || Z_OBJCE(rv) != php_messenger_ce_Envelope) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s::send() must return a Messenger\\Envelope, %s returned",
			ZSTR_VAL(sender->ce->name), zend_zval_type_name(&rv));
		zval_ptr_dtor(&rv);
		return NULL;
	}
	return Z_OBJ(rv);
}

static const char *const transport_keys[] = { "dsn", "options", "serializer", "retry_strategy", "failure_transport", "rate_limiter", NULL };

/* A boolean transport option, from the DSN's query or the options array (which wins). */
static bool option_flag(const msgr_dsn_t *dsn, zval *options, const char *key, bool *value, zend_string *transport)
{
	zval *opt = options ? zend_hash_str_find_deref(Z_ARRVAL_P(options), key, strlen(key)) : NULL;
	if (opt) {
		if (Z_TYPE_P(opt) != IS_TRUE && Z_TYPE_P(opt) != IS_FALSE) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: the option \"%s\" must be a boolean, %s given", ZSTR_VAL(transport), key, zend_zval_type_name(opt));
			return false;
		}
		*value = Z_TYPE_P(opt) == IS_TRUE;
		return true;
	}
	const char *text = msgr_dsn_param(dsn, key);
	if (!text) {
		return true;
	}
	if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0) {
		*value = true;
	} else if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0) {
		*value = false;
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"]: the option \"%s\" must be true or false, \"%s\" given", ZSTR_VAL(transport), key, text);
		return false;
	}
	return true;
}

/* The DSN's query keys and the options' keys must all be known to the transport. */
static bool known_options(const msgr_dsn_t *dsn, zval *options, const char *const *known, const char *list, zend_string *transport)
{
	for (size_t i = 0; i < dsn->param_count; i++) {
		bool found = false;
		for (const char *const *k = known; *k && !found; k++) {
			found = strcmp(*k, dsn->params[i].key) == 0;
		}
		if (!found) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: unknown option \"%s\" (known: %s)", ZSTR_VAL(transport), dsn->params[i].key, list);
			return false;
		}
	}
	zend_string *unknown;
	if (options && php_messenger_find_unknown_key(Z_ARRVAL_P(options), known, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"]: unknown option \"%s\" (known: %s)", ZSTR_VAL(transport), unknown ? ZSTR_VAL(unknown) : "(integer key)", list);
		return false;
	}
	return true;
}

/* The connection doctrine://NAME names: the configuration's, or for "default" with none
 * configured, the embedded SQLite database var/messenger.sqlite under the current directory. */
static bool doctrine_connection(zend_string *transport, const char *name, HashTable *connections, zval *out)
{
	zval *found = connections ? zend_hash_str_find_deref(connections, name, strlen(name)) : NULL;
	if (found) {
		ZVAL_COPY(out, found);
		return true;
	}
	if (strcmp(name, "default") == 0) {
		ZVAL_STRING(out, "sqlite:var/messenger.sqlite");
		return true;
	}
	zend_string *known = connections ? php_messenger_names_of(connections) : zend_string_init("none", 4, 0);
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"transports[\"%s\"]: doctrine://%s names a connection that is not in the configuration's \"connections\" (configured: %s)",
		ZSTR_VAL(transport), name, ZSTR_VAL(known));
	zend_string_release(known);
	return false;
}

bool php_messenger_transport_from_config(zval *out, zend_string *name, zval *config, zend_object *messenger, zend_object *serializer, HashTable *connections)
{
	ZVAL_DEREF(config);
	if (Z_TYPE_P(config) == IS_OBJECT) {
		if (!instanceof_function(Z_OBJCE_P(config), php_messenger_ce_TransportInterface)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: %s does not implement Messenger\\Transport\\TransportInterface", ZSTR_VAL(name), ZSTR_VAL(Z_OBJCE_P(config)->name));
			return false;
		}
		ZVAL_COPY(out, config);
		return true;
	}
	zval *dsn = config, *options = NULL;
	if (Z_TYPE_P(config) == IS_ARRAY) {
		zend_string *unknown;
		if (php_messenger_find_unknown_key(Z_ARRVAL_P(config), transport_keys, &unknown)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: unknown key \"%s\" (known: dsn, options, serializer, retry_strategy, failure_transport, rate_limiter)",
				ZSTR_VAL(name), unknown ? ZSTR_VAL(unknown) : "(integer key)");
			return false;
		}
		dsn = zend_hash_str_find_deref(Z_ARRVAL_P(config), "dsn", 3);
		options = zend_hash_str_find_deref(Z_ARRVAL_P(config), "options", 7);
		if (options && Z_TYPE_P(options) != IS_ARRAY) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"][\"options\"] must be an array, %s given", ZSTR_VAL(name), zend_zval_type_name(options));
			return false;
		}
		if (!dsn) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "transports[\"%s\"] has no \"dsn\"", ZSTR_VAL(name));
			return false;
		}
	}
	if (Z_TYPE_P(dsn) != IS_STRING) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"] must be a DSN string, an array with \"dsn\", or a TransportInterface object, %s given",
			ZSTR_VAL(name), zend_zval_type_name(dsn));
		return false;
	}
	msgr_dsn_t parsed;
	msgr_error_t err;
	if (msgr_dsn_parse(Z_STRVAL_P(dsn), Z_STRLEN_P(dsn), &parsed, &err) != MSGR_OK) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "transports[\"%s\"]: invalid DSN: %s", ZSTR_VAL(name), err.message);
		return false;
	}
	bool ok = true;
	if (strcmp(parsed.scheme, "in-memory") == 0) {
		static const char *const keys[] = { "serialize", NULL };
		bool serialize = false;
		ok = known_options(&parsed, options, keys, "serialize", name) && option_flag(&parsed, options, "serialize", &serialize, name);
		if (ok) {
			object_init_ex(out, php_messenger_ce_InMemoryTransport);
			if (serialize && serializer) {
				ZVAL_OBJ_COPY(PHP_MESSENGER_PROP(Z_OBJ_P(out), MEM_SERIALIZER), serializer);
			}
		}
	} else if (strcmp(parsed.scheme, "sync") == 0) {
		if (!messenger) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "sync:// handles messages on a bus: it is made by Messenger\\Messenger's configuration only");
			ok = false;
		} else {
			object_init_ex(out, php_messenger_ce_SyncTransport);
			ZVAL_OBJ_COPY(PHP_MESSENGER_PROP(Z_OBJ_P(out), 0), messenger);
		}
	} else if (strcmp(parsed.scheme, "doctrine") == 0) {
		zval connection;
		const char *conn_name = *parsed.host ? parsed.host : "default";
		ok = doctrine_connection(name, conn_name, connections, &connection);
		if (ok) {
			object_init_ex(out, php_messenger_ce_DoctrineTransport);
			ok = php_messenger_doctrine_init(Z_OBJ_P(out), &connection, options ? Z_ARRVAL_P(options) : NULL, &parsed, serializer);
			zval_ptr_dtor(&connection);
			if (!ok) {
				zval_ptr_dtor(out);
				ZVAL_UNDEF(out);
			}
		}
	} else if (strcmp(parsed.scheme, "redis") == 0 || strcmp(parsed.scheme, "rediss") == 0) {
		object_init_ex(out, php_messenger_ce_RedisTransport);
		if (!(ok = php_messenger_redis_init(Z_OBJ_P(out), options ? Z_ARRVAL_P(options) : NULL, &parsed, serializer))) {
			/* the message names the transport: the core's words follow its name */
			zend_object *error;
			if (php_messenger_take_exception(&error)) {
				zval rv;
				zval *msg = php_messenger_throwable_prop(error, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
				php_messenger_throw(error->ce, "transports[\"%s\"]: %s", ZSTR_VAL(name), Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
				OBJ_RELEASE(error);
			}
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
		}
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"]: no transport handles the DSN scheme \"%s://\" in this build (available: in-memory://, sync://, doctrine://, redis://)",
			ZSTR_VAL(name), parsed.scheme);
		ok = false;
	}
	msgr_dsn_free(&parsed);
	return ok;
}

void php_messenger_register_transport(void)
{
	php_messenger_ce_SenderInterface = register_class_Messenger_Transport_SenderInterface();
	php_messenger_ce_ReceiverInterface = register_class_Messenger_Transport_ReceiverInterface();
	php_messenger_ce_TransportInterface = register_class_Messenger_Transport_TransportInterface(php_messenger_ce_SenderInterface, php_messenger_ce_ReceiverInterface);
	php_messenger_ce_MessageCountAwareInterface = register_class_Messenger_Transport_MessageCountAwareInterface();
	php_messenger_ce_ListableReceiverInterface = register_class_Messenger_Transport_ListableReceiverInterface();
	php_messenger_ce_SetupableTransportInterface = register_class_Messenger_Transport_SetupableTransportInterface();
	php_messenger_ce_QueueReceiverInterface = register_class_Messenger_Transport_QueueReceiverInterface();
	php_messenger_ce_KeepaliveReceiverInterface = register_class_Messenger_Transport_KeepaliveReceiverInterface();
	php_messenger_ce_BatchSenderInterface = register_class_Messenger_Transport_BatchSenderInterface();
	php_messenger_ce_InMemoryTransport = register_class_Messenger_Transport_InMemoryTransport(
		php_messenger_ce_TransportInterface, php_messenger_ce_BatchSenderInterface, php_messenger_ce_MessageCountAwareInterface);
	php_messenger_ce_SyncTransport = register_class_Messenger_Transport_SyncTransport(php_messenger_ce_TransportInterface);
}
