/* Messenger\Bridge\Doctrine\Transport\DoctrineTransport: Symfony's messenger_messages table on a PDO
 * connection (SQLite, PostgreSQL, MySQL/MariaDB). The SQL comes from the core (msgr_table);
 * this file runs it through PDO's own methods, so an application's existing PDO (or Doctrine
 * DBAL's native connection) can be handed in.
 *
 * Claiming is one statement where the database allows it (UPDATE ... RETURNING on SQLite and
 * PostgreSQL, FOR UPDATE SKIP LOCKED on PostgreSQL), a SELECT ... FOR UPDATE SKIP LOCKED and
 * an UPDATE in one transaction on MySQL/MariaDB; SQLite serializes writers, so two workers
 * never claim one row. Times are UTC, to the second, as Symfony writes them. */
#include "php/transport/transport.h"
#include "core/table/table.h"
#include "core/base/dsn.h"
#include "core/base/prefetch.h"
#include "ext/json/php_json.h"
#include "ext/pdo/php_pdo_driver.h"
#include "ext/standard/php_string.h"
#include "zend_smart_str.h"
#include "doctrine_arginfo.h"

#include <time.h>

static zend_class_entry *php_messenger_ce_DoctrineTransport;

static zend_object_handlers doctrine_handlers;


/* the most rows a claim takes (get_batch_size, a worker's read-ahead), and so the most
 * acknowledgements kept for the next claim */
#define MAX_BATCH 1000

enum { ST_INSERT, ST_CLAIM, ST_MARK, ST_DELETE, ST_TOUCH, ST_COUNT, ST_FIND, ST_COUNT_OF };

typedef struct {
	zval pdo;
	zend_object *serializer;
	zend_string *table;
	zend_string *queue;
	zend_string *where;      /* "the sqlite database x", "the pgsql database x on host:port": for errors */
	zend_long redeliver_timeout;
	zend_long batch_size;     /* get_batch_size, or 0: not given */
	uint32_t read_ahead;      /* what the worker reading it asks for (see batch_of()); 0: none */
	size_t claim_limit;       /* the LIMIT of the claim statement kept in stmts[ST_CLAIM] */
	zend_long max_deliveries; /* a row claimed more times goes to the failure transport; 0: never */
	msgr_sql_platform_t platform;
	bool auto_setup;
	bool set_up;
	zval stmts[ST_COUNT_OF]; /* prepared statements, made on first use */
	zval connection;         /* the PDO given, or [dsn, user, password] (a relative SQLite path made
	                          * absolute): connected on first use */
	bool constructed;
	zval reconnect;          /* [dsn, user, password] when we made the PDO: to make it again */
	zend_long *acked;        /* acknowledged ids not deleted yet (see acks_wait()) */
	uint32_t acked_count, acked_cap;
	/* PostgreSQL LISTEN/NOTIFY (Symfony's PostgreSqlConnection): after a get found the queue
	 * empty, the next one waits up to get_notify_timeout for the trigger's notification, and
	 * claims without one once check_delayed_interval has passed (delayed messages) */
	bool use_notify;
	bool listening;
	zend_long notify_timeout_ms;
	zend_long check_delayed_ms;
	zend_long empty_since_ms; /* 0: the queue was not seen empty */
	zend_object std;
} php_messenger_doctrine;

static inline php_messenger_doctrine *doctrine_from(zend_object *obj)
{
	return (php_messenger_doctrine *) ((char *) obj - XtOffsetOf(php_messenger_doctrine, std));
}

static zend_object *doctrine_create(zend_class_entry *ce)
{
	php_messenger_doctrine *t = zend_object_alloc(sizeof(php_messenger_doctrine), ce);
	memset((char *) t, 0, XtOffsetOf(php_messenger_doctrine, std));
	ZVAL_UNDEF(&t->pdo);
	ZVAL_UNDEF(&t->connection);
	ZVAL_UNDEF(&t->reconnect);
	for (int i = 0; i < ST_COUNT_OF; i++) {
		ZVAL_UNDEF(&t->stmts[i]);
	}
	zend_object_std_init(&t->std, ce);
	object_properties_init(&t->std, ce);
	t->std.handlers = &doctrine_handlers;
	return &t->std;
}

static void forget_statements(php_messenger_doctrine *t)
{
	for (int i = 0; i < ST_COUNT_OF; i++) {
		zval_ptr_dtor(&t->stmts[i]);
		ZVAL_UNDEF(&t->stmts[i]);
	}
}

static void doctrine_free(zend_object *obj)
{
	php_messenger_doctrine *t = doctrine_from(obj);
	forget_statements(t);
	zval_ptr_dtor(&t->pdo);
	zval_ptr_dtor(&t->connection);
	zval_ptr_dtor(&t->reconnect);
	if (t->acked) {
		efree(t->acked);
	}
	if (t->serializer) {
		OBJ_RELEASE(t->serializer);
	}
	if (t->table) {
		zend_string_release(t->table);
	}
	if (t->queue) {
		zend_string_release(t->queue);
	}
	if (t->where) {
		zend_string_release(t->where);
	}
	zend_object_std_dtor(obj);
}

