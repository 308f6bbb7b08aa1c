/* Messenger\Bridge\Redis\Transport\RedisTransport: the Zend face of the core's Redis streams transport
 * (core/msgr_redis). This file turns Envelopes into encoded messages through the transport's
 * serializer and back, and the core's errors into exceptions; every Redis command is the
 * core's. */
#include "php/transport/transport.h"
#include "core/base/alloc.h"
#include "core/base/dsn.h"
#include "core/redis/redis.h"
#include "redis_arginfo.h"

static zend_class_entry *php_messenger_ce_RedisTransport;
static zend_object_handlers redis_handlers;

typedef struct {
	msgr_redis_t *r;
	zend_object *serializer;
	zend_object std;
} php_messenger_redis;

static inline php_messenger_redis *redis_from(zend_object *obj)
{
	return (php_messenger_redis *) ((char *) obj - XtOffsetOf(php_messenger_redis, std));
}

static zend_object *redis_create(zend_class_entry *ce)
{
	php_messenger_redis *t = zend_object_alloc(sizeof(php_messenger_redis), ce);
	t->r = NULL;
	t->serializer = NULL;
	zend_object_std_init(&t->std, ce);
	object_properties_init(&t->std, ce);
	t->std.handlers = &redis_handlers;
	return &t->std;
}

static void redis_free(zend_object *obj)
{
	php_messenger_redis *t = redis_from(obj);
	msgr_redis_close(t->r);
	if (t->serializer) {
		OBJ_RELEASE(t->serializer);
	}
	zend_object_std_dtor(obj);
}

static void throw_core(const msgr_error_t *err);

/* Kept acknowledgements are written when the transport goes away. */
static void redis_dtor(zend_object *obj)
{
	php_messenger_redis *t = redis_from(obj);
	msgr_error_t err;
	if (t->r) {
		/* on failure nothing to throw to: the entries come back to this consumer name, or to
		 * others after redeliver_timeout */
		(void) msgr_redis_flush(t->r, &err);
	}
	zend_objects_destroy_object(obj);
}

