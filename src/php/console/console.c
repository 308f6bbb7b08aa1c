/* Messenger\Console: the operator's commands with Symfony's names and options. Arguments are
 * read by the core (msgr_args); the commands drive the Messenger: the worker, the transports'
 * counts and setup, the stop-workers file. Errors go to stderr; an unknown command or option
 * exits with 2, as Symfony Console does. */
#include "php/console/console.h"
#include "core/base/args.h"
#include "ext/json/php_json.h"
#include "zend_smart_str.h"
#include "console_arginfo.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

zend_class_entry *php_messenger_ce_Console;


typedef struct {
	const char *name;
	const char *summary;
	const char *usage;
	const msgr_opt_spec_t *options;
	const char *const *option_help; /* one line per option, same order */
} command_t;

static const msgr_opt_spec_t consume_options[] = {
	{ "limit", 'l', MSGR_OPT_VALUE },
	{ "failure-limit", 'f', MSGR_OPT_VALUE },
	{ "memory-limit", 'm', MSGR_OPT_VALUE },
	{ "time-limit", 't', MSGR_OPT_VALUE },
	{ "sleep", 0, MSGR_OPT_VALUE },
	{ "bus", 'b', MSGR_OPT_VALUE },
	{ "queues", 0, MSGR_OPT_LIST },
	{ "no-reset", 0, MSGR_OPT_FLAG },
	{ "all", 0, MSGR_OPT_FLAG },
	{ "exclude-receivers", 0, MSGR_OPT_LIST },
	{ "keepalive", 0, MSGR_OPT_OPTIONAL },
	{ "reconnect-timeout", 0, MSGR_OPT_VALUE },
	{ "metrics", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const consume_help[] = {
	"Limit the number of received messages",
	"The number of failed messages the worker can consume",
	"The memory limit the worker can consume (e.g. 128M)",
	"The time limit in seconds the worker can handle new messages",
	"Seconds to sleep before asking for new messages after no messages were found",
	"Name of the bus to which received messages should be dispatched",
	"Limit receivers to only consume from the specified queues (repeatable)",
	"Do not reset the container services after each message",
	"Consume messages from all receivers",
	"Exclude receivers when consuming from all (repeatable)",
	"Keep the message being handled alive in its transport every N seconds (default 5)",
	"Seconds a transport may stay unreachable before the worker gives up (default: waits for ever)",
	"Serve Prometheus metrics on GET /metrics at this address (host:port; a port alone: 127.0.0.1)",
};
static const msgr_opt_spec_t dashboard_options[] = {
	{ "listen", 0, MSGR_OPT_VALUE },
	{ "token", 0, MSGR_OPT_VALUE },
	{ "path", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const dashboard_help[] = {
	"The address to listen on (default 127.0.0.1:8080)",
	"The token every request must carry (required when it listens beyond 127.0.0.1)",
	"The path it is served under (default /)",
};
static const msgr_opt_spec_t stats_options[] = {
	{ "format", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const stats_help[] = { "The output format: txt or json" };
static const msgr_opt_spec_t failed_show_options[] = {
	{ "max", 0, MSGR_OPT_VALUE },
	{ "transport", 0, MSGR_OPT_VALUE },
	{ "stats", 0, MSGR_OPT_FLAG },
	{ "class-filter", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const failed_show_help[] = {
	"Maximum number of messages to list (default 50)",
	"The failure transport to use (default: the configuration's)",
	"Display the message count by class",
	"Only the messages of this class",
};
static const msgr_opt_spec_t failed_retry_options[] = {
	{ "force", 0, MSGR_OPT_FLAG },
	{ "transport", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const failed_retry_help[] = {
	"Retry without asking about each message",
	"The failure transport to use (default: the configuration's)",
};
static const msgr_opt_spec_t failed_remove_options[] = {
	{ "all", 0, MSGR_OPT_FLAG },
	{ "force", 0, MSGR_OPT_FLAG },
	{ "transport", 0, MSGR_OPT_VALUE },
	{ "show-messages", 0, MSGR_OPT_FLAG },
	{ "class-filter", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const failed_remove_help[] = {
	"Remove every message of the failure transport",
	"Remove without asking",
	"The failure transport to use (default: the configuration's)",
	"Display each message before it is removed",
	"Only the messages of this class",
};
static const msgr_opt_spec_t no_options[] = { { NULL, 0, 0 } };
static const char *const no_help[] = { NULL };

static const command_t commands[] = {
	{ "list", "List commands", "list", no_options, no_help },
	{ "help", "Display help for a command", "help <command>", no_options, no_help },
	{ "messenger:consume", "Consume messages", "messenger:consume [options] [<receivers>...]", consume_options, consume_help },
	{ "messenger:setup-transports", "Prepare the required infrastructure for the transport", "messenger:setup-transports [<transport>]", no_options, no_help },
	{ "messenger:stats", "Show the message count for one or more transports", "messenger:stats [--format=txt|json] [<transports>...]", stats_options, stats_help },
	{ "messenger:stop-workers", "Stop workers after their current message", "messenger:stop-workers", no_options, no_help },
	{ "messenger:failed:show", "Show one or more messages from the failure transport", "messenger:failed:show [options] [<id>]", failed_show_options, failed_show_help },
	{ "messenger:failed:retry", "Retry one or more messages from the failure transport", "messenger:failed:retry [options] [<id>...]", failed_retry_options, failed_retry_help },
	{ "messenger:failed:remove", "Remove given messages from the failure transport", "messenger:failed:remove [options] [<id>...]", failed_remove_options, failed_remove_help },
	{ "debug:messenger", "List messages you can dispatch using the message buses", "debug:messenger [<bus>]", no_options, no_help },
	{ "messenger:dashboard", "Serve the dashboard: the queues, the workers, the failed messages", "messenger:dashboard [--listen=127.0.0.1:8080] [--token=...]", dashboard_options, dashboard_help },
};
#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

typedef struct {
	zend_object *messenger;
	zend_object std;
} php_messenger_console;

static zend_object_handlers console_handlers;

static inline php_messenger_console *console_from(zend_object *obj)
{
	return (php_messenger_console *) ((char *) obj - XtOffsetOf(php_messenger_console, std));
}

/* messenger:stop-workers writes it, workers started by messenger:consume watch it: under the
 * Messenger's project_dir, so both meet whatever folder each runs from */
static zend_string *stop_file(php_messenger_console *c)
{
	return zend_strpprintf(0, "%s/var/messenger-stop-workers", ZSTR_VAL(php_messenger_messenger_project_dir(c->messenger)));
}

/* beside it, the workers' reports to the dashboard */
zend_string *php_messenger_console_status_dir(zend_object *messenger)
{
	return zend_strpprintf(0, "%s/var/messenger-workers", ZSTR_VAL(php_messenger_messenger_project_dir(messenger)));
}

static zend_object *console_create(zend_class_entry *ce)
{
	php_messenger_console *c = zend_object_alloc(sizeof(php_messenger_console), ce);
	c->messenger = NULL;
	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &console_handlers;
	return &c->std;
}

static void console_free(zend_object *obj)
{
	php_messenger_console *c = console_from(obj);
	if (c->messenger) {
		OBJ_RELEASE(c->messenger);
	}
	zend_object_std_dtor(obj);
}

static HashTable *console_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_console *c = console_from(obj);
	if (c->messenger) {
		zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
		zend_get_gc_buffer_add_obj(buf, c->messenger);
		zend_get_gc_buffer_use(buf, table, n);
	} else {
		*table = NULL;
		*n = 0;
	}
	return NULL;
}

/* {{{ output */
static void out(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
static void out(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	zend_string *s = zend_vstrpprintf(0, fmt, ap);
	va_end(ap);
	PHPWRITE(ZSTR_VAL(s), ZSTR_LEN(s));
	zend_string_release(s);
}

static void err_line(const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 1, 2);
static void err_line(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}
/* }}} */

/* The command name means, as Symfony Console finds it: the name, or the one command it
 * abbreviates ("m:stats"); else NULL after saying why, with the commands it may have meant. */
static const command_t *find_command(const char *name)
{
	const char *names[COMMAND_COUNT];
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		names[i] = commands[i].name;
	}
	size_t matches[MSGR_COMMAND_SUGGEST_MAX], n;
	int found = msgr_command_find(name, names, COMMAND_COUNT, matches, &n);
	if (found >= 0) {
		return &commands[found];
	}
	if (found == MSGR_COMMAND_AMBIGUOUS) {
		err_line("Command \"%s\" is ambiguous.\nDid you mean one of these?", name);
	} else if ((n = msgr_command_alternatives(name, names, COMMAND_COUNT, matches)) > 0) {
		err_line("Command \"%s\" is not defined.\n\nDid you mean %s?", name, n == 1 ? "this" : "one of these");
	} else {
		err_line("Command \"%s\" is not defined.", name);
	}
	for (size_t i = 0; i < n; i++) {
		err_line("    %-28s %s", names[matches[i]], commands[matches[i]].summary);
	}
	return NULL;
}

static void print_help(const command_t *c)
{
	out("Description:\n  %s\n\nUsage:\n  %s\n", c->summary, c->usage);
	out("\nOptions:\n");
	for (size_t i = 0; c->options[i].name; i++) {
		char left[64];
		snprintf(left, sizeof(left), "%s%c%s--%s%s", c->options[i].short_name ? "-" : "   ", c->options[i].short_name ? c->options[i].short_name : ' ',
			c->options[i].short_name ? ", " : "", c->options[i].name,
			c->options[i].kind == MSGR_OPT_FLAG ? "" : c->options[i].kind == MSGR_OPT_OPTIONAL ? "[=VALUE]" : "=VALUE");
		out("  %-32s %s\n", left, c->option_help[i] ? c->option_help[i] : "");
	}
	out("  %-32s %s\n", "-h, --help", "Display help for the given command");
	out("  %-32s %s\n", "-q, --quiet", "Do not output any message");
	out("  %-32s %s\n", "-v|vv|vvv, --verbose", "More output: -v one line per message");
	out("  %-32s %s\n", "    --config=FILE", "The configuration file (bin/console; default: $MESSENGER_CONFIG, else config/messenger.php)");
}

static int cmd_list(void)
{
	out("Available commands:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		out("  %-28s %s\n", commands[i].name, commands[i].summary);
	}
	return 0;
}

/* {{{ a progress line for long operations: on stderr, only when it is a terminal and the
 * command is neither quiet nor verbose (a pipe or a log file never gets one) */
typedef struct {
	bool on;
	bool shown;
	int width;
	zend_long last_ms;
} progress_t;

static void progress_init(progress_t *p, int verbosity)
{
	memset(p, 0, sizeof(*p));
	p->on = verbosity == 0 && isatty(2);
}

/* Redrawn at most every 200 ms unless now. */
static void progress_show(progress_t *p, bool now, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
static void progress_show(progress_t *p, bool now, const char *fmt, ...)
{
	if (!p->on || (!now && p->shown && php_messenger_monotonic_ms() - p->last_ms < 200)) {
		return;
	}
	char line[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	int n = (int) strlen(line);
	fprintf(stderr, "\r%s%*s", line, p->width > n ? p->width - n : 0, "");
	fflush(stderr);
	p->width = n;
	p->shown = true;
	p->last_ms = php_messenger_monotonic_ms();
}

static void progress_clear(progress_t *p)
{
	if (p->shown) {
		fprintf(stderr, "\r%*s\r", p->width, "");
		fflush(stderr);
	}
	p->shown = false;
}
/* }}} */

/* {{{ messenger:consume */
typedef struct {
	int verbosity;
	zend_long since_ms;
	zend_long handled;
	zend_long failed;
	zend_long started_ms;
	bool retrying;          /* the message failing now is being sent for a retry: */
	zend_long retry_count;  /* its number, */
	zend_long retry_delay;  /* after this many ms */
	progress_t progress;
} report_ctx;

/* With -v: one line per message on stderr: time, transport, class, id, outcome, ms, retries. */
#define REPORT_EVENTS ((1u << PHP_MESSENGER_EV_RECEIVED) | (1u << PHP_MESSENGER_EV_HANDLED) | (1u << PHP_MESSENGER_EV_FAILED) \
	| (1u << PHP_MESSENGER_EV_RETRYING))

static bool report(void *ctx, const php_messenger_event *ev)
{
	report_ctx *r = ctx;
	zend_object *envelope = ev->envelope, *error = ev->error;
	zend_string *transport = ev->transport;
	if (ev->type == PHP_MESSENGER_EV_RECEIVED) {
		r->since_ms = php_messenger_monotonic_ms();
		r->retrying = false;
		return true;
	}
	if (ev->type == PHP_MESSENGER_EV_RETRYING) {
		/* told before the message's "failed": its line says when the retry comes */
		r->retrying = true;
		r->retry_count = ev->retry_count;
		r->retry_delay = ev->delay_ms;
		return true;
	}
	bool handled = ev->type == PHP_MESSENGER_EV_HANDLED;
	if (handled) {
		r->handled++;
	} else {
		r->failed++;
	}
	if (r->verbosity < 1) {
		zend_long ms = php_messenger_monotonic_ms() - r->started_ms;
		progress_show(&r->progress, false, "%ld handled, %ld failed, %ld messages/s", (long) r->handled, (long) r->failed,
			(long) (ms > 0 ? (r->handled + r->failed) * 1000 / ms : 0));
		return true;
	}
	char when[32];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(when, sizeof(when), "%H:%M:%S", &tm);
	const char *cls = envelope ? ZSTR_VAL(Z_OBJCE_P(php_messenger_envelope_message(envelope))->name) : "(undecodable)";
	zend_object *id_stamp = envelope ? php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp) : NULL;
	zend_string *id = id_stamp ? zval_get_string(php_messenger_stamp_prop(id_stamp, 0)) : zend_string_init("-", 1, 0);
	zend_object *redelivery = envelope ? php_messenger_envelope_last(envelope, php_messenger_ce_RedeliveryStamp) : NULL;
	zend_long retries = redelivery ? Z_LVAL_P(php_messenger_stamp_prop(redelivery, 0)) : 0;
	/* "handled in 3 ms (retry 0)", "failed in 3 ms (retry 0), sending for retry #1 using 1000 ms
	 * delay" (Symfony's words for the retry), "failed in 3 ms (retry 3)"; -vv adds the error */
	char retry_note[96] = "";
	if (!handled && ev->will_retry && r->retrying) {
		snprintf(retry_note, sizeof(retry_note), ", sending for retry #%ld using %ld ms delay", (long) r->retry_count, (long) r->retry_delay);
	}
	r->retrying = false;
	zval rv;
	zval *msg = error && r->verbosity >= 2 ? php_messenger_throwable_prop(error, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv) : NULL;
	err_line("%s %s %s #%s %s in %ld ms (retry %ld)%s%s%s", when, transport ? ZSTR_VAL(transport) : "-", cls, ZSTR_VAL(id),
		handled ? "handled" : "failed", (long) (php_messenger_monotonic_ms() - r->since_ms), (long) retries, retry_note,
		msg ? ": " : "", msg && Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
	zend_string_release(id);
	return true;
}

static bool long_option(const msgr_args_t *args, const char *name, zval *options, const char *key)
{
	const char *v = msgr_args_get(args, name);
	if (!v) {
		return true;
	}
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 0) {
		err_line("The \"--%s\" option must be a non-negative integer, \"%s\" given.", name, v);
		return false;
	}
	add_assoc_long(options, key, (zend_long) n);
	return true;
}

static int cmd_consume(php_messenger_console *c, const msgr_args_t *args)
{
	HashTable *transports = php_messenger_messenger_transports(c->messenger);
	zval names, options;
	array_init(&names);
	array_init(&options);
	int code = 0;
	if (msgr_args_has(args, "all")) {
		zend_string *name;
		php_messenger_transport *t;
		ZEND_HASH_FOREACH_STR_KEY_PTR(transports, name, t) {
			bool excluded = false;
			for (size_t i = 0; i < args->option_count; i++) {
				excluded = excluded || (strcmp(args->options[i].name, "exclude-receivers") == 0 && zend_string_equals_cstr(name, args->options[i].value, strlen(args->options[i].value)));
			}
			if (!excluded && (t->caps & PHP_MESSENGER_CAN_RECEIVE)) {
				add_next_index_str(&names, zend_string_copy(name));
			}
		} ZEND_HASH_FOREACH_END();
	}
	for (size_t i = 1; i < args->positional_count; i++) {
		add_next_index_string(&names, args->positional[i]);
	}
	if (zend_hash_num_elements(Z_ARRVAL(names)) == 0) {
		zend_string *known = php_messenger_names_of(transports);
		err_line("Please pass at least one receiver (or --all). Transports: %s", ZSTR_VAL(known));
		zend_string_release(known);
		code = 1;
		goto done;
	}
	if (!long_option(args, "limit", &options, "limit") || !long_option(args, "failure-limit", &options, "failure_limit") ||
		!long_option(args, "time-limit", &options, "time_limit") || !long_option(args, "reconnect-timeout", &options, "reconnect_timeout")) {
		code = 2;
		goto done;
	}
	const char *v;
	if ((v = msgr_args_get(args, "memory-limit"))) {
		add_assoc_string(&options, "memory_limit", v);
	}
	if ((v = msgr_args_get(args, "sleep"))) {
		char *end;
		double s = strtod(v, &end);
		if (*v == '\0' || *end != '\0' || s < 0) {
			err_line("The \"--sleep\" option must be a number of seconds, \"%s\" given.", v);
			code = 2;
			goto done;
		}
		add_assoc_double(&options, "sleep", s);
	}
	if ((v = msgr_args_get(args, "bus"))) {
		add_assoc_string(&options, "bus", v);
	}
	zval queues;
	array_init(&queues);
	for (size_t i = 0; i < args->option_count; i++) {
		if (strcmp(args->options[i].name, "queues") == 0) {
			add_next_index_string(&queues, args->options[i].value);
		}
	}
	if (zend_hash_num_elements(Z_ARRVAL(queues))) {
		add_assoc_zval(&options, "queues", &queues);
	} else {
		zval_ptr_dtor(&queues);
	}
	add_assoc_str(&options, "stop_file", stop_file(c));
	add_assoc_str(&options, "status_dir", php_messenger_console_status_dir(c->messenger));
	if ((v = msgr_args_get(args, "metrics"))) {
		add_assoc_string(&options, "metrics", v);
	}
	if (msgr_args_has(args, "no-reset")) {
		add_assoc_bool(&options, "reset", false);
	}
	if ((v = msgr_args_get(args, "keepalive"))) {
		/* --keepalive alone: every 5 s, as Symfony */
		if (*v == '\0') {
			add_assoc_bool(&options, "keepalive", true);
		} else if (!long_option(args, "keepalive", &options, "keepalive")) {
			code = 2;
			goto done;
		}
	}

	zval messenger, worker, rv;
	ZVAL_OBJ(&messenger, c->messenger);
	zend_call_method_with_2_params(c->messenger, c->messenger->ce, NULL, "worker", &worker, &names, &options);
	if (EG(exception)) {
		zval_ptr_dtor(&worker);
		code = 1;
		goto done;
	}
	report_ctx r = { args->verbosity, 0, 0, 0, php_messenger_monotonic_ms() };
	progress_init(&r.progress, args->verbosity);
	php_messenger_events_subscribe(php_messenger_worker_events(Z_OBJ(worker)), report, &r, REPORT_EVENTS, PHP_MESSENGER_RANK_CONSOLE);
	if (args->verbosity >= 0) {
		zval *n;
		smart_str s = { 0 };
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(names), n) {
			if (s.s) {
				smart_str_appends(&s, ", ");
			}
			smart_str_append(&s, Z_STR_P(n));
		} ZEND_HASH_FOREACH_END();
		smart_str_0(&s);
		err_line("[OK] Consuming messages from transport%s \"%s\".", zend_hash_num_elements(Z_ARRVAL(names)) > 1 ? "s" : "", ZSTR_VAL(s.s));
		smart_str_free(&s);
	}
	zval empty;
	array_init(&empty);
	zend_call_method_with_1_params(Z_OBJ(worker), Z_OBJCE(worker), NULL, "run", &rv, &empty);
	zval_ptr_dtor(&empty);
	php_messenger_events_unsubscribe(php_messenger_worker_events(Z_OBJ(worker)), report, &r);
	progress_clear(&r.progress);
	code = EG(exception) ? 1 : (int) zval_get_long(&rv);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&worker);
done:
	zval_ptr_dtor(&names);
	zval_ptr_dtor(&options);
	return code;
}
/* }}} */

/* True when no name is given or it is configured; else an error line names the configured ones. */
static bool is_configured(HashTable *configured, const char *name, const char *what)
{
	if (!name || zend_hash_str_exists(configured, name, strlen(name))) {
		return true;
	}
	zend_string *known = php_messenger_names_of(configured);
	err_line("The \"%s\" %s does not exist (configured: %s).", name, what, ZSTR_VAL(known));
	zend_string_release(known);
	return false;
}

static int cmd_setup(php_messenger_console *c, const msgr_args_t *args)
{
	HashTable *transports = php_messenger_messenger_transports(c->messenger);
	zend_string *name;
	php_messenger_transport *t;
	const char *only = args->positional_count > 1 ? args->positional[1] : NULL;
	if (!is_configured(transports, only, "transport")) {
		return 1;
	}
	ZEND_HASH_FOREACH_STR_KEY_PTR(transports, name, t) {
		if (only && !zend_string_equals_cstr(name, only, strlen(only))) {
			continue;
		}
		if (!(t->caps & PHP_MESSENGER_CAN_SETUP)) {
			out("The \"%s\" transport does not support setup.\n", ZSTR_VAL(name));
			continue;
		}
		if (!t->ops->setup(t)) {
			return 1;
		}
		out("The \"%s\" transport was set up successfully.\n", ZSTR_VAL(name));
	} ZEND_HASH_FOREACH_END();
	return 0;
}

/* n times c */
static void repeat(char c, size_t n)
{
	for (; n > 0; n--) {
		out("%c", c);
	}
}

static void underlined(const char *title, char line)
{
	out("%s\n", title);
	repeat(line, strlen(title));
	out("\n\n");
}

static void print_type_handlers(void *ctx, zend_string *type, const php_messenger_handler *const *items, uint32_t n)
{
	(void) ctx;
	out("  %s\n", ZSTR_VAL(type));
	for (uint32_t i = 0; i < n; i++) {
		const php_messenger_handler *item = items[i];
		out("      handled by %s", ZSTR_VAL(item->name));
		if (item->from_transport && item->priority) {
			out(" (when from_transport=%s, priority=" ZEND_LONG_FMT ")", ZSTR_VAL(item->from_transport), item->priority);
		} else if (item->from_transport) {
			out(" (when from_transport=%s)", ZSTR_VAL(item->from_transport));
		} else if (item->priority) {
			out(" (when priority=" ZEND_LONG_FMT ")", item->priority);
		}
		out("\n");
	}
	out("\n");
}

/* The message types each bus handles, with their handlers in call order */
static int cmd_debug(php_messenger_console *c, const msgr_args_t *args)
{
	HashTable *buses = php_messenger_messenger_buses(c->messenger);
	if (args->positional_count > 2) {
		err_line("Too many arguments: debug:messenger takes one bus name.");
		return 2;
	}
	const char *only = args->positional_count > 1 ? args->positional[1] : NULL;
	if (!is_configured(buses, only, "bus")) {
		return 1;
	}
	underlined("Messenger", '=');
	zend_string *name;
	zval *bus;
	ZEND_HASH_FOREACH_STR_KEY_VAL(buses, name, bus) {
		if (only && !zend_string_equals_cstr(name, only, strlen(only))) {
			continue;
		}
		underlined(ZSTR_VAL(name), '-');
		bool any = false;
		zval *mw;
		ZEND_HASH_FOREACH_VAL(php_messenger_bus_middleware(Z_OBJ_P(bus)), mw) {
			php_messenger_handlers *h = Z_TYPE_P(mw) == IS_OBJECT ? php_messenger_handle_middleware_handlers(Z_OBJ_P(mw)) : NULL;
			if (h && h->count) {
				if (!any) {
					out(" The following messages can be dispatched:\n\n");
				}
				any = true;
				php_messenger_handlers_each_type(h, print_type_handlers, NULL);
			}
		} ZEND_HASH_FOREACH_END();
		if (!any) {
			out(" [WARNING] No handled message found in bus \"%s\".\n\n", ZSTR_VAL(name));
		}
	} ZEND_HASH_FOREACH_END();
	return 0;
}

static int cmd_stats(php_messenger_console *c, const msgr_args_t *args)
{
	const char *format = msgr_args_get(args, "format");
	if (format && strcmp(format, "txt") != 0 && strcmp(format, "json") != 0) {
		err_line("The \"--format\" option must be txt or json, \"%s\" given.", format);
		return 2;
	}
	bool json = format && strcmp(format, "json") == 0;
	HashTable *transports = php_messenger_messenger_transports(c->messenger);
	zval counts, uncountable, failing;
	array_init(&counts);
	array_init(&uncountable);
	array_init(&failing);
	for (size_t i = 1; i < args->positional_count; i++) {
		if (!is_configured(transports, args->positional[i], "transport")) {
			zval_ptr_dtor(&counts);
			zval_ptr_dtor(&uncountable);
			zval_ptr_dtor(&failing);
			return 1;
		}
	}
	zend_string *name;
	php_messenger_transport *t;
	ZEND_HASH_FOREACH_STR_KEY_PTR(transports, name, t) {
		bool wanted = args->positional_count <= 1;
		for (size_t i = 1; i < args->positional_count; i++) {
			wanted = wanted || zend_string_equals_cstr(name, args->positional[i], strlen(args->positional[i]));
		}
		if (!wanted) {
			continue;
		}
		if (!(t->caps & PHP_MESSENGER_CAN_COUNT)) {
			add_next_index_str(&uncountable, zend_string_copy(name));
			continue;
		}
		zend_long n;
		if (!t->ops->count(t, &n)) {
			/* a transport that is down: the others are still shown, this one with its error */
			zend_object *ex;
			if (!php_messenger_take_exception(&ex)) {
				break;
			}
			zval rv;
			zval *msg = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
			add_assoc_str(&failing, ZSTR_VAL(name), zend_strpprintf(0, "%s: %s", ZSTR_VAL(ex->ce->name), Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : ""));
			OBJ_RELEASE(ex);
			continue;
		}
		zval entry;
		array_init(&entry);
		add_assoc_long(&entry, "count", n);
		zend_hash_update(Z_ARRVAL(counts), name, &entry);
	} ZEND_HASH_FOREACH_END();
	if (EG(exception)) {
		/* one that could not be taken (an exit in a transport written in PHP) */
		zval_ptr_dtor(&counts);
		zval_ptr_dtor(&uncountable);
		zval_ptr_dtor(&failing);
		return 1;
	}
	int code = zend_hash_num_elements(Z_ARRVAL(failing)) ? 1 : 0;
	if (json) {
		zval doc;
		array_init(&doc);
		add_assoc_zval(&doc, "transports", &counts);
		add_assoc_zval(&doc, "uncountable_transports", &uncountable);
		if (code) {
			add_assoc_zval(&doc, "failing_transports", &failing);
		} else {
			zval_ptr_dtor(&failing);
		}
		smart_str s = { 0 };
		php_json_encode(&s, &doc, PHP_JSON_PRETTY_PRINT | PHP_JSON_UNESCAPED_SLASHES);
		smart_str_0(&s);
		out("%s\n", ZSTR_VAL(s.s));
		smart_str_free(&s);
		zval_ptr_dtor(&doc);
		return code;
	}
	size_t width = strlen("Transport");
	ZEND_HASH_FOREACH_STR_KEY(transports, name) {
		width = ZSTR_LEN(name) > width ? ZSTR_LEN(name) : width;
	} ZEND_HASH_FOREACH_END();
	out(" %-*s   Count \n", (int) width, "Transport");
	out(" ");
	repeat('-', width);
	out("   ----- \n");
	zval *entry;
	/* in the configuration's order, a failing transport in its place */
	ZEND_HASH_FOREACH_STR_KEY(transports, name) {
		if ((entry = zend_hash_find(Z_ARRVAL(counts), name))) {
			out(" %-*s   %5ld \n", (int) width, ZSTR_VAL(name), (long) Z_LVAL_P(zend_hash_str_find(Z_ARRVAL_P(entry), "count", 5)));
		} else if (zend_hash_exists(Z_ARRVAL(failing), name)) {
			out(" %-*s   ERROR \n", (int) width, ZSTR_VAL(name));
		}
	} ZEND_HASH_FOREACH_END();
	zval *u;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(uncountable), u) {
		out("\n ! [NOTE] Unable to get message count for the \"%s\" transport.\n", Z_STRVAL_P(u));
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(failing), name, u) {
		err_line("\n [ERROR] The \"%s\" transport could not count its messages: %s", ZSTR_VAL(name), Z_STRVAL_P(u));
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&counts);
	zval_ptr_dtor(&uncountable);
	zval_ptr_dtor(&failing);
	return code;
}

static int cmd_stop_workers(php_messenger_console *c)
{
	zend_string *file = stop_file(c);
	zend_string *dir = zend_strpprintf(0, "%s/var", ZSTR_VAL(php_messenger_messenger_project_dir(c->messenger)));
	php_stream_mkdir(ZSTR_VAL(dir), 0777, PHP_STREAM_MKDIR_RECURSIVE, NULL);
	zend_string_release(dir);
	FILE *f = fopen(ZSTR_VAL(file), "w");
	if (!f) {
		err_line("Could not write %s: workers cannot be told to stop.", ZSTR_VAL(file));
		zend_string_release(file);
		return 1;
	}
	zend_string_release(file);
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(f, "%.6f\n", (double) ts.tv_sec + (double) ts.tv_nsec / 1e9);
	fclose(f);
	out("[OK] Signal successfully sent to stop any running workers.\n");
	return 0;
}

/* {{{ messenger:failed:* */
/* The failure transport named by --transport, else the configuration's (global) one. */
static php_messenger_transport *failure_transport(php_messenger_console *c, const msgr_args_t *args, zend_string **name, bool need_list)
{
	const char *given = msgr_args_get(args, "transport");
	zend_string *wanted = given ? zend_string_init(given, strlen(given), 0) : NULL;
	if (!wanted) {
		zend_string *global = php_messenger_messenger_failure(c->messenger, ZSTR_EMPTY_ALLOC());
		if (!global) {
			err_line("No failure transport is configured: pass --transport.");
			return NULL;
		}
		wanted = zend_string_copy(global);
	}
	php_messenger_transport *t = php_messenger_messenger_transport(c->messenger, wanted);
	if (!t || (need_list && !(t->caps & PHP_MESSENGER_CAN_LIST)) || (!need_list && !(t->caps & (PHP_MESSENGER_CAN_LIST | PHP_MESSENGER_CAN_RECEIVE)))) {
		err_line(t ? "The \"%s\" transport cannot list its messages (Messenger\\Transport\\Receiver\\ListableReceiverInterface)." : "The \"%s\" transport does not exist.", ZSTR_VAL(wanted));
		zend_string_release(wanted);
		return NULL;
	}
	*name = wanted;
	return t;
}

zend_string *php_messenger_console_id_text(zend_object *envelope)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	return stamp ? zval_get_string(php_messenger_stamp_prop(stamp, 0)) : zend_string_init("-", 1, 0);
}

static bool class_matches(zend_object *envelope, const char *filter)
{
	return !filter || zend_string_equals_cstr(Z_OBJCE_P(php_messenger_envelope_message(envelope))->name, filter, strlen(filter));
}

/* The messages to act on: the ids given (each found), or every message. */
static bool selected(const php_messenger_transport *t, const msgr_args_t *args, bool all_when_none, zval *out)
{
	array_init(out);
	zval rv;
	if (args->positional_count <= 1) {
		if (!all_when_none) {
			return true;
		}
		if (!t->ops->all(t, 0, &rv)) {
			return false;
		}
		zval *e;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rv), e) {
			Z_ADDREF_P(e);
			add_next_index_zval(out, e);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&rv);
		return true;
	}
	for (size_t i = 1; i < args->positional_count; i++) {
		zval id;
		const char *text = args->positional[i];
		char *end;
		long long n = strtoll(text, &end, 10);
		if (*text && !*end) {
			ZVAL_LONG(&id, (zend_long) n);
		} else {
			ZVAL_STRING(&id, text);
		}
		bool found = t->ops->find(t, &id, &rv);
		zval_ptr_dtor(&id);
		if (!found) {
			return false;
		}
		if (Z_TYPE(rv) != IS_OBJECT) {
			err_line("The message \"%s\" was not found.", text);
			zval_ptr_dtor(&rv);
			return false;
		}
		add_next_index_zval(out, &rv);
	}
	return true;
}

/* When the message last failed (in format), or "-" */
zend_string *php_messenger_console_failed_at(zend_object *e, const char *format)
{
	zend_object *redelivery = php_messenger_envelope_last(e, php_messenger_ce_RedeliveryStamp);
	zval *at = redelivery ? php_messenger_stamp_prop(redelivery, 1) : NULL;
	if (!at || Z_TYPE_P(at) != IS_OBJECT) {
		return zend_string_init("-", 1, 0);
	}
	zval rv;
	zval f;
	ZVAL_STRING(&f, format);
	zend_call_method_with_1_params(Z_OBJ_P(at), Z_OBJCE_P(at), NULL, "format", &rv, &f);
	zval_ptr_dtor(&f);
	if (Z_TYPE(rv) != IS_STRING) {
		zval_ptr_dtor(&rv);
		return zend_string_init("?", 1, 0);
	}
	return Z_STR(rv);
}

static void show_envelope(zend_object *e, int verbosity)
{
	zend_string *id = php_messenger_console_id_text(e);
	out("\n Id:            %s\n Class:         %s\n", ZSTR_VAL(id), ZSTR_VAL(Z_OBJCE_P(php_messenger_envelope_message(e))->name));
	zend_string_release(id);
	zend_object *sent = php_messenger_envelope_last(e, php_messenger_ce_SentToFailureTransportStamp);
	if (sent) {
		out(" From:          %s\n", Z_STRVAL_P(php_messenger_stamp_prop(sent, 0)));
	}
	zend_string *at = php_messenger_console_failed_at(e, "Y-m-d H:i:s");
	if (!zend_string_equals_literal(at, "-")) {
		out(" Failed at:     %s\n", ZSTR_VAL(at));
	}
	zend_string_release(at);
	zend_object *error = php_messenger_envelope_last(e, php_messenger_ce_ErrorDetailsStamp);
	if (error) {
		zend_string *code = zval_get_string(php_messenger_stamp_prop(error, 1));
		out(" Error:         %s\n Error class:   %s\n Error code:    %s\n", Z_STRVAL_P(php_messenger_stamp_prop(error, 2)),
			Z_STRVAL_P(php_messenger_stamp_prop(error, 0)), ZSTR_VAL(code));
		zend_string_release(code);
	}
	HashTable *history = php_messenger_envelope_list(e, php_messenger_ce_ErrorDetailsStamp);
	out(" Failures:      %u\n", history ? zend_hash_num_elements(history) : 0);
	if (verbosity < 2) {
		out("\n Re-run the command with -vv to see the message.\n");
		return;
	}
	/* -vv: the message itself, as print_r() shows it */
	zend_string *dump = zend_print_zval_r_to_str(php_messenger_envelope_message(e), 1);
	out("\n Message:\n %s\n", ZSTR_VAL(dump));
	zend_string_release(dump);
}

static int cmd_failed_show(php_messenger_console *c, const msgr_args_t *args)
{
	zend_string *name;
	php_messenger_transport *t = failure_transport(c, args, &name, true);
	if (!t) {
		return 1;
	}
	const char *max_text = msgr_args_get(args, "max");
	long max = max_text ? strtol(max_text, NULL, 10) : 50;
	const char *filter = msgr_args_get(args, "class-filter");
	zval list;
	int code = 0;
	if (!selected(t, args, true, &list)) {
		code = 1;
	} else if (args->positional_count > 1) {
		zval *e;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), e) {
			show_envelope(Z_OBJ_P(e), args->verbosity);
		} ZEND_HASH_FOREACH_END();
	} else if (msgr_args_has(args, "stats")) {
		zval per_class;
		array_init(&per_class);
		zval *e;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), e) {
			zend_string *cls = Z_OBJCE_P(php_messenger_envelope_message(Z_OBJ_P(e)))->name;
			zval *n = zend_hash_find(Z_ARRVAL(per_class), cls);
			if (n) {
				Z_LVAL_P(n)++;
			} else {
				zval one;
				ZVAL_LONG(&one, 1);
				zend_hash_add(Z_ARRVAL(per_class), cls, &one);
			}
		} ZEND_HASH_FOREACH_END();
		/* the class column as wide as its longest name, at least 40 */
		int width = 40;
		zend_string *cls;
		zval *n;
		ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(per_class), cls) {
			width = ZSTR_LEN(cls) + 1 > (size_t) width ? (int) ZSTR_LEN(cls) + 1 : width;
		} ZEND_HASH_FOREACH_END();
		out(" %-*s %s\n", width, "Class", "Count");
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(per_class), cls, n) {
			out(" %-*s %ld\n", width, ZSTR_VAL(cls), (long) Z_LVAL_P(n));
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&per_class);
	} else {
		/* the rows first, so each column is as wide as its longest value */
		zval rows;
		array_init(&rows);
		size_t id_w = strlen("Id"), class_w = strlen("Class");
		long shown = 0;
		zval *e;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), e) {
			if (!class_matches(Z_OBJ_P(e), filter)) {
				continue;
			}
			if (shown++ >= max) {
				break;
			}
			zend_string *cls = Z_OBJCE_P(php_messenger_envelope_message(Z_OBJ_P(e)))->name;
			zend_object *error = php_messenger_envelope_last(Z_OBJ_P(e), php_messenger_ce_ErrorDetailsStamp);
			zval row;
			array_init_size(&row, 4);
			add_next_index_str(&row, php_messenger_console_id_text(Z_OBJ_P(e)));
			add_next_index_str(&row, zend_string_copy(cls));
			add_next_index_str(&row, php_messenger_console_failed_at(Z_OBJ_P(e), "Y-m-d H:i:s"));
			zval *message = php_messenger_envelope_message(Z_OBJ_P(e));
			zval *unreadable = Z_OBJCE_P(message) == php_messenger_ce_UndecodableMessage ? OBJ_PROP_NUM(Z_OBJ_P(message), 2) : NULL;
			/* the error it failed with, else why it could not be read */
			add_next_index_string(&row, error ? Z_STRVAL_P(php_messenger_stamp_prop(error, 2))
				: unreadable && Z_TYPE_P(unreadable) == IS_STRING ? Z_STRVAL_P(unreadable) : "-");
			id_w = MAX(id_w, Z_STRLEN_P(zend_hash_index_find(Z_ARRVAL(row), 0)));
			class_w = MAX(class_w, ZSTR_LEN(cls));
			add_next_index_zval(&rows, &row);
		} ZEND_HASH_FOREACH_END();
		out(" %-*s  %-*s  %-19s  %s\n", (int) id_w, "Id", (int) class_w, "Class", "Failed at", "Error");
		zval *row;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			out(" %-*s  %-*s  %-19s  %s\n", (int) id_w, Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(row), 0)),
				(int) class_w, Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(row), 1)),
				Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(row), 2)), Z_STRVAL_P(zend_hash_index_find(Z_ARRVAL_P(row), 3)));
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&rows);
		out("\n %ld message%s in the failure transport \"%s\".\n", (long) zend_hash_num_elements(Z_ARRVAL(list)),
			zend_hash_num_elements(Z_ARRVAL(list)) == 1 ? "" : "s", ZSTR_VAL(name));
	}
	zval_ptr_dtor(&list);
	zend_string_release(name);
	return code;
}