static HashTable *doctrine_get_gc(zend_object *obj, zval **table, int *n)
{
	php_messenger_doctrine *t = doctrine_from(obj);
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zend_get_gc_buffer_add_zval(buf, &t->pdo);
	zend_get_gc_buffer_add_zval(buf, &t->connection);
	if (t->serializer) {
		zend_get_gc_buffer_add_obj(buf, t->serializer);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static bool pdo_connect(php_messenger_doctrine *t);

/* The transport, connected (on first use: making a transport opens nothing, so a command that
 * does not use it creates no database file); NULL with an exception. */
static php_messenger_doctrine *ready(zend_object *self)
{
	php_messenger_doctrine *t = doctrine_from(self);
	if (EXPECTED(Z_TYPE(t->pdo) == IS_OBJECT)) {
		return t;
	}
	if (!t->constructed) {
		zend_throw_error(NULL, "Messenger\\Bridge\\Doctrine\\Transport\\DoctrineTransport was not constructed");
		return NULL;
	}
	return pdo_connect(t) ? t : NULL;
}

/* {{{ errors: a TransportException naming the database, never a password */
static void transport_error_as(php_messenger_doctrine *t, zend_class_entry *ce, const char *doing, const char *secret);

static void transport_error(php_messenger_doctrine *t, const char *doing, const char *secret)
{
	transport_error_as(t, php_messenger_ce_TransportException, doing, secret);
}

struct pdo_error;
static bool pending_error_is(bool (*is)(const struct pdo_error *e));
static bool is_connection_lost(const struct pdo_error *e);
static bool is_serialization_failure(const struct pdo_error *e);

static void transport_error_as(php_messenger_doctrine *t, zend_class_entry *ce, const char *doing, const char *secret)
{
	/* a database that cannot be reached (or is locked) may come back: a worker waits for it;
	 * an error it answered with (a statement it rejects) will not go away by waiting */
	if (!pending_error_is(is_connection_lost) && !pending_error_is(is_serialization_failure)) {
		php_messenger_refusal_set();
	}
	zend_object *ex = NULL;
	php_messenger_take_exception(&ex);
	zend_string *text = NULL;
	if (ex) {
		zval rv;
		zval *message = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv);
		if (Z_TYPE_P(message) == IS_STRING) {
			text = zend_string_copy(Z_STR_P(message));
		}
	}
	if (text && secret && *secret) {
		/* drivers do not echo passwords, but make sure */
		zend_string *clean = php_str_to_str(ZSTR_VAL(text), ZSTR_LEN(text), secret, strlen(secret), "***", 3);
		zend_string_release(text);
		text = clean;
	}
	zend_string *message = zend_strpprintf(0, "%s %s: %s", doing, t->where ? ZSTR_VAL(t->where) : "the database",
		text ? ZSTR_VAL(text) : "unknown error");
	zend_object *thrown = zend_throw_exception(ce, ZSTR_VAL(message), 0);
	if (ex) {
		if (secret && *secret) {
			/* the driver's exception keeps its own text: not chained when a secret is about */
			OBJ_RELEASE(ex);
		} else {
			zend_exception_set_previous(thrown, ex);
		}
	}
	zend_string_release(message);
	if (text) {
		zend_string_release(text);
	}
}
/* }}} */

static void rethrow(zend_object *ex)
{
	zval zv;
	ZVAL_OBJ(&zv, ex);
	zend_throw_exception_object(&zv);
}

/* {{{ PDO calls */
/* A method of the transport's PDO or of a statement of it. The PDO may be the application's own:
 * what the transport needs of it (exceptions on error, column names as the table has them) holds
 * for the call only, and the application's settings are back when it returns. */
static bool call(php_messenger_doctrine *t, zval *obj, const char *method, uint32_t argc, zval *a1, zval *a2, zval *ret)
{
	zval ignored, args[2];
	zend_object *o = Z_OBJ_P(obj);
	zend_string *name = zend_string_init(method, strlen(method), 0);
	/* through get_method: PDO's driver methods (pgsqlGetNotify) live there */
	zend_function *fn = o->handlers->get_method(&o, name, NULL);
	zend_string_release(name);
	if (!fn) {
		if (!EG(exception)) {
			zend_throw_error(NULL, "Call to undefined method %s::%s()", ZSTR_VAL(o->ce->name), method);
		}
		if (ret) {
			ZVAL_UNDEF(ret);
		}
		return false;
	}
	pdo_dbh_t *dbh = Z_PDO_DBH_P(&t->pdo);
	enum pdo_error_mode error_mode = dbh->error_mode;
	enum pdo_case_conversion desired_case = dbh->desired_case;
	dbh->error_mode = PDO_ERRMODE_EXCEPTION;
	dbh->desired_case = PDO_CASE_NATURAL;
	if (argc > 0) {
		ZVAL_COPY_VALUE(&args[0], a1);
	}
	if (argc > 1) {
		ZVAL_COPY_VALUE(&args[1], a2);
	}
	zend_call_known_instance_method(fn, o, ret ? ret : &ignored, argc, args);
	if (!ret) {
		zval_ptr_dtor(&ignored);
	}
	dbh->error_mode = error_mode;
	dbh->desired_case = desired_case;
	return !EG(exception);
}

/* Commits when ok, else rolls back keeping the exception that made it fail; whether all went well. */
static bool end_transaction(php_messenger_doctrine *t, bool ok)
{
	if (ok) {
		return call(t, &t->pdo, "commit", 0, NULL, NULL, NULL);
	}
	zend_object *ex = NULL;
	php_messenger_take_exception(&ex);
	call(t, &t->pdo, "rollBack", 0, NULL, NULL, NULL);
	zend_clear_exception();
	if (ex) {
		rethrow(ex);
	}
	return false;
}

static bool exec_sql(php_messenger_doctrine *t, const char *sql)
{
	zval q;
	ZVAL_STRING(&q, sql);
	bool ok = call(t, &t->pdo, "exec", 1, &q, NULL, NULL);
	zval_ptr_dtor(&q);
	return ok;
}

/* A prepared statement: cached in slot (or a fresh one when slot < 0, owned by the caller). */
/* A prepared statement of sql (built with status built), kept in slot when slot >= 0; false
 * with an exception. */
static bool prepare(php_messenger_doctrine *t, int slot, int built, msgr_buf_t *sql, zval *stmt)
{
	if (built != MSGR_OK) {
		ZVAL_UNDEF(stmt);
		php_messenger_throw_status(built, "Could not build an SQL statement");
		return false;
	}
	if (slot >= 0 && Z_TYPE(t->stmts[slot]) == IS_OBJECT) {
		ZVAL_COPY_VALUE(stmt, &t->stmts[slot]);
		return true;
	}
	zval q;
	ZVAL_STRINGL(&q, sql->data, sql->len);
	bool ok = call(t, &t->pdo, "prepare", 1, &q, NULL, stmt);
	zval_ptr_dtor(&q);
	if (!ok || Z_TYPE_P(stmt) != IS_OBJECT) {
		zval_ptr_dtor(stmt);
		ZVAL_UNDEF(stmt);
		return false;
	}
	if (slot >= 0) {
		ZVAL_COPY_VALUE(&t->stmts[slot], stmt);
	}
	return true;
}

/* execute($params); with rows, fetchAll(PDO::FETCH_ASSOC) into *rows */
static bool run(php_messenger_doctrine *t, zval *stmt, zval *params, zval *rows)
{
	if (!call(t, stmt, "execute", 1, params, NULL, NULL)) {
		return false;
	}
	if (!rows) {
		return true;
	}
	zval mode;
	ZVAL_LONG(&mode, PDO_FETCH_ASSOC);
	if (!call(t, stmt, "fetchAll", 1, &mode, NULL, rows)) {
		return false;
	}
	if (Z_TYPE_P(rows) != IS_ARRAY) {
		zval_ptr_dtor(rows);
		array_init(rows);
	}
	return true;
}
/* }}} */

static void now_text(zend_long offset_s, zval *out)
{
	char when[20];
	msgr_table_datetime(time(NULL) + offset_s, when);
	ZVAL_STRINGL(out, when, 19);
}

/* {{{ what a driver's error says
 * What a PDOException (or one it chained as previous) tells: its SQLSTATE, the driver's own code
 * and state (errorInfo[1], errorInfo[0]) and its text; one walk of the chain for every question
 * asked below. */
typedef struct pdo_error {
	const char *code;        /* the exception's code when a string (the SQLSTATE), or "" */
	const char *state;       /* errorInfo[0], or "" */
	zend_long driver_code;   /* errorInfo[1], or -1 */
	const char *message;
} pdo_error;

static bool pending_error_is(bool (*is)(const pdo_error *e))
{
	for (zend_object *ex = EG(exception); ex; ) {
		zval rv, rv2, rv3, *code = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_CODE), &rv);
		zval *message = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv2);
		zval *info = zend_read_property(ex->ce, ex, "errorInfo", sizeof("errorInfo") - 1, true, &rv3);
		zval *state = info && Z_TYPE_P(info) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(info), 0) : NULL;
		zval *driver_code = info && Z_TYPE_P(info) == IS_ARRAY ? zend_hash_index_find(Z_ARRVAL_P(info), 1) : NULL;
		pdo_error e = {
			Z_TYPE_P(code) == IS_STRING ? Z_STRVAL_P(code) : "",
			state && Z_TYPE_P(state) == IS_STRING ? Z_STRVAL_P(state) : "",
			driver_code && Z_TYPE_P(driver_code) == IS_LONG ? Z_LVAL_P(driver_code) : -1,
			Z_TYPE_P(message) == IS_STRING ? Z_STRVAL_P(message) : "",
		};
		if (is(&e)) {
			return true;
		}
		zval *previous = php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_PREVIOUS), &rv);
		ex = Z_TYPE_P(previous) == IS_OBJECT ? Z_OBJ_P(previous) : NULL;
	}
	return false;
}

/* The connection is gone (server restarted, connection killed, network dropped): SQLSTATE class
 * 08, PostgreSQL's 57P0x (or pdo_pgsql's HY000 with libpq's fatal status 7 when the server sent
 * nothing), MySQL's 2006 and 2013. */
static bool is_connection_lost(const pdo_error *e)
{
	return strncmp(e->code, "08", 2) == 0 || strncmp(e->code, "57P0", 4) == 0
		|| e->driver_code == 2006 || e->driver_code == 2013
		|| strstr(e->message, "SQLSTATE[08") /* the constructor's: its code is the driver's number */
		|| strstr(e->message, "[2002]") || strstr(e->message, "[2003]") /* MySQL: cannot connect */
		|| (e->driver_code == 7 && strcmp(e->state, "HY000") == 0);
}

/* A deadlock or a serialization failure, which a second try resolves: SQLSTATE 40001 and 40P01,
 * MySQL's 1213 and 1205. */
static bool is_serialization_failure(const pdo_error *e)
{
	return strcmp(e->code, "40001") == 0 || strcmp(e->code, "40P01") == 0 || e->driver_code == 1213 || e->driver_code == 1205
		/* SQLite's SQLITE_BUSY and SQLITE_LOCKED where its busy timeout does not wait (a
		 * write that would deadlock, a checkpoint or recovery in progress) */
		|| strstr(e->message, "database is locked") || strstr(e->message, "database table is locked");
}

/* The table is missing: PostgreSQL's 42P01, MySQL's 42S02, SQLite's "no such table" (its
 * SQLSTATE is HY000 for every error). */
static bool is_table_missing(const pdo_error *e)
{
	return strcmp(e->code, "42P01") == 0 || strcmp(e->code, "42S02") == 0 || strstr(e->message, "no such table") != NULL;
}

/* The connection went away while a statement was running (sent, no reply): PostgreSQL's
 * "server closed the connection unexpectedly" or an administrator's termination (57P01),
 * MySQL's 2013 "Lost connection to MySQL server during query". Whether the statement took
 * effect is unknown. */
static bool is_lost_during_statement(const pdo_error *e)
{
	return strstr(e->message, "server closed the connection unexpectedly") || strncmp(e->code, "57P01", 5) == 0
		|| strstr(e->message, "terminating connection") || e->driver_code == 2013 || strstr(e->message, "[2013]");
}

/* The server refuses this client: a wrong password or user, no right to the database, a
 * database it does not have (SQLSTATE 28xxx, 3D000; PostgreSQL's libpq says it in words at
 * connect time, MySQL's 1044, 1045, 1049) */
static bool is_access_denied(const pdo_error *e)
{
	return strncmp(e->code, "28", 2) == 0 || strcmp(e->code, "3D000") == 0
		|| strstr(e->message, "password authentication failed") || strstr(e->message, "no password supplied")
		|| (strstr(e->message, "FATAL:") && strstr(e->message, "does not exist"))
		|| strstr(e->message, "[1044]") || strstr(e->message, "[1045]") || strstr(e->message, "[1049]");
}
/* }}} */

/* {{{ setup */
/* 1 when the table exists, 0 when it does not, -1 with an exception when the database could
 * not say (a read-only file, a lost connection): its own error, not "create the table". */
static int table_exists(php_messenger_doctrine *t)
{
	smart_str q = { 0 };
	smart_str_appends(&q, "SELECT 1 FROM ");
	smart_str_append(&q, t->table);
	smart_str_appends(&q, " WHERE 1 = 0");
	smart_str_0(&q);
	msgr_buf_t sql = { ZSTR_VAL(q.s), ZSTR_LEN(q.s), ZSTR_LEN(q.s) + 1 };
	zval stmt, rows, params;
	ZVAL_UNDEF(&rows);
	array_init(&params);
	/* a result set read to its end (MySQL allows no other query before) */
	bool ok = prepare(t, -1, MSGR_OK, &sql, &stmt) && run(t, &stmt, &params, &rows);
	if (Z_TYPE(stmt) == IS_OBJECT) {
		zval_ptr_dtor(&stmt);
	}
	zval_ptr_dtor(&rows);
	zval_ptr_dtor(&params);
	smart_str_free(&q);
	if (ok) {
		return 1;
	}
	if (EG(exception) && pending_error_is(is_table_missing)) {
		zend_clear_exception();
		return 0;
	}
	zend_string *doing = zend_strpprintf(0, "Could not read the table \"%s\" in", ZSTR_VAL(t->table));
	transport_error(t, ZSTR_VAL(doing), NULL);
	zend_string_release(doing);
	return -1;
}

