/* Messenger\Transport\*: the interfaces, the handles the rest of the binding calls transports
 * through, the registry of kinds by DSN scheme (Transport::fromDsn), and the methods native
 * transports share. */
#include "php/transport/transport.h"
#include "core/base/message.h"
#include "core/base/dsn.h"
#include "zend_smart_str.h"
#include "transport_arginfo.h"

zend_class_entry *php_messenger_ce_SenderInterface;
zend_class_entry *php_messenger_ce_ReceiverInterface;
zend_class_entry *php_messenger_ce_KeepaliveReceiverInterface;
zend_class_entry *php_messenger_ce_MessageCountAwareInterface;
zend_class_entry *php_messenger_ce_ListableReceiverInterface;
zend_class_entry *php_messenger_ce_QueueReceiverInterface;
zend_class_entry *php_messenger_ce_TransportInterface;
zend_class_entry *php_messenger_ce_BatchSenderInterface;
zend_class_entry *php_messenger_ce_SetupableTransportInterface;
static zend_class_entry *php_messenger_ce_Transport;

/* {{{ the registry: one line per kind in kinds.h */
#define PHP_MESSENGER_TRANSPORT_KIND(k) extern const php_messenger_transport_kind php_messenger_transport_kind_##k;
#include "php/transport/kinds.h"
#undef PHP_MESSENGER_TRANSPORT_KIND

static const php_messenger_transport_kind *const kinds[] = {
#define PHP_MESSENGER_TRANSPORT_KIND(k) &php_messenger_transport_kind_##k,
#include "php/transport/kinds.h"
#undef PHP_MESSENGER_TRANSPORT_KIND
};
#define KIND_COUNT (sizeof(kinds) / sizeof(kinds[0]))
static zend_class_entry *kind_ce[KIND_COUNT];

/* schemes of kinds a build may leave out, and the library each needs */
static const struct { const char *scheme; const char *library; const char *option; } left_out[] = {
#ifndef MSGR_HAVE_REDIS
	{ "redis", "hiredis", "--with-messenger-redis" },
	{ "rediss", "hiredis", "--with-messenger-redis" },
#endif
	{ NULL, NULL, NULL }
};

static const php_messenger_transport_kind *kind_of_scheme(const char *scheme)
{
	for (size_t i = 0; i < KIND_COUNT; i++) {
		for (const char *const *s = kinds[i]->schemes; *s; s++) {
			if (strcmp(*s, scheme) == 0) {
				return kinds[i];
			}
		}
	}
	return NULL;
}

static const php_messenger_transport_ops *ops_of_class(zend_class_entry *ce)
{
	for (size_t i = 0; i < KIND_COUNT; i++) {
		if (kind_ce[i] == ce) {
			return kinds[i]->ops;
		}
	}
	return NULL;
}

/* "in-memory://, sync://, ..." */
static zend_string *available_schemes(void)
{
	smart_str out = {0};
	for (size_t i = 0; i < KIND_COUNT; i++) {
		for (const char *const *s = kinds[i]->schemes; *s; s++) {
			if (out.s) {
				smart_str_appends(&out, ", ");
			}
			smart_str_appends(&out, *s);
			smart_str_appends(&out, "://");
		}
	}
	smart_str_0(&out);
	return out.s;
}
/* }}} */

/* {{{ handles */
static const struct { zend_class_entry **iface; uint32_t cap; } cap_interfaces[] = {
	{ &php_messenger_ce_ReceiverInterface, PHP_MESSENGER_CAN_RECEIVE },
	{ &php_messenger_ce_QueueReceiverInterface, PHP_MESSENGER_CAN_QUEUES },
	{ &php_messenger_ce_KeepaliveReceiverInterface, PHP_MESSENGER_CAN_KEEPALIVE },
	{ &php_messenger_ce_MessageCountAwareInterface, PHP_MESSENGER_CAN_COUNT },
	{ &php_messenger_ce_ListableReceiverInterface, PHP_MESSENGER_CAN_LIST },
	{ &php_messenger_ce_SetupableTransportInterface, PHP_MESSENGER_CAN_SETUP },
	{ &php_messenger_ce_BatchSenderInterface, PHP_MESSENGER_CAN_SEND_ALL },
};

