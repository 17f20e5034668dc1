#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "diag.h"
#include "key.h"
#include "lang.h"
#include "sha256.h"

int
key_load(struct key *k, const char *path)
{
	unsigned char buf[KEY_MAX + 1];
	struct stat st;
	ssize_t got;
	size_t n = 0;
	int fd;

	memset(k, 0, sizeof(*k));
	if (path == NULL && ((path = getenv("STANCE_KEY_FILE")) == NULL || *path == '\0'))
		return 0;
	if ((fd = open(path, O_RDONLY | O_NONBLOCK)) < 0) {
		diag_warn(tr("key file %s: %s", "sleutelbestand %s: %s"), path, lang_strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		diag_warn(tr("key file %s: not a regular file", "sleutelbestand %s: geen gewoon bestand"), path);
		close(fd);
		return -1;
	}
	/* A secret others can read is no secret; one they can write lets
	 * them sign forms. */
	if (st.st_uid != geteuid()) {
		diag_warn(tr("key file %s belongs to user %ld, not to you; whoever owns it can change it and sign forms",
		    "sleutelbestand %s is van gebruiker %ld, niet van jou; wie het bezit, kan het veranderen en formulieren ondertekenen"),
		    path, (long)st.st_uid);
		close(fd);
		return -1;
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		diag_warn(tr("key file %s can be read or written by others (mode %04o); make it yours alone: chmod 600 %s",
		    "sleutelbestand %s kan door anderen gelezen of geschreven worden (modus %04o); maak het van jou alleen: chmod 600 %s"),
		    path, (unsigned)(st.st_mode & 07777), path);
		close(fd);
		return -1;
	}
	while (n <= KEY_MAX && (got = read(fd, buf + n, sizeof(buf) - n)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			diag_warn(tr("key file %s: %s", "sleutelbestand %s: %s"), path, lang_strerror(errno));
			close(fd);
			return -1;
		}
		n += (size_t)got;
	}
	close(fd);
	if (n > 0 && buf[n - 1] == '\n')
		n--;
	if (n > 0 && buf[n - 1] == '\r')
		n--;
	if (n == 0 || n > KEY_MAX) {
		diag_warn(n == 0 ? tr("key file %s is empty", "sleutelbestand %s is leeg") :
		    tr("key file %s is larger than 4096 bytes", "sleutelbestand %s is groter dan 4096 bytes"), path);
		memset(buf, 0, sizeof(buf));
		return -1;
	}
	/* A short key can be guessed by trying them all. */
	if (n < KEY_MIN) {
		diag_warn(tr("key file %s holds %zu bytes; a key needs at least %d: make one with umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > %s",
		    "sleutelbestand %s bevat %zu bytes; een sleutel heeft er minstens %d nodig: maak er een met umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \\n' > %s"),
		    path, n, KEY_MIN, path);
		memset(buf, 0, sizeof(buf));
		return -1;
	}
	k->bytes = xmalloc(n);
	memcpy(k->bytes, buf, n);
	k->len = n;
	k->path = xstrdup(path);
	memset(buf, 0, sizeof(buf));
	return 1;
}

void
key_free(struct key *k)
{
	if (k->bytes != NULL)
		memset(k->bytes, 0, k->len);
	free(k->bytes);
	free(k->path);
	memset(k, 0, sizeof(*k));
}

void
key_token(const struct key *k, const char *id, const char *round, const char *participant,
    const char *group, char out[KEY_TOKEN_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	const char *fields[4] = { id, round, participant, group };
	const void *parts[8];
	size_t len[8], i;
	unsigned char mac[SHA256_BYTES];

	for (i = 0; i < 4; i++) {
		parts[2 * i] = fields[i];
		len[2 * i] = strlen(fields[i]);
		parts[2 * i + 1] = "\n";
		len[2 * i + 1] = 1;
	}
	hmac_sha256(k->bytes, k->len, parts, len, 8, mac);
	for (i = 0; i < SHA256_BYTES; i++) {
		out[2 * i] = hex[mac[i] >> 4];
		out[2 * i + 1] = hex[mac[i] & 15];
	}
	out[KEY_TOKEN_LEN] = '\0';
}

int
key_token_matches(const struct key *k, const char *id, const char *round,
    const char *participant, const char *group, const char *given)
{
	char right[KEY_TOKEN_LEN + 1];
	unsigned char diff = 0;
	size_t i, n = strlen(given);

	key_token(k, id, round, participant, group, right);
	/* Every byte is looked at whatever the first difference; only the
	 * length, which is public, may end it early. */
	if (n != KEY_TOKEN_LEN)
		return 0;
	for (i = 0; i < KEY_TOKEN_LEN; i++) {
		unsigned char c = (unsigned char)given[i];

		if (c >= 'A' && c <= 'F')	/* hex in capitals is the same */
			c += 'a' - 'A';
		diff |= (unsigned char)(right[i] ^ c);
	}
	return diff == 0;
}
