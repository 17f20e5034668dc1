/*
 * ask.h: what ask.c shares with its two interactive front ends, the
 * terminal slider (slider.c) and the line-by-line prompts (prompt.c).
 */
#ifndef STANCE_ASK_H
#define STANCE_ASK_H

#include <stdio.h>

#include "answer.h"
#include "questionnaire.h"

/* What an interactive session ended with: confirmed answers, the person
 * quit, or a signal number (SIGINT, SIGTERM, SIGHUP) to die of. */
#define ASK_CONFIRMED	0
#define ASK_QUIT	(-1)

/* The full-screen slider on the terminal at tty_fd. */
int slider_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, int tty_fd);
/* Plain prompts: questions to `out`, answers read from `in`. */
int prompt_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, FILE *in, FILE *out);

#endif
