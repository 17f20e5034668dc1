#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "fields.h"
#include "figures.h"
#include "intern.h"
#include "keymap.h"
#include "lang.h"
#include "lines.h"
#include "text.h"
#include "token.h"

static const char *const names[FIGURES_NCOLUMNS] = {
	"round", "group", "continuum", "n", "abstain", "q1", "median", "q3", "verdict", "profile",
};

/* With the lowest and highest value each may have. */
static const struct {
	const char *name;
	double low, high;
} numbers[FIGURES_NNUMBERS] = {
	[FIGURES_MEAN] = { "mean", 0, 100 },
	[FIGURES_SD] = { "sd", 0, 100 },
	[FIGURES_MIN] = { "min", 0, 100 },
	[FIGURES_MAX] = { "max", 0, 100 },
	[FIGURES_IQR] = { "iqr", 0, 100 },
	[FIGURES_CONSENSUS] = { "consensus", 0, 1 },
	[FIGURES_AGREEMENT] = { "agreement", -1, 1 },
	[FIGURES_ANCHOR] = { "anchor", 1, STATS_MAX_BINS },
};

static struct buf problem;

#define FIELDS_MAX_LINE 64	/* more columns than aggregate will ever write */

const char *
figures_header_parse(char *line, size_t len, struct figures_header *h)
{
	char *field[FIELDS_MAX_LINE];
	size_t flen[FIELDS_MAX_LINE], n, i, j;

	if (len > 0 && line[0] == '{')
		return tr("this is aggregate --json's output; give the tab-separated one, without --json",
		    "dit is de uitvoer van aggregate --json; geef de uitvoer gescheiden door tabs, zonder --json");
	if (len == 0 || line[0] != '#' || memchr(line, '\0', len) != NULL)
		return tr("not aggregate's output: its first line is not a '#round...' header",
		    "geen uitvoer van aggregate: de eerste regel is geen kop '#round...'");
	n = fields_split(line + 1, len - 1, field, flen, FIELDS_MAX_LINE);
	if (n > FIELDS_MAX_LINE)
		n = FIELDS_MAX_LINE;
	h->ncolumns = n;
	for (i = 0; i < FIGURES_NCOLUMNS; i++) {
		for (j = 0; j < n && !(strlen(names[i]) == flen[j] &&
		    memcmp(names[i], field[j], flen[j]) == 0); j++)
			;
		if (j == n) {
			buf_reset(&problem);
			buf_printf(&problem, tr("the header has no column '%s'",
			    "de kop heeft geen kolom '%s'"), names[i]);
			return problem.data;
		}
		h->at[i] = j;
	}
	for (i = 0; i < FIGURES_NNUMBERS; i++) {
		h->number_at[i] = FIGURES_ABSENT;
		for (j = 0; j < n; j++)
			if (strlen(numbers[i].name) == flen[j] &&
			    memcmp(numbers[i].name, field[j], flen[j]) == 0)
				h->number_at[i] = j;
	}
	h->camps_at = FIGURES_ABSENT;
	for (j = 0; j < n; j++)
		if (flen[j] == 5 && memcmp(field[j], "camps", 5) == 0)
			h->camps_at = j;
	return NULL;
}

const char *
figures_number_name(enum figures_number i)
{
	return numbers[i].name;
}

/* A whole number, or -1 for "-" (*have 0); -2 if neither. */
static int
count_of(const char *s, size_t n, uint64_t *value)
{
	size_t i;

	if (n == 1 && s[0] == '-')
		return -1;
	if (n == 0 || n > 18)
		return -2;
	for (*value = 0, i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -2;
		*value = *value * 10 + (uint64_t)(s[i] - '0');
	}
	return 0;
}

/* A point value 0-100 with at most three decimals, or -1 for "-". */
static int
point_of(const char *s, size_t n, double *value)
{
	char text[16], *end;

	if (n == 1 && s[0] == '-')
		return -1;
	if (n == 0 || n >= sizeof(text) || strspn(s, "0123456789.") < n)
		return -2;
	memcpy(text, s, n);
	text[n] = '\0';
	*value = strtod(text, &end);
	return *end == '\0' && *value >= 0 && *value <= 100 ? 0 : -2;
}

/* A decimal number as aggregate writes one, or -1 for "-"; -2 if neither. */
static int
number_of(const char *s, size_t n, double *value)
{
	if (n == 1 && s[0] == '-')
		return -1;
	return text_decimal(s, n, value) == 0 ? 0 : -2;
}

