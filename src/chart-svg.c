/*
 * chart --svg: the terminal's picture as a figure.  Per continuum one
 * line across the whole width, its pole labels at its ends and its
 * statements numbered under the question; every row (everyone, each
 * group, each round) stacked under it on the same x scale, so that the
 * same position lands on the same column in every row: bars with their
 * counts, the middle half, the median, the words.  A group's rounds
 * stand together, the earlier median hollow with an arrow to the later;
 * a split row is drawn by its camps, its median dim; hidden rows are
 * named in one line under the block.  Below SVG_PHONE units the labels
 * go above the rows and the text grows, so that a phone reads it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "chart-svg.h"
#include "lang.h"
#include "position.h"
#include "utf8.h"
#include "wrap.h"

/* Okabe and Ito's palette: apart for colour-blind eyes, and apart in
 * grey too; every meaning is also a shape or a place, for black and
 * white print. */
#define BAR_COLOUR "#0072B2"
#define MEDIAN_COLOUR "#D55E00"
#define DIM "#767676"
#define DIM_FILL "#c8c8c8"
#define INK "#000000"

/* Sizes in units of the viewBox: 12 on a 600-unit figure is 9 pt on A4. */
struct geometry {
	int width;
	int phone;
	double text, heading;	/* font sizes */
	double x0, x1;		/* the line */
	double gutter;		/* the labels' column, 0 on a phone */
	double bars;		/* the tallest bar */
};

static void
geometry_of(int width, struct geometry *g)
{
	g->width = width;
	g->phone = width < SVG_PHONE;
	g->text = g->phone ? 14 : 12;
	g->heading = g->phone ? 16 : 14;
	g->gutter = g->phone ? 0 : (double)width * 0.22;
	/* Room at each end for half a bar and its count. */
	g->x0 = SVG_MARGIN + g->gutter + 12;
	g->x1 = width - SVG_MARGIN - 12;
	g->bars = g->phone ? 36 : 40;
}

/* Characters of text that fit in w units at size: 0.6 em each, since C
 * cannot measure glyphs. */
static size_t
columns(double w, double size)
{
	size_t n = (size_t)(w / (0.6 * size));

	return n > 8 ? n : 8;
}

static double
x_of(const struct geometry *g, double points)
{
	return g->x0 + (g->x1 - g->x0) * points / 100.0;
}

/* Text content, escaped for XML; a byte XML 1.0 forbids is dropped. */
static void
put_xml(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				fputc(*s, fp);
		}
	}
}

static void
text(FILE *fp, double x, double y, double size, const char *attributes, const char *s)
{
	fprintf(fp, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"%.0f\"%s%s>", x, y, size,
	    *attributes ? " " : "", attributes);
	put_xml(fp, s);
	fputs("</text>\n", fp);
}

/* Wrapped text, a line per <text>, its first baseline at y; returns the
 * y under it. */
static double
text_block(FILE *fp, double x, double y, double w, double size, const char *attributes,
    const char *s)
{
	struct buf lines = { 0 };
	char *p, *end;

	wrap_text(&lines, s, columns(w, size), 0, 0);
	for (p = lines.data; p != NULL; p = end ? end + 1 : NULL) {
		if ((end = strchr(p, '\n')) != NULL)
			*end = '\0';
		text(fp, x, y, size, attributes, p);
		y += size * 1.3;
	}
	buf_free(&lines);
	return y;
}

/* Where a bin stands, for a bar's title: "at statement 2", "between
 * statements 1 and 2". */
static void
put_bin(struct buf *b, size_t bin)
{
	if (bin % 2 == 0)
		buf_printf(b, tr("at statement %zu", "bij uitspraak %zu"), bin / 2 + 1);
	else
		buf_printf(b, tr("between statements %zu and %zu", "tussen uitspraak %zu en %zu"),
		    bin / 2 + 1, bin / 2 + 2);
}

static const char *
group_name(const struct figures_row *r)
{
	return strcmp(r->group, "*") == 0 ? tr("everyone", "iedereen") : r->group;
}

/* A triangle pointing up, its tip at (x, y), outlined: filled with
 * colour, or hollow (white) for the round before. */