static const char *const adapter_methods[PHP_MESSENGER_M__COUNT] = {
	"send", "sendall", "get", "getfromqueues", "ack", "reject", "keepalive", "getmessagecount", "setup", "all", "find",
};

php_messenger_transport *php_messenger_transport_wrap(zend_object *object)
{
	php_messenger_transport *t = ecalloc(1, sizeof(*t));
	GC_ADDREF(object);
	t->object = object;
	for (size_t i = 0; i < sizeof(cap_interfaces) / sizeof(cap_interfaces[0]); i++) {
		if (instanceof_function(object->ce, *cap_interfaces[i].iface)) {
			t->caps |= cap_interfaces[i].cap;
		}
	}
	t->ops = ops_of_class(object->ce);
	if (!t->ops) {
		t->ops = &php_messenger_transport_adapter_ops;
		for (int m = 0; m < PHP_MESSENGER_M__COUNT; m++) {
			t->methods[m] = zend_hash_str_find_ptr(&object->ce->function_table, adapter_methods[m], strlen(adapter_methods[m]));
		}
	}
	t->caps &= ~t->ops->lacks;
	return t;
}

void php_messenger_transport_free(php_messenger_transport *t)
{
	OBJ_RELEASE(t->object);
	efree(t);
}

static void handle_dtor(zval *zv)
{
	php_messenger_transport_free(Z_PTR_P(zv));
}

void php_messenger_transport_table_init(HashTable *ht, uint32_t size)
{
	zend_hash_init(ht, size, NULL, handle_dtor, 0);
}
/* }}} */

/* {{{ the calls */
zend_object *php_messenger_transport_send(const php_messenger_transport *t, zend_object *envelope)
{
	return t->ops->send(t, envelope);
}

zend_object *php_messenger_transport_send_as_batch(const php_messenger_transport *t, zend_object *envelope)
{
	zval sent;
	bool ok = t->ops->send_all(t, &envelope, 1, &sent);
	OBJ_RELEASE(envelope);
	if (!ok) {
		return NULL;
	}
	zend_object *result = Z_OBJ_P(zend_hash_index_find(Z_ARRVAL(sent), 0));
	GC_ADDREF(result);
	zval_ptr_dtor(&sent);
	return result;
}

bool php_messenger_transport_send_all(const php_messenger_transport *t, zend_object **list, uint32_t count, zval *out)
{
	if (count == 0) {
		ZVAL_EMPTY_ARRAY(out);
		return true;
	}
	if (t->ops->send_all && (t->caps & PHP_MESSENGER_CAN_SEND_ALL)) {
		return t->ops->send_all(t, list, count, out);
	}
	/* one by one */
	array_init_size(out, count);
	for (uint32_t i = 0; i < count; i++) {
		GC_ADDREF(list[i]);
		zend_object *sent = t->ops->send(t, list[i]);
		if (!sent) {
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			return false;
		}
		zval v;
		ZVAL_OBJ(&v, sent);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &v);
	}
	return true;
}

bool php_messenger_transport_check_queues(const php_messenger_transport *t, zend_string *name)
{
	if (t->caps & PHP_MESSENGER_CAN_QUEUES) {
		return true;
	}
	php_messenger_throw(php_messenger_ce_RuntimeException, "Receiver for \"%s\" does not implement \"%s\".",
		name ? ZSTR_VAL(name) : ZSTR_VAL(t->object->ce->name), ZSTR_VAL(php_messenger_ce_QueueReceiverInterface->name));
	return false;
}

bool php_messenger_transport_get(const php_messenger_transport *t, zend_string *name, HashTable *queues, zval *out)
{
	if (queues && !php_messenger_transport_check_queues(t, name)) {
		return false;
	}
	return t->ops->get(t, queues, out);
}

