/*
 * aggregate: where a group stands on each continuum, and whether it
 * agrees: per round, group and continuum, the spread of the positions,
 * two measures of agreement and a verdict, in the format of
 * stance-aggregate(5), which chart and recommend read.
 *
 * It reads response lines (collect's output) in one pass and keeps 1001
 * counters per row, never a list of values: memory does not grow with
 * the input.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "answerset.h"
#include "buf.h"
#include "diag.h"
#include "intern.h"
#include "lang.h"
#include "lines.h"
#include "options.h"
#include "output.h"
#include "partial.h"
#include "position.h"
#include "questionnaire.h"
#include "response.h"
#include "stats.h"

static const char usage_text[] =
    "usage: aggregate [-L lang] [-q file] [--by-group] [--min-group n] [--json]\n"
    "                 [--consensus-iqr n] [--consensus-cns x] [--leaning-iqr n]\n"
    "                 [--too-few n] [--stability] [--partial | --merge] [file ...]\n";

static void
help(void)
{
	option_help(usage_text, tr(
	    "\n"
	    "Where the group stands on each continuum, and whether it agrees: per\n"
	    "round and continuum (and group), the spread of the positions, consensus,\n"
	    "agreement and a verdict.  With no file, read standard input.\n"
	    "\n"
	    "  -L lang            messages in nl or en\n"
	    "  -q file            the questionnaire the answers belong to\n"
	    "  --by-group         a row per group too, after everyone's\n"
	    "  --min-group n      hide a group row with fewer answers (default 5)\n"
	    "  --json             JSON Lines instead of tab-separated rows\n"
	    "  --consensus-iqr n  consensus: an IQR of at most n (default 10)\n"
	    "  --consensus-cns x  and a consensus of at least x (default 0.80)\n"
	    "  --leaning-iqr n    leaning: an IQR of at most n (default 25)\n"
	    "  --too-few n        too-few: fewer than n answers (default 3)\n"
	    "  --stability        between rounds: who moved, and is it stable\n"
	    "  --partial          write exact counters, for --merge\n"
	    "  --merge            merge --partial outputs into the rows\n"
	    "See aggregate(1) and stance-aggregate(5).\n",
	    "\n"
	    "Waar de groep staat op elk continuum, en of ze het eens is: per ronde\n"
	    "en continuum (en groep) de spreiding van de posities, consensus,\n"
	    "overeenstemming en een oordeel.  Zonder bestand: lees standaardinvoer.\n"
	    "\n"
	    "  -L taal            meldingen in nl of en\n"
	    "  -q bestand         de vragenlijst waar de antwoorden bij horen\n"
	    "  --by-group         ook een rij per groep, na die van iedereen\n"
	    "  --min-group n      verberg een groepsrij met minder antwoorden (standaard 5)\n"
	    "  --json             JSON Lines in plaats van rijen gescheiden door tabs\n"
	    "  --consensus-iqr n  consensus: een IQR van hoogstens n (standaard 10)\n"
	    "  --consensus-cns x  en een consensus van minstens x (standaard 0,80)\n"
	    "  --leaning-iqr n    neigend: een IQR van hoogstens n (standaard 25)\n"
	    "  --too-few n        te-weinig: minder dan n antwoorden (standaard 3)\n"
	    "  --stability        tussen rondes: wie verschoof, en is het stabiel\n"
	    "  --partial          schrijf exacte tellers, voor --merge\n"
	    "  --merge            voeg uitvoer van --partial samen tot de rijen\n"
	    "Zie aggregate(1) en stance-aggregate(5).\n"));
}

/* The thresholds of the verdicts, fixed before a round (aggregate(1)). */
struct thresholds {
	long too_few;		/* fewer answers than this: too-few */
	long consensus_iqr;	/* points */
	double consensus_cns;
	long leaning_iqr;	/* points */
	long min_group;		/* a group row with fewer answers is hidden */
};

/* The rows of one round and group: a counter set per continuum. */
struct block {
	uint32_t round, group;	/* group UINT32_MAX: everyone, "*" */
	struct stats_counts *counts;
	int *hidden;		/* per continuum: suppressed for privacy */
};

