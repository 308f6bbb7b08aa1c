/* libFuzzer harness for what the AMQP transport makes of the frames a broker sends: a broker of
 * the harness's own (a thread on a loopback TCP port, speaking through a librabbitmq connection
 * of its own) answers the transport's handshake, declarations and basic.consume properly, then
 * sends the fuzzer's frames: each chunk of the input is one frame (its type, channel and payload
 * chosen by the input, the frame end added), so that librabbitmq's framing lets them through and
 * the transport's own handling of deliveries, headers, bodies, returns, confirms and closes is
 * what gets exercised. The transport (not pooled: it closes, and the broker thread ends) gets
 * and acknowledges what it received, then closes.
 * Properties checked besides the sanitizers': every call returns a status (an error has a
 * message), every delivery handed out has a body of its announced length and string headers. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include "core/amqp/amqp.h"

typedef struct {
	int listener;
	const uint8_t *data;
	size_t size;
} broker_t;

/* the input as frames: [type selector][channel selector][length][payload...] */
static void send_fuzz_frames(int fd, const uint8_t *data, size_t size)
{
	static const uint8_t types[] = { AMQP_FRAME_METHOD, AMQP_FRAME_HEADER, AMQP_FRAME_BODY, AMQP_FRAME_HEARTBEAT };
	uint8_t frame[7 + 256 + 1];
	size_t i = 0;
	while (i + 3 <= size) {
		uint8_t type = types[data[i] % 4];
		uint16_t channel = data[i + 1] & 1 ? 0 : 1;
		size_t len = data[i + 2];
		i += 3;
		if (len > size - i) {
			len = size - i;
		}
		frame[0] = type;
		frame[1] = (uint8_t) (channel >> 8);
		frame[2] = (uint8_t) channel;
		uint32_t n = htonl((uint32_t) len);
		memcpy(frame + 3, &n, 4);
		memcpy(frame + 7, data + i, len);
		frame[7 + len] = AMQP_FRAME_END;
		i += len;
		if (send(fd, frame, 8 + len, MSG_NOSIGNAL) < 0) { /* no SIGPIPE when the transport hung up */
			return;
		}
	}
}

static int reply(amqp_connection_state_t c, amqp_channel_t ch, amqp_method_number_t id, void *decoded)
{
	return amqp_send_method(c, ch, id, decoded);
}

