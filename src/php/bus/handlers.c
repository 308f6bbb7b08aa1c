/* The handler registry of one bus: built once from the configuration, looked up per message
 * class through a cache, and called through a prepared fcall cache. Also the
 * #[AsMessageHandler] attribute and the walk over the types a message matches. */
#include "php/bus/bus.h"
#include "zend_attributes.h"
#include "zend_closures.h"
#include "core/base/route.h"
#include "core/base/error.h"
#include "handlers_arginfo.h"

zend_class_entry *php_messenger_ce_AsMessageHandler;

/* {{{ types of a message */
typedef struct {
	php_messenger_type_fn fn;
	void *ctx;
	bool stopped;
} wildcard_ctx;

static int wildcard_cb(void *ctx, const char *pattern, size_t len)
{
	wildcard_ctx *c = ctx;
	zend_string *lc = php_messenger_type_key(pattern, len);
	bool go_on = c->fn(c->ctx, lc);
	zend_string_release(lc);
	if (!go_on) {
		c->stopped = true;
		return 1;
	}
	return 0;
}

static bool visit(php_messenger_type_fn fn, void *ctx, zend_string *name)
{
	zend_string *lc = php_messenger_type_key(ZSTR_VAL(name), ZSTR_LEN(name));
	bool go_on = fn(ctx, lc);
	zend_string_release(lc);
	return go_on;
}

void php_messenger_walk_types(zend_class_entry *ce, php_messenger_type_fn fn, void *ctx)
{
	for (zend_class_entry *c = ce; c; c = c->parent) {
		if (!visit(fn, ctx, c->name)) {
			return;
		}
	}
	if (ce->ce_flags & ZEND_ACC_LINKED) {
		for (uint32_t i = 0; i < ce->num_interfaces; i++) {
			if (!visit(fn, ctx, ce->interfaces[i]->name)) {
				return;
			}
		}
	}
	wildcard_ctx wc = { fn, ctx, false };
	if (msgr_route_wildcards(ZSTR_VAL(ce->name), ZSTR_LEN(ce->name), wildcard_cb, &wc) == MSGR_ERR_NOMEM) {
		/* as emalloc() does when memory runs out: a routing that skipped the wildcards would
		 * send the message elsewhere without a word */
		zend_error_noreturn(E_ERROR, "Messenger: out of memory while routing %s", ZSTR_VAL(ce->name));
	}
	if (wc.stopped) {
		return;
	}
	zend_string *star = php_messenger_type_key("*", 1);
	fn(ctx, star);
	zend_string_release(star);
}
/* }}} */

/* {{{ registry */
typedef struct {
	zend_string *what;      /* how the configuration names this entry, for errors */
	zend_string *bus;       /* the bus filter of the registry being built, or NULL */
	php_messenger_handlers *h;
} build_ctx;

typedef struct {
	zval *handler;          /* callable, or object with method */
	zend_string *method;
	zend_string *from_transport;
	zend_string *bus;
	zend_long priority;
} handler_spec;

static zend_string *handler_name(zval *callable, zend_fcall_info_cache *fcc)
{
	zend_function *fn = fcc->function_handler;
	if (Z_TYPE_P(callable) == IS_OBJECT && Z_OBJCE_P(callable) == zend_ce_closure) {
		/* an anonymous function: "{closure}", "Ns\\{closure}", or "{closure:file:line}" from PHP 8.4 */
		if (fn->common.fn_flags & ZEND_ACC_CLOSURE && strstr(ZSTR_VAL(fn->common.function_name), "{closure")) {
			return zend_string_init("Closure", sizeof("Closure") - 1, 0);
		}
		/* a closure made from a method or function: name what it calls */
	}
	if (fcc->object) {
		return zend_strpprintf(0, "%s::%s", ZSTR_VAL(fcc->object->ce->name), ZSTR_VAL(fn->common.function_name));
	}
	if (fn->common.scope) {
		return zend_strpprintf(0, "%s::%s", ZSTR_VAL(fn->common.scope->name), ZSTR_VAL(fn->common.function_name));
	}
	return zend_string_copy(fn->common.function_name);
}

