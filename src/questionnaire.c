#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "lines.h"
#include "questionnaire.h"
#include "text.h"
#include "token.h"
#include "utf8.h"

enum record_kind { RECORD_HEADER, RECORD_CONTINUUM };

enum field {
	F_QUESTIONNAIRE, F_TITLE, F_LANG, F_SOURCE, F_INSTRUCTION,
	F_CONTINUUM, F_NAME, F_QUESTION, F_HELP, F_LEFT, F_RIGHT, F_ANCHOR,
	NFIELDS
};

/* Every field the format knows: which record it belongs in, whether it
 * may repeat, and whether the record needs it.  The first field of each
 * kind is the one that says what kind a record is. */
static const struct field_spec {
	const char *name;
	enum record_kind kind;
	int repeats;
	int required;
} fields[NFIELDS] = {
	[F_QUESTIONNAIRE] = { "questionnaire", RECORD_HEADER, 0, 1 },
	[F_TITLE]         = { "title", RECORD_HEADER, 0, 1 },
	[F_LANG]          = { "lang", RECORD_HEADER, 0, 1 },
	[F_SOURCE]        = { "source", RECORD_HEADER, 0, 0 },
	[F_INSTRUCTION]   = { "instruction", RECORD_HEADER, 0, 0 },
	[F_CONTINUUM]     = { "continuum", RECORD_CONTINUUM, 0, 1 },
	[F_NAME]          = { "name", RECORD_CONTINUUM, 0, 0 },
	[F_QUESTION]      = { "question", RECORD_CONTINUUM, 0, 1 },
	[F_HELP]          = { "help", RECORD_CONTINUUM, 0, 0 },
	[F_LEFT]          = { "left", RECORD_CONTINUUM, 0, 1 },
	[F_RIGHT]         = { "right", RECORD_CONTINUUM, 0, 1 },
	[F_ANCHOR]        = { "anchor", RECORD_CONTINUUM, 1, 1 },
};

struct field_value {
	enum field field;
	struct buf value;
	unsigned long line;
};

/* The record being read: its fields in file order. */
struct record {
	struct field_value *values;
	size_t n, cap;
	unsigned long line;
};

struct reader {
	struct questionnaire *q;
	const char *name;
	int errors;
	int have_header;
	unsigned long header_line;
	struct { char *id; unsigned long line; } *seen;
	size_t nseen;
};

static void reader_error(struct reader *r, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
reader_error(struct reader *r, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(r->name, line, fmt, ap);
	va_end(ap);
	r->errors++;
}

static int
id_valid(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-");

	return n > 0 && n <= TOKEN_MAX && s[n] == '\0';
}

static int
field_lookup(const char *name, size_t n)
{
	int i;

	for (i = 0; i < NFIELDS; i++)
		if (strlen(fields[i].name) == n && memcmp(fields[i].name, name, n) == 0)
			return i;
	return -1;
}

static void
record_clear(struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		buf_free(&rec->values[i].value);
	rec->n = 0;
}

/* Take the value of the record's i-th field out of it. */
static char *
record_take_at(struct record *rec, size_t i)
{
	char *value = rec->values[i].value.data;

	memset(&rec->values[i].value, 0, sizeof(rec->values[i].value));
	return value;
}

/* The value of the first `field` in the record, or NULL. */
static char *
record_take(struct record *rec, enum field field)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (rec->values[i].field == field)
			return record_take_at(rec, i);
	return NULL;
}

/* Report a field given twice, or an id seen before. */
static void
check_ids(struct reader *r, struct record *rec, const unsigned long *first_line)
{
	size_t i, j;

	for (i = 0; i < rec->n; i++) {
		const struct field_value *fv = &rec->values[i];

		if (fv->field != F_QUESTIONNAIRE && fv->field != F_CONTINUUM)
			continue;
		if (fv->line != first_line[fv->field] || fv->value.len == 0)
			continue;
		if (!id_valid(fv->value.data))
			reader_error(r, fv->line, fv->field == F_CONTINUUM ?
			    tr("continuum id '%s' must be 1-64 characters of a-z, 0-9 and -",
			    "continuum-id '%s' moet bestaan uit 1-64 tekens a-z, 0-9 en -") :
			    tr("questionnaire id '%s' must be 1-64 characters of a-z, 0-9 and -",
			    "vragenlijst-id '%s' moet bestaan uit 1-64 tekens a-z, 0-9 en -"),
			    fv->value.data);
		if (fv->field != F_CONTINUUM)
			continue;
		/* Every continuum id seen, even in records with mistakes, so
		 * that a duplicate is reported whatever else is wrong. */
		for (j = 0; j < r->nseen; j++) {
			if (strcmp(r->seen[j].id, fv->value.data) == 0) {
				reader_error(r, fv->line, tr(
				    "duplicate continuum id '%s' (first at line %lu)",
				    "continuum-id '%s' komt dubbel voor (eerst op regel %lu)"),
				    fv->value.data, r->seen[j].line);
				break;
			}
		}
		if (j == r->nseen) {
			r->seen = xreallocarray(r->seen, r->nseen + 1, sizeof(*r->seen));
			r->seen[r->nseen].id = xstrdup(fv->value.data);
			r->seen[r->nseen++].line = fv->line;
		}
	}
}

