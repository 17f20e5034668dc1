/*
 * program.h: a whole program's main as a fuzz target.  The holes an
 * attack found lay between the parsers (a response line inside a mail,
 * a partial that parses but does not add up), where a harness per parser
 * never looks; these run the programs as a user does, with files and
 * options, and check what they promise.
 *
 * The program's file is built with -Dmain=NAME_main, and the harness is
 * linked with --wrap=exit and --wrap=fclose (see the Makefile): an exit()
 * during a run jumps back here with its status, so that one process runs
 * the program again and again, and standard output, which the program
 * closes, is opened anew for each run, into a file the property reads.
 * A run that exits early leaves its memory behind (make fuzz runs these
 * with -detect_leaks=0; make check's sanitizer run watches the leaks) and
 * its descriptors, which fuzz_run closes: a lock left held would stop
 * the next run.
 */
#ifndef STANCE_FUZZ_PROGRAM_H
#define STANCE_FUZZ_PROGRAM_H

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

int aggregate_main(int argc, char **argv);
int chart_main(int argc, char **argv);
int collect_main(int argc, char **argv);
int recommend_main(int argc, char **argv);
int remind_main(int argc, char **argv);

void __real_exit(int status) __attribute__((noreturn));
int __real_fclose(FILE *fp);
void __wrap_exit(int status) __attribute__((noreturn));
int __wrap_fclose(FILE *fp);

#define FUZZ_FDS 256	/* descriptors looked after by fuzz_run */

static jmp_buf *program_jump;
static int program_status;
static int program_stdout_closed;
static FILE *harness_stdout;	/* stdout as it was before the first run */

void
__wrap_exit(int status)
{
	if (program_jump != NULL) {
		program_status = status;
		longjmp(*program_jump, 1);
	}
	__real_exit(status);
}

int
__wrap_fclose(FILE *fp)
{
	if (fp == stdout)
		program_stdout_closed = 1;
	return __real_fclose(fp);
}

/* A directory of the process's own for the files of every run. */
static inline const char *
fuzz_dir(void)
{
	static char dir[64];

	if (dir[0] == '\0') {
		strcpy(dir, "/tmp/stance-fuzz.XXXXXX");
		if (mkdtemp(dir) == NULL)
			fuzz_fail("mkdtemp: %s", strerror(errno));
	}
	return dir;
}

/* The path of a file in it, in a buffer per slot. */
static inline const char *
fuzz_path(int slot, const char *name)
{
	static char paths[8][128];

	snprintf(paths[slot], sizeof(paths[slot]), "%s/%s", fuzz_dir(), name);
	return paths[slot];
}

/* Write a file whole, mode 0600 (a key file must be). */
static inline void
fuzz_write(const char *path, const void *data, size_t size)
{
	int fd;

	unlink(path);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    (size > 0 && write(fd, data, size) != (ssize_t)size) || close(fd) != 0)
		fuzz_fail("%s: %s", path, strerror(errno));
}

/* A file's text, NUL-terminated; *size its length. */
static inline char *
fuzz_read(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	char *text = NULL;
	size_t cap = 0, got;

	*size = 0;
	if (fp == NULL)
		return xstrdup("");
	do {
		if (cap - *size < 4097)
			text = xreallocarray(text, cap = cap * 2 + 8192, 1);
		got = fread(text + *size, 1, cap - *size - 1, fp);
		*size += got;
	} while (got > 0);
	__real_fclose(fp);
	text[*size] = '\0';
	return text;
}

/*
 * Run a program's main with argv (NULL-terminated), its standard output
 * into the file out; returns its exit status, by return or by exit().
 */
static inline int
fuzz_run(int (*program)(int, char **), char **argv, const char *out)
{
	jmp_buf jump;
	volatile int argc;	/* kept across the longjmp */
	unsigned char open_before[FUZZ_FDS];
	int fd, status;

	for (argc = 0; argv[argc] != NULL; argc++)
		;
	/* What is open now is libFuzzer's or ours; what is open after the
	 * run and was not before, the run left open. */
	for (fd = 0; fd < FUZZ_FDS; fd++)
		open_before[fd] = fcntl(fd, F_GETFD) != -1;
	if (harness_stdout == NULL)
		harness_stdout = stdout;
	fflush(stdout);
	if ((stdout = fopen(out, "w")) == NULL)
		fuzz_fail("%s: %s", out, strerror(errno));
	program_stdout_closed = 0;
	optind = 0;	/* glibc: getopt starts afresh */
	program_jump = &jump;
	if (setjmp(jump) == 0)
		status = program(argc, argv);
	else
		status = program_status;
	program_jump = NULL;
	if (!program_stdout_closed)
		__real_fclose(stdout);
	for (fd = 0; fd < FUZZ_FDS; fd++)
		if (!open_before[fd] && fcntl(fd, F_GETFD) != -1)
			close(fd);
	stdout = harness_stdout;
	fuzz_assert(status == 0 || status == 1 || status == 2);
	return status;
}

/* Split data at the first line that is mark: the part before into *a,
 * the part after into *b (empty if there is no such line). */
static inline void
fuzz_split(const uint8_t *data, size_t size, const char *mark,
    const uint8_t **a, size_t *asize, const uint8_t **b, size_t *bsize)
{
	size_t n = strlen(mark), i;

	for (i = 0; i + n <= size; i++) {
		if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, mark, n) == 0 &&
		    (i + n == size || data[i + n] == '\n')) {
			*a = data;
			*asize = i;
			*b = data + i + n + (i + n < size);
			*bsize = size - (size_t)(*b - data);
			return;
		}
	}
	*a = data;
	*asize = size;
	*b = data + size;
	*bsize = 0;
}

#endif
