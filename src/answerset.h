/*
 * answerset: one answer per (round, participant, continuum), the latest
 * winning, as collect keeps them.
 *
 * Lines are not kept: each (round, participant) gets one slot with an
 * entry per continuum, and a newer answer overwrites an older one as the
 * lines stream in.  Rounds, participants and groups are interned; notes
 * are kept as they were escaped in the line.  This is what lets collect
 * hold years of rounds in less memory than their text.
 */
#ifndef STANCE_ANSWERSET_H
#define STANCE_ANSWERSET_H

#include <stddef.h>
#include <stdint.h>

#include "intern.h"
#include "position.h"



/* One answer offered to the set, its round, participant and group
 * interned in the set's tables. */
struct answerset_entry {
	uint32_t round, participant, group;
	size_t continuum;
	long long time;		/* seconds since 1970 */
	int position;
	const char *note;	/* escaped, as in a response line */
	size_t note_len;
};

struct kept {
	long long time;		/* seconds since 1970, UTC */
	int32_t position;	/* tenths, POSITION_NONE, or POSITION_UNSET */
	uint32_t group;		/* in answerset.groups */
	uint64_t note;		/* 0 for none, else offset + 1 in notes */
};

struct person {
	uint32_t round;		/* in answerset.rounds */
	uint32_t participant;	/* in answerset.participants */
};

struct answerset {
	size_t ncontinua;
	struct intern rounds, participants, groups;
	struct person *persons;
	size_t npersons, cap;
	struct kept *kept;	/* npersons * ncontinua, person-major */
	uint32_t *slots;	/* person index + 1, by (round, participant) */
	size_t nslots;
	char *notes;		/* escaped notes, NUL-terminated, end to end */
	size_t notes_len, notes_cap;
};

void answerset_init(struct answerset *a, size_t ncontinua);

/*
 * Offer an answer.  Ties in time go to the answer offered last, so offer
 * them in input order.  Returns 0 if it was the first for its key, 1 if
 * one answer (this one or the one it replaced) was superseded.
 */
int answerset_add(struct answerset *a, const struct answerset_entry *e);

/* The kept answers of person p, one per continuum. */
static inline struct kept *
answerset_answers(const struct answerset *a, size_t p)
{
	return a->kept + p * a->ncontinua;
}

static inline const char *
answerset_note(const struct answerset *a, const struct kept *k)
{
	return k->note ? a->notes + k->note - 1 : "";
}

/* The person with this (round, participant), or -1. */
long answerset_find(const struct answerset *a, uint32_t round, uint32_t participant);

/* Person indices sorted by round, then participant, both in byte order. */
size_t *answerset_sorted(const struct answerset *a);

void answerset_free(struct answerset *a);

#endif