struct aggregate {
	const struct questionnaire *q;
	struct thresholds t;
	int by_group, json, stability, partial, merge;
	struct answerset people;	/* --stability: a position per participant */
	struct merged_change *changes;	/* --merge --stability: from the partials */
	size_t nchanges;
	uint32_t *order;		/* the rounds, in the order they are written */
	struct intern rounds, groups;
	struct block *blocks;
	size_t nblocks;
	/* The last line's round and participant, and the continua they
	 * gave: a second position is caught where collect puts it, next. */
	struct buf last_round, last_participant;
	unsigned long *given;	/* per continuum: the line, or 0 */
	long last_continuum;	/* the line before's, to try the next first */
	uint32_t round;		/* last_round's number, once interned */
	int round_interned;
	const char *name;
	int bad, trouble;
};

#define EVERYONE UINT32_MAX

struct merged_change {
	uint32_t from, to;	/* from's name before to's */
	size_t continuum;
	uint64_t both, moved;
};

static struct block *
block_for(struct aggregate *a, uint32_t round, uint32_t group)
{
	size_t i;
	struct block *b;

	/* Few rounds and groups: a scan from the end finds the block of
	 * consecutive lines at once. */
	for (i = a->nblocks; i-- > 0;)
		if (a->blocks[i].round == round && a->blocks[i].group == group)
			return &a->blocks[i];
	a->blocks = xreallocarray(a->blocks, a->nblocks + 1, sizeof(*a->blocks));
	b = &a->blocks[a->nblocks++];
	b->round = round;
	b->group = group;
	b->counts = xcalloc(a->q->ncontinua, sizeof(*b->counts));
	b->hidden = xcalloc(a->q->ncontinua, sizeof(*b->hidden));
	return b;
}

/* A second position for the same round, participant and continuum, on
 * the lines of that participant (adjacent in collect's sorted output). */
static int
same(const struct buf *b, const char *s, size_t n)
{
	return b->len == n && b->data != NULL && memcmp(b->data, s, n) == 0;
}

/* Follow whose lines these are: a new round or participant starts
 * afresh.  The fields the line shares with the one before are known
 * equal without comparing (most lines share both). */
static void
follow(struct aggregate *a, const struct response *r)
{
	int new_round;

	if (r->same_as_before >= 2 && a->last_round.data != NULL)
		return;
	new_round = (r->same_as_before < 1 || a->last_round.data == NULL) &&
	    !same(&a->last_round, r->round, r->round_len);
	if (!new_round && same(&a->last_participant, r->participant, r->participant_len))
		return;
	if (new_round) {
		buf_reset(&a->last_round);
		buf_add(&a->last_round, r->round, r->round_len);
		a->round_interned = 0;
	}
	buf_reset(&a->last_participant);
	buf_add(&a->last_participant, r->participant, r->participant_len);
	memset(a->given, 0, a->q->ncontinua * sizeof(*a->given));
}

static int
given_twice(struct aggregate *a, const struct response *r, size_t k, unsigned long line)
{
	if (a->given[k] != 0) {
		diag_at(a->name, line, tr(
		    "a second position for %s of %s in round %s (the first at line %lu); not counted: give aggregate collect's output",
		    "een tweede positie voor %s van %s in ronde %s (de eerste op regel %lu); telt niet mee: geef aggregate de uitvoer van collect"),
		    r->continuum, r->participant, r->round, a->given[k]);
		return 1;
	}
	a->given[k] = line;
	return 0;
}

/* --stability: who stood where, round by round (the rounds interned in
 * the same order as a->rounds, so their numbers agree). */
static void
remember(struct aggregate *a, const struct response *r, size_t k)
{
	struct answerset_entry e;

	memset(&e, 0, sizeof(e));
	e.round = intern_add(&a->people.rounds, r->round, strlen(r->round));
	e.participant = intern_add(&a->people.participants, r->participant, strlen(r->participant));
	e.continuum = k;
	e.position = r->position;
	e.note = "";
	answerset_add(&a->people, &e);
}

/* A continuum the questionnaire does not have: said, with the ids it has. */
static void
unknown_continuum(struct aggregate *a, const char *continuum, unsigned long number)
{
	struct buf message = { 0 };

	questionnaire_unknown(a->q, continuum, strlen(continuum), &message);
	diag_at(a->name, number, "%s", message.data);
	buf_free(&message);
	a->bad = 1;
}

