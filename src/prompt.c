/*
 * prompt: ask's line-by-line mode, for screen readers and terminals that
 * cannot draw (TERM=dumb, or --plain).  Nothing moves on the screen:
 * every question is printed once, then read as a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ask.h"
#include "lang.h"
#include "position.h"
#include "response.h"
#include "text.h"

/* Read a line into *line; -1 at end of input. */
static int
read_line(FILE *in, char **line, size_t *cap)
{
	ssize_t n = getline(line, cap, in);

	if (n < 0)
		return -1;
	if (n > 0 && (*line)[n - 1] == '\n')
		(*line)[--n] = '\0';
	return 0;
}

static void
show_continuum(FILE *out, const struct questionnaire *q, size_t k, const struct answer *a)
{
	const struct continuum *c = &q->continua[k];
	char now[64];
	size_t i;

	fprintf(out, "\n[%zu/%zu] %s\n", k + 1, q->ncontinua, c->question);
	if (c->help != NULL)
		fprintf(out, "%s\n", c->help);
	for (i = 0; i < c->nanchors; i++) {
		char where[POSITION_TEXT];

		position_format(anchor_position(c->nanchors, i + 1), where);
		fprintf(out, "  %zu (%s%%) %s\n", i + 1, where, c->anchors[i]);
	}
	if (a->position != ANSWER_UNSET)
		fprintf(out, tr("Now: %s\n", "Nu: %s\n"), answer_text(c, a->position, now, sizeof(now)));
}

/* Ask one continuum until it has a valid answer.  Returns 1 to go on, 0 to
 * go back, -1 at end of input. */
static int
ask_continuum(FILE *in, FILE *out, const struct questionnaire *q, size_t k,
    struct answer *a, char **line, size_t *cap)
{
	const struct continuum *c = &q->continua[k];
	const char *why;
	char *text;
	int position;

	show_continuum(out, q, k, a);
	for (;;) {
		fprintf(out, tr(
		    "Answer: 1-%zu (1.5 is between 1 and 2), a percentage like 40%%, - for no opinion, < to go back%s: ",
		    "Antwoord: 1-%zu (1.5 ligt tussen 1 en 2), een percentage zoals 40%%, - voor geen mening, < om terug te gaan%s: "),
		    c->nanchors, a->position != ANSWER_UNSET ?
		    tr(", Enter to keep", ", Enter om te behouden") : "");
		fflush(out);
		if (read_line(in, line, cap) < 0)
			return -1;
		text = trim(*line);
		if (strcmp(text, "<") == 0)
			return 0;
		if (*text == '\0' && a->position != ANSWER_UNSET)
			break;
		if ((why = answer_parse(text, strlen(text), c->nanchors, &position)) == NULL) {
			a->position = position;
			break;
		}
		fprintf(out, "%s\n", why);
	}
	for (;;) {
		fprintf(out, "%s", a->note ?
		    tr("Note (Enter keeps it, a single - removes it): ",
		    "Notitie (Enter behoudt ze, een enkele - wist ze): ") :
		    tr("Note, why you stand there (Enter for none): ",
		    "Notitie, waarom je daar staat (Enter voor geen): "));
		fflush(out);
		if (read_line(in, line, cap) < 0)
			return -1;
		text = trim(*line);
		if ((why = note_problem(text, strlen(text))) != NULL) {
			fprintf(out, "%s\n", why);
			continue;
		}
		break;
	}
	if (strcmp(text, "-") == 0) {
		free(a->note);
		a->note = NULL;
	} else if (*text != '\0') {
		free(a->note);
		a->note = strdup(text);
	}
	return 1;
}

int
prompt_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, FILE *in, FILE *out)
{
	char *line = NULL, *text, now[64];
	size_t cap = 0, k = 0, i;
	int step, result = ASK_QUIT, changing_one = 0;

	fprintf(out, "%s\n", q->title);
	if (q->instruction != NULL)
		fprintf(out, "%s\n", q->instruction);
	/* Who is answering: a forgotten -p shows before anything is written. */
	fprintf(out, tr("Answering as %s, group %s, round %s\n",
	    "Je antwoordt als %s, groep %s, ronde %s\n"), who->participant, who->group, who->round);
	for (;;) {
		/* The first time through every continuum in turn; from the
		 * review, only the one the person wants to change. */
		while (k < q->ncontinua) {
			if ((step = ask_continuum(in, out, q, k, &answers[k], &line, &cap)) < 0)
				goto done;
			if (step == 0 && k > 0)
				k--;
			else if (step == 1)
				k = changing_one ? q->ncontinua : k + 1;
		}
		fprintf(out, "\n%s\n", tr("Your answers:", "Je antwoorden:"));
		for (i = 0; i < q->ncontinua; i++) {
			const struct continuum *c = &q->continua[i];

			fprintf(out, "  %zu %s: %s%s%s\n", i + 1, c->name,
			    answer_text(c, answers[i].position, now, sizeof(now)),
			    answers[i].note ? " - " : "", answers[i].note ? answers[i].note : "");
		}
		fprintf(out, tr("Write these answers? y to write, a number to change one, q to quit: ",
		    "Deze antwoorden wegschrijven? j om te schrijven, een nummer om er een te wijzigen, q om te stoppen: "));
		fflush(out);
		if (read_line(in, &line, &cap) < 0)
			goto done;
		text = trim(line);
		if (strchr("yYjJ", text[0]) != NULL && text[0] != '\0' && text[1] == '\0') {
			result = ASK_CONFIRMED;
			goto done;
		}
		if (strcmp(text, "q") == 0)
			goto done;
		k = (size_t)strtoul(text, NULL, 10);
		if (k < 1 || k > q->ncontinua) {
			k = q->ncontinua;	/* not understood: show the list again */
		} else {
			k--;
			changing_one = 1;
		}
	}
done:
	free(line);
	if (result != ASK_CONFIRMED)
		fputc('\n', out);
	return result;
}
