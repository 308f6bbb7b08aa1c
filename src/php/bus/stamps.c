/* The stamps: final value objects whose declared properties (Symfony's names, in order) are
 * set once by the constructor and read by the getters. */
#include "php/bus/bus.h"
#include "ext/date/php_date.h"
#include "stamps_arginfo.h"

zend_class_entry *php_messenger_ce_DelayStamp;
zend_class_entry *php_messenger_ce_HandledStamp;
zend_class_entry *php_messenger_ce_SentStamp;
zend_class_entry *php_messenger_ce_ReceivedStamp;
zend_class_entry *php_messenger_ce_TransportNamesStamp;
zend_class_entry *php_messenger_ce_BusNameStamp;
zend_class_entry *php_messenger_ce_DispatchAfterCurrentBusStamp;
zend_class_entry *php_messenger_ce_RedeliveryStamp;
zend_class_entry *php_messenger_ce_ErrorDetailsStamp;
zend_class_entry *php_messenger_ce_SentToFailureTransportStamp;
zend_class_entry *php_messenger_ce_TransportMessageIdStamp;
zend_class_entry *php_messenger_ce_HandlerArgumentsStamp;
zend_class_entry *php_messenger_ce_AmqpStamp;
zend_class_entry *php_messenger_ce_AmqpReceivedStamp;
zend_class_entry *php_messenger_ce_MessageDecodingFailedStamp;

zend_object *php_messenger_stamp_new(zend_class_entry *ce, uint32_t argc, zval *args)
{
	zend_object *stamp = zend_objects_new(ce);
	object_properties_init(stamp, ce);
	for (uint32_t i = 0; i < argc; i++) {
		ZVAL_COPY(PHP_MESSENGER_PROP(stamp, i), &args[i]);
	}
	return stamp;
}

/* Sets the constructor's arguments as the properties, once: the properties are readonly. */
static bool stamp_init(zval *self, uint32_t argc, zval *args)
{
	zend_object *obj = Z_OBJ_P(self);
	for (uint32_t i = 0; i < argc; i++) {
		if (Z_TYPE_P(PHP_MESSENGER_PROP(obj, i)) != IS_UNDEF) {
			const char *cls, *prop;
			zend_unmangle_property_name(obj->ce->properties_info_table[i]->name, &cls, &prop);
			zend_throw_error(NULL, "Cannot modify readonly property %s::$%s", ZSTR_VAL(obj->ce->name), prop);
			return false;
		}
	}
	for (uint32_t i = 0; i < argc; i++) {
		ZVAL_COPY(PHP_MESSENGER_PROP(obj, i), &args[i]);
	}
	return true;
}

/* {{{ DelayStamp */
ZEND_METHOD(Messenger_Stamp_DelayStamp, __construct)
{
	zend_long delay;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_LONG(delay)
	ZEND_PARSE_PARAMETERS_END();
	zval arg;
	ZVAL_LONG(&arg, delay);
	stamp_init(ZEND_THIS, 1, &arg);
}

PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_DelayStamp, getDelay, 0)

static void return_delay(zval *return_value, zend_long seconds)
{
	zval arg;
	ZVAL_LONG(&arg, seconds * 1000);
	RETURN_OBJ(php_messenger_stamp_new(php_messenger_ce_DelayStamp, 1, &arg));
}

/* Calls $object->getTimestamp(). */
static bool timestamp_of(zend_object *object, zend_long *out)
{
	zval rv;
	zend_call_method_with_0_params(object, object->ce, NULL, "gettimestamp", &rv);
	if (EG(exception)) {
		return false;
	}
	*out = Z_TYPE(rv) == IS_LONG ? Z_LVAL(rv) : 0;
	zval_ptr_dtor(&rv);
	return true;
}

ZEND_METHOD(Messenger_Stamp_DelayStamp, delayFor)
{
	zend_object *interval;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(interval, php_date_get_interval_ce())
	ZEND_PARSE_PARAMETERS_END();

	/* now + interval, measured in UTC as Symfony does */
	zval now, end, interval_zv;
	php_date_instantiate(php_date_get_immutable_ce(), &now);
	if (!php_date_initialize(Z_PHPDATE_P(&now), "now UTC", 7, NULL, NULL, 0)) {
		zval_ptr_dtor(&now);
		RETURN_THROWS();
	}
	ZVAL_OBJ(&interval_zv, interval);
	zend_call_method_with_1_params(Z_OBJ(now), Z_OBJCE(now), NULL, "add", &end, &interval_zv);
	zend_long start_ts = 0, end_ts = 0;
	bool ok = !EG(exception) && Z_TYPE(end) == IS_OBJECT && timestamp_of(Z_OBJ(now), &start_ts) && timestamp_of(Z_OBJ(end), &end_ts);
	zval_ptr_dtor(&now);
	zval_ptr_dtor(&end);
	if (!ok) {
		RETURN_THROWS();
	}
	return_delay(return_value, end_ts - start_ts);
}

