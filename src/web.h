/*
 * web: ask's fourth face, beside the slider, the prompts and the form: a
 * CGI program (RFC 3875) that any web server runs, for people who answer
 * on a phone.  A signed link (round, participant, group and the token
 * forms are signed with) opens the questionnaire as a page; sending it
 * appends response lines as ask -o does and answers with a receipt.
 *
 * Every request is hostile: only signed links, bodies capped, every text
 * escaped by html_escape, a Content-Security-Policy that allows nothing
 * from elsewhere, no file name from the request.
 */
#ifndef STANCE_WEB_H
#define STANCE_WEB_H

#include "feedback.h"
#include "key.h"
#include "questionnaire.h"

struct web {
	const struct questionnaire *q;
	const char *outfile;		/* -o: where answers go */
	const struct key *key;		/* the round's key: links must be signed */
	const char *round;		/* -r: the round links must be of, or NULL */
	long long until;		/* --until, or LLONG_MAX */
	const char *until_text;		/* the same in UTC */
	/* Round two: where the group stood last round, per continuum
	 * (--feedback), or NULL; and the answers of the round before, for
	 * each person's own (--previous), or NULL. */
	const struct feedback *feedback;
	const char *previous;
};

/* Answer the request in the environment (REQUEST_METHOD, QUERY_STRING,
 * CONTENT_LENGTH, CONTENT_TYPE; the body on standard input) on standard
 * output.  Returns an exit status: 0 when a page went out, whatever it
 * said; 2 when it could not be written. */
int web_run(const struct web *w);

#endif
