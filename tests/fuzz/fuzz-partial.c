/*
 * The partial-output parser (aggregate --partial, read by --merge).
 * Round trip: a line that parses is formatted again and parses to the
 * same counters.
 */
#include "buf.h"
#include "fuzz.h"
#include "lines.h"
#include "partial.h"

static void
check_line(char *line, size_t len)
{
	static struct partial_row row, again;
	struct buf out = { 0 };
	char *copy;

	if (partial_parse(line, len, &row) != NULL)
		return;
	if (row.change) {
		fuzz_assert(row.moved <= row.both);
		partial_format_change(&out, row.round, row.group, row.continuum, row.both, row.moved);
	} else {
		partial_format_counts(&out, row.round, row.group, row.continuum, &row.counts);
	}
	copy = xstrndup(out.data, out.len - 1);
	if (partial_parse(copy, out.len - 1, &again) != NULL)
		fuzz_fail("a formatted partial line does not parse: %s", out.data);
	fuzz_assert(again.change == row.change && again.both == row.both &&
	    again.moved == row.moved && again.counts.n == row.counts.n &&
	    again.counts.abstain == row.counts.abstain &&
	    memcmp(again.counts.count, row.counts.count, sizeof(row.counts.count)) == 0);
	free(copy);
	buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fuzz_stream(data, size);
	struct lines in;
	ssize_t n;

	if (fp == NULL)
		return 0;
	lines_from(&in, fp, "fuzz");
	while ((n = lines_next(&in)) >= 0)
		check_line(in.line, (size_t)n);
	lines_close(&in);
	fclose(fp);
	return 0;
}
