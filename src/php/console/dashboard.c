/* Messenger\Dashboard and messenger:dashboard: a page and its JSON API over the Messenger's
 * transports and what its workers report (see observe.c).
 *
 * Safe by default: the command listens on 127.0.0.1 and wants a token before it listens
 * elsewhere; with a token every request carries it (?token= once, then a cookie; or
 * "Authorization: Bearer"). A POST must carry X-CSRF-Token equal to the messenger_csrf cookie the
 * page set (SameSite=Strict): another site can neither read the cookie nor send the header. The
 * page's script runs under a Content-Security-Policy nonce and puts every value in the page as
 * text; no transport's DSN is ever shown. */
#include "php/console/console.h"
#include "php/worker/worker.h"
#include "core/http/server.h"
#include "ext/json/php_json.h"
#include "ext/standard/url.h"
#include "ext/standard/php_string.h"
#include "ext/standard/html.h"
#if PHP_VERSION_ID >= 80200
#include "ext/random/php_random.h"
#else
#include "ext/standard/php_random.h"
#endif
#include "main/php_streams.h"
#include "SAPI.h"
#include "zend_smart_str.h"
#include "dashboard_arginfo.h"
#include "dashboard_html.h"

#include <dirent.h>
#include <signal.h>
#include <time.h>

zend_class_entry *php_messenger_ce_Dashboard;
static zend_object_handlers dashboard_handlers;

#define WORKER_GONE_S 120         /* a report older than that: the worker is gone (or in one handler that long) */
#define STATUS_KEPT_S (7 * 86400) /* stopped workers' reports kept for the totals */
#define LIST_MAX 10000            /* failed messages looked at per failure transport */

typedef struct {
	zend_object *messenger;
	zend_string *base;       /* the mount path, with a trailing slash */
	zend_string *token;      /* or NULL */
	zend_string *status_dir;
	zend_long page_size;
	zend_object std;
} php_messenger_dashboard;

static inline php_messenger_dashboard *dashboard_from(zend_object *obj)
{
	return (php_messenger_dashboard *) ((char *) obj - XtOffsetOf(php_messenger_dashboard, std));
}

/* {{{ a request and its response, whoever serves them */
typedef struct {
	const char *method;
	const char *path; size_t path_len;
	const char *query; size_t query_len;
	zend_string *cookie, *authorization, *csrf, *host; /* headers, or NULL */
} dash_request;

typedef struct {
	int status;
	const char *type;
	smart_str headers; /* "Name: value\r\n" lines */
	smart_str body;
} dash_response;

static void header_line(dash_response *res, const char *name, const char *value)
{
	smart_str_appends(&res->headers, name);
	smart_str_appends(&res->headers, ": ");
	smart_str_appends(&res->headers, value);
	smart_str_appends(&res->headers, "\r\n");
}

static void send_json(dash_response *res, int status, zval *data)
{
	res->status = status;
	res->type = "application/json; charset=utf-8";
	header_line(res, "Cache-Control", "no-store");
	php_json_encode(&res->body, data, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_INVALID_UTF8_SUBSTITUTE
		| PHP_JSON_PARTIAL_OUTPUT_ON_ERROR | PHP_JSON_HEX_TAG | PHP_JSON_HEX_AMP);
}

