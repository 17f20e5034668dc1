/*
 * mail: the text of a mail message, line by line, as its reader saw it.
 *
 * Forms come back by mail, and a Maildir or mbox holds the messages as
 * sent: headers, MIME parts, quoted-printable or base64 bodies, Latin-1,
 * Windows-1252 and ISO-8859-15, format=flowed, forwarded messages.  This
 * undoes just that much: it skips headers, follows multipart boundaries
 * (and into a message/rfc822 part), passes on only text/plain parts,
 * decodes them to UTF-8 lines, and keeps the Date header for the time of
 * the answers.  An mbox is split where a "From " line follows a blank
 * line; in any other input "From " is just text.
 */
#ifndef STANCE_MAIL_H
#define STANCE_MAIL_H

#include <stddef.h>

#include "buf.h"

typedef void mail_line_fn(char *line, size_t len, unsigned long lineno, void *context);
typedef void mail_end_fn(void *context);

struct mail {
	int in_headers;
	struct buf header;	/* the header line being unfolded */
	unsigned long header_lineno;
	int top;		/* in the message's own headers, not a part's */
	int started;		/* a line was read */
	int mbox;		/* the input started with "From ": an mbox */
	int after_blank;	/* the line before was empty */
	/* What the headers read so far say about the coming body. */
	int next_encoding, next_text, next_html, next_charset, next_multipart;
	int next_message, next_flowed, next_delsp;
	char *next_boundary;
	/* The body being read. */
	int encoding, text, charset, flowed, delsp;
	char **boundaries;
	size_t nboundaries;
	struct buf pending;	/* a decoded line not yet handed on */
	struct buf encoded;	/* quoted-printable joined across soft breaks */
	struct buf flow;	/* format=flowed: a paragraph being joined */
	size_t flow_depth;	/* its quote depth */
	unsigned long flow_lineno;
	unsigned char quad[4];	/* base64 characters not yet decoded */
	size_t nquad;
	unsigned long pending_lineno;
	mail_line_fn *emit;
	mail_end_fn *message_end;	/* called where each message ends */
	void *context;

	/* What the message_end callback may look at: the message that ends. */
	unsigned long message_line;	/* where it starts in the input */
	long long date;		/* its Date header in seconds since 1970, or -1 */
	char *date_text;	/* a Date header that is not a date, or NULL */
	unsigned long date_line;
	char *from;		/* the address in its From header, or NULL if
				 * there is none, or more than one */
	int from_headers;	/* how many From headers it has */
	int saw_text;		/* it has a text/plain part */
	int saw_html;		/* it has a text/html part */
	/* It is an automatic reply (RFC 3834: Auto-Submitted: auto-replied,
	 * an out-of-office message), not a person's: the header that says so,
	 * or NULL. */
	char *automatic;
	/* The Message-IDs its In-Reply-To and References headers name, as
	 * written, joined by blanks (at most MAIL_REPLIES_TO_MAX bytes):
	 * which of remind's messages it answers. */
	struct buf replies_to;
};

#define MAIL_REPLIES_TO_MAX 8192

/* Whether a file's first line makes it a mail message: an mbox "From "
 * line or a header such as "Return-Path: <x>". */
int mail_starts(const char *line, size_t len);

void mail_init(struct mail *m, mail_line_fn *emit, mail_end_fn *message_end, void *context);
void mail_line(struct mail *m, const char *line, size_t len, unsigned long lineno);
void mail_end(struct mail *m);

/* Seconds since 1970 of an RFC 5322 date ("Tue, 25 Nov 2026 10:30:00
 * +0100", obsolete zones such as EST and two-digit years included), or
 * -1 if it is not one or lies outside the years 0000-9999. */
long long mail_date(const char *s);

#endif
