/* The physical limit of a consumer of the table transport on PostgreSQL on this machine: libpq
 * alone, no PHP, on Symfony's table (scripts/db.sh's server), N rows of `bytes` bytes, ANALYZEd;
 * each round one transaction that deletes the rows of the round before and claims the next
 * `batch` with the transport's own UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING, until the
 * queue is empty. Usage: pgsql_consume CONNINFO N BATCH BYTES. Prints one JSON line. */
#include <libpq-fe.h>
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

static PGresult *must(PGconn *c, PGresult *r)
{
	ExecStatusType s = PQresultStatus(r);
	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
		fprintf(stderr, "pgsql: %s\n", PQerrorMessage(c));
		exit(1);
	}
	return r;
}

static void run(PGconn *c, const char *sql)
{
	PQclear(must(c, PQexec(c, sql)));
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: %s CONNINFO N BATCH BYTES\n", argv[0]);
		return 2;
	}
	long n = atol(argv[2]), batch = atol(argv[3]), bytes = atol(argv[4]);
	PGconn *c = PQconnectdb(argv[1]);
	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "cannot connect: %s\n", PQerrorMessage(c));
		return 1;
	}
	run(c, "DROP TABLE IF EXISTS limits_probe");
	run(c, "CREATE TABLE limits_probe (id BIGSERIAL NOT NULL, body TEXT NOT NULL, headers TEXT NOT NULL, queue_name VARCHAR(190) NOT NULL, "
		"created_at TIMESTAMP(0) WITHOUT TIME ZONE NOT NULL, available_at TIMESTAMP(0) WITHOUT TIME ZONE NOT NULL, "
		"delivered_at TIMESTAMP(0) WITHOUT TIME ZONE DEFAULT NULL, PRIMARY KEY(id))");
	run(c, "CREATE INDEX ON limits_probe (queue_name); CREATE INDEX ON limits_probe (available_at); CREATE INDEX ON limits_probe (delivered_at)");
	char fill[256];
	snprintf(fill, sizeof(fill), "INSERT INTO limits_probe (body, headers, queue_name, created_at, available_at) "
		"SELECT repeat('x', %ld), '[]', 'default', '2026-01-01 00:00:00', '2026-01-01 00:00:00' FROM generate_series(1, %ld)", bytes, n);
	run(c, fill);
	run(c, "ANALYZE limits_probe");
	char claim[1024];
	snprintf(claim, sizeof(claim), "UPDATE limits_probe SET headers = CASE WHEN delivered_at IS NULL THEN headers ELSE headers || ' ' END, "
		"delivered_at = '2026-11-30 00:00:00' WHERE id IN (SELECT id FROM limits_probe WHERE queue_name = 'default' AND "
		"(delivered_at IS NULL OR delivered_at < '2026-11-29 23:00:00') AND available_at <= '2026-11-30 00:00:00' "
		"ORDER BY id ASC LIMIT %ld FOR UPDATE SKIP LOCKED) RETURNING id, body, headers, queue_name, created_at, available_at, delivered_at", batch);
	char *del = malloc(64 + (size_t) batch * 24);
	long consumed = 0, held = 0;
	char *ids = malloc((size_t) batch * 24);
	ids[0] = '\0';
	double start = now_s();
	for (;;) {
		run(c, "BEGIN");
		if (held) {
			snprintf(del, 64 + (size_t) batch * 24, "DELETE FROM limits_probe WHERE id IN (%s)", ids);
			run(c, del);
		}
		PGresult *r = must(c, PQexec(c, claim));
		held = PQntuples(r);
		ids[0] = '\0';
		for (long i = 0; i < held; i++) {
			strcat(ids, i ? "," : "");
			strcat(ids, PQgetvalue(r, (int) i, 0));
		}
		PQclear(r);
		run(c, "COMMIT");
		consumed += held;
		if (held == 0) {
			break;
		}
	}
	double seconds = now_s() - start;
	run(c, "DROP TABLE limits_probe");
	printf("{\"probe\":\"libpq claim of %ld + DELETE of the last batch per transaction\",\"n\":%ld,\"msg_per_s\":%.0f}\n", batch, consumed, (double) consumed / seconds);
	PQfinish(c);
	free(del);
	free(ids);
	return consumed == n ? 0 : 1;
}
