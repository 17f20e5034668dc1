/*
 * options: what every program does with its command line, the same way:
 * -L, --help, --version, and the messages for a bad option.
 */
#ifndef STANCE_OPTIONS_H
#define STANCE_OPTIONS_H

#include <stddef.h>

/* The getopt string prefix every program uses: stop at the first operand,
 * and report missing arguments as ':' so option_trouble() can say so. */
#define OPTIONS_PREFIX "+:"

/* -L lang: set the language of messages; a usage error if unknown. */
void option_language(const char *arg, const char *usage);

/* getopt returned ':' or '?': say what was wrong, then the usage; exit 2.
 * The program must have set opterr = 0, so that getopt does not speak
 * itself (in English, with the full path as the program's name). */
void option_trouble(int ch, char **argv, const char *usage)
    __attribute__((noreturn));

/* The usage on standard error; exit 2. */
void option_usage(const char *usage) __attribute__((noreturn));

/* --help: the usage and a summary on standard output; exit 0 (2 if the
 * output could not be written). */
void option_help(const char *usage, const char *summary) __attribute__((noreturn));

/* A numeric option's value, range-checked (a usage error otherwise): a
 * whole number, or a number with decimals. */
long option_number(const char *arg, long min, long max, const char *option,
    const char *usage);
double option_fraction(const char *arg, double min, double max, const char *option,
    const char *usage);

/* --until and its kind: a time in UTC with a Z, with an offset, or local
 * ("2026-12-01 17:00", as TZ says), seconds optional, into *seconds and,
 * in UTC, text (TIMESTAMP_LEN + 1 bytes); else it says what a time
 * looks like and exits 2. */
void option_time(const char *arg, const char *option, long long *seconds, char *text);

/* The width of text output: -w (option, or NULL), else COLUMNS, else
 * the terminal's, else 80. */
size_t option_width(const char *option, const char *usage);

/* --version: "program (stance) 1.2.3"; exit as option_help. */
void option_version(void) __attribute__((noreturn));

#endif
