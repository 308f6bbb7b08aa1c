/* Messenger\HandleTrait and Messenger\Handler\BatchHandlerTrait: traits whose methods are C.
 * A trait's private property lives in the class that uses it, and a trait method runs with that
 * class as its scope, so the properties are found through the running method's scope. */
#include "php/bus/bus.h"
#include "traits_arginfo.h"

/* The slot of the private property name declared by the class the running trait method belongs to. */
static zval *own_property(zend_execute_data *execute_data, const char *name, size_t len)
{
	zend_class_entry *scope = EX(func)->common.scope;
	zend_property_info *info = scope ? zend_hash_str_find_ptr(&scope->properties_info, name, len) : NULL;
	if (!info || (info->flags & ZEND_ACC_STATIC)) {
		zend_throw_error(NULL, "%s has no property $%s: use the trait in the class itself", scope ? ZSTR_VAL(scope->name) : "?", name);
		return NULL;
	}
	return OBJ_PROP(Z_OBJ_P(ZEND_THIS), info->offset);
}

/* Calls $this->method(args) whatever its visibility (the trait's own private methods, or the
 * class's overrides of them); rv is UNDEF when it fails. */
static bool call_own(zend_object *self, const char *lc_method, zval *rv, uint32_t argc, zval *argv)
{
	zend_function *fn = zend_hash_str_find_ptr(&self->ce->function_table, lc_method, strlen(lc_method));
	ZVAL_UNDEF(rv);
	if (!fn) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s must implement %s()", ZSTR_VAL(self->ce->name), lc_method);
		return false;
	}
	zend_call_known_instance_method(fn, self, rv, argc, argv);
	return !EG(exception);
}

/* {{{ Messenger\HandleTrait::handle() */
ZEND_METHOD(Messenger_HandleTrait, handle)
{
	zend_object *message;
	HashTable *stamps = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ(message)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(stamps)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	zval *bus = own_property(execute_data, "messageBus", sizeof("messageBus") - 1);
	if (!bus) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(bus) != IS_OBJECT) {
		php_messenger_throw(php_messenger_ce_LogicException,
			"You must provide a \"Messenger\\MessageBusInterface\" instance in the \"%s::$messageBus\" property, but that property has not been initialized yet.",
			ZSTR_VAL(self->ce->name));
		RETURN_THROWS();
	}
	zval args[2], rv;
	ZVAL_OBJ(&args[0], message);
	if (stamps) {
		php_messenger_zval_arr(&args[1], stamps);
	} else {
		ZVAL_EMPTY_ARRAY(&args[1]);
	}
	zend_call_method(Z_OBJ_P(bus), Z_OBJCE_P(bus), NULL, "dispatch", sizeof("dispatch") - 1, &rv, 2, &args[0], &args[1]);
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		RETURN_THROWS();
	}
	if (Z_TYPE(rv) != IS_OBJECT || Z_OBJCE(rv) != php_messenger_ce_Envelope) {
		zval_ptr_dtor(&rv);
		php_messenger_throw(php_messenger_ce_LogicException, "The message bus's dispatch() must return a Messenger\\Envelope");
		RETURN_THROWS();
	}
	HashTable *handled = php_messenger_envelope_list(Z_OBJ(rv), php_messenger_ce_HandledStamp);
	uint32_t count = handled ? zend_hash_num_elements(handled) : 0;
	const char *type = ZSTR_VAL(Z_OBJCE_P(php_messenger_envelope_message(Z_OBJ(rv)))->name);
	if (count != 1) {
		smart_str names = {0};
		zval *stamp;
		if (handled) {
			ZEND_HASH_FOREACH_VAL(handled, stamp) {
				smart_str_appends(&names, names.s ? ", \"" : "\"");
				smart_str_append(&names, Z_STR_P(php_messenger_stamp_prop(Z_OBJ_P(stamp), 1)));
				smart_str_appendc(&names, '"');
			} ZEND_HASH_FOREACH_END();
		}
		smart_str_0(&names);
		if (count == 0) {
			php_messenger_throw(php_messenger_ce_LogicException,
				"Message of type \"%s\" was handled zero times. Exactly one handler is expected when using \"%s::handle()\".", type, ZSTR_VAL(self->ce->name));
		} else {
			php_messenger_throw(php_messenger_ce_LogicException,
				"Message of type \"%s\" was handled multiple times. Only one handler is expected when using \"%s::handle()\", got %u: %s.",
				type, ZSTR_VAL(self->ce->name), count, ZSTR_VAL(names.s));
		}
		smart_str_free(&names);
		zval_ptr_dtor(&rv);
		RETURN_THROWS();
	}
	zval *stamp = zend_hash_index_find(handled, 0);
	if (!stamp) {
		ZEND_HASH_FOREACH_VAL(handled, stamp) { break; } ZEND_HASH_FOREACH_END();
	}
	RETVAL_COPY(php_messenger_stamp_prop(Z_OBJ_P(stamp), 0));
	zval_ptr_dtor(&rv);
}
/* }}} */

