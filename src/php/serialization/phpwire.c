/* PhpSerializer's fast path: writes addslashes(serialize()) of an Envelope with Symfony's
 * class names directly, in one pass, for the shapes messages usually have (scalars, arrays,
 * plain objects, enums, dates, our stamps). The output is byte for byte what PHP's serialize(),
 * the core rewrite and addslashes() give (the tests compare it with Symfony's); anything else
 * (PHP references, __serialize, __sleep, Serializable, dynamic properties, other internal
 * classes) makes it give up, and the caller takes the general path. */
#include "php/serialization/serialization.h"
#include "core/codec/phpser.h"
#include "core/base/utf8.h"
#include "ext/date/php_date.h"
#include "zend_enum.h"
#include "zend_smart_str.h"

#define SF_ENVELOPE "Symfony\\Component\\Messenger\\Envelope"
/* its head and keys, escaped */
#define SF_ENVELOPE_ESC "Symfony\\\\Component\\\\Messenger\\\\Envelope"
#define SF_ENVELOPE_HEAD "O:36:\\\"" SF_ENVELOPE_ESC "\\\":2:{"
#define SF_ENVELOPE_STAMPS "s:44:\\\"\\0" SF_ENVELOPE_ESC "\\0stamps\\\";"
#define SF_ENVELOPE_MESSAGE "s:45:\\\"\\0" SF_ENVELOPE_ESC "\\0message\\\";"

/* What the writer keeps of a class between messages: its object head and the key of each
 * declared property, escaped, under the name the class goes out as. One table per request (user
 * classes end with it), keyed by the class entry. It is emptied when it has WR_CLASSES_MAX
 * classes, and only before a message is written: while one is, the entries of the objects it is
 * in the middle of are in use. */
typedef struct {
	zend_string *head;    /* O:N:\"Name\": */
	zend_string *name;    /* s:N:\"Name\"; (a stamp's key in the envelope's stamps) */
	bool ascii;           /* head and keys are all ASCII */
	int count;            /* the class's default_properties_count */
	zend_string *keys[1]; /* per slot of properties_info_table, NULL where it has none */
} wr_class_t;

#define WR_CLASSES_MAX 256
ZEND_TLS HashTable *wr_classes;

typedef struct {
	smart_str buf;
	HashTable seen; /* object handle => its slot, for r: */
	uint32_t slots;
	int depth;
	bool ascii;                 /* nothing but ASCII written so far */
	php_messenger_allow *allow; /* asked of every class of ours it writes (may be NULL) */
	zend_object *envelope;
	bool refused;               /* allow said no: an exception is set */
} wr_t;

static bool wr_value(wr_t *w, zval *v);

/* addslashes() of bytes, appended */
static void esc_to(smart_str *buf, const char *s, size_t len)
{
	smart_str_alloc(buf, 2 * len, false);
	ZSTR_LEN(buf->s) += msgr_phpser_addslashes_to(ZSTR_VAL(buf->s) + ZSTR_LEN(buf->s), s, len);
}

static void note_ascii(wr_t *w, const char *s, size_t len)
{
	if (w->ascii && msgr_ascii_prefix(s, len) != len) {
		w->ascii = false;
	}
}

static void esc(wr_t *w, const char *s, size_t len)
{
	note_ascii(w, s, len);
	esc_to(&w->buf, s, len);
}

/* T:N:"bytes" and close, escaped: T:N:\"bytes\" and close */
static void wr_quoted_to(smart_str *buf, char type, const char *s, size_t len, const char *close)
{
	smart_str_appendc(buf, type);
	smart_str_appendc(buf, ':');
	smart_str_append_unsigned(buf, len);
	smart_str_appendl(buf, ":\\\"", 3);
	esc_to(buf, s, len);
	smart_str_appendl(buf, close, strlen(close));
}

/* s:N:"..."; */
static void wr_string_to(smart_str *buf, const char *s, size_t len)
{
	wr_quoted_to(buf, 's', s, len, "\\\";");
}

