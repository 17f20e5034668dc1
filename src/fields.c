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

/* Which byte of a word holds the lowest flag bit: the words are read
 * little-endian (byte swapped on a big-endian machine), so that the
 * lowest bit is the first byte. */
static size_t
byte_of(uint64_t hits)
{
	return (size_t)__builtin_ctzll(hits) >> 3;
}

/* How many leading bytes a and b share, eight at a time while they can. */
static size_t
common_prefix(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (n - i >= 8) {
		uint64_t x, y;

		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			break;
		i += 8;
	}
	while (i < n && a[i] == b[i])
		i++;
	return i;
}

/* The fields the line shares with the cached one, set in field[] and
 * flen[] and cut as fields_parse() cuts them; returns how many. */
static size_t
reuse(const struct fields_format *f, char *line, size_t len,
    char *field[FIELDS_MAX], size_t flen[FIELDS_MAX])
{
	struct fields_cache *c = f->cache;
	size_t same, n = 0, start = 0;

	if (c == NULL || !c->valid)
		return 0;
	same = common_prefix(line, c->line.data, len < c->line.len ? len : c->line.len);
	/* The last field has no tab after it to prove it whole. */
	while (n + 1 < f->ncolumns && c->end[n] < same) {
		field[n] = line + start;
		flen[n] = c->end[n] - start;
		line[c->end[n]] = '\0';
		start = c->end[n] + 1;
		n++;
	}
	return n;
}

/* Keep a line that passed for the next one to be compared with. */
static void
keep(const struct fields_format *f, const char *line, size_t len,
    char *field[FIELDS_MAX], size_t flen[FIELDS_MAX])
{
	struct fields_cache *c = f->cache;
	size_t i;

	c->line.len = 0;
	buf_add(&c->line, line, len);
	for (i = 0; i < f->ncolumns; i++) {
		c->end[i] = (size_t)(field[i] - line) + flen[i];
		if (i + 1 < f->ncolumns)
			c->line.data[c->end[i]] = '\t';
	}
	c->valid = 1;
}

static const char *
refuse(const struct fields_format *f, char *line, size_t len, const char *why)
{
	if (f->cache != NULL)
		f->cache->valid = 0;
	fields_unsplit(line, len);
	return why;
}

const char *
fields_parse(const struct fields_format *f, char *line, size_t len,
    char *field[FIELDS_MAX], size_t flen[FIELDS_MAX])
{
	char *p, *end = line + len, *tab;
	size_t n, i, first;

	n = first = reuse(f, line, len, field, flen);
	if (f->cache != NULL)
		f->cache->shared = first;
	p = n > 0 ? field[n - 1] + flen[n - 1] + 1 : line;
	/* One pass over the bytes: the fields are short, and a call to
	 * memchr per field cost more than the loop (make bench).  A NUL is
	 * refused here too, and the line put back as it was. */
	field[n] = p;
	for (tab = p; tab < end;) {
		uint64_t w, t, hits;

		if (end - tab < 8) {
			hits = 0;
			for (i = 0; tab + i < end; i++)
				if (tab[i] == '\t' || tab[i] == '\0')
					hits |= 0x80ULL << (8 * i);
		} else {
			/* Eight bytes at a time: the bit trick of "has a zero
			 * byte", on the bytes and on the bytes xor tab.  Its
			 * lowest hit is exact; one above may be false, so each
			 * is looked at before it counts. */
			memcpy(&w, tab, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
			w = __builtin_bswap64(w);
#endif
			t = w ^ 0x0909090909090909ULL;
			hits = ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) |
			    ((t - 0x0101010101010101ULL) & ~t & 0x8080808080808080ULL);
		}
		for (; hits != 0; hits &= hits - 1) {
			char *at = tab + byte_of(hits);

			if (*at == '\0')
				return refuse(f, line, (size_t)(at - line),
				    tr("line contains a NUL byte", "regel bevat een NUL-byte"));
			if (*at != '\t')
				continue;
			if (n < f->ncolumns)
				flen[n] = (size_t)(at - p);
			*at = '\0';
			p = at + 1;
			if (++n < f->ncolumns)
				field[n] = p;
		}
		tab += 8;
	}
	if (n < f->ncolumns)
		flen[n] = (size_t)(end - p);
	n++;
	if (n != f->ncolumns)
		return refuse(f, line, len, count_problem(f, n));
	for (i = first; i < f->ncolumns; i++)
		if (f->columns[i].check(&f->columns[i], field[i], flen[i], &problem) < 0)
			return refuse(f, line, len, problem.data);
	if (f->cache != NULL)
		keep(f, line, len, field, flen);
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

size_t
fields_split(char *line, size_t len, char **field, size_t *flen, size_t max)
{
	char *p = line, *end = line + len, *tab;
	size_t n = 0;

	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (n < max) {
			field[n] = p;
			flen[n] = (size_t)((tab ? tab : end) - p);
		}
		n++;
		if (tab == NULL)
			return n;
		*tab = '\0';
		p = tab + 1;
	}
}
