/* Messenger\Bridge\Amqp\Transport\AmqpTransport: the Zend face of the core's AMQP transport
 * (core/amqp). This file flattens the configuration's nested options into the keys the core
 * reads, turns Envelopes and their AmqpStamp into messages to publish and deliveries into
 * Envelopes with an AmqpReceivedStamp, and the core's errors into exceptions; every AMQP frame
 * is the core's. */
#include "php/transport/transport.h"
#include "core/base/alloc.h"
#include "core/base/dsn.h"
#include "core/amqp/amqp.h"
#include "zend_smart_str.h"
#include "amqp_arginfo.h"

static zend_class_entry *php_messenger_ce_AmqpTransport;
static zend_object_handlers amqp_handlers;

typedef struct {
	msgr_amqp_t *a;
	zend_object *serializer;
	zend_object std;
} php_messenger_amqp;

static inline php_messenger_amqp *amqp_from(zend_object *obj)
{
	return (php_messenger_amqp *) ((char *) obj - XtOffsetOf(php_messenger_amqp, std));
}

static zend_object *amqp_create(zend_class_entry *ce)
{
	php_messenger_amqp *t = zend_object_alloc(sizeof(php_messenger_amqp), ce);
	t->a = NULL;
	t->serializer = NULL;
	zend_object_std_init(&t->std, ce);
	object_properties_init(&t->std, ce);
	t->std.handlers = &amqp_handlers;
	return &t->std;
}

static void amqp_free(zend_object *obj)
{
	php_messenger_amqp *t = amqp_from(obj);
	msgr_amqp_close(t->a); /* writes the kept acknowledgements first */
	if (t->serializer) {
		OBJ_RELEASE(t->serializer);
	}
	zend_object_std_dtor(obj);
}

static HashTable *amqp_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_amqp *t = amqp_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (t->serializer) {
		zend_get_gc_buffer_add_obj(buf, t->serializer);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static php_messenger_amqp *ready(zend_object *self)
{
	php_messenger_amqp *t = amqp_from(self);
	if (!t->a) {
		zend_throw_error(NULL, "Messenger\\Bridge\\Amqp\\Transport\\AmqpTransport was not constructed");
		return NULL;
	}
	return t;
}

static void throw_core(const msgr_error_t *err)
{
	if (err->code == MSGR_ERR_UNCONFIRMED) {
		php_messenger_throw(php_messenger_ce_MaybeSentException, "%s: the message may have been stored (sending it again may store it twice)", err->message);
		return;
	}
	php_messenger_throw_core(err, php_messenger_ce_InvalidArgumentException, NULL);
}

/* {{{ options: the configuration's nested arrays as the keys a query writes (exchange[name],
 * queues[q][binding_keys][0], ...) */
typedef struct {
	msgr_kv_t *kv;
	zend_string **texts; /* what kv points into: keys and values */
	uint32_t count, cap;
} flat_t;

static bool flat_add(flat_t *f, zend_string *key, zend_string *value)
{
	if (f->count == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->kv = safe_erealloc(f->kv, f->cap, sizeof(msgr_kv_t), 0);
		f->texts = safe_erealloc(f->texts, f->cap * 2, sizeof(zend_string *), 0);
	}
	f->texts[f->count * 2] = key;
	f->texts[f->count * 2 + 1] = value;
	f->kv[f->count].key = ZSTR_VAL(key);
	f->kv[f->count].value = ZSTR_VAL(value);
	f->count++;
	return true;
}

static void flat_free(flat_t *f)
{
	for (uint32_t i = 0; i < f->count * 2; i++) {
		zend_string_release(f->texts[i]);
	}
	if (f->kv) {
		efree(f->kv);
		efree(f->texts);
	}
}

static bool flatten(flat_t *f, const char *prefix, zval *v)
{
	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) == IS_NULL) {
		return true;
	}
	if (Z_TYPE_P(v) == IS_ARRAY) {
		if (zend_hash_num_elements(Z_ARRVAL_P(v)) == 0) {
			/* queues[name] => []: a queue with the defaults */
			return flat_add(f, zend_string_init(prefix, strlen(prefix), 0), ZSTR_EMPTY_ALLOC());
		}
		zend_string *key;
		zend_ulong index;
		zval *item;
		ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(v), index, key, item) {
			smart_str k = { 0 };
			smart_str_appends(&k, prefix);
			smart_str_appendc(&k, '[');
			if (key) {
				smart_str_append(&k, key);
			} else {
				smart_str_append_unsigned(&k, index);
			}
			smart_str_appendc(&k, ']');
			smart_str_0(&k);
			bool ok = flatten(f, ZSTR_VAL(k.s), item);
			smart_str_free(&k);
			if (!ok) {
				return false;
			}
		} ZEND_HASH_FOREACH_END();
		return true;
	}
	zend_string *text;
	if (Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE) {
		text = zend_string_init(Z_TYPE_P(v) == IS_TRUE ? "1" : "0", 1, 0);
	} else if (Z_TYPE_P(v) == IS_STRING || Z_TYPE_P(v) == IS_LONG || Z_TYPE_P(v) == IS_DOUBLE) {
		text = zval_get_string(v);
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The AMQP option \"%s\" must be a string, a number, a boolean or an array, %s given",
			prefix, zend_zval_type_name(v));
		return false;
	}
	return flat_add(f, zend_string_init(prefix, strlen(prefix), 0), text);
}
/* }}} */

