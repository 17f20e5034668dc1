#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "wrap.h"

void
wrap_text(struct buf *out, const char *text, size_t width, size_t first, size_t indent)
{
	size_t column = first;
	const char *p = text;
	int words = 0;

	while (*p == ' ')
		p++;
	while (*p) {
		const char *word = p;
		size_t w;

		while (*p && *p != ' ')
			p++;
		w = utf8_width(word, (size_t)(p - word));
		if (words > 0 && column + 1 + w > width) {
			buf_addc(out, '\n');
			buf_printf(out, "%*s", (int)indent, "");
			column = indent;
		} else if (words > 0) {
			buf_addc(out, ' ');
			column++;
		}
		buf_add(out, word, (size_t)(p - word));
		column += w;
		words++;
		while (*p == ' ')
			p++;
	}
}