static void
triangle(FILE *fp, const char *class, double x, double y, const char *fill, const char *outline)
{
	fprintf(fp, "<path class=\"%s\" data-x=\"%.1f\" d=\"M%.1f %.0fl-7 12h14z\" fill=\"%s\" "
	    "stroke=\"%s\" stroke-width=\"1.5\"/>\n", class, x, x, y, fill, outline);
}

/* The bars of a row, a count over each: one person is never nothing. */
static void
bars(FILE *fp, const struct geometry *g, const struct figures_row *r, double scale, double base)
{
	double step = (g->x1 - g->x0) / (double)(r->nbins > 1 ? r->nbins - 1 : 1);
	double bw = step * 0.8 > 16 ? 16 : step * 0.8;
	struct buf title = { 0 };
	char count[32];
	size_t j;

	for (j = 0; j < r->nbins; j++) {
		double h = (double)r->profile[j] / (double)r->n / scale * g->bars;
		double cx = g->x0 + step * (double)j;

		if (r->profile[j] == 0)
			continue;
		if (h < 2)
			h = 2;	/* one person is never nothing */
		buf_reset(&title);
		buf_printf(&title, tr("%s: %llu of %llu ", "%s: %llu van %llu "), group_name(r),
		    (unsigned long long)r->profile[j], (unsigned long long)r->n);
		put_bin(&title, j);
		fprintf(fp, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		    "fill=\"" BAR_COLOUR "\"><title>", cx - bw / 2, base - h, bw, h);
		put_xml(fp, title.data);
		fputs("</title></rect>\n", fp);
		snprintf(count, sizeof(count), "%llu", (unsigned long long)r->profile[j]);
		text(fp, cx, base - h - 3, g->text - 1, "text-anchor=\"middle\" class=\"count\"", count);
	}
	buf_free(&title);
}

/*
 * One row, its band's top at y: the label, the bars, the line, the
 * middle half, the median (dim, with the camps, for a split row), the
 * earlier round's median, the words.  Returns the y under it.
 */
static double
row(FILE *fp, const struct geometry *g, const struct figures_row *r, const struct continuum *k,
    double scale, const struct figures_row *before, int rounds, double y)
{
	struct figures_camp camp[STATS_MAX_CAMPS];
	struct buf label = { 0 }, words = { 0 };
	double base, mid, lx = SVG_MARGIN;
	size_t i, ncamps = verdict_table[r->verdict].split ? figures_camps(r, camp) : 0;

	if (rounds)
		buf_printf(&label, "%s \xc2\xb7 ", r->round);
	buf_addstr(&label, group_name(r));
	fprintf(fp, "<g class=\"row\" role=\"group\" aria-label=\"");
	put_xml(fp, label.data);
	fputs("\">\n", fp);
	if (g->phone) {
		text(fp, lx, y + g->text, g->text, "font-weight=\"bold\"", label.data);
		y += g->text * 1.4;
	} else
		text_block(fp, lx, y + g->bars + 2, g->gutter, g->text, "font-weight=\"bold\"", label.data);
	base = y + g->text + g->bars;
	bars(fp, g, r, scale, base);
	fprintf(fp, "<line class=\"scale\" x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"" INK
	    "\" stroke-width=\"1\"/>\n", g->x0, base, g->x1, base);
	mid = base + 6;
	fprintf(fp, "<line class=\"middle-half\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"" INK
	    "\" stroke-width=\"4\"/>\n", x_of(g, r->q1), mid, x_of(g, r->q3), mid);
	if (before != NULL) {
		/* Where this group stood the round before, and the move. */
		triangle(fp, "earlier", x_of(g, before->median), mid + 4, "#ffffff", INK);
		if (fabs(before->median - r->median) >= 3)
			fprintf(fp, "<path class=\"move\" d=\"M%.1f %.0fH%.1f\" stroke=\"" INK
			    "\" stroke-width=\"2\"/>\n"
			    "<path d=\"M%.1f %.0fl%d -4v8z\" fill=\"" INK "\"/>\n",
			    x_of(g, before->median), mid + 22, x_of(g, r->median),
			    x_of(g, r->median), mid + 22, r->median > before->median ? -7 : 7);
	}
	/* A split room's median is nobody's position: grey, the camps loud.
	 * (Hollow is the round before's, and only that.) */
	triangle(fp, "median", x_of(g, r->median), mid + 4, ncamps < 2 ? MEDIAN_COLOUR : DIM_FILL,
	    ncamps < 2 ? INK : DIM);
	for (i = 0; ncamps >= 2 && i < ncamps; i++)
		fprintf(fp, "<path class=\"camp\" d=\"M%.1f %.0fl7 7-7 7-7-7z\" fill=\"" MEDIAN_COLOUR
		    "\" stroke=\"" INK "\" stroke-width=\"1.5\"/>\n", x_of(g, camp[i].median), mid + 2);
	figures_put_words(&words, r, k);
	y = text_block(fp, g->phone ? SVG_MARGIN : g->x0 - 12, mid + 30 + (before ? 8 : 0),
	    g->phone ? g->width - 2 * SVG_MARGIN : g->x1 - g->x0 + 24, g->text, "fill=\"#333333\"",
	    words.data);
	fputs("</g>\n", fp);
	buf_free(&label);
	buf_free(&words);
	return y + 6;
}

