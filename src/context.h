/*
 * context: what recommend must know of the organisation that no position
 * can tell it (stance-context(5)): whether the employer is private or
 * public, about how many people work there, and whether staff work with
 * clients.  The law that applies, and the bodies that have a say, depend
 * on them.  Read from a small file, so that a cron line need not repeat
 * them, and from options, which win.
 */
#ifndef STANCE_CONTEXT_H
#define STANCE_CONTEXT_H

#include <stdio.h>

enum context_employer { EMPLOYER_UNKNOWN, EMPLOYER_PRIVATE, EMPLOYER_PUBLIC };

/* The most people an organisation is taken to have: more is a typo. */
#define CONTEXT_STAFF_MAX 1000000L

struct context {
	char *name;			/* the organisation's, or NULL */
	enum context_employer employer;
	long staff;			/* -1: not given */
	int client_work;		/* 1 unless said otherwise: the worksheet is for social work */
};

void context_init(struct context *c);
/* Read a context file ("-": standard input) into c; the number of
 * mistakes reported (file:line), each value that is wrong left as it was. */
int context_load(struct context *c, const char *path);
int context_read(struct context *c, FILE *fp, const char *name);

/* A value as an option or a file gives it: 0, or -1 if it is not one. */
int context_employer(const char *s, enum context_employer *e);
int context_staff(const char *s, long *staff);
int context_yes_no(const char *s, int *yes);

const char *context_employer_name(enum context_employer e);
void context_free(struct context *c);

#endif
