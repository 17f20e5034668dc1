#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "answerset.h"
#include "diag.h"

void
answerset_init(struct answerset *a, size_t ncontinua)
{
	memset(a, 0, sizeof(*a));
	a->ncontinua = ncontinua;
}

static size_t
person_hash(uint32_t round, uint32_t participant, size_t mask)
{
	uint64_t h = ((uint64_t)round << 32 | participant) * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h >> 20) & mask;
}

static void
grow_slots(struct answerset *a)
{
	size_t i, at, mask;

	free(a->slots);
	a->nslots = a->nslots ? a->nslots * 2 : 1024;
	a->slots = xcalloc(a->nslots, sizeof(*a->slots));
	mask = a->nslots - 1;
	for (i = 0; i < a->npersons; i++) {
		at = person_hash(a->persons[i].round, a->persons[i].participant, mask);
		while (a->slots[at] != 0)
			at = (at + 1) & mask;
		a->slots[at] = (uint32_t)i + 1;
	}
}

long
answerset_find(const struct answerset *a, uint32_t round, uint32_t participant)
{
	size_t at, mask;

	if (a->nslots == 0)
		return -1;
	mask = a->nslots - 1;
	for (at = person_hash(round, participant, mask); a->slots[at] != 0; at = (at + 1) & mask) {
		const struct person *p = &a->persons[a->slots[at] - 1];

		if (p->round == round && p->participant == participant)
			return (long)a->slots[at] - 1;
	}
	return -1;
}

static size_t
person_add(struct answerset *a, uint32_t round, uint32_t participant)
{
	size_t at, mask, i, p;

	if (2 * (a->npersons + 1) > a->nslots)
		grow_slots(a);
	mask = a->nslots - 1;
	for (at = person_hash(round, participant, mask); a->slots[at] != 0; at = (at + 1) & mask) {
		const struct person *found = &a->persons[a->slots[at] - 1];

		if (found->round == round && found->participant == participant)
			return a->slots[at] - 1;
	}
	if (a->npersons == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 1024;
		a->persons = xreallocarray(a->persons, a->cap, sizeof(*a->persons));
		a->kept = xreallocarray(a->kept, a->cap * a->ncontinua, sizeof(*a->kept));
	}
	p = a->npersons++;
	a->persons[p].round = round;
	a->persons[p].participant = participant;
	memset(&a->kept[p * a->ncontinua], 0, a->ncontinua * sizeof(*a->kept));
	for (i = 0; i < a->ncontinua; i++)
		a->kept[p * a->ncontinua + i].position = POSITION_UNSET;
	a->slots[at] = (uint32_t)p + 1;
	return p;
}

static uint64_t
note_add(struct answerset *a, const char *note, size_t len)
{
	uint64_t at;

	if (len == 0)
		return 0;
	if (a->notes_len + len + 1 > a->notes_cap) {
		while (a->notes_len + len + 1 > a->notes_cap)
			a->notes_cap = a->notes_cap ? a->notes_cap * 2 : 65536;
		a->notes = xreallocarray(a->notes, a->notes_cap, 1);
	}
	at = a->notes_len;
	memcpy(a->notes + at, note, len);
	a->notes[at + len] = '\0';
	a->notes_len += len + 1;
	return at + 1;
}

int
answerset_add(struct answerset *a, const struct answerset_entry *e)
{
	size_t p = person_add(a, e->round, e->participant);
	struct kept *k = &a->kept[p * a->ncontinua + e->continuum];
	int superseded = k->position != POSITION_UNSET;

	if (superseded && e->time < k->time)
		return 1;
	k->time = e->time;
	k->position = e->position;
	k->group = e->group;
	k->note = note_add(a, e->note, e->note_len);
	return superseded;
}

struct sort_key {
	uint64_t key;
	size_t person;
};

static int
by_key(const void *x, const void *y)
{
	const struct sort_key *a = x, *b = y;

	return a->key < b->key ? -1 : a->key > b->key;
}

size_t *
answerset_sorted(const struct answerset *a)
{
	uint32_t *round_rank = intern_ranks(&a->rounds);
	uint32_t *participant_rank = intern_ranks(&a->participants);
	struct sort_key *keys = xcalloc(a->npersons, sizeof(*keys));
	size_t *order = xcalloc(a->npersons, sizeof(*order));
	size_t i;

	/* Ranks turn two string comparisons into one of integers. */
	for (i = 0; i < a->npersons; i++) {
		keys[i].key = (uint64_t)round_rank[a->persons[i].round] << 32 |
		    participant_rank[a->persons[i].participant];
		keys[i].person = i;
	}
	qsort(keys, a->npersons, sizeof(*keys), by_key);
	for (i = 0; i < a->npersons; i++)
		order[i] = keys[i].person;
	free(keys);
	free(round_rank);
	free(participant_rank);
	return order;
}

void
answerset_free(struct answerset *a)
{
	intern_free(&a->rounds);
	intern_free(&a->participants);
	intern_free(&a->groups);
	free(a->persons);
	free(a->kept);
	free(a->slots);
	free(a->notes);
	memset(a, 0, sizeof(*a));
}
