/* The AMQP connection of the core: one librabbitmq connection and one channel that declares,
 * publishes with confirms and consumes by push (basic.qos + basic.consume). Every frame that
 * arrives goes through read_frames(): deliveries are assembled into a buffer that get() hands
 * out, confirms counted, a basic.return or a close reported. A connection that fails is
 * dropped; the next call opens a new one, declares again and subscribes again (the broker gives
 * the deliveries of the old one back to their queues). */
#include "core/amqp/amqp.h"
#include "core/base/alloc.h"
#include "core/base/prefetch.h"
#include "core/base/pool.h"
#include "core/base/buf.h"

#ifdef MSGR_HAVE_RABBITMQ_C_DIR
#include <rabbitmq-c/amqp.h>
#include <rabbitmq-c/ssl_socket.h>
#include <rabbitmq-c/tcp.h>
#else
#include <amqp.h>
#include <amqp_ssl_socket.h>
#include <amqp_tcp_socket.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHANNEL 1
#define MAX_BODY ((uint64_t) 512 * 1024 * 1024) /* RabbitMQ's own limit is 128 MiB by default */
#define BODY_START ((size_t) 64 * 1024)
#define DEFAULT_CONNECT_TIMEOUT 5.0
#define DEFAULT_RPC_TIMEOUT 30.0
#define DELAY_QUEUES_KEPT 256   /* delay queues remembered as declared on a connection */
/* A delay queue expires delay + 10 s after its last declaration (x-expires; a publish into it
 * does not count as use): one declared less than this long ago is used without declaring it
 * again, and a message published into it is dead-lettered at least 5 s before it could expire. */
#define DELAY_FRESH_MS 5000

typedef struct {
	char *queue;                /* its consumer tag is its name */
	bool subscribed;
} queue_state_t;

struct msgr_amqp {
	msgr_amqp_options_t o;
	amqp_connection_state_t conn; /* NULL: not connected */
	unsigned long long connection; /* counts the connections made */
	queue_state_t *queues;      /* the configured queues */
	size_t queue_count;
	size_t read_ahead;          /* what the worker asks for; 0: no worker */
	long long prefetch;         /* the basic.qos of the subscriptions; 0: none yet */
	/* deliveries read and not handed out yet */
	msgr_amqp_in_t *pending;
	size_t pending_count, pending_cap;
	/* the delivery being assembled: its method frame came, its header and body follow */
	msgr_amqp_in_t *partial;
	size_t body_expected, body_cap;
	bool skipping_return;       /* the content of a basic.return is skipped */
	/* tags handed out and not settled, and acknowledgements kept for the next write */
	uint64_t *out_tags;
	size_t out_count, out_cap;
	uint64_t *kept;
	size_t kept_count, kept_cap;
	/* a delivery is on its way: the broker was told of settled deliveries (or of a new
	 * subscription) since the last read, so it pushes more if it has them */
	bool expecting;
	/* publisher confirms */
	bool confirming;
	uint64_t published;         /* delivery tags of publishes on this channel so far */
	/* the confirms of the batch under way: tags base .. base + count - 1, each marked when
	 * confirmed (confirms may come out of order, a multiple one for all tags up to its own) */
	uint64_t batch_base;
	size_t batch_count, batch_left;
	unsigned char *batch_marks;
	bool nacked;
	char returned[640];         /* why a published message came back, "" when none did */
	bool returned_delayed;      /* it was a delayed one: its delay queue was gone */
	/* the close the broker sent, "" when none */
	char closed[256];
	int closed_code;
	struct { char *name; long long at_ms; } *delay_queues; /* declared on this connection, and when */
	size_t delay_queue_count;
};

/* {{{ properties and deliveries */
void msgr_amqp_props_free(msgr_amqp_props_t *p)
{
	char **s[] = { &p->content_type, &p->content_encoding, &p->correlation_id, &p->reply_to, &p->expiration, &p->message_id, &p->type, &p->user_id, &p->app_id };
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		msgr_free(*s[i]);
	}
	memset(p, 0, sizeof(*p));
}

static void in_free(msgr_amqp_in_t *in)
{
	msgr_message_free(&in->m);
	msgr_free(in->queue);
	msgr_free(in->exchange);
	msgr_free(in->routing_key);
	msgr_amqp_props_free(&in->props);
}

void msgr_amqp_in_free(msgr_amqp_in_t *list, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		in_free(&list[i]);
	}
	msgr_free(list);
}

static char *dup_bytes(amqp_bytes_t b)
{
	return msgr_strndup(b.bytes ? (const char *) b.bytes : "", b.len);
}
/* }}} */

/* {{{ errors */
static const char *where(const msgr_amqp_t *a, char *buf, size_t size)
{
	return msgr_amqp_where(&a->o, buf, size);
}

static void forget_delay_queues(msgr_amqp_t *a)
{
	for (size_t i = 0; i < a->delay_queue_count; i++) {
		msgr_free(a->delay_queues[i].name);
	}
	a->delay_queue_count = 0;
}

/* Drops the connection: what it delivered comes back to the queues, what was kept to
 * acknowledge is handled again (at least once). */
static void drop(msgr_amqp_t *a)
{
	if (!a->conn) {
		return;
	}
	amqp_destroy_connection(a->conn);
	a->conn = NULL;
	for (size_t i = 0; i < a->queue_count; i++) {
		a->queues[i].subscribed = false;
	}
	for (size_t i = 0; i < a->pending_count; i++) {
		in_free(&a->pending[i]);
	}
	a->pending_count = 0;
	if (a->partial) {
		in_free(a->partial);
		msgr_free(a->partial);
		a->partial = NULL;
	}
	a->skipping_return = false;
	a->out_count = a->kept_count = 0;
	a->prefetch = 0;
	a->confirming = false;
	a->published = 0;
	a->batch_count = a->batch_left = 0;
	forget_delay_queues(a);
}

/* The error of a failed librabbitmq status (drops the connection: it cannot be trusted). */
static int status_error(msgr_amqp_t *a, int status, const char *doing, msgr_error_t *err)
{
	char w[300];
	int code = status == AMQP_STATUS_NO_MEMORY ? MSGR_ERR_NOMEM : MSGR_ERR_IO;
	if (a->closed[0]) {
		/* the broker said why */
		code = a->closed_code == 403 || a->closed_code == 404 || a->closed_code == 406 || a->closed_code == 530 ? MSGR_ERR_DENIED : MSGR_ERR_IO;
		msgr_error_set(err, code, "Could not %s (%s): the broker closed the %s", doing, where(a, w, sizeof(w)), a->closed);
	} else {
		msgr_error_set(err, code, "Could not %s (%s): %s", doing, where(a, w, sizeof(w)), amqp_error_string2(status));
	}
	a->closed[0] = '\0';
	drop(a);
	return code;
}

/* Notes the close a server exception carries. */
static void note_close(msgr_amqp_t *a, const amqp_method_t *m)
{
	if (m->id == AMQP_CONNECTION_CLOSE_METHOD) {
		const amqp_connection_close_t *c = m->decoded;
		snprintf(a->closed, sizeof(a->closed), "connection: %d %.*s", c->reply_code, (int) c->reply_text.len, (const char *) c->reply_text.bytes);
		a->closed_code = c->reply_code;
	} else if (m->id == AMQP_CHANNEL_CLOSE_METHOD) {
		const amqp_channel_close_t *c = m->decoded;
		snprintf(a->closed, sizeof(a->closed), "channel: %d %.*s", c->reply_code, (int) c->reply_text.len, (const char *) c->reply_text.bytes);
		a->closed_code = c->reply_code;
	}
}

/* The error of an RPC's reply, or MSGR_OK. */
static int rpc_error(msgr_amqp_t *a, amqp_rpc_reply_t r, const char *doing, msgr_error_t *err)
{
	switch (r.reply_type) {
	case AMQP_RESPONSE_NORMAL:
		return MSGR_OK;
	case AMQP_RESPONSE_SERVER_EXCEPTION:
		note_close(a, &r.reply);
		return status_error(a, AMQP_STATUS_CONNECTION_CLOSED, doing, err);
	case AMQP_RESPONSE_LIBRARY_EXCEPTION:
		return status_error(a, r.library_error, doing, err);
	default:
		return status_error(a, AMQP_STATUS_UNEXPECTED_STATE, doing, err);
	}
}
/* }}} */

