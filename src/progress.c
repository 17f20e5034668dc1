#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fields.h"
#include "lang.h"
#include "progress.h"
#include "timestamp.h"
#include "token.h"

#define PROGRESS_FIELDS 7

static const char *const states[] = { "complete", "partial", "unreadable", "none" };

static const char *const reasons[PROGRESS_NREASONS] = {
	"two-marks", "unclear", "note-only", "untouched", "cut-off", "html-only", "no-form",
	"other-address", "reply-unclear", "not-signed",
};

/* The code s[0..n) names, or -1. */
static int
reason_find(const char *s, size_t n)
{
	int i;

	for (i = 0; i < PROGRESS_NREASONS; i++)
		if (strlen(reasons[i]) == n && memcmp(reasons[i], s, n) == 0)
			return i;
	return -1;
}

/* "3/5": how many continua were answered, of how many. */
static const char *
count_problem(const char *s, size_t n)
{
	size_t a = strspn(s, "0123456789"), b;

	/* As collect writes them: no leading zeros. */
	if (a == 0 || a > 6 || a >= n || s[a] != '/' || (a > 1 && s[0] == '0'))
		return tr("is not answered/total, like 3/5", "is geen beantwoord/totaal, zoals 3/5");
	b = strspn(s + a + 1, "0123456789");
	if (b == 0 || b > 6 || a + 1 + b != n || (b > 1 && s[a + 1] == '0') ||
	    strtoul(s, NULL, 10) > strtoul(s + a + 1, NULL, 10))
		return tr("is not answered/total, like 3/5", "is geen beantwoord/totaal, zoals 3/5");
	return NULL;
}

static const char *
time_problem(const char *s, size_t n)
{
	if ((n == 1 && s[0] == '-') || timestamp_valid(s, n))
		return NULL;
	return tr("is not a UTC time YYYY-MM-DDThh:mm:ssZ, or -",
	    "is geen UTC-tijd JJJJ-MM-DDTuu:mm:ssZ, of -");
}

/* "-", or continuum ids separated by commas. */
static const char *
missing_problem(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *comma;

	if (n == 1 && s[0] == '-')
		return NULL;
	for (;;) {
		comma = memchr(p, ',', (size_t)(end - p));
		if (comma == NULL)
			comma = end;
		if (token_problem(p, (size_t)(comma - p)) != NULL)
			return tr("is not continuum ids separated by commas, or -",
			    "is geen continuum-ids gescheiden door komma's, of -");
		if (comma == end)
			return NULL;
		p = comma + 1;
	}
}

static const char *
state_problem(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strlen(states[i]) == n && memcmp(states[i], s, n) == 0)
			return NULL;
	return tr("is not complete, partial, unreadable or none",
	    "is geen complete, partial, unreadable of none");
}

/* "-", or codes separated by commas, those of one continuum with ":id". */
static const char *
reasons_problem(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *comma, *colon;
	int code;

	if (n == 1 && s[0] == '-')
		return NULL;
	for (;;) {
		if ((comma = memchr(p, ',', (size_t)(end - p))) == NULL)
			comma = end;
		colon = memchr(p, ':', (size_t)(comma - p));
		code = reason_find(p, (size_t)((colon != NULL ? colon : comma) - p));
		if (code < 0 || (code <= PROGRESS_PER_CONTINUUM) != (colon != NULL) ||
		    (colon != NULL && token_problem(colon + 1, (size_t)(comma - colon - 1)) != NULL))
			return tr("is not reasons such as two-marks:openness,html-only, or -",
			    "is geen redenen zoals two-marks:openness,html-only, of -");
		if (comma == end)
			return NULL;
		p = comma + 1;
	}
}

static const struct fields_column columns[PROGRESS_FIELDS] = {
	{ "participant", "deelnemer", fields_check_problem, token_problem, 0 },
	{ "group", "groep", fields_check_problem, token_group_problem, 1 },
	{ "answered", "beantwoord", fields_check_problem, count_problem, 2 },
	{ "time", "tijd", fields_check_problem, time_problem, 3 },
	{ "missing", "ontbrekend", fields_check_problem, missing_problem, 4 },
	{ "state", "toestand", fields_check_problem, state_problem, 5 },
	{ "reasons", "redenen", fields_check_problem, reasons_problem, 6 },
};

static const struct fields_format format = {
	"a line of collect --status", "regel van collect --status", 1, columns, PROGRESS_FIELDS, NULL,
};

const char *
progress_parse(char *line, size_t len, struct progress *p)
{
	char *field[FIELDS_MAX], *slash;
	size_t flen[FIELDS_MAX], i;
	const char *why;

	if ((why = fields_parse(&format, line, len, field, flen)) != NULL)
		return why;
	p->participant = field[0];
	p->group = field[1];
	p->answered = strtoul(field[2], &slash, 10);
	p->total = strtoul(slash + 1, NULL, 10);
	p->time = field[3];
	p->missing = field[4];
	for (i = 0; strcmp(states[i], field[5]) != 0; i++)
		;
	p->state = (enum progress_state)i;
	p->reasons = field[6];
	/* The state must agree with the count, or one of them is made up. */
	if ((p->state == PROGRESS_COMPLETE) != (p->answered == p->total) ||
	    (p->state == PROGRESS_PARTIAL && p->answered == 0) ||
	    ((p->state == PROGRESS_UNREADABLE || p->state == PROGRESS_NONE) && p->answered > 0) ||
	    (strcmp(p->missing, "-") == 0) != (p->answered == p->total) ||
	    (p->state == PROGRESS_COMPLETE && strcmp(p->reasons, "-") != 0)) {
		fields_unsplit(line, len);
		return tr("its state, count, missing continua and reasons do not agree",
		    "toestand, aantal, ontbrekende continua en redenen kloppen niet met elkaar");
	}
	return NULL;
}

void
progress_format(struct buf *out, const struct progress *p)
{
	buf_printf(out, "%s\t%s\t%lu/%lu\t%s\t%s\t%s\t%s\n", p->participant, p->group,
	    p->answered, p->total, p->time, p->missing, states[p->state], p->reasons);
}

const char *
progress_state_name(enum progress_state state)
{
	return states[state];
}

const char *
progress_reason_name(enum progress_reason reason)
{
	return reasons[reason];
}

int
progress_reason_next(const char **p, enum progress_reason *reason, const char **id,
    size_t *id_len)
{
	const char *s = *p, *comma, *colon;

	if (*s == '\0' || strcmp(s, "-") == 0)
		return 0;
	comma = s + strcspn(s, ",");
	colon = memchr(s, ':', (size_t)(comma - s));
	*reason = (enum progress_reason)reason_find(s, (size_t)((colon != NULL ? colon : comma) - s));
	*id = colon != NULL ? colon + 1 : NULL;
	*id_len = colon != NULL ? (size_t)(comma - colon - 1) : 0;
	*p = *comma == ',' ? comma + 1 : comma;
	return 1;
}
