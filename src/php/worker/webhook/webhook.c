/* Messenger\Webhook\*: WebhookMessage (one delivery of one body to one endpoint), WebhookResult
 * (what one attempt gave), the exceptions of a failed attempt, and WebhookHandler, the native
 * batch handler: the messages a worker hands it run as concurrent requests on the core's HTTP
 * multi handle (core/http), each settled through its Acknowledger when its response comes. */
#include "php/worker/worker.h"
#include "core/http/http.h"
#include "core/http/webhook.h"
#include "ext/json/php_json.h"
#include "ext/standard/url.h"
#if PHP_VERSION_ID >= 80200
#include "ext/random/php_random.h"
#else
#include "ext/standard/php_random.h"
#endif
#include "zend_exceptions.h"
#include "zend_attributes.h"
#include "php_messenger.h"
#include "webhook_arginfo.h"

#include <strings.h>
#include <time.h>

zend_class_entry *php_messenger_ce_WebhookMessage;
zend_class_entry *php_messenger_ce_WebhookResult;
zend_class_entry *php_messenger_ce_WebhookHandler;
static zend_class_entry *ce_WebhookExceptionInterface;
static zend_class_entry *ce_RetryableWebhookException;
static zend_class_entry *ce_UnrecoverableWebhookException;
static zend_class_entry *ce_EndpointGoneException;

/* the properties, in their declaration order */
enum { M_URL, M_BODY, M_HEADERS, M_SECRET, M_METHOD, M_ID, M_EVENT };
enum { R_URL, R_ID, R_EVENT, R_STATUS, R_DURATION, R_ATTEMPT, R_HEADERS, R_BODY, R_ERROR };

/* {{{ WebhookMessage */
static bool header_text_ok(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\r' || s[i] == '\n' || s[i] == '\0') {
			return false;
		}
	}
	return true;
}

static bool token_ok(zend_string *s)
{
	if (ZSTR_LEN(s) == 0) {
		return false;
	}
	for (size_t i = 0; i < ZSTR_LEN(s); i++) {
		unsigned char c = (unsigned char) ZSTR_VAL(s)[i];
		if (c <= 32 || c >= 127 || strchr("()<>@,;:\\\"/[]?={}", c)) {
			return false;
		}
	}
	return true;
}

/* "msg_" and 32 hex digits: unique, and the same for every attempt */
static zend_string *new_id(void)
{
	return php_messenger_random_hex("msg_", 16);
}

/* Whether the parts make a message that can be sent; else false with an exception of class ce
 * naming what is wrong. The constructor asks, and so does the handler of a message that came
 * out of a transport (unserialize() does not construct). */
