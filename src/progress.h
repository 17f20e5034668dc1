/*
 * progress: the lines of collect --status, one per roster participant:
 *
 *   participant TAB group TAB answered/total TAB last time TAB missing TAB state
 *
 * written by collect and read by remind, which tells someone who
 * answered part of the form, or whose reply could not be read, so.
 */
#ifndef STANCE_PROGRESS_H
#define STANCE_PROGRESS_H

#include <stddef.h>

#include "buf.h"

enum progress_state {
	PROGRESS_COMPLETE, PROGRESS_PARTIAL, PROGRESS_UNREADABLE, PROGRESS_NONE
};

struct progress {
	const char *participant, *group;
	unsigned long answered, total;
	const char *time;		/* a timestamp, or "-" */
	const char *missing;		/* continuum ids, comma-separated, or "-" */
	enum progress_state state;
};

/* Split and check line[0..len) in place; NULL, or what is wrong. */
const char *progress_parse(char *line, size_t len, struct progress *p);
void progress_format(struct buf *out, const struct progress *p);
const char *progress_state_name(enum progress_state state);

#endif
