/* Messenger\Envelope, StampInterface, NonSendableStampInterface.
 * An Envelope is immutable from PHP: every with*() returns a new object. Inside the C
 * middleware chain, where the chain holds the only reference, stamps are added in place: no
 * one can observe the difference and a dispatch allocates one Envelope instead of one per
 * stamp. */
#include "php/bus/bus.h"
#include "envelope_arginfo.h"

zend_class_entry *php_messenger_ce_StampInterface;
zend_class_entry *php_messenger_ce_NonSendableStampInterface;
zend_class_entry *php_messenger_ce_Envelope;

static zend_object_handlers envelope_handlers;

/* Next to the two properties, an Envelope keeps a 64-bit filter of the stamp classes it may
 * hold: a clear bit means "no stamp of any class hashing to this bit", so the middleware's
 * questions about stamps an envelope does not have (ReceivedStamp, TransportNamesStamp...) cost
 * no hash lookup. A set bit only means "look it up"; removing stamps never clears bits, and an
 * envelope built any other way (unserialize) starts with every bit set. */
typedef struct {
	uint64_t maybe;
	zend_object std;
} php_messenger_envelope;

static inline php_messenger_envelope *envelope_from(zend_object *obj)
{
	return (php_messenger_envelope *) ((char *) obj - XtOffsetOf(php_messenger_envelope, std));
}

static inline uint64_t class_bit(zend_class_entry *ce)
{
	return (uint64_t) 1 << (((uint64_t) (uintptr_t) ce * UINT64_C(0x9E3779B97F4A7C15)) >> 58);
}

static zend_object *envelope_create(zend_class_entry *ce)
{
	php_messenger_envelope *envelope = zend_object_alloc(sizeof(php_messenger_envelope), ce);
	envelope->maybe = UINT64_MAX;
	zend_object_std_init(&envelope->std, ce);
	object_properties_init(&envelope->std, ce);
	envelope->std.handlers = &envelope_handlers;
	return &envelope->std;
}

static zend_object *envelope_clone(zend_object *old)
{
	zend_object *obj = envelope_create(old->ce);
	zend_objects_clone_members(obj, old);
	envelope_from(obj)->maybe = envelope_from(old)->maybe;
	return obj;
}

/* A new Envelope with no message and no stamp yet. */
static zend_object *envelope_new(void)
{
	zend_object *obj = envelope_create(php_messenger_ce_Envelope);
	envelope_from(obj)->maybe = 0;
	return obj;
}

static zend_object *envelope_copy(zend_object *envelope)
{
	zend_object *copy = envelope_new();
	envelope_from(copy)->maybe = envelope_from(envelope)->maybe;
	ZVAL_COPY(PHP_MESSENGER_PROP(copy, PHP_MESSENGER_ENVELOPE_MESSAGE), php_messenger_envelope_message(envelope));
	zval *stamps = PHP_MESSENGER_PROP(copy, PHP_MESSENGER_ENVELOPE_STAMPS);
	zval_ptr_dtor(stamps);
	ZVAL_COPY(stamps, PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS));
	return copy;
}

static void envelope_add_in_place(zend_object *envelope, zend_object *stamp)
{
	zval *stamps = PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS);
	if (Z_ARRVAL_P(stamps) == &zend_empty_array) {
		/* the first stamp: a fresh table rather than a copy of the shared empty one */
		ZVAL_ARR(stamps, zend_new_array(4));
	} else {
		SEPARATE_ARRAY(stamps);
	}
	zval *list = zend_hash_find(Z_ARRVAL_P(stamps), stamp->ce->name);
	if (!list) {
		zval empty;
		array_init(&empty);
		list = zend_hash_add_new(Z_ARRVAL_P(stamps), stamp->ce->name, &empty);
	} else {
		SEPARATE_ARRAY(list);
	}
	zval value;
	ZVAL_OBJ_COPY(&value, stamp);
	zend_hash_next_index_insert_new(Z_ARRVAL_P(list), &value);
	envelope_from(envelope)->maybe |= class_bit(stamp->ce);
}

