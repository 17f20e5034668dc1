/*
 * meeting: ask --web --meeting, a live session in a room.  The
 * facilitator shows one short address (and a QR code of it); opening it
 * gives each phone its own signed link, anonymously or under the name
 * typed, kept in a cookie so that opening the address again is the same
 * person; a results page for the projector redraws chart --svg of the
 * answers so far every few seconds, small groups kept private by
 * aggregate itself.
 */
#ifndef STANCE_MEETING_H
#define STANCE_MEETING_H

#include "request.h"
#include "web.h"

/* Whether the request is the meeting's rather than a person's link: the
 * address itself, its results, its QR code. */
int meeting_wants(const struct web *w, const struct request *r);

/* Answer it; returns as web_run() does. */
int meeting_run(const struct web *w, const struct request *r, int post);

#endif
