/*
 * Answers typed above a quote (src/reply.c), a line at a time as the
 * form reader gives them: every answer taken is a position the
 * continuum allows; a line refused says why and sets bad_line; other
 * text takes nothing; and what was taken, written again as
 * "N: P%" pairs, is read back the same.
 */
#include "form-check.h"
#include "reply.h"

static void
check_line(char *line, size_t len, unsigned long number, void *context)
{
	const struct questionnaire *q = fuzz_questionnaire();
	struct reply *r = context, again;
	struct buf why = { 0 }, canonical = { 0 };
	size_t given = r->given, k;
	int got;

	(void)reply_stops(line, len);
	got = reply_line(r, q, line, len, number, &why);
	fuzz_assert(got >= -1 && got <= 1);
	fuzz_assert((got < 0) == (why.len > 0));
	if (got < 0)
		fuzz_assert(r->bad_line != 0);
	if (got == 0)
		fuzz_assert(r->given == given);
	fuzz_assert(r->given <= q->ncontinua);
	for (k = 0; k < q->ncontinua; k++) {
		char text[POSITION_TEXT];

		if (r->position[k] == POSITION_UNSET)
			continue;
		fuzz_assert(r->position[k] == POSITION_NONE ||
		    (r->position[k] >= 0 && r->position[k] <= POSITION_MAX));
		position_format(r->position[k], text);
		buf_printf(&canonical, "%s%zu: %s%s", canonical.len ? ", " : "", k + 1, text,
		    r->position[k] == POSITION_NONE ? "" : "%");
	}
	if (canonical.len > 0) {
		reply_init(&again, q);
		buf_reset(&why);
		if (reply_line(&again, q, canonical.data, canonical.len, 1, &why) != 1)
			fuzz_fail("'%s' is not read back: %s", canonical.data, why.data);
		for (k = 0; k < q->ncontinua; k++)
			if (again.position[k] != r->position[k])
				fuzz_fail("'%s' is read back otherwise", canonical.data);
		reply_free(&again);
	}
	buf_free(&why);
	buf_free(&canonical);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reply r;

	reply_init(&r, fuzz_questionnaire());
	fuzz_lines(data, size, check_line, NULL, &r);
	reply_free(&r);
	return 0;
}
