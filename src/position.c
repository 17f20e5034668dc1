#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "position.h"

/*
 * Read "D", "DD", "DDD" with an optional separator and up to max_decimals
 * digits.  The value is returned as digits scaled by 10^decimals, e.g.
 * "2.50" gives *value 250, *scale 100.  Returns -1 on anything else.
 */
static int
decimal_parse(const char *s, size_t n, int comma_too, size_t max_decimals,
    uint64_t *value, uint64_t *scale)
{
	size_t i = 0, integer_digits = 0, decimals = 0;
	uint64_t v = 0, sc = 1;

	while (i < n && s[i] >= '0' && s[i] <= '9') {
		if (++integer_digits > 3)
			return -1;
		v = v * 10 + (uint64_t)(s[i++] - '0');
	}
	if (integer_digits == 0)
		return -1;
	if (i < n && (s[i] == '.' || (comma_too && s[i] == ','))) {
		i++;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			if (++decimals > max_decimals)
				return -1;
			v = v * 10 + (uint64_t)(s[i++] - '0');
			sc *= 10;
		}
		if (decimals == 0)
			return -1;
	}
	if (i != n)
		return -1;
	*value = v;
	*scale = sc;
	return 0;
}

int
position_parse(const char *s, size_t n, int *tenths)
{
	uint64_t v, scale;

	if (n == 1 && s[0] == '-') {
		*tenths = POSITION_NONE;
		return 0;
	}
	if (decimal_parse(s, n, 0, 1, &v, &scale) < 0)
		return -1;
	if (scale == 1)
		v *= 10;
	if (v > POSITION_MAX)
		return -1;
	*tenths = (int)v;
	return 0;
}

void
position_format(int tenths, char out[POSITION_TEXT])
{
	char *p = out;
	int whole;

	if (tenths < 0 || tenths > POSITION_MAX) {
		memcpy(out, "-", 2);
		return;
	}
	/* By hand: this runs for every line written, and is simple. */
	whole = tenths / 10;
	if (whole >= 100)
		*p++ = (char)('0' + whole / 100);
	if (whole >= 10)
		*p++ = (char)('0' + whole / 10 % 10);
	*p++ = (char)('0' + whole % 10);
	if (tenths % 10 != 0) {
		*p++ = '.';
		*p++ = (char)('0' + tenths % 10);
	}
	*p = '\0';
}

/* num/den rounded to the nearest integer, halves away from zero. */
static uint64_t
round_div(uint64_t num, uint64_t den)
{
	return (2 * num + den) / (2 * den);
}

int
anchor_position(size_t k, size_t i)
{
	if (k < 2)
		return 0;
	return (int)round_div((uint64_t)POSITION_MAX * (i - 1), k - 1);
}

size_t
anchor_nearest(size_t k, long long fortieths)
{
	long long best_distance = LLONG_MAX, middle = 4LL * POSITION_MAX / 2;
	size_t i, best = 1;

	for (i = 1; i <= k; i++) {
		long long at = 4LL * anchor_position(k, i);
		long long d = llabs(at - fortieths);

		if (d < best_distance || (d == best_distance &&
		    llabs(at - middle) < llabs(4LL * anchor_position(k, best) - middle))) {
			best = i;
			best_distance = d;
		}
	}
	return best;
}

const char *
answer_parse(const char *s, size_t n, size_t k, int *tenths)
{
	uint64_t v, scale;

	if (n == 1 && s[0] == '-') {
		*tenths = POSITION_NONE;
		return NULL;
	}
	if (n > 0 && s[n - 1] == '%') {
		if (decimal_parse(s, n - 1, 1, 1, &v, &scale) < 0)
			return tr("a percentage is a number from 0 to 100 with at most one decimal",
			    "een percentage is een getal van 0 tot 100 met hoogstens één decimaal");
		if (scale == 1)
			v *= 10;
		if (v > POSITION_MAX)
			return tr("a percentage lies between 0% and 100%",
			    "een percentage ligt tussen 0% en 100%");
		*tenths = (int)v;
		return NULL;
	}
	/* Six decimals is far finer than a tenth of a point on any line. */
	if (decimal_parse(s, n, 1, 6, &v, &scale) < 0)
		return tr("not an anchor number, a percentage or -",
		    "geen uitspraaknummer, percentage of -");
	if (v < scale || v > (uint64_t)k * scale)
		return tr("no such anchor", "die uitspraak bestaat niet");
	/* anchor a = v/scale sits at 1000*(a-1)/(k-1) tenths. */
	*tenths = (int)round_div((uint64_t)POSITION_MAX * (v - scale),
	    scale * (k - 1));
	return NULL;
}

void
position_for_people(int tenths, char out[POSITION_TEXT])
{
	char *point;

	position_format(tenths, out);
	/* Files keep the point; Dutch text writes a decimal comma. */
	if (lang_current == LANG_NL && (point = strchr(out, '.')) != NULL)
		*point = ',';
}
