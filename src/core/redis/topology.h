/* What the Redis transport needs to know of a Sentinel group or a Cluster, read from the
 * servers' replies: these are pure functions over hiredis replies and key names (the transport
 * does the talking, see redis.c). Every reply is hostile input: a malformed one is "not found",
 * never a crash. */
#ifndef MSGR_REDIS_TOPOLOGY_H
#define MSGR_REDIS_TOPOLOGY_H

#include <hiredis/hiredis.h>

#include <stdbool.h>
#include <stddef.h>

#define MSGR_REDIS_HOST_SIZE 256

typedef struct msgr_redis_addr {
	char host[MSGR_REDIS_HOST_SIZE];
	int port;
} msgr_redis_addr_t;

/* The cluster slot of a key (CRC16 of its hash tag, the part between the first '{' and the next
 * '}' when that is not empty, else of the whole key, modulo 16384). */
unsigned msgr_redis_key_slot(const char *key, size_t len);
/* Whether the key has a hash tag (a non-empty {...}). */
bool msgr_redis_has_tag(const char *key);

/* "MOVED <slot> <host>:<port>" or "ASK <slot> <host>:<port>": true with *ask and *to set; an
 * empty host ("MOVED 1 :7001") is the host of the node that said so. */
bool msgr_redis_redirect(const redisReply *reply, bool *ask, msgr_redis_addr_t *to);

/* The primary serving slot in a CLUSTER SLOTS reply, and how many replicas it lists. */
bool msgr_redis_slot_owner(const redisReply *slots, unsigned slot, msgr_redis_addr_t *owner, int *replicas);

/* The reply of SENTINEL GET-MASTER-ADDR-BY-NAME: [host, port]. */
bool msgr_redis_sentinel_addr(const redisReply *reply, msgr_redis_addr_t *primary);
/* The replicas a SENTINEL REPLICAS reply lists as up (their flags hold none of s_down, o_down,
 * disconnected); -1 for a malformed reply. */
int msgr_redis_sentinel_replicas_up(const redisReply *reply);

/* Whether a ROLE reply says master. */
bool msgr_redis_role_primary(const redisReply *reply);

#endif