static void send_error(dash_response *res, int status, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
static void send_error(dash_response *res, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *text = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	zval data;
	array_init(&data);
	add_assoc_str(&data, "error", text);
	send_json(res, status, &data);
	zval_ptr_dtor(&data);
}

/* an exception the transports threw: its message, as the response (the exception goes) */
static void send_exception(dash_response *res)
{
	zend_object *ex;
	if (!php_messenger_take_exception(&ex)) {
		send_error(res, 500, "Unknown error");
		return;
	}
	zval rv;
	zval *msg = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
	send_error(res, 500, "%s: %s", ZSTR_VAL(ex->ce->name), Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
	OBJ_RELEASE(ex);
}

/* a parameter of a query string or a cookie header, decoded; NULL when absent */
static zend_string *param(const char *s, size_t len, const char *name, char sep)
{
	size_t n = strlen(name);
	const char *end = s + len;
	while (s < end) {
		while (s < end && (*s == ' ' || *s == sep)) {
			s++;
		}
		const char *e = memchr(s, sep, (size_t) (end - s));
		e = e ? e : end;
		if ((size_t) (e - s) >= n + 1 && memcmp(s, name, n) == 0 && s[n] == '=') {
			zend_string *v = zend_string_init(s + n + 1, (size_t) (e - s - n - 1), 0);
			ZSTR_LEN(v) = php_url_decode(ZSTR_VAL(v), ZSTR_LEN(v));
			return v;
		}
		s = e + 1;
	}
	return NULL;
}

static zend_string *query_param(const dash_request *req, const char *name)
{
	zend_string *v = param(req->query, req->query_len, name, '&');
	if (v && ZSTR_LEN(v) == 0) {
		zend_string_release(v);
		return NULL;
	}
	return v;
}

/* two secrets (a token, a CSRF pair), compared in constant time; an empty one matches nothing */
static bool same_secret(const zend_string *a, const zend_string *b)
{
	return a && b && ZSTR_LEN(a) && php_safe_bcmp(a, b) == 0;
}
/* }}} */

/* {{{ what the transports hold */
static zend_string *failure_of(php_messenger_dashboard *d, zend_string *name)
{
	zend_string *f = php_messenger_messenger_failure(d->messenger, name);
	return f && !zend_string_equals(f, name) ? f : NULL;
}

/* the count, or null when it cannot count (or its broker cannot be reached: the error goes);
 * each transport asked once per request (counted: name => count) */
static void count_into(php_messenger_dashboard *d, HashTable *counted, zend_string *name, zval *out)
{
	zval *known = name ? zend_hash_find(counted, name) : NULL;
	if (known) {
		ZVAL_COPY_VALUE(out, known);
		return;
	}
	php_messenger_transport *t = name ? php_messenger_messenger_transport(d->messenger, name) : NULL;
	zend_long n;
	ZVAL_NULL(out);
	if (t && (t->caps & PHP_MESSENGER_CAN_COUNT)) {
		if (t->ops->count(t, &n)) {
			ZVAL_LONG(out, n);
		} else {
			zend_clear_exception();
		}
	}
	if (name) {
		zend_hash_add(counted, name, out);
	}
}

/* the failure transports that can list their messages, in the configuration's order */
static void listable_failures(php_messenger_dashboard *d, zval *out)
{
	array_init(out);
	HashTable *transports = php_messenger_messenger_transports(d->messenger);
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(transports, name) {
		zend_string *f = failure_of(d, name);
		php_messenger_transport *t = f ? php_messenger_messenger_transport(d->messenger, f) : NULL;
		if (t && (t->caps & PHP_MESSENGER_CAN_LIST) && !zend_hash_exists(Z_ARRVAL_P(out), f)) {
			add_assoc_bool_ex(out, ZSTR_VAL(f), ZSTR_LEN(f), true);
		}
	} ZEND_HASH_FOREACH_END();
}

static bool is_failure(php_messenger_dashboard *d, zend_string *name)
{
	HashTable *transports = php_messenger_messenger_transports(d->messenger);
	zend_string *other;
	ZEND_HASH_FOREACH_STR_KEY(transports, other) {
		zend_string *f = failure_of(d, other);
		if (f && zend_string_equals(f, name)) {
			return true;
		}
	} ZEND_HASH_FOREACH_END();
	return false;
}
/* }}} */

/* {{{ GET api/stats */
static void add_rate(zval *into, const char *key, zend_long handled, zend_long failed)
{
	zval r;
	array_init(&r);
	add_assoc_long(&r, "handled", handled);
	add_assoc_long(&r, "failed", failed);
	if (handled + failed) {
		add_assoc_double(&r, "success_rate", (double) handled / (double) (handled + failed));
	} else {
		add_assoc_null(&r, "success_rate");
	}
	add_assoc_zval(into, key, &r);
}

static zend_long long_of(HashTable *ht, const char *key)
{
	zval *v = zend_hash_str_find(ht, key, strlen(key));
	return v && Z_TYPE_P(v) == IS_LONG ? Z_LVAL_P(v) : 0;
}

/* <host>-<pid>-<since>.json, as observe.c names a report */
static bool report_name(const char *name)
{
	size_t len = strlen(name);
	if (len < 10 || strcmp(name + len - 5, ".json") != 0) {
		return false;
	}
	const char *end = name + len - 5, *p = end;
	for (int field = 0; field < 2; field++) {
		const char *digits = p;
		while (p > name && p[-1] >= '0' && p[-1] <= '9') {
			p--;
		}
		if (p == digits || p == name || p[-1] != '-') {
			return false;
		}
		p--;
	}
	return p > name;
}

/* the workers' reports: the running ones listed; every one kept counts in the totals */
static void workers_into(php_messenger_dashboard *d, zval *stats)
{
	zval workers;
	array_init(&workers);
	zend_long now = (zend_long) time(NULL);
	struct tm tm;
	time_t tnow = (time_t) now;
	localtime_r(&tnow, &tm);
	zend_long today = (now + tm.tm_gmtoff) / 86400;
	zend_long handled = 0, failed = 0, day_handled = 0, day_failed = 0;
	zend_long first_minute = now / 60 * 60 - 59 * 60;
	zend_long minutes[60][2];
	memset(minutes, 0, sizeof(minutes));
	DIR *dir = opendir(ZSTR_VAL(d->status_dir));
	struct dirent *ent;
	while (dir && (ent = readdir(dir))) {
		if (!report_name(ent->d_name)) {
			continue; /* not a worker's report: never read, never removed */
		}
		zend_string *file = zend_strpprintf(0, "%s/%s", ZSTR_VAL(d->status_dir), ent->d_name);
		php_stream *s = php_stream_open_wrapper(ZSTR_VAL(file), "rb", 0, NULL);
		zend_string *text = s ? php_stream_copy_to_mem(s, 1 << 20, 0) : NULL;
		if (s) {
			php_stream_close(s);
		}
		zval st;
		ZVAL_UNDEF(&st);
		if (text) {
			php_json_decode_ex(&st, ZSTR_VAL(text), ZSTR_LEN(text), PHP_JSON_OBJECT_AS_ARRAY, 8);
			zend_string_release(text);
			zend_clear_exception();
		}
		if (Z_TYPE(st) == IS_ARRAY) {
			HashTable *w = Z_ARRVAL(st);
			zend_long updated = long_of(w, "updated");
			zval *running = zend_hash_str_find(w, "running", 7);
			bool alive = running && Z_TYPE_P(running) == IS_TRUE && now - updated < WORKER_GONE_S;
			if (!alive && updated > 0 && now - updated > STATUS_KEPT_S) {
				unlink(ZSTR_VAL(file)); /* too old to count */
			} else {
				handled += long_of(w, "handled");
				failed += long_of(w, "failed");
				if (long_of(w, "day") == today) {
					day_handled += long_of(w, "day_handled");
					day_failed += long_of(w, "day_failed");
				}
				zval *rows = zend_hash_str_find(w, "minutes", 7), *row;
				if (rows && Z_TYPE_P(rows) == IS_ARRAY) {
					ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(rows), row) {
						if (Z_TYPE_P(row) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(row)) == 3) {
							zval *t = zend_hash_index_find(Z_ARRVAL_P(row), 0), *h = zend_hash_index_find(Z_ARRVAL_P(row), 1), *f = zend_hash_index_find(Z_ARRVAL_P(row), 2);
							if (t && h && f && Z_TYPE_P(t) == IS_LONG && Z_LVAL_P(t) >= first_minute && Z_LVAL_P(t) <= now) {
								zend_long i = (Z_LVAL_P(t) - first_minute) / 60;
								minutes[i][0] += zval_get_long(h);
								minutes[i][1] += zval_get_long(f);
							}
						}
					} ZEND_HASH_FOREACH_END();
				}
				if (alive) {
					zval entry;
					array_init(&entry);
					static const char *const keys[] = { "host", "pid", "transports", "since", "handled", "failed", "memory", "updated" };
					for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
						zval *v = zend_hash_str_find(w, keys[i], strlen(keys[i]));
						if (v) {
							Z_TRY_ADDREF_P(v);
							add_assoc_zval(&entry, keys[i], v);
						}
					}
					add_assoc_bool(&entry, "running", true);
					add_next_index_zval(&workers, &entry);
				}
			}
		}
		zval_ptr_dtor(&st);
		zend_string_release(file);
	}
	if (dir) {
		closedir(dir);
	}
	add_rate(stats, "today", day_handled, day_failed);
	add_rate(stats, "overall", handled, failed);
	zval series;
	array_init(&series);
	for (int i = 0; i < 60; i++) {
		zval p;
		array_init(&p);
		add_assoc_long(&p, "t", first_minute + i * 60);
		add_assoc_long(&p, "handled", minutes[i][0]);
		add_assoc_long(&p, "failed", minutes[i][1]);
		add_next_index_zval(&series, &p);
	}
	add_assoc_zval(stats, "series", &series);
	add_assoc_zval(stats, "workers", &workers);
}

