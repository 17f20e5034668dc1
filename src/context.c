#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "context.h"
#include "diag.h"
#include "lang.h"
#include "record.h"
#include "utf8.h"

enum field { F_ORGANISATION, F_EMPLOYER, F_STAFF, F_CLIENT_WORK, NFIELDS };

/* One record; its first field names it, as a questionnaire's does. */
static const struct record_field fields[NFIELDS] = {
	[F_ORGANISATION] = { "organisation", 0, 0, 1, 1 },
	[F_EMPLOYER]     = { "employer", 0, 0, 0, 0 },
	[F_STAFF]        = { "staff", 0, 0, 0, 0 },
	[F_CLIENT_WORK]  = { "client-work", 0, 0, 0, 0 },
};

static const struct record_kind kinds[] = {
	{ "the organisation record", "the organisation record", "het organisatierecord",
	  "het organisatierecord" },
};

static const char *const employer_names[] = {
	[EMPLOYER_UNKNOWN] = "unknown", [EMPLOYER_PRIVATE] = "private", [EMPLOYER_PUBLIC] = "public",
};

void
context_init(struct context *c)
{
	memset(c, 0, sizeof(*c));
	c->staff = -1;
	c->client_work = 1;
}

int
context_employer(const char *s, enum context_employer *e)
{
	/* "Public" as a careless hand types it is still public. */
	if (strcasecmp(s, "private") == 0)
		*e = EMPLOYER_PRIVATE;
	else if (strcasecmp(s, "public") == 0)
		*e = EMPLOYER_PUBLIC;
	else
		return -1;
	return 0;
}

/* A whole number of people, 1 to CONTEXT_STAFF_MAX, in plain digits. */
int
context_staff(const char *s, long *staff)
{
	long n = 0;
	const char *p;

	if (*s == '\0' || *s == '0' || strlen(s) > 7)
		return -1;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
	}
	if (n > CONTEXT_STAFF_MAX)
		return -1;
	*staff = n;
	return 0;
}

int
context_yes_no(const char *s, int *yes)
{
	if (strcasecmp(s, "yes") == 0)
		*yes = 1;
	else if (strcasecmp(s, "no") == 0)
		*yes = 0;
	else
		return -1;
	return 0;
}

const char *
context_employer_name(enum context_employer e)
{
	return employer_names[e];
}

/* One field's value, checked; what is wrong is said with its line. */
static void
take(struct record_reader *rd, struct record *rec, struct context *c, size_t i)
{
	const char *v = rec->values[i].value.data;
	unsigned long line = rec->values[i].line;

	switch (rec->values[i].field) {
	case F_ORGANISATION:
		/* It goes into the advice's first line as it is. */
		if (utf8_has_control(v, strlen(v), "")) {
			record_error(rd, line, "%s", tr(
			    "organisation: the name is one line, without tabs or control characters",
			    "organisation: de naam is één regel, zonder tabs of stuurtekens"));
			break;
		}
		free(c->name);
		c->name = record_take_at(rec, i);
		break;
	case F_EMPLOYER:
		if (context_employer(v, &c->employer) < 0)
			record_error(rd, line, tr("employer '%s' is not private or public",
			    "employer '%s' is geen private of public"), v);
		break;
	case F_STAFF:
		if (context_staff(v, &c->staff) < 0)
			record_error(rd, line, tr("staff '%s' is not a number of people from 1 to %ld",
			    "staff '%s' is geen aantal mensen van 1 tot %ld"), v, CONTEXT_STAFF_MAX);
		break;
	case F_CLIENT_WORK:
		if (context_yes_no(v, &c->client_work) < 0)
			record_error(rd, line, tr("client-work '%s' is not yes or no",
			    "client-work '%s' is geen yes of no"), v);
		break;
	}
}

int
context_read(struct context *c, FILE *fp, const char *name)
{
	struct record_reader rd;
	struct record rec = { 0 };
	size_t i, records = 0;
	int errors;

	record_reader_init(&rd, fields, NFIELDS, kinds, fp, name);
	while (record_next(&rd, &rec)) {
		if (records++ == 1)
			record_error(&rd, rec.line, "%s", tr(
			    "a second record: a context file describes one organisation",
			    "een tweede record: een contextbestand beschrijft één organisatie"));
		/* Every value is checked, even in a record with other mistakes. */
		if (records > 1 || (record_check(&rd, &rec) < 0 && rec.kind < 0))
			continue;
		for (i = 0; i < rec.n; i++)
			take(&rd, &rec, c, i);
	}
	if (records == 0 && rd.errors == 0)
		record_error(&rd, 0, "%s", tr("no organisation record ('organisation:' and its name)",
		    "geen organisatierecord ('organisation:' en haar naam)"));
	errors = rd.errors;
	record_free(&rec);
	record_reader_end(&rd);
	return errors;
}

int
context_load(struct context *c, const char *path)
{
	FILE *fp;
	int errors;

	if (strcmp(path, "-") == 0)
		return context_read(c, stdin, "<stdin>");
	if ((fp = fopen(path, "r")) == NULL) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		return 1;
	}
	errors = context_read(c, fp, path);
	fclose(fp);
	return errors;
}

void
context_free(struct context *c)
{
	free(c->name);
	c->name = NULL;
}