static void wr_string(wr_t *w, const char *s, size_t len)
{
	note_ascii(w, s, len);
	wr_string_to(&w->buf, s, len);
}

/* "\0Class\0prop" */
static void wr_private_key_to(smart_str *buf, const char *cls, size_t cls_len, const char *prop, size_t prop_len)
{
	smart_str_appendl(buf, "s:", 2);
	smart_str_append_unsigned(buf, cls_len + prop_len + 2);
	smart_str_appendl(buf, ":\\\"\\0", 5);
	esc_to(buf, cls, cls_len);
	smart_str_appendl(buf, "\\0", 2);
	esc_to(buf, prop, prop_len);
	smart_str_appendl(buf, "\\\";", 3);
}

/* O:N:"Class": */
static void wr_object_head_to(smart_str *buf, const char *cls, size_t cls_len)
{
	wr_quoted_to(buf, 'O', cls, cls_len, "\\\":");
}

static void wr_class_free(zval *zv)
{
	wr_class_t *c = Z_PTR_P(zv);
	zend_string_release(c->head);
	zend_string_release(c->name);
	for (int i = 0; i < c->count; i++) {
		if (c->keys[i]) {
			zend_string_release(c->keys[i]);
		}
	}
	efree(c);
}

static zend_string *wr_extract(smart_str *buf, bool *ascii)
{
	smart_str_0(buf);
	zend_string *s = smart_str_extract(buf);
	if (*ascii && msgr_ascii_prefix(ZSTR_VAL(s), ZSTR_LEN(s)) != ZSTR_LEN(s)) {
		*ascii = false;
	}
	return s;
}

/* The head and keys of ce written as as (its private properties are as's) */
static wr_class_t *wr_class(zend_class_entry *ce, const char *as, size_t as_len)
{
	if (!wr_classes) {
		ALLOC_HASHTABLE(wr_classes);
		zend_hash_init(wr_classes, 16, NULL, wr_class_free, 0);
	}
	wr_class_t *c = zend_hash_index_find_ptr(wr_classes, (zend_ulong) (uintptr_t) ce);
	if (c) {
		return c;
	}
	int count = ce->default_properties_count;
	c = ecalloc(1, sizeof(wr_class_t) + (count > 0 ? (size_t) count - 1 : 0) * sizeof(zend_string *));
	c->count = count;
	c->ascii = true;
	smart_str buf = { 0 };
	wr_object_head_to(&buf, as, as_len);
	c->head = wr_extract(&buf, &c->ascii);
	wr_string_to(&buf, as, as_len);
	c->name = wr_extract(&buf, &c->ascii);
	for (int i = 0; i < count; i++) {
		zend_property_info *info = ce->properties_info_table[i];
		if (!info) {
			continue;
		}
		if (as != ZSTR_VAL(ce->name) && (info->flags & ZEND_ACC_PRIVATE)) {
			/* renamed: its private properties are Symfony's class's */
			const char *cls, *name;
			size_t name_len;
			zend_unmangle_property_name_ex(info->name, &cls, &name, &name_len);
			wr_private_key_to(&buf, as, as_len, name, name_len);
		} else {
			wr_string_to(&buf, ZSTR_VAL(info->name), ZSTR_LEN(info->name));
		}
		c->keys[i] = wr_extract(&buf, &c->ascii);
	}
	zend_hash_index_add_new_ptr(wr_classes, (zend_ulong) (uintptr_t) ce, c);
	return c;
}

