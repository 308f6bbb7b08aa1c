/* The middleware chain. A Stack walks one dispatch through the bus's middleware; the bus's own
 * middleware (bus name, dispatch after current bus, send, handle) are C functions called
 * directly, so a dispatch through them has no PHP frame. A middleware written in PHP is called
 * through MiddlewareInterface::handle() and gets the same Stack, whose next() hands it the
 * following middleware, native or not. */
#include "php/bus/bus.h"
#include "middleware_arginfo.h"

zend_class_entry *php_messenger_ce_MiddlewareInterface;
zend_class_entry *php_messenger_ce_StackInterface;
zend_class_entry *php_messenger_ce_StackMiddleware;
zend_class_entry *php_messenger_ce_AddBusNameStampMiddleware;
zend_class_entry *php_messenger_ce_DispatchAfterCurrentBusMiddleware;
zend_class_entry *php_messenger_ce_SendMessageMiddleware;
zend_class_entry *php_messenger_ce_HandleMessageMiddleware;

static zend_object_handlers stack_handlers;
static zend_object_handlers mw_handlers;
static zend_string *str_handle;
static zend_string *str_next;

/* {{{ Stack */
typedef struct {
	zend_array *middleware; /* packed list of MiddlewareInterface objects */
	uint32_t pos;
	zend_object std;
} php_messenger_stack;

static inline php_messenger_stack *stack_from(zend_object *obj)
{
	return (php_messenger_stack *) ((char *) obj - XtOffsetOf(php_messenger_stack, std));
}

static zend_object *stack_create(zend_class_entry *ce)
{
	php_messenger_stack *stack = zend_object_alloc(sizeof(php_messenger_stack), ce);
	zend_object_std_init(&stack->std, ce);
	stack->std.handlers = &stack_handlers;
	stack->middleware = (zend_array *) &zend_empty_array;
	stack->pos = 0;
	return &stack->std;
}

static void stack_free(zend_object *obj)
{
	php_messenger_stack *stack = stack_from(obj);
	zend_array_release(stack->middleware);
	zend_object_std_dtor(obj);
}

static HashTable *stack_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_stack *stack = stack_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	/* the list is shared with the bus: report the array, so the collector counts its references */
	zval list;
	ZVAL_ARR(&list, stack->middleware);
	zend_get_gc_buffer_add_zval(buf, &list);
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

zend_object *php_messenger_stack_new(zend_array *middleware)
{
	zend_object *obj = stack_create(php_messenger_ce_StackMiddleware);
	php_messenger_stack *stack = stack_from(obj);
	GC_TRY_ADDREF(middleware);
	stack->middleware = middleware;
	return obj;
}

void php_messenger_stack_rewind(zend_object *obj)
{
	stack_from(obj)->pos = 0;
}

zend_object *php_messenger_stack_next(zend_object *obj)
{
	php_messenger_stack *stack = stack_from(obj);
	zval *mw;
	ZEND_HASH_INDEX_FIND(stack->middleware, stack->pos, mw, end);
	stack->pos++;
	return Z_OBJ_P(mw);
end:
	return obj;
}

zend_array *php_messenger_middleware_list(zval *iterable, const char *what)
{
	zval list;
	if (!php_messenger_iterable_to_array(iterable, &list)) {
		return NULL;
	}
	zend_array *out = zend_new_array(zend_hash_num_elements(Z_ARRVAL(list)));
	zend_hash_real_init_packed(out);
	zend_ulong index;
	zend_string *key;
	zval *mw;
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL(list), index, key, mw) {
		ZVAL_DEREF(mw);
		if (Z_TYPE_P(mw) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(mw), php_messenger_ce_MiddlewareInterface)) {
			const char *given = Z_TYPE_P(mw) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(mw)->name) : zend_zval_type_name(mw);
			if (key) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException,
					"%s[\"%s\"] must implement Messenger\\Middleware\\MiddlewareInterface, %s given", what, ZSTR_VAL(key), given);
			} else {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException,
					"%s[" ZEND_ULONG_FMT "] must implement Messenger\\Middleware\\MiddlewareInterface, %s given", what, index, given);
			}
			zend_array_destroy(out);
			zval_ptr_dtor(&list);
			return NULL;
		}
		Z_ADDREF_P(mw);
		zend_hash_next_index_insert_new(out, mw);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&list);
	return out;
}

