/*
 * reply: answers typed above the quote of a mailed form.  See reply.h.
 *
 * A line is read whole or not at all: one that starts like answers ("3:",
 * "openness:", digits and blanks) but cannot be read is said, and the
 * reply counts for nothing, since a phone's autocorrect can turn "1,5"
 * into "1.5" but also "2" into "2." and worse.  Nothing is guessed.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "lang.h"
#include "position.h"
#include "questionnaire.h"
#include "reply.h"
#include "text.h"

void
reply_init(struct reply *r, const struct questionnaire *q)
{
	memset(r, 0, sizeof(*r));
	r->position = xcalloc(q->ncontinua, sizeof(*r->position));
	r->line = xcalloc(q->ncontinua, sizeof(*r->line));
	reply_reset(r, q);
}

void
reply_reset(struct reply *r, const struct questionnaire *q)
{
	size_t k;

	for (k = 0; k < q->ncontinua; k++) {
		r->position[k] = POSITION_UNSET;
		r->line[k] = 0;
	}
	r->given = 0;
	r->first = r->bad_line = 0;
}

void
reply_free(struct reply *r)
{
	free(r->position);
	free(r->line);
	memset(r, 0, sizeof(*r));
}

static int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* s[0..n) is b, letters in either case. */
static int
same_words(const char *s, size_t n, const char *b)
{
	return strlen(b) == n && strncasecmp(s, b, n) == 0;
}

/* The question s[0..n) names: its number in the questionnaire, its id
 * or its name; -1 if none. */
static long
question_find(const struct questionnaire *q, const char *s, size_t n)
{
	size_t k, number = 0, i;

	for (i = 0; i < n && is_digit(s[i]) && number <= q->ncontinua; i++)
		number = number * 10 + (size_t)(s[i] - '0');
	if (n > 0 && i == n)
		return number >= 1 && number <= q->ncontinua ? (long)number - 1 : -1;
	for (k = 0; k < q->ncontinua; k++)
		if (same_words(s, n, q->continua[k].id) || same_words(s, n, q->continua[k].name))
			return (long)k;
	return -1;
}

/* Where the answer that starts at s[i] ends: "-", "2", "1.5", "1,5",
 * "40%", "40 %".  A comma is a decimal one unless the digits after it
 * are the next question's number ("1: 2,2: 1"). */
static size_t
value_end(const char *s, size_t n, size_t i)
{
	size_t j = i, k, m;

	if (j < n && s[j] == '-')
		return j + 1;
	while (j < n && is_digit(s[j]))
		j++;
	if (j == i)
		return i;
	if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
		for (k = j + 1; k < n && is_digit(s[k]); k++)
			;
		for (m = k; m < n && is_blank(s[m]); m++)
			;
		if (s[j] == '.' || m == n || s[m] != ':')
			j = k;
	}
	for (k = j; k < n && is_blank(s[k]); k++)
		;
	if (k < n && s[k] == '%')
		j = k + 1;
	return j;
}

/* An answer as answer_parse() reads it: "1,5" as 1.5 (the decimal comma
 * people write), "40 %" as 40%.  A copy, to be freed. */
static char *
answer_text(const char *s, size_t n)
{
	char *copy = xstrndup(s, n), *comma;
	size_t len = strlen(copy), e;

	while ((comma = strchr(copy, ',')) != NULL)
		*comma = '.';
	if (len > 2 && copy[len - 1] == '%' && is_blank(copy[len - 2])) {
		for (e = len - 2; e > 0 && is_blank(copy[e - 1]); e--)
			;
		copy[e] = '%';
		copy[e + 1] = '\0';
	}
	return copy;
}

/* Read one answer s[0..n) to question k and keep it: 1, or -1 with why. */
static int
take(struct reply *r, const struct questionnaire *q, size_t k, const char *s, size_t n,
    unsigned long lineno, struct buf *why)
{
	const struct continuum *c = &q->continua[k];
	char *copy = answer_text(s, n);
	const char *problem;
	struct buf quoted = { 0 };
	int position;

	problem = answer_parse(copy, strlen(copy), c->nanchors, &position);
	free(copy);
	text_quote(&quoted, s, n);
	if (problem != NULL) {
		buf_printf(why, tr("%s: '%s': %s (a statement 1-%zu, a percentage, or -)",
		    "%s: '%s': %s (een uitspraak 1-%zu, een percentage, of -)"),
		    c->name, quoted.data, problem, c->nanchors);
		buf_free(&quoted);
		return -1;
	}
	buf_free(&quoted);
	if (r->position[k] != POSITION_UNSET && r->position[k] != position) {
		buf_printf(why, tr("%s is answered twice, differently (lines %lu and %lu)",
		    "%s is twee keer anders beantwoord (regels %lu en %lu)"),
		    c->name, r->line[k], lineno);
		return -1;
	}
	if (r->position[k] == POSITION_UNSET)
		r->given++;
	r->position[k] = position;
	r->line[k] = lineno;
	return 1;
}

/* "1: 2, 2: 1; openness: 1,5": 1, 0 if its first name is no question's
 * (it is a sentence: "Re: round 2", "at 10:30"), or -1. */
