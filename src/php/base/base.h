/* The binding's base: PHP's headers, the exception classes and the one way an error becomes one
 * of them, and small helpers every area uses. Includes no other area. */
#ifndef PHP_MESSENGER_BASE_H
#define PHP_MESSENGER_BASE_H

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"

void php_messenger_register_exceptions(void);

extern zend_class_entry *php_messenger_ce_ExceptionInterface;
extern zend_class_entry *php_messenger_ce_LogicException;
extern zend_class_entry *php_messenger_ce_RuntimeException;
extern zend_class_entry *php_messenger_ce_InvalidArgumentException;
extern zend_class_entry *php_messenger_ce_HandlerFailedException;
extern zend_class_entry *php_messenger_ce_NoHandlerForMessageException;
extern zend_class_entry *php_messenger_ce_DelayedMessageHandlingException;
extern zend_class_entry *php_messenger_ce_TransportException;
extern zend_class_entry *php_messenger_ce_MaybeSentException;
extern zend_class_entry *php_messenger_ce_MessageDecodingFailedException;
extern zend_class_entry *php_messenger_ce_UnrecoverableMessageHandlingException;
extern zend_class_entry *php_messenger_ce_RecoverableMessageHandlingException;
/* the retryDelay (ms) a RecoverableMessageHandlingException asks for, or -1 */
zend_long php_messenger_retry_delay_of(zend_object *error);
extern zend_class_entry *php_messenger_ce_RecoverableExceptionInterface;
extern zend_class_entry *php_messenger_ce_UnrecoverableExceptionInterface;
extern zend_class_entry *php_messenger_ce_StopWorkerExceptionInterface;
extern zend_class_entry *php_messenger_ce_WrappedExceptionsInterface;

/* ---- errors (php_messenger_util.c) ---- */
/* Throws a Messenger exception of class ce with a printf-formatted message. */
void php_messenger_throw(zend_class_entry *ce, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
/* A zval of a borrowed array, as ZVAL_ARR() makes one, but right for an immutable array (a
 * literal, the shared empty array) too, which must never be refcounted. */
static zend_always_inline void php_messenger_zval_arr(zval *z, zend_array *ht)
{
	Z_ARR_P(z) = ht;
	Z_TYPE_INFO_P(z) = (GC_FLAGS(ht) & GC_IMMUTABLE) ? IS_ARRAY : IS_ARRAY_EX;
}

#if PHP_VERSION_ID < 80200
/* PHP 8.1 lacks these */
static zend_always_inline bool zend_string_equals_cstr(const zend_string *s1, const char *s2, size_t s2_length)
{
	return ZSTR_LEN(s1) == s2_length && !memcmp(ZSTR_VAL(s1), s2, s2_length);
}
#endif

/* The one place a core error becomes an exception: MSGR_ERR_INVALID becomes invalid_ce (what bad
 * input means where it was read: a bad option, a message that cannot be decoded), STATE a
 * LogicException, NOMEM a RuntimeException, an I/O, protocol or not-found error a
 * TransportException. prefix (may be NULL) goes before the core's message. */
struct msgr_error;
void php_messenger_throw_core(const struct msgr_error *err, zend_class_entry *invalid_ce, const char *prefix);
/* Whether the TransportException just thrown is one waiting does not help with: the server
 * refuses this client (credentials, permissions, a setup only an operator can make:
 * MSGR_ERR_DENIED) or answered with an error (MSGR_ERR_PROTOCOL, a statement the database
 * rejects): a worker gives up at once instead of waiting it out, as it does for a connection
 * that is down. Set where such an error is thrown; taking it clears it. */
void php_messenger_refusal_set(void);
bool php_messenger_refusal_take(void);
/* The same for a bare status (a core function without an error struct: out of memory). */
void php_messenger_throw_status(int status, const char *doing);
/* Moves the pending exception into *out (an owned reference) unless it is exit(), which
 * must keep unwinding. Returns false when there is nothing to take. */
bool php_messenger_take_exception(zend_object **out);
/* The key a message type is registered and looked up under: lower-cased, no leading "\\". */
zend_string *php_messenger_type_key(const char *name, size_t len);
/* Finds the first key of ht that is not in known (NULL-terminated): *unknown is that key, or
 * NULL for an integer key. */
bool php_messenger_find_unknown_key(HashTable *ht, const char *const *known, zend_string **unknown);
/* $throwable->message, ->code...: read through Exception or Error, whichever it extends. */
zval *php_messenger_throwable_prop(zend_object *throwable, zend_string *name, zval *rv);
/* "a, b, c" of the string keys of ht, or "none". */
zend_string *php_messenger_names_of(HashTable *ht);
/* Milliseconds of the monotonic clock: for waits and limits, never for dates. */
zend_long php_messenger_monotonic_ms(void);
/* the same in microseconds: for how long something took */
double php_messenger_monotonic_us(void);
/* prefix and 2n random hex digits (n <= 32); NULL with an exception when no random bytes */
zend_string *php_messenger_random_hex(const char *prefix, size_t n);
/* An array of what an iterable yields (keys dropped); false with an exception. */
bool php_messenger_iterable_to_array(zval *iterable, zval *out);
/* A method's return value made an array in place: an array stays, a Traversable (a generator)
 * is read to its end; anything else is a LogicException naming from::method(). False (rv
 * undefined) with an exception. */
bool php_messenger_iterable_result(zval *rv, zend_object *from, const char *method);
/* ListableReceiverInterface::all()'s ?int $limit: null or at least 1; false with a ValueError. */
bool php_messenger_limit_arg(zend_long limit, bool limit_null);
/* Reads a declared property by slot, bypassing visibility: for our own classes only. */
#define PHP_MESSENGER_PROP(obj, n) OBJ_PROP_NUM((obj), (n))
/* A method cls::method() returning the declared property in slot n (an Error when the object was
 * made without its constructor) */
#define PHP_MESSENGER_PROP_GETTER(cls, method, n) \
	ZEND_METHOD(cls, method) \
	{ \
		ZEND_PARSE_PARAMETERS_NONE(); \
		zval *value = PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), n); \
		if (Z_TYPE_P(value) == IS_UNDEF) { \
			zend_throw_error(NULL, "%s was not constructed", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name)); \
			RETURN_THROWS(); \
		} \
		RETURN_COPY(value); \
	}
/* The text of a php_json_error_code, as json_last_error_msg() gives it */
const char *php_messenger_json_error_text(int code);

#endif
