/*
 * The form reader (stance-form(5)) on text as a person may have edited
 * it: every answer it hands on is valid, and it never reads past a line.
 */
#include "form-check.h"
#include "lines.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fuzz_stream(data, size);
	struct form_reader r;
	const struct questionnaire *q = fuzz_questionnaire();
	struct lines in;
	ssize_t n;

	if (fp == NULL)
		return 0;
	form_reader_init(&r, q, "fuzz", form_answer_check, (void *)(uintptr_t)q);
	lines_from(&in, fp, "fuzz");
	while ((n = lines_next(&in)) >= 0)
		form_reader_line(&r, in.line, (size_t)n, in.number);
	form_reader_end(&r);
	lines_close(&in);
	fclose(fp);
	return 0;
}
