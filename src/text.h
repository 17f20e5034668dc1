/*
 * text: quoting input for messages, and trimming blanks.
 */
#ifndef STANCE_TEXT_H
#define STANCE_TEXT_H

#include <stddef.h>

#include "buf.h"

/*
 * Append s[0..n) for a diagnostic: valid UTF-8 as it is, but every
 * control character and every byte that is not UTF-8 as \xNN, and an
 * invisible character as <U+202E>, so that a message never carries raw
 * escape sequences or garbage to the terminal.
 */
void text_quote(struct buf *out, const char *s, size_t n);

/*
 * A decimal number as stance's figures write them: an optional '-',
 * digits, and optionally '.' and digits; nothing else ("1e5", "+1",
 * ".5", "5." are not).  Returns 0 with *value, or -1.
 */
int text_decimal(const char *s, size_t n, double *value);

/* Strip white space at both ends in place; returns the new start. */
char *text_trim(char *s);

#endif
