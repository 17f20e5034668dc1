/*
 * chart's main on aggregate's rows, in text at a width, in ASCII, in
 * Dutch, compact or not, and as SVG.  Properties: it exits 0, 1 or 2 and never crashes;
 * in text no line is wider than asked or ends in a blank, and there is
 * no escape sequence (standard output is no terminal); --ascii writes
 * nothing above 127; an SVG is one whole document.
 */
#include "program.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = fuzz_path(0, "rows"), *out = fuzz_path(1, "out");
	char width[16], *argv[10], *text, *line, *next;
	int argc = 0, mode, svg;
	size_t n, w, i;

	if (size < 2)
		return 0;
	mode = data[0] % 4;
	svg = mode == 3;
	w = svg ? 320 + (size_t)data[1] * 8 : 20 + (size_t)data[1] % 181;
	snprintf(width, sizeof(width), "%zu", w);
	fuzz_write(in, data + 2, size - 2);
	argv[argc++] = "chart";
	argv[argc++] = "-w";
	argv[argc++] = width;
	if (mode == 1)
		argv[argc++] = "--ascii";
	if (mode == 2)
		argv[argc++] = "-L", argv[argc++] = "nl";
	if (svg)
		argv[argc++] = "--svg";
	else if (data[1] & 1)
		argv[argc++] = "--compact";
	argv[argc++] = (char *)in;
	argv[argc] = NULL;
	setenv("TERM", "xterm", 1);
	unsetenv("NO_COLOR");
	if (fuzz_run(chart_main, argv, out) == 2) {
		text = fuzz_read(out, &n);
		free(text);
		return 0;
	}
	text = fuzz_read(out, &n);
	if (svg) {
		fuzz_assert(n == 0 || (strncmp(text, "<?xml", 5) == 0 &&
		    n >= 7 && strcmp(text + n - 7, "</svg>\n") == 0));
		free(text);
		return 0;
	}
	for (i = 0; i < n; i++) {
		fuzz_assert(text[i] != '\033');
		fuzz_assert(mode != 1 || (unsigned char)text[i] < 128);
	}
	fuzz_assert(utf8_valid(text, n));
	for (line = text; *line != '\0'; line = next + 1) {
		next = strchr(line, '\n');
		fuzz_assert(next != NULL);
		if (utf8_width(line, (size_t)(next - line)) > w)
			fuzz_fail("a line of %zu columns at -w %zu: %.*s",
			    utf8_width(line, (size_t)(next - line)), w, (int)(next - line), line);
		fuzz_assert(next == line || next[-1] != ' ');
	}
	free(text);
	return 0;
}
