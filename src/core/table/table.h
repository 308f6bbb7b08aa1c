/* The SQL of the database-table transport: Symfony's messenger_messages schema (same columns,
 * types and index names as Doctrine DBAL creates) and the statements that send, claim,
 * acknowledge, count and list messages, per database. Pure text; the binding runs it through
 * PDO. Placeholders are "?". */
#ifndef MSGR_TABLE_H
#define MSGR_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/base/buf.h"
#include "core/base/error.h"

typedef enum {
	MSGR_SQL_SQLITE,
	MSGR_SQL_PGSQL,
	MSGR_SQL_MYSQL
} msgr_sql_platform_t;

/* The columns every read returns, in this order. */
#define MSGR_TABLE_COLUMNS "id, body, headers, queue_name, created_at, available_at, delivered_at"

/* Whether name is usable as a table name: letters, digits, '_' and one optional "schema." part. */
bool msgr_table_name_valid(const char *name);

/* DBAL's generated index name for a column of a table: "IDX_" and the upper-case hex CRC-32 of
 * the table name and of the column name, cut to 30 characters. out has room for 31 bytes. */
void msgr_table_index_name(const char *table, const char *column, char *out);

/* CRC-32 (IEEE 802.3, as PHP's crc32()). */
unsigned long msgr_crc32(const char *data, size_t len);

/* The statements that create the table and its indexes (and on PostgreSQL the notify function
 * and trigger), each NUL-terminated, one after the other in out; *count says how many. They
 * do nothing when the objects exist. */
int msgr_table_schema_sql(msgr_sql_platform_t platform, const char *table, msgr_buf_t *out, size_t *count);

/* INSERT of rows messages (5 values each: body, headers, queue_name, created_at, available_at),
 * with "RETURNING id" on PostgreSQL. */
int msgr_table_insert_sql(msgr_sql_platform_t platform, const char *table, size_t rows, msgr_buf_t *out);

/* The claim of up to limit messages of queues queue names: values are delivered_at (now),
 * the queue names, the redelivery threshold (now - redeliver_timeout) and now.
 * SQLite and PostgreSQL: one UPDATE ... RETURNING the columns (SKIP LOCKED on PostgreSQL).
 * MySQL: the SELECT ... FOR UPDATE SKIP LOCKED to run in a transaction (without the
 * delivered_at value), followed by msgr_table_mark_sql().
 * In the order the messages were stored (id), a delayed one in its place once due, where
 * Symfony orders by available_at: the queue_name index (whose entries follow the row id on SQLite
 * and InnoDB) then serves the claim, which stops after limit rows instead of sorting the whole
 * queue (at 20 000 queued rows on SQLite 6x the messages per second), whatever the other queues
 * of the table (a failure transport's) hold. */
int msgr_table_claim_sql(msgr_sql_platform_t platform, const char *table, size_t queues, size_t limit, msgr_buf_t *out);

/* MySQL's second step: UPDATE ... SET delivered_at = ? WHERE id IN (rows ids). Both steps
 * count a redelivery as the claim does (see msgr_table_redeliveries()). */
int msgr_table_mark_sql(msgr_sql_platform_t platform, const char *table, size_t rows, msgr_buf_t *out);

/* How many times a row was claimed again after its redeliver_timeout had passed: a claim
 * appends one blank to the headers of a row delivered before (Symfony's columns stay as
 * they are; JSON ignores the blanks). Read from the headers the claim returned: on MySQL,
 * whose SELECT returns them before the mark, add 1 when its delivered_at was set. */
size_t msgr_table_redeliveries(const char *headers, size_t len);

/* The messages waiting in queue_name (values: queue_name, threshold, now); a COUNT when count,
 * else their columns with an optional LIMIT (limit 0: none). */
int msgr_table_waiting_sql(const char *table, bool count, size_t limit, msgr_buf_t *out);

/* One message by id and queue_name. */
int msgr_table_find_sql(const char *table, msgr_buf_t *out);

/* DELETE of one message by id. */
int msgr_table_delete_sql(const char *table, msgr_buf_t *out);

/* DELETE of rows messages by id (WHERE id IN (...)). */
int msgr_table_delete_many_sql(const char *table, size_t rows, msgr_buf_t *out);

/* UPDATE of one message's delivered_at (values: now, id). */
int msgr_table_touch_sql(const char *table, msgr_buf_t *out);

/* "Y-m-d H:i:s" in UTC of t (out: 20 bytes). */
void msgr_table_datetime(time_t t, char *out);

#endif
