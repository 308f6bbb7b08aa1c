/* What a webhook delivery decides without the network: how an attempt is classified (delivered,
 * retried, given up, gone), the wait a Retry-After asks for, the signatures (Standard Webhooks,
 * Symfony's Webhook component) and which addresses are private. Pure functions, tested alone. */
#ifndef MSGR_WEBHOOK_H
#define MSGR_WEBHOOK_H

#include "core/base/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

struct sockaddr;

typedef enum {
	MSGR_WEBHOOK_DELIVERED,     /* 2xx (also when the rest of the answer was then cut off) */
	MSGR_WEBHOOK_RETRY,         /* 408, 429, 5xx, a timeout, a connection or TLS error */
	MSGR_WEBHOOK_FAIL,          /* 3xx and the other 4xx: a retry gives the same answer */
	MSGR_WEBHOOK_GONE,          /* 410: the endpoint says it is gone for good */
} msgr_webhook_outcome;

/* status: the HTTP status, 0 when no response came; transport_error: the attempt failed below
 * HTTP (timeout, refused, reset, TLS), refused: the address was refused (private network) */
msgr_webhook_outcome msgr_webhook_classify(long status, bool transport_error, bool refused);

/* A Retry-After value (delay-seconds or an HTTP date) as ms from now, or -1 when it is neither.
 * A date in the past is 0. */
long long msgr_webhook_retry_after_ms(const char *value, size_t len, time_t now);

/* The value of header `name` (case-insensitive) in raw response headers ("Name: value\r\n"
 * lines): a pointer into raw and its length, or NULL. */
const char *msgr_webhook_header(const char *raw, size_t raw_len, const char *name, size_t *len);

/* The secret's key bytes: "whsec_<base64>" decoded, else the bytes as given. -1 when the
 * base64 is broken. */
int msgr_webhook_secret_key(const char *secret, size_t len, msgr_buf_t *key);

/* Appends "v1,<base64 HMAC-SHA256 of id.timestamp.body>" for each secret of `secrets` (several
 * separated by spaces while a secret rotates; raw bytes without "whsec_" are one secret),
 * separated by spaces. -1 when a secret is broken or empty. */
int msgr_webhook_sign_standard(const char *secrets, size_t secrets_len, const char *id, long long timestamp,
	const char *body, size_t body_len, msgr_buf_t *out);

/* Appends "sha256=<hex HMAC-SHA256 of event.id.body>" with the secret's bytes as given, as
 * Symfony's HeaderSignatureConfigurator. -1 when the secret is empty. */
int msgr_webhook_sign_symfony(const char *secret, size_t secret_len, const char *event, const char *id,
	const char *body, size_t body_len, msgr_buf_t *out);

/* base64 (RFC 4648, with padding) */
int msgr_base64_encode(const unsigned char *in, size_t len, msgr_buf_t *out);
/* -1 on a character outside the alphabet or a bad length */
int msgr_base64_decode(const char *in, size_t len, msgr_buf_t *out);

/* Whether an address is one an endpoint on the internet cannot have: loopback, private
 * (RFC 1918, fc00::/7, fec0::/10), link-local, unspecified, carrier-grade NAT, benchmarking,
 * multicast and reserved, and one of these inside an IPv6 address (IPv4-mapped or -compatible,
 * NAT64 64:ff9b::/96, 6to4 2002::/16). */
bool msgr_webhook_addr_private(const struct sockaddr *sa);

#endif
