/*
 * ask: put the continua of a questionnaire to one person and write their
 * positions as response lines (stance-responses(5)).
 *
 * The answers come from arguments (continuum=answer), from standard input
 * when it is not a terminal (one answer per line, in questionnaire order),
 * or from the person at the terminal: a slider, or plain prompts.  In every
 * case nothing is written until all answers are there: complete or nothing.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ask.h"
#include "diag.h"
#include "form.h"
#include "lang.h"
#include "options.h"
#include "output.h"
#include "position.h"
#include "questionnaire.h"
#include "response.h"
#include "text.h"
#include "timestamp.h"

static const char usage_text[] =
    "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]\n"
    "           [-o file] [--plain] [continuum=answer ...]\n"
    "       ask [-L lang] [-q file] [-r round] [-p participant] [-g group] --form\n"
    "       ask [-L lang] [-q file] --print-questionnaire\n";

static void
help(void)
{
	option_help(usage_text, tr(
	    "\n"
	    "Put the questionnaire's continua to one person; write one response line\n"
	    "per continuum to standard output, or append them to a file.\n"
	    "\n"
	    "  -L lang       messages and default questionnaire in nl or en\n"
	    "  -q file       use this questionnaire instead of the embedded one\n"
	    "  -r round      the round (default: $STANCE_ROUND, else 1)\n"
	    "  -p participant  who answers (default: the login name)\n"
	    "  -g group      the participant's group (default: -, none)\n"
	    "  -o file       append the lines to file, locked, all or nothing\n"
	    "  --plain       line-by-line prompts instead of the slider\n"
	    "  --form        print a form to fill in and send back (see collect)\n"
	    "  --print-questionnaire  print the questionnaire, to copy and edit\n"
	    "\n"
	    "An answer is an anchor number (2, or 2.5 between anchors 2 and 3), a\n"
	    "percentage (40%), or - for no opinion; a note may follow after a space.\n"
	    "See ask(1).\n",
	    "\n"
	    "Leg de continua van de vragenlijst voor aan een persoon; schrijf een\n"
	    "antwoordregel per continuum naar standaarduitvoer, of voeg ze toe aan\n"
	    "een bestand.\n"
	    "\n"
	    "  -L taal       meldingen en standaardvragenlijst in nl of en\n"
	    "  -q bestand    gebruik deze vragenlijst in plaats van de ingebouwde\n"
	    "  -r ronde      de ronde (standaard: $STANCE_ROUND, anders 1)\n"
	    "  -p deelnemer  wie antwoordt (standaard: de loginnaam)\n"
	    "  -g groep      de groep van de deelnemer (standaard: -, geen)\n"
	    "  -o bestand    voeg de regels toe aan bestand, vergrendeld, alles of niets\n"
	    "  --plain       eenvoudige vragen regel per regel in plaats van de schuifbalk\n"
	    "  --form        toon een formulier om in te vullen en terug te sturen (zie collect)\n"
	    "  --print-questionnaire  toon de vragenlijst, om te kopieren en aan te passen\n"
	    "\n"
	    "Een antwoord is een ankernummer (2, of 2.5 tussen ankers 2 en 3), een\n"
	    "percentage (40%), of - voor geen mening; een notitie mag volgen na een spatie.\n"
	    "Zie ask(1).\n"));
}

static const char *
login_name(void)
{
	const char *name = getenv("LOGNAME");
	struct passwd *pw;

	if (name != NULL && *name != '\0')
		return name;
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_name;
	return NULL;
}

static void
token_check(const char *what_en, const char *what_nl, const char *value, const char *option)
{
	const char *why;

	if (value == NULL)
		diag_fatal(tr("no %s known; give one with %s", "geen %s gekend; geef er een met %s"),
		    tr(what_en, what_nl), option);
	if ((why = token_problem(value, strlen(value))) != NULL)
		diag_fatal(tr("%s '%s' %s; give another with %s",
		    "%s '%s' %s; geef een andere met %s"), tr(what_en, what_nl), value, why, option);
}

/* After the terminal is restored: die of the signal, as the shell expects. */
static void
die_of(int sig)
{
	diag_warn("%s", tr("interrupted; nothing written", "onderbroken; niets geschreven"));
	signal(sig, SIG_DFL);
	raise(sig);
	exit(128 + sig);
}

