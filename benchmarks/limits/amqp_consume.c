/* The physical limit of an AMQP consumer and publisher on this machine, for the transport's
 * figures to be read against: librabbitmq alone, no PHP. It publishes N persistent messages of
 * BYTES bytes to a durable queue with publisher confirms (all published, then the confirms
 * awaited: what a dispatchAll does), then consumes them with basic.consume and a prefetch of
 * PREFETCH, acknowledging every PREFETCH/2 deliveries at once (multiple). Usage:
 * amqp_consume PORT VHOST USER PASSWORD N PREFETCH BYTES. Prints one JSON line. */
#include <amqp.h>
#include <amqp_tcp_socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static void must_rpc(amqp_connection_state_t c, const char *what)
{
	amqp_rpc_reply_t r = amqp_get_rpc_reply(c);
	if (r.reply_type != AMQP_RESPONSE_NORMAL) {
		fprintf(stderr, "amqp: %s failed (reply type %d)\n", what, (int) r.reply_type);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 8) {
		fprintf(stderr, "usage: %s PORT VHOST USER PASSWORD N PREFETCH BYTES\n", argv[0]);
		return 2;
	}
	int port = atoi(argv[1]);
	const char *vhost = argv[2], *user = argv[3], *password = argv[4];
	long n = atol(argv[5]), prefetch = atol(argv[6]), bytes = atol(argv[7]);
	amqp_connection_state_t c = amqp_new_connection();
	amqp_socket_t *s = amqp_tcp_socket_new(c);
	if (!s || amqp_socket_open(s, "127.0.0.1", port) != AMQP_STATUS_OK) {
		fprintf(stderr, "cannot connect\n");
		return 1;
	}
	amqp_rpc_reply_t login = amqp_login(c, vhost, 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, user, password);
	if (login.reply_type != AMQP_RESPONSE_NORMAL) {
		fprintf(stderr, "cannot log in\n");
		return 1;
	}
	amqp_channel_open(c, 1);
	must_rpc(c, "channel.open");
	amqp_bytes_t queue = amqp_cstring_bytes("limits_probe");
	amqp_queue_delete(c, 1, queue, 0, 0);
	must_rpc(c, "queue.delete");
	amqp_queue_declare(c, 1, queue, 0, 1, 0, 0, amqp_empty_table);
	must_rpc(c, "queue.declare");
	amqp_confirm_select(c, 1);
	must_rpc(c, "confirm.select");

	char *payload = malloc((size_t) bytes);
	memset(payload, 'x', (size_t) bytes);
	amqp_basic_properties_t props;
	props._flags = AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_TIMESTAMP_FLAG;
	props.delivery_mode = 2;
	props.timestamp = (uint64_t) time(NULL);
	amqp_bytes_t body = { (size_t) bytes, payload };
	double start = now_s();
	for (long i = 0; i < n; i++) {
		if (amqp_basic_publish(c, 1, amqp_empty_bytes, queue, 0, 0, &props, body) != AMQP_STATUS_OK) {
			fprintf(stderr, "publish failed\n");
			return 1;
		}
	}
	/* the confirms: basic.ack frames, each up to its delivery tag when multiple */
	uint64_t confirmed = 0;
	while (confirmed < (uint64_t) n) {
		amqp_frame_t f;
		if (amqp_simple_wait_frame(c, &f) != AMQP_STATUS_OK) {
			fprintf(stderr, "waiting for confirms failed\n");
			return 1;
		}
		if (f.frame_type == AMQP_FRAME_METHOD && f.payload.method.id == AMQP_BASIC_ACK_METHOD) {
			amqp_basic_ack_t *ack = f.payload.method.decoded;
			confirmed = ack->multiple ? ack->delivery_tag : confirmed + 1;
		} else if (f.frame_type == AMQP_FRAME_METHOD && f.payload.method.id == AMQP_BASIC_NACK_METHOD) {
			fprintf(stderr, "a publish was nacked\n");
			return 1;
		}
	}
	double published = now_s() - start;

	amqp_basic_qos(c, 1, 0, (uint16_t) prefetch, 0);
	must_rpc(c, "basic.qos");
	amqp_basic_consume(c, 1, queue, amqp_empty_bytes, 0, 0, 0, amqp_empty_table);
	must_rpc(c, "basic.consume");
	long consumed = 0, unacked = 0, every = prefetch / 2 > 0 ? prefetch / 2 : 1;
	start = now_s();
	while (consumed < n) {
		amqp_envelope_t e;
		amqp_maybe_release_buffers(c);
		amqp_rpc_reply_t r = amqp_consume_message(c, &e, NULL, 0);
		if (r.reply_type != AMQP_RESPONSE_NORMAL) {
			fprintf(stderr, "consume failed\n");
			return 1;
		}
		consumed++;
		if (++unacked >= every || consumed == n) {
			amqp_basic_ack(c, 1, e.delivery_tag, 1);
			unacked = 0;
		}
		amqp_destroy_envelope(&e);
	}
	double seconds = now_s() - start;
	amqp_queue_delete(c, 1, queue, 0, 0);
	amqp_channel_close(c, 1, AMQP_REPLY_SUCCESS);
	amqp_connection_close(c, AMQP_REPLY_SUCCESS);
	amqp_destroy_connection(c);
	free(payload);
	printf("{\"probe\":\"librabbitmq publish with confirms, then basic.consume prefetch %ld, ack multiple every %ld\",\"n\":%ld,"
		"\"publish_per_s\":%.0f,\"msg_per_s\":%.0f}\n", prefetch, every, n, (double) n / published, (double) consumed / seconds);
	return 0;
}
