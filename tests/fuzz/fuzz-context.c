/*
 * The context reader (stance-context(5)): whatever it is given, it says
 * how many mistakes it found, and a file it found none in leaves a
 * context within its bounds: an employer of the three, staff not said or
 * 1 to CONTEXT_STAFF_MAX, client work yes or no, and a name, since the
 * organisation record needs one.  A value it refused leaves the one
 * before it.
 */
#include "context.h"
#include "fuzz.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fuzz_stream(data, size);
	struct context c;
	int mistakes;

	if (fp == NULL)
		return 0;
	context_init(&c);
	mistakes = context_read(&c, fp, "fuzz");
	fuzz_assert(mistakes >= 0);
	fuzz_assert(c.employer == EMPLOYER_UNKNOWN || c.employer == EMPLOYER_PRIVATE ||
	    c.employer == EMPLOYER_PUBLIC);
	fuzz_assert(c.staff == -1 || (c.staff >= 1 && c.staff <= CONTEXT_STAFF_MAX));
	fuzz_assert(c.client_work == 0 || c.client_work == 1);
	if (mistakes == 0) {
		fuzz_assert(c.name != NULL && *c.name != '\0');
		fuzz_assert(!utf8_has_control(c.name, strlen(c.name), ""));
	}
	context_free(&c);
	fclose(fp);
	return 0;
}
