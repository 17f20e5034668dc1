#include <math.h>
#include <string.h>

#include "stats.h"

int
stats_equal(const struct stats_counts *a, const struct stats_counts *b)
{
	size_t i;

	if (a->nvalues != b->nvalues || a->n != b->n || a->abstain != b->abstain)
		return 0;
	for (i = 0; i < a->nvalues; i++)
		if (a->value[i] != b->value[i] || a->count[i] != b->count[i])
			return 0;
	return 1;
}

/* The value (in tenths) at 0-based index i of the positions value[0..m)
 * with their counts, rising. */
static int
value_at(const uint16_t *value, const uint64_t *count, size_t m, uint64_t i)
{
	uint64_t seen = 0;
	size_t j;

	for (j = 0; j < m; j++) {
		seen += count[j];
		if (seen > i)
			return value[j];
	}
	return POSITION_MAX;
}

/* The quartile of n positions value[0..m) with their counts. */
static int64_t
quartile_of(const uint16_t *value, const uint64_t *count, size_t m, uint64_t n, int quarter)
{
	/* h = (n-1)p in quarters: its whole part and its quarters. */
	uint64_t h4 = (n - 1) * (uint64_t)quarter, j = h4 / 4, frac = h4 % 4;
	int low = value_at(value, count, m, j), high = frac ? value_at(value, count, m, j + 1) : low;

	return 4 * (int64_t)low + (int64_t)frac * (high - low);
}

int64_t
stats_quartile(const struct stats_counts *c, int quarter)
{
	return quartile_of(c->value, c->count, c->nvalues, c->n, quarter);
}

size_t
stats_camps(const struct stats_counts *c, size_t anchors, struct stats_camp *camps)
{
	size_t i, first = 0, ncamps = 0;
	uint64_t n = 0;

	for (i = 0; i < c->nvalues; i++) {
		n += c->count[i];
		/* A cut after i: the next position a quarter of the line
		 * away (250 tenths), or half a statement (500 / (k - 1)
		 * tenths) where statements stand closer. */
		if (i + 1 < c->nvalues) {
			unsigned gap = (unsigned)(c->value[i + 1] - c->value[i]);

			if (gap < 250 && gap * (anchors - 1) < 500)
				continue;
		}
		if (ncamps < STATS_MAX_CAMPS) {
			camps[ncamps].n = n;
			camps[ncamps].median = quartile_of(c->value + first, c->count + first,
			    i + 1 - first, n, 2);
			ncamps++;
		}
		first = i + 1;
		n = 0;
	}
	return ncamps;
}

size_t
stats_camp_of(const struct stats_counts *c, size_t anchors, int position)
{
	size_t i, camp = 0;

	/* The cuts of stats_camps(), counted up to the position. */
	for (i = 0; i + 1 < c->nvalues && c->value[i] < position; i++) {
		unsigned gap = (unsigned)(c->value[i + 1] - c->value[i]);

		if (gap >= 250 || gap * (anchors - 1) >= 500)
			camp++;
	}
	return camp < STATS_MAX_CAMPS ? camp : STATS_MAX_CAMPS - 1;
}

int
stats_min(const struct stats_counts *c)
{
	return c->nvalues > 0 ? c->value[0] : POSITION_MAX;
}

int
stats_max(const struct stats_counts *c)
{
	return c->nvalues > 0 ? c->value[c->nvalues - 1] : POSITION_MAX;
}

double
stats_mean(const struct stats_counts *c)
{
	uint64_t sum = 0;
	size_t i;

	/* n is at most 10^12 (stance-aggregate(5)), so the sum is at most
	 * 10^15 tenths: exact, as a whole number and as a double. */
	for (i = 0; i < c->nvalues; i++)
		sum += (uint64_t)c->value[i] * c->count[i];
	return (double)sum / (double)c->n / 10.0;
}