static bool add_handler(build_ctx *b, zend_string *type, handler_spec *spec)
{
	if (b->bus && spec->bus && !zend_string_equals(b->bus, spec->bus)) {
		return true;
	}
	zval callable;
	if (spec->method) {
		if (Z_TYPE_P(spec->handler) != IS_OBJECT) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: 'method' needs an object in 'handler', %s given", ZSTR_VAL(b->what), zend_zval_type_name(spec->handler));
			return false;
		}
		array_init_size(&callable, 2);
		Z_ADDREF_P(spec->handler);
		add_next_index_zval(&callable, spec->handler);
		add_next_index_str(&callable, zend_string_copy(spec->method));
	} else {
		ZVAL_COPY(&callable, spec->handler);
	}
	zend_fcall_info_cache fcc;
	char *error = NULL;
	if (!zend_is_callable_ex(&callable, NULL, 0, NULL, &fcc, &error)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s is not a valid handler: %s",
			ZSTR_VAL(b->what), error ? error : "not callable");
		if (error) {
			efree(error);
		}
		zval_ptr_dtor(&callable);
		return false;
	}
	if (error) {
		efree(error);
	}

	php_messenger_handlers *h = b->h;
	if (h->count == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 8;
		h->items = safe_erealloc(h->items, h->cap, sizeof(php_messenger_handler), 0);
	}
	php_messenger_handler *item = &h->items[h->count];
	ZVAL_COPY_VALUE(&item->callable, &callable);
	item->fcc = fcc;
	item->name = handler_name(&callable, &fcc);
	item->from_transport = spec->from_transport ? zend_string_copy(spec->from_transport) : NULL;
	item->type = ZSTR_LEN(type) && ZSTR_VAL(type)[0] == '\\'
		? zend_string_init(ZSTR_VAL(type) + 1, ZSTR_LEN(type) - 1, 0) : zend_string_copy(type);
	item->priority = spec->priority;
	item->batch = fcc.object && instanceof_function(fcc.object->ce, php_messenger_ce_BatchHandlerInterface);

	zend_string *lc = php_messenger_type_key(ZSTR_VAL(type), ZSTR_LEN(type));
	zval *indices = zend_hash_find(&h->by_type, lc);
	if (!indices) {
		zval empty;
		array_init(&empty);
		indices = zend_hash_add_new(&h->by_type, lc, &empty);
	}
	add_next_index_long(indices, h->count);
	zend_string_release(lc);
	h->count++;
	return true;
}

/* Reads an option of a descriptor array: a string or null. */
static bool opt_string(build_ctx *b, HashTable *desc, const char *key, zend_string **out)
{
	zval *v = zend_hash_str_find_deref(desc, key, strlen(key));
	*out = NULL;
	if (!v || Z_TYPE_P(v) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(v) != IS_STRING) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: option '%s' must be a string, %s given",
			ZSTR_VAL(b->what), key, zend_zval_type_name(v));
		return false;
	}
	*out = Z_STR_P(v);
	return true;
}

static const char *const known_options[] = { "handler", "method", "from_transport", "priority", "bus", "handles", NULL };

/* ['handler' => ..., 'method' => ..., 'from_transport' => ..., 'priority' => ..., 'bus' => ..., 'handles' => ...] */
static bool parse_descriptor(build_ctx *b, HashTable *desc, handler_spec *spec, zend_string **handles)
{
	zend_string *unknown;
	if (php_messenger_find_unknown_key(desc, known_options, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"%s: unknown option '%s' (known: handler, method, from_transport, priority, bus, handles)",
			ZSTR_VAL(b->what), unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return false;
	}
	memset(spec, 0, sizeof(*spec));
	spec->handler = zend_hash_str_find_deref(desc, "handler", sizeof("handler") - 1);
	zval *priority = zend_hash_str_find_deref(desc, "priority", sizeof("priority") - 1);
	if (priority && Z_TYPE_P(priority) != IS_LONG) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: option 'priority' must be an int, %s given",
			ZSTR_VAL(b->what), zend_zval_type_name(priority));
		return false;
	}
	spec->priority = priority ? Z_LVAL_P(priority) : 0;
	return opt_string(b, desc, "method", &spec->method)
		&& opt_string(b, desc, "from_transport", &spec->from_transport)
		&& opt_string(b, desc, "bus", &spec->bus)
		&& opt_string(b, desc, "handles", handles);
}