/* {{{ tables */
/* A table of declaration arguments (the numbers as 64-bit integers, as ext-amqp sends PHP
 * integers, so that a queue Symfony declared is declared again with equal arguments). */
static amqp_table_t args_table(const msgr_amqp_args_t *args, amqp_table_entry_t *entries)
{
	for (size_t i = 0; i < args->count; i++) {
		entries[i].key = amqp_cstring_bytes(args->items[i].key);
		if (args->items[i].integer) {
			entries[i].value.kind = AMQP_FIELD_KIND_I64;
			entries[i].value.value.i64 = args->items[i].number;
		} else {
			entries[i].value.kind = AMQP_FIELD_KIND_UTF8;
			entries[i].value.value.bytes = amqp_cstring_bytes(args->items[i].value);
		}
	}
	amqp_table_t t = { (int) args->count, entries };
	return t;
}

/* A table entry as text: strings and numbers; false for another kind (a table, an array). */
static bool field_text(const amqp_field_value_t *v, char *num, size_t size, const char **text, size_t *len)
{
	switch (v->kind) {
	case AMQP_FIELD_KIND_UTF8:
	case AMQP_FIELD_KIND_BYTES:
		*text = v->value.bytes.bytes ? v->value.bytes.bytes : "";
		*len = v->value.bytes.len;
		return true;
	case AMQP_FIELD_KIND_BOOLEAN: snprintf(num, size, "%s", v->value.boolean ? "1" : ""); break;
	case AMQP_FIELD_KIND_I8: snprintf(num, size, "%d", (int) v->value.i8); break;
	case AMQP_FIELD_KIND_U8: snprintf(num, size, "%u", (unsigned) v->value.u8); break;
	case AMQP_FIELD_KIND_I16: snprintf(num, size, "%d", (int) v->value.i16); break;
	case AMQP_FIELD_KIND_U16: snprintf(num, size, "%u", (unsigned) v->value.u16); break;
	case AMQP_FIELD_KIND_I32: snprintf(num, size, "%ld", (long) v->value.i32); break;
	case AMQP_FIELD_KIND_U32: snprintf(num, size, "%lu", (unsigned long) v->value.u32); break;
	case AMQP_FIELD_KIND_I64: snprintf(num, size, "%lld", (long long) v->value.i64); break;
	case AMQP_FIELD_KIND_U64:
	case AMQP_FIELD_KIND_TIMESTAMP: snprintf(num, size, "%llu", (unsigned long long) v->value.u64); break;
	case AMQP_FIELD_KIND_F32: snprintf(num, size, "%.9g", (double) v->value.f32); break;
	case AMQP_FIELD_KIND_F64: snprintf(num, size, "%.17g", v->value.f64); break;
	default:
		return false;
	}
	*text = num;
	*len = strlen(num);
	return true;
}
/* }}} */

/* {{{ frames: deliveries, confirms, returns, closes */
static bool want_more(msgr_amqp_in_t **grown, size_t *cap, size_t need)
{
	if (need <= *cap) {
		return true;
	}
	size_t n = *cap ? *cap * 2 : 16;
	while (n < need) {
		n *= 2;
	}
	msgr_amqp_in_t *p = msgr_realloc(*grown, n * sizeof(*p));
	if (!p) {
		return false;
	}
	*grown = p;
	*cap = n;
	return true;
}

static bool push_tag(uint64_t **list, size_t *count, size_t *cap, uint64_t tag)
{
	if (*count == *cap) {
		size_t n = *cap ? *cap * 2 : 64;
		uint64_t *p = msgr_realloc(*list, n * sizeof(*p));
		if (!p) {
			return false;
		}
		*list = p;
		*cap = n;
	}
	(*list)[(*count)++] = tag;
	return true;
}

static void copy_props(const amqp_basic_properties_t *p, msgr_amqp_props_t *out)
{
	struct { amqp_flags_t flag; const amqp_bytes_t *v; char **slot; } s[] = {
		{ AMQP_BASIC_CONTENT_TYPE_FLAG, &p->content_type, &out->content_type },
		{ AMQP_BASIC_CONTENT_ENCODING_FLAG, &p->content_encoding, &out->content_encoding },
		{ AMQP_BASIC_CORRELATION_ID_FLAG, &p->correlation_id, &out->correlation_id },
		{ AMQP_BASIC_REPLY_TO_FLAG, &p->reply_to, &out->reply_to },
		{ AMQP_BASIC_EXPIRATION_FLAG, &p->expiration, &out->expiration },
		{ AMQP_BASIC_MESSAGE_ID_FLAG, &p->message_id, &out->message_id },
		{ AMQP_BASIC_TYPE_FLAG, &p->type, &out->type },
		{ AMQP_BASIC_USER_ID_FLAG, &p->user_id, &out->user_id },
		{ AMQP_BASIC_APP_ID_FLAG, &p->app_id, &out->app_id },
	};
	for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
		if (p->_flags & s[i].flag) {
			*s[i].slot = dup_bytes(*s[i].v);
		}
	}
	if (p->_flags & AMQP_BASIC_DELIVERY_MODE_FLAG) {
		out->has_delivery_mode = true;
		out->delivery_mode = p->delivery_mode;
	}
	if (p->_flags & AMQP_BASIC_PRIORITY_FLAG) {
		out->has_priority = true;
		out->priority = p->priority;
	}
	if (p->_flags & AMQP_BASIC_TIMESTAMP_FLAG) {
		out->has_timestamp = true;
		out->timestamp = (long long) p->timestamp;
	}
}

/* The headers table of a delivery as the message's headers (strings and numbers). */
static int copy_headers(const amqp_basic_properties_t *p, msgr_message_t *m)
{
	if (!(p->_flags & AMQP_BASIC_HEADERS_FLAG) || p->headers.num_entries <= 0) {
		return MSGR_OK;
	}
	m->headers = msgr_calloc((size_t) p->headers.num_entries, sizeof(msgr_header_t));
	if (!m->headers) {
		return MSGR_ERR_NOMEM;
	}
	for (int i = 0; i < p->headers.num_entries; i++) {
		const amqp_table_entry_t *e = &p->headers.entries[i];
		char num[48];
		const char *text;
		size_t len;
		if (!field_text(&e->value, num, sizeof(num), &text, &len)) {
			continue;
		}
		msgr_header_t *h = &m->headers[m->header_count];
		h->name = dup_bytes(e->key);
		h->name_len = e->key.len;
		h->value = msgr_strndup(text, len);
		h->value_len = len;
		if (!h->name || !h->value) {
			msgr_free(h->name);
			msgr_free(h->value);
			return MSGR_ERR_NOMEM;
		}
		m->header_count++;
	}
	return MSGR_OK;
}

/* The delivery assembled: into the pending ones. */
static int delivered(msgr_amqp_t *a)
{
	msgr_amqp_in_t *in = a->partial;
	a->partial = NULL;
	if (!want_more(&a->pending, &a->pending_cap, a->pending_count + 1)) {
		in_free(in);
		msgr_free(in);
		return MSGR_ERR_NOMEM;
	}
	a->pending[a->pending_count++] = *in;
	msgr_free(in);
	return MSGR_OK;
}

static const char *queue_of_tag(msgr_amqp_t *a, amqp_bytes_t tag)
{
	for (size_t i = 0; i < a->queue_count; i++) {
		if (strlen(a->queues[i].queue) == tag.len && memcmp(a->queues[i].queue, tag.bytes, tag.len) == 0) {
			return a->queues[i].queue;
		}
	}
	return NULL;
}

/* A publisher confirm (ack, or nack) of tag, or of every tag up to it: marks those of the batch. */
static void confirm(msgr_amqp_t *a, uint64_t tag, bool multiple, bool nack)
{
	uint64_t first = multiple ? a->batch_base : tag;
	uint64_t last = tag < a->batch_base + a->batch_count ? tag : a->batch_base + a->batch_count - 1;
	for (uint64_t t = first < a->batch_base ? a->batch_base : first; a->batch_count && t <= last; t++) {
		if (!a->batch_marks[t - a->batch_base]) {
			a->batch_marks[t - a->batch_base] = 1;
			a->batch_left--;
			a->nacked |= nack;
		}
	}
}

