/* The Redis streams transport (see msgr_redis.h). Every server call goes through run() or
 * pipeline(): they connect when there is no connection, and after a broken connection connect
 * again once and repeat the call (delivery is at least once: a send the server took just before
 * it died may be sent twice, never lost). */
#include "core/redis/redis.h"
#include "core/base/option.h"
#include "core/base/prefetch.h"
#include "core/base/pool.h"
#include "core/base/alloc.h"
#include "core/base/buf.h"
#include "core/codec/json.h"
#include "core/redis/net.h"

#include <hiredis/hiredis.h>

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

/* {{{ options */
static const char *const known_options[] = {
	"stream", "group", "consumer", "auto_setup", "delete_after_ack", "delete_after_reject", "stream_max_entries",
	"dbindex", "redeliver_timeout", "claim_interval", "lazy", "auth", "serializer", "persistent", "timeout",
	"read_timeout", "get_batch_size", "tls", "cacert", "cert", "key", "verify_peer", "max_deliveries",
	"persistent_id", "retry_interval", "sentinel_master", "redis_sentinel", "sentinel_auth", "sentinel_user",
	"wait_replicas", NULL,
};
#define KNOWN_OPTIONS_LIST "stream, group, consumer, auto_setup, delete_after_ack, delete_after_reject, stream_max_entries, " \
	"dbindex, redeliver_timeout, claim_interval, lazy, auth, serializer, persistent, timeout, read_timeout, get_batch_size, " \
	"tls, cacert, cert, key, verify_peer, max_deliveries, persistent_id, retry_interval, sentinel_master (redis_sentinel), " \
	"sentinel_auth, sentinel_user, wait_replicas, ssl[...], host[...]"

static int parse_bool(const char *key, const char *v, bool *out, msgr_error_t *err)
{
	return msgr_option_bool("Redis", key, v, out, err);
}

static int parse_number(const char *key, const char *v, long long min, long long *out, msgr_error_t *err)
{
	return msgr_option_integer("Redis", key, v, min, out, err);
}

static int parse_seconds(const char *key, const char *v, double *out, msgr_error_t *err)
{
	return msgr_option_seconds("Redis", key, v, out, err);
}

/* Symfony's ssl option: PHP's stream context keys, as ssl[key] */
static int apply_ssl(msgr_redis_options_t *o, const char *key, const char *v, msgr_error_t *err)
{
	size_t len = strlen(key);
	if (len < 6 || key[len - 1] != ']') {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"%.60s\" is not of the form ssl[key]", key);
	}
	char name[32];
	snprintf(name, sizeof(name), "%.*s", (int) (len - 5 < sizeof(name) - 1 ? len - 5 : sizeof(name) - 1), key + 4);
	if (strcmp(name, "verify_peer") == 0) return parse_bool(key, v, &o->verify_peer, err);
	if (strcmp(name, "verify_peer_name") == 0) return parse_bool(key, v, &o->verify_peer_name, err);
	char **file = strcmp(name, "cafile") == 0 ? &o->cacert : strcmp(name, "capath") == 0 ? &o->capath
		: strcmp(name, "local_cert") == 0 ? &o->cert : strcmp(name, "local_pk") == 0 ? &o->key
		: strcmp(name, "peer_name") == 0 ? &o->peer_name : NULL;
	if (!file) {
		return msgr_error_set(err, MSGR_ERR_INVALID,
			"The Redis ssl option \"%.40s\" is not supported (known: cafile, capath, local_cert, local_pk, verify_peer, verify_peer_name, peer_name)", name);
	}
	if (*v == '\0') {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"%.60s\" must not be empty", key);
	}
	return msgr_option_string(file, v, err);
}

/* host[h:port] of Symfony's DSN: a sentinel or a cluster node (no unix socket; per-host
 * parameters are not spoken) */
static int apply_host(msgr_redis_options_t *o, const char *key, const char *v, msgr_error_t *err)
{
	size_t len = strlen(key);
	/* (a key with credentials in it is not repeated: they would be in the message) */
	const char *shown = memchr(key, '@', len) ? "host[...]" : key;
	if (len < 7 || key[len - 1] != ']') {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"%.60s\" is not of the form host[name:port]", shown);
	}
	if (*v) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis DSN's %.60s has parameters, which are not supported", shown);
	}
	msgr_dsn_t one;
	msgr_buf_t text = MSGR_BUF_INIT;
	int rc = msgr_buf_appendf(&text, "redis://%.*s", (int) (len - 6), key + 5);
	if (rc != MSGR_OK) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	msgr_error_t why;
	int parsed = msgr_dsn_parse(text.data, text.len, &one, &why);
	if (parsed != MSGR_OK || !*one.host || one.more_host_count || *one.path || one.param_count || one.user) {
		if (parsed == MSGR_ERR_NOMEM) {
			rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		} else {
			rc = msgr_error_set(err, MSGR_ERR_INVALID, "The Redis DSN's %.60s is not a host name and port (a unix socket cannot be a sentinel or a cluster node)", shown);
		}
		msgr_dsn_free(&one);
		msgr_buf_free(&text);
		return rc;
	}
	msgr_buf_free(&text);
	msgr_redis_addr_t *grown = msgr_realloc(o->nodes, (o->node_count + 1) * sizeof(*grown));
	if (!grown) {
		msgr_dsn_free(&one);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	o->nodes = grown;
	if (strlen(one.host) >= sizeof(grown->host)) {
		msgr_dsn_free(&one);
		return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis DSN's %.60s has a host name that is too long", shown);
	}
	strcpy(grown[o->node_count].host, one.host);
	grown[o->node_count].port = one.port; /* 0: the default of the mode, set once it is known */
	o->node_count++;
	msgr_dsn_free(&one);
	return MSGR_OK;
}

static int apply_option(msgr_redis_options_t *o, const char *key, const char *v, msgr_error_t *err)
{
	long long n;
	int rc = MSGR_OK;
	if (strcmp(key, "stream") == 0 || strcmp(key, "group") == 0 || strcmp(key, "consumer") == 0) {
		if (*v == '\0') {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"%s\" must not be empty", key);
		}
		return msgr_option_string(key[0] == 's' ? &o->stream : key[0] == 'g' ? &o->group : &o->consumer, v, err);
	}
	if (strcmp(key, "cacert") == 0 || strcmp(key, "cert") == 0 || strcmp(key, "key") == 0) {
		if (*v == '\0') {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"%s\" must be a file name", key);
		}
		return msgr_option_string(key[0] == 'c' ? (key[1] == 'a' ? &o->cacert : &o->cert) : &o->key, v, err);
	}
	if (strncmp(key, "ssl[", 4) == 0) return apply_ssl(o, key, v, err);
	if (strncmp(key, "host[", 5) == 0) return apply_host(o, key, v, err);
	if (strcmp(key, "sentinel_master") == 0 || strcmp(key, "redis_sentinel") == 0 || strcmp(key, "persistent_id") == 0
		|| strcmp(key, "sentinel_user") == 0) {
		if (*v == '\0') {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"%s\" must not be empty", key);
		}
		return msgr_option_string(key[0] == 'p' ? &o->persistent_id : strcmp(key, "sentinel_user") == 0 ? &o->sentinel_user : &o->sentinel_master, v, err);
	}
	if (strcmp(key, "sentinel_auth") == 0) {
		return *v ? msgr_option_string(&o->sentinel_password, v, err) : MSGR_OK;
	}
	if (strcmp(key, "wait_replicas") == 0) {
		if (strcmp(v, "auto") == 0) {
			o->wait_replicas = -1;
			return MSGR_OK;
		}
		return parse_number(key, v, 0, &o->wait_replicas, err);
	}
	if (strcmp(key, "retry_interval") == 0) return parse_number(key, v, 0, &o->retry_interval_ms, err);
	if (strcmp(key, "tls") == 0) return parse_bool(key, v, &o->tls, err);
	if (strcmp(key, "verify_peer") == 0) return parse_bool(key, v, &o->verify_peer, err);
	if (strcmp(key, "auth") == 0) {
		return *v ? msgr_option_string(&o->password, v, err) : MSGR_OK;
	}
	if (strcmp(key, "auto_setup") == 0) return parse_bool(key, v, &o->auto_setup, err);
	if (strcmp(key, "delete_after_ack") == 0) return parse_bool(key, v, &o->delete_after_ack, err);
	if (strcmp(key, "delete_after_reject") == 0) return parse_bool(key, v, &o->delete_after_reject, err);
	if (strcmp(key, "lazy") == 0) return parse_bool(key, v, &o->lazy, err);
	if (strcmp(key, "persistent") == 0) return parse_bool(key, v, &o->persistent, err);
	if (strcmp(key, "timeout") == 0) return parse_seconds(key, v, &o->connect_timeout, err);
	if (strcmp(key, "read_timeout") == 0) return parse_seconds(key, v, &o->read_timeout, err);
	if (strcmp(key, "stream_max_entries") == 0) {
		rc = parse_number(key, v, 0, &o->stream_max_entries, err);
	} else if (strcmp(key, "dbindex") == 0) {
		if ((rc = parse_number(key, v, 0, &n, err)) == MSGR_OK) {
			o->dbindex = (long) n;
		}
	} else if (strcmp(key, "redeliver_timeout") == 0) {
		if ((rc = parse_number(key, v, 1, &n, err)) == MSGR_OK) {
			o->redeliver_timeout_ms = n * 1000;
		}
	} else if (strcmp(key, "claim_interval") == 0) {
		rc = parse_number(key, v, 1, &o->claim_interval_ms, err);
	} else if (strcmp(key, "get_batch_size") == 0) {
		rc = parse_number(key, v, 1, &o->get_batch_size, err);
	} else if (strcmp(key, "max_deliveries") == 0) {
		rc = parse_number(key, v, 0, &o->max_deliveries, err);
	} else if (strcmp(key, "serializer") == 0) {
		/* phpredis' OPT_SERIALIZER of Symfony's connection: 1 (PHP, the default) wraps the JSON in
		 * s:N:"...";, 0 (none) writes it raw; igbinary, msgpack and JSON are not spoken here */
		if ((rc = parse_number(key, v, 0, &n, err)) == MSGR_OK && n > 1) {
			rc = msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option \"serializer\" can be 1 (PHP, the default) or 0 (none), %lld given", n);
		}
		if (rc == MSGR_OK) {
			o->raw_json = n == 0;
		}
	} else {
		rc = msgr_error_set(err, MSGR_ERR_INVALID, "Unknown Redis option \"%.60s\" (known: " KNOWN_OPTIONS_LIST ")", key);
	}
	return rc;
}

static bool is_known(const char *key)
{
	if (strncmp(key, "ssl[", 4) == 0 || strncmp(key, "host[", 5) == 0) {
		return true;
	}
	for (size_t i = 0; known_options[i]; i++) {
		if (strcmp(known_options[i], key) == 0) {
			return true;
		}
	}
	return false;
}

static int default_consumer(msgr_redis_options_t *o, msgr_error_t *err)
{
	const char *env = getenv("MESSENGER_CONSUMER_NAME");
	if (env && *env) {
		/* a supervisor's name for the process (worker_%(process_num)s): it comes back, keep it */
		return msgr_option_string(&o->consumer, env, err);
	}
	char host[256] = "";
	if (gethostname(host, sizeof(host) - 1) != 0 || !*host) {
		strcpy(host, "localhost");
	}
	char name[300];
	snprintf(name, sizeof(name), "%s-%ld", host, (long) getpid());
	o->consumer_generated = true;
	return msgr_option_string(&o->consumer, name, err);
}

/* Sentinel, Cluster or one server, from the hosts and options parsed: the DSN's hosts come
 * before its host[...] keys in nodes */
static int topology(const msgr_dsn_t *dsn, msgr_redis_options_t *o, msgr_error_t *err)
{
	size_t listed = o->node_count, authority = (*dsn->host ? 1 : 0) + dsn->more_host_count;
	bool sentinel = o->sentinel_master != NULL;
	if (!sentinel && !listed && authority <= 1) {
		if (o->sentinel_user || o->sentinel_password) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis options sentinel_auth and sentinel_user need sentinel_master");
		}
		o->wait_replicas = o->wait_replicas == -2 ? 0 : o->wait_replicas;
		if (o->wait_replicas == -1) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis option wait_replicas=auto needs Sentinel or Cluster (a number of replicas is fine)");
		}
		return MSGR_OK;
	}
	if (o->socket || (!*dsn->host && !listed)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, sentinel ? "Redis Sentinel needs the sentinels' host:port (host[h:26379] in the DSN)"
			: "A unix socket cannot be a cluster node");
	}
	if (!sentinel && o->dbindex) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "Redis Cluster has database 0 only: dbindex %ld given", o->dbindex);
	}
	if (!sentinel && (o->sentinel_user || o->sentinel_password)) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "The Redis options sentinel_auth and sentinel_user need sentinel_master");
	}
	/* the DSN's hosts first, then the host[...] keys */
	msgr_redis_addr_t *all = msgr_calloc(listed + authority, sizeof(*all));
	if (!all) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	size_t n = 0;
	for (size_t i = 0; i < authority; i++) {
		const char *h = i ? dsn->more_hosts[i - 1].host : dsn->host;
		if (strlen(h) >= sizeof(all->host)) {
			msgr_free(all);
			return msgr_error_set(err, MSGR_ERR_INVALID, "A Redis host name is too long");
		}
		strcpy(all[n].host, h);
		all[n++].port = i ? dsn->more_hosts[i - 1].port : dsn->port;
	}
	memcpy(all + n, o->nodes, listed * sizeof(*all));
	n += listed;
	for (size_t i = 0; i < n; i++) {
		all[i].port = all[i].port ? all[i].port : sentinel ? 26379 : 6379;
	}
	msgr_free(o->nodes);
	o->nodes = all;
	o->node_count = n;
	o->cluster = !sentinel;
	o->wait_replicas = o->wait_replicas == -2 ? -1 : o->wait_replicas;
	if (o->cluster && !msgr_redis_has_tag(o->stream)) {
		/* {stream} and {stream}__queue hash to one slot: the move of due messages touches both */
		size_t len = strlen(o->stream);
		char *tagged = msgr_malloc(len + 3);
		if (!tagged) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		tagged[0] = '{';
		memcpy(tagged + 1, o->stream, len);
		memcpy(tagged + 1 + len, "}", 2);
		msgr_free(o->stream);
		o->stream = tagged;
	}
	return MSGR_OK;
}

