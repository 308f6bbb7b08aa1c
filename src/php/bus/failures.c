/* HandlerFailedException and DelayedMessageHandlingException: the exceptions that carry a
 * message's failures, keyed by handler name, with the envelope they happened to. Their classes
 * are registered with the others (base/exceptions.c); their methods are here, beside the
 * Envelope they read. */
#include "php/bus/bus.h"

static zend_string *throwable_message(zval *ex)
{
	zval rv;
	zval *message = php_messenger_throwable_prop(Z_OBJ_P(ex), ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
	return Z_TYPE_P(message) == IS_STRING ? zend_string_copy(Z_STR_P(message)) : ZSTR_EMPTY_ALLOC();
}

static zval *first_throwable(HashTable *exceptions)
{
	zval *ex;
	ZEND_HASH_FOREACH_VAL(exceptions, ex) {
		ZVAL_DEREF(ex);
		if (Z_TYPE_P(ex) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(ex), zend_ce_throwable)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"The wrapped exceptions must be Throwable, %s given", zend_zval_type_name(ex));
			return NULL;
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(exceptions, ex) {
		return Z_ISREF_P(ex) ? Z_REFVAL_P(ex) : ex;
	} ZEND_HASH_FOREACH_END();
	php_messenger_throw(php_messenger_ce_InvalidArgumentException, "At least one wrapped exception is needed");
	return NULL;
}

/* Fills message, code and previous from the first wrapped exception. */
static void wrap_init(zend_object *self, zend_string *prefix, HashTable *exceptions, zval *first)
{
	zend_string *first_message = throwable_message(first);
	uint32_t count = zend_hash_num_elements(exceptions);
	zend_string *message = count == 1
		? zend_strpprintf(0, "%s%s", ZSTR_VAL(prefix), ZSTR_VAL(first_message))
		: zend_strpprintf(0, "%s%u handlers failed. First failure is: %s", ZSTR_VAL(prefix), count, ZSTR_VAL(first_message));
	zend_update_property_str(zend_ce_exception, self, "message", sizeof("message") - 1, message);
	zend_string_release(message);
	zend_string_release(first_message);

	zval rv;
	zval *code = php_messenger_throwable_prop(Z_OBJ_P(first), ZSTR_KNOWN(ZEND_STR_CODE), &rv);
	zend_update_property_long(zend_ce_exception, self, "code", sizeof("code") - 1, zval_get_long(code));
	zend_update_property(zend_ce_exception, self, "previous", sizeof("previous") - 1, first);
}

/* Sets message, code, previous, envelope and exceptions; false with an exception on bad input. */
static bool wrapped_init(zend_object *self, zend_class_entry *scope, zend_object *envelope, zval *exceptions)
{
	zval *first = first_throwable(Z_ARRVAL_P(exceptions));
	if (!first) {
		return false;
	}
	zend_string *prefix;
	if (scope == php_messenger_ce_HandlerFailedException) {
		zval *message = php_messenger_envelope_message(envelope);
		prefix = zend_strpprintf(0, "Handling \"%s\" failed: ",
			Z_TYPE_P(message) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(message)->name) : "?");
	} else {
		prefix = zend_string_init("Some handlers for recorded messages threw an exception: ", sizeof("Some handlers for recorded messages threw an exception: ") - 1, 0);
	}
	wrap_init(self, prefix, Z_ARRVAL_P(exceptions), first);
	zend_string_release(prefix);
	zend_update_property(scope, self, "exceptions", sizeof("exceptions") - 1, exceptions);
	if (envelope) {
		zval env;
		ZVAL_OBJ(&env, envelope);
		zend_update_property(scope, self, "envelope", sizeof("envelope") - 1, &env);
	}
	return true;
}

static void throw_wrapped(zend_class_entry *ce, zend_object *envelope, zval *exceptions)
{
	zval ex;
	object_init_ex(&ex, ce);
	if (!wrapped_init(Z_OBJ(ex), ce, envelope, exceptions)) {
		zval_ptr_dtor(&ex);
		return;
	}
	zend_throw_exception_object(&ex);
}

void php_messenger_throw_handler_failed(zend_object *envelope, zval *exceptions)
{
	throw_wrapped(php_messenger_ce_HandlerFailedException, envelope, exceptions);
}

void php_messenger_throw_delayed_handling(zval *exceptions)
{
	throw_wrapped(php_messenger_ce_DelayedMessageHandlingException, NULL, exceptions);
}

/* {{{ HandlerFailedException::__construct(Envelope $envelope, array $exceptions) */
ZEND_METHOD(Messenger_Exception_HandlerFailedException, __construct)
{
	zend_object *envelope;
	zval *exceptions;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
		Z_PARAM_ARRAY(exceptions)
	ZEND_PARSE_PARAMETERS_END();
	wrapped_init(Z_OBJ_P(ZEND_THIS), php_messenger_ce_HandlerFailedException, envelope, exceptions);
}
/* }}} */

