/*
 * aggregate's main, on response lines or on partial outputs, with the
 * option sets a user gives.  Properties:
 * - it exits 0, 1 or 2, and never crashes (ASan, UBSan);
 * - its table, whatever the input, reads back through figures_parse,
 *   chart's and recommend's reader: quartiles ordered, profiles whole,
 *   n within stance-aggregate(5)'s bound;
 * - on good response lines, --partial then --merge gives the rows one
 *   run gives (the rows as a set: a merge writes rounds in byte order).
 */
#include "figures.h"
#include "partial.h"
#include "program.h"

static const struct {
	int merge;		/* the input is a partial output */
	int same_as_merge;	/* compare with --partial then --merge */
	const char *options[4];
} modes[] = {
	{ 0, 1, { NULL } },
	{ 0, 1, { "--by-group", NULL } },
	{ 0, 1, { "--by-group", "--min-group", "3", NULL } },
	{ 0, 0, { "--json", "--by-group", NULL } },
	{ 0, 0, { "--stability", NULL } },
	{ 0, 0, { "--partial", "--stability", NULL } },
	{ 1, 0, { NULL } },
	{ 1, 0, { "--by-group", NULL } },
	{ 1, 0, { "--stability", NULL } },
	{ 1, 0, { "--json", NULL } },
};

#define NMODES (sizeof(modes) / sizeof(modes[0]))

/* aggregate OPTIONS [--merge] [--partial] file > out */
static int
run(size_t mode, const char *extra, const char *in, const char *out)
{
	char *argv[12];
	int argc = 0;
	size_t i;

	argv[argc++] = "aggregate";
	for (i = 0; modes[mode].options[i] != NULL; i++)
		argv[argc++] = (char *)modes[mode].options[i];
	if (extra != NULL)
		argv[argc++] = (char *)extra;
	argv[argc++] = (char *)in;
	argv[argc] = NULL;
	return fuzz_run(aggregate_main, argv, out);
}

/* Every row of a table reads back as the readers read it. */
static void
check_table(const char *path)
{
	struct questionnaire q;
	struct figures_header h;
	struct figures_row row;
	char *text, *line, *next;
	size_t size;

	text = fuzz_read(path, &size);
	if (size == 0) {
		free(text);
		return;
	}
	questionnaire_default(&q, LANG_EN);
	line = text;
	next = strchr(line, '\n');
	fuzz_assert(next != NULL);
	*next = '\0';
	if (figures_header_parse(line, strlen(line), &h) != NULL)
		fuzz_fail("aggregate's header does not read: %s", line);
	for (line = next + 1; *line != '\0'; line = next + 1) {
		const char *why;

		next = strchr(line, '\n');
		fuzz_assert(next != NULL);	/* every line ends */
		*next = '\0';
		if ((why = figures_parse(&h, line, strlen(line), &row)) != NULL)
			fuzz_fail("a row aggregate wrote does not read (%s): %s", why, line);
		fuzz_assert(questionnaire_find(&q, row.continuum, strlen(row.continuum)) >= 0);
		fuzz_assert(row.n <= PARTIAL_COUNT_MAX && row.abstain <= PARTIAL_COUNT_MAX);
	}
	questionnaire_free(&q);
	free(text);
}

static int
by_text(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The lines of a file, sorted, joined again. */
static char *
sorted_lines(const char *path)
{
	size_t size, n = 0, i;
	char *text = fuzz_read(path, &size), *p, **lines = NULL;
	struct buf out = { 0 };

	for (p = strtok(text, "\n"); p != NULL; p = strtok(NULL, "\n")) {
		lines = xreallocarray(lines, n + 1, sizeof(*lines));
		lines[n++] = p;
	}
	qsort(lines, n, sizeof(*lines), by_text);
	for (i = 0; i < n; i++)
		buf_printf(&out, "%s\n", lines[i]);
	free(lines);
	free(text);
	if (out.data == NULL)
		buf_addstr(&out, "");
	return out.data;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = fuzz_path(0, "input"), *out = fuzz_path(1, "out");
	const char *partial = fuzz_path(2, "partial"), *merged = fuzz_path(3, "merged");
	size_t mode;
	int status;

	if (size == 0)
		return 0;
	mode = data[0] % NMODES;
	fuzz_write(in, data + 1, size - 1);
	status = run(mode, modes[mode].merge ? "--merge" : NULL, in, out);
	if (status != 2 && (mode <= 2 || mode == 6 || mode == 7))
		check_table(out);
	if (status == 0 && modes[mode].same_as_merge) {
		char *one, *two;

		fuzz_assert(fuzz_run(aggregate_main, (char *[]){ "aggregate", "--partial",
		    (char *)in, NULL }, partial) == 0);
		fuzz_assert(run(mode, "--merge", partial, merged) == 0);
		one = sorted_lines(out);
		two = sorted_lines(merged);
		if (strcmp(one, two) != 0)
			fuzz_fail("--partial then --merge differs from one run:\n%s---\n%s", one, two);
		free(one);
		free(two);
	}
	return 0;
}
