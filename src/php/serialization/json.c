/* JsonSerializer: Symfony's Serializer JSON format.
 *   body: the message's properties as JSON (dates as RFC 3339, backed enums as their value,
 *         nested objects as their properties);
 *   headers: "type" (the message class), "X-Message-Stamp-<class>" (a JSON list of the stamps
 *         of that class, under Symfony's class name when Symfony has it), "Content-Type".
 * Decoding follows the declared property types of the (allowed) message class and does not
 * call its constructor, as Symfony's ObjectNormalizer does not when the properties match. */
#include "php/serialization/serialization.h"
#include "ext/standard/base64.h"
#include "core/codec/phpser.h"
#include "ext/json/php_json.h"
#include "ext/date/php_date.h"
#include "zend_enum.h"
#include "zend_closures.h"
#include "zend_smart_str.h"

#define STAMP_HEADER "X-Message-Stamp-"
#define MAX_DEPTH 512

/* {{{ encoding */
static bool normalize(smart_str *buf, zval *value, int depth);

/* Whether the decoder builds objects of ce, as far as being internal goes: of PHP's and ours only
 * stdClass, UndecodableMessage and stamps; the encoder refuses what it would not build */
static bool json_builds_internal(zend_class_entry *ce)
{
	return ce->type != ZEND_INTERNAL_CLASS || ce == zend_standard_class_def || ce == php_messenger_ce_UndecodableMessage
		|| instanceof_function(ce, php_messenger_ce_StampInterface);
}

static bool encode_error(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
static bool encode_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *message = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Could not encode message to JSON: %s", ZSTR_VAL(message));
	zend_string_release(message);
	return false;
}

static bool normalize_string(smart_str *buf, zend_string *s)
{
	if (!msgr_utf8_valid(ZSTR_VAL(s), ZSTR_LEN(s))) {
		return encode_error("a string is not valid UTF-8");
	}
	zval zv;
	ZVAL_STR(&zv, s);
	return php_json_encode(buf, &zv, 0) == SUCCESS;
}

static void key_json(smart_str *buf, const char *key, size_t len)
{
	zval zv;
	ZVAL_STRINGL(&zv, key, len);
	php_json_encode(buf, &zv, 0);
	zval_ptr_dtor(&zv);
	smart_str_appendc(buf, ':');
}

