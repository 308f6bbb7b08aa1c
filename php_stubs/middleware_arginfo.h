/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ce06a694ff5416b6f4fef8d51b092edf6a89b78c */

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Middleware_MiddlewareInterface_handle, 0, 2, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, envelope, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO(0, stack, Messenger\\Middleware\\StackInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Middleware_StackInterface_next, 0, 0, Messenger\\Middleware\\MiddlewareInterface, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Middleware_StackMiddleware___construct, 0, 0, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, middleware, Traversable, MAY_BE_ARRAY, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Middleware_StackMiddleware_next arginfo_class_Messenger_Middleware_StackInterface_next

#define arginfo_class_Messenger_Middleware_StackMiddleware_handle arginfo_class_Messenger_Middleware_MiddlewareInterface_handle

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Middleware_AddBusNameStampMiddleware___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, busName, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Middleware_AddBusNameStampMiddleware_handle arginfo_class_Messenger_Middleware_MiddlewareInterface_handle

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware_handle arginfo_class_Messenger_Middleware_MiddlewareInterface_handle

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Middleware_SendMessageMiddleware___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, senders, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, routing, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Middleware_SendMessageMiddleware_handle arginfo_class_Messenger_Middleware_MiddlewareInterface_handle

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Middleware_HandleMessageMiddleware___construct, 0, 0, 1)
	ZEND_ARG_TYPE_INFO(0, handlers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, allowNoHandlers, _IS_BOOL, 0, "false")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, busName, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Middleware_HandleMessageMiddleware_handle arginfo_class_Messenger_Middleware_MiddlewareInterface_handle


ZEND_METHOD(Messenger_Middleware_StackMiddleware, __construct);
ZEND_METHOD(Messenger_Middleware_StackMiddleware, next);
ZEND_METHOD(Messenger_Middleware_StackMiddleware, handle);
ZEND_METHOD(Messenger_Middleware_AddBusNameStampMiddleware, __construct);
ZEND_METHOD(Messenger_Middleware_AddBusNameStampMiddleware, handle);
ZEND_METHOD(Messenger_Middleware_DispatchAfterCurrentBusMiddleware, __construct);
ZEND_METHOD(Messenger_Middleware_DispatchAfterCurrentBusMiddleware, handle);
ZEND_METHOD(Messenger_Middleware_SendMessageMiddleware, __construct);
ZEND_METHOD(Messenger_Middleware_SendMessageMiddleware, handle);
ZEND_METHOD(Messenger_Middleware_HandleMessageMiddleware, __construct);
ZEND_METHOD(Messenger_Middleware_HandleMessageMiddleware, handle);


static const zend_function_entry class_Messenger_Middleware_MiddlewareInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Middleware_MiddlewareInterface, handle, arginfo_class_Messenger_Middleware_MiddlewareInterface_handle, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Middleware_StackInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Middleware_StackInterface, next, arginfo_class_Messenger_Middleware_StackInterface_next, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Middleware_StackMiddleware_methods[] = {
	ZEND_ME(Messenger_Middleware_StackMiddleware, __construct, arginfo_class_Messenger_Middleware_StackMiddleware___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Middleware_StackMiddleware, next, arginfo_class_Messenger_Middleware_StackMiddleware_next, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Middleware_StackMiddleware, handle, arginfo_class_Messenger_Middleware_StackMiddleware_handle, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Middleware_AddBusNameStampMiddleware_methods[] = {
	ZEND_ME(Messenger_Middleware_AddBusNameStampMiddleware, __construct, arginfo_class_Messenger_Middleware_AddBusNameStampMiddleware___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Middleware_AddBusNameStampMiddleware, handle, arginfo_class_Messenger_Middleware_AddBusNameStampMiddleware_handle, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware_methods[] = {
	ZEND_ME(Messenger_Middleware_DispatchAfterCurrentBusMiddleware, __construct, arginfo_class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Middleware_DispatchAfterCurrentBusMiddleware, handle, arginfo_class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware_handle, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Middleware_SendMessageMiddleware_methods[] = {
	ZEND_ME(Messenger_Middleware_SendMessageMiddleware, __construct, arginfo_class_Messenger_Middleware_SendMessageMiddleware___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Middleware_SendMessageMiddleware, handle, arginfo_class_Messenger_Middleware_SendMessageMiddleware_handle, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Middleware_HandleMessageMiddleware_methods[] = {
	ZEND_ME(Messenger_Middleware_HandleMessageMiddleware, __construct, arginfo_class_Messenger_Middleware_HandleMessageMiddleware___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Middleware_HandleMessageMiddleware, handle, arginfo_class_Messenger_Middleware_HandleMessageMiddleware_handle, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Middleware_MiddlewareInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "MiddlewareInterface", class_Messenger_Middleware_MiddlewareInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Middleware_StackInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "StackInterface", class_Messenger_Middleware_StackInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Middleware_StackMiddleware(zend_class_entry *class_entry_Messenger_Middleware_StackInterface, zend_class_entry *class_entry_Messenger_Middleware_MiddlewareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "StackMiddleware", class_Messenger_Middleware_StackMiddleware_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 2, class_entry_Messenger_Middleware_StackInterface, class_entry_Messenger_Middleware_MiddlewareInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Middleware_AddBusNameStampMiddleware(zend_class_entry *class_entry_Messenger_Middleware_MiddlewareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "AddBusNameStampMiddleware", class_Messenger_Middleware_AddBusNameStampMiddleware_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Middleware_MiddlewareInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware(zend_class_entry *class_entry_Messenger_Middleware_MiddlewareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "DispatchAfterCurrentBusMiddleware", class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Middleware_MiddlewareInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Middleware_SendMessageMiddleware(zend_class_entry *class_entry_Messenger_Middleware_MiddlewareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "SendMessageMiddleware", class_Messenger_Middleware_SendMessageMiddleware_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Middleware_MiddlewareInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Middleware_HandleMessageMiddleware(zend_class_entry *class_entry_Messenger_Middleware_MiddlewareInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Middleware", "HandleMessageMiddleware", class_Messenger_Middleware_HandleMessageMiddleware_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Middleware_MiddlewareInterface);

	return class_entry;
}
