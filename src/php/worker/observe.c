/* What a running worker shows to those who watch it, when asked (run()'s "metrics" and
 * "status_dir"; neither: nothing is subscribed, no cost):
 * - Prometheus metrics on GET /metrics, answered by the worker itself in its waits and between
 *   its messages (no thread, no other process);
 * - its status in <status_dir>/<host>-<pid>.json every few seconds (what it consumes, since when,
 *   what it handled and failed, per minute over the last hour and today, its memory), which the
 *   dashboard reads.
 * Both count the worker's events: a message "handled", or given up ("failed": dropped,
 * "sent_to_failure", "rejected": not readable), or "retried". */
#include "php/worker/worker.h"
#include "core/http/server.h"
#include "core/metrics/metrics.h"
#include "ext/json/php_json.h"
#include "main/php_streams.h"
#include "zend_smart_str.h"

#include <math.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#define OBSERVE_EVENTS ((1u << PHP_MESSENGER_EV_RECEIVED) | (1u << PHP_MESSENGER_EV_HANDLED) | (1u << PHP_MESSENGER_EV_FAILED) \
	| (1u << PHP_MESSENGER_EV_SENT_TO_FAILURE) | (1u << PHP_MESSENGER_EV_WEBHOOK))
#define STATUS_EVENTS ((1u << PHP_MESSENGER_EV_HANDLED) | (1u << PHP_MESSENGER_EV_FAILED))
#define CLASS_CAP 50            /* message classes named in labels; the others are "other" */
#define QUEUE_REFRESH_MS 5000   /* the transports' counts: asked no more often */
#define QUEUE_REFRESH_MAX_MS 300000 /* and at least that often, however long they took */
#define STATUS_EVERY_MS 5000
#define SERVE_EVERY_MS 10       /* between messages: the port looked at no more often */

enum { O_HANDLED, O_FAILED, O_RETRIED, O_SENT_TO_FAILURE, O_REJECTED, O__COUNT };
static const char *const outcomes[O__COUNT] = { "handled", "failed", "retried", "sent_to_failure", "rejected" };

static const double handler_buckets[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60 };
static const double webhook_buckets[] = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30 };

typedef struct {
	msgr_metric_series_t *outcome[O__COUNT];
	msgr_metric_series_t *errors;
	msgr_metric_series_t *duration;
} class_series;

typedef struct {
	zend_long t; /* the minute's start (unix seconds) */
	zend_long handled, failed;
} minute_t;

struct php_messenger_observer {
	php_messenger_observer_setup s;
	msgr_httpd_t *httpd;
	msgr_metrics_t *m;
	msgr_metric_family_t *total, *errors, *duration, *queue, *memory, *start, *webhooks, *webhook_duration;
	msgr_metric_series_t *memory_now;
	HashTable by_transport; /* transport => (class => class_series) */
	HashTable started;      /* message object handle => when it was received (µs, a double) */
	uint32_t to_failure;    /* the message sent to a failure transport last (its handle), or 0 */
	zend_long served_at, queue_due, status_at;
	double since;
	/* the status */
	zend_string *status_file; /* or NULL: not written (none asked, or it could not be) */
	char host[256];
	zend_long handled, failed;
	minute_t minutes[60];
	zend_long day, day_handled, day_failed; /* today (days since the epoch, local time) */
	long tz_offset;
};

static void series_dtor(zval *v)
{
	efree(Z_PTR_P(v));
}

static void classes_dtor(zval *v)
{
	zend_hash_destroy(Z_PTR_P(v));
	FREE_HASHTABLE(Z_PTR_P(v));
}