double
stats_sd(const struct stats_counts *c)
{
	double mean = stats_mean(c), squares = 0;
	size_t i;

	/* Around the mean, position by position: no cancellation of large
	 * sums. */
	for (i = 0; i < c->nvalues; i++) {
		double d = (double)c->value[i] / 10.0 - mean;

		squares += (double)c->count[i] * d * d;
	}
	return sqrt(squares / (double)(c->n - 1));
}

double
stats_consensus(const struct stats_counts *c)
{
	double mean = stats_mean(c), sum = 0;
	size_t i;

	for (i = 0; i < c->nvalues; i++)
		sum += (double)c->count[i] / (double)c->n *
		    log2(1.0 - fabs((double)c->value[i] / 10.0 - mean) / 100.0);
	return 1.0 + sum;
}

size_t
stats_profile(const struct stats_counts *c, size_t anchors, uint64_t *bins)
{
	size_t k = 2 * anchors - 1, middle = (k - 1) / 2, i;

	memset(bins, 0, k * sizeof(*bins));
	for (i = 0; i < c->nvalues; i++) {
		/* Centres at b * 1000 / (k - 1) tenths: round v * (k - 1) /
		 * 1000 to the nearest bin, a tie to the bin nearer 50. */
		uint64_t x = (uint64_t)c->value[i] * (k - 1) + 500;
		size_t b = (size_t)(x / 1000);

		if (x % 1000 == 0 && b > middle)
			b--;
		bins[b] += c->count[i];
	}
	return k;
}

/* One layer's agreement (van der Eijk 2001, eq. 2, as R's agrmt). */
static double
layer_agreement(const int *pattern, size_t k)
{
	uint64_t tu = 0, tdu = 0;
	size_t i, j, l, s = 0;
	double u;

	for (i = 0; i < k; i++)
		s += pattern[i] != 0;
	if (s == 1)
		return 1.0;
	if (s == k)
		return 0.0;
	for (i = 0; i < k; i++)
		for (j = i + 1; j < k; j++)
			for (l = j + 1; l < k; l++) {
				int a = pattern[i], b = pattern[j], d = pattern[l];

				if (a && !b && d)
					tdu++;
				else if ((a && b && !d) || (!a && b && d))
					tu++;
			}
	u = ((double)(k - 2) * (double)tu - (double)(k - 1) * (double)tdu) /
	    ((double)(k - 2) * (double)(tu + tdu));
	return u * (1.0 - (double)(s - 1) / (double)(k - 1));
}

double
stats_agreement(const uint64_t *bins, size_t k)
{
	uint64_t left[STATS_MAX_BINS], total = 0, smallest;
	int pattern[STATS_MAX_BINS];
	double a = 0;
	size_t i, s;

	for (i = 0; i < k; i++)
		total += left[i] = bins[i];
	if (total == 0)
		return 0.0;
	/* Peel off layers: the smallest count that is left, taken from
	 * every category that still has some, weighted by its share. */
	for (;;) {
		smallest = 0;
		for (i = 0, s = 0; i < k; i++) {
			pattern[i] = left[i] > 0;
			s += left[i] > 0;
			if (left[i] > 0 && (smallest == 0 || left[i] < smallest))
				smallest = left[i];
		}
		if (s == 0)
			break;
		a += (double)smallest * (double)s / (double)total * layer_agreement(pattern, k);
		for (i = 0; i < k; i++)
			if (left[i] > 0)
				left[i] -= smallest;
	}
	return a;
}

int
stats_polarised(const struct stats_counts *c)
{
	uint64_t lo = 0, mid = 0, hi = 0, small, big;
	size_t i;

	for (i = 0; i < c->nvalues; i++) {
		if (c->value[i] < 250)
			lo += c->count[i];
		else if (c->value[i] <= 750)
			mid += c->count[i];
		else
			hi += c->count[i];
	}
	small = lo < hi ? lo : hi;
	big = lo < hi ? hi : lo;
	return 3 * small > big + 2 * mid;
}