static int
pairs(struct reply *r, const struct questionnaire *q, const char *s, size_t n,
    unsigned long lineno, struct buf *why)
{
	size_t i = 0, start, end, v;
	const char *colon;
	long k;
	int first = 1;

	for (;;) {
		while (i < n && (is_blank(s[i]) || s[i] == ',' || s[i] == ';'))
			i++;
		if (i == n)
			return 1;
		if ((colon = memchr(s + i, ':', n - i)) == NULL) {
			buf_printf(why, "%s", tr("something after the last answer that is not 'question: answer'",
			    "iets na het laatste antwoord dat geen 'vraag: antwoord' is"));
			return -1;
		}
		start = i;
		end = (size_t)(colon - s);
		while (end > start && is_blank(s[end - 1]))
			end--;
		if ((k = question_find(q, s + start, end - start)) < 0) {
			struct buf quoted = { 0 };

			if (first)
				return 0;
			text_quote(&quoted, s + start, end - start);
			buf_printf(why, tr("'%s' is not a question's number (1-%zu), id or name",
			    "'%s' is geen nummer (1-%zu), id of naam van een vraag"),
			    quoted.data, q->ncontinua);
			buf_free(&quoted);
			return -1;
		}
		first = 0;
		for (i = (size_t)(colon - s) + 1; i < n && is_blank(s[i]); i++)
			;
		if ((v = value_end(s, n, i)) == i || (v < n && !is_blank(s[v]) && s[v] != ',' &&
		    s[v] != ';')) {
			struct buf quoted = { 0 };

			for (v = i; v < n && s[v] != ',' && s[v] != ';'; v++)
				;
			text_quote(&quoted, s + i, v - i);
			buf_printf(why, tr("%s: '%s' is not a statement's number 1-%zu, a percentage or -",
			    "%s: '%s' is geen uitspraaknummer 1-%zu, percentage of -"),
			    q->continua[k].name, quoted.data, q->continua[k].nanchors);
			buf_free(&quoted);
			return -1;
		}
		if (take(r, q, (size_t)k, s + i, v - i, lineno, why) < 0)
			return -1;
		i = v;
	}
}

/* Between two answers in a row: blanks, ";" or "/", or with none of
 * those in the line, a comma (with blanks, a comma is a decimal one). */
static int
is_separator(char c, int blanks)
{
	return blanks ? is_blank(c) || c == ';' || c == '/' : c == ',';
}

/* "2 1 1,5 2 3" or "2,1,1.5,2,3": every question, in order. */
static int
in_order(struct reply *r, const struct questionnaire *q, const char *s, size_t n,
    unsigned long lineno, struct buf *why)
{
	int blanks = 0;
	size_t i, count = 0, k = 0, start, end;

	for (i = 0; i < n; i++)
		blanks |= is_separator(s[i], 1);
	/* Count first: a wrong number of answers gives none. */
	for (i = 0; i < n;) {
		while (i < n && is_separator(s[i], blanks))
			i++;
		if (i == n)
			break;
		count++;
		while (i < n && !is_separator(s[i], blanks))
			i++;
	}
	if (count != q->ncontinua) {
		buf_printf(why, tr("%zu answers in a row, but there are %zu questions (write - for no opinion)",
		    "%zu antwoorden op een rij, maar er zijn %zu vragen (schrijf - voor geen mening)"),
		    count, q->ncontinua);
		return -1;
	}
	for (i = 0; k < q->ncontinua; k++) {
		while (i < n && is_separator(s[i], blanks))
			i++;
		start = i;
		while (i < n && !is_separator(s[i], blanks))
			i++;
		end = i;
		/* "2, 1, 1.5": the comma that ends a value. */
		if (blanks && end > start + 1 && s[end - 1] == ',')
			end--;
		if (take(r, q, k, s + start, end - start, lineno, why) < 0)
			return -1;
	}
	return 1;
}

/* Only what a row of answers is made of, and a digit. */
static int
looks_like_a_row(const char *s, size_t n)
{
	size_t i;
	int digit = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\0' || strchr("0123456789-.,;/% \t", s[i]) == NULL)
			return 0;
		digit |= is_digit(s[i]);
	}
	return digit;
}

int
reply_line(struct reply *r, const struct questionnaire *q, const char *line, size_t len,
    unsigned long lineno, struct buf *why)
{
	int got;

	while (len > 0 && is_blank(line[0])) {
		line++;
		len--;
	}
	while (len > 0 && is_blank(line[len - 1]))
		len--;
	if (len == 0)
		return 0;
	if (memchr(line, ':', len) != NULL)
		got = pairs(r, q, line, len, lineno, why);
	else if (looks_like_a_row(line, len))
		got = in_order(r, q, line, len, lineno, why);
	else
		return 0;
	if (got > 0 && r->first == 0)
		r->first = lineno;
	if (got < 0 && r->bad_line == 0)
		r->bad_line = lineno;
	return got;
}

static int
starts_with(const char *s, size_t n, const char *prefix)
{
	size_t p = strlen(prefix);

	return n >= p && memcmp(s, prefix, p) == 0;
}

static int
ends_with(const char *s, size_t n, const char *suffix)
{
	size_t p = strlen(suffix);

	return n >= p && memcmp(s + n - p, suffix, p) == 0;
}

int
reply_stops(const char *line, size_t len)
{
	/* What mail clients put between a reply and what it quotes or
	 * forwards, in the languages of the forms and the mail clients. */
	static const char *const starts[] = {
		"-- ", "-----", "_____", "From: ", "Van: ", "De : ", "Von: ", "Sent from ",
		"stance-",
	};
	static const char *const ends[] = {
		"wrote:", "schreef:", "a écrit :", "a écrit:", "schrieb:",
	};
	size_t i;

	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if (len == 2 && memcmp(line, "--", 2) == 0)
		return 1;
	for (i = 0; i < sizeof(starts) / sizeof(starts[0]); i++)
		if (starts_with(line, len, starts[i]))
			return 1;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (ends_with(line, len, ends[i]))
			return 1;
	return 0;
}