/* y/n on a terminal; false (no) when stdin is not one */
static bool confirm(const char *question, bool default_yes)
{
	if (!isatty(0)) {
		return default_yes;
	}
	fprintf(stderr, "%s (%s) ", question, default_yes ? "yes/no [yes]" : "yes/no [no]");
	fflush(stderr);
	char answer[16];
	if (!fgets(answer, sizeof(answer), stdin) || answer[0] == '\n') {
		return default_yes;
	}
	return answer[0] == 'y' || answer[0] == 'Y';
}

/* A failure transport that cannot list is read as a worker reads, this many at a time (a
 * transport pushed its messages holds twice that: what is skipped or left stays held until the
 * end, so that many can be); an empty read while it held more when counted is tried again, for
 * up to RETRY_EMPTY_GETS * RETRY_EMPTY_WAIT_US. */
#define RETRY_READ_AHEAD 50
#define RETRY_EMPTY_GETS 40
#define RETRY_EMPTY_WAIT_US 50000

/* Retries one message of the failure transport t (named name): asks first unless --force. 1:
 * handled or failed again (counted), 0: skipped or left where it is, -1: an error (an exception
 * may be pending). */
static int retry_one(php_messenger_console *c, const msgr_args_t *args, zval *worker, const php_messenger_transport *t, zend_string *name,
	zend_object *env, long *retried, long *failed)
{
	zend_string *id = php_messenger_console_id_text(env);
	if (!msgr_args_has(args, "force")) {
		show_envelope(env, args->verbosity);
		if (!confirm("Do you want to retry (yes) or skip (no) this message?", true)) {
			zend_string_release(id);
			return 0;
		}
	}
	/* handled now, as if it came from its original transport: retries go back there */
	zend_object *sent = php_messenger_envelope_last(env, php_messenger_ce_SentToFailureTransportStamp);
	zend_string *origin = sent ? Z_STR_P(php_messenger_stamp_prop(sent, 0)) : name;
	if (!php_messenger_messenger_transport(c->messenger, origin)) {
		origin = name;
	}
	if (origin == name && Z_OBJCE_P(php_messenger_envelope_message(env)) == php_messenger_ce_UndecodableMessage) {
		/* a row the failure transport itself cannot read: no original transport to decode it
		 * with, and failing here would remove it; it stays */
		(*failed)++;
		out("[WARNING] Message %s cannot be retried: the failure transport cannot decode it and it names no original transport; it stays.\n", ZSTR_VAL(id));
		zend_string_release(id);
		return 0;
	}
	bool handled;
	if (!php_messenger_worker_handle(Z_OBJ_P(worker), origin, t, env, &handled)) {
		zend_string_release(id);
		return -1;
	}
	if (handled) {
		(*retried)++;
		out("[OK] Message %s retried and handled.\n", ZSTR_VAL(id));
	} else {
		(*failed)++;
		out("[WARNING] Message %s failed again.\n", ZSTR_VAL(id));
	}
	zend_string_release(id);
	return 1;
}