static bool redis_flush(const php_messenger_transport *transport)
{
	php_messenger_redis *t = redis_from(transport->object);
	msgr_error_t err;
	if (t->r && msgr_redis_flush(t->r, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static void redis_read_ahead(const php_messenger_transport *transport, uint32_t n)
{
	php_messenger_redis *t = redis_from(transport->object);
	if (t->r) {
		msgr_redis_read_ahead(t->r, n);
	}
}

static HashTable *redis_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_redis *t = redis_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (t->serializer) {
		zend_get_gc_buffer_add_obj(buf, t->serializer);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static php_messenger_redis *ready(zend_object *self)
{
	php_messenger_redis *t = redis_from(self);
	if (!t->r) {
		zend_throw_error(NULL, "Messenger\\Bridge\\Redis\\Transport\\RedisTransport was not constructed");
		return NULL;
	}
	return t;
}

/* A core error of the Redis transport: a bad option is an InvalidArgumentException. */
static void throw_core(const msgr_error_t *err)
{
	php_messenger_throw_core(err, php_messenger_ce_InvalidArgumentException, NULL);
}


static zend_object *with_id(zend_object *envelope, const char *id)
{
	zval arg;
	ZVAL_STRING(&arg, id);
	envelope = php_messenger_envelope_with_id(envelope, &arg);
	zval_ptr_dtor(&arg);
	return envelope;
}

/* An entry into an Envelope: decoded by the serializer, or an UndecodableMessage that the worker
 * sends to the failure transport; NULL with an exception only for other failures. */
static zend_object *envelope_of(php_messenger_redis *t, const msgr_message_t *m)
{
	zval encoded;
	php_messenger_encoded_of(m, &encoded);
	if (m->problem) {
		php_messenger_decoding_failed(NULL, "Could not read the Redis stream entry %s: %s", m->id, m->problem);
	}
	zend_object *envelope = php_messenger_decode_received(m->problem ? NULL : t->serializer, &encoded);
	zval_ptr_dtor(&encoded);
	return envelope ? with_id(envelope, m->id) : NULL;
}


/* Sends count envelopes in one round trip; out gets the sent envelopes with their ids. */
static bool send_envelopes(php_messenger_redis *t, zend_object **envelopes, uint32_t count, zval *out)
{
	zval *encoded = safe_emalloc(count, sizeof(zval), 0);
	msgr_message_t *messages = safe_emalloc(count, sizeof(msgr_message_t), 0);
	uint32_t made = 0;
	bool ok = true;
	for (; made < count; made++) {
		zend_long delay;
		if (!php_messenger_delay_ms(envelopes[made], &delay) || !php_messenger_encode_lent(t->serializer, envelopes[made], &encoded[made], &messages[made])) {
			ok = false;
			break;
		}
		messages[made].delay_ms = delay;
	}
	msgr_error_t err;
	if (ok && msgr_redis_send(t->r, messages, count, &err) != MSGR_OK) {
		if (err.code == MSGR_ERR_UNCONFIRMED) {
			php_messenger_throw(php_messenger_ce_MaybeSentException, "%s: %s may have been stored (sending %s again may store %s twice)",
				err.message, count == 1 ? "the message" : "the messages", count == 1 ? "it" : "them", count == 1 ? "it" : "them");
		} else {
			throw_core(&err);
		}
		ok = false;
	}
	if (ok) {
		array_init_size(out, count);
		for (uint32_t i = 0; i < count; i++) {
			zval sent;
			GC_ADDREF(envelopes[i]);
			ZVAL_OBJ(&sent, with_id(envelopes[i], messages[i].id));
			zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &sent);
		}
	}
	for (uint32_t i = 0; i < made; i++) {
		if (messages[i].headers) {
			efree(messages[i].headers);
		}
		msgr_free(messages[i].id);
		zval_ptr_dtor(&encoded[i]);
	}
	efree(messages);
	efree(encoded);
	return ok;
}

/* An option's value as the core reads it: true/false as 1/0, strings and numbers as text; NULL
 * for anything else. */
static zend_string *option_text(zval *v)
{
	if (Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE) {
		return zend_string_init(Z_TYPE_P(v) == IS_TRUE ? "1" : "0", 1, 0);
	}
	return Z_TYPE_P(v) == IS_STRING || Z_TYPE_P(v) == IS_LONG || Z_TYPE_P(v) == IS_DOUBLE ? zval_get_string(v) : NULL;
}

/* [user, password] of the option name (auth, sentinel_auth), as Symfony takes it: the user, and
 * *v set to the password; NULL (thrown) when it is not that. */
static zend_string *auth_pair(const char *name, zval **v)
{
	zval *u = zend_hash_index_find_deref(Z_ARRVAL_P(*v), 0), *p = zend_hash_index_find_deref(Z_ARRVAL_P(*v), 1);
	if (!u || !p || Z_TYPE_P(u) != IS_STRING || Z_TYPE_P(p) != IS_STRING) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The Redis option \"%s\" must be a password or [user, password]", name);
		return NULL;
	}
	*v = p;
	return Z_STR_P(u);
}

static bool redis_init(zend_object *obj, HashTable *options, const msgr_dsn_t *dsn, zend_object *serializer)
{
	php_messenger_redis *t = redis_from(obj);
	/* the options as the core reads them: key => text */
	uint32_t n = options ? zend_hash_num_elements(options) : 0;
	zval *ssl = options ? zend_hash_str_find_deref(options, "ssl", 3) : NULL;
	if (ssl && Z_TYPE_P(ssl) == IS_ARRAY) {
		n += zend_hash_num_elements(Z_ARRVAL_P(ssl)); /* each ssl[key] */
	}
	n++; /* sentinel_auth's user */
	msgr_kv_t *kv = safe_emalloc(n ? n : 1, sizeof(msgr_kv_t), 0);
	zend_string **texts = safe_emalloc(n, 2 * sizeof(zend_string *), 0); /* a key and a value each at most */
	uint32_t count = 0, nt = 0;
	zend_string *auth_user = NULL;
	bool ok = true;
	if (options) {
		zend_string *key;
		zval *v;
		ZEND_HASH_FOREACH_STR_KEY_VAL_IND(options, key, v) {
			ZVAL_DEREF(v);
			if (!key) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Redis options must be keyed by name");
				ok = false;
				break;
			}
			if (Z_TYPE_P(v) == IS_NULL) {
				continue;
			}
			if (zend_string_equals_literal(key, "ssl") && Z_TYPE_P(v) == IS_ARRAY) {
				/* Symfony's ssl: PHP's stream context keys, read by the core as ssl[key] */
				zend_string *k;
				zval *sv;
				ZEND_HASH_FOREACH_STR_KEY_VAL_IND(Z_ARRVAL_P(v), k, sv) {
					ZVAL_DEREF(sv);
					zend_string *value = k ? option_text(sv) : NULL;
					if (!value) {
						php_messenger_throw(php_messenger_ce_InvalidArgumentException,
							"The Redis option \"ssl\" must map PHP's ssl context keys to strings or booleans");
						ok = false;
						break;
					}
					texts[nt] = strpprintf(0, "ssl[%s]", ZSTR_VAL(k));
					kv[count].key = ZSTR_VAL(texts[nt++]);
					texts[nt] = value;
					kv[count].value = ZSTR_VAL(texts[nt++]);
					count++;
				} ZEND_HASH_FOREACH_END();
				if (!ok) {
					break;
				}
				continue;
			}
			bool sentinel = zend_string_equals_literal(key, "sentinel_auth");
			if ((sentinel || zend_string_equals_literal(key, "auth")) && Z_TYPE_P(v) == IS_ARRAY) {
				zend_string *user = auth_pair(ZSTR_VAL(key), &v);
				if (!user) {
					ok = false;
					break;
				}
				if (sentinel) {
					texts[nt] = zend_string_copy(user);
					kv[count].key = "sentinel_user";
					kv[count].value = ZSTR_VAL(texts[nt++]);
					count++;
				} else {
					auth_user = user; /* (the DSN's user wins: set after parsing) */
				}
			}
			zend_string *text = option_text(v);
			if (!text) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The Redis option \"%s\" must be a string, a number or a boolean, %s given",
					ZSTR_VAL(key), zend_zval_type_name(v));
				ok = false;
				break;
			}
			texts[nt++] = text;
			kv[count].key = ZSTR_VAL(key);
			kv[count].value = ZSTR_VAL(text);
			count++;
		} ZEND_HASH_FOREACH_END();
	}
	msgr_redis_options_t o;
	msgr_error_t err;
	if (ok && msgr_redis_options_parse(dsn, kv, count, &o, &err) != MSGR_OK) {
		throw_core(&err);
		ok = false;
	}
	if (ok && auth_user && !(dsn->password && *dsn->password)) {
		msgr_free(o.user);
		o.user = msgr_strndup(ZSTR_VAL(auth_user), ZSTR_LEN(auth_user));
	}
	if (ok && msgr_redis_open(&t->r, &o, &err) != MSGR_OK) {
		throw_core(&err);
		ok = false;
	}
	for (uint32_t i = 0; i < nt; i++) {
		zend_string_release(texts[i]);
	}
	efree(texts);
	efree(kv);
	if (!ok) {
		return false;
	}
	t->serializer = php_messenger_serializer_or_default(serializer);
	return true;
}

