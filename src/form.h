/*
 * form: the plain-text form of stance-form(5), filled in with any editor
 * or mail client; written by ask --form and read back by collect.
 *
 * Reading is line by line, so that collect can feed it lines decoded from
 * a mail message.  It tolerates what people and mail clients do to a
 * form: "> " quoting, re-wrapped lines, blank lines, CRLF, and marks
 * written as x, X, * or v.  What it cannot read with certainty (two
 * answers to one question, a changed header) it reports and does not
 * guess.
 */
#ifndef STANCE_FORM_H
#define STANCE_FORM_H

#include <stdio.h>

#include "questionnaire.h"
#include "text.h"

/* Write a form; returns 0, or -1 on a write error. */
int form_write(FILE *fp, const struct questionnaire *q, const char *round,
    const char *participant, const char *group);

/* One answer read from a form; the note is already escaped for a line. */
struct form_answer {
	const char *round;
	const char *participant;
	const char *group;
	size_t continuum;
	int position;
	const char *note;
	size_t note_len;
	unsigned long line;	/* where the form starts */
};

typedef void form_answer_fn(const struct form_answer *answer, void *context);

struct form_reader {
	const struct questionnaire *q;
	const char *name;	/* for diagnostics */
	form_answer_fn *emit;
	void *context;
	int problems;		/* how many problems were reported */
	int forms;		/* how many forms were seen */
	int answers;		/* how many answers were emitted */
	struct form_state *state;
};

void form_reader_init(struct form_reader *r, const struct questionnaire *q,
    const char *name, form_answer_fn *emit, void *context);
/* One line of text; lineno is where it stands in the input. */
void form_reader_line(struct form_reader *r, char *line, size_t len, unsigned long lineno);
/* Where a message ends: an open form ends there too. */
void form_reader_flush(struct form_reader *r);
/* The end of the input: finishes an open form and frees the reader. */
void form_reader_end(struct form_reader *r);

/* Whether a line (with quoting removed) starts a form: for telling a form
 * apart from response lines. */
int form_starts(const char *line, size_t len);

#endif
