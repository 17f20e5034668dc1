#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "lang.h"
#include "options.h"
#include "output.h"
#include "term.h"
#include "timestamp.h"

void
option_language(const char *arg, const char *usage)
{
	int language = lang_parse(arg);

	if (language < 0) {
		diag_warn(tr("unknown language '%s' (use nl or en)",
		    "onbekende taal '%s' (gebruik nl of en)"), arg);
		option_usage(usage);
	}
	lang_current = (enum lang)language;
}

void
option_trouble(int ch, char **argv, const char *usage)
{
	if (ch == ':')
		diag_warn(tr("option %s needs an argument", "optie %s heeft een argument nodig"),
		    argv[optind - 1]);
	else if (optopt != 0)
		diag_warn(tr("unknown option -%c", "onbekende optie -%c"), optopt);
	else
		diag_warn(tr("unknown option %s", "onbekende optie %s"), argv[optind - 1]);
	option_usage(usage);
}

/*
 * The synopsis in the language of messages: "usage:" is "gebruik:" in
 * Dutch, two letters longer, so the lines after it move along too.  The
 * synopsis itself (options, metavariables) matches the manual page.
 */
static void
usage_write(const char *usage, FILE *fp)
{
	const char *p = usage, *end;

	if (lang_current != LANG_NL) {
		fputs(usage, fp);
		return;
	}
	for (; *p; p = end) {
		end = strchr(p, '\n');
		end = end ? end + 1 : p + strlen(p);
		if (strncmp(p, "usage:", 6) == 0)
			fprintf(fp, "gebruik:%.*s", (int)(end - p - 6), p + 6);
		else if (strncmp(p, "       ", 7) == 0)
			fprintf(fp, "  %.*s", (int)(end - p), p);
		else
			fwrite(p, 1, (size_t)(end - p), fp);
	}
}

void
option_usage(const char *usage)
{
	usage_write(usage, stderr);
	exit(EXIT_TROUBLE);
}

void
option_help(const char *usage, const char *summary)
{
	usage_write(usage, stdout);
	fputs(summary, stdout);
	exit(output_close_stdout() < 0 ? EXIT_TROUBLE : EXIT_OK);
}

void
option_version(void)
{
	printf("%s (stance) %s\n", diag_program, STANCE_VERSION);
	exit(output_close_stdout() < 0 ? EXIT_TROUBLE : EXIT_OK);
}

long
option_number(const char *arg, long min, long max, const char *option, const char *usage)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || n < min || n > max) {
		diag_warn(tr("%s '%s' is not a whole number from %ld to %ld",
		    "%s '%s' is geen geheel getal van %ld tot %ld"), option, arg, min, max);
		option_usage(usage);
	}
	return n;
}

double
option_fraction(const char *arg, double min, double max, const char *option, const char *usage)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(arg, &end);
	if (errno != 0 || end == arg || *end != '\0' || !(x >= min && x <= max)) {
		diag_warn(tr("%s '%s' is not a number from %g to %g",
		    "%s '%s' is geen getal van %g tot %g"), option, arg, min, max);
		option_usage(usage);
	}
	return x;
}

size_t
option_width(const char *option, const char *usage)
{
	const char *columns = getenv("COLUMNS");
	size_t w;
	char *end;

	if (option != NULL)
		return (size_t)option_number(option, 20, 10000, "-w", usage);
	if (columns != NULL && *columns != '\0') {
		unsigned long n = strtoul(columns, &end, 10);

		if (*end == '\0' && n >= 20 && n <= 10000)
			return n;
		diag_warn(tr("COLUMNS='%s' is not a width from 20 to 10000; not used",
		    "COLUMNS='%s' is geen breedte van 20 tot 10000; niet gebruikt"), columns);
	}
	if ((w = terminal_width(STDOUT_FILENO)) >= 20)
		return w;
	return 80;
}

void
option_time(const char *arg, const char *option, long long *seconds, char *text)
{
	if (timestamp_parse(arg, seconds) < 0)
		diag_fatal(tr("%s '%s' is not a time like 2026-12-01T17:00:00Z, 2026-12-01T17:00+01:00 or 2026-12-01 17:00 (local time)",
		    "%s '%s' is geen tijd zoals 2026-12-01T17:00:00Z, 2026-12-01T17:00+01:00 of 2026-12-01 17:00 (lokale tijd)"),
		    option, arg);
	timestamp_from_seconds(*seconds, text);
}