/* The message types a method accepts: its first parameter's class type(s). */
static bool types_of_method(build_ctx *b, zend_class_entry *ce, zend_function *fn, zval *types)
{
	if (fn->common.num_args == 0 && !(fn->common.fn_flags & ZEND_ACC_VARIADIC)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"%s: %s::%s() takes no parameter, so it cannot tell which message it handles; give it a typed first parameter or use 'handles'",
			ZSTR_VAL(b->what), ZSTR_VAL(ce->name), ZSTR_VAL(fn->common.function_name));
		return false;
	}
	zend_type type = fn->common.arg_info[0].type;
	zend_type *single;
	ZEND_TYPE_FOREACH(type, single) {
		if (ZEND_TYPE_HAS_NAME(*single)) {
			add_next_index_str(types, zend_string_copy(ZEND_TYPE_NAME(*single)));
		}
	} ZEND_TYPE_FOREACH_END();
	if (zend_hash_num_elements(Z_ARRVAL_P(types)) == 0) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"%s: the first parameter of %s::%s() has no class type, so it cannot tell which message it handles; type it or use 'handles'",
			ZSTR_VAL(b->what), ZSTR_VAL(ce->name), ZSTR_VAL(fn->common.function_name));
		return false;
	}
	return true;
}

typedef struct {
	zend_string *bus, *from_transport, *handles, *method;
	zend_long priority;
} attr_args;

bool php_messenger_attribute_args(zend_attribute *attr, zend_class_entry *scope, const char *const *names, uint32_t n, zval *values, const char *what)
{
	for (uint32_t k = 0; k < n; k++) {
		ZVAL_UNDEF(&values[k]);
	}
	for (uint32_t i = 0; i < attr->argc; i++) {
		uint32_t slot = attr->args[i].name ? n : i;
		for (uint32_t k = 0; attr->args[i].name && k < n; k++) {
			if (zend_string_equals_cstr(attr->args[i].name, names[k], strlen(names[k]))) {
				slot = k;
			}
		}
		if (slot >= n) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: #[%s] has an unknown argument%s%s",
				what, ZSTR_VAL(attr->name), attr->args[i].name ? " " : "", attr->args[i].name ? ZSTR_VAL(attr->args[i].name) : "");
		} else if (zend_get_attribute_value(&values[slot], attr, i, scope) == SUCCESS) {
			continue;
		}
		for (uint32_t k = 0; k < n; k++) {
			zval_ptr_dtor(&values[k]);
		}
		return false;
	}
	return true;
}

static bool read_attribute(build_ctx *b, zend_attribute *attr, zend_class_entry *scope, attr_args *out, zval *keep)
{
	static const char *const names[] = { "bus", "fromTransport", "handles", "method", "priority" };
	zval v[5];
	memset(out, 0, sizeof(*out));
	if (!php_messenger_attribute_args(attr, scope, names, 5, v, ZSTR_VAL(b->what))) {
		return false;
	}
	if (Z_TYPE(v[4]) != IS_UNDEF && Z_TYPE(v[4]) != IS_LONG) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: #[AsMessageHandler] priority must be an int", ZSTR_VAL(b->what));
	}
	out->priority = Z_TYPE(v[4]) == IS_LONG ? Z_LVAL(v[4]) : 0;
	zend_string **strings[4] = { &out->bus, &out->from_transport, &out->handles, &out->method };
	for (int k = 0; k < 4 && !EG(exception); k++) {
		if (Z_TYPE(v[k]) == IS_UNDEF || Z_TYPE(v[k]) == IS_NULL) {
			continue;
		}
		if (Z_TYPE(v[k]) != IS_STRING) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: #[AsMessageHandler] %s must be a string",
				ZSTR_VAL(b->what), names[k]);
			break;
		}
		*strings[k] = Z_STR(v[k]);
		Z_TRY_ADDREF(v[k]); /* interned when opcache keeps the class */
		add_next_index_zval(keep, &v[k]); /* keeps the string alive while the spec points to it */
	}
	for (int k = 0; k < 5; k++) {
		zval_ptr_dtor(&v[k]);
	}
	return !EG(exception);
}

/* Adds spec once per type: the explicit `handles`, else the method's parameter types. */
static bool add_for_types(build_ctx *b, zend_class_entry *ce, zend_function *fn, zend_string *handles, handler_spec *spec)
{
	if (handles) {
		return add_handler(b, handles, spec);
	}
	zval types;
	array_init(&types);
	bool ok = types_of_method(b, ce, fn, &types);
	zval *type;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(types), type) {
		if (!ok) {
			break;
		}
		ok = add_handler(b, Z_STR_P(type), spec);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&types);
	return ok;
}

