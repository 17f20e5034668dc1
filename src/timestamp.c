#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "timestamp.h"

static int
digits(const char *s, size_t n, int *value)
{
	size_t i;

	*value = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*value = *value * 10 + (s[i] - '0');
	}
	return 0;
}

static int
days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int
timestamp_valid(const char *s, size_t n)
{
	/* Where each number starts in YYYY-MM-DDThh:mm:ssZ, and its width. */
	static const struct { size_t at, width; int low, high; } parts[] = {
		{ 0, 4, 0, 9999 }, { 5, 2, 1, 12 }, { 8, 2, 1, 31 },
		{ 11, 2, 0, 23 }, { 14, 2, 0, 59 }, { 17, 2, 0, 59 },
	};
	int value[6];
	size_t i;

	if (n != TIMESTAMP_LEN || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return 0;
	for (i = 0; i < 6; i++) {
		if (digits(s + parts[i].at, parts[i].width, &value[i]) < 0 ||
		    value[i] < parts[i].low || value[i] > parts[i].high)
			return 0;
	}
	return value[2] <= days_in_month(value[0], value[1]);
}

void
timestamp_format(time_t t, char *out)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, TIMESTAMP_LEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm) != TIMESTAMP_LEN)
		memcpy(out, "1970-01-01T00:00:00Z", TIMESTAMP_LEN + 1);
}

int
timestamp_now(char *out)
{
	const char *fixed = getenv("STANCE_NOW");

	if (fixed != NULL && *fixed != '\0') {
		if (!timestamp_valid(fixed, strlen(fixed)))
			return -1;
		memcpy(out, fixed, TIMESTAMP_LEN + 1);
		return 0;
	}
	timestamp_format(time(NULL), out);
	return 0;
}
