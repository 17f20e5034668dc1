/*
 * ask: put the continua of a questionnaire to one person and write their
 * positions as response lines (stance-responses(5)).
 *
 * The answers come from arguments (continuum=answer), from standard input
 * when it is not a terminal (one answer per line, in questionnaire order),
 * or from the person at the terminal: a slider, or plain prompts.  In every
 * case nothing is written until all answers are there: complete or nothing.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "form.h"
#include "key.h"
#include "lang.h"
#include "lines.h"
#include "options.h"
#include "output.h"
#include "position.h"
#include "prompt.h"
#include "qr.h"
#include "questionnaire.h"
#include "reasons.h"
#include "response.h"
#include "slider.h"
#include "timestamp.h"
#include "token.h"
#include "meeting.h"
#include "web.h"

static const char usage_text[] =
    "usage: ask [-L lang] [-q file] [-r round] [-p participant] [-g group]\n"
    "           [-o file] [--plain] [--feedback file] [--previous file]\n"
    "           [--reasons file] [continuum=answer ...]\n"
    "       ask [-L lang] [-q file] [-r round] [-p participant] [-g group]\n"
    "           [--feedback file] [--previous file] [--reasons file] [--key file]\n"
    "           --form\n"
    "       ask [-L lang] [-q file] [-r round] [-g group] [--until time]\n"
    "           [--feedback file] [--previous file] [--reasons file]\n"
    "           [--meeting anonymous|named] [--url address] --key file -o file --web\n"
    "       ask [-L lang] [-q file] --print-questionnaire\n"
    "       ask --qr address\n";

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
	    "  --key file    sign the form with this secret key (else $STANCE_KEY_FILE)\n"
	    "  --feedback file  show where the group stood: aggregate's last round\n"
	    "  --previous file  and the person's own answers of the round before\n"
	    "  --reasons file   and a few reasons of each camp (collect --reasons, edited)\n"
	    "  --web         answer a web request, as a CGI program (see ask(1), WEB)\n"
	    "  --until time  with --web: after this time the page records nothing\n"
	    "  --meeting how with --web: a live meeting, anonymous or named, its results\n"
	    "  --url address with --meeting: the address shown, and its QR code\n"
	    "  --print-questionnaire  print the questionnaire, to copy and edit\n"
	    "  --qr address  print a QR code of the address as SVG, for a slide\n"
	    "\n"
	    "An answer is an anchor number (2, or 2.5 between anchors 2 and 3), a\n"
	    "percentage (40%), or - for no opinion; a note may follow after a space.\n"
	    "See ask(1).\n",
	    "\n"
	    "Leg de continua van de vragenlijst voor aan één persoon; schrijf één\n"
	    "antwoordregel per continuum naar standaarduitvoer, of voeg ze toe aan\n"
	    "een bestand.\n"
	    "\n"
	    "  -L taal       meldingen en standaardvragenlijst in nl of en\n"
	    "  -q bestand    gebruik deze vragenlijst in plaats van de ingebouwde\n"
	    "  -r ronde      de ronde (standaard: $STANCE_ROUND, anders 1)\n"
	    "  -p deelnemer  wie antwoordt (standaard: de loginnaam)\n"
	    "  -g groep      de groep van de deelnemer (standaard: -, geen)\n"
	    "  -o bestand    voeg de regels toe aan bestand, vergrendeld, alles of niets\n"
	    "  --plain       eenvoudige vragen regel per regel in plaats van de schuifregelaar\n"
	    "  --form        toon een formulier om in te vullen en terug te sturen (zie collect)\n"
	    "  --feedback bestand  toon waar de groep stond: de vorige ronde van aggregate\n"
	    "  --previous bestand  en de eigen antwoorden van de vorige ronde\n"
	    "  --reasons bestand   en enkele redenen van elk kamp (collect --reasons, nagelezen)\n"
	    "  --web         beantwoord een webverzoek, als CGI-programma (zie ask(1), WEB)\n"
	    "  --until tijd  met --web: na deze tijd bewaart de pagina niets meer\n"
	    "  --meeting hoe met --web: een bijeenkomst, anoniem (anonymous) of met naam (named)\n"
	    "  --url adres   met --meeting: het getoonde adres, en zijn QR-code\n"
	    "  --print-questionnaire  toon de vragenlijst, om te kopiëren en aan te passen\n"
	    "  --qr adres    toon een QR-code van het adres als SVG, voor een dia\n"
	    "\n"
	    "Een antwoord is een uitspraaknummer (2, of 2,5 tussen uitspraken 2 en 3), een\n"
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
token_check(const char *what_en, const char *what_nl, const char *value, const char *option,
    const char *(*problem)(const char *, size_t))
{
	const char *why;

	if (value == NULL)
		diag_fatal(tr("no %s known; give one with %s", "geen %s gekend; geef er één met %s"),
		    tr(what_en, what_nl), option);
	if ((why = problem(value, strlen(value))) != NULL)
		diag_fatal(tr("%s '%s' %s; give another with %s",
		    "%s '%s' %s; kies een andere naam met %s"), tr(what_en, what_nl), value, why, option);
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

enum {
	OPT_PLAIN = 256, OPT_PRINT, OPT_VERSION, OPT_FORM, OPT_FEEDBACK, OPT_PREVIOUS, OPT_KEY,
	OPT_WEB, OPT_UNTIL, OPT_QR, OPT_MEETING, OPT_URL, OPT_REASONS
};

/* What the command line asks for. */
struct ask {
	const char *qfile, *outfile;
	const char *feedback_file, *previous_file;	/* --feedback, --previous */
	const char *reasons_file;	/* --reasons */
	struct reasons reasons;
	const char *key_file;		/* --key */
	const char *qr;			/* --qr */
	const char *meeting;		/* --meeting: anonymous or named */
	const char *url;		/* --url: the meeting's address */
	const char *self;		/* argv[0] */
	int feedback_bad;	/* bad lines in --feedback or --previous were reported */
	struct respondent who;
	int plain, print, form, web;
	long long until;	/* --until, or LLONG_MAX */
	char until_text[TIMESTAMP_LEN + 1];
	int argc;		/* continuum=answer arguments */
	char **argv;
	struct questionnaire q;
};

