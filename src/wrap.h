/*
 * wrap: word-wrapping for everything a person reads (the slider, the
 * prompts, the form), by display width in UTF-8, so that wrapped lines
 * keep their indent.
 */
#ifndef STANCE_WRAP_H
#define STANCE_WRAP_H

#include <stddef.h>

#include "buf.h"

/*
 * Append text to out, words separated by single spaces, breaking before
 * a word that would pass column `width`.  The current line of out already
 * holds `first` columns; every further line starts with `indent` spaces.
 * A word wider than the room stands alone on its line.  No newline is
 * added after the last line.
 */
void wrap_text(struct buf *out, const char *text, size_t width, size_t first, size_t indent);

/* The same, but a word wider than the room is cut where the line ends
 * (an id of 64 bytes in a chart 20 columns wide): for text whose lines
 * must never pass `width`, where no one reads the words back. */
void wrap_text_cut(struct buf *out, const char *text, size_t width, size_t first, size_t indent);

#endif
