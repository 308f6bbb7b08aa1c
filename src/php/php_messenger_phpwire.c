/* PhpSerializer's fast path: writes addslashes(serialize()) of an Envelope with Symfony's
 * class names directly, in one pass, for the shapes messages usually have (scalars, arrays,
 * plain objects, enums, dates, our stamps). The output is byte for byte what PHP's serialize(),
 * the core rewrite and addslashes() give (the tests compare it with Symfony's); anything else
 * (PHP references, __serialize, __sleep, Serializable, dynamic properties, other internal
 * classes) makes it give up, and the caller takes the general path. */
#include "php_messenger_internal.h"
#include "ext/date/php_date.h"
#include "zend_enum.h"
#include "zend_smart_str.h"

#define SF_ENVELOPE "Symfony\\Component\\Messenger\\Envelope"

typedef struct {
	smart_str buf;
	HashTable seen; /* object handle => its slot, for r: */
	uint32_t slots;
	int depth;
} wr_t;

static bool wr_value(wr_t *w, zval *v);

/* addslashes() of bytes, appended */
static void esc(wr_t *w, const char *s, size_t len)
{
	char *dst = smart_str_extend(&w->buf, 2 * len);
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == '\0') {
			*dst++ = '\\';
			*dst++ = '0';
		} else if (c == '"' || c == '\'' || c == '\\') {
			*dst++ = '\\';
			*dst++ = c;
		} else {
			*dst++ = c;
		}
	}
	/* give back what was not used */
	ZSTR_LEN(w->buf.s) -= (size_t) (ZSTR_VAL(w->buf.s) + ZSTR_LEN(w->buf.s) - dst);
}

/* s:N:"..."; (escaped: s:N:\"...\";) */
static void wr_string(wr_t *w, const char *s, size_t len)
{
	smart_str_appendl(&w->buf, "s:", 2);
	smart_str_append_unsigned(&w->buf, len);
	smart_str_appendl(&w->buf, ":\\\"", 3);
	esc(w, s, len);
	smart_str_appendl(&w->buf, "\\\";", 3);
}

/* "\0Class\0prop" */
static void wr_private_key(wr_t *w, const char *cls, size_t cls_len, const char *prop, size_t prop_len)
{
	smart_str_appendl(&w->buf, "s:", 2);
	smart_str_append_unsigned(&w->buf, cls_len + prop_len + 2);
	smart_str_appendl(&w->buf, ":\\\"\\0", 5);
	esc(w, cls, cls_len);
	smart_str_appendl(&w->buf, "\\0", 2);
	esc(w, prop, prop_len);
	smart_str_appendl(&w->buf, "\\\";", 3);
}

static void wr_object_head(wr_t *w, const char *cls, size_t cls_len, uint32_t count)
{
	smart_str_appendl(&w->buf, "O:", 2);
	smart_str_append_unsigned(&w->buf, cls_len);
	smart_str_appendl(&w->buf, ":\\\"", 3);
	esc(w, cls, cls_len);
	smart_str_appendl(&w->buf, "\\\":", 3);
	smart_str_append_unsigned(&w->buf, count);
	smart_str_appendl(&w->buf, ":{", 2);
}

static bool wr_array(wr_t *w, HashTable *ht, bool stamps)
{
	smart_str_appendl(&w->buf, "a:", 2);
	smart_str_append_unsigned(&w->buf, zend_hash_num_elements(ht));
	smart_str_appendl(&w->buf, ":{", 2);
	zend_ulong index;
	zend_string *key;
	zval *v;
	ZEND_HASH_FOREACH_KEY_VAL(ht, index, key, v) {
		if (!key) {
			smart_str_appendl(&w->buf, "i:", 2);
			smart_str_append_long(&w->buf, (zend_long) index);
			smart_str_appendc(&w->buf, ';');
		} else if (stamps) {
			bool symfony;
			zend_class_entry *ce = php_messenger_stamp_by_name(ZSTR_VAL(key), ZSTR_LEN(key), &symfony);
			const char *name = ce && !symfony ? php_messenger_stamp_symfony_name(ce) : NULL;
			if (name) {
				wr_string(w, name, strlen(name));
			} else {
				wr_string(w, ZSTR_VAL(key), ZSTR_LEN(key));
			}
		} else {
			wr_string(w, ZSTR_VAL(key), ZSTR_LEN(key));
		}
		if (Z_TYPE_P(v) == IS_REFERENCE || !wr_value(w, v)) {
			return false; /* R: references: the general path */
		}
	} ZEND_HASH_FOREACH_END();
	smart_str_appendc(&w->buf, '}');
	return true;
}

