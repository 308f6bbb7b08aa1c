/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 6027572e3c07d3c7f7f598c5564ee9075a20ce72 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Messenger___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, config, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Messenger_fromFile, 0, 1, Messenger\\Messenger, 0)
	ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Messenger_bus, 0, 0, Messenger\\MessageBus, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Messenger_dispatch, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, stamps, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Messenger_dispatchAll, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, messages, Traversable, MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Messenger_transport, 0, 1, Messenger\\Transport\\TransportInterface, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Messenger_transportNames, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Messenger_setupTransports, 0, 0, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Messenger_worker, 0, 1, Messenger\\Worker, 0)
	ZEND_ARG_TYPE_INFO(0, receiverNames, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Messenger, __construct);
ZEND_METHOD(Messenger_Messenger, fromFile);
ZEND_METHOD(Messenger_Messenger, bus);
ZEND_METHOD(Messenger_Messenger, dispatch);
ZEND_METHOD(Messenger_Messenger, dispatchAll);
ZEND_METHOD(Messenger_Messenger, transport);
ZEND_METHOD(Messenger_Messenger, transportNames);
ZEND_METHOD(Messenger_Messenger, setupTransports);
ZEND_METHOD(Messenger_Messenger, worker);


static const zend_function_entry class_Messenger_Messenger_methods[] = {
	ZEND_ME(Messenger_Messenger, __construct, arginfo_class_Messenger_Messenger___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, fromFile, arginfo_class_Messenger_Messenger_fromFile, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Messenger_Messenger, bus, arginfo_class_Messenger_Messenger_bus, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, dispatch, arginfo_class_Messenger_Messenger_dispatch, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, dispatchAll, arginfo_class_Messenger_Messenger_dispatchAll, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, transport, arginfo_class_Messenger_Messenger_transport, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, transportNames, arginfo_class_Messenger_Messenger_transportNames, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, setupTransports, arginfo_class_Messenger_Messenger_setupTransports, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Messenger, worker, arginfo_class_Messenger_Messenger_worker, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Messenger(zend_class_entry *class_entry_Messenger_MessageBusInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "Messenger", class_Messenger_Messenger_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_MessageBusInterface);

	return class_entry;
}
