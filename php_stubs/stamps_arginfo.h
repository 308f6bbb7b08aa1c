/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 67c3b056b19a12905b9c9243e700e361bbe888d2 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_DelayStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, delayMs, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Stamp_DelayStamp_getDelay, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Stamp_DelayStamp_delayFor, 0, 1, Messenger\\Stamp\\DelayStamp, 0)
	ZEND_ARG_OBJ_INFO(0, interval, DateInterval, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Stamp_DelayStamp_delayUntil, 0, 1, Messenger\\Stamp\\DelayStamp, 0)
	ZEND_ARG_OBJ_INFO(0, dateTime, DateTimeInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_HandledStamp___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, result, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, handlerName, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Stamp_HandledStamp_getResult, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_SentStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, senderClass, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, senderAlias, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_SentStamp_getSenderClass arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Stamp_SentStamp_getSenderAlias, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_ReceivedStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, transportName, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_ReceivedStamp_getTransportName arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_TransportNamesStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_MASK(0, transports, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Stamp_TransportNamesStamp_getTransportNames, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_BusNameStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, busName, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_BusNameStamp_getBusName arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_RedeliveryStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, retryCount, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, redeliveredAt, DateTimeInterface, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Stamp_RedeliveryStamp_getRetryCountFromEnvelope, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_RedeliveryStamp_getRetryCount arginfo_class_Messenger_Stamp_DelayStamp_getDelay

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Stamp_RedeliveryStamp_getRedeliveredAt, 0, 0, DateTimeInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_ErrorDetailsStamp___construct, 0, 0, 3)
	ZEND_ARG_TYPE_INFO(0, exceptionClass, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, exceptionCode, MAY_BE_LONG|MAY_BE_STRING, NULL)
	ZEND_ARG_TYPE_INFO(0, exceptionMessage, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Stamp_ErrorDetailsStamp_create, 0, 1, Messenger\\Stamp\\ErrorDetailsStamp, 0)
	ZEND_ARG_OBJ_INFO(0, throwable, Throwable, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_ErrorDetailsStamp_getExceptionClass arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_class_Messenger_Stamp_ErrorDetailsStamp_getExceptionCode, 0, 0, MAY_BE_LONG|MAY_BE_STRING)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_ErrorDetailsStamp_getExceptionMessage arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_SentToFailureTransportStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, originalReceiverName, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_SentToFailureTransportStamp_getOriginalReceiverName arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_TransportMessageIdStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, id, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_TransportMessageIdStamp_getId arginfo_class_Messenger_Stamp_HandledStamp_getResult

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Stamp_HandlerArgumentsStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, additionalArguments, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Stamp_HandlerArgumentsStamp_getAdditionalArguments arginfo_class_Messenger_Stamp_TransportNamesStamp_getTransportNames

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, routingKey, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attributes, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp_getRoutingKey arginfo_class_Messenger_Stamp_SentStamp_getSenderAlias

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp_getFlags arginfo_class_Messenger_Stamp_DelayStamp_getDelay

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp_getAttributes arginfo_class_Messenger_Stamp_TransportNamesStamp_getTransportNames

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, queueName, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, deliveryTag, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, routingKey, IS_STRING, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, exchangeName, IS_STRING, 0, "\'\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, redelivered, _IS_BOOL, 0, "false")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, attributes, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, connection, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getQueueName arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getDeliveryTag arginfo_class_Messenger_Stamp_DelayStamp_getDelay

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getRoutingKey arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getExchangeName arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_isRedelivered, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getAttributes arginfo_class_Messenger_Stamp_TransportNamesStamp_getTransportNames


ZEND_METHOD(Messenger_Stamp_DelayStamp, __construct);
ZEND_METHOD(Messenger_Stamp_DelayStamp, getDelay);
ZEND_METHOD(Messenger_Stamp_DelayStamp, delayFor);
ZEND_METHOD(Messenger_Stamp_DelayStamp, delayUntil);
ZEND_METHOD(Messenger_Stamp_HandledStamp, __construct);
ZEND_METHOD(Messenger_Stamp_HandledStamp, getResult);
ZEND_METHOD(Messenger_Stamp_HandledStamp, getHandlerName);
ZEND_METHOD(Messenger_Stamp_SentStamp, __construct);
ZEND_METHOD(Messenger_Stamp_SentStamp, getSenderClass);
ZEND_METHOD(Messenger_Stamp_SentStamp, getSenderAlias);
ZEND_METHOD(Messenger_Stamp_ReceivedStamp, __construct);
ZEND_METHOD(Messenger_Stamp_ReceivedStamp, getTransportName);
ZEND_METHOD(Messenger_Stamp_TransportNamesStamp, __construct);
ZEND_METHOD(Messenger_Stamp_TransportNamesStamp, getTransportNames);
ZEND_METHOD(Messenger_Stamp_BusNameStamp, __construct);
ZEND_METHOD(Messenger_Stamp_BusNameStamp, getBusName);
ZEND_METHOD(Messenger_Stamp_RedeliveryStamp, __construct);
ZEND_METHOD(Messenger_Stamp_RedeliveryStamp, getRetryCountFromEnvelope);
ZEND_METHOD(Messenger_Stamp_RedeliveryStamp, getRetryCount);
ZEND_METHOD(Messenger_Stamp_RedeliveryStamp, getRedeliveredAt);
ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, __construct);
ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, create);
ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, getExceptionClass);
ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, getExceptionCode);
ZEND_METHOD(Messenger_Stamp_ErrorDetailsStamp, getExceptionMessage);
ZEND_METHOD(Messenger_Stamp_SentToFailureTransportStamp, __construct);
ZEND_METHOD(Messenger_Stamp_SentToFailureTransportStamp, getOriginalReceiverName);
ZEND_METHOD(Messenger_Stamp_TransportMessageIdStamp, __construct);
ZEND_METHOD(Messenger_Stamp_TransportMessageIdStamp, getId);
ZEND_METHOD(Messenger_Stamp_HandlerArgumentsStamp, __construct);
ZEND_METHOD(Messenger_Stamp_HandlerArgumentsStamp, getAdditionalArguments);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpStamp, __construct);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpStamp, getRoutingKey);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpStamp, getFlags);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpStamp, getAttributes);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, __construct);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getQueueName);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getDeliveryTag);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getRoutingKey);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getExchangeName);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, isRedelivered);
ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getAttributes);


