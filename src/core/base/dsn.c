#include "core/base/dsn.h"
#include "core/base/alloc.h"

#include <ctype.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return -1;
}

/* Percent-decodes [s, s+len) into a new string; '+' means a space only in query strings. */
static char *decode(const char *s, size_t len, int plus_is_space, const char *what, msgr_error_t *err, int *rc)
{
	char *out = msgr_malloc(len + 1);
	size_t o = 0;
	if (!out) {
		*rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
		return NULL;
	}
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi = i + 2 < len ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < len ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0) {
				msgr_free(out);
				*rc = msgr_error_set(err, MSGR_ERR_INVALID, "invalid percent-encoding in the DSN's %s", what);
				return NULL;
			}
			out[o++] = (char) (hi * 16 + lo);
			i += 2;
		} else if (plus_is_space && s[i] == '+') {
			out[o++] = ' ';
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	*rc = MSGR_OK;
	return out;
}

static int parse_query(const char *q, size_t len, msgr_dsn_t *out, msgr_error_t *err)
{
	size_t pos = 0;
	while (pos < len) {
		const char *pair = q + pos;
		const char *amp = memchr(pair, '&', len - pos);
		size_t pair_len = amp ? (size_t) (amp - pair) : len - pos;
		pos += pair_len + 1;
		if (pair_len == 0) {
			continue;
		}
		const char *eq = memchr(pair, '=', pair_len);
		size_t key_len = eq ? (size_t) (eq - pair) : pair_len;
		if (key_len == 0) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's query has a parameter with no name");
		}
		msgr_dsn_param_t *params = msgr_realloc(out->params, (out->param_count + 1) * sizeof(*params));
		if (!params) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
		}
		out->params = params;
		int rc;
		char *key = decode(pair, key_len, 1, "query", err, &rc);
		if (!key) {
			return rc;
		}
		char *value = eq ? decode(eq + 1, pair_len - key_len - 1, 1, "query", err, &rc) : msgr_strndup("", 0);
		if (!value) {
			msgr_free(key);
			return eq ? rc : msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
		}
		out->params[out->param_count].key = key;
		out->params[out->param_count].value = value;
		out->param_count++;
	}
	return MSGR_OK;
}

/* host[:port] or [v6][:port] of an authority: *host (owned) and *port (0: absent) */
static int parse_host(const char *host, size_t host_len, char **out_host, int *out_port, msgr_error_t *err)
{
	int rc = MSGR_OK;
	const char *port = NULL;
	size_t port_len = 0;
	if (host_len && host[0] == '[') {
		const char *close = memchr(host, ']', host_len);
		if (!close) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's IPv6 host has no closing ']'");
		}
		size_t after = host_len - (size_t) (close - host) - 1;
		if (after && close[1] != ':') {
			return msgr_error_set(err, MSGR_ERR_INVALID, "unexpected characters after the DSN's IPv6 host");
		}
		if (after) {
			port = close + 2;
			port_len = after - 1;
		}
		if (!(*out_host = decode(host + 1, (size_t) (close - host) - 1, 0, "host", err, &rc))) {
			return rc;
		}
	} else {
		const char *colon = memchr(host, ':', host_len);
		if (colon) {
			port = colon + 1;
			port_len = host_len - (size_t) (colon - host) - 1;
			host_len = (size_t) (colon - host);
		}
		if (!(*out_host = decode(host, host_len, 0, "host", err, &rc))) {
			return rc;
		}
	}
	if (port) {
		long value = 0;
		if (port_len == 0 || port_len > 5) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's port must be a number from 1 to 65535");
		}
		for (size_t k = 0; k < port_len; k++) {
			if (!isdigit((unsigned char) port[k])) {
				return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's port must be a number from 1 to 65535");
			}
			value = value * 10 + (port[k] - '0');
		}
		if (value < 1 || value > 65535) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's port must be a number from 1 to 65535");
		}
		*out_port = (int) value;
	}

	return MSGR_OK;
}

