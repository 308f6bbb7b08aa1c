/* Messenger\Exception\*: each extends the matching SPL exception and implements
 * ExceptionInterface. The methods of the two that wrap a message's failures are the bus area's
 * (bus/failures.c). */
#include "php/base/base.h"
#include "zend_exceptions.h"
#include "ext/spl/spl_exceptions.h"
#include "exceptions_arginfo.h"

zend_class_entry *php_messenger_ce_RecoverableExceptionInterface;
zend_class_entry *php_messenger_ce_UnrecoverableExceptionInterface;
zend_class_entry *php_messenger_ce_StopWorkerExceptionInterface;
zend_class_entry *php_messenger_ce_WrappedExceptionsInterface;
zend_class_entry *php_messenger_ce_ExceptionInterface;
zend_class_entry *php_messenger_ce_LogicException;
zend_class_entry *php_messenger_ce_RuntimeException;
zend_class_entry *php_messenger_ce_InvalidArgumentException;
zend_class_entry *php_messenger_ce_HandlerFailedException;
zend_class_entry *php_messenger_ce_NoHandlerForMessageException;
zend_class_entry *php_messenger_ce_DelayedMessageHandlingException;
zend_class_entry *php_messenger_ce_TransportException;
zend_class_entry *php_messenger_ce_MaybeSentException;
zend_class_entry *php_messenger_ce_MessageDecodingFailedException;
zend_class_entry *php_messenger_ce_UnrecoverableMessageHandlingException;
zend_class_entry *php_messenger_ce_RecoverableMessageHandlingException;

void php_messenger_register_exceptions(void)
{
	zend_class_entry *iface = register_class_Messenger_Exception_ExceptionInterface(zend_ce_throwable);
	php_messenger_ce_RecoverableExceptionInterface = register_class_Messenger_Exception_RecoverableExceptionInterface(zend_ce_throwable);
	php_messenger_ce_UnrecoverableExceptionInterface = register_class_Messenger_Exception_UnrecoverableExceptionInterface(zend_ce_throwable);
	php_messenger_ce_StopWorkerExceptionInterface = register_class_Messenger_Exception_StopWorkerExceptionInterface(zend_ce_throwable);
	php_messenger_ce_WrappedExceptionsInterface = register_class_Messenger_Exception_WrappedExceptionsInterface(zend_ce_throwable);
	php_messenger_ce_ExceptionInterface = iface;
	php_messenger_ce_LogicException = register_class_Messenger_Exception_LogicException(spl_ce_LogicException, iface);
	php_messenger_ce_RuntimeException = register_class_Messenger_Exception_RuntimeException(spl_ce_RuntimeException, iface);
	php_messenger_ce_InvalidArgumentException = register_class_Messenger_Exception_InvalidArgumentException(spl_ce_InvalidArgumentException, iface);
	php_messenger_ce_HandlerFailedException = register_class_Messenger_Exception_HandlerFailedException(php_messenger_ce_RuntimeException, php_messenger_ce_WrappedExceptionsInterface);
	php_messenger_ce_NoHandlerForMessageException = register_class_Messenger_Exception_NoHandlerForMessageException(php_messenger_ce_LogicException);
	php_messenger_ce_UnrecoverableMessageHandlingException = register_class_Messenger_Exception_UnrecoverableMessageHandlingException(php_messenger_ce_RuntimeException, php_messenger_ce_UnrecoverableExceptionInterface);
	php_messenger_ce_RecoverableMessageHandlingException = register_class_Messenger_Exception_RecoverableMessageHandlingException(php_messenger_ce_RuntimeException, php_messenger_ce_RecoverableExceptionInterface);
	php_messenger_ce_MessageDecodingFailedException = register_class_Messenger_Exception_MessageDecodingFailedException(php_messenger_ce_InvalidArgumentException);
	php_messenger_ce_TransportException = register_class_Messenger_Exception_TransportException(php_messenger_ce_RuntimeException);
	php_messenger_ce_MaybeSentException = register_class_Messenger_Exception_MaybeSentException(php_messenger_ce_TransportException);
	php_messenger_ce_DelayedMessageHandlingException = register_class_Messenger_Exception_DelayedMessageHandlingException(php_messenger_ce_RuntimeException, php_messenger_ce_WrappedExceptionsInterface);
	register_class_Messenger_Exception_StopWorkerException(php_messenger_ce_RuntimeException, php_messenger_ce_StopWorkerExceptionInterface);
}

/* {{{ RecoverableMessageHandlingException: Exception's constructor, and the least wait (ms) of
 * the retry it asks for (Symfony 7.2) */
ZEND_METHOD(Messenger_Exception_RecoverableMessageHandlingException, __construct)
{
	zend_string *message = NULL;
	zend_long code = 0;
	zval *previous = NULL;
	zend_long delay = 0;
	bool delay_null = true;
	ZEND_PARSE_PARAMETERS_START(0, 4)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(message)
		Z_PARAM_LONG(code)
		Z_PARAM_OBJECT_OF_CLASS_OR_NULL(previous, zend_ce_throwable)
		Z_PARAM_LONG_OR_NULL(delay, delay_null)
	ZEND_PARSE_PARAMETERS_END();
	if (!delay_null && delay < 0) {
		zend_argument_value_error(4, "must be null or a number of milliseconds >= 0");
		RETURN_THROWS();
	}
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	zend_class_entry *base = zend_get_exception_base(self);
	if (message) {
		zend_update_property_str(base, self, "message", sizeof("message") - 1, message);
	}
	if (code) {
		zend_update_property_long(base, self, "code", sizeof("code") - 1, code);
	}
	if (previous) {
		zend_update_property(base, self, "previous", sizeof("previous") - 1, previous);
	}
	if (!delay_null) {
		zend_update_property_long(php_messenger_ce_RecoverableMessageHandlingException, self, "retryDelay", sizeof("retryDelay") - 1, delay);
	}
}

ZEND_METHOD(Messenger_Exception_RecoverableMessageHandlingException, getRetryDelay)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval rv;
	zval *v = zend_read_property(php_messenger_ce_RecoverableMessageHandlingException, Z_OBJ_P(ZEND_THIS), "retryDelay", sizeof("retryDelay") - 1, 1, &rv);
	RETURN_COPY_DEREF(v);
}

zend_long php_messenger_retry_delay_of(zend_object *error)
{
	zval rv;
	if (instanceof_function(error->ce, php_messenger_ce_RecoverableMessageHandlingException)) {
		zval *v = zend_read_property(php_messenger_ce_RecoverableMessageHandlingException, error, "retryDelay", sizeof("retryDelay") - 1, 1, &rv);
		return Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : -1;
	}
	/* one of ours that asks for a wait without forcing a retry (a webhook's 5xx, 429) */
	if (instanceof_function(error->ce, php_messenger_ce_ExceptionInterface) && zend_hash_str_exists(&error->ce->function_table, "getretrydelay", sizeof("getretrydelay") - 1)) {
		zend_call_method(error, error->ce, NULL, "getretrydelay", sizeof("getretrydelay") - 1, &rv, 0, NULL, NULL);
		zend_long delay = Z_TYPE(rv) == IS_LONG ? Z_LVAL(rv) : -1;
		zval_ptr_dtor(&rv);
		return delay;
	}
	return -1;
}
/* }}} */
