/* Messenger\Retry\*: RetryStrategyInterface and the native MultiplierRetryStrategy (the core's
 * msgr_retry arithmetic), each reached by the worker through a php_messenger_retry_ops: the
 * native one straight in C, one written in PHP through its methods. */
#include "php/worker/worker.h"
#include "core/base/retry.h"
#include "retry_arginfo.h"

#include <stdlib.h>

zend_class_entry *php_messenger_ce_RetryStrategyInterface;
zend_class_entry *php_messenger_ce_MultiplierRetryStrategy;
static zend_object_handlers retry_handlers;
static bool native_retryable(zend_object *strategy, zend_object *envelope, zend_object *error, bool *out);
static bool native_waiting_ms(zend_object *strategy, zend_object *envelope, zend_object *error, zend_long *out);

typedef struct {
	msgr_retry_t r;
	zend_object std;
} php_messenger_retry;

static inline php_messenger_retry *retry_from(zend_object *obj)
{
	return (php_messenger_retry *) ((char *) obj - XtOffsetOf(php_messenger_retry, std));
}

static zend_object *retry_create(zend_class_entry *ce)
{
	php_messenger_retry *r = zend_object_alloc(sizeof(php_messenger_retry), ce);
	r->r = (msgr_retry_t) { 3, 1000, 2.0, 0, 0.1 };
	zend_object_std_init(&r->std, ce);
	object_properties_init(&r->std, ce);
	r->std.handlers = &retry_handlers;
	return &r->std;
}

static bool retry_set(php_messenger_retry *r, msgr_retry_t values, const char *where)
{
	const char *reason;
	if (!msgr_retry_valid(&values, &reason)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: %s", where, reason);
		return false;
	}
	r->r = values;
	return true;
}

zend_object *php_messenger_retry_from_config(HashTable *config, const char *where)
{
	static const char *const keys[] = { "max_retries", "delay", "multiplier", "max_delay", "jitter", NULL };
	static const char *const all_keys[] = { "max_retries", "delay", "multiplier", "max_delay", "jitter", "delays", NULL };
	zend_string *unknown;
	if (php_messenger_find_unknown_key(config, all_keys, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: unknown key \"%s\" (known: max_retries, delay, multiplier, max_delay, jitter, delays)",
			where, unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return NULL;
	}
	msgr_retry_t v = { 3, 1000, 2.0, 0, 0.1 };
	zval *delays = zend_hash_str_find_deref(config, "delays", sizeof("delays") - 1);
	if (delays) {
		/* a schedule: one wait per retry; max_retries is its length unless given */
		uint32_t n = Z_TYPE_P(delays) == IS_ARRAY ? zend_hash_num_elements(Z_ARRVAL_P(delays)) : 0;
		if (Z_TYPE_P(delays) != IS_ARRAY || !zend_array_is_list(Z_ARRVAL_P(delays)) || n == 0 || n > MSGR_RETRY_DELAYS_MAX) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"delays\" must be a list of 1 to %d waits in ms", where, MSGR_RETRY_DELAYS_MAX);
			return NULL;
		}
		for (int i = 1; i <= 4; i++) {
			if (zend_hash_str_exists(config, keys[i], strlen(keys[i]))) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"delays\" is a whole schedule: \"%s\" cannot go with it", where, keys[i]);
				return NULL;
			}
		}
		zval *one;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(delays), one) {
			ZVAL_DEREF(one);
			if (Z_TYPE_P(one) != IS_LONG) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"delays\" must be integers (ms), %s given", where, zend_zval_type_name(one));
				return NULL;
			}
			v.delays_ms[v.n_delays++] = Z_LVAL_P(one);
		} ZEND_HASH_FOREACH_END();
		v.max_retries = v.n_delays;
		v.jitter = 0;
	}
	long long *ints[] = { &v.max_retries, &v.delay_ms, NULL, &v.max_delay_ms, NULL };
	double *floats[] = { NULL, NULL, &v.multiplier, NULL, &v.jitter };
	for (int i = 0; keys[i]; i++) {
		zval *value = zend_hash_str_find_deref(config, keys[i], strlen(keys[i]));
		if (!value) {
			continue;
		}
		if (ints[i] && Z_TYPE_P(value) == IS_LONG) {
			*ints[i] = Z_LVAL_P(value);
		} else if (floats[i] && (Z_TYPE_P(value) == IS_LONG || Z_TYPE_P(value) == IS_DOUBLE)) {
			*floats[i] = zval_get_double(value);
		} else {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"%s\" must be %s, %s given", where, keys[i],
				ints[i] ? "an integer" : "a number", zend_zval_type_name(value));
			return NULL;
		}
	}
	zend_object *obj = retry_create(php_messenger_ce_MultiplierRetryStrategy);
	if (!retry_set(retry_from(obj), v, where)) {
		OBJ_RELEASE(obj);
		return NULL;
	}
	return obj;
}

