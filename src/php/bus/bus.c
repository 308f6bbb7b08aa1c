/* Messenger\MessageBus and MessageBusInterface: a name and a middleware list; dispatch() wraps the
 * message and walks it through the list with a fresh Stack. */
#include "php/bus/bus.h"
#include "bus_arginfo.h"

zend_class_entry *php_messenger_ce_MessageBusInterface;
zend_class_entry *php_messenger_ce_MessageBus;

static zend_object_handlers bus_handlers;

typedef struct {
	zend_string *name;
	zend_array *middleware;
	zend_object *spare_stack; /* reused by the next dispatch when nobody kept it */
	zend_object std;
} php_messenger_bus;

static inline php_messenger_bus *bus_from(zend_object *obj)
{
	return (php_messenger_bus *) ((char *) obj - XtOffsetOf(php_messenger_bus, std));
}

static zend_object *bus_create(zend_class_entry *ce)
{
	php_messenger_bus *bus = zend_object_alloc(sizeof(php_messenger_bus), ce);
	zend_object_std_init(&bus->std, ce);
	bus->std.handlers = &bus_handlers;
	bus->name = NULL;
	bus->middleware = NULL;
	bus->spare_stack = NULL;
	return &bus->std;
}

static void bus_free(zend_object *obj)
{
	php_messenger_bus *bus = bus_from(obj);
	if (bus->name) {
		zend_string_release(bus->name);
	}
	if (bus->middleware) {
		zend_array_release(bus->middleware);
	}
	if (bus->spare_stack) {
		OBJ_RELEASE(bus->spare_stack);
	}
	zend_object_std_dtor(obj);
}

static HashTable *bus_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_bus *bus = bus_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (bus->middleware) {
		/* shared with the bus's Stacks: report the array itself, not its elements */
		zval list;
		ZVAL_ARR(&list, bus->middleware);
		zend_get_gc_buffer_add_zval(buf, &list);
	}
	if (bus->spare_stack) {
		zend_get_gc_buffer_add_obj(buf, bus->spare_stack);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

zend_object *php_messenger_bus_new(zend_string *name, zend_array *middleware)
{
	zend_object *obj = bus_create(php_messenger_ce_MessageBus);
	php_messenger_bus *bus = bus_from(obj);
	bus->name = zend_string_copy(name);
	GC_TRY_ADDREF(middleware);
	bus->middleware = middleware;
	return obj;
}

zend_array *php_messenger_bus_middleware(zend_object *bus)
{
	return bus_from(bus)->middleware;
}

zend_object *php_messenger_bus_dispatch(zend_object *obj, zval *message, HashTable *stamps)
{
	if (!bus_from(obj)->middleware) {
		zend_throw_error(NULL, "Messenger\\MessageBus was not constructed");
		return NULL;
	}
	zend_object *envelope = php_messenger_envelope_wrap(message, stamps);
	return envelope ? php_messenger_bus_dispatch_envelope(obj, envelope) : NULL;
}

zend_object *php_messenger_bus_dispatch_envelope(zend_object *obj, zend_object *envelope)
{
	php_messenger_bus *bus = bus_from(obj);
	if (!bus->middleware) {
		OBJ_RELEASE(envelope);
		zend_throw_error(NULL, "Messenger\\MessageBus was not constructed");
		return NULL;
	}
	if (zend_hash_num_elements(bus->middleware) == 0) {
		return envelope;
	}
	/* One Stack per dispatch; the previous one is reused when nothing (a deferred message, a
	 * middleware that kept it, a nested dispatch still running) holds it any more. */
	zend_object *stack;
	if (bus->spare_stack && GC_REFCOUNT(bus->spare_stack) == 1) {
		stack = bus->spare_stack;
		php_messenger_stack_rewind(stack);
	} else {
		if (bus->spare_stack) {
			OBJ_RELEASE(bus->spare_stack);
		}
		stack = bus->spare_stack = php_messenger_stack_new(bus->middleware);
	}
	GC_ADDREF(stack);
	zend_object *result = php_messenger_stack_continue(stack, envelope);
	if (stack == bus->spare_stack) {
		/* the bus still holds it: no need to offer it to the cycle collector */
		GC_DELREF(stack);
	} else {
		OBJ_RELEASE(stack);
	}
	return result;
}

/* {{{ Messenger\MessageBus::__construct(iterable $middleware = [], string $name = 'messenger.bus.default') */
ZEND_METHOD(Messenger_MessageBus, __construct)
{
	zval *iterable = NULL;
	zend_string *name = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ITERABLE(iterable)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_bus *bus = bus_from(Z_OBJ_P(ZEND_THIS));
	if (bus->middleware) {
		zend_throw_error(NULL, "Cannot call Messenger\\MessageBus::__construct() twice");
		RETURN_THROWS();
	}
	zend_array *list;
	if (iterable) {
		if (!(list = php_messenger_middleware_list(iterable, "middleware"))) {
			RETURN_THROWS();
		}
	} else {
		list = zend_new_array(0);
	}
	bus->middleware = list;
	bus->name = name ? zend_string_copy(name) : zend_string_init("messenger.bus.default", sizeof("messenger.bus.default") - 1, 0);
}
/* }}} */

ZEND_METHOD(Messenger_MessageBus, getName)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_bus *bus = bus_from(Z_OBJ_P(ZEND_THIS));
	RETURN_STR_COPY(bus->name ? bus->name : ZSTR_EMPTY_ALLOC());
}