static bool normalize_array(smart_str *buf, HashTable *ht, int depth)
{
	bool list = zend_array_is_list(ht);
	smart_str_appendc(buf, list ? '[' : '{');
	bool first = true;
	zend_ulong index;
	zend_string *key;
	zval *v;
	ZEND_HASH_FOREACH_KEY_VAL(ht, index, key, v) {
		if (!first) {
			smart_str_appendc(buf, ',');
		}
		first = false;
		if (!list) {
			if (key) {
				if (!msgr_utf8_valid(ZSTR_VAL(key), ZSTR_LEN(key))) {
					return encode_error("an array key is not valid UTF-8");
				}
				key_json(buf, ZSTR_VAL(key), ZSTR_LEN(key));
			} else {
				char digits[MAX_LENGTH_OF_LONG + 1];
				int n = snprintf(digits, sizeof(digits), ZEND_ULONG_FMT, index);
				key_json(buf, digits, (size_t) n);
			}
		}
		if (!normalize(buf, v, depth + 1)) {
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	smart_str_appendc(buf, list ? ']' : '}');
	return true;
}

static bool normalize_date(smart_str *buf, zend_object *date)
{
	zval rv, format;
	ZVAL_STRINGL(&format, "Y-m-d\\TH:i:sP", sizeof("Y-m-d\\TH:i:sP") - 1);
	zend_call_method_with_1_params(date, date->ce, NULL, "format", &rv, &format);
	zval_ptr_dtor(&format);
	if (EG(exception) || Z_TYPE(rv) != IS_STRING) {
		zval_ptr_dtor(&rv);
		return false;
	}
	php_json_encode(buf, &rv, 0);
	zval_ptr_dtor(&rv);
	return true;
}

static bool normalize_object(smart_str *buf, zend_object *obj, int depth)
{
	zend_class_entry *ce = obj->ce;
	if (instanceof_function(ce, php_date_get_interface_ce())) {
		return normalize_date(buf, obj);
	}
	if (ce->ce_flags & ZEND_ACC_ENUM) {
		if (ce->enum_backing_type == IS_UNDEF) {
			return encode_error("the case of %s is not a backed enum", ZSTR_VAL(ce->name));
		}
		return normalize(buf, zend_enum_fetch_case_value(obj), depth + 1);
	}
	if (ce == zend_ce_closure) {
		return encode_error("a Closure cannot be encoded");
	}
	if (!json_builds_internal(ce)) {
		/* the decoder would not build it: it would never come out of the queue (the php serializer keeps it) */
		return encode_error("the internal class %s cannot be decoded from JSON (the php serializer can send it)", ZSTR_VAL(ce->name));
	}
	if (GC_IS_RECURSIVE(obj)) {
		return encode_error("a circular reference through %s", ZSTR_VAL(ce->name));
	}
	HashTable *props = obj->handlers->get_properties(obj);
	GC_PROTECT_RECURSION(obj);
	smart_str_appendc(buf, '{');
	bool first = true, ok = true;
	zend_string *key;
	zval *v;
	ZEND_HASH_FOREACH_STR_KEY_VAL_IND(props, key, v) {
		if (Z_TYPE_P(v) == IS_UNDEF) {
			continue; /* an uninitialized typed property */
		}
		const char *cls, *name;
		size_t name_len;
		if (key) {
			zend_unmangle_property_name_ex(key, &cls, &name, &name_len);
		} else {
			continue;
		}
		if (!first) {
			smart_str_appendc(buf, ',');
		}
		first = false;
		if (ce == php_messenger_ce_UndecodableMessage && Z_TYPE_P(v) == IS_STRING && name_len == 4 && memcmp(name, "body", 4) == 0
				&& !msgr_utf8_valid(Z_STRVAL_P(v), Z_STRLEN_P(v))) {
			/* what could not be decoded may be any bytes: JSON holds them as base64 */
			key_json(buf, "body_base64", sizeof("body_base64") - 1);
			zend_string *b64 = php_base64_encode((const unsigned char *) Z_STRVAL_P(v), Z_STRLEN_P(v));
			ok = normalize_string(buf, b64);
			zend_string_release(b64);
			if (!ok) {
				break;
			}
			continue;
		}
		key_json(buf, name, name_len);
		if (!(ok = normalize(buf, v, depth + 1))) {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	GC_UNPROTECT_RECURSION(obj);
	smart_str_appendc(buf, '}');
	return ok;
}

static bool normalize(smart_str *buf, zval *value, int depth)
{
	if (depth > MAX_DEPTH) {
		return encode_error("nested deeper than %d levels", MAX_DEPTH);
	}
	ZVAL_DEREF(value);
	switch (Z_TYPE_P(value)) {
	case IS_STRING:
		return normalize_string(buf, Z_STR_P(value));
	case IS_DOUBLE:
		if (!zend_finite(Z_DVAL_P(value))) {
			return encode_error("INF and NAN cannot be JSON encoded");
		}
		ZEND_FALLTHROUGH;
	case IS_NULL:
	case IS_FALSE:
	case IS_TRUE:
	case IS_LONG:
		return php_json_encode(buf, value, 0) == SUCCESS;
	case IS_ARRAY:
		return normalize_array(buf, Z_ARRVAL_P(value), depth);
	case IS_OBJECT:
		return normalize_object(buf, Z_OBJ_P(value), depth);
	default:
		return encode_error("a %s cannot be encoded", zend_zval_type_name(value));
	}
}

static bool json_of(zval *value, zend_string **out)
{
	smart_str buf = { 0 };
	if (!normalize(&buf, value, 0)) {
		smart_str_free(&buf);
		if (!EG(exception)) {
			encode_error("unknown error");
		}
		return false;
	}
	*out = smart_str_extract(&buf);
	return true;
}

bool php_messenger_json_encode(php_messenger_allow *allow, zend_object *envelope, zval *encoded)
{
	zval *message = php_messenger_envelope_message(envelope);
	zend_string *body;
	/* decoding makes the message's class from the type header and what it holds from its
	 * declared property types (whose classes are allowed with it): the class is what to ask */
	if (!php_messenger_allow_encoding(allow, Z_OBJCE_P(message), envelope) || !php_messenger_encoded_whole(envelope) || !json_of(message, &body)) {
		return false;
	}
	zval headers;
	array_init(&headers);
	add_assoc_str(&headers, "type", zend_string_copy(Z_OBJCE_P(message)->name));
	zend_string *cls;
	zval *list;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS)), cls, list) {
		zval *first = zend_hash_index_find(Z_ARRVAL_P(list), 0);
		if (!first) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), first) { break; } ZEND_HASH_FOREACH_END();
		}
		if (!cls || !first || Z_TYPE_P(first) != IS_OBJECT || !php_messenger_stamp_travels(Z_OBJCE_P(first))) {
			continue;
		}
		const char *symfony = php_messenger_stamp_symfony_name(Z_OBJCE_P(first));
		zend_string *name = symfony ? zend_strpprintf(0, STAMP_HEADER "%s", symfony) : zend_strpprintf(0, STAMP_HEADER "%s", ZSTR_VAL(cls));
		zend_string *json;
		if (!json_of(list, &json)) {
			zend_string_release(name);
			zend_string_release(body);
			zval_ptr_dtor(&headers);
			return false;
		}
		zval v;
		ZVAL_STR(&v, json);
		zend_hash_update(Z_ARRVAL(headers), name, &v);
		zend_string_release(name);
	} ZEND_HASH_FOREACH_END();
	add_assoc_string(&headers, "Content-Type", "application/json");
	array_init_size(encoded, 2);
	add_assoc_str(encoded, "body", body);
	add_assoc_zval(encoded, "headers", &headers);
	return true;
}
/* }}} */

