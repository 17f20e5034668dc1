/*
 * aggregate: where a group stands on each continuum, and whether it
 * agrees: per round, group and continuum, the spread of the positions,
 * two measures of agreement and a verdict, in the format of
 * stance-aggregate(5), which chart and recommend read.
 *
 * It reads response lines (collect's output) in one pass and keeps the
 * counts of each row's positions (a tally: a few pairs, at most 1001
 * counters), never a list of values: memory grows with the rows written,
 * not with the lines read.
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
#include "keymap.h"
#include "lang.h"
#include "lines.h"
#include "options.h"
#include "output.h"
#include "partial.h"
#include "position.h"
#include "questionnaire.h"
#include "response.h"
#include "stats.h"
#include "tally.h"
#include "token.h"
#include "verdict.h"

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

/* The rows of one round and group: a tally per continuum. */
struct block {
	uint32_t round, group;	/* group UINT32_MAX: everyone, "*" */
	struct tally *tallies;
	unsigned char *hidden;	/* per continuum: 1 hidden as too small, 2 hidden
				 * so that a smaller one cannot be worked out */
};

/* The last blocks found, everyone's and a group's: most lines are the
 * same round as the line before. */
struct block_cache {
	uint64_t key;
	size_t index;
	int valid;
};

struct aggregate {
	const struct questionnaire *q;
	struct thresholds t;
	int by_group, json, stability, partial, merge;
	struct answerset people;	/* --stability: a position per participant */
	struct merged_change *changes;	/* --merge --stability: from the partials */
	size_t nchanges;
	struct keymap *change_index;	/* per continuum: rounds to changes[] */
	unsigned char *counted;		/* --merge: per round, whether a counts line named it */
	size_t ncounted;
	uint32_t *order;		/* the rounds, in the order they are written */
	struct intern rounds, groups;
	struct block *blocks;
	size_t nblocks;
	struct keymap block_index;	/* (round, group) to blocks[] */
	struct block_cache cache[2];	/* everyone's, a group's */
	size_t *sorted;			/* the blocks as written: by round, then group */
	size_t *round_start;		/* per round in order: its first in sorted[], and one past */
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

/* The block of a round and group, or NULL if it has none. */
static struct block *
block_find(const struct aggregate *a, uint32_t round, uint32_t group)
{
	size_t i = keymap_find(&a->block_index, keymap_pair(round, group));

	return i == SIZE_MAX ? NULL : &a->blocks[i];
}

/* The block of a round and group, made if it is new.  The pointer holds
 * until the next block is made. */
static struct block *
block_for(struct aggregate *a, uint32_t round, uint32_t group)
{
	struct block_cache *cache = &a->cache[group != EVERYONE];
	uint64_t key = keymap_pair(round, group);
	size_t i;
	struct block *b;

	if (cache->valid && cache->key == key)
		return &a->blocks[cache->index];
	if ((i = keymap_find(&a->block_index, key)) == SIZE_MAX) {
		if ((a->nblocks & (a->nblocks - 1)) == 0)	/* 0, 1, 2, 4, ...: double */
			a->blocks = xreallocarray(a->blocks, a->nblocks ? 2 * a->nblocks : 1,
			    sizeof(*a->blocks));
		i = a->nblocks++;
		b = &a->blocks[i];
		b->round = round;
		b->group = group;
		b->tallies = xcalloc(a->q->ncontinua, sizeof(*b->tallies));
		b->hidden = xcalloc(a->q->ncontinua, sizeof(*b->hidden));
		keymap_put(&a->block_index, key, i);
	}
	cache->key = key;
	cache->index = i;
	cache->valid = 1;
	return &a->blocks[i];
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
	tally_add(&block_for(a, round, EVERYONE)->tallies[k], r.position);
	if (a->stability)
		remember(a, &r, (size_t)k);
	if (a->by_group) {
		group = intern_add(&a->groups, r.group, r.group_len);
		tally_add(&block_for(a, round, group)->tallies[k], r.position);
	}
}


/* Privacy for one round and continuum (aggregate(1)): a group with fewer
 * answers than --min-group is hidden, and while the answers hidden could
 * be worked out from everyone's row and the rows shown (fewer than
 * --min-group of them in all), the smallest group shown is hidden too.
 * The round's groups are group[0..n), in byte order. */
static void
suppress(struct aggregate *a, struct block *const *group, size_t n, size_t k)
{
	uint64_t hidden = 0;
	size_t i, smallest;

	for (i = 0; i < n; i++) {
		group[i]->hidden[k] = group[i]->tallies[k].n < (uint64_t)a->t.min_group;
		hidden += group[i]->hidden[k] ? group[i]->tallies[k].n : 0;
	}
	while (hidden > 0 && hidden < (uint64_t)a->t.min_group) {
		smallest = n;
		for (i = 0; i < n; i++) {
			if (group[i]->hidden[k])
				continue;
			/* Of two as small, the first in byte order (the
			 * groups come in it): the rows must not depend on the
			 * order of the input. */
			if (smallest == n || group[i]->tallies[k].n < group[smallest]->tallies[k].n)
				smallest = i;
		}
		if (smallest == n)
			break;
		group[smallest]->hidden[k] = 2;
		hidden += group[smallest]->tallies[k].n;
	}
}

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
	struct stats_camp camps[STATS_MAX_CAMPS];
	size_t ncamps;
	size_t anchors;		/* the continuum's, for the camps' statements */
	enum verdict verdict;
};

