/* sync://: Messenger\Transport\Sync\SyncTransport handles a message on its bus when it is "sent". */
#include "php/transport/transport.h"
#include "sync_arginfo.h"

static zend_class_entry *php_messenger_ce_SyncTransport;

static zend_object *sync_send(const php_messenger_transport *t, zend_object *envelope)
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

	zval *bus = PHP_MESSENGER_PROP(t->object, 0);
	if (Z_TYPE_P(bus) != IS_OBJECT) {
		OBJ_RELEASE(envelope);
		zend_throw_error(NULL, "Messenger\\Transport\\Sync\\SyncTransport was not constructed");
		return NULL;
	}
	zval env;
	ZVAL_OBJ(&env, envelope);
	zend_object *result;
	if (Z_OBJCE_P(bus) == php_messenger_ce_MessageBus) {
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

static void cannot_receive(void)
{
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"You cannot receive messages from the Messenger SyncTransport: it handles them when they are sent");
}

static bool sync_get(const php_messenger_transport *t, HashTable *queues, zval *out)
{
	cannot_receive();
	return false;
}

static bool sync_settle(const php_messenger_transport *t, zend_object *envelope, bool ack)
{
	cannot_receive();
	return false;
}

static const php_messenger_transport_ops sync_ops = {
	.send = sync_send,
	.get = sync_get,
	.settle = sync_settle,
	.lacks = PHP_MESSENGER_CAN_RECEIVE, /* a ReceiverInterface that cannot receive */
};

ZEND_METHOD(Messenger_Transport_Sync_SyncTransport, __construct)
{
	zend_object *bus;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(bus, php_messenger_ce_MessageBusInterface)
	ZEND_PARSE_PARAMETERS_END();
	zval *slot = PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), 0);
	zval_ptr_dtor(slot);
	ZVAL_OBJ_COPY(slot, bus);
}

PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_Sync_SyncTransport, send, send, &sync_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Transport_Sync_SyncTransport, get, get, &sync_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Transport_Sync_SyncTransport, ack, true, &sync_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Transport_Sync_SyncTransport, reject, false, &sync_ops)

static bool sync_make(zval *out, const php_messenger_transport_args *args)
{
	if (!args->messenger) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "sync:// handles messages on a bus: it is made by Messenger\\Messenger's configuration only");
		return false;
	}
	object_init_ex(out, php_messenger_ce_SyncTransport);
	ZVAL_OBJ_COPY(PHP_MESSENGER_PROP(Z_OBJ_P(out), 0), args->messenger);
	return true;
}

static zend_class_entry *sync_register(void)
{
	php_messenger_ce_SyncTransport = register_class_Messenger_Transport_Sync_SyncTransport(php_messenger_ce_TransportInterface);
	return php_messenger_ce_SyncTransport;
}

const php_messenger_transport_kind php_messenger_transport_kind_sync = {
	.schemes = (const char *const[]) { "sync", NULL },
	.register_class = sync_register,
	.make = sync_make,
	.ops = &sync_ops,
};
