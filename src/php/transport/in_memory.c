/* in-memory://: Messenger\Transport\InMemory\InMemoryTransport keeps what is sent in PHP arrays, for
 * tests and for a worker in the same process. */
#include "php/transport/transport.h"
#include "core/base/dsn.h"
#include "in_memory_arginfo.h"

#include <sys/time.h>

static zend_class_entry *php_messenger_ce_InMemoryTransport;

/* declared property slots */
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

static zend_object *mem_send(const php_messenger_transport *t, zend_object *envelope)
{
	zend_object *self = t->object;
	zend_long delay;
	if (!php_messenger_delay_ms(envelope, &delay)) {
		OBJ_RELEASE(envelope);
		return NULL;
	}
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

	if (delay > 0) {
		zval at;
		ZVAL_LONG(&at, now_ms() + 1 + delay); /* + 1: now_ms() drops the part of a ms, never early */
		zend_hash_index_update(Z_ARRVAL_P(mem_array(self, MEM_AVAILABLE_AT)), id, &at);
	}
	return envelope;
}

static bool mem_get(const php_messenger_transport *t, HashTable *queues, zval *out)
{
	HashTable *queue = Z_ARRVAL_P(PHP_MESSENGER_PROP(t->object, MEM_QUEUE));
	HashTable *available_at = Z_ARRVAL_P(PHP_MESSENGER_PROP(t->object, MEM_AVAILABLE_AT));
	zend_long now = now_ms();
	array_init(out);
	zend_ulong id;
	zval *env;
	ZEND_HASH_FOREACH_NUM_KEY_VAL(queue, id, env) {
		zval *at = zend_hash_index_find(available_at, id);
		if (at && Z_LVAL_P(at) > now) {
			continue;
		}
		Z_ADDREF_P(env);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), env);
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* ack and reject: record, then drop from the queue by TransportMessageIdStamp. */
static bool mem_settle(const php_messenger_transport *t, zend_object *envelope, bool ack)
{
	zend_object *self = t->object;
	zend_object *id = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	if (!id) {
		php_messenger_throw(php_messenger_ce_LogicException,
			"No TransportMessageIdStamp found on the Envelope: it was not received from this InMemoryTransport");
		return false;
	}
	zval env;
	ZVAL_OBJ_COPY(&env, envelope);
	zend_hash_next_index_insert(Z_ARRVAL_P(mem_array(self, ack ? MEM_ACKED : MEM_REJECTED)), &env);
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

static void mem_let_go(const php_messenger_transport *t, zend_object *envelope)
{
	release_held(envelope); /* in its sent list, and once settled in its acknowledged or rejected one */
}

static bool mem_count(const php_messenger_transport *t, zend_long *out)
{
	*out = zend_hash_num_elements(Z_ARRVAL_P(PHP_MESSENGER_PROP(t->object, MEM_QUEUE)));
	return true;
}

static zend_object *mem_serializer(const php_messenger_transport *t)
{
	zval *serializer = PHP_MESSENGER_PROP(t->object, MEM_SERIALIZER);
	return Z_TYPE_P(serializer) == IS_OBJECT ? Z_OBJ_P(serializer) : NULL;
}

static bool mem_send_all(const php_messenger_transport *t, zend_object **list, uint32_t count, zval *out)
{
	/* all or nothing, as the other transports: a delay none can keep refuses the whole batch */
	for (uint32_t i = 0; i < count; i++) {
		zend_long delay;
		if (!php_messenger_delay_ms(list[i], &delay)) {
			return false;
		}
	}
	array_init_size(out, count);
	for (uint32_t i = 0; i < count; i++) {
		GC_ADDREF(list[i]);
		zend_object *result = mem_send(t, list[i]);
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

static const php_messenger_transport_ops mem_ops = {
	.send = mem_send,
	.send_all = mem_send_all,
	.get = mem_get,
	.settle = mem_settle,
	.let_go = mem_let_go,
	.count = mem_count,
	.serializer = mem_serializer,
};

ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, __construct)
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

PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_InMemory_InMemoryTransport, send, send, &mem_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_InMemory_InMemoryTransport, sendAll, send_all, &mem_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_InMemory_InMemoryTransport, get, get, &mem_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Transport_InMemory_InMemoryTransport, ack, true, &mem_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Transport_InMemory_InMemoryTransport, reject, false, &mem_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_InMemory_InMemoryTransport, getMessageCount, count, &mem_ops)

PHP_MESSENGER_PROP_GETTER(Messenger_Transport_InMemory_InMemoryTransport, getSent, MEM_SENT)
PHP_MESSENGER_PROP_GETTER(Messenger_Transport_InMemory_InMemoryTransport, getAcknowledged, MEM_ACKED)
PHP_MESSENGER_PROP_GETTER(Messenger_Transport_InMemory_InMemoryTransport, getRejected, MEM_REJECTED)

ZEND_METHOD(Messenger_Transport_InMemory_InMemoryTransport, reset)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	for (int slot = MEM_SENT; slot <= MEM_AVAILABLE_AT; slot++) {
		zval *arr = PHP_MESSENGER_PROP(self, slot);
		zval_ptr_dtor(arr);
		ZVAL_EMPTY_ARRAY(arr);
	}
}

static bool mem_make(zval *out, const php_messenger_transport_args *args)
{
	static const char *const keys[] = { "serialize", NULL };
	bool serialize = false;
	if (!php_messenger_transport_known_options(args, keys, "serialize") || !php_messenger_transport_option_flag(args, "serialize", &serialize)) {
		return false;
	}
	object_init_ex(out, php_messenger_ce_InMemoryTransport);
	if (serialize && args->serializer) {
		ZVAL_OBJ_COPY(PHP_MESSENGER_PROP(Z_OBJ_P(out), MEM_SERIALIZER), args->serializer);
	}
	return true;
}

static zend_class_entry *mem_register(void)
{
	php_messenger_ce_InMemoryTransport = register_class_Messenger_Transport_InMemory_InMemoryTransport(
		php_messenger_ce_TransportInterface, php_messenger_ce_BatchSenderInterface, php_messenger_ce_MessageCountAwareInterface);
	return php_messenger_ce_InMemoryTransport;
}

const php_messenger_transport_kind php_messenger_transport_kind_in_memory = {
	.schemes = (const char *const[]) { "in-memory", NULL },
	.register_class = mem_register,
	.make = mem_make,
	.ops = &mem_ops,
};
