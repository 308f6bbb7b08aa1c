/* Messenger\Middleware\SendMessageMiddleware: the bus's door to the transports. Routes a message
 * by its class, parents, interfaces and namespace wildcards (then its #[AsMessage] attributes),
 * or by a TransportNamesStamp, and sends it through each transport's handle; while dispatchAll()
 * collects, it queues instead. A native middleware of the bus area's kind, written here because
 * it calls transports. */
#include "php/transport/transport.h"
#include "core/base/route.h"

typedef struct {
	HashTable senders;     /* name => handle */
	HashTable sent_stamps; /* name => the list of the one SentStamp for that sender */
	HashTable routing;     /* lower-cased type => list of names */
	HashTable cache;       /* zend_class_entry* => list of names */
	zend_class_entry *last_ce; /* the class of the previous lookup, and its names */
	HashTable *last_names;
	php_messenger_batch *batch;
	const php_messenger_events *events; /* the Messenger's, or NULL */
} send_state;

static zend_object *send_fn(zend_object *self, zend_object *envelope, zend_object *stack);

static void send_free(zend_object *self)
{
	send_state *st = php_messenger_mw_data(self);
	zend_hash_destroy(&st->senders);
	zend_hash_destroy(&st->sent_stamps);
	zend_hash_destroy(&st->routing);
	zend_hash_destroy(&st->cache);
	efree(st);
}

static void send_gc(zend_object *self, zend_get_gc_buffer *buf)
{
	send_state *st = php_messenger_mw_data(self);
	php_messenger_transport *sender;
	ZEND_HASH_FOREACH_PTR(&st->senders, sender) {
		zend_get_gc_buffer_add_obj(buf, sender->object);
	} ZEND_HASH_FOREACH_END();
}

static const php_messenger_mw_kind send_kind = { send_fn, send_free, send_gc };

typedef struct {
	HashTable *routing;
	zval *names;
} route_ctx;

static bool collect_route(void *ctx, zend_string *lc_type)
{
	route_ctx *c = ctx;
	if (ZSTR_VAL(lc_type)[ZSTR_LEN(lc_type) - 1] == '*' && zend_hash_num_elements(Z_ARRVAL_P(c->names)) > 0) {
		/* Symfony >= 6.3: "Namespace\*" and "*" are fallbacks, for a message that no more
		 * specific rule (its class, a parent, an interface, a narrower namespace) routes */
		return true;
	}
	zval *targets = zend_hash_find(c->routing, lc_type);
	if (targets) {
		zval *name;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(targets), name) {
			if (!zend_hash_exists(Z_ARRVAL_P(c->names), Z_STR_P(name))) {
				zend_hash_add_empty_element(Z_ARRVAL_P(c->names), Z_STR_P(name));
			}
		} ZEND_HASH_FOREACH_END();
	}
	return true;
}

/* The transport names of a message class, in routing order, added to the cache: the routing
 * configuration's, else its #[AsMessage] attributes' (Symfony 7.2: the configuration wins). NULL
 * with an exception when an attribute is malformed or names a transport that is not configured. */
static zval *routes_build(send_state *st, zend_class_entry *ce)
{
	zval seen, names;
	array_init(&seen);
	route_ctx ctx = { &st->routing, &seen };
	php_messenger_walk_types(ce, collect_route, &ctx);
	bool by_attribute = zend_hash_num_elements(Z_ARRVAL(seen)) == 0;
	if (by_attribute && !php_messenger_as_message_transports(ce, &seen)) {
		zval_ptr_dtor(&seen);
		return NULL;
	}
	zend_string *unknown;
	ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(seen), unknown) {
		php_messenger_transport *sender = zend_hash_find_ptr(&st->senders, unknown);
		zend_object *serializer = sender ? php_messenger_transport_serializer_of(sender) : NULL;
		if (by_attribute && serializer) {
			/* what we send there, we can read back (the configuration's routing keys are allowed
			 * when the Messenger is built) */
			php_messenger_serializer_allow(serializer, ce->name);
		}
		if (!sender) {
			zend_string *known = php_messenger_names_of(&st->senders);
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: #[AsMessage] names the transport \"%s\", which is not configured (configured: %s)",
				ZSTR_VAL(ce->name), ZSTR_VAL(unknown), ZSTR_VAL(known));
			zend_string_release(known);
			zval_ptr_dtor(&seen);
			return NULL;
		}
	} ZEND_HASH_FOREACH_END();
	array_init_size(&names, zend_hash_num_elements(Z_ARRVAL(seen)));
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(seen), name) {
		add_next_index_str(&names, zend_string_copy(name));
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&seen);
	return zend_hash_index_add_new(&st->cache, (zend_ulong) (uintptr_t) ce, &names);
}

