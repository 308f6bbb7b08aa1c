/* The serialization area: SerializerInterface, PhpSerializer and JsonSerializer, the allow-list
 * of classes decoding may make. Includes the bus area. */
#ifndef PHP_MESSENGER_SERIALIZATION_H
#define PHP_MESSENGER_SERIALIZATION_H

#include "php/bus/bus.h"

void php_messenger_register_serializer(void);

extern zend_class_entry *php_messenger_ce_SerializerInterface;
extern zend_class_entry *php_messenger_ce_PhpSerializer;
extern zend_class_entry *php_messenger_ce_JsonSerializer;
extern zend_class_entry *php_messenger_ce_UndecodableMessage;

/* ---- serializers (php_messenger_serializer.c, php_messenger_json.c) ---- */
/* The classes a serializer may instantiate when decoding. */
typedef struct php_messenger_allow {
	bool any;           /* allowed_classes: true */
	HashTable names;    /* lower-cased class names listed, and those their typed properties name */
	HashTable prefixes; /* lower-cased "ns\\" of "Ns\\*" entries */
	HashTable checked;  /* lower-cased names found allowed and loaded */
	HashTable resolved; /* exact names found allowed => class entry (a bounded cache) */
	HashTable noted;    /* exact names let through to PHP's unserializer (bounded) */
	HashTable unserializable; /* their lower-cased names: unserialize()'s own allow-list */
} php_messenger_allow;

/* What a serializer does, one table per format; a serializer written in PHP gets the adapter's,
 * whose operations call its methods. */
typedef struct php_messenger_serializer_ops {
	const char *format; /* "php", "json", or NULL for one written in PHP */
	/* encoded gets ['body' => string, 'headers' => array] (headers may be left out); false with an exception */
	bool (*encode)(zend_object *serializer, zend_object *envelope, zval *encoded);
	/* an owned Envelope, or NULL with an exception */
	zend_object *(*decode)(zend_object *serializer, zval *encoded);
	/* the body alone, for a format without headers (Symfony's PhpSerializer): NULL when it has them */
	zend_string *(*encode_body)(zend_object *serializer, zend_object *envelope);
} php_messenger_serializer_ops;

typedef struct php_messenger_serializer {
	const php_messenger_serializer_ops *ops;
	php_messenger_allow allow;
	zend_object std;
} php_messenger_serializer;
/* the ops of any SerializerInterface */
const php_messenger_serializer_ops *php_messenger_serializer_ops_of(zend_object *serializer);

void php_messenger_allow_init(php_messenger_allow *a);
void php_messenger_allow_destroy(php_messenger_allow *a);
/* Adds a class name, or "Ns\\*" for a namespace. */
void php_messenger_allow_add(php_messenger_allow *a, zend_string *name);
/* Applies an "allowed_classes" option (true or a list); false with an exception naming owner. */
bool php_messenger_allow_option(php_messenger_allow *a, zval *option, const char *owner);
/* The class, loaded, when decoding may instantiate it: listed, under a listed namespace,
 * extending or implementing a listed type, named by a typed property of an allowed class, or
 * one of PHP's date classes and stdClass. Else NULL, with reason filled. */
zend_class_entry *php_messenger_allow_class(php_messenger_allow *a, const char *name, size_t len, char *reason, size_t reason_size);
/* Encoding's side of the allow-list: whether decoding may make ce, asked of every object a body
 * will hold before it goes out (no message goes into a queue that its serializer cannot take
 * out). a may be NULL (no check). false with an InvalidArgumentException naming the class, the
 * message's class and the option. */