int msgr_redis_options_parse(const msgr_dsn_t *dsn, const msgr_kv_t *extra, size_t extra_count, msgr_redis_options_t *o, msgr_error_t *err)
{
	memset(o, 0, sizeof(*o));
	int rc = MSGR_OK;
	if (strcmp(dsn->scheme, "redis") != 0 && strcmp(dsn->scheme, "rediss") != 0) {
		return msgr_error_set(err, MSGR_ERR_INVALID, "Not a Redis DSN: the scheme is \"%s\"", dsn->scheme);
	}
	o->port = dsn->port ? dsn->port : 6379;
	/* lazy: a configuration builds every transport up front, so the connection is made when the
	 * transport is first used (lazy=0 connects at once, as Symfony's default does) */
	o->auto_setup = o->delete_after_ack = o->delete_after_reject = o->persistent = o->lazy = o->verify_peer = true;
	o->verify_peer_name = true;
	o->tls = strcmp(dsn->scheme, "rediss") == 0;
	o->redeliver_timeout_ms = 3600 * 1000;
	o->claim_interval_ms = 60000;
	o->get_batch_size = 0;
	o->max_deliveries = 5;
	o->wait_replicas = -2; /* not given: see topology() */
	/* not given: 5 s to connect, 30 s for a reply; 0 given is Symfony's "unlimited" */
	o->connect_timeout = 5;
	o->read_timeout = 30;
	bool socket = !*dsn->host && dsn->path[0] == '/' && dsn->path[1];
	if ((rc = msgr_option_string(&o->host, socket ? "" : *dsn->host ? dsn->host : "127.0.0.1", err)) != MSGR_OK ||
		(socket && (rc = msgr_option_string(&o->socket, dsn->path, err)) != MSGR_OK) ||
		(rc = msgr_option_string(&o->stream, "messages", err)) != MSGR_OK || (rc = msgr_option_string(&o->group, "symfony", err)) != MSGR_OK) {
		goto fail;
	}
	/* the configuration's options, then the DSN's query: the DSN wins */
	for (size_t i = 0; i < extra_count; i++) {
		if ((rc = apply_option(o, extra[i].key, extra[i].value, err)) != MSGR_OK) {
			goto fail;
		}
	}
	for (size_t i = 0; i < dsn->param_count; i++) {
		if (!is_known(dsn->params[i].key)) {
			rc = msgr_error_set(err, MSGR_ERR_INVALID, "Unknown Redis option \"%.60s\" in the DSN (known: " KNOWN_OPTIONS_LIST ")", dsn->params[i].key);
			goto fail;
		}
		if ((rc = apply_option(o, dsn->params[i].key, dsn->params[i].value, err)) != MSGR_OK) {
			goto fail;
		}
	}
	/* the path: /stream/group/consumer, each overriding the options */
	if (!socket && dsn->path[0] == '/' && dsn->path[1]) {
		char *slots[3] = { NULL, NULL, NULL };
		const char *p = dsn->path + 1;
		for (int i = 0; i < 3 && *p; i++) {
			const char *slash = strchr(p, '/');
			size_t len = slash ? (size_t) (slash - p) : strlen(p);
			if (len) {
				slots[i] = msgr_strndup(p, len);
				if (!slots[i]) {
					rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
				}
			}
			p += len + (slash ? 1 : 0);
		}
		if (rc == MSGR_OK && *p) {
			rc = msgr_error_set(err, MSGR_ERR_INVALID, "A Redis DSN's path is /stream/group/consumer; it has more segments");
		}
		char **targets[3] = { &o->stream, &o->group, &o->consumer };
		for (int i = 0; i < 3; i++) {
			if (slots[i] && rc == MSGR_OK) {
				msgr_free(*targets[i]);
				*targets[i] = slots[i];
			} else {
				msgr_free(slots[i]);
			}
		}
		if (rc != MSGR_OK) {
			goto fail;
		}
	}
	if (dsn->password && *dsn->password) {
		if ((rc = msgr_option_string(&o->password, dsn->password, err)) != MSGR_OK ||
			(dsn->user && *dsn->user && (rc = msgr_option_string(&o->user, dsn->user, err)) != MSGR_OK)) {
			goto fail;
		}
	} else if (dsn->user && *dsn->user && !o->password) {
		/* redis://secret@host: the user part alone is the password, as Symfony reads it */
		if ((rc = msgr_option_string(&o->password, dsn->user, err)) != MSGR_OK) {
			goto fail;
		}
	}
	if (!o->consumer && (rc = default_consumer(o, err)) != MSGR_OK) {
		goto fail;
	}
	if ((rc = topology(dsn, o, err)) != MSGR_OK) {
		goto fail;
	}
	return MSGR_OK;
fail:
	msgr_redis_options_free(o);
	return rc;
}

void msgr_redis_options_free(msgr_redis_options_t *o)
{
	char *strings[] = { o->host, o->socket, o->user, o->password, o->stream, o->group, o->consumer, o->cacert, o->cert, o->key,
		o->capath, o->peer_name, o->persistent_id, o->sentinel_master, o->sentinel_user, o->sentinel_password };
	msgr_free(o->nodes);
	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++) {
		msgr_free(strings[i]);
	}
	memset(o, 0, sizeof(*o));
}

/* host:port, or [host]:port for an IPv6 address */
static const char *addr_text(const char *host, int port, char *buf, size_t size)
{
	snprintf(buf, size, strchr(host, ':') ? "[%s]:%d" : "%s:%d", host, port);
	return buf;
}

const char *msgr_redis_where(const msgr_redis_options_t *o, char *buf, size_t size)
{
	char at[MSGR_REDIS_HOST_SIZE + 16];
	if (o->node_count) {
		size_t len = (size_t) snprintf(buf, size, o->cluster ? "Redis Cluster " : "Redis primary \"%.80s\" (Sentinel ", o->sentinel_master);
		for (size_t i = 0; i < o->node_count && len < size; i++) {
			len += (size_t) snprintf(buf + len, size - len, "%s%s", i ? ", " : "", addr_text(o->nodes[i].host, o->nodes[i].port, at, sizeof(at)));
		}
		if (len < size) {
			snprintf(buf + len, size - len, "%s%s", o->tls ? " (TLS)" : "", o->cluster ? "" : ")");
		}
		return buf;
	}
	if (o->socket) {
		snprintf(buf, size, "Redis at %s", o->socket);
	} else {
		snprintf(buf, size, "Redis at %s%s", addr_text(o->host, o->port, at, sizeof(at)), o->tls ? " (TLS)" : "");
	}
	return buf;
}
/* }}} */

/* {{{ the connection */
#define WAIT_MS "2000" /* how long a send waits for the replicas to have its messages */
#define ID_SIZE 48 /* a stream entry id, ms-seq, with room to spare */

struct msgr_redis {
	msgr_redis_options_t o;
	msgr_net_t *net;            /* NULL: not connected */
	redisReader *reader;        /* the replies of net, parsed by hiredis */
	char where[300];
	char *queue_key;            /* <stream>__queue */
	bool set_up;
	bool pending_possible;      /* this consumer may have entries pending: read them first */
	char pel_cursor[ID_SIZE]; /* where the read of the own pending entries goes on */
	long long next_claim_ms;
	bool no_autoclaim;          /* the server has no XAUTOCLAIM (Redis < 6.2) */
	char **acks;                /* acknowledged ids not yet written (see acks_wait()) */
	size_t ack_count, ack_cap;
	size_t read_ahead;          /* what the worker reading asks for (see batch_of()); 0: none */
	char (*held)[ID_SIZE];      /* the ids handed out by get() and not settled yet: a read of */
	size_t held_count, held_cap; /* the own pending entries skips them */
	size_t settle_hint;         /* where the next settled id is looked for first (see settled()) */
	bool consumed;              /* this transport read from the group as its consumer */
	/* A worker's next read is written before it handles the batch it got (see writes_ahead()),
	 * with the kept acknowledgements: what is outstanding on net, in reply order. */
	int flight_ack_cmds;        /* XACK (and XDEL) replies */
	size_t flight_acks;         /* the first kept acknowledgements they write */
	bool flight_read;           /* the move of the due messages and the read */
	redisReply *stash[2];       /* the replies of a read written ahead, landed, not yet handed out */
	/* Sentinel and Cluster: the server found for this transport (the primary, the slot's owner) */
	msgr_redis_addr_t at;
	bool at_known;
	msgr_redis_addr_t hint;     /* Cluster: the node a MOVED named, asked first for the slots */
	bool has_hint;
	unsigned slot;              /* Cluster: the slot of the stream (and of its delayed set) */
	long long replicas;         /* WAIT for this many replicas after a send (0: no WAIT) */
	long long listed;           /* the replicas the topology listed (what wait_replicas=auto waits for) */
	long long recheck_ms;       /* auto and none listed: when to ask the topology again */
	long long send_wait;        /* during a send: the WAIT that goes after commands sent elsewhere */
	bool was_lost;              /* the last connection broke: retry_interval before the next */
};

static void give_back_ahead(msgr_redis_t *r);
static int claim(msgr_redis_t *r, const char *const *ids, size_t n, long long idle_ms, const char *doing, size_t *claimed, msgr_error_t *err);

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void drop(msgr_redis_t *r)
{
	if (r->flight_read) {
		/* what it read is pending for this consumer: read from there again */
		r->pending_possible = true;
		strcpy(r->pel_cursor, "0");
	}
	r->flight_ack_cmds = 0;
	r->flight_acks = 0;
	r->flight_read = false;
	msgr_net_close(r->net);
	r->net = NULL;
	if (r->reader) {
		/* whatever half a reply it held belongs to the connection that is gone */
		redisReaderFree(r->reader);
		r->reader = NULL;
	}
}

/* {{{ persistent connections (core/base/pool): keyed by the server, the credentials, TLS and the
 * database; one that the server closed meanwhile is never handed out */
static void pool_close(void *net)
{
	msgr_net_close(net);
}

static void pool_forget(void *net)
{
	msgr_net_forget(net);
}

static msgr_pool_t pool = MSGR_POOL_INIT(pool_close, pool_forget);

static char *pool_key(const msgr_redis_t *r)
{
	msgr_buf_t key = MSGR_BUF_INIT;
	const msgr_redis_options_t *o = &r->o;
	char at[MSGR_REDIS_HOST_SIZE + 16];
	const char *fields[] = { o->node_count ? addr_text(r->at.host, r->at.port, at, sizeof(at)) : r->where, o->user, o->password, o->cacert, o->capath, o->cert, o->key, o->peer_name,
		o->persistent_id };
	int rc = msgr_buf_appendf(&key, "%ld|%d|%d|%d|", o->dbindex, o->tls, o->verify_peer, o->verify_peer_name);
	return msgr_pool_key_end(&key, rc, fields, sizeof(fields) / sizeof(fields[0]));
}

static msgr_net_t *pool_take(const char *key)
{
	msgr_net_t *found = msgr_pool_take(&pool, key);
	if (found && !msgr_net_idle_ok(found)) {
		msgr_net_close(found);
		found = NULL;
	}
	return found;
}

/* Takes net and key: pooled, or closed when the pool is full. */
static void pool_give(char *key, msgr_net_t *net)
{
	if (net) {
		msgr_pool_give(&pool, key, net);
	} else {
		msgr_free(key);
	}
}

static void found_clear(void);

void msgr_redis_pool_clear(void)
{
	msgr_pool_clear(&pool);
	found_clear();
}
/* }}} */

static int exchange(msgr_redis_t *r, const char *data, size_t len, size_t n, redisReply **replies, bool *written, msgr_error_t *err);
static int resp_cmd_args(msgr_buf_t *b, int argc, const char *const *argv, msgr_error_t *err);
static bool busy_reply(const redisReply *reply);

/* {{{ Sentinel and Cluster: where the transport's server is. What was found is kept for the
 * process (the next transport of an FPM worker connects without asking), and forgotten when a
 * connection to it breaks or it turns out not to be the primary any more. */
#define FOUND_SLOTS 16
static struct {
	char *key;
	msgr_redis_addr_t at;
	long long listed;
} found[FOUND_SLOTS];
static size_t found_next;
static pthread_mutex_t found_lock = PTHREAD_MUTEX_INITIALIZER;

static char *found_key(const msgr_redis_t *r)
{
	/* with the credentials it was found with: a transport whose own are wrong asks, and hears so */
	msgr_buf_t key = MSGR_BUF_INIT;
	const char *fields[] = { r->where, r->o.sentinel_user, r->o.sentinel_password, r->o.user, r->o.password };
	return msgr_pool_key_end(&key, msgr_buf_appendf(&key, "%u|", r->slot), fields, sizeof(fields) / sizeof(fields[0]));
}

static bool found_get(msgr_redis_t *r)
{
	char *key = found_key(r);
	bool hit = false;
	pthread_mutex_lock(&found_lock);
	for (size_t i = 0; key && i < FOUND_SLOTS && !hit; i++) {
		if (found[i].key && strcmp(found[i].key, key) == 0) {
			r->at = found[i].at;
			r->listed = found[i].listed;
			hit = true;
		}
	}
	pthread_mutex_unlock(&found_lock);
	msgr_free(key);
	return hit;
}

