/* Families and series of metrics, and their text exposition (see metrics.h). */
#include "core/metrics/metrics.h"
#include "core/base/alloc.h"
#include "core/base/error.h"

#include <math.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>

struct msgr_metric_family {
	char *name;
	char *help;
	msgr_metric_type_t type;
	size_t n_labels;
	char *labels[MSGR_METRIC_MAX_LABELS];
	double buckets[MSGR_METRIC_MAX_BUCKETS];
	size_t n_buckets;
	int bounded_label;
	size_t cap;
	char **seen;   /* the bounded label's distinct values, up to cap */
	size_t n_seen;
	msgr_metric_series_t *first, *last;
	struct msgr_metric_family *next;
};

struct msgr_metrics {
	msgr_metric_family_t *first, *last;
};

msgr_metrics_t *msgr_metrics_new(void)
{
	return msgr_calloc(1, sizeof(msgr_metrics_t));
}

static void series_free(msgr_metric_series_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		msgr_free(s->values[i]);
	}
	msgr_free(s);
}

static void family_free(msgr_metric_family_t *f)
{
	for (msgr_metric_series_t *s = f->first, *next; s; s = next) {
		next = s->next;
		series_free(s, f->n_labels);
	}
	for (size_t i = 0; i < f->n_seen; i++) {
		msgr_free(f->seen[i]);
	}
	for (size_t i = 0; i < f->n_labels; i++) {
		msgr_free(f->labels[i]);
	}
	msgr_free(f->seen);
	msgr_free(f->name);
	msgr_free(f->help);
	msgr_free(f);
}

void msgr_metrics_free(msgr_metrics_t *m)
{
	if (!m) {
		return;
	}
	for (msgr_metric_family_t *f = m->first, *next; f; f = next) {
		next = f->next;
		family_free(f);
	}
	msgr_free(m);
}

static bool valid_name(const char *s, bool colon)
{
	if (!s || !*s || (*s >= '0' && *s <= '9')) {
		return false;
	}
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || (colon && c == ':'))) {
			return false;
		}
	}
	return true;
}

static char *dup(const char *s)
{
	return msgr_strndup(s, strlen(s));
}

msgr_metric_family_t *msgr_metrics_family(msgr_metrics_t *m, const msgr_metric_spec_t *spec)
{
	if (!valid_name(spec->name, true) || spec->n_buckets > MSGR_METRIC_MAX_BUCKETS
			|| (spec->type == MSGR_METRIC_HISTOGRAM && !spec->n_buckets)) {
		return NULL;
	}
	for (size_t i = 1; i < spec->n_buckets; i++) {
		if (!(spec->buckets[i] > spec->buckets[i - 1])) {
			return NULL;
		}
	}
	msgr_metric_family_t *f = msgr_calloc(1, sizeof(*f));
	if (!f) {
		return NULL;
	}
	f->type = spec->type;
	f->bounded_label = -1;
	f->name = dup(spec->name);
	f->help = dup(spec->help ? spec->help : "");
	bool ok = f->name && f->help;
	for (size_t i = 0; ok && i < MSGR_METRIC_MAX_LABELS && spec->labels[i]; i++) {
		/* "le" is a histogram's own; names starting "__" are Prometheus' */
		ok = valid_name(spec->labels[i], false) && strncmp(spec->labels[i], "__", 2) != 0 && strcmp(spec->labels[i], "le") != 0
			&& (f->labels[i] = dup(spec->labels[i])) != NULL;
		f->n_labels = i + 1;
	}
	if (ok && spec->bounded_label >= 0) {
		ok = (size_t) spec->bounded_label < f->n_labels && spec->cap > 0 && (f->seen = msgr_calloc(spec->cap, sizeof(char *))) != NULL;
		f->bounded_label = spec->bounded_label;
		f->cap = spec->cap;
	}
	if (!ok) {
		family_free(f);
		return NULL;
	}
	memcpy(f->buckets, spec->buckets, spec->n_buckets * sizeof(double));
	f->n_buckets = spec->n_buckets;
	if (m->last) {
		m->last->next = f;
	} else {
		m->first = f;
	}
	m->last = f;
	return f;
}

/* value, or "other" when the bounded label has cap values already and not this one */
static const char *bounded(msgr_metric_family_t *f, const char *value, bool *nomem)
{
	for (size_t i = 0; i < f->n_seen; i++) {
		if (strcmp(f->seen[i], value) == 0) {
			return value;
		}
	}
	if (f->n_seen == f->cap) {
		return MSGR_METRIC_OTHER;
	}
	if (!(f->seen[f->n_seen] = dup(value))) {
		*nomem = true;
		return NULL;
	}
	f->n_seen++;
	return value;
}