static int
profile_of(const char *s, size_t n, struct figures_row *row)
{
	const char *p = s, *end = s + n;

	row->nbins = 0;
	if (n == 1 && s[0] == '-')
		return 0;
	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));

		if (comma == NULL)
			comma = end;
		if (row->nbins == STATS_MAX_BINS ||
		    count_of(p, (size_t)(comma - p), &row->profile[row->nbins]) != 0)
			return -1;
		row->nbins++;
		p = comma + 1;
		if (comma < end && p == end)
			return -1;
	}
	/* 2k-1 bins for k >= 2 anchors: an odd number, at least 3. */
	return row->nbins >= 3 && row->nbins % 2 == 1 ? 0 : -1;
}

/*
 * The camps column, "n:median:anchor,...": into camps (at most
 * STATS_MAX_CAMPS), each n above 0, the medians rising within 0-100, the
 * anchors from 1; returns how many, or -1 if it is not that.
 */
static long
camps_of(const char *s, size_t len, struct figures_camp *camps)
{
	const char *p = s, *end = s + len;
	size_t n = 0;

	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p)), *c1, *c2;
		uint64_t anchor;

		if (comma == NULL)
			comma = end;
		if (n == STATS_MAX_CAMPS || (c1 = memchr(p, ':', (size_t)(comma - p))) == NULL ||
		    (c2 = memchr(c1 + 1, ':', (size_t)(comma - c1 - 1))) == NULL ||
		    count_of(p, (size_t)(c1 - p), &camps[n].n) != 0 || camps[n].n == 0 ||
		    point_of(c1 + 1, (size_t)(c2 - c1 - 1), &camps[n].median) != 0 ||
		    (n > 0 && camps[n].median <= camps[n - 1].median) ||
		    count_of(c2 + 1, (size_t)(comma - c2 - 1), &anchor) != 0 || anchor == 0 ||
		    anchor > STATS_MAX_BINS)
			return -1;
		camps[n++].anchor = (size_t)anchor;
		p = comma + 1;
		if (comma < end && p == end)
			return -1;	/* a trailing comma */
	}
	return (long)n;
}

size_t
figures_camps(const struct figures_row *row, struct figures_camp *camps)
{
	long n;

	if (row->camps == NULL || (n = camps_of(row->camps, strlen(row->camps), camps)) < 0)
		return 0;
	return (size_t)n;
}

static const char *
bad(const char *column, const char *s, size_t n)
{
	/* A column's message as fields.c words them all (the names are
	 * aggregate's, the same in both languages). */
	const struct fields_column said = { column, column, NULL, NULL, 0 };

	fields_say(&problem, &said, s, n, tr("is not as stance-aggregate(5) writes it",
	    "is niet zoals stance-aggregate(5) het schrijft"));
	return problem.data;
}

