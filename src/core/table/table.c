/* See msgr_table.h. */
#include "core/table/table.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

bool msgr_table_name_valid(const char *name)
{
	size_t len = strlen(name), dots = 0;
	if (len == 0 || len > 128 || name[0] == '.' || name[len - 1] == '.') {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) name[i];
		if (c == '.') {
			if (++dots > 1 || name[i + 1] == '.') {
				return false;
			}
		} else if (!isalnum(c) && c != '_') {
			return false;
		}
	}
	return !isdigit((unsigned char) name[0]);
}

unsigned long msgr_crc32(const char *data, size_t len)
{
	unsigned long crc = 0xFFFFFFFFUL;
	for (size_t i = 0; i < len; i++) {
		crc ^= (unsigned char) data[i];
		for (int k = 0; k < 8; k++) {
			crc = (crc >> 1) ^ (0xEDB88320UL & (0UL - (crc & 1)));
		}
	}
	return crc ^ 0xFFFFFFFFUL;
}

void msgr_table_index_name(const char *table, const char *column, char *out)
{
	char full[64];
	snprintf(full, sizeof(full), "IDX_%lx%lx", msgr_crc32(table, strlen(table)), msgr_crc32(column, strlen(column)));
	size_t i;
	for (i = 0; full[i] && i < 30; i++) {
		out[i] = (char) toupper((unsigned char) full[i]);
	}
	out[i] = '\0';
}

/* the part of "schema.table" after the dot */
static const char *bare(const char *table)
{
	const char *dot = strchr(table, '.');
	return dot ? dot + 1 : table;
}

/* appends a statement and its terminating NUL */
static int stmt(msgr_buf_t *out, size_t *count, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

static int stmt(msgr_buf_t *out, size_t *count, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char text[2048];
	int n = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t) n >= sizeof(text)) {
		return MSGR_ERR_INVALID;
	}
	if (msgr_buf_append(out, text, (size_t) n + 1) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	(*count)++;
	return MSGR_OK;
}

int msgr_table_schema_sql(msgr_sql_platform_t platform, const char *table, msgr_buf_t *out, size_t *count)
{
	static const char *const indexed[] = { "queue_name", "available_at", "delivered_at" };
	char idx[3][31];
	for (int i = 0; i < 3; i++) {
		msgr_table_index_name(table, indexed[i], idx[i]);
	}
	*count = 0;
	int rc;
	switch (platform) {
	case MSGR_SQL_SQLITE:
		if ((rc = stmt(out, count, "CREATE TABLE IF NOT EXISTS %s (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, body CLOB NOT NULL, "
			"headers CLOB NOT NULL, queue_name VARCHAR(190) NOT NULL, created_at DATETIME NOT NULL, available_at DATETIME NOT NULL, "
			"delivered_at DATETIME DEFAULT NULL)", table))) {
			return rc;
		}
		for (int i = 0; i < 3; i++) {
			if ((rc = stmt(out, count, "CREATE INDEX IF NOT EXISTS %s ON %s (%s)", idx[i], table, indexed[i]))) {
				return rc;
			}
		}
		return MSGR_OK;
	case MSGR_SQL_PGSQL: {
		if ((rc = stmt(out, count, "CREATE TABLE IF NOT EXISTS %s (id BIGSERIAL NOT NULL, body TEXT NOT NULL, headers TEXT NOT NULL, "
			"queue_name VARCHAR(190) NOT NULL, created_at TIMESTAMP(0) WITHOUT TIME ZONE NOT NULL, "
			"available_at TIMESTAMP(0) WITHOUT TIME ZONE NOT NULL, delivered_at TIMESTAMP(0) WITHOUT TIME ZONE DEFAULT NULL, "
			"PRIMARY KEY(id))", table))) {
			return rc;
		}
		for (int i = 0; i < 3; i++) {
			if ((rc = stmt(out, count, "CREATE INDEX IF NOT EXISTS %s ON %s (%s)", idx[i], table, indexed[i]))) {
				return rc;
			}
		}
		/* Symfony's LISTEN/NOTIFY objects: notify_<table> (in the table's schema), notify_trigger,
		 * the channel named after the table */
		char function[160];
		const char *dot = strchr(table, '.');
		if (dot) {
			snprintf(function, sizeof(function), "%.*s.notify_%s", (int) (dot - table), table, bare(table));
		} else {
			snprintf(function, sizeof(function), "notify_%s", table);
		}
		if ((rc = stmt(out, count, "CREATE OR REPLACE FUNCTION %s() RETURNS TRIGGER AS $$\n    BEGIN\n        "
				"PERFORM pg_notify('%s', NEW.queue_name::text);\n        RETURN NEW;\n    END;\n$$ LANGUAGE plpgsql", function, table)) ||
			(rc = stmt(out, count, "DROP TRIGGER IF EXISTS notify_trigger ON %s", table)) ||
			(rc = stmt(out, count, "CREATE TRIGGER notify_trigger AFTER INSERT OR UPDATE ON %s FOR EACH ROW EXECUTE PROCEDURE %s()", table, function))) {
			return rc;
		}
		return MSGR_OK;
	}
	case MSGR_SQL_MYSQL:
		return stmt(out, count, "CREATE TABLE IF NOT EXISTS %s (id BIGINT AUTO_INCREMENT NOT NULL, body LONGTEXT NOT NULL, "
			"headers LONGTEXT NOT NULL, queue_name VARCHAR(190) NOT NULL, created_at DATETIME NOT NULL, available_at DATETIME NOT NULL, "
			"delivered_at DATETIME DEFAULT NULL, INDEX %s (queue_name), INDEX %s (available_at), INDEX %s (delivered_at), "
			"PRIMARY KEY(id)) DEFAULT CHARACTER SET utf8mb4 COLLATE `utf8mb4_unicode_ci` ENGINE = InnoDB", table, idx[0], idx[1], idx[2]);
	}
	return MSGR_ERR_INVALID;
}

