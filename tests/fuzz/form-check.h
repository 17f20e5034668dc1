/*
 * form-check.h: what every answer read from a form must be, whatever the
 * form or mail around it (for fuzz-form.c and fuzz-mail.c).
 */
#ifndef STANCE_FORM_CHECK_H
#define STANCE_FORM_CHECK_H

#include "buf.h"
#include "form.h"
#include "fuzz.h"
#include "position.h"
#include "response.h"
#include "token.h"

/* The built-in questionnaire, read once: it is the same each time. */
static inline const struct questionnaire *
fuzz_questionnaire(void)
{
	static struct questionnaire q;

	if (q.ncontinua == 0)
		questionnaire_default(&q, LANG_EN);
	return &q;
}

static void
form_answer_check(const struct form_answer *a, void *context)
{
	const struct questionnaire *q = context;
	struct buf note = { 0 };

	fuzz_assert(token_problem(a->round, strlen(a->round)) == NULL);
	fuzz_assert(token_problem(a->participant, strlen(a->participant)) == NULL);
	fuzz_assert(token_problem(a->group, strlen(a->group)) == NULL);
	fuzz_assert(a->continuum < q->ncontinua);
	fuzz_assert(a->position == POSITION_NONE ||
	    (a->position >= 0 && a->position <= POSITION_MAX));
	fuzz_assert(strlen(a->note) == a->note_len);
	if (note_unescape(&note, a->note, a->note_len) < 0)
		fuzz_fail("a form's note is not escaped for a line");
	fuzz_assert(note_problem(note.data ? note.data : "", note.len) == NULL);
	buf_free(&note);
}

#endif
