/* Messenger\Transport\Serialization\*: SerializerInterface, the allow-list both native serializers decode
 * under, the map between our stamp classes and Symfony's, and PhpSerializer.
 *
 * PhpSerializer writes what Symfony's PhpSerializer writes: addslashes(serialize($envelope))
 * with Symfony's class names, base64 when not UTF-8. Reading goes the other way, but the bytes
 * are first rewritten by the core (msgr_phpser): every class named in them is checked against
 * the allow-list before PHP's unserializer runs, so a class outside it is never instantiated. */
#include "php/serialization/serialization.h"
#include "core/codec/phpser.h"
#include "core/base/route.h"
#include "ext/standard/php_var.h"
#include "ext/standard/base64.h"
#include "zend_smart_str.h"
#include "serializer_arginfo.h"

zend_class_entry *php_messenger_ce_SerializerInterface;
zend_class_entry *php_messenger_ce_PhpSerializer;
zend_class_entry *php_messenger_ce_JsonSerializer;
zend_class_entry *php_messenger_ce_UndecodableMessage;

static zend_object_handlers serializer_handlers;
static const php_messenger_serializer_ops php_ops, json_ops;

#define SF_ENVELOPE "Symfony\\Component\\Messenger\\Envelope"

/* {{{ our stamps and Symfony's */
typedef struct {
	zend_class_entry **ours;
	const char *symfony;
} stamp_name;

static const stamp_name stamp_names[] = {
	{ &php_messenger_ce_DelayStamp, "Symfony\\Component\\Messenger\\Stamp\\DelayStamp" },
	{ &php_messenger_ce_HandledStamp, "Symfony\\Component\\Messenger\\Stamp\\HandledStamp" },
	{ &php_messenger_ce_SentStamp, "Symfony\\Component\\Messenger\\Stamp\\SentStamp" },
	{ &php_messenger_ce_ReceivedStamp, "Symfony\\Component\\Messenger\\Stamp\\ReceivedStamp" },
	{ &php_messenger_ce_TransportNamesStamp, "Symfony\\Component\\Messenger\\Stamp\\TransportNamesStamp" },
	{ &php_messenger_ce_BusNameStamp, "Symfony\\Component\\Messenger\\Stamp\\BusNameStamp" },
	{ &php_messenger_ce_DispatchAfterCurrentBusStamp, "Symfony\\Component\\Messenger\\Stamp\\DispatchAfterCurrentBusStamp" },
	{ &php_messenger_ce_RedeliveryStamp, "Symfony\\Component\\Messenger\\Stamp\\RedeliveryStamp" },
	{ &php_messenger_ce_ErrorDetailsStamp, "Symfony\\Component\\Messenger\\Stamp\\ErrorDetailsStamp" },
	{ &php_messenger_ce_SentToFailureTransportStamp, "Symfony\\Component\\Messenger\\Stamp\\SentToFailureTransportStamp" },
	{ &php_messenger_ce_TransportMessageIdStamp, "Symfony\\Component\\Messenger\\Stamp\\TransportMessageIdStamp" },
	{ &php_messenger_ce_HandlerArgumentsStamp, "Symfony\\Component\\Messenger\\Stamp\\HandlerArgumentsStamp" },
	{ &php_messenger_ce_MessageDecodingFailedStamp, "Symfony\\Component\\Messenger\\Stamp\\MessageDecodingFailedStamp" },
	{ &php_messenger_ce_AmqpStamp, "Symfony\\Component\\Messenger\\Bridge\\Amqp\\Transport\\AmqpStamp" },
};

static bool name_is(const char *name, size_t len, const char *other, size_t other_len)
{
	if (len != other_len) {
		return false;
	}
	/* mostly written as declared; else the case-insensitive comparison, only when the last byte
	 * that differs differs by case (names of one length share their namespace and differ near
	 * the end: "...\\Stamp\\SentStamp", "...\\Stamp\\BusNameStamp") */
	if (memcmp(name, other, len) == 0) {
		return true;
	}
	size_t i = len;
	while (name[i - 1] == other[i - 1]) {
		i--;
	}
	return zend_tolower_ascii(name[i - 1]) == zend_tolower_ascii(other[i - 1]) && zend_binary_strcasecmp(name, len, other, other_len) == 0;
}

#define STAMP_NAMES (sizeof(stamp_names) / sizeof(stamp_names[0]))
/* Both names of each stamp class (entry i * 2: ours, i * 2 + 1: Symfony's), chained by length,
 * which mostly leaves one name to compare: cheaper than hashing a long class name, and looked up
 * for every stamp and stamp key a body holds. */
static const char *stamp_entry[2 * STAMP_NAMES];
static uint8_t stamp_first[128]; /* 1 + the first entry of each length, 0 for none */
static uint8_t stamp_next[2 * STAMP_NAMES];

static void stamp_index_init(void)
{
	for (size_t e = 2 * STAMP_NAMES; e-- > 0;) {
		zend_class_entry *ce = *stamp_names[e / 2].ours;
		stamp_entry[e] = e & 1 ? stamp_names[e / 2].symfony : ZSTR_VAL(ce->name);
		size_t len = strlen(stamp_entry[e]);
		ZEND_ASSERT(len < 128);
		stamp_next[e] = stamp_first[len];
		stamp_first[len] = (uint8_t) (e + 1);
	}
}

zend_class_entry *php_messenger_stamp_by_name(const char *name, size_t len, bool *symfony)
{
	if (len >= 128) {
		return NULL;
	}
	/* (no two names of one length differ only by case) */
	for (uint8_t e = stamp_first[len]; e; e = stamp_next[e - 1]) {
		if (name_is(name, len, stamp_entry[e - 1], len)) {
			*symfony = (e - 1) & 1;
			return *stamp_names[(e - 1) / 2].ours;
		}
	}
	return NULL;
}

const char *php_messenger_stamp_symfony_name(zend_class_entry *ce)
{
	for (size_t i = 0; i < sizeof(stamp_names) / sizeof(stamp_names[0]); i++) {
		if (*stamp_names[i].ours == ce) {
			return stamp_names[i].symfony;
		}
	}
	return NULL;
}

/* What travels: not a NonSendableStampInterface, and not a TransportNamesStamp (a routing
 * instruction that has done its work once the message is sent; Symfony 5.4 has no such class
 * and could not decode a message carrying one). */
bool php_messenger_stamp_travels(zend_class_entry *ce)
{
	return ce != php_messenger_ce_TransportNamesStamp && !instanceof_function(ce, php_messenger_ce_NonSendableStampInterface);
}
/* }}} */

/* {{{ allow-list */
static const char *const always_allowed[] = {
	"stdclass", "datetime", "datetimeimmutable", "datetimeinterface", "datetimezone", "dateinterval",
	"messenger\\transport\\serialization\\undecodablemessage", NULL
};

