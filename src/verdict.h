/*
 * verdict: the verdicts of stance-aggregate(5) in one table, as datamash
 * keeps its operations: the name aggregate writes, the words people read
 * in English and Dutch, and what a verdict lets those words say.  Every
 * program that reads or speaks a verdict (aggregate, chart, recommend,
 * ask --feedback, recommend's conditions) goes through it.
 */
#ifndef STANCE_VERDICT_H
#define STANCE_VERDICT_H

#include <stddef.h>

enum verdict {
	VERDICT_CONSENSUS, VERDICT_LEANING, VERDICT_DIVIDED, VERDICT_POLARISED,
	VERDICT_TOO_FEW, VERDICT_SUPPRESSED,
	VERDICT_WITHHELD,	/* hidden so that a smaller group cannot be worked out */
	VERDICT_COUNT
};

struct verdict_info {
	const char *name;		/* as aggregate writes it */
	const char *en, *nl;		/* in words; "%s" in leaning's: the pole */
	const char *lead_en, *lead_nl;	/* a sentence on the group begins so */
	int figures;			/* the row has figures to draw and to quote */
	int split;			/* the room does not agree: talk first */
};

extern const struct verdict_info verdict_table[VERDICT_COUNT];

/* The verdict named s[0..n), or -1 if none is. */
int verdict_find(const char *s, size_t n);

#endif
