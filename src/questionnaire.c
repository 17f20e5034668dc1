#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "lines.h"
#include "record.h"
#include "intern.h"
#include "questionnaire.h"
#include "text.h"
#include "token.h"
#include "utf8.h"

enum kind { KIND_HEADER, KIND_CONTINUUM };

enum field {
	F_QUESTIONNAIRE, F_TITLE, F_LANG, F_SOURCE, F_INSTRUCTION,
	F_CONTINUUM, F_NAME, F_QUESTION, F_HELP, F_LEFT, F_RIGHT, F_LEFT_NOUN, F_RIGHT_NOUN, F_ANCHOR,
	NFIELDS
};

/* Every field the format knows: which record it belongs in, whether it
 * may repeat, whether the record needs it, and whether it says what
 * kind of record it is. */
static const struct record_field fields[NFIELDS] = {
	[F_QUESTIONNAIRE] = { "questionnaire", KIND_HEADER, 0, 1, 1 },
	[F_TITLE]         = { "title", KIND_HEADER, 0, 1, 0 },
	[F_LANG]          = { "lang", KIND_HEADER, 0, 1, 0 },
	[F_SOURCE]        = { "source", KIND_HEADER, 0, 0, 0 },
	[F_INSTRUCTION]   = { "instruction", KIND_HEADER, 0, 0, 0 },
	[F_CONTINUUM]     = { "continuum", KIND_CONTINUUM, 0, 1, 1 },
	[F_NAME]          = { "name", KIND_CONTINUUM, 0, 0, 0 },
	[F_QUESTION]      = { "question", KIND_CONTINUUM, 0, 1, 0 },
	[F_HELP]          = { "help", KIND_CONTINUUM, 0, 0, 0 },
	[F_LEFT]          = { "left", KIND_CONTINUUM, 0, 1, 0 },
	[F_RIGHT]         = { "right", KIND_CONTINUUM, 0, 1, 0 },
	[F_LEFT_NOUN]     = { "left-noun", KIND_CONTINUUM, 0, 0, 0 },
	[F_RIGHT_NOUN]    = { "right-noun", KIND_CONTINUUM, 0, 0, 0 },
	[F_ANCHOR]        = { "anchor", KIND_CONTINUUM, 1, 1, 0 },
};

static const struct record_kind kinds[] = {
	[KIND_HEADER] = { "the header record", "the header", "het koprecord", "de kop" },
	[KIND_CONTINUUM] = { "a continuum record", "a continuum", "een continuumrecord",
	    "een continuum" },
};

struct reader {
	struct record_reader records;
	struct questionnaire *q;
	int have_header;
	unsigned long header_line;
	struct intern seen;		/* the continuum ids so far */
	unsigned long *seen_line;	/* where each was */
	size_t ncap;			/* room in q->continua */
};

static int
id_valid(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return n > 0 && n <= TOKEN_MAX && s[n] == '\0';
}

/* An id must be of the id characters; a continuum id must be new.
 * Every continuum id is remembered, even in records with mistakes, so
 * that a duplicate is reported whatever else is wrong. */
static void
check_id(struct reader *r, const struct record *rec, enum field field)
{
	struct record_reader *rr = &r->records;
	const struct record_value *v = NULL;
	size_t i;

	for (i = 0; i < rec->n && v == NULL; i++)
		if (rec->values[i].field == (size_t)field)
			v = &rec->values[i];
	if (v == NULL || v->value.len == 0)
		return;
	if (!id_valid(v->value.data))
		record_error(rr, v->line, field == F_CONTINUUM ?
		    tr("continuum id '%s' must be 1-64 characters of a-z, 0-9 and -",
		    "continuum-id '%s' moet bestaan uit 1-64 tekens a-z, 0-9 en -") :
		    tr("questionnaire id '%s' must be 1-64 characters of a-z, 0-9 and -",
		    "vragenlijst-id '%s' moet bestaan uit 1-64 tekens a-z, 0-9 en -"),
		    v->value.data);
	if (field != F_CONTINUUM)
		return;
	if ((i = intern_find(&r->seen, v->value.data, v->value.len)) != UINT32_MAX) {
		record_error(rr, v->line, tr("duplicate continuum id '%s' (first at line %lu)",
		    "continuum-id '%s' komt dubbel voor (eerst op regel %lu)"),
		    v->value.data, r->seen_line[i]);
		return;
	}
	i = intern_add(&r->seen, v->value.data, v->value.len);
	if ((i & (i - 1)) == 0)	/* 0, 1, 2, 4, ...: double */
		r->seen_line = xreallocarray(r->seen_line, i ? 2 * i : 1, sizeof(*r->seen_line));
	r->seen_line[i] = v->line;
}