static bool do_setup(php_messenger_doctrine *t)
{
	msgr_buf_t sql = MSGR_BUF_INIT;
	size_t count = 0;
	if (msgr_table_schema_sql(t->platform, ZSTR_VAL(t->table), &sql, &count) != MSGR_OK) {
		msgr_buf_free(&sql);
		zend_throw_error(NULL, "Out of memory");
		return false;
	}
	bool ok = true, in_tx = false;
	if (t->platform == MSGR_SQL_PGSQL) {
		/* workers starting together: one of them sets up at a time (DDL is transactional here) */
		char lock[96];
		snprintf(lock, sizeof(lock), "SELECT pg_advisory_xact_lock(%lu)", msgr_crc32(ZSTR_VAL(t->table), ZSTR_LEN(t->table)) & 0x7fffffffUL);
		ok = in_tx = call(t, &t->pdo, "beginTransaction", 0, NULL, NULL, NULL);
		ok = ok && exec_sql(t, lock);
	}
	const char *s = sql.data;
	for (size_t i = 0; ok && i < count; i++, s += strlen(s) + 1) {
		ok = exec_sql(t, s);
	}
	if (in_tx) {
		ok = end_transaction(t, ok);
	}
	msgr_buf_free(&sql);
	if (!ok) {
		zend_string *doing = zend_strpprintf(0, "Could not create the table \"%s\" in", ZSTR_VAL(t->table));
		transport_error(t, ZSTR_VAL(doing), NULL);
		zend_string_release(doing);
		return false;
	}
	t->set_up = true;
	return true;
}

/* Before the first statement: the table exists, made now when it does not and auto_setup
 * allows (as Symfony does: an existing table is left as it is). */
static bool ensure_table(php_messenger_doctrine *t)
{
	if (t->set_up) {
		return true;
	}
	int exists = table_exists(t);
	if (exists != 0) {
		t->set_up = exists > 0;
		return t->set_up;
	}
	if (t->auto_setup) {
		return do_setup(t);
	}
	php_messenger_throw(php_messenger_ce_TransportException,
		"The table \"%s\" does not exist in %s and auto_setup is off: create it with Messenger::setupTransports() "
		"(bin/console messenger:setup-transports), or DoctrineTransport::setup()", ZSTR_VAL(t->table), ZSTR_VAL(t->where));
	php_messenger_refusal_set();
	return false;
}
/* }}} */

/* {{{ sending */
static bool encode(php_messenger_doctrine *t, zend_object *envelope, zval *body, zval *headers)
{
	zval encoded;
	if (!php_messenger_serializer_encode(t->serializer, envelope, &encoded)) {
		return false;
	}
	zval *b = zend_hash_str_find_deref(Z_ARRVAL(encoded), "body", 4);
	zval *h = zend_hash_str_find_deref(Z_ARRVAL(encoded), "headers", 7);
	ZVAL_COPY(body, b);
	smart_str json = { 0 };
	if (h && Z_TYPE_P(h) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(h))) {
		php_json_encode(&json, h, 0);
	} else {
		smart_str_appendl(&json, "[]", 2);
	}
	ZVAL_STR(headers, smart_str_extract(&json));
	zval_ptr_dtor(&encoded);
	return true;
}


/* Row ids as ints: a driver may hand them over as numeric strings. */
static zend_object *with_id(zend_object *envelope, zval *id)
{
	zend_ulong n;
	if (Z_TYPE_P(id) == IS_STRING && ZEND_HANDLE_NUMERIC_STR(Z_STRVAL_P(id), Z_STRLEN_P(id), n)) {
		zval number;
		ZVAL_LONG(&number, (zend_long) n);
		return php_messenger_envelope_with_id(envelope, &number);
	}
	return php_messenger_envelope_with_id(envelope, id);
}

/* Sends count envelopes in one INSERT (one transaction); out gets the sent envelopes. */
static bool send_rows(php_messenger_doctrine *t, zend_object **envelopes, uint32_t count, zval *out)
{
	if (!ensure_table(t)) {
		return false;
	}
	zval params;
	array_init_size(&params, count * 5);
	zval now;
	now_text(0, &now);
	for (uint32_t i = 0; i < count; i++) {
		zval body, headers, available;
		zend_long delay_ms;
		if (!php_messenger_delay_ms(envelopes[i], &delay_ms) || !encode(t, envelopes[i], &body, &headers)) {
			zval_ptr_dtor(&params);
			zval_ptr_dtor(&now);
			return false;
		}
		/* the column holds whole seconds: rounded up, so that no message comes before its time
		 * (Symfony rounds toward zero, and a 1000 ms retry with jitter came at once) */
		now_text((delay_ms + 999) / 1000, &available);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &body);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &headers);
		zval queue;
		ZVAL_STR_COPY(&queue, t->queue);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &queue);
		Z_TRY_ADDREF(now);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &now);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &available);
	}
	zval_ptr_dtor(&now);
	msgr_buf_t sql = MSGR_BUF_INIT;
	int built = msgr_table_insert_sql(t->platform, ZSTR_VAL(t->table), count, &sql);
	zval stmt, rows;
	ZVAL_UNDEF(&rows);
	bool single = count == 1;
	bool ok = prepare(t, single ? ST_INSERT : -1, built, &sql, &stmt);
	msgr_buf_free(&sql);
	/* ids: RETURNING on PostgreSQL; else the last insert id, and for several rows the ones
	 * before it (a multi-row INSERT takes consecutive ids on SQLite and InnoDB's default) */
	if (ok) {
		ok = run(t, &stmt, &params, t->platform == MSGR_SQL_PGSQL ? &rows : NULL);
	}
	zval last;
	ZVAL_UNDEF(&last);
	if (ok && t->platform != MSGR_SQL_PGSQL) {
		ok = call(t, &t->pdo, "lastInsertId", 0, NULL, NULL, &last);
	}
	if (!single && Z_TYPE(stmt) == IS_OBJECT) {
		zval_ptr_dtor(&stmt);
	}
	zval_ptr_dtor(&params);
	if (!ok) {
		zval_ptr_dtor(&rows);
		zval_ptr_dtor(&last);
		if (pending_error_is(is_lost_during_statement)) {
			transport_error_as(t, php_messenger_ce_MaybeSentException,
				"The connection was lost before the database confirmed the INSERT: the message may have been stored (sending it again may store it twice) in", NULL);
		} else {
			transport_error(t, "Could not send to", NULL);
		}
		return false;
	}
	array_init_size(out, count);
	for (uint32_t i = 0; i < count; i++) {
		zval id;
		if (t->platform == MSGR_SQL_PGSQL) {
			zval *row = zend_hash_index_find(Z_ARRVAL(rows), i);
			zval *v = row && Z_TYPE_P(row) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(row), "id", 2) : NULL;
			ZVAL_COPY(&id, v ? v : &EG(uninitialized_zval));
		} else {
			zend_long last_id = Z_TYPE(last) == IS_STRING ? ZEND_STRTOL(Z_STRVAL(last), NULL, 10) : zval_get_long(&last);
			/* MySQL reports the first id of a multi-row INSERT, SQLite the last */
			ZVAL_LONG(&id, t->platform == MSGR_SQL_MYSQL ? last_id + i : last_id - (zend_long) (count - 1 - i));
		}
		GC_ADDREF(envelopes[i]);
		zval sent;
		ZVAL_OBJ(&sent, with_id(envelopes[i], &id));
		zval_ptr_dtor(&id);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &sent);
	}
	zval_ptr_dtor(&rows);
	zval_ptr_dtor(&last);
	return true;
}
/* }}} */

/* {{{ acknowledging
 * Used alone, with get_batch_size 1 (Symfony's way), ack() deletes the row at once. Read by a
 * worker (which says how much it reads ahead) or with a bigger get_batch_size, the acknowledged
 * ids are deleted together, in one statement, in the transaction of the next claim (or before a
 * count, list or find, at the worker's flush, or when the transport goes away): one commit per
 * batch instead of two per message. A worker that dies in between has its acknowledged messages
 * redelivered after redeliver_timeout: at least once, never lost. */

static zend_long batch_of(const php_messenger_doctrine *t)
{
	return (zend_long) msgr_prefetch_batch(t->batch_size, t->read_ahead);
}

static bool acks_wait(const php_messenger_doctrine *t)
{
	return msgr_prefetch_acks_wait(t->batch_size, t->read_ahead);
}

/* the DELETE of the acknowledged ids (kept until the caller's transaction has committed) */
static bool delete_acked(php_messenger_doctrine *t)
{
	msgr_buf_t sql = MSGR_BUF_INIT;
	int built = msgr_table_delete_many_sql(ZSTR_VAL(t->table), t->acked_count, &sql);
	zval stmt, params;
	array_init_size(&params, t->acked_count);
	for (uint32_t i = 0; i < t->acked_count; i++) {
		zval id;
		ZVAL_LONG(&id, t->acked[i]);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &id);
	}
	bool ok = prepare(t, -1, built, &sql, &stmt) && run(t, &stmt, &params, NULL);
	if (Z_TYPE(stmt) == IS_OBJECT) {
		zval_ptr_dtor(&stmt);
	}
	msgr_buf_free(&sql);
	zval_ptr_dtor(&params);
	return ok;
}

static bool flush_acks(php_messenger_doctrine *t)
{
	if (!t->acked_count) {
		return true;
	}
	if (!delete_acked(t)) {
		transport_error(t, "Could not acknowledge messages in", NULL);
		return false;
	}
	t->acked_count = 0;
	return true;
}

static void doctrine_dtor(zend_object *obj)
{
	php_messenger_doctrine *t = doctrine_from(obj);
	if (t->acked_count && Z_TYPE(t->pdo) == IS_OBJECT && !EG(exception)) {
		if (!flush_acks(t)) {
			/* nothing to throw to: the rows come back after redeliver_timeout */
			zend_clear_exception();
		}
	}
	zend_objects_destroy_object(obj);
}
/* }}} */

