/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 115ebea21f700d9f403208112df96469c38b2e95 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Dashboard___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, messenger, Messenger\\Messenger, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Dashboard_handle, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, uri, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, body, IS_STRING, 0, "\'\'")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Dashboard_serve, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Dashboard, __construct);
ZEND_METHOD(Messenger_Dashboard, handle);
ZEND_METHOD(Messenger_Dashboard, serve);


static const zend_function_entry class_Messenger_Dashboard_methods[] = {
	ZEND_ME(Messenger_Dashboard, __construct, arginfo_class_Messenger_Dashboard___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Dashboard, handle, arginfo_class_Messenger_Dashboard_handle, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Dashboard, serve, arginfo_class_Messenger_Dashboard_serve, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Dashboard(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "Dashboard", class_Messenger_Dashboard_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