static void api_stats(php_messenger_dashboard *d, dash_response *res)
{
	zval stats, list;
	array_init(&stats);
	add_assoc_long(&stats, "time", (zend_long) time(NULL));
	array_init(&list);
	HashTable *transports = php_messenger_messenger_transports(d->messenger);
	HashTable counted;
	zend_hash_init(&counted, 8, NULL, NULL, 0);
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(transports, name) {
		zval row, v;
		array_init(&row);
		add_assoc_str(&row, "name", zend_string_copy(name));
		count_into(d, &counted, name, &v);
		add_assoc_zval(&row, "waiting", &v);
		zend_string *f = failure_of(d, name);
		count_into(d, &counted, f, &v);
		add_assoc_zval(&row, "failed", &v);
		if (f) {
			add_assoc_str(&row, "failure_transport", zend_string_copy(f));
		} else {
			add_assoc_null(&row, "failure_transport");
		}
		add_assoc_bool(&row, "is_failure", is_failure(d, name));
		add_next_index_zval(&list, &row);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&counted);
	add_assoc_zval(&stats, "transports", &list);
	workers_into(d, &stats);
	send_json(res, 200, &stats);
	zval_ptr_dtor(&stats);
}
/* }}} */

/* {{{ the failed messages */
static zend_string *when_failed(zend_object *e)
{
	return php_messenger_console_failed_at(e, "Y-m-d\\TH:i:sP");
}

/* the summary of a failed message in a list */
static void summary_into(zend_object *e, zend_string *transport, zval *out)
{
	array_init(out);
	add_assoc_str(out, "id", php_messenger_console_id_text(e));
	add_assoc_str(out, "transport", zend_string_copy(transport));
	add_assoc_str(out, "class", zend_string_copy(Z_OBJCE_P(php_messenger_envelope_message(e))->name));
	zend_string *at = when_failed(e);
	add_assoc_str(out, "failed_at", at);
	zend_object *error = php_messenger_envelope_last(e, php_messenger_ce_ErrorDetailsStamp);
	if (error) {
		add_assoc_str(out, "error", zval_get_string(php_messenger_stamp_prop(error, 2)));
		add_assoc_str(out, "error_class", zval_get_string(php_messenger_stamp_prop(error, 0)));
		zval *code = php_messenger_stamp_prop(error, 1);
		Z_TRY_ADDREF_P(code);
		add_assoc_zval(out, "error_code", code);
	} else {
		add_assoc_string(out, "error", "");
		add_assoc_string(out, "error_class", "");
		add_assoc_long(out, "error_code", 0);
	}
	HashTable *history = php_messenger_envelope_list(e, php_messenger_ce_ErrorDetailsStamp);
	add_assoc_long(out, "retries", history ? zend_hash_num_elements(history) : 0);
}

static bool matches(zval *item, zend_string *cls, zend_string *q, zend_string *since, zend_string *until)
{
	HashTable *h = Z_ARRVAL_P(item);
	zval *c = zend_hash_str_find(h, "class", 5), *at = zend_hash_str_find(h, "failed_at", 9);
	if (cls && !zend_string_equals(Z_STR_P(c), cls)) {
		return false;
	}
	/* the date part of failed_at (Y-m-d) compares as text */
	if (since && (Z_STRLEN_P(at) < 10 || strncmp(Z_STRVAL_P(at), ZSTR_VAL(since), 10) < 0)) {
		return false;
	}
	if (until && (Z_STRLEN_P(at) < 10 || strncmp(Z_STRVAL_P(at), ZSTR_VAL(until), 10) > 0)) {
		return false;
	}
	if (q) {
		zval *err = zend_hash_str_find(h, "error", 5), *ecls = zend_hash_str_find(h, "error_class", 11);
		return php_memnistr(Z_STRVAL_P(err), ZSTR_VAL(q), ZSTR_LEN(q), Z_STRVAL_P(err) + Z_STRLEN_P(err))
			|| php_memnistr(Z_STRVAL_P(ecls), ZSTR_VAL(q), ZSTR_LEN(q), Z_STRVAL_P(ecls) + Z_STRLEN_P(ecls));
	}
	return true;
}

static void api_failed(php_messenger_dashboard *d, const dash_request *req, dash_response *res)
{
	zval failures, items, classes;
	listable_failures(d, &failures);
	zend_string *only = query_param(req, "transport"), *cls = query_param(req, "class"), *q = query_param(req, "q");
	zend_string *since = query_param(req, "since"), *until = query_param(req, "until"), *page_s = query_param(req, "page");
	zend_long page = page_s ? ZEND_STRTOL(ZSTR_VAL(page_s), NULL, 10) : 1;
	page = page < 1 ? 1 : page > 1000000 ? 1000000 : page;
	array_init(&items);
	array_init(&classes);
	zend_long total = 0, from = (page - 1) * d->page_size;
	bool ok = true;
	zend_string *name;
	ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(failures), name) {
		if (only && !zend_string_equals(only, name)) {
			continue;
		}
		php_messenger_transport *t = php_messenger_messenger_transport(d->messenger, name);
		zval all, *e;
		if (!t->ops->all(t, LIST_MAX, &all)) {
			ok = false;
			break;
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(all), e) {
			zval item;
			summary_into(Z_OBJ_P(e), name, &item);
			zend_string *c = Z_STR_P(zend_hash_str_find(Z_ARRVAL(item), "class", 5));
			if (!zend_hash_exists(Z_ARRVAL(classes), c)) {
				add_assoc_bool_ex(&classes, ZSTR_VAL(c), ZSTR_LEN(c), true);
			}
			if (matches(&item, cls, q, since, until) && total++ >= from && total <= from + d->page_size) {
				add_next_index_zval(&items, &item);
			} else {
				zval_ptr_dtor(&item);
			}
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&all);
	} ZEND_HASH_FOREACH_END();
	if (!ok) {
		send_exception(res);
	} else {
		zval data;
		array_init(&data);
		add_assoc_zval(&data, "items", &items);
		add_assoc_long(&data, "page", page);
		add_assoc_long(&data, "pages", total ? (total + d->page_size - 1) / d->page_size : 1);
		add_assoc_long(&data, "total", total);
		zval list;
		array_init(&list);
		ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(classes), name) {
			add_next_index_str(&list, zend_string_copy(name));
		} ZEND_HASH_FOREACH_END();
		add_assoc_zval(&data, "classes", &list);
		array_init(&list);
		ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(failures), name) {
			add_next_index_str(&list, zend_string_copy(name));
		} ZEND_HASH_FOREACH_END();
		add_assoc_zval(&data, "transports", &list);
		send_json(res, 200, &data);
		zval_ptr_dtor(&data);
		ZVAL_UNDEF(&items);
	}
	zval_ptr_dtor(&items);
	zval_ptr_dtor(&classes);
	zval_ptr_dtor(&failures);
	zend_string *params[] = { only, cls, q, since, until, page_s };
	for (size_t i = 0; i < sizeof(params) / sizeof(params[0]); i++) {
		if (params[i]) {
			zend_string_release(params[i]);
		}
	}
}