/* {{{ receiving */
/* How many times a claimed row has been delivered, this time included (see
 * msgr_table_redeliveries()) */
static zend_long deliveries_of(php_messenger_doctrine *t, HashTable *row)
{
	zval *headers = zend_hash_str_find(row, "headers", 7), *delivered = zend_hash_str_find(row, "delivered_at", 12);
	zend_long n = 1 + (headers && Z_TYPE_P(headers) == IS_STRING ? (zend_long) msgr_table_redeliveries(Z_STRVAL_P(headers), Z_STRLEN_P(headers)) : 0);
	if (t->platform == MSGR_SQL_MYSQL && delivered && Z_TYPE_P(delivered) != IS_NULL) {
		n++; /* its SELECT returned the row as it was before this claim */
	}
	return n;
}

/* A row as an Envelope with its TransportMessageIdStamp (of an UndecodableMessage when the
 * serializer cannot decode it, or when a claimed row was delivered more than max_deliveries
 * times: its handling may be what ends the workers that take it, and the worker sends it to the
 * failure transport instead); NULL with an exception. */
static zend_object *decode_row(php_messenger_doctrine *t, HashTable *row, bool claimed)
{
	zval *id = zend_hash_str_find(row, "id", 2), *body = zend_hash_str_find(row, "body", 4), *headers = zend_hash_str_find(row, "headers", 7);
	if (!id || !body || !headers) {
		php_messenger_decoding_failed(NULL, "Could not decode the row of %s: it lacks id, body or headers", ZSTR_VAL(t->table));
		return NULL;
	}
	zend_long deliveries = claimed && t->max_deliveries ? deliveries_of(t, row) : 0;
	bool poison = deliveries > t->max_deliveries; /* (0 when max_deliveries is off) */
	zval encoded, decoded_headers;
	array_init_size(&encoded, 2);
	Z_TRY_ADDREF_P(body);
	if (Z_TYPE_P(body) == IS_RESOURCE) {
		/* a stream (LOB): read it */
		php_stream *stream;
		php_stream_from_zval_no_verify(stream, body);
		zend_string *contents = stream ? php_stream_copy_to_mem(stream, PHP_STREAM_COPY_ALL, 0) : NULL;
		zval_ptr_dtor(body);
		add_assoc_str(&encoded, "body", contents ? contents : ZSTR_EMPTY_ALLOC());
	} else {
		add_assoc_zval(&encoded, "body", body);
	}
	ZVAL_UNDEF(&decoded_headers);
	if (Z_TYPE_P(headers) == IS_STRING && php_json_decode_ex(&decoded_headers, Z_STRVAL_P(headers), Z_STRLEN_P(headers),
			PHP_JSON_OBJECT_AS_ARRAY, 64) == SUCCESS && Z_TYPE(decoded_headers) == IS_ARRAY) {
		add_assoc_zval(&encoded, "headers", &decoded_headers);
	} else {
		zval_ptr_dtor(&decoded_headers);
		JSON_G(error_code) = PHP_JSON_ERROR_NONE;
		zval empty;
		ZVAL_EMPTY_ARRAY(&empty);
		add_assoc_zval(&encoded, "headers", &empty);
	}
	if (poison) {
		zval *queue = zend_hash_str_find(row, "queue_name", 10);
		zend_string *id_text = zval_get_string(id), *queue_text = queue ? zval_get_string(queue) : zend_string_copy(t->queue);
		php_messenger_decoding_failed(NULL, "Could not read message %s of the table \"%s\" (queue \"%s\"): delivered " ZEND_LONG_FMT " times and never "
			"acknowledged or rejected (more than max_deliveries, " ZEND_LONG_FMT "): its handling may be what ends the worker",
			ZSTR_VAL(id_text), ZSTR_VAL(t->table), ZSTR_VAL(queue_text), deliveries, t->max_deliveries);
		zend_string_release(id_text);
		zend_string_release(queue_text);
	}
	zend_object *envelope = php_messenger_decode_received(poison ? NULL : t->serializer, &encoded);
	zval_ptr_dtor(&encoded);
	return envelope ? with_id(envelope, id) : NULL;
}

/* A claimed row back to the queue at once */
static bool release_id(php_messenger_doctrine *t, zend_long id)
{
	smart_str q = { 0 };
	smart_str_appends(&q, "UPDATE ");
	smart_str_append(&q, t->table);
	smart_str_appends(&q, " SET delivered_at = NULL WHERE id = ");
	smart_str_append_long(&q, id);
	smart_str_0(&q);
	bool ok = exec_sql(t, ZSTR_VAL(q.s));
	smart_str_free(&q);
	return ok;
}

/* The rows other than keep go back to the queue at once. */
static void release_rows(php_messenger_doctrine *t, HashTable *rows, zval *keep)
{
	zval *row;
	ZEND_HASH_FOREACH_VAL(rows, row) {
		zval *id = zend_hash_str_find(Z_ARRVAL_P(row), "id", 2);
		if (!id || row == keep) {
			continue;
		}
		release_id(t, zval_get_long(id));
	} ZEND_HASH_FOREACH_END();
}

static int by_id_order(Bucket *a, Bucket *b)
{
	zval *ai = zend_hash_str_find(Z_ARRVAL(a->val), "id", 2), *bi = zend_hash_str_find(Z_ARRVAL(b->val), "id", 2);
	return ai && bi ? ZEND_NORMALIZE_BOOL(zval_get_long(ai) - zval_get_long(bi)) : 0;
}

/* LISTEN on the table's channel, once per connection. */
static bool listen_channel(php_messenger_doctrine *t)
{
	if (t->listening) {
		return true;
	}
	smart_str q = { 0 };
	smart_str_appends(&q, "LISTEN \"");
	smart_str_append(&q, t->table);
	smart_str_appendc(&q, '"');
	smart_str_0(&q);
	bool ok = exec_sql(t, ZSTR_VAL(q.s));
	smart_str_free(&q);
	t->listening = ok;
	return ok;
}

/* PostgreSQL: whether to claim now (1), or not yet (0; -1 with an exception). After an empty
 * get: LISTEN, wait up to get_notify_timeout for the trigger's notification of our queue, and
 * claim when one came or when check_delayed_interval has passed since the queue was seen empty
 * (delayed messages send no notification when they become due). */
static int notified(php_messenger_doctrine *t)
{
	if (t->platform != MSGR_SQL_PGSQL || !t->use_notify || !t->empty_since_ms) {
		return 1;
	}
	if (!listen_channel(t)) {
		return -1;
	}
	zval mode, timeout, note;
	ZVAL_LONG(&mode, PDO_FETCH_ASSOC);
	ZVAL_LONG(&timeout, t->notify_timeout_ms);
	if (!call(t, &t->pdo, "pgsqlGetNotify", 2, &mode, &timeout, &note)) {
		return -1;
	}
	bool ours = false;
	if (Z_TYPE(note) == IS_ARRAY) {
		zval *channel = zend_hash_str_find(Z_ARRVAL(note), "message", 7), *payload = zend_hash_str_find(Z_ARRVAL(note), "payload", 7);
		ours = channel && payload && Z_TYPE_P(channel) == IS_STRING && Z_TYPE_P(payload) == IS_STRING &&
			zend_string_equals(Z_STR_P(channel), t->table) && zend_string_equals(Z_STR_P(payload), t->queue);
	}
	zval_ptr_dtor(&note);
	if (ours || php_messenger_monotonic_ms() - t->empty_since_ms >= t->check_delayed_ms) {
		return 1;
	}
	usleep(1000);
	return 0;
}

/* Deletes the acknowledged rows and claims up to batch_of() waiting messages of the queues in
 * one transaction, and decodes them into out. */
