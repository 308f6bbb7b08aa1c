/* Classification, Retry-After, signatures and private addresses of webhook deliveries. */
#include "core/http/webhook.h"
#include "core/base/alloc.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <curl/curl.h>

msgr_webhook_outcome msgr_webhook_classify(long status, bool transport_error, bool refused)
{
	if (refused) {
		return MSGR_WEBHOOK_FAIL;
	}
	if (status >= 200 && status < 300) {
		/* the endpoint said it took it, even if the rest of its answer was then cut off: sending
		 * it again would only make a duplicate */
		return MSGR_WEBHOOK_DELIVERED;
	}
	if (transport_error || status == 0) {
		return MSGR_WEBHOOK_RETRY;
	}
	if (status == 410) {
		return MSGR_WEBHOOK_GONE;
	}
	if (status == 408 || status == 429 || status >= 500 || status < 200) {
		return MSGR_WEBHOOK_RETRY;
	}
	return MSGR_WEBHOOK_FAIL;
}

long long msgr_webhook_retry_after_ms(const char *value, size_t len, time_t now)
{
	while (len && (*value == ' ' || *value == '\t')) {
		value++;
		len--;
	}
	while (len && (value[len - 1] == ' ' || value[len - 1] == '\t' || value[len - 1] == '\r' || value[len - 1] == '\n')) {
		len--;
	}
	if (len == 0 || len > 64) {
		return -1;
	}
	bool digits = true;
	for (size_t i = 0; i < len; i++) {
		digits = digits && isdigit((unsigned char) value[i]);
	}
	if (digits) {
		/* read within len (value need not end there), leading zeros included: "0000000005" is 5 s */
		long long seconds = 0;
		for (size_t i = 0; i < len && seconds <= 999999999LL; i++) {
			seconds = seconds * 10 + (value[i] - '0');
		}
		/* more than 31 years: the caller's cap applies */
		return (seconds > 999999999LL ? 999999999LL : seconds) * 1000;
	}
	char date[65];
	memcpy(date, value, len);
	date[len] = '\0';
	time_t at = curl_getdate(date, NULL);
	if (at == (time_t) -1) {
		return -1;
	}
	if (at <= now) {
		return 0;
	}
	/* curl_getdate() takes years far past 9999: capped as a number of seconds is */
	long long seconds = (long long) (at - now);
	return (seconds > 999999999LL ? 999999999LL : seconds) * 1000;
}

const char *msgr_webhook_header(const char *raw, size_t raw_len, const char *name, size_t *len)
{
	size_t name_len = strlen(name);
	const char *end = raw + raw_len;
	for (const char *line = raw; line < end;) {
		const char *eol = memchr(line, '\n', (size_t) (end - line));
		const char *stop = eol ? eol : end;
		if ((size_t) (stop - line) > name_len && line[name_len] == ':' && strncasecmp(line, name, name_len) == 0) {
			const char *v = line + name_len + 1;
			while (v < stop && (*v == ' ' || *v == '\t')) {
				v++;
			}
			const char *ve = stop;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) {
				ve--;
			}
			*len = (size_t) (ve - v);
			return v;
		}
		line = eol ? eol + 1 : end;
	}
	return NULL;
}

/* {{{ base64 */
static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int msgr_base64_encode(const unsigned char *in, size_t len, msgr_buf_t *out)
{
	if (msgr_buf_reserve(out, (len + 2) / 3 * 4 + 1) != 0) {
		return -1;
	}
	char *o = out->data + out->len;
	size_t i = 0;
	for (; i + 2 < len; i += 3) {
		uint32_t v = (uint32_t) in[i] << 16 | (uint32_t) in[i + 1] << 8 | in[i + 2];
		*o++ = b64[v >> 18];
		*o++ = b64[(v >> 12) & 63];
		*o++ = b64[(v >> 6) & 63];
		*o++ = b64[v & 63];
	}
	if (i < len) {
		uint32_t v = (uint32_t) in[i] << 16 | (i + 1 < len ? (uint32_t) in[i + 1] << 8 : 0);
		*o++ = b64[v >> 18];
		*o++ = b64[(v >> 12) & 63];
		*o++ = i + 1 < len ? b64[(v >> 6) & 63] : '=';
		*o++ = '=';
	}
	out->len = (size_t) (o - out->data);
	out->data[out->len] = '\0';
	return 0;
}

