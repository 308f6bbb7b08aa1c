/* The physical limit of signed webhook deliveries on this machine: libcurl alone, no PHP, no
 * queue. It POSTs N copies of the body in FILE to URL, C at a time on one multi handle
 * (keep-alive, easy handles used again), each signed as Standard Webhooks asks (a fresh
 * webhook-id, webhook-timestamp, webhook-signature: v1,base64 HMAC-SHA256 of id.timestamp.body
 * with OpenSSL). Usage: curl_post URL FILE N C. Prints one JSON line. */
#include <curl/curl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
	CURL *easy;
	struct curl_slist *headers;
} slot_t;

static char *body;
static long body_len;
static const unsigned char key[] = "0123456789abcdef0123456789abcdef";

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static size_t drop(char *p, size_t s, size_t n, void *u)
{
	(void) p; (void) u;
	return s * n;
}

static void start(CURLM *multi, slot_t *slot, const char *url, long serial)
{
	char id[64], ts[32], line[160], sig[64];
	snprintf(id, sizeof(id), "msg_%032lx", serial);
	snprintf(ts, sizeof(ts), "%lld", (long long) time(NULL));
	unsigned char mac[32];
	unsigned int mac_len = 0;
	size_t prefix = strlen(id) + strlen(ts) + 2;
	size_t signed_len = prefix + (size_t) body_len;
	char *signed_text = malloc(signed_len + 1);
	snprintf(signed_text, prefix + 1, "%s.%s.", id, ts);
	memcpy(signed_text + prefix, body, (size_t) body_len);
	HMAC(EVP_sha256(), key, 32, (unsigned char *) signed_text, signed_len, mac, &mac_len);
	free(signed_text);
	EVP_EncodeBlock((unsigned char *) sig, mac, 32);
	curl_slist_free_all(slot->headers);
	slot->headers = NULL;
	snprintf(line, sizeof(line), "webhook-id: %s", id);
	slot->headers = curl_slist_append(slot->headers, line);
	snprintf(line, sizeof(line), "webhook-timestamp: %s", ts);
	slot->headers = curl_slist_append(slot->headers, line);
	snprintf(line, sizeof(line), "webhook-signature: v1,%s", sig);
	slot->headers = curl_slist_append(slot->headers, line);
	slot->headers = curl_slist_append(slot->headers, "Content-Type: application/json");
	slot->headers = curl_slist_append(slot->headers, "Expect:");
	curl_easy_setopt(slot->easy, CURLOPT_URL, url);
	curl_easy_setopt(slot->easy, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(slot->easy, CURLOPT_POSTFIELDSIZE, body_len);
	curl_easy_setopt(slot->easy, CURLOPT_HTTPHEADER, slot->headers);
	curl_easy_setopt(slot->easy, CURLOPT_WRITEFUNCTION, drop);
	curl_easy_setopt(slot->easy, CURLOPT_PRIVATE, slot);
	curl_multi_add_handle(multi, slot->easy);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s URL FILE N C\n", argv[0]);
		return 2;
	}
	const char *url = argv[1];
	long n = atol(argv[3]), c = atol(argv[4]);
	FILE *f = fopen(argv[2], "rb");
	if (!f || n < 1 || c < 1) {
		fprintf(stderr, "bad arguments\n");
		return 2;
	}
	fseek(f, 0, SEEK_END);
	body_len = ftell(f);
	fseek(f, 0, SEEK_SET);
	body = malloc((size_t) body_len + 1);
	if (fread(body, 1, (size_t) body_len, f) != (size_t) body_len) {
		return 2;
	}
	fclose(f);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	CURLM *multi = curl_multi_init();
	curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, c);
	slot_t *slots = calloc((size_t) c, sizeof(slot_t));
	long started = 0, done = 0, failed = 0;
	double t0 = now_s();
	for (long i = 0; i < c && started < n; i++) {
		slots[i].easy = curl_easy_init();
		start(multi, &slots[i], url, started++);
	}
	while (done < n) {
		int running = 0, fds = 0, left = 0;
		curl_multi_perform(multi, &running);
		CURLMsg *msg;
		while ((msg = curl_multi_info_read(multi, &left))) {
			if (msg->msg != CURLMSG_DONE) {
				continue;
			}
			slot_t *slot;
			long status = 0;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **) &slot);
			curl_easy_getinfo(msg->easy_handle, CURLINFO_RESPONSE_CODE, &status);
			failed += msg->data.result != CURLE_OK || status != 200;
			done++;
			curl_multi_remove_handle(multi, slot->easy);
			if (started < n) {
				start(multi, slot, url, started++);
			}
		}
		if (done < n) {
			curl_multi_poll(multi, NULL, 0, 100, &fds);
		}
	}
	double s = now_s() - t0;
	printf("{\"n\":%ld,\"failed\":%ld,\"seconds\":%.4f,\"deliveries_per_s\":%.0f}\n", n, failed, s, (double) n / s);
	return 0;
}
