/*
 * The reader of aggregate's rows (stance-aggregate(5)), as chart uses it:
 * the first line as the header, every other as a row.  Whatever it
 * accepts is in range: quartiles ordered, a profile of 2k-1 bins.
 */
#include "figures.h"
#include "fuzz.h"
#include "lines.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *fp = fuzz_stream(data, size);
	struct figures_header h;
	struct figures_row row;
	struct lines in;
	ssize_t n;

	if (fp == NULL)
		return 0;
	lines_from(&in, fp, "fuzz");
	if ((n = lines_next(&in)) >= 0 && figures_header_parse(in.line, (size_t)n, &h) == NULL) {
		while ((n = lines_next(&in)) >= 0) {
			if (figures_parse(&h, in.line, (size_t)n, &row) != NULL)
				continue;
			fuzz_assert(row.nbins == 0 || (row.nbins >= 3 && row.nbins % 2 == 1 &&
			    row.nbins <= STATS_MAX_BINS));
			if (row.have_quartiles)
				fuzz_assert(row.q1 <= row.median && row.median <= row.q3 &&
				    row.q1 >= 0 && row.q3 <= 100);
			if (row.camps != NULL) {
				struct figures_camp camps[STATS_MAX_CAMPS];
				size_t i, k = figures_camps(&row, camps);
				uint64_t sum = 0;

				fuzz_assert(k > 0 && verdict_table[row.verdict].figures);
				for (i = 0; i < k; i++) {
					fuzz_assert(camps[i].n > 0 && camps[i].anchor > 0);
					fuzz_assert(i == 0 || camps[i - 1].median < camps[i].median);
					sum += camps[i].n;
				}
				fuzz_assert(sum == row.n);
			}
		}
	}
	lines_close(&in);
	fclose(fp);
	return 0;
}