/* A date as PHP 8.1-8.4 serialize it: date, timezone_type, timezone. */
static bool wr_date(wr_t *w, zend_object *obj)
{
	zval zv;
	ZVAL_OBJ(&zv, obj);
	HashTable *props = zend_get_properties_for(&zv, ZEND_PROP_PURPOSE_SERIALIZE);
	if (!props) {
		return false;
	}
	zval *date = zend_hash_str_find(props, "date", 4), *type = zend_hash_str_find(props, "timezone_type", 13),
		*tz = zend_hash_str_find(props, "timezone", 8);
	bool ok = zend_hash_num_elements(props) == 3 && date && type && tz && Z_TYPE_P(date) == IS_STRING && Z_TYPE_P(type) == IS_LONG && Z_TYPE_P(tz) == IS_STRING;
	if (ok) {
		wr_object_head(w, ZSTR_VAL(obj->ce->name), ZSTR_LEN(obj->ce->name), 3);
		wr_string(w, "date", 4);
		w->slots++;
		wr_string(w, Z_STRVAL_P(date), Z_STRLEN_P(date));
		wr_string(w, "timezone_type", 13);
		w->slots++;
		smart_str_appendl(&w->buf, "i:", 2);
		smart_str_append_long(&w->buf, Z_LVAL_P(type));
		smart_str_appendc(&w->buf, ';');
		wr_string(w, "timezone", 8);
		w->slots++;
		wr_string(w, Z_STRVAL_P(tz), Z_STRLEN_P(tz));
		smart_str_appendc(&w->buf, '}');
	}
	zend_release_properties(props);
	return ok;
}

/* The declared properties of a plain object (or one of ours, under Symfony's names). */
static bool wr_plain_object(wr_t *w, zend_object *obj, const char *as, size_t as_len)
{
	zend_class_entry *ce = obj->ce;
	if (obj->properties && zend_hash_num_elements(obj->properties) != (uint32_t) ce->default_properties_count) {
		return false; /* dynamic properties: the general path */
	}
	uint32_t count = 0;
	for (int i = 0; i < ce->default_properties_count; i++) {
		zend_property_info *info = ce->properties_info_table[i];
		if (info && Z_TYPE_P(OBJ_PROP(obj, info->offset)) != IS_UNDEF) {
			count++;
		}
	}
	wr_object_head(w, as, as_len, count);
	for (int i = 0; i < ce->default_properties_count; i++) {
		zend_property_info *info = ce->properties_info_table[i];
		if (!info) {
			continue;
		}
		zval *prop = OBJ_PROP(obj, info->offset);
		if (Z_TYPE_P(prop) == IS_UNDEF) {
			continue;
		}
		if (as != ZSTR_VAL(ce->name) && (info->flags & ZEND_ACC_PRIVATE)) {
			/* renamed: its private properties are Symfony's class's */
			const char *cls, *name;
			size_t name_len;
			zend_unmangle_property_name_ex(info->name, &cls, &name, &name_len);
			wr_private_key(w, as, as_len, name, name_len);
		} else {
			wr_string(w, ZSTR_VAL(info->name), ZSTR_LEN(info->name));
		}
		if (Z_TYPE_P(prop) == IS_REFERENCE || !wr_value(w, prop)) {
			return false;
		}
	}
	smart_str_appendc(&w->buf, '}');
	return true;
}