void php_messenger_phpwire_request_shutdown(void)
{
	if (wr_classes) {
		zend_hash_destroy(wr_classes);
		FREE_HASHTABLE(wr_classes);
		wr_classes = NULL;
	}
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
				wr_class_t *c = wr_class(ce, name, strlen(name));
				w->ascii = w->ascii && c->ascii;
				smart_str_append(&w->buf, c->name);
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
		smart_str_append(&w->buf, wr_class(obj->ce, ZSTR_VAL(obj->ce->name), ZSTR_LEN(obj->ce->name))->head);
		smart_str_appendl(&w->buf, "3:{s:4:\\\"date\\\";", sizeof("3:{s:4:\\\"date\\\";") - 1);
		w->slots++;
		wr_string(w, Z_STRVAL_P(date), Z_STRLEN_P(date));
		smart_str_appendl(&w->buf, "s:13:\\\"timezone_type\\\";i:", sizeof("s:13:\\\"timezone_type\\\";i:") - 1);
		w->slots++;
		smart_str_append_long(&w->buf, Z_LVAL_P(type));
		smart_str_appendl(&w->buf, ";s:8:\\\"timezone\\\";", sizeof(";s:8:\\\"timezone\\\";") - 1);
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
		if (!info) {
			continue;
		}
		if (Z_TYPE_P(OBJ_PROP(obj, info->offset)) != IS_UNDEF) {
			count++;
		} else if (php_messenger_whole_class(ce)) {
			/* a decoder that makes only whole objects would refuse it (see encoded_whole) */
			char missing[256];
			php_messenger_property_label(ce, info, missing, sizeof(missing));
			php_messenger_encoding_incomplete(w->envelope, missing);
			w->refused = true;
			return false;
		}
	}
	wr_class_t *c = wr_class(ce, as, as_len);
	w->ascii = w->ascii && c->ascii;
	smart_str_append(&w->buf, c->head);
	smart_str_append_unsigned(&w->buf, count);
	smart_str_appendl(&w->buf, ":{", 2);
	for (int i = 0; i < ce->default_properties_count; i++) {
		zend_property_info *info = ce->properties_info_table[i];
		if (!info) {
			continue;
		}
		zval *prop = OBJ_PROP(obj, info->offset);
		if (Z_TYPE_P(prop) == IS_UNDEF) {
			continue;
		}
		smart_str_append(&w->buf, c->keys[i]);
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
	if (ce->type == ZEND_USER_CLASS && !php_messenger_allow_encoding(w->allow, ce, w->envelope)) {
		w->refused = true;
		return false;
	}
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
 * Symfony's names, or NULL when it holds something only the general path writes; *ascii says
 * whether it is all ASCII (else the caller checks it is UTF-8). */
zend_string *php_messenger_phpwire_write(zend_object *envelope, php_messenger_allow *allow, bool *ascii)
{
	wr_t w;
	memset(&w, 0, sizeof(w));
	w.allow = allow;
	w.envelope = envelope;
	w.ascii = true;
	if (wr_classes && zend_hash_num_elements(wr_classes) >= WR_CLASSES_MAX) {
		zend_hash_clean(wr_classes);
	}
	zend_hash_init(&w.seen, 8, NULL, NULL, 0);
	smart_str_alloc(&w.buf, 2048, false);
	zval *stamps = PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS);
	zval *message = php_messenger_envelope_message(envelope);
	w.slots = 1;
	zval mine;
	ZVAL_LONG(&mine, 1);
	zend_hash_index_add_new(&w.seen, envelope->handle, &mine);
	smart_str_appendl(&w.buf, SF_ENVELOPE_HEAD SF_ENVELOPE_STAMPS, sizeof(SF_ENVELOPE_HEAD SF_ENVELOPE_STAMPS) - 1);
	w.slots++;
	bool ok = Z_TYPE_P(stamps) == IS_ARRAY && wr_array(&w, Z_ARRVAL_P(stamps), true);
	if (ok) {
		smart_str_appendl(&w.buf, SF_ENVELOPE_MESSAGE, sizeof(SF_ENVELOPE_MESSAGE) - 1);
		ok = Z_TYPE_P(message) == IS_OBJECT && wr_value(&w, message);
	}
	zend_hash_destroy(&w.seen);
	if (!ok) {
		smart_str_free(&w.buf);
		return NULL;
	}
	smart_str_appendc(&w.buf, '}');
	*ascii = w.ascii;
	return smart_str_extract(&w.buf);
}

