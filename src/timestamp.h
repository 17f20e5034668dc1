/*
 * timestamp: the UTC times in response lines, YYYY-MM-DDThh:mm:ssZ.
 * Being fixed-width, they sort as text in time order.
 */
#ifndef STANCE_TIMESTAMP_H
#define STANCE_TIMESTAMP_H

#include <stddef.h>
#include <time.h>

#define TIMESTAMP_LEN	20	/* "2026-11-25T09:30:00Z" */

/* Whether s[0..n) is a valid timestamp (a real date, 00-23:00-59:00-59). */
int timestamp_valid(const char *s, size_t n);
/* The same, knowing that valid[0..TIMESTAMP_LEN) is a valid timestamp:
 * a date they share is not checked again (one person's answers, given
 * together, mostly share it). */
int timestamp_valid_after(const char *s, size_t n, const char *valid);

/* Seconds since 1970 for a valid timestamp, and back: collect keeps
 * times as numbers (8 bytes instead of 20) and compares them as such. */
long long timestamp_seconds(const char *s);
void timestamp_from_seconds(long long seconds, char *out);

/*
 * A time as a person types it (collect --until): 2026-12-01T17:00:00Z,
 * 2026-12-01T17:00+01:00, or 2026-12-01 17:00 in the local time zone;
 * seconds may be left out.  Returns 0 with *seconds, or -1.
 */
int timestamp_parse(const char *s, long long *seconds);

/*
 * A length of time as a person writes it for remind --every: a whole
 * number and a unit, m (minutes), h (hours), d (days) or w (weeks):
 * "90m", "12h", "3d", "1w"; at most 52 weeks.  Returns 0 with *seconds,
 * or -1.
 */
int timestamp_interval_parse(const char *s, long long *seconds);

/* Write t as a timestamp into out (TIMESTAMP_LEN + 1 bytes). */
void timestamp_format(time_t t, char *out);

/*
 * The time to stamp on answers: STANCE_NOW if it is set (a timestamp, for
 * reproducible output), else the clock.  A STANCE_NOW that is not a
 * timestamp stops the program (diag_fatal): no time is better than a
 * wrong one.
 */
void timestamp_now(char *out);

#endif
