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
#define SVG_WIDTH 680
#define SVG_MARGIN 20
#define SVG_GAP 16

/* Write the rows (in aggregate's order) of the questionnaire's continua. */
void svg_write(FILE *fp, const struct questionnaire *q, const struct figures_row *rows,
    size_t nrows);

#endif
