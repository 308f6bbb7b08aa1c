/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: e8125ec289c2fe749566000f027e550a5ab3acbb */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Transport_Serialization_SerializerInterface_encode, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Transport_Serialization_SerializerInterface_decode, 0, 1, Messenger\\Envelope, 0)
	ZEND_ARG_TYPE_INFO(0, encodedEnvelope, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_Serialization_PhpSerializer___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Transport_Serialization_PhpSerializer_encode arginfo_class_Messenger_Transport_Serialization_SerializerInterface_encode

#define arginfo_class_Messenger_Transport_Serialization_PhpSerializer_decode arginfo_class_Messenger_Transport_Serialization_SerializerInterface_decode

#define arginfo_class_Messenger_Transport_Serialization_JsonSerializer___construct arginfo_class_Messenger_Transport_Serialization_PhpSerializer___construct

#define arginfo_class_Messenger_Transport_Serialization_JsonSerializer_encode arginfo_class_Messenger_Transport_Serialization_SerializerInterface_encode

#define arginfo_class_Messenger_Transport_Serialization_JsonSerializer_decode arginfo_class_Messenger_Transport_Serialization_SerializerInterface_decode

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Transport_Serialization_UndecodableMessage___construct, 0, 0, 3)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, headers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, error, IS_STRING, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Transport_Serialization_PhpSerializer, __construct);
ZEND_METHOD(Messenger_Transport_Serialization_PhpSerializer, encode);
ZEND_METHOD(Messenger_Transport_Serialization_PhpSerializer, decode);
ZEND_METHOD(Messenger_Transport_Serialization_JsonSerializer, __construct);
ZEND_METHOD(Messenger_Transport_Serialization_JsonSerializer, encode);
ZEND_METHOD(Messenger_Transport_Serialization_JsonSerializer, decode);
ZEND_METHOD(Messenger_Transport_Serialization_UndecodableMessage, __construct);


static const zend_function_entry class_Messenger_Transport_Serialization_SerializerInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Serialization_SerializerInterface, encode, arginfo_class_Messenger_Transport_Serialization_SerializerInterface_encode, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Transport_Serialization_SerializerInterface, decode, arginfo_class_Messenger_Transport_Serialization_SerializerInterface_decode, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Serialization_PhpSerializer_methods[] = {
	ZEND_ME(Messenger_Transport_Serialization_PhpSerializer, __construct, arginfo_class_Messenger_Transport_Serialization_PhpSerializer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Serialization_PhpSerializer, encode, arginfo_class_Messenger_Transport_Serialization_PhpSerializer_encode, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Serialization_PhpSerializer, decode, arginfo_class_Messenger_Transport_Serialization_PhpSerializer_decode, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Serialization_JsonSerializer_methods[] = {
	ZEND_ME(Messenger_Transport_Serialization_JsonSerializer, __construct, arginfo_class_Messenger_Transport_Serialization_JsonSerializer___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Serialization_JsonSerializer, encode, arginfo_class_Messenger_Transport_Serialization_JsonSerializer_encode, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Transport_Serialization_JsonSerializer, decode, arginfo_class_Messenger_Transport_Serialization_JsonSerializer_decode, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Transport_Serialization_UndecodableMessage_methods[] = {
	ZEND_ME(Messenger_Transport_Serialization_UndecodableMessage, __construct, arginfo_class_Messenger_Transport_Serialization_UndecodableMessage___construct, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Transport_Serialization_SerializerInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Serialization", "SerializerInterface", class_Messenger_Transport_Serialization_SerializerInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Serialization_PhpSerializer(zend_class_entry *class_entry_Messenger_Transport_Serialization_SerializerInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Serialization", "PhpSerializer", class_Messenger_Transport_Serialization_PhpSerializer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Transport_Serialization_SerializerInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Serialization_JsonSerializer(zend_class_entry *class_entry_Messenger_Transport_Serialization_SerializerInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Serialization", "JsonSerializer", class_Messenger_Transport_Serialization_JsonSerializer_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Transport_Serialization_SerializerInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Transport_Serialization_UndecodableMessage(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Transport\\Serialization", "UndecodableMessage", class_Messenger_Transport_Serialization_UndecodableMessage_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_body_default_value;
	ZVAL_UNDEF(&property_body_default_value);
	zend_string *property_body_name = zend_string_init("body", sizeof("body") - 1, 1);
	zend_declare_typed_property(class_entry, property_body_name, &property_body_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_body_name);

	zval property_headers_default_value;
	ZVAL_UNDEF(&property_headers_default_value);
	zend_string *property_headers_name = zend_string_init("headers", sizeof("headers") - 1, 1);
	zend_declare_typed_property(class_entry, property_headers_name, &property_headers_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_headers_name);

	zval property_error_default_value;
	ZVAL_UNDEF(&property_error_default_value);
	zend_string *property_error_name = zend_string_init("error", sizeof("error") - 1, 1);
	zend_declare_typed_property(class_entry, property_error_name, &property_error_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_error_name);

	return class_entry;
}
