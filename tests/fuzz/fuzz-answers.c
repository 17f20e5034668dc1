/*
 * What a person types to ask: answers one per line (standard input), and
 * the same text as continuum=answer arguments.  Whatever is accepted is
 * a real position with a writable note; nothing is written out of bounds
 * however many lines are refused.
 */
#include "answer.h"
#include "fuzz.h"
#include "position.h"
#include "response.h"

static void
answers_check(const struct questionnaire *q, struct answer *answers)
{
	size_t i;

	for (i = 0; i < q->ncontinua; i++) {
		const struct answer *a = &answers[i];

		fuzz_assert(a->position == POSITION_UNSET || a->position == POSITION_NONE ||
		    (a->position >= 0 && a->position <= POSITION_MAX));
		if (a->note != NULL)
			fuzz_assert(note_problem(a->note, strlen(a->note)) == NULL);
	}
}

static void
answers_clear(const struct questionnaire *q, struct answer *answers)
{
	size_t i;

	for (i = 0; i < q->ncontinua; i++) {
		free(answers[i].note);
		answers[i].note = NULL;
		answers[i].position = POSITION_UNSET;
	}
}

/* The input's lines as arguments, as a shell would pass them. */
static void
as_arguments(const struct questionnaire *q, struct answer *answers, const uint8_t *data,
    size_t size)
{
	char *copy = malloc(size + 1), **argv = calloc(size + 1, sizeof(char *));
	size_t i;
	int argc = 0;

	if (copy == NULL || argv == NULL)
		fuzz_fail("out of memory");
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[argc++] = copy;
	for (i = 0; i < size; i++) {
		if (copy[i] == '\n') {
			copy[i] = '\0';
			argv[argc++] = copy + i + 1;
		}
	}
	answers_from_arguments(q, answers, argc, argv);
	answers_check(q, answers);
	free(argv);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct questionnaire q;
	struct answer *answers;
	FILE *fp = fuzz_stream(data, size);

	if (q.ncontinua == 0)
		questionnaire_default(&q, LANG_EN);	/* once: it is the same each time */
	if (fp == NULL)
		return 0;
	answers = calloc(q.ncontinua, sizeof(*answers));
	answers_clear(&q, answers);
	answers_from_lines(&q, answers, fp, "fuzz");
	fclose(fp);
	answers_check(&q, answers);
	answers_clear(&q, answers);
	as_arguments(&q, answers, data, size);
	answers_clear(&q, answers);
	free(answers);
	return 0;
}
