/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b6f18d8071971bdc69bf53047ece4b278e45140a */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_BatchHandlerInterface_flush, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, force, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Handler_Acknowledger___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, handlerClass, IS_STRING, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, ack, Closure, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_Acknowledger_ack, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, result, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_Acknowledger_nack, 0, 1, IS_VOID, 0)
	ZEND_ARG_OBJ_INFO(0, error, Throwable, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Handler_Acknowledger_getError, 0, 0, Throwable, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_Acknowledger_getResult, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_Acknowledger_isAcknowledged, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Handler_Acknowledger, __construct);
ZEND_METHOD(Messenger_Handler_Acknowledger, ack);
ZEND_METHOD(Messenger_Handler_Acknowledger, nack);
ZEND_METHOD(Messenger_Handler_Acknowledger, getError);
ZEND_METHOD(Messenger_Handler_Acknowledger, getResult);
ZEND_METHOD(Messenger_Handler_Acknowledger, isAcknowledged);


static const zend_function_entry class_Messenger_Handler_BatchHandlerInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Handler_BatchHandlerInterface, flush, arginfo_class_Messenger_Handler_BatchHandlerInterface_flush, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Handler_Acknowledger_methods[] = {
	ZEND_ME(Messenger_Handler_Acknowledger, __construct, arginfo_class_Messenger_Handler_Acknowledger___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Handler_Acknowledger, ack, arginfo_class_Messenger_Handler_Acknowledger_ack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Handler_Acknowledger, nack, arginfo_class_Messenger_Handler_Acknowledger_nack, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Handler_Acknowledger, getError, arginfo_class_Messenger_Handler_Acknowledger_getError, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Handler_Acknowledger, getResult, arginfo_class_Messenger_Handler_Acknowledger_getResult, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Handler_Acknowledger, isAcknowledged, arginfo_class_Messenger_Handler_Acknowledger_isAcknowledged, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Handler_BatchHandlerInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Handler", "BatchHandlerInterface", class_Messenger_Handler_BatchHandlerInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Handler_Acknowledger(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Handler", "Acknowledger", class_Messenger_Handler_Acknowledger_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