/* {{{ reading
 * The other way: builds the Envelope from the serialized text (already unescaped) in one pass,
 * asking the same rules the core rewrite asks (so the same classes are allowed, renamed or
 * refused). It succeeds on the shapes it knows and otherwise gives up without a trace: every
 * object it made is released without running a destructor, no exception is left, and the
 * caller takes the general path, which also produces the errors. */
typedef struct {
	const char *p, *end;
	const msgr_phpser_rules_t *rules;
	zend_object **slots; /* the object of each slot (NULL for other values), for r: */
	uint32_t count, cap;
	HashTable made;      /* every object made, with a reference of ours */
	HashTable wakeup;    /* class => whether it has __wakeup */
	int depth;
} rd_t;

static bool rd_value(rd_t *r, zval *out, int role);

static bool rd_slot(rd_t *r, zend_object *obj)
{
	if (r->count == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->slots = safe_erealloc(r->slots, r->cap, sizeof(zend_object *), 0);
	}
	r->slots[r->count++] = obj;
	return true;
}

static void rd_made(rd_t *r, zval *obj)
{
	GC_ADDREF(Z_OBJ_P(obj));
	zend_hash_next_index_insert_ptr(&r->made, Z_OBJ_P(obj));
}

static inline bool rd_lit(rd_t *r, const char *lit, size_t n)
{
	if ((size_t) (r->end - r->p) < n || memcmp(r->p, lit, n) != 0) {
		return false;
	}
	r->p += n;
	return true;
}
#define LIT(r, s) rd_lit((r), (s), sizeof(s) - 1)

static bool rd_uint(rd_t *r, size_t *v)
{
	const char *from = r->p;
	size_t n = 0;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9' && r->p - from < 18) {
		n = n * 10 + (size_t) (*r->p++ - '0');
	}
	*v = n;
	return r->p > from && r->p < r->end && (*r->p < '0' || *r->p > '9');
}

/* s:N:"bytes"; with the bytes pointed at */
static bool rd_str(rd_t *r, const char **s, size_t *len)
{
	if (!LIT(r, "s:") || !rd_uint(r, len) || !LIT(r, ":\"") || (size_t) (r->end - r->p) < *len + 2) {
		return false;
	}
	*s = r->p;
	r->p += *len;
	return LIT(r, "\";");
}

static bool rd_long(rd_t *r, zval *out)
{
	const char *from = r->p;
	bool neg = false;
	if (r->p < r->end && (*r->p == '-' || *r->p == '+')) {
		neg = *r->p++ == '-';
	}
	zend_ulong n = 0;
	const char *digits = r->p;
	while (r->p < r->end && *r->p >= '0' && *r->p <= '9') {
		if (r->p - digits >= MAX_LENGTH_OF_LONG - 2) {
			return false; /* near the limits: the general path knows PHP's rules */
		}
		n = n * 10 + (zend_ulong) (*r->p++ - '0');
	}
	if (r->p == digits || r->p - from > MAX_LENGTH_OF_LONG || !LIT(r, ";")) {
		return false;
	}
	ZVAL_LONG(out, neg ? -(zend_long) n : (zend_long) n);
	return true;
}

static bool rd_double(rd_t *r, zval *out)
{
	const char *from = r->p;
	while (r->p < r->end && *r->p != ';' && r->p - from < 64) {
		char c = *r->p;
		if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'E' || c == 'e')) {
			return false; /* NAN, INF: the general path */
		}
		r->p++;
	}
	if (r->p == from || r->p >= r->end || *r->p != ';') {
		return false;
	}
	char text[72];
	memcpy(text, from, (size_t) (r->p - from));
	text[r->p - from] = '\0';
	const char *stop;
	double d = zend_strtod(text, &stop);
	if (stop != text + (r->p - from)) {
		return false;
	}
	r->p++;
	ZVAL_DOUBLE(out, d);
	return true;
}

