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
#include "text.h"
#include "utf8.h"

void
record_reader_init(struct record_reader *r, const struct record_field *fields,
    size_t nfields, const struct record_kind *kinds, FILE *fp, const char *name)
{
	memset(r, 0, sizeof(*r));
	r->fields = fields;
	r->nfields = nfields;
	r->kinds = kinds;
	r->name = name;
	lines_from(&r->in, fp, name);
}

void
record_error(struct record_reader *r, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(r->name, line, fmt, ap);
	va_end(ap);
	r->errors++;
}

static long
field_lookup(const struct record_reader *r, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < r->nfields; i++)
		if (strlen(r->fields[i].name) == n && memcmp(r->fields[i].name, name, n) == 0)
			return (long)i;
	return -1;
}

/* A line the format cannot hold: NUL, not UTF-8, or a control character
 * (the text is shown at a terminal, where it would be an escape). */
static int
line_refused(struct record_reader *r, const char *line, size_t n)
{
	const char *why = NULL;

	if (memchr(line, '\0', n) != NULL)
		why = tr("line contains a NUL byte", "regel bevat een NUL-byte");
	else if (!utf8_valid(line, n))
		why = tr("line is not valid UTF-8", "regel is geen geldige UTF-8");
	else if (utf8_has_control(line, n, "\t"))
		why = tr("line contains a control character", "regel bevat een stuurteken");
	else if (utf8_has_bidi_control(line, n))
		why = tr("line contains a direction-changing character (such as U+202E), which makes text read as something else",
		    "regel bevat een richtingveranderend teken (zoals U+202E), waardoor tekst als iets anders gelezen wordt");
	if (why != NULL)
		record_error(r, r->in.number, "%s", why);
	return why != NULL;
}

/* An indented line goes on with the field before it. */
static void
continuation(struct record_reader *r, struct record *rec, char *line)
{
	struct buf *value;

	if (rec->n == 0) {
		record_error(r, r->in.number, "%s", tr("indented line continues nothing",
		    "ingesprongen regel zet niets voort"));
		return;
	}
	/* Words are joined by one space; an empty "anchor:" with its text
	 * on the next line gets none in front (the fuzzer found that it
	 * printed differently). */
	value = &rec->values[rec->n - 1].value;
	if (value->len > 0)
		buf_addc(value, ' ');
	buf_addstr(value, text_trim(line));
}

static void
field_line(struct record_reader *r, struct record *rec, char *line)
{
	char *colon = strchr(line, ':'), *value;
	struct buf known = { 0 };
	long field;
	size_t i;

	if (colon == NULL) {
		record_error(r, r->in.number, tr("expected 'field: value', found '%s'",
		    "verwacht 'veld: waarde', gevonden '%s'"), line);
		return;
	}
	if ((field = field_lookup(r, line, (size_t)(colon - line))) < 0) {
		*colon = '\0';
		for (i = 0; i < r->nfields; i++)
			buf_printf(&known, "%s%s", i ? ", " : "", r->fields[i].name);
		record_error(r, r->in.number, tr("unknown field '%s' (known: %s)",
		    "onbekend veld '%s' (gekend: %s)"), line, known.data);
		buf_free(&known);
		return;
	}
	if (rec->n == 0)
		rec->line = r->in.number;
	if (rec->n == rec->cap) {
		rec->cap = rec->cap ? rec->cap * 2 : 16;
		rec->values = xreallocarray(rec->values, rec->cap, sizeof(*rec->values));
	}
	value = text_trim(colon + 1);
	memset(&rec->values[rec->n], 0, sizeof(rec->values[rec->n]));
	rec->values[rec->n].field = (size_t)field;
	rec->values[rec->n].line = r->in.number;
	buf_add(&rec->values[rec->n].value, value, strlen(value));
	rec->n++;
}