ZEND_METHOD(Messenger_Middleware_StackMiddleware, __construct)
{
	zval *iterable = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ITERABLE(iterable)
	ZEND_PARSE_PARAMETERS_END();
	if (!iterable) {
		return;
	}
	zend_array *list = php_messenger_middleware_list(iterable, "middleware");
	if (!list) {
		RETURN_THROWS();
	}
	php_messenger_stack *stack = stack_from(Z_OBJ_P(ZEND_THIS));
	zend_array_release(stack->middleware);
	stack->middleware = list;
	stack->pos = 0;
}

ZEND_METHOD(Messenger_Middleware_StackMiddleware, next)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_OBJ_COPY(php_messenger_stack_next(Z_OBJ_P(ZEND_THIS)));
}

/* At the end of the chain the Stack is the last middleware: it returns the envelope. */
ZEND_METHOD(Messenger_Middleware_StackMiddleware, handle)
{
	zend_object *envelope, *stack;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
		Z_PARAM_OBJ_OF_CLASS(stack, php_messenger_ce_StackInterface)
	ZEND_PARSE_PARAMETERS_END();
	RETURN_OBJ_COPY(envelope);
}
/* }}} */

/* {{{ native middleware */
typedef struct php_messenger_mw php_messenger_mw;

typedef struct {
	zend_object *envelope;
	zend_object *stack;
} deferred_t;

/* Every native middleware: its kind (NULL until constructed), and its state: one of the union's
 * for the bus's own kinds, data for a kind another area writes (the send middleware). */
struct php_messenger_mw {
	const php_messenger_mw_kind *kind;
	void *data;
	union {
		struct {
			zend_array *list; /* [one BusNameStamp], shared by every envelope: stamps are immutable */
		} bus_name;
		struct {
			bool running;
			deferred_t *items;
			uint32_t head, count, cap;
		} after;
		struct {
			php_messenger_handlers handlers;
			bool allow_no_handlers;
		} handle;
	} u;
	zend_object std;
};

static inline php_messenger_mw *mw_from(zend_object *obj)
{
	return (php_messenger_mw *) ((char *) obj - XtOffsetOf(php_messenger_mw, std));
}

static zend_object *mw_create(zend_class_entry *ce)
{
	php_messenger_mw *mw = zend_object_alloc(sizeof(php_messenger_mw), ce);
	memset(&mw->u, 0, sizeof(mw->u));
	mw->kind = NULL;
	mw->data = NULL;
	zend_object_std_init(&mw->std, ce);
	mw->std.handlers = &mw_handlers;
	return &mw->std;
}

static void deferred_release(php_messenger_mw *mw, uint32_t from)
{
	for (uint32_t i = from; i < mw->u.after.count; i++) {
		OBJ_RELEASE(mw->u.after.items[i].envelope);
		OBJ_RELEASE(mw->u.after.items[i].stack);
	}
	mw->u.after.count = from;
	if (from <= mw->u.after.head) {
		mw->u.after.head = mw->u.after.count = 0;
	}
}

static void mw_free(zend_object *obj)
{
	php_messenger_mw *mw = mw_from(obj);
	if (mw->kind && mw->kind->free) {
		mw->kind->free(obj);
	}
	/* at shutdown PHP frees objects in any order: whoever still holds this one sees no state */
	mw->kind = NULL;
	mw->data = NULL;
	zend_object_std_dtor(obj);
}

