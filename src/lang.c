#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"

enum lang lang_current = LANG_EN;

static const struct {
	const char *name;
	enum lang lang;
} languages[] = {
	{ "en", LANG_EN },
	{ "nl", LANG_NL },
};

int
lang_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(languages) / sizeof(languages[0]); i++) {
		const char *n = languages[i].name;

		if (tolower((unsigned char)name[0]) == n[0] &&
		    tolower((unsigned char)name[1]) == n[1] &&
		    (name[2] == '\0' || name[2] == '_' || name[2] == '-' ||
		    name[2] == '.' || name[2] == '@'))
			return (int)languages[i].lang;
	}
	return -1;
}

enum lang
lang_from_environment(void)
{
	static const char *const variables[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	size_t i;

	for (i = 0; i < sizeof(variables) / sizeof(variables[0]); i++) {
		const char *value = getenv(variables[i]);

		if (value != NULL && *value != '\0')
			return strncmp(value, "nl", 2) == 0 ? LANG_NL : LANG_EN;
	}
	return LANG_EN;
}

const char *
lang_name(enum lang lang)
{
	return lang == LANG_NL ? "nl" : "en";
}

const char *
tr(const char *english, const char *dutch)
{
	return lang_current == LANG_NL ? dutch : english;
}