bool php_messenger_transport_settle(const php_messenger_transport *t, zend_object *envelope, bool ack)
{
	return t->ops->settle(t, envelope, ack);
}

/* A release or a flush happens on the way out, often with an exception, or the exit() of a
 * handler, on its way up; the engine calls nothing while one is pending: it waits aside
 * meanwhile, and what the call throws then is dropped (a message not released waits for
 * redeliver_timeout). */
static zend_object *aside_begin(void)
{
	zend_object *pending = EG(exception);
	EG(exception) = NULL;
	return pending;
}

static void aside_end(zend_object *pending)
{
	if (pending) {
		if (EG(exception)) {
			zend_clear_exception();
		}
		EG(exception) = pending;
	}
}

void php_messenger_transport_release(const php_messenger_transport *t, zend_object *envelope)
{
	if (t->ops->release) {
		zend_object *pending = aside_begin();
		t->ops->release(t, envelope);
		aside_end(pending);
	}
}

void php_messenger_transport_read_ahead(const php_messenger_transport *t, uint32_t n)
{
	if (t->ops->read_ahead) {
		t->ops->read_ahead(t, n);
	}
}

bool php_messenger_transport_flush(const php_messenger_transport *t)
{
	if (!t->ops->flush) {
		return true;
	}
	zend_object *pending = aside_begin();
	bool ok = t->ops->flush(t);
	aside_end(pending);
	return ok;
}

void php_messenger_transport_let_go(const php_messenger_transport *t, zend_object *envelope)
{
	if (t->ops->let_go) {
		t->ops->let_go(t, envelope);
	} else {
		OBJ_RELEASE(envelope);
	}
}

bool php_messenger_transport_keepalive(const php_messenger_transport *t, zend_object *envelope, zend_long seconds)
{
	return t->ops->keepalive(t, envelope, &seconds);
}

zend_object *php_messenger_transport_serializer_of(const php_messenger_transport *t)
{
	return t->ops->serializer ? t->ops->serializer(t) : NULL;
}
/* }}} */

/* {{{ the methods native transports share */
#define SELF(ops) { (ops), Z_OBJ_P(ZEND_THIS), 0, { NULL } }

void php_messenger_transport_method_send(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_transport self = SELF(ops);
	GC_ADDREF(envelope);
	zend_object *sent = ops->send(&self, envelope);
	if (!sent) {
		RETURN_THROWS();
	}
	RETURN_OBJ(sent);
}

