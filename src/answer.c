/*
 * answer: what one person answers to the continua, as ask gathers it
 * from arguments, lines of standard input, the slider or the prompts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "answer.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "lines.h"
#include "position.h"
#include "response.h"
#include "text.h"

const char *
answer_text(const struct continuum *c, int position, char *out, size_t size)
{
	char text[POSITION_TEXT];
	size_t i;

	if (position == POSITION_UNSET) {
		snprintf(out, size, "?");
		return out;
	}
	position_for_people(position, text);
	for (i = 1; position != POSITION_NONE && i <= c->nanchors; i++)
		if (anchor_position(c->nanchors, i) == position)
			break;
	if (position != POSITION_NONE && i <= c->nanchors)
		snprintf(out, size, "%s%% (%s %zu)", text, tr("anchor", "uitspraak"), i);
	else if (position != POSITION_NONE)
		snprintf(out, size, "%s%%", text);
	else
		snprintf(out, size, "- (%s)", tr("no opinion", "geen mening"));
	return out;
}

static int answer_check(const struct continuum *c, struct answer *a, const char *text,
    const char *note, const char *file, unsigned long line);

int
answer_store(const struct continuum *c, struct answer *a, char *text,
    const char *file, unsigned long line)
{
	char *note, *end;
	struct buf answer = { 0 };
	int status;

	text = text_trim(text);
	end = text + strcspn(text, " \t");
	note = *end ? text_trim(end + 1) : end;
	*end = '\0';
	buf_addstr(&answer, text);
	/* "40 %", as Dutch writes a percentage: the sign is the answer's,
	 * not a note (it used to make "2 %" anchor 2 with the note "%"). */
	if (note[0] == '%' && (note[1] == '\0' || note[1] == ' ' || note[1] == '\t')) {
		buf_addstr(&answer, "%");
		note = text_trim(note + 1);
	}
	status = answer_check(c, a, answer.data, note, file, line);
	buf_free(&answer);
	return status;
}

static int
answer_check(const struct continuum *c, struct answer *a, const char *text,
    const char *note, const char *file, unsigned long line)
{
	const char *why;

	if ((why = answer_parse(text, strlen(text), c->nanchors, &a->position)) != NULL) {
		diag_at(file, line, tr(
		    "%s: '%s' is not an answer (%s): give an anchor number 1-%zu (1.5 lies between 1 and 2), a percentage like 40%%, or - for no opinion",
		    "%s: '%s' is geen antwoord (%s): geef een uitspraaknummer 1-%zu (1,5 ligt tussen 1 en 2), een percentage zoals 40%%, of - voor geen mening"),
		    c->id, text, why, c->nanchors);
		return -1;
	}
	if ((why = note_problem(note, strlen(note))) != NULL) {
		diag_at(file, line, tr("%s: the note %s", "%s: de notitie %s"), c->id, why);
		return -1;
	}
	a->note = *note ? xstrdup(note) : NULL;
	return 0;
}

int
answers_from_arguments(const struct questionnaire *q, struct answer *answers,
    int argc, char **argv)
{
	int i, bad = 0;

	for (i = 0; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		long k;

		if (eq == NULL) {
			diag_warn(tr("'%s' is not continuum=answer",
			    "'%s' is geen continuum=antwoord"), argv[i]);
			bad = 1;
			continue;
		}
		if ((k = questionnaire_find(q, argv[i], (size_t)(eq - argv[i]))) < 0) {
			struct buf why = { 0 };

			questionnaire_unknown(q, argv[i], (size_t)(eq - argv[i]), &why);
			diag_warn("%s", why.data);
			buf_free(&why);
			bad = 1;
			continue;
		}
		if (answers[k].position != POSITION_UNSET) {
			diag_warn(tr("%s is answered twice", "%s is twee keer beantwoord"),
			    q->continua[k].id);
			bad = 1;
			continue;
		}
		if (answer_store(&q->continua[k], &answers[k], eq + 1, NULL, 0) < 0)
			bad = 1;
	}
	return bad ? -1 : 0;
}

int
answers_from_lines(const struct questionnaire *q, struct answer *answers, FILE *fp,
    const char *name)
{
	struct lines in;
	size_t next = 0;
	ssize_t n;
	int bad = 0;

	lines_from(&in, fp, name);
	while ((n = lines_next(&in)) >= 0) {
		char *text;

		/* Before text_trim(), which writes a NUL over trailing blanks. */
		if (memchr(in.line, '\0', (size_t)n) != NULL) {
			diag_at(in.name, in.number, "%s", tr("line contains a NUL byte",
			    "regel bevat een NUL-byte"));
			bad = 1;
			continue;	/* a refused line answers nothing */
		}
		text = text_trim(in.line);
		if (*text == '\0' || *text == '#')
			continue;
		if (next == q->ncontinua) {
			diag_at(in.name, in.number, tr(
			    "more answers than the questionnaire's %zu continua",
			    "meer antwoorden dan de %zu continua van de vragenlijst"),
			    q->ncontinua);
			bad = 1;
			break;
		}
		/* A refused line does not move on to the next continuum. */
		if (answer_store(&q->continua[next], &answers[next], text,
		    in.name, in.number) < 0)
			bad = 1;
		else
			next++;
	}
	if (lines_error(&in)) {
		diag_warn("%s: %s", name, lang_strerror(errno));
		bad = 1;
	} else if (!bad && next < q->ncontinua) {
		diag_warn(tr("%s: input ended after %zu of %zu answers",
		    "%s: invoer stopte na %zu van %zu antwoorden"), name, next, q->ncontinua);
	}
	lines_close(&in);
	return bad ? -1 : 0;
}

int
answers_complete(const struct questionnaire *q, const struct answer *answers)
{
	struct buf missing = { 0 };
	size_t i, count = 0;

	for (i = 0; i < q->ncontinua; i++)
		if (answers[i].position == POSITION_UNSET)
			buf_printf(&missing, "%s%s", count++ ? ", " : "", q->continua[i].id);
	if (count > 0)
		diag_warn(tr(
		    "no answer for %s: every continuum needs one (- for no opinion); nothing written",
		    "geen antwoord voor %s: elk continuum heeft er één nodig (- voor geen mening); niets geschreven"),
		    missing.data);
	buf_free(&missing);
	return count > 0 ? -1 : 0;
}
