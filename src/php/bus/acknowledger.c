/* Messenger\Handler\Acknowledger and BatchHandlerInterface: how a batch handler settles a
 * message it kept. A worker that dispatches a message says so (php_messenger_consuming_push), so
 * that the handler middleware gives a batch handler an Acknowledger tied to that worker; the
 * worker hears through its php_messenger_consumer when a message is kept and when its
 * Acknowledger is called. */
#include "php/bus/bus.h"
#include "zend_closures.h"
#include "handler_arginfo.h"

ZEND_TLS php_messenger_consuming *consuming;

void php_messenger_consuming_push(php_messenger_consuming *c)
{
	c->previous = consuming;
	consuming = c;
}

void php_messenger_consuming_pop(php_messenger_consuming *c)
{
	consuming = c->previous;
}

void php_messenger_consuming_reset(void)
{
	consuming = NULL;
}

zend_class_entry *php_messenger_ce_BatchHandlerInterface;
zend_class_entry *php_messenger_ce_Acknowledger;
static zend_object_handlers ack_handlers;

static zend_object *ack_create(zend_class_entry *ce)
{
	php_messenger_acknowledger *a = zend_object_alloc(sizeof(php_messenger_acknowledger), ce);
	memset((char *) a, 0, XtOffsetOf(php_messenger_acknowledger, std));
	ZVAL_UNDEF(&a->callback);
	ZVAL_NULL(&a->result);
	zend_object_std_init(&a->std, ce);
	a->std.handlers = &ack_handlers;
	return &a->std;
}

static void ack_free(zend_object *obj)
{
	php_messenger_acknowledger *a = php_messenger_ack_from(obj);
	zend_object *objects[] = { a->batch, a->owner, a->envelope, a->error };
	for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		if (objects[i]) {
			OBJ_RELEASE(objects[i]);
		}
	}
	if (a->handler) {
		zend_string_release(a->handler);
	}
	if (a->transport) {
		zend_string_release(a->transport);
	}
	zval_ptr_dtor(&a->callback);
	zval_ptr_dtor(&a->result);
	zend_object_std_dtor(obj);
}

static HashTable *ack_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_acknowledger *a = php_messenger_ack_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zend_object *objects[] = { a->batch, a->owner, a->envelope, a->error };
	for (size_t i = 0; i < sizeof(objects) / sizeof(objects[0]); i++) {
		if (objects[i]) {
			zend_get_gc_buffer_add_obj(buf, objects[i]);
		}
	}
	zend_get_gc_buffer_add_zval(buf, &a->callback);
	zend_get_gc_buffer_add_zval(buf, &a->result);
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

zend_object *php_messenger_batch_ack_new(zend_object *message, zend_string *handler, zend_object *batch, zend_object *envelope)
{
	if (!consuming || consuming->message != message) {
		return NULL; /* not a message a worker consumes now: the handler handles it at once */
	}
	zend_object *obj = ack_create(php_messenger_ce_Acknowledger);
	php_messenger_acknowledger *a = php_messenger_ack_from(obj);
	a->handler = zend_string_copy(handler);
	GC_ADDREF(batch);
	a->batch = batch;
	GC_ADDREF(consuming->owner);
	a->owner = consuming->owner;
	a->consumer = consuming->consumer;
	a->receiver = consuming->receiver;
	a->transport = zend_string_copy(consuming->transport);
	GC_ADDREF(envelope);
	a->envelope = envelope;
	return obj;
}

bool php_messenger_batch_ack_result(zend_object *ack, zval *result, zend_object **error)
{
	php_messenger_acknowledger *a = php_messenger_ack_from(ack);
	if (!a->acknowledged) {
		return false;
	}
	ZVAL_COPY(result, &a->result);
	*error = a->error;
	if (*error) {
		GC_ADDREF(*error);
	}
	return true;
}