static int cmd_failed_retry(php_messenger_console *c, const msgr_args_t *args)
{
	zend_string *name;
	php_messenger_transport *t = failure_transport(c, args, &name, args->positional_count > 1);
	if (!t) {
		return 1;
	}
	/* a failure transport that cannot list (AMQP, as Symfony's): what it holds is received in
	 * turn, as a worker would, until it has no more (or one is skipped: it goes back, with the
	 * rest) */
	bool receive = !(t->caps & PHP_MESSENGER_CAN_LIST);
	zval list;
	int code = 0;
	if (receive) {
		array_init(&list);
	} else if (!selected(t, args, true, &list)) {
		zval_ptr_dtor(&list);
		zend_string_release(name);
		return 1;
	}
	zval names, options, worker;
	array_init(&names);
	add_next_index_str(&names, zend_string_copy(name));
	array_init(&options);
	zend_call_method_with_2_params(c->messenger, c->messenger->ce, NULL, "worker", &worker, &names, &options);
	zval_ptr_dtor(&names);
	zval_ptr_dtor(&options);
	long retried = 0, failed = 0;
	zval *e;
	if (receive) {
		/* what is skipped or left is held (so it is not received again) and given back at the end;
		 * as many as it held at the start, not the ones that fail again and come back */
		zval held;
		array_init(&held);
		zend_long left = ZEND_LONG_MAX;
		if ((t->caps & PHP_MESSENGER_CAN_COUNT) && !t->ops->count(t, &left)) {
			code = 1;
		}
		bool more = left > 0;
		/* read as a worker reads, one at a time: what a transport that is pushed messages
		 * holds beyond that goes back when it is done */
		php_messenger_transport_read_ahead(t, RETRY_READ_AHEAD);
		int empty = 0;
		while (more && !EG(exception) && code == 0) {
			zval got;
			if (!php_messenger_transport_get(t, name, NULL, &got)) {
				code = 1;
				break;
			}
			if (zend_hash_num_elements(Z_ARRVAL(got)) == 0 && left != ZEND_LONG_MAX && ++empty < RETRY_EMPTY_GETS) {
				/* it held more when counted: they are on their way (a broker far away, the
				 * acknowledgements of the last ones just written) */
				zval_ptr_dtor(&got);
				usleep(RETRY_EMPTY_WAIT_US);
				continue;
			}
			empty = 0;
			more = zend_hash_num_elements(Z_ARRVAL(got)) > 0;
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL(got), e) {
				int r = code == 0 && left > 0 && !EG(exception) ? retry_one(c, args, &worker, t, name, Z_OBJ_P(e), &retried, &failed) : 0;
				more = --left > 0 && more;
				if (r < 0) {
					code = 1;
				}
				if (r <= 0) {
					Z_ADDREF_P(e);
					add_next_index_zval(&held, e);
				}
			} ZEND_HASH_FOREACH_END();
			zval_ptr_dtor(&got);
		}
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(held), e) {
			php_messenger_transport_release(t, Z_OBJ_P(e));
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&held);
		if (!EG(exception)) {
			php_messenger_transport_flush(t);
		}
		php_messenger_transport_read_ahead(t, 0);
	} else {
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), e) {
			if (EG(exception)) {
				break;
			}
			if (retry_one(c, args, &worker, t, name, Z_OBJ_P(e), &retried, &failed) < 0) {
				code = 1;
				break;
			}
		} ZEND_HASH_FOREACH_END();
	}
	if (!EG(exception) && code == 0) {
		out("%ld retried, %ld failed again.\n", retried, failed);
	}
	zval_ptr_dtor(&worker);
	zval_ptr_dtor(&list);
	zend_string_release(name);
	return code ? code : (EG(exception) ? 1 : 0);
}

