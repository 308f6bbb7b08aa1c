/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: bc8eaeef080bc42384d1ed35061a4d7c0d48e4ad */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Worker___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Worker_run, 0, 0, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Worker_stop, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Worker_on, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, event, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, listener, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Worker_giveBack arginfo_class_Messenger_Worker_stop


ZEND_METHOD(Messenger_Worker, __construct);
ZEND_METHOD(Messenger_Worker, run);
ZEND_METHOD(Messenger_Worker, stop);
ZEND_METHOD(Messenger_Worker, on);
ZEND_METHOD(Messenger_Worker, giveBack);


static const zend_function_entry class_Messenger_Worker_methods[] = {
	ZEND_ME(Messenger_Worker, __construct, arginfo_class_Messenger_Worker___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Messenger_Worker, run, arginfo_class_Messenger_Worker_run, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Worker, stop, arginfo_class_Messenger_Worker_stop, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Worker, on, arginfo_class_Messenger_Worker_on, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Worker, giveBack, arginfo_class_Messenger_Worker_giveBack, ZEND_ACC_PRIVATE|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Worker(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger", "Worker", class_Messenger_Worker_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
