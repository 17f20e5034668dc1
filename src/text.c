#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "lang.h"
#include "text.h"

void
buf_reserve(struct buf *b, size_t more)
{
	size_t want;

	if (more > SIZE_MAX - b->len - 1)
		diag_fatal("%s", tr("out of memory", "onvoldoende geheugen"));
	want = b->len + more + 1;
	if (want <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < want)
		b->cap = b->cap > SIZE_MAX / 2 ? want : b->cap * 2;
	b->data = xreallocarray(b->data, b->cap, 1);
}

void
buf_add(struct buf *b, const void *bytes, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		diag_fatal("%s", tr("cannot format a message", "kan een bericht niet opmaken"));
	buf_reserve(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

int
lines_open(struct lines *in, const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0) {
		lines_from(in, stdin, "<stdin>");
		return 0;
	}
	if ((fp = fopen(path, "r")) == NULL)
		return -1;
	lines_from(in, fp, path);
	in->owned = 1;
	return 0;
}

void
lines_from(struct lines *in, FILE *fp, const char *name)
{
	memset(in, 0, sizeof(*in));
	in->fp = fp;
	in->name = name;
}

ssize_t
lines_next(struct lines *in)
{
	char *newline;
	size_t n, got;

	for (;;) {
		newline = in->end > in->start ?
		    memchr(in->buf + in->start, '\n', in->end - in->start) : NULL;
		if (newline != NULL) {
			in->line = in->buf + in->start;
			n = (size_t)(newline - in->line);
			in->start += n + 1;
			in->unterminated = 0;
			break;
		}
		if (in->eof) {
			if (in->start == in->end)
				return -1;
			in->line = in->buf + in->start;
			n = in->end - in->start;
			in->start = in->end;
			in->unterminated = 1;
			break;
		}
		/* Keep the partial line, make room, read the next block. */
		if (in->start > 0) {
			memmove(in->buf, in->buf + in->start, in->end - in->start);
			in->end -= in->start;
			in->start = 0;
		}
		if (in->cap - in->end < 2) {
			in->cap = in->cap ? in->cap * 2 : 1 << 16;
			in->buf = xreallocarray(in->buf, in->cap, 1);
		}
		/* One byte is kept free for the NUL after an unterminated line. */
		got = fread(in->buf + in->end, 1, in->cap - in->end - 1, in->fp);
		if (got == 0)
			in->eof = 1;
		in->end += got;
	}
	in->number++;
	in->crlf = 0;
	/* A byte-order mark, as Windows editors write, is not content. */
	if (in->number == 1 && n >= 3 && memcmp(in->line, "\xef\xbb\xbf", 3) == 0) {
		in->line += 3;
		n -= 3;
	}
	/* CRLF endings: files written on or mailed through Windows. */
	if (!in->unterminated && n > 0 && in->line[n - 1] == '\r') {
		n--;
		in->crlf = 1;
	}
	in->line[n] = '\0';
	return (ssize_t)n;
}

int
lines_error(const struct lines *in)
{
	return ferror(in->fp);
}

void
lines_close(struct lines *in)
{
	if (in->owned)
		fclose(in->fp);
	free(in->buf);
	in->buf = in->line = NULL;
	in->cap = in->start = in->end = 0;
}

/*
 * Decode one UTF-8 sequence at s (n bytes left).  Returns its length and
 * stores the code point, or returns 0 if the bytes are not well-formed.
 */
size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0];
	size_t len, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, c &= 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates, and beyond U+10FFFF are not UTF-8. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return len;
}

void
utf8_encode(struct buf *out, uint32_t cp)
{
	if (cp < 0x80) {
		buf_addc(out, (char)cp);
	} else if (cp < 0x800) {
		buf_addc(out, (char)(0xc0 | cp >> 6));
		buf_addc(out, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(out, (char)(0xe0 | cp >> 12));
		buf_addc(out, (char)(0x80 | (cp >> 6 & 0x3f)));
		buf_addc(out, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(out, (char)(0xf0 | cp >> 18));
		buf_addc(out, (char)(0x80 | (cp >> 12 & 0x3f)));
		buf_addc(out, (char)(0x80 | (cp >> 6 & 0x3f)));
		buf_addc(out, (char)(0x80 | (cp & 0x3f)));
	}
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			return 0;
		i += len;
	}
	return 1;
}

size_t
utf8_width(const char *s, size_t n)
{
	size_t i, width = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			width++;
	return width;
}

int
text_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

/* Format characters (Unicode's Cf) that show nothing or turn the text
 * around: in a name they make two look alike ("ann" and "ann\u200b"),
 * and on a terminal they reorder what follows (U+202E). */
int
text_is_invisible(uint32_t cp)
{
	static const struct { uint32_t low, high; } ranges[] = {
		{ 0x00ad, 0x00ad }, { 0x061c, 0x061c }, { 0x180e, 0x180e },
		{ 0x200b, 0x200f }, { 0x202a, 0x202e }, { 0x2060, 0x2064 },
		{ 0x2066, 0x206f }, { 0xfeff, 0xfeff }, { 0xfff9, 0xfffb },
		{ 0x1d173, 0x1d17a }, { 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f },
	};
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (cp >= ranges[i].low && cp <= ranges[i].high)
			return 1;
	return 0;
}

int
text_has_control(const char *s, size_t n, const char *allowed)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			len = 1, cp = p[i];
		if (text_is_control(cp) && (cp == 0 || cp >= 0x80 || strchr(allowed, (int)cp) == NULL))
			return 1;
		i += len;
	}
	return 0;
}

/* White space beyond ASCII, which would make a token look like two. */
static int
is_unicode_space(uint32_t cp)
{
	return cp == 0x85 || cp == 0xa0 || cp == 0x1680 ||
	    (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

const char *
token_problem(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	if (n == 0)
		return tr("is empty", "is leeg");
	if (n > TOKEN_MAX)
		return tr("is longer than 64 bytes", "is langer dan 64 bytes");
	/* Most tokens are printable ASCII: settle those in one pass. */
	while (i < n && p[i] > ' ' && p[i] < 0x7f)
		i++;
	while (i < n) {
		if ((len = utf8_decode(p + i, n - i, &cp)) == 0)
			return tr("is not valid UTF-8", "is geen geldige UTF-8");
		if (cp == ' ' || cp == '\t' || is_unicode_space(cp))
			return tr("contains white space", "bevat witruimte");
		if (text_is_control(cp))
			return tr("contains a control character", "bevat een stuurteken");
		if (text_is_invisible(cp))
			return tr("contains an invisible or direction-changing character",
			    "bevat een onzichtbaar of richtingveranderend teken");
		i += len;
	}
	return NULL;
}

void
text_quote(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_decode(p + i, n - i, &cp);
		if (len == 0 || text_is_control(cp)) {
			size_t j, bytes = len ? len : 1;

			for (j = 0; j < bytes; j++)
				buf_printf(out, "\\x%02x", p[i + j]);
			i += bytes;
			continue;
		}
		if (text_is_invisible(cp)) {
			buf_printf(out, "<U+%04X>", (unsigned)cp);
			i += len;
			continue;
		}
		buf_add(out, p + i, len);
		i += len;
	}
}

char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*end = '\0';
	return s;
}
