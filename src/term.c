/* TIOCGWINSZ and struct winsize are not in POSIX but are on every system
 * with a terminal worth drawing on. */
#define _DEFAULT_SOURCE

#include <sys/ioctl.h>

#include "term.h"

size_t
terminal_width(int fd)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}
