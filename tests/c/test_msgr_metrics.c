#include "leakcheck.h"
#include "core/metrics/metrics.h"

#include <string.h>

static const double buckets[] = { 0.1, 1, 10 };

static void test_exposition(void **state)
{
	msgr_metrics_t *m = msgr_metrics_new();
	msgr_metric_spec_t total = { "jobs_total", "Jobs, by outcome.", MSGR_METRIC_COUNTER, { "queue", "outcome" }, NULL, 0, -1, 0 };
	msgr_metric_spec_t time = { "job_seconds", "Job time.", MSGR_METRIC_HISTOGRAM, { "queue" }, buckets, 3, -1, 0 };
	msgr_metric_spec_t mem = { "memory_bytes", "Memory.", MSGR_METRIC_GAUGE, { NULL }, NULL, 0, -1, 0 };
	msgr_metric_spec_t unused = { "never_total", "Never used.", MSGR_METRIC_COUNTER, { NULL }, NULL, 0, -1, 0 };
	msgr_metric_family_t *t = msgr_metrics_family(m, &total), *h = msgr_metrics_family(m, &time), *g = msgr_metrics_family(m, &mem);
	assert_non_null(msgr_metrics_family(m, &unused));
	const char *ok[] = { "a", "ok" }, *bad[] = { "a", "failed" }, *q[] = { "a" };
	msgr_metric_add(msgr_metrics_series(t, ok), 1);
	msgr_metric_add(msgr_metrics_series(t, ok), 2);
	msgr_metric_add(msgr_metrics_series(t, bad), 1);
	assert_ptr_equal(msgr_metrics_series(t, ok), msgr_metrics_series(t, ok));
	msgr_metric_series_t *s = msgr_metrics_series(h, q);
	msgr_metric_observe(h, s, 0.05);
	msgr_metric_observe(h, s, 0.1); /* le is inclusive */
	msgr_metric_observe(h, s, 5);
	msgr_metric_observe(h, s, 50);
	msgr_metric_set(msgr_metrics_series(g, NULL), 1048576);
	msgr_buf_t out = MSGR_BUF_INIT;
	assert_int_equal(msgr_metrics_render(m, &out), MSGR_OK);
	assert_string_equal(out.data,
		"# HELP jobs_total Jobs, by outcome.\n"
		"# TYPE jobs_total counter\n"
		"jobs_total{queue=\"a\",outcome=\"ok\"} 3\n"
		"jobs_total{queue=\"a\",outcome=\"failed\"} 1\n"
		"# HELP job_seconds Job time.\n"
		"# TYPE job_seconds histogram\n"
		"job_seconds_bucket{queue=\"a\",le=\"0.1\"} 2\n"
		"job_seconds_bucket{queue=\"a\",le=\"1\"} 2\n"
		"job_seconds_bucket{queue=\"a\",le=\"10\"} 3\n"
		"job_seconds_bucket{queue=\"a\",le=\"+Inf\"} 4\n"
		"job_seconds_sum{queue=\"a\"} 55.15\n"
		"job_seconds_count{queue=\"a\"} 4\n"
		"# HELP memory_bytes Memory.\n"
		"# TYPE memory_bytes gauge\n"
		"memory_bytes 1048576\n");
	msgr_buf_free(&out);
	msgr_metrics_free(m);
}

static void test_escaping(void **state)
{
	msgr_metrics_t *m = msgr_metrics_new();
	msgr_metric_spec_t spec = { "x_total", "Back\\slash and\nnew line \"quoted\".", MSGR_METRIC_COUNTER, { "class" }, NULL, 0, -1, 0 };
	msgr_metric_family_t *f = msgr_metrics_family(m, &spec);
	const char *v[] = { "App\\Message\\Sms \"x\"\nend" };
	msgr_metric_add(msgr_metrics_series(f, v), 1);
	msgr_buf_t out = MSGR_BUF_INIT;
	assert_int_equal(msgr_metrics_render(m, &out), MSGR_OK);
	assert_string_equal(out.data,
		"# HELP x_total Back\\\\slash and\\nnew line \"quoted\".\n"
		"# TYPE x_total counter\n"
		"x_total{class=\"App\\\\Message\\\\Sms \\\"x\\\"\\nend\"} 1\n");
	msgr_buf_free(&out);
	msgr_metrics_free(m);
}