static bool parts_ok(zend_class_entry *ce, zval *url, zval *body, zval *headers, zval *secret, zval *method, zval *id, zval *event)
{
	if (Z_TYPE_P(url) != IS_STRING || !(strncasecmp(Z_STRVAL_P(url), "http://", 7) == 0 || strncasecmp(Z_STRVAL_P(url), "https://", 8) == 0)
			|| Z_STRLEN_P(url) > 8192 || !header_text_ok(Z_STRVAL_P(url), Z_STRLEN_P(url)) || memchr(Z_STRVAL_P(url), ' ', Z_STRLEN_P(url))) {
		php_messenger_throw(ce, "A webhook URL must be an http:// or https:// URL without spaces or line breaks");
		return false;
	}
	if (Z_TYPE_P(body) != IS_STRING) {
		php_messenger_throw(ce, "A webhook body must be a string");
		return false;
	}
	if (Z_TYPE_P(method) != IS_STRING || !token_ok(Z_STR_P(method))) {
		php_messenger_throw(ce, "The webhook method \"%s\" is not an HTTP method", Z_TYPE_P(method) == IS_STRING ? Z_STRVAL_P(method) : "");
		return false;
	}
	if (Z_TYPE_P(headers) != IS_ARRAY) {
		php_messenger_throw(ce, "Webhook headers must be an array");
		return false;
	}
	zend_string *name;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), name, value) {
		ZVAL_DEREF(value);
		if (!name || !token_ok(name) || Z_TYPE_P(value) != IS_STRING || !header_text_ok(Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			php_messenger_throw(ce, "Webhook headers must be name => string value, without line breaks (\"%s\")", name ? ZSTR_VAL(name) : "(integer key)");
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	if (Z_TYPE_P(id) != IS_STRING || Z_STRLEN_P(id) == 0 || Z_STRLEN_P(id) > 256 || !header_text_ok(Z_STRVAL_P(id), Z_STRLEN_P(id))) {
		php_messenger_throw(ce, "A webhook id must be 1 to 256 characters without line breaks");
		return false;
	}
	if (Z_TYPE_P(secret) != IS_NULL && (Z_TYPE_P(secret) != IS_STRING || Z_STRLEN_P(secret) == 0)) {
		php_messenger_throw(ce, "A webhook secret must not be empty (null: no signature)");
		return false;
	}
	if (Z_TYPE_P(event) != IS_NULL && (Z_TYPE_P(event) != IS_STRING || !header_text_ok(Z_STRVAL_P(event), Z_STRLEN_P(event)))) {
		php_messenger_throw(ce, "A webhook event name must not contain line breaks");
		return false;
	}
	return true;
}

/* a message's properties, as parts_ok() reads them */
static bool message_ok(zend_class_entry *ce, zend_object *m)
{
	zval *p[7];
	for (int i = 0; i < 7; i++) {
		p[i] = PHP_MESSENGER_PROP(m, i);
		if (Z_ISREF_P(p[i])) {
			php_messenger_throw(ce, "A webhook message's properties cannot be references");
			return false;
		}
	}
	return parts_ok(ce, p[M_URL], p[M_BODY], p[M_HEADERS], p[M_SECRET], p[M_METHOD], p[M_ID], p[M_EVENT]);
}

static bool message_init(zend_object *obj, zend_string *url, zend_string *body, HashTable *headers, zend_string *secret,
	zend_string *method, zend_string *id, zend_string *event)
{
	zval zurl, zbody, zheaders, zsecret, zmethod, zid, zevent;
	ZVAL_STR(&zurl, url);
	ZVAL_STR(&zbody, body);
	if (headers) {
		ZVAL_ARR(&zheaders, headers);
	} else {
		ZVAL_EMPTY_ARRAY(&zheaders);
	}
	if (secret) {
		ZVAL_STR(&zsecret, secret);
	} else {
		ZVAL_NULL(&zsecret);
	}
	ZVAL_STR(&zmethod, method);
	if (id) {
		ZVAL_STR(&zid, id);
	} else {
		ZVAL_INTERNED_STR(&zid, ZSTR_CHAR('-')); /* made below */
	}
	if (event) {
		ZVAL_STR(&zevent, event);
	} else {
		ZVAL_NULL(&zevent);
	}
	if (!parts_ok(php_messenger_ce_InvalidArgumentException, &zurl, &zbody, &zheaders, &zsecret, &zmethod, &zid, &zevent)) {
		return false;
	}
	zval list;
	array_init(&list);
	zend_string *name;
	zval *value;
	if (headers) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(headers, name, value) {
			ZVAL_DEREF(value);
			add_assoc_str_ex(&list, ZSTR_VAL(name), ZSTR_LEN(name), zend_string_copy(Z_STR_P(value)));
		} ZEND_HASH_FOREACH_END();
	}
	zend_string *own_id = id ? zend_string_copy(id) : new_id();
	if (!own_id) {
		zval_ptr_dtor(&list);
		return false;
	}
	ZVAL_STR_COPY(PHP_MESSENGER_PROP(obj, M_URL), url);
	ZVAL_STR_COPY(PHP_MESSENGER_PROP(obj, M_BODY), body);
	ZVAL_COPY_VALUE(PHP_MESSENGER_PROP(obj, M_HEADERS), &list);
	if (secret) {
		ZVAL_STR_COPY(PHP_MESSENGER_PROP(obj, M_SECRET), secret);
	} else {
		ZVAL_NULL(PHP_MESSENGER_PROP(obj, M_SECRET));
	}
	ZVAL_STR(PHP_MESSENGER_PROP(obj, M_METHOD), zend_string_toupper(method));
	ZVAL_STR(PHP_MESSENGER_PROP(obj, M_ID), own_id);
	if (event) {
		ZVAL_STR_COPY(PHP_MESSENGER_PROP(obj, M_EVENT), event);
	} else {
		ZVAL_NULL(PHP_MESSENGER_PROP(obj, M_EVENT));
	}
	return true;
}

ZEND_METHOD(Messenger_Webhook_WebhookMessage, __construct)
{
	zend_string *url, *body, *secret = NULL, *method = NULL, *id = NULL, *event = NULL;
	HashTable *headers = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 7)
		Z_PARAM_STR(url)
		Z_PARAM_STR(body)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(headers)
		Z_PARAM_STR_OR_NULL(secret)
		Z_PARAM_STR(method)
		Z_PARAM_STR_OR_NULL(id)
		Z_PARAM_STR_OR_NULL(event)
	ZEND_PARSE_PARAMETERS_END();
	zend_object *obj = Z_OBJ_P(ZEND_THIS);
	if (Z_TYPE_P(PHP_MESSENGER_PROP(obj, M_URL)) != IS_UNDEF) {
		zend_throw_error(NULL, "Cannot modify readonly property Messenger\\Webhook\\WebhookMessage::$url");
		RETURN_THROWS();
	}
	zend_string *post = method ? NULL : zend_string_init("POST", 4, 0);
	message_init(obj, url, body, headers, secret, method ? method : post, id, event);
	if (post) {
		zend_string_release(post);
	}
}

ZEND_METHOD(Messenger_Webhook_WebhookMessage, json)
{
	zend_string *url, *secret = NULL, *event = NULL;
	zval *payload;
	HashTable *headers = NULL;
	ZEND_PARSE_PARAMETERS_START(2, 5)
		Z_PARAM_STR(url)
		Z_PARAM_ZVAL(payload)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(secret)
		Z_PARAM_STR_OR_NULL(event)
		Z_PARAM_ARRAY_HT(headers)
	ZEND_PARSE_PARAMETERS_END();
	smart_str json = {0};
	if (php_json_encode(&json, payload, PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE | PHP_JSON_PRESERVE_ZERO_FRACTION) == FAILURE
			|| JSON_G(error_code) != PHP_JSON_ERROR_NONE) {
		smart_str_free(&json);
		/* left set: json_last_error() and json_last_error_msg() say it too, as after json_encode() */
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The webhook payload cannot be encoded as JSON: %s",
			php_messenger_json_error_text(JSON_G(error_code)));
		RETURN_THROWS();
	}
	zend_string *body = smart_str_extract(&json);
	zval all;
	array_init(&all);
	bool own_type = false;
	if (headers) {
		zend_string *name;
		ZEND_HASH_FOREACH_STR_KEY(headers, name) {
			own_type = own_type || (name && zend_string_equals_literal_ci(name, "Content-Type"));
		} ZEND_HASH_FOREACH_END();
	}
	if (!own_type) {
		add_assoc_string(&all, "Content-Type", "application/json");
	}
	if (headers) {
		zend_hash_merge(Z_ARRVAL(all), headers, zval_add_ref, 1);
	}
	object_init_ex(return_value, php_messenger_ce_WebhookMessage);
	zend_string *post = zend_string_init("POST", 4, 0);
	bool ok = message_init(Z_OBJ_P(return_value), url, body, Z_ARRVAL(all), secret, post, NULL, event);
	zend_string_release(post);
	zend_string_release(body);
	zval_ptr_dtor(&all);
	if (!ok) {
		zval_ptr_dtor(return_value);
		ZVAL_UNDEF(return_value);
		RETURN_THROWS();
	}
}


PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getUrl, M_URL)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getBody, M_BODY)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getHeaders, M_HEADERS)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getSecret, M_SECRET)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getMethod, M_METHOD)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getId, M_ID)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookMessage, getEvent, M_EVENT)

/* The URL as it may be shown: without user information, which ends at the last '@' of the
 * authority (a password may hold one). Every attempt's result asks: no parse unless there is one. */
