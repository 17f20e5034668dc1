/*
 * chart: aggregate's rows (stance-aggregate(5)) as a picture in the
 * terminal or in mail: per continuum its question, the line between its
 * two poles with the statements on it, and per row the profile as bars
 * standing on the line, the median and the middle half beneath, and the
 * figures in words.  Rows of one continuum share one scale, so groups
 * and rounds compare at a glance.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "chart-svg.h"
#include "diag.h"
#include "figures.h"
#include "intern.h"
#include "lang.h"
#include "lines.h"
#include "options.h"
#include "output.h"
#include "position.h"
#include "questionnaire.h"
#include "term.h"
#include "text.h"
#include "utf8.h"
#include "wrap.h"

static const char usage_text[] =
    "usage: chart [-L lang] [-q file] [--ascii | --svg] [--compact] [--color when]\n"
    "             [-w width] [file ...]\n";

static void
help(void)
{
	option_help(usage_text, tr(
	    "\n"
	    "Draw aggregate's rows: per continuum the line between its poles, and\n"
	    "per row the profile as bars, the median and the middle half, and the\n"
	    "figures in words.  With no file, read standard input.\n"
	    "\n"
	    "  -L lang   messages and words in nl or en\n"
	    "  -q file   the questionnaire the rows belong to\n"
	    "  --ascii   only ASCII characters, for mail and old terminals\n"
	    "  --svg     one SVG document, for a web page or a report\n"
	    "  --compact a line a row, so that watch shows every continuum\n"
	    "  --color when  auto (on a terminal), always (under watch --color) or never\n"
	    "  -w width  at most this many columns (default: COLUMNS, the terminal, 80)\n"
	    "See chart(1).\n",
	    "\n"
	    "Teken de rijen van aggregate: per continuum de lijn tussen de polen, en\n"
	    "per rij het profiel als staafjes, de mediaan en de middelste helft, en de\n"
	    "cijfers in woorden.  Zonder bestand: lees standaardinvoer.\n"
	    "\n"
	    "  -L taal      meldingen en woorden in nl of en\n"
	    "  -q bestand   de vragenlijst waar de rijen bij horen\n"
	    "  --ascii      alleen ASCII-tekens, voor mail en oude terminals\n"
	    "  --svg        een SVG-document, voor een webpagina of een verslag\n"
	    "  --compact    een regel per rij, zodat watch elk continuum toont\n"
	    "  --color wanneer  auto (op een terminal), always (onder watch --color) of never\n"
	    "  -w breedte   hoogstens zoveel kolommen (standaard: COLUMNS, de terminal, 80)\n"
	    "Zie chart(1).\n"));
}

/* The glyphs, in UTF-8 and in ASCII. */
struct glyphs {
	const char *rule, *tick, *low, *high, *median, *dot, *dash;
	const char *levels[9];	/* a bar cell filled 0/8 ... 8/8 */
	/* The same marks as chart --svg and ask's slider: the median of the
	 * round before, hollow; a camp; the middle half on a compact line. */
	const char *earlier, *camp, *half;
};

static const struct glyphs utf8_glyphs = {
	"\xe2\x94\x80", "\xe2\x94\xb4", "\xe2\x94\x9c", "\xe2\x94\xa4", "\xe2\x96\xb2",
	"\xc2\xb7", "\xe2\x80\x93",
	{ " ", "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
	  "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" },
	"\xe2\x96\xb3", "\xe2\x97\x86", "\xe2\x94\x81",
};

/* A cell at least half full is #, less _ (chart(1)). */
static const struct glyphs ascii_glyphs = {
	"-", "+", "[", "]", "^", "-", "-",
	{ " ", "_", "_", "_", "#", "#", "#", "#", "#" },
	"*", "@", "=",
};

