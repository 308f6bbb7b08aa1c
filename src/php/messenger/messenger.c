/* Messenger\Messenger: one configuration array made into transports, one shared send
 * middleware (routing), one shared dispatch-after-current-bus middleware, and the buses. */
#include "php/messenger/messenger.h"
#include "zend_observer.h"
#include "main/php_streams.h"
#include "zend_smart_str.h"
#include "messenger_arginfo.h"
#include "core/base/rate.h"

zend_class_entry *php_messenger_ce_Messenger;

static zend_object_handlers messenger_handlers;

typedef struct {
	HashTable buses;       /* name => Bus */
	HashTable transports;  /* name => TransportInterface */
	HashTable handles;     /* name => php_messenger_transport (the same transports, for calls) */
	zend_string *default_bus;
	zend_object *send_mw;
	HashTable serializers; /* the native serializers made for the transports, to allow the message types */
	HashTable retry;       /* transport name => RetryStrategyInterface */
	HashTable rate;        /* transport name => [limit, interval in ms] */
	HashTable failure;     /* transport name => its failure transport's name */
	zend_string *failure_transport; /* the global one, or NULL */
	zend_object *default_retry;
	php_messenger_listeners listeners; /* the configuration's */
	php_messenger_events events;       /* its subscribers: the configuration's listeners */
	zend_object *logger;   /* the workers' logger, or NULL */
	zval reset;            /* the workers' callables between messages (a list), or UNDEF */
	zend_string *project_dir; /* absolute: what relative paths (SQLite files, var/) resolve against */
	zend_object *webhook;  /* the built-in WebhookHandler its buses use, or NULL */
	bool built;
	zend_object std;
} php_messenger_messenger;

static inline php_messenger_messenger *messenger_from(zend_object *obj)
{
	return (php_messenger_messenger *) ((char *) obj - XtOffsetOf(php_messenger_messenger, std));
}

static zend_object *messenger_create(zend_class_entry *ce)
{
	php_messenger_messenger *m = zend_object_alloc(sizeof(php_messenger_messenger), ce);
	zend_object_std_init(&m->std, ce);
	m->std.handlers = &messenger_handlers;
	zend_hash_init(&m->buses, 2, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&m->transports, 4, NULL, ZVAL_PTR_DTOR, 0);
	php_messenger_transport_table_init(&m->handles, 4);
	zend_hash_init(&m->serializers, 2, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&m->retry, 2, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&m->rate, 0, NULL, ZVAL_PTR_DTOR, 0);
	zend_hash_init(&m->failure, 2, NULL, ZVAL_PTR_DTOR, 0);
	m->failure_transport = NULL;
	m->default_retry = NULL;
	php_messenger_listeners_init(&m->listeners);
	php_messenger_events_init(&m->events);
	ZVAL_UNDEF(&m->reset);
	m->logger = NULL;
	m->default_bus = NULL;
	m->send_mw = NULL;
	m->project_dir = NULL;
	m->webhook = NULL;
	m->built = false;
	return &m->std;
}

static void messenger_free(zend_object *obj)
{
	php_messenger_messenger *m = messenger_from(obj);
	zend_hash_destroy(&m->buses);
	zend_hash_destroy(&m->handles);
	zend_hash_destroy(&m->transports);
	zend_hash_destroy(&m->serializers);
	zend_hash_destroy(&m->retry);
	zend_hash_destroy(&m->rate);
	zend_hash_destroy(&m->failure);
	if (m->failure_transport) {
		zend_string_release(m->failure_transport);
	}
	if (m->default_retry) {
		OBJ_RELEASE(m->default_retry);
	}
	if (m->default_bus) {
		zend_string_release(m->default_bus);
	}
	if (m->project_dir) {
		zend_string_release(m->project_dir);
	}
	if (m->send_mw) {
		/* the buses may outlive this Messenger, and its events with it */
		php_messenger_send_middleware_set_events(m->send_mw, NULL);
		OBJ_RELEASE(m->send_mw);
	}
#ifdef MSGR_HAVE_CURL
	if (m->webhook) {
		/* the buses may outlive this Messenger, and its events with it */
		php_messenger_webhook_handler_set_events(m->webhook, NULL);
		OBJ_RELEASE(m->webhook);
	}
#endif
	php_messenger_events_destroy(&m->events);
	php_messenger_listeners_destroy(&m->listeners);
	zval_ptr_dtor(&m->reset);
	if (m->logger) {
		OBJ_RELEASE(m->logger);
	}
	zend_object_std_dtor(obj);
}

static HashTable *messenger_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_messenger *m = messenger_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zval *v;
	ZEND_HASH_FOREACH_VAL(&m->buses, v) {
		zend_get_gc_buffer_add_zval(buf, v);
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(&m->transports, v) {
		zend_get_gc_buffer_add_zval(buf, v);
	} ZEND_HASH_FOREACH_END();
	php_messenger_transport *handle;
	ZEND_HASH_FOREACH_PTR(&m->handles, handle) {
		zend_get_gc_buffer_add_obj(buf, handle->object); /* the handle's own reference */
	} ZEND_HASH_FOREACH_END();
	if (m->send_mw) {
		zend_get_gc_buffer_add_obj(buf, m->send_mw);
	}
	ZEND_HASH_FOREACH_VAL(&m->retry, v) {
		zend_get_gc_buffer_add_zval(buf, v);
	} ZEND_HASH_FOREACH_END();
	php_messenger_listeners_gc(&m->listeners, buf);
	if (m->webhook) {
		zend_get_gc_buffer_add_obj(buf, m->webhook); /* its deliveries hold Acknowledgers, which hold workers */
	}
	zend_get_gc_buffer_add_zval(buf, &m->reset);
	if (m->logger) {
		zend_get_gc_buffer_add_obj(buf, m->logger);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static php_messenger_messenger *built(zval *self)
{
	php_messenger_messenger *m = messenger_from(Z_OBJ_P(self));
	if (!m->built) {
		zend_throw_error(NULL, "Messenger\\Messenger was not constructed");
		return NULL;
	}
	return m;
}

static const char *const config_keys[] = {
	"transports", "routing", "handlers", "buses", "default_bus", "failure_transport", "serializer", "connections", "listeners", "logger", "reset", "project_dir", "webhook", NULL
};

static zval *config_array(HashTable *config, const char *key, zval *empty)
{
	zval *v = zend_hash_str_find_deref(config, key, strlen(key));
	if (v && Z_TYPE_P(v) != IS_ARRAY && Z_TYPE_P(v) != IS_NULL) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Configuration key \"%s\" must be an array, %s given",
			key, zend_zval_type_name(v));
		return NULL;
	}
	return v && Z_TYPE_P(v) == IS_ARRAY ? v : empty;
}

