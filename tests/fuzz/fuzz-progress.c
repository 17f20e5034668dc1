/*
 * collect --status lines as remind reads them (src/progress.c).  Round
 * trip: a line that parses is written again byte for byte, its state
 * agrees with its count, and a refused line is left as it was.
 */
#include "buf.h"
#include "fuzz.h"
#include "progress.h"

static void
check_line(char *line, size_t len, unsigned long number, void *context)
{
	struct progress p;
	struct buf out = { 0 };
	char *copy = xstrndup(line, len);

	(void)number;
	(void)context;
	if (progress_parse(line, len, &p) != NULL) {
		if (memcmp(line, copy, len) != 0)
			fuzz_fail("a refused line was changed");
		free(copy);
		return;
	}
	fuzz_assert(p.answered <= p.total);
	fuzz_assert((p.state == PROGRESS_COMPLETE) == (p.answered == p.total));
	progress_format(&out, &p);
	if (out.len - 1 != len || memcmp(out.data, copy, len) != 0)
		fuzz_fail("a line written again differs: %s", out.data);
	buf_free(&out);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lines(data, size, check_line, NULL, NULL);
	return 0;
}
