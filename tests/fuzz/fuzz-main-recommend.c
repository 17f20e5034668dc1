/*
 * recommend's main on aggregate's rows and, after a line "--rules--", a
 * rules file of its own (added to the built-in ones), in text or
 * Markdown, English or Dutch, at a width, for an organisation described
 * or not (employer, staff, client work).  Properties: it exits 0, 1 or
 * 2 and never crashes (a hostile condition overflowed the stack once);
 * what it writes is UTF-8 with no control character but newline.
 */
#include "program.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = fuzz_path(0, "rows"), *rules = fuzz_path(1, "rules");
	const char *out = fuzz_path(2, "out");
	const uint8_t *rows, *text_rules;
	size_t nrows, nrules, n, i;
	char width[16], staff[16], *argv[24], *text;
	int argc = 0;

	if (size < 2)
		return 0;
	fuzz_split(data + 2, size - 2, "--rules--", &rows, &nrows, &text_rules, &nrules);
	fuzz_write(in, rows, nrows);
	snprintf(width, sizeof(width), "%d", 20 + data[1] % 181);
	argv[argc++] = "recommend";
	argv[argc++] = "-w";
	argv[argc++] = width;
	if (data[0] & 1)
		argv[argc++] = "--format", argv[argc++] = "markdown";
	if (data[0] & 2)
		argv[argc++] = "-L", argv[argc++] = "nl";
	if (data[0] & 4)
		argv[argc++] = "-v";
	/* The organisation, which sets off rules of its own. */
	if (data[0] & 8)
		argv[argc++] = "--employer", argv[argc++] = data[0] & 16 ? "public" : "private";
	if (data[0] & 32) {
		snprintf(staff, sizeof(staff), "%d", 1 + data[1] * 3);
		argv[argc++] = "--staff", argv[argc++] = staff;
	}
	if (data[0] & 64)
		argv[argc++] = "--client-work", argv[argc++] = "no";
	if (nrules > 0) {
		fuzz_write(rules, text_rules, nrules);
		argv[argc++] = "--rules";
		argv[argc++] = "default";
		argv[argc++] = "--rules";
		argv[argc++] = (char *)rules;
	}
	argv[argc++] = (char *)in;
	argv[argc] = NULL;
	fuzz_run(recommend_main, argv, out);
	text = fuzz_read(out, &n);
	fuzz_assert(utf8_valid(text, n));
	fuzz_assert(!utf8_has_control(text, n, "\n"));
	for (i = 0; i < n; i++)
		fuzz_assert(text[i] != '\0');
	free(text);
	return 0;
}