/* One bus: its chain is [bus name, dispatch after current bus, app middleware..., send, handle]
 * unless default_middleware is false. */
/* A serializer from the configuration: "php" (the default, as Symfony's), "json", a
 * SerializerInterface object, or ["format" => "php"|"json", "allowed_classes" => [...]]. */
static zend_object *serializer_from_spec(php_messenger_messenger *m, zval *spec, const char *where)
{
	zval *format = spec, *allowed = NULL;
	if (spec) {
		ZVAL_DEREF(spec);
	}
	if (spec && Z_TYPE_P(spec) == IS_OBJECT) {
		if (!instanceof_function(Z_OBJCE_P(spec), php_messenger_ce_SerializerInterface)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: %s does not implement Messenger\\Transport\\Serialization\\SerializerInterface",
				where, ZSTR_VAL(Z_OBJCE_P(spec)->name));
			return NULL;
		}
		GC_ADDREF(Z_OBJ_P(spec));
		return Z_OBJ_P(spec);
	}
	if (spec && Z_TYPE_P(spec) == IS_ARRAY) {
		static const char *const keys[] = { "format", "allowed_classes", NULL };
		zend_string *unknown;
		if (php_messenger_find_unknown_key(Z_ARRVAL_P(spec), keys, &unknown)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: unknown key \"%s\" (known: format, allowed_classes)",
				where, unknown ? ZSTR_VAL(unknown) : "(integer key)");
			return NULL;
		}
		format = zend_hash_str_find_deref(Z_ARRVAL_P(spec), "format", sizeof("format") - 1);
		allowed = zend_hash_str_find_deref(Z_ARRVAL_P(spec), "allowed_classes", sizeof("allowed_classes") - 1);
	}
	zend_class_entry *ce;
	if (!format || Z_TYPE_P(format) == IS_NULL || (Z_TYPE_P(format) == IS_STRING && zend_string_equals_literal(Z_STR_P(format), "php"))) {
		ce = php_messenger_ce_PhpSerializer;
	} else if (Z_TYPE_P(format) == IS_STRING && zend_string_equals_literal(Z_STR_P(format), "json")) {
		ce = php_messenger_ce_JsonSerializer;
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"%s must be \"php\", \"json\", a Messenger\\Transport\\Serialization\\SerializerInterface, or [\"format\" => ..., \"allowed_classes\" => [...]]", where);
		return NULL;
	}
	zend_object *serializer = php_messenger_serializer_new(ce, NULL);
	if (allowed && !php_messenger_allow_option(&php_messenger_serializer_of(serializer)->allow, allowed, where)) {
		OBJ_RELEASE(serializer);
		return NULL;
	}
	zval zv;
	ZVAL_OBJ_COPY(&zv, serializer);
	zend_hash_next_index_insert(&m->serializers, &zv);
	return serializer;
}

static const char *const rate_keys[] = { "limit", "interval", NULL };

/* A transport's rate_limiter: ['limit' => n, 'interval' => seconds or "1 minute"] */
static bool rate_limiter(php_messenger_messenger *m, zend_string *name, zval *given)
{
	zval *limit = NULL, *interval = NULL;
	zend_string *unknown = NULL;
	if (Z_TYPE_P(given) == IS_ARRAY && !php_messenger_find_unknown_key(Z_ARRVAL_P(given), rate_keys, &unknown)) {
		limit = zend_hash_str_find_deref(Z_ARRVAL_P(given), "limit", 5);
		interval = zend_hash_str_find_deref(Z_ARRVAL_P(given), "interval", 8);
	}
	msgr_error_t err;
	msgr_error_clear(&err);
	long long interval_ms = 0;
	msgr_rate_t check;
	if (limit && interval && Z_TYPE_P(limit) == IS_LONG) {
		if (Z_TYPE_P(interval) == IS_LONG || Z_TYPE_P(interval) == IS_DOUBLE) {
			double seconds = zval_get_double(interval);
			interval_ms = seconds > 0 && seconds < 9.0e12 ? (long long) (seconds * 1000) : 0;
		}
		int parsed = Z_TYPE_P(interval) == IS_STRING ? msgr_rate_parse_interval(Z_STRVAL_P(interval), Z_STRLEN_P(interval), &interval_ms, &err) : MSGR_OK;
		if (parsed == MSGR_OK && msgr_rate_init(&check, Z_LVAL_P(limit), interval_ms, &err) == MSGR_OK) {
			zval pair;
			array_init_size(&pair, 2);
			add_next_index_long(&pair, Z_LVAL_P(limit));
			add_next_index_long(&pair, (zend_long) interval_ms);
			zend_hash_update(&m->rate, name, &pair);
			return true;
		}
	}
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"transports[\"%s\"][\"rate_limiter\"] must be ['limit' => messages (at least 1), 'interval' => seconds or like \"1 minute\"]%s%s",
		ZSTR_VAL(name), err.message[0] ? ": " : "", err.message);
	return false;
}

/* A transport's retry_strategy (a RetryStrategyInterface, or the MultiplierRetryStrategy
 * options), failure_transport and rate_limiter. */