bool php_messenger_batch_ack_done(zend_object *ack, zval *result, zend_object **error)
{
	php_messenger_acknowledger *a = php_messenger_ack_from(ack);
	if (php_messenger_batch_ack_result(ack, result, error)) {
		return true;
	}
	/* kept for a batch: the worker waits for the Acknowledger */
	a->kept = true;
	if (a->owner) {
		a->consumer->kept(a->owner, ack);
	}
	if (consuming) {
		consuming->kept = true;
	}
	return false;
}

static void ack_settle(INTERNAL_FUNCTION_PARAMETERS, zval *result, zend_object *error)
{
	php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(ZEND_THIS));
	if (a->acknowledged) {
		php_messenger_throw(php_messenger_ce_LogicException, "The acknowledger cannot be called twice by the \"%s\" batch handler.",
			a->handler ? ZSTR_VAL(a->handler) : "");
		RETURN_THROWS();
	}
	a->acknowledged = true;
	if (result) {
		ZVAL_COPY(&a->result, result);
	}
	if (error) {
		GC_ADDREF(error);
		a->error = error;
	}
	if (Z_TYPE(a->callback) == IS_OBJECT) {
		zval args[2], rv;
		if (error) {
			ZVAL_OBJ(&args[0], error);
		} else {
			ZVAL_NULL(&args[0]);
		}
		ZVAL_COPY_VALUE(&args[1], &a->result);
		call_user_function(NULL, NULL, &a->callback, &rv, 2, args);
		zval_ptr_dtor(&rv);
	}
	if (a->kept && a->owner) {
		a->consumer->acknowledged(a->owner, Z_OBJ_P(ZEND_THIS));
	}
}

ZEND_METHOD(Messenger_Handler_Acknowledger, __construct)
{
	zend_string *handler;
	zend_object *callback = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(handler)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(callback, zend_ce_closure)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(ZEND_THIS));
	if (a->handler) {
		zend_throw_error(NULL, "Cannot call Messenger\\Handler\\Acknowledger::__construct() twice");
		RETURN_THROWS();
	}
	a->handler = zend_string_copy(handler);
	if (callback) {
		ZVAL_OBJ_COPY(&a->callback, callback);
	}
}

ZEND_METHOD(Messenger_Handler_Acknowledger, ack)
{
	zval *result = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(result)
	ZEND_PARSE_PARAMETERS_END();
	ack_settle(INTERNAL_FUNCTION_PARAM_PASSTHRU, result, NULL);
}

ZEND_METHOD(Messenger_Handler_Acknowledger, nack)
{
	zend_object *error;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(error, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();
	ack_settle(INTERNAL_FUNCTION_PARAM_PASSTHRU, NULL, error);
}

ZEND_METHOD(Messenger_Handler_Acknowledger, getError)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_acknowledger *a = php_messenger_ack_from(Z_OBJ_P(ZEND_THIS));
	if (a->error) {
		RETURN_OBJ_COPY(a->error);
	}
	RETURN_NULL();
}

ZEND_METHOD(Messenger_Handler_Acknowledger, getResult)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&php_messenger_ack_from(Z_OBJ_P(ZEND_THIS))->result);
}

ZEND_METHOD(Messenger_Handler_Acknowledger, isAcknowledged)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(php_messenger_ack_from(Z_OBJ_P(ZEND_THIS))->acknowledged);
}

void php_messenger_register_acknowledger(void)
{
	php_messenger_ce_BatchHandlerInterface = register_class_Messenger_Handler_BatchHandlerInterface();
	php_messenger_ce_Acknowledger = register_class_Messenger_Handler_Acknowledger();
	php_messenger_ce_Acknowledger->create_object = ack_create;
	memcpy(&ack_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	ack_handlers.offset = XtOffsetOf(php_messenger_acknowledger, std);
	ack_handlers.free_obj = ack_free;
	ack_handlers.get_gc = ack_get_gc;
	ack_handlers.clone_obj = NULL;
}