const char *
figures_parse(const struct figures_header *h, char *line, size_t len, struct figures_row *row)
{
	char *field[FIELDS_MAX_LINE];
	size_t flen[FIELDS_MAX_LINE], n, i;
	int q1, median, q3, verdict;

	if (memchr(line, '\0', len) != NULL)
		return tr("line contains a NUL byte", "regel bevat een NUL-byte");
	if ((n = fields_split(line, len, field, flen, FIELDS_MAX_LINE)) != h->ncolumns) {
		buf_reset(&problem);
		buf_printf(&problem, tr("%zu tab-separated fields where the header has %zu",
		    "%zu velden gescheiden door tabs, de kop heeft er %zu"), n, h->ncolumns);
		return problem.data;
	}
	memset(row, 0, sizeof(*row));
	for (i = FIGURES_ROUND; i <= FIGURES_CONTINUUM; i++) {
		size_t at = h->at[i];

		if (!(i == FIGURES_GROUP && flen[at] == 1 && field[at][0] == '*') &&
		    token_problem(field[at], flen[at]) != NULL)
			return bad(names[i], field[at], flen[at]);
	}
	row->round = field[h->at[FIGURES_ROUND]];
	row->group = field[h->at[FIGURES_GROUP]];
	row->continuum = field[h->at[FIGURES_CONTINUUM]];
	if (count_of(field[h->at[FIGURES_N]], flen[h->at[FIGURES_N]], &row->n) != 0)
		return bad("n", field[h->at[FIGURES_N]], flen[h->at[FIGURES_N]]);
	i = h->at[FIGURES_ABSTAIN];
	if ((q1 = count_of(field[i], flen[i], &row->abstain)) == -2)
		return bad("abstain", field[i], flen[i]);
	row->have_abstain = q1 == 0;
	q1 = point_of(field[h->at[FIGURES_Q1]], flen[h->at[FIGURES_Q1]], &row->q1);
	median = point_of(field[h->at[FIGURES_MEDIAN]], flen[h->at[FIGURES_MEDIAN]], &row->median);
	q3 = point_of(field[h->at[FIGURES_Q3]], flen[h->at[FIGURES_Q3]], &row->q3);
	if (q1 == -2 || median == -2 || q3 == -2 || !(q1 == median && median == q3))
		return bad("q1, median, q3", field[h->at[FIGURES_MEDIAN]], flen[h->at[FIGURES_MEDIAN]]);
	row->have_quartiles = q1 == 0;
	if (row->have_quartiles && !(row->q1 <= row->median && row->median <= row->q3))
		return bad("q1, median, q3", field[h->at[FIGURES_MEDIAN]], flen[h->at[FIGURES_MEDIAN]]);
	i = h->at[FIGURES_VERDICT];
	if ((verdict = verdict_find(field[i], flen[i])) < 0)
		return bad("verdict", field[i], flen[i]);
	row->verdict = (enum verdict)verdict;
	i = h->at[FIGURES_PROFILE];
	if (profile_of(field[i], flen[i], row) < 0)
		return bad("profile", field[i], flen[i]);
	for (i = 0; i < FIGURES_NNUMBERS; i++) {
		size_t at = h->number_at[i];
		int got;

		if (at == FIGURES_ABSENT)
			continue;
		if ((got = number_of(field[at], flen[at], &row->number[i])) == -2 ||
		    (got == 0 && i == FIGURES_ANCHOR && memchr(field[at], '.', flen[at]) != NULL) ||
		    (got == 0 && (row->number[i] < numbers[i].low || row->number[i] > numbers[i].high)))
			return bad(numbers[i].name, field[at], flen[at]);
		if (got == 0)
			row->have_number |= 1u << i;
	}
	if ((i = h->camps_at) != FIGURES_ABSENT && !(flen[i] == 1 && field[i][0] == '-')) {
		struct figures_camp camps[STATS_MAX_CAMPS];
		uint64_t sum = 0;
		long got = camps_of(field[i], flen[i], camps), j;

		for (j = 0; j < got; j++)
			sum += camps[j].n;
		/* Camps are said only of rows that show where people stand,
		 * and they hold every answer with a position. */
		if (got <= 0 || sum != row->n || !verdict_table[row->verdict].figures)
			return bad("camps", field[i], flen[i]);
		row->camps = field[i];
	}
	return NULL;
}

static int
camps_fit(const struct figures_row *row, size_t anchors)
{
	struct figures_camp camps[STATS_MAX_CAMPS];
	size_t i, n = figures_camps(row, camps);

	for (i = 0; i < n; i++)
		if (camps[i].anchor > anchors)
			return 0;
	return 1;
}

