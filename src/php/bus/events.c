/* Events: one list of what happens to messages (dispatched, sent, received, handled, failed,
 * retried, sent to the failure transport, the worker's life), and lists of C subscribers. The
 * worker's log lines, the console's -v lines, the PHP listeners of the configuration and of
 * Worker::on() are subscribers; so will the metrics and the webhook sender be. An event nobody
 * subscribed to costs the test of one bit. */
#include "php/bus/bus.h"

static const char *const event_names[PHP_MESSENGER_EV__COUNT] = {
	"dispatched", "sent", "started", "received", "handled", "failed", "retrying", "retried",
	"removed", "sent_to_failure", "keepalive", "keepalive_failed", "transport_unavailable", "transport_available", "idle", "stopped",
	"webhook", "webhook_gone",
};
#define EVENT_LIST "dispatched, sent, started, received, handled, failed, retrying, retried, removed, sent_to_failure, keepalive, keepalive_failed, transport_unavailable, transport_available, idle, stopped, webhook, webhook_gone"

const char *php_messenger_event_name(php_messenger_event_type type)
{
	return event_names[type];
}

int php_messenger_event_index(zend_string *name)
{
	for (int i = 0; i < PHP_MESSENGER_EV__COUNT; i++) {
		if (zend_string_equals_cstr(name, event_names[i], strlen(event_names[i]))) {
			return i;
		}
	}
	php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown event \"%s\" (known: " EVENT_LIST ")", ZSTR_VAL(name));
	return -1;
}

/* {{{ subscriber lists */
void php_messenger_events_init(php_messenger_events *e)
{
	memset(e, 0, sizeof(*e));
}

void php_messenger_events_destroy(php_messenger_events *e)
{
	if (e->items) {
		efree(e->items);
	}
	memset(e, 0, sizeof(*e));
}

static void recompute_mask(php_messenger_events *e)
{
	e->mask = 0;
	for (uint32_t i = 0; i < e->count; i++) {
		e->mask |= e->items[i].mask;
	}
}

void php_messenger_events_subscribe(php_messenger_events *e, php_messenger_subscriber_fn fn, void *ctx, uint32_t mask, int rank)
{
	for (uint32_t i = 0; i < e->count; i++) {
		if (e->items[i].fn == fn && e->items[i].ctx == ctx) {
			e->items[i].mask = mask;
			recompute_mask(e);
			return;
		}
	}
	if (e->count == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 4;
		e->items = safe_erealloc(e->items, e->cap, sizeof(php_messenger_subscriber), 0);
	}
	/* after every subscriber of the same or a lower rank: in order of rank, then of subscription */
	uint32_t at = e->count;
	while (at > 0 && e->items[at - 1].rank > rank) {
		e->items[at] = e->items[at - 1];
		at--;
	}
	e->items[at] = (php_messenger_subscriber) { fn, ctx, mask, rank };
	e->count++;
	e->mask |= mask;
}

void php_messenger_events_unsubscribe(php_messenger_events *e, php_messenger_subscriber_fn fn, void *ctx)
{
	for (uint32_t i = 0; i < e->count; i++) {
		if (e->items[i].fn == fn && e->items[i].ctx == ctx) {
			memmove(&e->items[i], &e->items[i + 1], (e->count - i - 1) * sizeof(php_messenger_subscriber));
			e->count--;
			recompute_mask(e);
			return;
		}
	}
}

void php_messenger_events_copy(php_messenger_events *to, const php_messenger_events *from)
{
	for (uint32_t i = 0; i < from->count; i++) {
		php_messenger_events_subscribe(to, from->items[i].fn, from->items[i].ctx, from->items[i].mask, from->items[i].rank);
	}
}

bool php_messenger_events_dispatch(const php_messenger_events *e, const php_messenger_event *ev)
{
	uint32_t bit = 1u << ev->type;
	for (uint32_t i = 0; i < e->count; i++) {
		if ((e->items[i].mask & bit) && (!e->items[i].fn(e->items[i].ctx, ev) || EG(exception))) {
			return false;
		}
	}
	return true;
}
/* }}} */

/* {{{ PHP listeners: callables by event name, called with an array describing the event */
void php_messenger_listeners_init(php_messenger_listeners *l)
{
	for (int i = 0; i < PHP_MESSENGER_EV__COUNT; i++) {
		ZVAL_UNDEF(&l->lists[i]);
	}
}

void php_messenger_listeners_destroy(php_messenger_listeners *l)
{
	for (int i = 0; i < PHP_MESSENGER_EV__COUNT; i++) {
		zval_ptr_dtor(&l->lists[i]);
		ZVAL_UNDEF(&l->lists[i]);
	}
}

void php_messenger_listeners_gc(php_messenger_listeners *l, zend_get_gc_buffer *buf)
{
	for (int i = 0; i < PHP_MESSENGER_EV__COUNT; i++) {
		zend_get_gc_buffer_add_zval(buf, &l->lists[i]);
	}
}

uint32_t php_messenger_listeners_mask(const php_messenger_listeners *l)
{
	uint32_t mask = 0;
	for (int i = 0; i < PHP_MESSENGER_EV__COUNT; i++) {
		if (Z_TYPE(l->lists[i]) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL(l->lists[i]))) {
			mask |= 1u << i;
		}
	}
	return mask;
}