static void
take_line(struct aggregate *a, char *line, size_t len, unsigned long number)
{
	struct response r;
	const char *why;
	long k;
	uint32_t round, group;

	if ((why = response_parse(line, len, &r)) != NULL) {
		diag_at(a->name, number, "%s", why);
		a->bad = 1;
		return;
	}
	follow(a, &r);
	/* Lines come a continuum after the other: try the next one first. */
	k = a->last_continuum + 1 < (long)a->q->ncontinua ? a->last_continuum + 1 : 0;
	if (a->q->continua[k].id_len != r.continuum_len ||
	    memcmp(a->q->continua[k].id, r.continuum, r.continuum_len) != 0)
		k = questionnaire_find(a->q, r.continuum, r.continuum_len);
	if (k < 0) {
		unknown_continuum(a, r.continuum, number);
		return;
	}
	if (given_twice(a, &r, (size_t)k, number)) {
		a->bad = 1;
		return;
	}
	a->last_continuum = k;
	/* A round gets its number when it has a position to count. */
	if (!a->round_interned) {
		a->round = intern_add(&a->rounds, r.round, r.round_len);
		a->round_interned = 1;
	}
	round = a->round;
	stats_add(&block_for(a, round, EVERYONE)->counts[k], r.position);
	if (a->stability)
		remember(a, &r, (size_t)k);
	if (a->by_group) {
		group = intern_add(&a->groups, r.group, r.group_len);
		stats_add(&block_for(a, round, group)->counts[k], r.position);
	}
}


/* Privacy for one round and continuum (aggregate(1)): a group with fewer
 * answers than --min-group is hidden, and while the answers hidden could
 * be worked out from everyone's row and the rows shown (fewer than
 * --min-group of them in all), the smallest group shown is hidden too. */
static void
suppress(struct aggregate *a, uint32_t round, size_t k)
{
	uint64_t hidden = 0;
	size_t i, smallest;

	for (i = 0; i < a->nblocks; i++) {
		struct block *b = &a->blocks[i];

		if (b->round != round || b->group == EVERYONE)
			continue;
		b->hidden[k] = b->counts[k].n < (uint64_t)a->t.min_group;
		hidden += b->hidden[k] ? b->counts[k].n : 0;
	}
	while (hidden > 0 && hidden < (uint64_t)a->t.min_group) {
		smallest = a->nblocks;
		for (i = 0; i < a->nblocks; i++) {
			const struct block *b = &a->blocks[i];

			if (b->round != round || b->group == EVERYONE || b->hidden[k])
				continue;
			/* Of two as small, the first in byte order: the rows
			 * must not depend on the order of the input. */
			if (smallest == a->nblocks || b->counts[k].n < a->blocks[smallest].counts[k].n ||
			    (b->counts[k].n == a->blocks[smallest].counts[k].n &&
			    strcmp(intern_string(&a->groups, b->group),
			    intern_string(&a->groups, a->blocks[smallest].group)) < 0))
				smallest = i;
		}
		if (smallest == a->nblocks)
			break;
		a->blocks[smallest].hidden[k] = 1;
		hidden += a->blocks[smallest].counts[k].n;
	}
}

/* The verdicts, first match wins (aggregate(1) gives the reasons). */
enum verdict { V_SUPPRESSED, V_TOO_FEW, V_POLARISED, V_CONSENSUS, V_LEANING, V_DIVIDED };
static const char *const verdicts[] = {
	"suppressed", "too-few", "polarised", "consensus", "leaning", "divided",
};

/* One row's figures, as numbers; NULL text where a figure is not. */
struct figures {
	uint64_t n, abstain;
	int have;		/* figures beyond n and abstain */
	double mean, sd, consensus, agreement;
	int have_sd;
	int min, max;		/* tenths */
	int64_t q1, median, q3;	/* fortieths of a point */
	size_t anchor;		/* nearest the median, 1-based */
	uint64_t bins[STATS_MAX_BINS];
	size_t nbins;
	enum verdict verdict;
};

static enum verdict
verdict_of(const struct aggregate *a, const struct figures *f, const struct stats_counts *c)
{
	int64_t iqr = f->q3 - f->q1;	/* fortieths */

	if (f->n < (uint64_t)a->t.too_few)
		return V_TOO_FEW;
	if (stats_polarised(c))
		return V_POLARISED;
	if (iqr <= 40 * a->t.consensus_iqr && f->consensus >= a->t.consensus_cns)
		return V_CONSENSUS;
	if (iqr <= 40 * a->t.leaning_iqr)
		return V_LEANING;
	return V_DIVIDED;
}