static int b64_value(char c)
{
	const char *p = c ? strchr(b64, c) : NULL;
	return p ? (int) (p - b64) : -1;
}

int msgr_base64_decode(const char *in, size_t len, msgr_buf_t *out)
{
	if (len % 4 != 0 || msgr_buf_reserve(out, len / 4 * 3 + 1) != 0) {
		return -1;
	}
	unsigned char *o = (unsigned char *) out->data + out->len;
	for (size_t i = 0; i < len; i += 4) {
		int v[4];
		int pad = 0;
		for (int k = 0; k < 4; k++) {
			if (in[i + k] == '=' && i + 4 == len && k >= 2) {
				v[k] = 0;
				pad++;
			} else if (pad || (v[k] = b64_value(in[i + k])) < 0) {
				return -1;
			}
		}
		uint32_t n = (uint32_t) v[0] << 18 | (uint32_t) v[1] << 12 | (uint32_t) v[2] << 6 | (uint32_t) v[3];
		*o++ = (unsigned char) (n >> 16);
		if (pad < 2) {
			*o++ = (unsigned char) (n >> 8);
		}
		if (pad < 1) {
			*o++ = (unsigned char) n;
		}
	}
	out->len = (size_t) ((char *) o - out->data);
	out->data[out->len] = '\0';
	return 0;
}
/* }}} */

/* {{{ signatures */
int msgr_webhook_secret_key(const char *secret, size_t len, msgr_buf_t *key)
{
	/* "whsec_" alone is an empty key, not the prefix's six bytes */
	if (len >= 6 && memcmp(secret, "whsec_", 6) == 0) {
		return msgr_base64_decode(secret + 6, len - 6, key);
	}
	return msgr_buf_append(key, secret, len);
}

/* HMAC-SHA256 over the concatenation of parts */
static int hmac_sha256(const msgr_buf_t *key, const char *const *parts, const size_t *lens, int n, unsigned char mac[32])
{
	unsigned char *joined = NULL;
	size_t total = 0;
	for (int i = 0; i < n; i++) {
		total += lens[i];
	}
	joined = msgr_malloc(total ? total : 1);
	if (!joined) {
		return -1;
	}
	size_t at = 0;
	for (int i = 0; i < n; i++) {
		if (lens[i]) {
			memcpy(joined + at, parts[i], lens[i]);
			at += lens[i];
		}
	}
	unsigned int mac_len = 0;
	unsigned char *ok = HMAC(EVP_sha256(), key->data, (int) key->len, joined, total, mac, &mac_len);
	msgr_free(joined);
	return ok && mac_len == 32 ? 0 : -1;
}

int msgr_webhook_sign_standard(const char *secrets, size_t secrets_len, const char *id, long long timestamp,
	const char *body, size_t body_len, msgr_buf_t *out)
{
	char ts[24];
	int ts_len = snprintf(ts, sizeof(ts), "%lld", timestamp);
	const char *parts[] = { id, ".", ts, ".", body };
	size_t lens[] = { strlen(id), 1, (size_t) ts_len, 1, body_len };
	bool rotating = secrets_len > 6 && memcmp(secrets, "whsec_", 6) == 0;
	const char *end = secrets + secrets_len;
	const char *s = secrets;
	int count = 0;
	while (s < end) {
		const char *e = rotating ? memchr(s, ' ', (size_t) (end - s)) : NULL;
		if (!e) {
			e = end;
		}
		if (e > s) {
			msgr_buf_t key = MSGR_BUF_INIT;
			unsigned char mac[32];
			int rc = (rotating && !((e - s) > 6 && memcmp(s, "whsec_", 6) == 0)) ? -1 : msgr_webhook_secret_key(s, (size_t) (e - s), &key);
			if (rc == 0 && key.len == 0) {
				rc = -1;
			}
			if (rc == 0) {
				rc = hmac_sha256(&key, parts, lens, 5, mac);
			}
			msgr_buf_free(&key);
			if (rc != 0) {
				return -1;
			}
			if ((count++ && msgr_buf_append(out, " ", 1) != 0) || msgr_buf_append(out, "v1,", 3) != 0 || msgr_base64_encode(mac, 32, out) != 0) {
				return -1;
			}
		}
		s = e + 1;
	}
	return count ? 0 : -1;
}