void php_messenger_allow_init(php_messenger_allow *a)
{
	a->any = false;
	zend_hash_init(&a->names, 8, NULL, NULL, 0);
	zend_hash_init(&a->prefixes, 0, NULL, NULL, 0);
	zend_hash_init(&a->checked, 8, NULL, NULL, 0);
	zend_hash_init(&a->resolved, 8, NULL, NULL, 0);
	zend_hash_init(&a->noted, 8, NULL, NULL, 0);
	zend_hash_init(&a->unserializable, 8, NULL, NULL, 0);
}

/* the caches keyed by exact name stop growing here: case variants are unbounded */
#define ALLOW_CACHE_MAX 4096

void php_messenger_allow_destroy(php_messenger_allow *a)
{
	zend_hash_destroy(&a->names);
	zend_hash_destroy(&a->prefixes);
	zend_hash_destroy(&a->checked);
	zend_hash_destroy(&a->resolved);
	zend_hash_destroy(&a->noted);
	zend_hash_destroy(&a->unserializable);
}

void php_messenger_allow_add(php_messenger_allow *a, zend_string *name)
{
	zend_string *lc = php_messenger_type_key(ZSTR_VAL(name), ZSTR_LEN(name));
	switch (msgr_route_key_kind(ZSTR_VAL(lc), ZSTR_LEN(lc))) {
	case MSGR_ROUTE_KEY_NAMESPACE: {
		zend_string *prefix = zend_string_init(ZSTR_VAL(lc), ZSTR_LEN(lc) - 1, 0);
		zend_hash_add_empty_element(&a->prefixes, prefix);
		zend_string_release(prefix);
		break;
	}
	case MSGR_ROUTE_KEY_CLASS:
		zend_hash_add_empty_element(&a->names, lc);
		break;
	default:
		/* "*" in routing routes everything, and a malformed wildcard nothing: they allow
		 * nothing by themselves */
		break;
	}
	zend_string_release(lc);
}

bool php_messenger_allow_option(php_messenger_allow *a, zval *option, const char *owner)
{
	ZVAL_DEREF(option);
	if (Z_TYPE_P(option) == IS_TRUE) {
		a->any = true;
		return true;
	}
	if (Z_TYPE_P(option) != IS_ARRAY) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"%s: \"allowed_classes\" must be a list of class names or true, %s given", owner, zend_zval_type_name(option));
		return false;
	}
	zval *name;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(option), name) {
		ZVAL_DEREF(name);
		if (Z_TYPE_P(name) != IS_STRING || Z_STRLEN_P(name) == 0) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException,
				"%s: \"allowed_classes\" must hold class names, %s given", owner, zend_zval_type_name(name));
			return false;
		}
		php_messenger_allow_add(a, Z_STR_P(name));
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* The classes a class's typed properties name become allowed too: they are part of its shape. */
static void allow_property_types(php_messenger_allow *a, zend_class_entry *ce)
{
	zend_property_info *info;
	ZEND_HASH_FOREACH_PTR(&ce->properties_info, info) {
		zend_type t = info->type;
		if (ZEND_TYPE_HAS_LIST(t)) {
			zend_type *single;
			ZEND_TYPE_LIST_FOREACH(ZEND_TYPE_LIST(t), single) {
				if (ZEND_TYPE_HAS_NAME(*single)) {
					zend_string *lc = php_messenger_type_key(ZSTR_VAL(ZEND_TYPE_NAME(*single)), ZSTR_LEN(ZEND_TYPE_NAME(*single)));
					zend_hash_add_empty_element(&a->names, lc);
					zend_string_release(lc);
				}
			} ZEND_TYPE_LIST_FOREACH_END();
		} else if (ZEND_TYPE_HAS_NAME(t)) {
			zend_string *lc = php_messenger_type_key(ZSTR_VAL(ZEND_TYPE_NAME(t)), ZSTR_LEN(ZEND_TYPE_NAME(t)));
			zend_hash_add_empty_element(&a->names, lc);
			zend_string_release(lc);
		}
	} ZEND_HASH_FOREACH_END();
}

static bool listed_type(php_messenger_allow *a, zend_class_entry *ce)
{
	for (zend_class_entry *c = ce->parent; c; c = c->parent) {
		zend_string *lc = php_messenger_type_key(ZSTR_VAL(c->name), ZSTR_LEN(c->name));
		bool found = zend_hash_exists(&a->names, lc);
		zend_string_release(lc);
		if (found) {
			return true;
		}
	}
	for (uint32_t i = 0; i < ce->num_interfaces; i++) {
		zend_string *lc = php_messenger_type_key(ZSTR_VAL(ce->interfaces[i]->name), ZSTR_LEN(ce->interfaces[i]->name));
		bool found = zend_hash_exists(&a->names, lc);
		zend_string_release(lc);
		if (found) {
			return true;
		}
	}
	return false;
}

static zend_class_entry *allow_class_slow(php_messenger_allow *a, const char *name, size_t len, char *reason, size_t reason_size);

zend_class_entry *php_messenger_allow_class(php_messenger_allow *a, const char *name, size_t len, char *reason, size_t reason_size)
{
	zend_class_entry *ce = zend_hash_str_find_ptr(&a->resolved, name, len);
	if (ce) {
		return ce;
	}
	ce = allow_class_slow(a, name, len, reason, reason_size);
	if (ce && zend_hash_num_elements(&a->resolved) < ALLOW_CACHE_MAX) {
		zend_hash_str_add_ptr(&a->resolved, name, len, ce);
	}
	return ce;
}

