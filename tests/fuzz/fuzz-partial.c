/*
 * The partial-output parser (aggregate --partial, read by --merge).
 * Round trip: a line that parses is formatted again and parses to the
 * same counters.
 */
#include "buf.h"
#include "fuzz.h"
#include "partial.h"

static void
check_line(char *line, size_t len, unsigned long number, void *context)
{
	(void)number;
	(void)context;
	static struct partial_row row, again;
	struct buf out = { 0 };
	char *copy;
	size_t i;

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
	    again.moved == row.moved && stats_equal(&again.counts, &row.counts));
	/* Within the bound of stance-aggregate(5), and rising. */
	fuzz_assert(row.counts.n <= PARTIAL_COUNT_MAX && row.counts.abstain <= PARTIAL_COUNT_MAX &&
	    row.both <= PARTIAL_COUNT_MAX);
	for (i = 1; i < row.counts.nvalues; i++)
		fuzz_assert(row.counts.value[i - 1] < row.counts.value[i] && row.counts.count[i] > 0);
	free(copy);
	buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lines(data, size, check_line, NULL, NULL);
	return 0;
}