/* The three properties PHP writes for a date, made into the date. */
static bool rd_date(rd_t *r, zend_class_entry *ce, size_t n, zval *out)
{
	const char *date, *tz, *k;
	size_t date_len, tz_len, k_len;
	zval type;
	if (n != 3 || !rd_str(r, &k, &k_len) || k_len != 4 || memcmp(k, "date", 4) || !rd_str(r, &date, &date_len) ||
		!rd_str(r, &k, &k_len) || k_len != 13 || memcmp(k, "timezone_type", 13) || !LIT(r, "i:") || !rd_long(r, &type) ||
		!rd_str(r, &k, &k_len) || k_len != 8 || memcmp(k, "timezone", 8) || !rd_str(r, &tz, &tz_len) || !LIT(r, "}") ||
		Z_LVAL(type) < 1 || Z_LVAL(type) > 3 || date_len > 64 || tz_len > 64) {
		return false;
	}
	rd_slot(r, NULL);
	rd_slot(r, NULL);
	rd_slot(r, NULL);
	char text[136];
	memcpy(text, date, date_len);
	text[date_len] = ' ';
	memcpy(text + date_len + 1, tz, tz_len);
	text[date_len + 1 + tz_len] = '\0';
	php_date_instantiate(ce, out);
	rd_made(r, out);
	if (!php_date_initialize(Z_PHPDATE_P(out), text, date_len + 1 + tz_len, "Y-m-d H:i:s.u e", NULL, 0)) {
		zend_clear_exception();
		return false;
	}
	return true;
}

/* The properties of an object of class ce after "N:{". as is the class name the stream uses
 * (Symfony's, for our stamps and Envelope), which its private properties are mangled with. */
static bool rd_props(rd_t *r, zend_object *obj, const char *as, size_t as_len, size_t n, int role)
{
	zend_class_entry *ce = obj->ce;
	int next = 0; /* properties come in declaration order: the slot to try before the hash */
	for (size_t i = 0; i < n; i++) {
		const char *k;
		size_t k_len;
		if (!rd_str(r, &k, &k_len)) {
			return false;
		}
		zend_property_info *guess = NULL;
		while (next < ce->default_properties_count && !(guess = ce->properties_info_table[next])) {
			next++;
		}
		if (guess && (ZSTR_LEN(guess->name) != k_len || memcmp(ZSTR_VAL(guess->name), k, k_len) != 0)) {
			guess = NULL; /* another order, or renamed: looked up by name */
		}
		next++;
		const char *cls = NULL, *name = k;
		size_t cls_len = 0, name_len = k_len;
		if (k_len && k[0] == '\0') {
			const char *second = memchr(k + 1, '\0', k_len - 1);
			if (!second || second == k + 1 || second + 1 == k + k_len) {
				return false;
			}
			cls = k + 1;
			cls_len = (size_t) (second - cls);
			name = second + 1;
			name_len = k_len - cls_len - 2;
		}
		zend_property_info *info = guess ? guess : zend_hash_str_find_ptr(&ce->properties_info, name, name_len);
		if (role != MSGR_PHPSER_ROLE_VALUE && r->rules->prop_fn &&
			!r->rules->prop_fn(r->rules->ctx, role, ZSTR_VAL(ce->name), ZSTR_LEN(ce->name), name, name_len)) {
			/* a property Symfony has and we do not (5.4's RedeliveryStamp::$flattenException):
			 * left out when it is null, else the general path */
			if (!LIT(r, "N;")) {
				return false;
			}
			rd_slot(r, NULL);
			continue;
		}
		if (!info || (info->flags & ZEND_ACC_STATIC)) {
			return false; /* a dynamic property: the general path */
		}
		bool visible = (info->flags & ZEND_ACC_PUBLIC) ? !cls
			: (info->flags & ZEND_ACC_PROTECTED) ? (cls_len == 1 && cls[0] == '*')
			: (cls && ((cls_len == as_len && memcmp(cls, as, as_len) == 0 && info->ce == ce)));
		if (!visible) {
			return false;
		}
		zval v;
		if (!rd_value(r, &v, role == MSGR_PHPSER_ROLE_ENVELOPE && name_len == 6 && memcmp(name, "stamps", 6) == 0 ? -1 : MSGR_PHPSER_ROLE_VALUE)) {
			return false;
		}
		if (ZEND_TYPE_IS_SET(info->type) && !zend_verify_property_type(info, &v, true)) {
			zend_clear_exception();
			zval_ptr_dtor(&v);
			return false;
		}
		zval *slot = OBJ_PROP(obj, info->offset);
		zval_ptr_dtor(slot);
		ZVAL_COPY_VALUE(slot, &v);
		Z_PROP_FLAG_P(slot) &= ~IS_PROP_UNINIT;
	}
	return LIT(r, "}");
}

