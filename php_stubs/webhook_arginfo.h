/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 4a6b45c8913cffbd059063ac3363b9c530ffb807 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Webhook_WebhookMessage___construct, 0, 0, 2)
	ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, secret, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, method, IS_STRING, 0, "\'POST\'")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, event, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Webhook_WebhookMessage_json, 0, 2, Messenger\\Webhook\\WebhookMessage, 0)
	ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, payload, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, secret, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, event, IS_STRING, 1, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookMessage_getUrl, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Webhook_WebhookMessage_getBody arginfo_class_Messenger_Webhook_WebhookMessage_getUrl

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookMessage_getHeaders, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookMessage_getSecret, 0, 0, IS_STRING, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Webhook_WebhookMessage_getMethod arginfo_class_Messenger_Webhook_WebhookMessage_getUrl

#define arginfo_class_Messenger_Webhook_WebhookMessage_getId arginfo_class_Messenger_Webhook_WebhookMessage_getUrl

#define arginfo_class_Messenger_Webhook_WebhookMessage_getEvent arginfo_class_Messenger_Webhook_WebhookMessage_getSecret

#define arginfo_class_Messenger_Webhook_WebhookMessage___debugInfo arginfo_class_Messenger_Webhook_WebhookMessage_getHeaders

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Webhook_WebhookResult___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookResult_getStatusCode, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookResult_getDurationMs, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Webhook_WebhookResult_getAttempt arginfo_class_Messenger_Webhook_WebhookResult_getStatusCode

#define arginfo_class_Messenger_Webhook_WebhookResult_getResponseHeaders arginfo_class_Messenger_Webhook_WebhookMessage_getHeaders

#define arginfo_class_Messenger_Webhook_WebhookResult_getResponseBody arginfo_class_Messenger_Webhook_WebhookMessage_getUrl

#define arginfo_class_Messenger_Webhook_WebhookResult_getUrl arginfo_class_Messenger_Webhook_WebhookMessage_getUrl

#define arginfo_class_Messenger_Webhook_WebhookResult_getId arginfo_class_Messenger_Webhook_WebhookMessage_getUrl

#define arginfo_class_Messenger_Webhook_WebhookResult_getEvent arginfo_class_Messenger_Webhook_WebhookMessage_getSecret

#define arginfo_class_Messenger_Webhook_WebhookResult_getError arginfo_class_Messenger_Webhook_WebhookMessage_getSecret

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookResult_isDelivered, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Messenger_Webhook_WebhookExceptionInterface_getResult, 0, 0, Messenger\\Webhook\\WebhookResult, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Webhook_RetryableWebhookException_getResult arginfo_class_Messenger_Webhook_WebhookExceptionInterface_getResult

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_RetryableWebhookException_getRetryDelay, 0, 0, IS_LONG, 1)
ZEND_END_ARG_INFO()

#define arginfo_class_Messenger_Webhook_UnrecoverableWebhookException_getResult arginfo_class_Messenger_Webhook_WebhookExceptionInterface_getResult

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Messenger_Webhook_WebhookHandler___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookHandler___invoke, 0, 1, IS_MIXED, 0)
	ZEND_ARG_OBJ_INFO(0, message, Messenger\\Webhook\\WebhookMessage, 0)
	ZEND_ARG_OBJ_INFO_WITH_DEFAULT_VALUE(0, ack, Messenger\\Handler\\Acknowledger, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Messenger_Webhook_WebhookHandler_flush, 0, 1, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, force, _IS_BOOL, 0)
ZEND_END_ARG_INFO()


