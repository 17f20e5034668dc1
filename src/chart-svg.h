/*
 * chart-svg: chart --svg, one self-contained SVG document: text as text,
 * no fonts, scripts, images or styles from outside, a title and a
 * description for screen readers, groups side by side.
 */
#ifndef STANCE_CHART_SVG_H
#define STANCE_CHART_SVG_H

#include <stddef.h>
#include <stdio.h>

#include "figures.h"
#include "questionnaire.h"

/* Its geometry, which the tests check in a browser: a panel's line runs
 * from x to x + SVG_LINE_WIDTH(panel width). */
#define SVG_WIDTH 680		/* pixels: a column of A4 text, or a web page */
#define SVG_WIDTH_MIN 320	/* the narrowest phone */
#define SVG_WIDTH_MAX 4000
#define SVG_MARGIN 20
#define SVG_GAP 16

/* Write the table's rows (in aggregate's order) of the questionnaire's
 * continua.  Returns 0, or -1 with errno set when it could not be drawn. */
int svg_write(FILE *fp, const struct questionnaire *q, const struct figures_table *t, int width);

#endif
