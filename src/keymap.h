/*
 * keymap: 64-bit keys to small numbers, by open addressing.  What
 * aggregate finds by a pair of interned ids (a round and a group, two
 * rounds and a continuum) it finds in constant time, however many there
 * are: a scan over them made 20,000 rounds take seconds.
 */
#ifndef STANCE_KEYMAP_H
#define STANCE_KEYMAP_H

#include <stddef.h>
#include <stdint.h>

struct keymap {
	uint64_t *keys;
	size_t *values;		/* value + 1; 0 for an empty slot */
	size_t n, nslots;	/* nslots: 0 or a power of two */
};

/* Two 32-bit ids as one key. */
static inline uint64_t
keymap_pair(uint32_t a, uint32_t b)
{
	return (uint64_t)a << 32 | b;
}

/* The value of key, or SIZE_MAX if it has none. */
size_t keymap_find(const struct keymap *m, uint64_t key);
/* Give key the value (a key has one value; a second call replaces it). */
void keymap_put(struct keymap *m, uint64_t key, size_t value);
void keymap_free(struct keymap *m);

#endif
