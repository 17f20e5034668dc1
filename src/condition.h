/*
 * condition: the "when:" language of stance-rules(5).  A condition
 * compares columns of stance-aggregate(5), of the rule's own continuum
 * ("median <= 30") or of any continuum ("legal.median >= 70"), with
 * numbers, verdicts or each other, joined by and, or, not and
 * parentheses; "always" is true.  A figure that is not there ("-") makes
 * its comparison unknown, and unknown stays unknown through not, and and
 * or (Kleene's logic): a rule fires only on true, so a suppressed or
 * too-few row never sets off advice it cannot support.  Only "= unknown"
 * and "!= unknown" ask whether a figure is there, and are never unknown
 * themselves: advice that depends on what was not said can say so.
 * Besides a continuum's columns, a condition may name the organisation's:
 * employer (private or public), staff (a number) and client-work (yes or no).
 */
#ifndef STANCE_CONDITION_H
#define STANCE_CONDITION_H

#include "buf.h"

/* The columns a condition may name: the numbers of a row, and its verdict. */
enum condition_column {
	COND_N, COND_ABSTAIN, COND_MEAN, COND_SD, COND_MIN, COND_Q1, COND_MEDIAN,
	COND_Q3, COND_MAX, COND_IQR, COND_CONSENSUS, COND_AGREEMENT, COND_ANCHOR,
	COND_VERDICT,
	/* The organisation's, not a continuum's (recommend's context). */
	COND_EMPLOYER, COND_STAFF, COND_CLIENT_WORK,
	COND_NCOLUMNS
};

/* Whether a column belongs to the organisation rather than a continuum. */
#define COND_CONTEXT(column) ((column) >= COND_EMPLOYER)

enum condition_truth { COND_FALSE, COND_TRUE, COND_UNKNOWN };

/* A value looked up for a condition: a number, or for a column of words
 * (verdict, employer, client-work) its word ("polarised", "public", "yes"). */
struct condition_value {
	double number;
	const char *word;
};

/*
 * Where the values come from: continuum is NULL for the rule's own (and
 * for the organisation's columns).  Returns 0 with *v set, or -1 when the
 * figure is not there.
 */
typedef int condition_lookup(void *context, const char *continuum,
    enum condition_column column, struct condition_value *v);

struct condition;

/*
 * Compile text.  own: whether bare column names have a continuum to
 * belong to.  Returns the condition, or NULL with what is wrong in *why.
 * The continua named are for the caller to check (condition_continuum).
 */
struct condition *condition_parse(const char *text, int own, struct buf *why);
enum condition_truth condition_eval(const struct condition *c, condition_lookup *lookup,
    void *context);
/* The i-th continuum the condition names, in order, or NULL after the last. */
const char *condition_continuum(const struct condition *c, size_t i);
void condition_free(struct condition *c);

const char *condition_column_name(enum condition_column column);

#endif