/* the series of a transport and message class (the class bounded by the family's cap) */
static class_series *series_of(php_messenger_observer *o, zend_string *transport, zend_string *class_name)
{
	HashTable *classes = zend_hash_find_ptr(&o->by_transport, transport);
	if (!classes) {
		ALLOC_HASHTABLE(classes);
		zend_hash_init(classes, 8, NULL, series_dtor, 0);
		zend_hash_add_new_ptr(&o->by_transport, transport, classes);
	}
	class_series *cs = zend_hash_find_ptr(classes, class_name);
	if (cs) {
		return cs;
	}
	cs = ecalloc(1, sizeof(*cs));
	const char *values[3] = { ZSTR_VAL(transport), ZSTR_VAL(class_name), NULL };
	for (int i = 0; i < O__COUNT; i++) {
		values[2] = outcomes[i];
		cs->outcome[i] = msgr_metrics_series(o->total, values);
	}
	cs->errors = msgr_metrics_series(o->errors, values);
	cs->duration = msgr_metrics_series(o->duration, values);
	for (int i = 0; i < O__COUNT; i++) {
		if (!cs->outcome[i]) {
			efree(cs);
			return NULL;
		}
	}
	if (!cs->errors || !cs->duration) {
		efree(cs);
		return NULL;
	}
	zend_hash_add_new_ptr(classes, class_name, cs);
	return cs;
}

static void count_final(php_messenger_observer *o, bool handled)
{
	time_t now = time(NULL);
	zend_long minute = (zend_long) now / 60 * 60;
	minute_t *slot = &o->minutes[(now / 60) % 60];
	if (slot->t != minute) {
		*slot = (minute_t) { minute, 0, 0 };
	}
	zend_long day = ((zend_long) now + o->tz_offset) / 86400;
	if (day != o->day) {
		o->day = day;
		o->day_handled = o->day_failed = 0;
	}
	if (handled) {
		o->handled++;
		slot->handled++;
		o->day_handled++;
	} else {
		o->failed++;
		slot->failed++;
		o->day_failed++;
	}
}

static bool on_event(void *ctx, const php_messenger_event *ev)
{
	php_messenger_observer *o = ctx;
	if (ev->type == PHP_MESSENGER_EV_WEBHOOK) {
#ifdef MSGR_HAVE_CURL
		if (ev->result) {
			zend_long status;
			double ms;
			php_messenger_webhook_result_figures(ev->result, &status, &ms);
			char cls[8];
			snprintf(cls, sizeof(cls), status >= 100 && status <= 599 ? "%ldxx" : "error", (long) (status / 100));
			const char *values[1] = { cls };
			msgr_metric_series_t *s = msgr_metrics_series(o->webhooks, values);
			msgr_metric_series_t *d = msgr_metrics_series(o->webhook_duration, values);
			if (s && d) {
				msgr_metric_add(s, 1);
				msgr_metric_observe(o->webhook_duration, d, ms / 1000.0);
			}
		}
#endif
		return true;
	}
	if (!ev->transport) {
		return true;
	}
	zend_object *message = ev->envelope ? Z_OBJ_P(php_messenger_envelope_message(ev->envelope)) : NULL;
	if (!o->httpd) {
		/* the status alone: the outcome is all it counts */
		if (ev->type == PHP_MESSENGER_EV_HANDLED || (ev->type == PHP_MESSENGER_EV_FAILED && !ev->will_retry)) {
			count_final(o, ev->type == PHP_MESSENGER_EV_HANDLED);
		}
		return true;
	}
	switch (ev->type) {
	case PHP_MESSENGER_EV_RECEIVED: {
		zval at;
		ZVAL_DOUBLE(&at, php_messenger_monotonic_us());
		zend_hash_index_update(&o->started, message->handle, &at);
		return true;
	}
	case PHP_MESSENGER_EV_SENT_TO_FAILURE:
		o->to_failure = message->handle;
		return true;
	default:
		break;
	}
	/* HANDLED or FAILED */
	class_series *cs = series_of(o, ev->transport, message ? message->ce->name : ZSTR_KNOWN(ZEND_STR_UNKNOWN_CAPITALIZED));
	if (!cs) {
		return true; /* out of memory for a new series: not counted */
	}
	int outcome;
	if (ev->type == PHP_MESSENGER_EV_HANDLED) {
		outcome = O_HANDLED;
	} else {
		msgr_metric_add(cs->errors, 1);
		outcome = !message ? O_REJECTED : ev->will_retry ? O_RETRIED : o->to_failure == message->handle ? O_SENT_TO_FAILURE : O_FAILED;
		o->to_failure = 0;
	}
	msgr_metric_add(cs->outcome[outcome], 1);
	if (outcome != O_RETRIED) {
		count_final(o, outcome == O_HANDLED);
	}
	zval *at = message ? zend_hash_index_find(&o->started, message->handle) : NULL;
	if (at) {
		msgr_metric_observe(o->duration, cs->duration, (php_messenger_monotonic_us() - Z_DVAL_P(at)) / 1e6);
		zend_hash_index_del(&o->started, message->handle);
	}
	return true;
}