static bool transport_extras(php_messenger_messenger *m, zend_string *name, HashTable *config)
{
	zval *rate = zend_hash_str_find_deref(config, "rate_limiter", sizeof("rate_limiter") - 1);
	if (rate && Z_TYPE_P(rate) != IS_NULL && !rate_limiter(m, name, rate)) {
		return false;
	}
	zval *retry = zend_hash_str_find_deref(config, "retry_strategy", sizeof("retry_strategy") - 1);
	if (retry && Z_TYPE_P(retry) != IS_NULL) {
		zval strategy;
		if (Z_TYPE_P(retry) == IS_OBJECT && instanceof_function(Z_OBJCE_P(retry), php_messenger_ce_RetryStrategyInterface)) {
			ZVAL_COPY(&strategy, retry);
		} else if (Z_TYPE_P(retry) == IS_ARRAY) {
			zend_string *where = zend_strpprintf(0, "transports[\"%s\"][\"retry_strategy\"]", ZSTR_VAL(name));
			zend_object *made = php_messenger_retry_from_config(Z_ARRVAL_P(retry), ZSTR_VAL(where));
			zend_string_release(where);
			if (!made) {
				return false;
			}
			ZVAL_OBJ(&strategy, made);
		} else {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"][\"retry_strategy\"] must be an array of options or a Messenger\\Retry\\RetryStrategyInterface, %s given",
				ZSTR_VAL(name), zend_zval_type_name(retry));
			return false;
		}
		zend_hash_update(&m->retry, name, &strategy);
	}
	zval *failure = zend_hash_str_find_deref(config, "failure_transport", sizeof("failure_transport") - 1);
	if (failure && Z_TYPE_P(failure) != IS_NULL) {
		if (Z_TYPE_P(failure) != IS_STRING) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"][\"failure_transport\"] must be a transport name, %s given", ZSTR_VAL(name), zend_zval_type_name(failure));
			return false;
		}
		zval f;
		ZVAL_STR_COPY(&f, Z_STR_P(failure));
		zend_hash_update(&m->failure, name, &f);
	}
	return true;
}

static bool build_bus(php_messenger_messenger *m, zend_string *name, zval *bus_config, HashTable *handlers, zend_object *after_mw, HashTable *types)
{
	zval *app = NULL;
	zval *defaults = NULL;
	if (Z_TYPE_P(bus_config) == IS_ARRAY) {
		static const char *const bus_keys[] = { "middleware", "default_middleware", NULL };
		zend_string *key;
		if (php_messenger_find_unknown_key(Z_ARRVAL_P(bus_config), bus_keys, &key)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"buses[\"%s\"]: unknown key \"%s\" (known: middleware, default_middleware)", ZSTR_VAL(name), key ? ZSTR_VAL(key) : "(integer key)");
			return false;
		}
		app = zend_hash_str_find_deref(Z_ARRVAL_P(bus_config), "middleware", sizeof("middleware") - 1);
		defaults = zend_hash_str_find_deref(Z_ARRVAL_P(bus_config), "default_middleware", sizeof("default_middleware") - 1);
	} else if (Z_TYPE_P(bus_config) != IS_NULL) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "buses[\"%s\"] must be an array, %s given",
			ZSTR_VAL(name), zend_zval_type_name(bus_config));
		return false;
	}
	bool use_defaults = true, allow_no_handlers = false;
	if (defaults) {
		if (Z_TYPE_P(defaults) == IS_FALSE) {
			use_defaults = false;
		} else if (Z_TYPE_P(defaults) == IS_STRING && zend_string_equals_literal(Z_STR_P(defaults), "allow_no_handlers")) {
			allow_no_handlers = true;
		} else if (Z_TYPE_P(defaults) != IS_TRUE) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"buses[\"%s\"][\"default_middleware\"] must be true, false or \"allow_no_handlers\"", ZSTR_VAL(name));
			return false;
		}
	}
	zend_array *app_list = NULL;
	if (app && Z_TYPE_P(app) != IS_NULL) {
		if (Z_TYPE_P(app) != IS_ARRAY && !(Z_TYPE_P(app) == IS_OBJECT && instanceof_function(Z_OBJCE_P(app), zend_ce_traversable))) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "buses[\"%s\"][\"middleware\"] must be a list of middleware, %s given",
				ZSTR_VAL(name), zend_zval_type_name(app));
			return false;
		}
		zend_string *what = zend_strpprintf(0, "buses[\"%s\"][\"middleware\"]", ZSTR_VAL(name));
		app_list = php_messenger_middleware_list(app, ZSTR_VAL(what));
		zend_string_release(what);
		if (!app_list) {
			return false;
		}
	}

	zend_array *chain = zend_new_array(0);
	zend_hash_real_init_packed(chain);
	zval mw;
	if (use_defaults) {
		zend_object *handle_mw = php_messenger_handle_middleware_new(handlers, allow_no_handlers, name);
		if (!handle_mw) {
			zend_array_destroy(chain);
			if (app_list) {
				zend_array_release(app_list);
			}
			return false;
		}
		php_messenger_handle_middleware_types(handle_mw, types);
		ZVAL_OBJ(&mw, php_messenger_add_bus_name_middleware_new(name));
		zend_hash_next_index_insert_new(chain, &mw);
		ZVAL_OBJ_COPY(&mw, after_mw);
		zend_hash_next_index_insert_new(chain, &mw);
		zval *each;
		if (app_list) {
			ZEND_HASH_FOREACH_VAL(app_list, each) {
				Z_ADDREF_P(each);
				zend_hash_next_index_insert_new(chain, each);
			} ZEND_HASH_FOREACH_END();
		}
		ZVAL_OBJ_COPY(&mw, m->send_mw);
		zend_hash_next_index_insert_new(chain, &mw);
		ZVAL_OBJ(&mw, handle_mw);
		zend_hash_next_index_insert_new(chain, &mw);
	} else if (app_list) {
		zval *each;
		ZEND_HASH_FOREACH_VAL(app_list, each) {
			Z_ADDREF_P(each);
			zend_hash_next_index_insert_new(chain, each);
		} ZEND_HASH_FOREACH_END();
	}
	if (app_list) {
		zend_array_release(app_list);
	}
	zval bus;
	ZVAL_OBJ(&bus, php_messenger_bus_new(name, chain));
	zend_array_release(chain);
	zend_hash_update(&m->buses, name, &bus);
	return true;
}

/* Each transport of the configuration, made with its serializer, its handle, and its retry
 * strategy, failure transport and rate limit. */