static zend_class_entry *allow_class_slow(php_messenger_allow *a, const char *name, size_t len, char *reason, size_t reason_size)
{
	zend_string *lc = php_messenger_type_key(name, len);
	zend_string *cname = zend_string_init(name, len, 0);
	zend_class_entry *ce = NULL;
	bool listed = a->any || zend_hash_exists(&a->checked, lc) || zend_hash_exists(&a->names, lc);
	for (const char *const *safe = always_allowed; !listed && *safe; safe++) {
		listed = zend_string_equals_cstr(lc, *safe, strlen(*safe));
	}
	if (!listed) {
		zend_string *prefix;
		ZEND_HASH_FOREACH_STR_KEY(&a->prefixes, prefix) {
			if (ZSTR_LEN(lc) > ZSTR_LEN(prefix) && memcmp(ZSTR_VAL(lc), ZSTR_VAL(prefix), ZSTR_LEN(prefix)) == 0) {
				listed = true;
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	/* a listed class is loaded to be instantiated; another one only to see whether it
	 * extends or implements a listed type, or is a stamp: a class implementing StampInterface
	 * travels with its envelope, as in Symfony (an autoloader that throws counts as "no") */
	ce = zend_lookup_class(cname);
	if (EG(exception)) {
		zend_clear_exception();
		ce = NULL;
	}
	if (ce && !listed && !listed_type(a, ce) && !instanceof_function(ce, php_messenger_ce_StampInterface)) {
		ce = NULL;
	}
	if (!ce) {
		if (listed) {
			snprintf(reason, reason_size, "Message class \"%s\" not found during decoding.", ZSTR_VAL(cname));
		}
	} else if (!zend_hash_exists(&a->checked, lc)) {
		zend_hash_add_empty_element(&a->checked, lc);
		allow_property_types(a, ce);
	}
	if (!ce && !reason[0]) {
		snprintf(reason, reason_size,
			"Class \"%s\" is not in the serializer's allowed_classes: list it there (or a type it extends) to decode it", ZSTR_VAL(cname));
	}
	zend_string_release(cname);
	zend_string_release(lc);
	return ce;
}

bool php_messenger_allow_encoding(php_messenger_allow *a, zend_class_entry *ce, zend_object *envelope)
{
	if (!a) {
		return true;
	}
	char reason[MSGR_ERROR_MAX] = "";
	if (php_messenger_allow_class(a, ZSTR_VAL(ce->name), ZSTR_LEN(ce->name), reason, sizeof(reason)) == ce) {
		return true;
	}
	zval *message = php_messenger_envelope_message(envelope);
	zend_class_entry *message_ce = Z_TYPE_P(message) == IS_OBJECT ? Z_OBJCE_P(message) : NULL;
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"Cannot encode the %s message: %s \"%s\", a class not in its serializer's allowed_classes, so no worker could "
		"decode it. List the class there (or a type it extends, or its namespace as \"Ns\\*\")",
		message_ce ? ZSTR_VAL(message_ce->name) : "", message_ce == ce ? "it is a" : "it holds a", ZSTR_VAL(ce->name));
	return false;
}
/* }}} */

/* {{{ the object */
static inline php_messenger_serializer *serializer_from(zend_object *obj)
{
	return (php_messenger_serializer *) ((char *) obj - XtOffsetOf(php_messenger_serializer, std));
}

php_messenger_serializer *php_messenger_serializer_of(zend_object *obj)
{
	return serializer_from(obj);
}

static zend_object *serializer_create(zend_class_entry *ce)
{
	php_messenger_serializer *s = zend_object_alloc(sizeof(php_messenger_serializer), ce);
	s->ops = ce == php_messenger_ce_JsonSerializer ? &json_ops : &php_ops;
	php_messenger_allow_init(&s->allow);
	zend_object_std_init(&s->std, ce);
	object_properties_init(&s->std, ce);
	s->std.handlers = &serializer_handlers;
	return &s->std;
}

static void serializer_free(zend_object *obj)
{
	php_messenger_allow_destroy(&serializer_from(obj)->allow);
	zend_object_std_dtor(obj);
}

zend_object *php_messenger_serializer_new(zend_class_entry *ce, HashTable *allowed)
{
	zend_object *obj = serializer_create(ce);
	if (allowed) {
		zend_string *name;
		ZEND_HASH_FOREACH_STR_KEY(allowed, name) {
			if (name) {
				php_messenger_allow_add(&serializer_from(obj)->allow, name);
			}
		} ZEND_HASH_FOREACH_END();
	}
	return obj;
}

/* __construct(array $options = []) of both serializers */
static void serializer_construct(INTERNAL_FUNCTION_PARAMETERS)
{
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	if (!options) {
		return;
	}
	zend_object *self = Z_OBJ_P(ZEND_THIS);
	static const char *const known[] = { "allowed_classes", NULL };
	zend_string *unknown;
	if (php_messenger_find_unknown_key(options, known, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: unknown option \"%s\" (known: allowed_classes)",
			ZSTR_VAL(self->ce->name), unknown ? ZSTR_VAL(unknown) : "(integer key)");
		RETURN_THROWS();
	}
	zval *allowed = zend_hash_str_find(options, "allowed_classes", sizeof("allowed_classes") - 1);
	if (allowed && !php_messenger_allow_option(&serializer_from(self)->allow, allowed, ZSTR_VAL(self->ce->name))) {
		RETURN_THROWS();
	}
}
/* }}} */

void php_messenger_decoding_failed(zend_object *previous, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *message = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	zend_object *ex = zend_throw_exception(php_messenger_ce_MessageDecodingFailedException, ZSTR_VAL(message), 0);
	zend_string_release(message);
	if (previous) {
		zend_exception_set_previous(ex, previous); /* takes our reference */
	}
}

/* {{{ UndecodableMessage */
/* Sets its three properties (body, headers, error), replacing what they held */
static void undecodable_set(zend_object *obj, zend_string *body, zval *headers, zend_string *error)
{
	zval values[3];
	ZVAL_STR_COPY(&values[0], body);
	ZVAL_COPY(&values[1], headers);
	ZVAL_STR_COPY(&values[2], error);
	for (int i = 0; i < 3; i++) {
		zval *slot = OBJ_PROP_NUM(obj, i);
		zval_ptr_dtor(slot);
		ZVAL_COPY_VALUE(slot, &values[i]);
	}
}

static zend_object *undecodable_new(zend_string *body, zval *headers, zend_string *error)
{
	zval obj;
	object_init_ex(&obj, php_messenger_ce_UndecodableMessage);
	undecodable_set(Z_OBJ(obj), body, headers, error);
	return Z_OBJ(obj);
}

zend_object *php_messenger_decode_received(zend_object *serializer, zval *encoded)
{
	zend_object *envelope = serializer ? php_messenger_serializer_decode(serializer, encoded) : NULL;
	if (envelope) {
		return envelope;
	}
	if (!EG(exception) || !instanceof_function(EG(exception)->ce, php_messenger_ce_MessageDecodingFailedException)) {
		return NULL;
	}
	zend_object *ex;
	php_messenger_take_exception(&ex);
	zval rv, empty, message;
	zval *reason = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
	zval *body = Z_TYPE_P(encoded) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(encoded), "body", 4) : NULL;
	zval *headers = Z_TYPE_P(encoded) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(encoded), "headers", 7) : NULL;
	ZVAL_EMPTY_ARRAY(&empty);
	zend_string *error = zval_get_string(reason);
	ZVAL_OBJ(&message, undecodable_new(body && Z_TYPE_P(body) == IS_STRING ? Z_STR_P(body) : ZSTR_EMPTY_ALLOC(),
		headers && Z_TYPE_P(headers) == IS_ARRAY ? headers : &empty, error));
	zend_string_release(error);
	OBJ_RELEASE(ex);
	envelope = php_messenger_envelope_wrap(&message, NULL);
	zval_ptr_dtor(&message);
	return envelope;
}

zend_object *php_messenger_serializer_or_default(zend_object *given)
{
	if (given) {
		GC_ADDREF(given);
		return given;
	}
	return php_messenger_serializer_new(php_messenger_ce_PhpSerializer, NULL);
}

