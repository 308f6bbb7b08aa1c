/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e3135b2631db27c66d1f9948b4935d896f77849c */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Attribute_AsMessageHandler___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, bus, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, fromTransport, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, handles, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, method, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, priority, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Attribute_AsMessage___construct, 0, 0, 0)
	ZEND_ARG_TYPE_MASK(0, transport, MAY_BE_STRING|MAY_BE_ARRAY|MAY_BE_NULL, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, serializedTypeName, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Attribute_AsMessageHandler, __construct);
ZEND_METHOD(Messenger_Attribute_AsMessage, __construct);


static const zend_function_entry class_Messenger_Attribute_AsMessageHandler_methods[] = {
	ZEND_ME(Messenger_Attribute_AsMessageHandler, __construct, arginfo_class_Messenger_Attribute_AsMessageHandler___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Attribute_AsMessage_methods[] = {
	ZEND_ME(Messenger_Attribute_AsMessage, __construct, arginfo_class_Messenger_Attribute_AsMessage___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Attribute_AsMessageHandler(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Attribute", "AsMessageHandler", class_Messenger_Attribute_AsMessageHandler_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_bus_default_value;
	ZVAL_UNDEF(&property_bus_default_value);
	zend_string *property_bus_name = zend_string_init("bus", sizeof("bus") - 1, 1);
	zend_declare_typed_property(class_entry, property_bus_name, &property_bus_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_bus_name);

	zval property_fromTransport_default_value;
	ZVAL_UNDEF(&property_fromTransport_default_value);
	zend_string *property_fromTransport_name = zend_string_init("fromTransport", sizeof("fromTransport") - 1, 1);
	zend_declare_typed_property(class_entry, property_fromTransport_name, &property_fromTransport_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_fromTransport_name);

	zval property_handles_default_value;
	ZVAL_UNDEF(&property_handles_default_value);
	zend_string *property_handles_name = zend_string_init("handles", sizeof("handles") - 1, 1);
	zend_declare_typed_property(class_entry, property_handles_name, &property_handles_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_handles_name);

	zval property_method_default_value;
	ZVAL_UNDEF(&property_method_default_value);
	zend_string *property_method_name = zend_string_init("method", sizeof("method") - 1, 1);
	zend_declare_typed_property(class_entry, property_method_name, &property_method_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_method_name);

	zval property_priority_default_value;
	ZVAL_UNDEF(&property_priority_default_value);
	zend_string *property_priority_name = zend_string_init("priority", sizeof("priority") - 1, 1);
	zend_declare_typed_property(class_entry, property_priority_name, &property_priority_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_priority_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Attribute_AsMessage(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Attribute", "AsMessage", class_Messenger_Attribute_AsMessage_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_transport_default_value;
	ZVAL_UNDEF(&property_transport_default_value);
	zend_string *property_transport_name = zend_string_init("transport", sizeof("transport") - 1, 1);
	zend_declare_typed_property(class_entry, property_transport_name, &property_transport_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_ARRAY|MAY_BE_NULL));
	zend_string_release(property_transport_name);

	zval property_serializedTypeName_default_value;
	ZVAL_UNDEF(&property_serializedTypeName_default_value);
	zend_string *property_serializedTypeName_name = zend_string_init("serializedTypeName", sizeof("serializedTypeName") - 1, 1);
	zend_declare_typed_property(class_entry, property_serializedTypeName_name, &property_serializedTypeName_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_serializedTypeName_name);

	return class_entry;
}