msgr_metric_series_t *msgr_metrics_series(msgr_metric_family_t *f, const char *const *values)
{
	const char *v[MSGR_METRIC_MAX_LABELS];
	bool nomem = false;
	for (size_t i = 0; i < f->n_labels; i++) {
		v[i] = values[i] ? values[i] : "";
	}
	if (f->bounded_label >= 0 && !(v[f->bounded_label] = bounded(f, v[f->bounded_label], &nomem))) {
		return NULL;
	}
	for (msgr_metric_series_t *s = f->first; s; s = s->next) {
		size_t i = 0;
		while (i < f->n_labels && strcmp(s->values[i], v[i]) == 0) {
			i++;
		}
		if (i == f->n_labels) {
			return s;
		}
	}
	msgr_metric_series_t *s = msgr_calloc(1, sizeof(*s));
	if (!s) {
		return NULL;
	}
	for (size_t i = 0; i < f->n_labels; i++) {
		if (!(s->values[i] = dup(v[i]))) {
			series_free(s, i);
			return NULL;
		}
	}
	if (f->last) {
		f->last->next = s;
	} else {
		f->first = s;
	}
	f->last = s;
	return s;
}

void msgr_metric_observe(const msgr_metric_family_t *f, msgr_metric_series_t *s, double v)
{
	size_t i = 0;
	while (i < f->n_buckets && v > f->buckets[i]) {
		i++;
	}
	if (i < f->n_buckets) {
		s->buckets[i]++;
	}
	s->count++;
	s->sum += v;
}

/* escapes what the format asks: \\ and \n, and \" in label values */
static int put_escaped(msgr_buf_t *out, const char *s, bool quote)
{
	const char *run = s;
	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\" : *s == '\n' ? "\\n" : (quote && *s == '"') ? "\\\"" : NULL;
		if (esc) {
			if (msgr_buf_put(out, run, (size_t) (s - run)) != 0 || msgr_buf_put(out, esc, 2) != 0) {
				return MSGR_ERR_NOMEM;
			}
			run = s + 1;
		}
	}
	return msgr_buf_put(out, run, (size_t) (s - run)) != 0 ? MSGR_ERR_NOMEM : MSGR_OK;
}

static int put_number(msgr_buf_t *out, double v)
{
	if (isnan(v)) {
		return msgr_buf_append_str(out, "NaN");
	}
	if (isinf(v)) {
		return msgr_buf_append_str(out, v > 0 ? "+Inf" : "-Inf");
	}
	return msgr_buf_appendf(out, "%.15g", v);
}

/* name{labels[,le="x"]} value\n */
static int put_sample(msgr_buf_t *out, const msgr_metric_family_t *f, const char *suffix, const msgr_metric_series_t *s, const char *le, double v)
{
	int rc = msgr_buf_append_str(out, f->name) | msgr_buf_append_str(out, suffix);
	if (f->n_labels || le) {
		rc |= msgr_buf_put(out, "{", 1);
		for (size_t i = 0; i < f->n_labels; i++) {
			rc |= msgr_buf_appendf(out, "%s%s=\"", i ? "," : "", f->labels[i]);
			rc |= put_escaped(out, s->values[i], true);
			rc |= msgr_buf_put(out, "\"", 1);
		}
		if (le) {
			rc |= msgr_buf_appendf(out, "%sle=\"%s\"", f->n_labels ? "," : "", le);
		}
		rc |= msgr_buf_put(out, "}", 1);
	}
	rc |= msgr_buf_put(out, " ", 1);
	rc |= put_number(out, v);
	rc |= msgr_buf_put(out, "\n", 1);
	return rc ? MSGR_ERR_NOMEM : MSGR_OK;
}

int msgr_metrics_render(const msgr_metrics_t *m, msgr_buf_t *out)
{
	static const char *const types[] = { "counter", "gauge", "histogram" };
	int rc = 0;
	for (const msgr_metric_family_t *f = m->first; f && !rc; f = f->next) {
		if (!f->first) {
			continue;
		}
		rc |= msgr_buf_appendf(out, "# HELP %s ", f->name);
		rc |= put_escaped(out, f->help, false);
		rc |= msgr_buf_appendf(out, "\n# TYPE %s %s\n", f->name, types[f->type]);
		for (const msgr_metric_series_t *s = f->first; s && !rc; s = s->next) {
			if (f->type != MSGR_METRIC_HISTOGRAM) {
				rc |= put_sample(out, f, "", s, NULL, s->value);
				continue;
			}
			uint64_t cumulative = 0;
			for (size_t i = 0; i < f->n_buckets; i++) {
				char le[32];
				snprintf(le, sizeof(le), "%.15g", f->buckets[i]);
				cumulative += s->buckets[i];
				rc |= put_sample(out, f, "_bucket", s, le, (double) cumulative);
			}
			rc |= put_sample(out, f, "_bucket", s, "+Inf", (double) s->count);
			rc |= put_sample(out, f, "_sum", s, NULL, s->sum);
			rc |= put_sample(out, f, "_count", s, NULL, (double) s->count);
		}
	}
	return rc ? MSGR_ERR_NOMEM : MSGR_OK;
}