/* put (r->at and r->replicas) or, with forget, remove what is kept for r */
static void found_set(msgr_redis_t *r, bool forget)
{
	char *key = found_key(r);
	if (!key) {
		return;
	}
	pthread_mutex_lock(&found_lock);
	size_t slot = FOUND_SLOTS;
	for (size_t i = 0; i < FOUND_SLOTS && slot == FOUND_SLOTS; i++) {
		if (found[i].key && strcmp(found[i].key, key) == 0) {
			slot = i;
		}
	}
	if (forget && slot < FOUND_SLOTS) {
		msgr_free(found[slot].key);
		found[slot].key = NULL;
	} else if (!forget) {
		if (slot == FOUND_SLOTS) {
			slot = found_next++ % FOUND_SLOTS;
			msgr_free(found[slot].key);
			found[slot].key = key;
			key = NULL;
		}
		found[slot].at = r->at;
		found[slot].listed = r->listed;
	}
	pthread_mutex_unlock(&found_lock);
	msgr_free(key);
}

static void found_clear(void)
{
	pthread_mutex_lock(&found_lock);
	for (size_t i = 0; i < FOUND_SLOTS; i++) {
		msgr_free(found[i].key);
		found[i].key = NULL;
	}
	pthread_mutex_unlock(&found_lock);
}

/* A connection broke, or its server is not the one any more: dropped, and (Sentinel, Cluster)
 * the server is looked for again before the next connection. */
static void forget_server(msgr_redis_t *r)
{
	if (r->o.node_count && r->at_known) {
		found_set(r, true);
		r->at_known = false;
	}
}

static void lost(msgr_redis_t *r)
{
	r->was_lost = r->was_lost || r->net;
	drop(r);
	forget_server(r);
}

/* The server is not the one any more (a slot moved, a primary demoted, replicas gone): dropped
 * and looked for again, without the pause of a lost connection. */
static void moved(msgr_redis_t *r)
{
	drop(r);
	forget_server(r);
}

static int read_on(msgr_net_t *net, redisReader *reader, size_t n, redisReply **replies, msgr_error_t *err);
static void free_replies(redisReply **replies, size_t n);

/* n commands (resp) to the server at a, on a connection of their own, after AUTH with user and
 * password (when password): the replies, or the reason it failed (the server's refusal of the
 * credentials is MSGR_ERR_DENIED). */
static int ask_node(msgr_redis_t *r, const msgr_redis_addr_t *a, const char *user, const char *password, const msgr_buf_t *resp,
	size_t n, redisReply **replies, bool *written, msgr_error_t *err)
{
	*written = false;
	msgr_tls_t tls = { r->o.tls, r->o.cacert, r->o.capath, r->o.cert, r->o.key, r->o.verify_peer, r->o.verify_peer_name, r->o.peer_name };
	msgr_net_t *net = NULL;
	redisReader *reader = redisReaderCreate();
	msgr_buf_t all = MSGR_BUF_INIT;
	redisReply *auth = NULL;
	int rc = reader ? MSGR_OK : msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	if (rc == MSGR_OK && password) {
		const char *argv[] = { "AUTH", user ? user : password, password };
		rc = resp_cmd_args(&all, user ? 3 : 2, argv, err);
	}
	if (rc == MSGR_OK && msgr_buf_append(&all, resp->data, resp->len) != MSGR_OK) {
		rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	if (rc == MSGR_OK) {
		rc = msgr_net_connect(&net, a->host, a->port, NULL, &tls, r->o.connect_timeout, r->o.read_timeout, err);
	}
	if (rc == MSGR_OK && (rc = msgr_net_write(net, all.data, all.len, err)) == MSGR_OK) {
		*written = true;
		msgr_net_await(net);
		if (password && (rc = read_on(net, reader, 1, &auth, err)) == MSGR_OK && auth->type == REDIS_REPLY_ERROR) {
			rc = msgr_error_set(err, MSGR_ERR_DENIED, "the credentials were refused: %s", auth->str);
		}
		if (rc == MSGR_OK) {
			rc = read_on(net, reader, n, replies, err);
		}
	}
	if (auth) {
		freeReplyObject(auth);
	}
	if (reader) {
		redisReaderFree(reader);
	}
	msgr_net_close(net);
	msgr_buf_free(&all);
	return rc;
}

/* Asks the topology's nodes in turn where this transport's server is and how many replicas it
 * has: the sentinels (GET-MASTER-ADDR-BY-NAME and REPLICAS, with the sentinels' credentials) or
 * the cluster's nodes (CLUSTER SLOTS, the one a MOVED named first). */
static int ask_topology(msgr_redis_t *r, msgr_error_t *err)
{
	bool cluster = r->o.cluster;
	msgr_buf_t resp = MSGR_BUF_INIT, why_all = MSGR_BUF_INIT;
	const char *slots[] = { "CLUSTER", "SLOTS" };
	const char *addr[] = { "SENTINEL", "GET-MASTER-ADDR-BY-NAME", r->o.sentinel_master };
	const char *replicas[] = { "SENTINEL", "REPLICAS", r->o.sentinel_master };
	size_t n = cluster ? 1 : 2;
	int rc = cluster ? resp_cmd_args(&resp, 2, slots, err) : resp_cmd_args(&resp, 3, addr, err);
	if (rc == MSGR_OK && !cluster) {
		rc = resp_cmd_args(&resp, 3, replicas, err);
	}
	const char *user = cluster ? r->o.user : r->o.sentinel_user, *password = cluster ? r->o.password : r->o.sentinel_password;
	bool denied = false, found = false;
	size_t tries = r->o.node_count + (r->has_hint ? 1 : 0);
	for (size_t i = 0; rc == MSGR_OK && !found && i < tries; i++) {
		const msgr_redis_addr_t *node = r->has_hint ? (i ? &r->o.nodes[i - 1] : &r->hint) : &r->o.nodes[i];
		redisReply *replies[2] = { NULL, NULL };
		msgr_error_t why;
		bool written;
		int got = ask_node(r, node, user, password, &resp, n, replies, &written, &why);
		if (got == MSGR_OK) {
			int listed = 0;
			found = cluster ? msgr_redis_slot_owner(replies[0], r->slot, &r->at, &listed) : msgr_redis_sentinel_addr(replies[0], &r->at);
			if (found) {
				listed = cluster ? listed : msgr_redis_sentinel_replicas_up(replies[1]);
				r->listed = listed > 0 ? listed : 0;
			}
			snprintf(why.message, sizeof(why.message), "%s", replies[0]->type == REDIS_REPLY_ERROR ? replies[0]->str
				: cluster ? "no node serves the slot" : "it does not know the primary");
			free_replies(replies, n);
		}
		denied = denied || got == MSGR_ERR_DENIED;
		char at[MSGR_REDIS_HOST_SIZE + 16];
		if (!found) {
			(void) msgr_buf_appendf(&why_all, "%s%s: %s", i ? "; " : "", addr_text(node->host, node->port, at, sizeof(at)), why.message);
		}
	}
	r->has_hint = false;
	if (rc == MSGR_OK && !found && cluster) {
		rc = msgr_error_set(err, denied ? MSGR_ERR_DENIED : MSGR_ERR_IO, "No node of the %s said which one serves slot %u of \"%s\" (%s)",
			r->where, r->slot, r->o.stream, why_all.data ? why_all.data : "");
	} else if (rc == MSGR_OK && !found) {
		rc = msgr_error_set(err, denied ? MSGR_ERR_DENIED : MSGR_ERR_IO, "No sentinel gave the address of the Redis primary \"%s\" (%s)",
			r->o.sentinel_master, why_all.data ? why_all.data : "");
	}
	msgr_buf_free(&resp);
	msgr_buf_free(&why_all);
	return rc;
}

/* The server of this transport, and the replicas a send waits for: *cached when it was known
 * to the process already. */
static int locate(msgr_redis_t *r, bool *cached, msgr_error_t *err)
{
	int rc = MSGR_OK;
	*cached = found_get(r);
	if (!*cached && (rc = ask_topology(r, err)) == MSGR_OK) {
		found_set(r, false);
	}
	if (rc == MSGR_OK) {
		r->at_known = true;
		r->replicas = r->o.wait_replicas >= 0 ? r->o.wait_replicas : r->listed;
		/* none listed (replicas resyncing after a failover, say): asked again before a send
		 * after a while, so that WAIT comes back with them */
		r->recheck_ms = now_ms() + 5000;
	}
	return rc;
}
/* }}} */

static void pause_ms(long long ms);

/* Whether the connection (Sentinel: one from the pool) is to the primary still: ROLE. */
static int check_role(msgr_redis_t *r, const char *where, msgr_error_t *err)
{
	msgr_buf_t resp = MSGR_BUF_INIT;
	const char *role[] = { "ROLE" };
	redisReply *reply = NULL;
	bool written;
	msgr_error_t why;
	int rc = resp_cmd_args(&resp, 1, role, err);
	if (rc == MSGR_OK && (rc = exchange(r, resp.data, resp.len, 1, &reply, &written, &why)) != MSGR_OK) {
		rc = msgr_error_set(err, rc, "%s: %s", where, why.message);
	} else if (rc == MSGR_OK && !msgr_redis_role_primary(reply)) {
		rc = msgr_error_set(err, MSGR_ERR_IO, "%s is not the primary (a failover is under way)", where);
	}
	if (reply) {
		freeReplyObject(reply);
	}
	msgr_buf_free(&resp);
	return rc;
}

/* One connection to the server found (or the one server): from the pool or new, logged in and
 * (Sentinel) asked whether it is the primary. */
static int connect_once(msgr_redis_t *r, msgr_error_t *err)
{
	int rc;
	if (!r->reader) {
		if (!(r->reader = redisReaderCreate())) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		/* keep the read buffer between replies (hiredis frees one with more than 16 KiB free
		 * each time it empties, and a batch of 50 entries is about 32 KiB) */
		r->reader->maxbuf = 1024 * 1024;
	}
	const char *host = r->o.node_count ? r->at.host : r->o.host;
	int port = r->o.node_count ? r->at.port : r->o.port;
	char where[MSGR_REDIS_HOST_SIZE + 400], at[MSGR_REDIS_HOST_SIZE + 16];
	if (r->o.node_count) {
		snprintf(where, sizeof(where), "%s at %s", r->where, addr_text(host, port, at, sizeof(at)));
	} else {
		snprintf(where, sizeof(where), "%s", r->where);
	}
	if (r->o.persistent || r->o.persistent_id) {
		char *key = pool_key(r);
		r->net = key ? pool_take(key) : NULL;
		msgr_free(key);
		if (r->net && r->o.sentinel_master && (rc = check_role(r, where, err)) != MSGR_OK) {
			moved(r); /* (a demotion by hand, or in a failover's first seconds, kills no client) */
			return rc;
		}
		if (r->net) {
			return MSGR_OK;
		}
	}
	msgr_tls_t tls = { r->o.tls, r->o.cacert, r->o.capath, r->o.cert, r->o.key, r->o.verify_peer, r->o.verify_peer_name, r->o.peer_name };
	msgr_error_t why;
	if (msgr_net_connect(&r->net, host, port, r->o.socket, &tls, r->o.connect_timeout, r->o.read_timeout, &why) != MSGR_OK) {
		lost(r);
		return msgr_error_set(err, why.code, "Cannot connect to %s: %s", where, why.message);
	}
	/* AUTH, SELECT and (Sentinel) ROLE in one round trip; the server's words (WRONGPASS ...)
	 * never hold the password */
	msgr_buf_t resp = MSGR_BUF_INIT;
	size_t n = 0;
	int auth_at = -1, select_at = -1, role_at = -1;
	rc = MSGR_OK;
	char db[24];
	snprintf(db, sizeof(db), "%ld", r->o.dbindex);
	if (r->o.password) {
		const char *auth[] = { "AUTH", r->o.user ? r->o.user : r->o.password, r->o.password };
		rc = resp_cmd_args(&resp, r->o.user ? 3 : 2, auth, err);
		auth_at = (int) n++;
	}
	if (rc == MSGR_OK && r->o.dbindex) {
		const char *select[] = { "SELECT", db };
		rc = resp_cmd_args(&resp, 2, select, err);
		select_at = (int) n++;
	}
	if (rc == MSGR_OK && r->o.sentinel_master) {
		/* a sentinel may answer with a primary that is one no more: it says so itself */
		const char *role[] = { "ROLE" };
		rc = resp_cmd_args(&resp, 1, role, err);
		role_at = (int) n++;
	}
	redisReply *replies[3] = { NULL, NULL, NULL };
	msgr_error_t why2;
	bool written;
	if (rc == MSGR_OK && n && exchange(r, resp.data, resp.len, n, replies, &written, &why2) != MSGR_OK) {
		rc = msgr_error_set(err, why2.code, "%s: %s", where, why2.message);
	}
	for (size_t i = 0; rc == MSGR_OK && i < n; i++) {
		if (replies[i]->type == REDIS_REPLY_ERROR && busy_reply(replies[i])) {
			rc = msgr_error_set(err, MSGR_ERR_IO, "%s cannot serve yet: %s", where, replies[i]->str);
		} else if ((int) i == auth_at && replies[i]->type == REDIS_REPLY_ERROR) {
			rc = msgr_error_set(err, MSGR_ERR_DENIED, "%s refused the credentials: %s", where, replies[i]->str);
		} else if ((int) i == select_at && replies[i]->type == REDIS_REPLY_ERROR) {
			rc = msgr_error_set(err, MSGR_ERR_DENIED, "%s cannot select database %ld: %s", where, r->o.dbindex, replies[i]->str);
		} else if ((int) i == role_at && !msgr_redis_role_primary(replies[i])) {
			rc = msgr_error_set(err, MSGR_ERR_IO, "%s is not the primary (a failover is under way)", where);
		}
	}
	for (size_t i = 0; i < 3; i++) {
		if (replies[i]) {
			freeReplyObject(replies[i]);
		}
	}
	msgr_buf_free(&resp);
	if (rc != MSGR_OK) {
		lost(r);
	}
	return rc;
}

static int connect_now(msgr_redis_t *r, msgr_error_t *err)
{
	if (r->was_lost && r->o.retry_interval_ms) {
		/* Symfony's retry_interval: a pause before connecting again after a lost connection */
		pause_ms(r->o.retry_interval_ms);
	}
	r->was_lost = false;
	for (int tries = 0;; tries++) {
		bool cached = false;
		int rc;
		if (r->o.node_count && !r->at_known && (rc = locate(r, &cached, err)) != MSGR_OK) {
			return rc;
		}
		rc = connect_once(r, err);
		if (rc != MSGR_ERR_IO || !cached || tries) {
			return rc;
		}
		/* what the process knew was stale (a failover, a slot moved since): asked again */
		forget_server(r);
	}
}

typedef struct {
	int argc;
	const char *argv[12];
	size_t len[12];
} cmd_t;

static void cmd_add(cmd_t *c, const char *s, size_t len)
{
	c->argv[c->argc] = s;
	c->len[c->argc] = len;
	c->argc++;
}

static void cmd_str(cmd_t *c, const char *s)
{
	cmd_add(c, s, strlen(s));
}

static void free_replies(redisReply **replies, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (replies[i]) {
			freeReplyObject(replies[i]);
			replies[i] = NULL;
		}
	}
}