/* The verdict, first match wins (aggregate(1) gives the reasons). */
static enum verdict
verdict_of(const struct aggregate *a, const struct figures *f, const struct stats_counts *c)
{
	int64_t iqr = f->q3 - f->q1;	/* fortieths */

	if (f->n < (uint64_t)a->t.too_few)
		return VERDICT_TOO_FEW;
	if (stats_polarised(c))
		return VERDICT_POLARISED;
	if (iqr <= 40 * a->t.consensus_iqr && f->consensus >= a->t.consensus_cns)
		return VERDICT_CONSENSUS;
	if (iqr <= 40 * a->t.leaning_iqr)
		return VERDICT_LEANING;
	return VERDICT_DIVIDED;
}

static void
figures_of(const struct aggregate *a, const struct tally *t, size_t anchors,
    int hidden, struct figures *f)
{
	static struct stats_counts counts;
	const struct stats_counts *c = &counts;

	tally_counts(t, &counts);
	memset(f, 0, sizeof(*f));
	f->n = c->n;
	f->abstain = c->abstain;
	if (hidden) {
		f->verdict = hidden == 2 ? VERDICT_WITHHELD : VERDICT_SUPPRESSED;
		return;
	}
	f->verdict = VERDICT_TOO_FEW;
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
	f->ncamps = stats_camps(c, anchors, f->camps);
	f->anchors = anchors;
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
	int json;		/* a list is written as JSON wants it */
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
	if (r->f->verdict == VERDICT_SUPPRESSED || r->f->verdict == VERDICT_WITHHELD)
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
	buf_addstr(out, verdict_table[r->f->verdict].name);
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

/* The camps: "n:median:statement" each, comma-separated, as the
 * profile; in JSON a list of objects. */
static enum kind
col_camps(const struct row *r, struct buf *out)
{
	const struct figures *f = r->f;
	size_t i;

	/* Too few answers, or hidden: nothing said about where they stand. */
	if (!f->have || !verdict_table[f->verdict].figures)
		return MISSING;
	for (i = 0; i < f->ncamps; i++) {
		const struct stats_camp *c = &f->camps[i];

		buf_addstr(out, i == 0 ? (r->json ? "[" : "") : ",");
		buf_printf(out, r->json ? "{\"n\":%llu,\"median\":" : "%llu:", (unsigned long long)c->n);
		put_fortieths(out, c->median);
		buf_printf(out, r->json ? ",\"anchor\":%zu}" : ":%zu", anchor_nearest(f->anchors, c->median));
	}
	if (r->json)
		buf_addc(out, ']');
	return NUMBER;	/* written as it stands, in JSON too */
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
	{ "profile", col_profile }, { "camps", col_camps },
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

/*
 * The blocks in the order they are written: by round (a->order), then
 * everyone's, then the groups' in byte order, so that the rows do not
 * depend on the input's.  Every round gets everyone's block first.
 */
static const uint32_t *sorting_round_rank, *sorting_group_rank;
static const struct block *sorting_blocks;

static int
by_round_then_group(const void *x, const void *y)
{
	const struct block *a = &sorting_blocks[*(const size_t *)x];
	const struct block *b = &sorting_blocks[*(const size_t *)y];
	uint32_t ra = sorting_round_rank[a->round], rb = sorting_round_rank[b->round];

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->group == EVERYONE || b->group == EVERYONE)
		return (a->group != EVERYONE) - (b->group != EVERYONE);
	return sorting_group_rank[a->group] < sorting_group_rank[b->group] ? -1 :
	    sorting_group_rank[a->group] > sorting_group_rank[b->group];
}

static void
sort_blocks(struct aggregate *a)
{
	uint32_t *round_rank = xcalloc(a->rounds.n + 1, sizeof(*round_rank));
	uint32_t *group_rank = intern_ranks(&a->groups);
	size_t i, r;

	for (i = 0; i < a->rounds.n; i++) {
		round_rank[a->order[i]] = (uint32_t)i;
		block_for(a, a->order[i], EVERYONE);
	}
	a->sorted = xcalloc(a->nblocks + 1, sizeof(*a->sorted));
	for (i = 0; i < a->nblocks; i++)
		a->sorted[i] = i;
	sorting_round_rank = round_rank;
	sorting_group_rank = group_rank;
	sorting_blocks = a->blocks;
	qsort(a->sorted, a->nblocks, sizeof(*a->sorted), by_round_then_group);
	a->round_start = xcalloc(a->rounds.n + 1, sizeof(*a->round_start));
	for (i = 0, r = 0; r <= a->rounds.n; r++) {
		while (i < a->nblocks && round_rank[a->blocks[a->sorted[i]].round] < r)
			i++;
		a->round_start[r] = i;
	}
	free(round_rank);
	free(group_rank);
}

/* The blocks of the r-th round written: everyone's first, then its
 * groups' (with --by-group); returns how many. */
static size_t
round_blocks(const struct aggregate *a, size_t r, struct block **out)
{
	size_t i, n = 0;

	for (i = a->round_start[r]; i < a->round_start[r + 1]; i++)
		if (n == 0 || a->by_group)
			out[n++] = &a->blocks[a->sorted[i]];
	return n;
}

static void
write_round(struct aggregate *a, size_t r, struct buf *out)
{
	struct block **order = xcalloc(a->round_start[r + 1] - a->round_start[r] + 1, sizeof(*order));
	size_t n = round_blocks(a, r, order), i, k;
	struct figures f;
	struct row row;

	row.round = intern_string(&a->rounds, order[0]->round);
	row.json = a->json;
	row.f = &f;
	for (k = 0; k < a->q->ncontinua; k++) {
		const struct continuum *c = &a->q->continua[k];

		suppress(a, order + 1, n - 1, k);
		row.continuum = c->id;
		for (i = 0; i < n; i++) {
			row.group = i == 0 ? "*" : intern_string(&a->groups, order[i]->group);
			figures_of(a, &order[i]->tallies[k], c->nanchors, i > 0 ? order[i]->hidden[k] : 0, &f);
			write_row(a, &row, out);
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
		write_round(a, round, &out);
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

/* Two rounds, in either order, as one key. */
static uint64_t
change_key(uint32_t from, uint32_t to)
{
	return from < to ? keymap_pair(from, to) : keymap_pair(to, from);
}

static struct change
change_between(const struct aggregate *a, uint32_t from, uint32_t to, size_t k)
{
	const struct answerset *set = &a->people;
	struct change c = { 0, 0 };
	size_t p;

	if (a->change_index != NULL &&
	    (p = keymap_find(&a->change_index[k], change_key(from, to))) != SIZE_MAX) {
		c.both = a->changes[p].both;
		c.moved = a->changes[p].moved;
		return c;
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
	static struct stats_counts before, after;
	const struct block *b_from = block_find(a, from, EVERYONE), *b_to = block_find(a, to, EVERYONE);
	struct change c = change_between(a, from, to, k);

	memset(&before, 0, sizeof(before));
	memset(&after, 0, sizeof(after));
	if (b_from != NULL)
		tally_counts(&b_from->tallies[k], &before);
	if (b_to != NULL)
		tally_counts(&b_to->tallies[k], &after);
	buf_printf(out, "%s\t%s\t%s\t%llu\t%llu\t", intern_string(&a->rounds, from),
	    intern_string(&a->rounds, to), a->q->continua[k].id,
	    (unsigned long long)c.both, (unsigned long long)c.moved);
	if (c.both > 0)
		buf_printf(out, "%.4f", (double)c.moved / (double)c.both);
	else
		buf_addc(out, '-');
	buf_addc(out, '\t');
	if (before.n > 0 && after.n > 0) {
		put_shift(out, stats_quartile(&after, 2) - stats_quartile(&before, 2));
		buf_addc(out, '\t');
		put_shift(out, (stats_quartile(&after, 3) - stats_quartile(&after, 1)) -
		    (stats_quartile(&before, 3) - stats_quartile(&before, 1)));
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
	static struct stats_counts counts;
	struct buf out = { 0 };
	uint32_t round, later;
	size_t i, n, k;

	buf_addstr(&out, PARTIAL_HEADER "\n");
	for (round = 0; round < a->rounds.n; round++) {
		/* --partial reads response lines: its rounds are in a->order
		 * as first seen, the same numbers as a->rounds. */
		n = round_blocks(a, round, order);
		for (i = 0; i < n; i++) {
			for (k = 0; k < a->q->ncontinua; k++) {
				tally_counts(&order[i]->tallies[k], &counts);
				partial_format_counts(&out, intern_string(&a->rounds, round),
				    group_name(a, order[i]), a->q->continua[k].id, &counts);
			}
		}
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
	/* The header even with no rounds: an empty shard merges too. */
	fwrite(out.data, 1, out.len, stdout);
	free(order);
	buf_free(&out);
}

/* Whether adding more to what a row holds stays within the bound of
 * stance-aggregate(5): a count beyond it is no round's. */
static int
within_bound(uint64_t held, uint64_t more)
{
	return more <= PARTIAL_COUNT_MAX && held <= PARTIAL_COUNT_MAX - more;
}

static int
merge_change(struct aggregate *a, const struct partial_row *row, size_t k)
{
	uint32_t from = intern_add(&a->rounds, row->round, strlen(row->round));
	uint32_t to = intern_add(&a->rounds, row->group, strlen(row->group));
	uint64_t key = change_key(from, to);
	struct merged_change *m;
	size_t i;

	if (a->change_index == NULL)
		a->change_index = xcalloc(a->q->ncontinua, sizeof(*a->change_index));
	if ((i = keymap_find(&a->change_index[k], key)) != SIZE_MAX) {
		m = &a->changes[i];
		if (!within_bound(m->both, row->both))
			return -1;
		m->both += row->both;
		m->moved += row->moved;
		return 0;
	}
	a->changes = xreallocarray(a->changes, a->nchanges + 1, sizeof(*a->changes));
	keymap_put(&a->change_index[k], key, a->nchanges);
	m = &a->changes[a->nchanges++];
	m->from = from;
	m->to = to;
	m->continuum = k;
	m->both = row->both;
	m->moved = row->moved;
	return 0;
}

/* A partial's counts into a row.  The groups' rows are kept even without
 * --by-group: merge_check adds them up against everyone's. */
static int
merge_counts(struct aggregate *a, const struct partial_row *row, size_t k)
{
	uint32_t round = intern_add(&a->rounds, row->round, strlen(row->round));
	uint32_t group = strcmp(row->group, TOKEN_EVERYONE) == 0 ? EVERYONE :
	    intern_add(&a->groups, row->group, strlen(row->group));
	struct tally *t = &block_for(a, round, group)->tallies[k];

	if (!within_bound(t->n, row->counts.n) || !within_bound(t->abstain, row->counts.abstain))
		return -1;
	tally_merge(t, &row->counts);
	a->counted = xreallocarray(a->counted, a->rounds.n, sizeof(*a->counted));
	while (a->ncounted < a->rounds.n)
		a->counted[a->ncounted++] = 0;
	a->counted[round] = 1;
	return 0;
}

/* One line of a partial output, into the counters. */
static void
merge_line(struct aggregate *a, char *line, size_t len, unsigned long number)
{
	static struct partial_row row;
	const char *why;
	long k;

	if ((why = partial_parse(line, len, &row)) != NULL) {
		diag_at(a->name, number, "%s", why);
		a->bad = 1;
		return;
	}
	if ((k = questionnaire_find(a->q, row.continuum, strlen(row.continuum))) < 0) {
		unknown_continuum(a, row.continuum, number);
		return;
	}
	if ((row.change ? merge_change(a, &row, (size_t)k) : merge_counts(a, &row, (size_t)k)) < 0) {
		diag_at(a->name, number, tr(
		    "merged, the row would count more than %llu answers, which no round has; not merged",
		    "samengevoegd zou de rij meer dan %llu antwoorden tellen, wat geen ronde heeft; niet samengevoegd"),
		    (unsigned long long)PARTIAL_COUNT_MAX);
		a->bad = 1;
	}
}

/*
 * Partials are hostile input until they add up: every round they name
 * has counts, and in every round and continuum the groups' rows add up
 * to everyone's, position by position, as in every partial aggregate
 * writes.  One that does not (edited, cut short, a shard with its '*'
 * rows lost) would give a table that is silently wrong, or one that
 * undoes the privacy of small groups: nothing is written.  Returns -1
 * after saying what does not add up.
 */
static int
merge_check(struct aggregate *a)
{
	static struct stats_counts sum, one, everyone;
	struct block **order = xcalloc(a->nblocks + 1, sizeof(*order));
	int by_group = a->by_group, status = 0;
	size_t r, i, n, k;

	a->by_group = 1;	/* every group's block, shown or not */
	for (r = 0; r < a->rounds.n; r++) {
		const char *round = intern_string(&a->rounds, a->order[r]);

		if (a->order[r] >= a->ncounted || !a->counted[a->order[r]]) {
			diag_warn(tr("--merge: round %s is named only in =change lines: its counts are missing (a partial cut short?)",
			    "--merge: ronde %s staat alleen in =change-regels: de aantallen ontbreken (een deelbestand afgebroken?)"),
			    round);
			status = -1;
			continue;
		}
		n = round_blocks(a, r, order);
		for (k = 0; k < a->q->ncontinua; k++) {
			struct tally groups = { 0 };

			for (i = 1; i < n; i++) {
				tally_counts(&order[i]->tallies[k], &one);
				tally_merge(&groups, &one);
			}
			tally_counts(&groups, &sum);
			tally_free(&groups);
			tally_counts(&order[0]->tallies[k], &everyone);
			if (stats_equal(&sum, &everyone))
				continue;
			diag_warn(tr("--merge: round %s, %s: the groups' rows (%llu answers) do not add up to everyone's (%llu): a partial was edited, cut short, or lost its '*' rows",
			    "--merge: ronde %s, %s: de rijen van de groepen (%llu antwoorden) tellen niet op tot die van iedereen (%llu): een deelbestand werd gewijzigd, afgebroken of verloor zijn '*'-rijen"),
			    round, a->q->continua[k].id, (unsigned long long)(sum.n + sum.abstain),
			    (unsigned long long)(everyone.n + everyone.abstain));
			status = -1;
		}
	}
	a->by_group = by_group;
	free(order);
	if (status < 0)
		diag_warn("%s", tr("--merge: the partials do not add up; nothing written",
		    "--merge: de deelbestanden tellen niet op; niets geschreven"));
	return status;
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
		diag_warn("%s: %s", path, lang_strerror(errno));
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
		diag_warn("%s: %s", in.name, lang_strerror(errno));
		a->trouble = 1;
	}
	lines_close(&in);
}

/* The order rounds are written in: as first seen; merged shards, whose
 * orders need not agree, in byte order, which is collect's order and so
 * what one run over collect's output writes. */
static void
round_order(struct aggregate *a)
{
	uint32_t i, *rank;

	a->order = xcalloc(a->rounds.n + 1, sizeof(*a->order));
	if (!a->merge) {
		for (i = 0; i < a->rounds.n; i++)
			a->order[i] = i;
		return;
	}
	rank = intern_ranks(&a->rounds);
	for (i = 0; i < a->rounds.n; i++)
		a->order[rank[i]] = i;
	free(rank);
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

static void
aggregate_free(struct aggregate *a)
{
	size_t b, k;

	for (b = 0; b < a->nblocks; b++) {
		for (k = 0; k < a->q->ncontinua; k++)
			tally_free(&a->blocks[b].tallies[k]);
		free(a->blocks[b].tallies);
		free(a->blocks[b].hidden);
	}
	free(a->blocks);
	keymap_free(&a->block_index);
	for (k = 0; a->change_index != NULL && k < a->q->ncontinua; k++)
		keymap_free(&a->change_index[k]);
	free(a->change_index);
	free(a->counted);
	free(a->sorted);
	free(a->round_start);
	free(a->given);
	free(a->changes);
	free(a->order);
	buf_free(&a->last_round);
	buf_free(&a->last_participant);
	answerset_free(&a->people);
	intern_free(&a->rounds);
	intern_free(&a->groups);
}

int
main(int argc, char **argv)
{
	static const struct thresholds defaults = { 3, 10, 0.80, 25, 5 };
	struct aggregate a;
	struct questionnaire q;
	const char *qfile;
	int i, stdin_uses = 0;

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
	sort_blocks(&a);
	if (a.merge && merge_check(&a) < 0)
		a.trouble = 1;
	else if (a.partial)
		write_partial(&a);
	else if (a.stability)
		write_stability(&a);
	else
		write_table(&a);
	if (output_close_stdout() < 0)
		a.trouble = 1;
	aggregate_free(&a);
	questionnaire_free(&q);
	return a.trouble ? EXIT_TROUBLE : a.bad ? EXIT_BADINPUT : EXIT_OK;
}