/* Letters outside ASCII and what --ascii writes for them. */
static const struct {
	const char *utf8, *ascii;
} transliterations[] = {
	{ "\xc3\xa9", "e" }, { "\xc3\xa8", "e" }, { "\xc3\xaa", "e" }, { "\xc3\xab", "e" },
	{ "\xc3\xa1", "a" }, { "\xc3\xa0", "a" }, { "\xc3\xa2", "a" }, { "\xc3\xa4", "a" },
	{ "\xc3\xaf", "i" }, { "\xc3\xae", "i" }, { "\xc3\xb6", "o" }, { "\xc3\xb4", "o" },
	{ "\xc3\xbc", "u" }, { "\xc3\xbb", "u" }, { "\xc3\xa7", "c" }, { "\xc3\x89", "E" },
	{ "\xe2\x80\x99", "'" }, { "\xe2\x80\x98", "'" }, { "\xe2\x80\x9c", "\"" },
	{ "\xe2\x80\x9d", "\"" }, { "\xe2\x80\xa6", "..." }, { "\xe2\x80\x93", "-" },
	{ "\xe2\x80\x94", "-" }, { "\xc2\xa0", " " }, { "\xc2\xb7", "-" },
	{ "\xe2\x86\x92", "->" },
};

struct chart {
	const struct questionnaire *q;
	int ascii;
	int color;		/* the median bold cyan, hidden rows dim */
	int compact;		/* a line a row */
	const struct glyphs *g;
	size_t width;
	int warned_ascii;
	char median_colored[32];
	struct figures_table table;	/* the rows read */
	const char *name;
	int bad, trouble;
};

/* Text for the output: in --ascii, letters transliterated, and anything
 * else a ?, said once. */
static void
put_text(struct chart *c, struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, len;
	uint32_t cp;

	if (!c->ascii) {
		buf_addstr(out, s);
		return;
	}
	while (*p) {
		if (*p < 0x80) {
			buf_addc(out, (char)*p++);
			continue;
		}
		len = utf8_decode(p, strlen((const char *)p), &cp);
		for (i = 0; i < sizeof(transliterations) / sizeof(transliterations[0]); i++)
			if (len > 0 && strncmp((const char *)p, transliterations[i].utf8, len) == 0 &&
			    transliterations[i].utf8[len] == '\0')
				break;
		if (i < sizeof(transliterations) / sizeof(transliterations[0])) {
			buf_addstr(out, transliterations[i].ascii);
		} else {
			buf_addc(out, '?');
			if (!c->warned_ascii)
				diag_warn("%s", tr("--ascii: a character with no ASCII likeness is written as ?",
				    "--ascii: een teken zonder ASCII-gelijkenis wordt geschreven als ?"));
			c->warned_ascii = 1;
		}
		p += len ? len : 1;
	}
}

/* A line out: blanks at its end taken off, as nothing ever needs them. */
static void
emit(struct buf *line)
{
	while (line->len > 0 && line->data[line->len - 1] == ' ')
		line->data[--line->len] = '\0';
	fwrite(line->data ? line->data : "", 1, line->len, stdout);
	fputc('\n', stdout);
	buf_reset(line);
}

/* Text wrapped at the width, every line after the first indented. */
static void
emit_wrapped(struct chart *c, const char *prefix, const char *text, size_t indent)
{
	struct buf plain = { 0 }, lines = { 0 }, line = { 0 };
	const char *p, *end;

	put_text(c, &plain, text);
	buf_addstr(&lines, prefix);
	wrap_text_cut(&lines, plain.data ? plain.data : "", c->width, utf8_width(prefix, strlen(prefix)), indent);
	for (p = lines.data; p != NULL; p = end ? end + 1 : NULL) {
		end = strchr(p, '\n');
		buf_add(&line, p, end ? (size_t)(end - p) : strlen(p));
		emit(&line);
	}
	buf_free(&plain);
	buf_free(&lines);
	buf_free(&line);
}

/* The geometry of one continuum's drawing. */
struct layout {
	size_t gutter;		/* label columns before the line */
	size_t x0;		/* where the line starts */
	size_t length;		/* its columns */
	size_t bar;		/* a bar's width, odd */
	size_t bins;		/* 2k-1 */
	size_t anchors;
};