ZEND_METHOD(Messenger_Stamp_DelayStamp, delayUntil)
{
	zend_object *until;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(until, php_date_get_interface_ce())
	ZEND_PARSE_PARAMETERS_END();
	zend_long ts;
	if (!timestamp_of(until, &ts)) {
		RETURN_THROWS();
	}
	return_delay(return_value, ts - (zend_long) time(NULL));
}
/* }}} */

/* {{{ HandledStamp */
ZEND_METHOD(Messenger_Stamp_HandledStamp, __construct)
{
	zval args[2], *result;
	zend_string *name;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(result)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();
	ZVAL_COPY_VALUE(&args[0], result);
	ZVAL_STR(&args[1], name);
	stamp_init(ZEND_THIS, 2, args);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_HandledStamp, getResult, 0)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_HandledStamp, getHandlerName, 1)
/* }}} */

/* {{{ SentStamp */
ZEND_METHOD(Messenger_Stamp_SentStamp, __construct)
{
	zend_string *sender_class, *alias = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(sender_class)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(alias)
	ZEND_PARSE_PARAMETERS_END();
	zval args[2];
	ZVAL_STR(&args[0], sender_class);
	if (alias) {
		ZVAL_STR(&args[1], alias);
	} else {
		ZVAL_NULL(&args[1]);
	}
	stamp_init(ZEND_THIS, 2, args);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_SentStamp, getSenderClass, 0)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_SentStamp, getSenderAlias, 1)
/* }}} */

/* One string argument, one property: ReceivedStamp, BusNameStamp, SentToFailureTransportStamp. */
#define STRING_STAMP_CTOR(cls) \
	ZEND_METHOD(cls, __construct) \
	{ \
		zend_string *value; \
		ZEND_PARSE_PARAMETERS_START(1, 1) \
			Z_PARAM_STR(value) \
		ZEND_PARSE_PARAMETERS_END(); \
		zval arg; \
		ZVAL_STR(&arg, value); \
		stamp_init(ZEND_THIS, 1, &arg); \
	}

STRING_STAMP_CTOR(Messenger_Stamp_ReceivedStamp)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_ReceivedStamp, getTransportName, 0)
STRING_STAMP_CTOR(Messenger_Stamp_BusNameStamp)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_BusNameStamp, getBusName, 0)
STRING_STAMP_CTOR(Messenger_Stamp_SentToFailureTransportStamp)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_SentToFailureTransportStamp, getOriginalReceiverName, 0)

/* {{{ TransportNamesStamp */
ZEND_METHOD(Messenger_Stamp_TransportNamesStamp, __construct)
{
	zend_string *one = NULL;
	HashTable *many = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT_OR_STR(many, one)
	ZEND_PARSE_PARAMETERS_END();
	zval names;
	array_init(&names);
	if (one) {
		add_next_index_str(&names, zend_string_copy(one));
	} else {
		zval *name;
		ZEND_HASH_FOREACH_VAL(many, name) {
			ZVAL_DEREF(name);
			if (Z_TYPE_P(name) != IS_STRING || Z_STRLEN_P(name) == 0) {
				zval_ptr_dtor(&names);
				php_messenger_throw(php_messenger_ce_InvalidArgumentException,
					"TransportNamesStamp: transport names must be non-empty strings, %s given", zend_zval_type_name(name));
				RETURN_THROWS();
			}
			add_next_index_str(&names, zend_string_copy(Z_STR_P(name)));
		} ZEND_HASH_FOREACH_END();
	}
	stamp_init(ZEND_THIS, 1, &names);
	zval_ptr_dtor(&names);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_TransportNamesStamp, getTransportNames, 0)
/* }}} */

