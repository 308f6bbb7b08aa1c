/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 3c569fe487717117b6e2956c78dff20fe35b6e41 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_HandleTrait_handle, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, stamps, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_BatchHandlerTrait_flush, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, force, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_BatchHandlerTrait_handle, 0, 2, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_OBJECT, 0)
	ZEND_ARG_OBJ_INFO(0, ack, Messenger\\Handler\\Acknowledger, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_BatchHandlerTrait_shouldFlush, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Handler_BatchHandlerTrait_getBatchSize, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_HandleTrait, handle);
ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, flush);
ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, handle);
ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, shouldFlush);
ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, getBatchSize);


static const zend_function_entry class_Messenger_HandleTrait_methods[] = {
	ZEND_ME(Messenger_HandleTrait, handle, arginfo_class_Messenger_HandleTrait_handle, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Handler_BatchHandlerTrait_methods[] = {
	ZEND_ME(Messenger_Handler_BatchHandlerTrait, flush, arginfo_class_Messenger_Handler_BatchHandlerTrait_flush, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Handler_BatchHandlerTrait, handle, arginfo_class_Messenger_Handler_BatchHandlerTrait_handle, ZEND_ACC_PRIVATE)
	ZEND_ME(Messenger_Handler_BatchHandlerTrait, shouldFlush, arginfo_class_Messenger_Handler_BatchHandlerTrait_shouldFlush, ZEND_ACC_PRIVATE)
	ZEND_ME(Messenger_Handler_BatchHandlerTrait, getBatchSize, arginfo_class_Messenger_Handler_BatchHandlerTrait_getBatchSize, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_HandleTrait(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "HandleTrait", class_Messenger_HandleTrait_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_TRAIT;

	zend_string *property_messageBus_class_Messenger_MessageBusInterface = zend_string_init("Messenger\\MessageBusInterface", sizeof("Messenger\\MessageBusInterface")-1, 1);
	zval property_messageBus_default_value;
	ZVAL_UNDEF(&property_messageBus_default_value);
	zend_string *property_messageBus_name = zend_string_init("messageBus", sizeof("messageBus") - 1, 1);
	zend_declare_typed_property(class_entry, property_messageBus_name, &property_messageBus_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_messageBus_class_Messenger_MessageBusInterface, 0, 0));
	zend_string_release(property_messageBus_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Handler_BatchHandlerTrait(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Handler", "BatchHandlerTrait", class_Messenger_Handler_BatchHandlerTrait_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_TRAIT;

	zval property_jobs_default_value;
	ZVAL_EMPTY_ARRAY(&property_jobs_default_value);
	zend_string *property_jobs_name = zend_string_init("jobs", sizeof("jobs") - 1, 1);
	zend_declare_typed_property(class_entry, property_jobs_name, &property_jobs_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_jobs_name);

	return class_entry;
}
