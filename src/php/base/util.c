#include "php/base/base.h"
#include "core/base/error.h"

#include <time.h>

#include <stdarg.h>

#include "zend_smart_str.h"
#include "ext/json/php_json.h"
#if PHP_VERSION_ID >= 80200
#include "ext/random/php_random.h"
#else
#include "ext/standard/php_random.h"
#endif

void php_messenger_throw(zend_class_entry *ce, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *message = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	zend_throw_exception(ce, ZSTR_VAL(message), 0);
	zend_string_release(message);
}

bool php_messenger_take_exception(zend_object **out)
{
	zend_object *ex = EG(exception);
	if (!ex || zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex)) {
		return false;
	}
	GC_ADDREF(ex);
	zend_clear_exception();
	*out = ex;
	return true;
}

zend_string *php_messenger_type_key(const char *name, size_t len)
{
	if (len && name[0] == '\\') {
		name++;
		len--;
	}
	zend_string *key = zend_string_alloc(len, 0);
	zend_str_tolower_copy(ZSTR_VAL(key), name, len);
	return key;
}

bool php_messenger_find_unknown_key(HashTable *ht, const char *const *known, zend_string **unknown)
{
	zend_string *key;
	ZEND_HASH_FOREACH_STR_KEY(ht, key) {
		bool found = false;
		for (const char *const *k = known; *k && key && !found; k++) {
			found = zend_string_equals_cstr(key, *k, strlen(*k));
		}
		if (!found) {
			*unknown = key;
			return true;
		}
	} ZEND_HASH_FOREACH_END();
	return false;
}

zval *php_messenger_throwable_prop(zend_object *throwable, zend_string *name, zval *rv)
{
	zend_class_entry *base = instanceof_function(throwable->ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error;
	return zend_read_property_ex(base, throwable, name, 1, rv);
}

zend_string *php_messenger_names_of(HashTable *ht)
{
	smart_str buf = {0};
	zend_string *key;
	ZEND_HASH_FOREACH_STR_KEY(ht, key) {
		if (key) {
			if (buf.s) {
				smart_str_appends(&buf, ", ");
			}
			smart_str_append(&buf, key);
		}
	} ZEND_HASH_FOREACH_END();
	if (!buf.s) {
		return zend_string_init("none", 4, 0);
	}
	smart_str_0(&buf);
	return buf.s;
}

bool php_messenger_iterable_to_array(zval *iterable, zval *out)
{
	if (Z_TYPE_P(iterable) == IS_ARRAY) {
		ZVAL_COPY(out, iterable);
		return true;
	}
	zval fn, args[2];
	ZVAL_STRINGL(&fn, "iterator_to_array", sizeof("iterator_to_array") - 1);
	ZVAL_COPY_VALUE(&args[0], iterable);
	ZVAL_FALSE(&args[1]);
	bool ok = call_user_function(NULL, NULL, &fn, out, 2, args) == SUCCESS && !EG(exception) && Z_TYPE_P(out) == IS_ARRAY;
	zval_ptr_dtor(&fn);
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

bool php_messenger_iterable_result(zval *rv, zend_object *from, const char *method)
{
	if (Z_TYPE_P(rv) == IS_ARRAY) {
		return true;
	}
	if (Z_TYPE_P(rv) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(rv), zend_ce_traversable)) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s::%s() must return an iterable, %s returned",
			ZSTR_VAL(from->ce->name), method, zend_zval_type_name(rv));
		zval_ptr_dtor(rv);
		ZVAL_UNDEF(rv);
		return false;
	}
	zval array;
	bool ok = php_messenger_iterable_to_array(rv, &array);
	zval_ptr_dtor(rv);
	ZVAL_COPY_VALUE(rv, &array);
	return ok;
}

bool php_messenger_limit_arg(zend_long limit, bool limit_null)
{
	if (!limit_null && limit < 1) {
		zend_argument_value_error(1, "must be null or greater than 0");
		return false;
	}
	return true;
}

zend_long php_messenger_monotonic_ms(void)
{
	return (zend_long) (php_messenger_monotonic_us() / 1000);
}

double php_messenger_monotonic_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec * 1e6 + (double) ts.tv_nsec / 1e3;
}

zend_string *php_messenger_random_hex(const char *prefix, size_t n)
{
	unsigned char bytes[32];
	if (n > sizeof(bytes) || php_random_bytes_throw(bytes, n) == FAILURE) {
		return NULL;
	}
	static const char hex[] = "0123456789abcdef";
	size_t at = strlen(prefix);
	zend_string *s = zend_string_alloc(at + 2 * n, 0);
	memcpy(ZSTR_VAL(s), prefix, at);
	for (size_t i = 0; i < n; i++) {
		ZSTR_VAL(s)[at + 2 * i] = hex[bytes[i] >> 4];
		ZSTR_VAL(s)[at + 2 * i + 1] = hex[bytes[i] & 15];
	}
	ZSTR_VAL(s)[at + 2 * n] = '\0';
	return s;
}

ZEND_TLS bool refused;

void php_messenger_refusal_set(void)
{
	refused = true;
}

bool php_messenger_refusal_take(void)
{
	bool was = refused;
	refused = false;
	return was;
}

void php_messenger_throw_core(const msgr_error_t *err, zend_class_entry *invalid_ce, const char *prefix)
{
	if (err->code == MSGR_ERR_DENIED || err->code == MSGR_ERR_PROTOCOL) {
		/* refused, or an answer waiting will not change: only I/O errors are waited out */
		php_messenger_refusal_set();
	}
	zend_class_entry *ce = err->code == MSGR_ERR_INVALID ? invalid_ce
		: err->code == MSGR_ERR_STATE ? php_messenger_ce_LogicException
		: err->code == MSGR_ERR_NOMEM ? php_messenger_ce_RuntimeException
		: php_messenger_ce_TransportException;
	php_messenger_throw(ce, "%s%s", prefix ? prefix : "", err->message[0] ? err->message : msgr_strerror(err->code));
}

void php_messenger_throw_status(int status, const char *doing)
{
	msgr_error_t err;
	msgr_error_set(&err, status, "%s: %s", doing, msgr_strerror(status));
	php_messenger_throw_core(&err, php_messenger_ce_InvalidArgumentException, NULL);
}

const char *php_messenger_json_error_text(int code)
{
	switch (code) {
	case PHP_JSON_ERROR_NONE: return "No error";
	case PHP_JSON_ERROR_DEPTH: return "Maximum stack depth exceeded";
	case PHP_JSON_ERROR_STATE_MISMATCH: return "State mismatch (invalid or malformed JSON)";
	case PHP_JSON_ERROR_CTRL_CHAR: return "Control character error, possibly incorrectly encoded";
	case PHP_JSON_ERROR_SYNTAX: return "Syntax error";
	case PHP_JSON_ERROR_UTF8: return "Malformed UTF-8 characters, possibly incorrectly encoded";
	case PHP_JSON_ERROR_RECURSION: return "Recursion detected";
	case PHP_JSON_ERROR_INF_OR_NAN: return "Inf and NaN cannot be JSON encoded";
	case PHP_JSON_ERROR_UNSUPPORTED_TYPE: return "Type is not supported";
	case PHP_JSON_ERROR_INVALID_PROPERTY_NAME: return "The decoded property name is invalid";
	case PHP_JSON_ERROR_UTF16: return "Single unpaired UTF-16 surrogate in unicode escape";
	default: return "Unknown error";
	}
}
