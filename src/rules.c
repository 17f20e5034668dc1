#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "condition.h"
#include "diag.h"
#include "lang.h"
#include "questionnaire.h"
#include "record.h"
#include "rules.h"

enum kind { KIND_HEADER, KIND_RULE, KIND_TAG };

enum field {
	F_RULES, F_RULE, F_PART, F_CONTINUUM, F_WHEN, F_TITLE_EN, F_TITLE_NL,
	F_ADVICE_EN, F_ADVICE_NL, F_SOURCE, F_TAG, F_REFERENCE, F_REFERENCE_NL, F_KIND,
	NFIELDS
};

static const struct record_field fields[NFIELDS] = {
	[F_RULES]     = { "rules", KIND_HEADER, 0, 1, 1 },
	[F_RULE]      = { "rule", KIND_RULE, 0, 1, 1 },
	[F_PART]      = { "part", KIND_RULE, 0, 0, 0 },
	[F_CONTINUUM] = { "continuum", KIND_RULE, 0, 0, 0 },
	[F_WHEN]      = { "when", KIND_RULE, 0, 1, 0 },
	[F_TITLE_EN]  = { "title-en", KIND_RULE, 0, 0, 0 },
	[F_TITLE_NL]  = { "title-nl", KIND_RULE, 0, 0, 0 },
	[F_ADVICE_EN] = { "advice-en", KIND_RULE, 0, 0, 0 },
	[F_ADVICE_NL] = { "advice-nl", KIND_RULE, 0, 0, 0 },
	[F_SOURCE]    = { "source", KIND_RULE, 1, 0, 0 },
	[F_TAG]       = { "tag", KIND_TAG, 0, 1, 1 },
	[F_REFERENCE] = { "reference", KIND_TAG, 0, 1, 0 },
	[F_REFERENCE_NL] = { "reference-nl", KIND_TAG, 0, 0, 0 },
	[F_KIND]      = { "kind", KIND_TAG, 0, 0, 0 },
};

/* What kind a source is, so that a reader sees which lines are law and
 * which are somebody's good idea; in the order the sources are listed. */
const struct rules_kind_info rules_kinds[RULES_NKINDS] = {
	[RULES_LAW] = { "law", "Law", "Wetgeving" },
	[RULES_COURT] = { "court", "Regulators and courts", "Toezichthouders en rechtspraak" },
	[RULES_PROFESSIONAL] = { "professional", "Professional bodies", "Beroepsorganisaties" },
	[RULES_GUIDANCE] = { "guidance", "Sector guidance", "Handleidingen voor de sector" },
	[RULES_COMMENTARY] = { "commentary", "Explainers", "Toelichtingen" },
	[RULES_EXAMPLE] = { "example", "Practice examples", "Praktijkvoorbeelden" },
	[RULES_UNSTATED] = { NULL, "Other sources", "Andere bronnen" },
};

static const struct record_kind kinds[] = {
	[KIND_HEADER] = { "the header record", "the header", "het koprecord", "de kop" },
	[KIND_RULE] = { "a rule", "a rule", "een regel", "een regel" },
	[KIND_TAG] = { "a source record", "a source record", "een bronrecord", "een bronrecord" },
};

/* The parts as rules name them, in enum rules_part's order. */
static const char *const parts[RULES_NPARTS] = {
	"advice", "talk", "tension", "groups", "floor", "outline", "steps",
};

/* Tags and ids: what a reader can type and grep for. */
static int
name_valid(const char *s, const char *extra)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

	n += strspn(s + n, extra);
	return n > 0 && n <= 64 && s[n] == '\0';
}

struct reader {
	struct record_reader records;
	struct rules *r;
	const struct questionnaire *q;
	int have_header, other;		/* other: for another questionnaire */
	int said_early;			/* a record before the header was reported */
	size_t first_rule, first_tag;	/* this file's, for duplicates */
};

static const struct record_value *
value_of(const struct record *rec, enum field field)
{
	size_t i;

	/* An empty value was reported already: it is as good as none. */
	for (i = 0; i < rec->n; i++)
		if (rec->values[i].field == (size_t)field)
			return rec->values[i].value.len > 0 ? &rec->values[i] : NULL;
	return NULL;
}

