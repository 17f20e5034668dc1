/*
 * intern: a set of strings, each stored once and named by a small number.
 *
 * collect sees the same rounds, groups and participants millions of times;
 * keeping each once, and comparing numbers instead of text, is what keeps
 * it faster than sort and smaller than its input.
 */
#ifndef STANCE_INTERN_H
#define STANCE_INTERN_H

#include <stddef.h>
#include <stdint.h>

struct intern {
	char *text;		/* every string, NUL-terminated, end to end */
	size_t text_len, text_cap;
	uint64_t *offsets;	/* where string i starts in text */
	size_t n, cap;
	uint32_t *slots;	/* open addressing: index + 1, 0 for empty */
	size_t nslots;		/* a power of two */
};

/* The number of s[0..len), adding it if it is new. */
uint32_t intern_add(struct intern *in, const char *s, size_t len);
/* The number of s[0..len), or UINT32_MAX if it is not in the set. */
uint32_t intern_find(const struct intern *in, const char *s, size_t len);
static inline const char *
intern_string(const struct intern *in, uint32_t id)
{
	return in->text + in->offsets[id];
}
static inline size_t
intern_length(const struct intern *in, uint32_t id)
{
	uint64_t end = id + 1 < in->n ? in->offsets[id + 1] : in->text_len;

	return (size_t)(end - in->offsets[id] - 1);
}
/* The ranks of all strings in byte order: rank[id], 0 for the smallest. */
uint32_t *intern_ranks(const struct intern *in);
void intern_free(struct intern *in);

#endif
