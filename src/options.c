#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "lang.h"
#include "options.h"
#include "output.h"

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

void
option_usage(const char *usage)
{
	fputs(usage, stderr);
	exit(EXIT_TROUBLE);
}

void
option_help(const char *usage, const char *summary)
{
	fputs(usage, stdout);
	fputs(summary, stdout);
	exit(output_close_stdout() < 0 ? EXIT_TROUBLE : EXIT_OK);
}

void
option_version(void)
{
	printf("%s (stance) %s\n", diag_program, STANCE_VERSION);
	exit(output_close_stdout() < 0 ? EXIT_TROUBLE : EXIT_OK);
}