static void
layout_of(const struct chart *c, size_t anchors, struct layout *l)
{
	size_t room, spacing;

	l->anchors = anchors;
	l->bins = 2 * anchors - 1;
	l->gutter = c->width >= 60 ? 12 : 0;
	room = c->width - l->gutter;
	l->length = room - 2 < 101 ? room - 2 : 101;
	spacing = (l->length - 1) / (l->bins - 1);
	l->bar = spacing / 2 > 7 ? 7 : spacing / 2;
	if (l->bar % 2 == 0)
		l->bar = l->bar > 1 ? l->bar - 1 : 1;
	/* Half a bar of margin, so that the end bars stand at the poles. */
	l->x0 = l->gutter + l->bar / 2;
	if (l->length > c->width - l->x0 - l->bar / 2)
		l->length = c->width - l->x0 - l->bar / 2;
}

static size_t
column_of(const struct layout *l, double points)
{
	return (size_t)term_column((int)(points * 10 + 0.5), (int)l->length);
}

/* A line of cells, each one glyph, joined. */
static void
emit_cells(const char **cells, size_t n, struct buf *line)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_addstr(line, cells[i] ? cells[i] : " ");
	emit(line);
}

static void
draw_bars(struct chart *c, const struct layout *l, const struct figures_row *r, double scale,
    const char **cells, struct buf *line)
{
	int level[STATS_MAX_BINS];
	size_t j, half, row, x;

	for (j = 0; j < r->nbins; j++) {
		double share = r->n ? (double)r->profile[j] / (double)r->n : 0;

		level[j] = (int)(share / scale * 16 + 0.5);
		if (r->profile[j] > 0 && level[j] == 0)
			level[j] = 1;	/* one person is never nothing */
	}
	/* In ASCII, where one person and three draw alike, the count over
	 * each bar. */
	if (c->ascii) {
		size_t at = 0;

		buf_reset(line);
		for (j = 0; j < r->nbins; j++) {
			size_t centre = l->x0 + column_of(l, 100.0 * (double)j / (double)(l->bins - 1));
			char count[24];
			size_t w = (size_t)snprintf(count, sizeof(count), "%llu",
			    (unsigned long long)r->profile[j]);
			size_t cx = centre >= w / 2 ? centre - w / 2 : 0;

			if (r->profile[j] == 0)
				continue;
			if (cx + w > c->width)
				cx = c->width - w;
			if (cx < at)
				cx = at;
			buf_printf(line, "%*s%s", (int)(cx - at), "", count);
			at = cx + w;
		}
		emit(line);
	}
	for (row = 0; row < 2; row++) {
		memset(cells, 0, c->width * sizeof(*cells));
		for (j = 0; j < r->nbins; j++) {
			int fill = row == 0 ? level[j] - 8 : level[j];
			size_t centre = l->x0 + column_of(l, 100.0 * (double)j / (double)(l->bins - 1));

			fill = fill < 0 ? 0 : fill > 8 ? 8 : fill;
			if (fill == 0)
				continue;
			half = l->bar / 2;
			for (x = centre - half; x <= centre + half && x < c->width; x++)
				cells[x] = c->g->levels[fill];
		}
		emit_cells(cells, c->width, line);
	}
}

static void
draw_line(struct chart *c, const struct layout *l, const char *label, const char **cells,
    struct buf *line)
{
	size_t x, i;

	memset(cells, 0, c->width * sizeof(*cells));
	for (x = 0; x < l->length; x++)
		cells[l->x0 + x] = c->g->rule;
	for (i = 1; i <= l->anchors; i++)
		cells[l->x0 + column_of(l, anchor_position(l->anchors, i) / 10.0)] = c->g->tick;
	if (label != NULL)
		put_text(c, line, label);
	for (x = utf8_width(line->data ? line->data : "", line->len); x < c->width; x++)
		buf_addstr(line, cells[x] ? cells[x] : " ");
	emit(line);
}

/* The middle half as a span, the median a marker pointing up, and the
 * median of the round before (if any) a hollow one. */
