/*
 * questionnaire: the continua put to people, read from a file in the
 * format of stance-questionnaire(5), or the embedded default (the
 * worksheet's own five continua, in English and Dutch).
 */
#ifndef STANCE_QUESTIONNAIRE_H
#define STANCE_QUESTIONNAIRE_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "intern.h"
#include "lang.h"

struct continuum {
	char *id;
	size_t id_len;		/* strlen(id), for comparing ids in a line */
	char *name;		/* a short title for people: "Sturing"; else the id */
	char *question;
	char *help;		/* NULL when the record has none */
	char *left;		/* short pole labels, for charts */
	char *right;
	char *left_noun;	/* the poles as a sentence names them ("neigt
				 * naar een visiedocument"); NULL: the label */
	char *right_noun;
	char **anchors;		/* in order along the line, 0 to 100 */
	size_t nanchors;	/* at least 2 */
	unsigned long line;	/* where its record starts */
};

struct questionnaire {
	char *id;
	char *title;
	char *lang;
	char *source;		/* who made it, for credit; NULL if not said */
	char *instruction;	/* what to do, as the worksheet says it; or NULL */
	struct continuum *continua;
	size_t ncontinua;
	struct intern *index;	/* the ids, numbered as continua[]; or NULL */
};

/* The embedded default's text, generated from src/questionnaire-*.txt. */
extern const char questionnaire_default_en[];
extern const char questionnaire_default_nl[];

/*
 * Read a questionnaire.  Every mistake is reported as "file:line: what is
 * wrong"; the return value is how many were reported (0: q is usable).
 */
int questionnaire_read(struct questionnaire *q, FILE *fp, const char *name);
/* The same from a path ("-" for standard input); failing to open counts. */
int questionnaire_load(struct questionnaire *q, const char *path);
/*
 * What every program's -q means: the questionnaire in path, or with path
 * NULL the embedded one in the language of messages.  A questionnaire with
 * mistakes stops the program (exit 2) after they are all reported.
 */
void questionnaire_choose(struct questionnaire *q, const char *path);
/* The embedded default in the given language; it cannot fail. */
void questionnaire_default(struct questionnaire *q, enum lang lang);
const char *questionnaire_default_text(enum lang lang);

/* The index of the continuum with id s[0..n), or -1. */
long questionnaire_find(const struct questionnaire *q, const char *s, size_t n);
/* Append the message for a continuum id s[0..n) the questionnaire does
 * not have: "unknown continuum 'x' (questionnaire q has a, b, c)". */
void questionnaire_unknown(const struct questionnaire *q, const char *s, size_t n,
    struct buf *out);

/* Write q in canonical form; returns 0, or -1 on a write error. */
int questionnaire_write(const struct questionnaire *q, FILE *fp);
/* A pole as a sentence names it: its noun, else its label; right != 0
 * for the right-hand pole. */
const char *questionnaire_pole(const struct continuum *c, int right);
void questionnaire_free(struct questionnaire *q);

#endif