ZEND_METHOD(Messenger_Transport_Serialization_UndecodableMessage, __construct)
{
	zend_string *body, *error;
	zval *headers;
	ZEND_PARSE_PARAMETERS_START(3, 3)
		Z_PARAM_STR(body)
		Z_PARAM_ARRAY(headers)
		Z_PARAM_STR(error)
	ZEND_PARSE_PARAMETERS_END();
	undecodable_set(Z_OBJ_P(ZEND_THIS), body, headers, error);
}
/* }}} */

/* {{{ PhpSerializer: encoding */
typedef struct {
	php_messenger_allow *allow; /* may be NULL */
	zend_object *envelope;
	bool refused;               /* an exception is set */
} encode_ctx;

/* What decode_class lets through in a value: our own value objects, else what the allow-list
 * allows. */
static bool encodable_value(encode_ctx *c, const char *name, size_t len)
{
	bool symfony;
	zend_class_entry *ours = php_messenger_stamp_by_name(name, len, &symfony);
	if (!c || !c->allow || (ours && !symfony) || name_is(name, len, ZSTR_VAL(php_messenger_ce_Envelope->name), ZSTR_LEN(php_messenger_ce_Envelope->name))) {
		return true;
	}
	zend_string *cname = zend_string_init(name, len, 0);
	zend_class_entry *ce = zend_lookup_class(cname);
	zend_string_release(cname);
	if (!ce) {
		return true; /* serialize() wrote it, so it exists: only an autoloader could say otherwise */
	}
	c->refused = !php_messenger_allow_encoding(c->allow, ce, c->envelope);
	return !c->refused;
}

static int encode_class(void *ctx, int role, const char *name, size_t len, const char **to, size_t *to_len, char *reason)
{
	if (role == MSGR_PHPSER_ROLE_VALUE && !encodable_value(ctx, name, len)) {
		return MSGR_PHPSER_REJECT;
	}
	if (role == MSGR_PHPSER_ROLE_ENVELOPE) {
		*to = SF_ENVELOPE;
		*to_len = sizeof(SF_ENVELOPE) - 1;
		return MSGR_PHPSER_RENAME;
	}
	if (role == MSGR_PHPSER_ROLE_STAMP) {
		bool symfony;
		zend_class_entry *ce = php_messenger_stamp_by_name(name, len, &symfony);
		if (ce && !symfony) {
			*to = php_messenger_stamp_symfony_name(ce);
			*to_len = strlen(*to);
			return MSGR_PHPSER_RENAME;
		}
	}
	return MSGR_PHPSER_KEEP;
}

static int encode_stamp_key(void *ctx, const char *name, size_t len, const char **to, size_t *to_len)
{
	return encode_class(ctx, MSGR_PHPSER_ROLE_STAMP, name, len, to, to_len, NULL);
}

static zend_string *php_encode_general(php_messenger_allow *allow, zend_object *sendable);

static zend_string *buf_to_string(msgr_buf_t *buf)
{
	zend_string *s = zend_string_init(buf->data ? buf->data : "", buf->len, 0);
	msgr_buf_free(buf);
	return s;
}

/* addslashes(), then base64 when that is not UTF-8, as Symfony does */
static zend_string *php_body(const char *serialized, size_t len)
{
	msgr_buf_t escaped = MSGR_BUF_INIT;
	if (msgr_phpser_addslashes(serialized, len, &escaped) != MSGR_OK) {
		msgr_buf_free(&escaped);
		zend_throw_error(NULL, "Out of memory while encoding an envelope");
		return NULL;
	}
	if (!msgr_utf8_valid(escaped.data, escaped.len)) {
		zend_string *b64 = php_base64_encode((const unsigned char *) escaped.data, escaped.len);
		msgr_buf_free(&escaped);
		return b64;
	}
	return buf_to_string(&escaped);
}

/* the escaped text as the body: base64 when it is not UTF-8 */
static zend_string *escaped_body(zend_string *escaped)
{
	if (!msgr_utf8_valid(ZSTR_VAL(escaped), ZSTR_LEN(escaped))) {
		zend_string *b64 = php_base64_encode((const unsigned char *) ZSTR_VAL(escaped), ZSTR_LEN(escaped));
		zend_string_release(escaped);
		return b64;
	}
	return escaped;
}

zend_string *php_messenger_php_encode(php_messenger_allow *allow, zend_object *envelope)
{
	zend_object *sendable = php_messenger_envelope_filter(envelope, php_messenger_stamp_travels);
	/* the fast writer checks every object whole as it writes it; the general path is asked first */
	bool ascii = false;
	zend_string *fast = php_messenger_phpwire_write(sendable, allow, &ascii);
	if (fast || EG(exception) || !php_messenger_encoded_whole(sendable)) {
		OBJ_RELEASE(sendable);
		return fast && !ascii ? escaped_body(fast) : fast;
	}
	return php_encode_general(allow, sendable);
}

/* serialize() of the whole envelope, then the core rewrite to Symfony's names; consumes sendable */
static zend_string *php_encode_general(php_messenger_allow *allow, zend_object *sendable)
{
	smart_str serialized = { 0 };
	php_serialize_data_t var_hash;
	zval zv;
	ZVAL_OBJ(&zv, sendable);
	PHP_VAR_SERIALIZE_INIT(var_hash);
	php_var_serialize(&serialized, &zv, &var_hash);
	PHP_VAR_SERIALIZE_DESTROY(var_hash);
	if (EG(exception)) {
		OBJ_RELEASE(sendable);
		smart_str_free(&serialized);
		return NULL;
	}
	smart_str_0(&serialized);

	encode_ctx ctx = { allow, sendable, false };
	const msgr_phpser_rules_t rules = { &ctx, encode_class, encode_stamp_key, NULL, 0 };
	msgr_buf_t renamed = MSGR_BUF_INIT;
	msgr_error_t err;
	int rc = msgr_phpser_rewrite_envelope(ZSTR_VAL(serialized.s), ZSTR_LEN(serialized.s), &rules, &renamed, &err);
	smart_str_free(&serialized);
	OBJ_RELEASE(sendable);
	if (rc != MSGR_OK) {
		msgr_buf_free(&renamed);
		if (ctx.refused) {
			/* the exception says which class */
		} else if (rc == MSGR_ERR_NOMEM) {
			zend_throw_error(NULL, "Out of memory while encoding an envelope");
		} else {
			/* PHP's own serialize() output: cannot happen unless the two disagree on the format */
			php_messenger_throw(php_messenger_ce_LogicException, "Could not encode the envelope: %s", err.message);
		}
		return NULL;
	}
	zend_string *body = php_body(renamed.data, renamed.len);
	msgr_buf_free(&renamed);
	return body;
}
/* }}} */

/* {{{ PhpSerializer: decoding */
typedef struct {
	php_messenger_allow *allow;
	const char *last_cls; /* prop_fn's last class, and the stamp class it is */
	zend_class_entry *last_ce;
	zend_class_entry *decided; /* the class the last class_fn call let through */
	bool note;                 /* note the classes let through, for the general path's unserialize() */
} decode_ctx;

