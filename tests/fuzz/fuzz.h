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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a stream (fmemopen cannot open an empty buffer). */
static inline FILE *
fuzz_stream(const uint8_t *data, size_t size)
{
	if (size == 0)
		return fopen("/dev/null", "r");
	return fmemopen((void *)(uintptr_t)data, size, "r");
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
