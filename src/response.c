#include <string.h>

#include "buf.h"
#include "lang.h"
#include "position.h"
#include "response.h"
#include "text.h"
#include "timestamp.h"
#include "token.h"
#include "utf8.h"

static struct buf problem;

static const char nul_en[] = "line contains a NUL byte";
static const char nul_nl[] = "regel bevat een NUL-byte";

/* A message about a field: fmt has one %s, for the field quoted. */
static const char *
say(const char *fmt, const char *what, size_t n)
{
	struct buf quoted = { 0 };

	text_quote(&quoted, what, n);
	buf_reset(&problem);
	buf_printf(&problem, fmt, quoted.data ? quoted.data : "");
	buf_free(&quoted);
	return problem.data;
}

/* Which token each of the first four fields is, for messages. */
static const char *const token_names[][2] = {
	{ "round", "ronde" },
	{ "participant", "deelnemer" },
	{ "group", "groep" },
	{ "continuum", "continuum" },
};

static const char *
split_and_check(char *line, size_t len, struct response *r)
{
	char *field[RESPONSE_FIELDS];
	size_t flen[RESPONSE_FIELDS];
	char *p = line, *end = line + len, *tab;
	size_t n = 0, i;
	const char *why;

	if (memchr(line, '\0', len) != NULL)
		return tr(nul_en, nul_nl);
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (n < RESPONSE_FIELDS) {
			field[n] = p;
			flen[n] = (size_t)((tab ? tab : end) - p);
		}
		n++;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (n == 1)
		return tr("not a response line: it has no tabs (7 tab-separated fields are expected)",
		    "geen antwoordregel: er staan geen tabs in (7 velden gescheiden door tabs verwacht)");
	if (n != RESPONSE_FIELDS) {
		buf_reset(&problem);
		buf_printf(&problem, tr("%zu tab-separated fields where 7 are expected",
		    "%zu velden gescheiden door tabs, 7 verwacht"), n);
		return problem.data;
	}
	for (i = 0; i < 4; i++) {
		if ((why = token_problem(field[i], flen[i])) != NULL) {
			struct buf fmt = { 0 };

			buf_printf(&fmt, "%s '%%s' %s",
			    token_names[i][lang_current == LANG_NL], why);
			say(fmt.data, field[i], flen[i]);
			buf_free(&fmt);
			return problem.data;
		}
	}
	if (position_parse(field[4], flen[4], &r->position) < 0) {
		size_t digits = strspn(field[4], "0123456789");

		if (digits > 0 && digits == flen[4])
			return say(tr("position %s is outside 0-100",
			    "positie %s ligt buiten 0-100"), field[4], flen[4]);
		return say(tr("position '%s' is not a number from 0 to 100 with at most one decimal, or -",
		    "positie '%s' is geen getal van 0 tot 100 met hoogstens één decimaal, of -"),
		    field[4], flen[4]);
	}
	if (!timestamp_valid(field[5], flen[5]))
		return say(tr("time '%s' is not a UTC time YYYY-MM-DDThh:mm:ssZ",
		    "tijd '%s' is geen UTC-tijd JJJJ-MM-DDTuu:mm:ssZ"), field[5], flen[5]);
	if (!utf8_valid(field[6], flen[6]))
		return tr("note is not valid UTF-8", "notitie is geen geldige UTF-8");
	for (i = 0; i < flen[6]; i++) {
		unsigned char c = (unsigned char)field[6][i];

		if (c == '\\') {
			if (++i == flen[6] || strchr("\\tnr", field[6][i]) == NULL)
				return tr("note has a backslash that is not \\\\, \\t, \\n or \\r",
				    "notitie heeft een backslash die geen \\\\, \\t, \\n of \\r is");
		} else if (c < 0x20 || c == 0x7f) {
			return tr("note contains a control character",
			    "notitie bevat een stuurteken");
		}
	}
	/* C1 controls too: a terminal may read U+009B as the start of an
	 * escape sequence. */
	if (utf8_has_control(field[6], flen[6], ""))
		return tr("note contains a control character", "notitie bevat een stuurteken");
	r->round = field[0];
	r->participant = field[1];
	r->group = field[2];
	r->continuum = field[3];
	r->time = field[5];
	r->note = field[6];
	r->note_len = flen[6];
	return NULL;
}

void
note_escape(struct buf *out, const char *s, size_t n)
{
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		const char *escape;

		switch (s[i]) {
		case '\\': escape = "\\\\"; break;
		case '\t': escape = "\\t"; break;
		case '\n': escape = "\\n"; break;
		case '\r': escape = "\\r"; break;
		default: continue;
		}
		buf_add(out, s + start, i - start);
		buf_add(out, escape, 2);
		start = i + 1;
	}
	buf_add(out, s + start, n - start);
}

int
note_unescape(struct buf *out, const char *s, size_t n)
{
	static const char from[] = "\\tnr", to[] = "\\\t\n\r";
	size_t i;

	for (i = 0; i < n; i++) {
		const char *which;

		if (s[i] != '\\') {
			buf_addc(out, s[i]);
			continue;
		}
		if (++i == n || s[i] == '\0' || (which = strchr(from, s[i])) == NULL)
			return -1;
		buf_addc(out, to[which - from]);
	}
	return 0;
}

const char *
note_problem(const char *s, size_t n)
{
	if (!utf8_valid(s, n))
		return tr("is not valid UTF-8", "is geen geldige UTF-8");
	if (utf8_has_control(s, n, "\t\n\r"))
		return tr("contains a control character", "bevat een stuurteken");
	return NULL;
}

void
response_format(struct buf *out, const struct response *r, const char *note)
{
	char text[POSITION_TEXT];

	position_format(r->position, text);
	buf_printf(out, "%s\t%s\t%s\t%s\t%s\t%s\t", r->round, r->participant, r->group,
	    r->continuum, text, r->time);
	if (note != NULL)
		note_escape(out, note, strlen(note));
	buf_addc(out, '\n');
}

const char *
response_parse(char *line, size_t len, struct response *r)
{
	const char *why = split_and_check(line, len, r);

	/* A line with a NUL byte is refused before anything is cut. */
	if (why != NULL && why != tr(nul_en, nul_nl))
		response_unsplit(line, len);
	return why;
}

void
response_unsplit(char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] == '\0')
			line[i] = '\t';
}