/* {{{ RedeliveryStamp */
ZEND_METHOD(Messenger_Stamp_RedeliveryStamp, __construct)
{
	zend_long count;
	zend_object *at = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_LONG(count)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(at, php_date_get_interface_ce())
	ZEND_PARSE_PARAMETERS_END();
	zval args[2];
	ZVAL_LONG(&args[0], count);
	if (at) {
		ZVAL_OBJ_COPY(&args[1], at);
	} else {
		php_date_instantiate(php_date_get_immutable_ce(), &args[1]);
		if (!php_date_initialize(Z_PHPDATE_P(&args[1]), "now", 3, NULL, NULL, 0)) {
			zval_ptr_dtor(&args[1]);
			RETURN_THROWS();
		}
	}
	stamp_init(ZEND_THIS, 2, args);
	zval_ptr_dtor(&args[1]);
}

ZEND_METHOD(Messenger_Stamp_RedeliveryStamp, getRetryCountFromEnvelope)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_RedeliveryStamp);
	RETURN_LONG(stamp ? Z_LVAL_P(php_messenger_stamp_prop(stamp, 0)) : 0);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_RedeliveryStamp, getRetryCount, 0)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_RedeliveryStamp, getRedeliveredAt, 1)
/* }}} */

/* {{{ ErrorDetailsStamp */
ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, __construct)
{
	zval args[3];
	zend_string *cls, *message;
	zval *code;
	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(cls)
		Z_PARAM_ZVAL(code)
		Z_PARAM_STR(message)
	ZEND_PARSE_PARAMETERS_END();
	if (Z_TYPE_P(code) != IS_LONG && Z_TYPE_P(code) != IS_STRING) {
		zend_argument_type_error(2, "must be of type string|int, %s given", zend_zval_type_name(code));
		RETURN_THROWS();
	}
	ZVAL_STR(&args[0], cls);
	ZVAL_COPY_VALUE(&args[1], code);
	ZVAL_STR(&args[2], message);
	stamp_init(ZEND_THIS, 3, args);
}

zend_object *php_messenger_error_details_new(zend_object *throwable)
{
	zval rv, args[3];
	ZVAL_STR_COPY(&args[0], throwable->ce->name);
	zval *code = php_messenger_throwable_prop(throwable, ZSTR_KNOWN(ZEND_STR_CODE), &rv);
	ZVAL_COPY(&args[1], code);
	if (Z_TYPE(args[1]) != IS_LONG && Z_TYPE(args[1]) != IS_STRING) {
		zval_ptr_dtor(&args[1]);
		ZVAL_LONG(&args[1], 0);
	}
	zval *message = php_messenger_throwable_prop(throwable, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
	ZVAL_STR(&args[2], Z_TYPE_P(message) == IS_STRING ? zend_string_copy(Z_STR_P(message)) : ZSTR_EMPTY_ALLOC());
	zend_object *stamp = php_messenger_stamp_new(php_messenger_ce_ErrorDetailsStamp, 3, args);
	zval_ptr_dtor(&args[0]);
	zval_ptr_dtor(&args[1]);
	zval_ptr_dtor(&args[2]);
	return stamp;
}

ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, create)
{
	zend_object *throwable;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(throwable, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_OBJ(php_messenger_error_details_new(throwable));
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_ErrorDetailsStamp, getExceptionClass, 0)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_ErrorDetailsStamp, getExceptionCode, 1)
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_ErrorDetailsStamp, getExceptionMessage, 2)
/* }}} */

/* {{{ TransportMessageIdStamp */
ZEND_METHOD(Messenger_Stamp_TransportMessageIdStamp, __construct)
{
	zval *id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(id)
	ZEND_PARSE_PARAMETERS_END();
	stamp_init(ZEND_THIS, 1, id);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_TransportMessageIdStamp, getId, 0)
/* }}} */

/* {{{ HandlerArgumentsStamp */
ZEND_METHOD(Messenger_Stamp_HandlerArgumentsStamp, __construct)
{
	zval *args;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY(args)
	ZEND_PARSE_PARAMETERS_END();
	stamp_init(ZEND_THIS, 1, args);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Stamp_HandlerArgumentsStamp, getAdditionalArguments, 0)
/* }}} */

/* {{{ AmqpStamp */
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpStamp, __construct)
{
	zend_string *key = NULL;
	zend_long flags = 0;
	zval *attributes = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 3)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(key)
		Z_PARAM_LONG(flags)
		Z_PARAM_ARRAY(attributes)
	ZEND_PARSE_PARAMETERS_END();
	zval args[3];
	if (key) {
		ZVAL_STR(&args[0], key);
	} else {
		ZVAL_NULL(&args[0]);
	}
	ZVAL_LONG(&args[1], flags);
	if (attributes) {
		ZVAL_COPY_VALUE(&args[2], attributes);
	} else {
		ZVAL_EMPTY_ARRAY(&args[2]);
	}
	stamp_init(ZEND_THIS, 3, args);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpStamp, getRoutingKey, 0)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpStamp, getFlags, 1)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpStamp, getAttributes, 2)
