#include <math.h>
#include <string.h>

#include "stats.h"

void
stats_add(struct stats_counts *c, int position)
{
	if (position == POSITION_NONE) {
		c->abstain++;
		return;
	}
	c->count[position]++;
	c->n++;
}

void
stats_merge(struct stats_counts *into, const struct stats_counts *from)
{
	size_t v;

	for (v = 0; v < STATS_VALUES; v++)
		into->count[v] += from->count[v];
	into->n += from->n;
	into->abstain += from->abstain;
}

/* The value (in tenths) at 0-based index i of the sorted positions. */
static int
value_at(const struct stats_counts *c, uint64_t i)
{
	uint64_t seen = 0;
	int v;

	for (v = 0; v < STATS_VALUES; v++) {
		seen += c->count[v];
		if (seen > i)
			return v;
	}
	return POSITION_MAX;
}

int64_t
stats_quartile(const struct stats_counts *c, int quarter)
{
	/* h = (n-1)p in quarters: its whole part and its quarters. */
	uint64_t h4 = (c->n - 1) * (uint64_t)quarter, j = h4 / 4, frac = h4 % 4;
	int low = value_at(c, j), high = frac ? value_at(c, j + 1) : low;

	return 4 * (int64_t)low + (int64_t)frac * (high - low);
}

int
stats_min(const struct stats_counts *c)
{
	return value_at(c, 0);
}

int
stats_max(const struct stats_counts *c)
{
	return value_at(c, c->n - 1);
}

double
stats_mean(const struct stats_counts *c)
{
	uint64_t sum = 0;
	size_t v;

	/* At most 1000 * 2^64 / 1000 before it wraps: exact for any input
	 * one machine can hold. */
	for (v = 0; v < STATS_VALUES; v++)
		sum += (uint64_t)v * c->count[v];
	return (double)sum / (double)c->n / 10.0;
}

double
stats_sd(const struct stats_counts *c)
{
	double mean = stats_mean(c), squares = 0;
	size_t v;

	/* Around the mean, bin by bin: no cancellation of large sums. */
	for (v = 0; v < STATS_VALUES; v++) {
		double d = (double)v / 10.0 - mean;

		squares += (double)c->count[v] * d * d;
	}
	return sqrt(squares / (double)(c->n - 1));
}

double
stats_consensus(const struct stats_counts *c)
{
	double mean = stats_mean(c), sum = 0;
	size_t v;

	for (v = 0; v < STATS_VALUES; v++) {
		if (c->count[v] == 0)
			continue;
		sum += (double)c->count[v] / (double)c->n *
		    log2(1.0 - fabs((double)v / 10.0 - mean) / 100.0);
	}
	return 1.0 + sum;
}

size_t
stats_profile(const struct stats_counts *c, size_t anchors, uint64_t *bins)
{
	size_t k = 2 * anchors - 1, middle = (k - 1) / 2, v;

	memset(bins, 0, k * sizeof(*bins));
	for (v = 0; v < STATS_VALUES; v++) {
		/* Centres at b * 1000 / (k - 1) tenths: round v * (k - 1) /
		 * 1000 to the nearest bin, a tie to the bin nearer 50. */
		uint64_t x = (uint64_t)v * (k - 1) + 500;
		size_t b = (size_t)(x / 1000);

		if (c->count[v] == 0)
			continue;
		if (x % 1000 == 0 && b > middle)
			b--;
		bins[b] += c->count[v];
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
	size_t v;

	for (v = 0; v < STATS_VALUES; v++) {
		if (v < 250)
			lo += c->count[v];
		else if (v <= 750)
			mid += c->count[v];
		else
			hi += c->count[v];
	}
	small = lo < hi ? lo : hi;
	big = lo < hi ? hi : lo;
	return 3 * small > big + 2 * mid;
}
