/*
 * answer: what one person answers to the continua, being gathered: from
 * continuum=answer arguments, from lines in questionnaire order, or from
 * the slider and the prompts, which edit it.  Nothing is written until
 * every continuum has one.
 */
#ifndef STANCE_ANSWER_H
#define STANCE_ANSWER_H

#include <stddef.h>
#include <stdio.h>

#include "feedback.h"
#include "position.h"
#include "questionnaire.h"


struct answer {
	int position;		/* tenths, POSITION_NONE, or POSITION_UNSET */
	char *note;		/* NULL for none */
};

/* Who answers, in which group and round: shown before the first
 * question, so that a forgotten -p shows. */
struct respondent {
	const char *round;
	const char *participant;
	const char *group;
	/* ask --feedback: where the group stood last round, per continuum;
	 * NULL for none. */
	const struct feedback *feedback;
};

/* What asking a person ended with: the answers confirmed, or the person
 * quit; a positive number is a signal to die of. */
#define ANSWERS_CONFIRMED	0
#define ANSWERS_QUIT		(-1)

/* "50% (anchor 2)", "33.3%" or "- (no opinion)" for people; POSITION_UNSET
 * gives "?". */
const char *answer_text(const struct continuum *c, int position, char *out, size_t size);

/*
 * Split text, "answer [note]", and store it in *a.  Returns 0, or -1
 * after reporting the problem at file and line (file NULL: just the
 * continuum).  text is changed in place.
 */
int answer_store(const struct continuum *c, struct answer *a, char *text,
    const char *file, unsigned long line);

/* continuum=answer arguments, in any order; every problem is reported.
 * Returns 0, or -1 if any was. */
int answers_from_arguments(const struct questionnaire *q, struct answer *answers,
    int argc, char **argv);

/* One answer per line of fp (called name in messages), in questionnaire
 * order; blank lines and # comments are skipped, and a refused line
 * answers nothing.  Returns 0, or -1 if a problem was reported. */
int answers_from_lines(const struct questionnaire *q, struct answer *answers, FILE *fp,
    const char *name);

/* Report every continuum left without an answer; -1 if there was one. */
int answers_complete(const struct questionnaire *q, const struct answer *answers);

#endif