/* {{{ /metrics */
static zend_long rss_bytes(void)
{
#ifdef __linux__
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		long size, resident;
		int got = fscanf(f, "%ld %ld", &size, &resident);
		fclose(f);
		if (got == 2) {
			return (zend_long) resident * sysconf(_SC_PAGESIZE);
		}
	}
#endif
	return (zend_long) zend_memory_usage(true);
}

static void count_queue(php_messenger_observer *o, zend_string *name)
{
	php_messenger_transport *t = zend_hash_find_ptr(o->s.settings->transports, name);
	zend_long n;
	if (!t || !(t->caps & PHP_MESSENGER_CAN_COUNT)) {
		return;
	}
	bool counted = t->ops->count(t, &n);
	if (!counted) {
		zend_clear_exception(); /* a broker that cannot be reached now: NaN, not an old figure */
	}
	const char *values[1] = { ZSTR_VAL(name) };
	msgr_metric_series_t *s = msgr_metrics_series(o->queue, values);
	if (s) {
		msgr_metric_set(s, counted ? (double) n : NAN);
	}
}

/* the receivers' and their failure transports' counts */
static void count_queues(php_messenger_observer *o)
{
	const php_messenger_worker_settings *st = o->s.settings;
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(o->s.receivers, name) {
		count_queue(o, name);
		zval *own = zend_hash_find(st->failure, name);
		zend_string *failure = own ? Z_STR_P(own) : st->failure_transport;
		if (failure && !zend_hash_exists(o->s.receivers, failure)) {
			count_queue(o, failure);
		}
	} ZEND_HASH_FOREACH_END();
}

static void serve(void *ctx, const msgr_httpd_request_t *req, msgr_httpd_response_t *res)
{
	php_messenger_observer *o = ctx;
	bool metrics = req->path_len == 8 && memcmp(req->path, "/metrics", 8) == 0;
	if (!metrics) {
		res->status = req->path_len == 1 ? 200 : 404;
		res->type = "text/plain; charset=utf-8";
		msgr_buf_append_str(&res->body, res->status == 200 ? "Messenger worker: metrics on /metrics\n" : "Not found: metrics are on /metrics\n");
		return;
	}
	if (strcmp(req->method, "POST") == 0) {
		res->status = 405;
		msgr_buf_append_str(&res->headers, "Allow: GET, HEAD\r\n");
		return;
	}
	zend_long now = php_messenger_monotonic_ms();
	if (now >= o->queue_due) {
		/* every 5 s at the most, and less often when counting is slow (a table of a million rows):
		 * no more than 1% of the worker's time */
		count_queues(o);
		zend_long took = php_messenger_monotonic_ms() - now, wait = took * 100;
		o->queue_due = now + (wait < QUEUE_REFRESH_MS ? QUEUE_REFRESH_MS : wait > QUEUE_REFRESH_MAX_MS ? QUEUE_REFRESH_MAX_MS : wait);
	}
	msgr_metric_set(o->memory_now, (double) rss_bytes());
	res->type = "text/plain; version=0.0.4; charset=utf-8";
	if (msgr_metrics_render(o->m, &res->body) != MSGR_OK) {
		res->status = 500;
		msgr_buf_reset(&res->body);
	}
}
/* }}} */