/* {{{ Messenger\MessageBus::dispatch(object $message, array $stamps = []): Envelope */
ZEND_METHOD(Messenger_MessageBus, dispatch)
{
	zval *message;
	HashTable *stamps = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT(message)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(stamps)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *result = php_messenger_bus_dispatch(Z_OBJ_P(ZEND_THIS), message, stamps);
	if (!result) {
		RETURN_THROWS();
	}
	RETURN_OBJ(result);
}
/* }}} */

zend_object *php_messenger_bus_select(HashTable *buses, zend_string *default_bus, zend_string *name)
{
	zval *bus = zend_hash_find(buses, name ? name : default_bus);
	if (!bus) {
		zend_string *known = php_messenger_names_of(buses);
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown bus \"%s\" (configured: %s)",
			ZSTR_VAL(name ? name : default_bus), ZSTR_VAL(known));
		zend_string_release(known);
		return NULL;
	}
	return Z_OBJ_P(bus);
}

zend_string *php_messenger_bus_name_of(zval *message, HashTable *stamps)
{
	zend_string *name = NULL;
	if (stamps) {
		zval *stamp;
		ZEND_HASH_FOREACH_VAL(stamps, stamp) {
			ZVAL_DEREF(stamp);
			if (Z_TYPE_P(stamp) == IS_OBJECT && Z_OBJCE_P(stamp) == php_messenger_ce_BusNameStamp) {
				name = Z_STR_P(php_messenger_stamp_prop(Z_OBJ_P(stamp), 0));
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (!name && Z_OBJCE_P(message) == php_messenger_ce_Envelope) {
		zend_object *stamp = php_messenger_envelope_last(Z_OBJ_P(message), php_messenger_ce_BusNameStamp);
		if (stamp) {
			name = Z_STR_P(php_messenger_stamp_prop(stamp, 0));
		}
	}
	return name;
}

void php_messenger_register_bus(void)
{
	php_messenger_ce_MessageBusInterface = register_class_Messenger_MessageBusInterface();
	php_messenger_ce_MessageBus = register_class_Messenger_MessageBus(php_messenger_ce_MessageBusInterface);
	php_messenger_ce_MessageBus->create_object = bus_create;
	memcpy(&bus_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	bus_handlers.offset = XtOffsetOf(php_messenger_bus, std);
	bus_handlers.free_obj = bus_free;
	bus_handlers.get_gc = bus_get_gc;
	bus_handlers.clone_obj = NULL;
}