static bool claim(php_messenger_doctrine *t, HashTable *queues, zval *out)
{
	if (!ensure_table(t)) {
		return false;
	}
	uint32_t nq = queues ? zend_hash_num_elements(queues) : 1;
	zval params, now, threshold, rows, stmt;
	now_text(0, &now);
	now_text(-t->redeliver_timeout, &threshold);
	array_init_size(&params, nq + 3);
	if (t->platform != MSGR_SQL_MYSQL) {
		Z_TRY_ADDREF(now);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &now);
	}
	if (queues) {
		zval *q;
		ZEND_HASH_FOREACH_VAL(queues, q) {
			Z_TRY_ADDREF_P(q);
			zend_hash_next_index_insert(Z_ARRVAL(params), q);
		} ZEND_HASH_FOREACH_END();
	} else {
		zval q;
		ZVAL_STR_COPY(&q, t->queue);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &q);
	}
	zend_hash_next_index_insert_new(Z_ARRVAL(params), &threshold);
	Z_TRY_ADDREF(now);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), &now);

	msgr_buf_t sql = MSGR_BUF_INIT;
	size_t limit = (size_t) batch_of(t);
	int built = msgr_table_claim_sql(t->platform, ZSTR_VAL(t->table), nq, limit, &sql);
	bool own_stmt = queues != NULL;
	if (!own_stmt && t->claim_limit != limit) {
		zval_ptr_dtor(&t->stmts[ST_CLAIM]); /* made for another read-ahead */
		ZVAL_UNDEF(&t->stmts[ST_CLAIM]);
		t->claim_limit = limit;
	}
	bool ok = prepare(t, own_stmt ? -1 : ST_CLAIM, built, &sql, &stmt);
	msgr_buf_free(&sql);
	ZVAL_UNDEF(&rows);
	bool in_tx = false;
	uint32_t deleting = t->acked_count;
	if (ok && (t->platform == MSGR_SQL_MYSQL || deleting)) {
		ok = in_tx = call(t, &t->pdo, "beginTransaction", 0, NULL, NULL, NULL);
	}
	if (ok && deleting) {
		ok = delete_acked(t);
	}
	if (ok) {
		ok = run(t, &stmt, &params, &rows);
	}
	if (ok && t->platform == MSGR_SQL_MYSQL && zend_hash_num_elements(Z_ARRVAL(rows))) {
		/* second step: mark what was selected */
		msgr_buf_t mark = MSGR_BUF_INIT;
		int mark_built = msgr_table_mark_sql(t->platform, ZSTR_VAL(t->table), zend_hash_num_elements(Z_ARRVAL(rows)), &mark);
		zval mstmt, mparams;
		array_init(&mparams);
		Z_TRY_ADDREF(now);
		zend_hash_next_index_insert_new(Z_ARRVAL(mparams), &now);
		zval *row;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
			zval *id = zend_hash_str_find(Z_ARRVAL_P(row), "id", 2);
			Z_TRY_ADDREF_P(id);
			zend_hash_next_index_insert(Z_ARRVAL(mparams), id);
		} ZEND_HASH_FOREACH_END();
		ok = prepare(t, -1, mark_built, &mark, &mstmt) && run(t, &mstmt, &mparams, NULL);
		msgr_buf_free(&mark);
		zval_ptr_dtor(&mstmt);
		zval_ptr_dtor(&mparams);
	}
	if (in_tx) {
		ok = end_transaction(t, ok);
	}
	if (ok) {
		t->acked_count -= deleting;
	}
	if (own_stmt && Z_TYPE(stmt) == IS_OBJECT) {
		zval_ptr_dtor(&stmt);
	}
	zval_ptr_dtor(&params);
	zval_ptr_dtor(&now);
	if (!ok) {
		zval_ptr_dtor(&rows);
		transport_error(t, "Could not receive from", NULL);
		return false;
	}
	/* in the order the claim took them, the queue's: by id (RETURNING gives no order) */
	zend_hash_sort(Z_ARRVAL(rows), by_id_order, true);
	array_init_size(out, zend_hash_num_elements(Z_ARRVAL(rows)));
	zval *row;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_object *envelope = Z_TYPE_P(row) == IS_ARRAY ? decode_row(t, Z_ARRVAL_P(row), true) : NULL;
		if (!envelope) {
			/* the undecodable row stays claimed (back after redeliver_timeout, never lost); the
			 * rest of the batch goes back to the queue now */
			zend_object *ex = NULL;
			php_messenger_take_exception(&ex);
			release_rows(t, Z_ARRVAL(rows), row);
			zend_clear_exception();
			zval *id = Z_TYPE_P(row) == IS_ARRAY ? zend_hash_str_find(Z_ARRVAL_P(row), "id", 2) : NULL;
			zend_string *id_text = id ? zval_get_string(id) : ZSTR_EMPTY_ALLOC();
			zval rv;
			zval *message = ex ? php_messenger_throwable_prop(ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), &rv) : NULL;
			php_messenger_decoding_failed(ex, "Message %s of the table \"%s\" (queue \"%s\") cannot be decoded and is left in it: %s",
				ZSTR_VAL(id_text), ZSTR_VAL(t->table), ZSTR_VAL(t->queue), message && Z_TYPE_P(message) == IS_STRING ? Z_STRVAL_P(message) : "");
			zend_string_release(id_text);
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			zval_ptr_dtor(&rows);
			return false;
		}
		zval env;
		ZVAL_OBJ(&env, envelope);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &env);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return true;
}

static bool id_of(zend_object *envelope, zval **id)
{
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	if (!stamp) {
		php_messenger_throw(php_messenger_ce_LogicException, "No TransportMessageIdStamp found on the Envelope: it was not received from this transport");
		return false;
	}
	*id = php_messenger_stamp_prop(stamp, 0);
	return true;
}

/* DELETE (ack and reject) or touch (keepalive) of one row */
static bool by_id(php_messenger_doctrine *t, zend_object *envelope, int slot, const char *doing)
{
	zval *id;
	if (!id_of(envelope, &id) || !ensure_table(t)) {
		return false;
	}
	if (slot == ST_DELETE && acks_wait(t) && Z_TYPE_P(id) == IS_LONG) {
		/* (an id acknowledged twice is kept twice: the DELETE ... IN deletes its row once) */
		if (t->acked_count == t->acked_cap) {
			t->acked_cap = t->acked_cap ? t->acked_cap * 2 : 64;
			t->acked = safe_erealloc(t->acked, t->acked_cap, sizeof(zend_long), 0);
		}
		t->acked[t->acked_count++] = Z_LVAL_P(id);
		/* (acknowledged without reading more: written once they are as many as a claim may hold) */
		return t->acked_count < MAX_BATCH || flush_acks(t);
	}
	msgr_buf_t sql = MSGR_BUF_INIT;
	int built = slot == ST_DELETE ? msgr_table_delete_sql(ZSTR_VAL(t->table), &sql) : msgr_table_touch_sql(ZSTR_VAL(t->table), &sql);
	zval stmt, params;
	array_init_size(&params, 2);
	if (slot == ST_TOUCH) {
		zval now;
		now_text(0, &now);
		zend_hash_next_index_insert_new(Z_ARRVAL(params), &now);
	}
	Z_TRY_ADDREF_P(id);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), id);
	bool ok = prepare(t, slot, built, &sql, &stmt) && run(t, &stmt, &params, NULL);
	msgr_buf_free(&sql);
	zval_ptr_dtor(&params);
	if (!ok) {
		transport_error(t, doing, NULL);
	}
	return ok;
}
/* }}} */

/* {{{ construction */
static const char *const option_keys[] = {
	"table_name", "queue_name", "redeliver_timeout", "auto_setup", "get_batch_size",
	"use_notify", "check_delayed_interval", "get_notify_timeout", "max_deliveries", NULL
};
#define OPTION_LIST "table_name, queue_name, redeliver_timeout, auto_setup, get_batch_size, use_notify, check_delayed_interval, get_notify_timeout, max_deliveries"

/* The value of option key: options array first, then the DSN's query; NULL when absent. */
static zval *option(HashTable *options, const msgr_dsn_t *dsn, const char *key, zval *tmp)
{
	zval *v = options ? zend_hash_str_find_deref(options, key, strlen(key)) : NULL;
	if (v) {
		return v;
	}
	const char *text = dsn ? msgr_dsn_param(dsn, key) : NULL;
	if (!text) {
		return NULL;
	}
	ZVAL_STRING(tmp, text);
	return tmp;
}

static bool option_int(zval *v, const char *key, zend_long min, zend_long *out)
{
	if (!v) {
		return true;
	}
	zend_long n;
	zend_ulong parsed;
	if (Z_TYPE_P(v) == IS_LONG) {
		n = Z_LVAL_P(v);
	} else if (Z_TYPE_P(v) == IS_STRING && ZEND_HANDLE_NUMERIC_STR(Z_STRVAL_P(v), Z_STRLEN_P(v), parsed)) {
		n = (zend_long) parsed;
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The option \"%s\" of the doctrine transport must be an integer", key);
		return false;
	}
	if (n < min) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The option \"%s\" of the doctrine transport must be at least " ZEND_LONG_FMT, key, min);
		return false;
	}
	*out = n;
	return true;
}

static bool option_bool(zval *v, const char *key, bool *out)
{
	if (!v) {
		return true;
	}
	if (Z_TYPE_P(v) == IS_TRUE || Z_TYPE_P(v) == IS_FALSE) {
		*out = Z_TYPE_P(v) == IS_TRUE;
		return true;
	}
	if (Z_TYPE_P(v) == IS_STRING) {
		if (zend_string_equals_literal(Z_STR_P(v), "true") || zend_string_equals_literal(Z_STR_P(v), "1")) {
			*out = true;
			return true;
		}
		if (zend_string_equals_literal(Z_STR_P(v), "false") || zend_string_equals_literal(Z_STR_P(v), "0")) {
			*out = false;
			return true;
		}
	}
	php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The option \"%s\" of the doctrine transport must be true or false", key);
	return false;
}

static bool apply_options(php_messenger_doctrine *t, HashTable *options, const msgr_dsn_t *dsn)
{
	zend_string *unknown;
	if (options && php_messenger_find_unknown_key(options, option_keys, &unknown)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown option \"%s\" for the doctrine transport (known: " OPTION_LIST ")",
			unknown ? ZSTR_VAL(unknown) : "(integer key)");
		return false;
	}
	for (size_t i = 0; dsn && i < dsn->param_count; i++) {
		bool known = false;
		for (const char *const *k = option_keys; *k && !known; k++) {
			known = strcmp(*k, dsn->params[i].key) == 0 && strcmp(*k, "use_notify") != 0;
		}
		if (!known) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "Unknown option \"%s\" in the doctrine DSN (known: " OPTION_LIST "; use_notify only in options)",
				dsn->params[i].key);
			return false;
		}
	}
	zval tmp[8];
	for (int i = 0; i < 8; i++) {
		ZVAL_UNDEF(&tmp[i]);
	}
	zval *table = option(options, dsn, "table_name", &tmp[0]);
	zval *queue = option(options, dsn, "queue_name", &tmp[1]);
	bool ok = true;
	if (table && (Z_TYPE_P(table) != IS_STRING || !msgr_table_name_valid(Z_STRVAL_P(table)))) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"The table_name of the doctrine transport must be a table name (letters, digits, \"_\", an optional \"schema.\")");
		ok = false;
	} else if (queue && (Z_TYPE_P(queue) != IS_STRING || Z_STRLEN_P(queue) == 0 || Z_STRLEN_P(queue) > 190)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The queue_name of the doctrine transport must be a string of 1 to 190 bytes");
		ok = false;
	}
	if (ok) {
		t->table = table ? zend_string_copy(Z_STR_P(table)) : zend_string_init("messenger_messages", sizeof("messenger_messages") - 1, 0);
		t->queue = queue ? zend_string_copy(Z_STR_P(queue)) : zend_string_init("default", sizeof("default") - 1, 0);
		t->redeliver_timeout = 3600;
		t->batch_size = 0;
		t->max_deliveries = 5;
		t->auto_setup = true;
		t->use_notify = true;
		t->check_delayed_ms = 60000;
		t->notify_timeout_ms = 0;
		ok = option_int(option(options, dsn, "redeliver_timeout", &tmp[2]), "redeliver_timeout", 1, &t->redeliver_timeout) &&
			option_int(option(options, dsn, "get_batch_size", &tmp[3]), "get_batch_size", 1, &t->batch_size) &&
			option_bool(option(options, dsn, "auto_setup", &tmp[4]), "auto_setup", &t->auto_setup) &&
			option_bool(options ? zend_hash_str_find_deref(options, "use_notify", sizeof("use_notify") - 1) : NULL, "use_notify", &t->use_notify) &&
			option_int(option(options, dsn, "check_delayed_interval", &tmp[5]), "check_delayed_interval", 0, &t->check_delayed_ms) &&
			option_int(option(options, dsn, "get_notify_timeout", &tmp[6]), "get_notify_timeout", 0, &t->notify_timeout_ms) &&
			option_int(option(options, dsn, "max_deliveries", &tmp[7]), "max_deliveries", 0, &t->max_deliveries);
		if (ok && t->batch_size > MAX_BATCH) {
			php_messenger_throw(php_messenger_ce_InvalidArgumentException, "The option \"get_batch_size\" of the doctrine transport must be at most %d", MAX_BATCH);
			ok = false;
		}
	}
	for (int i = 0; i < 8; i++) {
		zval_ptr_dtor(&tmp[i]);
	}
	return ok;
}