/* {{{ decoding */
typedef struct {
	php_messenger_allow *allow;
	const char *what;   /* "message" or "stamp", for the error */
	HashTable created;  /* every object made, with a reference of ours: on failure none of them
	                     * runs a destructor (none was constructed) */
} dn_ctx;

static void dn_init(dn_ctx *c, php_messenger_allow *allow, const char *what)
{
	c->allow = allow;
	c->what = what;
	zend_hash_init(&c->created, 8, NULL, NULL, 0);
}

static void dn_track(dn_ctx *c, zval *obj)
{
	GC_ADDREF(Z_OBJ_P(obj));
	zend_hash_next_index_insert_ptr(&c->created, Z_OBJ_P(obj));
}

/* Drops our references; when the decoding failed, first marks every object as destructed. */
static void dn_done(dn_ctx *c, bool failed)
{
	zend_object *obj;
	ZEND_HASH_FOREACH_PTR(&c->created, obj) {
		if (failed) {
			GC_ADD_FLAGS(obj, IS_OBJ_DESTRUCTOR_CALLED);
		}
		OBJ_RELEASE(obj);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&c->created);
}

static bool dn_error(dn_ctx *c, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
static bool dn_error(dn_ctx *c, const char *fmt, ...)
{
	if (EG(exception)) {
		return false;
	}
	va_list ap;
	va_start(ap, fmt);
	zend_string *message = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	php_messenger_decoding_failed(NULL, "Could not decode %s: %s", c->what, ZSTR_VAL(message));
	zend_string_release(message);
	return false;
}

static bool parse_json(dn_ctx *c, zend_string *text, zval *out)
{
	if (php_json_decode_ex(out, ZSTR_VAL(text), ZSTR_LEN(text), PHP_JSON_OBJECT_AS_ARRAY, MAX_DEPTH) == FAILURE) {
		php_json_error_code code = JSON_G(error_code);
		JSON_G(error_code) = PHP_JSON_ERROR_NONE;
		return dn_error(c, "%s", php_messenger_json_error_text(code));
	}
	return true;
}

static bool denormalize_object(dn_ctx *c, zend_class_entry *ce, zval *data, zval *out, int depth);

static bool make_date(dn_ctx *c, zend_class_entry *ce, zval *value, zval *out)
{
	if (ce == php_date_get_interface_ce()) {
		ce = php_date_get_immutable_ce();
	}
	php_date_instantiate(ce, out);
	if (!php_date_initialize(Z_PHPDATE_P(out), Z_STRVAL_P(value), Z_STRLEN_P(value), NULL, NULL, PHP_DATE_INIT_CTOR)) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		zend_object *ex;
		if (php_messenger_take_exception(&ex)) {
			OBJ_RELEASE(ex);
		}
		return dn_error(c, "\"%s\" is not a date", Z_STRVAL_P(value));
	}
	return true;
}

