/*
 * text: growing byte buffers, a line reader with no length limit, and the
 * checks on bytes that every format shares (UTF-8, tokens).
 */
#ifndef STANCE_TEXT_H
#define STANCE_TEXT_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* A growing buffer; data is always NUL-terminated once anything was added. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Make room for n more bytes (and a NUL) at data + len. */
void buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *bytes, size_t n);
void buf_addstr(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

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

/* Decode one UTF-8 sequence at s (n bytes left): its length, with the
 * code point in *cp, or 0 if the bytes are not well-formed UTF-8. */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Append code point cp (at most U+10FFFF) as UTF-8. */
void utf8_encode(struct buf *out, uint32_t cp);
/* Whether s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
int utf8_valid(const char *s, size_t n);
/* The number of characters in valid UTF-8, for laying out text. */
size_t utf8_width(const char *s, size_t n);

/* C0 and C1 control characters and DEL. */
int text_is_control(uint32_t cp);
/* Invisible and direction-changing format characters (U+200B, U+202E). */
int text_is_invisible(uint32_t cp);
/* Whether s[0..n) has a control character other than those in allowed
 * (such as "\t"); bytes that are not UTF-8 count as what they are. */
int text_has_control(const char *s, size_t n, const char *allowed);

/*
 * A token (round, participant, group, continuum): 1-64 bytes of UTF-8 with
 * no white space, no control characters and no invisible characters.  Returns NULL if s is one, else
 * what is wrong, in words for a diagnostic.
 */
#define TOKEN_MAX 64
const char *token_problem(const char *s, size_t n);

/*
 * Append s[0..n) for a diagnostic: valid UTF-8 as it is, but every
 * control character and every byte that is not UTF-8 as \xNN, and an
 * invisible character as <U+202E>, so that a message never carries raw
 * escape sequences or garbage to the terminal.
 */
void text_quote(struct buf *out, const char *s, size_t n);

/* Strip white space at both ends in place; returns the new start. */
char *trim(char *s);

#endif
