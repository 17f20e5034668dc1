/*
 * response: one answer per line, the format of stance-responses(5):
 *
 *   round TAB participant TAB group TAB continuum TAB position TAB time TAB note
 *
 * Parsing works in place: the fields point into the caller's line, which
 * keeps readers of millions of lines free of copies.
 */
#ifndef STANCE_RESPONSE_H
#define STANCE_RESPONSE_H

#include <stddef.h>

#include "buf.h"

#define RESPONSE_FIELDS 7

struct response {
	const char *round;
	const char *participant;
	const char *group;	/* "-" for none */
	const char *continuum;
	int position;		/* tenths, POSITION_NONE */
	const char *time;
	const char *note;	/* still escaped, as in the line */
	size_t note_len;
	/* The lengths of the tokens, which readers of millions of lines
	 * need and should not count again. */
	size_t round_len, participant_len, group_len, continuum_len;
	/* How many leading fields (round, participant, ...) are byte for
	 * byte those of the line response_parse() accepted before: a reader
	 * that kept them need not compare them again. */
	size_t same_as_before;
};

/*
 * Split and check line[0..len) (its newline already removed).  Returns
 * NULL and fills *r, or what is wrong with the line, in words for a
 * diagnostic (valid until the next call), with the line left as it was.
 * Whether the continuum exists
 * is for the caller to check against its questionnaire.
 */
const char *response_parse(char *line, size_t len, struct response *r);
/* The same, every field checked as if no line came before, and the
 * line before still kept: the fuzz harness compares the two ways. */
const char *response_parse_whole(char *line, size_t len, struct response *r);

/* Append one complete response line, newline included: the fields of r
 * (r->note is not used) and note, unescaped (NULL for none). */
void response_format(struct buf *out, const struct response *r, const char *note);

/* Escape a note for a response line: backslash, tab, newline, CR. */
void note_escape(struct buf *out, const char *s, size_t n);
/* Undo note_escape; returns -1 on an escape the format does not know. */
int note_unescape(struct buf *out, const char *s, size_t n);
/* Whether a note (unescaped) can be written: UTF-8 without control
 * characters other than tab, newline and carriage return. */
const char *note_problem(const char *s, size_t n);

#endif