static int parse(const char *dsn, size_t len, msgr_dsn_t *out, msgr_error_t *err)
{
	size_t i = 0;
	int rc;

	while (i < len && (isalnum((unsigned char) dsn[i]) || dsn[i] == '+' || dsn[i] == '-' || dsn[i] == '.')) {
		i++;
	}
	/* scheme:?query alone (no authority, no path) is Symfony's form of a list of hosts in the
	 * query: redis:?host[a:26379]&host[b:26379]&sentinel_master=... */
	bool bare = i > 0 && len - i >= 2 && dsn[i] == ':' && dsn[i + 1] == '?';
	if (i == 0 || !isalpha((unsigned char) dsn[0]) || (!bare && (len - i < 3 || memcmp(dsn + i, "://", 3) != 0))) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN has no scheme (expected scheme://...)");
	}
	if (!(out->scheme = msgr_strndup(dsn, i))) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
	}
	for (char *c = out->scheme; *c; c++) {
		*c = (char) tolower((unsigned char) *c);
	}
	if (bare) {
		if (!(out->host = msgr_strndup("", 0)) || !(out->path = msgr_strndup("", 0)) || !(out->raw_path = msgr_strndup("", 0))) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
		}
		return parse_query(dsn + i + 2, len - i - 2, out, err);
	}
	i += 3;

	const char *rest = dsn + i;
	size_t rest_len = len - i;
	const char *query = memchr(rest, '?', rest_len);
	const char *hash = memchr(rest, '#', rest_len);
	if (hash && (!query || hash < query)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN has a fragment ('#'), which no transport accepts");
	}
	size_t main_len = query ? (size_t) (query - rest) : rest_len;
	const char *slash = memchr(rest, '/', main_len);
	size_t auth_len = slash ? (size_t) (slash - rest) : main_len;

	/* userinfo ends at the last '@' of the authority, so a password may contain '@' */
	const char *host = rest;
	size_t host_len = auth_len;
	for (size_t k = auth_len; k > 0; k--) {
		if (rest[k - 1] == '@') {
			const char *colon = memchr(rest, ':', k - 1);
			size_t user_len = colon ? (size_t) (colon - rest) : k - 1;
			if (!(out->user = decode(rest, user_len, 0, "user", err, &rc))) {
				return rc;
			}
			if (colon && !(out->password = decode(colon + 1, k - 2 - user_len, 0, "password", err, &rc))) {
				return rc;
			}
			host = rest + k;
			host_len = auth_len - k;
			break;
		}
	}

	/* host[:port], or several separated by commas (transports that take a list of brokers) */
	const char *comma = memchr(host, ',', host_len);
	if ((rc = parse_host(host, comma ? (size_t) (comma - host) : host_len, &out->host, &out->port, err)) != MSGR_OK) {
		return rc;
	}
	if (comma && !*out->host) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's list of hosts has an empty one");
	}
	while (comma) {
		const char *next = comma + 1;
		size_t left = host_len - (size_t) (next - host);
		comma = memchr(next, ',', left);
		msgr_dsn_host_t *grown = msgr_realloc(out->more_hosts, (out->more_host_count + 1) * sizeof(*grown));
		if (!grown) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
		}
		out->more_hosts = grown;
		msgr_dsn_host_t *h = &out->more_hosts[out->more_host_count];
		h->host = NULL;
		h->port = 0;
		out->more_host_count++;
		if ((rc = parse_host(next, comma ? (size_t) (comma - next) : left, &h->host, &h->port, err)) != MSGR_OK) {
			return rc;
		}
		if (!*h->host) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's list of hosts has an empty one");
		}
	}

	if (!(out->path = decode(rest + auth_len, main_len - auth_len, 0, "path", err, &rc))) {
		return rc;
	}
	if (!(out->raw_path = msgr_strndup(rest + auth_len, main_len - auth_len))) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
	}
	if (query) {
		return parse_query(query + 1, rest_len - main_len - 1, out, err);
	}
	return MSGR_OK;
}