static bool build_transports(php_messenger_messenger *m, HashTable *config, zval *transports)
{
	zval *connections = zend_hash_str_find_deref(config, "connections", sizeof("connections") - 1);
	if (connections && Z_TYPE_P(connections) == IS_NULL) {
		connections = NULL;
	}
	if (connections && Z_TYPE_P(connections) != IS_ARRAY) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"connections must map names to PDO objects, PDO DSN strings or [\"dsn\", \"user\", \"password\"], %s given", zend_zval_type_name(connections));
		return false;
	}
	zval *default_spec = zend_hash_str_find_deref(config, "serializer", sizeof("serializer") - 1);
	zend_object *checked = serializer_from_spec(m, default_spec, "serializer");
	if (!checked) {
		return false;
	}
	OBJ_RELEASE(checked);
	zend_hash_clean(&m->serializers);

	zend_string *key;
	zval *transport_config;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(transports), key, transport_config) {
		if (!key) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "transports must be keyed by transport name");
			return false;
		}
		ZVAL_DEREF(transport_config);
		zval *spec = Z_TYPE_P(transport_config) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(transport_config), "serializer", sizeof("serializer") - 1) : NULL;
		zend_string *where = zend_strpprintf(0, "transports[\"%s\"][\"serializer\"]", ZSTR_VAL(key));
		zend_object *serializer = serializer_from_spec(m, spec ? spec : default_spec, spec ? ZSTR_VAL(where) : "serializer");
		zend_string_release(where);
		if (!serializer) {
			return false;
		}
		zval transport;
		bool made = php_messenger_transport_from_config(&transport, key, transport_config, &m->std, serializer,
			connections ? Z_ARRVAL_P(connections) : NULL, m->project_dir);
		OBJ_RELEASE(serializer);
		if (!made) {
			return false;
		}
		zend_hash_add_new(&m->transports, key, &transport);
		zend_hash_add_new_ptr(&m->handles, key, php_messenger_transport_wrap(Z_OBJ(transport)));
		if (Z_TYPE_P(transport_config) == IS_ARRAY && !transport_extras(m, key, Z_ARRVAL_P(transport_config))) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* A transport name some part of the configuration gives; false with an exception naming where. */
static bool configured_transport(php_messenger_messenger *m, zval *name, const char *where)
{
	if (Z_TYPE_P(name) == IS_STRING && zend_hash_exists(&m->transports, Z_STR_P(name))) {
		return true;
	}
	zend_string *known = php_messenger_names_of(&m->transports);
	php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s must name a configured transport (configured: %s)", where, ZSTR_VAL(known));
	zend_string_release(known);
	return false;
}

/* The failure transports, the workers' listeners, reset callables and logger. */
static bool build_worker_settings(php_messenger_messenger *m, HashTable *config)
{
	zval *failure = zend_hash_str_find_deref(config, "failure_transport", sizeof("failure_transport") - 1);
	if (failure && Z_TYPE_P(failure) != IS_NULL) {
		if (!configured_transport(m, failure, "failure_transport")) {
			return false;
		}
		m->failure_transport = zend_string_copy(Z_STR_P(failure));
	}
	zend_string *tname;
	zval *fname;
	ZEND_HASH_FOREACH_STR_KEY_VAL(&m->failure, tname, fname) {
		zend_string *where = zend_strpprintf(0, "transports[\"%s\"][\"failure_transport\"]", ZSTR_VAL(tname));
		bool ok = configured_transport(m, fname, ZSTR_VAL(where));
		zend_string_release(where);
		if (!ok) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	zval *listeners = zend_hash_str_find_deref(config, "listeners", sizeof("listeners") - 1);
	if (listeners && Z_TYPE_P(listeners) != IS_NULL) {
		if (!php_messenger_listeners_from_config(&m->listeners, listeners)) {
			return false;
		}
		php_messenger_events_subscribe(&m->events, php_messenger_listeners_notify, &m->listeners,
			php_messenger_listeners_mask(&m->listeners), PHP_MESSENGER_RANK_LISTENERS);
	}
	zval *reset = zend_hash_str_find_deref(config, "reset", sizeof("reset") - 1);
	if (reset && Z_TYPE_P(reset) != IS_NULL && !php_messenger_callables(reset, "reset", &m->reset)) {
		return false;
	}
	zval *logger = zend_hash_str_find_deref(config, "logger", sizeof("logger") - 1);
	if (logger && Z_TYPE_P(logger) != IS_NULL) {
		if (Z_TYPE_P(logger) != IS_OBJECT || !zend_hash_str_exists(&Z_OBJCE_P(logger)->function_table, "log", 3)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"logger must be an object with a method log($level, $message, array $context) (PSR-3), %s given", zend_zval_type_name(logger));
			return false;
		}
		GC_ADDREF(Z_OBJ_P(logger));
		m->logger = Z_OBJ_P(logger);
	}
	return true;
}

/* The buses (one default bus when none is configured), sharing the send and
 * dispatch-after-current-bus middleware; the message types their handlers and the routing name
 * are what the transports' serializers may decode. */
static bool build_buses(php_messenger_messenger *m, zval *buses, zval *handlers, zval *routing)
{
	if (!(m->send_mw = php_messenger_send_middleware_new(&m->transports, Z_ARRVAL_P(routing), &m->events))) {
		return false;
	}
	zend_object *after_mw = php_messenger_dispatch_after_middleware_new();
	bool ok = true;
	HashTable types;
	zend_hash_init(&types, 8, NULL, NULL, 0);
	if (zend_hash_num_elements(Z_ARRVAL_P(buses)) == 0) {
		zend_string *name = zend_string_init("messenger.bus.default", sizeof("messenger.bus.default") - 1, 0);
		ok = build_bus(m, name, &EG(uninitialized_zval), Z_ARRVAL_P(handlers), after_mw, &types);
		zend_string_release(name);
	} else {
		zend_string *key;
		zval *bus_config;
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(buses), key, bus_config) {
			if (!key) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "buses must be keyed by bus name");
				ok = false;
				break;
			}
			ZVAL_DEREF(bus_config);
			if (!(ok = build_bus(m, key, bus_config, Z_ARRVAL_P(handlers), after_mw, &types))) {
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	OBJ_RELEASE(after_mw);
	if (ok) {
		zend_string *type;
		ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL_P(routing), type) {
			if (type) {
				zend_hash_add_empty_element(&types, type);
			}
		} ZEND_HASH_FOREACH_END();
		zval *serializer;
		ZEND_HASH_FOREACH_VAL(&m->serializers, serializer) {
			ZEND_HASH_FOREACH_STR_KEY(&types, type) {
				php_messenger_serializer_allow(Z_OBJ_P(serializer), type);
			} ZEND_HASH_FOREACH_END();
		} ZEND_HASH_FOREACH_END();
	}
	zend_hash_destroy(&types);
	return ok;
}