static zend_function *find_method(build_ctx *b, zend_class_entry *ce, zend_string *method)
{
	zend_string *lc = zend_string_tolower(method);
	zend_function *fn = zend_hash_find_ptr(&ce->function_table, lc);
	zend_string_release(lc);
	if (!fn) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: %s has no method %s()",
			ZSTR_VAL(b->what), ZSTR_VAL(ce->name), ZSTR_VAL(method));
	}
	return fn;
}

/* An object given without a message class: its #[AsMessageHandler] attributes, else __invoke. */
static bool add_discovered(build_ctx *b, zval *object, handler_spec *base, zend_string *handles)
{
	zend_class_entry *ce = Z_OBJCE_P(object);
	zend_string *lc_attr = zend_string_init("messenger\\attribute\\asmessagehandler", sizeof("messenger\\attribute\\asmessagehandler") - 1, 0);
	bool any = false;
	bool ok = true;
	zval keep;
	array_init(&keep);

	if (ce->attributes) {
		zend_attribute *attr;
		ZEND_HASH_PACKED_FOREACH_PTR(ce->attributes, attr) {
			if (!ok || attr->offset != 0 || !zend_string_equals(attr->lcname, lc_attr)) {
				continue;
			}
			attr_args a;
			if (!(ok = read_attribute(b, attr, ce, &a, &keep))) {
				break;
			}
			zend_string *method = a.method ? a.method : ZSTR_KNOWN(ZEND_STR_MAGIC_INVOKE);
			zend_function *fn = find_method(b, ce, method);
			if (!(ok = fn != NULL)) {
				break;
			}
			handler_spec spec = { object, method, a.from_transport, a.bus, a.priority };
			ok = add_for_types(b, ce, fn, handles ? handles : a.handles, &spec);
			any = true;
		} ZEND_HASH_FOREACH_END();
	}
	zend_function *fn;
	ZEND_HASH_MAP_FOREACH_PTR(&ce->function_table, fn) {
		if (!ok || fn->type != ZEND_USER_FUNCTION || !fn->common.attributes) {
			continue;
		}
		zend_attribute *attr;
		ZEND_HASH_PACKED_FOREACH_PTR(fn->common.attributes, attr) {
			if (!ok || attr->offset != 0 || !zend_string_equals(attr->lcname, lc_attr)) {
				continue;
			}
			attr_args a;
			if (!(ok = read_attribute(b, attr, fn->common.scope, &a, &keep))) {
				break;
			}
			handler_spec spec = { object, fn->common.function_name, a.from_transport, a.bus, a.priority };
			ok = add_for_types(b, ce, fn, handles ? handles : a.handles, &spec);
			any = true;
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	zend_string_release(lc_attr);

	if (ok && !any) {
		zend_string *method = base->method ? base->method : ZSTR_KNOWN(ZEND_STR_MAGIC_INVOKE);
		fn = zend_hash_find_ptr_lc(&ce->function_table, method);
		if (!fn) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: %s is not a handler: it has no %s() method and no #[AsMessageHandler] attribute",
				ZSTR_VAL(b->what), ZSTR_VAL(ce->name), ZSTR_VAL(method));
			ok = false;
		} else {
			handler_spec spec = *base;
			spec.method = method;
			ok = add_for_types(b, ce, fn, handles, &spec);
		}
	}
	zval_ptr_dtor(&keep);
	return ok;
}

/* One entry of a message class's list: a callable, or a descriptor array. */
static bool add_entry(build_ctx *b, zend_string *type, zval *entry)
{
	ZVAL_DEREF(entry);
	handler_spec spec = { entry, NULL, NULL, NULL, 0 };
	if (Z_TYPE_P(entry) == IS_ARRAY && zend_hash_str_exists(Z_ARRVAL_P(entry), "handler", sizeof("handler") - 1)) {
		zend_string *handles;
		if (!parse_descriptor(b, Z_ARRVAL_P(entry), &spec, &handles)) {
			return false;
		}
		if (handles) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: 'handles' is only for handlers listed without a message class key", ZSTR_VAL(b->what));
			return false;
		}
	}
	return add_handler(b, type, &spec);
}