/* The failed message of id in the failure transport the query names (or the only one): false
 * with the response sent when there is none. */
static bool find_failed(php_messenger_dashboard *d, const dash_request *req, zend_string *id, dash_response *res,
	const php_messenger_transport **t, zend_string **name, zval *found)
{
	zval failures;
	listable_failures(d, &failures);
	*name = query_param(req, "transport");
	if (!*name && zend_hash_num_elements(Z_ARRVAL(failures)) == 1) {
		zend_string *only;
		zend_hash_get_current_key(Z_ARRVAL(failures), &only, NULL);
		*name = zend_string_copy(only);
	}
	bool known = *name && zend_hash_exists(Z_ARRVAL(failures), *name);
	zval_ptr_dtor(&failures);
	if (!known) {
		send_error(res, 404, *name ? "\"%s\" is not a failure transport that can list its messages" : "Name the failure transport: ?transport=",
			*name ? ZSTR_VAL(*name) : "");
		return false;
	}
	*t = php_messenger_messenger_transport(d->messenger, *name);
	zval key;
	char *end;
	long long n = strtoll(ZSTR_VAL(id), &end, 10);
	if (ZSTR_LEN(id) && !*end) {
		ZVAL_LONG(&key, (zend_long) n);
	} else {
		ZVAL_STR_COPY(&key, id);
	}
	bool ok = (*t)->ops->find(*t, &key, found);
	zval_ptr_dtor(&key);
	if (!ok) {
		send_exception(res);
		return false;
	}
	if (Z_TYPE_P(found) != IS_OBJECT) {
		zval_ptr_dtor(found);
		send_error(res, 404, "The message \"%s\" is not in the failure transport \"%s\"", ZSTR_VAL(id), ZSTR_VAL(*name));
		return false;
	}
	return true;
}

static void api_failed_one(php_messenger_dashboard *d, const dash_request *req, zend_string *id, dash_response *res)
{
	const php_messenger_transport *t;
	zend_string *name;
	zval e;
	if (find_failed(d, req, id, res, &t, &name, &e)) {
		zval item, stamps;
		summary_into(Z_OBJ(e), name, &item);
		array_init(&stamps);
		zval *all = PHP_MESSENGER_PROP(Z_OBJ(e), PHP_MESSENGER_ENVELOPE_STAMPS), *list, *stamp;
		ZEND_HASH_FOREACH_VAL(Z_TYPE_P(all) == IS_ARRAY ? Z_ARRVAL_P(all) : (HashTable *) &zend_empty_array, list) {
			if (Z_TYPE_P(list) != IS_ARRAY) {
				continue;
			}
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(list), stamp) {
				zval row;
				array_init(&row);
				add_assoc_str(&row, "class", zend_string_copy(Z_OBJCE_P(stamp)->name));
				add_assoc_str(&row, "text", zend_print_zval_r_to_str(stamp, 0));
				add_next_index_zval(&stamps, &row);
			} ZEND_HASH_FOREACH_END();
		} ZEND_HASH_FOREACH_END();
		add_assoc_zval(&item, "stamps", &stamps);
		/* ErrorDetailsStamp keeps the class, code and message of the error, as Symfony's without
		 * symfony/error-handler: no trace */
		add_assoc_null(&item, "trace");
		add_assoc_str(&item, "payload", zend_print_zval_r_to_str(php_messenger_envelope_message(Z_OBJ(e)), 0));
		send_json(res, 200, &item);
		zval_ptr_dtor(&item);
		zval_ptr_dtor(&e);
	}
	if (name) {
		zend_string_release(name);
	}
}

/* retry: a copy goes back to the transport it failed on (the workers handle it), then it leaves
 * the failure transport; remove: it leaves */
static void api_failed_act(php_messenger_dashboard *d, const dash_request *req, zend_string *id, bool retry, dash_response *res)
{
	const php_messenger_transport *t;
	zend_string *name;
	zval e;
	if (!find_failed(d, req, id, res, &t, &name, &e)) {
		if (name) {
			zend_string_release(name);
		}
		return;
	}
	zval data;
	array_init(&data);
	bool ok = true;
	if (retry) {
		zend_object *sent = php_messenger_envelope_last(Z_OBJ(e), php_messenger_ce_SentToFailureTransportStamp);
		zend_string *origin = sent ? Z_STR_P(php_messenger_stamp_prop(sent, 0)) : NULL;
		php_messenger_transport *to = origin ? php_messenger_messenger_transport(d->messenger, origin) : NULL;
		if (!to || Z_OBJCE_P(php_messenger_envelope_message(Z_OBJ(e))) == php_messenger_ce_UndecodableMessage) {
			send_error(res, 409, origin && !to ? "The message \"%s\" failed on the transport \"%s\", which is not configured: it stays"
				: "The message \"%s\" names no transport it came from (or cannot be decoded): it stays", ZSTR_VAL(id), origin ? ZSTR_VAL(origin) : "");
			ok = false;
		} else {
			zend_object *copy = php_messenger_worker_resend_copy(Z_OBJ(e));
			copy = php_messenger_envelope_without(copy, php_messenger_ce_SentToFailureTransportStamp->name);
			copy = php_messenger_envelope_without(copy, php_messenger_ce_DelayStamp->name);
			zend_object *back = php_messenger_transport_send(to, copy);
			if (!back) {
				send_exception(res);
				ok = false;
			} else {
				OBJ_RELEASE(back);
				add_assoc_str(&data, "sent_to", zend_string_copy(origin));
			}
		}
	}
	if (ok && !php_messenger_transport_settle(t, Z_OBJ(e), false)) {
		if (retry) {
			/* sent back, still here: it may be handled twice (at least once, never lost) */
			zend_object *ex;
			zval rv;
			php_messenger_take_exception(&ex);
			zval *msg = ex ? php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv) : NULL;
			send_error(res, 500, "The message \"%s\" was sent back but could not be removed from the failure transport: %s",
				ZSTR_VAL(id), msg && Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "unknown error");
			if (ex) {
				OBJ_RELEASE(ex);
			}
		} else {
			send_exception(res);
		}
		ok = false;
	}
	if (ok) {
		add_assoc_bool(&data, "ok", true);
		send_json(res, 200, &data);
	}
	zval_ptr_dtor(&data);
	zval_ptr_dtor(&e);
	zend_string_release(name);
}
/* }}} */