/* {{{ the status file */
static void status_write(php_messenger_observer *o, bool running)
{
	if (!o->status_file) {
		return;
	}
	zval st, list, minutes;
	array_init(&st);
	add_assoc_string(&st, "host", o->host);
	add_assoc_long(&st, "pid", (zend_long) getpid());
	array_init(&list);
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(o->s.receivers, name) {
		add_next_index_str(&list, zend_string_copy(name));
	} ZEND_HASH_FOREACH_END();
	add_assoc_zval(&st, "transports", &list);
	add_assoc_long(&st, "since", (zend_long) o->since);
	add_assoc_long(&st, "updated", (zend_long) time(NULL));
	add_assoc_bool(&st, "running", running);
	add_assoc_long(&st, "handled", o->handled);
	add_assoc_long(&st, "failed", o->failed);
	add_assoc_long(&st, "memory", rss_bytes());
	zend_long today = ((zend_long) time(NULL) + o->tz_offset) / 86400;
	add_assoc_long(&st, "day", today);
	add_assoc_long(&st, "day_handled", o->day == today ? o->day_handled : 0);
	add_assoc_long(&st, "day_failed", o->day == today ? o->day_failed : 0);
	array_init(&minutes);
	zend_long now_minute = (zend_long) time(NULL) / 60 * 60;
	for (int i = 0; i < 60; i++) {
		const minute_t *m = &o->minutes[i];
		if (m->t && now_minute - m->t < 3600) {
			zval row;
			array_init(&row);
			add_next_index_long(&row, m->t);
			add_next_index_long(&row, m->handled);
			add_next_index_long(&row, m->failed);
			add_next_index_zval(&minutes, &row);
		}
	}
	add_assoc_zval(&st, "minutes", &minutes);
	smart_str json = { 0 };
	php_json_encode(&json, &st, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_INVALID_UTF8_SUBSTITUTE | PHP_JSON_PARTIAL_OUTPUT_ON_ERROR);
	zval_ptr_dtor(&st);
	smart_str_0(&json);
	zend_string *tmp = zend_strpprintf(0, "%s.tmp", ZSTR_VAL(o->status_file));
	FILE *f = fopen(ZSTR_VAL(tmp), "w");
	bool ok = f && json.s && fwrite(ZSTR_VAL(json.s), 1, ZSTR_LEN(json.s), f) == ZSTR_LEN(json.s);
	ok = f && fclose(f) == 0 && ok;
	ok = ok && rename(ZSTR_VAL(tmp), ZSTR_VAL(o->status_file)) == 0;
	if (!ok) {
		/* the worker goes on: it says so once, and stops writing */
		php_error_docref(NULL, E_WARNING, "Messenger: cannot write the worker status file \"%s\": %s; the dashboard will not show this worker",
			ZSTR_VAL(o->status_file), strerror(errno));
		/* an error handler that makes warnings exceptions must not stop the worker for it */
		zend_clear_exception();
		unlink(ZSTR_VAL(tmp));
		zend_string_release(o->status_file);
		o->status_file = NULL;
	}
	zend_string_release(tmp);
	smart_str_free(&json);
}
/* }}} */

