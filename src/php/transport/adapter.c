/* The ops of a transport written in PHP: each calls the method the handle looked up when it
 * was made, and checks what came back. */
#include "php/transport/transport.h"

/* calls method m of the transport with argc arguments; false (rv undefined) with an exception */
static bool call(const php_messenger_transport *t, int m, zval *rv, uint32_t argc, zval *argv)
{
	zend_call_known_instance_method(t->methods[m], t->object, rv, argc, argv);
	if (EG(exception)) {
		zval_ptr_dtor(rv);
		ZVAL_UNDEF(rv);
		return false;
	}
	return true;
}

static const char *class_of(const php_messenger_transport *t)
{
	return ZSTR_VAL(t->object->ce->name);
}

static zend_object *adapter_send(const php_messenger_transport *t, zend_object *envelope)
{
	zval env, rv;
	ZVAL_OBJ(&env, envelope);
	bool ok = call(t, PHP_MESSENGER_M_SEND, &rv, 1, &env);
	OBJ_RELEASE(envelope);
	if (!ok) {
		return NULL;
	}
	if (Z_TYPE(rv) != IS_OBJECT || Z_OBJCE(rv) != php_messenger_ce_Envelope) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s::send() must return a Messenger\\Envelope, %s returned",
			class_of(t), zend_zval_type_name(&rv));
		zval_ptr_dtor(&rv);
		return NULL;
	}
	return Z_OBJ(rv);
}

static bool adapter_send_all(const php_messenger_transport *t, zend_object **list, uint32_t count, zval *out)
{
	zval arg;
	array_init_size(&arg, count);
	for (uint32_t i = 0; i < count; i++) {
		zval v;
		ZVAL_OBJ_COPY(&v, list[i]);
		zend_hash_next_index_insert_new(Z_ARRVAL(arg), &v);
	}
	bool ok = call(t, PHP_MESSENGER_M_SEND_ALL, out, 1, &arg);
	zval_ptr_dtor(&arg);
	if (!ok) {
		return false;
	}
	if (Z_TYPE_P(out) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(out)) != count) {
		php_messenger_throw(php_messenger_ce_LogicException,
			"%s::sendAll() must return one Envelope per Envelope it was given", class_of(t));
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return false;
	}
	return true;
}

static bool adapter_get(const php_messenger_transport *t, HashTable *queues, zval *out)
{
	if (queues) {
		zval q;
		php_messenger_zval_arr(&q, queues);
		if (!call(t, PHP_MESSENGER_M_GET_FROM_QUEUES, out, 1, &q)) {
			return false;
		}
	} else if (!call(t, PHP_MESSENGER_M_GET, out, 0, NULL)) {
		return false;
	}
	/* a generator, say: read to its end first, as the rest of a batch may wait or go back */
	return php_messenger_iterable_result(out, t->object, queues ? "getFromQueues" : "get");
}

static bool adapter_settle(const php_messenger_transport *t, zend_object *envelope, bool ack)
{
	zval env, rv;
	ZVAL_OBJ(&env, envelope);
	if (!call(t, ack ? PHP_MESSENGER_M_ACK : PHP_MESSENGER_M_REJECT, &rv, 1, &env)) {
		return false;
	}
	zval_ptr_dtor(&rv);
	return true;
}

static bool adapter_keepalive(const php_messenger_transport *t, zend_object *envelope, const zend_long *seconds)
{
	zval args[2], rv;
	ZVAL_OBJ(&args[0], envelope);
	if (seconds) {
		ZVAL_LONG(&args[1], *seconds);
	} else {
		ZVAL_NULL(&args[1]);
	}
	if (!call(t, PHP_MESSENGER_M_KEEPALIVE, &rv, 2, args)) {
		return false;
	}
	zval_ptr_dtor(&rv);
	return true;
}

static bool adapter_count(const php_messenger_transport *t, zend_long *out)
{
	zval rv;
	if (!call(t, PHP_MESSENGER_M_COUNT, &rv, 0, NULL)) {
		return false;
	}
	*out = zval_get_long(&rv);
	zval_ptr_dtor(&rv);
	return true;
}

static bool adapter_setup(const php_messenger_transport *t)
{
	zval rv;
	if (!call(t, PHP_MESSENGER_M_SETUP, &rv, 0, NULL)) {
		return false;
	}
	zval_ptr_dtor(&rv);
	return true;
}

static bool adapter_all(const php_messenger_transport *t, zend_long limit, zval *out)
{
	zval arg;
	if (limit) {
		ZVAL_LONG(&arg, limit);
	} else {
		ZVAL_NULL(&arg);
	}
	return call(t, PHP_MESSENGER_M_ALL, out, 1, &arg) && php_messenger_iterable_result(out, t->object, "all");
}

static bool adapter_find(const php_messenger_transport *t, zval *id, zval *out)
{
	if (!call(t, PHP_MESSENGER_M_FIND, out, 1, id)) {
		return false;
	}
	if (Z_TYPE_P(out) != IS_NULL && (Z_TYPE_P(out) != IS_OBJECT || Z_OBJCE_P(out) != php_messenger_ce_Envelope)) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s::find() must return a Messenger\\Envelope or null, %s returned",
			class_of(t), zend_zval_type_name(out));
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return false;
	}
	return true;
}

const php_messenger_transport_ops php_messenger_transport_adapter_ops = {
	.send = adapter_send,
	.send_all = adapter_send_all,
	.get = adapter_get,
	.settle = adapter_settle,
	.keepalive = adapter_keepalive,
	.count = adapter_count,
	.setup = adapter_setup,
	.all = adapter_all,
	.find = adapter_find,
};