/* Converts a decoded JSON value to what a property of this type holds. */
static bool denormalize_typed(dn_ctx *c, zend_type type, zval *value, zval *out, const char *owner, const char *prop, int depth)
{
	if (!ZEND_TYPE_IS_SET(type)) {
		ZVAL_COPY(out, value);
		return true;
	}
	uint32_t mask = ZEND_TYPE_PURE_MASK(type);
	switch (Z_TYPE_P(value)) {
	case IS_NULL:
		if (mask & MAY_BE_NULL) {
			ZVAL_NULL(out);
			return true;
		}
		break;
	case IS_LONG:
		if (mask & MAY_BE_LONG) {
			ZVAL_COPY_VALUE(out, value);
			return true;
		}
		if (mask & MAY_BE_DOUBLE) {
			ZVAL_DOUBLE(out, (double) Z_LVAL_P(value));
			return true;
		}
		break;
	case IS_DOUBLE:
		if (mask & MAY_BE_DOUBLE) {
			ZVAL_COPY_VALUE(out, value);
			return true;
		}
		break;
	case IS_STRING:
		if (mask & MAY_BE_STRING) {
			ZVAL_COPY(out, value);
			return true;
		}
		break;
	case IS_TRUE:
	case IS_FALSE:
		if (mask & (Z_TYPE_P(value) == IS_TRUE ? MAY_BE_TRUE : MAY_BE_FALSE)) {
			ZVAL_COPY_VALUE(out, value);
			return true;
		}
		break;
	case IS_ARRAY:
		if (mask & MAY_BE_ARRAY) {
			ZVAL_COPY(out, value);
			return true;
		}
		break;
	}
	/* the classes the type names, in order: the first that fits the value */
	zend_type single_types[1] = { type };
	zend_type *list_begin = single_types, *list_end = single_types + 1;
	if (ZEND_TYPE_HAS_LIST(type)) {
		list_begin = ZEND_TYPE_LIST(type)->types;
		list_end = list_begin + ZEND_TYPE_LIST(type)->num_types;
	}
	for (zend_type *t = list_begin; t < list_end; t++) {
		if (!ZEND_TYPE_HAS_NAME(*t)) {
			continue;
		}
		zend_string *name = ZEND_TYPE_NAME(*t);
		char reason[MSGR_ERROR_MAX] = "";
		zend_class_entry *ce = php_messenger_allow_class(c->allow, ZSTR_VAL(name), ZSTR_LEN(name), reason, sizeof(reason));
		if (!ce) {
			if (EG(exception)) {
				return false;
			}
			continue;
		}
		if (instanceof_function(ce, php_date_get_interface_ce()) && Z_TYPE_P(value) == IS_STRING) {
			return make_date(c, ce, value, out);
		}
		if ((ce->ce_flags & ZEND_ACC_ENUM) && ce->enum_backing_type != IS_UNDEF &&
			(Z_TYPE_P(value) == IS_LONG || Z_TYPE_P(value) == IS_STRING)) {
			zend_object *found;
			if (Z_TYPE_P(value) != ce->enum_backing_type ||
				zend_enum_get_case_by_value(&found, ce, Z_TYPE_P(value) == IS_LONG ? Z_LVAL_P(value) : 0,
					Z_TYPE_P(value) == IS_STRING ? Z_STR_P(value) : NULL, true) == FAILURE || !found) {
				return dn_error(c, "%s is not a value of the enum %s (property \"%s::$%s\")",
					Z_TYPE_P(value) == IS_STRING ? Z_STRVAL_P(value) : "the number", ZSTR_VAL(ce->name), owner, prop);
			}
			ZVAL_OBJ_COPY(out, found);
			return true;
		}
		if (Z_TYPE_P(value) == IS_ARRAY && !(ce->ce_flags & ZEND_ACC_ENUM)) {
			return denormalize_object(c, ce, value, out, depth + 1);
		}
	}
	zend_string *expected = zend_type_to_string(type);
	dn_error(c, "The type of the \"%s\" attribute for class \"%s\" must be one of \"%s\" (\"%s\" given).",
		prop, owner, ZSTR_VAL(expected), zend_zval_type_name(value));
	zend_string_release(expected);
	return false;
}