void
figures_read(struct figures_table *t, const struct questionnaire *q, const char *path)
{
	struct figures_header h;
	struct lines in;
	const char *why;
	ssize_t n;
	long k;

	if (lines_open(&in, path) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		t->trouble = 1;
		return;
	}
	if ((n = lines_next(&in)) < 0 || (why = figures_header_parse(in.line, (size_t)n, &h)) != NULL) {
		if (n < 0 && lines_error(&in))
			diag_warn("%s: %s", in.name, lang_strerror(errno));
		else
			diag_at(in.name, 1, "%s", n < 0 ? tr("empty: no header", "leeg: geen kop") : why);
		t->trouble = 1;
		lines_close(&in);
		return;
	}
	while ((n = lines_next(&in)) >= 0) {
		char *text = xstrndup(in.line, (size_t)n);
		struct figures_row row;

		k = -1;
		if ((why = figures_parse(&h, text, (size_t)n, &row)) == NULL &&
		    (k = questionnaire_find(q, row.continuum, strlen(row.continuum))) < 0)
			why = tr("a continuum this questionnaire does not have (give its questionnaire with -q)",
			    "een continuum dat deze vragenlijst niet heeft (geef die vragenlijst met -q)");
		if (why == NULL && row.nbins != 0 && row.nbins != 2 * q->continua[k].nanchors - 1)
			why = tr("the profile does not fit the continuum's statements",
			    "het profiel past niet bij de uitspraken van het continuum");
		if (why == NULL && (row.have_number >> FIGURES_ANCHOR & 1) &&
		    row.number[FIGURES_ANCHOR] > (double)q->continua[k].nanchors)
			why = tr("the anchor is not one of the continuum's statements",
			    "het anker is geen van de uitspraken van het continuum");
		if (why == NULL && !camps_fit(&row, q->continua[k].nanchors))
			why = tr("a camp's statement is not one of the continuum's statements",
			    "de uitspraak van een kamp is geen van de uitspraken van het continuum");
		if (why != NULL) {
			diag_at(in.name, in.number, "%s", why);
			t->bad = 1;
			free(text);
			continue;
		}
		if (t->n == t->cap) {	/* doubling: 50,000 rows are read in one go */
			t->cap = t->cap ? 2 * t->cap : 64;
			t->rows = xreallocarray(t->rows, t->cap, sizeof(*t->rows));
			t->texts = xreallocarray(t->texts, t->cap, sizeof(*t->texts));
		}
		row.k = (size_t)k;
		t->rows[t->n] = row;
		t->texts[t->n++] = text;
	}
	if (lines_error(&in)) {
		diag_warn("%s: %s", in.name, lang_strerror(errno));
		t->trouble = 1;
	}
	lines_close(&in);
}

/* For figures_order's sort: each row's key, then its place. */
static const size_t *ordering_key;

