#include <string.h>

#include "buf.h"
#include "fields.h"
#include "lang.h"
#include "sentlog.h"
#include "timestamp.h"
#include "token.h"

#define SENTLOG_FIELDS 6

static const char *const kinds[] = { "invitation", "reminder", "receipt" };
static const char *const results[] = { "failed", "sent" };

static const char *
time_problem(const char *s, size_t n)
{
	return timestamp_valid(s, n) ? NULL : tr("is not a UTC time YYYY-MM-DDThh:mm:ssZ",
	    "is geen UTC-tijd JJJJ-MM-DDTuu:mm:ssZ");
}

static long
word_of(const char *const *words, size_t nwords, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < nwords; i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return (long)i;
	return -1;
}

static const char *
kind_problem(const char *s, size_t n)
{
	return word_of(kinds, sizeof(kinds) / sizeof(kinds[0]), s, n) < 0 ? tr("is not invitation, reminder or receipt",
	    "is geen invitation, reminder of receipt") : NULL;
}

static const char *
result_problem(const char *s, size_t n)
{
	return word_of(results, 2, s, n) < 0 ? tr("is not sent or failed",
	    "is geen sent of failed") : NULL;
}

/* <left@right>, printable ASCII, as RFC 5322's msg-id (loosely). */
static const char *
id_problem(const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	size_t i;

	if (n == 1 && s[0] == SENTLOG_ID_UNKNOWN[0])
		return NULL;
	if (n < 5 || n > 250 || s[0] != '<' || s[n - 1] != '>' || at == NULL || at == s + 1 ||
	    at == s + n - 2)
		return tr("is not a Message-ID like <id@host>", "is geen Message-ID zoals <id@host>");
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
			return tr("is not a Message-ID like <id@host>", "is geen Message-ID zoals <id@host>");
	return NULL;
}

static const struct fields_column columns[SENTLOG_FIELDS] = {
	{ "time", "tijd", fields_check_problem, time_problem, 0 },
	{ "round", "ronde", fields_check_problem, token_problem, 1 },
	{ "participant", "deelnemer", fields_check_problem, token_problem, 2 },
	{ "kind", "soort", fields_check_problem, kind_problem, 3 },
	{ "message-id", "message-id", fields_check_problem, id_problem, 4 },
	{ "result", "resultaat", fields_check_problem, result_problem, 5 },
};

static const struct fields_format format = {
	"a line of remind's log", "regel van het logboek van remind", 1, columns, SENTLOG_FIELDS, NULL,
};

const char *
sentlog_parse(char *line, size_t len, struct sentlog_entry *e)
{
	char *field[FIELDS_MAX];
	size_t flen[FIELDS_MAX];
	const char *why;

	if ((why = fields_parse(&format, line, len, field, flen)) != NULL)
		return why;
	e->time = timestamp_seconds(field[0]);
	e->round = field[1];
	e->participant = field[2];
	e->kind = (enum sentlog_kind)word_of(kinds, sizeof(kinds) / sizeof(kinds[0]), field[3], flen[3]);
	e->message_id = field[4];
	e->sent = (int)word_of(results, 2, field[5], flen[5]);
	return NULL;
}

void
sentlog_format(struct buf *out, const struct sentlog_entry *e)
{
	char time[TIMESTAMP_LEN + 1];

	timestamp_from_seconds(e->time, time);
	buf_printf(out, "%s\t%s\t%s\t%s\t%s\t%s\n", time, e->round, e->participant,
	    kinds[e->kind], e->message_id, results[e->sent != 0]);
}

const char *
sentlog_kind_name(enum sentlog_kind kind)
{
	return kinds[kind];
}