/* The default of the constructor parameter a promoted property comes from, as Symfony's
 * ObjectNormalizer passes it when the body lacks the property. */
static bool promoted_default(zend_class_entry *ce, zend_string *name, zval *out)
{
	zend_function *ctor = ce->constructor;
	if (!ctor || ctor->type != ZEND_USER_FUNCTION) {
		return false;
	}
	for (uint32_t i = 0; i < ctor->common.num_args; i++) {
		if (!zend_string_equals(ctor->op_array.vars[i], name)) {
			continue;
		}
		for (uint32_t k = 0; k < ctor->op_array.last; k++) {
			zend_op *op = &ctor->op_array.opcodes[k];
			if (op->opcode == ZEND_RECV_INIT && op->op1.num == i + 1) {
				ZVAL_COPY(out, RT_CONSTANT(op, op->op2));
				if (Z_TYPE_P(out) == IS_CONSTANT_AST && zval_update_constant_ex(out, ce) != SUCCESS) {
					zval_ptr_dtor(out);
					ZVAL_UNDEF(out);
					return false;
				}
				return true;
			}
		}
		return false;
	}
	return false;
}

static bool denormalize_object(dn_ctx *c, zend_class_entry *ce, zval *data, zval *out, int depth)
{
	if (depth > MAX_DEPTH) {
		return dn_error(c, "nested deeper than %d levels", MAX_DEPTH);
	}
	if (ce->ce_flags & (ZEND_ACC_INTERFACE | ZEND_ACC_TRAIT | ZEND_ACC_EXPLICIT_ABSTRACT_CLASS | ZEND_ACC_ENUM)) {
		return dn_error(c, "%s cannot be instantiated", ZSTR_VAL(ce->name));
	}
	if (!json_builds_internal(ce)) {
		return dn_error(c, "the internal class %s cannot be built from JSON", ZSTR_VAL(ce->name));
	}
	if (Z_TYPE_P(data) != IS_ARRAY) {
		return dn_error(c, "%s must be a JSON object, %s given", ZSTR_VAL(ce->name), zend_zval_type_name(data));
	}
	if (object_init_ex(out, ce) != SUCCESS) {
		return false;
	}
	dn_track(c, out);
	zend_object *obj = Z_OBJ_P(out);
	if (ce == zend_standard_class_def) {
		zend_string *key;
		zend_ulong index;
		zval *v;
		ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(data), index, key, v) {
			/* PHP refuses a property name that is empty or begins with NUL (an Error, which
			 * must not escape a decoder); a key like "0" came out of json_decode as an integer */
			zend_string *name = key ? zend_string_copy(key) : zend_long_to_str((zend_long) index);
			if (ZSTR_LEN(name) == 0 || ZSTR_VAL(name)[0] == '\0') {
				zend_string_release(name);
				return dn_error(c, "stdClass: a property name must not be empty or begin with a NUL byte");
			}
			zend_std_write_property(obj, name, v, NULL);
			zend_string_release(name);
			if (EG(exception)) {
				return false;
			}
		} ZEND_HASH_FOREACH_END();
		return true;
	}
	zend_string *name;
	zend_property_info *info;
	ZEND_HASH_FOREACH_STR_KEY_PTR(&ce->properties_info, name, info) {
		if (info->flags & ZEND_ACC_STATIC) {
			continue;
		}
		zval *slot = OBJ_PROP(obj, info->offset);
		zval *v = zend_hash_find(Z_ARRVAL_P(data), name);
		zval raw;
		ZVAL_UNDEF(&raw);
		if (!v && ce == php_messenger_ce_UndecodableMessage && zend_string_equals_literal(name, "body")) {
			/* a body that is not UTF-8 travels as base64 */
			zval *b64 = zend_hash_str_find(Z_ARRVAL_P(data), "body_base64", sizeof("body_base64") - 1);
			zend_string *bytes = b64 && Z_TYPE_P(b64) == IS_STRING
				? php_base64_decode_ex((const unsigned char *) Z_STRVAL_P(b64), Z_STRLEN_P(b64), true) : NULL;
			if (b64 && !bytes) {
				dn_error(c, "the \"body_base64\" attribute of class \"%s\" is not base64", ZSTR_VAL(ce->name));
				zval_ptr_dtor(out);
				ZVAL_UNDEF(out);
				return false;
			}
			if (bytes) {
				ZVAL_STR(&raw, bytes);
				v = &raw;
			}
		}
		if (!v) {
			if (Z_TYPE_P(slot) != IS_UNDEF) {
				continue; /* has a default */
			}
			if ((info->flags & ZEND_ACC_PROMOTED) && promoted_default(ce, name, slot)) {
				Z_PROP_FLAG_P(slot) &= ~IS_PROP_UNINIT;
				continue;
			}
			if (EG(exception)) {
				zval_ptr_dtor(out);
				ZVAL_UNDEF(out);
				return false;
			}
			if (ZEND_TYPE_IS_SET(info->type) && (ZEND_TYPE_PURE_MASK(info->type) & MAY_BE_NULL)) {
				ZVAL_NULL(slot);
				Z_PROP_FLAG_P(slot) &= ~IS_PROP_UNINIT;
				continue;
			}
			dn_error(c, "the \"%s\" attribute of class \"%s\" is missing", ZSTR_VAL(name), ZSTR_VAL(ce->name));
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			return false;
		}
		zval converted;
		bool typed = denormalize_typed(c, info->type, v, &converted, ZSTR_VAL(ce->name), ZSTR_VAL(name), depth);
		zval_ptr_dtor(&raw);
		if (!typed) {
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			return false;
		}
		zval_ptr_dtor(slot);
		ZVAL_COPY_VALUE(slot, &converted);
		Z_PROP_FLAG_P(slot) &= ~IS_PROP_UNINIT;
	} ZEND_HASH_FOREACH_END();
	return true;
}

