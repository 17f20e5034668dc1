#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "tally.h"

/* From pairs to counters: the pairs are not needed any more. */
static void
make_dense(struct tally *t)
{
	size_t i;

	t->dense = xcalloc(STATS_VALUES, sizeof(*t->dense));
	for (i = 0; i < t->nsparse; i++)
		t->dense[t->value[i]] = t->count[i];
	t->nsparse = 0;
}

void
tally_add_count(struct tally *t, int position, uint64_t count)
{
	size_t i;

	t->n += count;
	if (t->dense == NULL) {
		for (i = 0; i < t->nsparse; i++) {
			if (t->value[i] == position) {
				t->count[i] += count;
				return;
			}
		}
		if (t->nsparse < TALLY_SPARSE) {
			t->value[t->nsparse] = (uint16_t)position;
			t->count[t->nsparse++] = count;
			return;
		}
		make_dense(t);
	}
	t->dense[position] += count;
}

void
tally_add(struct tally *t, int position)
{
	if (position == POSITION_NONE) {
		t->abstain++;
		return;
	}
	if (t->dense != NULL) {	/* the common case of a large file */
		t->dense[position]++;
		t->n++;
		return;
	}
	tally_add_count(t, position, 1);
}

void
tally_merge(struct tally *t, const struct stats_counts *c)
{
	size_t i;

	for (i = 0; i < c->nvalues; i++)
		tally_add_count(t, c->value[i], c->count[i]);
	t->abstain += c->abstain;
}

void
tally_counts(const struct tally *t, struct stats_counts *out)
{
	size_t i, j, n = 0;

	if (t->dense != NULL) {
		for (i = 0; i < STATS_VALUES; i++) {
			if (t->dense[i] == 0)
				continue;
			out->value[n] = (uint16_t)i;
			out->count[n++] = t->dense[i];
		}
	} else {
		/* At most TALLY_SPARSE pairs, into rising order. */
		for (i = 0; i < t->nsparse; i++) {
			for (j = n; j > 0 && out->value[j - 1] > t->value[i]; j--) {
				out->value[j] = out->value[j - 1];
				out->count[j] = out->count[j - 1];
			}
			out->value[j] = t->value[i];
			out->count[j] = t->count[i];
			n++;
		}
	}
	out->nvalues = n;
	out->n = t->n;
	out->abstain = t->abstain;
}

void
tally_free(struct tally *t)
{
	free(t->dense);
	memset(t, 0, sizeof(*t));
}
