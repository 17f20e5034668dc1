#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "alloc.h"
#include "chart-svg.h"
#include "lang.h"
#include "position.h"
#include "wrap.h"

/* Paul Tol's colour-blind safe blue for the bars, a vermilion for the
 * median, which is also a shape of its own, so black-and-white print
 * keeps them apart. */
#define BAR_COLOUR "#4477aa"
#define MEDIAN_COLOUR "#cc3311"
#define INK "#222222"

#define PANEL_MIN 150
#define BARS_HEIGHT 48
#define LINE_INSET 12

/* Text content, escaped for XML. */
static void
put_xml(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		default: fputc(*s, fp);
		}
	}
}

static void
text(FILE *fp, double x, double y, const char *attributes, const char *s)
{
	fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" %s>", x, y, attributes);
	put_xml(fp, s);
	fputs("</text>\n", fp);
}

/* Wrapped text, a line per <text>; returns the y below it. */
static double
text_block(FILE *fp, double x, double y, size_t columns, const char *attributes,
    const char *s, double leading)
{
	struct buf lines = { 0 };
	char *p, *end;

	wrap_text(&lines, s, columns, 0, 0);
	for (p = lines.data; p != NULL; p = end ? end + 1 : NULL) {
		end = strchr(p, '\n');
		if (end)
			*end = '\0';
		text(fp, x, y, attributes, p);
		y += leading;
	}
	buf_free(&lines);
	return y;
}

/* One row's panel, its top left at (x, y), w wide; returns its height. */
static double
panel(FILE *fp, const struct figures_row *r, const struct continuum *k, double scale,
    double x, double y, double w)
{
	double lx0 = x + LINE_INSET, lw = w - 2 * LINE_INSET, base = y + 20 + BARS_HEIGHT;
	/* Bars at most 14 wide: half of one still stands on the line's end. */
	double bw = lw / (double)(2 * (r->nbins > 1 ? r->nbins - 1 : 1)) * 0.8;
	struct buf words = { 0 };
	size_t j;

	text(fp, x, y + 12, "font-weight=\"bold\" font-size=\"12\"",
	    strcmp(r->group, "*") == 0 ? tr("everyone", "iedereen") : r->group);
	if (r->nbins == 0 || !r->have_quartiles || !verdict_table[r->verdict].figures) {
		/* A hidden row never says how small its group is. */
		if (r->verdict != VERDICT_SUPPRESSED)
			buf_printf(&words, "n %llu \xc2\xb7 ", (unsigned long long)r->n);
		figures_put_verdict(&words, r, k);
		text_block(fp, x, y + 30, (size_t)(w / 6), "font-size=\"10\"", words.data, 13);
		buf_free(&words);
		return 56;
	}
	/* Bars, the share of the row, on the continuum's one scale. */
	for (j = 0; j < r->nbins; j++) {
		double h = (double)r->profile[j] / (double)r->n / scale * BARS_HEIGHT;
		double cx = lx0 + lw * (double)j / (double)(r->nbins - 1);

		if (r->profile[j] == 0)
			continue;
		if (h < 1.5)
			h = 1.5;	/* one person is never nothing */
		fprintf(fp, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"" BAR_COLOUR "\"/>\n",
		    cx - (bw > 14 ? 14 : bw) / 2, base - h, bw > 14 ? 14 : bw, h);
	}
	/* The line, the statements on it, the middle half and the median. */
	fprintf(fp, "<line class=\"scale\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" INK "\" stroke-width=\"1.5\"/>\n",
	    lx0, base, lx0 + lw, base);
	for (j = 1; j <= k->nanchors; j++) {
		double ax = lx0 + lw * anchor_position(k->nanchors, j) / (double)POSITION_MAX;
		char n[16];

		fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" INK "\"/>\n",
		    ax, base - 4, ax, base + 4);
		snprintf(n, sizeof(n), "%zu", j);
		text(fp, ax, base + 15, "font-size=\"9\" text-anchor=\"middle\"", n);
	}
	fprintf(fp, "<line class=\"middle-half\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"" INK "\" stroke-width=\"3\"/>\n",
	    lx0 + lw * r->q1 / 100, base + 22, lx0 + lw * r->q3 / 100, base + 22);
	fprintf(fp, "<path class=\"median\" data-x=\"%.1f\" d=\"M%.1f %.1fl-6 10h12z\" fill=\"" MEDIAN_COLOUR "\"/>\n",
	    lx0 + lw * r->median / 100, lx0 + lw * r->median / 100, base + 17);
	figures_put_words(&words, r, k);
	y = text_block(fp, x, base + 44, (size_t)(w / 5.5), "font-size=\"10\"", words.data, 13);
	buf_free(&words);
	return y - (base - 20 - BARS_HEIGHT) + 4;
}

