#include <stdlib.h>

#include "alloc.h"
#include "keymap.h"

static size_t
slot_of(uint64_t key, size_t mask)
{
	/* Fibonacci hashing: the ids are small and dense, the high bits of
	 * the product are not. */
	return (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 24) & mask;
}

size_t
keymap_find(const struct keymap *m, uint64_t key)
{
	size_t at, mask;

	if (m->nslots == 0)
		return SIZE_MAX;
	mask = m->nslots - 1;
	for (at = slot_of(key, mask); m->values[at] != 0; at = (at + 1) & mask)
		if (m->keys[at] == key)
			return m->values[at] - 1;
	return SIZE_MAX;
}

static void
grow(struct keymap *m)
{
	struct keymap bigger = { 0 };
	size_t i, at, mask;

	bigger.nslots = m->nslots ? m->nslots * 2 : 64;
	bigger.keys = xcalloc(bigger.nslots, sizeof(*bigger.keys));
	bigger.values = xcalloc(bigger.nslots, sizeof(*bigger.values));
	bigger.n = m->n;
	mask = bigger.nslots - 1;
	for (i = 0; i < m->nslots; i++) {
		if (m->values[i] == 0)
			continue;
		for (at = slot_of(m->keys[i], mask); bigger.values[at] != 0; at = (at + 1) & mask)
			;
		bigger.keys[at] = m->keys[i];
		bigger.values[at] = m->values[i];
	}
	keymap_free(m);
	*m = bigger;
}

void
keymap_put(struct keymap *m, uint64_t key, size_t value)
{
	size_t at, mask;

	/* At most half full, so that a search ends soon. */
	if (2 * (m->n + 1) > m->nslots)
		grow(m);
	mask = m->nslots - 1;
	for (at = slot_of(key, mask); m->values[at] != 0; at = (at + 1) & mask)
		if (m->keys[at] == key)
			break;
	if (m->values[at] == 0)
		m->n++;
	m->keys[at] = key;
	m->values[at] = value + 1;
}

void
keymap_free(struct keymap *m)
{
	free(m->keys);
	free(m->values);
	m->keys = NULL;
	m->values = NULL;
	m->n = m->nslots = 0;
}