/* The transport names of a message class, in routing order; cached per class. */
static HashTable *routes_for(send_state *st, zend_class_entry *ce)
{
	if (ce == st->last_ce) {
		return st->last_names;
	}
	zval *cached = zend_hash_index_find(&st->cache, (zend_ulong) (uintptr_t) ce);
	if (!cached && !(cached = routes_build(st, ce))) {
		return NULL;
	}
	st->last_ce = ce;
	st->last_names = Z_ARRVAL_P(cached);
	return Z_ARRVAL_P(cached);
}

static zend_object *send_fn(zend_object *self, zend_object *envelope, zend_object *stack)
{
	send_state *st = php_messenger_mw_data(self);
	if (php_messenger_envelope_last(envelope, php_messenger_ce_ReceivedStamp)) {
		/* received from a transport: handle it, never send it back */
		return php_messenger_stack_continue(stack, envelope);
	}
	HashTable *names;
	zend_object *explicit_names = php_messenger_envelope_last(envelope, php_messenger_ce_TransportNamesStamp);
	if (explicit_names) {
		names = Z_ARRVAL_P(php_messenger_stamp_prop(explicit_names, 0));
	} else {
		names = routes_for(st, Z_OBJCE_P(php_messenger_envelope_message(envelope)));
		if (!names) {
			OBJ_RELEASE(envelope);
			return NULL;
		}
	}
	if (zend_hash_num_elements(names) == 0) {
		return php_messenger_stack_continue(stack, envelope);
	}
	/* a TransportNamesStamp's list belongs to the envelope, which each send replaces */
	GC_TRY_ADDREF(names);
	zval *name;
	ZEND_HASH_FOREACH_VAL(names, name) {
		php_messenger_transport *sender = zend_hash_find_ptr(&st->senders, Z_STR_P(name));
		if (!sender) {
			zend_array_release(names);
			OBJ_RELEASE(envelope);
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"TransportNamesStamp names the transport \"%s\", which is not configured", Z_STRVAL_P(name));
			return NULL;
		}
		zval *sent = zend_hash_find(&st->sent_stamps, Z_STR_P(name));
		envelope = php_messenger_envelope_with_list(envelope, php_messenger_ce_SentStamp, Z_ARRVAL_P(sent));
		if (st->batch) {
			zval *list = zend_hash_find(&st->batch->per_sender, Z_STR_P(name));
			if (!list) {
				zval empty;
				array_init(&empty);
				list = zend_hash_add_new(&st->batch->per_sender, Z_STR_P(name), &empty);
			}
			zval queued;
			ZVAL_OBJ_COPY(&queued, envelope);
			zend_hash_next_index_insert_new(Z_ARRVAL_P(list), &queued);
			continue;
		}
		envelope = php_messenger_transport_send(sender, envelope);
		if (!envelope) {
			zend_array_release(names);
			return NULL;
		}
		php_messenger_event ev = { PHP_MESSENGER_EV_SENT, envelope, Z_STR_P(name), NULL, false, 0, 0, NULL };
		if (st->events && !php_messenger_emit(st->events, &ev)) {
			zend_array_release(names);
			OBJ_RELEASE(envelope);
			return NULL;
		}
	} ZEND_HASH_FOREACH_END();
	zend_array_release(names);
	/* sent: the handlers run where it is received */
	return envelope;
}