static void
options(struct ask *a, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "feedback", required_argument, NULL, OPT_FEEDBACK },
		{ "form", no_argument, NULL, OPT_FORM },
		{ "help", no_argument, NULL, 'h' },
		{ "key", required_argument, NULL, OPT_KEY },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "previous", required_argument, NULL, OPT_PREVIOUS },
		{ "meeting", required_argument, NULL, OPT_MEETING },
		{ "print-questionnaire", no_argument, NULL, OPT_PRINT },
		{ "qr", required_argument, NULL, OPT_QR },
		{ "reasons", required_argument, NULL, OPT_REASONS },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "url", required_argument, NULL, OPT_URL },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "web", no_argument, NULL, OPT_WEB },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(a, 0, sizeof(*a));
	a->who.group = "-";
	a->until = LLONG_MAX;
	if ((a->who.round = getenv("STANCE_ROUND")) != NULL && *a->who.round == '\0')
		a->who.round = NULL;
	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(argc, argv, OPTIONS_PREFIX "L:g:ho:p:q:r:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); break;
		case 'g': a->who.group = optarg; break;
		case 'h': help(); break;
		case 'o': a->outfile = optarg; break;
		case 'p': a->who.participant = optarg; break;
		case 'q': a->qfile = optarg; break;
		case 'r': a->who.round = optarg; break;
		case OPT_FEEDBACK: a->feedback_file = optarg; break;
		case OPT_FORM: a->form = 1; break;
		case OPT_KEY: a->key_file = optarg; break;
		case OPT_PREVIOUS: a->previous_file = optarg; break;
		case OPT_PLAIN: a->plain = 1; break;
		case OPT_PRINT: a->print = 1; break;
		case OPT_UNTIL: option_time(optarg, "--until", &a->until, a->until_text); break;
		case OPT_WEB: a->web = 1; break;
		case OPT_QR: a->qr = optarg; break;
		case OPT_REASONS: a->reasons_file = optarg; break;
		case OPT_MEETING: a->meeting = optarg; break;
		case OPT_URL: a->url = optarg; break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, argv, usage_text);
		}
	}
	a->argc = argc - optind;
	a->argv = argv + optind;
	if (a->qr != NULL && argc != 3)
		option_usage(usage_text);
	/* The reasons are shown with last round's figures. */
	if (a->reasons_file != NULL && a->feedback_file == NULL)
		option_usage(usage_text);
	if (a->qr != NULL)
		return;
	/* The web face: a signed round, answers into a file, nothing else. */
	if (a->web && (a->print || a->form || a->plain || a->argc > 0 || a->outfile == NULL ||
	    a->key_file == NULL || a->who.participant != NULL))
		option_usage(usage_text);
	if (!a->web && (a->until != LLONG_MAX || a->meeting != NULL || a->url != NULL))
		option_usage(usage_text);
	/* A meeting's address names no round: -r does. */
	if (a->meeting != NULL && (a->who.round == NULL ||
	    (strcmp(a->meeting, "anonymous") != 0 && strcmp(a->meeting, "named") != 0)))
		option_usage(usage_text);
	if (a->web)
		return;
	if ((a->print || a->form) && (a->argc > 0 || a->outfile != NULL || a->plain ||
	    (a->print && a->form)))
		option_usage(usage_text);
	if (a->key_file != NULL && !a->form && !a->web)
		option_usage(usage_text);
	/* Standard input cannot hold both the questionnaire and the answers. */
	if (a->qfile != NULL && strcmp(a->qfile, "-") == 0 && a->argc == 0 && !a->print && !a->form)
		diag_fatal("%s", tr("with -q -, give the answers as continuum=answer arguments",
		    "met -q -, geef de antwoorden als argumenten continuum=antwoord"));
	if (a->print)
		return;
	if (a->who.round == NULL)
		a->who.round = "1";
	if (a->who.participant == NULL)
		a->who.participant = login_name();
	token_check("round", "ronde", a->who.round, "-r", token_problem);
	token_check("participant", "deelnemer", a->who.participant, "-p", token_problem);
	token_check("group", "groep", a->who.group, "-g", token_group_problem);
}

