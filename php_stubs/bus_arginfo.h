/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 5696ae68b559008d9695400c9d94d3c4c2351997 */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_MessageBusInterface_dispatch, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, stamps, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_MessageBus___construct, 0, 0, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, middleware, Traversable, MAY_BE_ARRAY, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, name, IS_STRING, 0, "\"messenger.bus.default\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_MessageBus_getName, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_MessageBus_dispatch arginfo_class_Messenger_MessageBusInterface_dispatch


ZEND_METHOD(Messenger_MessageBus, __construct);
ZEND_METHOD(Messenger_MessageBus, getName);
ZEND_METHOD(Messenger_MessageBus, dispatch);


static const zend_function_entry class_Messenger_MessageBusInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_MessageBusInterface, dispatch, arginfo_class_Messenger_MessageBusInterface_dispatch, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_MessageBus_methods[] = {
	ZEND_ME(Messenger_MessageBus, __construct, arginfo_class_Messenger_MessageBus___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_MessageBus, getName, arginfo_class_Messenger_MessageBus_getName, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_MessageBus, dispatch, arginfo_class_Messenger_MessageBus_dispatch, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_MessageBusInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "MessageBusInterface", class_Messenger_MessageBusInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_MessageBus(zend_class_entry *class_entry_Messenger_MessageBusInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "MessageBus", class_Messenger_MessageBus_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_MessageBusInterface);

	return class_entry;
}
