/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e21be56f5274301dae69566273e90734cb813be1 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Exception_WrappedExceptionsInterface_getWrappedExceptions, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, class, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, recursive, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Exception_HandlerFailedException___construct, 0, 0, 2)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, exceptions, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Exception_HandlerFailedException_getEnvelope, 0, 0, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Exception_HandlerFailedException_getWrappedExceptions arginfo_class_Messenger_Exception_WrappedExceptionsInterface_getWrappedExceptions

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Exception_RecoverableMessageHandlingException___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, message, IS_STRING, 0, "\"\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, code, IS_LONG, 0, "0")
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, previous, Throwable, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, retryDelay, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Exception_RecoverableMessageHandlingException_getRetryDelay, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Exception_DelayedMessageHandlingException___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, exceptions, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, envelope, Messenger\\Envelope, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Exception_DelayedMessageHandlingException_getEnvelope, 0, 0, Messenger\\Envelope, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Exception_DelayedMessageHandlingException_getWrappedExceptions arginfo_class_Messenger_Exception_WrappedExceptionsInterface_getWrappedExceptions


ZEND_METHOD(Messenger_Exception_HandlerFailedException, __construct);
ZEND_METHOD(Messenger_Exception_HandlerFailedException, getEnvelope);
ZEND_METHOD(Messenger_Exception_HandlerFailedException, getWrappedExceptions);
ZEND_METHOD(Messenger_Exception_RecoverableMessageHandlingException, __construct);
ZEND_METHOD(Messenger_Exception_RecoverableMessageHandlingException, getRetryDelay);
ZEND_METHOD(Messenger_Exception_DelayedMessageHandlingException, __construct);
ZEND_METHOD(Messenger_Exception_DelayedMessageHandlingException, getEnvelope);
ZEND_METHOD(Messenger_Exception_DelayedMessageHandlingException, getWrappedExceptions);


