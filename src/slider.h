/*
 * slider: ask's full-screen mode, the paper worksheet on a terminal: each
 * continuum a line with its statements along it and a marker to move.
 */
#ifndef STANCE_SLIDER_H
#define STANCE_SLIDER_H

#include "answer.h"
#include "questionnaire.h"

/*
 * Put the continua to the person at the terminal tty_fd, editing answers
 * in place.  Returns ANSWERS_CONFIRMED, ANSWERS_QUIT, or the number of a
 * signal to die of once the terminal is restored.
 */
int slider_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, int tty_fd);

#endif