/* The largest share of any bin among a continuum's rows. */
static double
scale_of(const struct figures_row *const *rows, size_t n)
{
	double largest = 0;
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (rows[i]->n == 0)
			continue;
		for (j = 0; j < rows[i]->nbins; j++)
			if ((double)rows[i]->profile[j] / (double)rows[i]->n > largest)
				largest = (double)rows[i]->profile[j] / (double)rows[i]->n;
	}
	return largest > 0 ? largest : 1;
}

/* A continuum: its question, its poles, and the rows side by side. */
static double
continuum_block(FILE *fp, const struct continuum *k, size_t number,
    const struct figures_row *const *rows, size_t n, double y, int width)
{
	double inner = width - 2 * SVG_MARGIN, scale = scale_of(rows, n);
	size_t i, per_line, col = 0;
	double pw, tallest = 0, h;
	char heading[512];

	if (n == 0)
		return y;
	snprintf(heading, sizeof(heading), "%zu %s", number, k->question);
	/* At most about 8 pixels a character in bold 13, 6 in 10: wrapped to
	 * the width, so that a phone's figure is not cut off. */
	y = text_block(fp, SVG_MARGIN, y + 14, (size_t)(inner / 8), "font-weight=\"bold\" font-size=\"13\"", heading, 17);
	snprintf(heading, sizeof(heading), tr("from %s (1) to %s (%zu)", "van %s (1) tot %s (%zu)"),
	    k->left, k->right, k->nanchors);
	y = text_block(fp, SVG_MARGIN, y, (size_t)(inner / 6), "font-size=\"10\" fill=\"#555555\"", heading, 14);
	per_line = (size_t)((inner + SVG_GAP) / (PANEL_MIN + SVG_GAP));
	if (per_line == 0)
		per_line = 1;
	if (per_line > n)
		per_line = n;
	pw = (inner - SVG_GAP * (double)(per_line - 1)) / (double)per_line;
	for (i = 0; i < n; i++) {
		h = panel(fp, rows[i], k, scale, SVG_MARGIN + (double)col * (pw + SVG_GAP), y, pw);
		tallest = h > tallest ? h : tallest;
		if (++col == per_line) {
			col = 0;
			y += tallest + 8;
			tallest = 0;
		}
	}
	return y + tallest + 18;
}

int
svg_write(FILE *fp, const struct questionnaire *q, const struct figures_table *t, int width)
{
	const struct figures_row **sorted = xcalloc(t->n + 1, sizeof(*sorted));
	struct figures_order order;
	double y = SVG_MARGIN;
	char *body = NULL;
	size_t len = 0, k, i;
	FILE *mem;

	/* The height is known at the end: the body is drawn first. */
	if ((mem = open_memstream(&body, &len)) == NULL) {
		free(sorted);
		return -1;
	}
	figures_order(t, q->ncontinua, 0, &order);
	for (i = 0; i < t->n; i++)
		sorted[i] = &t->rows[order.rows[i]];
	for (k = 0; k < q->ncontinua; k++)
		y = continuum_block(mem, &q->continua[k], k + 1, sorted + order.start[k],
		    order.start[k + 1] - order.start[k], y, width);
	figures_order_free(&order);
	free(sorted);
	if (ferror(mem) | fclose(mem)) {
		free(body);
		return -1;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	    "viewBox=\"0 0 %d %d\" role=\"img\" font-family=\"sans-serif\">\n",
	    width, (int)(y + 0.5), width, (int)(y + 0.5));
	fputs("<title>", fp);
	put_xml(fp, q->title);
	fputs("</title>\n<desc>", fp);
	put_xml(fp, tr("Where the group stands on each continuum: per group, how many stand where (bars), the median (triangle) and the middle half (thick line).",
	    "Waar de groep staat op elk continuum: per groep hoeveel mensen waar staan (staafjes), de mediaan (driehoek) en de middelste helft (dikke lijn)."));
	fputs("</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n", fp);
	fwrite(body, 1, len, fp);
	fputs("</svg>\n", fp);
	free(body);
	return 0;
}