static void
figures_of(const struct aggregate *a, const struct stats_counts *c, size_t anchors,
    int hidden, struct figures *f)
{
	memset(f, 0, sizeof(*f));
	f->n = c->n;
	f->abstain = c->abstain;
	if (hidden) {
		f->verdict = V_SUPPRESSED;
		return;
	}
	f->verdict = V_TOO_FEW;
	if (c->n == 0)
		return;
	f->have = 1;
	f->mean = stats_mean(c);
	f->have_sd = c->n > 1;
	f->sd = f->have_sd ? stats_sd(c) : 0;
	f->min = stats_min(c);
	f->max = stats_max(c);
	f->q1 = stats_quartile(c, 1);
	f->median = stats_quartile(c, 2);
	f->q3 = stats_quartile(c, 3);
	f->consensus = stats_consensus(c);
	f->nbins = stats_profile(c, anchors, f->bins);
	f->agreement = stats_agreement(f->bins, f->nbins);
	f->anchor = anchor_nearest(anchors, f->median);
	f->verdict = verdict_of(a, f, c);
}

/* A value in fortieths of a point, exactly: at most three decimals. */
static void
put_fortieths(struct buf *out, int64_t v)
{
	char text[32];
	size_t n;

	n = (size_t)snprintf(text, sizeof(text), "%lld.%03lld", (long long)(v / 40),
	    (long long)(v % 40 * 25));
	while (text[n - 1] == '0')
		text[--n] = '\0';
	if (text[n - 1] == '.')
		text[--n] = '\0';
	buf_addstr(out, text);
}

static void
put_tenths(struct buf *out, int v)
{
	char text[POSITION_TEXT];

	position_format(v, text);
	buf_addstr(out, text);
}

/* The columns of stance-aggregate(5), in order, each written by one
 * function: a figure that is not there is "-", or null in JSON. */
struct row {
	const char *round, *group, *continuum;
	const struct figures *f;
};

enum kind { TEXT, NUMBER, MISSING };

static enum kind col_round(const struct row *r, struct buf *out) { buf_addstr(out, r->round); return TEXT; }
static enum kind col_group(const struct row *r, struct buf *out) { buf_addstr(out, r->group); return TEXT; }
static enum kind col_continuum(const struct row *r, struct buf *out) { buf_addstr(out, r->continuum); return TEXT; }

static enum kind
col_n(const struct row *r, struct buf *out)
{
	buf_printf(out, "%llu", (unsigned long long)r->f->n);
	return NUMBER;
}

static enum kind
col_abstain(const struct row *r, struct buf *out)
{
	if (r->f->verdict == V_SUPPRESSED)
		return MISSING;
	buf_printf(out, "%llu", (unsigned long long)r->f->abstain);
	return NUMBER;
}

#define FIGURE(name, test, put) \
static enum kind \
name(const struct row *r, struct buf *out) \
{ \
	const struct figures *f = r->f; \
	if (!f->have || !(test)) \
		return MISSING; \
	put; \
	return NUMBER; \
}

FIGURE(col_mean, 1, buf_printf(out, "%.2f", f->mean))
FIGURE(col_sd, f->have_sd, buf_printf(out, "%.2f", f->sd))
FIGURE(col_min, 1, put_tenths(out, f->min))
FIGURE(col_q1, 1, put_fortieths(out, f->q1))
FIGURE(col_median, 1, put_fortieths(out, f->median))
FIGURE(col_q3, 1, put_fortieths(out, f->q3))
FIGURE(col_max, 1, put_tenths(out, f->max))
FIGURE(col_iqr, 1, put_fortieths(out, f->q3 - f->q1))
FIGURE(col_consensus, 1, buf_printf(out, "%.4f", f->consensus))
FIGURE(col_agreement, 1, buf_printf(out, "%.4f", f->agreement))
FIGURE(col_anchor, 1, buf_printf(out, "%zu", f->anchor))

static enum kind
col_verdict(const struct row *r, struct buf *out)
{
	buf_addstr(out, verdicts[r->f->verdict]);
	return TEXT;
}

static enum kind
col_profile(const struct row *r, struct buf *out)
{
	size_t i;

	if (!r->f->have)
		return MISSING;
	for (i = 0; i < r->f->nbins; i++)
		buf_printf(out, "%s%llu", i ? "," : "", (unsigned long long)r->f->bins[i]);
	return NUMBER;	/* a list of numbers: [..] in JSON */
}

static const struct {
	const char *name;
	enum kind (*put)(const struct row *, struct buf *);
} columns[] = {
	{ "round", col_round }, { "group", col_group }, { "continuum", col_continuum },
	{ "n", col_n }, { "abstain", col_abstain }, { "mean", col_mean }, { "sd", col_sd },
	{ "min", col_min }, { "q1", col_q1 }, { "median", col_median }, { "q3", col_q3 },
	{ "max", col_max }, { "iqr", col_iqr }, { "consensus", col_consensus },
	{ "agreement", col_agreement }, { "verdict", col_verdict }, { "anchor", col_anchor },
	{ "profile", col_profile },
};

