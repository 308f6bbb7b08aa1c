/* The physical limit of a consumer of the table transport on SQLite on this machine: libsqlite3
 * alone, no PHP, on a file with Symfony's table (WAL, synchronous FULL: what the transport sets on
 * a database it opens), N rows of `bytes` bytes; each round one transaction that deletes the rows
 * of the round before and claims the next `batch` with the transport's own UPDATE ... RETURNING,
 * until the queue is empty. Usage: sqlite_consume FILE N BATCH BYTES. Prints one JSON line. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static void must(sqlite3 *db, int rc)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
		fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s FILE N BATCH BYTES\n", argv[0]);
		return 2;
	}
	long n = atol(argv[2]), batch = atol(argv[3]), bytes = atol(argv[4]);
	remove(argv[1]);
	sqlite3 *db;
	must(db, sqlite3_open(argv[1], &db));
	must(db, sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
		"CREATE TABLE messenger_messages (id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, body CLOB NOT NULL, headers CLOB NOT NULL, "
		"queue_name VARCHAR(190) NOT NULL, created_at DATETIME NOT NULL, available_at DATETIME NOT NULL, delivered_at DATETIME DEFAULT NULL);"
		"CREATE INDEX i1 ON messenger_messages (queue_name); CREATE INDEX i2 ON messenger_messages (available_at);"
		"CREATE INDEX i3 ON messenger_messages (delivered_at);", NULL, NULL, NULL));
	char *body = malloc((size_t) bytes + 1);
	memset(body, 'x', (size_t) bytes);
	body[bytes] = '\0';
	sqlite3_stmt *ins;
	must(db, sqlite3_prepare_v2(db, "INSERT INTO messenger_messages (body, headers, queue_name, created_at, available_at) "
		"VALUES (?, '[]', 'default', '2026-01-01 00:00:00', '2026-01-01 00:00:00')", -1, &ins, NULL));
	must(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL));
	for (long i = 0; i < n; i++) {
		sqlite3_bind_text(ins, 1, body, (int) bytes, SQLITE_STATIC);
		must(db, sqlite3_step(ins));
		sqlite3_reset(ins);
	}
	must(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
	sqlite3_finalize(ins);
	char sql[1024];
	snprintf(sql, sizeof(sql), "UPDATE messenger_messages SET headers = CASE WHEN delivered_at IS NULL THEN headers ELSE headers || ' ' END, "
		"delivered_at = '2026-11-30 00:00:00' WHERE id IN (SELECT id FROM messenger_messages WHERE queue_name = 'default' AND "
		"(delivered_at IS NULL OR delivered_at < '2026-11-29 23:00:00') AND available_at <= '2026-11-30 00:00:00' "
		"ORDER BY id ASC LIMIT %ld) RETURNING id, body, headers, queue_name, created_at, available_at, delivered_at", batch);
	sqlite3_stmt *claim, *del;
	must(db, sqlite3_prepare_v2(db, sql, -1, &claim, NULL));
	must(db, sqlite3_prepare_v2(db, "DELETE FROM messenger_messages WHERE id = ?", -1, &del, NULL));
	long *held = malloc(sizeof(long) * (size_t) batch), count = 0, consumed = 0;
	double start = now_s();
	for (;;) {
		must(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL));
		for (long i = 0; i < count; i++) {
			sqlite3_bind_int64(del, 1, held[i]);
			must(db, sqlite3_step(del));
			sqlite3_reset(del);
		}
		count = 0;
		int rc;
		while ((rc = sqlite3_step(claim)) == SQLITE_ROW) {
			held[count++] = (long) sqlite3_column_int64(claim, 0);
			(void) sqlite3_column_blob(claim, 1);
		}
		must(db, rc);
		sqlite3_reset(claim);
		must(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
		consumed += count;
		if (count == 0) {
			break;
		}
	}
	double seconds = now_s() - start;
	printf("{\"probe\":\"libsqlite3 claim of %ld + DELETE of the last batch per transaction\",\"n\":%ld,\"msg_per_s\":%.0f}\n", batch, consumed, (double) consumed / seconds);
	sqlite3_finalize(claim);
	sqlite3_finalize(del);
	sqlite3_close(db);
	remove(argv[1]);
	free(body);
	free(held);
	return consumed == n ? 0 : 1;
}
