/*
 * The questionnaire reader (stance-questionnaire(5)).  Round trip: a
 * questionnaire that reads is printed, the print reads back, and prints
 * the same again.
 */
#include "fuzz.h"
#include "questionnaire.h"

static char *
printed(const struct questionnaire *q, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);

	if (out == NULL || questionnaire_write(q, out) < 0 || fclose(out) != 0)
		fuzz_fail("cannot print a questionnaire");
	return text;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct questionnaire q, again;
	FILE *fp = fuzz_stream(data, size);
	char *first, *second;
	size_t len1, len2;

	if (fp == NULL)
		return 0;
	if (questionnaire_read(&q, fp, "fuzz") != 0) {
		fclose(fp);
		return 0;
	}
	fclose(fp);
	fuzz_assert(q.ncontinua > 0);
	first = printed(&q, &len1);
	fp = fuzz_stream((const uint8_t *)first, len1);
	if (questionnaire_read(&again, fp, "printed") != 0)
		fuzz_fail("the printed questionnaire does not read back:\n%s", first);
	fclose(fp);
	second = printed(&again, &len2);
	if (len1 != len2 || memcmp(first, second, len1) != 0)
		fuzz_fail("printed twice, two texts:\n%s\n---\n%s", first, second);
	free(first);
	free(second);
	questionnaire_free(&q);
	questionnaire_free(&again);
	return 0;
}