/* {{{ the page */
static void page(php_messenger_dashboard *d, const dash_request *req, dash_response *res)
{
	/* the CSRF token: the cookie's, or a new one */
	zend_string *csrf = req->cookie ? param(ZSTR_VAL(req->cookie), ZSTR_LEN(req->cookie), "messenger_csrf", ';') : NULL;
	if (!csrf || ZSTR_LEN(csrf) != 32 || strspn(ZSTR_VAL(csrf), "0123456789abcdef") != 32) {
		if (csrf) {
			zend_string_release(csrf);
		}
		csrf = php_messenger_random_hex("", 16);
	}
	zend_string *nonce = csrf ? php_messenger_random_hex("", 16) : NULL;
	if (!nonce) {
		zend_clear_exception();
		if (csrf) {
			zend_string_release(csrf);
		}
		send_error(res, 500, "No random bytes for the page's CSRF token and nonce");
		return;
	}
	zend_string *base = php_escape_html_entities((unsigned char *) ZSTR_VAL(d->base), ZSTR_LEN(d->base), 0, ENT_QUOTES | ENT_HTML5, NULL);
	const char *html = php_messenger_dashboard_html;
	const char *marks[] = { "{{BASE}}", "{{CSRF}}", "<script>" };
	for (;;) {
		const char *next = NULL;
		int which = -1;
		for (int i = 0; i < 3; i++) {
			const char *at = strstr(html, marks[i]);
			if (at && (!next || at < next)) {
				next = at;
				which = i;
			}
		}
		if (!next) {
			smart_str_appends(&res->body, html);
			break;
		}
		smart_str_appendl(&res->body, html, (size_t) (next - html));
		if (which == 0) {
			smart_str_append(&res->body, base);
		} else if (which == 1) {
			smart_str_append(&res->body, csrf);
		} else {
			smart_str_appends(&res->body, "<script nonce=\"");
			smart_str_append(&res->body, nonce);
			smart_str_appends(&res->body, "\">");
		}
		html = next + strlen(marks[which]);
	}
	res->status = 200;
	res->type = "text/html; charset=utf-8";
	smart_str policy = { 0 };
	smart_str_append_printf(&policy, "default-src 'none'; script-src 'nonce-%s'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'", ZSTR_VAL(nonce));
	smart_str_0(&policy);
	header_line(res, "Content-Security-Policy", ZSTR_VAL(policy.s));
	smart_str_free(&policy);
	smart_str cookie = { 0 };
	smart_str_append_printf(&cookie, "messenger_csrf=%s; Path=%s; SameSite=Strict; HttpOnly", ZSTR_VAL(csrf), ZSTR_VAL(d->base));
	smart_str_0(&cookie);
	header_line(res, "Set-Cookie", ZSTR_VAL(cookie.s));
	smart_str_free(&cookie);
	header_line(res, "Cache-Control", "no-store");
	zend_string_release(base);
	zend_string_release(csrf);
	zend_string_release(nonce);
}
/* }}} */

/* {{{ routing */
/* Host: 127.x.x.x, [::1] or localhost, with or without a port */
static bool loopback_host(const zend_string *host)
{
	if (!host) {
		return false;
	}
	const char *h = ZSTR_VAL(host);
	size_t n = ZSTR_LEN(host);
	const char *colon = h[0] == '[' ? (memchr(h, ']', n) ? (const char *) memchr(h, ']', n) + 1 : NULL) : memchr(h, ':', n);
	size_t name = colon ? (size_t) (colon - h) : n;
	if (colon && *colon == ':' && strspn(colon + 1, "0123456789") != n - name - 1) {
		return false;
	}
	if (colon && *colon != ':' && colon != h + n) {
		return false;
	}
	if ((name == 9 && strncasecmp(h, "localhost", 9) == 0) || (name == 5 && memcmp(h, "[::1]", 5) == 0)) {
		return true;
	}
	/* 127.a.b.c, digits and dots only */
	return name >= 7 && name <= 15 && strncmp(h, "127.", 4) == 0 && strspn(h, "0123456789.") >= name;
}