#define NCOLUMNS (sizeof(columns) / sizeof(columns[0]))

static void
json_string(struct buf *out, const char *s)
{
	buf_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(out, '\\');
		buf_addc(out, *s);
	}
	buf_addc(out, '"');
}

static void
write_row(const struct aggregate *a, const struct row *r, struct buf *out)
{
	struct buf value = { 0 };
	size_t i;

	for (i = 0; i < NCOLUMNS; i++) {
		enum kind kind;

		buf_reset(&value);
		kind = columns[i].put(r, &value);
		if (!a->json) {
			buf_addstr(out, i ? "\t" : "");
			buf_addstr(out, kind == MISSING ? "-" : value.data);
			continue;
		}
		buf_printf(out, "%s\"%s\":", i ? "," : "{", columns[i].name);
		if (kind == MISSING)
			buf_addstr(out, "null");
		else if (kind == TEXT)
			json_string(out, value.data);
		else if (strcmp(columns[i].name, "profile") == 0)
			buf_printf(out, "[%s]", value.data);
		else
			buf_addstr(out, value.data);
	}
	buf_addstr(out, a->json ? "}\n" : "\n");
	buf_free(&value);
}

/* Groups in byte order, so that the rows do not depend on the input's. */
static const struct intern *sorting_groups;

static int
by_group_name(const void *x, const void *y)
{
	const struct block *a = *(const struct block *const *)x, *b = *(const struct block *const *)y;

	return strcmp(intern_string(sorting_groups, a->group), intern_string(sorting_groups, b->group));
}

static void
write_round(struct aggregate *a, uint32_t round, struct buf *out)
{
	struct block **order = xcalloc(a->nblocks, sizeof(*order));
	struct figures f;
	struct row r;
	size_t i, k, n = 0;

	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].round == round && a->blocks[i].group != EVERYONE)
			order[n++] = &a->blocks[i];
	sorting_groups = &a->groups;
	qsort(order, n, sizeof(*order), by_group_name);
	r.round = intern_string(&a->rounds, round);
	for (k = 0; k < a->q->ncontinua; k++) {
		const struct continuum *c = &a->q->continua[k];

		suppress(a, round, k);
		r.continuum = c->id;
		r.group = "*";
		r.f = &f;
		figures_of(a, &block_for(a, round, EVERYONE)->counts[k], c->nanchors, 0, &f);
		write_row(a, &r, out);
		for (i = 0; i < n; i++) {
			r.group = intern_string(&a->groups, order[i]->group);
			figures_of(a, &order[i]->counts[k], c->nanchors, order[i]->hidden[k], &f);
			write_row(a, &r, out);
		}
	}
	free(order);
}

static void
write_table(struct aggregate *a)
{
	struct buf out = { 0 };
	size_t i;
	uint32_t round;

	if (!a->json) {
		/* The header names the columns, so readers find them by name. */
		buf_addc(&out, '#');
		for (i = 0; i < NCOLUMNS; i++)
			buf_printf(&out, "%s%s", i ? "\t" : "", columns[i].name);
		buf_addc(&out, '\n');
	}
	for (round = 0; round < a->rounds.n; round++) {
		write_round(a, a->order[round], &out);
		fwrite(out.data, 1, out.len, stdout);
		buf_reset(&out);
	}
	if (out.len > 0)
		fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
}

/* --stability: between two rounds, on one continuum. */
struct change {
	uint64_t both, moved;	/* with a position in both rounds; moved 10 or more */
};

static struct change
change_between(const struct aggregate *a, uint32_t from, uint32_t to, size_t k)
{
	const struct answerset *set = &a->people;
	struct change c = { 0, 0 };
	size_t p;

	for (p = 0; p < a->nchanges; p++) {
		const struct merged_change *m = &a->changes[p];

		if (m->continuum == k && ((m->from == from && m->to == to) ||
		    (m->from == to && m->to == from))) {
			c.both = m->both;
			c.moved = m->moved;
			return c;
		}
	}

	for (p = 0; p < set->npersons; p++) {
		long later;
		int before, after;

		if (set->persons[p].round != from)
			continue;
		if ((later = answerset_find(set, to, set->persons[p].participant)) < 0)
			continue;
		before = answerset_answers(set, p)[k].position;
		after = answerset_answers(set, (size_t)later)[k].position;
		if (before < 0 || after < 0)
			continue;	/* no position in one of them */
		c.both++;
		/* Ten points are a hundred tenths. */
		c.moved += (after > before ? after - before : before - after) >= 100;
	}
	return c;
}