static bool amqp_init(zend_object *obj, HashTable *options, const msgr_dsn_t *dsn, zend_object *serializer)
{
	php_messenger_amqp *t = amqp_from(obj);
	flat_t f = { 0 };
	bool ok = true;
	if (options) {
		zend_string *key;
		zval *v;
		ZEND_HASH_FOREACH_STR_KEY_VAL_IND(options, key, v) {
			if (!key) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "AMQP options must be keyed by name");
				ok = false;
				break;
			}
			if (!(ok = flatten(&f, ZSTR_VAL(key), v))) {
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	msgr_amqp_options_t o;
	msgr_error_t err;
	if (ok && msgr_amqp_options_parse(dsn, f.kv, f.count, &o, &err) != MSGR_OK) {
		throw_core(&err);
		ok = false;
	}
	flat_free(&f);
	if (ok && msgr_amqp_open(&t->a, &o, &err) != MSGR_OK) {
		throw_core(&err);
		ok = false;
	}
	if (!ok) {
		return false;
	}
	t->serializer = php_messenger_serializer_or_default(serializer);
	return true;
}

/* {{{ publishing */
typedef struct {
	zend_string **list;
	uint32_t count, cap;
} temps_t;

static const char *temp_text(temps_t *t, zval *v)
{
	if (t->count == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->list = safe_erealloc(t->list, t->cap, sizeof(zend_string *), 0);
	}
	zend_string *s = zval_get_string(v);
	t->list[t->count++] = s;
	return ZSTR_VAL(s);
}

static void temps_free(temps_t *t)
{
	for (uint32_t i = 0; i < t->count; i++) {
		zend_string_release(t->list[i]);
	}
	if (t->list) {
		efree(t->list);
	}
}

static const char *const string_props[] = { "content_type", "content_encoding", "correlation_id", "reply_to", "expiration", "message_id", "type", "user_id", "app_id", NULL };

static char **string_slot(msgr_amqp_props_t *p, int i)
{
	char **slots[] = { &p->content_type, &p->content_encoding, &p->correlation_id, &p->reply_to, &p->expiration, &p->message_id, &p->type, &p->user_id, &p->app_id };
	return slots[i];
}

/* Attributes (an AmqpStamp's, a received message's) into props (lent from temps) and headers
 * (appended to *headers). False with an exception for a value of a wrong type. */
static bool props_from(HashTable *attributes, msgr_amqp_props_t *p, msgr_header_t **headers, size_t *header_count, temps_t *temps)
{
	zend_string *key;
	zval *v;
	ZEND_HASH_FOREACH_STR_KEY_VAL(attributes, key, v) {
		ZVAL_DEREF(v);
		if (!key || Z_TYPE_P(v) == IS_NULL) {
			continue;
		}
		bool done = false;
		for (int i = 0; string_props[i] && !done; i++) {
			if (zend_string_equals_cstr(key, string_props[i], strlen(string_props[i]))) {
				if (Z_TYPE_P(v) != IS_STRING && Z_TYPE_P(v) != IS_LONG) {
					php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The AMQP attribute \"%s\" must be a string, %s given", ZSTR_VAL(key), zend_zval_type_name(v));
					return false;
				}
				*string_slot(p, i) = (char *) temp_text(temps, v);
				done = true;
			}
		}
		if (done) {
			continue;
		}
		if (zend_string_equals_literal(key, "delivery_mode") || zend_string_equals_literal(key, "priority") || zend_string_equals_literal(key, "timestamp")) {
			if (Z_TYPE_P(v) != IS_LONG) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The AMQP attribute \"%s\" must be an integer, %s given", ZSTR_VAL(key), zend_zval_type_name(v));
				return false;
			}
			if (ZSTR_VAL(key)[0] == 'd') {
				p->has_delivery_mode = true;
				p->delivery_mode = (int) Z_LVAL_P(v);
			} else if (ZSTR_VAL(key)[0] == 'p') {
				p->has_priority = true;
				p->priority = (int) Z_LVAL_P(v);
			} else {
				p->has_timestamp = true;
				p->timestamp = (long long) Z_LVAL_P(v);
			}
		} else if (zend_string_equals_literal(key, "headers")) {
			if (Z_TYPE_P(v) != IS_ARRAY) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The AMQP attribute \"headers\" must be an array, %s given", zend_zval_type_name(v));
				return false;
			}
			zend_string *name;
			zval *h;
			*headers = safe_erealloc(*headers, *header_count + zend_hash_num_elements(Z_ARRVAL_P(v)) + 1, sizeof(msgr_header_t), 0);
			ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(v), name, h) {
				ZVAL_DEREF(h);
				if (!name || (Z_TYPE_P(h) != IS_STRING && Z_TYPE_P(h) != IS_LONG && Z_TYPE_P(h) != IS_DOUBLE && Z_TYPE_P(h) != IS_TRUE && Z_TYPE_P(h) != IS_FALSE)) {
					continue; /* x-death and the like: tables the broker keeps itself */
				}
				msgr_header_t *out = &(*headers)[(*header_count)++];
				out->name = ZSTR_VAL(name);
				out->name_len = ZSTR_LEN(name);
				out->value = (char *) temp_text(temps, h);
				out->value_len = strlen(out->value);
			} ZEND_HASH_FOREACH_END();
		} else {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown AMQP attribute \"%s\" (known: %s, delivery_mode, priority, timestamp, headers)", ZSTR_VAL(key),
				"content_type, content_encoding, correlation_id, reply_to, expiration, message_id, type, user_id, app_id");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* What Symfony's sender makes of an envelope's stamps: the AmqpStamp's routing key, flags and
 * attributes; a retry (received here, with a RedeliveryStamp) goes back to its queue alone with
 * the properties it came with. */