static void
draw_span(struct chart *c, const struct layout *l, const struct figures_row *r,
    const struct figures_row *before, const char **cells, struct buf *line)
{
	size_t from = column_of(l, r->q1), to = column_of(l, r->q3), x;

	memset(cells, 0, c->width * sizeof(*cells));
	for (x = from; x <= to; x++)
		cells[l->x0 + x] = c->g->rule;
	cells[l->x0 + from] = c->g->low;
	cells[l->x0 + to] = c->g->high;
	if (before != NULL)
		cells[l->x0 + column_of(l, before->median)] = c->g->earlier;
	/* Colour is never the only cue: the marker is there without it. */
	cells[l->x0 + column_of(l, r->median)] = c->color ? c->median_colored : c->g->median;
	emit_cells(cells, c->width, line);
}

/* "n 23, 1 no opinion · median 50 · middle half 20–80 · divided" */
static void
draw_words(struct chart *c, const struct layout *l, const struct figures_row *r,
    const struct continuum *k, const char *label)
{
	struct buf words = { 0 }, prefix = { 0 };
	figures_put_words(&words, r, k);
	if (label != NULL)
		put_text(c, &prefix, label);
	while (utf8_width(prefix.data ? prefix.data : "", prefix.len) < l->x0)
		buf_addc(&prefix, ' ');
	emit_wrapped(c, prefix.data ? prefix.data : "", words.data, l->x0);
	buf_free(&words);
	buf_free(&prefix);
}

/* A row's label: its group ("everyone" for *), after its round when the
 * continuum has rows of several rounds, under each other. */
static const char *
label_of(const struct figures_row *r, int rounds)
{
	static struct buf label;

	buf_reset(&label);
	if (rounds > 1)
		buf_printf(&label, "%s ", r->round);
	buf_addstr(&label, strcmp(r->group, "*") == 0 ? tr("everyone", "iedereen") : r->group);
	return label.data;
}

/* One row: its label where it fits, the bars, the line, the span, the
 * words; a row hidden or with too few answers, in words only. */
static void
draw_row(struct chart *c, const struct layout *l, const struct figures_row *r,
    const struct figures_row *before, const struct continuum *k, double scale,
    const char **cells, int rounds)
{
	struct buf line = { 0 };
	const char *label = label_of(r, rounds);
	int in_gutter = l->gutter > 0 && utf8_width(label, strlen(label)) < l->gutter;

	/* Hidden, or too few to mean anything: said, not drawn. */
	if (r->nbins == 0 || !r->have_quartiles || r->nbins != l->bins ||
	    !verdict_table[r->verdict].figures) {
		if (!in_gutter)
			emit_wrapped(c, "", label, 0);
		draw_words(c, l, r, k, in_gutter ? label : NULL);
		buf_free(&line);
		return;
	}
	if (!in_gutter)
		emit_wrapped(c, "", label, 0);
	draw_bars(c, l, r, scale, cells, &line);
	draw_line(c, l, in_gutter ? label : NULL, cells, &line);
	draw_span(c, l, r, before, cells, &line);
	draw_words(c, l, r, k, NULL);
	buf_free(&line);
}

