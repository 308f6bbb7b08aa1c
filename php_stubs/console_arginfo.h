/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: b13d8a3c70934286dad33522b8b569c4fbe97f55 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Console___construct, 0, 0, 1)
	ZEND_ARG_OBJ_INFO(0, messenger, Messenger\\Messenger, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Console_run, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, argv, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Console, __construct);
ZEND_METHOD(Messenger_Console, run);


static const zend_function_entry class_Messenger_Console_methods[] = {
	ZEND_ME(Messenger_Console, __construct, arginfo_class_Messenger_Console___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Console, run, arginfo_class_Messenger_Console_run, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Console(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "Console", class_Messenger_Console_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