static void *broker_run(void *arg)
{
	broker_t *b = arg;
	int fd = accept(b->listener, NULL, NULL);
	if (fd < 0) {
		return NULL;
	}
	/* as a broker does: no Nagle delay (with the client's delayed ACKs, a small write after
	 * another would wait 40 ms) */
	int one = 1;
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	char header[8];
	size_t got = 0;
	while (got < sizeof(header)) {
		ssize_t r = read(fd, header + got, sizeof(header) - got);
		if (r <= 0) {
			close(fd);
			return NULL;
		}
		got += (size_t) r;
	}
	amqp_connection_state_t c = amqp_new_connection();
	amqp_socket_t *s = amqp_tcp_socket_new(c);
	amqp_tcp_socket_set_sockfd(s, fd);
	amqp_connection_start_t start = { .version_major = 0, .version_minor = 9, .server_properties = amqp_empty_table,
		.mechanisms = amqp_cstring_bytes("PLAIN"), .locales = amqp_cstring_bytes("en_US") };
	reply(c, 0, AMQP_CONNECTION_START_METHOD, &start);
	bool fuzzed = false;
	for (;;) {
		amqp_frame_t f;
		if (amqp_simple_wait_frame(c, &f) != AMQP_STATUS_OK) {
			break;
		}
		if (f.frame_type != AMQP_FRAME_METHOD) {
			continue; /* the content of a publish */
		}
		amqp_channel_t ch = f.channel;
		switch (f.payload.method.id) {
		case AMQP_CONNECTION_START_OK_METHOD: {
			amqp_connection_tune_t tune = { .channel_max = 0, .frame_max = 131072, .heartbeat = 0 };
			reply(c, 0, AMQP_CONNECTION_TUNE_METHOD, &tune);
			break;
		}
		case AMQP_CONNECTION_OPEN_METHOD: {
			amqp_connection_open_ok_t ok = { .known_hosts = amqp_empty_bytes };
			reply(c, 0, AMQP_CONNECTION_OPEN_OK_METHOD, &ok);
			break;
		}
		case AMQP_CHANNEL_OPEN_METHOD: {
			amqp_channel_open_ok_t ok = { .channel_id = amqp_empty_bytes };
			reply(c, ch, AMQP_CHANNEL_OPEN_OK_METHOD, &ok);
			break;
		}
		case AMQP_CONFIRM_SELECT_METHOD: {
			amqp_confirm_select_ok_t ok = { 0 };
			reply(c, ch, AMQP_CONFIRM_SELECT_OK_METHOD, &ok);
			break;
		}
		case AMQP_EXCHANGE_DECLARE_METHOD: {
			amqp_exchange_declare_ok_t ok = { 0 };
			reply(c, ch, AMQP_EXCHANGE_DECLARE_OK_METHOD, &ok);
			break;
		}
		case AMQP_QUEUE_DECLARE_METHOD: {
			amqp_queue_declare_t *q = f.payload.method.decoded;
			amqp_queue_declare_ok_t ok = { .queue = q->queue, .message_count = 0, .consumer_count = 0 };
			reply(c, ch, AMQP_QUEUE_DECLARE_OK_METHOD, &ok);
			break;
		}
		case AMQP_QUEUE_BIND_METHOD: {
			amqp_queue_bind_ok_t ok = { 0 };
			reply(c, ch, AMQP_QUEUE_BIND_OK_METHOD, &ok);
			break;
		}
		case AMQP_BASIC_QOS_METHOD: {
			amqp_basic_qos_ok_t ok = { 0 };
			reply(c, ch, AMQP_BASIC_QOS_OK_METHOD, &ok);
			break;
		}
		case AMQP_BASIC_CONSUME_METHOD: {
			amqp_basic_consume_t *q = f.payload.method.decoded;
			amqp_basic_consume_ok_t ok = { .consumer_tag = q->consumer_tag };
			reply(c, ch, AMQP_BASIC_CONSUME_OK_METHOD, &ok);
			if (!fuzzed) {
				fuzzed = true;
				send_fuzz_frames(fd, b->data, b->size);
			}
			break;
		}
		case AMQP_BASIC_CANCEL_METHOD: {
			amqp_basic_cancel_t *q = f.payload.method.decoded;
			amqp_basic_cancel_ok_t ok = { .consumer_tag = q->consumer_tag };
			reply(c, ch, AMQP_BASIC_CANCEL_OK_METHOD, &ok);
			break;
		}
		case AMQP_CHANNEL_CLOSE_METHOD: {
			amqp_channel_close_ok_t ok = { 0 };
			reply(c, ch, AMQP_CHANNEL_CLOSE_OK_METHOD, &ok);
			break;
		}
		case AMQP_CONNECTION_CLOSE_METHOD: {
			amqp_connection_close_ok_t ok = { 0 };
			reply(c, 0, AMQP_CONNECTION_CLOSE_OK_METHOD, &ok);
			break;
		}
		default:
			break; /* basic.ack, nack, reject, publish: no answer */
		}
		amqp_maybe_release_buffers(c);
	}
	amqp_destroy_connection(c); /* closes fd */
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	broker_t b = { .data = data, .size = size };
	b.listener = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = 0, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t alen = sizeof(addr);
	if (b.listener < 0 || bind(b.listener, (struct sockaddr *) &addr, sizeof(addr)) != 0 || listen(b.listener, 1) != 0
			|| getsockname(b.listener, (struct sockaddr *) &addr, &alen) != 0) {
		abort();
	}
	pthread_t thread;
	if (pthread_create(&thread, NULL, broker_run, &b) != 0) {
		abort();
	}
	char dsn_text[96];
	snprintf(dsn_text, sizeof(dsn_text), "amqp://u:p@127.0.0.1:%d/v/x?connect_timeout=2&rpc_timeout=2&persistent=false", ntohs(addr.sin_port));
	msgr_dsn_t dsn;
	msgr_error_t err;
	msgr_amqp_options_t o;
	msgr_amqp_t *a = NULL;
	if (msgr_dsn_parse(dsn_text, strlen(dsn_text), &dsn, &err) != MSGR_OK || msgr_amqp_options_parse(&dsn, NULL, 0, &o, &err) != MSGR_OK
			|| msgr_amqp_open(&a, &o, &err) != MSGR_OK) {
		abort();
	}
	msgr_dsn_free(&dsn);
	msgr_amqp_read_ahead(a, 5);
	for (int round = 0; round < 4; round++) {
		msgr_amqp_in_t *list;
		size_t count;
		int rc = msgr_amqp_get(a, NULL, 0, &list, &count, &err);
		if (rc != MSGR_OK) {
			if (rc >= 0 || !err.message[0] || count || list) {
				abort();
			}
			break;
		}
		for (size_t i = 0; i < count; i++) {
			if (!list[i].m.body || strlen(list[i].queue) == 0) {
				abort();
			}
			for (size_t h = 0; h < list[i].m.header_count; h++) {
				if (!list[i].m.headers[h].name || !list[i].m.headers[h].value) {
					abort();
				}
			}
			(void) msgr_amqp_ack(a, list[i].connection, list[i].tag, i % 3 == 2, &err);
		}
		msgr_amqp_in_free(list, count);
		usleep(200);
	}
	msgr_amqp_close(a);
	pthread_join(thread, NULL);
	close(b.listener);
	return 0;
}