/* A routing key names a class or interface that exists (a typo would route nothing, silently),
 * "*", or "Namespace\*"; as Symfony checks it, the class is autoloaded. False with an exception. */
static bool routing_key_valid(zend_string *key)
{
	const char *k = ZSTR_VAL(key);
	switch (msgr_route_key_kind(k, ZSTR_LEN(key))) {
	case MSGR_ROUTE_KEY_ANY:
	case MSGR_ROUTE_KEY_NAMESPACE:
		return true;
	case MSGR_ROUTE_KEY_INVALID:
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Invalid Messenger routing configuration: invalid namespace \"%s\" wildcard.", k);
		return false;
	case MSGR_ROUTE_KEY_CLASS:
		break;
	}
	zend_class_entry *ce = zend_lookup_class(key);
	if (EG(exception)) {
		return false;
	}
	if (!ce || (ce->ce_flags & ZEND_ACC_TRAIT)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Invalid Messenger routing configuration: class or interface \"%s\" not found.", k);
		return false;
	}
	return true;
}

static bool send_init(send_state *st, HashTable *senders, HashTable *routing)
{
	php_messenger_transport_table_init(&st->senders, zend_hash_num_elements(senders));
	zend_hash_init(&st->sent_stamps, zend_hash_num_elements(senders), NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&st->routing, routing ? zend_hash_num_elements(routing) : 0, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&st->cache, 8, NULL, ZVAL_PTR_DTOR, 0);
	st->batch = NULL;
	st->last_ce = NULL;

	zend_string *name;
	zval *sender;
	ZEND_HASH_FOREACH_STR_KEY_VAL(senders, name, sender) {
		ZVAL_DEREF(sender);
		if (!name || Z_TYPE_P(sender) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(sender), php_messenger_ce_SenderInterface)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"senders must map transport names to Messenger\\Transport\\Sender\\SenderInterface objects; the entry \"%s\" is %s",
				name ? ZSTR_VAL(name) : "(integer key)", Z_TYPE_P(sender) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(sender)->name) : zend_zval_type_name(sender));
			return false;
		}
		zend_hash_add_new_ptr(&st->senders, name, php_messenger_transport_wrap(Z_OBJ_P(sender)));
		zval args[2], stamp, list;
		ZVAL_STR(&args[0], Z_OBJCE_P(sender)->name);
		ZVAL_STR(&args[1], name);
		ZVAL_OBJ(&stamp, php_messenger_stamp_new(php_messenger_ce_SentStamp, 2, args));
		ZVAL_ARR(&list, zend_new_array(1));
		zend_hash_next_index_insert_new(Z_ARRVAL(list), &stamp);
		zend_hash_add_new(&st->sent_stamps, name, &list);
	} ZEND_HASH_FOREACH_END();

	if (!routing) {
		return true;
	}
	zend_ulong index;
	zval *targets;
	ZEND_HASH_FOREACH_KEY_VAL(routing, index, name, targets) {
		ZVAL_DEREF(targets);
		if (!name) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"routing[" ZEND_ULONG_FMT "]: routing keys must be message classes, interfaces, \"Namespace\\*\" or \"*\"", index);
			return false;
		}
		if (!routing_key_valid(name)) {
			return false;
		}
		zval list;
		array_init(&list);
		if (Z_TYPE_P(targets) == IS_STRING) {
			add_next_index_str(&list, zend_string_copy(Z_STR_P(targets)));
		} else if (Z_TYPE_P(targets) == IS_ARRAY) {
			zval *target;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(targets), target) {
				ZVAL_DEREF(target);
				if (Z_TYPE_P(target) != IS_STRING) {
					zval_ptr_dtor(&list);
					php_messenger_throw(php_messenger_ce_InvalidArgumentException,
						"routing[\"%s\"]: transport names must be strings, %s given", ZSTR_VAL(name), zend_zval_type_name(target));
					return false;
				}
				add_next_index_str(&list, zend_string_copy(Z_STR_P(target)));
			} ZEND_HASH_FOREACH_END();
		} else {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"routing[\"%s\"] must be a transport name or a list of them, %s given", ZSTR_VAL(name), zend_zval_type_name(targets));
			zval_ptr_dtor(&list);
			return false;
		}
		zval *target;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), target) {
			if (!zend_hash_exists(&st->senders, Z_STR_P(target))) {
				zend_string *known = php_messenger_names_of(&st->senders);
				php_messenger_throw(php_messenger_ce_InvalidArgumentException,
					"routing[\"%s\"] names the transport \"%s\", which is not configured (configured: %s)",
					ZSTR_VAL(name), Z_STRVAL_P(target), ZSTR_VAL(known));
				zend_string_release(known);
				zval_ptr_dtor(&list);
				return false;
			}
		} ZEND_HASH_FOREACH_END();
		zend_string *lc = php_messenger_type_key(ZSTR_VAL(name), ZSTR_LEN(name));
		zval *existing = zend_hash_find(&st->routing, lc);
		if (existing) {
			/* "Foo" and "\Foo" both given: keep both lists */
			zend_hash_extend(Z_ARRVAL_P(existing), zend_hash_num_elements(Z_ARRVAL_P(existing)) + zend_hash_num_elements(Z_ARRVAL(list)), 1);
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), target) {
				Z_ADDREF_P(target);
				zend_hash_next_index_insert(Z_ARRVAL_P(existing), target);
			} ZEND_HASH_FOREACH_END();
			zval_ptr_dtor(&list);
		} else {
			zend_hash_add_new(&st->routing, lc, &list);
		}
		zend_string_release(lc);
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* The state of a SendMessageMiddleware made for self: false with an exception (self keeps
 * what was made, which its free releases). */
