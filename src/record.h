/*
 * record: files of "field: value" records separated by blank lines, as
 * stance-questionnaire(5) is written (and recommend's rules file will
 * be).  Lines starting with # are comments; an indented line continues
 * the field before it.  Each format keeps its own table of fields; this
 * reads records against it and reports every mistake with its line.
 */
#ifndef STANCE_RECORD_H
#define STANCE_RECORD_H

#include <stdarg.h>
#include <stdio.h>

#include "buf.h"
#include "lines.h"

/* A field of a format: which kind of record it belongs in, whether it
 * may repeat and whether its record needs it; a field that names its
 * kind says what kind a record is ("continuum:"). */
struct record_field {
	const char *name;
	int kind;
	int repeats;
	int required;
	int names_kind;
};

/* A kind of record, as messages name it: "in the header record, not in
 * a continuum". */
struct record_kind {
	const char *in_en, *not_en;	/* "the header record", "the header" */
	const char *in_nl, *not_nl;
};

struct record_value {
	size_t field;		/* its index in the table */
	struct buf value;
	unsigned long line;
};

struct record {
	struct record_value *values;
	size_t n, cap;
	unsigned long line;	/* where it starts */
	int kind;		/* after record_check() */
};

struct record_reader {
	const struct record_field *fields;
	size_t nfields;
	const struct record_kind *kinds;
	const char *name;
	int errors;		/* every mistake reported so far */
	struct lines in;
};

void record_reader_init(struct record_reader *r, const struct record_field *fields,
    size_t nfields, const struct record_kind *kinds, FILE *fp, const char *name);
/* The next record; 1 with rec filled, 0 at the end (a read error is
 * reported).  Mistakes in lines are reported and the lines skipped. */
int record_next(struct record_reader *r, struct record *rec);
/*
 * Check a record against the table: what kind it is, fields of another
 * kind, fields given twice that may not repeat, empty values, required
 * fields missing.  Sets rec->kind; returns 0, or -1 if anything was
 * reported.
 */
int record_check(struct record_reader *r, struct record *rec);
/* The first value of field i, taken out of the record (malloc'd), or NULL. */
char *record_take(struct record *rec, size_t field);
/* The value at rec->values[i], taken out. */
char *record_take_at(struct record *rec, size_t i);
/* How many times field occurs; the line it first occurs on, or 0. */
size_t record_count(const struct record *rec, size_t field);
unsigned long record_line(const struct record *rec, size_t field);
void record_clear(struct record *rec);
void record_free(struct record *rec);
void record_reader_end(struct record_reader *r);

/* Report a mistake at line (0: the whole file) and count it. */
void record_error(struct record_reader *r, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