/* }}} */

/* {{{ AmqpReceivedStamp */
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, __construct)
{
	zval args[7];
	zend_string *queue, *key = ZSTR_EMPTY_ALLOC(), *exchange = ZSTR_EMPTY_ALLOC();
	zend_long tag = 0, connection = 0;
	bool redelivered = false;
	zval *attributes = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 7)
		Z_PARAM_STR(queue)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(tag)
		Z_PARAM_STR(key)
		Z_PARAM_STR(exchange)
		Z_PARAM_BOOL(redelivered)
		Z_PARAM_ARRAY(attributes)
		Z_PARAM_LONG(connection)
	ZEND_PARSE_PARAMETERS_END();
	ZVAL_STR(&args[0], queue);
	ZVAL_LONG(&args[1], tag);
	ZVAL_STR(&args[2], key);
	ZVAL_STR(&args[3], exchange);
	ZVAL_BOOL(&args[4], redelivered);
	if (attributes) {
		ZVAL_COPY_VALUE(&args[5], attributes);
	} else {
		ZVAL_EMPTY_ARRAY(&args[5]);
	}
	ZVAL_LONG(&args[6], connection);
	stamp_init(ZEND_THIS, 7, args);
}
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getQueueName, 0)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getDeliveryTag, 1)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getRoutingKey, 2)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getExchangeName, 3)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, isRedelivered, 4)
PHP_MESSENGER_PROP_GETTER(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getAttributes, 5)
/* }}} */

void php_messenger_register_stamps(void)
{
	zend_class_entry *stamp = php_messenger_ce_StampInterface;
	zend_class_entry *non_sendable = php_messenger_ce_NonSendableStampInterface;

	php_messenger_ce_DelayStamp = register_class_Messenger_Stamp_DelayStamp(stamp);
	php_messenger_ce_HandledStamp = register_class_Messenger_Stamp_HandledStamp(stamp);
	php_messenger_ce_SentStamp = register_class_Messenger_Stamp_SentStamp(non_sendable);
	php_messenger_ce_ReceivedStamp = register_class_Messenger_Stamp_ReceivedStamp(non_sendable);
	php_messenger_ce_TransportNamesStamp = register_class_Messenger_Stamp_TransportNamesStamp(stamp);
	php_messenger_ce_BusNameStamp = register_class_Messenger_Stamp_BusNameStamp(stamp);
	php_messenger_ce_DispatchAfterCurrentBusStamp = register_class_Messenger_Stamp_DispatchAfterCurrentBusStamp(non_sendable);
	php_messenger_ce_RedeliveryStamp = register_class_Messenger_Stamp_RedeliveryStamp(stamp);
	php_messenger_ce_ErrorDetailsStamp = register_class_Messenger_Stamp_ErrorDetailsStamp(stamp);
	php_messenger_ce_SentToFailureTransportStamp = register_class_Messenger_Stamp_SentToFailureTransportStamp(stamp);
	php_messenger_ce_TransportMessageIdStamp = register_class_Messenger_Stamp_TransportMessageIdStamp(stamp);
	php_messenger_ce_HandlerArgumentsStamp = register_class_Messenger_Stamp_HandlerArgumentsStamp(non_sendable);
	php_messenger_ce_AmqpStamp = register_class_Messenger_Bridge_Amqp_Transport_AmqpStamp(non_sendable);
	php_messenger_ce_AmqpReceivedStamp = register_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp(non_sendable);
	php_messenger_ce_MessageDecodingFailedStamp = register_class_Messenger_Stamp_MessageDecodingFailedStamp(stamp);
}

bool php_messenger_delay_ms(zend_object *envelope, zend_long *ms)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_DelayStamp);
	zend_long delay = stamp ? Z_LVAL_P(php_messenger_stamp_prop(stamp, 0)) : 0;
	if (delay > PHP_MESSENGER_MAX_DELAY_MS) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"A DelayStamp of " ZEND_LONG_FMT " ms is beyond what a transport can keep (at most " ZEND_LONG_FMT " ms, 100 years)",
			delay, PHP_MESSENGER_MAX_DELAY_MS);
		return false;
	}
	*ms = delay > 0 ? delay : 0;
	return true;
}