/* One frame. MSGR_ERR_PROTOCOL for a frame out of place; a close from the broker is noted
 * and AMQP_STATUS_CONNECTION_CLOSED returned as status. */
static int on_frame(msgr_amqp_t *a, const amqp_frame_t *f, int *status)
{
	*status = AMQP_STATUS_OK;
	if (f->frame_type == AMQP_FRAME_METHOD) {
		const amqp_method_t *m = &f->payload.method;
		switch (m->id) {
		case AMQP_BASIC_DELIVER_METHOD: {
			const amqp_basic_deliver_t *d = m->decoded;
			if (a->partial || a->skipping_return) {
				return MSGR_ERR_PROTOCOL;
			}
			const char *queue = queue_of_tag(a, d->consumer_tag);
			if (!queue) {
				return MSGR_ERR_PROTOCOL; /* a delivery to a subscription this channel never made */
			}
			msgr_amqp_in_t *in = msgr_calloc(1, sizeof(*in));
			if (!in) {
				return MSGR_ERR_NOMEM;
			}
			in->queue = msgr_strndup(queue, strlen(queue));
			in->exchange = dup_bytes(d->exchange);
			in->routing_key = dup_bytes(d->routing_key);
			in->tag = d->delivery_tag;
			in->connection = a->connection;
			in->redelivered = d->redelivered;
			a->partial = in;
			return in->queue && in->exchange && in->routing_key ? MSGR_OK : MSGR_ERR_NOMEM;
		}
		case AMQP_BASIC_RETURN_METHOD: {
			const amqp_basic_return_t *r = m->decoded;
			snprintf(a->returned, sizeof(a->returned), "%d %.*s (exchange \"%.*s\", routing key \"%.*s\")", r->reply_code,
				(int) r->reply_text.len, (const char *) r->reply_text.bytes, (int) r->exchange.len, (const char *) r->exchange.bytes,
				(int) r->routing_key.len, (const char *) r->routing_key.bytes);
			a->returned_delayed = r->exchange.len == strlen(a->o.delay_exchange_name) && memcmp(r->exchange.bytes, a->o.delay_exchange_name, r->exchange.len) == 0;
			a->skipping_return = true;
			return MSGR_OK;
		}
		case AMQP_BASIC_ACK_METHOD: {
			const amqp_basic_ack_t *c = m->decoded;
			confirm(a, c->delivery_tag, c->multiple, false);
			return MSGR_OK;
		}
		case AMQP_BASIC_NACK_METHOD: {
			const amqp_basic_nack_t *c = m->decoded;
			confirm(a, c->delivery_tag, c->multiple, true);
			return MSGR_OK;
		}
		case AMQP_CONNECTION_CLOSE_METHOD:
		case AMQP_CHANNEL_CLOSE_METHOD:
			note_close(a, m);
			*status = AMQP_STATUS_CONNECTION_CLOSED;
			return MSGR_OK;
		case AMQP_BASIC_CANCEL_METHOD:
			/* the broker cancelled a subscription (its queue was deleted): subscribe again */
			for (size_t i = 0; i < a->queue_count; i++) {
				const amqp_basic_cancel_t *c = m->decoded;
				if (a->queues[i].subscribed && strlen(a->queues[i].queue) == c->consumer_tag.len
						&& memcmp(a->queues[i].queue, c->consumer_tag.bytes, c->consumer_tag.len) == 0) {
					a->queues[i].subscribed = false;
				}
			}
			return MSGR_OK;
		default:
			return MSGR_OK; /* a late reply to nothing we wait for */
		}
	}
	if (f->frame_type == AMQP_FRAME_HEADER) {
		if (a->skipping_return) {
			a->body_expected = (size_t) f->payload.properties.body_size;
			a->skipping_return = a->body_expected > 0;
			return MSGR_OK;
		}
		if (!a->partial || a->partial->m.body || f->payload.properties.class_id != AMQP_BASIC_CLASS || f->payload.properties.body_size > MAX_BODY) {
			/* no delivery, its second header, the properties of another class (laid out
			 * otherwise), or a body no broker sends */
			return MSGR_ERR_PROTOCOL;
		}
		const amqp_basic_properties_t *p = f->payload.properties.decoded;
		copy_props(p, &a->partial->props);
		if (copy_headers(p, &a->partial->m) != MSGR_OK) {
			return MSGR_ERR_NOMEM;
		}
		a->body_expected = (size_t) f->payload.properties.body_size;
		/* grown as the body comes: a header alone does not make us allocate what it announces */
		a->body_cap = a->body_expected < BODY_START ? a->body_expected : BODY_START;
		a->partial->m.body = msgr_malloc(a->body_cap + 1);
		if (!a->partial->m.body) {
			return MSGR_ERR_NOMEM;
		}
		a->partial->m.body[0] = '\0';
		return a->body_expected == 0 ? delivered(a) : MSGR_OK;
	}
	if (f->frame_type == AMQP_FRAME_BODY) {
		const amqp_bytes_t *b = &f->payload.body_fragment;
		if (a->skipping_return) {
			a->body_expected -= b->len < a->body_expected ? b->len : a->body_expected;
			a->skipping_return = a->body_expected > 0;
			return MSGR_OK;
		}
		msgr_amqp_in_t *in = a->partial;
		if (!in || !in->m.body || b->len > a->body_expected - in->m.body_len) {
			return MSGR_ERR_PROTOCOL;
		}
		if (in->m.body_len + b->len > a->body_cap) {
			size_t cap = a->body_cap * 2 > in->m.body_len + b->len ? a->body_cap * 2 : in->m.body_len + b->len;
			cap = cap < a->body_expected ? cap : a->body_expected;
			char *grown = msgr_realloc(in->m.body, cap + 1);
			if (!grown) {
				return MSGR_ERR_NOMEM;
			}
			in->m.body = grown;
			a->body_cap = cap;
		}
		memcpy(in->m.body + in->m.body_len, b->bytes, b->len);
		in->m.body_len += b->len;
		in->m.body[in->m.body_len] = '\0';
		return in->m.body_len == a->body_expected ? delivered(a) : MSGR_OK;
	}
	return MSGR_OK;
}

/* Reads frames until done(a) says so, waiting up to timeout_ms in all (0: only what can be read
 * now). MSGR_OK also when the time ran out: the caller looks at what it has. */
static int read_frames(msgr_amqp_t *a, long timeout_ms, bool (*done)(const msgr_amqp_t *), const char *doing, msgr_error_t *err)
{
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!done || !done(a)) {
		long left = timeout_ms;
		if (timeout_ms > 0) {
			struct timespec now;
			clock_gettime(CLOCK_MONOTONIC, &now);
			left = timeout_ms - (long) ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000);
			if (left <= 0) {
				left = 0;
			}
		}
		struct timeval tv = { left / 1000, (left % 1000) * 1000 };
		amqp_frame_t f;
		int status = amqp_simple_wait_frame_noblock(a->conn, &f, &tv);
		if (status == AMQP_STATUS_TIMEOUT) {
			break;
		}
		if (status != AMQP_STATUS_OK) {
			return status_error(a, status, doing, err);
		}
		int rc = on_frame(a, &f, &status);
		if (rc == MSGR_ERR_NOMEM) {
			return status_error(a, AMQP_STATUS_NO_MEMORY, doing, err);
		}
		if (rc != MSGR_OK) {
			return status_error(a, AMQP_STATUS_UNEXPECTED_STATE, doing, err);
		}
		if (status != AMQP_STATUS_OK) {
			return status_error(a, status, doing, err);
		}
		if (left == 0 && !amqp_data_in_buffer(a->conn) && !amqp_frames_enqueued(a->conn) && timeout_ms > 0) {
			break;
		}
	}
	if (!amqp_frames_enqueued(a->conn) && !amqp_data_in_buffer(a->conn)) {
		amqp_maybe_release_buffers(a->conn);
	}
	return MSGR_OK;
}
/* }}} */

