/*
 * stats: where a group stands on one continuum, from the counts of its
 * positions.  A position has one decimal (0.0 to 100.0), so at most 1001
 * distinct positions, each with its count, hold everything: every
 * statistic here is computed from them, exactly where it can be
 * (quartiles, the profile), with no list of answers.  They are kept as a
 * rising list of the positions that occur, so that a row of three
 * distinct positions costs three steps, not 1001.  The measures and
 * their sources are in aggregate(1).
 */
#ifndef STANCE_STATS_H
#define STANCE_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "position.h"

#define STATS_VALUES (POSITION_MAX + 1)	/* 0.0 ... 100.0 in tenths */
#define STATS_MAX_BINS 64		/* a profile of 2k-1 bins, k <= 32 anchors */

struct stats_counts {
	size_t nvalues;			/* distinct positions */
	uint16_t value[STATS_VALUES];	/* rising, in tenths */
	uint64_t count[STATS_VALUES];	/* answers at value[i], each above 0 */
	uint64_t n;		/* answers with a position: the counts added up */
	uint64_t abstain;	/* no-opinion answers */
};

/* Whether two hold the same answers, position by position. */
int stats_equal(const struct stats_counts *a, const struct stats_counts *b);

/*
 * The quantile of R's type 7 (and GNU datamash), h = (n-1)p: exact, in
 * fortieths of a point (tenths times four), since p is a quarter and a
 * position a tenth.  n must be > 0; quarter is 1, 2 or 3.
 */
int64_t stats_quartile(const struct stats_counts *c, int quarter);
int stats_min(const struct stats_counts *c);	/* in tenths */
int stats_max(const struct stats_counts *c);
double stats_mean(const struct stats_counts *c);	/* in points */
double stats_sd(const struct stats_counts *c);		/* sample; needs n > 1 */
/* Tastle and Wierman's consensus over the 0-100 line (d = 100). */
double stats_consensus(const struct stats_counts *c);

/*
 * The profile: counts in 2k-1 bins, one centred on each anchor and one
 * on each midpoint between two; a position on the edge between two bins
 * belongs to the one nearer the middle of the line (50), so that the
 * profile is the same mirrored.  Returns the number of bins.
 */
size_t stats_profile(const struct stats_counts *c, size_t anchors, uint64_t *bins);
/* van der Eijk's agreement A over counts in k >= 3 ordered categories. */
double stats_agreement(const uint64_t *bins, size_t k);

/* Whether two camps face each other: the three-zone rule (aggregate(1)). */
int stats_polarised(const struct stats_counts *c);

/*
 * The camps: the positions, rising, cut wherever two neighbours stand a
 * quarter of the line apart (25 points), or half a statement apart
 * where the statements stand closer than that (50 / (anchors - 1)
 * points).  Each piece is a camp: how many, and its own median (type 7,
 * in fortieths).  Into camps[STATS_MAX_CAMPS]; returns how many, 0 for
 * no positions.  Exact from the counts, so exact under --merge.
 */
#define STATS_MAX_CAMPS 64	/* gaps of 500/31 tenths on 0-1000: at most 63 */
struct stats_camp {
	uint64_t n;
	int64_t median;		/* fortieths of a point */
};
size_t stats_camps(const struct stats_counts *c, size_t anchors, struct stats_camp *camps);
/* Which of those camps a position (tenths, one of c's values) is in. */
size_t stats_camp_of(const struct stats_counts *c, size_t anchors, int position);

#endif