int msgr_webhook_sign_symfony(const char *secret, size_t secret_len, const char *event, const char *id,
	const char *body, size_t body_len, msgr_buf_t *out)
{
	if (secret_len == 0) {
		return -1;
	}
	msgr_buf_t key = { (char *) secret, secret_len, secret_len };
	const char *parts[] = { event, id, body };
	size_t lens[] = { strlen(event), strlen(id), body_len };
	unsigned char mac[32];
	if (hmac_sha256(&key, parts, lens, 3, mac) != 0 || msgr_buf_append(out, "sha256=", 7) != 0 || msgr_buf_reserve(out, 65) != 0) {
		return -1;
	}
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 32; i++) {
		out->data[out->len++] = hex[mac[i] >> 4];
		out->data[out->len++] = hex[mac[i] & 15];
	}
	out->data[out->len] = '\0';
	return 0;
}
/* }}} */

static bool v4_private(uint32_t a)
{
	return (a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127       /* this network, private, loopback */
		|| (a >> 16) == 0xA9FE                                      /* 169.254/16 link-local */
		|| (a >> 20) == 0xAC1                                       /* 172.16/12 */
		|| (a >> 16) == 0xC0A8                                      /* 192.168/16 */
		|| (a >> 22) == (100u << 2 | 1)                             /* 100.64/10 carrier-grade NAT */
		|| (a >> 8) == 0xC00000                                     /* 192.0.0/24 protocol assignments */
		|| (a >> 17) == (0xC612u >> 1)                              /* 198.18/15 benchmarking */
		|| (a >> 28) >= 0xE;                                        /* multicast, reserved, broadcast */
}

bool msgr_webhook_addr_private(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET) {
		return v4_private(ntohl(((const struct sockaddr_in *) sa)->sin_addr.s_addr));
	}
	if (sa->sa_family == AF_INET6) {
		const unsigned char *b = ((const struct sockaddr_in6 *) sa)->sin6_addr.s6_addr;
		static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
		static const unsigned char compat[12] = { 0 };
		static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };
		static const unsigned char nat64_local[6] = { 0, 0x64, 0xff, 0x9b, 0, 0x01 }; /* 64:ff9b:1::/48 */
		uint32_t last4 = (uint32_t) b[12] << 24 | (uint32_t) b[13] << 16 | (uint32_t) b[14] << 8 | b[15];
		if (memcmp(b, mapped, 12) == 0 || memcmp(b, compat, 12) == 0 || memcmp(b, nat64, 12) == 0 || memcmp(b, nat64_local, 6) == 0) {
			return v4_private(last4);   /* an IPv4 address inside (::ffff:a.b.c.d, ::a.b.c.d, NAT64's 64:ff9b::a.b.c.d and 64:ff9b:1::/48); :: and ::1 are 0/8 */
		}
		if (b[0] == 0x20 && b[1] == 0x02) {
			/* 2002::/16, 6to4: the IPv4 address of its relay */
			return v4_private((uint32_t) b[2] << 24 | (uint32_t) b[3] << 16 | (uint32_t) b[4] << 8 | b[5]);
		}
		return (b[0] & 0xfe) == 0xfc                                /* fc00::/7 unique local */
			|| (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)              /* fe80::/10 link-local */
			|| (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0)              /* fec0::/10 site-local (deprecated) */
			|| b[0] == 0xff;                                        /* multicast */
	}
	return true; /* not an internet address at all (a Unix socket) */
}