static void
header(struct reader *rd, const struct record *rec)
{
	const struct record_value *v = value_of(rec, F_RULES);

	if (v == NULL) {		/* empty: said; still the header */
		rd->have_header = 1;
		return;
	}
	if (rd->have_header) {
		record_error(&rd->records, rec->line, "%s", tr("a second header record ('rules:')",
		    "een tweede koprecord ('rules:')"));
		return;
	}
	rd->have_header = 1;
	if (strcmp(v->value.data, rd->q->id) != 0) {
		record_error(&rd->records, v->line, tr(
		    "these rules are for questionnaire '%s', not '%s' (the one in use: see -q)",
		    "deze regels zijn voor vragenlijst '%s', niet voor '%s' (de gebruikte: zie -q)"),
		    v->value.data, rd->q->id);
		rd->other = 1;
	}
}

static void
tag(struct reader *rd, struct record *rec, int clean)
{
	struct rules *r = rd->r;
	const struct record_value *v = value_of(rec, F_TAG), *kind;
	size_t i;

	if (v == NULL)
		return;
	if (!name_valid(v->value.data, "")) {
		record_error(&rd->records, v->line, tr(
		    "tag '%s' must be 1-64 letters, digits and -", "tag '%s' moet bestaan uit 1-64 letters, cijfers en -"),
		    v->value.data);
		return;
	}
	for (i = 0; i < r->nsources; i++) {
		if (strcmp(r->sources[i].tag, v->value.data) == 0) {
			record_error(&rd->records, v->line, tr(
			    "tag '%s' has a reference already (%s:%lu)", "tag '%s' heeft al een verwijzing (%s:%lu)"),
			    v->value.data, r->sources[i].file, r->sources[i].line);
			return;
		}
	}
	if ((kind = value_of(rec, F_KIND)) != NULL) {
		for (i = 0; i < RULES_UNSTATED && strcmp(rules_kinds[i].name, kind->value.data) != 0; i++)
			;
		if (i == RULES_UNSTATED) {
			record_error(&rd->records, kind->line, tr(
			    "kind '%s' is not one of law, court, professional, guidance, commentary, example",
			    "soort '%s' is geen van law, court, professional, guidance, commentary, example"),
			    kind->value.data);
			return;
		}
	}
	if (!clean)
		return;
	r->sources = xreallocarray(r->sources, r->nsources + 1, sizeof(*r->sources));
	r->sources[r->nsources].kind = kind != NULL ? (enum rules_kind)i : RULES_UNSTATED;
	r->sources[r->nsources].tag = record_take(rec, F_TAG);
	r->sources[r->nsources].reference[LANG_EN] = record_take(rec, F_REFERENCE);
	r->sources[r->nsources].reference[LANG_NL] = record_take(rec, F_REFERENCE_NL);
	r->sources[r->nsources].file = rd->records.name;
	r->sources[r->nsources++].line = rec->line;
}

static long
part_of(const char *s)
{
	size_t i;

	for (i = 0; i < RULES_NPARTS; i++)
		if (strcmp(parts[i], s) == 0)
			return (long)i;
	return -1;
}

