/*
 * term: what the programs that talk to a person need of the terminal.
 */
#ifndef STANCE_TERM_H
#define STANCE_TERM_H

#include <stddef.h>

/* The width of the terminal on fd in columns, or 0 if it is not a
 * terminal or does not say. */
size_t terminal_width(int fd);

#endif