static void dispatch(php_messenger_dashboard *d, const dash_request *req, dash_response *res)
{
	header_line(res, "X-Content-Type-Options", "nosniff");
	header_line(res, "Referrer-Policy", "no-referrer");
	header_line(res, "X-Frame-Options", "DENY");
	size_t blen = ZSTR_LEN(d->base);
	bool at_base = req->path_len == blen - 1 && memcmp(req->path, ZSTR_VAL(d->base), blen - 1) == 0;
	if (!at_base && (req->path_len < blen || memcmp(req->path, ZSTR_VAL(d->base), blen) != 0)) {
		send_error(res, 404, "Not found");
		return;
	}
	/* without a token, only a page asked for by a loopback name: another site whose name is made to
	 * point at 127.0.0.1 (DNS rebinding) would be of the same origin as the page */
	if (!d->token && !loopback_host(req->host)) {
		send_error(res, 403, "Without a token the dashboard answers only requests to 127.0.0.1, [::1] or localhost: give it a token");
		return;
	}
	/* the token: a header, a cookie, or the query (then kept in a cookie) */
	bool set_cookie = false;
	if (d->token) {
		zend_string *given = NULL;
		if (req->authorization && ZSTR_LEN(req->authorization) > 7 && strncasecmp(ZSTR_VAL(req->authorization), "Bearer ", 7) == 0) {
			given = zend_string_init(ZSTR_VAL(req->authorization) + 7, ZSTR_LEN(req->authorization) - 7, 0);
		} else if ((given = query_param(req, "token"))) {
			set_cookie = true;
		} else if (req->cookie) {
			given = param(ZSTR_VAL(req->cookie), ZSTR_LEN(req->cookie), "messenger_token", ';');
		}
		bool ok = same_secret(d->token, given);
		if (given) {
			zend_string_release(given);
		}
		if (!ok) {
			send_error(res, 401, "This dashboard needs its token: open it with ?token=... or send Authorization: Bearer ...");
			return;
		}
	}
	const char *rest = at_base ? "" : req->path + blen;
	size_t rlen = at_base ? 0 : req->path_len - blen;
	bool post = strcmp(req->method, "POST") == 0;
	if (rlen == 0) {
		if (post) {
			send_error(res, 405, "The page is read with GET");
			return;
		}
		page(d, req, res);
		if (set_cookie) {
			smart_str cookie = { 0 };
			smart_str_append_printf(&cookie, "messenger_token=%s; Path=%s; SameSite=Strict; HttpOnly", ZSTR_VAL(d->token), ZSTR_VAL(d->base));
			smart_str_0(&cookie);
			header_line(res, "Set-Cookie", ZSTR_VAL(cookie.s));
			smart_str_free(&cookie);
		}
		return;
	}
	if (post) {
		/* the page's CSRF token, as its cookie and as a header */
		zend_string *cookie = req->cookie ? param(ZSTR_VAL(req->cookie), ZSTR_LEN(req->cookie), "messenger_csrf", ';') : NULL;
		bool ok = same_secret(cookie, req->csrf);
		if (cookie) {
			zend_string_release(cookie);
		}
		if (!ok) {
			send_error(res, 403, "Missing or wrong CSRF token: reload the page");
			return;
		}
	}
	if (rlen == 9 && memcmp(rest, "api/stats", 9) == 0 && !post) {
		api_stats(d, res);
		return;
	}
	if (rlen == 10 && memcmp(rest, "api/failed", 10) == 0 && !post) {
		api_failed(d, req, res);
		return;
	}
	if (rlen > 11 && memcmp(rest, "api/failed/", 11) == 0) {
		const char *id = rest + 11, *slash = memchr(id, '/', rlen - 11);
		size_t idlen = slash ? (size_t) (slash - id) : rlen - 11;
		const char *action = slash ? slash + 1 : NULL;
		size_t alen = slash ? rlen - 11 - idlen - 1 : 0;
		zend_string *decoded = zend_string_init(id, idlen, 0);
		ZSTR_LEN(decoded) = php_raw_url_decode(ZSTR_VAL(decoded), ZSTR_LEN(decoded));
		if (idlen && !action && !post) {
			api_failed_one(d, req, decoded, res);
		} else if (idlen && action && post && alen == 5 && memcmp(action, "retry", 5) == 0) {
			api_failed_act(d, req, decoded, true, res);
		} else if (idlen && action && post && alen == 6 && memcmp(action, "remove", 6) == 0) {
			api_failed_act(d, req, decoded, false, res);
		} else {
			send_error(res, post || action ? 405 : 404, "Not found");
		}
		zend_string_release(decoded);
		return;
	}
	send_error(res, 404, "Not found");
}

static void response_free(dash_response *res)
{
	smart_str_free(&res->headers);
	smart_str_free(&res->body);
}
/* }}} */

/* {{{ Messenger\Dashboard */
static zend_object *dashboard_create(zend_class_entry *ce)
{
	php_messenger_dashboard *d = zend_object_alloc(sizeof(php_messenger_dashboard), ce);
	zend_object_std_init(&d->std, ce);
	object_properties_init(&d->std, ce);
	d->std.handlers = &dashboard_handlers;
	return &d->std;
}

static void dashboard_free(zend_object *obj)
{
	php_messenger_dashboard *d = dashboard_from(obj);
	if (d->messenger) {
		OBJ_RELEASE(d->messenger);
	}
	zend_string *strings[] = { d->base, d->token, d->status_dir };
	for (size_t i = 0; i < 3; i++) {
		if (strings[i]) {
			zend_string_release(strings[i]);
		}
	}
	zend_object_std_dtor(obj);
}

static HashTable *dashboard_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_dashboard *d = dashboard_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	if (d->messenger) {
		zend_get_gc_buffer_add_obj(buf, d->messenger);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static const char *const dashboard_keys[] = { "path", "token", "status_dir", "page_size", NULL };

/* false with an exception */
static bool dashboard_init(php_messenger_dashboard *d, zend_object *messenger, HashTable *options)
{
	zend_string *unknown;
	if (options && php_messenger_find_unknown_key(options, dashboard_keys, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown dashboard option \"%s\" (known: path, token, status_dir, page_size)", unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return false;
	}
	zval *v;
	zend_string *path = NULL, *token = NULL, *dir = NULL;
	zend_long size = 20;
	if (options && (v = zend_hash_str_find_deref(options, "path", 4)) && Z_TYPE_P(v) != IS_NULL) {
		/* it goes into a cookie's Path and the page: letters, digits and "/-._~" only */
		if (Z_TYPE_P(v) != IS_STRING || Z_STRVAL_P(v)[0] != '/' || strspn(Z_STRVAL_P(v), "/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") != Z_STRLEN_P(v)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The dashboard option \"path\" must be a URL path starting with \"/\" (letters, digits and \"/-._~\")");
			return false;
		}
		path = Z_STR_P(v);
	}
	if (options && (v = zend_hash_str_find_deref(options, "token", 5)) && Z_TYPE_P(v) != IS_NULL) {
		if (Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) < 16 || strspn(Z_STRVAL_P(v), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") != Z_STRLEN_P(v)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The dashboard option \"token\" must be at least 16 characters of A-Z, a-z, 0-9, \"-._~\"");
			return false;
		}
		token = Z_STR_P(v);
	}
	if (options && (v = zend_hash_str_find_deref(options, "status_dir", 10)) && Z_TYPE_P(v) != IS_NULL) {
		if (Z_TYPE_P(v) != IS_STRING) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The dashboard option \"status_dir\" must be a directory name");
			return false;
		}
		dir = Z_STR_P(v);
	}
	if (options && (v = zend_hash_str_find_deref(options, "page_size", 9)) && Z_TYPE_P(v) != IS_NULL) {
		if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < 1 || Z_LVAL_P(v) > 1000) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The dashboard option \"page_size\" must be an integer from 1 to 1000");
			return false;
		}
		size = Z_LVAL_P(v);
	}
	GC_ADDREF(messenger);
	d->messenger = messenger;
	if (!path) {
		d->base = zend_string_init("/", 1, 0);
	} else if (ZSTR_VAL(path)[ZSTR_LEN(path) - 1] == '/') {
		d->base = zend_string_copy(path);
	} else {
		d->base = zend_string_concat2(ZSTR_VAL(path), ZSTR_LEN(path), "/", 1);
	}
	d->token = token ? zend_string_copy(token) : NULL;
	d->status_dir = dir ? zend_string_copy(dir) : php_messenger_console_status_dir(messenger);
	d->page_size = size;
	return true;
}