/*
 * How many answers of this participant in this round the -o file holds
 * already, and the time of the last; 0 if none or no file.  Read under
 * the shared lock, like collect.
 */
static size_t
earlier_answers(const struct ask *a, char last[TIMESTAMP_LEN + 1])
{
	struct response r;
	struct lines in;
	struct stat st;
	size_t count = 0;
	ssize_t n;
	FILE *fp;
	int fd;

	*last = '\0';
	/* Not a FIFO or a device, which output_append() refuses anyway:
	 * opening one to read could wait for ever. */
	if (a->outfile == NULL ||
	    (fd = open(a->outfile, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0)
		return 0;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		return 0;
	}
	lines_from(&in, fp, a->outfile);
	while (flock(fd, LOCK_SH) < 0 && errno == EINTR)
		;
	while ((n = lines_next(&in)) >= 0) {
		if (response_parse(in.line, (size_t)n, &r) != NULL ||
		    strcmp(r.round, a->who.round) != 0 ||
		    strcmp(r.participant, a->who.participant) != 0)
			continue;
		count++;
		if (strcmp(r.time, last) > 0)
			memcpy(last, r.time, TIMESTAMP_LEN + 1);
	}
	lines_close(&in);
	fclose(fp);
	return count;
}

/*
 * A forgotten -p makes everyone at a shared terminal the same login name,
 * each superseding the last: say so before asking.  At a terminal the
 * person confirms; a script is warned and goes on.
 */
static void
check_earlier_answers(const struct ask *a, int interactive)
{
	char last[TIMESTAMP_LEN + 1];
	size_t count = earlier_answers(a, last);
	char *line = NULL;
	size_t cap = 0;
	int yes;

	if (count == 0)
		return;
	if (!interactive) {
		diag_warn(tr("%s already holds %zu answers of %s in round %s (the last at %s); these replace them",
		    "%s bevat al %zu antwoorden van %s in ronde %s (de laatste om %s); deze vervangen ze"),
		    a->outfile, count, a->who.participant, a->who.round, last);
		return;
	}
	fprintf(stderr, tr("%s already holds %zu answers of %s in round %s (the last at %s).\n"
	    "Answer again as %s, replacing them? (if you are someone else, give your name with -p) [y/N] ",
	    "%s bevat al %zu antwoorden van %s in ronde %s (de laatste om %s).\n"
	    "Opnieuw antwoorden als %s, en ze vervangen? (ben je iemand anders, geef dan je naam met -p) [j/N] "),
	    a->outfile, count, a->who.participant, a->who.round, last, a->who.participant);
	fflush(stderr);
	yes = getline(&line, &cap, stdin) > 0 && strchr("yYjJ", line[0]) != NULL &&
	    (line[1] == '\n' || line[1] == '\0');
	free(line);
	if (!yes)
		diag_fatal("%s", tr("nothing asked, nothing written", "niets gevraagd, niets geschreven"));
}

/* Ask the person at the terminal; returns what the session ended with. */
static int
answers_from_person(struct ask *a, struct answer *answers)
{
	const char *term = getenv("TERM");
	int tty, result;

	if (a->plain || term == NULL || strcmp(term, "dumb") == 0)
		return prompt_run(&a->q, answers, &a->who, stdin, stderr);
	/* The screen goes to the terminal itself, so that standard output
	 * can be redirected to collect the lines. */
	if ((tty = open("/dev/tty", O_RDWR | O_CLOEXEC)) < 0)
		diag_fatal("/dev/tty: %s", lang_strerror(errno));
	result = slider_run(&a->q, answers, &a->who, tty);
	close(tty);
	return result;
}

/* Write the answers, all or nothing; returns an exit status. */
static int
answers_write(const struct ask *a, const struct answer *answers, int interactive)
{
	char now[TIMESTAMP_LEN + 1];
	struct response r;
	struct buf out = { 0 };
	int status = EXIT_OK;
	size_t i;

	timestamp_now(now);
	memset(&r, 0, sizeof(r));
	r.round = a->who.round;
	r.participant = a->who.participant;
	r.group = a->who.group;
	r.time = now;
	for (i = 0; i < a->q.ncontinua; i++) {
		r.continuum = a->q.continua[i].id;
		r.position = answers[i].position;
		response_format(&out, &r, answers[i].note);
	}
	if (a->outfile != NULL) {
		if (output_append(a->outfile, out.data, out.len) < 0)
			status = EXIT_TROUBLE;
	} else if (fwrite(out.data, 1, out.len, stdout) != out.len) {
		diag_warn(tr("write error on standard output: %s",
		    "schrijffout op standaarduitvoer: %s"), lang_strerror(errno));
		status = EXIT_TROUBLE;
	}
	if (output_close_stdout() < 0)
		status = EXIT_TROUBLE;
	/* The person at the terminal is told where the answers went. */
	if (status == EXIT_OK && interactive)
		diag_warn(tr("%zu answers of %s saved in %s", "%zu antwoorden van %s bewaard in %s"),
		    a->q.ncontinua, a->who.participant,
		    a->outfile ? a->outfile : tr("standard output", "standaarduitvoer"));
	buf_free(&out);
	return status;
}

/* The answers, from arguments, standard input or the person; then out. */
static int
answer(struct ask *a)
{
	struct answer *answers = xcalloc(a->q.ncontinua, sizeof(*answers));
	int interactive = a->argc == 0 && isatty(STDIN_FILENO);
	int result = ANSWERS_CONFIRMED, status;
	size_t i;

	for (i = 0; i < a->q.ncontinua; i++)
		answers[i].position = POSITION_UNSET;
	check_earlier_answers(a, interactive);
	if (a->argc > 0) {
		if (answers_from_arguments(&a->q, answers, a->argc, a->argv) < 0)
			diag_fatal("%s", tr("nothing written", "niets geschreven"));
	} else if (!interactive) {
		if (answers_from_lines(&a->q, answers, stdin, "<stdin>") < 0)
			diag_fatal("%s", tr("nothing written", "niets geschreven"));
	} else {
		result = answers_from_person(a, answers);
	}
	if (result == ANSWERS_QUIT)
		diag_fatal("%s", tr("quit; nothing written", "gestopt; niets geschreven"));
	if (result > 0)
		die_of(result);
	status = answers_complete(&a->q, answers) < 0 ? EXIT_TROUBLE :
	    answers_write(a, answers, interactive);
	for (i = 0; i < a->q.ncontinua; i++)
		free(answers[i].note);
	free(answers);
	return status;
}

/* --feedback and --previous: where the group stood, and the person. */
static struct feedback *
load_feedback(struct ask *a)
{
	struct feedback *f;
	size_t i;

	if (a->feedback_file == NULL && a->previous_file == NULL)
		return NULL;
	/* Held by a at once: the exits below leave it reachable, as the
	 * questionnaire is, and LeakSanitizer quiet. */
	a->who.feedback = f = xcalloc(a->q.ncontinua, sizeof(*f));
	for (i = 0; i < a->q.ncontinua; i++)
		f[i].own = POSITION_UNSET;
	if (a->feedback_file != NULL && (a->feedback_bad = feedback_load(f, &a->q,
	    a->feedback_file)) < 0)
		diag_fatal("%s", tr("--feedback needs aggregate's output of the round before",
		    "--feedback heeft de uitvoer van aggregate van de vorige ronde nodig"));
	if (a->reasons_file != NULL) {
		switch (reasons_load(&a->reasons, a->reasons_file)) {
		case -1: exit(EXIT_TROUBLE);
		case 1: a->feedback_bad = 1; break;
		}
		if (feedback_reasons(f, &a->q, &a->reasons, a->reasons_file) != 0)
			a->feedback_bad = 1;
	}
	/* On the web, each request's own (web.c). */
	if (a->previous_file != NULL && !a->web) {
		switch (feedback_previous(f, &a->q, a->previous_file, a->who.participant,
		    a->who.round)) {
		case -1: exit(EXIT_TROUBLE);
		case 1: a->feedback_bad = 1; break;
		}
	}
	return f;
}

/* --form: the form, signed when there is a key. */
static int
write_form(struct ask *a)
{
	struct form_spec spec = { a->who.round, a->who.participant, a->who.group,
	    a->who.feedback, NULL, NULL };
	char token[KEY_TOKEN_LEN + 1];
	struct key key;
	int have;

	if ((have = key_load(&key, a->key_file)) < 0)
		return EXIT_TROUBLE;
	if (have) {
		key_token(&key, a->q.id, a->who.round, a->who.participant, a->who.group, token);
		spec.token = token;
		key_free(&key);
	}
	if (form_write(stdout, &a->q, &spec) < 0 || output_close_stdout() < 0)
		return EXIT_TROUBLE;
	return EXIT_OK;
}

/* --qr: the meeting's address as a QR code, for a slide. */
static int
qr_print(const char *address)
{
	struct buf svg = { 0 };
	struct qr code;
	int status = EXIT_OK;

	if (qr_encode(&code, address, strlen(address)) < 0)
		diag_fatal(tr("--qr: the address is longer than %d bytes; a QR code of it would be too fine to read",
		    "--qr: het adres is langer dan %d bytes; een QR-code ervan zou te fijn zijn om te lezen"),
		    QR_BYTES_MAX);
	qr_svg(&svg, &code, 10, address);
	if (fwrite(svg.data, 1, svg.len, stdout) != svg.len || output_close_stdout() < 0)
		status = EXIT_TROUBLE;
	buf_free(&svg);
	return status;
}

/* --web: one request, as a CGI program. */
static int
web(struct ask *a)
{
	struct web w;
	struct key key;
	int status;

	/* Signed links only: a page anyone could fill in for anyone is not
	 * what a round by link is. */
	if (key_load(&key, a->key_file) <= 0)
		return EXIT_TROUBLE;
	if (a->who.round != NULL)
		token_check("round", "ronde", a->who.round, "-r", token_problem);
	token_check("group", "groep", a->who.group, "-g", token_group_problem);
	memset(&w, 0, sizeof(w));
	w.q = &a->q;
	w.outfile = a->outfile;
	w.key = &key;
	w.round = a->who.round;
	w.until = a->until;
	w.until_text = a->until_text;
	w.feedback = a->feedback_file != NULL ? a->who.feedback : NULL;
	w.previous = a->previous_file;
	w.meeting = a->meeting == NULL ? MEETING_NONE : strcmp(a->meeting, "named") == 0 ?
	    MEETING_NAMED : MEETING_ANONYMOUS;
	w.group = a->who.group;
	w.address = a->url;
	w.qfile = a->qfile;
	w.self = a->self;
	if (w.meeting != MEETING_NONE) {
		w.other_wants = meeting_wants;
		w.other = meeting_run;
	}
	status = web_run(&w);
	key_free(&key);
	return status;
}

int
main(int argc, char **argv)
{
	struct ask a;
	struct feedback *feedback;
	int status = EXIT_OK;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	options(&a, argc, argv);
	a.self = argv[0];
	if (a.qr != NULL)
		return qr_print(a.qr);
	questionnaire_choose(&a.q, a.qfile);
	feedback = load_feedback(&a);
	if (a.print) {
		if (questionnaire_write(&a.q, stdout) < 0 || output_close_stdout() < 0)
			status = EXIT_TROUBLE;
	} else if (a.form) {
		status = write_form(&a);
	} else if (a.web) {
		status = web(&a);
	} else {
		status = answer(&a);
	}
	feedback_free(feedback, a.q.ncontinua);
	reasons_free(&a.reasons);
	questionnaire_free(&a.q);
	if (status == EXIT_OK && a.feedback_bad)
		status = EXIT_BADINPUT;
	return status;
}
