/*
 * utf8: decoding and checking UTF-8, and the characters that must not
 * reach a terminal or an id.
 */
#ifndef STANCE_UTF8_H
#define STANCE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

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
int utf8_is_control(uint32_t cp);
/* Invisible and direction-changing format characters (U+200B, U+202E). */
int utf8_is_invisible(uint32_t cp);
/* Whether s[0..n), valid UTF-8, has a character that changes the
 * direction of the text around it (U+202E, U+2066 and the like): shown
 * in a form, a chart or a mail, it makes text read as something else. */
int utf8_has_bidi_control(const char *s, size_t n);
/* Whether s[0..n) has a control character other than those in allowed
 * (such as "\t"); bytes that are not UTF-8 count as what they are. */
int utf8_has_control(const char *s, size_t n, const char *allowed);

#endif