static zend_string *shown_url(zend_string *url)
{
	const char *scheme_end = strstr(ZSTR_VAL(url), "://");
	if (!scheme_end) {
		return zend_string_copy(url);
	}
	const char *auth = scheme_end + 3;
	const char *at = zend_memrchr(auth, '@', strcspn(auth, "/?#"));
	if (!at) {
		return zend_string_copy(url);
	}
	return zend_strpprintf(0, "%.*s%s", (int) (auth - ZSTR_VAL(url)), ZSTR_VAL(url), at + 1);
}

ZEND_METHOD(Messenger_Webhook_WebhookMessage, __debugInfo)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_object *obj = Z_OBJ_P(ZEND_THIS);
	array_init(return_value);
	if (Z_TYPE_P(PHP_MESSENGER_PROP(obj, M_URL)) != IS_STRING) {
		return;
	}
	add_assoc_str(return_value, "url", shown_url(Z_STR_P(PHP_MESSENGER_PROP(obj, M_URL))));
	static const char *const names[] = { "url", "body", "headers", "secret", "method", "id", "event" };
	for (int i = M_BODY; i <= M_EVENT; i++) {
		zval *v = PHP_MESSENGER_PROP(obj, i);
		if (i == M_SECRET && Z_TYPE_P(v) == IS_STRING) {
			add_assoc_string(return_value, names[i], "***");
		} else if (i == M_HEADERS && Z_TYPE_P(v) == IS_ARRAY) {
			/* credentials a header may carry are not shown either */
			zval shown;
			array_init(&shown);
			zend_string *name;
			zval *value;
			ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(v), name, value) {
				if (!name) {
					continue;
				}
				if (zend_string_equals_literal_ci(name, "Authorization") || zend_string_equals_literal_ci(name, "Proxy-Authorization")
						|| zend_string_equals_literal_ci(name, "Cookie") || zend_string_equals_literal_ci(name, "X-Api-Key")) {
					add_assoc_string_ex(&shown, ZSTR_VAL(name), ZSTR_LEN(name), "***");
				} else {
					Z_TRY_ADDREF_P(value);
					add_assoc_zval_ex(&shown, ZSTR_VAL(name), ZSTR_LEN(name), value);
				}
			} ZEND_HASH_FOREACH_END();
			add_assoc_zval(return_value, names[i], &shown);
		} else {
			Z_TRY_ADDREF_P(v);
			add_assoc_zval(return_value, names[i], v);
		}
	}
}
/* }}} */

/* {{{ WebhookResult */
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getUrl, R_URL)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getId, R_ID)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getEvent, R_EVENT)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getStatusCode, R_STATUS)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getDurationMs, R_DURATION)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getAttempt, R_ATTEMPT)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getResponseHeaders, R_HEADERS)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getResponseBody, R_BODY)
PHP_MESSENGER_PROP_GETTER(Messenger_Webhook_WebhookResult, getError, R_ERROR)

ZEND_METHOD(Messenger_Webhook_WebhookResult, isDelivered)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zend_long status = Z_LVAL_P(PHP_MESSENGER_PROP(Z_OBJ_P(ZEND_THIS), R_STATUS));
	RETURN_BOOL(status >= 200 && status < 300);
}

ZEND_METHOD(Messenger_Webhook_WebhookResult, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

/* response headers as lower-cased name => value (repeated ones joined with ", ") */
static void headers_array(const msgr_buf_t *raw, zval *out)
{
	array_init(out);
	const char *p = raw->data, *end = raw->data + raw->len;
	while (p && p < end) {
		const char *eol = memchr(p, '\n', (size_t) (end - p));
		const char *stop = eol ? eol : end;
		const char *colon = memchr(p, ':', (size_t) (stop - p));
		if (colon && colon > p && !(stop - p >= 5 && memcmp(p, "HTTP/", 5) == 0)) {
			const char *v = colon + 1, *ve = stop;
			while (v < ve && (*v == ' ' || *v == '\t')) {
				v++;
			}
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t')) {
				ve--;
			}
			zend_string *as_sent = zend_string_init(p, (size_t) (colon - p), 0);
			zend_string *name = zend_string_tolower(as_sent);
			zend_string_release(as_sent);
			zval *was = zend_symtable_find(Z_ARRVAL_P(out), name);
			if (was) {
				zend_string *joined = zend_strpprintf(0, "%s, %.*s", Z_STRVAL_P(was), (int) (ve - v), v);
				zval_ptr_dtor(was);
				ZVAL_STR(was, joined);
			} else {
				zval value;
				ZVAL_STRINGL(&value, v, (size_t) (ve - v));
				zend_symtable_add_new(Z_ARRVAL_P(out), name, &value);
			}
			zend_string_release(name);
		}
		p = eol ? eol + 1 : NULL;
	}
}

static zend_object *result_new(zend_object *message, const msgr_http_request_t *req, zend_long attempt)
{
	zend_object *r = zend_objects_new(php_messenger_ce_WebhookResult);
	object_properties_init(r, php_messenger_ce_WebhookResult);
	ZVAL_STR(PHP_MESSENGER_PROP(r, R_URL), shown_url(Z_STR_P(PHP_MESSENGER_PROP(message, M_URL))));
	ZVAL_COPY(PHP_MESSENGER_PROP(r, R_ID), PHP_MESSENGER_PROP(message, M_ID));
	ZVAL_COPY(PHP_MESSENGER_PROP(r, R_EVENT), PHP_MESSENGER_PROP(message, M_EVENT));
	ZVAL_LONG(PHP_MESSENGER_PROP(r, R_STATUS), req->status);
	ZVAL_DOUBLE(PHP_MESSENGER_PROP(r, R_DURATION), (double) req->duration_us / 1000.0);
	ZVAL_LONG(PHP_MESSENGER_PROP(r, R_ATTEMPT), attempt);
	headers_array(&req->headers, PHP_MESSENGER_PROP(r, R_HEADERS));
	ZVAL_STRINGL(PHP_MESSENGER_PROP(r, R_BODY), req->body.data ? req->body.data : "", req->body.len);
	if (req->failed) {
		ZVAL_STRING(PHP_MESSENGER_PROP(r, R_ERROR), req->error);
	} else {
		ZVAL_NULL(PHP_MESSENGER_PROP(r, R_ERROR));
	}
	return r;
}