static int
drawn(const struct figures_row *r, const struct continuum *k)
{
	return r->have_quartiles && r->nbins == 2 * k->nanchors - 1 &&
	    verdict_table[r->verdict].figures;
}

/* The largest share of any bin among a continuum's rows. */
static double
scale_of(const struct figures_row *const *rows, size_t n)
{
	double largest = 0;
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; rows[i]->n > 0 && j < rows[i]->nbins; j++)
			if ((double)rows[i]->profile[j] / (double)rows[i]->n > largest)
				largest = (double)rows[i]->profile[j] / (double)rows[i]->n;
	return largest > 0 ? largest : 1;
}

/* The question, its statements numbered, the poles at the line's ends
 * and the statements' numbers on it; returns the y under it. */
static double
header(FILE *fp, const struct geometry *g, const struct continuum *k, size_t number, double y)
{
	double inner = g->width - 2 * SVG_MARGIN, half = (g->x1 - g->x0) / 2, yl, yr;
	struct buf s = { 0 };
	size_t i;

	buf_printf(&s, "%zu %s", number, k->question);
	y = text_block(fp, SVG_MARGIN, y + g->heading, inner, g->heading, "font-weight=\"bold\"", s.data);
	for (i = 0; i < k->nanchors; i++) {
		buf_reset(&s);
		buf_printf(&s, "%zu  %s", i + 1, k->anchors[i]);
		y = text_block(fp, SVG_MARGIN, y + 2, inner, g->text, "fill=\"#333333\" class=\"statement\"", s.data);
	}
	/* The poles at the ends, each wrapped within its half. */
	y += 6;
	yl = text_block(fp, g->x0 - 8, y + g->text, half - 8, g->text, "font-weight=\"bold\"", k->left);
	buf_reset(&s);
	wrap_text(&s, k->right, columns(half - 8, g->text), 0, 0);
	{
		char *p, *end;

		yr = y + g->text;
		for (p = s.data; p != NULL; p = end ? end + 1 : NULL) {
			if ((end = strchr(p, '\n')) != NULL)
				*end = '\0';
			text(fp, g->x1 + 8, yr, g->text, "font-weight=\"bold\" text-anchor=\"end\"", p);
			yr += g->text * 1.3;
		}
	}
	y = (yl > yr ? yl : yr) + 4;
	fprintf(fp, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"" INK "\" stroke-width=\"2\"/>\n",
	    g->x0, y, g->x1, y);
	for (i = 1; i <= k->nanchors; i++) {
		double ax = g->x0 + (g->x1 - g->x0) * anchor_position(k->nanchors, i) / (double)POSITION_MAX;
		char n[16];

		fprintf(fp, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"" INK "\" stroke-width=\"2\"/>\n",
		    ax, y - 5, ax, y + 5);
		snprintf(n, sizeof(n), "%zu", i);
		text(fp, ax, y + 5 + g->text, g->text, "text-anchor=\"middle\" class=\"number\"", n);
	}
	buf_free(&s);
	return y + 5 + g->text + 6;
}

