/*
 * buf: growing byte buffers, always NUL-terminated.
 */
#ifndef STANCE_BUF_H
#define STANCE_BUF_H

#include <stdarg.h>
#include <stddef.h>

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

#endif
