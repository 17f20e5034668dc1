/*
 * The form reader (stance-form(5)) on text as a person may have edited
 * it: every answer it hands on is valid, and it never reads past a line.
 */
#include "form-check.h"

static void
form_line(char *line, size_t len, unsigned long number, void *context)
{
	form_reader_line(context, line, len, number);
}

static void
form_end(void *context)
{
	form_reader_end(context);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form_reader r;
	const struct questionnaire *q = fuzz_questionnaire();

	form_reader_init(&r, q, "fuzz", form_answer_check, (void *)(uintptr_t)q);
	fuzz_lines(data, size, form_line, form_end, &r);
	return 0;
}
