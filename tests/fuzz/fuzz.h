/*
 * fuzz.h: what the libFuzzer harnesses share.  Each harness is one file
 * defining LLVMFuzzerTestOneInput; `make fuzz` links it with libFuzzer,
 * ASan and UBSan, and `make check` links it with replay.c, a plain main()
 * that runs it on every kept input (seeds and past crashes), with any
 * compiler.  A broken invariant or round trip calls fuzz_fail(), which
 * aborts: libFuzzer keeps the input as a crash.
 */
#ifndef STANCE_FUZZ_H
#define STANCE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diag.h"
#include "lines.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a stream (fmemopen cannot open an empty buffer). */
static inline FILE *
fuzz_stream(const uint8_t *data, size_t size)
{
	if (size == 0)
		return fopen("/dev/null", "r");
	return fmemopen((void *)(uintptr_t)data, size, "r");
}

/* Each line of the input, as the programs read a file, to fn; then end
 * (if not NULL) while the lines are still open, as collect does. */
static inline void
fuzz_lines(const uint8_t *data, size_t size,
    void (*fn)(char *line, size_t len, unsigned long number, void *context),
    void (*end)(void *context), void *context)
{
	FILE *fp = fuzz_stream(data, size);
	struct lines in;
	ssize_t n;

	if (fp != NULL) {
		lines_from(&in, fp, "fuzz");
		while ((n = lines_next(&in)) >= 0)
			fn(in.line, (size_t)n, in.number, context);
	}
	if (end != NULL)
		end(context);
	if (fp != NULL) {
		lines_close(&in);
		fclose(fp);
	}
}

#define fuzz_fail(...) do { \
	fprintf(stderr, "fuzz: %s:%d: ", __FILE__, __LINE__); \
	fprintf(stderr, __VA_ARGS__); \
	fputc('\n', stderr); \
	abort(); \
} while (0)

#define fuzz_assert(cond) do { \
	if (!(cond)) \
		fuzz_fail("%s", "failed: " #cond); \
} while (0)

#endif