/* default_bus, else the first bus */
static bool choose_default_bus(php_messenger_messenger *m, HashTable *config)
{
	zval *default_bus = zend_hash_str_find_deref(config, "default_bus", sizeof("default_bus") - 1);
	if (!default_bus || Z_TYPE_P(default_bus) == IS_NULL) {
		zend_string *first;
		ZEND_HASH_FOREACH_STR_KEY(&m->buses, first) {
			m->default_bus = zend_string_copy(first);
			break;
		} ZEND_HASH_FOREACH_END();
		return true;
	}
	if (Z_TYPE_P(default_bus) != IS_STRING || !zend_hash_exists(&m->buses, Z_STR_P(default_bus))) {
		zend_string *known = php_messenger_names_of(&m->buses);
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"default_bus must name a configured bus (configured: %s)", ZSTR_VAL(known));
		zend_string_release(known);
		return false;
	}
	m->default_bus = zend_string_copy(Z_STR_P(default_bus));
	return true;
}

/* "project_dir": absolute, or relative to the current folder; without it default_dir (the
 * configuration file's application), else the current folder. Made absolute now, so neither a
 * later chdir() nor the folder a command runs from moves the files. */
static bool choose_project_dir(php_messenger_messenger *m, HashTable *config, zend_string *default_dir)
{
	zval *dir = zend_hash_str_find_deref(config, "project_dir", sizeof("project_dir") - 1);
	if (dir && Z_TYPE_P(dir) != IS_NULL && (Z_TYPE_P(dir) != IS_STRING || Z_STRLEN_P(dir) == 0)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Configuration key \"project_dir\" must be a folder name, %s given",
			Z_TYPE_P(dir) == IS_STRING ? "an empty string" : zend_zval_type_name(dir));
		return false;
	}
	char cwd[MAXPATHLEN];
	if (dir && Z_TYPE_P(dir) == IS_STRING && Z_STRVAL_P(dir)[0] == '/') {
		m->project_dir = zend_string_copy(Z_STR_P(dir));
	} else if (!VCWD_GETCWD(cwd, sizeof(cwd))) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Could not read the current folder to resolve \"project_dir\"");
		return false;
	} else if (dir && Z_TYPE_P(dir) == IS_STRING) {
		m->project_dir = zend_strpprintf(0, "%s/%s", cwd, Z_STRVAL_P(dir));
	} else {
		m->project_dir = default_dir ? zend_string_copy(default_dir) : zend_string_init(cwd, strlen(cwd), 0);
	}
	/* without a trailing slash (but "/" stays) */
	while (ZSTR_LEN(m->project_dir) > 1 && ZSTR_VAL(m->project_dir)[ZSTR_LEN(m->project_dir) - 1] == '/') {
		zend_string *trimmed = zend_string_init(ZSTR_VAL(m->project_dir), ZSTR_LEN(m->project_dir) - 1, 0);
		zend_string_release(m->project_dir);
		m->project_dir = trimmed;
	}
	return true;
}

/* WebhookMessage is handled by the native WebhookHandler made with the 'webhook' options, unless
 * a handler of the application's handles it: *out is then the handlers with it added (else UNDEF). */
static bool webhook_handler(php_messenger_messenger *m, HashTable *config, zval *handlers, zval *out)
{
	zval *options = zend_hash_str_find_deref(config, "webhook", sizeof("webhook") - 1);
	if (options && Z_TYPE_P(options) != IS_NULL && Z_TYPE_P(options) != IS_ARRAY) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "webhook must be an array of options, %s given", zend_zval_type_name(options));
		return false;
	}
#ifdef MSGR_HAVE_CURL
	/* a handler of the application's for it, in any form (keyed by class, discovered from
	 * __invoke's type, 'handles', an interface or wildcard it falls under): that one alone */
	php_messenger_handlers own;
	bool mapped = false;
	if (php_messenger_handlers_init(&own, Z_ARRVAL_P(handlers), NULL)) {
		const php_messenger_handler_list *list = php_messenger_handlers_for(&own, php_messenger_ce_WebhookMessage);
		mapped = list && list->count > 0;
	} else {
		zend_clear_exception(); /* building the buses says what is wrong */
		mapped = true;
	}
	php_messenger_handlers_destroy(&own);
	if (mapped) {
		return true;
	}
	zend_object *handler = php_messenger_webhook_handler_new(options && Z_TYPE_P(options) == IS_ARRAY ? Z_ARRVAL_P(options) : NULL, &m->events);
	if (!handler) {
		return false;
	}
	m->webhook = handler;
	ZVAL_ARR(out, zend_array_dup(Z_ARRVAL_P(handlers)));
	zval zv;
	ZVAL_OBJ_COPY(&zv, handler);
	zend_hash_update(Z_ARRVAL_P(out), php_messenger_ce_WebhookMessage->name, &zv);
	return true;
#else
	if (options && Z_TYPE_P(options) == IS_ARRAY) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "webhook: this build of messenger has no libcurl, so no webhook delivery");
		return false;
	}
	return true;
#endif
}