/* "the pgsql database app on 127.0.0.1:5432" from a PDO DSN (only host, port, dbname: never
 * user or password) */
static zend_string *describe(const char *driver, const char *dsn)
{
	const char *body = strchr(dsn, ':');
	body = body ? body + 1 : dsn;
	if (strcmp(driver, "sqlite") == 0) {
		return zend_strpprintf(0, "the sqlite database %s", *body ? body : ":memory:");
	}
	char host[128] = "", port[16] = "", dbname[128] = "";
	const char *p = body;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t len = end ? (size_t) (end - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		if (eq) {
			size_t klen = (size_t) (eq - p), vlen = len - klen - 1;
			char *dst = NULL;
			size_t cap = 0;
			if (klen == 4 && strncmp(p, "host", 4) == 0) {
				dst = host, cap = sizeof(host);
			} else if (klen == 4 && strncmp(p, "port", 4) == 0) {
				dst = port, cap = sizeof(port);
			} else if (klen == 6 && strncmp(p, "dbname", 6) == 0) {
				dst = dbname, cap = sizeof(dbname);
			} else if (klen == 11 && strncmp(p, "unix_socket", 11) == 0) {
				dst = host, cap = sizeof(host);
			}
			if (dst) {
				snprintf(dst, cap, "%.*s", (int) vlen, eq + 1);
			}
		}
		p += len + (end ? 1 : 0);
	}
	return zend_strpprintf(0, "the %s database \"%s\" on %s%s%s", driver, dbname, *host ? host : "localhost", *port ? ":" : "", port);
}

/* A SQLite file this process may not write (or in a folder it may not write, where a WAL
 * database cannot make its -shm file): opened read-only and immutable, so what only reads works
 * (counting, listing, messenger:stats) and a write fails with the database's own error. */
#define PDO_SQLITE_ATTR_OPEN_FLAGS 1000
#define SQLITE_OPEN_READONLY_FLAG 1
static zend_string *readonly_sqlite_dsn(const char *path)
{
	smart_str uri = { 0 };
	smart_str_appends(&uri, "sqlite:file:");
	for (const char *c = path; *c; c++) {
		if (*c == '%' || *c == '?' || *c == '#') {
			smart_str_append_printf(&uri, "%%%02X", (unsigned char) *c);
		} else {
			smart_str_appendc(&uri, *c);
		}
	}
	smart_str_appends(&uri, "?immutable=1");
	return smart_str_extract(&uri);
}

/* new PDO(dsn, user, password[, options]) from t->reconnect */
static bool open_pdo(php_messenger_doctrine *t, zend_class_entry *pdo_ce)
{
	zval args[4];
	uint32_t argc = zend_hash_num_elements(Z_ARRVAL(t->reconnect));
	for (zend_ulong i = 0; i < argc; i++) {
		ZVAL_COPY_VALUE(&args[i], zend_hash_index_find(Z_ARRVAL(t->reconnect), i));
	}
	zval_ptr_dtor(&t->pdo);
	object_init_ex(&t->pdo, pdo_ce);
	zend_call_known_instance_method(pdo_ce->constructor, Z_OBJ(t->pdo), NULL, argc, args);
	if (EG(exception)) {
		zval_ptr_dtor(&t->pdo);
		ZVAL_UNDEF(&t->pdo);
		bool denied = pending_error_is(is_access_denied);
		transport_error(t, "Could not connect to", Z_TYPE(args[2]) == IS_STRING ? Z_STRVAL(args[2]) : NULL);
		if (denied) {
			php_messenger_refusal_set();
		}
		return false;
	}
	return true;
}

/* After a failure: when it was the connection and we made it, a new one (statements
 * prepared again); true when the operation may be tried again. */
static bool reconnected(php_messenger_doctrine *t)
{
	if (Z_TYPE(t->reconnect) != IS_ARRAY || !EG(exception) || !pending_error_is(is_connection_lost)) {
		return false;
	}
	zend_object *first;
	php_messenger_take_exception(&first);
	forget_statements(t);
	t->listening = false;
	if (!open_pdo(t, Z_OBJCE(t->pdo))) {
		OBJ_RELEASE(first);
		return false;
	}
	OBJ_RELEASE(first);
	return true;
}

/* After a failed attempt: whether to try again (a deadlock, up to 5 times with a growing
 * pause; or a lost connection, once, on a new one). */
static bool try_again(php_messenger_doctrine *t, int attempt)
{
	if (!EG(exception)) {
		return false;
	}
	if (attempt < 5 && pending_error_is(is_serialization_failure)) {
		zend_clear_exception();
		usleep((useconds_t) (5000 * (attempt + 1) + (getpid() % 7) * 700));
		return true;
	}
	return attempt == 0 && reconnected(t);
}

static zend_class_entry *pdo_class(void)
{
	zend_string *pdo_name = zend_string_init("PDO", 3, 0);
	zend_class_entry *pdo_ce = zend_lookup_class(pdo_name);
	zend_string_release(pdo_name);
	if (!pdo_ce) {
		php_messenger_throw(php_messenger_ce_LogicException, "The doctrine transport needs the PDO extension");
	}
	return pdo_ce;
}

/* The connection as t->connection keeps it: the PDO given, or [dsn, user, password] with a
 * relative SQLite path made absolute against base_dir (the current folder when NULL), so the
 * database does not depend on where the process runs. false with an exception on a bad shape. */
static bool connection_spec(php_messenger_doctrine *t, zval *connection, zend_string *base_dir)
{
	ZVAL_DEREF(connection);
	zend_class_entry *pdo_ce = pdo_class();
	if (!pdo_ce) {
		return false;
	}
	if (Z_TYPE_P(connection) == IS_OBJECT && instanceof_function(Z_OBJCE_P(connection), pdo_ce)) {
		ZVAL_COPY(&t->connection, connection);
		return true;
	}
	zval *dsn = connection, *user = NULL, *password = NULL;
	if (Z_TYPE_P(connection) == IS_ARRAY) {
		dsn = zend_hash_str_find_deref(Z_ARRVAL_P(connection), "dsn", 3);
		if (!dsn) {
			dsn = zend_hash_index_find_deref(Z_ARRVAL_P(connection), 0);
		}
		user = zend_hash_str_find_deref(Z_ARRVAL_P(connection), "user", 4);
		if (!user) {
			user = zend_hash_index_find_deref(Z_ARRVAL_P(connection), 1);
		}
		password = zend_hash_str_find_deref(Z_ARRVAL_P(connection), "password", 8);
		if (!password) {
			password = zend_hash_index_find_deref(Z_ARRVAL_P(connection), 2);
		}
	}
	if (!dsn || Z_TYPE_P(dsn) != IS_STRING || (user && Z_TYPE_P(user) != IS_STRING && Z_TYPE_P(user) != IS_NULL) ||
		(password && Z_TYPE_P(password) != IS_STRING && Z_TYPE_P(password) != IS_NULL)) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"A doctrine connection must be a PDO, a PDO DSN string, or [\"dsn\" => string, \"user\" => string, \"password\" => string]");
		return false;
	}
	array_init_size(&t->connection, 3);
	const char *path = Z_STRVAL_P(dsn) + 7;
	if (strncmp(Z_STRVAL_P(dsn), "sqlite:", 7) == 0 && *path && *path != '/' && strcmp(path, ":memory:") != 0 && strncmp(path, "file:", 5) != 0) {
		char cwd[MAXPATHLEN];
		const char *base = base_dir ? ZSTR_VAL(base_dir) : VCWD_GETCWD(cwd, sizeof(cwd));
		add_next_index_str(&t->connection, zend_strpprintf(0, "sqlite:%s/%s", base ? base : ".", path));
	} else {
		add_next_index_str(&t->connection, zend_string_copy(Z_STR_P(dsn)));
	}
	add_next_index_zval(&t->connection, user && Z_TYPE_P(user) == IS_STRING ? user : &EG(uninitialized_zval));
	Z_TRY_ADDREF_P(zend_hash_index_find(Z_ARRVAL(t->connection), 1));
	add_next_index_zval(&t->connection, password && Z_TYPE_P(password) == IS_STRING ? password : &EG(uninitialized_zval));
	Z_TRY_ADDREF_P(zend_hash_index_find(Z_ARRVAL(t->connection), 2));
	return true;
}

