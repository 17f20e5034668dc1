#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "text.h"

const char *diag_program = "stance";

void
diag_set_program(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	diag_program = slash ? slash + 1 : argv0;
	alloc_set_program(diag_program);
}

int diag_quiet;

void
diag_vat(const char *file, unsigned long line, const char *fmt, va_list ap)
{
	struct buf message = { 0 }, quoted = { 0 };

	/* -q: what was wrong with a file's lines is left out; the exit
	 * status still says so. */
	if (diag_quiet && file != NULL)
		return;

	/* The message is built whole and then quoted: names, ids and
	 * values come from input (a form, a mail header), and a control
	 * character or escape sequence among them must not reach the
	 * terminal (OSC 52 writes the clipboard). */
	if (file != NULL)
		buf_addstr(&message, file);
	if (file != NULL && line > 0)
		buf_printf(&message, ":%lu", line);
	if (file != NULL)
		buf_addstr(&message, ": ");
	buf_vprintf(&message, fmt, ap);
	text_quote(&quoted, message.data ? message.data : "", message.len);
	fflush(stdout);
	fprintf(stderr, "%s: %s\n", diag_program, quoted.data ? quoted.data : "");
	buf_free(&message);
	buf_free(&quoted);
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(NULL, 0, fmt, ap);
	va_end(ap);
}

void
diag_at(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(file, line, fmt, ap);
	va_end(ap);
}

void
diag_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(NULL, 0, fmt, ap);
	va_end(ap);
	exit(EXIT_TROUBLE);
}