static bool out_of(zend_object *envelope, msgr_amqp_out_t *out, temps_t *temps)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_AmqpStamp);
	zend_object *received = php_messenger_envelope_last(envelope, php_messenger_ce_AmqpReceivedStamp);
	msgr_header_t *headers = NULL;
	size_t header_count = 0;
	if (received && php_messenger_envelope_last(envelope, php_messenger_ce_RedeliveryStamp)) {
		out->retry = true;
		out->routing_key = Z_STRVAL_P(php_messenger_stamp_prop(received, 0));
		if (!props_from(Z_ARRVAL_P(php_messenger_stamp_prop(received, 5)), &out->props, &headers, &header_count, temps)) {
			goto fail;
		}
	}
	if (stamp) {
		zval *key = php_messenger_stamp_prop(stamp, 0);
		if (Z_TYPE_P(key) == IS_STRING && !out->retry) {
			out->routing_key = Z_STRVAL_P(key);
		}
		out->flags = Z_LVAL_P(php_messenger_stamp_prop(stamp, 1));
		if (!props_from(Z_ARRVAL_P(php_messenger_stamp_prop(stamp, 2)), &out->props, &headers, &header_count, temps)) {
			goto fail;
		}
	}
	out->extra_headers = headers;
	out->extra_header_count = header_count;
	return true;
fail:
	if (headers) {
		efree(headers);
	}
	return false;
}