/* Adds a whole list of stamps of class ce, which the envelope has none of, sharing the list
 * (copied on write). The envelope must not be shared (refcount 1). */
static void envelope_add_list(zend_object *envelope, zend_class_entry *ce, zend_array *list)
{
	ZEND_ASSERT(GC_REFCOUNT(envelope) == 1);
	zval *stamps = PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS);
	if (Z_ARRVAL_P(stamps) == &zend_empty_array) {
		ZVAL_ARR(stamps, zend_new_array(4));
	} else {
		SEPARATE_ARRAY(stamps);
	}
	zval value;
	GC_ADDREF(list);
	ZVAL_ARR(&value, list);
	zend_hash_add_new(Z_ARRVAL_P(stamps), ce->name, &value);
	envelope_from(envelope)->maybe |= class_bit(ce);
}

zend_object *php_messenger_envelope_with(zend_object *envelope, zend_object *stamp)
{
	if (GC_REFCOUNT(envelope) > 1) {
		zend_object *copy = envelope_copy(envelope);
		OBJ_RELEASE(envelope);
		envelope = copy;
	}
	envelope_add_in_place(envelope, stamp);
	return envelope;
}

zend_object *php_messenger_envelope_with_new(zend_object *envelope, zend_object *stamp)
{
	envelope = php_messenger_envelope_with(envelope, stamp);
	/* the envelope holds it now: ours goes without offering it to the cycle collector */
	GC_DELREF(stamp);
	return envelope;
}

zend_object *php_messenger_envelope_with_id(zend_object *envelope, zval *id)
{
	return php_messenger_envelope_with_new(envelope, php_messenger_stamp_new(php_messenger_ce_TransportMessageIdStamp, 1, id));
}

/* envelope is its own (refcount 1): the list is shared when it has no stamp of ce yet */
static zend_object *add_list_in_place(zend_object *envelope, zend_class_entry *ce, zend_array *list)
{
	if (!php_messenger_envelope_list(envelope, ce)) {
		envelope_add_list(envelope, ce, list);
		return envelope;
	}
	zval *stamp;
	ZEND_HASH_FOREACH_VAL(list, stamp) {
		envelope_add_in_place(envelope, Z_OBJ_P(stamp));
	} ZEND_HASH_FOREACH_END();
	return envelope;
}

zend_object *php_messenger_envelope_with_list(zend_object *envelope, zend_class_entry *ce, zend_array *list)
{
	if (GC_REFCOUNT(envelope) > 1) {
		zend_object *copy = envelope_copy(envelope);
		OBJ_RELEASE(envelope);
		envelope = copy;
	}
	return add_list_in_place(envelope, ce, list);
}

zend_object *php_messenger_envelope_copy_with_list(zend_object *envelope, zend_class_entry *ce, zend_array *list)
{
	return add_list_in_place(envelope_copy(envelope), ce, list);
}

zend_object *php_messenger_envelope_copy_with(zend_object *envelope, zend_object *stamp)
{
	zend_object *copy = envelope_copy(envelope);
	envelope_add_in_place(copy, stamp);
	return copy;
}

zend_object *php_messenger_envelope_without(zend_object *envelope, zend_string *stamp_class)
{
	if (GC_REFCOUNT(envelope) > 1) {
		zend_object *copy = envelope_copy(envelope);
		OBJ_RELEASE(envelope);
		envelope = copy;
	}
	zval *stamps = PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS);
	if (zend_hash_exists(Z_ARRVAL_P(stamps), stamp_class)) {
		SEPARATE_ARRAY(stamps);
		zend_hash_del(Z_ARRVAL_P(stamps), stamp_class);
	}
	return envelope;
}

static zend_class_entry *list_class(zval *list)
{
	zval *first = zend_hash_get_current_data(Z_ARRVAL_P(list));
	if (!first) {
		zend_hash_internal_pointer_reset(Z_ARRVAL_P(list));
		first = zend_hash_get_current_data(Z_ARRVAL_P(list));
	}
	return first && Z_TYPE_P(first) == IS_OBJECT ? Z_OBJCE_P(first) : NULL;
}