/* The question, what it is, and the poles and statement numbers. */
static void
draw_header(struct chart *c, const struct layout *l, size_t number, const struct continuum *k,
    const char *rounds)
{
	struct buf line = { 0 }, meta = { 0 }, left = { 0 }, right = { 0 };
	size_t i, at, wl, wr;
	char prefix[32];

	snprintf(prefix, sizeof(prefix), "%zu ", number);
	emit_wrapped(c, prefix, k->question, 2);
	buf_printf(&meta, strchr(rounds, ',') != NULL ?
	    tr("%s \xc2\xb7 %zu statements \xc2\xb7 rounds %s", "%s \xc2\xb7 %zu uitspraken \xc2\xb7 rondes %s") :
	    tr("%s \xc2\xb7 %zu statements \xc2\xb7 round %s", "%s \xc2\xb7 %zu uitspraken \xc2\xb7 ronde %s"),
	    k->id, k->nanchors, rounds);
	/* A mark that is not obvious is said where it first appears. */
	if (strchr(rounds, ',') != NULL)
		buf_printf(&meta, tr(" \xc2\xb7 %s the median a round before",
		    " \xc2\xb7 %s de mediaan een ronde eerder"), c->g->earlier);
	emit_wrapped(c, "  ", meta.data, 2);
	emit(&line);
	put_text(c, &left, k->left);
	put_text(c, &right, k->right);
	wl = utf8_width(left.data, left.len);
	wr = utf8_width(right.data, right.len);
	if (wl + 1 + wr <= l->length) {
		buf_printf(&line, "%*s%s%*s%s", (int)l->x0, "", left.data,
		    (int)(l->length - wr - wl), "", right.data);
		emit(&line);
	} else {
		/* Both do not fit: the right one under it, at the line's
		 * right end if it fits there, else wrapped like the left. */
		buf_printf(&line, "%*s", (int)l->x0, "");
		emit_wrapped(c, line.data, k->left, l->x0);
		buf_reset(&line);
		if (wr <= l->length) {
			buf_printf(&line, "%*s%s", (int)(l->x0 + l->length - wr), "", right.data);
			emit(&line);
		} else {
			buf_printf(&line, "%*s", (int)l->x0, "");
			emit_wrapped(c, line.data, k->right, l->x0);
			buf_reset(&line);
		}
	}
	/* The statement numbers where the statements lie. */
	for (i = 1, at = 0; i <= k->nanchors; i++) {
		size_t x = l->x0 + column_of(l, anchor_position(k->nanchors, i) / 10.0);
		char n[16];
		int w = snprintf(n, sizeof(n), "%zu", i);

		if (x + (size_t)w > l->x0 + l->length)
			x = l->x0 + l->length - (size_t)w;
		if (x < at)
			continue;
		buf_printf(&line, "%*s%s", (int)(x - at), "", n);
		at = x + (size_t)w;
	}
	emit(&line);
	emit(&line);
	buf_free(&line);
	buf_free(&meta);
	buf_free(&left);
	buf_free(&right);
}

/* The largest share of any bin in any row of the continuum: it fills a
 * bar, so that every row of the continuum has the same scale. */
/* The largest share of any bin among a continuum's rows. */
static double
scale_of(const struct chart *c, const size_t *rows, size_t n)
{
	double largest = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		const struct figures_row *r = &c->table.rows[rows[i]];

		if (r->n == 0)
			continue;
		for (j = 0; j < r->nbins; j++)
			if ((double)r->profile[j] / (double)r->n > largest)
				largest = (double)r->profile[j] / (double)r->n;
	}
	return largest > 0 ? largest : 1;
}

static int
drawn(const struct figures_row *r)
{
	return r->have_quartiles && r->nbins > 0 && verdict_table[r->verdict].figures;
}

/* Between two rounds of one group: "r1 -> r2: median 75 -> 80 (+5,
 * toward vision), middle half 30 -> 10". */
static void
draw_move(struct chart *c, const struct layout *l, const struct figures_row *from,
    const struct figures_row *to, const struct continuum *k)
{
	struct buf words = { 0 }, prefix = { 0 };
	const char *arrow = " \xe2\x86\x92 ";
	/* In the whole points shown, so that the words add up. */
	long shift = figures_whole(to->median) - figures_whole(from->median);

	buf_printf(&words, "%s%s%s: ", from->round, arrow, to->round);
	buf_addstr(&words, tr("median ", "mediaan "));
	figures_put_point(&words, from->median);
	buf_addstr(&words, arrow);
	figures_put_point(&words, to->median);
	if (shift != 0) {
		buf_printf(&words, " (%+ld", shift);
		buf_printf(&words, tr(", toward %s)", ", richting %s)"), questionnaire_pole(k, shift > 0));
	}
	buf_addstr(&words, tr(" \xc2\xb7 middle half ", " \xc2\xb7 middelste helft "));
	buf_printf(&words, tr("%ld%s%ld points wide", "%ld%s%ld punten breed"),
	    figures_whole(from->q3) - figures_whole(from->q1), arrow,
	    figures_whole(to->q3) - figures_whole(to->q1));
	buf_printf(&prefix, "%*s", (int)l->x0, "");
	emit_wrapped(c, prefix.data, words.data, l->x0);
	buf_free(&words);
	buf_free(&prefix);
}