static int cmd_failed_remove(php_messenger_console *c, const msgr_args_t *args)
{
	zend_string *name;
	php_messenger_transport *t = failure_transport(c, args, &name, true);
	if (!t) {
		return 1;
	}
	bool all = msgr_args_has(args, "all");
	if (!all && args->positional_count <= 1) {
		err_line("Please pass the ids of the messages to remove, or --all.");
		zend_string_release(name);
		return 1;
	}
	bool force = msgr_args_has(args, "force");
	if (!force && !isatty(0)) {
		err_line("Not removing anything without --force when nobody can be asked.");
		zend_string_release(name);
		return 1;
	}
	const char *filter = msgr_args_get(args, "class-filter");
	zval list;
	if (!selected(t, args, all, &list)) {
		zval_ptr_dtor(&list);
		zend_string_release(name);
		return 1;
	}
	long removed = 0;
	zval *e;
	bool show = msgr_args_has(args, "show-messages") || !force;
	progress_t progress;
	progress_init(&progress, show ? -1 : args->verbosity);
	uint32_t total = zend_hash_num_elements(Z_ARRVAL(list)), seen = 0;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), e) {
		progress_show(&progress, false, "Removing: %u of %u looked at, %ld removed", seen++, total, removed);
		if (!class_matches(Z_OBJ_P(e), filter)) {
			continue;
		}
		if (show) {
			show_envelope(Z_OBJ_P(e), args->verbosity);
		}
		if (!force && !confirm("Do you want to permanently remove this message?", false)) {
			continue;
		}
		if (!php_messenger_transport_settle(t, Z_OBJ_P(e), false)) {
			break;
		}
		removed++;
	} ZEND_HASH_FOREACH_END();
	progress_clear(&progress);
	zval_ptr_dtor(&list);
	zend_string_release(name);
	if (EG(exception)) {
		return 1;
	}
	out("[OK] %ld message%s removed.\n", removed, removed == 1 ? "" : "s");
	return 0;
}
/* }}} */

