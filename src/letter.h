/*
 * letter: the words people read in the messages of a round, above their
 * form: whom, why, and what to do (an invitation or a reminder); what
 * went wrong with their reply, from collect --status's reasons; and a
 * receipt's account of what was recorded.  remind puts headers and the
 * form around them.
 */
#ifndef STANCE_LETTER_H
#define STANCE_LETTER_H

#include <stddef.h>

#include "buf.h"
#include "questionnaire.h"

struct letter {
	const struct questionnaire *q;
	const char *round;
	const char *name;	/* whom: the roster's name, else the participant */
	const char *email;	/* the address written to */
	const char *signer;	/* the sender's name, else address */
	const char *own_text;	/* the facilitator's paragraphs (remind --text), or NULL */
	long long now;		/* seconds since 1970 */
	long long until;	/* the deadline, or LLONG_MAX */
	const char *until_text;	/* the same in UTC, for when local time fails */
	int invitation;		/* an invitation, not a reminder */
	int short_replies;	/* a signed round: answers typed above the quote count */
	const char *link;	/* the person's web page (remind --url), or NULL */
	const int *given;	/* per continuum: answered so far (POSITION_UNSET:
				 * not), or NULL */
	char *const *notes;	/* per continuum, unescaped, or NULL; or NULL */
	const char *reasons;	/* collect --status's reasons, or NULL */
	int unreadable;		/* --status: replied, nothing could be read */
};

#define LETTER_WIDTH 72	/* as the form: below what mail clients re-wrap at */

/* The text above the form of an invitation or a reminder. */
void letter_text(struct buf *out, const struct letter *l);

/* The text above the form of a receipt: what counts now of l->given
 * (and l->notes), and what of a reply did not count (l->reasons). */
void letter_receipt(struct buf *out, const struct letter *l);

/* One answer in words: "statement 2", "40%, between statements 1 and
 * 2", "no opinion", "not answered yet". */
void letter_answer(struct buf *out, const struct continuum *c, int position);

#endif