/* The rows not drawn, in one line: hidden ones, and ones with too few
 * answers to draw. */
static double
not_shown(FILE *fp, const struct geometry *g, const struct figures_row *const *rows, size_t n,
    const struct continuum *k, int rounds, double y)
{
	struct buf hidden = { 0 }, withheld = { 0 }, few = { 0 }, line = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		struct buf *to = rows[i]->verdict == VERDICT_SUPPRESSED ? &hidden :
		    rows[i]->verdict == VERDICT_WITHHELD ? &withheld : &few;

		if (drawn(rows[i], k))
			continue;
		buf_addstr(to, to->len ? ", " : "");
		if (rounds)
			buf_printf(to, "%s ", rows[i]->round);
		buf_addstr(to, group_name(rows[i]));
	}
	if (hidden.len > 0)
		buf_printf(&line, tr("Not shown, too few answers to keep them anonymous: %s.",
		    "Niet getoond, te weinig antwoorden om ze anoniem te houden: %s."), hidden.data);
	if (withheld.len > 0)
		buf_printf(&line, tr("%sNot shown, so that a smaller group cannot be worked out: %s.",
		    "%sNiet getoond, zodat een kleinere groep niet te achterhalen is: %s."),
		    line.len ? " " : "", withheld.data);
	if (few.len > 0)
		buf_printf(&line, tr("%sToo few answers to draw: %s.", "%sTe weinig antwoorden om te tekenen: %s."),
		    line.len ? " " : "", few.data);
	if (line.len > 0)
		y = text_block(fp, SVG_MARGIN, y + g->text, g->width - 2 * SVG_MARGIN, g->text,
		    "class=\"not-shown\"", line.data);
	buf_free(&hidden);
	buf_free(&withheld);
	buf_free(&few);
	buf_free(&line);
	return y;
}

/* A continuum's block, its rows in the order given (a group's rounds
 * together); the words of each row into desc. */
static double
block(FILE *fp, const struct geometry *g, const struct continuum *k, size_t number,
    const struct figures_row *const *rows, size_t n, double y, struct buf *desc)
{
	double scale = scale_of(rows, n);
	const struct figures_row *before = NULL;
	size_t i;
	int rounds = 0;

	for (i = 1; i < n; i++)
		rounds |= strcmp(rows[i]->round, rows[0]->round) != 0;
	fprintf(fp, "<g class=\"continuum\">\n");
	y = header(fp, g, k, number, y);
	buf_printf(desc, "%s%zu %s.", desc->len ? "\n" : "", number, k->name);
	for (i = 0; i < n; i++) {
		const struct figures_row *r = rows[i];

		if (before != NULL && strcmp(before->group, r->group) != 0)
			before = NULL;
		buf_printf(desc, " %s%s%s: ", rounds ? r->round : "", rounds ? " " : "", group_name(r));
		figures_put_words(desc, r, k);
		buf_addc(desc, '.');
		if (drawn(r, k)) {
			y = row(fp, g, r, k, scale, before != NULL && drawn(before, k) ? before : NULL,
			    rounds, y);
			before = r;
		}
	}
	y = not_shown(fp, g, rows, n, k, rounds, y);
	fputs("</g>\n", fp);
	return y + 18;
}

/* What the marks mean, once at the top, each mark then its words, on as
 * many lines as the width needs. */
enum mark { MARK_BAR, MARK_HALF, MARK_MEDIAN, MARK_CAMP, MARK_EARLIER };

