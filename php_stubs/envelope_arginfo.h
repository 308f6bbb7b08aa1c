/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: d561637d701fa8723cf969250b7b763c8abeb8da */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Envelope___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, message, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, stamps, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Envelope_wrap, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_OBJECT, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, stamps, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Envelope_with, 0, 0, Messenger\\Envelope, 0)
	ZEND_ARG_VARIADIC_OBJ_INFO(0, stamps, Messenger\\Stamp\\StampInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Envelope_withoutAll, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, stampFqcn, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Envelope_withoutStampsOfType, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, type, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Envelope_last, 0, 1, Messenger\\Stamp\\StampInterface, 1)
	ZEND_ARG_TYPE_INFO(0, stampFqcn, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Envelope_all, 0, 0, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, stampFqcn, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Envelope_getMessage, 0, 0, IS_OBJECT, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Envelope, __construct);
ZEND_METHOD(Messenger_Envelope, wrap);
ZEND_METHOD(Messenger_Envelope, with);
ZEND_METHOD(Messenger_Envelope, withoutAll);
ZEND_METHOD(Messenger_Envelope, withoutStampsOfType);
ZEND_METHOD(Messenger_Envelope, last);
ZEND_METHOD(Messenger_Envelope, all);
ZEND_METHOD(Messenger_Envelope, getMessage);


static const zend_function_entry class_Messenger_Stamp_StampInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Stamp_NonSendableStampInterface_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Envelope_methods[] = {
	ZEND_ME(Messenger_Envelope, __construct, arginfo_class_Messenger_Envelope___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Envelope, wrap, arginfo_class_Messenger_Envelope_wrap, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Messenger_Envelope, with, arginfo_class_Messenger_Envelope_with, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Envelope, withoutAll, arginfo_class_Messenger_Envelope_withoutAll, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Envelope, withoutStampsOfType, arginfo_class_Messenger_Envelope_withoutStampsOfType, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Envelope, last, arginfo_class_Messenger_Envelope_last, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Envelope, all, arginfo_class_Messenger_Envelope_all, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Envelope, getMessage, arginfo_class_Messenger_Envelope_getMessage, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Stamp_StampInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "StampInterface", class_Messenger_Stamp_StampInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Stamp_NonSendableStampInterface(zend_class_entry *class_entry_Messenger_Stamp_StampInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Stamp", "NonSendableStampInterface", class_Messenger_Stamp_NonSendableStampInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Stamp_StampInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Envelope(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "Envelope", class_Messenger_Envelope_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_stamps_default_value;
	ZVAL_EMPTY_ARRAY(&property_stamps_default_value);
	zend_string *property_stamps_name = zend_string_init("stamps", sizeof("stamps") - 1, 1);
	zend_declare_typed_property(class_entry, property_stamps_name, &property_stamps_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_stamps_name);

	zval property_message_default_value;
	ZVAL_UNDEF(&property_message_default_value);
	zend_string *property_message_name = zend_string_init("message", sizeof("message") - 1, 1);
	zend_declare_typed_property(class_entry, property_message_name, &property_message_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_OBJECT));
	zend_string_release(property_message_name);

	return class_entry;
}