static HashTable *mw_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_mw *mw = mw_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (mw->kind && mw->kind->gc) {
		mw->kind->gc(obj, buf);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

void php_messenger_mw_set(zend_object *self, const php_messenger_mw_kind *kind, void *data)
{
	php_messenger_mw *mw = mw_from(self);
	mw->kind = kind;
	mw->data = data;
}

void *php_messenger_mw_data(zend_object *self)
{
	return mw_from(self)->data;
}

bool php_messenger_mw_constructed_twice(zend_object *self)
{
	if (mw_from(self)->kind) {
		zend_throw_error(NULL, "Cannot call %s::__construct() twice", ZSTR_VAL(self->ce->name));
		return true;
	}
	return false;
}

zend_object *php_messenger_mw_new(zend_class_entry *ce)
{
	return mw_create(ce);
}

zend_object *php_messenger_middleware_call(zend_object *mw, zend_object *envelope, zend_object *stack)
{
	if (mw->handlers == &mw_handlers) {
		php_messenger_mw *native = mw_from(mw);
		if (!native->kind) {
			OBJ_RELEASE(envelope);
			zend_throw_error(NULL, "%s was not constructed", ZSTR_VAL(mw->ce->name));
			return NULL;
		}
		return native->kind->handle(mw, envelope, stack);
	}
	if (mw->ce == php_messenger_ce_StackMiddleware) {
		return envelope;
	}
	zend_function *fn = mw->handlers->get_method(&mw, str_handle, NULL);
	if (!fn) {
		OBJ_RELEASE(envelope);
		if (!EG(exception)) {
			zend_throw_error(NULL, "Call to undefined method %s::handle()", ZSTR_VAL(mw->ce->name));
		}
		return NULL;
	}
	zval args[2], rv;
	ZVAL_OBJ(&args[0], envelope);
	ZVAL_OBJ(&args[1], stack);
	zend_call_known_instance_method(fn, mw, &rv, 2, args);
	OBJ_RELEASE(envelope);
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		return NULL;
	}
	if (Z_TYPE(rv) != IS_OBJECT || Z_OBJCE(rv) != php_messenger_ce_Envelope) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s::handle() must return a Messenger\\Envelope, %s returned",
			ZSTR_VAL(mw->ce->name), zend_zval_type_name(&rv));
		zval_ptr_dtor(&rv);
		return NULL;
	}
	return Z_OBJ(rv);
}

zend_object *php_messenger_stack_continue(zend_object *stack, zend_object *envelope)
{
	if (stack->ce == php_messenger_ce_StackMiddleware) {
		return php_messenger_middleware_call(php_messenger_stack_next(stack), envelope, stack);
	}
	/* a StackInterface written in PHP */
	zval next;
	zend_call_method(stack, stack->ce, NULL, ZSTR_VAL(str_next), ZSTR_LEN(str_next), &next, 0, NULL, NULL);
	if (EG(exception)) {
		OBJ_RELEASE(envelope);
		return NULL;
	}
	if (Z_TYPE(next) != IS_OBJECT || !instanceof_function(Z_OBJCE(next), php_messenger_ce_MiddlewareInterface)) {
		OBJ_RELEASE(envelope);
		zval_ptr_dtor(&next);
		php_messenger_throw(php_messenger_ce_LogicException, "%s::next() must return a MiddlewareInterface", ZSTR_VAL(stack->ce->name));
		return NULL;
	}
	zend_object *result = php_messenger_middleware_call(Z_OBJ(next), envelope, stack);
	zval_ptr_dtor(&next);
	return result;
}

void php_messenger_mw_handle_method(INTERNAL_FUNCTION_PARAMETERS)
{
	zend_object *envelope, *stack;
	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
		Z_PARAM_OBJ_OF_CLASS(stack, php_messenger_ce_StackInterface)
	ZEND_PARSE_PARAMETERS_END();
	GC_ADDREF(envelope);
	zend_object *result = php_messenger_middleware_call(Z_OBJ_P(ZEND_THIS), envelope, stack);
	if (!result) {
		RETURN_THROWS();
	}
	RETURN_OBJ(result);
}
/* }}} */

/* {{{ AddBusNameStampMiddleware */
static zend_object *bus_name_fn(zend_object *self, zend_object *envelope, zend_object *stack)
{
	php_messenger_mw *mw = mw_from(self);
	if (!php_messenger_envelope_list(envelope, php_messenger_ce_BusNameStamp)) {
		/* the envelope's list of BusNameStamps is the middleware's own, copied on write */
		envelope = php_messenger_envelope_with_list(envelope, php_messenger_ce_BusNameStamp, mw->u.bus_name.list);
	}
	return php_messenger_stack_continue(stack, envelope);
}

static void bus_name_free(zend_object *self)
{
	zend_array_release(mw_from(self)->u.bus_name.list);
}

static const php_messenger_mw_kind bus_name_kind = { bus_name_fn, bus_name_free, NULL };

static void bus_name_init(php_messenger_mw *mw, zend_string *bus_name)
{
	zval arg;
	ZVAL_STR(&arg, bus_name);
	zval stamp;
	ZVAL_OBJ(&stamp, php_messenger_stamp_new(php_messenger_ce_BusNameStamp, 1, &arg));
	mw->u.bus_name.list = zend_new_array(1);
	zend_hash_next_index_insert_new(mw->u.bus_name.list, &stamp);
	mw->kind = &bus_name_kind;
}

