/*
 * formreader: reading filled-in forms back (stance-form(5)).
 *
 * The lines of one message are kept until it ends, because which form in
 * it counts depends on all of them: a reply that puts new answers on top
 * and quotes the old filled-in form below ("> > ") holds two forms of one
 * person, and the one quoted least deep is the one just written.  Forms
 * quoted deeper than another form of the same message are not read.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "form.h"
#include "key.h"
#include "lang.h"
#include "position.h"
#include "reply.h"
#include "response.h"
#include "text.h"
#include "token.h"

#define NHEADER 5	/* round, participant, group, check, token */
#define TOKEN 4		/* the one a form may lack (signed forms only) */

struct held_line {
	size_t offset, len;	/* in form_reader.text */
	unsigned long lineno;
};

struct continuum_state {
	int seen;		/* its "continuum:" line was read */
	int answers;		/* marks and percentages seen */
	int position;
	unsigned long lines[2];	/* where the first two answers are */
	int bad;		/* a problem was reported: do not use it */
	unsigned long note_line;
	struct buf note;
};

struct form_state {
	int open;
	int ended;		/* its stance-end line was read */
	unsigned long start, last;
	char *id;
	char *header[NHEADER];
	unsigned long header_line[NHEADER];
	int header_bad;
	long current;		/* the continuum being read, or -1 */
	int in_note;		/* lines go on the note until a blank one */
	int skipping;		/* inside a form quoted deeper than another */
	struct continuum_state *c;
};

static const char *const header_names[NHEADER] = {
	"stance-round", "stance-participant", "stance-group", "stance-check", "stance-token"
};

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
	r->state->current = -1;
	reply_init(&r->reply, q);
}

/* Tell the caller what kept a good form from answering. */
static void
form_trouble(struct form_reader *r, enum progress_reason reason, long continuum)
{
	if (r->trouble != NULL)
		r->trouble(r->state->header[0], r->state->header[1], reason, continuum, r->context);
}