void php_messenger_webhook_log_context(zend_object *result, zval *context)
{
	if (!result || result->ce != php_messenger_ce_WebhookResult) {
		return;
	}
	zval *event = PHP_MESSENGER_PROP(result, R_EVENT);
	add_assoc_string(context, "event", Z_TYPE_P(event) == IS_STRING ? Z_STRVAL_P(event) : "(no event)");
	php_url *u = php_url_parse_ex(Z_STRVAL_P(PHP_MESSENGER_PROP(result, R_URL)), Z_STRLEN_P(PHP_MESSENGER_PROP(result, R_URL)));
	if (u && u->host) {
		add_assoc_str(context, "host", zend_string_copy(u->host));
	} else {
		add_assoc_string(context, "host", "?");
	}
	if (u) {
		php_url_free(u);
	}
	add_assoc_long(context, "status", Z_LVAL_P(PHP_MESSENGER_PROP(result, R_STATUS)));
	add_assoc_long(context, "duration_ms", (zend_long) (Z_DVAL_P(PHP_MESSENGER_PROP(result, R_DURATION)) + 0.5));
	add_assoc_long(context, "attempt", Z_LVAL_P(PHP_MESSENGER_PROP(result, R_ATTEMPT)));
}

void php_messenger_webhook_result_figures(zend_object *result, zend_long *status, double *duration_ms)
{
	*status = Z_LVAL_P(PHP_MESSENGER_PROP(result, R_STATUS));
	*duration_ms = Z_DVAL_P(PHP_MESSENGER_PROP(result, R_DURATION));
}
/* }}} */

/* {{{ the exceptions of a failed attempt */
/* getResult() of an exception whose class `declaring` declares $result */
static void exception_result(zend_class_entry *declaring, zend_object *ex, zval *return_value)
{
	zval rv;
	zval *v = zend_read_property(declaring, ex, "result", sizeof("result") - 1, 1, &rv);
	if (Z_TYPE_P(v) != IS_OBJECT) {
		php_messenger_throw(php_messenger_ce_LogicException, "This exception was not made by a webhook delivery: it has no result");
		return;
	}
	RETURN_COPY(v);
}

ZEND_METHOD(Messenger_Webhook_RetryableWebhookException, getResult)
{
	ZEND_PARSE_PARAMETERS_NONE();
	exception_result(ce_RetryableWebhookException, Z_OBJ_P(ZEND_THIS), return_value);
}

ZEND_METHOD(Messenger_Webhook_RetryableWebhookException, getRetryDelay)
{
	ZEND_PARSE_PARAMETERS_NONE();
	zval rv;
	zval *v = zend_read_property(ce_RetryableWebhookException, Z_OBJ_P(ZEND_THIS), "retryDelay", sizeof("retryDelay") - 1, 1, &rv);
	RETURN_COPY_DEREF(v);
}

ZEND_METHOD(Messenger_Webhook_UnrecoverableWebhookException, getResult)
{
	ZEND_PARSE_PARAMETERS_NONE();
	exception_result(ce_UnrecoverableWebhookException, Z_OBJ_P(ZEND_THIS), return_value);
}

/* the exception of a failed attempt; it holds a reference of its own to the result */
static zend_object *failure_new(zend_class_entry *ce, zend_object *result, zend_string *text, zend_long retry_delay_ms)
{
	zval ex, res;
	object_init_ex(&ex, ce);
	zend_object *obj = Z_OBJ(ex);
	zend_update_property_str(zend_ce_exception, obj, "message", sizeof("message") - 1, text);
	ZVAL_OBJ(&res, result);
	zend_class_entry *declaring = ce == ce_RetryableWebhookException ? ce : ce_UnrecoverableWebhookException;
	zend_update_property(declaring, obj, "result", sizeof("result") - 1, &res);
	if (retry_delay_ms >= 0) {
		zend_update_property_long(ce_RetryableWebhookException, obj, "retryDelay", sizeof("retryDelay") - 1, retry_delay_ms);
	}
	return obj;
}
/* }}} */

/* {{{ WebhookHandler */
typedef struct {
	msgr_http_request_t req;
	zval message;
	zval ack;                  /* the Acknowledger, or UNDEF (a message handled at once) */
	zend_object *envelope;     /* borrowed from the Acknowledger, or NULL */
	zend_object *owner;        /* the worker, or NULL */
	zend_long attempt;
	bool done;
} delivery_t;

typedef struct {
	msgr_http_t *http;
	msgr_http_options_t o;
	zend_string *ca_file;
	zend_string *user_agent;
	bool symfony_signature;
	bool constructed;          /* __construct() ran (it runs once) */
	zend_long max_retry_after_ms;
	zend_long stop_timeout_ms;
	HashTable inflight;        /* delivery_t pointers, by address */
	const php_messenger_events *events; /* the Messenger's, for messages handled at once; or NULL */
	zend_object std;
} php_messenger_webhook_handler;

static zend_object_handlers handler_handlers;

static inline php_messenger_webhook_handler *handler_from(zend_object *obj)
{
	return (php_messenger_webhook_handler *) ((char *) obj - XtOffsetOf(php_messenger_webhook_handler, std));
}

static void delivery_free(delivery_t *d)
{
	msgr_http_request_free(&d->req);
	zval_ptr_dtor(&d->message);
	zval_ptr_dtor(&d->ack);
	efree(d);
}

static void delivery_dtor(zval *zv)
{
	delivery_free(Z_PTR_P(zv));
}

static zend_object *handler_create(zend_class_entry *ce)
{
	php_messenger_webhook_handler *h = zend_object_alloc(sizeof(php_messenger_webhook_handler), ce);
	msgr_http_options_default(&h->o);
	h->max_retry_after_ms = 3600 * 1000;
	h->stop_timeout_ms = 5000;
	zend_hash_init(&h->inflight, 8, NULL, delivery_dtor, 0);
	zend_object_std_init(&h->std, ce);
	object_properties_init(&h->std, ce);
	h->std.handlers = &handler_handlers;
	return &h->std;
}