/*
 * Check a complete record against the field table, reporting every
 * mistake; if there were none, add it to the questionnaire.
 */
static void
record_finish(struct reader *r, struct record *rec)
{
	struct questionnaire *q = r->q;
	unsigned long first_line[NFIELDS] = { 0 };
	enum record_kind kind;
	int errors = r->errors;
	size_t i, anchors = 0;

	if (rec->n == 0)
		return;
	/* What kind of record this is: the field that names it decides. */
	for (i = 0; i < rec->n; i++)
		if (rec->values[i].field == F_QUESTIONNAIRE ||
		    rec->values[i].field == F_CONTINUUM)
			break;
	if (i == rec->n) {
		reader_error(r, rec->line, tr(
		    "record has neither a 'questionnaire:' nor a 'continuum:' line",
		    "record heeft geen regel 'questionnaire:' of 'continuum:'"));
		goto done;
	}
	kind = fields[rec->values[i].field].kind;

	for (i = 0; i < rec->n; i++) {
		struct field_value *fv = &rec->values[i];
		const struct field_spec *spec = &fields[fv->field];

		if (spec->kind != kind) {
			reader_error(r, fv->line, kind == RECORD_HEADER ?
			    tr("field '%s' belongs in a continuum record, not the header",
			    "veld '%s' hoort in een continuumrecord, niet in de kop") :
			    tr("field '%s' belongs in the header record, not a continuum",
			    "veld '%s' hoort in het koprecord, niet in een continuum"),
			    spec->name);
			continue;
		}
		if (first_line[fv->field] != 0 && !spec->repeats)
			reader_error(r, fv->line, tr("duplicate field '%s' (first at line %lu)",
			    "veld '%s' komt dubbel voor (eerst op regel %lu)"),
			    spec->name, first_line[fv->field]);
		if (first_line[fv->field] == 0)
			first_line[fv->field] = fv->line;
		if (fv->value.len == 0)
			reader_error(r, fv->line, tr("field '%s' is empty",
			    "veld '%s' is leeg"), spec->name);
		if (fv->field == F_ANCHOR)
			anchors++;
	}
	for (i = 0; i < NFIELDS; i++) {
		if (fields[i].kind == kind && fields[i].required && first_line[i] == 0 &&
		    i != F_ANCHOR)
			reader_error(r, rec->line, tr("record has no '%s:' line",
			    "record heeft geen regel '%s:'"), fields[i].name);
	}
	if (kind == RECORD_CONTINUUM && anchors < 2)
		reader_error(r, rec->line, tr(
		    "continuum needs at least two 'anchor:' lines, one for each end (it has %zu)",
		    "continuum heeft minstens twee regels 'anchor:' nodig, één voor elk uiteinde (het heeft er %zu)"),
		    anchors);
	check_ids(r, rec, first_line);
	if (kind == RECORD_HEADER && r->have_header)
		reader_error(r, rec->line, tr("a second header record (the first is at line %lu)",
		    "een tweede koprecord (het eerste staat op regel %lu)"), r->header_line);
	if (kind == RECORD_CONTINUUM && !r->have_header)
		reader_error(r, rec->line, tr(
		    "continuum before the header record (questionnaire:, title:, lang:)",
		    "continuum voor het koprecord (questionnaire:, title:, lang:)"));
	if (kind == RECORD_HEADER && !r->have_header) {
		/* Even a header with mistakes is the header: the records
		 * after it are continua, not more mistakes. */
		r->have_header = 1;
		r->header_line = rec->line;
	}
	if (r->errors != errors)
		goto done;

	if (kind == RECORD_HEADER) {
		q->id = record_take(rec, F_QUESTIONNAIRE);
		q->title = record_take(rec, F_TITLE);
		q->lang = record_take(rec, F_LANG);
		q->source = record_take(rec, F_SOURCE);
		q->instruction = record_take(rec, F_INSTRUCTION);
	} else {
		struct continuum c = { 0 };

		c.line = rec->line;
		c.id = record_take(rec, F_CONTINUUM);
		/* Without a name, people read the id. */
		if ((c.name = record_take(rec, F_NAME)) == NULL)
			c.name = xstrdup(c.id);
		c.question = record_take(rec, F_QUESTION);
		c.help = record_take(rec, F_HELP);
		c.left = record_take(rec, F_LEFT);
		c.right = record_take(rec, F_RIGHT);
		c.anchors = xreallocarray(NULL, anchors, sizeof(char *));
		for (i = 0; i < rec->n; i++)
			if (rec->values[i].field == F_ANCHOR)
				c.anchors[c.nanchors++] = record_take_at(rec, i);
		q->continua = xreallocarray(q->continua, q->ncontinua + 1,
		    sizeof(*q->continua));
		q->continua[q->ncontinua++] = c;
	}
done:
	record_clear(rec);
}

