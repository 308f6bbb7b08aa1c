/* The physical limit of a single send with publisher confirms on this machine: librabbitmq alone,
 * no PHP. It publishes N persistent messages of BYTES bytes to a durable queue one at a time,
 * each waiting for its confirm before the next (what send() with confirms does). Usage:
 * amqp_send PORT VHOST USER PASSWORD N BYTES. Prints one JSON line. */
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
	if (amqp_get_rpc_reply(c).reply_type != AMQP_RESPONSE_NORMAL) {
		fprintf(stderr, "amqp: %s failed\n", what);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 7) {
		fprintf(stderr, "usage: %s PORT VHOST USER PASSWORD N BYTES\n", argv[0]);
		return 2;
	}
	long n = atol(argv[5]), bytes = atol(argv[6]);
	amqp_connection_state_t c = amqp_new_connection();
	amqp_socket_t *s = amqp_tcp_socket_new(c);
	if (!s || amqp_socket_open(s, "127.0.0.1", atoi(argv[1])) != AMQP_STATUS_OK) {
		fprintf(stderr, "cannot connect\n");
		return 1;
	}
	if (amqp_login(c, argv[2], 0, 131072, 0, AMQP_SASL_METHOD_PLAIN, argv[3], argv[4]).reply_type != AMQP_RESPONSE_NORMAL) {
		fprintf(stderr, "cannot log in\n");
		return 1;
	}
	amqp_channel_open(c, 1);
	must_rpc(c, "channel.open");
	amqp_bytes_t queue = amqp_cstring_bytes("limits_send_probe");
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
		for (;;) {
			amqp_frame_t f;
			if (amqp_simple_wait_frame(c, &f) != AMQP_STATUS_OK) {
				fprintf(stderr, "waiting for a confirm failed\n");
				return 1;
			}
			if (f.frame_type == AMQP_FRAME_METHOD && f.payload.method.id == AMQP_BASIC_ACK_METHOD) {
				break;
			}
			if (f.frame_type == AMQP_FRAME_METHOD && f.payload.method.id == AMQP_BASIC_NACK_METHOD) {
				fprintf(stderr, "a publish was nacked\n");
				return 1;
			}
		}
		amqp_maybe_release_buffers(c);
	}
	double seconds = now_s() - start;
	amqp_queue_delete(c, 1, queue, 0, 0);
	amqp_channel_close(c, 1, AMQP_REPLY_SUCCESS);
	amqp_connection_close(c, AMQP_REPLY_SUCCESS);
	amqp_destroy_connection(c);
	free(payload);
	printf("{\"probe\":\"librabbitmq publish one, wait for its confirm, N times\",\"n\":%ld,\"send_per_s\":%.0f}\n", n, (double) n / seconds);
	return 0;
}
