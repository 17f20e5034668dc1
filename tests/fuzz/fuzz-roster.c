/*
 * The roster reader (stance-roster(5)): every entry it keeps is a valid
 * line, found again by its participant, and kept once.
 */
#include "fuzz.h"
#include "roster.h"
#include "token.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fuzz_stream(data, size);
	struct roster r;
	size_t i;

	if (fp == NULL)
		return 0;
	if (roster_read(&r, fp, "fuzz") >= 0) {
		for (i = 0; i < r.n; i++) {
			const struct roster_entry *e = &r.entries[i];

			fuzz_assert(token_problem(e->participant, strlen(e->participant)) == NULL);
			fuzz_assert(roster_find(&r, e->participant) == (long)i);
			fuzz_assert(!utf8_has_control(e->name, strlen(e->name), ""));
			fuzz_assert(!utf8_has_control(e->email, strlen(e->email), ""));
		}
	}
	roster_free(&r);
	fclose(fp);
	return 0;
}