int
questionnaire_read(struct questionnaire *q, FILE *fp, const char *name)
{
	struct reader r = { 0 };
	struct record rec = { 0 };
	struct lines in;
	ssize_t n;

	memset(q, 0, sizeof(*q));
	r.q = q;
	r.name = name;
	lines_from(&in, fp, name);
	while ((n = lines_next(&in)) >= 0) {
		char *line = in.line, *colon, *value;
		int field;

		if (memchr(line, '\0', (size_t)n) != NULL) {
			reader_error(&r, in.number, tr("line contains a NUL byte",
			    "regel bevat een NUL-byte"));
			continue;
		}
		if (!utf8_valid(line, (size_t)n)) {
			reader_error(&r, in.number, tr("line is not valid UTF-8",
			    "regel is geen geldige UTF-8"));
			continue;
		}
		/* The text is shown at a terminal: no escape sequences. */
		if (utf8_has_control(line, (size_t)n, "\t")) {
			reader_error(&r, in.number, tr("line contains a control character",
			    "regel bevat een stuurteken"));
			continue;
		}
		if (line[0] == '#')
			continue;
		if (*text_trim(line) == '\0') {
			record_finish(&r, &rec);
			continue;
		}
		/* A line that starts with white space continues the field
		 * before it, so long statements can be wrapped. */
		if (line[0] == ' ' || line[0] == '\t') {
			if (rec.n == 0) {
				reader_error(&r, in.number, tr(
				    "indented line continues nothing",
				    "ingesprongen regel zet niets voort"));
				continue;
			}
			/* Words are joined by one space; an empty "anchor:"
			 * with its text on the next line gets none in front
			 * (the fuzzer found that it printed differently). */
			if (rec.values[rec.n - 1].value.len > 0)
				buf_addc(&rec.values[rec.n - 1].value, ' ');
			buf_addstr(&rec.values[rec.n - 1].value, text_trim(line));
			continue;
		}
		colon = strchr(line, ':');
		if (colon == NULL) {
			reader_error(&r, in.number, tr(
			    "expected 'field: value', found '%s'",
			    "verwacht 'veld: waarde', gevonden '%s'"), line);
			continue;
		}
		if ((field = field_lookup(line, (size_t)(colon - line))) < 0) {
			*colon = '\0';
			reader_error(&r, in.number, tr(
			    "unknown field '%s' (known: questionnaire, title, lang, continuum, question, help, left, right, anchor)",
			    "onbekend veld '%s' (gekend: questionnaire, title, lang, continuum, question, help, left, right, anchor)"),
			    line);
			continue;
		}
		if (rec.n == 0)
			rec.line = in.number;
		if (rec.n == rec.cap) {
			rec.cap = rec.cap ? rec.cap * 2 : 16;
			rec.values = xreallocarray(rec.values, rec.cap, sizeof(*rec.values));
		}
		value = text_trim(colon + 1);
		memset(&rec.values[rec.n], 0, sizeof(rec.values[rec.n]));
		rec.values[rec.n].field = (enum field)field;
		rec.values[rec.n].line = in.number;
		buf_add(&rec.values[rec.n].value, value, strlen(value));
		rec.n++;
	}
	if (lines_error(&in)) {
		reader_error(&r, 0, tr("read error: %s", "leesfout: %s"), strerror(errno));
	} else {
		record_finish(&r, &rec);
		if (!r.have_header && r.errors == 0)
			reader_error(&r, 0, tr("no header record (questionnaire:, title:, lang:)",
			    "geen koprecord (questionnaire:, title:, lang:)"));
		else if (q->ncontinua == 0 && r.errors == 0)
			reader_error(&r, 0, tr("no continua", "geen continua"));
	}
	record_clear(&rec);
	free(rec.values);
	lines_close(&in);
	while (r.nseen > 0)
		free(r.seen[--r.nseen].id);
	free(r.seen);
	if (r.errors != 0)
		questionnaire_free(q);
	return r.errors;
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
		diag_warn("%s: %s", path, strerror(errno));
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
		diag_fatal("%s", tr("out of memory", "onvoldoende geheugen"));
	/* The embedded text is tested; an error here is a build mistake. */
	if (questionnaire_read(q, fp, "<default questionnaire>") != 0)
		abort();
	fclose(fp);
}

long
questionnaire_find(const struct questionnaire *q, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < q->ncontinua; i++)
		if (strlen(q->continua[i].id) == n && memcmp(q->continua[i].id, s, n) == 0)
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
		for (j = 0; j < c->nanchors; j++)
			free(c->anchors[j]);
		free(c->anchors);
	}
	free(q->continua);
	free(q->id);
	free(q->title);
	free(q->lang);
	free(q->source);
	free(q->instruction);
	memset(q, 0, sizeof(*q));
}