static zend_string *entry_name(zend_string *key, zend_ulong index, int sub)
{
	if (sub >= 0) {
		return key ? zend_strpprintf(0, "handlers[\"%s\"][%d]", ZSTR_VAL(key), sub)
			: zend_strpprintf(0, "handlers[" ZEND_ULONG_FMT "][%d]", index, sub);
	}
	return key ? zend_strpprintf(0, "handlers[\"%s\"]", ZSTR_VAL(key)) : zend_strpprintf(0, "handlers[" ZEND_ULONG_FMT "]", index);
}

bool php_messenger_handlers_init(php_messenger_handlers *h, HashTable *config, zend_string *bus_name)
{
	memset(h, 0, sizeof(*h));
	zend_hash_init(&h->by_type, 8, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&h->cache, 8, NULL, NULL, 0);
	build_ctx b = { NULL, bus_name, h };

	zend_ulong index;
	zend_string *key;
	zval *value;
	bool ok = true;
	ZEND_HASH_FOREACH_KEY_VAL(config, index, key, value) {
		ZVAL_DEREF(value);
		b.what = entry_name(key, index, -1);
		if (key) {
			/* message class => handler, or => list of handlers */
			bool single = Z_TYPE_P(value) != IS_ARRAY
				|| zend_hash_str_exists(Z_ARRVAL_P(value), "handler", sizeof("handler") - 1)
				|| zend_is_callable(value, 0, NULL);
			if (single) {
				ok = add_entry(&b, key, value);
			} else {
				int sub = 0;
				zval *entry;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), entry) {
					zend_string_release(b.what);
					b.what = entry_name(key, index, sub++);
					if (!(ok = add_entry(&b, key, entry))) {
						break;
					}
				} ZEND_HASH_FOREACH_END();
			}
		} else if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) != zend_ce_closure) {
			handler_spec spec = { value, NULL, NULL, NULL, 0 };
			ok = add_discovered(&b, value, &spec, NULL);
		} else if (Z_TYPE_P(value) == IS_ARRAY && zend_hash_str_exists(Z_ARRVAL_P(value), "handler", sizeof("handler") - 1)) {
			handler_spec spec;
			zend_string *handles;
			ok = parse_descriptor(&b, Z_ARRVAL_P(value), &spec, &handles);
			if (ok && handles) {
				ok = add_handler(&b, handles, &spec);
			} else if (ok && Z_TYPE_P(spec.handler) == IS_OBJECT && Z_OBJCE_P(spec.handler) != zend_ce_closure) {
				ok = add_discovered(&b, spec.handler, &spec, NULL);
			} else if (ok) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException,
					"%s: cannot tell which message this handler handles; key it by message class or give 'handles'", ZSTR_VAL(b.what));
				ok = false;
			}
		} else {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: a handler without a message class key must be an object (invokable or with #[AsMessageHandler]) or a descriptor array with 'handler', %s given",
				ZSTR_VAL(b.what), Z_TYPE_P(value) == IS_OBJECT ? "Closure" : zend_zval_type_name(value));
			ok = false;
		}
		zend_string_release(b.what);
		if (!ok) {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	if (!ok) {
		php_messenger_handlers_destroy(h);
	}
	return ok;
}

void php_messenger_handlers_destroy(php_messenger_handlers *h)
{
	for (uint32_t i = 0; i < h->count; i++) {
		zval_ptr_dtor(&h->items[i].callable);
		zend_string_release(h->items[i].name);
		if (h->items[i].from_transport) {
			zend_string_release(h->items[i].from_transport);
		}
		zend_string_release(h->items[i].type);
	}
	if (h->items) {
		efree(h->items);
	}
	php_messenger_handler_list *list;
	ZEND_HASH_FOREACH_PTR(&h->cache, list) {
		efree(list);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&h->cache);
	zend_hash_destroy(&h->by_type);
	memset(h, 0, sizeof(*h));
}

void php_messenger_handlers_gc(php_messenger_handlers *h, zend_get_gc_buffer *buf)
{
	for (uint32_t i = 0; i < h->count; i++) {
		zend_get_gc_buffer_add_zval(buf, &h->items[i].callable);
	}
}