static void
mark(FILE *fp, enum mark m, double x, double y)
{
	switch (m) {
	case MARK_BAR:
		fprintf(fp, "<rect x=\"%.0f\" y=\"%.0f\" width=\"10\" height=\"12\" fill=\"" BAR_COLOUR "\"/>\n",
		    x + 2, y - 11);
		break;
	case MARK_HALF:
		fprintf(fp, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"" INK "\" stroke-width=\"4\"/>\n",
		    x, y - 4, x + 14, y - 4);
		break;
	case MARK_MEDIAN:
		triangle(fp, "key", x + 7, y - 11, MEDIAN_COLOUR, INK);
		break;
	case MARK_CAMP:
		fprintf(fp, "<path d=\"M%.0f %.0fl7 7-7 7-7-7z\" fill=\"" MEDIAN_COLOUR "\" stroke=\"" INK
		    "\" stroke-width=\"1.5\"/>\n", x + 7, y - 12);
		break;
	case MARK_EARLIER:
		triangle(fp, "key", x + 7, y - 11, "#ffffff", INK);
		break;
	}
}

static double
legend(FILE *fp, const struct geometry *g, int rounds, double y)
{
	static const struct {
		enum mark mark;
		const char *en, *nl;
	} keys[] = {
		{ MARK_BAR, "how many stand there", "hoeveel mensen daar staan" },
		{ MARK_HALF, "middle half", "middelste helft" },
		{ MARK_MEDIAN, "median", "mediaan" },
		{ MARK_CAMP, "camp", "kamp" },
		{ MARK_EARLIER, "median of the round before", "mediaan van de ronde ervoor" },
	};
	double x = SVG_MARGIN, w;
	size_t i, n = sizeof(keys) / sizeof(keys[0]) - !rounds;

	y += g->text + 4;
	fputs("<g class=\"legend\">\n", fp);
	for (i = 0; i < n; i++) {
		const char *words = tr(keys[i].en, keys[i].nl);

		w = 20 + 0.6 * g->text * (double)utf8_width(words, strlen(words)) + 14;
		if (x > SVG_MARGIN && x + w > g->width - SVG_MARGIN) {
			x = SVG_MARGIN;
			y += g->text * 1.5;
		}
		mark(fp, keys[i].mark, x, y);
		text(fp, x + 20, y, g->text, "", words);
		x += w;
	}
	fputs("</g>\n", fp);
	return y + 12;
}

int
svg_write(FILE *fp, const struct questionnaire *q, const struct figures_table *t, int width)
{
	const struct figures_row **sorted = xcalloc(t->n + 1, sizeof(*sorted));
	struct figures_order order;
	struct geometry g;
	struct buf desc = { 0 };
	double y = SVG_MARGIN;
	char *body = NULL;
	size_t len = 0, k, i;
	int rounds = 0;
	FILE *mem;

	/* The height is known at the end: the body is drawn first. */
	if ((mem = open_memstream(&body, &len)) == NULL) {
		free(sorted);
		return -1;
	}
	geometry_of(width, &g);
	figures_order(t, q->ncontinua, 1, &order);
	for (i = 0; i < t->n; i++) {
		sorted[i] = &t->rows[order.rows[i]];
		rounds |= strcmp(t->rows[i].round, t->rows[0].round) != 0;
	}
	y = legend(mem, &g, rounds, y);
	for (k = 0; k < q->ncontinua; k++)
		if (order.start[k + 1] > order.start[k])
			y = block(mem, &g, &q->continua[k], k + 1, sorted + order.start[k],
			    order.start[k + 1] - order.start[k], y, &desc);
	figures_order_free(&order);
	free(sorted);
	if (ferror(mem) | fclose(mem)) {
		free(body);
		buf_free(&desc);
		return -1;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\" style=\"max-width:100%%;height:auto\" role=\"img\" "
	    "aria-labelledby=\"title desc\" lang=\"%s\" font-family=\"system-ui, -apple-system, "
	    "'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif\">\n",
	    width, (int)ceil(y), width, (int)ceil(y), lang_current == LANG_NL ? "nl" : "en");
	fputs("<title id=\"title\">", fp);
	put_xml(fp, q->title);
	fputs("</title>\n<desc id=\"desc\">", fp);
	put_xml(fp, desc.data != NULL ? desc.data : "");
	fputs("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n", fp);
	fwrite(body, 1, len, fp);
	fputs("</svg>\n", fp);
	free(body);
	buf_free(&desc);
	/* A write that failed is said once, when standard output is closed. */
	return 0;
}
