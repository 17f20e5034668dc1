/*
 * alloc: allocation that cannot fail: out of memory, the program says so
 * and exits 2.  It is the bottom of the house: it includes nothing of
 * ours but lang, so that running out of memory never needs memory.
 */
#ifndef STANCE_ALLOC_H
#define STANCE_ALLOC_H

#include <stddef.h>

#define ALLOC_EXIT 2	/* diag.h's EXIT_TROUBLE, which alloc sits below */

/* The name to say "out of memory" with (diag_set_program passes it on). */
void alloc_set_program(const char *name);
/* "prog: out of memory" on standard error, then exit 2; allocates nothing. */
void alloc_out_of_memory(void) __attribute__((noreturn));

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