static const zend_function_entry class_Messenger_Stamp_DelayStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_DelayStamp, __construct, arginfo_class_Messenger_Stamp_DelayStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_DelayStamp, getDelay, arginfo_class_Messenger_Stamp_DelayStamp_getDelay, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_DelayStamp, delayFor, arginfo_class_Messenger_Stamp_DelayStamp_delayFor, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Messenger_Stamp_DelayStamp, delayUntil, arginfo_class_Messenger_Stamp_DelayStamp_delayUntil, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_HandledStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_HandledStamp, __construct, arginfo_class_Messenger_Stamp_HandledStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_HandledStamp, getResult, arginfo_class_Messenger_Stamp_HandledStamp_getResult, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_HandledStamp, getHandlerName, arginfo_class_Messenger_Stamp_HandledStamp_getHandlerName, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_SentStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_SentStamp, __construct, arginfo_class_Messenger_Stamp_SentStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_SentStamp, getSenderClass, arginfo_class_Messenger_Stamp_SentStamp_getSenderClass, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_SentStamp, getSenderAlias, arginfo_class_Messenger_Stamp_SentStamp_getSenderAlias, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_ReceivedStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_ReceivedStamp, __construct, arginfo_class_Messenger_Stamp_ReceivedStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_ReceivedStamp, getTransportName, arginfo_class_Messenger_Stamp_ReceivedStamp_getTransportName, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_TransportNamesStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_TransportNamesStamp, __construct, arginfo_class_Messenger_Stamp_TransportNamesStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_TransportNamesStamp, getTransportNames, arginfo_class_Messenger_Stamp_TransportNamesStamp_getTransportNames, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_BusNameStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_BusNameStamp, __construct, arginfo_class_Messenger_Stamp_BusNameStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_BusNameStamp, getBusName, arginfo_class_Messenger_Stamp_BusNameStamp_getBusName, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_DispatchAfterCurrentBusStamp_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_RedeliveryStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_RedeliveryStamp, __construct, arginfo_class_Messenger_Stamp_RedeliveryStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_RedeliveryStamp, getRetryCountFromEnvelope, arginfo_class_Messenger_Stamp_RedeliveryStamp_getRetryCountFromEnvelope, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Messenger_Stamp_RedeliveryStamp, getRetryCount, arginfo_class_Messenger_Stamp_RedeliveryStamp_getRetryCount, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_RedeliveryStamp, getRedeliveredAt, arginfo_class_Messenger_Stamp_RedeliveryStamp_getRedeliveredAt, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_ErrorDetailsStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_ErrorDetailsStamp, __construct, arginfo_class_Messenger_Stamp_ErrorDetailsStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_ErrorDetailsStamp, create, arginfo_class_Messenger_Stamp_ErrorDetailsStamp_create, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Messenger_Stamp_ErrorDetailsStamp, getExceptionClass, arginfo_class_Messenger_Stamp_ErrorDetailsStamp_getExceptionClass, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_ErrorDetailsStamp, getExceptionCode, arginfo_class_Messenger_Stamp_ErrorDetailsStamp_getExceptionCode, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_ErrorDetailsStamp, getExceptionMessage, arginfo_class_Messenger_Stamp_ErrorDetailsStamp_getExceptionMessage, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_SentToFailureTransportStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_SentToFailureTransportStamp, __construct, arginfo_class_Messenger_Stamp_SentToFailureTransportStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_SentToFailureTransportStamp, getOriginalReceiverName, arginfo_class_Messenger_Stamp_SentToFailureTransportStamp_getOriginalReceiverName, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_TransportMessageIdStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_TransportMessageIdStamp, __construct, arginfo_class_Messenger_Stamp_TransportMessageIdStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_TransportMessageIdStamp, getId, arginfo_class_Messenger_Stamp_TransportMessageIdStamp_getId, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_HandlerArgumentsStamp_methods[] = {
	ZEND_ME(Messenger_Stamp_HandlerArgumentsStamp, __construct, arginfo_class_Messenger_Stamp_HandlerArgumentsStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Stamp_HandlerArgumentsStamp, getAdditionalArguments, arginfo_class_Messenger_Stamp_HandlerArgumentsStamp_getAdditionalArguments, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_MessageDecodingFailedStamp_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Bridge_Amqp_Transport_AmqpStamp_methods[] = {
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpStamp, __construct, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpStamp, getRoutingKey, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp_getRoutingKey, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpStamp, getFlags, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp_getFlags, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpStamp, getAttributes, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpStamp_getAttributes, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_methods[] = {
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, __construct, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getQueueName, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getQueueName, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getDeliveryTag, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getDeliveryTag, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getRoutingKey, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getRoutingKey, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getExchangeName, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getExchangeName, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, isRedelivered, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_isRedelivered, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp, getAttributes, arginfo_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_getAttributes, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Stamp_DelayStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "DelayStamp", class_Messenger_Stamp_DelayStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_delay_default_value;
	ZVAL_UNDEF(&property_delay_default_value);
	zend_string *property_delay_name = zend_string_init("delay", sizeof("delay") - 1, 1);
	zend_declare_typed_property(class_entry, property_delay_name, &property_delay_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_delay_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_HandledStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "HandledStamp", class_Messenger_Stamp_HandledStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_result_default_value;
	ZVAL_UNDEF(&property_result_default_value);
	zend_string *property_result_name = zend_string_init("result", sizeof("result") - 1, 1);
	zend_declare_typed_property(class_entry, property_result_name, &property_result_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ANY));
	zend_string_release(property_result_name);

	zval property_handlerName_default_value;
	ZVAL_UNDEF(&property_handlerName_default_value);
	zend_string *property_handlerName_name = zend_string_init("handlerName", sizeof("handlerName") - 1, 1);
	zend_declare_typed_property(class_entry, property_handlerName_name, &property_handlerName_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_handlerName_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_SentStamp(zend_class_entry *class_entry_Messenger_Stamp_NonSendableStampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "SentStamp", class_Messenger_Stamp_SentStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_NonSendableStampInterface);

	zval property_senderClass_default_value;
	ZVAL_UNDEF(&property_senderClass_default_value);
	zend_string *property_senderClass_name = zend_string_init("senderClass", sizeof("senderClass") - 1, 1);
	zend_declare_typed_property(class_entry, property_senderClass_name, &property_senderClass_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_senderClass_name);

	zval property_senderAlias_default_value;
	ZVAL_UNDEF(&property_senderAlias_default_value);
	zend_string *property_senderAlias_name = zend_string_init("senderAlias", sizeof("senderAlias") - 1, 1);
	zend_declare_typed_property(class_entry, property_senderAlias_name, &property_senderAlias_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_senderAlias_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_ReceivedStamp(zend_class_entry *class_entry_Messenger_Stamp_NonSendableStampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "ReceivedStamp", class_Messenger_Stamp_ReceivedStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_NonSendableStampInterface);

	zval property_transportName_default_value;
	ZVAL_UNDEF(&property_transportName_default_value);
	zend_string *property_transportName_name = zend_string_init("transportName", sizeof("transportName") - 1, 1);
	zend_declare_typed_property(class_entry, property_transportName_name, &property_transportName_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_transportName_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_TransportNamesStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "TransportNamesStamp", class_Messenger_Stamp_TransportNamesStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_transports_default_value;
	ZVAL_UNDEF(&property_transports_default_value);
	zend_string *property_transports_name = zend_string_init("transports", sizeof("transports") - 1, 1);
	zend_declare_typed_property(class_entry, property_transports_name, &property_transports_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_transports_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_BusNameStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "BusNameStamp", class_Messenger_Stamp_BusNameStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_busName_default_value;
	ZVAL_UNDEF(&property_busName_default_value);
	zend_string *property_busName_name = zend_string_init("busName", sizeof("busName") - 1, 1);
	zend_declare_typed_property(class_entry, property_busName_name, &property_busName_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_busName_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_DispatchAfterCurrentBusStamp(zend_class_entry *class_entry_Messenger_Stamp_NonSendableStampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "DispatchAfterCurrentBusStamp", class_Messenger_Stamp_DispatchAfterCurrentBusStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_NonSendableStampInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_RedeliveryStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "RedeliveryStamp", class_Messenger_Stamp_RedeliveryStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_retryCount_default_value;
	ZVAL_UNDEF(&property_retryCount_default_value);
	zend_string *property_retryCount_name = zend_string_init("retryCount", sizeof("retryCount") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryCount_name, &property_retryCount_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_retryCount_name);

	zend_string *property_redeliveredAt_class_DateTimeInterface = zend_string_init("DateTimeInterface", sizeof("DateTimeInterface")-1, 1);
	zval property_redeliveredAt_default_value;
	ZVAL_UNDEF(&property_redeliveredAt_default_value);
	zend_string *property_redeliveredAt_name = zend_string_init("redeliveredAt", sizeof("redeliveredAt") - 1, 1);
	zend_declare_typed_property(class_entry, property_redeliveredAt_name, &property_redeliveredAt_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_redeliveredAt_class_DateTimeInterface, 0, 0));
	zend_string_release(property_redeliveredAt_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_ErrorDetailsStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "ErrorDetailsStamp", class_Messenger_Stamp_ErrorDetailsStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_exceptionClass_default_value;
	ZVAL_UNDEF(&property_exceptionClass_default_value);
	zend_string *property_exceptionClass_name = zend_string_init("exceptionClass", sizeof("exceptionClass") - 1, 1);
	zend_declare_typed_property(class_entry, property_exceptionClass_name, &property_exceptionClass_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_exceptionClass_name);

	zval property_exceptionCode_default_value;
	ZVAL_UNDEF(&property_exceptionCode_default_value);
	zend_string *property_exceptionCode_name = zend_string_init("exceptionCode", sizeof("exceptionCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_exceptionCode_name, &property_exceptionCode_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_STRING));
	zend_string_release(property_exceptionCode_name);

	zval property_exceptionMessage_default_value;
	ZVAL_UNDEF(&property_exceptionMessage_default_value);
	zend_string *property_exceptionMessage_name = zend_string_init("exceptionMessage", sizeof("exceptionMessage") - 1, 1);
	zend_declare_typed_property(class_entry, property_exceptionMessage_name, &property_exceptionMessage_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_exceptionMessage_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_SentToFailureTransportStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "SentToFailureTransportStamp", class_Messenger_Stamp_SentToFailureTransportStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_originalReceiverName_default_value;
	ZVAL_UNDEF(&property_originalReceiverName_default_value);
	zend_string *property_originalReceiverName_name = zend_string_init("originalReceiverName", sizeof("originalReceiverName") - 1, 1);
	zend_declare_typed_property(class_entry, property_originalReceiverName_name, &property_originalReceiverName_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_originalReceiverName_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_TransportMessageIdStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "TransportMessageIdStamp", class_Messenger_Stamp_TransportMessageIdStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ANY));
	zend_string_release(property_id_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_HandlerArgumentsStamp(zend_class_entry *class_entry_Messenger_Stamp_NonSendableStampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "HandlerArgumentsStamp", class_Messenger_Stamp_HandlerArgumentsStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_NonSendableStampInterface);

	zval property_additionalArguments_default_value;
	ZVAL_UNDEF(&property_additionalArguments_default_value);
	zend_string *property_additionalArguments_name = zend_string_init("additionalArguments", sizeof("additionalArguments") - 1, 1);
	zend_declare_typed_property(class_entry, property_additionalArguments_name, &property_additionalArguments_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_additionalArguments_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_MessageDecodingFailedStamp(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "MessageDecodingFailedStamp", class_Messenger_Stamp_MessageDecodingFailedStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Bridge_Amqp_Transport_AmqpStamp(zend_class_entry *class_entry_Messenger_Stamp_NonSendableStampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Bridge\\Amqp\\Transport", "AmqpStamp", class_Messenger_Bridge_Amqp_Transport_AmqpStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_NonSendableStampInterface);

	zval property_routingKey_default_value;
	ZVAL_UNDEF(&property_routingKey_default_value);
	zend_string *property_routingKey_name = zend_string_init("routingKey", sizeof("routingKey") - 1, 1);
	zend_declare_typed_property(class_entry, property_routingKey_name, &property_routingKey_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_routingKey_name);

	zval property_flags_default_value;
	ZVAL_UNDEF(&property_flags_default_value);
	zend_string *property_flags_name = zend_string_init("flags", sizeof("flags") - 1, 1);
	zend_declare_typed_property(class_entry, property_flags_name, &property_flags_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_flags_name);

	zval property_attributes_default_value;
	ZVAL_UNDEF(&property_attributes_default_value);
	zend_string *property_attributes_name = zend_string_init("attributes", sizeof("attributes") - 1, 1);
	zend_declare_typed_property(class_entry, property_attributes_name, &property_attributes_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_attributes_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp(zend_class_entry *class_entry_Messenger_Stamp_NonSendableStampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Bridge\\Amqp\\Transport", "AmqpReceivedStamp", class_Messenger_Bridge_Amqp_Transport_AmqpReceivedStamp_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_NonSendableStampInterface);

	zval property_queueName_default_value;
	ZVAL_UNDEF(&property_queueName_default_value);
	zend_string *property_queueName_name = zend_string_init("queueName", sizeof("queueName") - 1, 1);
	zend_declare_typed_property(class_entry, property_queueName_name, &property_queueName_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_queueName_name);

	zval property_deliveryTag_default_value;
	ZVAL_UNDEF(&property_deliveryTag_default_value);
	zend_string *property_deliveryTag_name = zend_string_init("deliveryTag", sizeof("deliveryTag") - 1, 1);
	zend_declare_typed_property(class_entry, property_deliveryTag_name, &property_deliveryTag_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_deliveryTag_name);

	zval property_routingKey_default_value;
	ZVAL_UNDEF(&property_routingKey_default_value);
	zend_string *property_routingKey_name = zend_string_init("routingKey", sizeof("routingKey") - 1, 1);
	zend_declare_typed_property(class_entry, property_routingKey_name, &property_routingKey_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_routingKey_name);

	zval property_exchangeName_default_value;
	ZVAL_UNDEF(&property_exchangeName_default_value);
	zend_string *property_exchangeName_name = zend_string_init("exchangeName", sizeof("exchangeName") - 1, 1);
	zend_declare_typed_property(class_entry, property_exchangeName_name, &property_exchangeName_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_exchangeName_name);

	zval property_redelivered_default_value;
	ZVAL_UNDEF(&property_redelivered_default_value);
	zend_string *property_redelivered_name = zend_string_init("redelivered", sizeof("redelivered") - 1, 1);
	zend_declare_typed_property(class_entry, property_redelivered_name, &property_redelivered_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_redelivered_name);

	zval property_attributes_default_value;
	ZVAL_UNDEF(&property_attributes_default_value);
	zend_string *property_attributes_name = zend_string_init("attributes", sizeof("attributes") - 1, 1);
	zend_declare_typed_property(class_entry, property_attributes_name, &property_attributes_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_attributes_name);

	zval property_connection_default_value;
	ZVAL_UNDEF(&property_connection_default_value);
	zend_string *property_connection_name = zend_string_init("connection", sizeof("connection") - 1, 1);
	zend_declare_typed_property(class_entry, property_connection_name, &property_connection_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_connection_name);

	return class_entry;
}