zend_class_entry *php_messenger_decoded_class(void *ctx)
{
	return ((decode_ctx *) ctx)->decided;
}

/* A class the rewrite lets through: PHP's unserializer may instantiate it. */
static void note_class(decode_ctx *c, const char *name, size_t len)
{
	php_messenger_allow *a = c->allow;
	if (!c->note || zend_hash_str_exists(&a->noted, name, len)) {
		return;
	}
	zend_string *lc = php_messenger_type_key(name, len);
	zend_hash_add_empty_element(&a->unserializable, lc);
	zend_string_release(lc);
	if (zend_hash_num_elements(&a->noted) < ALLOW_CACHE_MAX) {
		zend_hash_str_add_empty_element(&a->noted, name, len);
	}
}

/* A stamp class we can rebuild: ours (under either name), or an allowed class implementing
 * StampInterface. *to is set when it must be renamed. */
static int decode_stamp_class(decode_ctx *c, const char *name, size_t len, const char **to, size_t *to_len, char *reason)
{
	bool symfony;
	zend_class_entry *ce = php_messenger_stamp_by_name(name, len, &symfony);
	c->decided = ce;
	if (ce) {
		*to = ZSTR_VAL(ce->name);
		*to_len = ZSTR_LEN(ce->name);
		note_class(c, *to, *to_len);
		return MSGR_PHPSER_RENAME;
	}
	char ignored[MSGR_ERROR_MAX] = "";
	ce = php_messenger_allow_class(c->allow, name, len, reason ? reason : ignored, MSGR_ERROR_MAX);
	if (ce && instanceof_function(ce, php_messenger_ce_StampInterface)) {
		c->decided = ce;
		note_class(c, name, len);
		return MSGR_PHPSER_KEEP;
	}
	if (ce && reason) {
		snprintf(reason, MSGR_ERROR_MAX, "\"%.*s\" is not a stamp class (Messenger\\Stamp\\StampInterface)", (int) len, name);
	}
	return MSGR_PHPSER_REJECT;
}

static int decode_class(void *ctx, int role, const char *name, size_t len, const char **to, size_t *to_len, char *reason)
{
	decode_ctx *c = ctx;
	c->decided = NULL;
	if (role == MSGR_PHPSER_ROLE_ENVELOPE) {
		if (name_is(name, len, SF_ENVELOPE, sizeof(SF_ENVELOPE) - 1) || name_is(name, len, ZSTR_VAL(php_messenger_ce_Envelope->name), ZSTR_LEN(php_messenger_ce_Envelope->name))) {
			*to = ZSTR_VAL(php_messenger_ce_Envelope->name);
			*to_len = ZSTR_LEN(php_messenger_ce_Envelope->name);
			note_class(c, *to, *to_len);
			return MSGR_PHPSER_RENAME;
		}
		snprintf(reason, MSGR_ERROR_MAX, "Could not decode message into an Envelope: the body holds a serialized \"%.*s\"", (int) (len > 200 ? 200 : len), name);
		return MSGR_PHPSER_REJECT;
	}
	if (role == MSGR_PHPSER_ROLE_STAMP) {
		return decode_stamp_class(c, name, len, to, to_len, reason);
	}
	bool symfony;
	zend_class_entry *stamp = php_messenger_stamp_by_name(name, len, &symfony);
	if ((stamp && !symfony) || name_is(name, len, ZSTR_VAL(php_messenger_ce_Envelope->name), ZSTR_LEN(php_messenger_ce_Envelope->name))) {
		note_class(c, name, len); /* our own value objects */
		return MSGR_PHPSER_KEEP;
	}
	if ((c->decided = php_messenger_allow_class(c->allow, name, len, reason, MSGR_ERROR_MAX))) {
		note_class(c, name, len);
		return MSGR_PHPSER_KEEP;
	}
	return MSGR_PHPSER_REJECT;
}

static int decode_stamp_key(void *ctx, const char *name, size_t len, const char **to, size_t *to_len)
{
	/* stamps of a class we cannot rebuild are left out, as Symfony's own decoders would */
	int verdict = decode_stamp_class(ctx, name, len, to, to_len, NULL);
	return verdict == MSGR_PHPSER_REJECT ? MSGR_PHPSER_DROP : verdict;
}

static bool decode_prop(void *ctx, int role, const char *cls, size_t cls_len, const char *prop, size_t prop_len)
{
	if (role == MSGR_PHPSER_ROLE_ENVELOPE) {
		return (prop_len == 6 && memcmp(prop, "stamps", 6) == 0) || (prop_len == 7 && memcmp(prop, "message", 7) == 0);
	}
	bool symfony;
	decode_ctx *c = ctx;
	if (cls != c->last_cls) {
		/* the rewrite hands the same pointer for every property of one stamp */
		c->last_cls = cls;
		c->last_ce = php_messenger_stamp_by_name(cls, cls_len, &symfony);
	}
	/* our stamps keep the properties they declare; Symfony's extra ones (5.4's
	 * RedeliveryStamp::$flattenException...) are left out */
	return !c->last_ce || zend_hash_str_exists(&c->last_ce->properties_info, prop, prop_len);
}

/* An unserialized Envelope is what we make ourselves: a message object, and stamp lists of
 * the class they are filed under. */
static bool check_decoded(zval *value)
{
	if (Z_TYPE_P(value) != IS_OBJECT || Z_OBJCE_P(value) != php_messenger_ce_Envelope) {
		php_messenger_decoding_failed(NULL, "Could not decode message into an Envelope.");
		return false;
	}
	zend_object *envelope = Z_OBJ_P(value);
	zval *message = php_messenger_envelope_message(envelope);
	zval *stamps = PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS);
	if (Z_TYPE_P(message) != IS_OBJECT) {
		php_messenger_decoding_failed(NULL, "Could not decode Envelope: it has no message");
		return false;
	}
	if (Z_TYPE_P(stamps) != IS_ARRAY) {
		php_messenger_decoding_failed(NULL, "Could not decode Envelope: its stamps are not an array");
		return false;
	}
	zend_string *cls;
	zval *list;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(stamps), cls, list) {
		ZVAL_DEREF(list);
		if (!cls || Z_TYPE_P(list) != IS_ARRAY) {
			php_messenger_decoding_failed(NULL, "Could not decode Envelope: its stamps are not lists filed under their class");
			return false;
		}
		zval *stamp;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), stamp) {
			ZVAL_DEREF(stamp);
			if (Z_TYPE_P(stamp) != IS_OBJECT || !zend_string_equals_ci(Z_OBJCE_P(stamp)->name, cls) ||
				!instanceof_function(Z_OBJCE_P(stamp), php_messenger_ce_StampInterface)) {
				php_messenger_decoding_failed(NULL, "Could not decode Envelope: its \"%s\" list holds something else", ZSTR_VAL(cls));
				return false;
			}
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	return php_messenger_decoded_whole(envelope);
}