static bool wr_object(wr_t *w, zend_object *obj)
{
	zval *slot = zend_hash_index_find(&w->seen, obj->handle);
	if (slot) {
		smart_str_appendl(&w->buf, "r:", 2);
		smart_str_append_long(&w->buf, Z_LVAL_P(slot));
		smart_str_appendc(&w->buf, ';');
		return true;
	}
	zval mine;
	ZVAL_LONG(&mine, w->slots);
	zend_hash_index_add_new(&w->seen, obj->handle, &mine);

	zend_class_entry *ce = obj->ce;
	if (ce->ce_flags & ZEND_ACC_ENUM) {
		zval *name = zend_enum_fetch_case_name(obj);
		smart_str_appendl(&w->buf, "E:", 2);
		smart_str_append_unsigned(&w->buf, ZSTR_LEN(ce->name) + 1 + Z_STRLEN_P(name));
		smart_str_appendl(&w->buf, ":\\\"", 3);
		esc(w, ZSTR_VAL(ce->name), ZSTR_LEN(ce->name));
		smart_str_appendc(&w->buf, ':');
		esc(w, Z_STRVAL_P(name), Z_STRLEN_P(name));
		smart_str_appendl(&w->buf, "\\\";", 3);
		return true;
	}
	if (ce == php_date_get_immutable_ce() || ce == php_date_get_date_ce()) {
		return wr_date(w, obj);
	}
	if (ce == php_messenger_ce_Envelope) {
		return wr_plain_object(w, obj, SF_ENVELOPE, sizeof(SF_ENVELOPE) - 1);
	}
	if (ce->type == ZEND_INTERNAL_CLASS) {
		const char *symfony = php_messenger_stamp_symfony_name(ce);
		if (symfony) {
			return wr_plain_object(w, obj, symfony, strlen(symfony));
		}
		return false; /* stdClass and the others: the general path */
	}
	if (ce->__serialize || ce->serialize || zend_hash_str_exists(&ce->function_table, "__sleep", sizeof("__sleep") - 1) || obj->handlers->get_properties != zend_std_get_properties ||
		obj->handlers->get_properties_for) {
		return false;
	}
	return wr_plain_object(w, obj, ZSTR_VAL(ce->name), ZSTR_LEN(ce->name));
}

static bool wr_value(wr_t *w, zval *v)
{
	if (++w->depth > 512) {
		return false;
	}
	w->slots++;
	bool ok = true;
	switch (Z_TYPE_P(v)) {
	case IS_NULL:
		smart_str_appendl(&w->buf, "N;", 2);
		break;
	case IS_FALSE:
		smart_str_appendl(&w->buf, "b:0;", 4);
		break;
	case IS_TRUE:
		smart_str_appendl(&w->buf, "b:1;", 4);
		break;
	case IS_LONG:
		smart_str_appendl(&w->buf, "i:", 2);
		smart_str_append_long(&w->buf, Z_LVAL_P(v));
		smart_str_appendc(&w->buf, ';');
		break;
	case IS_DOUBLE:
		smart_str_appendl(&w->buf, "d:", 2);
		smart_str_append_double(&w->buf, Z_DVAL_P(v), (int) PG(serialize_precision), false);
		smart_str_appendc(&w->buf, ';');
		break;
	case IS_STRING:
		wr_string(w, Z_STRVAL_P(v), Z_STRLEN_P(v));
		break;
	case IS_ARRAY:
		ok = wr_array(w, Z_ARRVAL_P(v), false);
		break;
	case IS_OBJECT:
		ok = wr_object(w, Z_OBJ_P(v));
		break;
	default:
		ok = false;
	}
	w->depth--;
	return ok;
}

/* addslashes(serialize()) of envelope (already without its non-sendable stamps) under
 * Symfony's names, or NULL when it holds something only the general path writes. */
zend_string *php_messenger_phpwire_write(zend_object *envelope)
{
	wr_t w;
	memset(&w, 0, sizeof(w));
	zend_hash_init(&w.seen, 8, NULL, NULL, 0);
	smart_str_alloc(&w.buf, 2048, false);
	zval *stamps = PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS);
	zval *message = php_messenger_envelope_message(envelope);
	w.slots = 1;
	zval mine;
	ZVAL_LONG(&mine, 1);
	zend_hash_index_add_new(&w.seen, envelope->handle, &mine);
	wr_object_head(&w, SF_ENVELOPE, sizeof(SF_ENVELOPE) - 1, 2);
	wr_private_key(&w, SF_ENVELOPE, sizeof(SF_ENVELOPE) - 1, "stamps", 6);
	w.slots++;
	bool ok = Z_TYPE_P(stamps) == IS_ARRAY && wr_array(&w, Z_ARRVAL_P(stamps), true);
	if (ok) {
		wr_private_key(&w, SF_ENVELOPE, sizeof(SF_ENVELOPE) - 1, "message", 7);
		ok = Z_TYPE_P(message) == IS_OBJECT && wr_value(&w, message);
	}
	zend_hash_destroy(&w.seen);
	if (!ok) {
		smart_str_free(&w.buf);
		return NULL;
	}
	smart_str_appendc(&w.buf, '}');
	return smart_str_extract(&w.buf);
}
