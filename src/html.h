/*
 * html: text into HTML.  Every text a web page shows, from a
 * questionnaire, a request or a file, goes through html_escape: one
 * function, so that there is one place to get it right.
 */
#ifndef STANCE_HTML_H
#define STANCE_HTML_H

#include "buf.h"

/* Append s with &, <, >, " and ' as character references: safe in text
 * and in a quoted attribute alike. */
void html_escape(struct buf *out, const char *s);

/* Append s percent-encoded for a URL's query: all but A-Z a-z 0-9 - . _ ~. */
void html_url_encode(struct buf *out, const char *s);

#endif
