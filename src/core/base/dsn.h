/* Transport DSNs: scheme://[user[:password]@]host[:port][,host[:port]...][/path][?key=value&...];
 * a list of such DSNs of one scheme, scheme://a:1,scheme://b:2 (the hosts in order; the last
 * credentials and non-empty path; the queries one after the other); and scheme:?query, with no
 * host (Symfony's redis:?host[a:26379]&host[b:26379]&sentinel_master=name).
 * Parsed once when a transport is built; every component is percent-decoded. Error messages
 * never quote the password: use msgr_dsn_redact() to show a DSN to a human. */
#ifndef MSGR_DSN_H
#define MSGR_DSN_H

#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"

typedef struct msgr_dsn_param {
	char *key;
	char *value;
} msgr_dsn_param_t;

typedef struct msgr_dsn_host {
	char *host;
	int port;          /* 0 when absent */
} msgr_dsn_host_t;

typedef struct msgr_dsn {
	char *scheme;      /* lower-cased, never NULL after a successful parse */
	char *user;        /* NULL when absent */
	char *password;    /* NULL when absent */
	char *host;        /* "" when absent; IPv6 without its brackets */
	int port;          /* 0 when absent */
	msgr_dsn_host_t *more_hosts; /* the hosts after the first of host1:port1,host2:port2,...; NULL when one */
	size_t more_host_count;
	char *path;        /* "" or starting with '/' */
	char *raw_path;    /* the same before percent-decoding (a segment may hold an encoded '/') */
	msgr_dsn_param_t *params;
	size_t param_count;
} msgr_dsn_t;

int msgr_dsn_parse(const char *dsn, size_t len, msgr_dsn_t *out, msgr_error_t *err);
/* The nth segment (from 0) of the path, percent-decoded on its own (so %2f in it is a "/" of the
 * segment), as a new string; NULL when it is missing or empty (*rc MSGR_OK), or with *rc set. */
char *msgr_dsn_path_segment(const msgr_dsn_t *dsn, size_t n, msgr_error_t *err, int *rc);
/* The last value of a query parameter, or NULL. */
const char *msgr_dsn_param(const msgr_dsn_t *dsn, const char *key);
void msgr_dsn_free(msgr_dsn_t *dsn);
/* Appends dsn to out with the password replaced by "***". */
int msgr_dsn_redact(const char *dsn, size_t len, msgr_buf_t *out);

#endif