/* {{{ connecting and declaring */
static int declare_queue(msgr_amqp_t *a, const char *name, long long flags, const msgr_amqp_args_t *args, bool passive, long long *ready, const char *doing, msgr_error_t *err)
{
	amqp_table_entry_t *entries = msgr_calloc(args && args->count ? args->count : 1, sizeof(*entries));
	if (!entries) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	amqp_queue_declare_ok_t *ok = amqp_queue_declare(a->conn, CHANNEL, amqp_cstring_bytes(name), passive, (flags & MSGR_AMQP_DURABLE) != 0,
		(flags & MSGR_AMQP_EXCLUSIVE) != 0, (flags & MSGR_AMQP_AUTODELETE) != 0, args ? args_table(args, entries) : amqp_empty_table);
	msgr_free(entries);
	int rc = rpc_error(a, amqp_get_rpc_reply(a->conn), doing, err);
	if (rc == MSGR_OK && ready) {
		*ready = ok ? (long long) ok->message_count : 0;
	}
	return rc;
}

static int bind_queue(msgr_amqp_t *a, const char *queue, const char *exchange, const char *key, const msgr_amqp_args_t *args, msgr_error_t *err)
{
	amqp_table_entry_t *entries = msgr_calloc(args && args->count ? args->count : 1, sizeof(*entries));
	if (!entries) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	amqp_queue_bind(a->conn, CHANNEL, amqp_cstring_bytes(queue), amqp_cstring_bytes(exchange), amqp_cstring_bytes(key),
		args ? args_table(args, entries) : amqp_empty_table);
	msgr_free(entries);
	return rpc_error(a, amqp_get_rpc_reply(a->conn), "bind a queue", err);
}

static int declare_exchange(msgr_amqp_t *a, const char *name, const char *type, long long flags, const msgr_amqp_args_t *args, msgr_error_t *err)
{
	amqp_table_entry_t *entries = msgr_calloc(args && args->count ? args->count : 1, sizeof(*entries));
	if (!entries) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	amqp_exchange_declare(a->conn, CHANNEL, amqp_cstring_bytes(name), amqp_cstring_bytes(type), (flags & MSGR_AMQP_PASSIVE) != 0,
		(flags & MSGR_AMQP_DURABLE) != 0, (flags & MSGR_AMQP_AUTODELETE) != 0, (flags & MSGR_AMQP_INTERNAL) != 0,
		args ? args_table(args, entries) : amqp_empty_table);
	msgr_free(entries);
	return rpc_error(a, amqp_get_rpc_reply(a->conn), "declare an exchange", err);
}

static int declare_all(msgr_amqp_t *a, msgr_error_t *err)
{
	const msgr_amqp_options_t *o = &a->o;
	int rc;
	if (o->exchange_name[0] && (rc = declare_exchange(a, o->exchange_name, o->exchange_type, o->exchange_flags, &o->exchange_arguments, err)) != MSGR_OK) {
		return rc;
	}
	for (size_t i = 0; i < o->queue_count; i++) {
		const msgr_amqp_queue_t *q = &o->queues[i];
		if ((rc = declare_queue(a, q->name, q->flags, &q->arguments, false, NULL, "declare a queue", err)) != MSGR_OK) {
			return rc;
		}
		if (!o->exchange_name[0]) {
			continue; /* the default exchange binds every queue by its name */
		}
		if (q->binding_key_count == 0 && (rc = bind_queue(a, q->name, o->exchange_name, "", &q->binding_arguments, err)) != MSGR_OK) {
			return rc;
		}
		for (size_t k = 0; k < q->binding_key_count; k++) {
			if ((rc = bind_queue(a, q->name, o->exchange_name, q->binding_keys[k], &q->binding_arguments, err)) != MSGR_OK) {
				return rc;
			}
		}
	}
	return declare_exchange(a, o->delay_exchange_name, "direct", MSGR_AMQP_DURABLE, NULL, err);
}

