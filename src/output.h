/*
 * output: getting results out whole, or saying loudly that they did not.
 */
#ifndef STANCE_OUTPUT_H
#define STANCE_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

/* Called first by every program: writes report their errors. */
void output_init(void);

/*
 * Flush and close fp, reporting a write error (a full disk, a closed
 * pipe, the file size limit) with the stream's name, as sbase's fshut():
 * every output ends here.  Returns 0, or -1 after reporting.
 */
int output_close(FILE *fp, const char *name);

/*
 * Flush and close standard output, reporting a write error (a full disk,
 * a closed pipe).  Returns 0, or -1 after reporting.
 */
int output_close_stdout(void);

/*
 * Append data[0..len) to the file at path as one unit:
 *   - under an exclusive flock(2), which readers of the file honour too;
 *   - after a newline if the file does not end in one (a torn line left
 *     by someone else must not swallow ours);
 *   - in one write(2); if that fails or is short, the file is truncated
 *     back to its old size, so nothing half-written remains;
 *   - a new file is created with mode 0600 (answers are personal);
 *   - a symbolic link is refused, so the file cannot be redirected;
 *   - so is anything but a regular file (a FIFO would swallow the lines).
 * Returns 0, or -1 after reporting what went wrong.
 */
int output_append(const char *path, const char *data, size_t len);

/*
 * Open path for appending as output_append does (created 0600, no
 * symbolic link, a regular file only), for a caller that writes more
 * than once (collect --rejects).  *readable says whether the file could
 * be opened for reading too.  Returns the descriptor, or -1 after
 * reporting.
 */
int output_open_append(const char *path, int *readable);

/*
 * Replace the file at path with data[0..len), whole: written to a new
 * file beside it (mode 0600) and renamed over it, so that a reader sees
 * the old file or the new one, never half of one (collect --status-file,
 * read by remind on the same cron line).  A symbolic link or anything
 * but a regular file at path is refused.  Returns 0, or -1 after
 * reporting.
 */
int output_replace(const char *path, const char *data, size_t len);

#endif
