#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "form.h"
#include "lang.h"
#include "position.h"
#include "response.h"

#define FORM_WIDTH 72		/* below what mail clients re-wrap at */

enum form_key {
	K_FORM, K_ROUND, K_PARTICIPANT, K_GROUP, K_CHECK, K_CONTINUUM,
	K_PERCENT, K_NOTE
};

/* The "key:" lines of a form.  Both languages' words are read, whichever
 * language the form was written in. */
static const struct {
	const char *key;
	enum form_key kind;
} form_keys[] = {
	{ "stance-form", K_FORM },
	{ "stance-round", K_ROUND },
	{ "stance-participant", K_PARTICIPANT },
	{ "stance-group", K_GROUP },
	{ "stance-check", K_CHECK },
	{ "continuum", K_CONTINUUM },
	{ "percent", K_PERCENT },
	{ "procent", K_PERCENT },
	{ "note", K_NOTE },
	{ "notitie", K_NOTE },
};

/* What people put in a box to mark it. */
static const char *const marks[] = { "x", "X", "*", "v", "V", "\xe2\x9c\x93", "\xe2\x9c\x94" };

#define NKEYS (sizeof(form_keys) / sizeof(form_keys[0]))
#define NHEADER 4	/* round, participant, group, check */

struct continuum_state {
	int answers;		/* marks and percentages seen */
	int position;
	unsigned long lines[2];	/* where the first two answers are */
	int bad;		/* a problem was reported: do not use it */
	unsigned long note_line;
	struct buf note;
};

struct form_state {
	int open;
	unsigned long start;
	char *id;
	char *header[NHEADER];
	unsigned long header_line[NHEADER];
	int header_bad;
	long current;		/* the continuum being read, or -1 */
	int in_note;		/* lines go on the note until a blank one */
	struct continuum_state *c;
};

/* FNV-1a over the header, so that a changed header shows. */
static unsigned long
form_check(const char *id, const char *round, const char *participant, const char *group)
{
	const char *parts[] = { id, round, participant, group };
	uint32_t h = 2166136261u;
	size_t i;
	const char *p;

	for (i = 0; i < 4; i++) {
		for (p = parts[i]; *p; p++) {
			h ^= (unsigned char)*p;
			h *= 16777619u;
		}
		h ^= '\n';
		h *= 16777619u;
	}
	return h;
}

/* Word-wrap text after a prefix, continuing lines indented as deep. */
static void
write_wrapped(FILE *fp, const char *prefix, const char *text)
{
	size_t indent = strlen(prefix), column = indent;
	const char *p = text;

	fputs(prefix, fp);
	while (*p) {
		const char *word = p;
		size_t w;

		while (*p && *p != ' ')
			p++;
		w = utf8_width(word, (size_t)(p - word));
		if (column > indent && column + 1 + w > FORM_WIDTH) {
			fprintf(fp, "\n%*s", (int)indent, "");
			column = indent;
		} else if (column > indent) {
			fputc(' ', fp);
			column++;
		}
		fwrite(word, 1, (size_t)(p - word), fp);
		column += w;
		while (*p == ' ')
			p++;
	}
	fputc('\n', fp);
}

int
form_write(FILE *fp, const struct questionnaire *q, const char *round,
    const char *participant, const char *group)
{
	size_t i, j;

	fputs(tr(
	    "# stance form: fill it in, save it, and send it back as it is.\n"
	    "# For each question, put an x in one box: [x].  Instead of a box you\n"
	    "# may write a position after \"percent:\", from 0 (the first statement)\n"
	    "# to 100 (the last).  After \"note:\" you may say why you stand there.\n"
	    "# Leave the lines starting with \"stance-\", \"continuum:\" and \"[\" as\n"
	    "# they are: they say who answered what.\n",
	    "# stance-formulier: vul het in, bewaar het en stuur het zo terug.\n"
	    "# Zet bij elke vraag een x in een vakje: [x].  In plaats van een vakje\n"
	    "# mag je na \"procent:\" een positie schrijven, van 0 (de eerste\n"
	    "# uitspraak) tot 100 (de laatste).  Na \"notitie:\" kan je zeggen\n"
	    "# waarom je daar staat.  Laat de regels die beginnen met \"stance-\",\n"
	    "# \"continuum:\" en \"[\" zoals ze zijn: ze zeggen wie wat antwoordde.\n"), fp);
	fprintf(fp, "stance-form: %s\nstance-round: %s\nstance-participant: %s\n"
	    "stance-group: %s\nstance-check: %08lx\n", q->id, round, participant,
	    group, form_check(q->id, round, participant, group));
	for (i = 0; i < q->ncontinua; i++) {
		const struct continuum *c = &q->continua[i];

		fprintf(fp, "\ncontinuum: %s\n", c->id);
		write_wrapped(fp, "", c->question);
		if (c->help != NULL)
			write_wrapped(fp, "", c->help);
		for (j = 0; j < c->nanchors; j++) {
			char prefix[32];

			snprintf(prefix, sizeof(prefix), "[ ] %zu. ", j + 1);
			write_wrapped(fp, prefix, c->anchors[j]);
		}
		fprintf(fp, "[ ] -. %s\n%s\n%s\n", tr("No opinion", "Geen mening"),
		    tr("percent:", "procent:"), tr("note:", "notitie:"));
	}
	fputs("\nstance-end\n", fp);
	return ferror(fp) ? -1 : 0;
}

