/*
 * roster: who takes part, the format of stance-roster(5):
 *
 *   participant TAB group TAB email TAB name
 *
 * with "-" for what is not known.
 */
#ifndef STANCE_ROSTER_H
#define STANCE_ROSTER_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "intern.h"

struct roster_entry {
	char *participant;
	char *group;		/* "-" for none */
	char *email;		/* "-" if unknown; or addresses separated by commas */
	char *name;		/* "-" if unknown; may contain spaces */
	char *text;		/* the line as it was, for passing on unchanged */
	unsigned long line;
};

struct roster {
	struct roster_entry *entries;
	size_t n;
	struct intern index;	/* participant -> entry: collect asks per line */
};

/* Split and check line[0..len) in place; NULL, or what is wrong. */
const char *roster_parse(char *line, size_t len, struct roster_entry *e);

/*
 * Read a roster file ("-" for standard input).  Bad lines (and a second
 * line for the same participant) are reported and left out; returns how
 * many were, or -1 if the file could not be read at all.
 */
int roster_load(struct roster *r, const char *path);
/* The same from an open stream, called name in messages. */
int roster_read(struct roster *r, FILE *fp, const char *name);
long roster_find(const struct roster *r, const char *participant);
void roster_free(struct roster *r);

/* Whether address is one of the entry's (case-insensitive, as mail
 * systems compare them). */
int roster_has_address(const struct roster_entry *e, const char *address);
/* The entry's first address, where messages go, into out. */
void roster_address(const struct roster_entry *e, struct buf *out);

#endif