zend_object *php_messenger_envelope_filter(zend_object *envelope, bool (*keep)(zend_class_entry *ce))
{
	HashTable *stamps = Z_ARRVAL_P(PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS));
	zval *list;
	bool all = true;
	ZEND_HASH_FOREACH_VAL(stamps, list) {
		zend_class_entry *ce = list_class(list);
		if (ce && !keep(ce)) {
			all = false;
			break;
		}
	} ZEND_HASH_FOREACH_END();
	if (all) {
		GC_ADDREF(envelope);
		return envelope;
	}
	zend_object *copy = envelope_copy(envelope);
	zval *copied = PHP_MESSENGER_PROP(copy, PHP_MESSENGER_ENVELOPE_STAMPS);
	SEPARATE_ARRAY(copied);
	zend_string *key;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(copied), key, list) {
		zend_class_entry *ce = list_class(list);
		if (key && ce && !keep(ce)) {
			zend_hash_del(Z_ARRVAL_P(copied), key);
		}
	} ZEND_HASH_FOREACH_END();
	return copy;
}

HashTable *php_messenger_envelope_list(zend_object *envelope, zend_class_entry *ce)
{
	if (!(envelope_from(envelope)->maybe & class_bit(ce))) {
		return NULL;
	}
	zval *list = zend_hash_find(Z_ARRVAL_P(PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_STAMPS)), ce->name);
	return list ? Z_ARRVAL_P(list) : NULL;
}

zend_object *php_messenger_envelope_last(zend_object *envelope, zend_class_entry *ce)
{
	HashTable *list = php_messenger_envelope_list(envelope, ce);
	if (list) {
		zval *stamp;
		ZEND_HASH_REVERSE_FOREACH_VAL(list, stamp) {
			return Z_OBJ_P(stamp);
		} ZEND_HASH_FOREACH_END();
	}
	return NULL;
}

static bool check_stamp(zval *stamp, zend_ulong index, zend_string *key)
{
	if (Z_TYPE_P(stamp) == IS_OBJECT && instanceof_function(Z_OBJCE_P(stamp), php_messenger_ce_StampInterface)) {
		return true;
	}
	if (key) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Stamp \"%s\" must implement Messenger\\Stamp\\StampInterface, %s given", ZSTR_VAL(key), zend_zval_type_name(stamp));
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"Stamp at index " ZEND_ULONG_FMT " must implement Messenger\\Stamp\\StampInterface, %s given", index,
			Z_TYPE_P(stamp) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(stamp)->name) : zend_zval_type_name(stamp));
	}
	return false;
}

/* Adds every stamp of a PHP array; consumes envelope, returns an owned one or NULL. */
static zend_object *envelope_add_all(zend_object *envelope, HashTable *stamps)
{
	zend_ulong index;
	zend_string *key;
	zval *stamp;
	ZEND_HASH_FOREACH_KEY_VAL(stamps, index, key, stamp) {
		ZVAL_DEREF(stamp);
		if (!check_stamp(stamp, index, key)) {
			OBJ_RELEASE(envelope);
			return NULL;
		}
		envelope = php_messenger_envelope_with(envelope, Z_OBJ_P(stamp));
	} ZEND_HASH_FOREACH_END();
	return envelope;
}

zend_object *php_messenger_envelope_wrap(zval *message, HashTable *stamps)
{
	zend_object *envelope;
	if (Z_OBJCE_P(message) == php_messenger_ce_Envelope) {
		envelope = Z_OBJ_P(message);
		GC_ADDREF(envelope);
	} else {
		envelope = envelope_new();
		ZVAL_COPY(PHP_MESSENGER_PROP(envelope, PHP_MESSENGER_ENVELOPE_MESSAGE), message);
	}
	if (stamps && zend_hash_num_elements(stamps)) {
		return envelope_add_all(envelope, stamps);
	}
	return envelope;
}