/* {{{ Messenger\Handler\BatchHandlerTrait */
ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, flush)
{
	bool force;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_BOOL(force)
	ZEND_PARSE_PARAMETERS_END();
	zval *jobs = own_property(execute_data, "jobs", sizeof("jobs") - 1);
	if (!jobs) {
		RETURN_THROWS();
	}
	if (Z_TYPE_P(jobs) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(jobs)) == 0) {
		return;
	}
	zval taken, rv;
	ZVAL_COPY_VALUE(&taken, jobs);
	ZVAL_EMPTY_ARRAY(jobs);
	bool ok = call_own(Z_OBJ_P(ZEND_THIS), "process", &rv, 1, &taken);
	zval_ptr_dtor(&taken);
	zval_ptr_dtor(&rv);
	if (!ok) {
		RETURN_THROWS();
	}
}

/* true when the batch is full: the class's shouldFlush(), which by default compares the jobs
 * with getBatchSize() */
static bool batch_full(zend_object *self, bool *full)
{
	zval rv;
	if (!call_own(self, "shouldflush", &rv, 0, NULL)) {
		return false;
	}
	*full = zend_is_true(&rv);
	zval_ptr_dtor(&rv);
	return true;
}

static bool flush_now(zend_object *self)
{
	zval force, rv;
	ZVAL_TRUE(&force);
	bool ok = call_own(self, "flush", &rv, 1, &force);
	zval_ptr_dtor(&rv);
	return ok;
}

ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, handle)
{
	zend_object *message, *ack = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJ(message)
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(ack, php_messenger_ce_Acknowledger)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	zval *jobs = own_property(execute_data, "jobs", sizeof("jobs") - 1);
	if (!jobs) {
		RETURN_THROWS();
	}
	zval own_ack;
	ZVAL_UNDEF(&own_ack);
	if (!ack) {
		/* not consumed by a worker: handled at once, as a batch of one */
		zval name;
		ZVAL_STR_COPY(&name, self->ce->name);
		object_init_ex(&own_ack, php_messenger_ce_Acknowledger);
		zend_call_known_instance_method_with_1_params(php_messenger_ce_Acknowledger->constructor, Z_OBJ(own_ack), NULL, &name);
		zval_ptr_dtor(&name);
		if (EG(exception)) {
			zval_ptr_dtor(&own_ack);
			RETURN_THROWS();
		}
		ack = Z_OBJ(own_ack);
	}
	zval job, m, a;
	ZVAL_OBJ_COPY(&m, message);
	ZVAL_OBJ_COPY(&a, ack);
	array_init_size(&job, 2);
	zend_hash_next_index_insert_new(Z_ARRVAL(job), &m);
	zend_hash_next_index_insert_new(Z_ARRVAL(job), &a);
	if (Z_TYPE_P(jobs) != IS_ARRAY) {
		zval_ptr_dtor(jobs);
		array_init(jobs);
	}
	SEPARATE_ARRAY(jobs);
	zend_hash_next_index_insert_new(Z_ARRVAL_P(jobs), &job);
	uint32_t pending = zend_hash_num_elements(Z_ARRVAL_P(jobs));

	if (Z_TYPE(own_ack) == IS_OBJECT) {
		bool ok = flush_now(self);
		zend_object *error = NULL;
		zval result;
		ZVAL_NULL(&result);
		if (ok && !php_messenger_batch_ack_result(ack, &result, &error)) {
			php_messenger_throw(php_messenger_ce_LogicException, "The acknowledger was not called by the \"%s\" batch handler.", ZSTR_VAL(self->ce->name));
		} else if (error) {
			/* the batch failed this message: its error, not a silent null */
			zval ex;
			ZVAL_OBJ(&ex, error);
			zend_throw_exception_object(&ex);
		}
		zval_ptr_dtor(&own_ack);
		if (EG(exception)) {
			zval_ptr_dtor(&result);
			RETURN_THROWS();
		}
		RETURN_COPY_VALUE(&result);
	}
	bool full;
	if (!batch_full(self, &full)) {
		RETURN_THROWS();
	}
	if (!full) {
		RETURN_LONG(pending);
	}
	if (!flush_now(self)) {
		RETURN_THROWS();
	}
	RETURN_LONG(0);
}

ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, shouldFlush)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval *jobs = own_property(execute_data, "jobs", sizeof("jobs") - 1);
	zval size;
	if (!jobs || !call_own(Z_OBJ_P(ZEND_THIS), "getbatchsize", &size, 0, NULL)) {
		RETURN_THROWS();
	}
	zend_long n = Z_TYPE_P(jobs) == IS_ARRAY ? zend_hash_num_elements(Z_ARRVAL_P(jobs)) : 0;
	RETVAL_BOOL(zval_get_long(&size) <= n);
	zval_ptr_dtor(&size);
}

ZEND_METHOD(Messenger_Handler_BatchHandlerTrait, getBatchSize)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG(10);
}
/* }}} */

void php_messenger_register_traits(void)
{
	register_class_Messenger_HandleTrait();
	register_class_Messenger_Handler_BatchHandlerTrait();
}
