#include <string.h>

#include "buf.h"
#include "fields.h"
#include "lang.h"
#include "partial.h"
#include "token.h"

static int
token_column(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	const char *what;

	/* Everyone's group is "*", which no response line has. */
	if (n == 1 && s[0] == '*')
		return 0;
	if ((what = token_problem(s, n)) == NULL)
		return 0;
	fields_say(why, column, s, n, what);
	return -1;
}

/* A whole number up to PARTIAL_COUNT_MAX, without a leading zero; 0 or -1. */
static int
number(const char *s, size_t n, uint64_t *value)
{
	size_t i;

	if (n == 0 || n > 13 || (n > 1 && s[0] == '0'))
		return -1;
	for (*value = 0, i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*value = *value * 10 + (uint64_t)(s[i] - '0');
	}
	return *value <= PARTIAL_COUNT_MAX ? 0 : -1;
}

static int
number_column(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	uint64_t value;

	if (number(s, n, &value) == 0)
		return 0;
	fields_say(why, column, s, n, tr("is not a whole number from 0 to 10^12",
	    "is geen geheel getal van 0 tot 10^12"));
	return -1;
}

/* "tenths:count,..." rising, each count above 0; into c. */
static int
counts_parse(const char *s, size_t n, struct stats_counts *c)
{
	const char *p = s, *end = s + n;
	long last = -1;

	c->nvalues = 0;
	c->n = c->abstain = 0;
	while (p < end) {
		const char *colon = memchr(p, ':', (size_t)(end - p));
		const char *comma = memchr(p, ',', (size_t)(end - p));
		uint64_t tenths, count;

		if (comma == NULL)
			comma = end;
		if (colon == NULL || colon > comma || number(p, (size_t)(colon - p), &tenths) < 0 ||
		    number(colon + 1, (size_t)(comma - colon - 1), &count) < 0 ||
		    tenths > POSITION_MAX || (long)tenths <= last || count == 0 ||
		    c->n + count > PARTIAL_COUNT_MAX)
			return -1;
		c->value[c->nvalues] = (uint16_t)tenths;
		c->count[c->nvalues++] = count;
		c->n += count;
		last = (long)tenths;
		p = comma + (comma < end);
		if (comma < end && p == end)
			return -1;	/* a trailing comma */
	}
	return 0;
}

static int
counts_column(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	static struct stats_counts c;

	if (counts_parse(s, n, &c) == 0)
		return 0;
	fields_say(why, column, s, n, tr("is not tenths:count pairs, rising, with at most 10^12 answers",
	    "zijn geen paren tienden:aantal, stijgend, met hoogstens 10^12 antwoorden"));
	return -1;
}

static const struct fields_column count_columns[] = {
	{ "round", "ronde", token_column, NULL, 0 },
	{ "group", "groep", token_column, NULL, 1 },
	{ "continuum", "continuum", token_column, NULL, 2 },
	{ "abstain", "onthouding", number_column, NULL, 3 },
	{ "counts", "aantallen", counts_column, NULL, 4 },
};

static const struct fields_column change_columns[] = {
	{ "change", "verandering", token_column, NULL, 0 },
	{ "round", "ronde", token_column, NULL, 1 },
	{ "round", "ronde", token_column, NULL, 2 },
	{ "continuum", "continuum", token_column, NULL, 3 },
	{ "both", "beide", number_column, NULL, 4 },
	{ "moved", "verschoven", number_column, NULL, 5 },
};

static const struct fields_format count_format = {
	"a partial line", "deelregel", 0, count_columns, 5, NULL,
};

static const struct fields_format change_format = {
	"a partial line", "deelregel", 0, change_columns, 6, NULL,
};

const char *
partial_parse(char *line, size_t len, struct partial_row *row)
{
	char *field[FIELDS_MAX];
	size_t flen[FIELDS_MAX];
	const char *why;
	size_t n = sizeof(PARTIAL_CHANGE) - 1;

	memset(row, 0, sizeof(*row));
	if (len > n && memcmp(line, PARTIAL_CHANGE, n) == 0 && line[n] == '\t') {
		if ((why = fields_parse(&change_format, line, len, field, flen)) != NULL)
			return why;
		row->change = 1;
		row->round = field[1];
		row->group = field[2];
		row->continuum = field[3];
		number(field[4], flen[4], &row->both);
		number(field[5], flen[5], &row->moved);
		if (strcmp(row->round, row->group) == 0)
			return tr("a change from a round to itself", "een verandering van een ronde naar zichzelf");
		return row->moved <= row->both ? NULL :
		    tr("more moved than answered both rounds", "meer verschoven dan beide rondes beantwoordden");
	}
	if ((why = fields_parse(&count_format, line, len, field, flen)) != NULL)
		return why;
	row->round = field[0];
	row->group = field[1];
	row->continuum = field[2];
	counts_parse(field[4], flen[4], &row->counts);
	number(field[3], flen[3], &row->counts.abstain);
	return NULL;
}

void
partial_format_counts(struct buf *out, const char *round, const char *group,
    const char *continuum, const struct stats_counts *c)
{
	size_t i;

	buf_printf(out, "%s\t%s\t%s\t%llu\t", round, group, continuum,
	    (unsigned long long)c->abstain);
	for (i = 0; i < c->nvalues; i++)
		buf_printf(out, "%s%u:%llu", i ? "," : "", (unsigned)c->value[i],
		    (unsigned long long)c->count[i]);
	buf_addc(out, '\n');
}

void
partial_format_change(struct buf *out, const char *from, const char *to,
    const char *continuum, uint64_t both, uint64_t moved)
{
	buf_printf(out, "%s\t%s\t%s\t%s\t%llu\t%llu\n", PARTIAL_CHANGE, from, to, continuum,
	    (unsigned long long)both, (unsigned long long)moved);
}