static zend_string *class_arg(zend_string *name)
{
	if (ZSTR_LEN(name) && ZSTR_VAL(name)[0] == '\\') {
		return zend_string_init(ZSTR_VAL(name) + 1, ZSTR_LEN(name) - 1, 0);
	}
	return zend_string_copy(name);
}

/* {{{ Messenger\Envelope::__construct(object $message, array $stamps = []) */
ZEND_METHOD(Messenger_Envelope, __construct)
{
	zval *message;
	HashTable *stamps = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT(message)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(stamps)
	ZEND_PARSE_PARAMETERS_END();

	zend_object *self = Z_OBJ_P(ZEND_THIS);
	if (Z_TYPE_P(PHP_MESSENGER_PROP(self, PHP_MESSENGER_ENVELOPE_MESSAGE)) != IS_UNDEF) {
		zend_throw_error(NULL, "Cannot modify an immutable Messenger\\Envelope");
		RETURN_THROWS();
	}
	if (Z_OBJCE_P(message) == php_messenger_ce_Envelope) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"An Envelope cannot contain another Envelope; use Envelope::wrap() to add stamps to one");
		RETURN_THROWS();
	}
	if (stamps) {
		zend_ulong index;
		zend_string *key;
		zval *stamp;
		ZEND_HASH_FOREACH_KEY_VAL(stamps, index, key, stamp) {
			ZVAL_DEREF(stamp);
			if (!check_stamp(stamp, index, key)) {
				RETURN_THROWS();
			}
		} ZEND_HASH_FOREACH_END();
	}
	ZVAL_COPY(PHP_MESSENGER_PROP(self, PHP_MESSENGER_ENVELOPE_MESSAGE), message);
	envelope_from(self)->maybe = 0; /* no stamp yet */
	if (stamps) {
		zval *stamp;
		ZEND_HASH_FOREACH_VAL(stamps, stamp) {
			ZVAL_DEREF(stamp);
			envelope_add_in_place(self, Z_OBJ_P(stamp));
		} ZEND_HASH_FOREACH_END();
	}
}
/* }}} */

/* {{{ Messenger\Envelope::wrap(object $message, array $stamps = []): Envelope */
ZEND_METHOD(Messenger_Envelope, wrap)
{
	zval *message;
	HashTable *stamps = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJECT(message)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(stamps)
	ZEND_PARSE_PARAMETERS_END();

	zend_object *envelope = php_messenger_envelope_wrap(message, stamps);
	if (!envelope) {
		RETURN_THROWS();
	}
	RETURN_OBJ(envelope);
}
/* }}} */

/* {{{ Messenger\Envelope::with(StampInterface ...$stamps): Envelope */
ZEND_METHOD(Messenger_Envelope, with)
{
	zval *stamps = NULL;
	uint32_t count = 0;
	ZEND_PARSE_PARAMETERS_START(0, -1)
		Z_PARAM_VARIADIC('+', stamps, count)
	ZEND_PARSE_PARAMETERS_END();

	for (uint32_t i = 0; i < count; i++) {
		if (Z_TYPE(stamps[i]) != IS_OBJECT || !instanceof_function(Z_OBJCE(stamps[i]), php_messenger_ce_StampInterface)) {
			zend_argument_type_error(i + 1, "must be of type Messenger\\Stamp\\StampInterface, %s given", zend_zval_type_name(&stamps[i]));
			RETURN_THROWS();
		}
	}
	zend_object *copy = envelope_copy(Z_OBJ_P(ZEND_THIS));
	for (uint32_t i = 0; i < count; i++) {
		envelope_add_in_place(copy, Z_OBJ(stamps[i]));
	}
	RETURN_OBJ(copy);
}
/* }}} */

/* {{{ Messenger\Envelope::withoutAll(string $stampFqcn): Envelope */
ZEND_METHOD(Messenger_Envelope, withoutAll)
{
	zend_string *fqcn;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(fqcn)
	ZEND_PARSE_PARAMETERS_END();

	zend_string *name = class_arg(fqcn);
	zend_object *copy = php_messenger_envelope_without(envelope_copy(Z_OBJ_P(ZEND_THIS)), name);
	zend_string_release(name);
	RETURN_OBJ(copy);
}
/* }}} */

