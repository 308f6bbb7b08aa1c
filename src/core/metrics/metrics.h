/* Metrics in the Prometheus text format (0.0.4): families of counters, gauges and histograms,
 * each with a fixed list of label names and one series per set of label values. One label of a
 * family may be bounded: past `cap` distinct values, a new value is counted as "other", so that
 * what a worker exposes stays small whatever its queues carry. Single-threaded. */
#ifndef MSGR_METRICS_H
#define MSGR_METRICS_H

#include "core/base/buf.h"
#include "core/base/error.h"

#include <stddef.h>
#include <stdint.h>

typedef enum { MSGR_METRIC_COUNTER, MSGR_METRIC_GAUGE, MSGR_METRIC_HISTOGRAM } msgr_metric_type_t;

#define MSGR_METRIC_MAX_LABELS 4
#define MSGR_METRIC_MAX_BUCKETS 16
#define MSGR_METRIC_OTHER "other"

typedef struct msgr_metrics msgr_metrics_t;
typedef struct msgr_metric_family msgr_metric_family_t;

typedef struct msgr_metric_series {
	char *values[MSGR_METRIC_MAX_LABELS];
	double value;                              /* a counter's or a gauge's */
	uint64_t buckets[MSGR_METRIC_MAX_BUCKETS]; /* a histogram's observations per bucket (not cumulative) */
	uint64_t count;
	double sum;
	struct msgr_metric_series *next;
} msgr_metric_series_t;

typedef struct msgr_metric_spec {
	const char *name;   /* [a-zA-Z_:][a-zA-Z0-9_:]* */
	const char *help;
	msgr_metric_type_t type;
	const char *labels[MSGR_METRIC_MAX_LABELS]; /* NULL-terminated when fewer */
	const double *buckets; size_t n_buckets;     /* a histogram's upper bounds, ascending (+Inf implied) */
	int bounded_label;  /* the index of the bounded label, or -1 */
	size_t cap;         /* its distinct values kept before "other" */
} msgr_metric_spec_t;

msgr_metrics_t *msgr_metrics_new(void);
void msgr_metrics_free(msgr_metrics_t *m);
/* NULL when out of memory or the spec is not valid (a name or label Prometheus refuses, too
 * many labels or buckets, buckets not ascending). The strings of spec are copied. */
msgr_metric_family_t *msgr_metrics_family(msgr_metrics_t *m, const msgr_metric_spec_t *spec);
/* The series of these label values (as many as the family's labels), made at first use; NULL
 * when out of memory. A family without labels takes values NULL. */
msgr_metric_series_t *msgr_metrics_series(msgr_metric_family_t *f, const char *const *values);

static inline void msgr_metric_add(msgr_metric_series_t *s, double v) { s->value += v; }
static inline void msgr_metric_set(msgr_metric_series_t *s, double v) { s->value = v; }
void msgr_metric_observe(const msgr_metric_family_t *f, msgr_metric_series_t *s, double v);

/* Appends the exposition of every family that has a series (families in the order made, series
 * in the order first used). 0, or MSGR_ERR_NOMEM. */
int msgr_metrics_render(const msgr_metrics_t *m, msgr_buf_t *out);

#endif
