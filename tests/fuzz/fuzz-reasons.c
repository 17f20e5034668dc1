/*
 * The reasons file (src/reasons.c) as a facilitator may have edited it:
 * every line is taken or said to be wrong, never half; what was taken,
 * written again (reasons_format), is read back the same, line for line.
 */
#include "buf.h"
#include "fuzz.h"
#include "reasons.h"

static void
take(char *line, size_t len, unsigned long number, void *context)
{
	(void)number;
	(void)reasons_line(context, line, len);
}

static void
same(const struct reasons *a, const struct reasons *b)
{
	size_t i, j, k;

	fuzz_assert((a->round == NULL) == (b->round == NULL));
	fuzz_assert(a->round == NULL || strcmp(a->round, b->round) == 0);
	fuzz_assert(a->n == b->n);
	for (i = 0; i < a->n; i++) {
		fuzz_assert(strcmp(a->continua[i].id, b->continua[i].id) == 0);
		fuzz_assert(a->continua[i].ncamps == b->continua[i].ncamps);
		for (j = 0; j < a->continua[i].ncamps; j++) {
			const struct reasons_camp *x = &a->continua[i].camps[j], *y = &b->continua[i].camps[j];

			fuzz_assert(strcmp(x->label, y->label) == 0 && x->nnotes == y->nnotes);
			fuzz_assert(x->median >= 0 && x->median <= 100 && x->median - y->median < 0.0005 &&
			    y->median - x->median < 0.0005);
			for (k = 0; k < x->nnotes; k++)
				fuzz_assert(strcmp(x->notes[k], y->notes[k]) == 0);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reasons r = { 0 }, again = { 0 };
	struct buf out = { 0 };
	char *line, *next;

	fuzz_lines(data, size, take, NULL, &r);
	reasons_format(&out, &r);
	for (line = out.data; line != NULL && *line != '\0'; line = next + 1) {
		next = strchr(line, '\n');
		fuzz_assert(next != NULL);
		if (reasons_line(&again, line, (size_t)(next - line)) != NULL)
			fuzz_fail("a line written again is refused: %.*s", (int)(next - line), line);
	}
	same(&r, &again);
	reasons_free(&r);
	reasons_free(&again);
	buf_free(&out);
	return 0;
}
