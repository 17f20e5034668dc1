#include <stdint.h>
#include <string.h>

#include "lang.h"
#include "token.h"
#include "utf8.h"

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
		if (utf8_is_control(cp))
			return tr("contains a control character", "bevat een stuurteken");
		if (utf8_is_invisible(cp))
			return tr("contains an invisible or direction-changing character",
			    "bevat een onzichtbaar of richtingveranderend teken");
		i += len;
	}
	return NULL;
}


const char *
token_group_problem(const char *s, size_t n)
{
	if (n == 1 && s[0] == TOKEN_EVERYONE[0])
		return tr("is *, which stands for everyone in aggregate's output",
		    "is *, wat in de uitvoer van aggregate voor iedereen staat");
	return token_problem(s, n);
}
