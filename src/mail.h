/*
 * mail: the text of a mail message, line by line, as its reader saw it.
 *
 * Forms come back by mail, and a Maildir or mbox holds the messages as
 * sent: headers, MIME parts, quoted-printable or base64 bodies, Latin-1.
 * This undoes just that much: it skips headers, follows multipart
 * boundaries, passes on only text/plain parts, decodes them to UTF-8
 * lines, and keeps the Date header for the time of the answers.
 */
#ifndef STANCE_MAIL_H
#define STANCE_MAIL_H

#include <stddef.h>

#include "text.h"

typedef void mail_line_fn(char *line, size_t len, unsigned long lineno, void *context);
typedef void mail_end_fn(void *context);

struct mail {
	int in_headers;
	struct buf header;	/* the header line being unfolded */
	unsigned long header_lineno;
	int top;		/* in the message's own headers, not a part's */
	/* What the headers read so far say about the coming body. */
	int next_encoding, next_text, next_latin1, next_multipart;
	char *next_boundary;
	/* The body being read. */
	int encoding, text, latin1;
	char **boundaries;
	size_t nboundaries;
	struct buf pending;	/* a decoded line not yet handed on */
	struct buf encoded;	/* quoted-printable joined across soft breaks */
	unsigned char quad[4];	/* base64 characters not yet decoded */
	size_t nquad;
	unsigned long pending_lineno;
	long long date;		/* seconds since 1970, or -1 */
	mail_line_fn *emit;
	mail_end_fn *message_end;	/* called where each message ends */
	void *context;
};

/* Whether a file's first line makes it a mail message: an mbox "From "
 * line or a header such as "Return-Path: <x>". */
int mail_starts(const char *line, size_t len);

void mail_init(struct mail *m, mail_line_fn *emit, mail_end_fn *message_end, void *context);
void mail_line(struct mail *m, const char *line, size_t len, unsigned long lineno);
void mail_end(struct mail *m);

/* Seconds since 1970 of an RFC 5322 date ("Tue, 25 Nov 2026 10:30:00
 * +0100"), or -1 if it is not one. */
long long mail_date(const char *s);

#endif