/* Connects to o->host:o->port; *unreachable when it could not even open the socket. */
static int connect_to(msgr_amqp_t *a, bool *unreachable, msgr_error_t *err)
{
	*unreachable = false;
	const msgr_amqp_options_t *o = &a->o;
	char w[300];
	a->closed[0] = '\0';
	a->conn = amqp_new_connection();
	if (!a->conn) {
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	a->connection++;
	amqp_socket_t *s = o->tls ? amqp_ssl_socket_new(a->conn) : amqp_tcp_socket_new(a->conn);
	if (!s) {
		return status_error(a, AMQP_STATUS_NO_MEMORY, "connect", err);
	}
	if (o->tls) {
		int st = AMQP_STATUS_OK;
		if (o->cacert && (st = amqp_ssl_socket_set_cacert(s, o->cacert)) != AMQP_STATUS_OK) {
			msgr_error_set(err, MSGR_ERR_INVALID, "Could not read the cacert file %s (%s)", o->cacert, where(a, w, sizeof(w)));
			drop(a);
			return MSGR_ERR_INVALID;
		}
		if (o->cert && o->key && (st = amqp_ssl_socket_set_key(s, o->cert, o->key)) != AMQP_STATUS_OK) {
			msgr_error_set(err, MSGR_ERR_INVALID, "Could not read the cert %s or key %s (%s)", o->cert, o->key, where(a, w, sizeof(w)));
			drop(a);
			return MSGR_ERR_INVALID;
		}
		amqp_ssl_socket_set_verify_peer(s, o->verify);
		amqp_ssl_socket_set_verify_hostname(s, o->verify);
	}
	double ct = o->connect_timeout > 0 ? o->connect_timeout : DEFAULT_CONNECT_TIMEOUT;
	struct timeval tv = { (long) ct, (long) ((ct - (long) ct) * 1e6) };
	int st = amqp_socket_open_noblock(s, o->host, o->port, &tv);
	if (st == AMQP_STATUS_SSL_HOSTNAME_VERIFY_FAILED && (strchr(o->host, ':') || strspn(o->host, "0123456789.") == strlen(o->host))) {
		/* librabbitmq checks names only (the DNS entries of subjectAltName), never addresses */
		status_error(a, st, "connect", err);
		size_t len = strlen(err->message);
		snprintf(err->message + len, sizeof(err->message) - len, " (librabbitmq checks a certificate's DNS names, not IP addresses: connect by a name the certificate holds)");
		return err->code;
	}
	if (st != AMQP_STATUS_OK) {
		*unreachable = st == AMQP_STATUS_SOCKET_ERROR || st == AMQP_STATUS_TIMEOUT || st == AMQP_STATUS_HOSTNAME_RESOLUTION_FAILED;
		return status_error(a, st, "connect", err);
	}
	amqp_set_handshake_timeout(a->conn, &tv);
	double rt = o->rpc_timeout > 0 ? o->rpc_timeout : o->read_timeout > 0 ? o->read_timeout : DEFAULT_RPC_TIMEOUT;
	struct timeval rtv = { (long) rt, (long) ((rt - (long) rt) * 1e6) };
	amqp_set_rpc_timeout(a->conn, &rtv);
	amqp_table_entry_t props[1];
	amqp_table_t client = { 0, props };
	if (o->connection_name) {
		props[0].key = amqp_cstring_bytes("connection_name");
		props[0].value.kind = AMQP_FIELD_KIND_UTF8;
		props[0].value.value.bytes = amqp_cstring_bytes(o->connection_name);
		client.num_entries = 1;
	}
	int heartbeat = (int) o->heartbeat + (o->heartbeat > (int) o->heartbeat); /* whole seconds, rounded up */
	amqp_rpc_reply_t r = o->sasl_method == 1
		? amqp_login_with_properties(a->conn, o->vhost, (int) o->channel_max, o->frame_max ? (int) o->frame_max : 131072, heartbeat,
			&client, AMQP_SASL_METHOD_EXTERNAL, o->user)
		: amqp_login_with_properties(a->conn, o->vhost, (int) o->channel_max, o->frame_max ? (int) o->frame_max : 131072, heartbeat,
			&client, AMQP_SASL_METHOD_PLAIN, o->user, o->password);
	if (r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && r.library_error == AMQP_STATUS_CONNECTION_CLOSED && !a->closed[0]) {
		/* RabbitMQ closes the socket on bad credentials before it says why */
		a->closed_code = 403;
		snprintf(a->closed, sizeof(a->closed), "connection while logging in as \"%s\" (wrong user or password?)", o->user);
	}
	/* a broker that takes the connection and never answers is as good as unreachable */
	*unreachable = r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION && r.library_error == AMQP_STATUS_TIMEOUT;
	int rc = rpc_error(a, r, "log in", err);
	if (rc != MSGR_OK) {
		return rc;
	}
	amqp_channel_open(a->conn, CHANNEL);
	if ((rc = rpc_error(a, amqp_get_rpc_reply(a->conn), "open a channel", err)) != MSGR_OK) {
		return rc;
	}
	if (o->confirm_timeout > 0) {
		amqp_confirm_select(a->conn, CHANNEL);
		if ((rc = rpc_error(a, amqp_get_rpc_reply(a->conn), "turn on publisher confirms", err)) != MSGR_OK) {
			return rc;
		}
		a->confirming = true;
	}
	if (o->auto_setup && (rc = declare_all(a, err)) != MSGR_OK) {
		return rc;
	}
	return MSGR_OK;
}
static void unsubscribe(msgr_amqp_t *a);
static int read_frames(msgr_amqp_t *a, long timeout_ms, bool (*done)(const msgr_amqp_t *), const char *doing, msgr_error_t *err);

/* {{{ persistent connections (core/base/pool): an FPM worker's next request reuses the
 * connection, channel and confirm mode instead of a TCP and AMQP handshake; keyed by the brokers,
 * the credentials, TLS and every setting the handshake made. Only a connection left clean goes
 * back: no subscription, nothing delivered and unsettled, no confirm awaited, no frame half read. */
typedef struct {
	amqp_connection_state_t conn;
	uint64_t published;          /* the channel's publish count: confirms number on from it */
	char *host;
	int port;
} pooled_t;

static void pooled_close(void *p)
{
	pooled_t *c = p;
	struct timeval tv = { 1, 0 };
	amqp_set_rpc_timeout(c->conn, &tv);
	amqp_connection_close(c->conn, AMQP_REPLY_SUCCESS);
	amqp_destroy_connection(c->conn);
	msgr_free(c->host);
	msgr_free(c);
}

static void pooled_forget(void *p)
{
	/* the parent's: this process's copy of the socket is closed (nothing is sent on it, the TLS
	 * session stays the parent's), the library's state is left unfreed */
	close(amqp_get_sockfd(((pooled_t *) p)->conn));
	msgr_free(((pooled_t *) p)->host);
	msgr_free(p);
}

static msgr_pool_t pool = MSGR_POOL_INIT(pooled_close, pooled_forget);

void msgr_amqp_pool_clear(void)
{
	msgr_pool_clear(&pool);
}

static bool pooling(const msgr_amqp_t *a)
{
	/* heartbeats: nobody answers them between two requests */
	return a->o.persistent && a->o.heartbeat <= 0;
}

static char *pool_key(const msgr_amqp_t *a)
{
	const msgr_amqp_options_t *o = &a->o;
	msgr_buf_t key = MSGR_BUF_INIT;
	int rc = msgr_buf_appendf(&key, "%d|%d|%lld|%lld|%d|%lld|", o->tls, o->verify, o->frame_max, o->channel_max, o->confirm_timeout > 0, o->sasl_method);
	for (size_t i = 0; i < o->host_count && rc == MSGR_OK; i++) {
		if ((rc = msgr_pool_key_add(&key, o->hosts[i].host)) == MSGR_OK) {
			rc = msgr_buf_appendf(&key, "%d|", o->hosts[i].port);
		}
	}
	const char *fields[] = { o->vhost, o->user, o->password, o->cacert, o->cert, o->key, o->connection_name };
	return msgr_pool_key_end(&key, rc, fields, sizeof(fields) / sizeof(fields[0]));
}

/* A pooled connection for a, checked: what the broker sent meanwhile (a close, after a restart)
 * is read without waiting, and anything but nothing makes it unusable. */
static bool pool_take(msgr_amqp_t *a)
{
	char *key = pool_key(a);
	pooled_t *c = key ? msgr_pool_take(&pool, key) : NULL;
	msgr_free(key);
	if (!c) {
		return false;
	}
	amqp_frame_t f;
	struct timeval tv = { 0, 0 };
	if (amqp_frames_enqueued(c->conn) || amqp_data_in_buffer(c->conn) || amqp_simple_wait_frame_noblock(c->conn, &f, &tv) != AMQP_STATUS_TIMEOUT) {
		amqp_destroy_connection(c->conn);
		msgr_free(c->host);
		msgr_free(c);
		return false;
	}
	char *host = a->o.host;
	a->o.host = c->host;
	a->o.port = c->port;
	msgr_free(host);
	a->conn = c->conn;
	double rt = a->o.rpc_timeout > 0 ? a->o.rpc_timeout : a->o.read_timeout > 0 ? a->o.read_timeout : DEFAULT_RPC_TIMEOUT;
	struct timeval rtv = { (long) rt, (long) ((rt - (long) rt) * 1e6) };
	amqp_set_rpc_timeout(a->conn, &rtv); /* this owner's, not the last one's */
	a->published = c->published;
	a->confirming = a->o.confirm_timeout > 0;
	a->connection++;
	a->closed[0] = '\0';
	msgr_free(c);
	return true;
}

/* Gives a's connection to the pool when it is clean (see above); true when it did. */
static bool pool_give(msgr_amqp_t *a)
{
	msgr_error_t err;
	if (!pooling(a) || !a->conn || a->partial || a->skipping_return || a->batch_left) {
		return false;
	}
	struct timeval tv = { 1, 0 };
	amqp_set_rpc_timeout(a->conn, &tv); /* a broker that does not answer does not hold up the end of a request */
	unsubscribe(a); /* flushes the kept acknowledgements, gives back what was pushed */
	for (size_t i = 0; a->conn && i < a->out_count; i++) {
		/* handed out, never settled: back to their queues now, not when the connection ends */
		if (amqp_basic_reject(a->conn, CHANNEL, a->out_tags[i], 1) != AMQP_STATUS_OK) {
			drop(a);
		}
	}
	a->out_count = 0;
	if (!a->conn || read_frames(a, 0, NULL, "check a connection", &err) != MSGR_OK || !a->conn || a->pending_count || a->partial) {
		return false;
	}
	char *key = pool_key(a);
	pooled_t *c = key ? msgr_calloc(1, sizeof(*c)) : NULL;
	if (!c || !(c->host = msgr_strndup(a->o.host, strlen(a->o.host)))) {
		msgr_free(c);
		msgr_free(key);
		return false;
	}
	c->conn = a->conn;
	c->published = a->published;
	c->port = a->o.port;
	a->conn = NULL;
	msgr_pool_give(&pool, key, c);
	return true;
}
/* }}} */

/* Connects to the first broker of the list that can be reached (a refused login or a bad
 * certificate is an answer: the next ones are not tried). */
static int connect_now(msgr_amqp_t *a, msgr_error_t *err)
{
	if (a->conn) {
		return MSGR_OK;
	}
	msgr_amqp_options_t *o = &a->o;
	int rc = MSGR_OK;
	if (pooling(a) && pool_take(a)) {
		return o->auto_setup ? declare_all(a, err) : MSGR_OK;
	}
	for (size_t i = 0; i < (o->host_count ? o->host_count : 1); i++) {
		if (o->host_count && (i || strcmp(o->host, o->hosts[i].host) != 0 || o->port != o->hosts[i].port)) {
			char *h = msgr_strndup(o->hosts[i].host, strlen(o->hosts[i].host));
			if (!h) {
				return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
			}
			msgr_free(o->host);
			o->host = h;
			o->port = o->hosts[i].port;
		}
		bool unreachable;
		if ((rc = connect_to(a, &unreachable, err)) == MSGR_OK || !unreachable) {
			return rc;
		}
	}
	if (o->host_count > 1) {
		size_t len = strlen(err->message);
		snprintf(err->message + len, sizeof(err->message) - len, " (none of the %zu brokers could be reached)", o->host_count);
	}
	return rc;
}
/* }}} */

int msgr_amqp_open(msgr_amqp_t **out, msgr_amqp_options_t *options, msgr_error_t *err)
{
	msgr_amqp_t *a = msgr_calloc(1, sizeof(*a));
	if (!a) {
		msgr_amqp_options_free(options);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	a->o = *options;
	memset(options, 0, sizeof(*options));
	a->queues = msgr_calloc(a->o.queue_count ? a->o.queue_count : 1, sizeof(*a->queues));
	if (!a->queues) {
		msgr_amqp_close(a);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < a->o.queue_count; i++) {
		a->queues[i].queue = a->o.queues[i].name;
	}
	a->queue_count = a->o.queue_count;
	*out = a;
	return MSGR_OK;
}

static int flush_acks(msgr_amqp_t *a, msgr_error_t *err);

void msgr_amqp_close(msgr_amqp_t *a)
{
	if (!a) {
		return;
	}
	if (a->conn && !pool_give(a)) {
		msgr_error_t err;
		if (flush_acks(a, &err) == MSGR_OK && a->conn) {
			struct timeval tv = { 1, 0 };
			amqp_set_rpc_timeout(a->conn, &tv);
			amqp_connection_close(a->conn, AMQP_REPLY_SUCCESS);
		}
	}
	drop(a);
	forget_delay_queues(a); /* (not dropped when it went to the pool) */
	msgr_free(a->pending);
	msgr_free(a->out_tags);
	msgr_free(a->kept);
	msgr_free(a->batch_marks);
	msgr_free(a->delay_queues);
	msgr_free(a->queues);
	msgr_amqp_options_free(&a->o);
	msgr_free(a);
}

int msgr_amqp_setup(msgr_amqp_t *a, msgr_error_t *err)
{
	/* declared again even when connecting just did: what was deleted since comes back */
	int rc = connect_now(a, err);
	return rc == MSGR_OK ? declare_all(a, err) : rc;
}

/* {{{ publishing */
static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long) t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static int declare_delay(msgr_amqp_t *a, const msgr_amqp_delay_t *d, msgr_error_t *err)
{
	long long now = now_ms();
	size_t i = 0;
	while (i < a->delay_queue_count && strcmp(a->delay_queues[i].name, d->queue) != 0) {
		i++;
	}
	if (i < a->delay_queue_count && now - a->delay_queues[i].at_ms < DELAY_FRESH_MS) {
		return MSGR_OK;
	}
	int rc = declare_queue(a, d->queue, MSGR_AMQP_DURABLE, &d->arguments, false, NULL, "declare a delay queue", err);
	if (rc == MSGR_OK) {
		rc = bind_queue(a, d->queue, a->o.delay_exchange_name, d->queue, NULL, err);
	}
	if (rc != MSGR_OK) {
		return rc;
	}
	if (i < a->delay_queue_count) {
		a->delay_queues[i].at_ms = now;
		return MSGR_OK;
	}
	if (a->delay_queue_count == DELAY_QUEUES_KEPT) {
		forget_delay_queues(a);
	}
	if (!a->delay_queues && !(a->delay_queues = msgr_calloc(DELAY_QUEUES_KEPT, sizeof(*a->delay_queues)))) {
		return MSGR_OK; /* not remembered: declared again next time */
	}
	if ((a->delay_queues[a->delay_queue_count].name = msgr_strndup(d->queue, strlen(d->queue)))) {
		a->delay_queues[a->delay_queue_count++].at_ms = now;
	}
	return MSGR_OK;
}

/* The properties of one message as Symfony's sender sets them. entries: room for the headers. */
static void props_of(const msgr_amqp_out_t *m, amqp_basic_properties_t *p, amqp_table_entry_t *entries)
{
	memset(p, 0, sizeof(*p));
	const msgr_amqp_props_t *s = &m->props;
	const char *content_type = s->content_type;
	int n = 0;
	/* the AmqpStamp's headers, then the serializer's over them (Content-Type becomes the property) */
	for (size_t i = 0; i < m->extra_header_count; i++) {
		const msgr_header_t *h = &m->extra_headers[i];
		bool over = false;
		for (size_t j = 0; j < m->m.header_count && !over; j++) {
			over = m->m.headers[j].name_len == h->name_len && memcmp(m->m.headers[j].name, h->name, h->name_len) == 0;
		}
		if (!over) {
			entries[n].key = (amqp_bytes_t) { h->name_len, h->name };
			entries[n].value.kind = AMQP_FIELD_KIND_UTF8;
			entries[n].value.value.bytes = (amqp_bytes_t) { h->value_len, h->value };
			n++;
		}
	}
	for (size_t j = 0; j < m->m.header_count; j++) {
		const msgr_header_t *h = &m->m.headers[j];
		if (h->name_len == 12 && memcmp(h->name, "Content-Type", 12) == 0) {
			if (!content_type) {
				content_type = h->value;
			}
			continue;
		}
		entries[n].key = (amqp_bytes_t) { h->name_len, h->name };
		entries[n].value.kind = AMQP_FIELD_KIND_UTF8;
		entries[n].value.value.bytes = (amqp_bytes_t) { h->value_len, h->value };
		n++;
	}
	p->_flags = AMQP_BASIC_HEADERS_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_TIMESTAMP_FLAG;
	p->headers.num_entries = n;
	p->headers.entries = entries;
	p->delivery_mode = s->has_delivery_mode ? (uint8_t) s->delivery_mode : 2;
	p->timestamp = s->has_timestamp ? (uint64_t) s->timestamp : (uint64_t) time(NULL);
	struct { const char *v; amqp_flags_t flag; amqp_bytes_t *slot; } str[] = {
		{ content_type, AMQP_BASIC_CONTENT_TYPE_FLAG, &p->content_type },
		{ s->content_encoding, AMQP_BASIC_CONTENT_ENCODING_FLAG, &p->content_encoding },
		{ s->correlation_id, AMQP_BASIC_CORRELATION_ID_FLAG, &p->correlation_id },
		{ s->reply_to, AMQP_BASIC_REPLY_TO_FLAG, &p->reply_to },
		{ s->expiration, AMQP_BASIC_EXPIRATION_FLAG, &p->expiration },
		{ s->message_id, AMQP_BASIC_MESSAGE_ID_FLAG, &p->message_id },
		{ s->type, AMQP_BASIC_TYPE_FLAG, &p->type },
		{ s->user_id, AMQP_BASIC_USER_ID_FLAG, &p->user_id },
		{ s->app_id, AMQP_BASIC_APP_ID_FLAG, &p->app_id },
	};
	for (size_t i = 0; i < sizeof(str) / sizeof(str[0]); i++) {
		if (str[i].v) {
			p->_flags |= str[i].flag;
			*str[i].slot = amqp_cstring_bytes(str[i].v);
		}
	}
	if (s->has_priority) {
		p->_flags |= AMQP_BASIC_PRIORITY_FLAG;
		p->priority = (uint8_t) s->priority;
	}
}

static bool all_confirmed(const msgr_amqp_t *a)
{
	return a->batch_left == 0;
}

/* Declares the delay queue of m (a delayed one), then with publish, publishes it. */
static int publish_one(msgr_amqp_t *a, const msgr_amqp_out_t *m, bool publish, msgr_error_t *err)
{
	const msgr_amqp_options_t *o = &a->o;
	const char *key = m->routing_key ? m->routing_key : o->default_publish_routing_key ? o->default_publish_routing_key : "";
	const char *exchange = o->exchange_name;
	msgr_amqp_delay_t d = { 0 };
	int rc;
	if (m->m.delay_ms > 0) {
		if ((rc = msgr_amqp_delay_queue(o, key, msgr_amqp_delay_rounded(o, m->m.delay_ms), m->retry, &d, err)) != MSGR_OK) {
			return rc;
		}
		if ((rc = declare_delay(a, &d, err)) != MSGR_OK) {
			msgr_amqp_delay_free(&d);
			return rc;
		}
		exchange = o->delay_exchange_name;
		key = d.queue;
	}
	if (!publish) {
		msgr_amqp_delay_free(&d);
		return MSGR_OK;
	}
	amqp_table_entry_t *entries = msgr_calloc(m->m.header_count + m->extra_header_count + 1, sizeof(*entries));
	if (!entries) {
		msgr_amqp_delay_free(&d);
		return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
	}
	amqp_basic_properties_t p;
	props_of(m, &p, entries);
	amqp_bytes_t body = { m->m.body_len, m->m.body };
	/* a delayed message is mandatory: should its delay queue be gone (deleted by hand), the
	 * broker returns it instead of dropping it in the delays exchange */
	int st = amqp_basic_publish(a->conn, CHANNEL, amqp_cstring_bytes(exchange), amqp_cstring_bytes(key),
		(m->flags & MSGR_AMQP_MANDATORY) != 0 || m->m.delay_ms > 0, (m->flags & MSGR_AMQP_IMMEDIATE) != 0, &p, body);
	msgr_free(entries);
	msgr_amqp_delay_free(&d);
	if (st != AMQP_STATUS_OK) {
		return status_error(a, st, "publish a message", err);
	}
	a->published++;
	return MSGR_OK;
}

int msgr_amqp_send(msgr_amqp_t *a, const msgr_amqp_out_t *messages, size_t count, msgr_error_t *err)
{
	(void) flush_acks(a, err);
	int rc = connect_now(a, err);
	if (rc != MSGR_OK) {
		return rc;
	}
	a->nacked = false;
	a->returned[0] = '\0';
	a->batch_count = a->batch_left = 0;
	/* the delay queues first, so that nothing is published when one cannot be declared */
	for (size_t i = 0; i < count; i++) {
		if (messages[i].m.delay_ms > 0 && (rc = publish_one(a, &messages[i], false, err)) != MSGR_OK) {
			return rc;
		}
	}
	if (a->confirming) {
		unsigned char *marks = msgr_realloc(a->batch_marks, count ? count : 1);
		if (!marks) {
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		a->batch_marks = marks;
		memset(marks, 0, count);
		a->batch_base = a->published + 1;
		a->batch_count = a->batch_left = count;
	}
	for (size_t i = 0; i < count; i++) {
		if ((rc = publish_one(a, &messages[i], true, err)) != MSGR_OK) {
			if (i > 0 && rc != MSGR_ERR_NOMEM) {
				/* some went out: they may be stored */
				err->code = rc = MSGR_ERR_UNCONFIRMED;
			}
			return rc;
		}
	}
	if (!a->confirming) {
		return MSGR_OK;
	}
	/* the confirms of all of them at once */
	long timeout = (long) (a->o.confirm_timeout * 1000);
	if ((rc = read_frames(a, timeout > 0 ? timeout : 1, all_confirmed, "wait for publisher confirms", err)) != MSGR_OK) {
		if (rc == MSGR_ERR_IO) {
			err->code = rc = MSGR_ERR_UNCONFIRMED; /* they went out whole: some may be stored */
		}
		return rc;
	}
	char w[300];
	if (a->returned[0]) {
		forget_delay_queues(a); /* one may be gone: declared again at the next send */
		/* a delay queue deleted under us: sending again declares it (a worker waits and retries) */
		return msgr_error_set(err, a->returned_delayed ? MSGR_ERR_IO : MSGR_ERR_DENIED, "The broker returned a message it could not route (%s): %s%s",
			where(a, w, sizeof(w)), a->returned, a->returned_delayed ? "; its delay queue was gone, sending it again declares it" : "");
	}
	if (a->nacked) {
		return msgr_error_set(err, MSGR_ERR_IO, "The broker refused (nack) a message published to %s (%s)", a->o.exchange_name, where(a, w, sizeof(w)));
	}
	if (!all_confirmed(a)) {
		msgr_error_set(err, MSGR_ERR_UNCONFIRMED, "No publisher confirm came from %s within %.3g s", where(a, w, sizeof(w)), a->o.confirm_timeout);
		drop(a); /* a late confirm must not count for the next batch */
		return MSGR_ERR_UNCONFIRMED;
	}
	return MSGR_OK;
}
/* }}} */

/* {{{ consuming */
static int read_frames(msgr_amqp_t *a, long timeout_ms, bool (*done)(const msgr_amqp_t *), const char *doing, msgr_error_t *err);
/* Cancels the subscriptions and gives back what was delivered and not handed out: a transport
 * nobody reads from does not hold messages other consumers could take. On failure the
 * connection is dropped, which gives them back too. */
static void unsubscribe(msgr_amqp_t *a)
{
	msgr_error_t err;
	(void) flush_acks(a, &err);
	if (!a->conn) {
		return;
	}
	for (size_t i = 0; i < a->queue_count; i++) {
		if (a->queues[i].subscribed) {
			amqp_basic_cancel(a->conn, CHANNEL, amqp_cstring_bytes(a->queues[i].queue));
			if (rpc_error(a, amqp_get_rpc_reply(a->conn), "cancel a subscription", &err) != MSGR_OK) {
				return;
			}
			a->queues[i].subscribed = false;
		}
	}
	a->prefetch = 0;
	/* what arrived before the cancel took effect */
	if (read_frames(a, 0, NULL, "receive messages", &err) != MSGR_OK) {
		return;
	}
	for (size_t i = 0; i < a->pending_count; i++) {
		if (amqp_basic_reject(a->conn, CHANNEL, a->pending[i].tag, 1) != AMQP_STATUS_OK) {
			drop(a); /* frees the pending ones: the broker gives them back */
			return;
		}
	}
	for (size_t i = 0; i < a->pending_count; i++) {
		in_free(&a->pending[i]);
	}
	a->pending_count = 0;
}

void msgr_amqp_read_ahead(msgr_amqp_t *a, size_t n)
{
	if (!n && a->read_ahead) {
		unsubscribe(a);
	}
	a->read_ahead = n;
}

#define PREFETCH_ALONE 10
#define EXPECT_WAIT_MS 5

static bool has_pending(const msgr_amqp_t *a)
{
	return a->pending_count > 0;
}

/* The basic.qos a subscription asks: prefetch_count; else, read by a worker, twice its
 * read-ahead (the batch it handles and the next one on the way), 1 while that is 1 (a slow
 * handler holds one message, as with the other transports); else PREFETCH_ALONE, so that an
 * application calling get() again before it acknowledges still gets messages. */
static long long wanted_prefetch(const msgr_amqp_t *a)
{
	if (a->o.prefetch_count > 0) {
		return a->o.prefetch_count;
	}
	if (!a->read_ahead) {
		return PREFETCH_ALONE;
	}
	return a->read_ahead > 1 ? (long long) a->read_ahead * 2 : 1;
}

static bool wanted(const char *queue, const char *const *queues, size_t count)
{
	if (!count) {
		return true;
	}
	for (size_t i = 0; i < count; i++) {
		if (strcmp(queues[i], queue) == 0) {
			return true;
		}
	}
	return false;
}

static int subscribe(msgr_amqp_t *a, const char *const *queues, size_t queue_count, msgr_error_t *err)
{
	long long prefetch = wanted_prefetch(a);
	int rc;
	for (size_t i = 0; i < a->queue_count && queue_count; i++) {
		queue_state_t *q = &a->queues[i];
		if (!q->subscribed || wanted(q->queue, queues, queue_count)) {
			continue;
		}
		/* read from other queues now: what it was pushed from this one goes back */
		amqp_basic_cancel(a->conn, CHANNEL, amqp_cstring_bytes(q->queue));
		if ((rc = rpc_error(a, amqp_get_rpc_reply(a->conn), "cancel a subscription", err)) != MSGR_OK) {
			return rc;
		}
		q->subscribed = false;
		if ((rc = read_frames(a, 0, NULL, "receive messages", err)) != MSGR_OK) {
			return rc;
		}
		size_t kept = 0;
		for (size_t j = 0; j < a->pending_count; j++) {
			if (strcmp(a->pending[j].queue, q->queue) != 0) {
				a->pending[kept++] = a->pending[j];
			} else if (amqp_basic_reject(a->conn, CHANNEL, a->pending[j].tag, 1) != AMQP_STATUS_OK) {
				a->pending_count = kept + (a->pending_count - j);
				memmove(&a->pending[kept], &a->pending[j], (a->pending_count - kept) * sizeof(*a->pending));
				return status_error(a, AMQP_STATUS_SOCKET_ERROR, "give a message back", err);
			} else {
				in_free(&a->pending[j]);
			}
		}
		a->pending_count = kept;
	}
	if (a->prefetch && prefetch != a->prefetch) {
		/* basic.qos applies to the subscriptions made after it: made again */
		for (size_t i = 0; i < a->queue_count; i++) {
			if (a->queues[i].subscribed) {
				amqp_basic_cancel(a->conn, CHANNEL, amqp_cstring_bytes(a->queues[i].queue));
				if ((rc = rpc_error(a, amqp_get_rpc_reply(a->conn), "cancel a subscription", err)) != MSGR_OK) {
					return rc;
				}
				a->queues[i].subscribed = false;
			}
		}
	}
	for (size_t i = 0; i < a->queue_count; i++) {
		queue_state_t *q = &a->queues[i];
		if (q->subscribed || !wanted(q->queue, queues, queue_count)) {
			continue;
		}
		if (a->prefetch != prefetch) {
			amqp_basic_qos(a->conn, CHANNEL, 0, (uint16_t) (prefetch > 65535 ? 65535 : prefetch), 0);
			if ((rc = rpc_error(a, amqp_get_rpc_reply(a->conn), "set the prefetch (basic.qos)", err)) != MSGR_OK) {
				return rc;
			}
			a->prefetch = prefetch;
		}
		amqp_basic_consume(a->conn, CHANNEL, amqp_cstring_bytes(q->queue), amqp_cstring_bytes(q->queue), 0, 0, 0, amqp_empty_table);
		if ((rc = rpc_error(a, amqp_get_rpc_reply(a->conn), "consume from a queue", err)) != MSGR_OK) {
			return rc;
		}
		q->subscribed = true;
		a->expecting = true;
	}
	return MSGR_OK;
}

int msgr_amqp_get(msgr_amqp_t *a, const char *const *queues, size_t queue_count, msgr_amqp_in_t **out, size_t *count, msgr_error_t *err)
{
	*out = NULL;
	*count = 0;
	for (size_t i = 0; i < queue_count; i++) {
		bool known = false;
		for (size_t j = 0; j < a->queue_count && !known; j++) {
			known = strcmp(a->queues[j].queue, queues[i]) == 0;
		}
		if (!known) {
			return msgr_error_set(err, MSGR_ERR_INVALID, "The queue \"%s\" is not one of this transport's (its option queues)", queues[i]);
		}
	}
	(void) flush_acks(a, err);
	int rc = connect_now(a, err);
	if (rc == MSGR_OK) {
		rc = subscribe(a, queues, queue_count, err);
	}
	if (rc == MSGR_OK) {
		/* always, also with a full buffer: heartbeats and closes are read here */
		rc = read_frames(a, 0, NULL, "receive messages", err);
	}
	if (rc == MSGR_OK && !a->pending_count && a->expecting) {
		/* the broker pushes the next one in a round trip: a caller that polls (and sleeps when
		 * it finds nothing) waits that long rather than its sleep */
		rc = read_frames(a, EXPECT_WAIT_MS, has_pending, "receive messages", err);
	}
	a->expecting = false;
	if (rc != MSGR_OK) {
		return rc;
	}
	size_t want = (size_t) msgr_prefetch_batch(0, a->read_ahead);
	size_t n = 0;
	for (size_t i = 0; i < a->pending_count && n < want; i++) {
		if (wanted(a->pending[i].queue, queues, queue_count)) {
			n++;
		}
	}
	if (!n) {
		return MSGR_OK;
	}
	msgr_amqp_in_t *list = msgr_malloc(n * sizeof(*list));
	if (!list || a->out_cap < a->out_count + n) {
		size_t cap = a->out_count + n + 64;
		uint64_t *tags = list ? msgr_realloc(a->out_tags, cap * sizeof(*tags)) : NULL;
		if (!tags) {
			msgr_free(list);
			return msgr_error_set(err, MSGR_ERR_NOMEM, "out of memory");
		}
		a->out_tags = tags;
		a->out_cap = cap;
	}
	size_t taken = 0, kept = 0;
	for (size_t i = 0; i < a->pending_count; i++) {
		if (taken < n && wanted(a->pending[i].queue, queues, queue_count)) {
			a->out_tags[a->out_count++] = a->pending[i].tag;
			list[taken++] = a->pending[i];
		} else {
			a->pending[kept++] = a->pending[i];
		}
	}
	a->pending_count = kept;
	*out = list;
	*count = n;
	return MSGR_OK;
}

/* false when tag is not one handed out (settled already, or of a gone connection) */
static bool settle_tag(msgr_amqp_t *a, uint64_t tag)
{
	for (size_t i = a->out_count; i-- > 0;) {
		if (a->out_tags[i] == tag) {
			a->out_tags[i] = a->out_tags[--a->out_count];
			return true;
		}
	}
	return false;
}

/* The kept acknowledgements: one basic.ack with multiple for all of them when no delivery
 * below the highest is still out or pending, else one each. Always MSGR_OK: when they cannot
 * be written the connection is dropped (see there). */
static int flush_acks(msgr_amqp_t *a, msgr_error_t *err)
{
	if (!a->kept_count || !a->conn) {
		a->kept_count = 0;
		return MSGR_OK;
	}
	uint64_t top = 0;
	for (size_t i = 0; i < a->kept_count; i++) {
		top = a->kept[i] > top ? a->kept[i] : top;
	}
	bool whole = true;
	for (size_t i = 0; i < a->out_count && whole; i++) {
		whole = a->out_tags[i] > top;
	}
	for (size_t i = 0; i < a->pending_count && whole; i++) {
		whole = a->pending[i].tag > top;
	}
	int st = AMQP_STATUS_OK;
	if (whole) {
		st = amqp_basic_ack(a->conn, CHANNEL, top, 1);
	} else {
		for (size_t i = 0; i < a->kept_count && st == AMQP_STATUS_OK; i++) {
			st = amqp_basic_ack(a->conn, CHANNEL, a->kept[i], 0);
		}
	}
	a->kept_count = 0;
	a->expecting = true;
	if (st != AMQP_STATUS_OK) {
		/* the connection is gone, and with it every delivery it made: the broker gives them
		 * back to their queues, and no other connection can acknowledge them */
		drop(a);
	}
	return MSGR_OK;
}

int msgr_amqp_ack(msgr_amqp_t *a, unsigned long long connection, uint64_t tag, bool reject, msgr_error_t *err)
{
	if (connection != a->connection || !a->conn || !settle_tag(a, tag)) {
		return MSGR_OK; /* its connection is gone: the broker gave it back to its queue */
	}
	/* read by a worker: kept for the next get (or flush), written in one frame */
	if (!reject && a->read_ahead && push_tag(&a->kept, &a->kept_count, &a->kept_cap, tag)) {
		return MSGR_OK;
	}
	a->expecting = true;
	int st = reject ? amqp_basic_nack(a->conn, CHANNEL, tag, 0, 0) : amqp_basic_ack(a->conn, CHANNEL, tag, 0);
	return st == AMQP_STATUS_OK ? MSGR_OK : status_error(a, st, reject ? "reject a message" : "acknowledge a message", err);
}

int msgr_amqp_release(msgr_amqp_t *a, unsigned long long connection, uint64_t tag, msgr_error_t *err)
{
	if (connection != a->connection || !a->conn || !settle_tag(a, tag)) {
		return MSGR_OK;
	}
	a->expecting = true;
	int st = amqp_basic_reject(a->conn, CHANNEL, tag, 1);
	return st == AMQP_STATUS_OK ? MSGR_OK : status_error(a, st, "give a message back", err);
}

int msgr_amqp_flush(msgr_amqp_t *a, msgr_error_t *err)
{
	return flush_acks(a, err);
}

long msgr_amqp_tend_interval_ms(const msgr_amqp_t *a)
{
	/* not half the heartbeat asked for: the broker may lower it when the connection is made */
	return a->o.heartbeat > 0 ? 500 : 0;
}

void msgr_amqp_tend(msgr_amqp_t *a)
{
	msgr_error_t err;
	if (a->conn) {
		/* on failure the connection is dropped: the next call opens another */
		(void) read_frames(a, 0, NULL, "answer heartbeats", &err);
	}
}

int msgr_amqp_fd(msgr_amqp_t *a, bool *ready)
{
	bool any = false;
	for (size_t i = 0; i < a->queue_count && !any; i++) {
		any = a->queues[i].subscribed;
	}
	*ready = a->pending_count > 0 || (a->conn && (amqp_data_in_buffer(a->conn) || amqp_frames_enqueued(a->conn)));
	return a->conn && any ? amqp_get_sockfd(a->conn) : -1;
}

int msgr_amqp_count(msgr_amqp_t *a, long long *n, msgr_error_t *err)
{
	*n = 0;
	int rc = connect_now(a, err);
	for (size_t i = 0; i < a->queue_count && rc == MSGR_OK; i++) {
		long long ready = 0;
		if ((rc = declare_queue(a, a->queues[i].queue, 0, NULL, true, &ready, "count the messages of a queue", err)) == MSGR_OK) {
			*n += ready;
		}
	}
	return rc;
}
/* }}} */