static bool decode_stamps(dn_ctx *cm, HashTable *headers, zval *stamps)
{
	php_messenger_allow *allow = cm->allow;
	dn_ctx *c = cm;
	c->what = "stamp";
	zend_string *key;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(headers, key, value) {
		if (!key || ZSTR_LEN(key) <= sizeof(STAMP_HEADER) - 1 || memcmp(ZSTR_VAL(key), STAMP_HEADER, sizeof(STAMP_HEADER) - 1) != 0) {
			continue;
		}
		const char *cls = ZSTR_VAL(key) + sizeof(STAMP_HEADER) - 1;
		size_t cls_len = ZSTR_LEN(key) - (sizeof(STAMP_HEADER) - 1);
		bool symfony;
		zend_class_entry *ce = php_messenger_stamp_by_name(cls, cls_len, &symfony);
		if (!ce) {
			char reason[MSGR_ERROR_MAX] = "";
			ce = php_messenger_allow_class(allow, cls, cls_len, reason, sizeof(reason));
			if (EG(exception)) {
				return false;
			}
			if (!ce || !instanceof_function(ce, php_messenger_ce_StampInterface)) {
				continue; /* a stamp class we cannot rebuild: left out */
			}
		}
		ZVAL_DEREF(value);
		if (Z_TYPE_P(value) != IS_STRING) {
			return dn_error(c, "the header \"%s\" is not a string", ZSTR_VAL(key));
		}
		zval list;
		if (!parse_json(c, Z_STR_P(value), &list)) {
			return false;
		}
		if (Z_TYPE(list) != IS_ARRAY) {
			zval_ptr_dtor(&list);
			return dn_error(c, "the header \"%s\" is not a JSON list of stamps", ZSTR_VAL(key));
		}
		zval *item;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), item) {
			zval stamp;
			if (!denormalize_object(c, ce, item, &stamp, 1)) {
				zval_ptr_dtor(&list);
				return false;
			}
			zend_hash_next_index_insert_new(Z_ARRVAL_P(stamps), &stamp);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&list);
	} ZEND_HASH_FOREACH_END();
	return true;
}

