/*
 * key: the facilitator's secret key (--key FILE, or STANCE_KEY_FILE) and
 * the token it signs each form with, so that collect can refuse answers
 * nobody was sent: stance-token is HMAC-SHA-256 under the key of the
 * questionnaire id, round, participant and group, each followed by a
 * newline (none of them can hold one), in lowercase hexadecimal.
 */
#ifndef STANCE_KEY_H
#define STANCE_KEY_H

#include <stddef.h>

#include "sha256.h"

#define KEY_TOKEN_LEN (2 * SHA256_BYTES)
#define KEY_MAX 4096		/* a key file is a secret, not a document */
#define KEY_MIN 16		/* 128 bits, as hex digits from urandom give twice over */

struct key {
	unsigned char *bytes;
	size_t len;
	char *path;
};

/*
 * Load the key from path, else from STANCE_KEY_FILE.  Returns 1 with the
 * key, 0 when neither names one, or -1 after saying why the file was
 * refused: unreadable, not a regular file, shorter than KEY_MIN or
 * larger than KEY_MAX, owned by another user, or readable or writable by
 * anyone but its owner.  One newline at the
 * end is not part of the key, so that an editor's does not change it.
 */
int key_load(struct key *k, const char *path);
void key_free(struct key *k);

/* The token of a form, KEY_TOKEN_LEN hex digits and a NUL, into out. */
void key_token(const struct key *k, const char *id, const char *round,
    const char *participant, const char *group, char out[KEY_TOKEN_LEN + 1]);

/* Whether given is the form's token, compared in constant time: how
 * much of it is right says nothing to someone forging one. */
int key_token_matches(const struct key *k, const char *id, const char *round,
    const char *participant, const char *group, const char *given);

#endif