/* Connects as t->connection says; false with an exception (a TransportException naming the
 * database, never the password). */
static bool pdo_connect(php_messenger_doctrine *t)
{
	zval *connection = &t->connection;
	zend_class_entry *pdo_ce = pdo_class();
	if (!pdo_ce) {
		return false;
	}
	if (Z_TYPE_P(connection) == IS_OBJECT) {
		ZVAL_COPY(&t->pdo, connection);
	} else {
		zval *dsn = zend_hash_index_find(Z_ARRVAL_P(connection), 0);
		zval *user = zend_hash_index_find(Z_ARRVAL_P(connection), 1);
		zval *password = zend_hash_index_find(Z_ARRVAL_P(connection), 2);
		const char *colon = strchr(Z_STRVAL_P(dsn), ':');
		zend_string *readonly_dsn = NULL;
		char driver[32];
		snprintf(driver, sizeof(driver), "%.*s", colon ? (int) (colon - Z_STRVAL_P(dsn)) : 0, Z_STRVAL_P(dsn));
		if (t->where) {
			zend_string_release(t->where);
		}
		t->where = describe(driver, Z_STRVAL_P(dsn));
		if (strcmp(driver, "sqlite") == 0) {
			/* the folder of an embedded database is made when missing (var/ of the default) */
			const char *path = colon + 1;
			const char *slash = strrchr(path, '/');
			char dir[4096] = ".";
			if (slash && slash > path) {
				snprintf(dir, sizeof(dir), "%.*s", (int) (slash - path), path);
			}
			zend_stat_t st;
			if (slash && slash > path && strcmp(path, ":memory:") != 0 && VCWD_STAT(dir, &st) != 0) {
				php_stream_mkdir(dir, 0777, PHP_STREAM_MKDIR_RECURSIVE, NULL);
			}
			if (*path && strncmp(path, "file:", 5) != 0 && strcmp(path, ":memory:") != 0 && VCWD_STAT(path, &st) == 0
					&& (VCWD_ACCESS(path, W_OK) != 0 || VCWD_ACCESS(dir, W_OK) != 0)) {
				readonly_dsn = readonly_sqlite_dsn(path);
			}
		}
		zval_ptr_dtor(&t->reconnect);
		array_init_size(&t->reconnect, 4);
		if (readonly_dsn) {
			add_next_index_str(&t->reconnect, readonly_dsn);
		} else {
			Z_ADDREF_P(dsn);
			zend_hash_next_index_insert_new(Z_ARRVAL(t->reconnect), dsn);
		}
		Z_TRY_ADDREF_P(user);
		zend_hash_next_index_insert_new(Z_ARRVAL(t->reconnect), user);
		Z_TRY_ADDREF_P(password);
		zend_hash_next_index_insert_new(Z_ARRVAL(t->reconnect), password);
		if (readonly_dsn) {
			zval options;
			array_init(&options);
			add_index_long(&options, PDO_SQLITE_ATTR_OPEN_FLAGS, SQLITE_OPEN_READONLY_FLAG);
			add_next_index_zval(&t->reconnect, &options);
		}
		if (!open_pdo(t, pdo_ce)) {
			return false;
		}
	}
	zval attr, driver;
	ZVAL_LONG(&attr, PDO_ATTR_DRIVER_NAME);
	if (!call(t, &t->pdo, "getAttribute", 1, &attr, NULL, &driver) || Z_TYPE(driver) != IS_STRING) {
		zval_ptr_dtor(&driver);
		transport_error(t, "Could not use", NULL);
		zval_ptr_dtor(&t->pdo);
		ZVAL_UNDEF(&t->pdo); /* not usable: the next operation connects again */
		return false;
	}
	bool ok = true;
	if (zend_string_equals_literal(Z_STR(driver), "sqlite")) {
		t->platform = MSGR_SQL_SQLITE;
		/* concurrent workers on a database the transport opened itself: WAL, and waiting for the
		 * writer's lock instead of failing (an application's own PDO keeps its settings) */
		if (Z_TYPE(t->reconnect) == IS_ARRAY) {
			ok = exec_sql(t, "PRAGMA busy_timeout = 10000") && exec_sql(t, "PRAGMA journal_mode = WAL");
			zend_clear_exception(); /* a read-only or in-memory database keeps its journal */
			ok = true;
		}
	} else if (zend_string_equals_literal(Z_STR(driver), "pgsql")) {
		t->platform = MSGR_SQL_PGSQL;
	} else if (zend_string_equals_literal(Z_STR(driver), "mysql")) {
		t->platform = MSGR_SQL_MYSQL;
	} else {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException,
			"The doctrine transport supports the PDO drivers sqlite, pgsql and mysql, not \"%s\"", Z_STRVAL(driver));
		ok = false;
	}
	if (!t->where) {
		t->where = zend_strpprintf(0, "the %s database", Z_STRVAL(driver));
	}
	zval_ptr_dtor(&driver);
	if (!ok) {
		/* not usable: the next operation says so again */
		zval_ptr_dtor(&t->pdo);
		ZVAL_UNDEF(&t->pdo);
	}
	return ok;
}

static void doctrine_read_ahead(const php_messenger_transport *transport, uint32_t n)
{
	doctrine_from(transport->object)->read_ahead = n > MAX_BATCH ? MAX_BATCH : n;
}

static bool doctrine_flush(const php_messenger_transport *transport)
{
	php_messenger_doctrine *t = doctrine_from(transport->object);
	return t->acked_count == 0 || flush_acks(t);
}

static void doctrine_release(const php_messenger_transport *transport, zend_object *envelope)
{
	php_messenger_doctrine *t = doctrine_from(transport->object);
	zend_object *stamp = php_messenger_envelope_last(envelope, php_messenger_ce_TransportMessageIdStamp);
	zval *id = stamp ? php_messenger_stamp_prop(stamp, 0) : NULL;
	if (id && Z_TYPE_P(id) == IS_LONG && Z_TYPE(t->pdo) == IS_OBJECT && !release_id(t, Z_LVAL_P(id))) {
		zend_clear_exception();
	}
}

static zend_object *doctrine_serializer(const php_messenger_transport *transport)
{
	return doctrine_from(transport->object)->serializer;
}

static bool doctrine_init(zend_object *obj, zval *connection, HashTable *options, const struct msgr_dsn *dsn, zend_object *serializer, zend_string *base_dir)
{
	php_messenger_doctrine *t = doctrine_from(obj);
	if (!apply_options(t, options, dsn) || !connection_spec(t, connection, base_dir)) {
		return false;
	}
	t->serializer = php_messenger_serializer_or_default(serializer);
	t->constructed = true;
	return true;
}
/* }}} */

static bool doctrine_send_all(const php_messenger_transport *transport, zend_object **list, uint32_t count, zval *out)
{
	php_messenger_doctrine *t = ready(transport->object);
	if (!t) {
		return false;
	}
	/* in chunks of at most 2000 rows (10 000 placeholders, under every database's limit): one
	 * transaction for all of them */
	bool ok = true, in_tx = count > 2000 && call(t, &t->pdo, "beginTransaction", 0, NULL, NULL, NULL);
	array_init_size(out, count);
	for (uint32_t from = 0; ok && from < count; from += 2000) {
		uint32_t n = count - from < 2000 ? count - from : 2000;
		zval part;
		if (!(ok = send_rows(t, list + from, n, &part))) {
			break;
		}
		zval *sent;
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(part), sent) {
			Z_ADDREF_P(sent);
			zend_hash_next_index_insert_new(Z_ARRVAL_P(out), sent);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&part);
	}
	if (in_tx && !end_transaction(t, ok) && ok) {
		ok = false;
		transport_error(t, "Could not send to", NULL);
	}
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

/* queues: their names (strings, at least one), or NULL for the transport's own queue */
static bool doctrine_get(const php_messenger_transport *transport, HashTable *queues, zval *out)
{
	php_messenger_doctrine *t = ready(transport->object);
	if (!t) {
		return false;
	}
	if (!queues) {
		int now = notified(t);
		if (now < 0) {
			transport_error(t, "Could not wait for notifications from", NULL);
			return false;
		}
		if (now == 0) {
			ZVAL_EMPTY_ARRAY(out);
			return true;
		}
	}
	for (int attempt = 0; !claim(t, queues, out); attempt++) {
		if (!try_again(t, attempt)) {
			return false;
		}
	}
	if (queues) {
		return true;
	}
	/* seen empty: the next get waits for a notification; listening from now on, so that a
	 * message sent in between is notified too */
	t->empty_since_ms = zend_hash_num_elements(Z_ARRVAL_P(out)) ? 0 : php_messenger_monotonic_ms();
	if (t->empty_since_ms && t->platform == MSGR_SQL_PGSQL && t->use_notify && !listen_channel(t)) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		transport_error(t, "Could not listen for notifications from", NULL);
		return false;
	}
	return true;
}

static bool doctrine_settle(const php_messenger_transport *transport, zend_object *envelope, bool ack)
{
	php_messenger_doctrine *t = ready(transport->object);
	if (!t) {
		return false;
	}
	const char *doing = ack ? "Could not acknowledge a message in" : "Could not reject a message in";
	for (int attempt = 0; !by_id(t, envelope, ST_DELETE, doing); attempt++) {
		if (!try_again(t, attempt)) {
			return false;
		}
	}
	return true;
}