/* Everything wrong with a rule is reported; it is kept only if nothing is. */
static void
rule(struct reader *rd, struct record *rec, int clean)
{
	struct rules *r = rd->r;
	struct record_reader *rr = &rd->records;
	const struct record_value *id = value_of(rec, F_RULE), *part = value_of(rec, F_PART),
	    *continuum = value_of(rec, F_CONTINUUM), *when = value_of(rec, F_WHEN);
	int errors = rr->errors;
	struct rule u;
	struct buf why = { 0 };
	const char *named;
	size_t i;

	memset(&u, 0, sizeof(u));
	u.continuum = -1;
	u.part = continuum != NULL ? RULES_ADVICE : RULES_NPARTS;
	if (id != NULL && !name_valid(id->value.data, ""))
		record_error(rr, id->line, tr("rule id '%s' must be 1-64 letters, digits and -",
		    "regel-id '%s' moet bestaan uit 1-64 letters, cijfers en -"), id->value.data);
	for (i = 0; id != NULL && i < r->n; i++)
		if (strcmp(r->rules[i].id, id->value.data) == 0)
			record_error(rr, id->line, tr("duplicate rule id '%s' (first at %s:%lu)",
			    "regel-id '%s' komt dubbel voor (eerst op %s:%lu)"), id->value.data,
			    r->rules[i].file, r->rules[i].line);
	if (part != NULL) {
		long p = part_of(part->value.data);

		if (p < 0)
			record_error(rr, part->line, tr(
			    "part '%s' is not one of advice, talk, tension, groups, floor, outline, steps",
			    "deel '%s' is geen van advice, talk, tension, groups, floor, outline, steps"),
			    part->value.data);
		else
			u.part = (enum rules_part)p;
	} else if (continuum == NULL)
		record_error(rr, rec->line, "%s", tr(
		    "a rule without 'continuum:' needs a 'part:' (talk, tension, groups, floor, outline or steps)",
		    "een regel zonder 'continuum:' heeft een 'part:' nodig (talk, tension, groups, floor, outline of steps)"));
	if (u.part == RULES_ADVICE && continuum == NULL && part != NULL)
		record_error(rr, part->line, "%s", tr("part 'advice' is a continuum's: the rule needs 'continuum:'",
		    "deel 'advice' hoort bij een continuum: de regel heeft 'continuum:' nodig"));
	if (continuum != NULL &&
	    (u.continuum = questionnaire_find(rd->q, continuum->value.data, continuum->value.len)) < 0 &&
	    !rd->other)
		record_error(rr, continuum->line, tr("questionnaire %s has no continuum '%s'",
		    "vragenlijst %s heeft geen continuum '%s'"), rd->q->id, continuum->value.data);
	if (when != NULL && (u.when = condition_parse(when->value.data, continuum != NULL, &why)) == NULL)
		record_error(rr, when->line, "when: %s", why.data);
	for (i = 0; u.when != NULL && (named = condition_continuum(u.when, i)) != NULL; i++)
		if (questionnaire_find(rd->q, named, strlen(named)) < 0 && !rd->other)
			record_error(rr, when->line, tr("when: questionnaire %s has no continuum '%s'",
			    "when: vragenlijst %s heeft geen continuum '%s'"), rd->q->id, named);
	if (value_of(rec, F_ADVICE_EN) == NULL && value_of(rec, F_ADVICE_NL) == NULL)
		record_error(rr, rec->line, "%s", tr("a rule needs its advice: 'advice-en:', 'advice-nl:' or both",
		    "een regel heeft zijn advies nodig: 'advice-en:', 'advice-nl:' of beide"));
	for (i = 0; i < rec->n; i++) {
		char *words, *word, *save;

		if (rec->values[i].field != F_SOURCE)
			continue;
		words = xstrdup(rec->values[i].value.data);
		for (word = strtok_r(words, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
			if (!name_valid(word, ""))
				record_error(rr, rec->values[i].line, tr("source tag '%s' must be 1-64 letters, digits and -",
				    "brontag '%s' moet bestaan uit 1-64 letters, cijfers en -"), word);
			u.sources = xreallocarray(u.sources, u.nsources + 1, sizeof(*u.sources));
			u.sources[u.nsources++] = xstrdup(word);
		}
		free(words);
	}
	buf_free(&why);
	if (!clean || rr->errors != errors || rd->other) {
		condition_free(u.when);
		for (i = 0; i < u.nsources; i++)
			free(u.sources[i]);
		free(u.sources);
		return;
	}
	u.id = record_take(rec, F_RULE);
	u.when_text = record_take(rec, F_WHEN);
	u.title[LANG_EN] = record_take(rec, F_TITLE_EN);
	u.title[LANG_NL] = record_take(rec, F_TITLE_NL);
	u.advice[LANG_EN] = record_take(rec, F_ADVICE_EN);
	u.advice[LANG_NL] = record_take(rec, F_ADVICE_NL);
	u.file = rr->name;
	u.line = rec->line;
	r->rules = xreallocarray(r->rules, r->n + 1, sizeof(*r->rules));
	r->rules[r->n++] = u;
}

static void
finish(struct reader *rd, struct record *rec)
{
	/* A record of a known kind is checked further, so that every
	 * mistake in it is said at once. */
	int clean = record_check(&rd->records, rec) == 0;

	if (!clean && rec->kind < 0)
		return;
	if (rec->kind == KIND_HEADER) {
		header(rd, rec);
		return;
	}
	if (!rd->have_header && !rd->said_early) {
		record_error(&rd->records, rec->line, "%s", tr(
		    "a record before the header ('rules:' and the questionnaire's id)",
		    "een record voor het koprecord ('rules:' en de id van de vragenlijst)"));
		rd->said_early = 1;
	}
	if (rec->kind == KIND_TAG)
		tag(rd, rec, clean);
	else
		rule(rd, rec, clean);
}

int
rules_read(struct rules *r, FILE *fp, const char *name, const struct questionnaire *q)
{
	struct reader rd;
	struct record rec = { 0 };
	int errors;

	memset(&rd, 0, sizeof(rd));
	rd.r = r;
	rd.q = q;
	r->names = xreallocarray(r->names, r->nnames + 1, sizeof(*r->names));
	r->names[r->nnames] = xstrdup(name);
	record_reader_init(&rd.records, fields, NFIELDS, kinds, fp, r->names[r->nnames++]);
	while (record_next(&rd.records, &rec))
		finish(&rd, &rec);
	if (rd.records.errors == 0 && !rd.have_header && !rd.said_early)
		record_error(&rd.records, 0, "%s", tr("no header record ('rules:' and the questionnaire's id)",
		    "geen koprecord ('rules:' en de id van de vragenlijst)"));
	errors = rd.records.errors;
	record_free(&rec);
	record_reader_end(&rd.records);
	return errors;
}

int
rules_load(struct rules *r, const char *path, const struct questionnaire *q)
{
	FILE *fp;
	int errors;

	if (strcmp(path, "-") == 0)
		return rules_read(r, stdin, "<stdin>", q);
	if ((fp = fopen(path, "r")) == NULL) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		return 1;
	}
	errors = rules_read(r, fp, path, q);
	fclose(fp);
	return errors;
}

