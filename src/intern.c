#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diag.h"
#include "intern.h"

/* FNV-1a: short keys, no need for anything stronger. */
static uint64_t
hash_bytes(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int
same(const struct intern *in, uint32_t id, const char *s, size_t len)
{
	/* The lengths first: memcmp must not read past a shorter string. */
	return intern_length(in, id) == len &&
	    memcmp(in->text + in->offsets[id], s, len) == 0;
}

static void
rehash(struct intern *in)
{
	size_t i, mask;

	free(in->slots);
	in->nslots = in->nslots ? in->nslots * 2 : 64;
	in->slots = xcalloc(in->nslots, sizeof(*in->slots));
	mask = in->nslots - 1;
	for (i = 0; i < in->n; i++) {
		const char *t = in->text + in->offsets[i];
		size_t at = (size_t)hash_bytes(t, strlen(t)) & mask;

		while (in->slots[at] != 0)
			at = (at + 1) & mask;
		in->slots[at] = (uint32_t)i + 1;
	}
}

uint32_t
intern_find(const struct intern *in, const char *s, size_t len)
{
	size_t at, mask;

	if (in->nslots == 0)
		return UINT32_MAX;
	mask = in->nslots - 1;
	for (at = (size_t)hash_bytes(s, len) & mask; in->slots[at] != 0; at = (at + 1) & mask)
		if (same(in, in->slots[at] - 1, s, len))
			return in->slots[at] - 1;
	return UINT32_MAX;
}

uint32_t
intern_add(struct intern *in, const char *s, size_t len)
{
	size_t at, mask;
	uint32_t id;

	/* Keep the table at most half full, so probes stay short. */
	if (2 * (in->n + 1) > in->nslots)
		rehash(in);
	mask = in->nslots - 1;
	for (at = (size_t)hash_bytes(s, len) & mask; in->slots[at] != 0; at = (at + 1) & mask)
		if (same(in, in->slots[at] - 1, s, len))
			return in->slots[at] - 1;
	if (in->n >= UINT32_MAX - 1)
		diag_fatal("too many distinct strings");
	if (in->text_len + len + 1 > in->text_cap) {
		while (in->text_len + len + 1 > in->text_cap)
			in->text_cap = in->text_cap ? in->text_cap * 2 : 4096;
		in->text = xreallocarray(in->text, in->text_cap, 1);
	}
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 64;
		in->offsets = xreallocarray(in->offsets, in->cap, sizeof(*in->offsets));
	}
	id = (uint32_t)in->n++;
	in->offsets[id] = in->text_len;
	memcpy(in->text + in->text_len, s, len);
	in->text[in->text_len + len] = '\0';
	in->text_len += len + 1;
	in->slots[at] = id + 1;
	return id;
}

static const struct intern *sorting;

static int
by_text(const void *a, const void *b)
{
	return strcmp(intern_string(sorting, *(const uint32_t *)a),
	    intern_string(sorting, *(const uint32_t *)b));
}

uint32_t *
intern_ranks(const struct intern *in)
{
	uint32_t *order = xcalloc(in->n, sizeof(*order));
	uint32_t *rank = xcalloc(in->n, sizeof(*rank));
	size_t i;

	for (i = 0; i < in->n; i++)
		order[i] = (uint32_t)i;
	sorting = in;
	qsort(order, in->n, sizeof(*order), by_text);
	for (i = 0; i < in->n; i++)
		rank[order[i]] = (uint32_t)i;
	free(order);
	return rank;
}

void
intern_free(struct intern *in)
{
	free(in->text);
	free(in->offsets);
	free(in->slots);
	memset(in, 0, sizeof(*in));
}