/* Whether a base64 text of len bytes can be decoded within memory_limit, and is base64 at all
 * (checked before anything is allocated for it). */
static bool base64_body(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')) {
			php_messenger_decoding_failed(NULL, "Could not decode Envelope: the body is neither serialized PHP (it does not end with \"}\") nor base64 (byte %zu)", i);
			return false;
		}
	}
	if (PG(memory_limit) > 0 && zend_memory_usage(0) + len > (size_t) PG(memory_limit)) {
		php_messenger_decoding_failed(NULL, "Could not decode Envelope: a body of %zu bytes does not fit in memory_limit", len);
		return false;
	}
	return true;
}

/* {{{ whole objects: every declared property of an object made from the wire (or about to be
 * written to it) holds a value. A typed property the body does not hold stays uninitialised,
 * and code reading it (ours: HandledStamp::$handlerName...; an application's handler) meets an
 * object that was never whole. Classes that write and read their own state (__serialize,
 * __unserialize, Serializable) and PHP's own classes other than ours are taken as they come. */
#define WHOLE_DEPTH_MAX 128

static bool own_state(const zend_class_entry *ce)
{
	return ce->__serialize || ce->__unserialize || ce->serialize || ce->unserialize;
}

void php_messenger_property_label(const zend_class_entry *ce, const zend_property_info *info, char *out, size_t out_size)
{
	const char *cls, *name;
	size_t name_len;
	zend_unmangle_property_name_ex(info->name, &cls, &name, &name_len);
	snprintf(out, out_size, "%s::$%.*s", ZSTR_VAL(ce->name), (int) name_len, name);
}

bool php_messenger_whole_class(const zend_class_entry *ce)
{
	if (ce->ce_flags & ZEND_ACC_ENUM) {
		return false;
	}
	if (ce->type == ZEND_INTERNAL_CLASS) {
		bool symfony;
		return ce == php_messenger_ce_Envelope || php_messenger_stamp_by_name(ZSTR_VAL(ce->name), ZSTR_LEN(ce->name), &symfony) == ce;
	}
	return !own_state(ce);
}

/* The first property of value's graph that holds nothing, as "Class::$name" in out. */
static bool find_missing(zval *value, HashTable *seen, int depth, char *out, size_t out_size)
{
	ZVAL_DEREF(value);
	if (depth > WHOLE_DEPTH_MAX) {
		return false;
	}
	if (Z_TYPE_P(value) == IS_ARRAY) {
		/* each array once: a body can make one array reached by many paths (R:, PHP references) */
		if (Z_REFCOUNTED_P(value) && !zend_hash_index_add_empty_element(seen, ((zend_ulong) (uintptr_t) Z_ARR_P(value)) | 1)) {
			return false;
		}
		zval *item;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
			if ((Z_TYPE_P(item) == IS_ARRAY || Z_TYPE_P(item) == IS_OBJECT || Z_TYPE_P(item) == IS_REFERENCE)
					&& find_missing(item, seen, depth + 1, out, out_size)) {
				return true;
			}
		} ZEND_HASH_FOREACH_END();
		return false;
	}
	/* (objects by handle << 1, arrays by address | 1: the keys never meet) */
	if (Z_TYPE_P(value) != IS_OBJECT || !zend_hash_index_add_empty_element(seen, (zend_ulong) Z_OBJ_HANDLE_P(value) << 1)) {
		return false;
	}
	zend_object *obj = Z_OBJ_P(value);
	zend_class_entry *ce = obj->ce;
	if (!php_messenger_whole_class(ce)) {
		return false;
	}
	for (int i = 0; i < ce->default_properties_count; i++) {
		zend_property_info *info = ce->properties_info_table[i];
		if (!info) {
			continue;
		}
		zval *prop = OBJ_PROP(obj, info->offset);
		if (Z_TYPE_P(prop) == IS_UNDEF) {
			php_messenger_property_label(ce, info, out, out_size);
			return true;
		}
		if (find_missing(prop, seen, depth + 1, out, out_size)) {
			return true;
		}
	}
	if (obj->properties) {
		zval *prop;
		ZEND_HASH_FOREACH_VAL(obj->properties, prop) {
			if (Z_TYPE_P(prop) != IS_INDIRECT && find_missing(prop, seen, depth + 1, out, out_size)) {
				return true;
			}
		} ZEND_HASH_FOREACH_END();
	}
	return false;
}

bool php_messenger_whole(zval *value, char *missing, size_t missing_size)
{
	HashTable seen;
	zend_hash_init(&seen, 8, NULL, NULL, 0);
	bool found = find_missing(value, &seen, 0, missing, missing_size);
	zend_hash_destroy(&seen);
	return !found;
}

/* decoding's check: false with a MessageDecodingFailedException naming the property */
bool php_messenger_decoded_whole(zend_object *envelope)
{
	char missing[256];
	zval zv;
	ZVAL_OBJ(&zv, envelope);
	if (php_messenger_whole(&zv, missing, sizeof(missing))) {
		return true;
	}
	php_messenger_decoding_failed(NULL, "Could not decode Envelope: %s holds no value (the body does not have it, or not under its name)", missing);
	return false;
}

void php_messenger_encoding_incomplete(zend_object *envelope, const char *missing)
{
	zval *message = php_messenger_envelope_message(envelope);
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"Cannot encode the %s message: %s is not initialized, and a worker would refuse a message without it",
		Z_TYPE_P(message) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(message)->name) : "", missing);
}

/* encoding's check, of the message and the stamps that travel with it (decoding checks them
 * too): false with an InvalidArgumentException */
bool php_messenger_encoded_whole(zend_object *envelope)
{
	char missing[256];
	bool whole = php_messenger_whole(php_messenger_envelope_message(envelope), missing, sizeof(missing));
	zval *list;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS)), list) {
		zval *stamp;
		if (!whole || Z_TYPE_P(list) != IS_ARRAY) {
			break;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), stamp) {
			if (Z_TYPE_P(stamp) == IS_OBJECT && php_messenger_stamp_travels(Z_OBJCE_P(stamp)) && !php_messenger_whole(stamp, missing, sizeof(missing))) {
				whole = false;
				break;
			}
		} ZEND_HASH_FOREACH_END();
	} ZEND_HASH_FOREACH_END();
	if (!whole) {
		php_messenger_encoding_incomplete(envelope, missing);
	}
	return whole;
}
/* }}} */