static bool messenger_build(php_messenger_messenger *m, HashTable *config, zend_string *default_dir)
{
	zend_string *key;
	if (php_messenger_find_unknown_key(config, config_keys, &key)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Unknown configuration key \"%s\" (known: transports, routing, handlers, buses, default_bus, failure_transport, serializer, connections, listeners, logger, reset, project_dir, webhook)",
			key ? ZSTR_VAL(key) : "(integer key)");
		return false;
	}
	if (!choose_project_dir(m, config, default_dir)) {
		return false;
	}
	zval empty;
	ZVAL_EMPTY_ARRAY(&empty);
	zval *transports = config_array(config, "transports", &empty);
	zval *routing = transports ? config_array(config, "routing", &empty) : NULL;
	zval *handlers = routing ? config_array(config, "handlers", &empty) : NULL;
	zval *buses = handlers ? config_array(config, "buses", &empty) : NULL;
	zval with_webhook;
	ZVAL_UNDEF(&with_webhook);
	bool ok = buses && build_transports(m, config, transports) && build_worker_settings(m, config)
		&& webhook_handler(m, config, handlers, &with_webhook)
		&& build_buses(m, buses, Z_TYPE(with_webhook) == IS_ARRAY ? &with_webhook : handlers, routing) && choose_default_bus(m, config);
	zval_ptr_dtor(&with_webhook);
	m->built = ok;
	return ok;
}

/* {{{ Messenger\Messenger::__construct(array $config = []) */
ZEND_METHOD(Messenger_Messenger, __construct)
{
	HashTable *config = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(config)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = messenger_from(Z_OBJ_P(ZEND_THIS));
	if (m->built || m->send_mw) {
		zend_throw_error(NULL, "Cannot call Messenger\\Messenger::__construct() twice");
		RETURN_THROWS();
	}
	messenger_build(m, config ? config : (HashTable *) &zend_empty_array, NULL);
}
/* }}} */

/* {{{ Messenger\Messenger::fromFile(string $path): Messenger */
ZEND_METHOD(Messenger_Messenger, fromFile)
{
	zend_string *path;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_PATH_STR(path)
	ZEND_PARSE_PARAMETERS_END();

	zend_stat_t st;
	if (VCWD_STAT(ZSTR_VAL(path), &st) != 0 || !S_ISREG(st.st_mode)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Configuration file \"%s\" does not exist or is not a file", ZSTR_VAL(path));
		RETURN_THROWS();
	}
	zend_file_handle handle;
	zend_stream_init_filename_ex(&handle, path);
	zend_op_array *op_array = zend_compile_file(&handle, ZEND_REQUIRE);
	zend_destroy_file_handle(&handle);
	if (!op_array) {
		if (!EG(exception)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Configuration file \"%s\" could not be compiled", ZSTR_VAL(path));
		}
		RETURN_THROWS();
	}
	/* run in a scope of its own, as a function would: the file's variables neither see nor
	 * overwrite the caller's (zend_execute() would share the calling frame's symbol table) */
	zval result;
	ZVAL_UNDEF(&result);
	zend_array *scope = zend_new_array(8);
	zend_execute_data *call = zend_vm_stack_push_call_frame(ZEND_CALL_TOP_CODE | ZEND_CALL_HAS_SYMBOL_TABLE, (zend_function *) op_array, 0, NULL);
	call->symbol_table = scope;
	call->prev_execute_data = EG(current_execute_data);
	zend_init_code_execute_data(call, op_array, &result);
	ZEND_OBSERVER_FCALL_BEGIN(call);
	zend_execute_ex(call);
	zend_vm_stack_free_call_frame(call);
	zend_array_destroy(scope);
	destroy_op_array(op_array);
	efree_size(op_array, sizeof(zend_op_array));
	if (EG(exception)) {
		zval_ptr_dtor(&result);
		RETURN_THROWS();
	}
	if (Z_TYPE(result) == IS_OBJECT && Z_OBJCE(result) == php_messenger_ce_Messenger) {
		RETURN_COPY_VALUE(&result);
	}
	if (Z_TYPE(result) == IS_LONG && Z_LVAL(result) == 1) {
		/* what a file without a return statement gives */
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Configuration file \"%s\" returned nothing: it must end with \"return [...];\" (a configuration array) or return a Messenger\\Messenger", ZSTR_VAL(path));
		RETURN_THROWS();
	}
	if (Z_TYPE(result) != IS_ARRAY) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Configuration file \"%s\" must return an array or a Messenger\\Messenger, it returned %s", ZSTR_VAL(path), zend_zval_type_name(&result));
		zval_ptr_dtor(&result);
		RETURN_THROWS();
	}
	/* relative paths resolve against the file's application: its folder, or the folder above
	 * when that is config/ (config/messenger.php) */
	char resolved[MAXPATHLEN];
	zend_string *app_dir = NULL;
	if (VCWD_REALPATH(ZSTR_VAL(path), resolved)) {
		char *slash = strrchr(resolved, '/');
		if (slash) {
			*slash = '\0';
			char *parent = strrchr(resolved, '/');
			if (parent && strcmp(parent + 1, "config") == 0) {
				*parent = '\0';
			}
			app_dir = zend_string_init(*resolved ? resolved : "/", *resolved ? strlen(resolved) : 1, 0);
		}
	}
	object_init_ex(return_value, php_messenger_ce_Messenger);
	bool ok = messenger_build(messenger_from(Z_OBJ_P(return_value)), Z_ARRVAL(result), app_dir);
	if (app_dir) {
		zend_string_release(app_dir);
	}
	zval_ptr_dtor(&result);
	if (!ok) {
		zval_ptr_dtor(return_value);
		ZVAL_UNDEF(return_value);
		RETURN_THROWS();
	}
}
/* }}} */

HashTable *php_messenger_messenger_transports(zend_object *messenger)
{
	return &messenger_from(messenger)->handles;
}

HashTable *php_messenger_messenger_buses(zend_object *messenger)
{
	return &messenger_from(messenger)->buses;
}

php_messenger_transport *php_messenger_messenger_transport(zend_object *messenger, zend_string *name)
{
	return zend_hash_find_ptr(&messenger_from(messenger)->handles, name);
}

zend_string *php_messenger_messenger_failure(zend_object *messenger, zend_string *transport)
{
	php_messenger_messenger *m = messenger_from(messenger);
	zval *f = zend_hash_find(&m->failure, transport);
	return f ? Z_STR_P(f) : m->failure_transport;
}