static void handler_free(zend_object *obj)
{
	php_messenger_webhook_handler *h = handler_from(obj);
	delivery_t *d;
	ZEND_HASH_FOREACH_PTR(&h->inflight, d) {
		if (h->http && !d->done) {
			msgr_http_cancel(h->http, &d->req);
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&h->inflight);
	msgr_http_free(h->http);
	if (h->ca_file) {
		zend_string_release(h->ca_file);
	}
	if (h->user_agent) {
		zend_string_release(h->user_agent);
	}
	zend_object_std_dtor(obj);
}

static HashTable *handler_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_webhook_handler *h = handler_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	delivery_t *d;
	ZEND_HASH_FOREACH_PTR(&h->inflight, d) {
		zend_get_gc_buffer_add_zval(buf, &d->message);
		zend_get_gc_buffer_add_zval(buf, &d->ack);
	} ZEND_HASH_FOREACH_END();
	zend_get_gc_buffer_use(buf, table, n);
	return zend_std_get_properties(obj);
}

/* 'webhook' options: the handler's settings; false with an InvalidArgumentException */
static bool handler_configure(php_messenger_webhook_handler *h, HashTable *options, const char *where)
{
	static const char *const keys[] = { "timeout", "connect_timeout", "concurrency", "per_host", "max_response_bytes", "signature",
		"allow_private_networks", "verify_tls", "ca_file", "max_retry_after", "user_agent", "stop_timeout", NULL };
	zend_string *unknown;
	if (php_messenger_find_unknown_key(options, keys, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"%s: unknown option \"%s\" (known: timeout, connect_timeout, concurrency, per_host, max_response_bytes, signature, allow_private_networks, verify_tls, ca_file, max_retry_after, user_agent, stop_timeout)",
			where, unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return false;
	}
	zval *v;
	/* seconds (int or float) to ms */
	static const char *const seconds[] = { "timeout", "connect_timeout", "max_retry_after", "stop_timeout" };
	long *to[] = { &h->o.timeout_ms, &h->o.connect_timeout_ms, NULL, NULL };
	for (int i = 0; i < 4; i++) {
		if (!(v = zend_hash_str_find_deref(options, seconds[i], strlen(seconds[i])))) {
			continue;
		}
		double s = Z_TYPE_P(v) == IS_LONG ? (double) Z_LVAL_P(v) : Z_TYPE_P(v) == IS_DOUBLE ? Z_DVAL_P(v) : -1;
		if (!(s > 0 && s <= 86400) && !(i >= 2 && s == 0)) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"%s\" must be a number of seconds %s 0 (at most 86400)", where, seconds[i], i >= 2 ? "from" : "above");
			return false;
		}
		long ms = (long) (s * 1000 + 0.5);
		if (to[i]) {
			*to[i] = ms;
		} else if (i == 2) {
			h->max_retry_after_ms = ms;
		} else {
			h->stop_timeout_ms = ms;
		}
	}
	static const char *const counts[] = { "concurrency", "per_host", "max_response_bytes" };
	for (int i = 0; i < 3; i++) {
		if (!(v = zend_hash_str_find_deref(options, counts[i], strlen(counts[i])))) {
			continue;
		}
		zend_long max = i == 2 ? 16 * 1024 * 1024 : 1024;
		if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < (i == 0 ? 1 : 0) || Z_LVAL_P(v) > max) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"%s\" must be an integer from %d to " ZEND_LONG_FMT, where, counts[i], i == 0 ? 1 : 0, max);
			return false;
		}
		if (i == 0) {
			h->o.concurrency = (long) Z_LVAL_P(v);
		} else if (i == 1) {
			h->o.per_host = (long) Z_LVAL_P(v);
		} else {
			h->o.max_response_bytes = (size_t) Z_LVAL_P(v);
		}
	}
	if ((v = zend_hash_str_find_deref(options, "signature", sizeof("signature") - 1))) {
		if (Z_TYPE_P(v) != IS_STRING || (!zend_string_equals_literal(Z_STR_P(v), "standard") && !zend_string_equals_literal(Z_STR_P(v), "symfony"))) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"signature\" must be \"standard\" (Standard Webhooks) or \"symfony\"", where);
			return false;
		}
		h->symfony_signature = zend_string_equals_literal(Z_STR_P(v), "symfony");
	}
	static const char *const flags[] = { "allow_private_networks", "verify_tls" };
	bool *flag_to[] = { &h->o.allow_private, &h->o.verify_tls };
	for (int i = 0; i < 2; i++) {
		if ((v = zend_hash_str_find_deref(options, flags[i], strlen(flags[i])))) {
			if (Z_TYPE_P(v) != IS_TRUE && Z_TYPE_P(v) != IS_FALSE) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"%s\" must be true or false", where, flags[i]);
				return false;
			}
			*flag_to[i] = Z_TYPE_P(v) == IS_TRUE;
		}
	}
	static const char *const texts[] = { "ca_file", "user_agent" };
	zend_string **text_to[] = { &h->ca_file, &h->user_agent };
	for (int i = 0; i < 2; i++) {
		if ((v = zend_hash_str_find_deref(options, texts[i], strlen(texts[i]))) && Z_TYPE_P(v) != IS_NULL) {
			if (Z_TYPE_P(v) != IS_STRING || Z_STRLEN_P(v) == 0 || memchr(Z_STRVAL_P(v), '\0', Z_STRLEN_P(v)) || !header_text_ok(Z_STRVAL_P(v), Z_STRLEN_P(v))) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"%s\" must be a non-empty string", where, texts[i]);
				return false;
			}
			if (i == 0 && VCWD_ACCESS(Z_STRVAL_P(v), R_OK) != 0) {
				php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s: \"ca_file\" %s is not a readable file", where, Z_STRVAL_P(v));
				return false;
			}
			*text_to[i] = zend_string_copy(Z_STR_P(v));
		}
	}
	h->o.ca_file = h->ca_file ? ZSTR_VAL(h->ca_file) : NULL;
	h->o.user_agent = h->user_agent ? ZSTR_VAL(h->user_agent) : "Messenger-Webhook/" PHP_MESSENGER_VERSION;
	return true;
}

