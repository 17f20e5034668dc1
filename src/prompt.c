/*
 * prompt: ask's line-by-line mode, for screen readers and terminals that
 * cannot draw (TERM=dumb, or --plain).  Nothing moves on the screen:
 * every question is printed once, then read as a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "position.h"
#include "prompt.h"
#include "response.h"
#include "term.h"
#include "text.h"
#include "utf8.h"
#include "wrap.h"

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

/* Print text wrapped to the terminal's width, continuing lines indented
 * under its start; where the width is unknown, one line each. */
static void
say(FILE *out, const char *prefix, const char *text)
{
	struct buf line = { 0 };
	size_t width = terminal_width(fileno(out));

	buf_addstr(&line, prefix);
	if (width == 0)
		buf_addstr(&line, text);
	else
		wrap_text(&line, text, width - 1, utf8_width(prefix, strlen(prefix)),
		    utf8_width(prefix, strlen(prefix)));
	fprintf(out, "%s\n", line.data);
	buf_free(&line);
}

static void
show_continuum(FILE *out, const struct questionnaire *q, size_t k, const struct answer *a,
    const struct feedback *feedback)
{
	const struct continuum *c = &q->continua[k];
	struct buf text = { 0 };
	char now[64], where[POSITION_TEXT + 2];
	size_t i;

	buf_printf(&text, "[%zu/%zu] ", k + 1, q->ncontinua);
	fputc('\n', out);
	say(out, text.data, c->question);
	if (c->help != NULL)
		say(out, "", c->help);
	/* The pole labels, read out as a screen reader would need them. */
	buf_reset(&text);
	buf_printf(&text, tr("From %s (1) to %s (%zu):", "Van %s (1) tot %s (%zu):"),
	    c->left, c->right, c->nanchors);
	say(out, "", text.data);
	if (feedback != NULL && (feedback[k].have || feedback[k].own != POSITION_UNSET)) {
		buf_reset(&text);
		feedback_words(&text, &feedback[k]);
		say(out, "", text.data);
	}
	for (i = 0; i < c->nanchors; i++) {
		position_for_people(anchor_position(c->nanchors, i + 1), where);
		buf_reset(&text);
		buf_printf(&text, "  %zu (%s%%) ", i + 1, where);
		say(out, text.data, c->anchors[i]);
	}
	if (a->position != POSITION_UNSET)
		fprintf(out, tr("Now: %s\n", "Nu: %s\n"), answer_text(c, a->position, now, sizeof(now)));
	buf_free(&text);
}

/* "Quit without writing?"  1 if the person says yes. */
static int
quit_confirmed(FILE *in, FILE *out, char **line, size_t *cap)
{
	fprintf(out, "%s", tr("Quit without writing your answers? [y/N] ",
	    "Stoppen zonder je antwoorden weg te schrijven? [j/N] "));
	fflush(out);
	if (read_line(in, line, cap) < 0)
		return 1;
	return strchr("yYjJ", (*line)[0]) != NULL && (*line)[0] != '\0' && (*line)[1] == '\0';
}

/* Read the answer, with a note after it if the person gives one on the
 * same line ("2,5 but with room"), as arguments and standard input take
 * it.  Returns 1 with the answer in *a (note set if one was given, *noted
 * then 1), 0 to go back, 2 to keep the answer there was, -1 to quit or
 * at the end of input. */
static int
read_answer(FILE *in, FILE *out, const struct continuum *c, struct answer *a, int *noted,
    char **line, size_t *cap)
{
	struct answer got;
	char *text;

	for (;;) {
		fprintf(out, tr(
		    "Answer: 1-%zu (1.5 is between 1 and 2), a percentage like 40%%, - for no opinion, < to go back, q to quit%s: ",
		    "Antwoord: 1-%zu (1,5 ligt tussen 1 en 2), een percentage zoals 40%%, - voor geen mening, < om terug te gaan, q om te stoppen%s: "),
		    c->nanchors, a->position != POSITION_UNSET ?
		    tr(", Enter to keep", ", Enter om te behouden") : "");
		fflush(out);
		if (read_line(in, line, cap) < 0)
			return -1;
		text = text_trim(*line);
		if (strcmp(text, "<") == 0)
			return 0;
		if (strcmp(text, "q") == 0) {
			if (quit_confirmed(in, out, line, cap))
				return -1;
			continue;
		}
		if (*text == '\0' && a->position != POSITION_UNSET)
			return 2;
		memset(&got, 0, sizeof(got));
		if (*text != '\0' && answer_store(c, &got, text, NULL, 0) == 0) {
			a->position = got.position;
			*noted = got.note != NULL;
			if (*noted) {
				free(a->note);
				a->note = got.note;
			}
			return 1;
		}
	}
}

/* Ask one continuum until it has a valid answer.  Returns 1 to go on, 0 to
 * go back, -1 to quit or at the end of input. */
static int
ask_continuum(FILE *in, FILE *out, const struct questionnaire *q, size_t k,
    struct answer *a, const struct feedback *feedback, char **line, size_t *cap)
{
	const struct continuum *c = &q->continua[k];
	const char *why;
	char *text;
	int step, noted = 0;

	show_continuum(out, q, k, a, feedback);
	if ((step = read_answer(in, out, c, a, &noted, line, cap)) <= 0)
		return step;
	if (noted)
		return 1;
	for (;;) {
		/* Back at an answer with a note: the note, so that Enter
		 * keeps something the person can see. */
		if (a->note != NULL)
			fprintf(out, tr("Note: %s (Enter keeps it, a single - removes it): ",
			    "Notitie: %s (Enter behoudt ze, een enkele - wist ze): "), a->note);
		else
			fprintf(out, "%s", tr("Note, why you stand there (Enter for none): ",
			    "Notitie, waarom je daar staat (Enter voor geen): "));
		fflush(out);
		if (read_line(in, line, cap) < 0)
			return -1;
		text = text_trim(*line);
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
		a->note = xstrdup(text);
	}
	return 1;
}

int
prompt_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, FILE *in, FILE *out)
{
	char *line = NULL, *text, now[64];
	size_t cap = 0, k = 0, i;
	int step, result = ANSWERS_QUIT, changing_one = 0;

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
			if ((step = ask_continuum(in, out, q, k, &answers[k], who->feedback,
			    &line, &cap)) < 0)
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
		    "Deze antwoorden wegschrijven? j om te schrijven, een nummer om er één te wijzigen, q om te stoppen: "));
		fflush(out);
		if (read_line(in, &line, &cap) < 0)
			goto done;
		text = text_trim(line);
		if (strchr("yYjJ", text[0]) != NULL && text[0] != '\0' && text[1] == '\0') {
			result = ANSWERS_CONFIRMED;
			goto done;
		}
		if (strcmp(text, "q") == 0 && quit_confirmed(in, out, &line, &cap))
			goto done;
		if (strcmp(text, "q") == 0)
			continue;
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
	if (result != ANSWERS_CONFIRMED)
		fputc('\n', out);
	return result;
}
