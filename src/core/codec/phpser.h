/* PHP's serialize() format, as Symfony's PhpSerializer puts an Envelope on the wire.
 *
 * msgr_phpser_rewrite_envelope() reads a serialized Envelope and writes it again with class
 * names mapped (Symfony's Envelope and stamps to ours, or back), every class checked before
 * PHP's unserializer ever sees it, stamps of unknown classes and unknown stamp properties left
 * out (with back-references renumbered), and every malformed byte reported with its offset.
 * The scanner follows the grammar of php-src's unserializer token for token, so a class name
 * cannot hide from it: what it does not understand it rejects.
 *
 * msgr_phpser_addslashes()/msgr_phpser_stripslashes() are PHP's addslashes()/stripslashes(),
 * which Symfony applies around the serialized text. */
#ifndef MSGR_PHPSER_H
#define MSGR_PHPSER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"
#include "core/base/utf8.h"

/* What class_fn says of a class. */
#define MSGR_PHPSER_KEEP   0 /* write it as it is */
#define MSGR_PHPSER_RENAME 1 /* write *to instead */
#define MSGR_PHPSER_REJECT 2 /* fail: err says why (class_fn fills reason) */
#define MSGR_PHPSER_DROP   3 /* stamp_key_fn only: leave the stamps of this class out */

/* Where a class appears. */
#define MSGR_PHPSER_ROLE_ENVELOPE 0 /* the top-level object */
#define MSGR_PHPSER_ROLE_STAMP    1 /* an object in one of the envelope's stamp lists */
#define MSGR_PHPSER_ROLE_VALUE    2 /* anywhere else: the message and what it holds */

typedef struct msgr_phpser_rules {
	void *ctx;
	/* Every class named by an O:, C: or E: token outside the parts left out. reason (size
	 * MSGR_ERROR_MAX) may be filled on REJECT. */
	int (*class_fn)(void *ctx, int role, const char *name, size_t len, const char **to, size_t *to_len, char *reason);
	/* A key of the envelope's stamps array (a stamp class name): KEEP, RENAME or DROP. */
	int (*stamp_key_fn)(void *ctx, const char *name, size_t len, const char **to, size_t *to_len);
	/* A property of the envelope or of a stamp (role), by unmangled name, with the object's
	 * (new) class; false leaves the property and its value out. NULL keeps every property. */
	bool (*prop_fn)(void *ctx, int role, const char *cls, size_t cls_len, const char *prop, size_t prop_len);
	unsigned max_depth; /* nesting of arrays and objects; 0 means 512 */
} msgr_phpser_rules_t;

/* Rewrites the serialized Envelope in[0..len) into out (appended). The top-level value must be
 * an object with a "stamps" property holding an array of lists of stamp objects. Returns
 * MSGR_OK, or MSGR_ERR_INVALID / MSGR_ERR_NOMEM with err set; out is then unspecified. */
int msgr_phpser_rewrite_envelope(const char *in, size_t len, const msgr_phpser_rules_t *rules, msgr_buf_t *out, msgr_error_t *err);

/* PHP's addslashes(): a backslash before ' " and \, and NUL as the two characters \0. */
int msgr_phpser_addslashes(const char *in, size_t len, msgr_buf_t *out);
/* The same into dst, which has room for 2 * len bytes; returns how many were written. */
size_t msgr_phpser_addslashes_to(char *dst, const char *in, size_t len);
/* PHP's stripslashes(): \0 becomes NUL, \X becomes X, a lone trailing backslash goes. */
int msgr_phpser_stripslashes(const char *in, size_t len, msgr_buf_t *out);

#endif