/* The rounds of a continuum's rows, as first seen: "r1, r2". */
static void
rounds_of(const struct chart *c, const size_t *rows, size_t n, struct buf *out)
{
	struct intern seen = { 0 };
	size_t i;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		const char *round = c->table.rows[rows[i]].round;
		size_t before = seen.n;

		intern_add(&seen, round, strlen(round));
		if (seen.n > before)
			buf_printf(out, "%s%s", out->len ? ", " : "", round);
	}
	intern_free(&seen);
}

static void
draw(struct chart *c)
{
	const char **cells = xcalloc(c->width + 1, sizeof(*cells));
	struct figures_order order;
	struct buf rounds = { 0 };
	struct layout l;
	size_t k, i, shown = 0;

	figures_order(&c->table, c->q->ncontinua, 1, &order);
	for (k = 0; k < c->q->ncontinua; k++) {
		const struct continuum *cont = &c->q->continua[k];
		const size_t *rows = order.rows + order.start[k];
		size_t n = order.start[k + 1] - order.start[k];
		const struct figures_row *before = NULL;
		double scale;
		int several;

		if (n == 0)
			continue;
		scale = scale_of(c, rows, n);
		rounds_of(c, rows, n, &rounds);
		several = strchr(rounds.data, ',') != NULL;
		if (shown++ > 0)
			fputc('\n', stdout);
		layout_of(c, cont->nanchors, &l);
		draw_header(c, &l, k + 1, cont, rounds.data);
		/* Group by group, each group's rounds under each other, with
		 * the median's move between two rounds. */
		for (i = 0; i < n; i++) {
			const struct figures_row *r = &c->table.rows[rows[i]];

			if (before != NULL && strcmp(before->group, r->group) != 0)
				before = NULL;
			draw_row(c, &l, r, before != NULL && drawn(before) ? before : NULL, cont, scale,
			    cells, several ? 2 : 1);
			if (before != NULL && drawn(before) && drawn(r))
				draw_move(c, &l, before, r, cont);
			before = r;
		}
	}
	figures_order_free(&order);
	buf_free(&rounds);
	free(cells);
}

/* Text cut to w columns, the last one an ellipsis when it was cut, then
 * blanks up to column to. */
static void
put_fit(struct chart *c, struct buf *out, const char *s, size_t w, size_t to)
{
	struct buf whole = { 0 };
	size_t at = 0, len, width, columns = out->len > 0 ? utf8_width(out->data, out->len) : 0;
	size_t added = 0;
	uint32_t cp;

	put_text(c, &whole, s);
	width = whole.len > 0 ? utf8_width(whole.data, whole.len) : 0;
	/* A character a column (utf8_width's measure). */
	while (at < whole.len && (width <= w || added + 1 < w)) {
		if ((len = utf8_decode((const unsigned char *)whole.data + at, whole.len - at, &cp)) == 0)
			break;
		buf_add(out, whole.data + at, len);
		at += len;
		added++;
	}
	if (at < whole.len) {
		buf_addstr(out, c->ascii ? "~" : "\xe2\x80\xa6");
		added++;
	}
	for (columns += added; columns < to; columns++)
		buf_addc(out, ' ');
	buf_free(&whole);
}

/* --compact: what a verdict is called at the end of a row's line. */
static const char *
short_verdict(const struct figures_row *r)
{
	static const char *const words[VERDICT_COUNT][2] = {
		[VERDICT_CONSENSUS] = { "consensus", "consensus" },
		[VERDICT_LEANING] = { "leaning", "neigt" },
		[VERDICT_DIVIDED] = { "divided", "verdeeld" },
		[VERDICT_POLARISED] = { "polarised", "gepolariseerd" },
		[VERDICT_TOO_FEW] = { "too few", "te weinig" },
		[VERDICT_SUPPRESSED] = { "not shown", "niet getoond" },
		[VERDICT_WITHHELD] = { "not shown", "niet getoond" },
	};

	return tr(words[r->verdict][0], words[r->verdict][1]);
}

/*
 * A row on one line: its label, the line with the middle half drawn on
 * it, the median (or, for a split room, its camps), the median of the
 * round before, and the verdict; a row not drawn, its verdict alone.
 */
