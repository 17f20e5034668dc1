/*
 * lines: reading input line by line, with no length limit.
 */
#ifndef STANCE_LINES_H
#define STANCE_LINES_H

#include <stdio.h>
#include <sys/types.h>

/*
 * A line reader.  lines_next() returns the length of the next line with
 * its "\n" (and a "\r" before it) removed, or -1 at the end or on a read
 * error (tell them apart with lines_error()).  The line is NUL-terminated
 * in place and may be changed there until the next call; it may itself
 * contain NUL bytes, which the caller must check.  A UTF-8 byte-order mark
 * at the start of the input is skipped.
 * `name` is what diagnostics call the input: the path, or "<stdin>".
 */
struct lines {
	FILE *fp;
	const char *name;
	unsigned long number;
	char *line;		/* the current line, inside buf */
	char *buf;		/* read in large blocks: no call per line */
	size_t start, end, cap;
	int eof;
	int unterminated;	/* the last line read had no final newline */
	int crlf;		/* the last line read ended in CR LF */
	int owned;		/* fp was opened by lines_open */
};

/* "-" means standard input.  Returns 0, or -1 with errno set. */
int lines_open(struct lines *in, const char *path);
void lines_from(struct lines *in, FILE *fp, const char *name);
ssize_t lines_next(struct lines *in);
int lines_error(const struct lines *in);
void lines_close(struct lines *in);

#endif