/* {{{ DelayedMessageHandlingException::__construct(array $exceptions, ?Envelope $envelope = null) */
ZEND_METHOD(Messenger_Exception_DelayedMessageHandlingException, __construct)
{
	zend_object *envelope = NULL;
	zval *exceptions;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY(exceptions)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	wrapped_init(Z_OBJ_P(ZEND_THIS), php_messenger_ce_DelayedMessageHandlingException, envelope, exceptions);
}
/* }}} */

static void get_envelope(zend_class_entry *scope, zval *self, zval *return_value)
{
	zval rv;
	zval *envelope = zend_read_property(scope, Z_OBJ_P(self), "envelope", sizeof("envelope") - 1, 1, &rv);
	RETURN_COPY_DEREF(envelope);
}

zend_object *php_messenger_handler_failed_envelope(zend_object *error)
{
	if (!instanceof_function(error->ce, php_messenger_ce_HandlerFailedException)) {
		return NULL;
	}
	zval rv;
	zval *envelope = zend_read_property(php_messenger_ce_HandlerFailedException, error, "envelope", sizeof("envelope") - 1, 1, &rv);
	ZVAL_DEREF(envelope);
	return Z_TYPE_P(envelope) == IS_OBJECT && Z_OBJCE_P(envelope) == php_messenger_ce_Envelope ? Z_OBJ_P(envelope) : NULL;
}

ZEND_METHOD(Messenger_Exception_HandlerFailedException, getEnvelope)
{
	ZEND_PARSE_PARAMETERS_NONE();
	get_envelope(php_messenger_ce_HandlerFailedException, ZEND_THIS, return_value);
}

ZEND_METHOD(Messenger_Exception_DelayedMessageHandlingException, getEnvelope)
{
	ZEND_PARSE_PARAMETERS_NONE();
	get_envelope(php_messenger_ce_DelayedMessageHandlingException, ZEND_THIS, return_value);
}

static bool is_wrapper(zend_class_entry *ce)
{
	return instanceof_function(ce, php_messenger_ce_HandlerFailedException)
		|| instanceof_function(ce, php_messenger_ce_DelayedMessageHandlingException);
}

/* Appends to out the wrapped exceptions of ex that are instances of filter (NULL: all),
 * descending into wrappers when recursive. Keys are kept, as handler names. */
static void collect_wrapped(zend_object *ex, zend_class_entry *filter, bool recursive, zval *out)
{
	zend_class_entry *scope = instanceof_function(ex->ce, php_messenger_ce_HandlerFailedException)
		? php_messenger_ce_HandlerFailedException : php_messenger_ce_DelayedMessageHandlingException;
	zval rv;
	zval *exceptions = zend_read_property(scope, ex, "exceptions", sizeof("exceptions") - 1, 1, &rv);
	if (Z_TYPE_P(exceptions) != IS_ARRAY) {
		return;
	}
	zend_string *key;
	zend_ulong index;
	zval *wrapped;
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(exceptions), index, key, wrapped) {
		(void) index;
		if (Z_TYPE_P(wrapped) != IS_OBJECT) {
			continue;
		}
		if (recursive && is_wrapper(Z_OBJCE_P(wrapped))) {
			collect_wrapped(Z_OBJ_P(wrapped), filter, recursive, out);
			continue;
		}
		if (filter && !instanceof_function(Z_OBJCE_P(wrapped), filter)) {
			continue;
		}
		Z_ADDREF_P(wrapped);
		if (key && !zend_hash_exists(Z_ARRVAL_P(out), key)) {
			zend_hash_add_new(Z_ARRVAL_P(out), key, wrapped);
		} else {
			zend_hash_next_index_insert(Z_ARRVAL_P(out), wrapped);
		}
	} ZEND_HASH_FOREACH_END();
}

static void get_wrapped(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *class_name = NULL;
	bool recursive = false;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(class_name)
		Z_PARAM_BOOL(recursive)
	ZEND_PARSE_PARAMETERS_END();
	zend_class_entry *filter = NULL;
	if (class_name) {
		filter = zend_lookup_class(class_name);
		if (!filter) {
			/* nothing can be an instance of a class that does not exist */
			RETURN_EMPTY_ARRAY();
		}
	}
	array_init(return_value);
	collect_wrapped(Z_OBJ_P(ZEND_THIS), filter, recursive, return_value);
}

ZEND_METHOD(Messenger_Exception_HandlerFailedException, getWrappedExceptions)
{
	get_wrapped(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(Messenger_Exception_DelayedMessageHandlingException, getWrappedExceptions)
{
	get_wrapped(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}
