#include <string.h>

#include "buf.h"
#include "fields.h"
#include "lang.h"
#include "position.h"
#include "response.h"
#include "text.h"
#include "timestamp.h"
#include "token.h"
#include "utf8.h"

/* The position the check parsed, for response_parse: once is enough. */
static int checked_position;

static int
check_position(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	size_t digits;

	if (position_parse(s, n, &checked_position) == 0)
		return 0;
	digits = strspn(s, "0123456789");
	buf_reset(why);
	if (digits > 0 && digits == n) {
		buf_printf(why, tr("position %.*s is outside 0-100", "positie %.*s ligt buiten 0-100"),
		    (int)n, s);
		return -1;
	}
	fields_say(why, column, s, n, tr("is not a number from 0 to 100 with at most one decimal, or -",
	    "is geen getal van 0 tot 100 met hoogstens één decimaal, of -"));
	return -1;
}

/*
 * Consecutive lines mostly repeat a round, participant, group, continuum
 * and time (one person's answers, given together): a value equal to the
 * last one of its column that passed is not checked again.  This is most
 * of what makes collect and aggregate fast; the cache is per column.
 */
struct seen {
	char text[TOKEN_MAX + 1];
	size_t len;
};

static int
seen_before(struct seen *seen, const char *s, size_t n)
{
	return n == seen->len && n > 0 && memcmp(seen->text, s, n) == 0;
}

static void
remember(struct seen *seen, const char *s, size_t n)
{
	if (n > TOKEN_MAX)
		return;
	memcpy(seen->text, s, n);
	seen->len = n;
}

static struct seen seen_tokens[4], seen_time;

/* Printable ASCII, the common token, is settled without the cache: a
 * look at a few bytes costs less than a comparison with the last one. */
static int
printable_ascii(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
			return 0;
	return n > 0 && n <= TOKEN_MAX;
}

static int
check_token(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	struct seen *seen = &seen_tokens[column->index];

	if (printable_ascii(s, n) || seen_before(seen, s, n))
		return 0;
	if (fields_check_problem(column, s, n, why) < 0)
		return -1;
	remember(seen, s, n);
	return 0;
}

/* "*" is printable ASCII, but no group: the shortcut must not pass it. */
static int
check_group(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	if (n == 1 && s[0] == TOKEN_EVERYONE[0])
		return fields_check_problem(column, s, n, why);
	return check_token(column, s, n, why);
}

static int
check_time(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	if (seen_before(&seen_time, s, n))
		return 0;
	if (seen_time.len == TIMESTAMP_LEN ? timestamp_valid_after(s, n, seen_time.text) :
	    timestamp_valid(s, n)) {
		remember(&seen_time, s, n);
		return 0;
	}
	fields_say(why, column, s, n, tr("is not a UTC time YYYY-MM-DDThh:mm:ssZ",
	    "is geen UTC-tijd JJJJ-MM-DDTuu:mm:ssZ"));
	return -1;
}

/* A note is checked as it stands in the line, escapes and all, and not
 * quoted in the message: it may be long. */
static int
check_note(const struct fields_column *column, const char *s, size_t n, struct buf *why)
{
	const char *what = NULL;
	size_t i;

	(void)column;
	if (n == 0)
		return 0;
	if (!utf8_valid(s, n))
		what = tr("note is not valid UTF-8", "notitie is geen geldige UTF-8");
	for (i = 0; what == NULL && i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\\' && (++i == n || strchr("\\tnr", s[i]) == NULL))
			what = tr("note has a backslash that is not \\\\, \\t, \\n or \\r",
			    "notitie heeft een backslash die geen \\\\, \\t, \\n of \\r is");
	}
	/* C1 controls too: a terminal may read U+009B as the start of an
	 * escape sequence. */
	if (what == NULL && utf8_has_control(s, n, ""))
		what = tr("note contains a control character", "notitie bevat een stuurteken");
	if (what == NULL)
		return 0;
	buf_reset(why);
	buf_addstr(why, what);
	return -1;
}

static const struct fields_column columns[RESPONSE_FIELDS] = {
	{ "round", "ronde", check_token, token_problem, 0 },
	{ "participant", "deelnemer", check_token, token_problem, 1 },
	{ "group", "groep", check_group, token_group_problem, 2 },
	{ "continuum", "continuum", check_token, token_problem, 3 },
	{ "position", "positie", check_position, NULL, 4 },
	{ "time", "tijd", check_time, NULL, 5 },
	{ "note", "notitie", check_note, NULL, 6 },
};

static struct fields_cache last_line;

static const struct fields_format format = {
	"a response line", "antwoordregel", 0, columns, RESPONSE_FIELDS, &last_line,
}, whole_format = {
	"a response line", "antwoordregel", 0, columns, RESPONSE_FIELDS, NULL,
};

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

static const char *
parse(const struct fields_format *f, char *line, size_t len, struct response *r)
{
	char *field[FIELDS_MAX];
	size_t flen[FIELDS_MAX];
	const char *why;

	if ((why = fields_parse(f, line, len, field, flen)) != NULL)
		return why;
	r->position = checked_position;
	r->round = field[0];
	r->participant = field[1];
	r->group = field[2];
	r->continuum = field[3];
	r->time = field[5];
	r->note = field[6];
	r->note_len = flen[6];
	r->round_len = flen[0];
	r->participant_len = flen[1];
	r->group_len = flen[2];
	r->continuum_len = flen[3];
	r->same_as_before = f->cache != NULL ? f->cache->shared : 0;
	return NULL;
}

const char *
response_parse(char *line, size_t len, struct response *r)
{
	return parse(&format, line, len, r);
}

const char *
response_parse_whole(char *line, size_t len, struct response *r)
{
	return parse(&whole_format, line, len, r);
}