/* Whether a class has __wakeup (looked up once per class and decode). */
static bool has_wakeup(rd_t *r, zend_class_entry *ce)
{
	zval *known = zend_hash_index_find(&r->wakeup, (zend_ulong) (uintptr_t) ce);
	if (known) {
		return Z_TYPE_P(known) == IS_TRUE;
	}
	zval v;
	ZVAL_BOOL(&v, zend_hash_str_exists(&ce->function_table, "__wakeup", sizeof("__wakeup") - 1));
	zend_hash_index_add_new(&r->wakeup, (zend_ulong) (uintptr_t) ce, &v);
	return Z_TYPE(v) == IS_TRUE;
}

static bool rd_object(rd_t *r, zval *out, int role)
{
	const char *name;
	size_t len, n;
	if (!rd_uint(r, &len) || !LIT(r, ":\"") || (size_t) (r->end - r->p) < len) {
		return false;
	}
	name = r->p;
	r->p += len;
	if (!LIT(r, "\":") || !rd_uint(r, &n) || !LIT(r, ":{") || n > (size_t) (r->end - r->p) / 4) {
		return false;
	}
	const char *to = name;
	size_t to_len = len;
	char reason[MSGR_ERROR_MAX];
	reason[0] = '\0';
	int verdict = r->rules->class_fn(r->rules->ctx, role, name, len, &to, &to_len, reason);
	if (verdict == MSGR_PHPSER_KEEP) {
		to = name;
		to_len = len;
	} else if (verdict != MSGR_PHPSER_RENAME) {
		zend_clear_exception();
		return false; /* the general path says why */
	}
	uint32_t my_slot = r->count;
	rd_slot(r, NULL);
	zend_class_entry *ce = role == MSGR_PHPSER_ROLE_ENVELOPE ? php_messenger_ce_Envelope : php_messenger_decoded_class(r->rules->ctx);
	if (!ce) {
		return false;
	}
	if (ce == php_date_get_immutable_ce() || ce == php_date_get_date_ce()) {
		if (!rd_date(r, ce, n, out)) {
			return false;
		}
		r->slots[my_slot] = Z_OBJ_P(out);
		return true;
	}
	if ((ce->type == ZEND_INTERNAL_CLASS && ce != php_messenger_ce_Envelope && !php_messenger_stamp_symfony_name(ce)) ||
		(ce->ce_flags & (ZEND_ACC_INTERFACE | ZEND_ACC_TRAIT | ZEND_ACC_EXPLICIT_ABSTRACT_CLASS | ZEND_ACC_ENUM)) ||
		ce->__unserialize || ce->unserialize || has_wakeup(r, ce)) {
		return false; /* stdClass, __unserialize, __wakeup, Serializable...: the general path */
	}
	if (object_init_ex(out, ce) != SUCCESS) {
		zend_clear_exception();
		return false;
	}
	rd_made(r, out);
	r->slots[my_slot] = Z_OBJ_P(out);
	return rd_props(r, Z_OBJ_P(out), name, len, n, role);
}