static void test_bounded_label(void **state)
{
	msgr_metrics_t *m = msgr_metrics_new();
	msgr_metric_spec_t spec = { "by_class_total", "", MSGR_METRIC_COUNTER, { "transport", "class" }, NULL, 0, 1, 2 };
	msgr_metric_family_t *f = msgr_metrics_family(m, &spec);
	const char *a[] = { "t", "A" }, *b[] = { "t", "B" }, *c[] = { "t", "C" }, *d[] = { "u", "D" }, *a2[] = { "u", "A" };
	msgr_metric_add(msgr_metrics_series(f, a), 1);
	msgr_metric_add(msgr_metrics_series(f, b), 1);
	msgr_metric_add(msgr_metrics_series(f, c), 1); /* a third class: "other" */
	msgr_metric_add(msgr_metrics_series(f, d), 1); /* and a fourth, on another transport */
	msgr_metric_add(msgr_metrics_series(f, a2), 1); /* a known class stays named */
	assert_ptr_not_equal(msgr_metrics_series(f, c), msgr_metrics_series(f, a));
	msgr_buf_t out = MSGR_BUF_INIT;
	assert_int_equal(msgr_metrics_render(m, &out), MSGR_OK);
	assert_string_equal(out.data,
		"# HELP by_class_total \n"
		"# TYPE by_class_total counter\n"
		"by_class_total{transport=\"t\",class=\"A\"} 1\n"
		"by_class_total{transport=\"t\",class=\"B\"} 1\n"
		"by_class_total{transport=\"t\",class=\"other\"} 1\n"
		"by_class_total{transport=\"u\",class=\"other\"} 1\n"
		"by_class_total{transport=\"u\",class=\"A\"} 1\n");
	msgr_buf_free(&out);
	msgr_metrics_free(m);
}

static void test_bad_specs(void **state)
{
	msgr_metrics_t *m = msgr_metrics_new();
	static const double down[] = { 1, 0.5 };
	msgr_metric_spec_t bad[] = {
		{ "", "", MSGR_METRIC_COUNTER, { NULL }, NULL, 0, -1, 0 },
		{ "9lives", "", MSGR_METRIC_COUNTER, { NULL }, NULL, 0, -1, 0 },
		{ "has-dash", "", MSGR_METRIC_COUNTER, { NULL }, NULL, 0, -1, 0 },
		{ "ok", "", MSGR_METRIC_COUNTER, { "bad:label" }, NULL, 0, -1, 0 },
		{ "ok", "", MSGR_METRIC_COUNTER, { "__reserved" }, NULL, 0, -1, 0 },
		{ "ok", "", MSGR_METRIC_HISTOGRAM, { "le" }, buckets, 3, -1, 0 },
		{ "ok", "", MSGR_METRIC_HISTOGRAM, { NULL }, NULL, 0, -1, 0 },
		{ "ok", "", MSGR_METRIC_HISTOGRAM, { NULL }, down, 2, -1, 0 },
		{ "ok", "", MSGR_METRIC_COUNTER, { "a" }, NULL, 0, 1, 5 }, /* the bounded label is not there */
		{ "ok", "", MSGR_METRIC_COUNTER, { "a" }, NULL, 0, 0, 0 },  /* a cap of 0 */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(msgr_metrics_family(m, &bad[i]));
	}
	/* a name with colons is a metric name Prometheus takes */
	msgr_metric_spec_t colon = { "job:rate", "", MSGR_METRIC_GAUGE, { NULL }, NULL, 0, -1, 0 };
	assert_non_null(msgr_metrics_family(m, &colon));
	msgr_metrics_free(m);
}

static void test_out_of_memory(void **state)
{
	/* every allocation that fails, in turn: NULL and nothing left behind */
	for (long n = 0; n < 12; n++) {
		msgr_metrics_t *m = msgr_metrics_new();
		if (!m) {
			continue;
		}
		leak_fail_after = n;
		msgr_metric_spec_t spec = { "c_total", "h", MSGR_METRIC_COUNTER, { "a", "b" }, NULL, 0, 1, 3 };
		msgr_metric_family_t *f = msgr_metrics_family(m, &spec);
		if (f) {
			const char *v[] = { "x", "y" };
			msgr_metrics_series(f, v);
		}
		leak_fail_after = -1;
		msgr_metrics_free(m);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		LEAK_TEST(test_exposition),
		LEAK_TEST(test_escaping),
		LEAK_TEST(test_bounded_label),
		LEAK_TEST(test_bad_specs),
		LEAK_TEST(test_out_of_memory),
	};
	return cmocka_run_group_tests_name("msgr_metrics", tests, NULL, NULL);
}
