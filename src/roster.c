#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "fields.h"
#include "lang.h"
#include "lines.h"
#include "roster.h"
#include "token.h"
#include "text.h"
#include "utf8.h"

#define ROSTER_FIELDS 4

static const char *address_problem(const char *s, size_t n);

/* One address, or several separated by commas ("ann@work.org,ann@home.org":
 * a person who writes from two): the first is where messages go. */
static const char *
email_problem(const char *s, size_t n)
{
	const char *comma, *why;

	if (n == 1 && s[0] == '-')
		return NULL;
	while ((comma = memchr(s, ',', n)) != NULL) {
		if ((why = address_problem(s, (size_t)(comma - s))) != NULL)
			return why;
		n -= (size_t)(comma - s) + 1;
		s = comma + 1;
	}
	return address_problem(s, n);
}

static const char *
address_problem(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	size_t i;

	if (at == NULL || at == s || at == s + n - 1 || memchr(at + 1, '@', (size_t)(s + n - at - 1)))
		return tr("is not an address like name@example.org (or several, separated by commas), or -",
		    "is geen adres zoals naam@example.org (of meerdere, gescheiden door komma's), of -");
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ')
			return tr("contains white space or a control character",
			    "bevat witruimte of een stuurteken");
	if (!utf8_valid(s, n))
		return tr("is not valid UTF-8", "is geen geldige UTF-8");
	if (utf8_has_control(s, n, ""))
		return tr("contains white space or a control character",
		    "bevat witruimte of een stuurteken");
	return NULL;
}

static const char *
name_problem(const char *s, size_t n)
{

	if (n == 0)
		return tr("is empty (write - if unknown)", "is leeg (schrijf - als onbekend)");
	if (!utf8_valid(s, n))
		return tr("is not valid UTF-8", "is geen geldige UTF-8");
	if (utf8_has_control(s, n, ""))
		return tr("contains a control character", "bevat een stuurteken");
	if (utf8_has_bidi_control(s, n))
		return tr("contains a direction-changing character (such as U+202E)",
		    "bevat een richtingveranderend teken (zoals U+202E)");
	return NULL;
}

static const struct fields_column columns[ROSTER_FIELDS] = {
	{ "participant", "deelnemer", fields_check_problem, token_problem, 0 },
	{ "group", "groep", fields_check_problem, token_group_problem, 1 },
	{ "email", "e-mail", fields_check_problem, email_problem, 2 },
	{ "name", "naam", fields_check_problem, name_problem, 3 },
};

static const struct fields_format format = {
	"a roster line", "regel van een deelnemerslijst", 1, columns, ROSTER_FIELDS, NULL,
};

const char *
roster_parse(char *line, size_t len, struct roster_entry *e)
{
	char *field[FIELDS_MAX];
	size_t flen[FIELDS_MAX];
	const char *why;

	if ((why = fields_parse(&format, line, len, field, flen)) != NULL)
		return why;
	e->participant = field[0];
	e->group = field[1];
	e->email = field[2];
	e->name = field[3];
	return NULL;
}

int
roster_load(struct roster *r, const char *path)
{
	FILE *fp;
	int result;

	memset(r, 0, sizeof(*r));
	if (strcmp(path, "-") == 0)
		return roster_read(r, stdin, "<stdin>");
	if ((fp = fopen(path, "r")) == NULL) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		return -1;
	}
	result = roster_read(r, fp, path);
	fclose(fp);
	return result;
}

int
roster_read(struct roster *r, FILE *fp, const char *name)
{
	struct lines in;
	ssize_t n;
	int bad = 0;
	size_t cap = 0;

	memset(r, 0, sizeof(*r));
	lines_from(&in, fp, name);
	while ((n = lines_next(&in)) >= 0) {
		struct roster_entry e = { 0 };
		char *copy;
		const char *why;
		long seen;

		if (in.line[0] == '#' || n == 0)
			continue;
		copy = xstrndup(in.line, (size_t)n);
		if ((why = roster_parse(copy, (size_t)n, &e)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			free(copy);
			bad++;
			continue;
		}
		if ((seen = roster_find(r, e.participant)) >= 0) {
			diag_at(in.name, in.number, tr(
			    "participant '%s' is already on line %lu",
			    "deelnemer '%s' staat al op regel %lu"),
			    e.participant, r->entries[seen].line);
			free(copy);
			bad++;
			continue;
		}
		e.text = xstrndup(in.line, (size_t)n);
		e.line = in.number;
		/* Entries are added in order and never twice: id == index. */
		intern_add(&r->index, e.participant, strlen(e.participant));
		if (r->n == cap) {
			cap = cap ? cap * 2 : 64;
			r->entries = xreallocarray(r->entries, cap, sizeof(*r->entries));
		}
		r->entries[r->n++] = e;
	}
	if (lines_error(&in)) {
		diag_warn("%s: %s", in.name, lang_strerror(errno));
		lines_close(&in);
		return -1;
	}
	lines_close(&in);
	return bad;
}

long
roster_find(const struct roster *r, const char *participant)
{
	uint32_t id = intern_find(&r->index, participant, strlen(participant));

	return id == UINT32_MAX ? -1 : (long)id;
}

void
roster_free(struct roster *r)
{
	size_t i;

	/* participant is the start of the parsed copy of the line. */
	for (i = 0; i < r->n; i++) {
		free(r->entries[i].participant);
		free(r->entries[i].text);
	}
	free(r->entries);
	intern_free(&r->index);
	memset(r, 0, sizeof(*r));
}

int
roster_has_address(const struct roster_entry *e, const char *address)
{
	size_t n = strlen(address);
	const char *p = e->email, *end;

	if (strcmp(e->email, "-") == 0)
		return 0;
	for (;;) {
		end = strchr(p, ',');
		if ((size_t)(end != NULL ? end - p : (ptrdiff_t)strlen(p)) == n && strncasecmp(p, address, n) == 0)
			return 1;
		if (end == NULL)
			return 0;
		p = end + 1;
	}
}

void
roster_address(const struct roster_entry *e, struct buf *out)
{
	const char *comma = strchr(e->email, ',');

	buf_reset(out);
	buf_add(out, e->email, comma != NULL ? (size_t)(comma - e->email) : strlen(e->email));
}