static int put(msgr_buf_t *out, const char *s)
{
	return msgr_buf_append_str(out, s) == MSGR_OK ? MSGR_OK : MSGR_ERR_NOMEM;
}

/* "?, ?, ?" */
static int placeholders(msgr_buf_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (put(out, i ? ", ?" : "?") != MSGR_OK) {
			return MSGR_ERR_NOMEM;
		}
	}
	return MSGR_OK;
}

int msgr_table_insert_sql(msgr_sql_platform_t platform, const char *table, size_t rows, msgr_buf_t *out)
{
	if (rows == 0) {
		return MSGR_ERR_INVALID;
	}
	if (msgr_buf_appendf(out, "INSERT INTO %s (body, headers, queue_name, created_at, available_at) VALUES ", table) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	for (size_t i = 0; i < rows; i++) {
		if (put(out, i ? ", (?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?)") != MSGR_OK) {
			return MSGR_ERR_NOMEM;
		}
	}
	return platform == MSGR_SQL_PGSQL ? put(out, " RETURNING id") : MSGR_OK;
}

/* the predicate of a waiting message, Symfony's: not delivered (or delivered too long ago),
 * available now */
static int waiting(msgr_buf_t *out, size_t queues)
{
	if (put(out, " WHERE queue_name ") != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	if (queues == 1) {
		if (put(out, "= ?") != MSGR_OK) {
			return MSGR_ERR_NOMEM;
		}
	} else if (put(out, "IN (") != MSGR_OK || placeholders(out, queues) != MSGR_OK || put(out, ")") != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	return put(out, " AND (delivered_at IS NULL OR delivered_at < ?) AND available_at <= ?");
}

/* The SET of a claim: delivered_at, and one blank more after the headers of a row delivered
 * before (its worker neither acknowledged, rejected nor gave it back within redeliver_timeout).
 * That counts a row's redeliveries without a column of its own (Symfony's schema stays): JSON
 * ignores the blanks, and no SQL dialect has to parse the headers, which may not be JSON.
 * MySQL evaluates assignments in order, so the headers' comes first, reading the old
 * delivered_at as the others do. */
static int set_claimed(msgr_sql_platform_t platform, const char *table, msgr_buf_t *out)
{
	return msgr_buf_appendf(out, "UPDATE %s SET headers = CASE WHEN delivered_at IS NULL THEN headers ELSE %s END, delivered_at = ? WHERE id IN (",
		table, platform == MSGR_SQL_MYSQL ? "CONCAT(headers, ' ')" : "headers || ' '") == MSGR_OK ? MSGR_OK : MSGR_ERR_NOMEM;
}

size_t msgr_table_redeliveries(const char *headers, size_t len)
{
	size_t n = 0;
	while (n < len && headers[len - 1 - n] == ' ') {
		n++;
	}
	return n;
}

int msgr_table_claim_sql(msgr_sql_platform_t platform, const char *table, size_t queues, size_t limit, msgr_buf_t *out)
{
	if (queues == 0 || limit == 0) {
		return MSGR_ERR_INVALID;
	}
	if (platform == MSGR_SQL_MYSQL) {
		if (msgr_buf_appendf(out, "SELECT " MSGR_TABLE_COLUMNS " FROM %s", table) != MSGR_OK || waiting(out, queues) != MSGR_OK ||
			msgr_buf_appendf(out, " ORDER BY id ASC LIMIT %zu FOR UPDATE SKIP LOCKED", limit) != MSGR_OK) {
			return MSGR_ERR_NOMEM;
		}
		return MSGR_OK;
	}
	if (set_claimed(platform, table, out) != MSGR_OK || msgr_buf_appendf(out, "SELECT id FROM %s", table) != MSGR_OK ||
		waiting(out, queues) != MSGR_OK ||
		msgr_buf_appendf(out, " ORDER BY id ASC LIMIT %zu%s) RETURNING " MSGR_TABLE_COLUMNS, limit,
			platform == MSGR_SQL_PGSQL ? " FOR UPDATE SKIP LOCKED" : "") != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	return MSGR_OK;
}

int msgr_table_mark_sql(msgr_sql_platform_t platform, const char *table, size_t rows, msgr_buf_t *out)
{
	if (rows == 0) {
		return MSGR_ERR_INVALID;
	}
	if (set_claimed(platform, table, out) != MSGR_OK || placeholders(out, rows) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	return put(out, ")");
}

int msgr_table_waiting_sql(const char *table, bool count, size_t limit, msgr_buf_t *out)
{
	if (msgr_buf_appendf(out, count ? "SELECT COUNT(id) FROM %s" : "SELECT " MSGR_TABLE_COLUMNS " FROM %s", table) != MSGR_OK ||
		waiting(out, 1) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	if (!count && put(out, " ORDER BY available_at ASC, id ASC") != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	if (!count && limit && msgr_buf_appendf(out, " LIMIT %zu", limit) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	return MSGR_OK;
}

int msgr_table_find_sql(const char *table, msgr_buf_t *out)
{
	return msgr_buf_appendf(out, "SELECT " MSGR_TABLE_COLUMNS " FROM %s WHERE id = ? AND queue_name = ?", table) == MSGR_OK ? MSGR_OK : MSGR_ERR_NOMEM;
}

int msgr_table_delete_sql(const char *table, msgr_buf_t *out)
{
	return msgr_buf_appendf(out, "DELETE FROM %s WHERE id = ?", table) == MSGR_OK ? MSGR_OK : MSGR_ERR_NOMEM;
}

int msgr_table_delete_many_sql(const char *table, size_t rows, msgr_buf_t *out)
{
	if (rows == 0) {
		return MSGR_ERR_INVALID;
	}
	if (msgr_buf_appendf(out, "DELETE FROM %s WHERE id IN (", table) != MSGR_OK || placeholders(out, rows) != MSGR_OK) {
		return MSGR_ERR_NOMEM;
	}
	return put(out, ")");
}

int msgr_table_touch_sql(const char *table, msgr_buf_t *out)
{
	return msgr_buf_appendf(out, "UPDATE %s SET delivered_at = ? WHERE id = ?", table) == MSGR_OK ? MSGR_OK : MSGR_ERR_NOMEM;
}

void msgr_table_datetime(time_t t, char *out)
{
	struct tm tm;
#ifdef _WIN32
	gmtime_s(&tm, &t);
#else
	gmtime_r(&t, &tm);
#endif
	strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}
