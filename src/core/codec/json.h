/* The JSON of a Redis stream entry and of a delayed member, byte for byte as Symfony writes it
 * with PHP's json_encode() (no flags: "/" as "\/", non-ASCII as \uXXXX, lower-case hex), and a
 * strict reader of that shape. */
#ifndef MSGR_JSON_H
#define MSGR_JSON_H

#include "core/base/buf.h"
#include "core/base/error.h"
#include "core/base/message.h"

/* {"body":"...","headers":{"name":"value",...}} ("headers":[] when there are none), with
 * ,"uniqid":"..." at the end when uniqid is not NULL. */
int msgr_json_write_message(msgr_buf_t *out, const msgr_message_t *m, const char *uniqid, msgr_error_t *err);

/* The exact length of msgr_json_write_message()'s output; MSGR_ERR_INVALID when a string is
 * not UTF-8. */
int msgr_json_message_len(const msgr_message_t *m, const char *uniqid, size_t *len, msgr_error_t *err);
/* A bound on that length that costs nothing to compute (every byte escaped at its longest). */
size_t msgr_json_message_bound(const msgr_message_t *m, const char *uniqid);
/* Writes that JSON at w (room for msgr_json_message_len() or msgr_json_message_bound() bytes)
 * and returns the end; NULL with *bad_at when a string is not UTF-8. */
char *msgr_json_put_message(char *w, const msgr_message_t *m, const char *uniqid, size_t *bad_at);

/* Reads an object with a string "body" and "headers" that is an object of strings or an empty
 * array; other keys are skipped. Fills out->body and out->headers (owned). MSGR_ERR_PROTOCOL
 * with a reason for anything else (bad JSON, bad UTF-8, nesting deeper than 64, trailing bytes,
 * no body). */
int msgr_json_read_message(const char *in, size_t len, msgr_message_t *out, msgr_error_t *err);

#endif
