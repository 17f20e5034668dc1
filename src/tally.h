/*
 * tally: the counts of one row's positions, small until they need not be.
 * A row holds a few distinct positions (a questionnaire's anchors and
 * the points between them), so up to TALLY_SPARSE of them are kept as
 * pairs; a row with more gets the 1001 counters of struct stats_counts.
 * aggregate keeps a tally per round, group and continuum: 8 KB each,
 * dense, made 20,000 rounds cost 800 MB.
 */
#ifndef STANCE_TALLY_H
#define STANCE_TALLY_H

#include <stdint.h>

#include "stats.h"

#define TALLY_SPARSE 6

struct tally {
	uint64_t n;		/* answers with a position */
	uint64_t abstain;	/* no-opinion answers */
	uint64_t *dense;	/* STATS_VALUES counters, or NULL while sparse */
	uint64_t count[TALLY_SPARSE];
	uint16_t value[TALLY_SPARSE];	/* in tenths */
	uint16_t nsparse;
};

/* One answer: a position in tenths, or POSITION_NONE. */
void tally_add(struct tally *t, int position);
/* count answers at position (tenths, 0 to POSITION_MAX). */
void tally_add_count(struct tally *t, int position, uint64_t count);
/* All of c's answers added. */
void tally_merge(struct tally *t, const struct stats_counts *c);
/* The tally as the statistics take it: the positions that occur, rising. */
void tally_counts(const struct tally *t, struct stats_counts *out);
void tally_free(struct tally *t);

#endif
