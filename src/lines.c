#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "lines.h"

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