static const zend_function_entry class_Messenger_Exception_ExceptionInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_RecoverableExceptionInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_UnrecoverableExceptionInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_StopWorkerExceptionInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_WrappedExceptionsInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Exception_WrappedExceptionsInterface, getWrappedExceptions, arginfo_class_Messenger_Exception_WrappedExceptionsInterface_getWrappedExceptions, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_LogicException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_RuntimeException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_InvalidArgumentException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_HandlerFailedException_methods[] = {
	ZEND_ME(Messenger_Exception_HandlerFailedException, __construct, arginfo_class_Messenger_Exception_HandlerFailedException___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Exception_HandlerFailedException, getEnvelope, arginfo_class_Messenger_Exception_HandlerFailedException_getEnvelope, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Exception_HandlerFailedException, getWrappedExceptions, arginfo_class_Messenger_Exception_HandlerFailedException_getWrappedExceptions, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_NoHandlerForMessageException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_UnrecoverableMessageHandlingException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_RecoverableMessageHandlingException_methods[] = {
	ZEND_ME(Messenger_Exception_RecoverableMessageHandlingException, __construct, arginfo_class_Messenger_Exception_RecoverableMessageHandlingException___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Exception_RecoverableMessageHandlingException, getRetryDelay, arginfo_class_Messenger_Exception_RecoverableMessageHandlingException_getRetryDelay, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_MessageDecodingFailedException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_TransportException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_MaybeSentException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_DelayedMessageHandlingException_methods[] = {
	ZEND_ME(Messenger_Exception_DelayedMessageHandlingException, __construct, arginfo_class_Messenger_Exception_DelayedMessageHandlingException___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Exception_DelayedMessageHandlingException, getEnvelope, arginfo_class_Messenger_Exception_DelayedMessageHandlingException_getEnvelope, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Exception_DelayedMessageHandlingException, getWrappedExceptions, arginfo_class_Messenger_Exception_DelayedMessageHandlingException_getWrappedExceptions, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Exception_StopWorkerException_methods[] = {
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Exception_ExceptionInterface(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "ExceptionInterface", class_Messenger_Exception_ExceptionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_RecoverableExceptionInterface(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "RecoverableExceptionInterface", class_Messenger_Exception_RecoverableExceptionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_UnrecoverableExceptionInterface(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "UnrecoverableExceptionInterface", class_Messenger_Exception_UnrecoverableExceptionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_StopWorkerExceptionInterface(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "StopWorkerExceptionInterface", class_Messenger_Exception_StopWorkerExceptionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_WrappedExceptionsInterface(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "WrappedExceptionsInterface", class_Messenger_Exception_WrappedExceptionsInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_LogicException(zend_class_entry *class_entry_LogicException, zend_class_entry *class_entry_Messenger_Exception_ExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "LogicException", class_Messenger_Exception_LogicException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_LogicException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_ExceptionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_RuntimeException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_Messenger_Exception_ExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "RuntimeException", class_Messenger_Exception_RuntimeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_ExceptionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_InvalidArgumentException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_Messenger_Exception_ExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "InvalidArgumentException", class_Messenger_Exception_InvalidArgumentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_ExceptionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_HandlerFailedException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException, zend_class_entry *class_entry_Messenger_Exception_WrappedExceptionsInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "HandlerFailedException", class_Messenger_Exception_HandlerFailedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_WrappedExceptionsInterface);

	zend_string *property_envelope_class_Messenger_Envelope = zend_string_init("Messenger\\Envelope", sizeof("Messenger\\Envelope")-1, 1);
	zval property_envelope_default_value;
	ZVAL_UNDEF(&property_envelope_default_value);
	zend_string *property_envelope_name = zend_string_init("envelope", sizeof("envelope") - 1, 1);
	zend_declare_typed_property(class_entry, property_envelope_name, &property_envelope_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_envelope_class_Messenger_Envelope, 0, 0));
	zend_string_release(property_envelope_name);

	zval property_exceptions_default_value;
	ZVAL_UNDEF(&property_exceptions_default_value);
	zend_string *property_exceptions_name = zend_string_init("exceptions", sizeof("exceptions") - 1, 1);
	zend_declare_typed_property(class_entry, property_exceptions_name, &property_exceptions_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_exceptions_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_NoHandlerForMessageException(zend_class_entry *class_entry_Messenger_Exception_LogicException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "NoHandlerForMessageException", class_Messenger_Exception_NoHandlerForMessageException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_LogicException);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_UnrecoverableMessageHandlingException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException, zend_class_entry *class_entry_Messenger_Exception_UnrecoverableExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "UnrecoverableMessageHandlingException", class_Messenger_Exception_UnrecoverableMessageHandlingException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_UnrecoverableExceptionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_RecoverableMessageHandlingException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException, zend_class_entry *class_entry_Messenger_Exception_RecoverableExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "RecoverableMessageHandlingException", class_Messenger_Exception_RecoverableMessageHandlingException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_RecoverableExceptionInterface);

	zval property_retryDelay_default_value;
	ZVAL_NULL(&property_retryDelay_default_value);
	zend_string *property_retryDelay_name = zend_string_init("retryDelay", sizeof("retryDelay") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryDelay_name, &property_retryDelay_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_retryDelay_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_MessageDecodingFailedException(zend_class_entry *class_entry_Messenger_Exception_InvalidArgumentException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "MessageDecodingFailedException", class_Messenger_Exception_MessageDecodingFailedException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_InvalidArgumentException);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_TransportException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "TransportException", class_Messenger_Exception_TransportException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_MaybeSentException(zend_class_entry *class_entry_Messenger_Exception_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "MaybeSentException", class_Messenger_Exception_MaybeSentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_TransportException);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_DelayedMessageHandlingException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException, zend_class_entry *class_entry_Messenger_Exception_WrappedExceptionsInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "DelayedMessageHandlingException", class_Messenger_Exception_DelayedMessageHandlingException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_WrappedExceptionsInterface);

	zval property_exceptions_default_value;
	ZVAL_UNDEF(&property_exceptions_default_value);
	zend_string *property_exceptions_name = zend_string_init("exceptions", sizeof("exceptions") - 1, 1);
	zend_declare_typed_property(class_entry, property_exceptions_name, &property_exceptions_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_exceptions_name);

	zend_string *property_envelope_class_Messenger_Envelope = zend_string_init("Messenger\\Envelope", sizeof("Messenger\\Envelope")-1, 1);
	zval property_envelope_default_value;
	ZVAL_NULL(&property_envelope_default_value);
	zend_string *property_envelope_name = zend_string_init("envelope", sizeof("envelope") - 1, 1);
	zend_declare_typed_property(class_entry, property_envelope_name, &property_envelope_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_envelope_class_Messenger_Envelope, 0, MAY_BE_NULL));
	zend_string_release(property_envelope_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Exception_StopWorkerException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException, zend_class_entry *class_entry_Messenger_Exception_StopWorkerExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Exception", "StopWorkerException", class_Messenger_Exception_StopWorkerException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_StopWorkerExceptionInterface);

	return class_entry;
}