/* The envelope's stamps: class => list of stamps, from just after "a:". */
static bool rd_stamps(rd_t *r, zval *out)
{
	size_t n;
	if (!rd_uint(r, &n) || !LIT(r, ":{") || n > (size_t) (r->end - r->p) / 4) {
		return false;
	}
	rd_slot(r, NULL);
	array_init_size(out, (uint32_t) n);
	for (size_t i = 0; i < n; i++) {
		const char *k, *to;
		size_t k_len, to_len, m;
		if (!rd_str(r, &k, &k_len)) {
			return false;
		}
		to = k;
		to_len = k_len;
		int verdict = r->rules->stamp_key_fn(r->rules->ctx, k, k_len, &to, &to_len);
		if (verdict == MSGR_PHPSER_KEEP) {
			to = k;
			to_len = k_len;
		} else if (verdict != MSGR_PHPSER_RENAME) {
			return false; /* stamps of a class we leave out: the general path skips them */
		}
		if (!LIT(r, "a:") || !rd_uint(r, &m) || !LIT(r, ":{") || m > (size_t) (r->end - r->p) / 4) {
			return false;
		}
		rd_slot(r, NULL);
		zval list;
		array_init_size(&list, (uint32_t) m);
		zend_hash_real_init_packed(Z_ARRVAL(list));
		zend_hash_str_update(Z_ARRVAL_P(out), to, to_len, &list);
		for (size_t j = 0; j < m; j++) {
			zval stamp, index;
			if (!LIT(r, "i:") || !rd_long(r, &index) || Z_LVAL(index) != (zend_long) j || !rd_value(r, &stamp, MSGR_PHPSER_ROLE_STAMP)) {
				return false;
			}
			zend_hash_next_index_insert_new(Z_ARRVAL(list), &stamp);
		}
		if (!LIT(r, "}")) {
			return false;
		}
	}
	return LIT(r, "}");
}

static bool rd_array(rd_t *r, zval *out)
{
	size_t n;
	if (!rd_uint(r, &n) || !LIT(r, ":{") || n > (size_t) (r->end - r->p) / 4) {
		return false;
	}
	array_init_size(out, (uint32_t) n);
	for (size_t i = 0; i < n; i++) {
		zval v, key;
		const char *k;
		size_t k_len;
		if (r->p < r->end && *r->p == 'i') {
			r->p++;
			if (!LIT(r, ":") || !rd_long(r, &key) || !rd_value(r, &v, MSGR_PHPSER_ROLE_VALUE)) {
				return false;
			}
			zend_hash_index_update(Z_ARRVAL_P(out), (zend_ulong) Z_LVAL(key), &v);
		} else {
			if (!rd_str(r, &k, &k_len) || !rd_value(r, &v, MSGR_PHPSER_ROLE_VALUE)) {
				return false;
			}
			zend_symtable_str_update(Z_ARRVAL_P(out), k, k_len, &v);
		}
	}
	return LIT(r, "}");
}

static bool rd_enum(rd_t *r, zval *out)
{
	size_t len;
	if (!rd_uint(r, &len) || !LIT(r, ":\"") || (size_t) (r->end - r->p) < len) {
		return false;
	}
	const char *name = r->p, *colon = memchr(name, ':', len);
	r->p += len;
	if (!colon || !LIT(r, "\";")) {
		return false;
	}
	const char *to = name;
	size_t to_len = (size_t) (colon - name);
	char reason[MSGR_ERROR_MAX];
	reason[0] = '\0';
	if (r->rules->class_fn(r->rules->ctx, MSGR_PHPSER_ROLE_VALUE, name, to_len, &to, &to_len, reason) != MSGR_PHPSER_KEEP) {
		zend_clear_exception();
		return false;
	}
	zend_class_entry *ce = php_messenger_decoded_class(r->rules->ctx);
	if (!ce || !(ce->ce_flags & ZEND_ACC_ENUM)) {
		return false;
	}
	zend_class_constant *c = zend_hash_str_find_ptr(CE_CONSTANTS_TABLE(ce), colon + 1, len - (size_t) (colon + 1 - name));
	if (!c || !(ZEND_CLASS_CONST_FLAGS(c) & ZEND_CLASS_CONST_IS_CASE) || Z_TYPE(c->value) != IS_OBJECT) {
		return false; /* not yet evaluated, or not a case: the general path */
	}
	ZVAL_COPY(out, &c->value);
	rd_slot(r, Z_OBJ_P(out));
	return true;
}

