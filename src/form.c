/*
 * form: what a line of a form is, and writing a form (stance-form(5)).
 * Reading forms back is in formreader.c.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "form.h"
#include "lang.h"
#include "position.h"
#include "text.h"
#include "wrap.h"

#define FORM_WIDTH 72		/* below what mail clients re-wrap at */

/* The "key:" lines of a form.  Both languages' words are read, whichever
 * language the form was written in. */
static const struct {
	const char *key;
	enum form_key kind;
} form_keys[] = {
	{ "stance-form", FORM_KEY_FORM },
	{ "stance-round", FORM_KEY_ROUND },
	{ "stance-participant", FORM_KEY_PARTICIPANT },
	{ "stance-group", FORM_KEY_GROUP },
	{ "stance-check", FORM_KEY_CHECK },
	{ "stance-token", FORM_KEY_TOKEN },
	{ "continuum", FORM_KEY_CONTINUUM },
	{ "percent", FORM_KEY_PERCENT },
	{ "procent", FORM_KEY_PERCENT },
	{ "note", FORM_KEY_NOTE },
	{ "notitie", FORM_KEY_NOTE },
};

/* What people put in a box, or in its place, to mark it: letters, a
 * star, check marks and ballot crosses. */
static const char *const marks[] = {
	"x", "X", "*", "v", "V",
	"\xe2\x9c\x93", "\xe2\x9c\x94",		/* U+2713, U+2714 check marks */
	"\xe2\x9c\x97", "\xe2\x9c\x98",		/* U+2717, U+2718 ballot x */
	"\xc3\x97",				/* U+00D7 multiplication sign */
	"\xe2\x98\x92", "\xe2\x98\x91",		/* U+2612, U+2611 ballot boxes */
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A box is short: "[ ]", "[x]", "[ x ]", a word someone wrote in it. */
#define BOX_INSIDE_MAX 16

unsigned long
form_check(const char *id, const char *round, const char *participant, const char *group)
{
	const char *parts[] = { id, round, participant, group };
	uint32_t h = 2166136261u;	/* FNV-1a, so that a changed header shows */
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

int
form_is_mark(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < NELEM(marks); i++)
		if (strlen(marks[i]) == n && memcmp(s, marks[i], n) == 0)
			return 1;
	return 0;
}

/* The length of blank space at s: spaces, tabs, and the no-break space
 * that mail clients and word processors put in an "empty" box. */
static size_t
blank_at(const char *s, const char *end)
{
	if (s < end && (*s == ' ' || *s == '\t'))
		return 1;
	if (end - s >= 2 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
		return 2;
	return 0;
}

static const char *
skip_blanks(const char *s, const char *end)
{
	size_t n;

	while ((n = blank_at(s, end)) > 0)
		s += n;
	return s;
}

static const char *
trim_blanks_end(const char *start, const char *end)
{
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		end--;
	while (end - start >= 2 && (unsigned char)end[-2] == 0xc2 && (unsigned char)end[-1] == 0xa0)
		end -= 2;
	return end;
}

/* "key: value" with a key of the table. */
static int
key_line(char *line, struct form_line *out)
{
	char *colon = strchr(line, ':');
	size_t i;

	if (colon == NULL)
		return 0;
	for (i = 0; i < NELEM(form_keys); i++) {
		if (strlen(form_keys[i].key) == (size_t)(colon - line) &&
		    strncmp(line, form_keys[i].key, (size_t)(colon - line)) == 0) {
			out->key = form_keys[i].kind;
			out->value = text_trim(colon + 1);
			return 1;
		}
	}
	return 0;
}

/*
 * A box line: [box] label. text, where box is "[...]" or "(...)", label a
 * statement number or "-", and a mark may stand before the box or in its
 * place ("x [ ] 2.", "x 2.").  A short word before a bare label that is
 * not a mark is text ("See 2. below").
 */
static int
box_line(const char *p, const char *end, struct form_line *out)
{
	const char *s = p, *close, *label;

	out->has_box = 0;
	out->outside = out->inside = NULL;
	out->outside_len = out->inside_len = 0;
	if (*s != '[' && *s != '(') {
		/* A mark before the box, or instead of it. */
		const char *word = s;

		while (s < end && blank_at(s, end) == 0)
			s++;
		if (!form_is_mark(word, (size_t)(s - word)))
			return 0;
		out->outside = word;
		out->outside_len = (size_t)(s - word);
		s = skip_blanks(s, end);
	}
	if (s < end && (*s == '[' || *s == '(')) {
		const char *inside;

		close = memchr(s, *s == '[' ? ']' : ')', (size_t)(end - s));
		if (close == NULL || close - s - 1 > BOX_INSIDE_MAX)
			return 0;
		inside = skip_blanks(s + 1, close);
		out->has_box = 1;
		out->inside = inside;
		out->inside_len = (size_t)(trim_blanks_end(inside, close) - inside);
		s = skip_blanks(close + 1, end);
	}
	if (!out->has_box && out->outside == NULL)
		return 0;
	label = s;
	if (s < end && *s == '-')
		s++;
	else
		while (s < end && *s >= '0' && *s <= '9' && s - label < 4)
			s++;
	if (s == label || s >= end || *s != '.' || (s + 1 < end && s[1] != ' ' && s[1] != '\t'))
		return out->has_box && out->outside == NULL ? 2 : 0;
	out->label = label;
	out->label_len = (size_t)(s - label);
	return 1;
}

void
form_line_classify(char *line, size_t len, struct form_line *out)
{
	char *p = line, *end = line + len;
	int box;

	memset(out, 0, sizeof(*out));
	/* "> " quoting, any depth, and the blanks around it. */
	for (;;) {
		p = (char *)skip_blanks(p, end);
		if (p < end && *p == '>') {
			out->depth++;
			p++;
		} else {
			break;
		}
	}
	end = (char *)trim_blanks_end(p, end);
	/* The signature line "-- " loses its space to the trimming above;
	 * only a line that had it counts, not a lone "--". */
	if (end - p == 2 && memcmp(p, "--", 2) == 0 && end < line + len && end[0] == ' ') {
		*end = '\0';
		out->text = p;
		out->kind = FORM_LINE_SIGNATURE;
		return;
	}
	*end = '\0';
	out->text = p;
	if (p == end)
		out->kind = FORM_LINE_BLANK;
	else if (strcmp(p, "stance-end") == 0)
		out->kind = FORM_LINE_END;
	else if (key_line(p, out))
		out->kind = FORM_LINE_KEY;
	else if ((box = box_line(p, end, out)) != 0)
		/* 2: a box without a statement number, which a changed form
		 * has; reported by the reader rather than taken for text. */
		out->kind = FORM_LINE_BOX;
	else
		out->kind = FORM_LINE_TEXT;
	if (out->kind == FORM_LINE_BOX && box == 2)
		out->label = NULL;
}

int
form_starts(const char *line, size_t len)
{
	char *copy = xstrndup(line, len);
	struct form_line l;
	int starts;

	form_line_classify(copy, len, &l);
	starts = l.kind == FORM_LINE_KEY && l.key == FORM_KEY_FORM;
	free(copy);
	return starts;
}

/*
 * Put out one line of the question's text.  A line the reader would take
 * for a key, a box, the end or a signature ("percent: of staff", "x 2.")
 * gets "| " in front (in place of two spaces of an indented line), which
 * keeps it text: a questionnaire can say
 * anything without breaking its forms.
 */
static void
text_line(FILE *fp, const char *line, size_t len, int first)
{
	char *copy = xstrndup(line, len);
	struct form_line l;

	form_line_classify(copy, len, &l);
	if (l.kind != FORM_LINE_TEXT && !(first && l.kind == FORM_LINE_BOX && l.label != NULL &&
	    l.outside == NULL)) {
		fputs("| ", fp);
		/* An indented line keeps its column. */
		if (len >= 2 && line[0] == ' ' && line[1] == ' ')
			line += 2, len -= 2;
	}
	fwrite(line, 1, len, fp);
	fputc('\n', fp);
	free(copy);
}

/* Word-wrap text after a prefix, continuing lines indented as deep.  The
 * first line of an anchor ("[ ] 2. ...") is a box by design. */
static void
write_wrapped(FILE *fp, const char *prefix, const char *text, int box)
{
	struct buf lines = { 0 };
	const char *p, *end;
	int first = 1;

	buf_addstr(&lines, prefix);
	wrap_text(&lines, text, FORM_WIDTH, strlen(prefix), strlen(prefix));
	for (p = lines.data; p != NULL; p = end ? end + 1 : NULL, first = 0) {
		end = strchr(p, '\n');
		text_line(fp, p, end ? (size_t)(end - p) : strlen(p), first && box);
	}
	buf_free(&lines);
}

/* Which box a position ticks: an anchor's number from 1, 0 for "-", or
 * -1 when it lies between the statements and is written as percent. */
static long
box_of(const struct continuum *c, int position)
{
	size_t i;

	if (position == POSITION_NONE)
		return 0;
	for (i = 1; i <= c->nanchors; i++)
		if (anchor_position(c->nanchors, i) == position)
			return (long)i;
	return -1;
}

int
form_write(FILE *fp, const struct questionnaire *q, const struct form_spec *spec)
{
	const struct feedback *feedback = spec->feedback;
	struct buf question = { 0 };
	const struct form_given *given;
	const char *p;
	size_t i, j;
	long box;

	fputs(tr(
	    "# stance form: fill it in and send it back as a reply to this mail.\n"
	    "# For each question, put an x in one box: [x].  Instead of a box you\n"
	    "# may write a position after \"percent:\", from 0 (the first statement)\n"
	    "# to 100 (the last).  After \"note:\" you may say why you stand there.\n"
	    "# Leave the lines starting with \"stance-\", \"continuum:\" and \"[\" as\n"
	    "# they are: they say who answered what.\n",
	    "# stance-formulier: vul het in en stuur het als antwoord op deze mail terug.\n"
	    "# Zet bij elke vraag een x in één vakje: [x].  In plaats van een vakje\n"
	    "# mag je na \"procent:\" een positie schrijven, van 0 (de eerste\n"
	    "# uitspraak) tot 100 (de laatste).  Na \"notitie:\" kan je zeggen\n"
	    "# waarom je daar staat.  Laat de regels die beginnen met \"stance-\",\n"
	    "# \"continuum:\" en \"[\" zoals ze zijn: ze zeggen wie wat antwoordde.\n"), fp);
	if (q->source != NULL) {
		fputs("# ", fp);
		fputs(q->source, fp);
		fputc('\n', fp);
	}
	fprintf(fp, "stance-form: %s\nstance-round: %s\nstance-participant: %s\n"
	    "stance-group: %s\nstance-check: %08lx\n", q->id, spec->round, spec->participant,
	    spec->group, form_check(q->id, spec->round, spec->participant, spec->group));
	if (spec->token != NULL)
		fprintf(fp, "stance-token: %s\n", spec->token);
	for (i = 0; i < q->ncontinua; i++) {
		const struct continuum *c = &q->continua[i];

		fprintf(fp, "\ncontinuum: %s\n", c->id);
		buf_reset(&question);
		/* The name people know it by, when it has one. */
		if (strcmp(c->name, c->id) != 0)
			buf_printf(&question, "%s: ", c->name);
		buf_addstr(&question, c->question);
		write_wrapped(fp, "", question.data, 0);
		if (c->help != NULL)
			write_wrapped(fp, "", c->help, 0);
		if (feedback != NULL && (feedback[i].have || feedback[i].own != POSITION_UNSET)) {
			buf_reset(&question);
			feedback_words(&question, &feedback[i]);
			write_wrapped(fp, "", question.data, 0);
		}
		given = spec->given != NULL ? &spec->given[i] : NULL;
		box = given != NULL && given->position != POSITION_UNSET ?
		    box_of(c, given->position) : -2;
		for (j = 0; j < c->nanchors; j++) {
			char prefix[32];

			snprintf(prefix, sizeof(prefix), "[%c] %zu. ", box == (long)j + 1 ? 'x' : ' ', j + 1);
			write_wrapped(fp, prefix, c->anchors[j], 1);
		}
		fprintf(fp, "[%c] -. %s\n%s", box == 0 ? 'x' : ' ', tr("No opinion", "Geen mening"),
		    tr("percent:", "procent:"));
		if (box == -1) {
			char text[POSITION_TEXT];

			/* With its sign: "percent: 2" alone would be asked about
			 * (statement 2, or 2 %?) when it is read back. */
			position_format(given->position, text);
			fprintf(fp, " %s%%", text);
		}
		fprintf(fp, "\n%s", tr("note:", "notitie:"));
		/* A note on one line: a blank line would end it. */
		for (p = given != NULL ? given->note : NULL; p != NULL && *p; p++) {
			if (p == given->note)
				fputc(' ', fp);
			fputc(*p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p, fp);
		}
		fputc('\n', fp);
	}
	fputs("\nstance-end\n", fp);
	buf_free(&question);
	return ferror(fp) ? -1 : 0;
}