/* Where the next DSN of a list scheme://a,scheme://b starts (after its comma), or NULL. */
static const char *next_dsn(const char *s, size_t len, const char *scheme)
{
	size_t n = strlen(scheme);
	for (const char *c = memchr(s, ',', len); c; c = memchr(c + 1, ',', len - (size_t) (c + 1 - s))) {
		size_t left = len - (size_t) (c + 1 - s);
		if (left > n + 3 && strncasecmp(c + 1, scheme, n) == 0 && memcmp(c + 1 + n, "://", 3) == 0) {
			return c + 1;
		}
	}
	return NULL;
}

/* Takes what piece (of the same scheme: see next_dsn()) holds into out, the DSN so far of a
 * list: its hosts are added after out's;
 * its credentials, a non-empty path and its query parameters come after out's (the last wins). */
static int merge(msgr_dsn_t *out, msgr_dsn_t *piece, msgr_error_t *err)
{
	if (!*piece->host) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's list of hosts has an empty one");
	}
	size_t hosts = out->more_host_count + 1 + piece->more_host_count;
	msgr_dsn_host_t *grown = msgr_realloc(out->more_hosts, hosts * sizeof(*grown));
	msgr_dsn_param_t *params = msgr_realloc(out->params, (out->param_count + piece->param_count + 1) * sizeof(*params));
	if (grown) {
		out->more_hosts = grown;
	}
	if (params) {
		out->params = params;
	}
	if (!grown || !params) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory while parsing the DSN");
	}
	grown[out->more_host_count].host = piece->host;
	grown[out->more_host_count].port = piece->port;
	memcpy(grown + out->more_host_count + 1, piece->more_hosts, piece->more_host_count * sizeof(*grown));
	out->more_host_count = hosts;
	piece->host = NULL;
	piece->more_host_count = 0;
	memcpy(params + out->param_count, piece->params, piece->param_count * sizeof(*params));
	out->param_count += piece->param_count;
	piece->param_count = 0;
	char **mine[] = { &out->user, &out->password, &out->path, &out->raw_path };
	char **theirs[] = { &piece->user, &piece->password, &piece->path, &piece->raw_path };
	for (size_t k = 0; k < 4; k++) {
		if (*theirs[k] && (k < 2 || **theirs[k])) {
			msgr_free(*mine[k]);
			*mine[k] = *theirs[k];
			*theirs[k] = NULL;
		}
	}
	return MSGR_OK;
}

int msgr_dsn_parse(const char *dsn, size_t len, msgr_dsn_t *out, msgr_error_t *err)
{
	memset(out, 0, sizeof(*out));
	if (memchr(dsn, '\0', len)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "the DSN contains a NUL byte");
	}
	/* scheme://a,scheme://b,...: a list of servers (a cluster's seeds), each a DSN of its own */
	const char *at = dsn, *end = dsn + len;
	int rc = MSGR_OK;
	bool first = true;
	while (rc == MSGR_OK && at) {
		const char *next = first ? NULL : next_dsn(at, (size_t) (end - at), out->scheme);
		if (first) {
			/* the scheme is needed to find the next one: parse the first alone first */
			const char *sep = memchr(dsn, ':', len);
			char scheme[32];
			size_t n = sep ? (size_t) (sep - dsn) : 0;
			if (n && n < sizeof(scheme)) {
				memcpy(scheme, dsn, n);
				scheme[n] = '\0';
				next = next_dsn(dsn, len, scheme);
			}
			rc = parse(at, next ? (size_t) (next - 1 - at) : len, out, err);
			first = false;
		} else {
			msgr_dsn_t piece;
			memset(&piece, 0, sizeof(piece));
			rc = parse(at, next ? (size_t) (next - 1 - at) : (size_t) (end - at), &piece, err);
			if (rc == MSGR_OK) {
				rc = merge(out, &piece, err);
			}
			msgr_dsn_free(&piece);
		}
		at = next;
	}
	if (rc == MSGR_OK && out->more_host_count && !*out->host) {
		rc = msgr_error_set(err, MSGR_ERR_INVALID, "the DSN's list of hosts has an empty one");
	}
	if (rc != MSGR_OK) {
		msgr_dsn_free(out);
	}
	return rc;
}

