/*
 * reply: answers typed above the quote of a mailed form, as people on a
 * phone write them instead of editing a 90-line form (stance-form(5),
 * SHORT REPLIES):
 *
 *   1: 2, 2: 1, 3: 1.5, 4: 2, 5: 3     numbered questions, any order
 *   openness: 2; Sturing: 1,5          a continuum's id or name
 *   2 1 1,5 2 3                         every question, in order
 *
 * one per line or several on a line, a statement's number (a decimal
 * point or comma between two), a percentage (40%), or - for no opinion.
 * The reader only reads the lines; whose answers they are is the form's
 * (its token) or remind's log's (the message it replies to) to say.
 */
#ifndef STANCE_REPLY_H
#define STANCE_REPLY_H

#include <stddef.h>

#include "buf.h"
#include "questionnaire.h"

struct reply {
	int *position;		/* per continuum: tenths, POSITION_NONE, or
				 * POSITION_UNSET: not given */
	unsigned long *line;	/* where each was given */
	size_t given;		/* how many continua it answers */
	unsigned long first;	/* its first line, or 0: no reply */
	unsigned long bad_line;	/* a line that could not be read, or 0 */
};

void reply_init(struct reply *r, const struct questionnaire *q);
void reply_reset(struct reply *r, const struct questionnaire *q);
void reply_free(struct reply *r);

/*
 * One line typed above the quote, its quoting and outer blanks taken
 * off.  Returns 1 if it gave answers, 0 if it is other text ("Hi Sofie,"),
 * or -1 if it looks like answers but cannot be read, or gives a question
 * a second, other answer: *why (appended to) says what, and the reply
 * should count for nothing, since nothing in it is guessed.
 */
int reply_line(struct reply *r, const struct questionnaire *q, const char *line, size_t len,
    unsigned long lineno, struct buf *why);

/* Whether a line ends what was typed above the quote: a signature, an
 * attribution ("On ... wrote:"), Outlook's "-----Original Message-----"
 * or its header block, or a form. */
int reply_stops(const char *line, size_t len);

#endif
