/*
 * feedback: where the group stood last round, for a person answering
 * again (ask --feedback, the Delphi method): everyone's median and middle
 * half per continuum, from aggregate's output, and with --previous the
 * person's own last answer.  Shown, never preselected.
 */
#ifndef STANCE_FEEDBACK_H
#define STANCE_FEEDBACK_H

#include <stddef.h>

#include "buf.h"
#include "questionnaire.h"
#include "reasons.h"

/* Fewer answers than this on a continuum: its figures are not shown. */
#define FEEDBACK_MIN_ANSWERS 5

struct feedback {
	int have;		/* the group's figures are known */
	int hidden;		/* too few answered to show them */
	double median, q1, q3;	/* points */
	int split;		/* divided or polarised: said by its camps first */
	char *verdict;		/* the verdict in words, as chart says it */
	const char *round;	/* the round they are of */
	int own;		/* the person's last position, tenths; or POSITION_UNSET */
	char round_text[72];
	/* The reasons behind last round's positions, a few from each camp
	 * (--reasons, the facilitator's edited file), or NULL. */
	const struct reasons_continuum *reasons;
};

/* How many reasons of a camp are shown beside the figures. */
#define FEEDBACK_REASONS 3

/*
 * Read aggregate's output (the last round in it counts) into one
 * feedback per continuum of q, everyone's row.  Returns 0; 1 when bad
 * rows were reported and left out; or -1 after reporting why not.
 */
int feedback_load(struct feedback *f, const struct questionnaire *q, const char *path);
/* The person's own last answers, from response lines of another round;
 * returns as feedback_load() does. */
int feedback_previous(struct feedback *f, const struct questionnaire *q, const char *path,
    const char *participant, const char *round);
/* "Last round (r1): fair agreement, around statement 2; median 50,
 * middle half 25-75; you: 40%" in words; a split room's camps first:
 * "Last round (r1): polarised: 3 at hard, 3 at soft; median 50, ...". */
void feedback_words(struct buf *out, const struct feedback *f);
/* Each continuum's reasons from r, read from path, to show with its
 * figures: 0; or 1 after saying that r is of another round than the
 * figures, whose reasons are then not shown. */
int feedback_reasons(struct feedback *f, const struct questionnaire *q, const struct reasons *r,
    const char *path);
/* The feedback of n continua, and what it holds. */
void feedback_free(struct feedback *f, size_t n);

#endif