static void redis_release(const php_messenger_transport *transport, zend_object *envelope)
{
	php_messenger_redis *t = redis_from(transport->object);
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	zval *id = stamp ? php_messenger_stamp_prop(stamp, 0) : NULL;
	msgr_error_t err;
	if (t->r && id && Z_TYPE_P(id) == IS_STRING) {
		/* on failure it comes back after redeliver_timeout anyway */
		(void) msgr_redis_release(t->r, Z_STRVAL_P(id), &err);
	}
}

static zend_object *redis_serializer(const php_messenger_transport *transport)
{
	return redis_from(transport->object)->serializer;
}

static bool redis_send_all(const php_messenger_transport *transport, zend_object **list, uint32_t count, zval *out)
{
	php_messenger_redis *t = ready(transport->object);
	return t && send_envelopes(t, list, count, out);
}

/* What a core call that lists messages gave (rc: its status, err its error) as a list of
 * Envelopes; frees the messages. False with an exception. */
static bool envelopes_of(php_messenger_redis *t, int rc, const msgr_error_t *err, msgr_message_t *list, size_t count, zval *out)
{
	if (rc != MSGR_OK) {
		throw_core(err);
		return false;
	}
	array_init_size(out, (uint32_t) count);
	bool ok = true;
	for (size_t i = 0; i < count && ok; i++) {
		zend_object *envelope = envelope_of(t, &list[i]);
		if (!envelope) {
			ok = false;
			break;
		}
		zval e;
		ZVAL_OBJ(&e, envelope);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &e);
	}
	msgr_messages_free(list, count);
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

static bool redis_get(const php_messenger_transport *transport, HashTable *queues, zval *out)
{
	php_messenger_redis *t = ready(transport->object);
	if (!t) {
		return false;
	}
	msgr_message_t *list;
	size_t count;
	msgr_error_t err;
	int rc = msgr_redis_get(t->r, &list, &count, &err);
	return envelopes_of(t, rc, &err, list, count, out);
}

/* The stream entry id of an envelope this transport received; NULL with an exception. */
static const char *id_of(zend_object *envelope)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	zval *id = stamp ? php_messenger_stamp_prop(stamp, 0) : NULL;
	if (!id || Z_TYPE_P(id) != IS_STRING) {
		php_messenger_throw(php_messenger_ce_LogicException, "The envelope has no Redis message id (TransportMessageIdStamp): it was not received from a RedisTransport");
		return NULL;
	}
	return Z_STRVAL_P(id);
}