static void
compact_row(struct chart *c, const struct layout *l, const struct figures_row *r,
    const struct figures_row *before, int rounds, const char **cells)
{
	struct figures_camp camp[STATS_MAX_CAMPS];
	struct buf line = { 0 };
	size_t x, i, n = verdict_table[r->verdict].split ? figures_camps(r, camp) : 0;

	/* The label cut to its gutter, so that the row stays one line. */
	put_fit(c, &line, label_of(r, rounds), l->gutter > 1 ? l->gutter - 1 : c->width, l->x0);
	if (!drawn(r)) {
		put_fit(c, &line, short_verdict(r), c->width - l->x0, 0);
		emit(&line);
		buf_free(&line);
		return;
	}
	memset(cells, 0, c->width * sizeof(*cells));
	for (x = 0; x < l->length; x++)
		cells[l->x0 + x] = c->g->rule;
	for (i = 1; i <= l->anchors; i++)
		cells[l->x0 + column_of(l, anchor_position(l->anchors, i) / 10.0)] = c->g->tick;
	for (x = column_of(l, r->q1); x <= column_of(l, r->q3); x++)
		cells[l->x0 + x] = c->g->half;
	if (before != NULL)
		cells[l->x0 + column_of(l, before->median)] = c->g->earlier;
	if (n >= 2)
		for (i = 0; i < n; i++)
			cells[l->x0 + column_of(l, camp[i].median)] = c->g->camp;
	else
		cells[l->x0 + column_of(l, r->median)] = c->color ? c->median_colored : c->g->median;
	for (x = l->x0; x < l->x0 + l->length; x++)
		buf_addstr(&line, cells[x]);
	/* The verdict in what is left of the width. */
	if (c->width > l->x0 + l->length + 1) {
		buf_addc(&line, ' ');
		put_fit(c, &line, short_verdict(r), c->width - l->x0 - l->length - 1, 0);
	}
	emit(&line);
	buf_free(&line);
}

/* --compact: per continuum a line with its number, name and poles, then
 * a line a row: five continua of four rows fit a 100 by 30 window. */
static void
draw_compact(struct chart *c)
{
	const char **cells = xcalloc(c->width + 1, sizeof(*cells));
	struct figures_order order;
	struct buf rounds = { 0 }, line = { 0 }, name = { 0 };
	struct layout l;
	size_t k, i;

	figures_order(&c->table, c->q->ncontinua, 1, &order);
	for (k = 0; k < c->q->ncontinua; k++) {
		const struct continuum *cont = &c->q->continua[k];
		const size_t *rows = order.rows + order.start[k];
		size_t n = order.start[k + 1] - order.start[k], wl, wr, room;
		const struct figures_row *before = NULL;
		int several;

		if (n == 0)
			continue;
		rounds_of(c, rows, n, &rounds);
		several = strchr(rounds.data, ',') != NULL;
		/* A gutter at any width, and room at the end of each line for
		 * the verdict, the longest "gepolariseerd". */
		layout_of(c, cont->nanchors, &l);
		l.gutter = c->width >= 60 ? 12 : c->width / 4;
		l.x0 = l.gutter + 1;
		room = c->width - l.x0 > 3 * 15 ? 15 : (c->width - l.x0) / 3;
		l.length = c->width - l.x0 - room;
		if (l.length > 101)
			l.length = 101;
		buf_reset(&line);
		buf_reset(&name);
		buf_printf(&name, "%zu %s", k + 1, cont->name);
		put_fit(c, &line, name.data, l.gutter > 1 ? l.gutter - 1 : c->width, l.x0);
		buf_reset(&name);
		put_text(c, &name, cont->left);
		wl = utf8_width(name.data, name.len);
		buf_reset(&name);
		put_text(c, &name, cont->right);
		wr = utf8_width(name.data, name.len);
		/* The poles at the line's ends where both fit, else the left,
		 * cut to the width. */
		if (wl + 1 + wr <= l.length) {
			put_text(c, &line, cont->left);
			buf_printf(&line, "%*s%s", (int)(l.length - wl - wr), "", name.data);
		} else
			put_fit(c, &line, cont->left, c->width - l.x0, 0);
		emit(&line);
		for (i = 0; i < n; i++) {
			const struct figures_row *r = &c->table.rows[rows[i]];

			if (before != NULL && strcmp(before->group, r->group) != 0)
				before = NULL;
			compact_row(c, &l, r, before != NULL && drawn(before) ? before : NULL,
			    several ? 2 : 1, cells);
			before = r;
		}
	}
	figures_order_free(&order);
	buf_free(&rounds);
	buf_free(&line);
	buf_free(&name);
	free(cells);
}