/* {{{ RESP: commands written straight into one buffer */
static char *put_count(char *w, unsigned long long v)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char) ('0' + v % 10);
		v /= 10;
	} while (v);
	while (n) {
		*w++ = tmp[--n];
	}
	return w;
}

/* Room for a command of argc arguments whose bytes add up to payload. */
static int resp_reserve(msgr_buf_t *b, size_t argc, size_t payload)
{
	return msgr_buf_reserve(b, 24 + argc * 26 + payload);
}

static void resp_begin(msgr_buf_t *b, size_t argc)
{
	char *w = b->data + b->len;
	*w++ = '*';
	w = put_count(w, argc);
	*w++ = '\r';
	*w++ = '\n';
	b->len = (size_t) (w - b->data);
}

/* An argument's head ($len\r\n); its bytes and \r\n follow. */
static void resp_arg_head(msgr_buf_t *b, size_t len)
{
	char *w = b->data + b->len;
	*w++ = '$';
	w = put_count(w, len);
	*w++ = '\r';
	*w++ = '\n';
	b->len = (size_t) (w - b->data);
}

static void resp_arg(msgr_buf_t *b, const char *s, size_t len)
{
	resp_arg_head(b, len);
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len++] = '\r';
	b->data[b->len++] = '\n';
	b->data[b->len] = '\0';
}

static int resp_cmd(msgr_buf_t *b, const cmd_t *c, msgr_error_t *err)
{
	size_t payload = 0;
	for (int i = 0; i < c->argc; i++) {
		payload += c->len[i];
	}
	if (resp_reserve(b, (size_t) c->argc, payload) != MSGR_OK) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	resp_begin(b, (size_t) c->argc);
	for (int i = 0; i < c->argc; i++) {
		resp_arg(b, c->argv[i], c->len[i]);
	}
	return MSGR_OK;
}
static int resp_cmd_args(msgr_buf_t *b, int argc, const char *const *argv, msgr_error_t *err)
{
	cmd_t c = { 0 };
	for (int i = 0; i < argc; i++) {
		cmd_str(&c, argv[i]);
	}
	return resp_cmd(b, &c, err);
}
/* }}} */

/* Writes data and reads n replies on the current connection; with an error, the connection is
 * no longer usable (the caller drops it). */
/* *written: the commands went out whole (a failure after that leaves them maybe carried out) */
static int read_replies(msgr_redis_t *r, size_t n, redisReply **replies, msgr_error_t *err);

static int exchange(msgr_redis_t *r, const char *data, size_t len, size_t n, redisReply **replies, bool *written, msgr_error_t *err)
{
	int rc = msgr_net_write(r->net, data, len, err);
	*written = rc == MSGR_OK;
	if (rc == MSGR_OK && n) {
		msgr_net_await(r->net);
		rc = read_replies(r, n, replies, err);
	}
	return rc;
}

/* The next n replies on a connection; none of them kept when it fails. */
static int read_on(msgr_net_t *net, redisReader *reader, size_t n, redisReply **replies, msgr_error_t *err)
{
	int rc = MSGR_OK;
	size_t got = 0;
	while (rc == MSGR_OK && got < n) {
		void *reply = NULL;
		if (redisReaderGetReply(reader, &reply) != REDIS_OK) {
			rc = msgr_error_set(err, MSGR_ERR_PROTOCOL, "%s", reader->errstr);
			break;
		}
		if (reply) {
			replies[got++] = reply;
			continue;
		}
		char buf[65536]; /* a batch's reply in one read */
		ssize_t k = msgr_net_read(net, buf, sizeof(buf), err);
		if (k < 0) {
			rc = MSGR_ERR_IO;
		} else if (redisReaderFeed(reader, buf, (size_t) k) != REDIS_OK) {
			rc = msgr_error_set(err, MSGR_ERR_PROTOCOL, "%s", reader->errstr);
		}
	}
	if (rc != MSGR_OK) {
		free_replies(replies, got);
	}
	return rc;
}

static int read_replies(msgr_redis_t *r, size_t n, redisReply **replies, msgr_error_t *err)
{
	return read_on(r->net, r->reader, n, replies, err);
}

/* The n commands in resp in one round trip; replies[i] owned by the caller (free_replies). A
 * Redis error reply is a reply: the caller looks at it. A connection the server closed (a
 * restart, an idle timeout) is replaced once and the commands sent again. When it fails in
 * the end after the commands once went out whole, the error is MSGR_ERR_UNCONFIRMED: they may
 * have been carried out (a message sent may be stored). */
static int land(msgr_redis_t *r, msgr_error_t *err);

/* The start of each of the n commands in resp, and its end at [n]. */
static void command_offsets(const msgr_buf_t *resp, size_t n, size_t *at)
{
	size_t pos = 0;
	for (size_t i = 0; i < n; i++) {
		at[i] = pos;
		/* *argc\r\n then argc times $len\r\n<bytes>\r\n, as resp_cmd() writes them */
		long argc = strtol(resp->data + pos + 1, NULL, 10);
		pos = (size_t) (strchr(resp->data + pos, '\n') - resp->data) + 1;
		for (long k = 0; k < argc; k++) {
			long len = strtol(resp->data + pos + 1, NULL, 10);
			pos = (size_t) (strchr(resp->data + pos, '\n') - resp->data) + 1 + (size_t) len + 2;
		}
	}
	at[n] = pos;
}

/* Appends WAIT for n replicas to resp (see msgr_redis_send()). */
static int append_wait(msgr_buf_t *resp, long long n, msgr_error_t *err)
{
	char text[24];
	snprintf(text, sizeof(text), "%lld", n);
	const char *wait[] = { "WAIT", text, WAIT_MS };
	return resp_cmd_args(resp, 3, wait, err);
}

/* The reply of WAIT for n replicas: MSGR_OK when they all had the messages, else
 * MSGR_ERR_UNCONFIRMED saying so (after: where the messages went, or ""). */
static int wait_answer(msgr_redis_t *r, const redisReply *reply, long long n, const char *after, msgr_error_t *err)
{
	if (reply->type == REDIS_REPLY_INTEGER && reply->integer >= n) {
		return MSGR_OK;
	}
	if (reply->type != REDIS_REPLY_INTEGER) {
		return msgr_error_set(err, MSGR_ERR_UNCONFIRMED, "%s took the messages%s, and then WAIT failed: %s", r->where, after,
			reply->type == REDIS_REPLY_ERROR ? reply->str : "an unexpected reply");
	}
	return msgr_error_set(err, MSGR_ERR_UNCONFIRMED, "%s took the messages%s, but only %lld of %lld replicas had them within " WAIT_MS " ms: a failover could lose them",
		r->where, after, reply->integer, n);
}

static bool readonly_reply(const redisReply *reply)
{
	return reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "READONLY", 8) == 0;
}

/* Cluster: the commands answered with MOVED (the slot has another owner now) go to the owner,
 * those answered with ASK (the slot is moving and their key has gone) to the node it names,
 * after ASKING; during a send, a WAIT follows them there (WAIT counts what its own connection
 * wrote). Sentinel: READONLY says the primary was demoted (nothing was written). A failure
 * once commands were carried out is MSGR_ERR_UNCONFIRMED. */
static int follow(msgr_redis_t *r, const msgr_buf_t *resp, size_t n, redisReply **replies, msgr_error_t *err)
{
	size_t *at = NULL, *which = NULL;
	int rc = MSGR_OK;
	for (int hop = 0; rc == MSGR_OK; hop++) {
		size_t k = 0, asked = 0;
		msgr_redis_addr_t to = { "", 0 };
		bool ask = false, demoted = false;
		for (size_t i = 0; i < n; i++) {
			demoted = demoted || readonly_reply(replies[i]);
			if (r->o.cluster && msgr_redis_redirect(replies[i], &ask, &to)) {
				if (!which && !(which = msgr_malloc(n * sizeof(*which)))) {
					rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
					break;
				}
				which[k++] = i;
				asked += ask;
			}
		}
		if (rc != MSGR_OK) {
			break;
		}
		if (demoted && r->o.sentinel_master) {
			char at_text[MSGR_REDIS_HOST_SIZE + 16];
			addr_text(r->at.host, r->at.port, at_text, sizeof(at_text));
			moved(r);
			rc = msgr_error_set(err, MSGR_ERR_IO, "%s at %s is a replica now (a failover is under way); nothing was written", r->where, at_text);
			break;
		}
		if (!k) {
			break;
		}
		if (hop == 8) {
			rc = msgr_error_set(err, MSGR_ERR_UNCONFIRMED, "%s redirected slot %u more than 8 times", r->where, r->slot);
			break;
		}
		if (!to.host[0]) {
			snprintf(to.host, sizeof(to.host), "%s", r->at.host); /* ":port": the same host */
		}
		if (!at && !(at = msgr_malloc((n + 1) * sizeof(*at)))) {
			rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
			break;
		}
		command_offsets(resp, n, at);
		msgr_buf_t again = MSGR_BUF_INIT;
		const char *asking[] = { "ASKING" };
		for (size_t j = 0; j < k && rc == MSGR_OK; j++) {
			if (asked && (rc = resp_cmd_args(&again, 1, asking, err)) != MSGR_OK) {
				break;
			}
			if (msgr_buf_append(&again, resp->data + at[which[j]], at[which[j] + 1] - at[which[j]]) != MSGR_OK) {
				rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
			}
		}
		if (rc == MSGR_OK && r->send_wait) {
			rc = append_wait(&again, r->send_wait, err);
		}
		size_t per = asked ? 2 : 1, total = k * per + (r->send_wait ? 1 : 0);
		redisReply **got = rc == MSGR_OK ? msgr_calloc(total, sizeof(*got)) : NULL;
		if (rc == MSGR_OK && !got) {
			rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		msgr_error_t why;
		bool written = false;
		if (rc == MSGR_OK && asked) {
			rc = ask_node(r, &to, r->o.user, r->o.password, &again, total, got, &written, &why);
		} else if (rc == MSGR_OK) {
			/* the slot's owner changed: asked of the node that says so, and the map kept */
			moved(r);
			r->hint = to;
			r->has_hint = true;
			if ((rc = connect_now(r, &why)) == MSGR_OK && (rc = exchange(r, again.data, again.len, total, got, &written, &why)) != MSGR_OK) {
				lost(r);
			}
		}
		if (rc != MSGR_OK && got) {
			/* the commands answered before were carried out: it is not known what was stored */
			rc = msgr_error_set(err, rc == MSGR_ERR_NOMEM || rc == MSGR_ERR_DENIED ? rc : MSGR_ERR_UNCONFIRMED, "%s moved slot %u: %s",
				r->where, r->slot, why.message);
		}
		if (rc == MSGR_OK && r->send_wait) {
			char after[48];
			snprintf(after, sizeof(after), " after slot %u moved", r->slot);
			rc = wait_answer(r, got[total - 1], r->send_wait, after, err);
		}
		for (size_t j = 0; rc == MSGR_OK && j < k; j++) {
			freeReplyObject(replies[which[j]]);
			replies[which[j]] = got[j * per + per - 1];
			got[j * per + per - 1] = NULL;
		}
		if (got) {
			free_replies(got, total);
		}
		msgr_free(got);
		msgr_buf_free(&again);
	}
	msgr_free(at);
	msgr_free(which);
	if (rc != MSGR_OK) {
		free_replies(replies, n);
	}
	return rc;
}

static void pause_ms(long long ms)
{
	struct timespec ts = { (time_t) (ms / 1000), (long) (ms % 1000) * 1000000L };
	while (ms > 0 && nanosleep(&ts, &ts) != 0 && errno == EINTR) {
	}
}

static int pipeline(msgr_redis_t *r, const msgr_buf_t *resp, size_t n, redisReply **replies, msgr_error_t *err)
{
	bool went_out = false;
	/* the replies of a read written ahead come first (a failure drops the connection, or leaves
	 * the acknowledgements kept: get() says so) */
	msgr_error_t ignored;
	(void) land(r, &ignored);
	if (r->net && !msgr_net_idle_ok(r->net)) {
		/* closed by the server while idle (a restart, its timeout, a failover): known before
		 * anything goes out, so a failure below is not an unconfirmed one */
		lost(r);
	}
	for (int attempt = 0;; attempt++) {
		int rc;
		msgr_error_t why;
		bool written = false;
		if (!r->net && (rc = connect_now(r, &why)) != MSGR_OK) {
			return went_out ? msgr_error_set(err, MSGR_ERR_UNCONFIRMED, "%s lost the connection before replying, and then: %s", r->where, why.message)
				: msgr_error_set(err, rc, "%s", why.message);
		}
		if ((rc = exchange(r, resp->data, resp->len, n, replies, &written, &why)) == MSGR_OK) {
			return r->o.node_count ? follow(r, resp, n, replies, err) : MSGR_OK;
		}
		went_out = went_out || written;
		lost(r);
		if (attempt > 0 || rc != MSGR_ERR_IO || written) {
			/* after a complete write, sending again could do it twice (an XADD stored twice):
			 * the caller is told it is unconfirmed instead */
			return msgr_error_set(err, went_out && rc == MSGR_ERR_IO ? MSGR_ERR_UNCONFIRMED : rc, "%s: %s", r->where, why.message);
		}
	}
}

/* cmds in one round trip. */
static int run_all(msgr_redis_t *r, cmd_t *cmds, size_t n, redisReply **replies, msgr_error_t *err)
{
	msgr_buf_t resp = MSGR_BUF_INIT;
	int rc = MSGR_OK;
	for (size_t i = 0; i < n && rc == MSGR_OK; i++) {
		rc = resp_cmd(&resp, &cmds[i], err);
	}
	if (rc == MSGR_OK) {
		rc = pipeline(r, &resp, n, replies, err);
	}
	msgr_buf_free(&resp);
	return rc;
}

static int run(msgr_redis_t *r, cmd_t *cmd, redisReply **reply, msgr_error_t *err)
{
	*reply = NULL;
	return run_all(r, cmd, 1, reply, err);
}

/* errors a server gives while it cannot serve yet: loading its data after a restart, a script
 * running (BUSY, not BUSYGROUP or BUSYKEY), a replica without its primary: waited out like a
 * connection that is down */
static bool busy_reply(const redisReply *reply)
{
	return reply->type == REDIS_REPLY_ERROR && (strncmp(reply->str, "LOADING", 7) == 0 || strncmp(reply->str, "BUSY ", 5) == 0
		|| strncmp(reply->str, "TRYAGAIN", 8) == 0 || strncmp(reply->str, "MASTERDOWN", 10) == 0);
}

/* errors that say this client may not do it: no password, a wrong one, an ACL that forbids */
static bool denied_reply(const redisReply *reply)
{
	return reply->type == REDIS_REPLY_ERROR && (strncmp(reply->str, "NOAUTH", 6) == 0 || strncmp(reply->str, "WRONGPASS", 9) == 0
		|| strncmp(reply->str, "NOPERM", 6) == 0);
}

static int reply_error(msgr_redis_t *r, redisReply *reply, const char *doing, msgr_error_t *err)
{
	if (reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "NOGROUP", 7) == 0) {
		r->set_up = false;
		/* with auto_setup the next call makes the group again (a restarted server without its
		 * data); without, only an operator can */
		return msgr_error_set(err, r->o.auto_setup ? MSGR_ERR_IO : MSGR_ERR_DENIED,
			"%s has no consumer group \"%s\" on stream \"%s\": run messenger:setup-transports or turn auto_setup on",
			r->where, r->o.group, r->o.stream);
	}
	return msgr_error_set(err, denied_reply(reply) ? MSGR_ERR_DENIED : busy_reply(reply) ? MSGR_ERR_IO : MSGR_ERR_PROTOCOL, "%s failed to %s: %s", r->where, doing,
		reply->type == REDIS_REPLY_ERROR ? reply->str : "an unexpected reply");
}