static void form_problem(struct form_reader *r, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A problem in a form, said with whose form it is once that is known,
 * so the facilitator knows whom to ask. */
static void
form_problem(struct form_reader *r, unsigned long line, const char *fmt, ...)
{
	const char *who = r->state->header[1];
	struct buf message = { 0 };
	va_list ap;

	if (who != NULL && token_problem(who, strlen(who)) == NULL)
		buf_printf(&message, tr("form of %s: ", "formulier van %s: "), who);
	va_start(ap, fmt);
	buf_vprintf(&message, fmt, ap);
	va_end(ap);
	diag_at(r->name, line, "%s", message.data);
	buf_free(&message);
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
	s->open = s->ended = 0;
	s->header_bad = 0;
	s->current = -1;
	s->in_note = 0;
}

/* The header is whole, unchanged and for this questionnaire. */
static int
header_good(struct form_reader *r)
{
	struct form_state *s = r->state;
	char check[16];
	const char *why;
	size_t i;

	if (s->header_bad)
		return 0;
	if (strcmp(s->id, r->q->id) != 0) {
		form_problem(r, s->start, tr(
		    "this form is for questionnaire '%s', not '%s' (give its questionnaire with -q); its answers are not used",
		    "dit formulier hoort bij vragenlijst '%s', niet '%s' (geef die vragenlijst met -q); de antwoorden worden niet gebruikt"),
		    s->id, r->q->id);
		return 0;
	}
	for (i = 0; i < TOKEN; i++) {
		if (s->header[i] == NULL) {
			form_problem(r, s->start, tr(
			    "the form has no '%s:' line: its header was changed; its answers are not used",
			    "het formulier heeft geen regel '%s:': de kop werd gewijzigd; de antwoorden worden niet gebruikt"),
			    header_names[i]);
			return 0;
		}
		if (i < 3 && (why = (i == 2 ? token_group_problem : token_problem)(s->header[i],
		    strlen(s->header[i]))) != NULL) {
			form_problem(r, s->header_line[i], tr("%s '%s' %s; the form's answers are not used",
			    "%s '%s' %s; de antwoorden van het formulier worden niet gebruikt"),
			    header_names[i], s->header[i], why);
			return 0;
		}
	}
	snprintf(check, sizeof(check), "%08lx", form_check(s->id, s->header[0],
	    s->header[1], s->header[2]));
	if (strcmp(check, s->header[3]) != 0) {
		form_problem(r, s->header_line[3], tr(
		    "the form's header was changed (stance-check does not match its round, participant and group); its answers are not used",
		    "de kop van het formulier werd gewijzigd (stance-check past niet bij ronde, deelnemer en groep); de antwoorden worden niet gebruikt"));
		return 0;
	}
	/* With a key, only the forms it signed count. */
	if (r->key != NULL && s->header[TOKEN] == NULL) {
		form_problem(r, s->start, "%s", tr(
		    "the form has no stance-token: it was not signed with the key (--key), so anyone could have written it; its answers are not used",
		    "het formulier heeft geen stance-token: het werd niet ondertekend met de sleutel (--key), dus iemand anders kan het geschreven hebben; de antwoorden worden niet gebruikt"));
		return 0;
	}
	if (r->key != NULL && !key_token_matches(r->key, s->id, s->header[0], s->header[1],
	    s->header[2], s->header[TOKEN])) {
		form_problem(r, s->header_line[TOKEN], "%s", tr(
		    "stance-token does not match the form's round, participant and group under the key (--key): forged, or its header was changed; its answers are not used",
		    "stance-token past niet bij ronde, deelnemer en groep van het formulier onder de sleutel (--key): vervalst, of de kop werd gewijzigd; de antwoorden worden niet gebruikt"));
		return 0;
	}
	if (r->accept != NULL && !r->accept(s->header[0], s->header[1], r->context)) {
		r->problems++;
		return 0;
	}
	return 1;
}

/* A form without stance-end that lacks continua was cut off (a message
 * truncated, a paste that stopped short): say so, and which. */
static void
truncation_check(struct form_reader *r)
{
	struct form_state *s = r->state;
	struct buf missing = { 0 };
	size_t i, count = 0;

	if (s->ended)
		return;
	for (i = 0; i < r->q->ncontinua; i++)
		if (!s->c[i].seen)
			buf_printf(&missing, "%s%s", count++ ? ", " : "", r->q->continua[i].id);
	if (count > 0) {
		form_problem(r, s->last, tr(
		    "the form stops here without stance-end, before %s: was it cut off? The answers above are used",
		    "het formulier stopt hier zonder stance-end, voor %s: werd het afgebroken? De antwoorden erboven worden gebruikt"),
		    missing.data);
		form_trouble(r, PROGRESS_CUT_OFF, -1);
	}
	buf_free(&missing);
}

static void
answer_emit(struct form_reader *r, size_t i)
{
	struct form_state *s = r->state;
	struct continuum_state *c = &s->c[i];
	struct form_answer a;

	memset(&a, 0, sizeof(a));
	a.response.round = s->header[0];
	a.response.participant = s->header[1];
	a.response.group = s->header[2];
	a.response.continuum = r->q->continua[i].id;
	a.response.position = c->position;
	a.response.note = c->note.data ? c->note.data : "";
	a.response.note_len = c->note.len;
	a.continuum = i;
	a.line = s->start;
	r->answers++;
	r->emit(&a, r->context);
}

static void add_answer(struct continuum_state *c, int position, unsigned long line);

/*
 * Answers typed above the quote count with the form they quote, in a
 * signed round only: the token shows whose form it is, where a typed
 * line alone would prove nothing.  An answer given both ways must agree.
 */
static void
reply_merge(struct form_reader *r)
{
	struct form_state *s = r->state;
	struct reply *reply = &r->reply;
	size_t k;

	if (reply->given == 0)
		return;
	if (r->key == NULL) {
		form_problem(r, reply->first, "%s", tr(
		    "answers typed above the form count only in a signed round (collect --key), where the form's token shows whose they are; not used",
		    "antwoorden boven het formulier getypt tellen alleen in een ondertekende ronde (collect --key), waar het token van het formulier toont van wie ze zijn; niet gebruikt"));
		form_trouble(r, PROGRESS_NOT_SIGNED, -1);
	} else {
		for (k = 0; k < r->q->ncontinua; k++) {
			struct continuum_state *c = &s->c[k];

			if (reply->position[k] == POSITION_UNSET ||
			    (c->answers == 1 && c->position == reply->position[k]))
				continue;
			add_answer(c, reply->position[k], reply->line[k]);
			c->seen = 1;
		}
	}
	reply->given = 0;	/* one form's */
}

/* Why each continuum without an answer has none, for its participant. */
static void
continuum_troubles(struct form_reader *r, size_t i)
{
	struct continuum_state *c = &r->state->c[i];

	if (c->bad)
		form_trouble(r, PROGRESS_UNCLEAR, (long)i);
	else if (c->answers > 1)
		form_trouble(r, PROGRESS_TWO_MARKS, (long)i);
	else if (c->answers == 0 && c->note.len > 0)
		form_trouble(r, PROGRESS_NOTE_ONLY, (long)i);
}

/* The form is complete: check its header, then hand on its answers. */
static void
form_finish(struct form_reader *r)
{
	struct form_state *s = r->state;
	const struct questionnaire *q = r->q;
	size_t i;

	if (!s->open)
		return;
	r->forms++;
	if (header_good(r)) {
		int before = r->answers, problems = r->problems;

		reply_merge(r);
		truncation_check(r);
		for (i = 0; i < q->ncontinua; i++) {
			struct continuum_state *c = &s->c[i];

			continuum_troubles(r, i);
			if (c->bad)
				continue;
			if (c->answers > 1)
				form_problem(r, c->lines[1], tr(
				    "%s has more than one answer (lines %lu and %lu); it is not guessed: send the form again with one",
				    "%s is meer dan één keer aangekruist (regels %lu en %lu); telt niet mee: stuur het formulier opnieuw met één antwoord"),
				    q->continua[i].id, c->lines[0], c->lines[1]);
			else if (c->answers == 0 && c->note.len > 0)
				form_problem(r, c->note_line, tr(
				    "%s has a note but no answer; the note is not used",
				    "%s heeft een notitie maar geen antwoord; de notitie wordt niet gebruikt"),
				    q->continua[i].id);
			else if (c->answers == 1)
				answer_emit(r, i);
		}
		/* An untouched form, or one whose marks all went astray: the
		 * person replied, and must not be taken for silent.  Answers
		 * typed above it that could not be read were said already. */
		if (r->reply.bad_line != 0)
			form_trouble(r, PROGRESS_REPLY_UNCLEAR, -1);
		else if (r->answers == before && r->problems == problems) {
			form_problem(r, s->start, "%s", tr(
			    "no answer is marked; was it sent back untouched?",
			    "er is geen antwoord aangekruist; werd het onaangeroerd teruggestuurd?"));
			form_trouble(r, PROGRESS_UNTOUCHED, -1);
		}
		if (r->done != NULL)
			r->done(s->header[0], s->header[1], r->answers - before, r->context);
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

static void
box_problem(struct form_reader *r, unsigned long lineno, const char *fmt, const char *what)
{
	struct form_state *s = r->state;
	const struct continuum *c = &r->q->continua[s->current];

	form_problem(r, lineno, fmt, c->id, what);
	s->c[s->current].bad = 1;
}

/* Which statement a box line stands for: its position, or -2. */
static int
box_position(const struct continuum *c, const struct form_line *l)
{
	size_t anchor = 0, i;

	if (l->label == NULL)
		return -2;
	if (l->label_len == 1 && l->label[0] == '-')
		return POSITION_NONE;
	for (i = 0; i < l->label_len; i++)
		anchor = anchor * 10 + (size_t)(l->label[i] - '0');
	if (anchor < 1 || anchor > c->nanchors)
		return -2;
	return anchor_position(c->nanchors, anchor);
}

/* A box line in a continuum: "[x] 2. text", "(x) 2.", "x 2.", "x [ ] 2.". */
static void
box_read(struct form_reader *r, const struct form_line *l, unsigned long lineno)
{
	struct form_state *s = r->state;
	const struct continuum *c;
	struct buf what = { 0 };
	int position, marked;

	if (s->current < 0)
		return;	/* before any continuum: just text */
	c = &r->q->continua[s->current];
	if ((position = box_position(c, l)) == -2) {
		form_problem(r, lineno, tr(
		    "%s: a box without a statement number 1-%zu or -; was the form changed?",
		    "%s: een vakje zonder uitspraaknummer 1-%zu of -; werd het formulier gewijzigd?"),
		    c->id, c->nanchors);
		s->c[s->current].bad = 1;
		return;
	}
	if (l->inside_len > 0 && !form_is_mark(l->inside, l->inside_len)) {
		text_quote(&what, l->inside, l->inside_len);
		box_problem(r, lineno, tr(
		    "%s: the box holds '%s', which is not a mark (x, X, *, v, V, a check mark); not guessed",
		    "%s: het vakje bevat '%s', geen markering (x, X, *, v, V, een vinkje); er wordt niet gegokt"),
		    what.data);
		buf_free(&what);
		return;
	}
	if (l->outside != NULL && l->has_box && l->inside_len == 0) {
		text_quote(&what, l->outside, l->outside_len);
		box_problem(r, lineno, tr(
		    "%s: a mark '%s' beside an empty box; put it in the box, [x]; not guessed",
		    "%s: een markering '%s' naast een leeg vakje; zet ze in het vakje, [x]; er wordt niet gegokt"),
		    what.data);
		buf_free(&what);
		return;
	}
	/* A mark in the box, or one written in place of the box. */
	marked = l->inside_len > 0 || (l->outside != NULL && !l->has_box);
	if (marked)
		add_answer(&s->c[s->current], position, lineno);
}

static void
percent_read(struct form_reader *r, char *value, unsigned long lineno)
{
	struct form_state *s = r->state;
	const struct continuum *c;
	int position, sign;
	size_t n = strlen(value);

	if (s->current < 0 || n == 0)
		return;
	c = &r->q->continua[s->current];
	/* "40", "40%", "40 %", "33,3": the answer syntax, with the sign optional. */
	sign = n > 0 && (value[n - 1] == '%' || value[n - 1] == ' ');
	while (n > 0 && (value[n - 1] == '%' || value[n - 1] == ' '))
		n--;
	/* "2" without its sign, where there is a statement 2, may mean the
	 * statement: asked, not guessed. */
	if (!sign && n == 1 && value[0] >= '1' && value[0] <= '9' &&
	    (size_t)(value[0] - '0') <= c->nanchors) {
		struct buf what = { 0 };
		char d = value[0];

		buf_printf(&what, tr(
		    "'%c' could mean statement %c or %c%%; not guessed: mark statement %c's box, or write %c%%",
		    "'%c' kan uitspraak %c of %c%% betekenen; er wordt niet gegokt: kruis het vakje van uitspraak %c aan, of schrijf %c%%"),
		    d, d, d, d, d);
		box_problem(r, lineno, tr("%s: percent %s", "%s: procent %s"), what.data);
		buf_free(&what);
		return;
	}
	value[n] = '%';
	if (n == 0 || answer_parse(value, n + 1, c->nanchors, &position) != NULL) {
		struct buf what = { 0 };

		text_quote(&what, value, n);
		box_problem(r, lineno, tr(
		    "%s: percent '%s' is not a number from 0 to 100 with at most one decimal; not guessed",
		    "%s: procent '%s' is geen getal van 0 tot 100 met hoogstens één decimaal; er wordt niet gegokt"),
		    what.data);
		buf_free(&what);
		return;
	}
	add_answer(&s->c[s->current], position, lineno);
}

static void
note_read(struct form_reader *r, const char *text, unsigned long lineno)
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

static void
header_read(struct form_reader *r, const struct form_line *l, unsigned long lineno)
{
	struct form_state *s = r->state;
	size_t k = (size_t)(l->key - FORM_KEY_ROUND);

	if (s->header[k] != NULL || s->current >= 0) {
		form_problem(r, lineno, tr(
		    "a second or misplaced '%s:' line: the form was changed; its answers are not used",
		    "een tweede of misplaatste regel '%s:': het formulier werd gewijzigd; de antwoorden worden niet gebruikt"),
		    header_names[k]);
		s->header_bad = 1;
		return;
	}
	s->header[k] = xstrdup(l->value);
	s->header_line[k] = lineno;
}

static void
continuum_read(struct form_reader *r, const char *id, unsigned long lineno)
{
	struct form_state *s = r->state;
	long k;

	if ((k = questionnaire_find(r->q, id, strlen(id))) < 0) {
		struct buf what = { 0 };

		questionnaire_unknown(r->q, id, strlen(id), &what);
		form_problem(r, lineno, tr("%s; its section is not used",
		    "%s; dat deel wordt niet gebruikt"), what.data);
		buf_free(&what);
		s->current = -1;
		return;
	}
	if (s->c[k].seen) {
		form_problem(r, lineno, tr("%s appears twice in the form; not guessed",
		    "%s staat twee keer in het formulier; er wordt niet gegokt"), id);
		s->c[k].bad = 1;
	}
	s->c[k].seen = 1;
	s->current = k;
}

static void
key_read(struct form_reader *r, struct form_line *l, unsigned long lineno)
{
	struct form_state *s = r->state;

	switch (l->key) {
	case FORM_KEY_ROUND: case FORM_KEY_PARTICIPANT: case FORM_KEY_GROUP: case FORM_KEY_CHECK:
	case FORM_KEY_TOKEN:
		header_read(r, l, lineno);
		break;
	case FORM_KEY_CONTINUUM:
		continuum_read(r, l->value, lineno);
		break;
	case FORM_KEY_PERCENT:
		percent_read(r, l->value, lineno);
		break;
	case FORM_KEY_NOTE:
		if (s->current >= 0) {
			note_read(r, l->value, lineno);
			s->in_note = 1;
		}
		break;
	case FORM_KEY_FORM:
		break;
	}
}

/* One line of a message, in the form the reader is in. */
static void
line_read(struct form_reader *r, char *line, size_t len, unsigned long lineno,
    size_t depth)
{
	struct form_state *s = r->state;
	struct form_line l;

	form_line_classify(line, len, &l);
	if (l.kind == FORM_LINE_KEY && l.key == FORM_KEY_FORM) {
		form_finish(r);
		s->skipping = l.depth > depth;
		if (s->skipping)
			return;
		s->open = 1;
		s->start = lineno;
		s->id = xstrdup(l.value);
		return;
	}
	if (!s->open || s->skipping)
		return;		/* mail headers, greetings, old quoted forms */
	s->last = lineno;
	if (l.kind == FORM_LINE_END || l.kind == FORM_LINE_SIGNATURE) {
		s->ended = l.kind == FORM_LINE_END;
		form_finish(r);
		return;
	}
	if (l.kind == FORM_LINE_BLANK) {
		s->in_note = 0;
		return;
	}
	/* In a note every line but a key is the note's: "[1] see above". */
	if (s->in_note && l.kind != FORM_LINE_KEY) {
		note_read(r, l.text, lineno);
		return;
	}
	s->in_note = 0;
	if (l.kind == FORM_LINE_KEY)
		key_read(r, &l, lineno);
	else if (l.kind == FORM_LINE_BOX)
		box_read(r, &l, lineno);
}

void
form_reader_line(struct form_reader *r, const char *line, size_t len, unsigned long lineno)
{
	struct held_line *h;

	if (r->nlines == r->lines_cap) {
		r->lines_cap = r->lines_cap ? r->lines_cap * 2 : 64;
		r->lines = xreallocarray(r->lines, r->lines_cap, sizeof(*r->lines));
	}
	h = &r->lines[r->nlines++];
	h->offset = r->text.len;
	h->len = len;
	h->lineno = lineno;
	buf_add(&r->text, line, len);
	buf_addc(&r->text, '\0');
}

/* How deep the least quoted form of the message is. */
static size_t
form_depth(struct form_reader *r)
{
	size_t i, depth = (size_t)-1;
	struct form_line l;

	for (i = 0; i < r->nlines; i++) {
		char *line = r->text.data + r->lines[i].offset;
		char *copy;

		if (strstr(line, "stance-form") == NULL)
			continue;
		copy = xstrndup(line, r->lines[i].len);
		form_line_classify(copy, r->lines[i].len, &l);
		if (l.kind == FORM_LINE_KEY && l.key == FORM_KEY_FORM && l.depth < depth)
			depth = l.depth;
		free(copy);
	}
	return depth;
}

/*
 * The answers typed above the quote: the message's unquoted lines before
 * the first quoted one, the form, or what a mail client puts between a
 * reply and what it quotes ("On ... wrote:").  A line that looks like
 * answers but cannot be read is said, and the reply counts for nothing.
 */
static void
reply_scan(struct form_reader *r)
{
	struct buf why = { 0 };
	struct form_line l;
	size_t i;

	reply_reset(&r->reply, r->q);
	for (i = 0; i < r->nlines; i++) {
		const char *line = r->text.data + r->lines[i].offset;
		size_t len = r->lines[i].len, skip;
		char *copy = xstrndup(line, len);
		int stop;

		form_line_classify(copy, len, &l);
		/* The text without its quoting, as it was typed. */
		skip = (size_t)(l.text - copy);
		stop = l.depth > 0 || l.kind == FORM_LINE_SIGNATURE || l.kind == FORM_LINE_END ||
		    (l.kind == FORM_LINE_KEY && l.key == FORM_KEY_FORM) ||
		    reply_stops(line + skip, len - skip);
		free(copy);
		if (stop)
			break;
		buf_reset(&why);
		if (reply_line(&r->reply, r->q, line + skip, len - skip, r->lines[i].lineno, &why) < 0)
			form_problem(r, r->lines[i].lineno, tr(
			    "typed answers: %s; none of them are used",
			    "getypte antwoorden: %s; geen ervan wordt gebruikt"), why.data);
	}
	if (r->reply.bad_line != 0)
		r->reply.given = 0;
	buf_free(&why);
}

void
form_reader_flush(struct form_reader *r)
{
	size_t i, depth = form_depth(r);

	reply_scan(r);
	for (i = 0; i < r->nlines; i++)
		line_read(r, r->text.data + r->lines[i].offset, r->lines[i].len,
		    r->lines[i].lineno, depth);
	form_finish(r);
	r->state->skipping = 0;
	r->nlines = 0;
	buf_reset(&r->text);
}

void
form_reader_end(struct form_reader *r)
{
	form_reader_flush(r);
	form_reset(r->state, r->q->ncontinua);
	free(r->state->c);
	free(r->state);
	r->state = NULL;
	free(r->lines);
	buf_free(&r->text);
	reply_free(&r->reply);
}
