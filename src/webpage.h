/*
 * webpage: the frame of ask --web's pages.  See webpage.c.
 */
#ifndef STANCE_WEBPAGE_H
#define STANCE_WEBPAGE_H

#include "buf.h"

/* A page being made: its status, title, body, and any headers of its own
 * (each ending in CRLF), e.g. a cookie. */
struct webpage {
	int status;
	const char *reason;	/* "OK", "Forbidden" */
	const char *title;	/* escaped when written */
	struct buf body;	/* HTML, escaped by whoever wrote it */
	struct buf headers;
	int refresh;		/* seconds after which the page reloads, or 0 */
	int wall;		/* for a projector: as wide as the screen */
};

/* Write the page whole, headers and all, and free its buffers; 0, or -1
 * (said) when standard output failed. */
int webpage_send(struct webpage *p);
/* A page that says one thing, a refusal or a closed round. */
int webpage_say(int status, const char *reason, const char *title, const char *text);
/* A refused request, for the server's log: where from, what was wrong,
 * and the participant it named (quoted), if any. */
void webpage_refuse_log(const char *what, const char *participant);

#endif
