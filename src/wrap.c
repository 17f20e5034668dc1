#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "wrap.h"

/* The bytes of word[0..n) that fit in `room` columns: at least one
 * character, so that a line always moves on. */
static size_t
fitting(const char *word, size_t n, size_t room)
{
	size_t at = 0, used = 0, len, w;
	uint32_t cp;

	while (at < n) {
		if ((len = utf8_decode((const unsigned char *)word + at, n - at, &cp)) == 0)
			len = 1;
		w = utf8_width(word + at, len);
		if (at > 0 && used + w > room)
			break;
		used += w;
		at += len;
	}
	return at;
}

static void
new_line(struct buf *out, size_t indent, size_t *column)
{
	buf_addc(out, '\n');
	buf_printf(out, "%*s", (int)indent, "");
	*column = indent;
}

static void
wrap(struct buf *out, const char *text, size_t width, size_t first, size_t indent, int cut)
{
	size_t column = first;
	const char *p = text;
	int words = 0;

	while (*p == ' ')
		p++;
	while (*p) {
		const char *word = p;
		size_t w, n;

		while (*p && *p != ' ')
			p++;
		n = (size_t)(p - word);
		w = utf8_width(word, n);
		if (words > 0 && column + 1 + w > width)
			new_line(out, indent, &column);
		else if (words > 0) {
			buf_addc(out, ' ');
			column++;
		}
		/* Too wide for any line: in pieces that fill each line. */
		while (cut && column + w > width && n > 0) {
			size_t piece = fitting(word, n, width > column ? width - column : 0);

			buf_add(out, word, piece);
			word += piece;
			n -= piece;
			w = utf8_width(word, n);
			if (n > 0)
				new_line(out, indent, &column);
		}
		buf_add(out, word, n);
		column += w;
		words++;
		while (*p == ' ')
			p++;
	}
}

void
wrap_text(struct buf *out, const char *text, size_t width, size_t first, size_t indent)
{
	wrap(out, text, width, first, indent, 0);
}

void
wrap_text_cut(struct buf *out, const char *text, size_t width, size_t first, size_t indent)
{
	wrap(out, text, width, first, indent, 1);
}