static bool send_envelopes(php_messenger_amqp *t, zend_object **envelopes, uint32_t count, zval *out)
{
	zval *encoded = safe_emalloc(count, sizeof(zval), 0);
	msgr_amqp_out_t *messages = ecalloc(count, sizeof(msgr_amqp_out_t));
	temps_t temps = { 0 };
	uint32_t made = 0;
	bool ok = true;
	for (; made < count; made++) {
		zend_long delay;
		if (!php_messenger_delay_ms(envelopes[made], &delay)) {
			ok = false;
			break;
		}
		if (!php_messenger_encode_lent(t->serializer, envelopes[made], &encoded[made], &messages[made].m)) {
			ok = false;
			break;
		}
		messages[made].m.delay_ms = delay;
		if (!out_of(envelopes[made], &messages[made], &temps)) {
			made++;
			ok = false;
			break;
		}
	}
	msgr_error_t err;
	if (ok && msgr_amqp_send(t->a, messages, count, &err) != MSGR_OK) {
		throw_core(&err);
		ok = false;
	}
	if (ok) {
		array_init_size(out, count);
		for (uint32_t i = 0; i < count; i++) {
			zval sent;
			GC_ADDREF(envelopes[i]);
			ZVAL_OBJ(&sent, envelopes[i]);
			zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &sent);
		}
	}
	for (uint32_t i = 0; i < made; i++) {
		if (messages[i].m.headers) {
			efree(messages[i].m.headers);
		}
		if (messages[i].extra_headers) {
			efree((void *) messages[i].extra_headers);
		}
		zval_ptr_dtor(&encoded[i]);
	}
	temps_free(&temps);
	efree(messages);
	efree(encoded);
	return ok;
}

static bool amqp_send_all(const php_messenger_transport *transport, zend_object **list, uint32_t count, zval *out)
{
	php_messenger_amqp *t = ready(transport->object);
	return t && send_envelopes(t, list, count, out);
}
/* }}} */

/* {{{ receiving */
static void attributes_of(const msgr_amqp_in_t *in, zval *out)
{
	const msgr_amqp_props_t *p = &in->props;
	array_init(out);
	for (int i = 0; string_props[i]; i++) {
		const char *v = *string_slot((msgr_amqp_props_t *) p, i);
		if (v) {
			add_assoc_string(out, string_props[i], v);
		}
	}
	if (p->has_delivery_mode) {
		add_assoc_long(out, "delivery_mode", p->delivery_mode);
	}
	if (p->has_priority) {
		add_assoc_long(out, "priority", p->priority);
	}
	if (p->has_timestamp) {
		add_assoc_long(out, "timestamp", (zend_long) p->timestamp);
	}
	zval headers;
	array_init_size(&headers, (uint32_t) in->m.header_count);
	for (size_t i = 0; i < in->m.header_count; i++) {
		zval v;
		ZVAL_STRINGL(&v, in->m.headers[i].value, in->m.headers[i].value_len);
		zend_symtable_str_update(Z_ARRVAL(headers), in->m.headers[i].name, in->m.headers[i].name_len, &v);
	}
	add_assoc_zval(out, "headers", &headers);
}

/* A delivery into an Envelope with its AmqpReceivedStamp: decoded by the serializer, or an
 * UndecodableMessage for the failure transport; NULL with an exception only for other failures. */
static zend_object *envelope_of(php_messenger_amqp *t, const msgr_amqp_in_t *in)
{
	zval encoded;
	php_messenger_encoded_of(&in->m, &encoded);
	zend_object *envelope = php_messenger_decode_received(t->serializer, &encoded);
	zval_ptr_dtor(&encoded);
	if (!envelope) {
		return NULL;
	}
	zval args[7];
	ZVAL_STRING(&args[0], in->queue);
	ZVAL_LONG(&args[1], (zend_long) in->tag);
	ZVAL_STRING(&args[2], in->routing_key);
	ZVAL_STRING(&args[3], in->exchange);
	ZVAL_BOOL(&args[4], in->redelivered);
	attributes_of(in, &args[5]);
	ZVAL_LONG(&args[6], (zend_long) in->connection);
	zend_object *stamp = php_messenger_stamp_new(php_messenger_ce_AmqpReceivedStamp, 7, args);
	for (int i = 0; i < 7; i++) {
		zval_ptr_dtor(&args[i]);
	}
	return php_messenger_envelope_with_new(envelope, stamp);
}