static bool redis_settle(const php_messenger_transport *transport, zend_object *envelope, bool ack)
{
	php_messenger_redis *t = ready(transport->object);
	const char *id = t ? id_of(envelope) : NULL;
	msgr_error_t err;
	if (!id) {
		return false;
	}
	if (msgr_redis_ack(t->r, &id, 1, !ack, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static bool redis_keepalive(const php_messenger_transport *transport, zend_object *envelope, const zend_long *seconds)
{
	php_messenger_redis *t = ready(transport->object);
	const char *id = t ? id_of(envelope) : NULL;
	msgr_error_t err;
	if (!id) {
		return false;
	}
	if (msgr_redis_keepalive(t->r, id, seconds ? *seconds : 0, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static bool redis_count(const php_messenger_transport *transport, zend_long *out)
{
	php_messenger_redis *t = ready(transport->object);
	long long n;
	msgr_error_t err;
	if (!t) {
		return false;
	}
	if (msgr_redis_count(t->r, &n, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	*out = (zend_long) n;
	return true;
}

static bool redis_all(const php_messenger_transport *transport, zend_long limit, zval *out)
{
	php_messenger_redis *t = ready(transport->object);
	if (!t) {
		return false;
	}
	msgr_message_t *list;
	size_t count;
	msgr_error_t err;
	int rc = msgr_redis_list(t->r, NULL, (size_t) limit, &list, &count, &err);
	return envelopes_of(t, rc, &err, list, count, out);
}

static bool redis_find(const php_messenger_transport *transport, zval *id, zval *out)
{
	php_messenger_redis *t = ready(transport->object);
	if (!t) {
		return false;
	}
	zend_string *text = zval_try_get_string(id);
	if (!text) {
		return false;
	}
	msgr_message_t *list;
	size_t count;
	msgr_error_t err;
	int rc = msgr_redis_list(t->r, ZSTR_VAL(text), 1, &list, &count, &err);
	zend_string_release(text);
	zval found;
	if (!envelopes_of(t, rc, &err, list, count, &found)) {
		return false;
	}
	zval *first = zend_hash_index_find(Z_ARRVAL(found), 0);
	if (first) {
		ZVAL_COPY(out, first);
	} else {
		ZVAL_NULL(out);
	}
	zval_ptr_dtor(&found);
	return true;
}

static bool redis_setup(const php_messenger_transport *transport)
{
	php_messenger_redis *t = ready(transport->object);
	msgr_error_t err;
	if (!t) {
		return false;
	}
	if (msgr_redis_setup(t->r, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static const php_messenger_transport_ops redis_ops = {
	.send = php_messenger_transport_send_as_batch,
	.send_all = redis_send_all,
	.get = redis_get,
	.settle = redis_settle,
	.release = redis_release,
	.flush = redis_flush,
	.read_ahead = redis_read_ahead,
	.keepalive = redis_keepalive,
	.count = redis_count,
	.setup = redis_setup,
	.all = redis_all,
	.find = redis_find,
	.serializer = redis_serializer,
};

ZEND_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, __construct)
{
	php_messenger_transport_method_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU, redis_from(Z_OBJ_P(ZEND_THIS))->r != NULL, "Redis", redis_init);
}

PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, send, send, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, sendAll, send_all, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, get, get, &redis_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Bridge_Redis_Transport_RedisTransport, ack, true, &redis_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Bridge_Redis_Transport_RedisTransport, reject, false, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, keepalive, keepalive, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, getMessageCount, count, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, all, all, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, find, find, &redis_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Redis_Transport_RedisTransport, setup, setup, &redis_ops)

static bool redis_make(zval *out, const php_messenger_transport_args *args)
{
	return php_messenger_transport_make_with(out, args, php_messenger_ce_RedisTransport, redis_init);
}

static zend_class_entry *redis_register(void)
{
	php_messenger_ce_RedisTransport = register_class_Messenger_Bridge_Redis_Transport_RedisTransport(php_messenger_ce_TransportInterface,
		php_messenger_ce_BatchSenderInterface, php_messenger_ce_MessageCountAwareInterface, php_messenger_ce_ListableReceiverInterface, php_messenger_ce_SetupableTransportInterface, php_messenger_ce_KeepaliveReceiverInterface);
	php_messenger_ce_RedisTransport->create_object = redis_create;
	memcpy(&redis_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	redis_handlers.offset = XtOffsetOf(php_messenger_redis, std);
	redis_handlers.free_obj = redis_free;
	redis_handlers.dtor_obj = redis_dtor;
	redis_handlers.get_gc = redis_get_gc;
	redis_handlers.clone_obj = NULL;
	return php_messenger_ce_RedisTransport;
}

const php_messenger_transport_kind php_messenger_transport_kind_redis = {
	.schemes = (const char *const[]) { "redis", "rediss", NULL },
	.register_class = redis_register,
	.make = redis_make,
	.ops = &redis_ops,
	.shutdown = msgr_redis_pool_clear,
};
