/*
 * reasons: the reasons behind the positions (stance-reasons(5)): what
 * people wrote beside their answers, per continuum and camp, with no
 * participant, group or time, in byte order, as a text file the
 * facilitator reads and edits before anyone else sees it:
 *
 *   round: 2026-spring
 *   continuum: enforcement
 *   camp: 0: 7 at hard
 *   - rules where it matters
 *   camp: 100: 6 at soft
 *   - educate, do not punish
 *
 * collect --reasons writes it; ask, remind and recommend read the edited
 * file, never the notes themselves, so that deleting or rewording a line
 * is all it takes.  Privacy first: no reasons from a camp, a group or a
 * continuum of fewer people than --min-group.
 */
#ifndef STANCE_REASONS_H
#define STANCE_REASONS_H

#include <stddef.h>

#include "buf.h"
#include "questionnaire.h"

/* ---- Gathering. ---- */

/* One person's answer to a continuum: position (tenths; no opinion is
 * in no camp), group ("-" for none) and note (unescaped, "" for none). */
struct reasons_answer {
	int position;
	const char *group, *note;
};

/* The file's head: what it is, and the round. */
void reasons_header(struct buf *out, const char *round);
/* A continuum's part of the file, from every answer to it in the round. */
void reasons_gather(struct buf *out, const struct continuum *c, const struct reasons_answer *a,
    size_t n, long min_group);

/* ---- Reading the edited file. ---- */

struct reasons_camp {
	double median;		/* points: which camp of aggregate's it is */
	char *label;		/* "7 at hard", as the file says */
	char **notes;
	size_t nnotes;
};

struct reasons_continuum {
	char *id;
	struct reasons_camp *camps;
	size_t ncamps;
};

struct reasons {
	char *round;		/* NULL until its line is read */
	struct reasons_continuum *continua;
	size_t n;
};

/* One line of the file into r: NULL, or what is wrong with it. */
const char *reasons_line(struct reasons *r, const char *line, size_t len);
/* The file at path; 0, 1 when bad lines were reported (and left out),
 * or -1 after saying why it could not be read. */
int reasons_load(struct reasons *r, const char *path);
/* A continuum's reasons, or NULL. */
const struct reasons_continuum *reasons_find(const struct reasons *r, const char *id);
/* The camp of a continuum's reasons whose median is this one (points),
 * or NULL: how recommend finds a camp's words. */
const struct reasons_camp *reasons_camp_at(const struct reasons_continuum *c, double median);
/* A few of each camp's reasons, at most `few` a camp: "At hard: 'rules
 * where it matters'.  At soft: ...", in a paragraph's words. */
void reasons_words(struct buf *out, const struct reasons_continuum *c, size_t few);
/* The file again, as reasons_line() reads it back. */
void reasons_format(struct buf *out, const struct reasons *r);
void reasons_free(struct reasons *r);

#endif
