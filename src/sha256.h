/*
 * sha256: SHA-256 (FIPS 180-4) and HMAC-SHA-256 (FIPS 198-1, RFC 2104),
 * with libc alone, for the tokens that sign forms.  Tested against the
 * published vectors: FIPS 180-4's examples and RFC 4231's test cases.
 */
#ifndef STANCE_SHA256_H
#define STANCE_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_BYTES 32
#define SHA256_BLOCK 64

struct sha256 {
	uint32_t h[8];
	uint64_t length;		/* bytes hashed so far */
	unsigned char block[SHA256_BLOCK];
	size_t used;			/* bytes waiting in block */
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t n);
void sha256_end(struct sha256 *s, unsigned char digest[SHA256_BYTES]);
void sha256(const void *data, size_t n, unsigned char digest[SHA256_BYTES]);

/* HMAC-SHA-256 of the n parts parts[i][0..len[i]), one message. */
void hmac_sha256(const void *key, size_t key_len, const void *const *parts,
    const size_t *len, size_t n, unsigned char mac[SHA256_BYTES]);

#endif