php_messenger_observer *php_messenger_observer_start(const php_messenger_observer_setup *setup, php_messenger_events *events)
{
	php_messenger_observer *o = ecalloc(1, sizeof(*o));
	o->s = *setup;
	if (setup->metrics) {
		msgr_error_t err;
		if (!(o->httpd = msgr_httpd_listen(ZSTR_VAL(setup->metrics), &err))) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The worker option \"metrics\": %s", err.message);
			efree(o);
			return NULL;
		}
	}
	o->m = msgr_metrics_new();
	static const msgr_metric_spec_t specs[] = {
		{ "messaging_handler_total", "Messages handled by the worker, by outcome: handled, retried, failed (dropped), sent_to_failure, rejected (not readable).", MSGR_METRIC_COUNTER, { "transport", "message_class", "outcome" }, NULL, 0, 1, CLASS_CAP },
		{ "messaging_handler_errors_total", "Handling attempts that failed.", MSGR_METRIC_COUNTER, { "transport", "message_class" }, NULL, 0, 1, CLASS_CAP },
		{ "messaging_handler_duration_seconds", "Time from a message's receipt to its outcome.", MSGR_METRIC_HISTOGRAM, { "transport", "message_class" }, handler_buckets, sizeof(handler_buckets) / sizeof(double), 1, CLASS_CAP },
		{ "messaging_queue_messages", "Messages waiting in the transport (asked at most every 5 s, less often when counting takes long).", MSGR_METRIC_GAUGE, { "transport" }, NULL, 0, -1, 0 },
		{ "messaging_worker_memory_bytes", "The worker's resident memory.", MSGR_METRIC_GAUGE, { NULL }, NULL, 0, -1, 0 },
		{ "messaging_worker_start_time_seconds", "When the worker started, in seconds since the epoch.", MSGR_METRIC_GAUGE, { NULL }, NULL, 0, -1, 0 },
		{ "messaging_webhook_requests_total", "Webhook delivery attempts, by the class of the endpoint's status (error: no response).", MSGR_METRIC_COUNTER, { "status_class" }, NULL, 0, -1, 0 },
		{ "messaging_webhook_request_duration_seconds", "Webhook delivery attempts' duration.", MSGR_METRIC_HISTOGRAM, { "status_class" }, webhook_buckets, sizeof(webhook_buckets) / sizeof(double), -1, 0 },
	};
	msgr_metric_family_t **families[] = { &o->total, &o->errors, &o->duration, &o->queue, &o->memory, &o->start, &o->webhooks, &o->webhook_duration };
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		*families[i] = o->m ? msgr_metrics_family(o->m, &specs[i]) : NULL;
		if (!*families[i]) {
			zend_error_noreturn(E_ERROR, "Messenger: out of memory for the worker's metrics");
		}
	}
	zend_hash_init(&o->by_transport, 8, NULL, classes_dtor, 0);
	zend_hash_init(&o->started, 64, NULL, NULL, 0);
	o->since = (double) time(NULL);
	msgr_metric_series_t *start = msgr_metrics_series(o->start, NULL);
	if (!start || !(o->memory_now = msgr_metrics_series(o->memory, NULL))) {
		zend_error_noreturn(E_ERROR, "Messenger: out of memory for the worker's metrics");
	}
	msgr_metric_set(start, o->since);
	msgr_metric_set(o->memory_now, (double) rss_bytes());
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	o->tz_offset = tm.tm_gmtoff;
	o->day = ((zend_long) now + o->tz_offset) / 86400;
	if (gethostname(o->host, sizeof(o->host) - 1) != 0) {
		strcpy(o->host, "localhost");
	}
	if (setup->status_dir) {
		if (access(ZSTR_VAL(setup->status_dir), F_OK) != 0) {
			php_stream_mkdir(ZSTR_VAL(setup->status_dir), 0777, PHP_STREAM_MKDIR_RECURSIVE, NULL); /* a failure: the write below says it */
		}
		/* the start in the name: a restarted container's worker has the same host and pid */
		o->status_file = zend_strpprintf(0, "%s/%s-%ld-%ld.json", ZSTR_VAL(setup->status_dir), o->host, (long) getpid(), (long) o->since);
		status_write(o, true);
		o->status_at = php_messenger_monotonic_ms();
	}
	php_messenger_events_subscribe(events, on_event, o, o->httpd ? OBSERVE_EVENTS : STATUS_EVENTS, PHP_MESSENGER_RANK_OBSERVERS);
	return o;
}

int php_messenger_observer_fds(php_messenger_observer *o, int *fds, short *events, int max)
{
	return o->httpd ? msgr_httpd_fds(o->httpd, fds, events, max) : 0;
}

void php_messenger_observer_tick(php_messenger_observer *o, bool ready)
{
	zend_long now = php_messenger_monotonic_ms();
	if (!ready && now - o->served_at < SERVE_EVERY_MS) {
		return;
	}
	o->served_at = now;
	if (o->httpd) {
		msgr_httpd_serve(o->httpd, 0, serve, o);
	}
	if (o->status_file && now - o->status_at >= STATUS_EVERY_MS) {
		o->status_at = now;
		status_write(o, true);
	}
}

void php_messenger_observer_stop(php_messenger_observer *o, php_messenger_events *events)
{
	php_messenger_events_unsubscribe(events, on_event, o);
	status_write(o, false);
	if (o->status_file) {
		zend_string_release(o->status_file);
	}
	msgr_httpd_free(o->httpd);
	msgr_metrics_free(o->m);
	zend_hash_destroy(&o->by_transport);
	zend_hash_destroy(&o->started);
	efree(o);
}
