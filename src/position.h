/*
 * position: where a person stands on a continuum.
 *
 * A position is kept as an integer number of tenths, 0 to 1000, so that
 * "33.3" is exactly 333 and no statistic downstream meets binary
 * fractions.  POSITION_NONE stands for "-", no opinion.
 */
#ifndef STANCE_POSITION_H
#define STANCE_POSITION_H

#include <stddef.h>

#define POSITION_NONE	(-1)
#define POSITION_UNSET	(-2)	/* no answer (yet): neither a position nor "-" */
#define POSITION_MAX	1000	/* 100.0, in tenths */
#define POSITION_TEXT	6	/* room for "100.0" or "33.3" and a NUL */

/*
 * Parse a position as written in a response line: 0 to 100 with at most
 * one decimal ("33.3", "50", "50.0"), or "-".  Returns 0 and sets *tenths,
 * or -1 if s[0..n) is not a position.
 */
int position_parse(const char *s, size_t n, int *tenths);

/* The canonical text: no trailing ".0" ("50", "33.3", "100"), or "-". */
void position_format(int tenths, char out[POSITION_TEXT]);
/* The same for people to read: with a decimal comma in Dutch ("33,3"). */
void position_for_people(int tenths, char out[POSITION_TEXT]);

/* Where anchor i (1-based) of k sits: 100*(i-1)/(k-1), rounded to a tenth. */
int anchor_position(size_t k, size_t i);
/* The anchor of k nearest a point given in fortieths (quarter tenths,
 * as exact quartiles are), 1-based; a tie goes to the one nearer the
 * middle of the line, as profile edges do (aggregate's anchor column,
 * and recommend's camps). */
size_t anchor_nearest(size_t k, long long fortieths);

/*
 * Parse what a person answers to one continuum with k anchors:
 *   "2" or "2.5"    an anchor number 1..k, fractions in between;
 *   "40%", "33.3%"  a position (a decimal comma is accepted too);
 *   "-"             no opinion.
 * Returns NULL and sets *tenths, or a short reason the answer is wrong.
 */
const char *answer_parse(const char *s, size_t n, size_t k, int *tenths);

#endif