/* The change of a quartile between rounds, signed, in fortieths. */
static void
put_shift(struct buf *out, int64_t shift)
{
	if (shift < 0)
		buf_addc(out, '-');
	put_fortieths(out, shift < 0 ? -shift : shift);
}

static void
write_stability_row(const struct aggregate *a, uint32_t from, uint32_t to, size_t k,
    struct buf *out)
{
	const struct stats_counts *before = &a->blocks[0].counts[k], *after = before;
	struct change c = change_between(a, from, to, k);
	size_t i;

	for (i = 0; i < a->nblocks; i++) {
		if (a->blocks[i].group != EVERYONE)
			continue;
		if (a->blocks[i].round == from)
			before = &a->blocks[i].counts[k];
		if (a->blocks[i].round == to)
			after = &a->blocks[i].counts[k];
	}
	buf_printf(out, "%s\t%s\t%s\t%llu\t%llu\t", intern_string(&a->rounds, from),
	    intern_string(&a->rounds, to), a->q->continua[k].id,
	    (unsigned long long)c.both, (unsigned long long)c.moved);
	if (c.both > 0)
		buf_printf(out, "%.4f", (double)c.moved / (double)c.both);
	else
		buf_addc(out, '-');
	buf_addc(out, '\t');
	if (before->n > 0 && after->n > 0) {
		put_shift(out, stats_quartile(after, 2) - stats_quartile(before, 2));
		buf_addc(out, '\t');
		put_shift(out, (stats_quartile(after, 3) - stats_quartile(after, 1)) -
		    (stats_quartile(before, 3) - stats_quartile(before, 1)));
	} else {
		buf_addstr(out, "-\t-");
	}
	/* Stable when at most 15% moved ten points or more: the Delphi
	 * criterion of Scheibe, Skutsch and Schofer (1975). */
	buf_printf(out, "\t%s\n", c.both == 0 ? "too-few" :
	    100 * c.moved <= 15 * c.both ? "stable" : "unstable");
}

static void
write_stability(struct aggregate *a)
{
	struct buf out = { 0 };
	uint32_t round;
	size_t k;

	buf_addstr(&out, "#from\tto\tcontinuum\tboth\tmoved\tshare\tmedian_shift\tiqr_change\tverdict\n");
	for (round = 0; round + 1 < a->rounds.n; round++)
		for (k = 0; k < a->q->ncontinua; k++)
			write_stability_row(a, a->order[round], a->order[round + 1], k, &out);
	fwrite(out.data, 1, out.len, stdout);
	buf_free(&out);
}

/* The blocks of a round: everyone's, then the groups' in byte order. */
static size_t
round_blocks(struct aggregate *a, uint32_t round, struct block **order)
{
	size_t i, n = 0;

	order[n++] = block_for(a, round, EVERYONE);
	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].round == round && a->blocks[i].group != EVERYONE)
			order[n++] = &a->blocks[i];
	sorting_groups = &a->groups;
	qsort(order + 1, n - 1, sizeof(*order), by_group_name);
	return n;
}

static const char *
group_name(const struct aggregate *a, const struct block *b)
{
	return b->group == EVERYONE ? "*" : intern_string(&a->groups, b->group);
}

/* --partial: the counters themselves, for --merge (stance's partial). */
static void
write_partial(struct aggregate *a)
{
	struct block **order = xcalloc(a->nblocks + 1, sizeof(*order));
	struct buf out = { 0 };
	uint32_t round, later;
	size_t i, n, k;

	buf_addstr(&out, PARTIAL_HEADER "\n");
	for (round = 0; round < a->rounds.n; round++) {
		n = round_blocks(a, round, order);
		for (i = 0; i < n; i++)
			for (k = 0; k < a->q->ncontinua; k++)
				partial_format_counts(&out, intern_string(&a->rounds, round),
				    group_name(a, order[i]), a->q->continua[k].id, &order[i]->counts[k]);
		/* Which rounds will be consecutive is known only when every
		 * shard is merged: every pair is written. */
		for (later = round + 1; a->stability && later < a->rounds.n; later++) {
			for (k = 0; k < a->q->ncontinua; k++) {
				struct change c = change_between(a, round, later, k);

				partial_format_change(&out, intern_string(&a->rounds, round),
				    intern_string(&a->rounds, later), a->q->continua[k].id,
				    c.both, c.moved);
			}
		}
		fwrite(out.data, 1, out.len, stdout);
		buf_reset(&out);
	}
	free(order);
	buf_free(&out);
}