zend_object *php_messenger_webhook_handler_new(HashTable *options, const php_messenger_events *events)
{
	zend_object *obj = handler_create(php_messenger_ce_WebhookHandler);
	if (options && !handler_configure(handler_from(obj), options, "webhook")) {
		OBJ_RELEASE(obj);
		return NULL;
	}
	handler_from(obj)->events = events;
	handler_from(obj)->constructed = true;
	return obj;
}

void php_messenger_webhook_handler_set_events(zend_object *handler, const php_messenger_events *events)
{
	handler_from(handler)->events = events;
}

ZEND_METHOD(Messenger_Webhook_WebhookHandler, __construct)
{
	HashTable *options = NULL;
	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_webhook_handler *h = handler_from(Z_OBJ_P(ZEND_THIS));
	if (h->constructed) {
		zend_throw_error(NULL, "Cannot call Messenger\\Webhook\\WebhookHandler::__construct() twice");
		RETURN_THROWS();
	}
	h->constructed = true;
	if (options) {
		handler_configure(h, options, "Messenger\\Webhook\\WebhookHandler");
	}
}

static bool ensure_http(php_messenger_webhook_handler *h)
{
	if (h->http) {
		return true;
	}
	msgr_error_t err;
	if (!(h->http = msgr_http_new(&h->o, &err))) {
		php_messenger_throw(php_messenger_ce_RuntimeException, "Webhooks cannot be delivered: %s", err.message);
		return false;
	}
	return true;
}

/* Starts the request of a delivery: the message's headers, then the signature's */
static bool start(php_messenger_webhook_handler *h, delivery_t *d)
{
	zend_object *m = Z_OBJ(d->message);
	zend_string *url = Z_STR_P(PHP_MESSENGER_PROP(m, M_URL));
	zend_string *body = Z_STR_P(PHP_MESSENGER_PROP(m, M_BODY));
	zval *secret = PHP_MESSENGER_PROP(m, M_SECRET);
	zend_string *id = Z_STR_P(PHP_MESSENGER_PROP(m, M_ID));
	zval *event = PHP_MESSENGER_PROP(m, M_EVENT);
	HashTable *given = Z_ARRVAL_P(PHP_MESSENGER_PROP(m, M_HEADERS));
	if (h->symfony_signature && (Z_TYPE_P(event) != IS_STRING || Z_STRLEN_P(event) == 0)) {
		/* Symfony's RequestParser refuses a request without Webhook-Event */
		php_messenger_throw(php_messenger_ce_UnrecoverableMessageHandlingException,
			"The webhook %s has no event: the symfony signature needs one (Webhook-Event)", ZSTR_VAL(id));
		return false;
	}
	uint32_t n = zend_hash_num_elements(given) + 4;
	zend_string **lines = safe_emalloc(n, sizeof(zend_string *), 0);
	uint32_t count = 0;
	zend_string *name;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(given, name, value) {
		lines[count++] = zend_strpprintf(0, "%s: %s", ZSTR_VAL(name), Z_STRVAL_P(value));
	} ZEND_HASH_FOREACH_END();
	msgr_buf_t sig = MSGR_BUF_INIT;
	int rc = 0;
	if (h->symfony_signature) {
		const char *ev = Z_STRVAL_P(event);
		lines[count++] = zend_strpprintf(0, "Webhook-Event: %s", ev);
		lines[count++] = zend_strpprintf(0, "Webhook-Id: %s", ZSTR_VAL(id));
		if (Z_TYPE_P(secret) == IS_STRING
				&& (rc = msgr_webhook_sign_symfony(Z_STRVAL_P(secret), Z_STRLEN_P(secret), ev, ZSTR_VAL(id), ZSTR_VAL(body), ZSTR_LEN(body), &sig)) == 0) {
			lines[count++] = zend_strpprintf(0, "Webhook-Signature: %s", sig.data);
		}
	} else {
		long long now = (long long) time(NULL);
		lines[count++] = zend_strpprintf(0, "webhook-id: %s", ZSTR_VAL(id));
		lines[count++] = zend_strpprintf(0, "webhook-timestamp: %lld", now);
		if (Z_TYPE_P(secret) == IS_STRING
				&& (rc = msgr_webhook_sign_standard(Z_STRVAL_P(secret), Z_STRLEN_P(secret), ZSTR_VAL(id), now, ZSTR_VAL(body), ZSTR_LEN(body), &sig)) == 0) {
			lines[count++] = zend_strpprintf(0, "webhook-signature: %s", sig.data);
		}
	}
	msgr_buf_free(&sig);
	bool ok = true;
	if (rc != 0) {
		/* the message can never be signed: no retry mends it */
		php_messenger_throw(php_messenger_ce_UnrecoverableMessageHandlingException,
			"The webhook secret of message %s cannot be used: it is empty, or \"whsec_\" is not followed by base64", ZSTR_VAL(id));
		ok = false;
	} else {
		const char *inline_ptrs[16];
		const char **ptrs = count <= 16 ? inline_ptrs : safe_emalloc(count, sizeof(char *), 0);
		for (uint32_t i = 0; i < count; i++) {
			ptrs[i] = ZSTR_VAL(lines[i]);
		}
		msgr_error_t err;
		d->req.user = d;
		if (msgr_http_start(h->http, &d->req, Z_STRVAL_P(PHP_MESSENGER_PROP(m, M_METHOD)), ZSTR_VAL(url), ptrs, count,
				ZSTR_VAL(body), ZSTR_LEN(body), &err) != MSGR_OK) {
			php_messenger_throw(err.code == MSGR_ERR_INVALID ? php_messenger_ce_UnrecoverableMessageHandlingException : php_messenger_ce_RuntimeException,
				"The webhook %s cannot be sent: %s", ZSTR_VAL(id), err.message);
			ok = false;
		}
		if (ptrs != inline_ptrs) {
			efree(ptrs);
		}
	}
	for (uint32_t i = 0; i < count; i++) {
		zend_string_release(lines[i]);
	}
	efree(lines);
	return ok;
}

