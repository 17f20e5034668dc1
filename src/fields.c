#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "fields.h"
#include "lang.h"
#include "text.h"

static struct buf problem;

void
fields_say(struct buf *why, const struct fields_column *column, const char *s, size_t n,
    const char *what)
{
	buf_reset(why);
	buf_printf(why, "%s '", lang_current == LANG_NL ? column->nl : column->en);
	text_quote(why, s, n);
	buf_printf(why, "' %s", what);
}

int
fields_check_problem(const struct fields_column *column, const char *s, size_t n,
    struct buf *why)
{
	const char *what = column->problem(s, n);

	if (what == NULL)
		return 0;
	fields_say(why, column, s, n, what);
	return -1;
}

/* The column names, comma-separated, in the language of messages. */
static void
names(struct buf *out, const struct fields_format *f)
{
	size_t i;

	for (i = 0; i < f->ncolumns; i++)
		buf_printf(out, "%s%s", i ? ", " : "",
		    lang_current == LANG_NL ? f->columns[i].nl : f->columns[i].en);
}

static const char *
count_problem(const struct fields_format *f, size_t n)
{
	buf_reset(&problem);
	if (n == 1) {
		buf_printf(&problem, tr("not %s: it has no tabs (%zu tab-separated fields are expected",
		    "geen %s: er staan geen tabs in (%zu velden gescheiden door tabs verwacht"),
		    lang_current == LANG_NL ? f->line_nl : f->line_en, f->ncolumns);
		if (f->names_in_count) {
			buf_addstr(&problem, ": ");
			names(&problem, f);
		}
		buf_addc(&problem, ')');
		return problem.data;
	}
	buf_printf(&problem, tr("%zu tab-separated fields where %zu are expected",
	    "%zu velden gescheiden door tabs, %zu verwacht"), n, f->ncolumns);
	if (f->names_in_count) {
		buf_addstr(&problem, " (");
		names(&problem, f);
		buf_addc(&problem, ')');
	}
	return problem.data;
}

const char *
fields_parse(const struct fields_format *f, char *line, size_t len,
    char *field[FIELDS_MAX], size_t flen[FIELDS_MAX])
{
	char *p = line, *end = line + len, *tab;
	size_t n = 0, i;

	/* One pass over the bytes: the fields are short, and a call to
	 * memchr per field cost more than the loop (make bench).  A NUL is
	 * refused here too, and the line put back as it was. */
	field[0] = p;
	for (tab = p; tab < end; tab++) {
		/* Eight bytes at a time while none is a tab or a NUL (the
		 * bit trick of "has a zero byte", on the bytes xor tab). */
		while (end - tab >= 8) {
			uint64_t w, t;

			memcpy(&w, tab, 8);
			t = w ^ 0x0909090909090909ULL;
			if (((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) |
			    ((t - 0x0101010101010101ULL) & ~t & 0x8080808080808080ULL))
				break;
			tab += 8;
		}
		if (tab == end)
			break;
		if (*tab == '\0') {
			fields_unsplit(line, (size_t)(tab - line));
			return tr("line contains a NUL byte", "regel bevat een NUL-byte");
		}
		if (*tab != '\t')
			continue;
		if (n < f->ncolumns)
			flen[n] = (size_t)(tab - p);
		*tab = '\0';
		p = tab + 1;
		if (++n < f->ncolumns)
			field[n] = p;
	}
	if (n < f->ncolumns)
		flen[n] = (size_t)(end - p);
	n++;
	if (n != f->ncolumns) {
		fields_unsplit(line, len);
		return count_problem(f, n);
	}
	for (i = 0; i < f->ncolumns; i++) {
		if (f->columns[i].check(&f->columns[i], field[i], flen[i], &problem) < 0) {
			fields_unsplit(line, len);
			return problem.data;
		}
	}
	return NULL;
}

void
fields_unsplit(char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] == '\0')
			line[i] = '\t';
}