zend_object *php_messenger_add_bus_name_middleware_new(zend_string *bus_name)
{
	zend_object *obj = mw_create(php_messenger_ce_AddBusNameStampMiddleware);
	bus_name_init(mw_from(obj), bus_name);
	return obj;
}

ZEND_METHOD(Messenger_Middleware_AddBusNameStampMiddleware, __construct)
{
	zend_string *bus_name;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(bus_name)
	ZEND_PARSE_PARAMETERS_END();
	if (php_messenger_mw_constructed_twice(Z_OBJ_P(ZEND_THIS))) {
		RETURN_THROWS();
	}
	bus_name_init(mw_from(Z_OBJ_P(ZEND_THIS)), bus_name);
}

ZEND_METHOD(Messenger_Middleware_AddBusNameStampMiddleware, handle)
{
	php_messenger_mw_handle_method(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}
/* }}} */

/* {{{ DispatchAfterCurrentBusMiddleware
 * Messages stamped DispatchAfterCurrentBusStamp during a dispatch wait until the outermost
 * dispatch has returned, then go on through the rest of their own chain. When the outer
 * dispatch throws, they are dropped. */
static void defer(php_messenger_mw *mw, zend_object *envelope, zend_object *stack)
{
	if (mw->u.after.count == mw->u.after.cap) {
		mw->u.after.cap = mw->u.after.cap ? mw->u.after.cap * 2 : 8;
		mw->u.after.items = safe_erealloc(mw->u.after.items, mw->u.after.cap, sizeof(deferred_t), 0);
	}
	GC_ADDREF(envelope);
	GC_ADDREF(stack);
	mw->u.after.items[mw->u.after.count].envelope = envelope;
	mw->u.after.items[mw->u.after.count].stack = stack;
	mw->u.after.count++;
}

static zend_object *after_fn(zend_object *self, zend_object *envelope, zend_object *stack)
{
	php_messenger_mw *mw = mw_from(self);
	if (php_messenger_envelope_last(envelope, php_messenger_ce_DispatchAfterCurrentBusStamp)) {
		if (mw->u.after.running) {
			defer(mw, envelope, stack);
			return envelope;
		}
		envelope = php_messenger_envelope_without(envelope, php_messenger_ce_DispatchAfterCurrentBusStamp->name);
	}
	if (mw->u.after.running) {
		return php_messenger_stack_continue(stack, envelope);
	}

	mw->u.after.running = true;
	zend_object *result = php_messenger_stack_continue(stack, envelope);
	if (!result) {
		deferred_release(mw, mw->u.after.head);
		mw->u.after.running = false;
		return NULL;
	}

	zval exceptions;
	ZVAL_UNDEF(&exceptions);
	while (mw->u.after.head < mw->u.after.count) {
		deferred_t item = mw->u.after.items[mw->u.after.head++];
		uint32_t count_before = mw->u.after.count;
		zend_object *handled = php_messenger_stack_continue(item.stack, item.envelope);
		OBJ_RELEASE(item.stack);
		if (handled) {
			OBJ_RELEASE(handled);
			continue;
		}
		zend_object *ex;
		if (!php_messenger_take_exception(&ex)) {
			/* exit(): stop everything */
			deferred_release(mw, mw->u.after.head);
			mw->u.after.running = false;
			OBJ_RELEASE(result);
			return NULL;
		}
		if (Z_TYPE(exceptions) == IS_UNDEF) {
			array_init(&exceptions);
		}
		zval ex_zv;
		ZVAL_OBJ(&ex_zv, ex);
		zend_hash_next_index_insert_new(Z_ARRVAL(exceptions), &ex_zv);
		/* what the failed message deferred goes with it */
		deferred_release(mw, count_before);
	}
	mw->u.after.head = mw->u.after.count = 0;
	mw->u.after.running = false;
	if (Z_TYPE(exceptions) != IS_UNDEF) {
		OBJ_RELEASE(result);
		php_messenger_throw_delayed_handling(&exceptions);
		zval_ptr_dtor(&exceptions);
		return NULL;
	}
	return result;
}

static void after_free(zend_object *self)
{
	php_messenger_mw *mw = mw_from(self);
	deferred_release(mw, mw->u.after.head);
	if (mw->u.after.items) {
		efree(mw->u.after.items);
	}
}

static void after_gc(zend_object *self, zend_get_gc_buffer *buf)
{
	php_messenger_mw *mw = mw_from(self);
	for (uint32_t i = mw->u.after.head; i < mw->u.after.count; i++) {
		zend_get_gc_buffer_add_obj(buf, mw->u.after.items[i].envelope);
		zend_get_gc_buffer_add_obj(buf, mw->u.after.items[i].stack);
	}
}

static const php_messenger_mw_kind after_kind = { after_fn, after_free, after_gc };

zend_object *php_messenger_dispatch_after_middleware_new(void)
{
	zend_object *obj = mw_create(php_messenger_ce_DispatchAfterCurrentBusMiddleware);
	mw_from(obj)->kind = &after_kind;
	return obj;
}

ZEND_METHOD(Messenger_Middleware_DispatchAfterCurrentBusMiddleware, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
	mw_from(Z_OBJ_P(ZEND_THIS))->kind = &after_kind;
}

ZEND_METHOD(Messenger_Middleware_DispatchAfterCurrentBusMiddleware, handle)
{
	php_messenger_mw_handle_method(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}
/* }}} */

/* {{{ HandleMessageMiddleware */
/* Whether one of the first `count` HandledStamps (those the envelope came with: a redelivered
 * message keeps the stamps of the handlers that succeeded before) names this handler. */
static bool already_handled(zend_object *envelope, uint32_t count, zend_string *handler_name)
{
	HashTable *list = php_messenger_envelope_list(envelope, php_messenger_ce_HandledStamp);
	if (!list) {
		return false;
	}
	zval *stamp;
	ZEND_HASH_FOREACH_VAL(list, stamp) {
		if (count-- == 0) {
			break;
		}
		if (zend_string_equals(Z_STR_P(php_messenger_stamp_prop(Z_OBJ_P(stamp), 1)), handler_name)) {
			return true;
		}
	} ZEND_HASH_FOREACH_END();
	return false;
}

/* Whether another handler of the message has the name of handler i (two closures are both
 * "Closure"): then a HandledStamp cannot tell which of them ran, and neither is skipped. Symfony
 * skips both, so a failed one would never run again. */
static bool name_shared(const php_messenger_handlers *registry, const php_messenger_handler_list *list, uint32_t i)
{
	zend_string *name = registry->items[list->items[i]].name;
	for (uint32_t j = 0; j < list->count; j++) {
		if (j != i && zend_string_equals(registry->items[list->items[j]].name, name)) {
			return true;
		}
	}
	return false;
}

static zend_object *handle_fn(zend_object *self, zend_object *envelope, zend_object *stack)
{
	php_messenger_mw *mw = mw_from(self);
	php_messenger_handlers *registry = &mw->u.handle.handlers;
	zval *message = php_messenger_envelope_message(envelope);
	const php_messenger_handler_list *list = php_messenger_handlers_for(registry, Z_OBJCE_P(message));

	zend_object *received = php_messenger_envelope_last(envelope, php_messenger_ce_ReceivedStamp);
	zend_string *from = received ? Z_STR_P(php_messenger_stamp_prop(received, 0)) : NULL;
	zend_object *extra_stamp = php_messenger_envelope_last(envelope, php_messenger_ce_HandlerArgumentsStamp);
	HashTable *extra = extra_stamp ? Z_ARRVAL_P(php_messenger_stamp_prop(extra_stamp, 0)) : NULL;
	HashTable *handled_before = php_messenger_envelope_list(envelope, php_messenger_ce_HandledStamp);
	uint32_t handled_count = handled_before ? zend_hash_num_elements(handled_before) : 0;

	uint32_t extra_count = extra ? zend_hash_num_elements(extra) : 0;
	zval inline_args[4];
	/* the message, an Acknowledger for a batch handler, the extra arguments */
	zval *args = 2 + extra_count <= 4 ? inline_args : safe_emalloc(2 + extra_count, sizeof(zval), 0);

	bool found = false, skipped = false;
	zval exceptions;
	ZVAL_UNDEF(&exceptions);

	for (uint32_t i = 0; i < list->count; i++) {
		php_messenger_handler *h = &registry->items[list->items[i]];
		if (from && h->from_transport && !zend_string_equals(from, h->from_transport)) {
			continue;
		}
		if (handled_count && already_handled(envelope, handled_count, h->name) && !name_shared(registry, list, i)) {
			skipped = true;
			continue;
		}
		found = true;

		/* with() below may have replaced the envelope by a copy: read the message from the current one */
		message = php_messenger_envelope_message(envelope);
		ZVAL_COPY_VALUE(&args[0], message);
		uint32_t argc = 1;
		zend_object *ack = h->batch ? php_messenger_batch_ack_new(Z_OBJ_P(message), h->name, h->fcc.object, envelope) : NULL;
		if (ack) {
			ZVAL_OBJ(&args[argc++], ack);
		}
		if (extra) {
			zval *arg;
			ZEND_HASH_FOREACH_VAL(extra, arg) {
				ZVAL_COPY_VALUE(&args[argc++], arg);
			} ZEND_HASH_FOREACH_END();
		}
		zval result;
		zend_fcall_info fci;
		fci.size = sizeof(fci);
		ZVAL_UNDEF(&fci.function_name);
		fci.object = NULL;
		fci.retval = &result;
		fci.params = args;
		fci.param_count = argc;
		fci.named_params = NULL;
		zend_call_function(&fci, &h->fcc);

		zend_object *acked_error = NULL;
		if (ack && !EG(exception)) {
			zval_ptr_dtor(&result);
			bool done = php_messenger_batch_ack_done(ack, &result, &acked_error);
			OBJ_RELEASE(ack);
			if (!done) {
				continue; /* kept for its batch: settled when the Acknowledger is called */
			}
			if (acked_error) {
				/* nack()ed: a failure of this handler, as if it had thrown */
				zval ex;
				ZVAL_OBJ(&ex, acked_error);
				zval_ptr_dtor(&result);
				ZVAL_UNDEF(&result);
				zend_throw_exception_object(&ex);
			}
		} else if (ack) {
			OBJ_RELEASE(ack);
		}
		if (EG(exception)) {
			zval_ptr_dtor(&result);
			zend_object *ex;
			if (!php_messenger_take_exception(&ex)) {
				if (Z_TYPE(exceptions) != IS_UNDEF) {
					zval_ptr_dtor(&exceptions);
				}
				goto fail;
			}
			if (Z_TYPE(exceptions) == IS_UNDEF) {
				array_init(&exceptions);
			}
			zval ex_zv;
			ZVAL_OBJ(&ex_zv, ex);
			if (!zend_hash_add(Z_ARRVAL(exceptions), h->name, &ex_zv)) {
				zend_hash_next_index_insert(Z_ARRVAL(exceptions), &ex_zv);
			}
			continue;
		}
		zval stamp_args[2];
		ZVAL_COPY_VALUE(&stamp_args[0], &result);
		ZVAL_STR(&stamp_args[1], h->name);
		zend_object *stamp = php_messenger_stamp_new(php_messenger_ce_HandledStamp, 2, stamp_args);
		zval_ptr_dtor(&result);
		envelope = php_messenger_envelope_with_new(envelope, stamp);
	}
	if (args != inline_args) {
		efree(args);
	}

	if (!found && !skipped && !mw->u.handle.allow_no_handlers) {
		php_messenger_throw(php_messenger_ce_NoHandlerForMessageException, "No handler for message \"%s\".",
			ZSTR_VAL(Z_OBJCE_P(php_messenger_envelope_message(envelope))->name));
		OBJ_RELEASE(envelope);
		return NULL;
	}
	if (Z_TYPE(exceptions) != IS_UNDEF) {
		php_messenger_throw_handler_failed(envelope, &exceptions);
		zval_ptr_dtor(&exceptions);
		OBJ_RELEASE(envelope);
		return NULL;
	}
	return php_messenger_stack_continue(stack, envelope);

fail:
	if (args != inline_args) {
		efree(args);
	}
	OBJ_RELEASE(envelope);
	return NULL;
}

static void handle_free(zend_object *self)
{
	php_messenger_handlers_destroy(&mw_from(self)->u.handle.handlers);
}

static void handle_gc(zend_object *self, zend_get_gc_buffer *buf)
{
	php_messenger_handlers_gc(&mw_from(self)->u.handle.handlers, buf);
}

static const php_messenger_mw_kind handle_kind = { handle_fn, handle_free, handle_gc };

static bool handle_init(php_messenger_mw *mw, HashTable *handlers, bool allow_no_handlers, zend_string *bus_name)
{
	if (!php_messenger_handlers_init(&mw->u.handle.handlers, handlers, bus_name)) {
		return false;
	}
	mw->u.handle.allow_no_handlers = allow_no_handlers;
	mw->kind = &handle_kind;
	return true;
}

zend_object *php_messenger_handle_middleware_new(HashTable *handlers, bool allow_no_handlers, zend_string *bus_name)
{
	zend_object *obj = mw_create(php_messenger_ce_HandleMessageMiddleware);
	if (!handle_init(mw_from(obj), handlers, allow_no_handlers, bus_name)) {
		OBJ_RELEASE(obj);
		return NULL;
	}
	return obj;
}

void php_messenger_handle_middleware_types(zend_object *handle_mw, HashTable *out)
{
	zend_string *type;
	ZEND_HASH_FOREACH_STR_KEY(&mw_from(handle_mw)->u.handle.handlers.by_type, type) {
		if (type) {
			zend_hash_add_empty_element(out, type);
		}
	} ZEND_HASH_FOREACH_END();
}

struct php_messenger_handlers *php_messenger_handle_middleware_handlers(zend_object *mw)
{
	return mw->ce == php_messenger_ce_HandleMessageMiddleware ? &mw_from(mw)->u.handle.handlers : NULL;
}

ZEND_METHOD(Messenger_Middleware_HandleMessageMiddleware, __construct)
{
	HashTable *handlers;
	bool allow_no_handlers = false;
	zend_string *bus_name = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ARRAY_HT(handlers)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(allow_no_handlers)
		Z_PARAM_STR_OR_NULL(bus_name)
	ZEND_PARSE_PARAMETERS_END();
	if (php_messenger_mw_constructed_twice(Z_OBJ_P(ZEND_THIS))) {
		RETURN_THROWS();
	}
	handle_init(mw_from(Z_OBJ_P(ZEND_THIS)), handlers, allow_no_handlers, bus_name);
}

ZEND_METHOD(Messenger_Middleware_HandleMessageMiddleware, handle)
{
	php_messenger_mw_handle_method(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}
/* }}} */

void php_messenger_register_middleware(void)
{
	str_handle = zend_string_init_interned("handle", sizeof("handle") - 1, 1);
	str_next = zend_string_init_interned("next", sizeof("next") - 1, 1);

	php_messenger_ce_MiddlewareInterface = register_class_Messenger_Middleware_MiddlewareInterface();
	php_messenger_ce_StackInterface = register_class_Messenger_Middleware_StackInterface();

	php_messenger_ce_StackMiddleware = register_class_Messenger_Middleware_StackMiddleware(php_messenger_ce_StackInterface, php_messenger_ce_MiddlewareInterface);
	php_messenger_ce_StackMiddleware->create_object = stack_create;
	memcpy(&stack_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	stack_handlers.offset = XtOffsetOf(php_messenger_stack, std);
	stack_handlers.free_obj = stack_free;
	stack_handlers.get_gc = stack_get_gc;
	stack_handlers.clone_obj = NULL;

	memcpy(&mw_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	mw_handlers.offset = XtOffsetOf(php_messenger_mw, std);
	mw_handlers.free_obj = mw_free;
	mw_handlers.get_gc = mw_get_gc;
	mw_handlers.clone_obj = NULL;

	zend_class_entry *iface = php_messenger_ce_MiddlewareInterface;
	php_messenger_ce_AddBusNameStampMiddleware = register_class_Messenger_Middleware_AddBusNameStampMiddleware(iface);
	php_messenger_ce_DispatchAfterCurrentBusMiddleware = register_class_Messenger_Middleware_DispatchAfterCurrentBusMiddleware(iface);
	php_messenger_ce_SendMessageMiddleware = register_class_Messenger_Middleware_SendMessageMiddleware(iface);
	php_messenger_ce_HandleMessageMiddleware = register_class_Messenger_Middleware_HandleMessageMiddleware(iface);
	php_messenger_ce_AddBusNameStampMiddleware->create_object = mw_create;
	php_messenger_ce_DispatchAfterCurrentBusMiddleware->create_object = mw_create;
	php_messenger_ce_SendMessageMiddleware->create_object = mw_create;
	php_messenger_ce_HandleMessageMiddleware->create_object = mw_create;
}
