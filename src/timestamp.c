#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "diag.h"
#include "lang.h"
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

/* Where each number starts in YYYY-MM-DDThh:mm:ssZ, and its width: the
 * date's three, then the time's. */
static const struct { size_t at, width; int low, high; } parts[] = {
	{ 0, 4, 0, 9999 }, { 5, 2, 1, 12 }, { 8, 2, 1, 31 },
	{ 11, 2, 0, 23 }, { 14, 2, 0, 59 }, { 17, 2, 0, 59 },
};
#define DATE_PARTS	3
#define DATE_LEN	11	/* "YYYY-MM-DDT" */

static int
valid_parts(const char *s, size_t n, size_t first)
{
	int value[6];
	size_t i;

	if (n != TIMESTAMP_LEN || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return 0;
	for (i = first; i < 6; i++) {
		if (digits(s + parts[i].at, parts[i].width, &value[i]) < 0 ||
		    value[i] < parts[i].low || value[i] > parts[i].high)
			return 0;
	}
	return first > 0 || value[2] <= days_in_month(value[0], value[1]);
}

int
timestamp_valid(const char *s, size_t n)
{
	return valid_parts(s, n, 0);
}

int
timestamp_valid_after(const char *s, size_t n, const char *valid)
{
	if (n == TIMESTAMP_LEN && memcmp(s, valid, DATE_LEN) == 0)
		return valid_parts(s, n, DATE_PARTS);
	return valid_parts(s, n, 0);
}

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm),
 * exact for every year 0-9999 without the C library's time zone code. */
static long long
days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int
two(const char *s)
{
	return (s[0] - '0') * 10 + (s[1] - '0');
}

long long
timestamp_seconds(const char *s)
{
	long long year = two(s) * 100 + two(s + 2);

	return days_from_civil(year, two(s + 5), two(s + 8)) * 86400 +
	    two(s + 11) * 3600 + two(s + 14) * 60 + two(s + 17);
}

static void
put_digits(char *out, long long value, int width)
{
	while (width-- > 0) {
		out[width] = (char)('0' + value % 10);
		value /= 10;
	}
}

void
timestamp_from_seconds(long long seconds, char *out)
{
	long long days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
	long long rest = seconds - days * 86400, era, doe, yoe, y, doy, mp;
	int m, d;

	/* civil_from_days, the inverse of days_from_civil. */
	days += 719468;
	era = (days >= 0 ? days : days - 146096) / 146097;
	doe = days - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	y += m <= 2;
	memcpy(out, "0000-00-00T00:00:00Z", TIMESTAMP_LEN + 1);
	put_digits(out, y, 4);
	put_digits(out + 5, m, 2);
	put_digits(out + 8, d, 2);
	put_digits(out + 11, rest / 3600, 2);
	put_digits(out + 14, rest / 60 % 60, 2);
	put_digits(out + 17, rest % 60, 2);
}

void
timestamp_format(time_t t, char *out)
{
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, TIMESTAMP_LEN + 1, "%Y-%m-%dT%H:%M:%SZ", &tm) != TIMESTAMP_LEN)
		memcpy(out, "1970-01-01T00:00:00Z", TIMESTAMP_LEN + 1);
}

void
timestamp_now(char *out)
{
	const char *fixed = getenv("STANCE_NOW");

	if (fixed != NULL && *fixed != '\0') {
		if (!timestamp_valid(fixed, strlen(fixed)))
			diag_fatal(tr("STANCE_NOW='%s' is not a UTC time like 2026-11-25T09:30:00Z",
			    "STANCE_NOW='%s' is geen UTC-tijd zoals 2026-11-25T09:30:00Z"), fixed);
		memcpy(out, fixed, TIMESTAMP_LEN + 1);
		return;
	}
	timestamp_format(time(NULL), out);
}

/*
 * A time as a person types it: 2026-12-01T17:00, with a space or T, with
 * or without seconds, then Z, an offset (+01:00, +0100), or nothing for
 * the local time zone.  Returns 0 with *seconds, or -1.
 */
int
timestamp_parse(const char *s, long long *seconds)
{
	char stamp[32];
	int year, month, day, hour, minute, second = 0, oh, om, local = 0;
	size_t n = strlen(s), at = 16;
	long long offset = 0;

	if (n < 16 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') ||
	    s[13] != ':' || digits(s, 4, &year) < 0 || digits(s + 5, 2, &month) < 0 ||
	    digits(s + 8, 2, &day) < 0 || digits(s + 11, 2, &hour) < 0 ||
	    digits(s + 14, 2, &minute) < 0)
		return -1;
	if (s[at] == ':') {
		if (digits(s + at + 1, 2, &second) < 0)
			return -1;
		at += 3;
	}
	if (s[at] == '\0') {
		local = 1;
	} else if (strcmp(s + at, "Z") == 0) {
		offset = 0;
	} else if ((s[at] == '+' || s[at] == '-') && digits(s + at + 1, 2, &oh) == 0 &&
	    ((s[at + 3] == ':' && digits(s + at + 4, 2, &om) == 0 && s[at + 6] == '\0') ||
	    (digits(s + at + 3, 2, &om) == 0 && s[at + 5] == '\0')) && oh <= 23 && om <= 59) {
		offset = (oh * 3600LL + om * 60LL) * (s[at] == '-' ? -1 : 1);
	} else {
		return -1;
	}
	snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
	    hour, minute, second);
	if (!timestamp_valid(stamp, strlen(stamp)))
		return -1;
	if (local) {
		/* The local time zone says what the offset was on that day. */
		struct tm tm = { 0 };
		time_t t;

		tm.tm_year = year - 1900;
		tm.tm_mon = month - 1;
		tm.tm_mday = day;
		tm.tm_hour = hour;
		tm.tm_min = minute;
		tm.tm_sec = second;
		tm.tm_isdst = -1;
		if ((t = mktime(&tm)) == (time_t)-1)
			return -1;
		*seconds = (long long)t;
		return 0;
	}
	*seconds = timestamp_seconds(stamp) - offset;
	return 0;
}

int
timestamp_interval_parse(const char *s, long long *seconds)
{
	static const struct {
		char unit;
		long long seconds;
	} units[] = { { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 }, { 'w', 604800 } };
	long long n = 0;
	size_t i, digits = strspn(s, "0123456789");

	if (digits == 0 || digits > 6 || s[digits] == '\0' || s[digits + 1] != '\0')
		return -1;
	for (i = 0; i < digits; i++)
		n = n * 10 + (s[i] - '0');
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (units[i].unit == s[digits]) {
			*seconds = n * units[i].seconds;
			return *seconds <= 52LL * 604800 ? 0 : -1;
		}
	}
	return -1;
}
