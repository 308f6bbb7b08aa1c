#include "leakcheck.h"
#include "core/table/table.h"

#include <string.h>

static void test_crc32_and_dbal_index_names(void **state)
{
	assert_int_equal(msgr_crc32("", 0), 0);
	assert_int_equal(msgr_crc32("The quick brown fox jumps over the lazy dog", 43), 0x414FA339UL);
	char name[31];
	/* the names DBAL gives Symfony's messenger_messages indexes */
	msgr_table_index_name("messenger_messages", "queue_name", name);
	assert_string_equal(name, "IDX_75EA56E0FB7336F0");
	msgr_table_index_name("messenger_messages", "available_at", name);
	assert_string_equal(name, "IDX_75EA56E0E3BD61CE");
	msgr_table_index_name("messenger_messages", "delivered_at", name);
	assert_string_equal(name, "IDX_75EA56E016BA31DB");
	/* never longer than 30 */
	msgr_table_index_name("a_rather_long_table_name_for_a_queue", "delivered_at", name);
	assert_int_equal(strlen(name), 20);
}

static void test_table_names(void **state)
{
	assert_true(msgr_table_name_valid("messenger_messages"));
	assert_true(msgr_table_name_valid("fusio_messenger"));
	assert_true(msgr_table_name_valid("app.messages"));
	assert_false(msgr_table_name_valid(""));
	assert_false(msgr_table_name_valid("a.b.c"));
	assert_false(msgr_table_name_valid("x; DROP TABLE y"));
	assert_false(msgr_table_name_valid("1abc"));
	assert_false(msgr_table_name_valid(".abc"));
	assert_false(msgr_table_name_valid("abc."));
	assert_false(msgr_table_name_valid("a\"b"));
}

static void test_schema_per_database(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	size_t count;
	assert_int_equal(msgr_table_schema_sql(MSGR_SQL_SQLITE, "messenger_messages", &out, &count), MSGR_OK);
	assert_int_equal(count, 4);
	assert_non_null(strstr(out.data, "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, body CLOB NOT NULL"));
	const char *second = out.data + strlen(out.data) + 1;
	assert_string_equal(second, "CREATE INDEX IF NOT EXISTS IDX_75EA56E0FB7336F0 ON messenger_messages (queue_name)");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_schema_sql(MSGR_SQL_PGSQL, "app.msgs", &out, &count), MSGR_OK);
	assert_int_equal(count, 7);
	const char *s = out.data;
	for (size_t i = 0; i < 4; i++) {
		s += strlen(s) + 1;
	}
	assert_non_null(strstr(s, "CREATE OR REPLACE FUNCTION app.notify_msgs() RETURNS TRIGGER"));
	assert_non_null(strstr(s, "pg_notify('app.msgs', NEW.queue_name::text)"));
	s += strlen(s) + 1;
	assert_string_equal(s, "DROP TRIGGER IF EXISTS notify_trigger ON app.msgs");
	s += strlen(s) + 1;
	assert_string_equal(s, "CREATE TRIGGER notify_trigger AFTER INSERT OR UPDATE ON app.msgs FOR EACH ROW EXECUTE PROCEDURE app.notify_msgs()");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_schema_sql(MSGR_SQL_MYSQL, "messenger_messages", &out, &count), MSGR_OK);
	assert_int_equal(count, 1);
	assert_non_null(strstr(out.data, "INDEX IDX_75EA56E016BA31DB (delivered_at), PRIMARY KEY(id)) DEFAULT CHARACTER SET utf8mb4"));
	msgr_buf_free(&out);
}

static void test_redeliveries(void **state)
{
	(void) state;
	assert_int_equal(msgr_table_redeliveries("{\"type\":\"A\"}", 12), 0);
	assert_int_equal(msgr_table_redeliveries("{\"a\":\" \"}  ", 11), 2);
	assert_int_equal(msgr_table_redeliveries("   ", 3), 3);
	assert_int_equal(msgr_table_redeliveries("", 0), 0);
	assert_int_equal(msgr_table_redeliveries("{} \t ", 5), 1); /* blanks only, as the claim appends them */
}