ZEND_METHOD(Messenger_Console, __construct)
{
	zend_object *messenger;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJ_OF_CLASS(messenger, php_messenger_ce_Messenger)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_console *c = console_from(Z_OBJ_P(ZEND_THIS));
	if (c->messenger) {
		OBJ_RELEASE(c->messenger);
	}
	GC_ADDREF(messenger);
	c->messenger = messenger;
}

ZEND_METHOD(Messenger_Console, run)
{
	HashTable *argv_ht;
	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(argv_ht)
	ZEND_PARSE_PARAMETERS_END();
	php_messenger_console *c = console_from(Z_OBJ_P(ZEND_THIS));
	if (!c->messenger) {
		zend_throw_error(NULL, "Messenger\\Console was not constructed");
		RETURN_THROWS();
	}
	/* the script name goes; the rest as C strings */
	uint32_t argc = 0;
	const char *argv[MSGR_ARGS_MAX * 2];
	zval *a;
	bool first = true;
	ZEND_HASH_FOREACH_VAL(argv_ht, a) {
		if (first) {
			first = false;
			continue;
		}
		if (Z_TYPE_P(a) != IS_STRING || argc == sizeof(argv) / sizeof(argv[0])) {
			err_line("The arguments must be strings, at most %d of them.", (int) (sizeof(argv) / sizeof(argv[0])));
			RETURN_LONG(2);
		}
		argv[argc++] = Z_STRVAL_P(a);
	} ZEND_HASH_FOREACH_END();
	/* the command: the first argument that is not an option */
	const char *name = "list";
	for (uint32_t i = 0; i < argc; i++) {
		if (argv[i][0] != '-') {
			name = argv[i];
			break;
		}
	}
	const command_t *cmd = find_command(name);
	if (!cmd) {
		RETURN_LONG(2);
	}
	msgr_args_t args;
	msgr_error_t err;
	if (msgr_args_parse((int) argc, argv, cmd->options, &args, &err) != MSGR_OK) {
		err_line("%s", err.message);
		RETURN_LONG(2);
	}
	if (args.positional_count == 0) {
		/* "list" by default */
		args.positional[args.positional_count++] = "list";
	}
	if (msgr_args_has(&args, "help")) {
		print_help(cmd);
		RETURN_LONG(0);
	}
	int code;
	if (strcmp(cmd->name, "list") == 0) {
		code = cmd_list();
	} else if (strcmp(cmd->name, "help") == 0) {
		const command_t *about = find_command(args.positional_count > 1 ? args.positional[1] : "help");
		if (!about) {
			RETURN_LONG(2);
		}
		print_help(about);
		code = 0;
	} else if (strcmp(cmd->name, "messenger:consume") == 0) {
		code = cmd_consume(c, &args);
	} else if (strcmp(cmd->name, "messenger:setup-transports") == 0) {
		code = cmd_setup(c, &args);
	} else if (strcmp(cmd->name, "messenger:stats") == 0) {
		code = cmd_stats(c, &args);
	} else if (strcmp(cmd->name, "debug:messenger") == 0) {
		code = cmd_debug(c, &args);
	} else if (strcmp(cmd->name, "messenger:failed:show") == 0) {
		code = cmd_failed_show(c, &args);
	} else if (strcmp(cmd->name, "messenger:failed:retry") == 0) {
		code = cmd_failed_retry(c, &args);
	} else if (strcmp(cmd->name, "messenger:failed:remove") == 0) {
		code = cmd_failed_remove(c, &args);
	} else if (strcmp(cmd->name, "messenger:dashboard") == 0) {
		code = php_messenger_console_dashboard(c->messenger, msgr_args_get(&args, "listen"), msgr_args_get(&args, "token"), msgr_args_get(&args, "path"));
	} else {
		code = cmd_stop_workers(c);
	}
	if (EG(exception)) {
		/* the application's errors (a database that is down...) as a message, exit 1 */
		zend_object *ex;
		if (php_messenger_take_exception(&ex)) {
			zval rv;
			zval *msg = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
			err_line("[ERROR] %s: %s", ZSTR_VAL(ex->ce->name), Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
			OBJ_RELEASE(ex);
			code = 1;
		} else {
			RETURN_THROWS();
		}
	}
	RETURN_LONG(code);
}

void php_messenger_register_console(void)
{
	php_messenger_ce_Console = register_class_Messenger_Console();
	php_messenger_ce_Console->create_object = console_create;
	memcpy(&console_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	console_handlers.offset = XtOffsetOf(php_messenger_console, std);
	console_handlers.free_obj = console_free;
	console_handlers.get_gc = console_get_gc;
	console_handlers.clone_obj = NULL;
}
