#include <stdint.h>
#include <stdlib.h>
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

int
text_decimal(const char *s, size_t n, double *value)
{
	char copy[32], *end;
	size_t i = n > 0 && s[0] == '-', digits = 0, decimals = 0;

	while (i + digits < n && s[i + digits] >= '0' && s[i + digits] <= '9')
		digits++;
	if (digits == 0)
		return -1;
	i += digits;
	if (i < n) {
		if (s[i] != '.')
			return -1;
		while (i + 1 + decimals < n && s[i + 1 + decimals] >= '0' && s[i + 1 + decimals] <= '9')
			decimals++;
		if (decimals == 0 || i + 1 + decimals != n)
			return -1;
	}
	if (n >= sizeof(copy))
		return -1;
	memcpy(copy, s, n);
	copy[n] = '\0';
	*value = strtod(copy, &end);
	return *end == '\0' ? 0 : -1;
}
