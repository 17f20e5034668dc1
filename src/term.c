/* SIGWINCH and struct winsize are not in POSIX but are on every system
 * with a terminal worth drawing on. */
#define _DEFAULT_SOURCE

#include <sys/ioctl.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "buf.h"
#include "position.h"
#include "term.h"

size_t
terminal_width(int fd)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

int
term_wants_color(void)
{
	const char *no_color = getenv("NO_COLOR");

	return no_color == NULL || *no_color == '\0';
}

int
term_wants_utf8(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	const char *locale = NULL;
	size_t i;

	/* The first of these that is set says it, as setlocale() reads them. */
	for (i = 0; i < sizeof(vars) / sizeof(vars[0]) && (locale == NULL || *locale == '\0'); i++)
		locale = getenv(vars[i]);
	return locale != NULL && (strstr(locale, "UTF-8") || strstr(locale, "utf8") ||
	    strstr(locale, "utf-8") || strstr(locale, "UTF8"));
}

/* Signals arrive as bytes on a pipe (the self-pipe trick), so the loop
 * that waits for keys sees them and restores the terminal first. */
static int signal_pipe[2] = { -1, -1 };
static volatile sig_atomic_t pending_stop, pending_suspend, pending_resize;

/* Every signal that stops the program and can be caught. */
static const int caught[] = {
	SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE,
	SIGVTALRM, SIGPROF, SIGXCPU, SIGTSTP, SIGWINCH, SIGCONT,
};

/* Signals of a fault, where no loop can go on: the handler itself gives
 * the terminal back, with async-signal-safe calls only, and dies. */
static const int faults[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGTRAP, SIGSYS };

static int fault_fd = -1;
static struct termios fault_saved;

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define RESTORE_SEQUENCE "\033[?2004l\033[0m\033[?25h\033[?1049l"

static void
on_signal(int sig)
{
	int saved = errno;

	if (sig == SIGTSTP)
		pending_suspend = 1;
	else if (sig == SIGWINCH)
		pending_resize = 1;
	else if (sig != SIGCONT)
		pending_stop = sig;
	if (write(signal_pipe[1], "", 1) < 0) {
		/* The pipe is full: a wake-up is already waiting. */
	}
	errno = saved;
}

static void
on_fault(int sig)
{
	if (fault_fd >= 0) {
		if (write(fault_fd, RESTORE_SEQUENCE, sizeof(RESTORE_SEQUENCE) - 1) < 0) {
			/* Nothing more can be done about it here. */
		}
		tcsetattr(fault_fd, TCSAFLUSH, &fault_saved);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
signals_catch(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NELEM(caught); i++)
		sigaction(caught[i], &sa, NULL);
	sa.sa_handler = on_fault;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < NELEM(faults); i++)
		sigaction(faults[i], &sa, NULL);
}

static void
signals_default(void)
{
	size_t i;

	for (i = 0; i < NELEM(caught); i++)
		signal(caught[i], SIG_DFL);
	for (i = 0; i < NELEM(faults); i++)
		signal(faults[i], SIG_DFL);
	fault_fd = -1;
}

void
term_write(struct term *t, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(t->fd, s, n)) < 0) {
			if (errno == EINTR)
				continue;
			return;	/* the terminal is gone; nothing to show it on */
		}
		s += w;
		n -= (size_t)w;
	}
}

void
term_size(struct term *t)
{
	struct winsize ws;

	t->width = 80;
	t->height = 24;
	if (ioctl(t->fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		t->width = ws.ws_col;
		if (ws.ws_row > 0)
			t->height = ws.ws_row;
	}
	if (t->width < 30)
		t->width = 30;
}

static int
raw_mode(struct term *t)
{
	struct termios raw = t->saved;

	/* Keep ISIG: Ctrl-C and Ctrl-Z arrive as signals, handled above. */
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN);
	raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(t->fd, TCSAFLUSH, &raw) < 0)
		return -1;
	fault_saved = t->saved;
	fault_fd = t->fd;
	/* The alternate screen keeps the person's scrollback as it was;
	 * bracketed paste marks pasted text, so that its letters are not
	 * taken for keys (the "q" of a pasted "quarter" would quit). */
	term_write(t, "\033[?1049h\033[?25l\033[?2004h", 22);
	return 0;
}

static void
restore(struct term *t)
{
	term_write(t, RESTORE_SEQUENCE, sizeof(RESTORE_SEQUENCE) - 1);
	tcsetattr(t->fd, TCSAFLUSH, &t->saved);
}

int
term_open(struct term *t, int fd)
{
	memset(t, 0, sizeof(*t));
	t->fd = fd;
	t->color = term_wants_color();
	t->utf8 = term_wants_utf8();
	if (tcgetattr(fd, &t->saved) < 0 || pipe(signal_pipe) < 0)
		return -1;
	fcntl(signal_pipe[0], F_SETFL, O_NONBLOCK);
	fcntl(signal_pipe[1], F_SETFL, O_NONBLOCK);
	signals_catch();
	term_size(t);
	return raw_mode(t);
}

void
term_close(struct term *t)
{
	restore(t);
	signals_default();
	close(signal_pipe[0]);
	close(signal_pipe[1]);
	signal_pipe[0] = signal_pipe[1] = -1;
}

int
term_suspend(struct term *t)
{
	pending_suspend = 0;
	restore(t);
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	/* Resumed: the shell may have changed the settings meanwhile. */
	signals_catch();
	if (tcgetattr(t->fd, &t->saved) < 0 || raw_mode(t) < 0)
		return -1;
	pending_resize = 1;
	return 0;
}

int
term_read_byte(struct term *t, int timeout)
{
	struct pollfd fds[2] = { { t->fd, POLLIN, 0 }, { signal_pipe[0], POLLIN, 0 } };
	unsigned char c;
	int n;

	while ((n = poll(fds, 2, timeout)) < 0)
		if (errno != EINTR)
			return -1;
	if (n == 0)
		return -1;
	if (fds[1].revents & POLLIN) {
		char drain[16];

		while (read(signal_pipe[0], drain, sizeof(drain)) > 0)
			;
		return -2;
	}
	if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR)) || read(t->fd, &c, 1) != 1)
		return -1;
	return c;
}

int
term_stopped(void)
{
	return pending_stop;
}

int
term_suspend_pending(void)
{
	return pending_suspend;
}

int
term_resize_pending(void)
{
	int resize = pending_resize;

	pending_resize = 0;
	return resize;
}

int
term_column(int position, int length)
{
	return (position * (length - 1) + POSITION_MAX / 2) / POSITION_MAX;
}

void
term_line(struct buf *out, const struct term *t, int length, const int *ticks,
    size_t nticks, const int *marks, size_t nmarks)
{
	const char *rule = t->utf8 ? "\xe2\x94\x80" : "-";
	const char *tick = t->utf8 ? "\xe2\x94\xbc" : "+";
	const char *mark = t->utf8 ? "\xe2\x97\x8f" : "O";
	int i;
	size_t k;

	for (i = 0; i < length; i++) {
		const char *glyph = rule;
		int marked = 0;

		for (k = 0; k < nmarks; k++)
			marked |= marks[k] >= 0 && term_column(marks[k], length) == i;
		for (k = 0; k < nticks && !marked; k++)
			if (term_column(ticks[k], length) == i)
				glyph = tick;
		if (marked) {
			buf_addstr(out, t->color ? "\033[1;36m" : "\033[1m");
			buf_addstr(out, mark);
			buf_addstr(out, "\033[0m");
		} else {
			buf_addstr(out, glyph);
		}
	}
}