void php_messenger_transport_method_send_all(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	HashTable *envelopes;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(envelopes)
	ZEND_PARSE_PARAMETERS_END();
	uint32_t count = zend_hash_num_elements(envelopes), i = 0;
	if (count == 0) {
		RETURN_EMPTY_ARRAY();
	}
	zend_object **list = safe_emalloc(count, sizeof(zend_object *), 0);
	zend_ulong index;
	zend_string *key;
	zval *env;
	ZEND_HASH_FOREACH_KEY_VAL(envelopes, index, key, env) {
		ZVAL_DEREF(env);
		if (Z_TYPE_P(env) != IS_OBJECT || Z_OBJCE_P(env) != php_messenger_ce_Envelope) {
			const char *what = Z_TYPE_P(env) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(env)->name) : zend_zval_type_name(env);
			if (key) {
				zend_argument_type_error(1, "must contain only Messenger\\Envelope objects, %s given at key %s", what, ZSTR_VAL(key));
			} else {
				zend_argument_type_error(1, "must contain only Messenger\\Envelope objects, %s given at index " ZEND_ULONG_FMT, what, index);
			}
			efree(list);
			RETURN_THROWS();
		}
		list[i++] = Z_OBJ_P(env);
	} ZEND_HASH_FOREACH_END();
	php_messenger_transport self = SELF(ops);
	bool ok = ops->send_all(&self, list, count, return_value);
	efree(list);
	if (!ok) {
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_get(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_transport self = SELF(ops);
	if (!ops->get(&self, NULL, return_value)) {
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_get_from_queues(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	HashTable *queues;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(queues)
	ZEND_PARSE_PARAMETERS_END();
	zval *q;
	ZEND_HASH_FOREACH_VAL(queues, q) {
		if (Z_TYPE_P(q) != IS_STRING) {
			zend_argument_type_error(1, "must contain only queue names (strings)");
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();
	if (zend_hash_num_elements(queues) == 0) {
		RETURN_EMPTY_ARRAY();
	}
	php_messenger_transport self = SELF(ops);
	if (!ops->get(&self, queues, return_value)) {
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_settle(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops, bool ack)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_transport self = SELF(ops);
	if (!ops->settle(&self, envelope, ack)) {
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_keepalive(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	zend_object *envelope;
	zend_long seconds = 0;
	bool seconds_null = true;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(seconds, seconds_null)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_transport self = SELF(ops);
	if (!ops->keepalive(&self, envelope, seconds_null ? NULL : &seconds)) {
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_count(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_transport self = SELF(ops);
	zend_long n;
	if (!ops->count(&self, &n)) {
		RETURN_THROWS();
	}
	RETURN_LONG(n);
}

void php_messenger_transport_method_setup(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_transport self = SELF(ops);
	if (!ops->setup(&self)) {
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_all(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	zend_long limit = 0;
	bool limit_null = true;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(limit, limit_null)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_transport self = SELF(ops);
	if (!php_messenger_limit_arg(limit, limit_null) || !ops->all(&self, limit_null ? 0 : limit, return_value)) {
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}

void php_messenger_transport_method_find(INTERNAL_FUNCTION_PARAMETERS, const php_messenger_transport_ops *ops)
{
	zval *id;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ZVAL(id)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_transport self = SELF(ops);
	if (!ops->find(&self, id, return_value)) {
		ZVAL_NULL(return_value);
		RETURN_THROWS();
	}
}
#undef SELF
/* }}} */

/* {{{ building a transport from the configuration */
static const char *const transport_keys[] = { "dsn", "options", "serializer", "retry_strategy", "failure_transport", "rate_limiter", NULL };

bool php_messenger_transport_option_flag(const php_messenger_transport_args *args, const char *key, bool *value)
{
	zval *opt = args->options ? zend_hash_str_find_deref(args->options, key, strlen(key)) : NULL;
	if (opt) {
		if (Z_TYPE_P(opt) != IS_TRUE && Z_TYPE_P(opt) != IS_FALSE) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: the option \"%s\" must be a boolean, %s given", ZSTR_VAL(args->name), key, zend_zval_type_name(opt));
			return false;
		}
		*value = Z_TYPE_P(opt) == IS_TRUE;
		return true;
	}
	const char *text = msgr_dsn_param(args->dsn, key);
	if (!text) {
		return true;
	}
	if (strcmp(text, "true") == 0 || strcmp(text, "1") == 0) {
		*value = true;
	} else if (strcmp(text, "false") == 0 || strcmp(text, "0") == 0) {
		*value = false;
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"]: the option \"%s\" must be true or false, \"%s\" given", ZSTR_VAL(args->name), key, text);
		return false;
	}
	return true;
}

bool php_messenger_transport_known_options(const php_messenger_transport_args *args, const char *const *known, const char *list)
{
	const msgr_dsn_t *dsn = args->dsn;
	for (size_t i = 0; i < dsn->param_count; i++) {
		bool found = false;
		for (const char *const *k = known; *k && !found; k++) {
			found = strcmp(*k, dsn->params[i].key) == 0;
		}
		if (!found) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: unknown option \"%s\" (known: %s)", ZSTR_VAL(args->name), dsn->params[i].key, list);
			return false;
		}
	}
	zend_string *unknown;
	if (args->options && php_messenger_find_unknown_key(args->options, known, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"]: unknown option \"%s\" (known: %s)", ZSTR_VAL(args->name), unknown ? ZSTR_VAL(unknown) : "(integer key)", list);
		return false;
	}
	return true;
}

void php_messenger_transport_name_error(zend_string *name)
{
	zend_object *error;
	if (!php_messenger_take_exception(&error)) {
		return;
	}
	zval rv;
	zval *msg = php_messenger_throwable_prop(error, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
	php_messenger_throw(error->ce, "transports[\"%s\"]: %s", ZSTR_VAL(name), Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
	OBJ_RELEASE(error);
}

static bool from_dsn(zval *out, php_messenger_transport_args *args, const msgr_dsn_t *parsed)
{
	const php_messenger_transport_kind *kind = kind_of_scheme(parsed->scheme);
	if (kind) {
		return kind->make(out, args);
	}
	for (size_t i = 0; left_out[i].scheme; i++) {
		if (strcmp(left_out[i].scheme, parsed->scheme) == 0) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: %s:// needs %s, which this build of the messenger extension left out (configure %s)",
				ZSTR_VAL(args->name), parsed->scheme, left_out[i].library, left_out[i].option);
			return false;
		}
	}
	zend_string *available = available_schemes();
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"transports[\"%s\"]: no transport handles the DSN scheme \"%s://\" in this build (available: %s)",
		ZSTR_VAL(args->name), parsed->scheme, ZSTR_VAL(available));
	zend_string_release(available);
	return false;
}

bool php_messenger_transport_from_config(zval *out, zend_string *name, zval *config, zend_object *messenger, zend_object *serializer, HashTable *connections, zend_string *base_dir)
{
	ZVAL_DEREF(config);
	if (Z_TYPE_P(config) == IS_OBJECT) {
		if (!instanceof_function(Z_OBJCE_P(config), php_messenger_ce_TransportInterface)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: %s does not implement Messenger\\Transport\\TransportInterface", ZSTR_VAL(name), ZSTR_VAL(Z_OBJCE_P(config)->name));
			return false;
		}
		ZVAL_COPY(out, config);
		return true;
	}
	zval *dsn = config, *options = NULL;
	if (Z_TYPE_P(config) == IS_ARRAY) {
		zend_string *unknown;
		if (php_messenger_find_unknown_key(Z_ARRVAL_P(config), transport_keys, &unknown)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"]: unknown key \"%s\" (known: dsn, options, serializer, retry_strategy, failure_transport, rate_limiter)",
				ZSTR_VAL(name), unknown ? ZSTR_VAL(unknown) : "(integer key)");
			return false;
		}
		dsn = zend_hash_str_find_deref(Z_ARRVAL_P(config), "dsn", 3);
		options = zend_hash_str_find_deref(Z_ARRVAL_P(config), "options", 7);
		if (options && Z_TYPE_P(options) != IS_ARRAY) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"transports[\"%s\"][\"options\"] must be an array, %s given", ZSTR_VAL(name), zend_zval_type_name(options));
			return false;
		}
		if (!dsn) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "transports[\"%s\"] has no \"dsn\"", ZSTR_VAL(name));
			return false;
		}
	}
	if (Z_TYPE_P(dsn) != IS_STRING) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"transports[\"%s\"] must be a DSN string, an array with \"dsn\", or a TransportInterface object, %s given",
			ZSTR_VAL(name), zend_zval_type_name(dsn));
		return false;
	}
	msgr_dsn_t parsed;
	msgr_error_t err;
	if (msgr_dsn_parse(Z_STRVAL_P(dsn), Z_STRLEN_P(dsn), &parsed, &err) != MSGR_OK) {
		zend_string *prefix = zend_strpprintf(0, "transports[\"%s\"]: invalid DSN: ", ZSTR_VAL(name));
		php_messenger_throw_core(&err, php_messenger_ce_InvalidArgumentException, ZSTR_VAL(prefix));
		zend_string_release(prefix);
		return false;
	}
	php_messenger_transport_args args = {
		name, &parsed, options ? Z_ARRVAL_P(options) : NULL, messenger, serializer, connections, base_dir,
	};
	bool ok = from_dsn(out, &args, &parsed);
	msgr_dsn_free(&parsed);
	return ok;
}

