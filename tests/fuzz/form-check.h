/*
 * form-check.h: what every answer read from a form must be, whatever the
 * form or mail around it (for fuzz-form.c and fuzz-mail.c), and the
 * questionnaire the harnesses of forms and replies read them with.
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

static inline void
form_answer_check(const struct form_answer *a, void *context)
{
	const struct questionnaire *q = context;
	struct buf note = { 0 };

	fuzz_assert(token_problem(a->response.round, strlen(a->response.round)) == NULL);
	fuzz_assert(token_problem(a->response.participant, strlen(a->response.participant)) == NULL);
	fuzz_assert(token_problem(a->response.group, strlen(a->response.group)) == NULL);
	fuzz_assert(a->continuum < q->ncontinua);
	fuzz_assert(a->response.position == POSITION_NONE ||
	    (a->response.position >= 0 && a->response.position <= POSITION_MAX));
	fuzz_assert(strlen(a->response.note) == a->response.note_len);
	if (note_unescape(&note, a->response.note, a->response.note_len) < 0)
		fuzz_fail("a form's note is not escaped for a line");
	fuzz_assert(note_problem(note.data ? note.data : "", note.len) == NULL);
	buf_free(&note);
}

#endif
