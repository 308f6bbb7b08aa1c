/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 0858c5df06248b1bae545332c4a18d0d3516f1d2 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Retry_RetryStrategyInterface_isRetryable, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_OBJ_INFO(0, message, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, throwable, Throwable, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Retry_RetryStrategyInterface_getWaitingTime, 0, 1, IS_LONG, 0)
	ZEND_ARG_OBJ_INFO(0, message, Messenger\\Envelope, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, throwable, Throwable, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Retry_MultiplierRetryStrategy___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxRetries, IS_LONG, 0, "3")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, delayMilliseconds, IS_LONG, 0, "1000")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, multiplier, IS_DOUBLE, 0, "2.0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxDelayMilliseconds, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, jitter, IS_DOUBLE, 0, "0.1")
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Retry_MultiplierRetryStrategy_isRetryable arginfo_class_Messenger_Retry_RetryStrategyInterface_isRetryable

#define arginfo_class_Messenger_Retry_MultiplierRetryStrategy_getWaitingTime arginfo_class_Messenger_Retry_RetryStrategyInterface_getWaitingTime


ZEND_METHOD(Messenger_Retry_MultiplierRetryStrategy, __construct);
ZEND_METHOD(Messenger_Retry_MultiplierRetryStrategy, isRetryable);
ZEND_METHOD(Messenger_Retry_MultiplierRetryStrategy, getWaitingTime);


static const zend_function_entry class_Messenger_Retry_RetryStrategyInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Retry_RetryStrategyInterface, isRetryable, arginfo_class_Messenger_Retry_RetryStrategyInterface_isRetryable, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Retry_RetryStrategyInterface, getWaitingTime, arginfo_class_Messenger_Retry_RetryStrategyInterface_getWaitingTime, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Retry_MultiplierRetryStrategy_methods[] = {
	ZEND_ME(Messenger_Retry_MultiplierRetryStrategy, __construct, arginfo_class_Messenger_Retry_MultiplierRetryStrategy___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Retry_MultiplierRetryStrategy, isRetryable, arginfo_class_Messenger_Retry_MultiplierRetryStrategy_isRetryable, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Retry_MultiplierRetryStrategy, getWaitingTime, arginfo_class_Messenger_Retry_MultiplierRetryStrategy_getWaitingTime, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Retry_RetryStrategyInterface(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Retry", "RetryStrategyInterface", class_Messenger_Retry_RetryStrategyInterface_methods);
	class_entry = zend_register_internal_interface(&ce);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Retry_MultiplierRetryStrategy(zend_class_entry *class_entry_Messenger_Retry_RetryStrategyInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Retry", "MultiplierRetryStrategy", class_Messenger_Retry_MultiplierRetryStrategy_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Retry_RetryStrategyInterface);

	return class_entry;
}
