#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "alloc.h"
#include "lang.h"

static const char *program = "stance";

void
alloc_set_program(const char *name)
{
	program = name;
}

/* Said with write(2) alone: the usual diagnostics build their message in
 * a buffer, and there is no memory for one. */
void
alloc_out_of_memory(void)
{
	const char *what = tr(": out of memory\n", ": onvoldoende geheugen\n");
	ssize_t ignored;

	ignored = write(STDERR_FILENO, program, strlen(program));
	ignored = write(STDERR_FILENO, what, strlen(what));
	(void)ignored;
	exit(ALLOC_EXIT);
}

#define out_of_memory alloc_out_of_memory

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (p == NULL)
		out_of_memory();
	return p;
}

void *
xreallocarray(void *ptr, size_t count, size_t size)
{
	void *p;

	if (size != 0 && count > SIZE_MAX / size)
		out_of_memory();
	p = realloc(ptr, count * size != 0 ? count * size : 1);
	if (p == NULL)
		out_of_memory();
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
