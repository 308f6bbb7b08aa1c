/* The Redis streams transport of the core (hiredis), with Symfony's layout on the wire:
 * entries of <stream> with one field "message" = s:N:"{"body":...,"headers":...}"; (phpredis'
 * PHP serializer wrapper; raw JSON is read too), delayed messages in the sorted set
 * <stream>__queue scored by the due time in ms, one consumer group read with XREADGROUP.
 *
 * Better than Symfony's where it costs nothing: due delayed messages are moved by one Lua
 * script (two workers never move one twice or lose one) in the same round trip as the read;
 * the pending entries of dead consumers are claimed in batches with XAUTOCLAIM; a consumer
 * name two workers never share; a batch read with COUNT n; acks and sends pipelined. */
#ifndef MSGR_REDIS_H
#define MSGR_REDIS_H

#include "core/base/dsn.h"
#include "core/base/error.h"
#include "core/base/message.h"
#include "core/base/option.h"
#include "core/redis/topology.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct msgr_redis_options {
	char *host;                    /* "" with a unix socket */
	int port;
	char *socket;                  /* the unix socket's path, or NULL */
	char *user;                    /* NULL: AUTH with the password alone */
	char *password;                /* NULL: no AUTH */
	long dbindex;
	char *stream, *group, *consumer;
	bool auto_setup, delete_after_ack, delete_after_reject, lazy, persistent;
	long long stream_max_entries;  /* 0: no MAXLEN */
	long long redeliver_timeout_ms;
	long long claim_interval_ms;
	long long get_batch_size;      /* entries per read (COUNT); 0: not given (1, or the read-ahead) */
	long long max_deliveries;      /* a pending entry delivered more times goes to the failure transport; 0: never */
	double connect_timeout;        /* s; 0: the default of 5 s */
	double read_timeout;           /* s; 0: the default of 30 s */
	bool raw_json;                 /* serializer=0: the message field is the JSON itself */
	bool tls;                      /* rediss:// (or tls=1) */
	char *cacert, *cert, *key;     /* TLS files, or NULL */
	bool verify_peer;              /* TLS: check the server's certificate and name (default) */
	bool consumer_generated;       /* the consumer name is ours (hostname-pid or the environment's) */
	char *capath;                  /* TLS: a directory of CA certificates, or NULL */
	char *peer_name;               /* TLS: the name the servers' certificates must hold (default: the host) */
	bool verify_peer_name;         /* TLS: check the certificate's name (default; verify_peer checks the chain) */
	char *persistent_id;           /* pooled connections of another id are not shared */
	long long retry_interval_ms;   /* the wait before connecting again after a lost connection */
	/* Sentinel (sentinel_master set): nodes are the sentinels; Cluster (cluster): the seeds */
	char *sentinel_master;
	char *sentinel_user, *sentinel_password;
	bool cluster;
	msgr_redis_addr_t *nodes;
	size_t node_count;
	long long wait_replicas;       /* WAIT for this many replicas after a send; -1: those the topology lists */
} msgr_redis_options_t;

/* The options of a redis:// or redis:///path.sock DSN (scheme, authority, path segments
 * stream/group/consumer, query) and of extra key/values (the configuration's "options"; the
 * DSN's query and path win over them). Booleans are true/false/1/0/"" ; numbers are decimal.
 * An unknown option, a bad value or a DSN of another scheme is MSGR_ERR_INVALID naming it.
 * The consumer, when neither the DSN nor the options name it: $MESSENGER_CONSUMER_NAME, else
 * <hostname>-<pid>. rediss:// is TLS (OpenSSL), with cacert, cert, key and verify_peer, or
 * Symfony's ssl[...] context keys (cafile, capath, local_cert, local_pk, verify_peer,
 * verify_peer_name, peer_name).
 * Sentinel: sentinel_master (or redis_sentinel) names the primary; the hosts of the DSN and its
 * host[h:p] keys are the sentinels. Cluster: several hosts without sentinel_master (a list of
 * DSNs, h1,h2 or host[...] keys); the stream is given a hash tag, {stream}, unless it has one,
 * so that it and <stream>__queue live in one slot. */
int msgr_redis_options_parse(const msgr_dsn_t *dsn, const msgr_kv_t *extra, size_t extra_count, msgr_redis_options_t *out, msgr_error_t *err);
void msgr_redis_options_free(msgr_redis_options_t *o);