ZEND_METHOD(Messenger_Messenger, worker)
{
	HashTable *names, *options = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(names)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = built(ZEND_THIS);
	if (!m) {
		RETURN_THROWS();
	}
	if (zend_hash_num_elements(names) == 0) {
		zend_argument_value_error(1, "must name at least one transport");
		RETURN_THROWS();
	}
	HashTable receivers; /* name => handle (borrowed) */
	zend_hash_init(&receivers, zend_hash_num_elements(names), NULL, NULL, 0);
	zval *name;
	ZEND_HASH_FOREACH_VAL(names, name) {
		ZVAL_DEREF(name);
		php_messenger_transport *t = Z_TYPE_P(name) == IS_STRING ? zend_hash_find_ptr(&m->handles, Z_STR_P(name)) : NULL;
		if (!t) {
			zend_string *known = php_messenger_names_of(&m->transports);
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown transport \"%s\" to consume (configured: %s)",
				Z_TYPE_P(name) == IS_STRING ? Z_STRVAL_P(name) : zend_zval_type_name(name), ZSTR_VAL(known));
			zend_string_release(known);
			zend_hash_destroy(&receivers);
			RETURN_THROWS();
		}
		if (!instanceof_function(t->object->ce, php_messenger_ce_ReceiverInterface)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The transport \"%s\" cannot be consumed: it does not receive messages", Z_STRVAL_P(name));
			zend_hash_destroy(&receivers);
			RETURN_THROWS();
		}
		zend_hash_update_ptr(&receivers, Z_STR_P(name), t);
	} ZEND_HASH_FOREACH_END();
	if (!m->default_retry) {
		/* FrameworkBundle's defaults: 3 retries, 1 s, x2, no cap, 10 % jitter */
		zval cfg;
		array_init(&cfg);
		m->default_retry = php_messenger_retry_from_config(Z_ARRVAL(cfg), "retry_strategy");
		zval_ptr_dtor(&cfg);
	}
	const php_messenger_worker_settings settings = {
		.owner = &m->std,
		.transports = &m->handles,
		.buses = &m->buses,
		.default_bus = m->default_bus,
		.retry = &m->retry,
		.default_retry = m->default_retry,
		.failure = &m->failure,
		.failure_transport = m->failure_transport,
		.rate = &m->rate,
		.events = &m->events,
		.logger = m->logger,
		.reset = Z_TYPE(m->reset) == IS_ARRAY ? &m->reset : NULL,
	};
	zend_object *worker = php_messenger_worker_new(&settings, &receivers, options);
	zend_hash_destroy(&receivers);
	if (!worker) {
		RETURN_THROWS();
	}
	RETURN_OBJ(worker);
}

ZEND_METHOD(Messenger_Messenger, bus)
{
	zend_string *name = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(name)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = built(ZEND_THIS);
	zend_object *bus = m ? php_messenger_bus_select(&m->buses, m->default_bus, name) : NULL;
	if (!bus) {
		RETURN_THROWS();
	}
	RETURN_OBJ_COPY(bus);
}

/* The bus a dispatch goes to: the one a BusNameStamp names, else the default. */
static zend_object *bus_for(php_messenger_messenger *m, zval *message, HashTable *stamps)
{
	return php_messenger_bus_select(&m->buses, m->default_bus, php_messenger_bus_name_of(message, stamps));
}

static zend_object *messenger_dispatch(php_messenger_messenger *m, zval *message, HashTable *stamps)
{
	zend_object *bus = bus_for(m, message, stamps);
	zend_object *result = bus ? php_messenger_bus_dispatch(bus, message, stamps) : NULL;
	php_messenger_event ev = { PHP_MESSENGER_EV_DISPATCHED, result, NULL, NULL, false, 0, 0, NULL };
	if (result && !php_messenger_emit(&m->events, &ev)) {
		OBJ_RELEASE(result);
		return NULL;
	}
	return result;
}

ZEND_METHOD(Messenger_Messenger, dispatch)
{
	zval *message;
	HashTable *stamps = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT(message)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(stamps)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = built(ZEND_THIS);
	zend_object *result = m ? messenger_dispatch(m, message, stamps) : NULL;
	if (!result) {
		RETURN_THROWS();
	}
	RETURN_OBJ(result);
}

/* Sends what dispatchAll collected: one sendAll() per transport that has it. Envelopes in
 * results that were queued are replaced by what the transport returned. */
static bool flush_batch(php_messenger_messenger *m, php_messenger_batch *batch, zval *results)
{
	HashTable by_object;
	zend_hash_init(&by_object, zend_hash_num_elements(Z_ARRVAL_P(results)), NULL, NULL, 0);
	zend_ulong i;
	zval *env;
	ZEND_HASH_FOREACH_NUM_KEY_VAL(Z_ARRVAL_P(results), i, env) {
		zend_hash_index_update_ptr(&by_object, (zend_ulong) (uintptr_t) Z_OBJ_P(env), (void *) (uintptr_t) (i + 1));
	} ZEND_HASH_FOREACH_END();

	bool ok = true;
	zend_string *name;
	zval *queued;
	ZEND_HASH_FOREACH_STR_KEY_VAL(&batch->per_sender, name, queued) {
		const php_messenger_transport *sender = zend_hash_find_ptr(&m->handles, name);
		uint32_t count = zend_hash_num_elements(Z_ARRVAL_P(queued)), n = 0;
		zend_object **list = safe_emalloc(count, sizeof(zend_object *), 0);
		zval *one;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(queued), one) {
			list[n++] = Z_OBJ_P(one);
		} ZEND_HASH_FOREACH_END();
		zval returned;
		ok = php_messenger_transport_send_all(sender, list, count, &returned);
		efree(list);
		if (!ok) {
			break;
		}
		if (m->events.mask & (1u << PHP_MESSENGER_EV_SENT)) {
			zval *one_sent;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(returned), one_sent) {
				php_messenger_event ev = { PHP_MESSENGER_EV_SENT, Z_OBJ_P(one_sent), name, NULL, false, 0, 0, NULL };
				if (Z_TYPE_P(one_sent) == IS_OBJECT && !(ok = php_messenger_emit(&m->events, &ev))) {
					break;
				}
			} ZEND_HASH_FOREACH_END();
			if (!ok) {
				zval_ptr_dtor(&returned);
				break;
			}
		}
		zval *q, *r;
		uint32_t pos = 0;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(queued), q) {
			r = zend_hash_index_find(Z_ARRVAL(returned), pos);
			if (!r) {
				/* a sendAll() keyed otherwise: take the values in order */
				uint32_t k = 0;
				ZEND_HASH_FOREACH_VAL(Z_ARRVAL(returned), r) {
					if (k++ == pos) {
						break;
					}
				} ZEND_HASH_FOREACH_END();
			}
			pos++;
			void *slot = zend_hash_index_find_ptr(&by_object, (zend_ulong) (uintptr_t) Z_OBJ_P(q));
			if (slot && r && Z_TYPE_P(r) == IS_OBJECT) {
				zend_ulong index = (zend_ulong) (uintptr_t) slot - 1;
				zval copy;
				ZVAL_COPY(&copy, r);
				zend_hash_index_update(Z_ARRVAL_P(results), index, &copy);
				zend_hash_index_update_ptr(&by_object, (zend_ulong) (uintptr_t) Z_OBJ(copy), slot);
			}
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&returned);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&by_object);
	return ok;
}