static void test_statements(void **state)
{
	msgr_buf_t out = MSGR_BUF_INIT;
	assert_int_equal(msgr_table_insert_sql(MSGR_SQL_PGSQL, "t", 2, &out), MSGR_OK);
	assert_string_equal(out.data, "INSERT INTO t (body, headers, queue_name, created_at, available_at) VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?) RETURNING id");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_insert_sql(MSGR_SQL_SQLITE, "t", 0, &out), MSGR_ERR_INVALID);
	assert_int_equal(msgr_table_claim_sql(MSGR_SQL_PGSQL, "t", 2, 10, &out), MSGR_OK);
	assert_string_equal(out.data, "UPDATE t SET headers = CASE WHEN delivered_at IS NULL THEN headers ELSE headers || ' ' END, "
		"delivered_at = ? WHERE id IN (SELECT id FROM t WHERE queue_name IN (?, ?) AND "
		"(delivered_at IS NULL OR delivered_at < ?) AND available_at <= ? ORDER BY id ASC LIMIT 10 "
		"FOR UPDATE SKIP LOCKED) RETURNING " MSGR_TABLE_COLUMNS);
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_claim_sql(MSGR_SQL_SQLITE, "t", 1, 1, &out), MSGR_OK);
	assert_string_equal(out.data, "UPDATE t SET headers = CASE WHEN delivered_at IS NULL THEN headers ELSE headers || ' ' END, "
		"delivered_at = ? WHERE id IN (SELECT id FROM t WHERE queue_name = ? AND "
		"(delivered_at IS NULL OR delivered_at < ?) AND available_at <= ? ORDER BY id ASC LIMIT 1) RETURNING " MSGR_TABLE_COLUMNS);
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_claim_sql(MSGR_SQL_MYSQL, "t", 1, 5, &out), MSGR_OK);
	assert_string_equal(out.data, "SELECT " MSGR_TABLE_COLUMNS " FROM t WHERE queue_name = ? AND (delivered_at IS NULL OR delivered_at < ?) "
		"AND available_at <= ? ORDER BY id ASC LIMIT 5 FOR UPDATE SKIP LOCKED");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_mark_sql(MSGR_SQL_MYSQL, "t", 3, &out), MSGR_OK);
	assert_string_equal(out.data, "UPDATE t SET headers = CASE WHEN delivered_at IS NULL THEN headers ELSE CONCAT(headers, ' ') END, "
		"delivered_at = ? WHERE id IN (?, ?, ?)");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_waiting_sql("t", true, 0, &out), MSGR_OK);
	assert_string_equal(out.data, "SELECT COUNT(id) FROM t WHERE queue_name = ? AND (delivered_at IS NULL OR delivered_at < ?) AND available_at <= ?");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_waiting_sql("t", false, 7, &out), MSGR_OK);
	assert_non_null(strstr(out.data, "ORDER BY available_at ASC, id ASC LIMIT 7"));
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_delete_many_sql("t", 2, &out), MSGR_OK);
	assert_string_equal(out.data, "DELETE FROM t WHERE id IN (?, ?)");
	msgr_buf_reset(&out);
	assert_int_equal(msgr_table_delete_many_sql("t", 0, &out), MSGR_ERR_INVALID);
	assert_int_equal(msgr_table_find_sql("t", &out), MSGR_OK);
	assert_string_equal(out.data, "SELECT " MSGR_TABLE_COLUMNS " FROM t WHERE id = ? AND queue_name = ?");
	msgr_buf_free(&out);
	char when[20];
	msgr_table_datetime(1704164645, when);
	assert_string_equal(when, "2024-01-02 03:04:05");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_crc32_and_dbal_index_names),
		LEAK_TEST(test_table_names),
		LEAK_TEST(test_schema_per_database),
		LEAK_TEST(test_statements),
		LEAK_TEST(test_redeliveries),
	};
	return cmocka_run_group_tests_name("msgr_table", tests, NULL, NULL);
}