ZEND_METHOD(Messenger_Transport_Transport, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Messenger_Transport_Transport, fromDsn)
{
	zend_string *dsn;
	HashTable *options = NULL, *connections = NULL;
	zend_object *serializer = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_STR(dsn)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(serializer, php_messenger_ce_SerializerInterface)
		Z_PARAM_ARRAY_HT(connections)
	ZEND_PARSE_PARAMETERS_END();
	zval config, opts;
	array_init(&config);
	add_assoc_str(&config, "dsn", zend_string_copy(dsn));
	if (options) {
		ZVAL_ARR(&opts, zend_array_dup(options));
		add_assoc_zval(&config, "options", &opts);
	}
	zend_string *name = zend_string_init("fromDsn", sizeof("fromDsn") - 1, 0);
	zend_object *made = php_messenger_serializer_or_default(serializer);
	bool ok = php_messenger_transport_from_config(return_value, name, &config, NULL, made, connections, NULL);
	OBJ_RELEASE(made);
	zend_string_release(name);
	zval_ptr_dtor(&config);
	if (!ok) {
		RETURN_THROWS();
	}
}
/* }}} */

void php_messenger_register_transport(void)
{
	php_messenger_ce_SenderInterface = register_class_Messenger_Transport_Sender_SenderInterface();
	php_messenger_ce_BatchSenderInterface = register_class_Messenger_Transport_Sender_BatchSenderInterface();
	php_messenger_ce_ReceiverInterface = register_class_Messenger_Transport_Receiver_ReceiverInterface();
	php_messenger_ce_MessageCountAwareInterface = register_class_Messenger_Transport_Receiver_MessageCountAwareInterface();
	php_messenger_ce_ListableReceiverInterface = register_class_Messenger_Transport_Receiver_ListableReceiverInterface(php_messenger_ce_ReceiverInterface);
	php_messenger_ce_QueueReceiverInterface = register_class_Messenger_Transport_Receiver_QueueReceiverInterface(php_messenger_ce_ReceiverInterface);
	php_messenger_ce_KeepaliveReceiverInterface = register_class_Messenger_Transport_Receiver_KeepaliveReceiverInterface(php_messenger_ce_ReceiverInterface);
	php_messenger_ce_TransportInterface = register_class_Messenger_Transport_TransportInterface(php_messenger_ce_ReceiverInterface, php_messenger_ce_SenderInterface);
	php_messenger_ce_SetupableTransportInterface = register_class_Messenger_Transport_SetupableTransportInterface();
	php_messenger_ce_Transport = register_class_Messenger_Transport_Transport();
	for (size_t i = 0; i < KIND_COUNT; i++) {
		kind_ce[i] = kinds[i]->register_class();
	}
}

