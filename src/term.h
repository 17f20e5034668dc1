/*
 * term: what the programs that talk to a person need of the terminal:
 * its size, whether to use colour and box-drawing characters, raw mode
 * that is restored on every exit and signal, waiting for a key or a
 * signal, and drawing a line with marks at positions (the slider; chart
 * will draw with it too).
 */
#ifndef STANCE_TERM_H
#define STANCE_TERM_H

#include <stddef.h>
#include <termios.h>

#include "buf.h"

struct term {
	int fd;
	struct termios saved;	/* the settings to restore */
	int width, height;
	int color;		/* not NO_COLOR */
	int utf8;		/* the locale says UTF-8: box-drawing characters */
};

/* The width of the terminal on fd in columns, or 0 if it is not a
 * terminal or does not say. */
size_t terminal_width(int fd);

/* Whether to use colour (NO_COLOR unset or empty) and UTF-8 (the locale). */
int term_wants_color(void);
int term_wants_utf8(void);

/*
 * Take the terminal on fd: raw mode, the alternate screen, no cursor,
 * bracketed paste; catch every signal that ends a program, so that the
 * caller restores the terminal before it dies of one (term_stopped()),
 * and restore it from the handler of a fault.  Returns 0, or -1 with
 * errno set.
 */
int term_open(struct term *t, int fd);
/* Give the terminal back as it was, and the signals their defaults. */
void term_close(struct term *t);
/* Ctrl-Z: give the terminal back, stop, and take it again on fg. */
int term_suspend(struct term *t);
void term_size(struct term *t);
void term_write(struct term *t, const char *s, size_t n);

/* Wait up to timeout ms (-1: for ever) for a byte: the byte, -2 if a
 * signal came, -1 at the end or on a timeout. */
int term_read_byte(struct term *t, int timeout);
/* What came by signal since the last call: a signal to die of (0 if
 * none), and whether to suspend or to redraw for a new size. */
int term_stopped(void);
int term_suspend_pending(void);
int term_resize_pending(void);

/* The column of position (tenths, 0-1000) on a line `length` wide. */
int term_column(int position, int length);
/*
 * Draw a line `length` wide into out: ticks at the given positions, and
 * a mark at each of marks (position < 0: none), in bold cyan where
 * colour is wanted.
 */
void term_line(struct buf *out, const struct term *t, int length, const int *ticks,
    size_t nticks, const int *marks, size_t nmarks);

#endif