static bool rd_value(rd_t *r, zval *out, int role)
{
	ZVAL_UNDEF(out);
	if (r->p >= r->end || ++r->depth > 256) {
		return false;
	}
	bool ok;
	char type = *r->p++;
	if (role == -1) {
		ok = type == 'a' && LIT(r, ":") && rd_stamps(r, out);
		r->depth--;
		if (!ok) {
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
		}
		return ok;
	}
	if (role == MSGR_PHPSER_ROLE_STAMP && type != 'O') {
		r->depth--;
		return false;
	}
	switch (type) {
	case 'N':
		ok = LIT(r, ";");
		ZVAL_NULL(out);
		rd_slot(r, NULL);
		break;
	case 'b':
		ok = LIT(r, ":") && r->p < r->end && (*r->p == '0' || *r->p == '1');
		if (ok) {
			ZVAL_BOOL(out, *r->p++ == '1');
			ok = LIT(r, ";");
		}
		rd_slot(r, NULL);
		break;
	case 'i':
		ok = LIT(r, ":") && rd_long(r, out);
		rd_slot(r, NULL);
		break;
	case 'd':
		ok = LIT(r, ":") && rd_double(r, out);
		rd_slot(r, NULL);
		break;
	case 's': {
		const char *s;
		size_t len;
		r->p--;
		ok = rd_str(r, &s, &len);
		if (ok) {
			ZVAL_STRINGL_FAST(out, s, len);
		}
		rd_slot(r, NULL);
		break;
	}
	case 'a':
		rd_slot(r, NULL);
		ok = LIT(r, ":") && rd_array(r, out);
		break;
	case 'O':
		ok = LIT(r, ":") && rd_object(r, out, role);
		break;
	case 'E':
		ok = LIT(r, ":") && rd_enum(r, out);
		break;
	case 'r': {
		size_t slot;
		ok = LIT(r, ":") && rd_uint(r, &slot) && LIT(r, ";") && slot >= 1 && slot <= r->count && r->slots[slot - 1];
		if (ok) {
			ZVAL_OBJ_COPY(out, r->slots[slot - 1]);
		}
		rd_slot(r, NULL);
		break;
	}
	default:
		ok = false; /* R:, C:, S:...: the general path */
	}
	r->depth--;
	if (!ok) {
		/* what was built so far goes (its objects are still held in made) */
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

int php_messenger_phpwire_read(const char *in, size_t len, const msgr_phpser_rules_t *rules, zval *out)
{
	rd_t r;
	memset(&r, 0, sizeof(r));
	r.p = in;
	r.end = in + len;
	r.rules = rules;
	zend_hash_init(&r.made, 8, NULL, NULL, 0);
	zend_hash_init(&r.wakeup, 4, NULL, NULL, 0);
	ZVAL_UNDEF(out);
	bool ok = len > 2 && in[0] == 'O' && rd_value(&r, out, MSGR_PHPSER_ROLE_ENVELOPE) && r.p == r.end && !EG(exception);
	zend_object *obj;
	ZEND_HASH_FOREACH_PTR(&r.made, obj) {
		if (!ok) {
			GC_ADD_FLAGS(obj, IS_OBJ_DESTRUCTOR_CALLED);
		}
		OBJ_RELEASE(obj);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&r.made);
	zend_hash_destroy(&r.wakeup);
	if (r.slots) {
		efree(r.slots);
	}
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}
/* }}} */