int
record_next(struct record_reader *r, struct record *rec)
{
	ssize_t n;

	record_clear(rec);
	while ((n = lines_next(&r->in)) >= 0) {
		char *line = r->in.line;

		if (line_refused(r, line, (size_t)n) || line[0] == '#')
			continue;
		if (*text_trim(line) == '\0') {
			if (rec->n > 0)
				return 1;
			continue;
		}
		if (line[0] == ' ' || line[0] == '\t')
			continuation(r, rec, line);
		else
			field_line(r, rec, line);
	}
	if (lines_error(&r->in)) {
		record_error(r, 0, tr("read error: %s", "leesfout: %s"), lang_strerror(errno));
		return 0;
	}
	return rec->n > 0;
}

/* The kind of a record: that of the first field that names one. */
static int
record_kind_of(struct record_reader *r, struct record *rec)
{
	struct buf names = { 0 };
	size_t i, count = 0;

	for (i = 0; i < rec->n; i++)
		if (r->fields[rec->values[i].field].names_kind)
			return r->fields[rec->values[i].field].kind;
	for (i = 0; i < r->nfields; i++)
		if (r->fields[i].names_kind)
			buf_printf(&names, "%s'%s:'", count++ ? tr(" nor a ", " of ") : "",
			    r->fields[i].name);
	/* One kind of record: it simply lacks its first line. */
	record_error(r, rec->line, count == 1 ? tr("record has no %s line", "record heeft geen regel %s") :
	    tr("record has neither a %s line", "record heeft geen regel %s"), names.data);
	buf_free(&names);
	return -1;
}

int
record_check(struct record_reader *r, struct record *rec)
{
	int errors = r->errors;
	size_t i;

	if ((rec->kind = record_kind_of(r, rec)) < 0)
		return -1;
	for (i = 0; i < rec->n; i++) {
		const struct record_value *v = &rec->values[i];
		const struct record_field *f = &r->fields[v->field];
		const struct record_kind *in = &r->kinds[f->kind], *not = &r->kinds[rec->kind];

		if (f->kind != rec->kind) {
			record_error(r, v->line, tr("field '%s' belongs in %s, not %s",
			    "veld '%s' hoort in %s, niet in %s"), f->name,
			    tr(in->in_en, in->in_nl), tr(not->not_en, not->not_nl));
			continue;
		}
		if (!f->repeats && record_line(rec, v->field) != v->line)
			record_error(r, v->line, tr("duplicate field '%s' (first at line %lu)",
			    "veld '%s' komt dubbel voor (eerst op regel %lu)"),
			    f->name, record_line(rec, v->field));
		if (v->value.len == 0)
			record_error(r, v->line, tr("field '%s' is empty", "veld '%s' is leeg"),
			    f->name);
	}
	for (i = 0; i < r->nfields; i++)
		if (r->fields[i].kind == rec->kind && r->fields[i].required &&
		    !r->fields[i].repeats && record_count(rec, i) == 0)
			record_error(r, rec->line, tr("record has no '%s:' line",
			    "record heeft geen regel '%s:'"), r->fields[i].name);
	return r->errors == errors ? 0 : -1;
}

char *
record_take_at(struct record *rec, size_t i)
{
	char *value = rec->values[i].value.data;

	memset(&rec->values[i].value, 0, sizeof(rec->values[i].value));
	return value;
}

char *
record_take(struct record *rec, size_t field)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (rec->values[i].field == field)
			return record_take_at(rec, i);
	return NULL;
}

size_t
record_count(const struct record *rec, size_t field)
{
	size_t i, count = 0;

	for (i = 0; i < rec->n; i++)
		count += rec->values[i].field == field;
	return count;
}

unsigned long
record_line(const struct record *rec, size_t field)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		if (rec->values[i].field == field)
			return rec->values[i].line;
	return 0;
}

void
record_clear(struct record *rec)
{
	size_t i;

	for (i = 0; i < rec->n; i++)
		buf_free(&rec->values[i].value);
	rec->n = 0;
	rec->kind = -1;
}

void
record_free(struct record *rec)
{
	record_clear(rec);
	free(rec->values);
	rec->values = NULL;
	rec->cap = 0;
}

void
record_reader_end(struct record_reader *r)
{
	lines_close(&r->in);
}