zend_object *php_messenger_json_decode(php_messenger_allow *allow, HashTable *encoded)
{
	zval *body = zend_hash_str_find_deref(encoded, "body", sizeof("body") - 1);
	zval *headers = zend_hash_str_find_deref(encoded, "headers", sizeof("headers") - 1);
	if (!body || Z_TYPE_P(body) != IS_STRING || Z_STRLEN_P(body) == 0 || !headers || Z_TYPE_P(headers) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(headers)) == 0) {
		php_messenger_decoding_failed(NULL, "Encoded envelope should have at least a \"body\" and some \"headers\", or maybe you should implement your own serializer.");
		return NULL;
	}
	zval *type = zend_hash_str_find_deref(Z_ARRVAL_P(headers), "type", sizeof("type") - 1);
	if (!type || Z_TYPE_P(type) != IS_STRING || Z_STRLEN_P(type) == 0) {
		php_messenger_decoding_failed(NULL, "Encoded envelope does not have a \"type\" header.");
		return NULL;
	}
	dn_ctx c;
	dn_init(&c, allow, "stamp");
	zval stamps, data, message;
	array_init(&stamps);
	ZVAL_UNDEF(&message);
	if (decode_stamps(&c, Z_ARRVAL_P(headers), &stamps)) {
		c.what = "message";
		char reason[MSGR_ERROR_MAX] = "";
		zend_class_entry *ce = php_messenger_allow_class(allow, Z_STRVAL_P(type), Z_STRLEN_P(type), reason, sizeof(reason));
		if (!ce) {
			dn_error(&c, "%s", reason);
		} else if (parse_json(&c, Z_STR_P(body), &data)) {
			denormalize_object(&c, ce, &data, &message, 0);
			zval_ptr_dtor(&data);
		}
	}
	bool failed = Z_TYPE(message) == IS_UNDEF || EG(exception);
	zend_object *envelope = failed ? NULL : php_messenger_envelope_wrap(&message, Z_ARRVAL(stamps));
	if (envelope && !php_messenger_decoded_whole(envelope)) {
		OBJ_RELEASE(envelope);
		envelope = NULL;
		failed = true;
	}
	zval_ptr_dtor(&message);
	zval_ptr_dtor(&stamps);
	dn_done(&c, failed);
	return envelope;
}
/* }}} */

ZEND_METHOD(Messenger_Transport_Serialization_JsonSerializer, encode)
{
	zend_object *envelope;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(envelope, php_messenger_ce_Envelope)
	ZEND_PARSE_PARAMETERS_END();
	if (!php_messenger_json_encode(&php_messenger_serializer_of(Z_OBJ_P(ZEND_THIS))->allow, envelope, return_value)) {
		RETURN_THROWS();
	}
}

ZEND_METHOD(Messenger_Transport_Serialization_JsonSerializer, decode)
{
	HashTable *encoded;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(encoded)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *envelope = php_messenger_json_decode(&php_messenger_serializer_of(Z_OBJ_P(ZEND_THIS))->allow, encoded);
	if (!envelope) {
		RETURN_THROWS();
	}
	RETURN_OBJ(envelope);
}
