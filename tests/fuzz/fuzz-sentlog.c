/*
 * remind's log (src/sentlog.c), line by line.  Round trip: a line that
 * parses is written again and parses to the same entry, and a refused
 * line is left as it was.
 */
#include "buf.h"
#include "fuzz.h"
#include "sentlog.h"

static void
check_line(char *line, size_t len, unsigned long number, void *context)
{
	struct sentlog_entry e, again;
	struct buf out = { 0 };
	char *copy = xstrndup(line, len);

	(void)number;
	(void)context;
	if (sentlog_parse(line, len, &e) != NULL) {
		if (memcmp(line, copy, len) != 0)
			fuzz_fail("a refused line was changed");
		free(copy);
		return;
	}
	fuzz_assert(e.kind == SENTLOG_INVITATION || e.kind == SENTLOG_REMINDER);
	fuzz_assert(e.sent == 0 || e.sent == 1);
	sentlog_format(&out, &e);
	fuzz_assert(out.len > 0 && out.data[out.len - 1] == '\n');
	if (out.len - 1 != len || memcmp(out.data, copy, len) != 0)
		fuzz_fail("a line written again differs: %s", out.data);
	out.data[--out.len] = '\0';
	if (sentlog_parse(out.data, out.len, &again) != NULL || again.time != e.time ||
	    again.kind != e.kind || again.sent != e.sent)
		fuzz_fail("a line written again reads otherwise: %s", out.data);
	buf_free(&out);
	free(copy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lines(data, size, check_line, NULL, NULL);
	return 0;
}