static void mark_destructed(zval *value, int depth)
{
	ZVAL_DEREF(value);
	if (depth > 1024) {
		return;
	}
	HashTable *ht = NULL;
	if (Z_TYPE_P(value) == IS_OBJECT) {
		zend_object *obj = Z_OBJ_P(value);
		if (GC_FLAGS(obj) & IS_OBJ_DESTRUCTOR_CALLED) {
			return; /* seen */
		}
		GC_ADD_FLAGS(obj, IS_OBJ_DESTRUCTOR_CALLED);
		if (obj->ce->type == ZEND_USER_CLASS || obj->handlers->get_properties == zend_std_get_properties) {
			ht = obj->handlers->get_properties(obj);
		}
	} else if (Z_TYPE_P(value) == IS_ARRAY) {
		ht = Z_ARRVAL_P(value);
		if (GC_IS_RECURSIVE(ht)) {
			return;
		}
	}
	if (!ht) {
		return;
	}
	bool protect = !(GC_FLAGS(ht) & GC_IMMUTABLE);
	if (protect) {
		GC_PROTECT_RECURSION(ht);
	}
	zval *v;
	ZEND_HASH_FOREACH_VAL_IND(ht, v) {
		mark_destructed(v, depth + 1);
	} ZEND_HASH_FOREACH_END();
	if (protect) {
		GC_UNPROTECT_RECURSION(ht);
	}
}

zend_object *php_messenger_php_decode(php_messenger_allow *allow, HashTable *encoded)
{
	zval *body = zend_hash_str_find_deref(encoded, "body", sizeof("body") - 1);
	if (!body || Z_TYPE_P(body) != IS_STRING || Z_STRLEN_P(body) == 0) {
		php_messenger_decoding_failed(NULL, "Encoded envelope should have at least a \"body\", or maybe you should implement your own serializer.");
		return NULL;
	}
	const char *text = Z_STRVAL_P(body);
	size_t len = Z_STRLEN_P(body);
	zend_string *decoded64 = NULL;
	if (text[len - 1] != '}') {
		/* the first four characters decide before the whole body is read */
		zend_string *head = len >= 4 ? php_base64_decode_ex((const unsigned char *) text, 4, true) : NULL;
		bool envelope = head && (ZSTR_VAL(head)[0] == 'O' || (ZSTR_VAL(head)[0] == '\\' && ZSTR_VAL(head)[1] == 'O'));
		if (head) {
			zend_string_release(head);
		}
		if (!envelope) {
			if (base64_body(text, len)) {
				php_messenger_decoding_failed(NULL, "Could not decode Envelope: the data is not a serialized object");
			}
			return NULL;
		}
		if (!base64_body(text, len)) {
			return NULL;
		}
		decoded64 = php_base64_decode_ex((const unsigned char *) text, len, true);
		if (!decoded64) {
			php_messenger_decoding_failed(NULL, "Could not decode Envelope: the body is not valid base64");
			return NULL;
		}
		text = ZSTR_VAL(decoded64);
		len = ZSTR_LEN(decoded64);
	}
	/* what stripslashes() would begin with: a serialized envelope begins with "O:" */
	char first = text[0] != '\\' ? text[0] : (len > 1 ? (text[1] == '0' ? '\0' : text[1]) : '\0');
	if (first != 'O') {
		if (decoded64) {
			zend_string_release(decoded64);
		}
		php_messenger_decoding_failed(NULL, "Could not decode Envelope: the data is not a serialized object");
		return NULL;
	}
	msgr_buf_t plain = MSGR_BUF_INIT, ours = MSGR_BUF_INIT;
	msgr_error_t err;
	int rc = msgr_phpser_stripslashes(text, len, &plain);
	if (decoded64) {
		zend_string_release(decoded64);
	}
	/* the fast path makes the objects itself: only the general path, which asks the same rules
	 * again, needs the classes noted for PHP's unserialize() */
	decode_ctx ctx = { allow, NULL, NULL, NULL, false };
	msgr_phpser_rules_t rules = { &ctx, decode_class, decode_stamp_key, decode_prop, 0 };
	zval result;
	if (rc == MSGR_OK && php_messenger_phpwire_read(plain.data, plain.len, &rules, &result)) {
		/* the fast path built it under the same rules */
		msgr_buf_free(&plain);
		if (!check_decoded(&result)) {
			mark_destructed(&result, 0);
			zval_ptr_dtor(&result);
			return NULL;
		}
		return Z_OBJ(result);
	}
	if (rc == MSGR_OK) {
		ctx.note = true;
		rc = msgr_phpser_rewrite_envelope(plain.data, plain.len, &rules, &ours, &err);
	} else {
		msgr_error_set(&err, rc, "out of memory");
	}
	msgr_buf_free(&plain);
	if (rc != MSGR_OK || EG(exception)) {
		if (!EG(exception)) {
			php_messenger_decoding_failed(NULL, "Could not decode Envelope: %s", err.message);
		}
		msgr_buf_free(&ours);
		return NULL;
	}

	/* PHP's unserializer, with its own allow-list set to what the rewrite let through and
	 * every warning turned into an exception */
	zend_error_handling eh;
	zend_replace_error_handling(EH_THROW, php_messenger_ce_MessageDecodingFailedException, &eh);
	/* a property the message class does not declare (sent by a newer version of it) becomes a
	 * dynamic property, as with Symfony's PhpSerializer, without PHP 8.2's deprecation notice;
	 * notices (which the rewrite leaves no cause for) do not leak either */
	int reporting = EG(error_reporting);
	EG(error_reporting) &= ~(E_DEPRECATED | E_USER_DEPRECATED | E_NOTICE);
	php_unserialize_data_t var_hash = php_var_unserialize_init();
	php_var_unserialize_set_allowed_classes(var_hash, &allow->unserializable);
	ZVAL_UNDEF(&result);
	const unsigned char *p = (const unsigned char *) ours.data;
	bool ok = php_var_unserialize(&result, &p, p + ours.len, &var_hash) && p == (const unsigned char *) ours.data + ours.len;
	if (!ok || EG(exception)) {
		/* PHP runs the destructor of an object it could not finish (unless it has __wakeup):
		 * nothing we give up on was ever whole, so none of it is destructed */
		mark_destructed(&result, 0);
	}
	php_var_unserialize_destroy(var_hash);
	EG(error_reporting) = reporting;
	zend_restore_error_handling(&eh);
	size_t offset = (size_t) (p - (const unsigned char *) ours.data), total = ours.len;
	msgr_buf_free(&ours);

	if (EG(exception)) {
		zend_object *ex;
		zval_ptr_dtor(&result);
		if (php_messenger_take_exception(&ex)) {
			zval rv;
			zval *message = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
			const char *text = Z_TYPE_P(message) == IS_STRING ? Z_STRVAL_P(message) : "";
			if (ex->ce == php_messenger_ce_MessageDecodingFailedException) {
				/* a warning of the unserializer, thrown as ours: "decode(): Undefined constant..." */
				const char *after = strstr(text, "(): ");
				php_messenger_decoding_failed(NULL, "Could not decode Envelope: %s", after ? after + 4 : text);
				OBJ_RELEASE(ex);
			} else {
				php_messenger_decoding_failed(ex, "Could not decode Envelope: %s", text);
			}
		}
		return NULL;
	}
	if (!ok) {
		zval_ptr_dtor(&result);
		php_messenger_decoding_failed(NULL, "Could not decode Envelope: unserialize() failed at offset %zu of %zu", offset, total);
		return NULL;
	}
	if (!check_decoded(&result)) {
		mark_destructed(&result, 0);
		zval_ptr_dtor(&result);
		return NULL;
	}
	return Z_OBJ(result);
}
/* }}} */

