/*
 * digestcheck: SHA-256 and HMAC-SHA-256 (src/sha256.c) on standard
 * input, in hexadecimal, for tests/sign.bats to compare with the
 * published vectors.  Never installed.
 *
 *   digestcheck sha256          the digest of standard input
 *   digestcheck hmac KEYHEX     its HMAC under the key, given in hex
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"

static int
unhex(const char *s, unsigned char *out, size_t *n)
{
	size_t i, len = strlen(s);
	unsigned int byte;

	if (len % 2 != 0)
		return -1;
	for (i = 0; i < len / 2; i++) {
		if (sscanf(s + 2 * i, "%2x", &byte) != 1)
			return -1;
		out[i] = (unsigned char)byte;
	}
	*n = len / 2;
	return 0;
}

int
main(int argc, char **argv)
{
	static unsigned char data[1 << 21], key[1024];
	unsigned char mac[SHA256_BYTES];
	size_t n = 0, key_len = 0, got, i;
	const void *parts[1];

	if (argc < 2 || (strcmp(argv[1], "hmac") == 0 && (argc != 3 ||
	    strlen(argv[2]) > 2 * sizeof(key) || unhex(argv[2], key, &key_len) < 0))) {
		fputs("usage: digestcheck sha256 | hmac keyhex\n", stderr);
		return 2;
	}
	while ((got = fread(data + n, 1, sizeof(data) - n, stdin)) > 0)
		n += got;
	if (n == sizeof(data)) {
		fputs("digestcheck: input too long\n", stderr);
		return 2;
	}
	parts[0] = data;
	if (strcmp(argv[1], "sha256") == 0)
		sha256(data, n, mac);
	else
		hmac_sha256(key, key_len, parts, &n, 1, mac);
	for (i = 0; i < SHA256_BYTES; i++)
		printf("%02x", mac[i]);
	putchar('\n');
	return ferror(stdout) || fclose(stdout) != 0 ? 2 : 0;
}
