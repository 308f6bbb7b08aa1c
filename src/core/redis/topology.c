/* See topology.h. */
#include "core/redis/topology.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* CRC16-CCITT (XMODEM: polynomial 0x1021, initial value 0), as Redis Cluster hashes keys;
 * the table is made once, at first use */
static unsigned short crc16(const unsigned char *p, size_t len)
{
	static unsigned short table[256];
	static int ready;
	if (!ready) {
		for (unsigned i = 0; i < 256; i++) {
			unsigned c = i << 8;
			for (int b = 0; b < 8; b++) {
				c = (c & 0x8000) ? (c << 1) ^ 0x1021 : c << 1;
			}
			table[i] = (unsigned short) c;
		}
		ready = 1; /* (two threads racing here write the same values) */
	}
	unsigned short crc = 0;
	for (size_t i = 0; i < len; i++) {
		crc = (unsigned short) ((crc << 8) ^ table[((crc >> 8) ^ p[i]) & 0xff]);
	}
	return crc;
}

/* the hash tag of key: its start and length, or the whole key */
static const char *tag_of(const char *key, size_t len, size_t *tag_len)
{
	const char *open = memchr(key, '{', len);
	if (open) {
		size_t after = len - (size_t) (open + 1 - key);
		const char *close = memchr(open + 1, '}', after);
		if (close && close > open + 1) {
			*tag_len = (size_t) (close - open - 1);
			return open + 1;
		}
	}
	*tag_len = len;
	return key;
}

unsigned msgr_redis_key_slot(const char *key, size_t len)
{
	size_t n;
	const char *tag = tag_of(key, len, &n);
	return crc16((const unsigned char *) tag, n) & 16383;
}

bool msgr_redis_has_tag(const char *key)
{
	size_t n;
	return tag_of(key, strlen(key), &n) != key;
}

/* no NUL, space or control byte in a host name */
static bool host_ok(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char) s[i] <= ' ') {
			return false;
		}
	}
	return true;
}

/* host:port (the last colon: an IPv6 host has more) into a; an empty host only when empty_ok */
static bool parse_addr(const char *s, size_t len, msgr_redis_addr_t *a, bool empty_ok)
{
	const char *colon = NULL;
	for (size_t i = len; i > 0; i--) {
		if (s[i - 1] == ':') {
			colon = s + i - 1;
			break;
		}
	}
	if (!colon || (colon == s && !empty_ok)) {
		return false;
	}
	size_t host_len = (size_t) (colon - s), digits = len - host_len - 1;
	if (host_len >= sizeof(a->host) || digits == 0 || digits > 5) {
		return false;
	}
	if (!host_ok(s, host_len)) {
		return false;
	}
	long port = 0;
	for (size_t i = 0; i < digits; i++) {
		char c = colon[1 + i];
		if (c < '0' || c > '9') {
			return false;
		}
		port = port * 10 + (c - '0');
	}
	if (port < 1 || port > 65535) {
		return false;
	}
	memcpy(a->host, s, host_len);
	a->host[host_len] = '\0';
	a->port = (int) port;
	return true;
}

bool msgr_redis_redirect(const redisReply *reply, bool *ask, msgr_redis_addr_t *to)
{
	if (!reply || reply->type != REDIS_REPLY_ERROR || !reply->str) {
		return false;
	}
	const char *s = reply->str;
	size_t len = reply->len;
	size_t skip;
	if (len > 6 && memcmp(s, "MOVED ", 6) == 0) {
		*ask = false;
		skip = 6;
	} else if (len > 4 && memcmp(s, "ASK ", 4) == 0) {
		*ask = true;
		skip = 4;
	} else {
		return false;
	}
	/* the slot, then one space, then the address */
	size_t i = skip;
	while (i < len && s[i] >= '0' && s[i] <= '9') {
		i++;
	}
	if (i == skip || i >= len || s[i] != ' ') {
		return false;
	}
	i++;
	/* ":port" alone (Redis 7 when it does not know the node's address): the same host */
	return parse_addr(s + i, len - i, to, true);
}