/* "Redis at host:port", "Redis at /path.sock", "Redis primary \"name\" (Sentinel h:p, ...)" or
 * "Redis Cluster h:p, ...": how errors name the server (never the password). */
const char *msgr_redis_where(const msgr_redis_options_t *o, char *buf, size_t size);

typedef struct msgr_redis msgr_redis_t;

/* Takes the options (the caller's struct is zeroed). Connects now unless lazy. */
int msgr_redis_open(msgr_redis_t **out, msgr_redis_options_t *options, msgr_error_t *err);
/* With persistent (the default), the connection goes back to a process-wide pool for the next
 * transport of the same server, credentials and database (an FPM worker's next request). A
 * consumer whose name was made up (hostname-pid) and that read from the group is removed from
 * the group when it has nothing pending, so that names of gone workers do not pile up. */
void msgr_redis_close(msgr_redis_t *r);
/* Closes the pooled connections (at module shutdown). */
void msgr_redis_pool_clear(void);

/* XGROUP CREATE ... MKSTREAM (an existing group is fine); with delete_after_ack or
 * delete_after_reject, more than one group on the stream is MSGR_ERR_STATE. */
int msgr_redis_setup(msgr_redis_t *r, msgr_error_t *err);

/* Sends count messages in one round trip: XADD, or ZADD to <stream>__queue when delay_ms > 0.
 * Each message's id is set (owned: msgr_free() it): the entry id, or the delayed member's
 * uniqid. A body or header that is not UTF-8 is MSGR_ERR_INVALID and nothing is sent. */
int msgr_redis_send(msgr_redis_t *r, msgr_message_t *messages, size_t count, msgr_error_t *err);

/* A worker reads from it: when get_batch_size was not given, a read takes up to n entries, and
 * acknowledgements wait for the next read. n = 0: no worker does any more (flush first). */
void msgr_redis_read_ahead(msgr_redis_t *r, size_t n);

/* Up to get_batch_size (or the read-ahead) messages (owned: msgr_messages_free()). First moves the due delayed
 * messages and, every claim_interval, claims entries other consumers left pending longer than
 * redeliver_timeout; reads this consumer's own pending entries first (a restarted worker gets
 * them back at once), then new ones. An entry that cannot be read comes back with a problem. */
int msgr_redis_get(msgr_redis_t *r, msgr_message_t **out, size_t *count, msgr_error_t *err);

/* XACK (+ XDEL with delete_after_ack / delete_after_reject) of count ids, in one round trip.
 * Read by a worker (msgr_redis_read_ahead()) or with get_batch_size > 1, acknowledgements (not
 * rejections) are kept and written together, in the write of the next read, or by
 * msgr_redis_flush(). */
int msgr_redis_ack(msgr_redis_t *r, const char *const *ids, size_t count, bool reject, msgr_error_t *err);
/* Writes the kept acknowledgements. */
int msgr_redis_flush(msgr_redis_t *r, msgr_error_t *err);

/* Gives a received entry back at once (a worker that stops in the middle of a batch): it stays
 * pending but looks as old as redeliver_timeout, so the next claim of any worker takes it. */
int msgr_redis_release(msgr_redis_t *r, const char *id, msgr_error_t *err);

/* Resets the idle time of a pending entry (XCLAIM to this consumer, min idle 0). seconds (0:
 * not given) must be shorter than redeliver_timeout, else MSGR_ERR_STATE. */
int msgr_redis_keepalive(msgr_redis_t *r, const char *id, long long seconds, msgr_error_t *err);

/* The entries not yet delivered to the group (XINFO GROUPS lag, else counted with XRANGE). */
int msgr_redis_count(msgr_redis_t *r, long long *n, msgr_error_t *err);

/* The stream's entries in order (XRANGE), at most limit (0: all); with id, that one entry. */
int msgr_redis_list(msgr_redis_t *r, const char *id, size_t limit, msgr_message_t **out, size_t *count, msgr_error_t *err);

/* Reads the message field of a stream entry: s:N:"<json>"; or raw JSON. */
int msgr_redis_read_field(const char *value, size_t len, msgr_message_t *out, msgr_error_t *err);

#endif