static bool doctrine_keepalive(const php_messenger_transport *transport, zend_object *envelope, const zend_long *seconds)
{
	php_messenger_doctrine *t = ready(transport->object);
	if (!t) {
		return false;
	}
	if (seconds && *seconds >= t->redeliver_timeout) {
		php_messenger_throw(php_messenger_ce_LogicException,
			"The keepalive interval (" ZEND_LONG_FMT " s) must be shorter than the redeliver_timeout (" ZEND_LONG_FMT " s), or messages are redelivered while they are handled",
			*seconds, t->redeliver_timeout);
		return false;
	}
	return by_id(t, envelope, ST_TOUCH, "Could not keep a message alive in");
}

/* the waiting messages of the queue: count, or the envelopes (limit 0: all) */
static bool waiting(php_messenger_doctrine *t, bool count, zend_long limit, zval *out)
{
	if (!ensure_table(t) || !flush_acks(t)) {
		return false;
	}
	msgr_buf_t sql = MSGR_BUF_INIT;
	int built = msgr_table_waiting_sql(ZSTR_VAL(t->table), count, (size_t) limit, &sql);
	zval stmt, params, rows, v;
	array_init_size(&params, 3);
	ZVAL_STR_COPY(&v, t->queue);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), &v);
	now_text(-t->redeliver_timeout, &v);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), &v);
	now_text(0, &v);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), &v);
	ZVAL_UNDEF(&rows);
	bool ok = prepare(t, count ? ST_COUNT : -1, built, &sql, &stmt) && run(t, &stmt, &params, &rows);
	msgr_buf_free(&sql);
	if (!count && Z_TYPE(stmt) == IS_OBJECT) {
		zval_ptr_dtor(&stmt);
	}
	zval_ptr_dtor(&params);
	if (!ok) {
		zval_ptr_dtor(&rows);
		transport_error(t, count ? "Could not count the messages in" : "Could not list the messages in", NULL);
		return false;
	}
	if (count) {
		zval *row = zend_hash_index_find(Z_ARRVAL(rows), 0), *n = NULL;
		if (row && Z_TYPE_P(row) == IS_ARRAY) {
			ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(row), n) { break; } ZEND_HASH_FOREACH_END();
		}
		ZVAL_LONG(out, n ? zval_get_long(n) : 0);
		zval_ptr_dtor(&rows);
		return true;
	}
	array_init_size(out, zend_hash_num_elements(Z_ARRVAL(rows)));
	zval *row;
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(rows), row) {
		zend_object *envelope = decode_row(t, Z_ARRVAL_P(row), false);
		if (!envelope) {
			zval_ptr_dtor(&rows);
			zval_ptr_dtor(out);
			ZVAL_UNDEF(out);
			return false;
		}
		zval env;
		ZVAL_OBJ(&env, envelope);
		zend_hash_next_index_insert_new(Z_ARRVAL_P(out), &env);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&rows);
	return true;
}

static bool doctrine_count(const php_messenger_transport *transport, zend_long *out)
{
	php_messenger_doctrine *t = ready(transport->object);
	zval n;
	if (!t || !waiting(t, true, 0, &n)) {
		return false;
	}
	*out = Z_LVAL(n);
	return true;
}

static bool doctrine_all(const php_messenger_transport *transport, zend_long limit, zval *out)
{
	php_messenger_doctrine *t = ready(transport->object);
	return t && waiting(t, false, limit, out);
}

static bool doctrine_find(const php_messenger_transport *transport, zval *id, zval *out)
{
	php_messenger_doctrine *t = ready(transport->object);
	if (!t || !ensure_table(t) || !flush_acks(t)) {
		return false;
	}
	if (Z_TYPE_P(id) != IS_LONG && Z_TYPE_P(id) != IS_STRING) {
		zend_argument_type_error(1, "must be a message id (int or string), %s given", zend_zval_type_name(id));
		return false;
	}
	msgr_buf_t sql = MSGR_BUF_INIT;
	int built = msgr_table_find_sql(ZSTR_VAL(t->table), &sql);
	zval stmt, params, rows, q;
	array_init_size(&params, 2);
	Z_TRY_ADDREF_P(id);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), id);
	ZVAL_STR_COPY(&q, t->queue);
	zend_hash_next_index_insert_new(Z_ARRVAL(params), &q);
	ZVAL_UNDEF(&rows);
	bool ok = prepare(t, ST_FIND, built, &sql, &stmt) && run(t, &stmt, &params, &rows);
	msgr_buf_free(&sql);
	zval_ptr_dtor(&params);
	if (!ok) {
		zval_ptr_dtor(&rows);
		transport_error(t, "Could not find a message in", NULL);
		return false;
	}
	zval *row = zend_hash_index_find(Z_ARRVAL(rows), 0);
	if (!row) {
		zval_ptr_dtor(&rows);
		ZVAL_NULL(out);
		return true;
	}
	zend_object *envelope = decode_row(t, Z_ARRVAL_P(row), false);
	zval_ptr_dtor(&rows);
	if (!envelope) {
		return false;
	}
	ZVAL_OBJ(out, envelope);
	return true;
}

static bool doctrine_setup(const php_messenger_transport *transport)
{
	php_messenger_doctrine *t = ready(transport->object);
	return t && do_setup(t);
}

static const php_messenger_transport_ops doctrine_ops = {
	.send = php_messenger_transport_send_as_batch,
	.send_all = doctrine_send_all,
	.get = doctrine_get,
	.settle = doctrine_settle,
	.release = doctrine_release,
	.flush = doctrine_flush,
	.read_ahead = doctrine_read_ahead,
	.keepalive = doctrine_keepalive,
	.count = doctrine_count,
	.setup = doctrine_setup,
	.all = doctrine_all,
	.find = doctrine_find,
	.serializer = doctrine_serializer,
};

ZEND_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, __construct)
{
	zval *connection;
	HashTable *options = NULL;
	zend_object *serializer = NULL;
	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ZVAL(connection)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
		Z_PARAM_OBJ_OF_CLASS_OR_NULL(serializer, php_messenger_ce_SerializerInterface)
	ZEND_PARSE_PARAMETERS_END();
	if (doctrine_from(Z_OBJ_P(ZEND_THIS))->constructed) {
		zend_throw_error(NULL, "Cannot call Messenger\\Bridge\\Doctrine\\Transport\\DoctrineTransport::__construct() twice");
		RETURN_THROWS();
	}
	doctrine_init(Z_OBJ_P(ZEND_THIS), connection, options, NULL, serializer, NULL);
}

PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, send, send, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, sendAll, send_all, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, get, get, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, getFromQueues, get_from_queues, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, ack, true, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_SETTLE(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, reject, false, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, keepalive, keepalive, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, getMessageCount, count, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, all, all, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, find, find, &doctrine_ops)
PHP_MESSENGER_TRANSPORT_METHOD(Messenger_Bridge_Doctrine_Transport_DoctrineTransport, setup, setup, &doctrine_ops)

/* The connection doctrine://NAME names: the configuration's, or for "default" with none
 * configured, the embedded SQLite database var/messenger.sqlite (under the Messenger's
 * project_dir, or the current folder outside a Messenger). */
static bool doctrine_connection(zend_string *transport, const char *name, HashTable *connections, zval *out)
{
	zval *found = connections ? zend_hash_str_find_deref(connections, name, strlen(name)) : NULL;
	if (found) {
		ZVAL_COPY(out, found);
		return true;
	}
	if (strcmp(name, "default") == 0) {
		ZVAL_STRING(out, "sqlite:var/messenger.sqlite");
		return true;
	}
	zend_string *known = connections ? php_messenger_names_of(connections) : zend_string_init("none", 4, 0);
	php_messenger_throw(php_messenger_ce_InvalidArgumentException,
		"transports[\"%s\"]: doctrine://%s names a connection that is not in the configuration's \"connections\" (configured: %s)",
		ZSTR_VAL(transport), name, ZSTR_VAL(known));
	zend_string_release(known);
	return false;
}

static bool doctrine_make(zval *out, const php_messenger_transport_args *args)
{
	zval connection;
	if (args->dsn->more_host_count) {
		php_messenger_throw(php_messenger_ce_InvalidArgumentException, "transports[\"%s\"]: a doctrine:// DSN names one connection, not a list", ZSTR_VAL(args->name));
		return false;
	}
	const char *name = *args->dsn->host ? args->dsn->host : "default";
	if (!doctrine_connection(args->name, name, args->connections, &connection)) {
		return false;
	}
	object_init_ex(out, php_messenger_ce_DoctrineTransport);
	bool ok = doctrine_init(Z_OBJ_P(out), &connection, args->options, args->dsn, args->serializer, args->base_dir);
	zval_ptr_dtor(&connection);
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
	}
	return ok;
}

static zend_class_entry *doctrine_register(void)
{
	php_messenger_ce_DoctrineTransport = register_class_Messenger_Bridge_Doctrine_Transport_DoctrineTransport(php_messenger_ce_TransportInterface,
		php_messenger_ce_BatchSenderInterface, php_messenger_ce_MessageCountAwareInterface, php_messenger_ce_ListableReceiverInterface,
		php_messenger_ce_SetupableTransportInterface, php_messenger_ce_QueueReceiverInterface, php_messenger_ce_KeepaliveReceiverInterface);
	php_messenger_ce_DoctrineTransport->create_object = doctrine_create;
	memcpy(&doctrine_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	doctrine_handlers.offset = XtOffsetOf(php_messenger_doctrine, std);
	doctrine_handlers.free_obj = doctrine_free;
	doctrine_handlers.dtor_obj = doctrine_dtor;
	doctrine_handlers.get_gc = doctrine_get_gc;
	doctrine_handlers.clone_obj = NULL;
	return php_messenger_ce_DoctrineTransport;
}

const php_messenger_transport_kind php_messenger_transport_kind_doctrine = {
	.schemes = (const char *const[]) { "doctrine", NULL },
	.register_class = doctrine_register,
	.make = doctrine_make,
	.ops = &doctrine_ops,
};
