#include <ctype.h>
#include <errno.h>
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

/*
 * The system's words for an error, in the language of the messages:
 * strerror speaks the C locale's English, which stance never leaves, so
 * a Dutch message would end in English.  The errors a user meets, as
 * glibc's Dutch translation words them; any other in English.
 */
static const struct {
	int number;
	const char *dutch;
} errors_nl[] = {
	{ EPERM, "Bewerking is niet toegestaan" },
	{ ENOENT, "Bestand of map bestaat niet" },
	{ EIO, "Invoer/uitvoer-fout" },
	{ EBADF, "Ongeldige bestandsdescriptor" },
	{ ENOMEM, "Onvoldoende geheugen beschikbaar" },
	{ EACCES, "Toegang geweigerd" },
	{ EEXIST, "Bestand bestaat al" },
	{ ENOTDIR, "Is geen map" },
	{ EISDIR, "Is een map" },
	{ EINVAL, "Ongeldig argument" },
	{ EMFILE, "Te veel open bestanden" },
	{ EFBIG, "Bestand is te groot" },
	{ ENOSPC, "Geen ruimte meer over op apparaat" },
	{ EROFS, "Bestandssysteem is alleen-lezen" },
	{ EPIPE, "Gebroken pijp" },
	{ ENAMETOOLONG, "Bestandsnaam is te lang" },
	{ ELOOP, "Te veel niveaus van symbolische koppelingen" },
	{ EDQUOT, "Schijfquotum overschreden" },
};

const char *
lang_strerror(int number)
{
	size_t i;

	for (i = 0; lang_current == LANG_NL && i < sizeof(errors_nl) / sizeof(errors_nl[0]); i++)
		if (errors_nl[i].number == number)
			return errors_nl[i].dutch;
	return strerror(number);
}
