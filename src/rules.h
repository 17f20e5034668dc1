/*
 * rules: recommend's advice as data, stance-rules(5).  A rules file is
 * records like a questionnaire's: a header naming the questionnaire the
 * rules are for, rules (an id, the part of the advice they belong in,
 * a continuum or none, a condition, the advice in English and Dutch,
 * source tags) and sources (a tag and its full reference).  Every
 * mistake is reported with its file and line, not just the first.
 */
#ifndef STANCE_RULES_H
#define STANCE_RULES_H

#include <stddef.h>
#include <stdio.h>

#include "condition.h"
#include "lang.h"
#include "questionnaire.h"

/* The parts of recommend's output a rule can add to, in their order. */
enum rules_part {
	RULES_ADVICE,	/* a continuum's advice (part 1) */
	RULES_TALK,	/* how to talk first (part 2) */
	RULES_TENSION,	/* a tension between positions (part 3) */
	RULES_GROUPS,	/* what groups apart mean (part 4) */
	RULES_FLOOR,	/* the legal and ethical floor (part 5) */
	RULES_OUTLINE,	/* a chapter of the draft outline (part 6) */
	RULES_STEPS,	/* a next step, with its owner and time (part 7) */
	RULES_NPARTS
};

/* What kind of text a source is (its 'kind:'), in the order listed. */
enum rules_kind {
	RULES_LAW, RULES_COURT, RULES_PROFESSIONAL, RULES_GUIDANCE, RULES_COMMENTARY,
	RULES_EXAMPLE, RULES_UNSTATED,
	RULES_NKINDS
};

struct rules_kind_info {
	const char *name;		/* as 'kind:' says it; NULL for none given */
	const char *en, *nl;		/* a heading over its sources */
};

extern const struct rules_kind_info rules_kinds[RULES_NKINDS];

struct rule {
	char *id;
	enum rules_part part;
	long continuum;		/* its index in the questionnaire, or -1 */
	char *when_text;
	struct condition *when;
	char *title[2];		/* by enum lang; NULL when none */
	char *advice[2];
	char **sources;		/* tags */
	size_t nsources;
	const char *file;
	unsigned long line;
};

struct rules_source {
	char *tag;
	char *reference[2];		/* by enum lang; Dutch may be NULL */
	enum rules_kind kind;
	const char *file;
	unsigned long line;
};

struct rules {
	struct rule *rules;
	size_t n;
	struct rules_source *sources;
	size_t nsources;
	char **names;		/* the files read, for messages */
	size_t nnames;
};

/*
 * Read a rules file for questionnaire q, adding to r; "-" is standard
 * input.  Returns the number of mistakes reported (a file for another
 * questionnaire is one).
 */
int rules_load(struct rules *r, const char *path, const struct questionnaire *q);
int rules_read(struct rules *r, FILE *fp, const char *name, const struct questionnaire *q);
/* The built-in rules, if q is the questionnaire they are for: 1 if
 * added, 0 if not. */
int rules_default(struct rules *r, const struct questionnaire *q);
/* After the last file: every source tag cited must have a reference
 * (in a file, or among known[], recommend's own), and every rule advice
 * in lang.  Returns the number of mistakes reported. */
int rules_check(const struct rules *r, enum lang lang, const char *const *known);
/* The source record of a tag in the files, or NULL. */
const struct rules_source *rules_source(const struct rules *r, const char *tag);
const char *rules_part_name(enum rules_part part);
void rules_free(struct rules *r);

/* The built-in rules file, a line each, generated from src/rules-*.txt. */
extern const char *const rules_default_lines[];

#endif
