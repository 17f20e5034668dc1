/*
 * Times and positions, the small parsers under everything: response-line
 * timestamps, mail Date headers, positions and answers, remind's
 * intervals.  Round trips: a
 * valid timestamp survives seconds and back; a parsed position formats
 * and parses to itself; a mail date is always a real timestamp.
 */
#include "fuzz.h"
#include "mail.h"
#include "position.h"
#include "text.h"
#include "timestamp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), stamp[TIMESTAMP_LEN + 1], text[POSITION_TEXT];
	long long seconds;
	double value;
	int tenths, again;
	size_t k;

	if (s == NULL)
		fuzz_fail("out of memory");
	memcpy(s, data, size);
	s[size] = '\0';

	if (timestamp_valid(s, size)) {
		timestamp_from_seconds(timestamp_seconds(s), stamp);
		if (strcmp(stamp, s) != 0)
			fuzz_fail("timestamp %s came back as %s", s, stamp);
	}
	if ((seconds = mail_date(s)) >= 0) {
		timestamp_from_seconds(seconds, stamp);
		fuzz_assert(timestamp_valid(stamp, TIMESTAMP_LEN));
		fuzz_assert(timestamp_seconds(stamp) == seconds);
	}
	if (position_parse(s, size, &tenths) == 0) {
		fuzz_assert(tenths == POSITION_NONE || (tenths >= 0 && tenths <= POSITION_MAX));
		position_format(tenths, text);
		fuzz_assert(position_parse(text, strlen(text), &again) == 0 && again == tenths);
	}
	/* A decimal is only what the figures write: no exponent, no '+', no
	 * blank; and the anchor nearest any point is one of the anchors. */
	if (text_decimal(s, size, &value) == 0) {
		fuzz_assert(strpbrk(s, "eE+ .") == NULL || (strchr(s, '.') != NULL &&
		    strpbrk(s, "eE+ ") == NULL && s[size - 1] != '.'));
		/* Figures are range-checked before they get here. */
		for (k = 2; k <= 12; k += 5) {
			size_t a = anchor_nearest(k, value >= -1e6 && value <= 1e6 ?
			    (long long)(value * 40) : 0);

			fuzz_assert(a >= 1 && a <= k);
		}
	}
	if (timestamp_interval_parse(s, &seconds) == 0)
		fuzz_assert(seconds >= 0 && seconds <= 52LL * 604800 && seconds % 60 == 0);
	for (k = 2; k <= 12; k += 5) {
		if (answer_parse(s, size, k, &tenths) == NULL)
			fuzz_assert(tenths == POSITION_NONE || (tenths >= 0 && tenths <= POSITION_MAX));
	}
	free(s);
	return 0;
}
