/*
 * fields: the tab-separated line formats (stance-responses(5),
 * stance-roster(5)), described by a table of columns: splitting a line,
 * and saying what is wrong with it, the same way for every format.
 */
#ifndef STANCE_FIELDS_H
#define STANCE_FIELDS_H

#include <stddef.h>

#include "buf.h"

#define FIELDS_MAX 8	/* the most columns a format has */

/* A column: its name in messages, and its check, which returns 0, or -1
 * with the whole message in *why (fields_say() writes the usual one). */
struct fields_column {
	const char *en, *nl;
	int (*check)(const struct fields_column *column, const char *s, size_t n,
	    struct buf *why);
	const char *(*problem)(const char *s, size_t n);	/* for fields_check_problem */
	size_t index;		/* its place, for a check that keeps state per column */
};

/*
 * The last line that passed, for a format whose lines mostly repeat the
 * line before's first fields (one person's answers, given together): a
 * field that is byte for byte the same, tab included, is neither split
 * nor checked again.  For a format whose checks depend on nothing but
 * the field's text (a check with state must keep it for the same text).
 */
struct fields_cache {
	struct buf line;		/* its bytes, tabs and all */
	size_t end[FIELDS_MAX];		/* where each field ends */
	int valid;
	size_t shared;			/* of the line just parsed: how many
					 * leading fields were the last one's */
};

struct fields_format {
	const char *line_en, *line_nl;	/* "a response line", for "not a response line" */
	int names_in_count;		/* list the column names in a count message */
	const struct fields_column *columns;
	size_t ncolumns;
	struct fields_cache *cache;	/* or NULL */
};

/*
 * Split line[0..len) at its tabs in place, each field NUL-terminated, and
 * check every column in order.  Returns NULL with field[] and flen[] set,
 * or what is wrong, in words for a diagnostic, valid until the next call;
 * the line is then as it was, for passing on unchanged.
 */
const char *fields_parse(const struct fields_format *f, char *line, size_t len,
    char *field[FIELDS_MAX], size_t flen[FIELDS_MAX]);

/* The usual message: "participant 'an n' contains white space". */
void fields_say(struct buf *why, const struct fields_column *column, const char *s, size_t n,
    const char *what);
/* A check that uses column->problem and says the usual message. */
int fields_check_problem(const struct fields_column *column, const char *s, size_t n,
    struct buf *why);

/* Split line[0..len) at every tab in place, each field NUL-terminated,
 * for a line whose columns a header names (aggregate's rows): returns the
 * number of fields, of which the first max are kept in field[]. */
size_t fields_split(char *line, size_t len, char **field, size_t *flen, size_t max);

/* Put back the tabs fields_parse() cut a line at. */
void fields_unsplit(char *line, size_t len);

#endif
