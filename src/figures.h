/*
 * figures: reading aggregate's rows (stance-aggregate(5)) by column name,
 * as chart does, and recommend will.  The header line says where each
 * column is; columns a reader does not know are skipped, so aggregate
 * may add some.
 */
#ifndef STANCE_FIGURES_H
#define STANCE_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "questionnaire.h"
#include "stats.h"
#include "verdict.h"

enum figures_column {
	FIGURES_ROUND, FIGURES_GROUP, FIGURES_CONTINUUM, FIGURES_N, FIGURES_ABSTAIN,
	FIGURES_Q1, FIGURES_MEDIAN, FIGURES_Q3, FIGURES_VERDICT, FIGURES_PROFILE,
	FIGURES_NCOLUMNS
};

/* The other numbers of a row, which only some readers use (recommend's
 * conditions): a header without one of them reads it as not there. */
enum figures_number {
	FIGURES_MEAN, FIGURES_SD, FIGURES_MIN, FIGURES_MAX, FIGURES_IQR,
	FIGURES_CONSENSUS, FIGURES_AGREEMENT, FIGURES_ANCHOR,
	FIGURES_NNUMBERS
};

#define FIGURES_ABSENT ((size_t)-1)

/* Where each column this reader needs stands in the line. */
struct figures_header {
	size_t at[FIGURES_NCOLUMNS];
	size_t number_at[FIGURES_NNUMBERS];	/* or FIGURES_ABSENT */
	size_t camps_at;			/* or FIGURES_ABSENT */
	size_t ncolumns;	/* in the line */
};

/* One row; a figure that is "-" has have_* 0. */
struct figures_row {
	const char *round, *group, *continuum;
	enum verdict verdict;
	uint64_t n, abstain;
	int have_abstain;
	int have_quartiles;
	double q1, median, q3;	/* points */
	uint64_t profile[STATS_MAX_BINS];
	size_t nbins;		/* 0 when the profile is "-" */
	double number[FIGURES_NNUMBERS];
	unsigned have_number;	/* bit i: number[i] is there */
	size_t k;		/* its continuum in the questionnaire (figures_read) */
	const char *camps;	/* the camps column as written, checked; NULL
				 * if the file has none or it is "-" */
};

/* A camp of a row, as figures_camps() reads them. */
struct figures_camp {
	uint64_t n;
	double median;		/* points */
	size_t anchor;		/* the statement nearest it, from 1 */
};

/* The rows of aggregate's output files, each copied out of its line,
 * checked against a questionnaire. */
struct figures_table {
	struct figures_row *rows;
	char **texts;		/* the line each row points into */
	size_t n, cap;
	int bad;		/* a line was reported and skipped */
	int trouble;		/* a file could not be read */
};

/* Read the header line ("#round\tgroup..."); NULL, or what is wrong. */
const char *figures_header_parse(char *line, size_t len, struct figures_header *h);
/* Read a row in place; NULL, or what is wrong. */
const char *figures_parse(const struct figures_header *h, char *line, size_t len,
    struct figures_row *row);

/* Read a file ("-": standard input) into t: a row whose continuum the
 * questionnaire lacks, or whose profile does not fit its anchors, is
 * reported as file:line and skipped. */
void figures_read(struct figures_table *t, const struct questionnaire *q, const char *path);
void figures_table_free(struct figures_table *t);

/*
 * The rows by continuum, in one pass, not a scan of every row for every
 * continuum (50,000 rows took chart 29 seconds): those of continuum k are
 * rows[start[k]] to rows[start[k + 1] - 1], indices into the table, in
 * input order; with by_group, a group's rows stand together where its
 * first row stood, in input order among themselves.
 */
struct figures_order {
	size_t *start;		/* ncontinua + 1 */
	size_t *rows;
};
void figures_order(const struct figures_table *t, size_t ncontinua, int by_group,
    struct figures_order *o);
void figures_order_free(struct figures_order *o);
/* A row's camps, left to right, into camps[STATS_MAX_CAMPS]; returns
 * how many (0 when the row has none to say). */
size_t figures_camps(const struct figures_row *row, struct figures_camp *camps);
/* The name of a number column, for messages and conditions. */
const char *figures_number_name(enum figures_number i);

/* How people read the figures, in the current language (chart, ask
 * --feedback, recommend): a point in whole points, rounded half up; a
 * row's verdict in words ("leaning to vision"). */
void figures_put_point(struct buf *out, double v);
/* The whole points a figure is shown as: a width between two shown
 * figures is their difference, so that the words add up. */
long figures_whole(double v);
void figures_put_verdict(struct buf *out, const struct figures_row *r,
    const struct continuum *k);
/* Where a point lies, in words: at a pole in the outer quarter of the
 * line ("at vision"), else near a statement ("around statement 2",
 * "halfway between statements 1 and 2"). */
void figures_put_place(struct buf *out, const struct continuum *k, double point);
/* A row's figures in words, as chart and chart --svg show them under it:
 * "n 23, 1 no opinion · median 47 · middle half 21-72 · fair agreement,
 * around statement 2"; a split row its camps first; a hidden row
 * without its n. */
void figures_put_words(struct buf *out, const struct figures_row *r, const struct continuum *k);
/* The statement a point lies exactly halfway after (i of i and i + 1),
 * or 0 if it is nearer one: such a point is near neither. */
size_t figures_halfway(const struct continuum *k, double point);
/* A row's camps in words: "7 at concrete rules, 3 around statement 2". */
void figures_put_camps(struct buf *out, const struct figures_row *r, const struct continuum *k);

#endif