static bool amqp_get(const php_messenger_transport *transport, HashTable *queues, zval *out)
{
	php_messenger_amqp *t = ready(transport->object);
	if (!t) {
		return false;
	}
	const char **names = NULL;
	size_t name_count = 0;
	if (queues) {
		names = safe_emalloc(zend_hash_num_elements(queues), sizeof(char *), 0);
		zval *q;
		ZEND_HASH_FOREACH_VAL(queues, q) {
			ZVAL_DEREF(q);
			if (Z_TYPE_P(q) == IS_STRING) {
				names[name_count++] = Z_STRVAL_P(q);
			}
		} ZEND_HASH_FOREACH_END();
	}
	msgr_amqp_in_t *list;
	size_t count;
	msgr_error_t err;
	int rc = msgr_amqp_get(t->a, names, name_count, &list, &count, &err);
	if (names) {
		efree(names);
	}
	if (rc != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	array_init_size(out, (uint32_t) count);
	bool ok = true;
	for (size_t i = 0; i < count; i++) {
		zend_object *envelope = ok ? envelope_of(t, &list[i]) : NULL;
		if (!envelope) {
			/* not handed out: back to its queue */
			ok = false;
			(void) msgr_amqp_release(t->a, list[i].connection, list[i].tag, &err);
			continue;
		}
		zval e;
		ZVAL_OBJ(&e, envelope);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &e);
	}
	msgr_amqp_in_t *copy = list;
	msgr_amqp_in_free(copy, count);
	if (!ok) {
		/* the ones handed out before the failure go back too */
		zval *e;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(out), e) {
			zend_object *stamp = php_messenger_envelope_last(Z_OBJ_P(e), php_messenger_ce_AmqpReceivedStamp);
			(void) msgr_amqp_release(t->a, (unsigned long long) Z_LVAL_P(php_messenger_stamp_prop(stamp, 6)),
				(uint64_t) Z_LVAL_P(php_messenger_stamp_prop(stamp, 1)), &err);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

/* The delivery of an envelope received here; NULL with an exception. */
static zend_object *received_of(zend_object *envelope)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_AmqpReceivedStamp);
	if (!stamp) {
		php_messenger_throw(php_messenger_ce_LogicException, "The envelope has no AmqpReceivedStamp: it was not received from an AmqpTransport");
	}
	return stamp;
}