/* What only this format asks of a record, beyond its table. */
static void
check_record(struct reader *r, const struct record *rec)
{
	struct record_reader *rr = &r->records;
	size_t anchors = record_count(rec, F_ANCHOR);

	if (rec->kind == KIND_CONTINUUM && anchors < 2)
		record_error(rr, rec->line, tr(
		    "continuum needs at least two 'anchor:' lines, one for each end (it has %zu)",
		    "continuum heeft minstens twee regels 'anchor:' nodig, één voor elk uiteinde (het heeft er %zu)"),
		    anchors);
	check_id(r, rec, F_QUESTIONNAIRE);
	check_id(r, rec, F_CONTINUUM);
	if (rec->kind == KIND_HEADER && r->have_header)
		record_error(rr, rec->line, tr("a second header record (the first is at line %lu)",
		    "een tweede koprecord (het eerste staat op regel %lu)"), r->header_line);
	if (rec->kind == KIND_CONTINUUM && !r->have_header)
		record_error(rr, rec->line, tr(
		    "continuum before the header record (questionnaire:, title:, lang:)",
		    "continuum voor het koprecord (questionnaire:, title:, lang:)"));
	if (rec->kind == KIND_HEADER && !r->have_header) {
		/* Even a header with mistakes is the header: the records
		 * after it are continua, not more mistakes. */
		r->have_header = 1;
		r->header_line = rec->line;
	}
}

static void
add_header(struct questionnaire *q, struct record *rec)
{
	q->id = record_take(rec, F_QUESTIONNAIRE);
	q->title = record_take(rec, F_TITLE);
	q->lang = record_take(rec, F_LANG);
	q->source = record_take(rec, F_SOURCE);
	q->instruction = record_take(rec, F_INSTRUCTION);
}

static void
add_continuum(struct questionnaire *q, struct record *rec, size_t *cap)
{
	struct continuum c = { 0 };
	size_t i;

	c.line = rec->line;
	c.id = record_take(rec, F_CONTINUUM);
	c.id_len = c.id != NULL ? strlen(c.id) : 0;
	/* Without a name, people read the id. */
	if ((c.name = record_take(rec, F_NAME)) == NULL)
		c.name = xstrdup(c.id);
	c.question = record_take(rec, F_QUESTION);
	c.help = record_take(rec, F_HELP);
	c.left = record_take(rec, F_LEFT);
	c.right = record_take(rec, F_RIGHT);
	c.left_noun = record_take(rec, F_LEFT_NOUN);
	c.right_noun = record_take(rec, F_RIGHT_NOUN);
	c.anchors = xreallocarray(NULL, record_count(rec, F_ANCHOR), sizeof(char *));
	for (i = 0; i < rec->n; i++)
		if (rec->values[i].field == F_ANCHOR)
			c.anchors[c.nanchors++] = record_take_at(rec, i);
	if (q->ncontinua == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		q->continua = xreallocarray(q->continua, *cap, sizeof(*q->continua));
	}
	q->continua[q->ncontinua++] = c;
}

/* Check a whole record, reporting every mistake; if there were none,
 * add it to the questionnaire. */
static void
record_finish(struct reader *r, struct record *rec)
{
	int errors = r->records.errors;

	if (record_check(&r->records, rec) < 0 && rec->kind < 0)
		return;
	check_record(r, rec);
	if (r->records.errors != errors)
		return;
	if (rec->kind == KIND_HEADER)
		add_header(r->q, rec);
	else
		add_continuum(r->q, rec, &r->ncap);
}

int
questionnaire_read(struct questionnaire *q, FILE *fp, const char *name)
{
	struct reader r = { 0 };
	struct record rec = { 0 };

	memset(q, 0, sizeof(*q));
	r.q = q;
	record_reader_init(&r.records, fields, NFIELDS, kinds, fp, name);
	while (record_next(&r.records, &rec))
		record_finish(&r, &rec);
	if (r.records.errors == 0 && !r.have_header)
		record_error(&r.records, 0, "%s", tr("no header record (questionnaire:, title:, lang:)",
		    "geen koprecord (questionnaire:, title:, lang:)"));
	else if (r.records.errors == 0 && q->ncontinua == 0)
		record_error(&r.records, 0, "%s", tr("no continua", "geen continua"));
	record_free(&rec);
	record_reader_end(&r.records);
	/* The ids found by a hash from now on (questionnaire_find): the
	 * reader's set holds exactly the continua when there was no mistake. */
	if (r.records.errors == 0) {
		q->index = xmalloc(sizeof(*q->index));
		*q->index = r.seen;
	} else {
		intern_free(&r.seen);
	}
	free(r.seen_line);
	if (r.records.errors != 0)
		questionnaire_free(q);
	return r.records.errors;
}

