/*
 * partial: aggregate's exact accumulators as text (aggregate --partial),
 * so that shards of a round can be aggregated apart and merged into
 * exactly what one run would write (aggregate --merge).  A line is
 *
 *   round TAB group TAB continuum TAB abstain TAB counts
 *
 * counts being "tenths:count" pairs, comma-separated, rising ("250:3");
 * or, for --stability,
 *
 *   =change TAB round TAB round TAB continuum TAB both TAB moved
 *
 * after a first line "#stance-aggregate-partial 1".
 */
#ifndef STANCE_PARTIAL_H
#define STANCE_PARTIAL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "stats.h"

#define PARTIAL_HEADER "#stance-aggregate-partial 1"
/* No count, and no row merged, holds more answers: far more than any
 * round, and small enough that sums over a row's 1001 positions, and
 * their conversion to floating point, stay exact. */
#define PARTIAL_COUNT_MAX 1000000000000ULL
#define PARTIAL_CHANGE "=change"

struct partial_row {
	int change;		/* a =change line */
	const char *round, *group, *continuum;	/* group: the later round of a change */
	struct stats_counts counts;	/* a counts line */
	uint64_t both, moved;		/* a =change line */
};

/* Parse line[0..len) in place; NULL, or what is wrong. */
const char *partial_parse(char *line, size_t len, struct partial_row *row);
/* Append a counts line (newline included). */
void partial_format_counts(struct buf *out, const char *round, const char *group,
    const char *continuum, const struct stats_counts *c);
void partial_format_change(struct buf *out, const char *from, const char *to,
    const char *continuum, uint64_t both, uint64_t moved);

#endif
