#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "lang.h"
#include "output.h"

void
output_init(void)
{
	/* Past the file size limit (ulimit -f) a write then fails with
	 * EFBIG, which is reported, instead of the signal killing the
	 * program without a word. */
	signal(SIGXFSZ, SIG_IGN);
}

int
output_close(FILE *fp, const char *name)
{
	/* fflush catches a full disk; fclose catches what NFS reports late. */
	if (fflush(fp) != 0 || ferror(fp) || fclose(fp) != 0) {
		if (name == NULL)
			diag_warn(tr("write error on standard output: %s",
			    "schrijffout op standaarduitvoer: %s"), lang_strerror(errno));
		else
			diag_warn(tr("%s: write error: %s", "%s: schrijffout: %s"), name,
			    lang_strerror(errno));
		return -1;
	}
	return 0;
}

int
output_close_stdout(void)
{
	return output_close(stdout, NULL);
}

static int
fail(const char *path, const char *what)
{
	diag_warn("%s: %s: %s", path, what, lang_strerror(errno));
	return -1;
}

int
output_open_append(const char *path, int *readable)
{
	struct stat st;
	int fd;

	/* Read access is for looking at the last byte; a file one may
	 * only write to still gets the lines, without that check.
	 * O_NONBLOCK: opening a FIFO must not wait for a reader. */
	*readable = 1;
	fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
	if (fd < 0 && errno == EACCES) {
		fd = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
		*readable = 0;
	}
	if (fd < 0) {
		if (errno == ELOOP) {
			diag_warn(tr("%s: is a symbolic link; refusing to write through it",
			    "%s: is een symbolische koppeling; ask schrijft niet via een symbolische koppeling"), path);
			return -1;
		}
		return fail(path, tr("cannot open", "kan niet openen"));
	}
	if (fstat(fd, &st) < 0) {
		fail(path, "fstat");
		close(fd);
		return -1;
	}
	/* A FIFO or a device would take the answers and keep nothing. */
	if (!S_ISREG(st.st_mode)) {
		diag_warn(tr("%s: is not a regular file; answers are only appended to a file",
		    "%s: is geen gewoon bestand; antwoorden worden alleen aan een bestand toegevoegd"), path);
		close(fd);
		return -1;
	}
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) < 0) {
		fail(path, "fcntl");
		close(fd);
		return -1;
	}
	return fd;
}

/* Lock the file and look at its end: 0 with its size, and *torn set if it
 * ends without a newline (someone's cut line, which ours must not join);
 * -1 after reporting. */
static int
lock_and_look(int fd, const char *path, int readable, struct stat *st, int *torn)
{
	char last;

	*torn = 0;
	while (flock(fd, LOCK_EX) < 0)
		if (errno != EINTR)
			return fail(path, tr("cannot lock", "kan niet vergrendelen"));
	if (fstat(fd, st) < 0)
		return fail(path, "fstat");
	/* A file one may only write to still gets the lines, unlooked at. */
	if (readable && st->st_size > 0) {
		if (pread(fd, &last, 1, st->st_size - 1) != 1)
			return fail(path, tr("cannot read", "kan niet lezen"));
		*torn = last != '\n';
	}
	return 0;
}

/* One write; if it fails or is short, the file is cut back to its old
 * size, so that nothing half-written stays. */
static int
write_or_take_back(int fd, const char *path, off_t size, const char *out, size_t outlen)
{
	ssize_t written;
	int saved;

	do
		written = write(fd, out, outlen);
	while (written < 0 && errno == EINTR);
	if (written >= 0 && (size_t)written == outlen)
		return 0;
	saved = errno;
	if (ftruncate(fd, size) < 0)
		diag_warn(tr("%s: cannot truncate back to %lld bytes: %s",
		    "%s: kan niet terugkorten tot %lld bytes: %s"),
		    path, (long long)size, lang_strerror(errno));
	if (written < 0)
		diag_warn(tr("%s: write error: %s; nothing written",
		    "%s: schrijffout: %s; niets geschreven"), path, lang_strerror(saved));
	else
		diag_warn(tr("%s: only %zd of %zu bytes could be written (file size limit?); nothing written",
		    "%s: slechts %zd van %zu bytes konden geschreven worden (limiet op bestandsgrootte?); niets geschreven"),
		    path, written, outlen);
	return -1;
}

int
output_append(const char *path, const char *data, size_t len)
{
	struct stat st;
	char *joined = NULL;
	int fd, readable, torn, result;

	if ((fd = output_open_append(path, &readable)) < 0)
		return -1;
	if (lock_and_look(fd, path, readable, &st, &torn) < 0) {
		close(fd);
		return -1;
	}
	if (torn) {
		joined = xmalloc(len + 1);
		joined[0] = '\n';
		memcpy(joined + 1, data, len);
	}
	result = write_or_take_back(fd, path, st.st_size, torn ? joined : data, len + (size_t)torn);
	free(joined);
	if (close(fd) < 0 && result == 0)
		return fail(path, tr("write error", "schrijffout"));
	return result;
}

int
output_replace(const char *path, const char *data, size_t len)
{
	struct buf temporary = { 0 };
	const char *slash = strrchr(path, '/');
	struct stat st;
	ssize_t wrote = 0;
	size_t done = 0;
	int fd;

	/* A regular file or none: renaming over a link would replace the
	 * link, over a device (/dev/null) the device itself. */
	if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag_warn("%s: %s", path, S_ISLNK(st.st_mode) ?
		    tr("is a symbolic link; not replaced", "is een symbolische koppeling; niet vervangen") :
		    tr("is not a regular file; not replaced", "is geen gewoon bestand; niet vervangen"));
		return -1;
	}
	/* Beside it, so that rename(2) replaces it in one step. */
	if (slash != NULL)
		buf_printf(&temporary, "%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
	else
		buf_printf(&temporary, ".%s.XXXXXX", path);
	if ((fd = mkstemp(temporary.data)) < 0) {
		diag_warn("%s: %s", temporary.data, lang_strerror(errno));
		buf_free(&temporary);
		return -1;
	}
	while (done < len && (wrote = write(fd, data + done, len - done)) > 0)
		done += (size_t)wrote;
	if (done < len || close(fd) < 0 || rename(temporary.data, path) < 0) {
		diag_warn("%s: %s", path, wrote == 0 ? tr("write error", "schrijffout") :
		    lang_strerror(errno));
		if (done < len)
			close(fd);
		unlink(temporary.data);
		buf_free(&temporary);
		return -1;
	}
	buf_free(&temporary);
	return 0;
}