static void
merge_change(struct aggregate *a, const struct partial_row *row, size_t k)
{
	uint32_t from = intern_add(&a->rounds, row->round, strlen(row->round));
	uint32_t to = intern_add(&a->rounds, row->group, strlen(row->group));
	struct merged_change *m;
	size_t i;

	for (i = 0; i < a->nchanges; i++) {
		m = &a->changes[i];
		if (m->continuum == k && ((m->from == from && m->to == to) ||
		    (m->from == to && m->to == from))) {
			m->both += row->both;
			m->moved += row->moved;
			return;
		}
	}
	a->changes = xreallocarray(a->changes, a->nchanges + 1, sizeof(*a->changes));
	m = &a->changes[a->nchanges++];
	m->from = from;
	m->to = to;
	m->continuum = k;
	m->both = row->both;
	m->moved = row->moved;
}

/* One line of a partial output, into the counters. */
static void
merge_line(struct aggregate *a, char *line, size_t len, unsigned long number)
{
	static struct partial_row row;
	const char *why;
	long k;
	uint32_t round, group;

	if ((why = partial_parse(line, len, &row)) != NULL) {
		diag_at(a->name, number, "%s", why);
		a->bad = 1;
		return;
	}
	if ((k = questionnaire_find(a->q, row.continuum, strlen(row.continuum))) < 0) {
		unknown_continuum(a, row.continuum, number);
		return;
	}
	if (row.change) {
		merge_change(a, &row, (size_t)k);
		return;
	}
	round = intern_add(&a->rounds, row.round, strlen(row.round));
	if (strcmp(row.group, "*") == 0) {
		stats_merge(&block_for(a, round, EVERYONE)->counts[k], &row.counts);
	} else if (a->by_group) {
		group = intern_add(&a->groups, row.group, strlen(row.group));
		stats_merge(&block_for(a, round, group)->counts[k], &row.counts);
	}
}


/*
 * One input: response lines, or with --merge the outputs of --partial,
 * whose first line must say what they are.
 */
static void
read_input(struct aggregate *a, const char *path)
{
	void (*line_fn)(struct aggregate *, char *, size_t, unsigned long) =
	    a->merge ? merge_line : take_line;
	struct lines in;
	ssize_t n;

	if (lines_open(&in, path) < 0) {
		diag_warn("%s: %s", path, strerror(errno));
		a->trouble = 1;
		return;
	}
	a->name = in.name;
	if (a->merge && ((n = lines_next(&in)) < 0 || strcmp(in.line, PARTIAL_HEADER) != 0)) {
		diag_at(in.name, 1, "%s", tr("not aggregate --partial's output: it has no '" PARTIAL_HEADER "' line first",
		    "geen uitvoer van aggregate --partial: de eerste regel is niet '" PARTIAL_HEADER "'"));
		a->trouble = 1;
		lines_close(&in);
		return;
	}
	while ((n = lines_next(&in)) >= 0)
		if (n > 0 && in.line[0] != '#')
			line_fn(a, in.line, (size_t)n, in.number);
	if (lines_error(&in)) {
		diag_warn("%s: %s", in.name, strerror(errno));
		a->trouble = 1;
	}
	lines_close(&in);
}

/* The order rounds are written in: as first seen; merged shards, whose
 * orders need not agree, in byte order, which is collect's order and so
 * what one run over collect's output writes. */
static int
by_round_name(const void *x, const void *y)
{
	return strcmp(intern_string(sorting_groups, *(const uint32_t *)x),
	    intern_string(sorting_groups, *(const uint32_t *)y));
}

static void
round_order(struct aggregate *a)
{
	uint32_t i;

	a->order = xcalloc(a->rounds.n + 1, sizeof(*a->order));
	for (i = 0; i < a->rounds.n; i++)
		a->order[i] = i;
	if (a->merge) {
		sorting_groups = &a->rounds;
		qsort(a->order, a->rounds.n, sizeof(*a->order), by_round_name);
	}
}