void php_messenger_shutdown_transport(void)
{
	for (size_t i = 0; i < KIND_COUNT; i++) {
		if (kinds[i]->shutdown) {
			kinds[i]->shutdown();
		}
	}
}

zend_string *php_messenger_transport_kinds(void)
{
	return available_schemes();
}

/* {{{ encoded messages: the serializer's array <-> the core's msgr_message_t */
/* Lends encoded's strings to m; false with an exception when the serializer returned something
 * else than a string body and string headers keyed by name. */
static bool lend_encoded(zval *encoded, msgr_message_t *m)
{
	memset(m, 0, sizeof(*m));
	zval *body = zend_hash_str_find_deref(Z_ARRVAL_P(encoded), "body", 4);
	zval *headers = zend_hash_str_find_deref(Z_ARRVAL_P(encoded), "headers", 7);
	if (!body || Z_TYPE_P(body) != IS_STRING || (headers && Z_TYPE_P(headers) != IS_ARRAY)) {
		php_messenger_throw(php_messenger_ce_LogicException, "The serializer's encode() must return ['body' => string, 'headers' => array]");
		return false;
	}
	m->body = Z_STRVAL_P(body);
	m->body_len = Z_STRLEN_P(body);
	if (!headers || zend_hash_num_elements(Z_ARRVAL_P(headers)) == 0) {
		return true;
	}
	m->headers = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(headers)), sizeof(msgr_header_t), 0);
	zend_string *name;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), name, value) {
		ZVAL_DEREF(value);
		if (!name || Z_TYPE_P(value) != IS_STRING) {
			php_messenger_throw(php_messenger_ce_LogicException, "The serializer's headers must be strings keyed by name%s%s",
				name ? ": " : "", name ? ZSTR_VAL(name) : "");
			efree(m->headers);
			m->headers = NULL;
			return false;
		}
		msgr_header_t *h = &m->headers[m->header_count++];
		h->name = ZSTR_VAL(name);
		h->name_len = ZSTR_LEN(name);
		h->value = Z_STRVAL_P(value);
		h->value_len = Z_STRLEN_P(value);
	} ZEND_HASH_FOREACH_END();
	return true;
}