/* Remove "> " quoting (any depth) and surrounding white space. */
static char *
unquote(char *line, size_t *len)
{
	char *p = line, *end = line + *len;

	for (;;) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p < end && *p == '>')
			p++;
		else
			break;
	}
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	*end = '\0';
	*len = (size_t)(end - p);
	return p;
}

/* "key: value" with a key of the table: its kind, value set; else -1. */
static int
key_line(char *line, char **value)
{
	char *colon = strchr(line, ':');
	size_t i;

	if (colon == NULL)
		return -1;
	for (i = 0; i < NKEYS; i++) {
		if (strlen(form_keys[i].key) == (size_t)(colon - line) &&
		    strncmp(line, form_keys[i].key, (size_t)(colon - line)) == 0) {
			*value = trim(colon + 1);
			return (int)form_keys[i].kind;
		}
	}
	return -1;
}

int
form_starts(const char *line, size_t len)
{
	char *copy = xstrndup(line, len), *value;
	char *p = unquote(copy, &len);
	int starts = key_line(p, &value) == K_FORM;

	free(copy);
	return starts;
}

void
form_reader_init(struct form_reader *r, const struct questionnaire *q,
    const char *name, form_answer_fn *emit, void *context)
{
	memset(r, 0, sizeof(*r));
	r->q = q;
	r->name = name;
	r->emit = emit;
	r->context = context;
	r->state = xcalloc(1, sizeof(*r->state));
	r->state->c = xcalloc(q->ncontinua, sizeof(*r->state->c));
}