/* {{{ Messenger\Envelope::withoutStampsOfType(string $type): Envelope */
ZEND_METHOD(Messenger_Envelope, withoutStampsOfType)
{
	zend_string *type;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(type)
	ZEND_PARSE_PARAMETERS_END();

	zend_object *copy = envelope_copy(Z_OBJ_P(ZEND_THIS));
	zval *stamps = PHP_MESSENGER_PROP(copy, PHP_MESSENGER_ENVELOPE_STAMPS);
	zend_string *name = class_arg(type);
	zend_class_entry *type_ce = zend_lookup_class_ex(name, NULL, ZEND_FETCH_CLASS_NO_AUTOLOAD);
	zend_string *key;
	zval *list;
	SEPARATE_ARRAY(stamps);
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(stamps), key, list) {
		bool drop = zend_string_equals_ci(key, name);
		if (!drop && type_ce) {
			zval *first = zend_hash_get_current_data(Z_ARRVAL_P(list));
			drop = first && Z_TYPE_P(first) == IS_OBJECT && instanceof_function(Z_OBJCE_P(first), type_ce);
		}
		if (drop) {
			zend_hash_del(Z_ARRVAL_P(stamps), key);
		}
	} ZEND_HASH_FOREACH_END();
	zend_string_release(name);
	RETURN_OBJ(copy);
}
/* }}} */

/* {{{ Messenger\Envelope::last(string $stampFqcn): ?StampInterface */
ZEND_METHOD(Messenger_Envelope, last)
{
	zend_string *fqcn;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(fqcn)
	ZEND_PARSE_PARAMETERS_END();

	zval *stamps = PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), PHP_MESSENGER_ENVELOPE_STAMPS);
	zend_string *name = class_arg(fqcn);
	zval *list = zend_hash_find(Z_ARRVAL_P(stamps), name);
	zend_string_release(name);
	if (list) {
		zval *stamp;
		ZEND_HASH_REVERSE_FOREACH_VAL(Z_ARRVAL_P(list), stamp) {
			RETURN_COPY(stamp);
		} ZEND_HASH_FOREACH_END();
	}
	RETURN_NULL();
}
/* }}} */

/* {{{ Messenger\Envelope::all(?string $stampFqcn = null): array */
ZEND_METHOD(Messenger_Envelope, all)
{
	zend_string *fqcn = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(fqcn)
	ZEND_PARSE_PARAMETERS_END();

	zval *stamps = PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), PHP_MESSENGER_ENVELOPE_STAMPS);
	if (!fqcn) {
		RETURN_COPY(stamps);
	}
	zend_string *name = class_arg(fqcn);
	zval *list = zend_hash_find(Z_ARRVAL_P(stamps), name);
	zend_string_release(name);
	if (list) {
		RETURN_COPY(list);
	}
	RETURN_EMPTY_ARRAY();
}
/* }}} */

/* {{{ Messenger\Envelope::getMessage(): object */
ZEND_METHOD(Messenger_Envelope, getMessage)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval *message = php_messenger_envelope_message(Z_OBJ_P(ZEND_THIS));
	if (Z_TYPE_P(message) == IS_UNDEF) {
		zend_throw_error(NULL, "This Messenger\\Envelope was not constructed");
		RETURN_THROWS();
	}
	RETURN_COPY(message);
}
/* }}} */

void php_messenger_register_envelope(void)
{
	php_messenger_ce_StampInterface = register_class_Messenger_Stamp_StampInterface();
	php_messenger_ce_NonSendableStampInterface = register_class_Messenger_Stamp_NonSendableStampInterface(php_messenger_ce_StampInterface);
	php_messenger_ce_Envelope = register_class_Messenger_Envelope();
	php_messenger_ce_Envelope->create_object = envelope_create;
	memcpy(&envelope_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	envelope_handlers.offset = XtOffsetOf(php_messenger_envelope, std);
	envelope_handlers.clone_obj = envelope_clone;
}