ZEND_METHOD(Messenger_Webhook_WebhookMessage, __construct);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, json);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getUrl);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getBody);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getHeaders);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getSecret);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getMethod);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getId);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, getEvent);
ZEND_METHOD(Messenger_Webhook_WebhookMessage, __debugInfo);
ZEND_METHOD(Messenger_Webhook_WebhookResult, __construct);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getStatusCode);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getDurationMs);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getAttempt);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getResponseHeaders);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getResponseBody);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getUrl);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getId);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getEvent);
ZEND_METHOD(Messenger_Webhook_WebhookResult, getError);
ZEND_METHOD(Messenger_Webhook_WebhookResult, isDelivered);
ZEND_METHOD(Messenger_Webhook_RetryableWebhookException, getResult);
ZEND_METHOD(Messenger_Webhook_RetryableWebhookException, getRetryDelay);
ZEND_METHOD(Messenger_Webhook_UnrecoverableWebhookException, getResult);
ZEND_METHOD(Messenger_Webhook_WebhookHandler, __construct);
ZEND_METHOD(Messenger_Webhook_WebhookHandler, __invoke);
ZEND_METHOD(Messenger_Webhook_WebhookHandler, flush);


static const zend_function_entry class_Messenger_Webhook_WebhookMessage_methods[] = {
	ZEND_ME(Messenger_Webhook_WebhookMessage, __construct, arginfo_class_Messenger_Webhook_WebhookMessage___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, json, arginfo_class_Messenger_Webhook_WebhookMessage_json, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getUrl, arginfo_class_Messenger_Webhook_WebhookMessage_getUrl, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getBody, arginfo_class_Messenger_Webhook_WebhookMessage_getBody, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getHeaders, arginfo_class_Messenger_Webhook_WebhookMessage_getHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getSecret, arginfo_class_Messenger_Webhook_WebhookMessage_getSecret, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getMethod, arginfo_class_Messenger_Webhook_WebhookMessage_getMethod, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getId, arginfo_class_Messenger_Webhook_WebhookMessage_getId, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, getEvent, arginfo_class_Messenger_Webhook_WebhookMessage_getEvent, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookMessage, __debugInfo, arginfo_class_Messenger_Webhook_WebhookMessage___debugInfo, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Webhook_WebhookResult_methods[] = {
	ZEND_ME(Messenger_Webhook_WebhookResult, __construct, arginfo_class_Messenger_Webhook_WebhookResult___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Messenger_Webhook_WebhookResult, getStatusCode, arginfo_class_Messenger_Webhook_WebhookResult_getStatusCode, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getDurationMs, arginfo_class_Messenger_Webhook_WebhookResult_getDurationMs, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getAttempt, arginfo_class_Messenger_Webhook_WebhookResult_getAttempt, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getResponseHeaders, arginfo_class_Messenger_Webhook_WebhookResult_getResponseHeaders, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getResponseBody, arginfo_class_Messenger_Webhook_WebhookResult_getResponseBody, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getUrl, arginfo_class_Messenger_Webhook_WebhookResult_getUrl, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getId, arginfo_class_Messenger_Webhook_WebhookResult_getId, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getEvent, arginfo_class_Messenger_Webhook_WebhookResult_getEvent, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, getError, arginfo_class_Messenger_Webhook_WebhookResult_getError, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookResult, isDelivered, arginfo_class_Messenger_Webhook_WebhookResult_isDelivered, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Webhook_WebhookExceptionInterface_methods[] = {
	ZEND_ABSTRACT_ME_WITH_FLAGS(Messenger_Webhook_WebhookExceptionInterface, getResult, arginfo_class_Messenger_Webhook_WebhookExceptionInterface_getResult, ZEND_ACC_PUBLIC|ZEND_ACC_ABSTRACT)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Webhook_RetryableWebhookException_methods[] = {
	ZEND_ME(Messenger_Webhook_RetryableWebhookException, getResult, arginfo_class_Messenger_Webhook_RetryableWebhookException_getResult, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_RetryableWebhookException, getRetryDelay, arginfo_class_Messenger_Webhook_RetryableWebhookException_getRetryDelay, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Webhook_UnrecoverableWebhookException_methods[] = {
	ZEND_ME(Messenger_Webhook_UnrecoverableWebhookException, getResult, arginfo_class_Messenger_Webhook_UnrecoverableWebhookException_getResult, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Webhook_EndpointGoneException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Messenger_Webhook_WebhookHandler_methods[] = {
	ZEND_ME(Messenger_Webhook_WebhookHandler, __construct, arginfo_class_Messenger_Webhook_WebhookHandler___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookHandler, __invoke, arginfo_class_Messenger_Webhook_WebhookHandler___invoke, ZEND_ACC_PUBLIC)
	ZEND_ME(Messenger_Webhook_WebhookHandler, flush, arginfo_class_Messenger_Webhook_WebhookHandler_flush, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Messenger_Webhook_WebhookMessage(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "WebhookMessage", class_Messenger_Webhook_WebhookMessage_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_url_default_value;
	ZVAL_UNDEF(&property_url_default_value);
	zend_string *property_url_name = zend_string_init("url", sizeof("url") - 1, 1);
	zend_declare_typed_property(class_entry, property_url_name, &property_url_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_url_name);

	zval property_body_default_value;
	ZVAL_UNDEF(&property_body_default_value);
	zend_string *property_body_name = zend_string_init("body", sizeof("body") - 1, 1);
	zend_declare_typed_property(class_entry, property_body_name, &property_body_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_body_name);

	zval property_headers_default_value;
	ZVAL_UNDEF(&property_headers_default_value);
	zend_string *property_headers_name = zend_string_init("headers", sizeof("headers") - 1, 1);
	zend_declare_typed_property(class_entry, property_headers_name, &property_headers_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_headers_name);

	zval property_secret_default_value;
	ZVAL_UNDEF(&property_secret_default_value);
	zend_string *property_secret_name = zend_string_init("secret", sizeof("secret") - 1, 1);
	zend_declare_typed_property(class_entry, property_secret_name, &property_secret_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_secret_name);

	zval property_method_default_value;
	ZVAL_UNDEF(&property_method_default_value);
	zend_string *property_method_name = zend_string_init("method", sizeof("method") - 1, 1);
	zend_declare_typed_property(class_entry, property_method_name, &property_method_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_method_name);

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_id_name);

	zval property_event_default_value;
	ZVAL_UNDEF(&property_event_default_value);
	zend_string *property_event_name = zend_string_init("event", sizeof("event") - 1, 1);
	zend_declare_typed_property(class_entry, property_event_name, &property_event_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_event_name);


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 3, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "json", sizeof("json") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Webhook_WebhookResult(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "WebhookResult", class_Messenger_Webhook_WebhookResult_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES;

	zval property_url_default_value;
	ZVAL_UNDEF(&property_url_default_value);
	zend_string *property_url_name = zend_string_init("url", sizeof("url") - 1, 1);
	zend_declare_typed_property(class_entry, property_url_name, &property_url_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_url_name);

	zval property_id_default_value;
	ZVAL_UNDEF(&property_id_default_value);
	zend_string *property_id_name = zend_string_init("id", sizeof("id") - 1, 1);
	zend_declare_typed_property(class_entry, property_id_name, &property_id_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_id_name);

	zval property_event_default_value;
	ZVAL_UNDEF(&property_event_default_value);
	zend_string *property_event_name = zend_string_init("event", sizeof("event") - 1, 1);
	zend_declare_typed_property(class_entry, property_event_name, &property_event_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_event_name);

	zval property_statusCode_default_value;
	ZVAL_UNDEF(&property_statusCode_default_value);
	zend_string *property_statusCode_name = zend_string_init("statusCode", sizeof("statusCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_statusCode_name, &property_statusCode_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_statusCode_name);

	zval property_durationMs_default_value;
	ZVAL_UNDEF(&property_durationMs_default_value);
	zend_string *property_durationMs_name = zend_string_init("durationMs", sizeof("durationMs") - 1, 1);
	zend_declare_typed_property(class_entry, property_durationMs_name, &property_durationMs_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_DOUBLE));
	zend_string_release(property_durationMs_name);

	zval property_attempt_default_value;
	ZVAL_UNDEF(&property_attempt_default_value);
	zend_string *property_attempt_name = zend_string_init("attempt", sizeof("attempt") - 1, 1);
	zend_declare_typed_property(class_entry, property_attempt_name, &property_attempt_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_attempt_name);

	zval property_responseHeaders_default_value;
	ZVAL_UNDEF(&property_responseHeaders_default_value);
	zend_string *property_responseHeaders_name = zend_string_init("responseHeaders", sizeof("responseHeaders") - 1, 1);
	zend_declare_typed_property(class_entry, property_responseHeaders_name, &property_responseHeaders_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_responseHeaders_name);

	zval property_responseBody_default_value;
	ZVAL_UNDEF(&property_responseBody_default_value);
	zend_string *property_responseBody_name = zend_string_init("responseBody", sizeof("responseBody") - 1, 1);
	zend_declare_typed_property(class_entry, property_responseBody_name, &property_responseBody_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_responseBody_name);

	zval property_error_default_value;
	ZVAL_UNDEF(&property_error_default_value);
	zend_string *property_error_name = zend_string_init("error", sizeof("error") - 1, 1);
	zend_declare_typed_property(class_entry, property_error_name, &property_error_default_value, ZEND_ACC_PRIVATE|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_error_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Webhook_WebhookExceptionInterface(zend_class_entry *class_entry_Messenger_Exception_ExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "WebhookExceptionInterface", class_Messenger_Webhook_WebhookExceptionInterface_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Exception_ExceptionInterface);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Webhook_RetryableWebhookException(zend_class_entry *class_entry_Messenger_Exception_RuntimeException, zend_class_entry *class_entry_Messenger_Webhook_WebhookExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "RetryableWebhookException", class_Messenger_Webhook_RetryableWebhookException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Webhook_WebhookExceptionInterface);

	zend_string *property_result_class_Messenger_Webhook_WebhookResult = zend_string_init("Messenger\\Webhook\\WebhookResult", sizeof("Messenger\\Webhook\\WebhookResult")-1, 1);
	zval property_result_default_value;
	ZVAL_NULL(&property_result_default_value);
	zend_string *property_result_name = zend_string_init("result", sizeof("result") - 1, 1);
	zend_declare_typed_property(class_entry, property_result_name, &property_result_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_result_class_Messenger_Webhook_WebhookResult, 0, MAY_BE_NULL));
	zend_string_release(property_result_name);

	zval property_retryDelay_default_value;
	ZVAL_NULL(&property_retryDelay_default_value);
	zend_string *property_retryDelay_name = zend_string_init("retryDelay", sizeof("retryDelay") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryDelay_name, &property_retryDelay_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_retryDelay_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Webhook_UnrecoverableWebhookException(zend_class_entry *class_entry_Messenger_Exception_UnrecoverableMessageHandlingException, zend_class_entry *class_entry_Messenger_Webhook_WebhookExceptionInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "UnrecoverableWebhookException", class_Messenger_Webhook_UnrecoverableWebhookException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Exception_UnrecoverableMessageHandlingException);
	zend_class_implements(class_entry, 1, class_entry_Messenger_Webhook_WebhookExceptionInterface);

	zend_string *property_result_class_Messenger_Webhook_WebhookResult = zend_string_init("Messenger\\Webhook\\WebhookResult", sizeof("Messenger\\Webhook\\WebhookResult")-1, 1);
	zval property_result_default_value;
	ZVAL_NULL(&property_result_default_value);
	zend_string *property_result_name = zend_string_init("result", sizeof("result") - 1, 1);
	zend_declare_typed_property(class_entry, property_result_name, &property_result_default_value, ZEND_ACC_PRIVATE, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_result_class_Messenger_Webhook_WebhookResult, 0, MAY_BE_NULL));
	zend_string_release(property_result_name);

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Webhook_EndpointGoneException(zend_class_entry *class_entry_Messenger_Webhook_UnrecoverableWebhookException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "EndpointGoneException", class_Messenger_Webhook_EndpointGoneException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Messenger_Webhook_UnrecoverableWebhookException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Messenger_Webhook_WebhookHandler(zend_class_entry *class_entry_Messenger_Handler_BatchHandlerInterface)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Messenger\\Webhook", "WebhookHandler", class_Messenger_Webhook_WebhookHandler_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;
	zend_class_implements(class_entry, 1, class_entry_Messenger_Handler_BatchHandlerInterface);

	return class_entry;
}