enum { OPT_PLAIN = 256, OPT_PRINT, OPT_VERSION, OPT_FORM };

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "form", no_argument, NULL, OPT_FORM },
		{ "help", no_argument, NULL, 'h' },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "print-questionnaire", no_argument, NULL, OPT_PRINT },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	const char *qfile = NULL, *round = NULL, *participant = NULL;
	const char *group = "-", *outfile = NULL, *term;
	int ch, plain = 0, print = 0, form = 0;
	struct questionnaire q;
	struct answer *answers;
	char now[TIMESTAMP_LEN + 1];
	struct buf out = { 0 };
	size_t i;
	int result = ASK_CONFIRMED, status = EXIT_OK;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	if ((round = getenv("STANCE_ROUND")) != NULL && *round == '\0')
		round = NULL;
	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(argc, argv, OPTIONS_PREFIX "L:g:ho:p:q:r:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); break;
		case 'g': group = optarg; break;
		case 'h': help(); break;
		case 'o': outfile = optarg; break;
		case 'p': participant = optarg; break;
		case 'q': qfile = optarg; break;
		case 'r': round = optarg; break;
		case OPT_FORM: form = 1; break;
		case OPT_PLAIN: plain = 1; break;
		case OPT_PRINT: print = 1; break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, argv, usage_text);
		}
	}
	argc -= optind;
	argv += optind;
	if ((print || form) && (argc > 0 || outfile != NULL || plain || (print && form)))
		option_usage(usage_text);
	/* Standard input cannot hold both the questionnaire and the answers. */
	if (qfile != NULL && strcmp(qfile, "-") == 0 && argc == 0 && !print && !form)
		diag_fatal("%s", tr("with -q -, give the answers as continuum=answer arguments",
		    "met -q -, geef de antwoorden als argumenten continuum=antwoord"));

	questionnaire_choose(&q, qfile);
	if (print) {
		if (questionnaire_write(&q, stdout) < 0 || output_close_stdout() < 0)
			status = EXIT_TROUBLE;
		questionnaire_free(&q);
		return status;
	}

	if (round == NULL)
		round = "1";
	if (participant == NULL)
		participant = login_name();
	token_check("round", "ronde", round, "-r");
	token_check("participant", "deelnemer", participant, "-p");
	token_check("group", "groep", group, "-g");
	if (form) {
		if (form_write(stdout, &q, round, participant, group) < 0 ||
		    output_close_stdout() < 0)
			status = EXIT_TROUBLE;
		questionnaire_free(&q);
		return status;
	}
	if (timestamp_now(now) < 0)
		diag_fatal(tr("STANCE_NOW='%s' is not a UTC time like 2026-11-25T09:30:00Z",
		    "STANCE_NOW='%s' is geen UTC-tijd zoals 2026-11-25T09:30:00Z"),
		    getenv("STANCE_NOW"));

	answers = xcalloc(q.ncontinua, sizeof(*answers));
	for (i = 0; i < q.ncontinua; i++)
		answers[i].position = ANSWER_UNSET;

	term = getenv("TERM");
	if (argc > 0) {
		if (answers_from_arguments(&q, answers, argc, argv) < 0)
			diag_fatal("%s", tr("nothing written", "niets geschreven"));
	} else if (!isatty(STDIN_FILENO)) {
		if (answers_from_lines(&q, answers, stdin, "<stdin>") < 0)
			diag_fatal("%s", tr("nothing written", "niets geschreven"));
	} else if (plain || term == NULL || strcmp(term, "dumb") == 0) {
		result = prompt_run(&q, answers, stdin, stderr);
	} else {
		/* The screen goes to the terminal itself, so that standard
		 * output can be redirected to collect the lines. */
		int tty = open("/dev/tty", O_RDWR | O_CLOEXEC);

		if (tty < 0)
			diag_fatal("/dev/tty: %s", strerror(errno));
		result = slider_run(&q, answers, tty);
		close(tty);
	}
	if (result == ASK_QUIT)
		diag_fatal("%s", tr("quit; nothing written", "gestopt; niets geschreven"));
	if (result > 0)
		die_of(result);
	if (answers_complete(&q, answers) < 0) {
		status = EXIT_TROUBLE;
		goto done;
	}

	for (i = 0; i < q.ncontinua; i++)
		response_format(&out, round, participant, group, q.continua[i].id,
		    answers[i].position, now, answers[i].note);
	if (outfile != NULL) {
		if (output_append(outfile, out.data, out.len) < 0)
			status = EXIT_TROUBLE;
	} else if (fwrite(out.data, 1, out.len, stdout) != out.len) {
		diag_warn(tr("write error on standard output: %s",
		    "schrijffout op standaarduitvoer: %s"), strerror(errno));
		status = EXIT_TROUBLE;
	}
	if (output_close_stdout() < 0)
		status = EXIT_TROUBLE;
done:
	for (i = 0; i < q.ncontinua; i++)
		free(answers[i].note);
	free(answers);
	buf_free(&out);
	questionnaire_free(&q);
	return status;
}