static bool amqp_settle(const php_messenger_transport *transport, zend_object *envelope, bool ack)
{
	php_messenger_amqp *t = ready(transport->object);
	zend_object *stamp = t ? received_of(envelope) : NULL;
	msgr_error_t err;
	if (!stamp) {
		return false;
	}
	if (msgr_amqp_ack(t->a, (unsigned long long) Z_LVAL_P(php_messenger_stamp_prop(stamp, 6)), (uint64_t) Z_LVAL_P(php_messenger_stamp_prop(stamp, 1)), !ack, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static void amqp_release(const php_messenger_transport *transport, zend_object *envelope)
{
	php_messenger_amqp *t = amqp_from(transport->object);
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_AmqpReceivedStamp);
	msgr_error_t err;
	if (t->a && stamp) {
		/* on failure the connection is gone, and the broker gives it back by itself */
		(void) msgr_amqp_release(t->a, (unsigned long long) Z_LVAL_P(php_messenger_stamp_prop(stamp, 6)), (uint64_t) Z_LVAL_P(php_messenger_stamp_prop(stamp, 1)), &err);
	}
}

static bool amqp_flush(const php_messenger_transport *transport)
{
	php_messenger_amqp *t = amqp_from(transport->object);
	msgr_error_t err;
	if (t->a && msgr_amqp_flush(t->a, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static void amqp_read_ahead(const php_messenger_transport *transport, uint32_t n)
{
	php_messenger_amqp *t = amqp_from(transport->object);
	if (t->a) {
		msgr_amqp_read_ahead(t->a, n);
	}
}

static int amqp_wait_fd(const php_messenger_transport *transport, bool *ready_now)
{
	php_messenger_amqp *t = amqp_from(transport->object);
	*ready_now = false;
	return t->a ? msgr_amqp_fd(t->a, ready_now) : -1;
}

static zend_long amqp_tend_interval_ms(const php_messenger_transport *transport)
{
	php_messenger_amqp *t = amqp_from(transport->object);
	return t->a ? (zend_long) msgr_amqp_tend_interval_ms(t->a) : 0;
}

static void amqp_tend(const php_messenger_transport *transport)
{
	php_messenger_amqp *t = amqp_from(transport->object);
	if (t->a) {
		msgr_amqp_tend(t->a);
	}
}

/* The broker keeps an unacknowledged delivery for as long as the connection lives: nothing to do. */
static bool amqp_keepalive(const php_messenger_transport *transport, zend_object *envelope, const zend_long *seconds)
{
	php_messenger_amqp *t = ready(transport->object);
	return t && received_of(envelope);
}
/* }}} */

static bool amqp_count(const php_messenger_transport *transport, zend_long *out)
{
	php_messenger_amqp *t = ready(transport->object);
	long long n;
	msgr_error_t err;
	if (!t) {
		return false;
	}
	if (msgr_amqp_count(t->a, &n, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	*out = (zend_long) n;
	return true;
}

static bool amqp_setup(const php_messenger_transport *transport)
{
	php_messenger_amqp *t = ready(transport->object);
	msgr_error_t err;
	if (!t) {
		return false;
	}
	if (msgr_amqp_setup(t->a, &err) != MSGR_OK) {
		throw_core(&err);
		return false;
	}
	return true;
}

static zend_object *amqp_serializer(const php_messenger_transport *transport)
{
	return amqp_from(transport->object)->serializer;
}

static const php_messenger_transport_ops amqp_ops = {
	.send = php_messenger_transport_send_as_batch,
	.send_all = amqp_send_all,
	.get = amqp_get,
	.settle = amqp_settle,
	.release = amqp_release,
	.flush = amqp_flush,
	.read_ahead = amqp_read_ahead,
	.wait_fd = amqp_wait_fd,
	.tend_interval_ms = amqp_tend_interval_ms,
	.tend = amqp_tend,
	.keepalive = amqp_keepalive,
	.count = amqp_count,
	.setup = amqp_setup,
	.serializer = amqp_serializer,
};

ZEND_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, __construct)
{
	php_messenger_transport_method_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU, amqp_from(Z_OBJ_P(ZEND_THIS))->a != NULL, "AMQP", amqp_init);
}

PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, send, send, &amqp_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, sendAll, send_all, &amqp_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, get, get, &amqp_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, getFromQueues, get_from_queues, &amqp_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Bridge_Amqp_Transport_AmqpTransport, ack, true, &amqp_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Bridge_Amqp_Transport_AmqpTransport, reject, false, &amqp_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, keepalive, keepalive, &amqp_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, getMessageCount, count, &amqp_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Amqp_Transport_AmqpTransport, setup, setup, &amqp_ops)

static bool amqp_make(zval *out, const php_messenger_transport_args *args)
{
	return php_messenger_transport_make_with(out, args, php_messenger_ce_AmqpTransport, amqp_init);
}

static zend_class_entry *amqp_register(void)
{
	php_messenger_ce_AmqpTransport = register_class_Messenger_Bridge_Amqp_Transport_AmqpTransport(php_messenger_ce_TransportInterface,
		php_messenger_ce_BatchSenderInterface, php_messenger_ce_QueueReceiverInterface, php_messenger_ce_MessageCountAwareInterface,
		php_messenger_ce_SetupableTransportInterface, php_messenger_ce_KeepaliveReceiverInterface);
	php_messenger_ce_AmqpTransport->create_object = amqp_create;
	memcpy(&amqp_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	amqp_handlers.offset = XtOffsetOf(php_messenger_amqp, std);
	amqp_handlers.free_obj = amqp_free;
	amqp_handlers.get_gc = amqp_get_gc;
	amqp_handlers.clone_obj = NULL;
	return php_messenger_ce_AmqpTransport;
}

const php_messenger_transport_kind php_messenger_transport_kind_amqp = {
	.schemes = (const char *const[]) { "amqp", "amqps", NULL },
	.register_class = amqp_register,
	.make = amqp_make,
	.ops = &amqp_ops,
	.shutdown = msgr_amqp_pool_clear,
};
