/* Messenger\Console: the operator's commands with Symfony's names and options. Arguments are
 * read by the core (msgr_args); the commands drive the Messenger: the worker, the transports'
 * counts and setup, the stop-workers file. Errors go to stderr; an unknown command or option
 * exits with 2, as Symfony Console does. */
#include "php_messenger_internal.h"
#include "core/msgr_args.h"
#include "ext/json/php_json.h"
#include "zend_smart_str.h"
#include "console_arginfo.h"

#include <stdio.h>
#include <time.h>

zend_class_entry *php_messenger_ce_Console;

#define STOP_FILE "var/messenger-stop-workers"

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
	"Keep messages alive while they are handled (accepted; no effect yet)",
};
static const msgr_opt_spec_t stats_options[] = {
	{ "format", 0, MSGR_OPT_VALUE },
	{ NULL, 0, 0 },
};
static const char *const stats_help[] = { "The output format: txt or json" };
static const msgr_opt_spec_t no_options[] = { { NULL, 0, 0 } };
static const char *const no_help[] = { NULL };

static const command_t commands[] = {
	{ "list", "List commands", "list", no_options, no_help },
	{ "help", "Display help for a command", "help <command>", no_options, no_help },
	{ "messenger:consume", "Consume messages", "messenger:consume [options] [<receivers>...]", consume_options, consume_help },
	{ "messenger:setup-transports", "Prepare the required infrastructure for the transport", "messenger:setup-transports [<transport>]", no_options, no_help },
	{ "messenger:stats", "Show the message count for one or more transports", "messenger:stats [--format=txt|json] [<transports>...]", stats_options, stats_help },
	{ "messenger:stop-workers", "Stop workers after their current message", "messenger:stop-workers", no_options, no_help },
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

static const command_t *find_command(const char *name)
{
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		if (strcmp(commands[i].name, name) == 0) {
			return &commands[i];
		}
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
}

static int cmd_list(void)
{
	out("Available commands:\n");
	for (size_t i = 0; i < COMMAND_COUNT; i++) {
		out("  %-28s %s\n", commands[i].name, commands[i].summary);
	}
	return 0;
}

/* {{{ messenger:consume */
typedef struct {
	int verbosity;
	zend_long since_ms;
} report_ctx;

static zend_long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (zend_long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* With -v: one line per message on stderr: time, transport, class, id, outcome, ms, retries. */
static void report(void *ctx, const char *event, zend_object *envelope, zend_string *transport, zend_object *error, bool will_retry)
{
	report_ctx *r = ctx;
	if (strcmp(event, "received") == 0) {
		r->since_ms = mono_ms();
		return;
	}
	if (r->verbosity < 1 || (strcmp(event, "handled") != 0 && strcmp(event, "failed") != 0)) {
		return;
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
	const char *outcome = strcmp(event, "handled") == 0 ? "handled" : will_retry ? "failed, will retry" : "failed";
	if (error && r->verbosity >= 2) {
		zval rv;
		zval *msg = php_messenger_throwable_prop(error, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
		err_line("%s %s %s #%s %s in %ld ms (retry %ld): %s", when, transport ? ZSTR_VAL(transport) : "-", cls, ZSTR_VAL(id), outcome,
			(long) (mono_ms() - r->since_ms), (long) retries, Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
	} else {
		err_line("%s %s %s #%s %s in %ld ms (retry %ld)", when, transport ? ZSTR_VAL(transport) : "-", cls, ZSTR_VAL(id), outcome,
			(long) (mono_ms() - r->since_ms), (long) retries);
	}
	zend_string_release(id);
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
		zval *t;
		ZEND_HASH_FOREACH_STR_KEY_VAL(transports, name, t) {
			bool excluded = false;
			for (size_t i = 0; i < args->option_count; i++) {
				excluded = excluded || (strcmp(args->options[i].name, "exclude-receivers") == 0 && zend_string_equals_cstr(name, args->options[i].value, strlen(args->options[i].value)));
			}
			if (!excluded && instanceof_function(Z_OBJCE_P(t), php_messenger_ce_ReceiverInterface) && Z_OBJCE_P(t) != php_messenger_ce_SyncTransport) {
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
		!long_option(args, "time-limit", &options, "time_limit")) {
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
	add_assoc_string(&options, "stop_file", STOP_FILE);

	zval messenger, worker, rv;
	ZVAL_OBJ(&messenger, c->messenger);
	zend_call_method_with_2_params(c->messenger, c->messenger->ce, NULL, "worker", &worker, &names, &options);
	if (EG(exception)) {
		zval_ptr_dtor(&worker);
		code = 1;
		goto done;
	}
	report_ctx r = { args->verbosity, 0 };
	php_messenger_worker_set_reporter(Z_OBJ(worker), report, &r);
	if (args->verbosity >= 0) {
		zend_string *list = zend_string_init("", 0, 0);
		zval *n;
		smart_str s = { 0 };
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(names), n) {
			if (s.s) {
				smart_str_appends(&s, ", ");
			}
			smart_str_append(&s, Z_STR_P(n));
		} ZEND_HASH_FOREACH_END();
		smart_str_0(&s);
		zend_string_release(list);
		err_line("[OK] Consuming messages from transport%s \"%s\".", zend_hash_num_elements(Z_ARRVAL(names)) > 1 ? "s" : "", ZSTR_VAL(s.s));
		smart_str_free(&s);
	}
	zval empty;
	array_init(&empty);
	zend_call_method_with_1_params(Z_OBJ(worker), Z_OBJCE(worker), NULL, "run", &rv, &empty);
	zval_ptr_dtor(&empty);
	php_messenger_worker_set_reporter(Z_OBJ(worker), NULL, NULL);
	code = EG(exception) ? 1 : (int) zval_get_long(&rv);
	zval_ptr_dtor(&rv);
	zval_ptr_dtor(&worker);
done:
	zval_ptr_dtor(&names);
	zval_ptr_dtor(&options);
	return code;
}
/* }}} */

static int cmd_setup(php_messenger_console *c, const msgr_args_t *args)
{
	HashTable *transports = php_messenger_messenger_transports(c->messenger);
	zend_string *name;
	zval *t;
	const char *only = args->positional_count > 1 ? args->positional[1] : NULL;
	if (only && !zend_hash_str_exists(transports, only, strlen(only))) {
		zend_string *known = php_messenger_names_of(transports);
		err_line("The \"%s\" transport does not exist (configured: %s).", only, ZSTR_VAL(known));
		zend_string_release(known);
		return 1;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(transports, name, t) {
		if (only && !zend_string_equals_cstr(name, only, strlen(only))) {
			continue;
		}
		if (!instanceof_function(Z_OBJCE_P(t), php_messenger_ce_SetupableTransportInterface)) {
			out("The \"%s\" transport does not support setup.\n", ZSTR_VAL(name));
			continue;
		}
		zval rv;
		zend_call_method_with_0_params(Z_OBJ_P(t), Z_OBJCE_P(t), NULL, "setup", &rv);
		zval_ptr_dtor(&rv);
		if (EG(exception)) {
			return 1;
		}
		out("The \"%s\" transport was set up successfully.\n", ZSTR_VAL(name));
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
	zend_class_entry *countable = zend_hash_str_find_ptr(CG(class_table), "messenger\\transport\\messagecountawareinterface", sizeof("messenger\\transport\\messagecountawareinterface") - 1);
	zval counts, uncountable;
	array_init(&counts);
	array_init(&uncountable);
	for (size_t i = 1; i < args->positional_count; i++) {
		if (!zend_hash_str_exists(transports, args->positional[i], strlen(args->positional[i]))) {
			zend_string *known = php_messenger_names_of(transports);
			err_line("The \"%s\" transport does not exist (configured: %s).", args->positional[i], ZSTR_VAL(known));
			zend_string_release(known);
			zval_ptr_dtor(&counts);
			zval_ptr_dtor(&uncountable);
			return 1;
		}
	}
	zend_string *name;
	zval *t;
	ZEND_HASH_FOREACH_STR_KEY_VAL(transports, name, t) {
		bool wanted = args->positional_count <= 1;
		for (size_t i = 1; i < args->positional_count; i++) {
			wanted = wanted || zend_string_equals_cstr(name, args->positional[i], strlen(args->positional[i]));
		}
		if (!wanted) {
			continue;
		}
		if (!countable || !instanceof_function(Z_OBJCE_P(t), countable)) {
			add_next_index_str(&uncountable, zend_string_copy(name));
			continue;
		}
		zval rv;
		zend_call_method_with_0_params(Z_OBJ_P(t), Z_OBJCE_P(t), NULL, "getmessagecount", &rv);
		if (EG(exception)) {
			zval_ptr_dtor(&counts);
			zval_ptr_dtor(&uncountable);
			return 1;
		}
		zval entry;
		array_init(&entry);
		add_assoc_long(&entry, "count", zval_get_long(&rv));
		zend_hash_update(Z_ARRVAL(counts), name, &entry);
		zval_ptr_dtor(&rv);
	} ZEND_HASH_FOREACH_END();
	if (json) {
		zval doc;
		array_init(&doc);
		add_assoc_zval(&doc, "transports", &counts);
		add_assoc_zval(&doc, "uncountable_transports", &uncountable);
		smart_str s = { 0 };
		php_json_encode(&s, &doc, PHP_JSON_PRETTY_PRINT | PHP_JSON_UNESCAPED_SLASHES);
		smart_str_0(&s);
		out("%s\n", ZSTR_VAL(s.s));
		smart_str_free(&s);
		zval_ptr_dtor(&doc);
		return 0;
	}
	size_t width = strlen("Transport");
	ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL(counts), name) {
		width = ZSTR_LEN(name) > width ? ZSTR_LEN(name) : width;
	} ZEND_HASH_FOREACH_END();
	out(" %-*s   Count \n", (int) width, "Transport");
	out(" %.*s   ----- \n", (int) width, "--------------------------------------------------------------------------------");
	zval *entry;
	ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(counts), name, entry) {
		out(" %-*s   %5ld \n", (int) width, ZSTR_VAL(name), (long) Z_LVAL_P(zend_hash_str_find(Z_ARRVAL_P(entry), "count", 5)));
	} ZEND_HASH_FOREACH_END();
	zval *u;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(uncountable), u) {
		out("\n ! [NOTE] Unable to get message count for the \"%s\" transport.\n", Z_STRVAL_P(u));
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&counts);
	zval_ptr_dtor(&uncountable);
	return 0;
}

static int cmd_stop_workers(void)
{
	php_stream_mkdir("var", 0777, PHP_STREAM_MKDIR_RECURSIVE, NULL);
	FILE *f = fopen(STOP_FILE, "w");
	if (!f) {
		err_line("Could not write %s: workers cannot be told to stop.", STOP_FILE);
		return 1;
	}
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(f, "%.6f\n", (double) ts.tv_sec + (double) ts.tv_nsec / 1e9);
	fclose(f);
	out("[OK] Signal successfully sent to stop any running workers.\n");
	return 0;
}

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
		err_line("Command \"%s\" is not defined.", name);
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
		const command_t *about = args.positional_count > 1 ? find_command(args.positional[1]) : find_command("help");
		if (!about) {
			err_line("Command \"%s\" is not defined.", args.positional[1]);
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
	} else {
		code = cmd_stop_workers();
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