int
rules_default(struct rules *r, const struct questionnaire *q)
{
	struct buf text = { 0 }, header = { 0 };
	const char *const *line;
	int mine = 0;
	FILE *fp;

	/* Only for the questionnaire they are written for, which their
	 * header line names. */
	buf_printf(&header, "rules: %s\n", q->id);
	for (line = rules_default_lines; *line != NULL; line++) {
		buf_addstr(&text, *line);
		mine |= strcmp(*line, header.data) == 0;
	}
	buf_free(&header);
	if (!mine) {
		buf_free(&text);
		return 0;
	}
	if ((fp = fmemopen(text.data, text.len, "r")) == NULL)
		alloc_out_of_memory();
	/* The built-in rules are tested; a mistake here is a build mistake. */
	if (rules_read(r, fp, "<default rules>", q) != 0)
		abort();
	fclose(fp);
	buf_free(&text);
	return 1;
}

const struct rules_source *
rules_source(const struct rules *r, const char *tag_name)
{
	size_t i;

	for (i = 0; i < r->nsources; i++)
		if (strcmp(r->sources[i].tag, tag_name) == 0)
			return &r->sources[i];
	return NULL;
}

static int
known_tag(const char *const *known, const char *tag_name)
{
	for (; known != NULL && *known != NULL; known++)
		if (strcmp(*known, tag_name) == 0)
			return 1;
	return 0;
}

int
rules_check(const struct rules *r, enum lang lang, const char *const *known)
{
	size_t i, j;
	int errors = 0;

	for (i = 0; i < r->nsources; i++) {
		if (known_tag(known, r->sources[i].tag)) {
			diag_at(r->sources[i].file, r->sources[i].line, tr(
			    "tag '%s' is one of recommend's own; choose another",
			    "tag '%s' is er een van recommend zelf; kies een andere"), r->sources[i].tag);
			errors++;
		}
	}
	for (i = 0; i < r->n; i++) {
		const struct rule *u = &r->rules[i];

		if (u->advice[lang] == NULL) {
			diag_at(u->file, u->line, tr(
			    "rule %s has no 'advice-en:', the language of the advice (-L)",
			    "regel %s heeft geen 'advice-nl:', de taal van het advies (-L)"), u->id);
			errors++;
		}
		for (j = 0; j < u->nsources; j++) {
			if (rules_source(r, u->sources[j]) == NULL && !known_tag(known, u->sources[j])) {
				diag_at(u->file, u->line, tr(
				    "rule %s cites source '%s', which no 'tag:' record names",
				    "regel %s verwijst naar bron '%s', die geen record 'tag:' noemt"),
				    u->id, u->sources[j]);
				errors++;
			}
		}
	}
	return errors;
}

const char *
rules_part_name(enum rules_part part)
{
	return parts[part];
}

void
rules_free(struct rules *r)
{
	size_t i, j;

	for (i = 0; i < r->n; i++) {
		struct rule *u = &r->rules[i];

		free(u->id);
		free(u->when_text);
		condition_free(u->when);
		for (j = 0; j < 2; j++) {
			free(u->title[j]);
			free(u->advice[j]);
		}
		for (j = 0; j < u->nsources; j++)
			free(u->sources[j]);
		free(u->sources);
	}
	free(r->rules);
	for (i = 0; i < r->nsources; i++) {
		free(r->sources[i].tag);
		free(r->sources[i].reference[LANG_EN]);
		free(r->sources[i].reference[LANG_NL]);
	}
	free(r->sources);
	for (i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	memset(r, 0, sizeof(*r));
}