void php_messenger_encoded_of(const msgr_message_t *m, zval *out)
{
	zval headers;
	array_init_size(out, 2);
	add_assoc_stringl(out, "body", m->body ? m->body : "", m->body_len);
	array_init_size(&headers, (uint32_t) m->header_count);
	for (size_t i = 0; i < m->header_count; i++) {
		zval v;
		ZVAL_STRINGL(&v, m->headers[i].value, m->headers[i].value_len);
		zend_symtable_str_update(Z_ARRVAL(headers), m->headers[i].name, m->headers[i].name_len, &v);
	}
	add_assoc_zval(out, "headers", &headers);
}
/* }}} */

bool php_messenger_encode_lent(zend_object *serializer, zend_object *envelope, zval *holder, msgr_message_t *m)
{
	/* a format without headers (Symfony's PhpSerializer): the body alone, without an array around it */
	zend_string *(*encode_body)(zend_object *, zend_object *) = php_messenger_serializer_ops_of(serializer)->encode_body;
	if (encode_body) {
		zend_string *body = encode_body(serializer, envelope);
		if (!body) {
			return false;
		}
		ZVAL_STR(holder, body);
		memset(m, 0, sizeof(*m));
		m->body = ZSTR_VAL(body);
		m->body_len = ZSTR_LEN(body);
		return true;
	}
	if (!php_messenger_serializer_encode(serializer, envelope, holder)) {
		return false;
	}
	if (!lend_encoded(holder, m)) {
		zval_ptr_dtor(holder);
		ZVAL_UNDEF(holder);
		return false;
	}
	return true;
}

void php_messenger_transport_method_construct(INTERNAL_FUNCTION_PARAMETERS, bool constructed, const char *what, php_messenger_transport_init_fn init)
{
	zend_string *dsn;
	HashTable *options = NULL;
	zend_object *serializer = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(dsn)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(serializer, php_messenger_ce_SerializerInterface)
	ZEND_PARSE_PARAMETERS_END();
	if (constructed) {
		zend_throw_error(NULL, "Cannot call %s::__construct() twice", ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
		RETURN_THROWS();
	}
	msgr_dsn_t parsed;
	msgr_error_t err;
	if (msgr_dsn_parse(ZSTR_VAL(dsn), ZSTR_LEN(dsn), &parsed, &err) != MSGR_OK) {
		char prefix[64];
		snprintf(prefix, sizeof(prefix), "Invalid %s DSN: ", what);
		php_messenger_throw_core(&err, php_messenger_ce_InvalidArgumentException, prefix);
		RETURN_THROWS();
	}
	init(Z_OBJ_P(ZEND_THIS), options, &parsed, serializer);
	msgr_dsn_free(&parsed);
}

bool php_messenger_transport_make_with(zval *out, const php_messenger_transport_args *args, zend_class_entry *ce, php_messenger_transport_init_fn init)
{
	object_init_ex(out, ce);
	if (!init(Z_OBJ_P(out), args->options, args->dsn, args->serializer)) {
		php_messenger_transport_name_error(args->name);
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return false;
	}
	return true;
}
