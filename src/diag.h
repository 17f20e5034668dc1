/*
 * diag: the program's name, and diagnostics in the house format
 * ("prog: file:line: what is wrong").
 *
 * Exit statuses shared by every program.
 */
#ifndef STANCE_DIAG_H
#define STANCE_DIAG_H

#include <stdarg.h>
#include <stddef.h>

enum {
	EXIT_OK = 0,		/* all input was good and all output written */
	EXIT_BADINPUT = 1,	/* finished, but bad input was reported and skipped */
	EXIT_TROUBLE = 2	/* usage error, or the work could not be done (alloc.h's ALLOC_EXIT) */
};

extern const char *diag_program;
/* Set: diag_at's reports of bad input are not printed (collect -q, for
 * cron); warnings and fatal errors are. */
extern int diag_quiet;

void diag_set_program(const char *argv0);

/* "prog: message" on stderr. */
void diag_warn(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
/* "prog: file:line: message" on stderr; line 0 leaves out the line. */
void diag_at(const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_vat(const char *file, unsigned long line, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
/* diag_warn, then exit(EXIT_TROUBLE). */
void diag_fatal(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

#endif