/* {{{ Messenger\Messenger::dispatchAll(iterable $messages): array */
ZEND_METHOD(Messenger_Messenger, dispatchAll)
{
	zval *messages;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ITERABLE(messages)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = built(ZEND_THIS);
	if (!m) {
		RETURN_THROWS();
	}
	zval list;
	if (!php_messenger_iterable_to_array(messages, &list)) {
		RETURN_THROWS();
	}
	zend_ulong index;
	zend_string *key;
	zval *message;
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL(list), index, key, message) {
		ZVAL_DEREF(message);
		if (Z_TYPE_P(message) != IS_OBJECT) {
			if (key) {
				zend_argument_type_error(1, "must contain only objects, %s given at key \"%s\"", zend_zval_type_name(message), ZSTR_VAL(key));
			} else {
				zend_argument_type_error(1, "must contain only objects, %s given at index " ZEND_ULONG_FMT, zend_zval_type_name(message), index);
			}
			zval_ptr_dtor(&list);
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();

	php_messenger_batch batch;
	zend_hash_init(&batch.per_sender, 4, NULL, ZVAL_PTR_DTOR, 0);
	/* a dispatchAll() inside a handler of this one has its own batch; the outer one's is back after */
	php_messenger_batch *outer = php_messenger_send_middleware_batch(m->send_mw);
	php_messenger_send_middleware_set_batch(m->send_mw, &batch);
	array_init_size(return_value, zend_hash_num_elements(Z_ARRVAL(list)));
	bool ok = true;
	zend_try {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), message) {
			ZVAL_DEREF(message);
			zend_object *result = messenger_dispatch(m, message, NULL);
			if (!result) {
				ok = false;
				break;
			}
			zval r;
			ZVAL_OBJ(&r, result);
			zend_hash_next_index_insert_new(Z_ARRVAL_P(return_value), &r);
		} ZEND_HASH_FOREACH_END();
	} zend_catch {
		/* a fatal error: the batch on this frame must not stay in the middleware */
		php_messenger_send_middleware_set_batch(m->send_mw, outer);
		zend_bailout();
	} zend_end_try();
	php_messenger_send_middleware_set_batch(m->send_mw, outer);
	zval_ptr_dtor(&list);

	/* what was dispatched before a failure is sent all the same, as one dispatch() each would have */
	zend_object *pending = NULL;
	if (!ok && !php_messenger_take_exception(&pending)) {
		zend_hash_destroy(&batch.per_sender);
		RETURN_THROWS();
	}
	bool flushed = flush_batch(m, &batch, return_value);
	zend_hash_destroy(&batch.per_sender);
	if (pending) {
		if (!flushed && EG(exception)) {
			zend_exception_set_previous(EG(exception), pending);
		} else {
			zval ex;
			ZVAL_OBJ(&ex, pending);
			zend_throw_exception_object(&ex);
		}
		RETURN_THROWS();
	}
	if (!flushed) {
		RETURN_THROWS();
	}
}
/* }}} */

ZEND_METHOD(Messenger_Messenger, transport)
{
	zend_string *name;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = built(ZEND_THIS);
	if (!m) {
		RETURN_THROWS();
	}
	zval *transport = zend_hash_find(&m->transports, name);
	if (!transport) {
		zend_string *known = php_messenger_names_of(&m->transports);
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown transport \"%s\" (configured: %s)", ZSTR_VAL(name), ZSTR_VAL(known));
		zend_string_release(known);
		RETURN_THROWS();
	}
	RETURN_COPY(transport);
}

ZEND_METHOD(Messenger_Messenger, transportNames)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_messenger *m = built(ZEND_THIS);
	if (!m) {
		RETURN_THROWS();
	}
	array_init_size(return_value, zend_hash_num_elements(&m->transports));
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(&m->transports, name) {
		add_next_index_str(return_value, zend_string_copy(name));
	} ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(Messenger_Messenger, setupTransports)
{
	zend_string *only = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(only)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_messenger *m = built(ZEND_THIS);
	if (!m) {
		RETURN_THROWS();
	}
	if (only && !zend_hash_exists(&m->transports, only)) {
		zend_string *known = php_messenger_names_of(&m->transports);
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown transport \"%s\" (configured: %s)", ZSTR_VAL(only), ZSTR_VAL(known));
		zend_string_release(known);
		RETURN_THROWS();
	}
	zend_string *name;
	php_messenger_transport *transport;
	ZEND_HASH_FOREACH_STR_KEY_PTR(&m->handles, name, transport) {
		if ((only && !zend_string_equals(only, name)) || !(transport->caps & PHP_MESSENGER_CAN_SETUP)) {
			continue;
		}
		if (!transport->ops->setup(transport)) {
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();
}

void php_messenger_register_messenger(void)
{
	php_messenger_ce_Messenger = register_class_Messenger_Messenger(php_messenger_ce_MessageBusInterface);
	php_messenger_ce_Messenger->create_object = messenger_create;
	memcpy(&messenger_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	messenger_handlers.offset = XtOffsetOf(php_messenger_messenger, std);
	messenger_handlers.free_obj = messenger_free;
	messenger_handlers.get_gc = messenger_get_gc;
	messenger_handlers.clone_obj = NULL;
}

zend_string *php_messenger_messenger_project_dir(zend_object *messenger)
{
	return messenger_from(messenger)->project_dir;
}