int
questionnaire_load(struct questionnaire *q, const char *path)
{
	FILE *fp;
	int errors;

	if (strcmp(path, "-") == 0)
		return questionnaire_read(q, stdin, "<stdin>");
	if ((fp = fopen(path, "r")) == NULL) {
		memset(q, 0, sizeof(*q));
		diag_warn("%s: %s", path, lang_strerror(errno));
		return 1;
	}
	errors = questionnaire_read(q, fp, path);
	fclose(fp);
	return errors;
}

void
questionnaire_choose(struct questionnaire *q, const char *path)
{
	if (path == NULL)
		questionnaire_default(q, lang_current);
	else if (questionnaire_load(q, path) != 0)
		diag_fatal(tr("%s: not a usable questionnaire; see stance-questionnaire(5)",
		    "%s: geen bruikbare vragenlijst; zie stance-questionnaire(5)"), path);
}

const char *
questionnaire_default_text(enum lang lang)
{
	return lang == LANG_NL ? questionnaire_default_nl : questionnaire_default_en;
}

void
questionnaire_default(struct questionnaire *q, enum lang lang)
{
	const char *text = questionnaire_default_text(lang);
	FILE *fp = fmemopen((void *)(size_t)text, strlen(text), "r");

	if (fp == NULL)
		alloc_out_of_memory();
	/* The embedded text is tested; an error here is a build mistake. */
	if (questionnaire_read(q, fp, "<default questionnaire>") != 0)
		abort();
	fclose(fp);
}

long
questionnaire_find(const struct questionnaire *q, const char *s, size_t n)
{
	size_t i;
	uint32_t found;

	if (q->index != NULL)
		return (found = intern_find(q->index, s, n)) == UINT32_MAX ? -1 : (long)found;
	for (i = 0; i < q->ncontinua; i++)
		if (q->continua[i].id_len == n && memcmp(q->continua[i].id, s, n) == 0)
			return (long)i;
	return -1;
}

void
questionnaire_unknown(const struct questionnaire *q, const char *id, size_t n, struct buf *out)
{
	size_t i;

	buf_addstr(out, tr("unknown continuum '", "onbekend continuum '"));
	text_quote(out, id, n);
	buf_printf(out, tr("' (questionnaire %s has ", "' (vragenlijst %s heeft "), q->id);
	for (i = 0; i < q->ncontinua; i++)
		buf_printf(out, "%s%s", i ? ", " : "", q->continua[i].id);
	buf_addc(out, ')');
}

int
questionnaire_write(const struct questionnaire *q, FILE *fp)
{
	size_t i, j;

	fprintf(fp, "# A stance questionnaire: see stance-questionnaire(5).\n");
	fprintf(fp, "questionnaire: %s\ntitle: %s\nlang: %s\n", q->id, q->title, q->lang);
	if (q->source != NULL)
		fprintf(fp, "source: %s\n", q->source);
	if (q->instruction != NULL)
		fprintf(fp, "instruction: %s\n", q->instruction);
	for (i = 0; i < q->ncontinua; i++) {
		const struct continuum *c = &q->continua[i];

		fprintf(fp, "\ncontinuum: %s\n", c->id);
		if (strcmp(c->name, c->id) != 0)
			fprintf(fp, "name: %s\n", c->name);
		fprintf(fp, "question: %s\n", c->question);
		if (c->help != NULL)
			fprintf(fp, "help: %s\n", c->help);
		fprintf(fp, "left: %s\nright: %s\n", c->left, c->right);
		if (c->left_noun != NULL)
			fprintf(fp, "left-noun: %s\n", c->left_noun);
		if (c->right_noun != NULL)
			fprintf(fp, "right-noun: %s\n", c->right_noun);
		for (j = 0; j < c->nanchors; j++)
			fprintf(fp, "anchor: %s\n", c->anchors[j]);
	}
	return ferror(fp) ? -1 : 0;
}

void
questionnaire_free(struct questionnaire *q)
{
	size_t i, j;

	for (i = 0; i < q->ncontinua; i++) {
		struct continuum *c = &q->continua[i];

		free(c->id);
		free(c->name);
		free(c->question);
		free(c->help);
		free(c->left);
		free(c->right);
		free(c->left_noun);
		free(c->right_noun);
		for (j = 0; j < c->nanchors; j++)
			free(c->anchors[j]);
		free(c->anchors);
	}
	free(q->continua);
	if (q->index != NULL)
		intern_free(q->index);
	free(q->index);
	free(q->id);
	free(q->title);
	free(q->lang);
	free(q->source);
	free(q->instruction);
	memset(q, 0, sizeof(*q));
}

const char *
questionnaire_pole(const struct continuum *c, int right)
{
	if (right)
		return c->right_noun != NULL ? c->right_noun : c->right;
	return c->left_noun != NULL ? c->left_noun : c->left;
}