enum { OPT_ASCII = 256, OPT_COLOR, OPT_COMPACT, OPT_SVG, OPT_VERSION };

/* --color: auto is colour on a terminal; never with NO_COLOR set, or on
 * a dumb terminal, or in ASCII (chart(1)). */
static int
color_of(const char *when, int ascii)
{
	static const char *const whens[] = { "auto", "always", "never" };
	const char *term = getenv("TERM");
	size_t i;

	for (i = 0; i < 3 && strcmp(when, whens[i]) != 0; i++)
		;
	if (i == 3) {
		diag_warn(tr("--color '%s' is not auto, always or never",
		    "--color '%s' is niet auto, always of never"), when);
		option_usage(usage_text);
	}
	if (i == 2 || ascii || !term_wants_color() || (term != NULL && strcmp(term, "dumb") == 0))
		return 0;
	return i == 1 || isatty(STDOUT_FILENO);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "ascii", no_argument, NULL, OPT_ASCII },
		{ "color", required_argument, NULL, OPT_COLOR },
		{ "compact", no_argument, NULL, OPT_COMPACT },
		{ "help", no_argument, NULL, 'h' },
		{ "svg", no_argument, NULL, OPT_SVG },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct chart c;
	struct questionnaire q;
	const char *qfile = NULL, *width = NULL, *when = "auto";
	int ch, i, svg = 0, lang_given = 0;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	memset(&c, 0, sizeof(c));
	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(argc, argv, OPTIONS_PREFIX "L:hq:w:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); lang_given = 1; break;
		case 'h': help(); break;
		case 'q': qfile = optarg; break;
		case 'w': width = optarg; break;
		case OPT_ASCII: c.ascii = 1; break;
		case OPT_COLOR: when = optarg; break;
		case OPT_COMPACT: c.compact = 1; break;
		case OPT_SVG: svg = 1; break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, argv, usage_text);
		}
	}
	argc -= optind;
	argv += optind;
	if (svg && c.ascii)
		option_usage(usage_text);
	/* For --svg the width is pixels, and the terminal has no say. */
	if (svg)
		c.width = width == NULL ? SVG_WIDTH : (size_t)option_number(width,
		    SVG_WIDTH_MIN, SVG_WIDTH_MAX, "-w", usage_text);
	else
		c.width = option_width(width, usage_text);
	c.g = c.ascii ? &ascii_glyphs : &utf8_glyphs;
	c.color = color_of(when, c.ascii);
	snprintf(c.median_colored, sizeof(c.median_colored), "\033[1;36m%s\033[0m", c.g->median);
	questionnaire_choose(&q, qfile);
	/* A questionnaire in Dutch is drawn in Dutch words, unless -L says
	 * otherwise: the words sit beside its own. */
	if (!lang_given && qfile != NULL && lang_parse(q.lang) >= 0)
		lang_current = (enum lang)lang_parse(q.lang);
	c.q = &q;
	if (argc == 0)
		figures_read(&c.table, c.q, "-");
	for (i = 0; i < argc; i++)
		figures_read(&c.table, c.q, argv[i]);
	if (svg) {
		if (svg_write(stdout, &q, &c.table, (int)c.width) < 0) {
			diag_warn("%s", lang_strerror(errno));
			c.trouble = 1;
		}
	} else if (c.compact)
		draw_compact(&c);
	else
		draw(&c);
	if (output_close_stdout() < 0 || c.table.trouble)
		c.trouble = 1;
	if (c.table.bad)
		c.bad = 1;
	figures_table_free(&c.table);
	questionnaire_free(&q);
	return c.trouble ? EXIT_TROUBLE : c.bad ? EXIT_BADINPUT : EXIT_OK;
}