static int
by_key_then_place(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;

	if (ordering_key[a] != ordering_key[b])
		return ordering_key[a] < ordering_key[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

void
figures_order(const struct figures_table *t, size_t ncontinua, int by_group,
    struct figures_order *o)
{
	struct intern groups = { 0 };
	struct keymap first = { 0 };
	size_t *key = xcalloc(t->n + 1, sizeof(*key)), *next, i, k;

	o->start = xcalloc(ncontinua + 1, sizeof(*o->start));
	o->rows = xcalloc(t->n + 1, sizeof(*o->rows));
	/* By continuum, in input order: a counting sort. */
	for (i = 0; i < t->n; i++)
		o->start[t->rows[i].k + 1]++;
	for (k = 0; k < ncontinua; k++)
		o->start[k + 1] += o->start[k];
	next = xcalloc(ncontinua + 1, sizeof(*next));
	memcpy(next, o->start, ncontinua * sizeof(*next));
	for (i = 0; i < t->n; i++)
		o->rows[next[t->rows[i].k]++] = i;
	free(next);
	/* A group's rows together, where its first row stands. */
	for (i = 0; by_group && i < t->n; i++) {
		const struct figures_row *r = &t->rows[i];
		uint64_t pair = keymap_pair((uint32_t)r->k,
		    intern_add(&groups, r->group, strlen(r->group)));

		if ((key[i] = keymap_find(&first, pair)) == SIZE_MAX) {
			keymap_put(&first, pair, i);
			key[i] = i;
		}
	}
	ordering_key = key;
	for (k = 0; by_group && k < ncontinua; k++)
		qsort(o->rows + o->start[k], o->start[k + 1] - o->start[k], sizeof(*o->rows),
		    by_key_then_place);
	free(key);
	intern_free(&groups);
	keymap_free(&first);
}

void
figures_order_free(struct figures_order *o)
{
	free(o->start);
	free(o->rows);
	o->start = o->rows = NULL;
}

void
figures_table_free(struct figures_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->texts[i]);
	free(t->texts);
	free(t->rows);
	memset(t, 0, sizeof(*t));
}

/* A point in fortieths, rounded to the nearest. */
static long long
llround_points(double point)
{
	return (long long)(point * 40 + (point < 0 ? -0.5 : 0.5));
}

long
figures_whole(double v)
{
	return v < 0 ? -(long)(-v + 0.5) : (long)(v + 0.5);
}

void
figures_put_point(struct buf *out, double v)
{
	/* Whole points, a half up: people read "middle half 21-70", and
	 * aggregate's columns keep the exact figures. */
	buf_printf(out, "%ld", figures_whole(v));
}

/* The two statements a point lies exactly halfway between: the lower's
 * number, or 0 if it is nearer one of them. */
size_t
figures_halfway(const struct continuum *k, double point)
{
	long long at = llround_points(point);
	size_t i;

	for (i = 1; i < k->nanchors; i++)
		if (2 * at == 4LL * (anchor_position(k->nanchors, i) + anchor_position(k->nanchors, i + 1)))
			return i;
	return 0;
}

void
figures_put_place(struct buf *out, const struct continuum *k, double point)
{
	size_t i;

	/* A pole only for the outer quarter of the line: a point at 45 is
	 * near a statement, and leans nowhere. */
	if (point < 25 || point > 75) {
		/* At the pole where its statement is the nearest; else on
		 * the way to it (20 on a line of four statements is nearer
		 * the second). */
		i = anchor_nearest(k->nanchors, llround_points(point));
		buf_printf(out, i == 1 || i == k->nanchors ? tr("at %s", "bij %s") :
		    tr("toward %s", "richting %s"), questionnaire_pole(k, point >= 25));
	}
	else if ((i = figures_halfway(k, point)) > 0)
		buf_printf(out, tr("halfway between statements %zu and %zu",
		    "halfweg tussen uitspraak %zu en %zu"), i, i + 1);
	else
		buf_printf(out, tr("around statement %zu", "rond uitspraak %zu"),
		    anchor_nearest(k->nanchors, llround_points(point)));
}

void
figures_put_camps(struct buf *out, const struct figures_row *r, const struct continuum *k)
{
	struct figures_camp camps[STATS_MAX_CAMPS];
	size_t i, n = figures_camps(r, camps);

	for (i = 0; i < n; i++) {
		buf_printf(out, "%s%llu ", i ? ", " : "", (unsigned long long)camps[i].n);
		figures_put_place(out, k, camps[i].median);
	}
}

void
figures_put_words(struct buf *out, const struct figures_row *r, const struct continuum *k)
{
	const char *dot = " \xc2\xb7 ";
	/* A split room is said by its camps first: its median is only a
	 * figure, and nobody's position. */
	int split_first = verdict_table[r->verdict].split;

	/* A hidden row never says how small its group is. */
	if (r->verdict != VERDICT_SUPPRESSED && r->verdict != VERDICT_WITHHELD) {
		buf_printf(out, "n %llu", (unsigned long long)r->n);
		if (r->have_abstain && r->abstain > 0)
			buf_printf(out, tr(", %llu no opinion", ", %llu geen mening"),
			    (unsigned long long)r->abstain);
		buf_addstr(out, dot);
	}
	if (split_first) {
		figures_put_verdict(out, r, k);
		buf_addstr(out, dot);
	}
	if (r->have_quartiles && verdict_table[r->verdict].figures) {
		buf_addstr(out, tr("median ", "mediaan "));
		figures_put_point(out, r->median);
		buf_printf(out, tr("%smiddle half ", "%smiddelste helft "), dot);
		figures_put_point(out, r->q1);
		buf_addstr(out, "\xe2\x80\x93");
		figures_put_point(out, r->q3);
		if (!split_first)
			buf_addstr(out, dot);
	}
	if (!split_first)
		figures_put_verdict(out, r, k);
}

void
figures_put_verdict(struct buf *out, const struct figures_row *r, const struct continuum *k)
{
	const struct verdict_info *v = &verdict_table[r->verdict];
	struct figures_camp camps[STATS_MAX_CAMPS];
	size_t ncamps = figures_camps(r, camps);

	switch (r->verdict) {
	case VERDICT_CONSENSUS:
		buf_addstr(out, tr("consensus ", "consensus "));
		figures_put_place(out, k, r->median);
		return;
	case VERDICT_LEANING:
		/* Leaning is a level of agreement: a direction only where
		 * the median lies in the outer quarter of the line. */
		if (r->median < 25 || r->median > 75)
			buf_printf(out, tr(v->en, v->nl), questionnaire_pole(k, r->median >= 25));
		else {
			buf_addstr(out, tr("fair agreement, ", "redelijke overeenstemming, "));
			figures_put_place(out, k, r->median);
		}
		return;
	case VERDICT_DIVIDED:
	case VERDICT_POLARISED:
		/* A split room is said by its camps, never by its median. */
		buf_addstr(out, tr(v->en, v->nl));
		if (r->camps == NULL)
			return;
		buf_addstr(out, ": ");
		if (ncamps < 2)
			buf_addstr(out, tr("spread over the line", "verspreid over de lijn"));
		else
			figures_put_camps(out, r, k);
		return;
	default:
		buf_addstr(out, tr(v->en, v->nl));
	}
}