ZEND_METHOD(Messenger_Dashboard, __construct)
{
	zend_object *messenger;
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(messenger, php_messenger_ce_Messenger)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_dashboard *d = dashboard_from(Z_OBJ_P(ZEND_THIS));
	if (d->messenger) {
		zend_throw_error(NULL, "Messenger\\Dashboard is already constructed");
		RETURN_THROWS();
	}
	if (!dashboard_init(d, messenger, options)) {
		RETURN_THROWS();
	}
}

static php_messenger_dashboard *constructed(zval *this_ptr)
{
	php_messenger_dashboard *d = dashboard_from(Z_OBJ_P(this_ptr));
	if (!d->messenger) {
		zend_throw_error(NULL, "Messenger\\Dashboard was not constructed");
		return NULL;
	}
	return d;
}

/* one request through dispatch(); the response as handle() returns it */
static void handle_into(php_messenger_dashboard *d, dash_request *req, zval *return_value)
{
	dash_response res = { 200, NULL, { 0 }, { 0 } };
	dispatch(d, req, &res);
	smart_str_0(&res.headers);
	smart_str_0(&res.body);
	array_init(return_value);
	add_assoc_long(return_value, "status", res.status);
	zval headers;
	array_init(&headers);
	if (res.type) {
		add_assoc_string(&headers, "Content-Type", (char *) res.type);
	}
	if (res.headers.s) {
		/* the lines as name => value; Set-Cookie may come twice: the values joined as a list */
		const char *p = ZSTR_VAL(res.headers.s), *end = p + ZSTR_LEN(res.headers.s);
		while (p < end) {
			const char *eol = strstr(p, "\r\n"), *colon = memchr(p, ':', (size_t) (eol - p));
			zend_string *name = zend_string_init(p, (size_t) (colon - p), 0);
			zval value, *had;
			ZVAL_STRINGL(&value, colon + 2, (size_t) (eol - colon - 2));
			if ((had = zend_hash_find(Z_ARRVAL(headers), name))) {
				if (Z_TYPE_P(had) != IS_ARRAY) {
					zval list;
					array_init(&list);
					add_next_index_zval(&list, had);
					ZVAL_COPY_VALUE(had, &list);
				}
				add_next_index_zval(had, &value);
			} else {
				zend_hash_add_new(Z_ARRVAL(headers), name, &value);
			}
			zend_string_release(name);
			p = eol + 2;
		}
	}
	add_assoc_zval(return_value, "headers", &headers);
	add_assoc_str(return_value, "body", res.body.s ? zend_string_copy(res.body.s) : ZSTR_EMPTY_ALLOC());
	response_free(&res);
}

/* a header of handle()'s: a string, or a list of them (PSR-7's getHeaders(), Symfony's
 * HeaderBag::all()), joined as HTTP joins them (cookies with "; ") */
static zend_string *header_of(HashTable *headers, const char *name)
{
	zend_string *key;
	zval *v;
	ZEND_HASH_FOREACH_STR_KEY_VAL(headers, key, v) {
		if (!key || zend_binary_strcasecmp(ZSTR_VAL(key), ZSTR_LEN(key), name, strlen(name)) != 0) {
			continue;
		}
		ZVAL_DEREF(v);
		if (Z_TYPE_P(v) == IS_STRING) {
			return zend_string_copy(Z_STR_P(v));
		}
		if (Z_TYPE_P(v) == IS_ARRAY) {
			smart_str joined = { 0 };
			zval *item;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
				if (Z_TYPE_P(item) == IS_STRING) {
					if (joined.s) {
						smart_str_appends(&joined, strcasecmp(name, "Cookie") == 0 ? "; " : ", ");
					}
					smart_str_append(&joined, Z_STR_P(item));
				}
			} ZEND_HASH_FOREACH_END();
			smart_str_0(&joined);
			return joined.s;
		}
	} ZEND_HASH_FOREACH_END();
	return NULL;
}

static void request_from(dash_request *req, const char *method, const char *uri, size_t len)
{
	const char *q = memchr(uri, '?', len);
	req->method = method;
	req->path = uri;
	req->path_len = q ? (size_t) (q - uri) : len;
	req->query = q ? q + 1 : uri + len;
	req->query_len = q ? len - (size_t) (q - uri) - 1 : 0;
}

static void request_free(dash_request *req)
{
	zend_string *s[] = { req->cookie, req->authorization, req->csrf, req->host };
	for (int i = 0; i < 4; i++) {
		if (s[i]) {
			zend_string_release(s[i]);
		}
	}
}

ZEND_METHOD(Messenger_Dashboard, handle)
{
	zend_string *method, *uri, *body = NULL;
	HashTable *headers = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(method)
		Z_PARAM_STR(uri)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(headers)
		Z_PARAM_STR(body)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_dashboard *d = constructed(ZEND_THIS);
	if (!d) {
		RETURN_THROWS();
	}
	char m[8];
	size_t ml = ZSTR_LEN(method) < 7 ? ZSTR_LEN(method) : 7;
	for (size_t i = 0; i < ml; i++) {
		m[i] = (char) toupper((unsigned char) ZSTR_VAL(method)[i]);
	}
	m[ml] = '\0';
	if (ZSTR_LEN(uri) == 0 || ZSTR_VAL(uri)[0] != '/') {
		zend_argument_value_error(2, "must be a path starting with \"/\"");
		RETURN_THROWS();
	}
	dash_request req = { 0 };
	request_from(&req, m, ZSTR_VAL(uri), ZSTR_LEN(uri));
	if (headers) {
		req.cookie = header_of(headers, "Cookie");
		req.authorization = header_of(headers, "Authorization");
		req.csrf = header_of(headers, "X-CSRF-Token");
		req.host = header_of(headers, "Host");
	}
	handle_into(d, &req, return_value);
	request_free(&req);
}

static zend_string *server_var(HashTable *server, const char *name)
{
	zval *v = zend_hash_str_find(server, name, strlen(name));
	return v && Z_TYPE_P(v) == IS_STRING ? zend_string_copy(Z_STR_P(v)) : NULL;
}

