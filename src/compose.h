/*
 * compose: a mail message as RFC 5322 and MIME want it, for remind:
 * headers folded within 78 columns, non-ASCII names and subjects as
 * RFC 2047 encoded words, and a UTF-8 text body in quoted-printable, so
 * that no line passes SMTP's limits whatever the text.
 */
#ifndef STANCE_COMPOSE_H
#define STANCE_COMPOSE_H

#include "buf.h"

/* "Thu, 26 Nov 2026 11:30:00 +0000" for seconds since 1970. */
void compose_date(struct buf *out, long long seconds);

/* An mbox message's first line: "From sender Thu Nov 26 11:30:00 2026". */
void compose_mbox_from(struct buf *out, const char *sender, long long seconds);

/* A header with free text ("Subject"): folded; encoded where not ASCII. */
void compose_text_header(struct buf *out, const char *name, const char *text);

/* An address header: "To: Name <address>", the name quoted or encoded
 * as it needs; NULL or "-" for no name. */
void compose_address_header(struct buf *out, const char *name, const char *display,
    const char *address);

/* A header of Message-IDs ("References"), space-separated in ids: one
 * per line where they do not fit on one. */
void compose_ids_header(struct buf *out, const char *name, const char *ids);

/* Whether s is an address remind may hand to sendmail: local@domain of
 * printable ASCII without specials, not starting with '-' (an option to
 * sendmail), at most 254 bytes.  NULL, or what is wrong. */
const char *compose_address_problem(const char *s);

/* The body text (UTF-8, lines ending in \n) in quoted-printable. */
void compose_quoted_printable(struct buf *out, const char *text);

#endif
