#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "utf8.h"

void
text_quote(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_decode(p + i, n - i, &cp);
		if (len == 0 || utf8_is_control(cp)) {
			size_t j, bytes = len ? len : 1;

			for (j = 0; j < bytes; j++)
				buf_printf(out, "\\x%02x", p[i + j]);
			i += bytes;
			continue;
		}
		if (utf8_is_invisible(cp)) {
			buf_printf(out, "<U+%04X>", (unsigned)cp);
			i += len;
			continue;
		}
		buf_add(out, p + i, len);
		i += len;
	}
}

char *
text_trim(char *s)
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