static void form_problem(struct form_reader *r, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
form_problem(struct form_reader *r, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_vat(r->name, line, fmt, ap);
	va_end(ap);
	r->problems++;
}

static void
form_reset(struct form_state *s, size_t ncontinua)
{
	size_t i;

	free(s->id);
	for (i = 0; i < NHEADER; i++)
		free(s->header[i]);
	for (i = 0; i < ncontinua; i++)
		buf_free(&s->c[i].note);
	memset(s->header, 0, sizeof(s->header));
	memset(s->header_line, 0, sizeof(s->header_line));
	memset(s->c, 0, ncontinua * sizeof(*s->c));
	s->id = NULL;
	s->open = 0;
	s->header_bad = 0;
	s->current = -1;
	s->in_note = 0;
}

static const char *const header_names[NHEADER] = {
	"stance-round", "stance-participant", "stance-group", "stance-check"
};

/* The form is complete: check its header, then hand on its answers. */
static void
form_finish(struct form_reader *r)
{
	struct form_state *s = r->state;
	const struct questionnaire *q = r->q;
	struct form_answer a;
	char check[16];
	size_t i;

	if (!s->open)
		return;
	r->forms++;
	if (strcmp(s->id, q->id) != 0) {
		form_problem(r, s->start, tr(
		    "this form is for questionnaire '%s', not '%s' (give its questionnaire with -q); its answers are not used",
		    "dit formulier hoort bij vragenlijst '%s', niet '%s' (geef die vragenlijst met -q); de antwoorden worden niet gebruikt"),
		    s->id, q->id);
		s->header_bad = 1;
	}
	for (i = 0; i < NHEADER && !s->header_bad; i++) {
		const char *why;

		if (s->header[i] == NULL) {
			form_problem(r, s->start, tr(
			    "the form has no '%s:' line: its header was changed; its answers are not used",
			    "het formulier heeft geen regel '%s:': de kop werd gewijzigd; de antwoorden worden niet gebruikt"),
			    header_names[i]);
			s->header_bad = 1;
		} else if (i < 3 && (why = token_problem(s->header[i], strlen(s->header[i]))) != NULL) {
			form_problem(r, s->header_line[i], tr("%s '%s' %s; the form's answers are not used",
			    "%s '%s' %s; de antwoorden van het formulier worden niet gebruikt"),
			    header_names[i], s->header[i], why);
			s->header_bad = 1;
		}
	}
	if (!s->header_bad) {
		snprintf(check, sizeof(check), "%08lx", form_check(s->id, s->header[0],
		    s->header[1], s->header[2]));
		if (strcmp(check, s->header[3]) != 0) {
			form_problem(r, s->header_line[3], tr(
			    "the form's header was changed (stance-check does not match its round, participant and group); its answers are not used",
			    "de kop van het formulier werd gewijzigd (stance-check past niet bij ronde, deelnemer en groep); de antwoorden worden niet gebruikt"));
			s->header_bad = 1;
		}
	}
	for (i = 0; i < q->ncontinua && !s->header_bad; i++) {
		struct continuum_state *c = &s->c[i];

		if (c->bad)
			continue;
		if (c->answers > 1) {
			form_problem(r, c->lines[1], tr(
			    "%s has more than one answer (lines %lu and %lu); it is not guessed: send the form again with one",
			    "%s heeft meer dan een antwoord (regels %lu en %lu); er wordt niet gegokt: stuur het formulier opnieuw met een"),
			    q->continua[i].id, c->lines[0], c->lines[1]);
			continue;
		}
		if (c->answers == 0) {
			if (c->note.len > 0)
				form_problem(r, c->note_line, tr(
				    "%s has a note but no answer; the note is not used",
				    "%s heeft een notitie maar geen antwoord; de notitie wordt niet gebruikt"),
				    q->continua[i].id);
			continue;
		}
		memset(&a, 0, sizeof(a));
		a.round = s->header[0];
		a.participant = s->header[1];
		a.group = s->header[2];
		a.continuum = i;
		a.position = c->position;
		a.note = c->note.data ? c->note.data : "";
		a.note_len = c->note.len;
		a.line = s->start;
		r->answers++;
		r->emit(&a, r->context);
	}
	form_reset(s, q->ncontinua);
}

static void
add_answer(struct continuum_state *c, int position, unsigned long line)
{
	if (c->answers < 2)
		c->lines[c->answers] = line;
	c->answers++;
	c->position = position;
}

/* A "[x] 2. text" line: which box, and whether it is marked. */
static void
box_line(struct form_reader *r, char *p, unsigned long lineno)
{
	struct form_state *s = r->state;
	const struct continuum *c;
	struct continuum_state *cs;
	char *close = strchr(p, ']'), *inside, *after;
	size_t i, anchor, len;
	int marked = 0, position;

	if (close == NULL || s->current < 0)
		return;	/* not a box, or before any continuum: just text */
	c = &r->q->continua[s->current];
	cs = &s->c[s->current];
	*close = '\0';
	inside = trim(p + 1);
	after = close + 1;
	while (*after == ' ')
		after++;
	if (*inside != '\0') {
		for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
			if (strcmp(inside, marks[i]) == 0)
				marked = 1;
		if (!marked) {
			form_problem(r, lineno, tr(
			    "%s: the box holds '%s', which is not a mark (x, X, *, v); not guessed",
			    "%s: het vakje bevat '%s', geen markering (x, X, *, v); er wordt niet gegokt"),
			    c->id, inside);
			cs->bad = 1;
			return;
		}
	}
	len = strcspn(after, ".");
	if (len == 1 && after[0] == '-') {
		position = POSITION_NONE;
	} else {
		anchor = 0;
		for (i = 0; i < len && after[i] >= '0' && after[i] <= '9' && anchor <= c->nanchors; i++)
			anchor = anchor * 10 + (size_t)(after[i] - '0');
		if (len == 0 || i != len || after[len] != '.' || anchor < 1 || anchor > c->nanchors) {
			form_problem(r, lineno, tr(
			    "%s: a box without a statement number 1-%zu or -; was the form changed?",
			    "%s: een vakje zonder uitspraaknummer 1-%zu of -; werd het formulier gewijzigd?"),
			    c->id, c->nanchors);
			cs->bad = 1;
			return;
		}
		position = anchor_position(c->nanchors, anchor);
	}
	if (marked)
		add_answer(cs, position, lineno);
}

static void
percent_line(struct form_reader *r, char *value, unsigned long lineno)
{
	struct form_state *s = r->state;
	const struct continuum *c;
	int position;
	size_t n = strlen(value);

	if (s->current < 0 || n == 0)
		return;
	c = &r->q->continua[s->current];
	/* "40", "40%", "40 %", "33,3": the answer syntax, with the sign optional. */
	while (n > 0 && (value[n - 1] == '%' || value[n - 1] == ' '))
		n--;
	value[n] = '%';
	if (n == 0 || answer_parse(value, n + 1, c->nanchors, &position) != NULL) {
		value[n] = '\0';
		form_problem(r, lineno, tr(
		    "%s: percent '%s' is not a number from 0 to 100 with at most one decimal; not guessed",
		    "%s: procent '%s' is geen getal van 0 tot 100 met hoogstens een decimaal; er wordt niet gegokt"),
		    c->id, value);
		s->c[s->current].bad = 1;
		return;
	}
	add_answer(&s->c[s->current], position, lineno);
}

static void
note_text(struct form_reader *r, const char *text, unsigned long lineno)
{
	struct form_state *s = r->state;
	struct continuum_state *c = &s->c[s->current];
	const char *why;

	if (*text == '\0')
		return;
	if ((why = note_problem(text, strlen(text))) != NULL) {
		form_problem(r, lineno, tr("%s: the note %s", "%s: de notitie %s"),
		    r->q->continua[s->current].id, why);
		c->bad = 1;
		return;
	}
	/* A note re-wrapped by a mail client continues on the next lines. */
	if (c->note.len > 0)
		buf_addc(&c->note, ' ');
	else
		c->note_line = lineno;
	note_escape(&c->note, text, strlen(text));
}

void
form_reader_line(struct form_reader *r, char *line, size_t len, unsigned long lineno)
{
	struct form_state *s = r->state;
	char *p = unquote(line, &len), *value = NULL;
	int kind;
	long k;

	if (len == 0) {
		s->in_note = 0;
		return;
	}
	if (strcmp(p, "stance-end") == 0) {
		form_finish(r);
		return;
	}
	kind = key_line(p, &value);
	if (kind == K_FORM) {
		form_finish(r);
		s->open = 1;
		s->current = -1;
		s->start = lineno;
		s->id = xstrdup(value);
		return;
	}
	if (!s->open)
		return;		/* mail headers, greetings: not ours */
	if (kind != K_NOTE && s->in_note && kind < 0 && p[0] != '[') {
		note_text(r, p, lineno);
		return;
	}
	s->in_note = 0;
	switch (kind) {
	case K_ROUND: case K_PARTICIPANT: case K_GROUP: case K_CHECK:
		k = kind - K_ROUND;
		if (s->header[k] != NULL || s->current >= 0) {
			form_problem(r, lineno, tr(
			    "a second or misplaced '%s:' line: the form was changed; its answers are not used",
			    "een tweede of misplaatste regel '%s:': het formulier werd gewijzigd; de antwoorden worden niet gebruikt"),
			    header_names[k]);
			s->header_bad = 1;
			return;
		}
		s->header[k] = xstrdup(value);
		s->header_line[k] = lineno;
		return;
	case K_CONTINUUM:
		if ((k = questionnaire_find(r->q, value, strlen(value))) < 0) {
			form_problem(r, lineno, tr(
			    "unknown continuum '%s' in the form; its section is not used",
			    "onbekend continuum '%s' in het formulier; dat deel wordt niet gebruikt"), value);
			s->current = -1;
			return;
		}
		if (s->c[k].answers > 0 || s->c[k].bad) {
			form_problem(r, lineno, tr("%s appears twice in the form; not guessed",
			    "%s staat twee keer in het formulier; er wordt niet gegokt"), value);
			s->c[k].bad = 1;
		}
		s->current = k;
		return;
	case K_PERCENT:
		percent_line(r, value, lineno);
		return;
	case K_NOTE:
		if (s->current >= 0) {
			note_text(r, value, lineno);
			s->in_note = 1;
		}
		return;
	}
	if (p[0] == '[')
		box_line(r, p, lineno);
}

void
form_reader_flush(struct form_reader *r)
{
	form_finish(r);
}

void
form_reader_end(struct form_reader *r)
{
	form_finish(r);
	form_reset(r->state, r->q->ncontinua);
	free(r->state->c);
	free(r->state);
	r->state = NULL;
}