/* What a delivery that came back gives: its result, and an exception when it failed; tells the
 * events. NULL error: delivered. */
static zend_object *conclude(php_messenger_webhook_handler *h, delivery_t *d, zend_object **error)
{
	zend_object *m = Z_OBJ(d->message);
	zend_object *result = result_new(m, &d->req, d->attempt);
	msgr_webhook_outcome outcome = msgr_webhook_classify(d->req.status, d->req.failed, d->req.failed && d->req.refused);
	*error = NULL;
	zend_long retry_after = -1;
	if (outcome != MSGR_WEBHOOK_DELIVERED) {
		size_t len;
		const char *ra = d->req.status == 429 || d->req.status == 503
			? msgr_webhook_header(d->req.headers.data ? d->req.headers.data : "", d->req.headers.len, "retry-after", &len) : NULL;
		if (ra && outcome == MSGR_WEBHOOK_RETRY) {
			long long ms = msgr_webhook_retry_after_ms(ra, len, time(NULL));
			retry_after = ms < 0 ? -1 : ms > h->max_retry_after_ms ? h->max_retry_after_ms : (zend_long) ms;
		}
		zend_string *shown = Z_STR_P(PHP_MESSENGER_PROP(result, R_URL));
		zend_string *text = d->req.failed
			? zend_strpprintf(0, "Webhook %s to %s failed: %s", Z_STRVAL_P(PHP_MESSENGER_PROP(m, M_ID)), ZSTR_VAL(shown), d->req.error)
			: zend_strpprintf(0, "Webhook %s to %s answered %ld%s", Z_STRVAL_P(PHP_MESSENGER_PROP(m, M_ID)), ZSTR_VAL(shown), d->req.status,
				outcome == MSGR_WEBHOOK_GONE ? " (Gone: the endpoint asks not to be called again)"
				: d->req.status >= 300 && d->req.status < 400 ? " (a redirect: not followed)" : "");
		*error = failure_new(outcome == MSGR_WEBHOOK_RETRY ? ce_RetryableWebhookException
			: outcome == MSGR_WEBHOOK_GONE ? ce_EndpointGoneException : ce_UnrecoverableWebhookException, result, text, retry_after);
		zend_string_release(text);
	}
	const php_messenger_events *events = d->owner ? php_messenger_worker_events(d->owner) : h->events;
	if (events) {
		php_messenger_event ev = { PHP_MESSENGER_EV_WEBHOOK, d->envelope, NULL, *error, outcome == MSGR_WEBHOOK_RETRY, 0, 0, NULL, result };
		bool ok = php_messenger_emit(events, &ev);
		if (ok && outcome == MSGR_WEBHOOK_GONE) {
			php_messenger_event gone = { PHP_MESSENGER_EV_WEBHOOK_GONE, d->envelope, NULL, *error, false, 0, 0, NULL, result };
			php_messenger_emit(events, &gone);
		}
	}
	return result;
}

/* The first exception thrown while deliveries are settled, kept aside until all are (a listener
 * that throws must not leave the others unsettled); false when PHP is exiting (exit()) */
static bool keep_exception(zend_object **first)
{
	if (!EG(exception)) {
		return true;
	}
	zend_object *ex;
	if (!php_messenger_take_exception(&ex)) {
		return false;
	}
	if (*first) {
		OBJ_RELEASE(ex);
	} else {
		*first = ex;
	}
	return true;
}

/* false when an exception was thrown again */
static bool throw_kept(zend_object *first)
{
	if (!first) {
		return !EG(exception);
	}
	if (EG(exception)) {
		OBJ_RELEASE(first); /* exiting */
		return false;
	}
	zval ex;
	ZVAL_OBJ(&ex, first);
	zend_throw_exception_object(&ex);
	return false;
}

/* One delivery that came back or was given up: its event, then its ack or nack */
static void settle(php_messenger_webhook_handler *h, delivery_t *d, zend_object **first)
{
	zend_object *error;
	zend_object *result = conclude(h, d, &error);
	if (keep_exception(first)) {
		zval arg, rv;
		ZVAL_OBJ(&arg, error ? error : result);
		zend_call_method(Z_OBJ(d->ack), Z_OBJCE(d->ack), NULL, error ? "nack" : "ack", error ? 4 : 3, &rv, 1, &arg, NULL);
		zval_ptr_dtor(&rv);
		keep_exception(first);
	}
	OBJ_RELEASE(result);
	if (error) {
		OBJ_RELEASE(error);
	}
}

/* The deliveries that came back: each acknowledged (or nacked) through its Acknowledger, whatever
 * a listener or an Acknowledger throws meanwhile; the first exception is thrown again after */
static bool settle_done(php_messenger_webhook_handler *h)
{
	msgr_http_request_t *req;
	zend_object *first = NULL;
	while (!EG(exception) && (req = msgr_http_next_done(h->http))) {
		delivery_t *d = req->user;
		d->done = true;
		if (Z_TYPE(d->ack) == IS_UNDEF) {
			continue; /* one handled at once is read by its caller */
		}
		settle(h, d, &first);
		zend_hash_index_del(&h->inflight, (zend_ulong) (uintptr_t) d);
	}
	return throw_kept(first);
}

/* the attempt a message is at: its retries so far, plus one */
static zend_long attempt_of(zend_object *envelope)
{
	return envelope ? php_messenger_retries_of(envelope) + 1 : 1;
}

