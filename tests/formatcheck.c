/*
 * formatcheck: a test driver that runs the shared format parsers on their
 * own, so tests/formats.bats can check each one and its error messages
 * without going through a program.  Never installed.
 *
 *   formatcheck questionnaire FILE   load, then print it canonically
 *   formatcheck responses FILE...    check lines, print them canonically
 *   formatcheck roster FILE          load, print the entries
 *   formatcheck anchors K            where K anchors sit
 *   formatcheck answer K ANSWER...   what each answer means on K anchors
 *   formatcheck position TEXT...     parse positions, print canonically
 *   formatcheck timestamp TEXT...    valid or not
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "lines.h"
#include "output.h"
#include "position.h"
#include "questionnaire.h"
#include "response.h"
#include "roster.h"
#include "timestamp.h"

static int
check_questionnaire(int argc, char **argv)
{
	struct questionnaire q;

	if (argc != 1)
		return EXIT_TROUBLE;
	if (questionnaire_load(&q, argv[0]) != 0)
		return EXIT_BADINPUT;
	questionnaire_write(&q, stdout);
	questionnaire_free(&q);
	return EXIT_OK;
}

static int
check_responses(int argc, char **argv)
{
	struct buf out = { 0 }, note = { 0 };
	struct response r;
	struct lines in;
	const char *why;
	ssize_t n;
	int i, status = EXIT_OK;

	for (i = 0; i < argc; i++) {
		if (lines_open(&in, argv[i]) < 0) {
			diag_warn("%s: %s", argv[i], strerror(errno));
			status = EXIT_TROUBLE;
			continue;
		}
		while ((n = lines_next(&in)) >= 0) {
			if (n == 0 || in.line[0] == '#')
				continue;
			if ((why = response_parse(in.line, (size_t)n, &r)) != NULL) {
				diag_at(in.name, in.number, "%s", why);
				status = EXIT_BADINPUT;
				continue;
			}
			buf_reset(&note);
			note_unescape(&note, r.note, r.note_len);
			buf_reset(&out);
			response_format(&out, &r, note.data ? note.data : "");
			fwrite(out.data, 1, out.len, stdout);
		}
		lines_close(&in);
	}
	buf_free(&out);
	buf_free(&note);
	return status;
}

static int
check_roster(int argc, char **argv)
{
	struct roster r;
	size_t i;
	int bad;

	if (argc != 1)
		return EXIT_TROUBLE;
	if ((bad = roster_load(&r, argv[0])) < 0)
		return EXIT_TROUBLE;
	for (i = 0; i < r.n; i++)
		printf("%lu [%s] [%s] [%s] [%s]\n", r.entries[i].line, r.entries[i].participant,
		    r.entries[i].group, r.entries[i].email, r.entries[i].name);
	roster_free(&r);
	return bad ? EXIT_BADINPUT : EXIT_OK;
}

static int
check_anchors(int argc, char **argv)
{
	char text[POSITION_TEXT];
	size_t k, i;

	if (argc != 1 || (k = strtoul(argv[0], NULL, 10)) < 2)
		return EXIT_TROUBLE;
	for (i = 1; i <= k; i++) {
		position_format(anchor_position(k, i), text);
		printf("%s%s", i > 1 ? " " : "", text);
	}
	putchar('\n');
	return EXIT_OK;
}

static int
check_answer(int argc, char **argv)
{
	char text[POSITION_TEXT];
	const char *why;
	size_t k;
	int i, tenths, status = EXIT_OK;

	if (argc < 1 || (k = strtoul(argv[0], NULL, 10)) < 2)
		return EXIT_TROUBLE;
	for (i = 1; i < argc; i++) {
		if ((why = answer_parse(argv[i], strlen(argv[i]), k, &tenths)) != NULL) {
			printf("%s: %s\n", argv[i], why);
			status = EXIT_BADINPUT;
			continue;
		}
		position_format(tenths, text);
		printf("%s: %s\n", argv[i], text);
	}
	return status;
}

static int
check_position(int argc, char **argv)
{
	char text[POSITION_TEXT];
	int i, tenths, status = EXIT_OK;

	for (i = 0; i < argc; i++) {
		if (position_parse(argv[i], strlen(argv[i]), &tenths) < 0) {
			printf("%s: bad\n", argv[i]);
			status = EXIT_BADINPUT;
			continue;
		}
		position_format(tenths, text);
		printf("%s: %s\n", argv[i], text);
	}
	return status;
}

static int
check_timestamp(int argc, char **argv)
{
	int i, status = EXIT_OK;

	for (i = 0; i < argc; i++) {
		int ok = timestamp_valid(argv[i], strlen(argv[i]));

		printf("%s: %s\n", argv[i], ok ? "valid" : "bad");
		if (!ok)
			status = EXIT_BADINPUT;
	}
	return status;
}

static const struct {
	const char *name;
	int (*run)(int, char **);
} checks[] = {
	{ "questionnaire", check_questionnaire },
	{ "responses", check_responses },
	{ "roster", check_roster },
	{ "anchors", check_anchors },
	{ "answer", check_answer },
	{ "position", check_position },
	{ "timestamp", check_timestamp },
};

int
main(int argc, char **argv)
{
	size_t i;
	int status;

	diag_set_program(argv[0]);
	lang_current = lang_from_environment();
	for (i = 0; argc > 1 && i < sizeof(checks) / sizeof(checks[0]); i++) {
		if (strcmp(argv[1], checks[i].name) == 0) {
			status = checks[i].run(argc - 2, argv + 2);
			if (output_close_stdout() < 0)
				return EXIT_TROUBLE;
			return status;
		}
	}
	fprintf(stderr, "usage: formatcheck questionnaire|responses|roster|anchors|answer|position|timestamp ...\n");
	return EXIT_TROUBLE;
}
