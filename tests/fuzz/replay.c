/*
 * replay: run a fuzz harness on files, without libFuzzer, so that every
 * input that ever crashed a harness or broke a round trip is tried again
 * by `make check`, under gcc as under clang.  Exit 0 when every file
 * went through; a failing input aborts.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *data = NULL;
		size_t size = 0, cap = 0, got;

		if (fp == NULL) {
			perror(argv[i]);
			return 2;
		}
		do {
			if (size == cap) {
				cap = cap ? cap * 2 : 4096;
				if ((data = realloc(data, cap)) == NULL) {
					perror("realloc");
					return 2;
				}
			}
			got = fread(data + size, 1, cap - size, fp);
			size += got;
		} while (got > 0);
		if (ferror(fp)) {
			perror(argv[i]);
			return 2;
		}
		fclose(fp);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
	}
	return 0;
}