bool php_messenger_allow_encoding(php_messenger_allow *a, zend_class_entry *ce, zend_object *envelope);
php_messenger_serializer *php_messenger_serializer_of(zend_object *obj);
/* A PhpSerializer or JsonSerializer allowing the class names that are keys of allowed (may be NULL). */
zend_object *php_messenger_serializer_new(zend_class_entry *ce, HashTable *allowed);
/* Our stamp class for our name or Symfony's (*symfony says which matched), or NULL. */
zend_class_entry *php_messenger_stamp_by_name(const char *name, size_t len, bool *symfony);
/* Symfony's name for one of our stamp classes, or NULL. */
const char *php_messenger_stamp_symfony_name(zend_class_entry *ce);
/* Whether stamps of this class are written to the wire. */
bool php_messenger_stamp_travels(zend_class_entry *ce);
/* Whether every declared property of the objects of value's graph (user classes and our stamps,
 * not those that serialize their own state) holds a value; else the first that does not, as
 * "Class::$name", in missing. */
bool php_messenger_whole(zval *value, char *missing, size_t missing_size);
/* the same of a decoded envelope (false with a MessageDecodingFailedException), and of the
 * message about to be encoded (false with an InvalidArgumentException) */
bool php_messenger_decoded_whole(zend_object *envelope);
bool php_messenger_encoded_whole(zend_object *envelope);
/* Whether objects of ce are checked whole (user classes and our stamps, not those that
 * serialize their own state). */
bool php_messenger_whole_class(const zend_class_entry *ce);
/* "Class::$name" of a declared property, into out */
void php_messenger_property_label(const zend_class_entry *ce, const zend_property_info *info, char *out, size_t out_size);
/* Throws encoding's InvalidArgumentException for missing ("Class::$name"). */
void php_messenger_encoding_incomplete(zend_object *envelope, const char *missing);
/* Throws MessageDecodingFailedException; previous (consumed) may be NULL. */
void php_messenger_decoding_failed(zend_object *previous, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
/* allow (may be NULL) is the encoding serializer's, asked of every object the body holds */
zend_string *php_messenger_php_encode(php_messenger_allow *allow, zend_object *envelope);
/* addslashes(serialize()) of an envelope under Symfony's names for common shapes, *ascii set
 * when it is all ASCII; NULL: use the general path, or (with an exception) an object allow
 * refuses. */
zend_string *php_messenger_phpwire_write(zend_object *envelope, php_messenger_allow *allow, bool *ascii);
/* frees what the writer kept of the request's classes */
void php_messenger_phpwire_request_shutdown(void);
/* Builds the Envelope from unescaped serialize() text under the rewrite's rules (a
 * msgr_phpser_rules_t): 1 with *out set, or 0 when only the general path can (nothing left
 * behind: no exception, no destructor run). */
struct msgr_phpser_rules;
/* The class the decoding rules' last class_fn call resolved (NULL when it did not look one up). */
zend_class_entry *php_messenger_decoded_class(void *ctx);
int php_messenger_phpwire_read(const char *in, size_t len, const struct msgr_phpser_rules *rules, zval *out);
zend_object *php_messenger_php_decode(php_messenger_allow *allow, HashTable *encoded);
/* Encodes through any SerializerInterface (ours without a PHP frame); false with an exception. */
bool php_messenger_serializer_encode(zend_object *serializer, zend_object *envelope, zval *encoded);
/* Decodes through any SerializerInterface: an owned Envelope, or NULL with an exception. */
zend_object *php_messenger_serializer_decode(zend_object *serializer, zval *encoded);
/* What a transport received, decoded by serializer; when that fails with a
 * MessageDecodingFailedException (or serializer is NULL: one is pending, the entry could not even
 * be read), that is taken and the Envelope is of an UndecodableMessage with the body, the
 * headers and the reason, which the worker sends to the failure transport. NULL, leaving the
 * exception, for any other exception. */
zend_object *php_messenger_decode_received(zend_object *serializer, zval *encoded);
/* given (a new reference), or the default: a PhpSerializer */
zend_object *php_messenger_serializer_or_default(zend_object *given);
/* Adds a class (or "Ns\\*") to the allow-list of one of our serializers; nothing for others. */
void php_messenger_serializer_allow(zend_object *serializer, zend_string *name);
/* JSON: fills encoded with body and headers; false with an exception. */
bool php_messenger_json_encode(php_messenger_allow *allow, zend_object *envelope, zval *encoded);
zend_object *php_messenger_json_decode(php_messenger_allow *allow, HashTable *encoded);

#endif
