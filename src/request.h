/*
 * request: what a web request asks, as a CGI program (RFC 3875) gets it:
 * the query string and an application/x-www-form-urlencoded body, both
 * name=value pairs joined by "&", percent-encoded, "+" for a blank.
 *
 * Everything in a request is hostile: a pair is decoded into a copy of
 * its own, a name or value that is not UTF-8, holds a control character
 * (a line end or tab only where allowed) or passes its bound is refused
 * with the whole request, and so is a request of more than REQUEST_PAIRS
 * pairs.  What is refused says why, for the page and the log.
 */
#ifndef STANCE_REQUEST_H
#define STANCE_REQUEST_H

#include <stddef.h>

#define REQUEST_BODY_MAX 16384	/* a questionnaire's answers and notes, and room */
#define REQUEST_PAIRS 256
#define REQUEST_NAME_MAX 80
#define REQUEST_VALUE_MAX 2048	/* a note is at most NOTE_MAX (response.h) */

struct request_pair {
	char *name, *value;	/* decoded, NUL-terminated */
};

struct request {
	struct request_pair *pairs;
	size_t n;
};

/*
 * Add the pairs of s[0..len) (a query string or a body) to r.  Returns
 * NULL, or why the request is refused (r then holds what came before).
 */
const char *request_parse(struct request *r, const char *s, size_t len);

/*
 * The value of the cookie called name in a Cookie header ("a=1; b=2"),
 * a copy to be freed, if it is there and plain printable ASCII without
 * blank, quote, comma, semicolon or backslash (RFC 6265's cookie-octet),
 * at most REQUEST_VALUE_MAX bytes; else NULL.
 */
char *request_cookie(const char *header, const char *name);

/* The value of the last pair with this name, or NULL. */
const char *request_get(const struct request *r, const char *name);

void request_free(struct request *r);

#endif