ZEND_METHOD(Messenger_Webhook_WebhookHandler, __invoke)
{
	zend_object *message, *ack = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_OBJ_OF_CLASS(message, php_messenger_ce_WebhookMessage)
		Z_PARAM_OPTIONAL
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(ack, php_messenger_ce_Acknowledger)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_webhook_handler *h = handler_from(Z_OBJ_P(ZEND_THIS));
	/* as it came: one that unserialize() made from a queue was never constructed, so checked
	 * here; a broken one is never sent, and never retried */
	if (!message_ok(php_messenger_ce_UnrecoverableMessageHandlingException, message)) {
		RETURN_THROWS();
	}
	if (!ensure_http(h)) {
		RETURN_THROWS();
	}
	php_messenger_acknowledger *a = ack ? php_messenger_ack_from(ack) : NULL;
	zend_object *owner = a ? a->owner : NULL;
	if (owner) {
		php_messenger_worker_cap_read_ahead(owner, (uint32_t) h->o.concurrency);
	}
	if (ack) {
		/* what came back is settled before this message is taken, so that what a listener
		 * throws is never this message's failure; and no more in flight than concurrency: wait
		 * for one to come back (a stopping worker does not wait: its flush(true) settles what runs) */
		msgr_http_run(h->http, 0);
		if (!settle_done(h)) {
			RETURN_THROWS();
		}
		while (zend_hash_num_elements(&h->inflight) >= (uint32_t) h->o.concurrency && !php_messenger_worker_stopping(owner)) {
			msgr_http_run(h->http, 50);
			if (!settle_done(h)) {
				RETURN_THROWS();
			}
		}
	}
	delivery_t *d = ecalloc(1, sizeof(delivery_t));
	ZVAL_OBJ_COPY(&d->message, message);
	ZVAL_UNDEF(&d->ack);
	d->envelope = a ? a->envelope : NULL;
	d->owner = owner;
	d->attempt = attempt_of(d->envelope);
	if (!start(h, d)) {
		delivery_free(d);
		RETURN_THROWS();
	}
	zend_hash_index_add_new_ptr(&h->inflight, (zend_ulong) (uintptr_t) d, d);
	if (ack) {
		/* on its way; settled by a later call (the next message, or the worker's flush) */
		ZVAL_OBJ_COPY(&d->ack, ack);
		msgr_http_run(h->http, 0);
		RETURN_NULL();
	}
	/* at once: this one's answer (others in flight move on meanwhile) */
	while (!d->done) {
		msgr_http_run(h->http, 100);
		if (!settle_done(h)) {
			break;
		}
	}
	if (!d->done || EG(exception)) {
		if (!d->done) {
			msgr_http_cancel(h->http, &d->req);
		}
		zend_hash_index_del(&h->inflight, (zend_ulong) (uintptr_t) d);
		RETURN_THROWS();
	}
	zend_object *error;
	zend_object *result = conclude(h, d, &error);
	zend_hash_index_del(&h->inflight, (zend_ulong) (uintptr_t) d);
	if (error) {
		OBJ_RELEASE(result);
		if (EG(exception)) {
			OBJ_RELEASE(error);
			RETURN_THROWS();
		}
		zval ex;
		ZVAL_OBJ(&ex, error);
		zend_throw_exception_object(&ex);
		RETURN_THROWS();
	}
	RETURN_OBJ(result);
}

ZEND_METHOD(Messenger_Webhook_WebhookHandler, flush)
{
	bool force;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_BOOL(force)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_webhook_handler *h = handler_from(Z_OBJ_P(ZEND_THIS));
	if (!h->http || zend_hash_num_elements(&h->inflight) == 0) {
		return;
	}
	if (!force) {
		/* the worker is idle: a short wait for what runs (it naps briefly and comes back) */
		msgr_http_run(h->http, 100);
		settle_done(h);
		return;
	}
	/* the worker stops: what runs gets stop_timeout to finish */
	zend_object *first = NULL;
	zend_long until = php_messenger_monotonic_ms() + h->stop_timeout_ms;
	while (zend_hash_num_elements(&h->inflight) && php_messenger_monotonic_ms() < until) {
		msgr_http_run(h->http, 50);
		if (!settle_done(h) && !keep_exception(&first)) {
			throw_kept(first);
			return; /* exiting */
		}
	}
	/* the rest is given up for now: retried later, with the same id */
	delivery_t *d;
	ZEND_HASH_FOREACH_PTR(&h->inflight, d) {
		if (Z_TYPE(d->ack) == IS_UNDEF || d->done) {
			continue;
		}
		msgr_http_cancel(h->http, &d->req); /* keeps the status if one came */
		d->done = true;
		snprintf(d->req.error, sizeof(d->req.error), "the worker stopped before the endpoint answered");
		d->req.failed = true;
		/* a retryable failure as any other that got no answer: its event, then its nack */
		settle(h, d, &first);
	} ZEND_HASH_FOREACH_END();
	zend_hash_clean(&h->inflight);
	throw_kept(first);
}
/* }}} */

void php_messenger_register_webhook(void)
{
	php_messenger_ce_WebhookMessage = register_class_Messenger_Webhook_WebhookMessage();
	php_messenger_ce_WebhookResult = register_class_Messenger_Webhook_WebhookResult();
	php_messenger_ce_WebhookResult->ce_flags |= ZEND_ACC_NO_DYNAMIC_PROPERTIES;
	ce_WebhookExceptionInterface = register_class_Messenger_Webhook_WebhookExceptionInterface(php_messenger_ce_ExceptionInterface);
	ce_RetryableWebhookException = register_class_Messenger_Webhook_RetryableWebhookException(php_messenger_ce_RuntimeException, ce_WebhookExceptionInterface);
	ce_UnrecoverableWebhookException = register_class_Messenger_Webhook_UnrecoverableWebhookException(php_messenger_ce_UnrecoverableMessageHandlingException, ce_WebhookExceptionInterface);
	ce_EndpointGoneException = register_class_Messenger_Webhook_EndpointGoneException(ce_UnrecoverableWebhookException);
	php_messenger_ce_WebhookHandler = register_class_Messenger_Webhook_WebhookHandler(php_messenger_ce_BatchHandlerInterface);
	php_messenger_ce_WebhookHandler->create_object = handler_create;
	memcpy(&handler_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	handler_handlers.offset = XtOffsetOf(php_messenger_webhook_handler, std);
	handler_handlers.free_obj = handler_free;
	handler_handlers.get_gc = handler_get_gc;
	handler_handlers.clone_obj = NULL;
}