static bool send_construct(zend_object *self, HashTable *senders, HashTable *routing, const php_messenger_events *events)
{
	send_state *st = ecalloc(1, sizeof(send_state));
	st->events = events;
	php_messenger_mw_set(self, &send_kind, st);
	return send_init(st, senders, routing);
}

zend_object *php_messenger_send_middleware_new(HashTable *senders, HashTable *routing, const php_messenger_events *events)
{
	zend_object *obj = php_messenger_mw_new(php_messenger_ce_SendMessageMiddleware);
	if (!send_construct(obj, senders, routing, events)) {
		OBJ_RELEASE(obj);
		return NULL;
	}
	return obj;
}

void php_messenger_send_middleware_set_events(zend_object *send_mw, const php_messenger_events *events)
{
	send_state *st = php_messenger_mw_data(send_mw);
	if (st) { /* NULL once freed: at shutdown the middleware may go before its Messenger */
		st->events = events;
	}
}

php_messenger_batch *php_messenger_send_middleware_batch(zend_object *send_mw)
{
	return ((send_state *) php_messenger_mw_data(send_mw))->batch;
}

void php_messenger_send_middleware_set_batch(zend_object *send_mw, php_messenger_batch *batch)
{
	((send_state *) php_messenger_mw_data(send_mw))->batch = batch;
}

ZEND_METHOD(Messenger_Middleware_SendMessageMiddleware, __construct)
{
	HashTable *senders, *routing = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(senders)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(routing)
	ZEND_PARSE_PARAMETERS_END();
	if (php_messenger_mw_constructed_twice(Z_OBJ_P(ZEND_THIS))) {
		RETURN_THROWS();
	}
	send_construct(Z_OBJ_P(ZEND_THIS), senders, routing, NULL);
}

ZEND_METHOD(Messenger_Middleware_SendMessageMiddleware, handle)
{
	php_messenger_mw_handle_method(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}