/* [host, port, ...] of a CLUSTER SLOTS node entry */
static bool node_addr(const redisReply *node, msgr_redis_addr_t *a)
{
	if (!node || node->type != REDIS_REPLY_ARRAY || node->elements < 2) {
		return false;
	}
	const redisReply *host = node->element[0], *port = node->element[1];
	if (host->type != REDIS_REPLY_STRING || port->type != REDIS_REPLY_INTEGER || port->integer < 1 || port->integer > 65535
		|| host->len == 0 || host->len >= sizeof(a->host) || !host_ok(host->str, host->len)) {
		return false;
	}
	memcpy(a->host, host->str, host->len);
	a->host[host->len] = '\0';
	a->port = (int) port->integer;
	return true;
}

/* a CLUSTER SLOTS range: [start, end, primary, replica...] */
static bool range_ok(const redisReply *r)
{
	return r && r->type == REDIS_REPLY_ARRAY && r->elements >= 3 && r->element[0]->type == REDIS_REPLY_INTEGER
		&& r->element[1]->type == REDIS_REPLY_INTEGER;
}

bool msgr_redis_slot_owner(const redisReply *slots, unsigned slot, msgr_redis_addr_t *owner, int *replicas)
{
	if (!slots || slots->type != REDIS_REPLY_ARRAY) {
		return false;
	}
	for (size_t i = 0; i < slots->elements; i++) {
		const redisReply *r = slots->element[i];
		if (!range_ok(r) || r->element[0]->integer > (long long) slot || r->element[1]->integer < (long long) slot) {
			continue;
		}
		if (!node_addr(r->element[2], owner)) {
			return false;
		}
		*replicas = (int) (r->elements - 3);
		return true;
	}
	return false;
}

bool msgr_redis_sentinel_addr(const redisReply *reply, msgr_redis_addr_t *primary)
{
	if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 || reply->element[0]->type != REDIS_REPLY_STRING
		|| reply->element[1]->type != REDIS_REPLY_STRING) {
		return false;
	}
	const redisReply *host = reply->element[0], *port = reply->element[1];
	char text[MSGR_REDIS_HOST_SIZE + 8];
	if (host->len == 0 || host->len >= MSGR_REDIS_HOST_SIZE || port->len == 0 || port->len > 5 || !host_ok(host->str, host->len)) {
		return false;
	}
	snprintf(text, sizeof(text), "%.*s:%.*s", (int) host->len, host->str, (int) port->len, port->str);
	return parse_addr(text, strlen(text), primary, false);
}

int msgr_redis_sentinel_replicas_up(const redisReply *reply)
{
	if (!reply || reply->type != REDIS_REPLY_ARRAY) {
		return -1;
	}
	int up = 0;
	for (size_t i = 0; i < reply->elements; i++) {
		const redisReply *fields = reply->element[i];
		if (fields->type != REDIS_REPLY_ARRAY) {
			return -1;
		}
		bool down = true; /* no flags: not counted */
		for (size_t k = 0; k + 1 < fields->elements; k += 2) {
			const redisReply *key = fields->element[k], *value = fields->element[k + 1];
			if (key->type == REDIS_REPLY_STRING && key->len == 5 && memcmp(key->str, "flags", 5) == 0 && value->type == REDIS_REPLY_STRING) {
				/* a comma-separated list: slave, s_down, o_down, disconnected, ... */
				char flags[256];
				snprintf(flags, sizeof(flags), ",%.*s,", (int) (value->len < 200 ? value->len : 200), value->str);
				down = strstr(flags, ",s_down,") || strstr(flags, ",o_down,") || strstr(flags, ",disconnected,");
			}
		}
		up += !down;
	}
	return up;
}

bool msgr_redis_role_primary(const redisReply *reply)
{
	return reply && reply->type == REDIS_REPLY_ARRAY && reply->elements >= 1 && reply->element[0]->type == REDIS_REPLY_STRING
		&& reply->element[0]->len == 6 && memcmp(reply->element[0]->str, "master", 6) == 0;
}