/* {{{ the serializers' ops */
static zend_string *php_encode_body(zend_object *serializer, zend_object *envelope)
{
	return php_messenger_php_encode(&serializer_from(serializer)->allow, envelope);
}

static bool php_encode(zend_object *serializer, zend_object *envelope, zval *encoded)
{
	zend_string *body = php_messenger_php_encode(&serializer_from(serializer)->allow, envelope);
	if (!body) {
		return false;
	}
	array_init_size(encoded, 1);
	add_assoc_str(encoded, "body", body);
	return true;
}

static bool encoded_array(zval *encoded)
{
	if (Z_TYPE_P(encoded) != IS_ARRAY) {
		php_messenger_decoding_failed(NULL, "An encoded envelope must be an array, %s given", zend_zval_type_name(encoded));
		return false;
	}
	return true;
}

static zend_object *php_decode(zend_object *serializer, zval *encoded)
{
	return encoded_array(encoded) ? php_messenger_php_decode(&serializer_from(serializer)->allow, Z_ARRVAL_P(encoded)) : NULL;
}

static bool json_encode_op(zend_object *serializer, zend_object *envelope, zval *encoded)
{
	return php_messenger_json_encode(&serializer_from(serializer)->allow, envelope, encoded);
}

static zend_object *json_decode_op(zend_object *serializer, zval *encoded)
{
	return encoded_array(encoded) ? php_messenger_json_decode(&serializer_from(serializer)->allow, Z_ARRVAL_P(encoded)) : NULL;
}

static const php_messenger_serializer_ops php_ops = { "php", php_encode, php_decode, php_encode_body };
static const php_messenger_serializer_ops json_ops = { "json", json_encode_op, json_decode_op, NULL };

/* a serializer written in PHP: its encode() and decode(), their results checked */
static bool adapter_encode(zend_object *serializer, zend_object *envelope, zval *encoded)
{
	zval env;
	ZVAL_OBJ(&env, envelope);
	zend_call_method_with_1_params(serializer, serializer->ce, NULL, "encode", encoded, &env);
	if (EG(exception)) {
		zval_ptr_dtor(encoded);
		return false;
	}
	zval *body = Z_TYPE_P(encoded) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(encoded), "body", 4) : NULL;
	zval *headers = Z_TYPE_P(encoded) == IS_ARRAY ? zend_hash_str_find_deref(Z_ARRVAL_P(encoded), "headers", 7) : NULL;
	if (!body || Z_TYPE_P(body) != IS_STRING || (headers && Z_TYPE_P(headers) != IS_ARRAY)) {
		php_messenger_throw(php_messenger_ce_LogicException,
			"%s::encode() must return an array with a string \"body\" and optional \"headers\" array, %s returned",
			ZSTR_VAL(serializer->ce->name), zend_zval_type_name(encoded));
		zval_ptr_dtor(encoded);
		return false;
	}
	return true;
}

static zend_object *adapter_decode(zend_object *serializer, zval *encoded)
{
	zval rv;
	zend_call_method_with_1_params(serializer, serializer->ce, NULL, "decode", &rv, encoded);
	if (EG(exception)) {
		zval_ptr_dtor(&rv);
		return NULL;
	}
	if (Z_TYPE(rv) != IS_OBJECT || Z_OBJCE(rv) != php_messenger_ce_Envelope) {
		php_messenger_throw(php_messenger_ce_LogicException, "%s::decode() must return a Messenger\\Envelope, %s returned",
			ZSTR_VAL(serializer->ce->name), zend_zval_type_name(&rv));
		zval_ptr_dtor(&rv);
		return NULL;
	}
	return Z_OBJ(rv);
}

static const php_messenger_serializer_ops adapter_ops = { NULL, adapter_encode, adapter_decode, NULL };

const php_messenger_serializer_ops *php_messenger_serializer_ops_of(zend_object *serializer)
{
	return serializer->handlers == &serializer_handlers ? serializer_from(serializer)->ops : &adapter_ops;
}

bool php_messenger_serializer_encode(zend_object *serializer, zend_object *envelope, zval *encoded)
{
	return php_messenger_serializer_ops_of(serializer)->encode(serializer, envelope, encoded);
}

zend_object *php_messenger_serializer_decode(zend_object *serializer, zval *encoded)
{
	return php_messenger_serializer_ops_of(serializer)->decode(serializer, encoded);
}

void php_messenger_serializer_allow(zend_object *serializer, zend_string *name)
{
	if (serializer->handlers == &serializer_handlers) {
		php_messenger_allow_add(&serializer_from(serializer)->allow, name);
	}
}
/* }}} */

ZEND_METHOD(Messenger_Transport_Serialization_PhpSerializer, __construct)
{
	serializer_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

ZEND_METHOD(Messenger_Transport_Serialization_PhpSerializer, encode)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	if (!php_encode(Z_OBJ_P(ZEND_THIS), envelope, return_value)) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(Messenger_Transport_Serialization_PhpSerializer, decode)
{
	HashTable *encoded;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(encoded)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *envelope = php_messenger_php_decode(&serializer_from(Z_OBJ_P(ZEND_THIS))->allow, encoded);
	if (!envelope) {
		RETURN_THROWS();
	}
	RETURN_OBJ(envelope);
}

ZEND_METHOD(Messenger_Transport_Serialization_JsonSerializer, __construct)
{
	serializer_construct(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

void php_messenger_register_serializer(void)
{
	php_messenger_ce_SerializerInterface = register_class_Messenger_Transport_Serialization_SerializerInterface();
	php_messenger_ce_PhpSerializer = register_class_Messenger_Transport_Serialization_PhpSerializer(php_messenger_ce_SerializerInterface);
	php_messenger_ce_JsonSerializer = register_class_Messenger_Transport_Serialization_JsonSerializer(php_messenger_ce_SerializerInterface);
	php_messenger_ce_UndecodableMessage = register_class_Messenger_Transport_Serialization_UndecodableMessage();
	stamp_index_init();
	php_messenger_ce_PhpSerializer->create_object = serializer_create;
	php_messenger_ce_JsonSerializer->create_object = serializer_create;
	memcpy(&serializer_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	serializer_handlers.offset = XtOffsetOf(php_messenger_serializer, std);
	serializer_handlers.free_obj = serializer_free;
	serializer_handlers.clone_obj = NULL;
}