/* The priority as the core's ordering takes it */
static int priority_of(const php_messenger_handler *item)
{
	zend_long p = item->priority;
	return p > INT_MAX ? INT_MAX : (p < INT_MIN ? INT_MIN : (int) p);
}

void php_messenger_handlers_each_type(php_messenger_handlers *h, php_messenger_type_handlers_fn fn, void *ctx)
{
	zval *indices;
	ZEND_HASH_FOREACH_VAL(&h->by_type, indices) {
		uint32_t n = zend_hash_num_elements(Z_ARRVAL_P(indices)), k = 0;
		const php_messenger_handler **items = safe_emalloc(n, sizeof(*items), 0);
		int *priorities = safe_emalloc(n, sizeof(int), 0);
		size_t *order = safe_emalloc(n, sizeof(size_t), 0);
		zval *idx;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(indices), idx) {
			priorities[k++] = priority_of(&h->items[Z_LVAL_P(idx)]);
		} ZEND_HASH_FOREACH_END();
		msgr_route_order_by_priority(priorities, n, order);
		for (k = 0; k < n; k++) {
			items[k] = &h->items[Z_LVAL_P(zend_hash_index_find(Z_ARRVAL_P(indices), order[k]))];
		}
		fn(ctx, items[0]->type, items, n);
		efree(items);
		efree(priorities);
		efree(order);
	} ZEND_HASH_FOREACH_END();
}

typedef struct {
	php_messenger_handlers *h;
	zval *seen; /* index => true, in discovery order */
} lookup_ctx;

static bool collect_handlers(void *ctx, zend_string *lc_type)
{
	lookup_ctx *c = ctx;
	zval *indices = zend_hash_find(&c->h->by_type, lc_type);
	if (indices) {
		zval *idx;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(indices), idx) {
			zend_hash_index_add_empty_element(Z_ARRVAL_P(c->seen), Z_LVAL_P(idx));
		} ZEND_HASH_FOREACH_END();
	}
	return true;
}

const php_messenger_handler_list *php_messenger_handlers_for(php_messenger_handlers *h, zend_class_entry *ce)
{
	if (ce == h->last_ce) {
		return h->last_list;
	}
	php_messenger_handler_list *list = zend_hash_index_find_ptr(&h->cache, (zend_ulong) (uintptr_t) ce);
	if (list) {
		h->last_ce = ce;
		h->last_list = list;
		return list;
	}
	zval seen;
	array_init(&seen);
	lookup_ctx ctx = { h, &seen };
	php_messenger_walk_types(ce, collect_handlers, &ctx);

	uint32_t n = zend_hash_num_elements(Z_ARRVAL(seen));
	uint32_t *found = safe_emalloc(n ? n : 1, sizeof(uint32_t), 0);
	int *priorities = safe_emalloc(n ? n : 1, sizeof(int), 0);
	size_t *order = safe_emalloc(n ? n : 1, sizeof(size_t), 0);
	uint32_t k = 0;
	zend_ulong idx;
	ZEND_HASH_FOREACH_NUM_KEY(Z_ARRVAL(seen), idx) {
		found[k] = (uint32_t) idx;
		priorities[k] = priority_of(&h->items[idx]);
		k++;
	} ZEND_HASH_FOREACH_END();
	msgr_route_order_by_priority(priorities, n, order);

	list = emalloc(sizeof(php_messenger_handler_list) + (n ? n - 1 : 0) * sizeof(uint32_t));
	list->count = n;
	for (uint32_t i = 0; i < n; i++) {
		list->items[i] = found[order[i]];
	}
	efree(found);
	efree(priorities);
	efree(order);
	zval_ptr_dtor(&seen);
	zend_hash_index_add_new_ptr(&h->cache, (zend_ulong) (uintptr_t) ce, list);
	return list;
}
/* }}} */