int msgr_redis_open(msgr_redis_t **out, msgr_redis_options_t *options, msgr_error_t *err)
{
	*out = NULL;
	msgr_redis_t *r = msgr_calloc(1, sizeof(*r));
	if (!r) {
		msgr_redis_options_free(options);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	r->o = *options;
	memset(options, 0, sizeof(*options));
	msgr_redis_where(&r->o, r->where, sizeof(r->where));
	size_t len = strlen(r->o.stream);
	if (!(r->queue_key = msgr_malloc(len + sizeof("__queue")))) {
		msgr_redis_close(r);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	memcpy(r->queue_key, r->o.stream, len);
	memcpy(r->queue_key + len, "__queue", sizeof("__queue"));
	r->slot = r->o.cluster ? msgr_redis_key_slot(r->o.stream, len) : 0;
	r->replicas = r->o.wait_replicas > 0 ? r->o.wait_replicas : 0; /* Sentinel, Cluster: see locate() */
	r->pending_possible = true;
	strcpy(r->pel_cursor, "0");
	int rc;
	if (!r->o.lazy && (rc = connect_now(r, err)) != MSGR_OK) {
		msgr_redis_close(r);
		return rc;
	}
	*out = r;
	return MSGR_OK;
}

void msgr_redis_close(msgr_redis_t *r)
{
	if (!r) {
		return;
	}
	give_back_ahead(r);
	if (r->net && r->consumed && r->o.consumer_generated && r->ack_count == 0) {
		/* a made-up name is never used again: gone from the group unless entries are pending */
		cmd_t c = { 0 };
		cmd_str(&c, "XPENDING");
		cmd_str(&c, r->o.stream);
		cmd_str(&c, r->o.group);
		cmd_str(&c, "-");
		cmd_str(&c, "+");
		cmd_str(&c, "1");
		cmd_str(&c, r->o.consumer);
		redisReply *reply;
		msgr_error_t ignored;
		if (run(r, &c, &reply, &ignored) == MSGR_OK) {
			bool idle = reply->type == REDIS_REPLY_ARRAY && reply->elements == 0;
			freeReplyObject(reply);
			if (idle) {
				cmd_t d = { 0 };
				cmd_str(&d, "XGROUP");
				cmd_str(&d, "DELCONSUMER");
				cmd_str(&d, r->o.stream);
				cmd_str(&d, r->o.group);
				cmd_str(&d, r->o.consumer);
				if (run(r, &d, &reply, &ignored) == MSGR_OK) {
					freeReplyObject(reply);
				}
			}
		}
	}
	/* a healthy connection with nothing under way goes back to the pool */
	if (r->net && (r->o.persistent || r->o.persistent_id) && msgr_net_idle_ok(r->net)) {
		char *key = pool_key(r);
		if (key) {
			pool_give(key, r->net);
			r->net = NULL;
		}
	}
	drop(r);
	for (size_t i = 0; i < r->ack_count; i++) {
		msgr_free(r->acks[i]);
	}
	msgr_free(r->acks);
	msgr_free(r->held);
	msgr_redis_options_free(&r->o);
	msgr_free(r->queue_key);
	msgr_free(r);
}

/* }}} */

/* {{{ setup */
static int setup_now(msgr_redis_t *r, msgr_error_t *err)
{
	cmd_t create = { 0 };
	cmd_str(&create, "XGROUP");
	cmd_str(&create, "CREATE");
	cmd_str(&create, r->o.stream);
	cmd_str(&create, r->o.group);
	cmd_str(&create, "0");
	cmd_str(&create, "MKSTREAM");
	redisReply *reply;
	int rc = run(r, &create, &reply, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	if (reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "BUSYGROUP", 9) != 0) {
		rc = reply_error(r, reply, "create the consumer group", err);
	}
	freeReplyObject(reply);
	if (rc != MSGR_OK || !(r->o.delete_after_ack || r->o.delete_after_reject)) {
		r->set_up = rc == MSGR_OK;
		return rc;
	}
	cmd_t groups = { 0 };
	cmd_str(&groups, "XINFO");
	cmd_str(&groups, "GROUPS");
	cmd_str(&groups, r->o.stream);
	if ((rc = run(r, &groups, &reply, err)) != MSGR_OK) {
		return rc;
	}
	if (reply->type != REDIS_REPLY_ARRAY) {
		rc = reply_error(r, reply, "list the consumer groups", err);
	} else if (reply->elements > 1) {
		rc = msgr_error_set(err, MSGR_ERR_STATE,
			"More than one group exists for stream \"%s\", delete_after_ack and delete_after_reject cannot be enabled as it risks deleting messages before all groups could consume them.",
			r->o.stream);
	}
	freeReplyObject(reply);
	r->set_up = rc == MSGR_OK;
	return rc;
}

int msgr_redis_setup(msgr_redis_t *r, msgr_error_t *err)
{
	return setup_now(r, err);
}

static int ensure_setup(msgr_redis_t *r, msgr_error_t *err)
{
	return r->set_up || !r->o.auto_setup ? MSGR_OK : setup_now(r, err);
}
/* }}} */

/* {{{ send */
/* 12 characters: base64 of 9 random bytes, as Symfony 7 makes a delayed member unique */
static void make_uniqid(char out[13])
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned char raw[9];
	size_t have = 0;
	while (have < sizeof(raw)) {
		ssize_t n = getrandom(raw + have, sizeof(raw) - have, 0);
		if (n > 0) {
			have += (size_t) n;
		} else if (errno != EINTR) {
			/* no entropy source: unique enough from the clock and a counter */
			static unsigned counter;
			long long t = now_ms() ^ ((long long) getpid() << 20) ^ (long long) ++counter;
			for (size_t i = 0; i < sizeof(raw); i++) {
				raw[i] = (unsigned char) (t >> ((i % 8) * 8)) ^ (unsigned char) (i * 37);
			}
			break;
		}
	}
	for (int i = 0; i < 3; i++) {
		unsigned v = ((unsigned) raw[i * 3] << 16) | ((unsigned) raw[i * 3 + 1] << 8) | raw[i * 3 + 2];
		out[i * 4] = b64[(v >> 18) & 63];
		out[i * 4 + 1] = b64[(v >> 12) & 63];
		out[i * 4 + 2] = b64[(v >> 6) & 63];
		out[i * 4 + 3] = b64[v & 63];
	}
	out[12] = '\0';
}

/* Appends XADD (or ZADD NX to the delayed set) of m with its JSON written in place: the message
 * field is the JSON wrapped as phpredis' PHP serializer writes a string (raw with serializer=0;
 * a delayed member is always raw: Symfony writes it with rawCommand). */
static int resp_send(msgr_redis_t *r, msgr_buf_t *b, const msgr_message_t *m, const char *uniqid, const char *score, const char *maxlen, msgr_error_t *err)
{
	cmd_t c = { 0 };
	if (uniqid) {
		cmd_str(&c, "ZADD");
		cmd_str(&c, r->queue_key);
		cmd_str(&c, "NX");
		cmd_str(&c, score);
	} else {
		cmd_str(&c, "XADD");
		cmd_str(&c, r->o.stream);
		if (r->o.stream_max_entries > 0) {
			cmd_str(&c, "MAXLEN");
			cmd_str(&c, "~");
			cmd_str(&c, maxlen);
		}
		cmd_str(&c, "*");
		cmd_str(&c, "message");
	}
	/* the JSON is written after a gap that its head ($len and the s:N:" wrapper) then fills:
	 * room for the longest escaping of a small message costs nothing, a big one is measured */
	size_t room = msgr_json_message_bound(m, uniqid);
	int rc;
	if (room > 65536 && (rc = msgr_json_message_len(m, uniqid, &room, err)) != MSGR_OK) {
		return rc;
	}
	enum { GAP = 64 };
	size_t payload = room + GAP;
	for (int i = 0; i < c.argc; i++) {
		payload += c.len[i];
	}
	if (resp_reserve(b, (size_t) c.argc + 1, payload) != MSGR_OK) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	size_t start = b->len;
	resp_begin(b, (size_t) c.argc + 1);
	for (int i = 0; i < c.argc; i++) {
		resp_arg(b, c.argv[i], c.len[i]);
	}
	char *head_at = b->data + b->len, *json_at = head_at + GAP;
	size_t bad_at = 0;
	char *end = msgr_json_put_message(json_at, m, uniqid, &bad_at);
	if (!end) {
		b->len = start;
		b->data[start] = '\0';
		return msgr_error_set(err, MSGR_ERR_INVALID, "malformed UTF-8 at byte %zu of a message's body or headers: a Redis stream entry's JSON cannot hold it", bad_at);
	}
	size_t json = (size_t) (end - json_at);
	bool wrap = !uniqid && !r->o.raw_json;
	char head[GAP];
	char *h = head;
	*h++ = '$';
	if (wrap) {
		/* s:N:"<json>"; */
		char digits[24];
		size_t nd = (size_t) (put_count(digits, json) - digits);
		h = put_count(h, 2 + nd + 2 + json + 2);
		*h++ = '\r';
		*h++ = '\n';
		*h++ = 's';
		*h++ = ':';
		memcpy(h, digits, nd);
		h += nd;
		*h++ = ':';
		*h++ = '"';
	} else {
		h = put_count(h, json);
		*h++ = '\r';
		*h++ = '\n';
	}
	size_t head_len = (size_t) (h - head);
	memcpy(head_at, head, head_len);
	memmove(head_at + head_len, json_at, json);
	char *w = head_at + head_len + json;
	if (wrap) {
		*w++ = '"';
		*w++ = ';';
	}
	*w++ = '\r';
	*w++ = '\n';
	*w = '\0';
	b->len = (size_t) (w - b->data);
	return MSGR_OK;
}

int msgr_redis_send(msgr_redis_t *r, msgr_message_t *messages, size_t count, msgr_error_t *err)
{
	if (count == 0) {
		return MSGR_OK;
	}
	int rc = ensure_setup(r, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	if (r->o.node_count && r->net && r->o.wait_replicas < 0 && !r->listed && now_ms() >= r->recheck_ms) {
		moved(r); /* no replica was up when the server was found: are they back? */
	}
	if (r->o.node_count && !r->net && (rc = connect_now(r, err)) != MSGR_OK) {
		return rc; /* (the replicas to wait for are known once the primary is) */
	}
	/* WAIT: the messages are on that many replicas too, or the sender hears it (a failover
	 * promotes a replica: what only the old primary held would be lost without a word) */
	long long wait = r->replicas;
	redisReply **replies = msgr_calloc(count + 1, sizeof(redisReply *));
	char (*uniqids)[13] = msgr_calloc(count, 13);
	msgr_buf_t resp = MSGR_BUF_INIT;
	char maxlen[24], score[24];
	snprintf(maxlen, sizeof(maxlen), "%lld", r->o.stream_max_entries);
	if (!replies || !uniqids) {
		rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		goto done;
	}
	long long now = now_ms();
	for (size_t i = 0; i < count; i++) {
		msgr_message_t *m = &messages[i];
		bool delayed = m->delay_ms > 0;
		if (delayed) {
			make_uniqid(uniqids[i]);
			if (m->delay_ms > 0x7fffffffffffffffLL - now) {
				rc = msgr_error_set(err, MSGR_ERR_INVALID, "Message delay is too big: %lld ms", m->delay_ms);
				goto done;
			}
			snprintf(score, sizeof(score), "%lld", now + m->delay_ms);
		}
		if ((rc = resp_send(r, &resp, m, delayed ? uniqids[i] : NULL, score, maxlen, err)) != MSGR_OK) {
			goto done;
		}
	}
	if (wait && (rc = append_wait(&resp, wait, err)) != MSGR_OK) {
		goto done;
	}
	r->send_wait = wait; /* (commands that go to another node are waited for there) */
	rc = pipeline(r, &resp, count + (wait ? 1 : 0), replies, err);
	r->send_wait = 0;
	if (rc != MSGR_OK) {
		goto done;
	}
	if (wait && (rc = wait_answer(r, replies[count], wait, "", err)) != MSGR_OK) {
		moved(r); /* a replica or the primary may be going: the next send asks again */
		goto done;
	}
	for (size_t i = 0; i < count && rc == MSGR_OK; i++) {
		redisReply *reply = replies[i];
		bool delayed = messages[i].delay_ms > 0;
		if (delayed ? reply->type != REDIS_REPLY_INTEGER : reply->type != REDIS_REPLY_STRING) {
			rc = reply_error(r, reply, delayed ? "add a delayed message" : "add a message to the stream", err);
			break;
		}
		const char *id = delayed ? uniqids[i] : reply->str;
		msgr_free(messages[i].id);
		if (!(messages[i].id = msgr_strndup(id, strlen(id)))) {
			rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
	}
done:
	if (replies) {
		free_replies(replies, count + 1);
	}
	msgr_buf_free(&resp);
	msgr_free(replies);
	msgr_free(uniqids);
	return rc;
}
/* }}} */

/* {{{ reading entries */
int msgr_redis_read_field(const char *value, size_t len, msgr_message_t *out, msgr_error_t *err)
{
	if (len >= 2 && value[0] == 's' && value[1] == ':') {
		/* s:N:"..."; with N the byte length of what is between the quotes */
		size_t i = 2, n = 0;
		while (i < len && value[i] >= '0' && value[i] <= '9' && n < ((size_t) 1 << 40)) {
			n = n * 10 + (size_t) (value[i++] - '0');
		}
		if (i == 2 || i + 2 > len || value[i] != ':' || value[i + 1] != '"' || len - i - 2 < 2 || n != len - i - 4 ||
			value[len - 2] != '"' || value[len - 1] != ';') {
			return msgr_error_set(err, MSGR_ERR_PROTOCOL, "the message field is neither JSON nor a PHP-serialized string of it");
		}
		return msgr_json_read_message(value + i + 2, n, out, err);
	}
	return msgr_json_read_message(value, len, out, err);
}

/* One stream entry [id, [field, value, ...]] into m; the entry's own problems go into
 * m->problem, never into the return value (only MSGR_ERR_NOMEM is returned). */
static int read_entry(redisReply *entry, msgr_message_t *m)
{
	memset(m, 0, sizeof(*m));
	redisReply *id = entry->element[0], *fields = entry->element[1];
	if (!(m->id = msgr_strndup(id->str, id->len))) {
		return MSGR_ERR_NOMEM;
	}
	redisReply *value = NULL;
	for (size_t i = 0; fields->type == REDIS_REPLY_ARRAY && i + 1 < fields->elements; i += 2) {
		redisReply *f = fields->element[i];
		if (f->type == REDIS_REPLY_STRING && f->len == 7 && memcmp(f->str, "message", 7) == 0 && fields->element[i + 1]->type == REDIS_REPLY_STRING) {
			value = fields->element[i + 1];
			break;
		}
	}
	msgr_error_t why;
	const char *problem = NULL;
	if (!value) {
		problem = "the stream entry has no \"message\" field";
	} else if (msgr_redis_read_field(value->str, value->len, m, &why) != MSGR_OK) {
		if (why.code == MSGR_ERR_NOMEM) {
			return MSGR_ERR_NOMEM;
		}
		problem = why.message;
	}
	if (problem) {
		/* kept whole for the failure transport */
		msgr_message_free(m);
		if (!(m->id = msgr_strndup(id->str, id->len)) || !(m->problem = msgr_strndup(problem, strlen(problem))) ||
			!(m->body = msgr_strndup(value ? value->str : "", value ? value->len : 0))) {
			return MSGR_ERR_NOMEM;
		}
		m->body_len = value ? value->len : 0;
	}
	return MSGR_OK;
}

static bool is_entry(redisReply *e)
{
	return e->type == REDIS_REPLY_ARRAY && e->elements == 2 && e->element[0]->type == REDIS_REPLY_STRING;
}

static bool is_held(const msgr_redis_t *r, const char *id, size_t len)
{
	for (size_t i = 0; i < r->held_count; i++) {
		if (strlen(r->held[i]) == len && memcmp(r->held[i], id, len) == 0) {
			return true;
		}
	}
	return false;
}

static bool hold(msgr_redis_t *r, const char *id, size_t len)
{
	if (len >= ID_SIZE) {
		return true; /* not an entry id Redis makes: nothing to look up later */
	}
	if (r->held_count == r->held_cap) {
		size_t ncap = r->held_cap ? r->held_cap * 2 : 16;
		char (*grown)[ID_SIZE] = msgr_realloc(r->held, ncap * sizeof(*grown));
		if (!grown) {
			return false;
		}
		r->held = grown;
		r->held_cap = ncap;
	}
	memcpy(r->held[r->held_count], id, len);
	r->held[r->held_count++][len] = '\0';
	return true;
}

/* A worker settles a batch in the order it was read: removing an id moves the last one into its
 * place, so the next id is found right after it, and the search starts there. */
static void settled(msgr_redis_t *r, const char *id)
{
	for (size_t k = 0; k < r->held_count; k++) {
		size_t i = (r->settle_hint + k) % r->held_count;
		if (strcmp(r->held[i], id) == 0) {
			memcpy(r->held[i], r->held[--r->held_count], ID_SIZE);
			r->settle_hint = i + 1;
			return;
		}
	}
}

/* Appends the entries of an XRANGE reply (or of one stream of an XREADGROUP reply) to list;
 * deleted entries (no fields) go to gone when it is given, else are skipped. deliver: the entries
 * are handed out by get() (held from now on); own: they come from this consumer's pending
 * entries, where the ones it holds are skipped. */
static int collect(msgr_redis_t *r, redisReply *entries, bool deliver, bool own, msgr_message_t **list, size_t *count, size_t *cap, char ***gone, size_t *gone_count, msgr_error_t *err)
{
	for (size_t i = 0; i < entries->elements; i++) {
		redisReply *e = entries->element[i];
		if (!is_entry(e)) {
			return msgr_error_set(err, MSGR_ERR_PROTOCOL, "%s sent a stream entry of an unexpected shape", r->where);
		}
		if (own && is_held(r, e->element[0]->str, e->element[0]->len)) {
			continue; /* handed out before and still being handled (a claim makes us read them again) */
		}
		if (e->element[1]->type == REDIS_REPLY_NIL) {
			/* XDEL'd while still pending: nothing to hand out, only to acknowledge */
			if (gone) {
				char **grown = msgr_realloc(*gone, (*gone_count + 1) * sizeof(char *));
				if (!grown || !(grown[*gone_count] = msgr_strndup(e->element[0]->str, e->element[0]->len))) {
					if (grown) {
						*gone = grown;
					}
					return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
				}
				*gone = grown;
				(*gone_count)++;
			}
			continue;
		}
		if (*count == *cap) {
			size_t ncap = *cap ? *cap * 2 : 4;
			msgr_message_t *grown = msgr_realloc(*list, ncap * sizeof(msgr_message_t));
			if (!grown) {
				return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
			}
			*list = grown;
			*cap = ncap;
		}
		if (read_entry(e, &(*list)[*count]) != MSGR_OK || (deliver && !hold(r, e->element[0]->str, e->element[0]->len))) {
			msgr_message_free(&(*list)[*count]);
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		(*count)++;
	}
	return MSGR_OK;
}
/* }}} */

/* {{{ get */
static int write_acks(msgr_redis_t *r, const char *const *ids, size_t count, bool reject, msgr_error_t *err);
static int append_acks(msgr_redis_t *r, msgr_buf_t *resp, const char *const *ids, size_t count, bool reject);
static int check_acks(msgr_redis_t *r, redisReply **replies, int n, msgr_error_t *err);
static void forget_acks(msgr_redis_t *r, size_t count);

/* Moves the due members of KEYS[1] (the delayed set) to KEYS[2] (the stream), at most ARGV[2],
 * as one atomic step: a member is moved by the worker whose ZREM removed it, so never twice.
 * ARGV: now in ms, the limit, MAXLEN (0: none), 1 to wrap the JSON as phpredis does. */
static const char move_due_script[] =
	"local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))\n"
	"for _, m in ipairs(due) do\n"
	"  if redis.call('ZREM', KEYS[1], m) == 1 then\n"
	"    local v = m\n"
	"    if ARGV[4] == '1' then v = 's:' .. string.len(m) .. ':\"' .. m .. '\";' end\n"
	"    if ARGV[3] ~= '0' then redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', 'message', v)\n"
	"    else redis.call('XADD', KEYS[2], '*', 'message', v) end\n"
	"  end\n"
	"end\n"
	"return #due\n";

static void move_due_cmd(msgr_redis_t *r, cmd_t *c, char *now, char *maxlen)
{
	snprintf(now, 24, "%lld", now_ms());
	snprintf(maxlen, 24, "%lld", r->o.stream_max_entries);
	cmd_str(c, "EVAL");
	cmd_add(c, move_due_script, sizeof(move_due_script) - 1);
	cmd_str(c, "2");
	cmd_str(c, r->queue_key);
	cmd_str(c, r->o.stream);
	cmd_str(c, now);
	cmd_str(c, "100");
	cmd_str(c, maxlen);
	cmd_str(c, r->o.raw_json ? "0" : "1");
}

/* The reply of the move of due messages: a count, or (Cluster) TRYAGAIN while the slot moves
 * and its two keys are on two nodes for a moment: nothing moved this time, the read goes on. */
static bool move_due_ok(const redisReply *reply)
{
	return reply->type == REDIS_REPLY_INTEGER || (reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "TRYAGAIN", 8) == 0);
}

static long long batch_of(const msgr_redis_t *r)
{
	return msgr_prefetch_batch(r->o.get_batch_size, r->read_ahead);
}

static bool acks_wait(const msgr_redis_t *r)
{
	return msgr_prefetch_acks_wait(r->o.get_batch_size, r->read_ahead);
}

/* A worker's reads are written ahead: the next one goes out when it gets a batch, with the kept
 * acknowledgements, and the server makes it while the worker handles that batch (a read waits
 * for the server's work, which is most of a read's time). Each read asks half of what the worker
 * reads ahead, so it never holds more than that: the batch it handles and the read under way. */
static long long read_count(const msgr_redis_t *r)
{
	long long b = batch_of(r);
	return r->read_ahead && b >= 2 ? b / 2 : b;
}

/* whether a read is written ahead now, after a read that gave got entries: a full one (more
 * are likely waiting), and the worker asks for those and the next read's (get_batch_size says
 * how much; else the worker's read-ahead, which --limit caps) */
static bool writes_ahead(const msgr_redis_t *r, size_t got)
{
	return r->read_ahead && batch_of(r) >= 2 && !r->pending_possible && r->net && got >= (size_t) read_count(r)
		&& (r->o.get_batch_size || r->read_ahead >= got + (size_t) read_count(r));
}

void msgr_redis_read_ahead(msgr_redis_t *r, size_t n)
{
	r->read_ahead = n;
	if (!n) {
		give_back_ahead(r); /* the worker is gone */
	}
}

static void read_cmd(msgr_redis_t *r, cmd_t *c, char *count)
{
	snprintf(count, 24, "%lld", read_count(r));
	cmd_str(c, "XREADGROUP");
	cmd_str(c, "GROUP");
	cmd_str(c, r->o.group);
	cmd_str(c, r->o.consumer);
	cmd_str(c, "COUNT");
	cmd_str(c, count);
	cmd_str(c, "STREAMS");
	cmd_str(c, r->o.stream);
	cmd_str(c, r->pending_possible ? r->pel_cursor : ">");
}

/* Entries other consumers left pending longer than redeliver_timeout become this consumer's. */
static int claim_stale(msgr_redis_t *r, msgr_error_t *err)
{
	char idle[24], count[24];
	snprintf(idle, sizeof(idle), "%lld", r->o.redeliver_timeout_ms);
	snprintf(count, sizeof(count), "%lld", batch_of(r) > 100 ? batch_of(r) : 100);
	redisReply *reply;
	int rc;
	if (!r->no_autoclaim) {
		cmd_t c = { 0 };
		cmd_str(&c, "XAUTOCLAIM");
		cmd_str(&c, r->o.stream);
		cmd_str(&c, r->o.group);
		cmd_str(&c, r->o.consumer);
		cmd_str(&c, idle);
		cmd_str(&c, "0-0");
		cmd_str(&c, "COUNT");
		cmd_str(&c, count);
		/* JUSTID: the claim does not count as a delivery; reading the entry from this
		 * consumer's pending ones below does (max_deliveries reads that count) */
		cmd_str(&c, "JUSTID");
		if ((rc = run(r, &c, &reply, err)) != MSGR_OK) {
			return rc;
		}
		if (reply->type == REDIS_REPLY_ERROR && strstr(reply->str, "unknown command")) {
			r->no_autoclaim = true;
		} else if (reply->type == REDIS_REPLY_ARRAY && reply->elements >= 2 && reply->element[1]->type == REDIS_REPLY_ARRAY) {
			if (reply->element[1]->elements) {
				r->pending_possible = true;
				strcpy(r->pel_cursor, "0");
			}
		} else {
			rc = reply_error(r, reply, "claim pending messages", err);
		}
		freeReplyObject(reply);
		if (!r->no_autoclaim) {
			return rc;
		}
	}
	/* Redis < 6.2: the oldest pending entries, claimed one by one like Symfony does */
	cmd_t p = { 0 };
	cmd_str(&p, "XPENDING");
	cmd_str(&p, r->o.stream);
	cmd_str(&p, r->o.group);
	cmd_str(&p, "-");
	cmd_str(&p, "+");
	cmd_str(&p, count);
	if ((rc = run(r, &p, &reply, err)) != MSGR_OK) {
		return rc;
	}
	if (reply->type != REDIS_REPLY_ARRAY) {
		rc = reply_error(r, reply, "list pending messages", err);
	}
	for (size_t i = 0; rc == MSGR_OK && i < reply->elements; i++) {
		redisReply *e = reply->element[i];
		if (e->type != REDIS_REPLY_ARRAY || e->elements < 3 || e->element[0]->type != REDIS_REPLY_STRING ||
			e->element[1]->type != REDIS_REPLY_STRING || e->element[2]->type != REDIS_REPLY_INTEGER) {
			continue;
		}
		if (strcmp(e->element[1]->str, r->o.consumer) == 0 || e->element[2]->integer < r->o.redeliver_timeout_ms) {
			continue;
		}
		cmd_t x = { 0 };
		cmd_str(&x, "XCLAIM");
		cmd_str(&x, r->o.stream);
		cmd_str(&x, r->o.group);
		cmd_str(&x, r->o.consumer);
		cmd_str(&x, idle);
		cmd_str(&x, e->element[0]->str);
		cmd_str(&x, "JUSTID");
		redisReply *claimed;
		if ((rc = run(r, &x, &claimed, err)) == MSGR_OK) {
			if (claimed->type == REDIS_REPLY_ARRAY && claimed->elements) {
				r->pending_possible = true;
				strcpy(r->pel_cursor, "0");
			}
			freeReplyObject(claimed);
		}
	}
	freeReplyObject(reply);
	return rc;
}

/* The entries of the one stream of an XREADGROUP reply, or NULL for none (a nil reply). */
static int read_reply_entries(msgr_redis_t *r, redisReply *reply, redisReply **entries, msgr_error_t *err)
{
	*entries = NULL;
	if (reply->type == REDIS_REPLY_NIL) {
		return MSGR_OK;
	}
	if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 1 || reply->element[0]->type != REDIS_REPLY_ARRAY ||
		reply->element[0]->elements != 2 || reply->element[0]->element[1]->type != REDIS_REPLY_ARRAY) {
		return reply_error(r, reply, "read the stream", err);
	}
	*entries = reply->element[0]->element[1];
	return MSGR_OK;
}

/* Pending entries read again (claimed from a consumer that went away, or this one's own after
 * a restart) that were delivered more than max_deliveries times without an ack or a reject:
 * their handling may be what ends the workers that take them. They are handed out with a
 * problem, so the worker sends them to the failure transport instead of handling them. One
 * XPENDING over their range, for this consumer. */
static int set_aside_poison(msgr_redis_t *r, msgr_message_t *m, size_t n, size_t range, msgr_error_t *err)
{
	if (r->o.max_deliveries <= 0) {
		return MSGR_OK;
	}
	const char *first = NULL, *last = NULL;
	for (size_t i = 0; i < n; i++) {
		if (m[i].id) {
			first = first ? first : m[i].id;
			last = m[i].id;
		}
	}
	if (!first) {
		return MSGR_OK;
	}
	char count[24];
	snprintf(count, sizeof(count), "%zu", range); /* every entry of the range read, held or gone ones too */
	cmd_t c = { 0 };
	cmd_str(&c, "XPENDING");
	cmd_str(&c, r->o.stream);
	cmd_str(&c, r->o.group);
	cmd_str(&c, first);
	cmd_str(&c, last);
	cmd_str(&c, count);
	cmd_str(&c, r->o.consumer);
	redisReply *reply;
	int rc = run(r, &c, &reply, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	if (reply->type != REDIS_REPLY_ARRAY) {
		rc = reply_error(r, reply, "count the deliveries of pending messages", err);
	}
	for (size_t k = 0; rc == MSGR_OK && k < reply->elements; k++) {
		redisReply *e = reply->element[k];
		if (e->type != REDIS_REPLY_ARRAY || e->elements < 4 || e->element[0]->type != REDIS_REPLY_STRING
			|| e->element[3]->type != REDIS_REPLY_INTEGER || e->element[3]->integer <= r->o.max_deliveries) {
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			if (m[i].id && !m[i].problem && strcmp(m[i].id, e->element[0]->str) == 0) {
				char why[256];
				snprintf(why, sizeof(why), "delivered %lld times and never acknowledged or rejected (more than max_deliveries, %lld): "
					"its handling may be what ends the worker", (long long) e->element[3]->integer, r->o.max_deliveries);
				if (!(m[i].problem = msgr_strndup(why, strlen(why)))) {
					rc = msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
				}
				break;
			}
		}
	}
	freeReplyObject(reply);
	return rc;
}

/* Reads what a read written ahead left outstanding: the replies to the acknowledgements (which
 * are then forgotten; kept, to be written again, when the server refused them) and the read's,
 * kept in stash for get(). A broken connection is dropped (the read's entries are this
 * consumer's pending ones then, read from there). */
static int land(msgr_redis_t *r, msgr_error_t *err)
{
	int acks = r->flight_ack_cmds;
	size_t covered = r->flight_acks, n = (size_t) acks + (r->flight_read ? 2 : 0);
	if (!n || !r->net) {
		return MSGR_OK;
	}
	redisReply *replies[4] = { NULL, NULL, NULL, NULL };
	msgr_error_t why;
	msgr_net_await(r->net);
	int rc = read_replies(r, n, replies, &why);
	if (rc != MSGR_OK) {
		lost(r);
		return msgr_error_set(err, rc, "%s: %s", r->where, why.message);
	}
	bool ask;
	msgr_redis_addr_t to;
	for (size_t i = 0; r->o.node_count && i < n; i++) {
		if (readonly_reply(replies[i]) || msgr_redis_redirect(replies[i], &ask, &to)) {
			/* a failover or a slot that moved: as a broken connection (nothing of it was done;
			 * the acknowledgements stay kept), the next call finds the server again */
			free_replies(replies, n);
			moved(r);
			return msgr_error_set(err, MSGR_ERR_IO, "%s: the server moved", r->where);
		}
	}
	if (r->flight_read) {
		free_replies(r->stash, 2); /* (never two reads ahead: none there) */
		r->stash[0] = replies[acks];
		r->stash[1] = replies[acks + 1];
	}
	r->flight_ack_cmds = 0;
	r->flight_acks = 0;
	r->flight_read = false;
	if (acks && (rc = check_acks(r, replies, acks, err)) == MSGR_OK) {
		forget_acks(r, covered);
	}
	free_replies(replies, (size_t) acks);
	return rc;
}

/* The write of a read: the kept acknowledgements (*ack_cmds commands for the first *acking of
 * them), the move of the due delayed messages, the read; its replies come in that order. */
static int read_write(msgr_redis_t *r, msgr_buf_t *resp, size_t *acking, int *ack_cmds, msgr_error_t *err)
{
	cmd_t cmds[2] = { { 0 }, { 0 } };
	char now_text[24], maxlen[24], batch[24];
	move_due_cmd(r, &cmds[0], now_text, maxlen);
	read_cmd(r, &cmds[1], batch);
	*acking = r->ack_count;
	*ack_cmds = *acking ? append_acks(r, resp, (const char *const *) r->acks, *acking, false) : 0;
	if (*ack_cmds < 0) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	int rc = resp_cmd(resp, &cmds[0], err);
	return rc == MSGR_OK ? resp_cmd(resp, &cmds[1], err) : rc;
}

/* Writes the next read without waiting for its replies (see read_count()); a failed write drops
 * the connection. */
static void write_ahead(msgr_redis_t *r)
{
	msgr_buf_t resp = MSGR_BUF_INIT;
	size_t acking;
	int ack_cmds;
	msgr_error_t why;
	if (read_write(r, &resp, &acking, &ack_cmds, &why) == MSGR_OK) {
		r->flight_ack_cmds = ack_cmds;
		r->flight_acks = acking;
		r->flight_read = true;
		if (msgr_net_write(r->net, resp.data, resp.len, &why) != MSGR_OK) {
			lost(r); /* what went out is read again from the pending entries; the acks stay kept */
		}
	}
	msgr_buf_free(&resp);
}

/* The entries of a read written ahead that no worker will handle go back at once, as
 * msgr_redis_release() gives one back (one XCLAIM for all). */
static void give_back_ahead(msgr_redis_t *r)
{
	msgr_error_t ignored;
	(void) land(r, &ignored);
	redisReply *entries = NULL;
	if (r->stash[0] && read_reply_entries(r, r->stash[1], &entries, &ignored) == MSGR_OK && entries && entries->elements) {
		const char **ids = msgr_malloc(entries->elements * sizeof(char *));
		size_t n = 0, claimed;
		for (size_t i = 0; ids && i < entries->elements; i++) {
			if (is_entry(entries->element[i])) {
				ids[n++] = entries->element[i]->element[0]->str;
			}
		}
		/* on failure: back after redeliver_timeout */
		if (n) {
			(void) claim(r, ids, n, r->o.redeliver_timeout_ms, "give messages back", &claimed, &ignored);
		}
		msgr_free(ids);
		/* still this consumer's until another claims them: read again if it goes on */
		r->pending_possible = true;
		strcpy(r->pel_cursor, "0");
	}
	free_replies(r->stash, 2);
}

int msgr_redis_get(msgr_redis_t *r, msgr_message_t **out, size_t *count, msgr_error_t *err)
{
	*out = NULL;
	*count = 0;
	int rc = ensure_setup(r, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	r->consumed = true;
	long long now = now_ms();
	if (now >= r->next_claim_ms) {
		if ((rc = claim_stale(r, err)) != MSGR_OK) {
			return rc;
		}
		r->next_claim_ms = now + r->o.claim_interval_ms;
	}
	size_t cap = 0;
	char **gone = NULL;
	size_t gone_count = 0;
	if ((rc = land(r, err)) != MSGR_OK) {
		if (r->net) {
			return rc; /* the server refused the acknowledgements (kept, written again) */
		}
		rc = MSGR_OK; /* the connection broke: a new one reads the pending entries again */
	}
	bool ahead = false;
	if (r->stash[0]) {
		/* the read written ahead is this batch; the next one goes out before its entries are
		 * decoded */
		redisReply *replies[2] = { r->stash[0], r->stash[1] }, *entries = NULL;
		r->stash[0] = r->stash[1] = NULL;
		if (!move_due_ok(replies[0])) {
			rc = reply_error(r, replies[0], "move the due delayed messages", err);
		} else {
			rc = read_reply_entries(r, replies[1], &entries, err);
		}
		if (rc == MSGR_OK && entries && writes_ahead(r, entries->elements)) {
			write_ahead(r);
			ahead = true;
		}
		if (rc == MSGR_OK && entries) {
			rc = collect(r, entries, true, false, out, count, &cap, &gone, &gone_count, err);
		}
		if (rc != MSGR_OK) {
			r->pending_possible = true; /* read, and not handed out: pending for this consumer */
			strcpy(r->pel_cursor, "0");
		}
		free_replies(replies, 2);
	}
	/* the own pending entries (until there are none), then new ones */
	for (int pass = 0; pass < 16 && !ahead && rc == MSGR_OK && !*count && !gone_count; pass++) {
		/* the kept acknowledgements, the due delayed messages moved, the read: one write */
		bool own = r->pending_possible;
		msgr_buf_t resp = MSGR_BUF_INIT;
		size_t acking = 0;
		int ack_cmds = 0;
		rc = read_write(r, &resp, &acking, &ack_cmds, err);
		redisReply *all[4] = { NULL, NULL, NULL, NULL }, **replies = all + ack_cmds;
		if (rc == MSGR_OK) {
			rc = pipeline(r, &resp, (size_t) ack_cmds + 2, all, err);
		}
		msgr_buf_free(&resp);
		if (rc == MSGR_OK && ack_cmds && (rc = check_acks(r, all, ack_cmds, err)) == MSGR_OK) {
			forget_acks(r, acking);
		}
		free_replies(all, (size_t) ack_cmds);
		if (rc != MSGR_OK) {
			free_replies(replies, 2);
			break;
		}
		redisReply *entries = NULL;
		if (!move_due_ok(replies[0])) {
			rc = reply_error(r, replies[0], "move the due delayed messages", err);
		} else {
			rc = read_reply_entries(r, replies[1], &entries, err);
		}
		size_t count_before = *count, gone_before = gone_count;
		if (rc == MSGR_OK && entries) {
			rc = collect(r, entries, true, own, out, count, &cap, &gone, &gone_count, err);
			if (rc == MSGR_OK && own && *count > count_before) {
				rc = set_aside_poison(r, *out + count_before, *count - count_before, entries->elements, err);
			}
			if (own && entries->elements) {
				/* the next read of the own pending entries goes on after the last one seen */
				redisReply *last = entries->element[entries->elements - 1]->element[0];
				snprintf(r->pel_cursor, sizeof(r->pel_cursor), "%.*s", (int) last->len, last->str);
			}
		}
		bool drained = own && (!entries || entries->elements == 0);
		if (rc == MSGR_OK && !own && entries && writes_ahead(r, entries->elements)) {
			write_ahead(r);
		}
		free_replies(replies, 2);
		if (rc != MSGR_OK) {
			break;
		}
		if (own && !drained && *count == count_before && gone_count == gone_before) {
			continue; /* all of them held already: read on after them */
		}
		if (!drained) {
			break;
		}
		/* nothing of our own is pending: new messages from now on */
		r->pending_possible = false;
		strcpy(r->pel_cursor, "0");
	}
	if (rc == MSGR_OK && gone_count) {
		rc = write_acks(r, (const char *const *) gone, gone_count, true, err);
	}
	for (size_t i = 0; i < gone_count; i++) {
		msgr_free(gone[i]);
	}
	msgr_free(gone);
	if (rc != MSGR_OK) {
		/* not handed out after all (nor what a read that went out may have delivered): the next
		 * read of the own pending entries gives them */
		r->pending_possible = true;
		strcpy(r->pel_cursor, "0");
		for (size_t i = 0; i < *count; i++) {
			if ((*out)[i].id) {
				settled(r, (*out)[i].id);
			}
		}
		msgr_messages_free(*out, *count);
		*out = NULL;
		*count = 0;
	}
	return rc;
}
/* }}} */

/* {{{ ack, keepalive, count, list */
#define MAX_KEPT_ACKS 1000

/* XACK stream group ids..., then XDEL stream ids... (with delete_after_ack / _reject) appended
 * to resp: how many commands (1 or 2), or -1 when out of memory */
static int append_acks(msgr_redis_t *r, msgr_buf_t *resp, const char *const *ids, size_t count, bool reject)
{
	bool del = reject ? r->o.delete_after_reject : r->o.delete_after_ack;
	size_t payload = strlen(r->o.stream) * 2 + strlen(r->o.group) + 8;
	for (size_t i = 0; i < count; i++) {
		payload += strlen(ids[i]) * 2;
	}
	if (resp_reserve(resp, count * 2 + 5, payload) != MSGR_OK) {
		return -1;
	}
	resp_begin(resp, count + 3);
	resp_arg(resp, "XACK", 4);
	resp_arg(resp, r->o.stream, strlen(r->o.stream));
	resp_arg(resp, r->o.group, strlen(r->o.group));
	for (size_t i = 0; i < count; i++) {
		resp_arg(resp, ids[i], strlen(ids[i]));
	}
	if (!del) {
		return 1;
	}
	resp_begin(resp, count + 2);
	resp_arg(resp, "XDEL", 4);
	resp_arg(resp, r->o.stream, strlen(r->o.stream));
	for (size_t i = 0; i < count; i++) {
		resp_arg(resp, ids[i], strlen(ids[i]));
	}
	return 2;
}

static int check_acks(msgr_redis_t *r, redisReply **replies, int n, msgr_error_t *err)
{
	for (int i = 0; i < n; i++) {
		if (replies[i]->type != REDIS_REPLY_INTEGER) {
			return reply_error(r, replies[i], i ? "delete acknowledged messages" : "acknowledge messages", err);
		}
	}
	return MSGR_OK;
}

/* the first count kept acknowledgements were written */
static void forget_acks(msgr_redis_t *r, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		msgr_free(r->acks[i]);
	}
	memmove(r->acks, r->acks + count, (r->ack_count - count) * sizeof(char *));
	r->ack_count -= count;
}

static int write_acks(msgr_redis_t *r, const char *const *ids, size_t count, bool reject, msgr_error_t *err)
{
	if (count == 0) {
		return MSGR_OK;
	}
	msgr_buf_t resp = MSGR_BUF_INIT;
	int n = append_acks(r, &resp, ids, count, reject);
	if (n < 0) {
		msgr_buf_free(&resp);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	redisReply *replies[2] = { NULL, NULL };
	int rc = pipeline(r, &resp, (size_t) n, replies, err);
	if (rc == MSGR_OK) {
		rc = check_acks(r, replies, n, err);
	}
	free_replies(replies, 2);
	msgr_buf_free(&resp);
	return rc;
}

int msgr_redis_flush(msgr_redis_t *r, msgr_error_t *err)
{
	int rc = land(r, err);
	if (rc != MSGR_OK && r->net) {
		return rc;
	}
	if (r->ack_count == 0) {
		return MSGR_OK;
	}
	rc = write_acks(r, (const char *const *) r->acks, r->ack_count, false, err);
	if (rc == MSGR_OK) {
		forget_acks(r, r->ack_count);
	}
	return rc;
}

int msgr_redis_ack(msgr_redis_t *r, const char *const *ids, size_t count, bool reject, msgr_error_t *err)
{
	for (size_t i = 0; i < count; i++) {
		settled(r, ids[i]);
	}
	if (reject || !acks_wait(r)) {
		return write_acks(r, ids, count, reject, err);
	}
	/* kept, and written with the next read (an id acknowledged twice is written twice: XACK and
	 * XDEL of an id already done do nothing) */
	for (size_t i = 0; i < count; i++) {
		if (r->ack_count == r->ack_cap) {
			size_t ncap = r->ack_cap ? r->ack_cap * 2 : 64;
			char **grown = msgr_realloc(r->acks, ncap * sizeof(char *));
			if (!grown) {
				return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
			}
			r->acks = grown;
			r->ack_cap = ncap;
		}
		if (!(r->acks[r->ack_count] = msgr_strndup(ids[i], strlen(ids[i])))) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		/* (acknowledged without reading more: written once there are many) */
		if (++r->ack_count >= MAX_KEPT_ACKS) {
			int rc = msgr_redis_flush(r, err);
			if (rc != MSGR_OK) {
				return rc;
			}
		}
	}
	return MSGR_OK;
}

/* XCLAIM of one entry to this consumer, JUSTID; idle_ms >= 0 sets its idle time (IDLE). *claimed
 * tells whether the entry was pending in the group. */
/* XCLAIM of ids to this consumer, with IDLE idle_ms unless it is negative; *claimed: how many */
static int claim(msgr_redis_t *r, const char *const *ids, size_t n, long long idle_ms, const char *doing, size_t *claimed, msgr_error_t *err)
{
	char idle[24];
	snprintf(idle, sizeof(idle), "%lld", idle_ms);
	size_t payload = strlen(r->o.stream) + strlen(r->o.group) + strlen(r->o.consumer) + strlen(idle) + 32;
	for (size_t i = 0; i < n; i++) {
		payload += strlen(ids[i]);
	}
	msgr_buf_t resp = MSGR_BUF_INIT;
	if (resp_reserve(&resp, n + 9, payload) != MSGR_OK) {
		msgr_buf_free(&resp);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	resp_begin(&resp, n + (idle_ms >= 0 ? 8 : 6));
	resp_arg(&resp, "XCLAIM", 6);
	resp_arg(&resp, r->o.stream, strlen(r->o.stream));
	resp_arg(&resp, r->o.group, strlen(r->o.group));
	resp_arg(&resp, r->o.consumer, strlen(r->o.consumer));
	resp_arg(&resp, "0", 1);
	for (size_t i = 0; i < n; i++) {
		resp_arg(&resp, ids[i], strlen(ids[i]));
	}
	if (idle_ms >= 0) {
		resp_arg(&resp, "IDLE", 4);
		resp_arg(&resp, idle, strlen(idle));
	}
	resp_arg(&resp, "JUSTID", 6);
	redisReply *reply = NULL;
	int rc = pipeline(r, &resp, 1, &reply, err);
	msgr_buf_free(&resp);
	if (rc == MSGR_OK) {
		if (reply->type != REDIS_REPLY_ARRAY) {
			rc = reply_error(r, reply, doing, err);
		} else {
			*claimed = reply->elements;
		}
		freeReplyObject(reply);
	}
	return rc;
}

int msgr_redis_release(msgr_redis_t *r, const char *id, msgr_error_t *err)
{
	settled(r, id);
	size_t claimed;
	return claim(r, &id, 1, r->o.redeliver_timeout_ms, "give a message back", &claimed, err);
}

int msgr_redis_keepalive(msgr_redis_t *r, const char *id, long long seconds, msgr_error_t *err)
{
	if (seconds > 0 && seconds * 1000 >= r->o.redeliver_timeout_ms) {
		return msgr_error_set(err, MSGR_ERR_STATE,
			"The keepalive interval (%lld s) must be shorter than the redeliver_timeout (%lld s), or messages are redelivered while they are handled",
			seconds, r->o.redeliver_timeout_ms / 1000);
	}
	size_t claimed = 0;
	int rc = claim(r, &id, 1, -1, "keep a message alive", &claimed, err);
	if (rc == MSGR_OK && !claimed) {
		rc = msgr_error_set(err, MSGR_ERR_NOT_FOUND, "%s has no pending message %s in group \"%s\" to keep alive", r->where, id, r->o.group);
	}
	return rc;
}

/* the id right after id (ms-seq) */
static void next_id(const char *id, char *out, size_t size)
{
	unsigned long long ms = 0, seq = 0;
	sscanf(id, "%llu-%llu", &ms, &seq);
	if (seq == ~0ULL) {
		snprintf(out, size, "%llu-0", ms + 1);
	} else {
		snprintf(out, size, "%llu-%llu", ms, seq + 1);
	}
}

int msgr_redis_count(msgr_redis_t *r, long long *n, msgr_error_t *err)
{
	*n = 0;
	cmd_t c = { 0 };
	cmd_str(&c, "XINFO");
	cmd_str(&c, "GROUPS");
	cmd_str(&c, r->o.stream);
	redisReply *reply;
	int rc = run(r, &c, &reply, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	if (reply->type == REDIS_REPLY_ERROR && strstr(reply->str, "no such key")) {
		freeReplyObject(reply);
		return MSGR_OK; /* no stream yet: nothing waits */
	}
	if (reply->type != REDIS_REPLY_ARRAY) {
		rc = reply_error(r, reply, "read the consumer groups", err);
		freeReplyObject(reply);
		return rc;
	}
	char last[ID_SIZE] = "";
	bool found = false, have_lag = false;
	for (size_t g = 0; g < reply->elements && !found; g++) {
		redisReply *group = reply->element[g];
		bool mine = false;
		for (size_t i = 0; group->type == REDIS_REPLY_ARRAY && i + 1 < group->elements; i += 2) {
			redisReply *k = group->element[i], *v = group->element[i + 1];
			if (k->type != REDIS_REPLY_STRING) {
				continue;
			}
			if (strcmp(k->str, "name") == 0 && v->type == REDIS_REPLY_STRING && strcmp(v->str, r->o.group) == 0) {
				mine = true;
			} else if (strcmp(k->str, "last-delivered-id") == 0 && v->type == REDIS_REPLY_STRING) {
				snprintf(last, sizeof(last), "%s", v->str);
			} else if (strcmp(k->str, "lag") == 0 && v->type == REDIS_REPLY_INTEGER) {
				have_lag = true;
				*n = v->integer;
			}
		}
		found = mine;
		if (!mine) {
			have_lag = false;
			*n = 0;
		}
	}
	freeReplyObject(reply);
	if (!found || have_lag) {
		return MSGR_OK;
	}
	/* no lag (Redis < 7, or after an XDEL in the middle): count the entries after last-delivered-id */
	char start[ID_SIZE];
	next_id(*last ? last : "0-0", start, sizeof(start));
	for (;;) {
		cmd_t x = { 0 };
		cmd_str(&x, "XRANGE");
		cmd_str(&x, r->o.stream);
		cmd_str(&x, start);
		cmd_str(&x, "+");
		cmd_str(&x, "COUNT");
		cmd_str(&x, "1000");
		if ((rc = run(r, &x, &reply, err)) != MSGR_OK) {
			return rc;
		}
		if (reply->type != REDIS_REPLY_ARRAY) {
			rc = reply_error(r, reply, "count the stream", err);
			freeReplyObject(reply);
			return rc;
		}
		size_t got = reply->elements;
		*n += (long long) got;
		if (got) {
			redisReply *e = reply->element[got - 1];
			if (is_entry(e)) {
				next_id(e->element[0]->str, start, sizeof(start));
			}
		}
		freeReplyObject(reply);
		if (got < 1000) {
			return MSGR_OK;
		}
	}
}

int msgr_redis_list(msgr_redis_t *r, const char *id, size_t limit, msgr_message_t **out, size_t *count, msgr_error_t *err)
{
	*out = NULL;
	*count = 0;
	int rc = msgr_redis_flush(r, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	char n[24];
	cmd_t c = { 0 };
	cmd_str(&c, "XRANGE");
	cmd_str(&c, r->o.stream);
	cmd_str(&c, id ? id : "-");
	cmd_str(&c, id ? id : "+");
	if (id || limit) {
		snprintf(n, sizeof(n), "%zu", id ? (size_t) 1 : limit);
		cmd_str(&c, "COUNT");
		cmd_str(&c, n);
	}
	redisReply *reply;
	if ((rc = run(r, &c, &reply, err)) != MSGR_OK) {
		return rc;
	}
	if (reply->type == REDIS_REPLY_ERROR && id && strstr(reply->str, "Invalid stream ID")) {
		freeReplyObject(reply);
		return MSGR_OK; /* not an id of a stream entry: no such message */
	}
	size_t cap = 0;
	rc = reply->type == REDIS_REPLY_ARRAY ? collect(r, reply, false, false, out, count, &cap, NULL, NULL, err) : reply_error(r, reply, "list the stream", err);
	freeReplyObject(reply);
	if (rc != MSGR_OK) {
		msgr_messages_free(*out, *count);
		*out = NULL;
		*count = 0;
	}
	return rc;
}
/* }}} */