ZEND_METHOD(Messenger_Dashboard, serve)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_messenger_dashboard *d = constructed(ZEND_THIS);
	if (!d) {
		RETURN_THROWS();
	}
	zend_is_auto_global_str(ZEND_STRL("_SERVER"));
	zval *sv = &PG(http_globals)[TRACK_VARS_SERVER];
	if (Z_TYPE_P(sv) != IS_ARRAY) {
		zend_throw_error(NULL, "Messenger\\Dashboard::serve() needs $_SERVER (a web request)");
		RETURN_THROWS();
	}
	HashTable *server = Z_ARRVAL_P(sv);
	zend_string *method = server_var(server, "REQUEST_METHOD"), *uri = server_var(server, "REQUEST_URI");
	if (!method || !uri || ZSTR_VAL(uri)[0] != '/') {
		if (method) {
			zend_string_release(method);
		}
		if (uri) {
			zend_string_release(uri);
		}
		zend_throw_error(NULL, "Messenger\\Dashboard::serve() needs REQUEST_METHOD and REQUEST_URI (a web request)");
		RETURN_THROWS();
	}
	dash_request req = { 0 };
	request_from(&req, ZSTR_VAL(method), ZSTR_VAL(uri), ZSTR_LEN(uri));
	req.cookie = server_var(server, "HTTP_COOKIE");
	req.authorization = server_var(server, "HTTP_AUTHORIZATION");
	req.csrf = server_var(server, "HTTP_X_CSRF_TOKEN");
	req.host = server_var(server, "HTTP_HOST");
	dash_response res = { 200, NULL, { 0 }, { 0 } };
	dispatch(d, &req, &res);
	request_free(&req);
	SG(sapi_headers).http_response_code = res.status;
	smart_str_0(&res.headers);
	if (res.type) {
		zend_string *line = zend_strpprintf(0, "Content-Type: %s", res.type);
		sapi_header_line ctr = { ZSTR_VAL(line), ZSTR_LEN(line), 0 };
		sapi_header_op(SAPI_HEADER_REPLACE, &ctr);
		zend_string_release(line);
	}
	if (res.headers.s) {
		const char *p = ZSTR_VAL(res.headers.s), *end = p + ZSTR_LEN(res.headers.s);
		while (p < end) {
			const char *eol = strstr(p, "\r\n");
			sapi_header_line ctr = { p, (size_t) (eol - p), 0 };
			sapi_header_op(strncasecmp(p, "Set-Cookie:", 11) == 0 ? SAPI_HEADER_ADD : SAPI_HEADER_REPLACE, &ctr);
			p = eol + 2;
		}
	}
	if (res.body.s && strcmp(ZSTR_VAL(method), "HEAD") != 0) {
		PHPWRITE(ZSTR_VAL(res.body.s), ZSTR_LEN(res.body.s));
	}
	response_free(&res);
	zend_string_release(method);
	zend_string_release(uri);
}
/* }}} */

/* {{{ messenger:dashboard */
static volatile sig_atomic_t dashboard_stop;

static void on_stop_signal(int signo)
{
	(void) signo;
	dashboard_stop = 1;
}

static void serve_one(void *ctx, const msgr_httpd_request_t *hr, msgr_httpd_response_t *out)
{
	php_messenger_dashboard *d = ctx;
	dash_request req = { 0 };
	req.method = hr->method;
	req.path = hr->path;
	req.path_len = hr->path_len;
	req.query = hr->query;
	req.query_len = hr->query_len;
	const char *v;
	size_t len;
	if ((v = msgr_httpd_header(hr, "Cookie", &len))) {
		req.cookie = zend_string_init(v, len, 0);
	}
	if ((v = msgr_httpd_header(hr, "Authorization", &len))) {
		req.authorization = zend_string_init(v, len, 0);
	}
	if ((v = msgr_httpd_header(hr, "X-CSRF-Token", &len))) {
		req.csrf = zend_string_init(v, len, 0);
	}
	if ((v = msgr_httpd_header(hr, "Host", &len))) {
		req.host = zend_string_init(v, len, 0);
	}
	dash_response res = { 200, NULL, { 0 }, { 0 } };
	dispatch(d, &req, &res);
	request_free(&req);
	out->status = res.status;
	out->type = res.type;
	if (res.headers.s) {
		msgr_buf_append(&out->headers, ZSTR_VAL(res.headers.s), ZSTR_LEN(res.headers.s));
	}
	if (res.body.s) {
		msgr_buf_append(&out->body, ZSTR_VAL(res.body.s), ZSTR_LEN(res.body.s));
	}
	response_free(&res);
	if (EG(exception)) {
		zend_clear_exception(); /* answered as an error already; the server goes on */
	}
}

int php_messenger_console_dashboard(zend_object *messenger, const char *listen, const char *token, const char *path)
{
	const char *address = listen ? listen : "127.0.0.1:8080";
	php_messenger_dashboard d = { 0 };
	zval options;
	array_init(&options);
	if (token) {
		add_assoc_string(&options, "token", (char *) token);
	}
	if (path) {
		add_assoc_string(&options, "path", (char *) path);
	}
	bool ok = dashboard_init(&d, messenger, Z_ARRVAL(options));
	zval_ptr_dtor(&options);
	if (!ok) {
		return 1; /* the exception says why */
	}
	msgr_error_t err;
	msgr_httpd_t *s = msgr_httpd_listen(address, &err);
	int code = 0;
	const char *bound = s ? msgr_httpd_address(s) : "";
	if (!s) {
		fprintf(stderr, "%s\n", err.message);
		code = 1;
	} else if (!token && strncmp(bound, "127.", 4) != 0 && strncmp(bound, "[::1]:", 6) != 0) {
		/* decided on the address bound, whatever name was given */
		fprintf(stderr, "The dashboard listens on %s, beyond this machine: pass --token (at least 16 characters) so that only those who know it get in.\n", address);
		msgr_httpd_free(s);
		code = 2;
	} else {
		fprintf(stderr, "[OK] The dashboard is on http://%s%s (Ctrl-C stops it).\n", msgr_httpd_address(s), ZSTR_VAL(d.base));
		struct sigaction act, old_term, old_int;
		memset(&act, 0, sizeof(act));
		act.sa_handler = on_stop_signal;
		sigemptyset(&act.sa_mask);
		dashboard_stop = 0;
		sigaction(SIGTERM, &act, &old_term);
		sigaction(SIGINT, &act, &old_int);
		while (!dashboard_stop) {
			msgr_httpd_serve(s, 250, serve_one, &d);
		}
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGINT, &old_int, NULL);
		msgr_httpd_free(s);
	}
	OBJ_RELEASE(d.messenger);
	zend_string_release(d.base);
	zend_string_release(d.status_dir);
	if (d.token) {
		zend_string_release(d.token);
	}
	return code;
}
/* }}} */

void php_messenger_register_dashboard(void)
{
	php_messenger_ce_Dashboard = register_class_Messenger_Dashboard();
	php_messenger_ce_Dashboard->create_object = dashboard_create;
	memcpy(&dashboard_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	dashboard_handlers.offset = XtOffsetOf(php_messenger_dashboard, std);
	dashboard_handlers.free_obj = dashboard_free;
	dashboard_handlers.get_gc = dashboard_get_gc;
	dashboard_handlers.clone_obj = NULL;
}
