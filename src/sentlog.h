/*
 * sentlog: remind's log, one line per message handed to the mail system:
 *
 *   time TAB round TAB participant TAB kind TAB message-id TAB result
 *
 * kind "invitation", "reminder" or "receipt", result "sent" or "failed",
 * message-id "-" where a line cut short was mended and its Message-ID
 * lost.  remind reads it to skip who was reminded lately or often enough,
 * to send a receipt once for the same answers (a receipt's Message-ID
 * holds a digest of the answers it speaks of: <stance-receipt.DIGEST.…>),
 * and threads a reminder under the invitation it logged;
 * collect --log reads it to know whose a reply is.
 */
#ifndef STANCE_SENTLOG_H
#define STANCE_SENTLOG_H

#include <stddef.h>

#include "buf.h"

enum sentlog_kind { SENTLOG_INVITATION, SENTLOG_REMINDER, SENTLOG_RECEIPT };

#define SENTLOG_ID_UNKNOWN "-"

struct sentlog_entry {
	long long time;			/* seconds since 1970 */
	const char *round, *participant;
	enum sentlog_kind kind;
	const char *message_id;		/* "<...@...>" */
	int sent;			/* 0: the hand-over failed */
};

/* Split and check line[0..len) in place; NULL, or what is wrong. */
const char *sentlog_parse(char *line, size_t len, struct sentlog_entry *e);
/* The line, with its newline. */
void sentlog_format(struct buf *out, const struct sentlog_entry *e);
const char *sentlog_kind_name(enum sentlog_kind kind);

#endif
