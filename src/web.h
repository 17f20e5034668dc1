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

#include "buf.h"
#include "feedback.h"
#include "key.h"
#include "questionnaire.h"
#include "request.h"

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
	/* A live meeting (meeting.h): who joins from its address, and how. */
	enum { MEETING_NONE, MEETING_ANONYMOUS, MEETING_NAMED } meeting;
	const char *group;		/* -g: the group of who joins, or "-" */
	const char *address;		/* --url: the address shown, or NULL:
					 * the request's own */
	const char *qfile;		/* -q, for chart; NULL: the embedded one */
	const char *self;		/* argv[0]: aggregate and chart are beside it */
	/* Requests that are no person's link, and who answers them (the
	 * meeting's, meeting.h, which builds on this module); or NULL. */
	int (*other_wants)(const struct web *w, const struct request *r);
	int (*other)(const struct web *w, const struct request *r, int post);
};

/* Whose link it is: round, participant, group and token. */
struct link {
	const char *round, *participant, *group, *token;
};

/* How a page of questions is reached from a meeting's address (meeting.h):
 * the cookie header that keeps who this is (CRLF-ended) and whether the
 * form must go to the person's link, the address naming no one. */
struct web_entry {
	const char *cookie;
	int action;
};

/* Append the link's query, "?r=…&p=…&g=…&t=…", percent-encoded, its
 * fields joined by amp ("&", or "&amp;" inside HTML). */
void web_link_query(struct buf *out, const struct link *l, const char *amp);

/* The questions of the link's person, with what they gave before. */
int web_questions(const struct web *w, const struct link *l, const struct web_entry *entry);

/* Answer the request in the environment (REQUEST_METHOD, QUERY_STRING,
 * CONTENT_LENGTH, CONTENT_TYPE; the body on standard input) on standard
 * output.  Returns an exit status: 0 when a page went out, whatever it
 * said; 2 when it could not be written. */
int web_run(const struct web *w);

#endif