ZEND_METHOD(Messenger_Retry_MultiplierRetryStrategy, __construct)
{
	zend_long max_retries = 3, delay = 1000, max_delay = 0;
	double multiplier = 2.0, jitter = 0.1;
	ZEND_PARSE_PARAMETERS_START(0, 5)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(max_retries)
		Z_PARAM_LONG(delay)
		Z_PARAM_DOUBLE(multiplier)
		Z_PARAM_LONG(max_delay)
		Z_PARAM_DOUBLE(jitter)
	ZEND_PARSE_PARAMETERS_END();
	msgr_retry_t v = { max_retries, delay, multiplier, max_delay, jitter };
	retry_set(retry_from(Z_OBJ_P(ZEND_THIS)), v, "Messenger\\Retry\\MultiplierRetryStrategy");
}

zend_long php_messenger_retries_of(zend_object *envelope)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_RedeliveryStamp);
	return stamp ? Z_LVAL_P(php_messenger_stamp_prop(stamp, 0)) : 0;
}

ZEND_METHOD(Messenger_Retry_MultiplierRetryStrategy, isRetryable)
{
	zend_object *envelope, *throwable = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(throwable, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();
	bool retryable;
	native_retryable(Z_OBJ_P(ZEND_THIS), envelope, throwable, &retryable);
	RETURN_BOOL(retryable);
}

ZEND_METHOD(Messenger_Retry_MultiplierRetryStrategy, getWaitingTime)
{
	zend_object *envelope, *throwable = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(throwable, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();
	zend_long wait;
	native_waiting_ms(Z_OBJ_P(ZEND_THIS), envelope, throwable, &wait);
	RETURN_LONG(wait);
}

/* {{{ ops */
static bool native_retryable(zend_object *strategy, zend_object *envelope, zend_object *error, bool *out)
{
	*out = msgr_retry_allowed(&retry_from(strategy)->r, php_messenger_retries_of(envelope));
	return true;
}

static bool native_waiting_ms(zend_object *strategy, zend_object *envelope, zend_object *error, zend_long *out)
{
	*out = (zend_long) msgr_retry_wait_ms(&retry_from(strategy)->r, php_messenger_retries_of(envelope), (double) rand() / ((double) RAND_MAX + 1.0));
	return true;
}

/* a strategy written in PHP: its isRetryable() and getWaitingTime() */
static bool call_strategy(zend_object *strategy, const char *lc_method, size_t len, zend_object *envelope, zend_object *error, zval *rv)
{
	zval env, err;
	ZVAL_OBJ(&env, envelope);
	ZVAL_OBJ(&err, error);
	zend_call_method(strategy, strategy->ce, NULL, lc_method, len, rv, 2, &env, &err);
	if (EG(exception)) {
		zval_ptr_dtor(rv);
		return false;
	}
	return true;
}

static bool adapter_retryable(zend_object *strategy, zend_object *envelope, zend_object *error, bool *out)
{
	zval rv;
	if (!call_strategy(strategy, "isretryable", sizeof("isretryable") - 1, envelope, error, &rv)) {
		return false;
	}
	*out = zend_is_true(&rv);
	zval_ptr_dtor(&rv);
	return true;
}

static bool adapter_waiting_ms(zend_object *strategy, zend_object *envelope, zend_object *error, zend_long *out)
{
	zval rv;
	if (!call_strategy(strategy, "getwaitingtime", sizeof("getwaitingtime") - 1, envelope, error, &rv)) {
		return false;
	}
	*out = zval_get_long(&rv);
	zval_ptr_dtor(&rv);
	return true;
}

static const php_messenger_retry_ops native_ops = { native_retryable, native_waiting_ms };
static const php_messenger_retry_ops adapter_ops = { adapter_retryable, adapter_waiting_ms };

const php_messenger_retry_ops *php_messenger_retry_ops_of(zend_object *strategy)
{
	return strategy->handlers == &retry_handlers ? &native_ops : &adapter_ops;
}
/* }}} */

void php_messenger_register_retry(void)
{
	php_messenger_ce_RetryStrategyInterface = register_class_Messenger_Retry_RetryStrategyInterface();
	php_messenger_ce_MultiplierRetryStrategy = register_class_Messenger_Retry_MultiplierRetryStrategy(php_messenger_ce_RetryStrategyInterface);
	php_messenger_ce_MultiplierRetryStrategy->create_object = retry_create;
	memcpy(&retry_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	retry_handlers.offset = XtOffsetOf(php_messenger_retry, std);
	retry_handlers.clone_obj = NULL;
}
