/*
 * token: the ids of stance-responses(5) (round, participant, group,
 * continuum) and what makes one.
 */
#ifndef STANCE_TOKEN_H
#define STANCE_TOKEN_H

#include <stddef.h>

/*
 * A token (round, participant, group, continuum): 1-64 bytes of UTF-8 with
 * no white space, no control characters and no invisible characters.  Returns NULL if s is one, else
 * what is wrong, in words for a diagnostic.
 */
#define TOKEN_MAX 64
const char *token_problem(const char *s, size_t n);

/*
 * A group is a token other than "*", which stands for everyone in
 * stance-aggregate(5) and in --partial files: a group of that name would
 * be counted as the whole round, and twice by --merge.
 */
#define TOKEN_EVERYONE "*"
const char *token_group_problem(const char *s, size_t n);

#endif
