/*
 * progress: the lines of collect --status, one per roster participant:
 *
 *   participant TAB group TAB answered/total TAB last time TAB missing TAB state
 *   TAB reasons
 *
 * written by collect and read by remind, which tells someone who
 * answered part of the form, or whose reply could not be read, so, and
 * why: the reasons are what collect found wrong in their replies and
 * still stands ("two-marks:openness,html-only"), or "-".
 */
#ifndef STANCE_PROGRESS_H
#define STANCE_PROGRESS_H

#include <stddef.h>

#include "buf.h"

enum progress_state {
	PROGRESS_COMPLETE, PROGRESS_PARTIAL, PROGRESS_UNREADABLE, PROGRESS_NONE
};

/* Why a reply did not give what it should have: the codes in the
 * reasons field, in progress_reason_names' order.  Those up to
 * PROGRESS_PER_CONTINUUM speak of one continuum ("two-marks:openness"). */
enum progress_reason {
	PROGRESS_TWO_MARKS,	/* more than one box marked */
	PROGRESS_UNCLEAR,	/* a mark or number that could not be read */
	PROGRESS_NOTE_ONLY,	/* a note, but no box marked */
	PROGRESS_PER_CONTINUUM = PROGRESS_NOTE_ONLY,
	PROGRESS_UNTOUCHED,	/* a form sent back with nothing marked */
	PROGRESS_CUT_OFF,	/* a form that stops short */
	PROGRESS_HTML_ONLY,	/* a message with only an HTML part */
	PROGRESS_NO_FORM,	/* a message with no form and no short reply */
	PROGRESS_OTHER_ADDRESS,	/* a form from an address the roster does not give */
	PROGRESS_REPLY_UNCLEAR,	/* a short reply (reply.h) that could not be read */
	PROGRESS_NOT_SIGNED,	/* a short reply not to a signed form */
	PROGRESS_NREASONS
};

struct progress {
	const char *participant, *group;
	unsigned long answered, total;
	const char *time;		/* a timestamp, or "-" */
	const char *missing;		/* continuum ids, comma-separated, or "-" */
	enum progress_state state;
	const char *reasons;		/* "code[:continuum]", comma-separated, or "-" */
};

/* Split and check line[0..len) in place; NULL, or what is wrong. */
const char *progress_parse(char *line, size_t len, struct progress *p);
void progress_format(struct buf *out, const struct progress *p);
const char *progress_state_name(enum progress_state state);
const char *progress_reason_name(enum progress_reason reason);

/*
 * The next reason in a reasons field, from *p on: returns 1 with its code
 * and continuum id (*id, *id_len; NULL for a reason of the whole reply)
 * and *p past it, or 0 at the end.  For a field progress_parse passed.
 */
int progress_reason_next(const char **p, enum progress_reason *reason, const char **id,
    size_t *id_len);

#endif