/* {{{ Messenger\Attribute\AsMessageHandler */
ZEND_METHOD(Messenger_Attribute_AsMessageHandler, __construct)
{
	zend_string *bus = NULL, *from = NULL, *handles = NULL, *method = NULL;
	zend_long priority = 0;
	ZEND_PARSE_PARAMETERS_START(0, 5)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(bus)
		Z_PARAM_STR_OR_NULL(from)
		Z_PARAM_STR_OR_NULL(handles)
		Z_PARAM_STR_OR_NULL(method)
		Z_PARAM_LONG(priority)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	zend_string *values[4] = { bus, from, handles, method };
	for (int i = 0; i < 4; i++) {
		zval *slot = PHP_MESSENGER_PROP(self, i);
		zval_ptr_dtor(slot);
		if (values[i]) {
			ZVAL_STR_COPY(slot, values[i]);
		} else {
			ZVAL_NULL(slot);
		}
	}
	zval *slot = PHP_MESSENGER_PROP(self, 4);
	zval_ptr_dtor(slot);
	ZVAL_LONG(slot, priority);
}
/* }}} */

/* {{{ Messenger\Attribute\AsMessage */
ZEND_METHOD(Messenger_Attribute_AsMessage, __construct)
{
	zval *transport = NULL;
	zend_string *type_name = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(transport)
		Z_PARAM_STR_OR_NULL(type_name)
	ZEND_PARSE_PARAMETERS_END();
	if (transport && Z_TYPE_P(transport) != IS_STRING && Z_TYPE_P(transport) != IS_ARRAY && Z_TYPE_P(transport) != IS_NULL) {
		zend_argument_type_error(1, "must be of type array|string|null, %s given", zend_zval_type_name(transport));
		RETURN_THROWS();
	}
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	zval *slot = PHP_MESSENGER_PROP(self, 0);
	zval_ptr_dtor(slot);
	if (transport) {
		ZVAL_COPY(slot, transport);
	} else {
		ZVAL_NULL(slot);
	}
	slot = PHP_MESSENGER_PROP(self, 1);
	zval_ptr_dtor(slot);
	if (type_name) {
		ZVAL_STR_COPY(slot, type_name);
	} else {
		ZVAL_NULL(slot);
	}
}

bool php_messenger_as_message_transports(zend_class_entry *ce, zval *names)
{
	static const char *const args[] = { "transport", "serializedTypeName" };
	zend_class_entry *types[64];
	uint32_t n = 0;
	for (zend_class_entry *c = ce; c && n < 64; c = c->parent) {
		types[n++] = c;
	}
	for (uint32_t i = 0; (ce->ce_flags & ZEND_ACC_LINKED) && i < ce->num_interfaces && n < 64; i++) {
		types[n++] = ce->interfaces[i];
	}
	for (uint32_t t = 0; t < n; t++) {
		if (!types[t]->attributes) {
			continue;
		}
		zend_attribute *attr = zend_get_attribute_str(types[t]->attributes, "messenger\\attribute\\asmessage", sizeof("messenger\\attribute\\asmessage") - 1);
		if (!attr) {
			continue;
		}
		zval v[2];
		if (!php_messenger_attribute_args(attr, types[t], args, 2, v, ZSTR_VAL(types[t]->name))) {
			return false;
		}
		zval_ptr_dtor(&v[1]);
		zval *one;
		bool ok = true;
		if (Z_TYPE(v[0]) == IS_STRING) {
			zend_hash_add_empty_element(Z_ARRVAL_P(names), Z_STR(v[0]));
		} else if (Z_TYPE(v[0]) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(v[0]), one) {
				if (Z_TYPE_P(one) != IS_STRING) {
					ok = false;
					break;
				}
				zend_hash_add_empty_element(Z_ARRVAL_P(names), Z_STR_P(one));
			} ZEND_HASH_FOREACH_END();
		} else if (Z_TYPE(v[0]) != IS_UNDEF && Z_TYPE(v[0]) != IS_NULL) {
			ok = false;
		}
		zval_ptr_dtor(&v[0]);
		if (!ok) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: #[AsMessage] transport must be a transport name or a list of them", ZSTR_VAL(types[t]->name));
			return false;
		}
	}
	return true;
}
/* }}} */

void php_messenger_register_handlers(void)
{
	php_messenger_ce_AsMessageHandler = register_class_Messenger_Attribute_AsMessageHandler();
	zend_internal_attribute_register(php_messenger_ce_AsMessageHandler,
		ZEND_ATTRIBUTE_TARGET_CLASS | ZEND_ATTRIBUTE_TARGET_METHOD | ZEND_ATTRIBUTE_IS_REPEATABLE);
	zend_internal_attribute_register(register_class_Messenger_Attribute_AsMessage(), ZEND_ATTRIBUTE_TARGET_CLASS);
}