enum {
	OPT_BY_GROUP = 256, OPT_MIN_GROUP, OPT_JSON, OPT_CONSENSUS_IQR, OPT_CONSENSUS_CNS,
	OPT_LEANING_IQR, OPT_TOO_FEW, OPT_VERSION, OPT_STABILITY, OPT_PARTIAL, OPT_MERGE
};

static const char *
options(struct aggregate *a, int *argc, char ***argv)
{
	static const struct option longopts[] = {
		{ "by-group", no_argument, NULL, OPT_BY_GROUP },
		{ "consensus-cns", required_argument, NULL, OPT_CONSENSUS_CNS },
		{ "consensus-iqr", required_argument, NULL, OPT_CONSENSUS_IQR },
		{ "help", no_argument, NULL, 'h' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "leaning-iqr", required_argument, NULL, OPT_LEANING_IQR },
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
		{ "partial", no_argument, NULL, OPT_PARTIAL },
		{ "stability", no_argument, NULL, OPT_STABILITY },
		{ "too-few", required_argument, NULL, OPT_TOO_FEW },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	const char *qfile = NULL;
	int ch;

	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(*argc, *argv, OPTIONS_PREFIX "L:hq:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); break;
		case 'h': help(); break;
		case 'q': qfile = optarg; break;
		case OPT_BY_GROUP: a->by_group = 1; break;
		case OPT_CONSENSUS_CNS:
			a->t.consensus_cns = option_fraction(optarg, 0, 1, "--consensus-cns", usage_text);
			break;
		case OPT_CONSENSUS_IQR:
			a->t.consensus_iqr = option_number(optarg, 0, 100, "--consensus-iqr", usage_text);
			break;
		case OPT_JSON: a->json = 1; break;
		case OPT_LEANING_IQR:
			a->t.leaning_iqr = option_number(optarg, 0, 100, "--leaning-iqr", usage_text);
			break;
		case OPT_MIN_GROUP:
			/* Never below 3: fewer would give people away. */
			a->t.min_group = option_number(optarg, 3, 1000000, "--min-group", usage_text);
			break;
		case OPT_TOO_FEW:
			a->t.too_few = option_number(optarg, 1, 1000000, "--too-few", usage_text);
			break;
		case OPT_MERGE: a->merge = 1; break;
		case OPT_PARTIAL: a->partial = 1; break;
		case OPT_STABILITY: a->stability = 1; break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, *argv, usage_text);
		}
	}
	*argc -= optind;
	*argv += optind;
	if (a->partial && (a->merge || a->json))
		option_usage(usage_text);
	/* A partial output keeps the groups, for a merge that wants them. */
	if (a->partial)
		a->by_group = 1;
	return qfile;
}

int
main(int argc, char **argv)
{
	static const struct thresholds defaults = { 3, 10, 0.80, 25, 5 };
	struct aggregate a;
	struct questionnaire q;
	const char *qfile;
	int i, stdin_uses = 0;
	size_t b;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	memset(&a, 0, sizeof(a));
	a.t = defaults;
	qfile = options(&a, &argc, &argv);
	for (i = 0; i < argc; i++)
		stdin_uses += strcmp(argv[i], "-") == 0;
	stdin_uses += argc == 0;
	if (qfile != NULL && strcmp(qfile, "-") == 0 && stdin_uses > 0)
		diag_fatal("%s", tr("standard input (-) can be read for one thing only: the questionnaire or the answers",
		    "standaardinvoer (-) kan maar voor één ding gelezen worden: de vragenlijst of de antwoorden"));
	questionnaire_choose(&q, qfile);
	a.q = &q;
	a.given = xcalloc(q.ncontinua, sizeof(*a.given));
	answerset_init(&a.people, q.ncontinua);
	if (argc == 0)
		read_input(&a, "-");
	for (i = 0; i < argc; i++)
		read_input(&a, argv[i]);
	round_order(&a);
	if (a.partial)
		write_partial(&a);
	else if (a.stability)
		write_stability(&a);
	else
		write_table(&a);
	if (output_close_stdout() < 0)
		a.trouble = 1;
	for (b = 0; b < a.nblocks; b++) {
		free(a.blocks[b].counts);
		free(a.blocks[b].hidden);
	}
	free(a.blocks);
	free(a.given);
	free(a.changes);
	free(a.order);
	buf_free(&a.last_round);
	buf_free(&a.last_participant);
	answerset_free(&a.people);
	intern_free(&a.rounds);
	intern_free(&a.groups);
	questionnaire_free(&q);
	return a.trouble ? EXIT_TROUBLE : a.bad ? EXIT_BADINPUT : EXIT_OK;
}