void php_messenger_listeners_add(php_messenger_listeners *l, int event, zval *listener)
{
	if (Z_TYPE(l->lists[event]) != IS_ARRAY) {
		array_init(&l->lists[event]);
	}
	SEPARATE_ARRAY(&l->lists[event]);
	Z_TRY_ADDREF_P(listener);
	add_next_index_zval(&l->lists[event], listener);
}

/* ['event' => name, 'envelope' =>, 'transport' =>, 'error' =>, 'will_retry' =>, ...]: what the
 * event has */
static void context_of(const php_messenger_event *ev, zval *out)
{
	array_init(out);
	add_assoc_string(out, "event", event_names[ev->type]);
	if (ev->envelope) {
		GC_ADDREF(ev->envelope);
		add_assoc_object(out, "envelope", ev->envelope);
	}
	if (ev->transport) {
		add_assoc_str(out, "transport", zend_string_copy(ev->transport));
	}
	if (ev->error) {
		GC_ADDREF(ev->error);
		add_assoc_object(out, "error", ev->error);
	}
	if (ev->result) {
		GC_ADDREF(ev->result);
		add_assoc_object(out, "result", ev->result);
	}
	if (ev->type == PHP_MESSENGER_EV_FAILED) {
		add_assoc_bool(out, "will_retry", ev->will_retry);
	}
	if (ev->type == PHP_MESSENGER_EV_WEBHOOK) {
		/* what the answer says (408, 429, 5xx, no answer); the retry strategy decides the rest */
		add_assoc_bool(out, "retryable", ev->will_retry);
	}
	if (ev->type == PHP_MESSENGER_EV_RETRYING || ev->type == PHP_MESSENGER_EV_REMOVED) {
		add_assoc_long(out, "retry_count", ev->retry_count);
	}
	if (ev->type == PHP_MESSENGER_EV_RETRYING || ev->type == PHP_MESSENGER_EV_UNAVAILABLE) {
		add_assoc_long(out, "delay", ev->delay_ms);
	}
	if (ev->type == PHP_MESSENGER_EV_AVAILABLE) {
		add_assoc_long(out, "downtime", ev->delay_ms);
	}
	if (ev->failure_transport) {
		add_assoc_str(out, "failure_transport", zend_string_copy(ev->failure_transport));
	}
}

bool php_messenger_listeners_notify(void *ctx, const php_messenger_event *ev)
{
	php_messenger_listeners *l = ctx;
	zval *list = &l->lists[ev->type];
	if (Z_TYPE_P(list) != IS_ARRAY) {
		return true;
	}
	zval context, *listener;
	context_of(ev, &context);
	/* held while it is walked: a listener that adds one (Worker::on()) gets a copy to add to */
	zend_array *held = Z_ARRVAL_P(list);
	GC_ADDREF(held);
	ZEND_HASH_FOREACH_VAL(held, listener) {
		zval rv;
		call_user_function(NULL, NULL, listener, &rv, 1, &context);
		zval_ptr_dtor(&rv);
		if (EG(exception)) {
			break;
		}
	} ZEND_HASH_FOREACH_END();
	zend_array_release(held);
	zval_ptr_dtor(&context);
	return !EG(exception);
}

/* Adds a listener (its callability checked) to a list of them */
static bool add_callable(zval *list, zval *listener, const char *where)
{
	if (!zend_is_callable(listener, 0, NULL)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "%s must be callable, %s given", where, zend_zval_type_name(listener));
		return false;
	}
	if (Z_TYPE_P(list) != IS_ARRAY) {
		array_init(list);
	}
	Z_TRY_ADDREF_P(listener);
	add_next_index_zval(list, listener);
	return true;
}

bool php_messenger_callables(zval *given, const char *where, zval *out)
{
	zval *each;
	ZVAL_UNDEF(out);
	ZVAL_DEREF(given);
	if (Z_TYPE_P(given) == IS_ARRAY && zend_array_is_list(Z_ARRVAL_P(given)) && !zend_is_callable(given, 0, NULL)) {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(given), each) {
			if (!add_callable(out, each, where)) {
				zval_ptr_dtor(out);
				ZVAL_UNDEF(out);
				return false;
			}
		} ZEND_HASH_FOREACH_END();
		return true;
	}
	if (!add_callable(out, given, where)) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return false;
	}
	return true;
}

bool php_messenger_listeners_from_config(php_messenger_listeners *l, zval *config)
{
	if (Z_TYPE_P(config) != IS_ARRAY) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "listeners must be an array of event name => listener or list of listeners, %s given", zend_zval_type_name(config));
		return false;
	}
	zend_string *event;
	zval *given;
	ZEND_HASH_FOREACH_STR_KEY_VAL_IND(Z_ARRVAL_P(config), event, given) {
		if (!event) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "listeners must be keyed by event name (" EVENT_LIST ")");
			return false;
		}
		int i = php_messenger_event_index(event);
		if (i < 0) {
			return false;
		}
		zend_string *where = zend_strpprintf(0, "listeners[\"%s\"]", ZSTR_VAL(event));
		zval list, *one;
		bool ok = php_messenger_callables(given, ZSTR_VAL(where), &list);
		zend_string_release(where);
		if (!ok) {
			return false;
		}
		if (Z_TYPE(list) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), one) {
				php_messenger_listeners_add(l, i, one);
			} ZEND_HASH_FOREACH_END();
			zval_ptr_dtor(&list);
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}
/* }}} */
