/*
 * form: the plain-text form of stance-form(5), filled in with any editor
 * or mail client; written by ask --form and read back by collect.
 *
 * Reading is line by line, so that collect can feed it lines decoded from
 * a mail message.  It tolerates what people and mail clients do to a
 * form: "> " quoting, re-wrapped lines, blank lines, CRLF, a signature,
 * marks written as x, X, *, v, V or a check mark, in [ ] or ( ), or in
 * place of the box.  What it cannot read with certainty (two answers to
 * one question, a changed header, a mark beside an empty box) it reports
 * and does not guess.  Writer and reader share one idea of what a line
 * is (form_line_classify), so the writer never writes a line of the
 * question's text that the reader would take for something else.
 */
#ifndef STANCE_FORM_H
#define STANCE_FORM_H

#include <stdio.h>

#include "buf.h"
#include "feedback.h"
#include "progress.h"
#include "questionnaire.h"
#include "reply.h"
#include "response.h"

/* What someone answered before, filled in on a form sent again. */
struct form_given {
	int position;		/* tenths, POSITION_NONE, or POSITION_UNSET: nothing */
	const char *note;	/* unescaped, or NULL */
};

/* Whose form, and what else it carries. */
struct form_spec {
	const char *round, *participant, *group;
	const struct feedback *feedback;	/* per continuum: last round, or NULL */
	const char *token;			/* stance-token (key.h), or NULL */
	const struct form_given *given;		/* per continuum, or NULL */
};

/* Write a form; returns 0, or -1 on a write error. */
int form_write(FILE *fp, const struct questionnaire *q, const struct form_spec *spec);

/* The checksum on a form's stance-check: line, over its header. */
unsigned long form_check(const char *id, const char *round, const char *participant,
    const char *group);

enum form_key {
	FORM_KEY_FORM, FORM_KEY_ROUND, FORM_KEY_PARTICIPANT, FORM_KEY_GROUP,
	FORM_KEY_CHECK, FORM_KEY_TOKEN, FORM_KEY_CONTINUUM, FORM_KEY_PERCENT, FORM_KEY_NOTE
};

/* What one line of a form is, once its quoting is taken off. */
enum form_line_kind {
	FORM_LINE_TEXT,		/* anything else: a question, a greeting */
	FORM_LINE_BLANK,
	FORM_LINE_KEY,		/* "key: value" */
	FORM_LINE_END,		/* "stance-end" */
	FORM_LINE_BOX,		/* "[x] 2. text", "(x) 2.", "x [ ] 2.", "x 2." */
	FORM_LINE_SIGNATURE	/* "-- ", where a mail signature starts */
};

struct form_line {
	enum form_line_kind kind;
	size_t depth;		/* how deep it was quoted ("> > " is 2) */
	char *text;		/* the line without quoting and outer blanks */
	enum form_key key;	/* FORM_LINE_KEY: which, and its value */
	char *value;
	/* FORM_LINE_BOX: */
	int has_box;		/* [ ] or ( ) is there */
	const char *inside;	/* what is in the box, blanks taken off */
	size_t inside_len;
	const char *outside;	/* a mark before the box or in its place */
	size_t outside_len;
	const char *label;	/* "2" or "-", before the "." */
	size_t label_len;
};

/* Classify line[0..len), changing it in place (NULs after the parts). */
void form_line_classify(char *line, size_t len, struct form_line *out);

/* Whether s[0..n) is a mark that ticks a box: x, X, *, v, V, a check. */
int form_is_mark(const char *s, size_t n);

/* Whether a line (with quoting removed) starts a form: for telling a form
 * apart from response lines. */
int form_starts(const char *line, size_t len);

/* One answer read from a form: a response (its note already escaped as
 * in a line; no time, which the mail or file gives) and its continuum. */
struct form_answer {
	struct response response;
	size_t continuum;
	unsigned long line;	/* where the form starts */
};

typedef void form_answer_fn(const struct form_answer *answer, void *context);
/* A form with a good header was read: whose, and how many answers it gave
 * (0: sent back with nothing readable, which the reader reports too). */
typedef void form_done_fn(const char *round, const char *participant, int answers,
    void *context);
/* A form's header is good (and signed, with a key): may its answers
 * count?  Returns 1, or 0 after saying why not (collect: a mailed form
 * from another address than the participant's). */
typedef int form_accept_fn(const char *round, const char *participant, void *context);
/* What kept a form with a good header from giving an answer, for
 * telling its participant: continuum is its index, or -1 for the form. */
typedef void form_trouble_fn(const char *round, const char *participant,
    enum progress_reason reason, long continuum, void *context);

struct key;

struct form_reader {
	const struct questionnaire *q;
	const char *name;	/* for diagnostics */
	form_answer_fn *emit;
	form_done_fn *done;	/* optional: set it after form_reader_init */
	form_accept_fn *accept;	/* optional, the same */
	form_trouble_fn *trouble;	/* optional, the same */
	const struct key *key;	/* optional: only forms it signed count */
	void *context;
	int problems;		/* how many problems were reported */
	int forms;		/* how many forms were seen */
	int answers;		/* how many answers were emitted */
	struct form_state *state;
	/* The lines of the message being read, kept until it ends: which
	 * form counts depends on the forms after it (see formreader.c). */
	struct buf text;
	struct held_line *lines;
	size_t nlines, lines_cap;
	/* Answers typed above the quote (reply.h): counted with the signed
	 * form the message quotes; left for the caller (a reply to a message
	 * remind's log names) when it quotes none.  Valid until the next
	 * message starts. */
	struct reply reply;
};

void form_reader_init(struct form_reader *r, const struct questionnaire *q,
    const char *name, form_answer_fn *emit, void *context);
/* One line of text; lineno is where it stands in the input. */
void form_reader_line(struct form_reader *r, const char *line, size_t len,
    unsigned long lineno);
/* Where a message ends: its forms are read and their answers handed on. */
void form_reader_flush(struct form_reader *r);
/* The end of the input: flushes, and frees the reader. */
void form_reader_end(struct form_reader *r);

#endif
