/*
 * chart-svg: chart --svg, one self-contained SVG document: text as text,
 * no fonts, scripts, images or styles from outside, a title and a
 * description holding the words of every row; per continuum one line
 * across the width with every row stacked under it on the same scale.
 */
#ifndef STANCE_CHART_SVG_H
#define STANCE_CHART_SVG_H

#include <stddef.h>
#include <stdio.h>

#include "figures.h"
#include "questionnaire.h"

/* Its geometry, which the tests check in a browser. */
#define SVG_WIDTH 600		/* units: A4's text block, 158.75 mm, where 12 is 9 pt */
#define SVG_WIDTH_MIN 320	/* the narrowest phone */
#define SVG_WIDTH_MAX 4000
#define SVG_PHONE 480		/* narrower: labels above the rows, larger text */
#define SVG_MARGIN 16

/* Write the table's rows (in aggregate's order) of the questionnaire's
 * continua.  Returns 0, or -1 with errno set when it could not be drawn. */
int svg_write(FILE *fp, const struct questionnaire *q, const struct figures_table *t, int width);

#endif