char *msgr_dsn_path_segment(const msgr_dsn_t *dsn, size_t n, msgr_error_t *err, int *rc)
{
	*rc = MSGR_OK;
	const char *p = dsn->raw_path;
	if (!p || *p != '/') {
		return NULL;
	}
	p++;
	for (size_t i = 0; i < n; i++) {
		const char *slash = strchr(p, '/');
		if (!slash) {
			return NULL;
		}
		p = slash + 1;
	}
	const char *slash = strchr(p, '/');
	size_t len = slash ? (size_t) (slash - p) : strlen(p);
	return len ? decode(p, len, 0, "path", err, rc) : NULL;
}

const char *msgr_dsn_param(const msgr_dsn_t *dsn, const char *key)
{
	for (size_t k = dsn->param_count; k > 0; k--) {
		if (strcmp(dsn->params[k - 1].key, key) == 0) {
			return dsn->params[k - 1].value;
		}
	}
	return NULL;
}

void msgr_dsn_free(msgr_dsn_t *dsn)
{
	msgr_free(dsn->scheme);
	msgr_free(dsn->user);
	msgr_free(dsn->password);
	msgr_free(dsn->host);
	for (size_t i = 0; i < dsn->more_host_count; i++) {
		msgr_free(dsn->more_hosts[i].host);
	}
	msgr_free(dsn->more_hosts);
	msgr_free(dsn->path);
	msgr_free(dsn->raw_path);
	for (size_t k = 0; k < dsn->param_count; k++) {
		msgr_free(dsn->params[k].key);
		msgr_free(dsn->params[k].value);
	}
	msgr_free(dsn->params);
	memset(dsn, 0, sizeof(*dsn));
}

int msgr_dsn_redact(const char *dsn, size_t len, msgr_buf_t *out)
{
	const char *sep = len >= 3 ? strstr(dsn, "://") : NULL;
	if (!sep || (size_t) (sep - dsn) > len) {
		return msgr_buf_append(out, dsn, len);
	}
	char scheme[32];
	size_t scheme_len = (size_t) (sep - dsn);
	const char *next = NULL;
	if (scheme_len && scheme_len < sizeof(scheme)) {
		memcpy(scheme, dsn, scheme_len);
		scheme[scheme_len] = '\0';
		next = next_dsn(dsn, len, scheme);
	}
	if (next) {
		/* a list: each DSN of it on its own */
		int rc = msgr_dsn_redact(dsn, (size_t) (next - 1 - dsn), out);
		if (rc == MSGR_OK) rc = msgr_buf_append(out, ",", 1);
		return rc == MSGR_OK ? msgr_dsn_redact(next, len - (size_t) (next - dsn), out) : rc;
	}
	const char *auth = sep + 3;
	size_t auth_max = len - (size_t) (auth - dsn);
	size_t auth_len = strcspn(auth, "/?#");
	if (auth_len > auth_max) {
		auth_len = auth_max;
	}
	const char *at = NULL;
	for (size_t k = auth_len; k > 0; k--) {
		if (auth[k - 1] == '@') {
			at = auth + k - 1;
			break;
		}
	}
	const char *colon = at ? memchr(auth, ':', (size_t) (at - auth)) : NULL;
	if (!colon) {
		return msgr_buf_append(out, dsn, len);
	}
	int rc = msgr_buf_append(out, dsn, (size_t) (colon - dsn) + 1);
	if (rc == MSGR_OK) rc = msgr_buf_append_str(out, "***");
	if (rc == MSGR_OK) rc = msgr_buf_append(out, at, len - (size_t) (at - dsn));
	return rc;
}
