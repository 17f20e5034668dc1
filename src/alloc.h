/*
 * alloc: allocation that cannot fail: out of memory, the program says so
 * and exits 2.
 */
#ifndef STANCE_ALLOC_H
#define STANCE_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
