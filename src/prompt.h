/*
 * prompt: ask's line-by-line mode, for screen readers and terminals that
 * cannot draw (TERM=dumb, or --plain).
 */
#ifndef STANCE_PROMPT_H
#define STANCE_PROMPT_H

#include <stdio.h>

#include "answer.h"
#include "questionnaire.h"

/* Questions to out, answers read from in, editing answers in place.
 * Returns ANSWERS_CONFIRMED or ANSWERS_QUIT. */
int prompt_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, FILE *in, FILE *out);

#endif
