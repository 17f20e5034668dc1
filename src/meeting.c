/*
 * meeting: a live session.  See meeting.h.
 *
 * Who joins gets a link of their own, signed as remind's are, so that
 * from then on everything is the signed-link page of web.c; the cookie
 * only remembers that link, and counts only when its token matches.
 * Anonymously, the participant is "anon-" and 16 random hex digits; under
 * a name, the name typed (blanks as hyphens), so that anyone in the room
 * can answer as anyone: the facilitator's choice, for colleagues.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "html.h"
#include "intern.h"
#include "key.h"
#include "lang.h"
#include "lines.h"
#include "meeting.h"
#include "output.h"
#include "qr.h"
#include "response.h"
#include "timestamp.h"
#include "token.h"
#include "web.h"
#include "webpage.h"

#define COOKIE "stance"
#define RESULTS_REFRESH 5	/* seconds between two pictures of the room */

int
meeting_wants(const struct web *w, const struct request *r)
{
	return w->meeting != MEETING_NONE && (request_get(r, "p") == NULL ||
	    request_get(r, "results") != NULL || request_get(r, "qr") != NULL);
}

/* ---- Who joins. ---- */

/* The link of participant in the meeting's round and group, signed. */
static void
link_of(const struct web *w, struct link *l, const char *participant, char token[KEY_TOKEN_LEN + 1])
{
	key_token(w->key, w->q->id, w->round, participant, w->group, token);
	l->round = w->round;
	l->participant = participant;
	l->group = w->group;
	l->token = token;
}

/* The cookie's participant, if its token is theirs: "participant.token". */
static char *
cookie_participant(const struct web *w)
{
	char *value = request_cookie(getenv("HTTP_COOKIE"), COOKIE), *dot, *participant = NULL;
	size_t n = value != NULL ? strlen(value) : 0;
	struct request decoded = { 0 };
	struct buf pair = { 0 };
	const char *who;

	if (value == NULL || n <= KEY_TOKEN_LEN + 1 || *(dot = value + n - KEY_TOKEN_LEN - 1) != '.') {
		free(value);
		return NULL;
	}
	*dot = '\0';
	/* The participant is percent-encoded there: a cookie is ASCII. */
	buf_printf(&pair, "p=%s", value);
	if (request_parse(&decoded, pair.data, pair.len) == NULL && (who = request_get(&decoded, "p")) != NULL &&
	    token_problem(who, strlen(who)) == NULL &&
	    key_token_matches(w->key, w->q->id, w->round, who, w->group, dot + 1))
		participant = xstrdup(who);
	request_free(&decoded);
	buf_free(&pair);
	free(value);
	return participant;
}

/* A script's path as the server gives it, safe in a header and a link. */
static int
script_plain(const char *script)
{
	return script != NULL && *script == '/' && strlen(script) <= 100 &&
	    strspn(script, "abcdefghijklmnopqrstuvwxyz" "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./-_~") ==
	    strlen(script);
}

/* The header that keeps who this is, for this script only, not for
 * scripts, not across sites, over HTTPS only where it came so. */
static void
cookie_header(struct buf *out, const struct link *l)
{
	const char *script = getenv("SCRIPT_NAME"), *https = getenv("HTTPS");

	/* A cookie is ASCII: the participant percent-encoded. */
	buf_addstr(out, "Set-Cookie: " COOKIE "=");
	html_url_encode(out, l->participant);
	buf_printf(out, ".%s; Path=%s", l->token, script_plain(script) ? script : "/");
	buf_printf(out, "; Max-Age=86400; HttpOnly; SameSite=Strict%s\r\n",
	    https != NULL && strcmp(https, "on") == 0 ? "; Secure" : "");
}

/* "anon-" and 16 hex digits from the kernel's random bytes, or NULL. */
static char *
anonymous_participant(void)
{
	unsigned char bytes[8];
	char *id = xmalloc(5 + 16 + 1);
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC), i;

	if (fd < 0 || read(fd, bytes, sizeof(bytes)) != (ssize_t)sizeof(bytes)) {
		if (fd >= 0)
			close(fd);
		free(id);
		return NULL;
	}
	close(fd);
	strcpy(id, "anon-");
	for (i = 0; i < 8; i++)
		snprintf(id + 5 + 2 * i, 3, "%02x", bytes[i]);
	return id;
}

/* A name as typed, blanks as hyphens, if it can be a participant. */
static char *
named_participant(const char *name)
{
	char *id = xstrdup(name), *p, *start = id;
	size_t n;

	while (*start == ' ')
		start++;
	n = strlen(start);
	while (n > 0 && start[n - 1] == ' ')
		start[--n] = '\0';
	for (p = start; *p != '\0'; p++)
		if (*p == ' ')
			*p = '-';
	memmove(id, start, n + 1);
	if (n == 0 || token_problem(id, n) != NULL) {
		free(id);
		return NULL;
	}
	return id;
}

/* Under a name: the field to type it in, and why, if a name was refused. */
static int
name_page(const struct web *w, const char *problem)
{
	struct webpage p = { .status = problem != NULL ? 400 : 200,
	    .reason = problem != NULL ? "Bad Request" : "OK", .title = w->q->title };

	buf_addstr(&p.body, "<h1>");
	html_escape(&p.body, w->q->title);
	buf_addstr(&p.body, "</h1>\n");
	if (problem != NULL) {
		buf_addstr(&p.body, "<p class=\"problem\">");
		html_escape(&p.body, problem);
		buf_addstr(&p.body, "</p>\n");
	}
	buf_printf(&p.body, "<form method=\"post\">\n<label>%s <input type=\"text\" name=\"name\" maxlength=\"64\" autocomplete=\"name\" required></label>\n"
	    "<button type=\"submit\">%s</button>\n</form>\n",
	    tr("Your name, as the others know you:", "Je naam, zoals de anderen je kennen:"),
	    tr("Start", "Beginnen"));
	return webpage_send(&p);
}

/* The address: its questions for whoever the cookie says, else for a
 * new person, anonymous or named. */
static int
join(const struct web *w, const struct request *r, int post)
{
	char token[KEY_TOKEN_LEN + 1], *participant = cookie_participant(w);
	struct web_entry entry = { NULL, 1 };
	struct buf cookie = { 0 };
	struct link l;
	int result;

	if (participant == NULL && w->meeting == MEETING_ANONYMOUS &&
	    (participant = anonymous_participant()) == NULL)
		return webpage_say(500, "Internal Server Error", tr("Not now", "Nu niet"),
		    tr("No one can join just now; please try again in a moment.",
		    "Niemand kan er nu bij; probeer het zo meteen opnieuw."));
	if (participant == NULL) {
		const char *name = post ? request_get(r, "name") : NULL;

		if (name == NULL)
			return name_page(w, NULL);
		if ((participant = named_participant(name)) == NULL)
			return name_page(w, tr("A name is 1 to 64 bytes of text: choose another.",
			    "Een naam is 1 tot 64 bytes tekst: kies een andere."));
	}
	link_of(w, &l, participant, token);
	cookie_header(&cookie, &l);
	entry.cookie = cookie.data;
	result = web_questions(w, &l, &entry);
	buf_free(&cookie);
	free(participant);
	return result;
}

/* ---- The room's picture. ---- */

/* A stance program beside this one: "/usr/bin/stance-ask" gives
 * "/usr/bin/stance-chart" (an install's prefix kept); "ask", "chart". */
static char *
sibling(const char *self, const char *program)
{
	const char *base = strrchr(self, '/');
	size_t dir = base != NULL ? (size_t)(base + 1 - self) : 0, n = strlen(self + dir);
	struct buf path = { 0 };

	buf_add(&path, self, dir);
	if (n >= 3 && strcmp(self + dir + n - 3, "ask") == 0)
		buf_add(&path, self + dir, n - 3);
	buf_addstr(&path, program);
	return path.data;
}

static void
spawn(char *const argv[], int in, int out)
{
	if (in != STDIN_FILENO && dup2(in, STDIN_FILENO) < 0)
		_exit(127);
	if (dup2(out, STDOUT_FILENO) < 0)
		_exit(127);
	if (strchr(argv[0], '/') != NULL)
		execv(argv[0], argv);
	else
		execvp(argv[0], argv);
	_exit(127);
}

/* The meeting's round of the answers file, into fd, then closed. */
static void
round_lines(const struct web *w, int fd)
{
	struct response r;
	struct lines in;
	struct buf out = { 0 };
	ssize_t n;
	size_t done = 0;

	if (lines_open(&in, w->outfile) == 0) {
		while ((n = lines_next(&in)) >= 0) {
			char *copy = xstrndup(in.line, (size_t)n);
			int ours = response_parse(copy, (size_t)n, &r) == NULL &&
			    strcmp(r.round, w->round) == 0;

			free(copy);
			if (ours) {
				buf_add(&out, in.line, (size_t)n);
				buf_addc(&out, '\n');
			}
		}
		lines_close(&in);
	}
	while (done < out.len && (n = write(fd, out.data + done, out.len - done)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		done += (size_t)n;
	}
	close(fd);
	buf_free(&out);
}

/*
 * The round's lines | aggregate | chart --svg, into out: no shell, no
 * word of the request.  Returns 0, or -1 when either could not run or
 * failed.
 */
static int
room_svg(const struct web *w, struct buf *out)
{
	char *aggregate = sibling(w->self, "aggregate"), *chart = sibling(w->self, "chart");
	char *a_argv[] = { aggregate, NULL };
	char *c_argv[] = { chart, "--svg", "-L", lang_current == LANG_NL ? "nl" : "en",
	    w->qfile != NULL ? "-q" : NULL, (char *)w->qfile, NULL };
	int feed[2], first[2], second[2], status_a = -1, status_c = -1;
	pid_t pa = -1, pc = -1;
	char chunk[8192];
	ssize_t got;

	fflush(NULL);
	/* aggregate gone early is a failed picture, not this request's death. */
	signal(SIGPIPE, SIG_IGN);
	if (pipe(feed) < 0 || pipe(first) < 0 || pipe(second) < 0) {
		free(aggregate);
		free(chart);
		return -1;
	}
	if ((pa = fork()) == 0) {
		close(feed[1]);
		close(first[0]);
		close(second[0]);
		close(second[1]);
		spawn(a_argv, feed[0], first[1]);
	}
	if ((pc = fork()) == 0) {
		close(feed[0]);
		close(feed[1]);
		close(first[1]);
		close(second[0]);
		spawn(c_argv, first[0], second[1]);
	}
	close(feed[0]);
	close(first[0]);
	close(first[1]);
	close(second[1]);
	/* aggregate reads all before it writes, and chart too: written
	 * whole first, the picture read after, nothing waits on itself. */
	round_lines(w, feed[1]);
	while ((got = read(second[0], chunk, sizeof(chunk))) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		buf_add(out, chunk, (size_t)got);
	}
	close(second[0]);
	if (pa > 0)
		while (waitpid(pa, &status_a, 0) < 0 && errno == EINTR)
			;
	if (pc > 0)
		while (waitpid(pc, &status_c, 0) < 0 && errno == EINTR)
			;
	free(aggregate);
	free(chart);
	/* aggregate's 1 is bad lines skipped, said in the server's log. */
	return pa > 0 && pc > 0 && WIFEXITED(status_a) && WEXITSTATUS(status_a) <= 1 &&
	    WIFEXITED(status_c) && WEXITSTATUS(status_c) == 0 ? 0 : -1;
}

/* An image, whole: an SVG document. */
static int
image_send(const struct buf *svg)
{
	int result = 0;

	if (printf("Status: 200 OK\r\nContent-Type: image/svg+xml; charset=utf-8\r\n"
	    "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n"
	    "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n") < 0 ||
	    fwrite(svg->data, 1, svg->len, stdout) != svg->len || output_close_stdout() < 0)
		result = -1;
	return result;
}

/* The address people answer at: --url, else this script's. */
static int
address_of(const struct web *w, struct buf *out)
{
	const char *host = getenv("HTTP_HOST"), *script = getenv("SCRIPT_NAME"), *https = getenv("HTTPS");

	if (w->address != NULL) {
		buf_addstr(out, w->address);
		return 0;
	}
	/* The request's own Host: checked, since it is the sender's. */
	if (host == NULL || *host == '\0' || strspn(host, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != strlen(host) || strlen(host) > 100 ||
	    !script_plain(script))
		return -1;
	buf_printf(out, "%s://%s%s", https != NULL && strcmp(https, "on") == 0 ? "https" : "http",
	    host, script);
	return 0;
}

/* How many have answered so far: the round's participants, each once. */
static size_t
answered(const struct web *w)
{
	struct intern seen = { 0 };
	struct response r;
	struct lines in;
	ssize_t len;
	size_t n;

	if (lines_open(&in, w->outfile) < 0)
		return 0;
	while ((len = lines_next(&in)) >= 0)
		if (response_parse(in.line, (size_t)len, &r) == NULL && strcmp(r.round, w->round) == 0)
			intern_add(&seen, r.participant, r.participant_len);
	lines_close(&in);
	n = seen.n;
	intern_free(&seen);
	return n;
}

/* For the projector: the room's picture, the address and its QR code,
 * drawn again every few seconds. */
static int
results_page(const struct web *w)
{
	struct webpage p = { .status = 200, .reason = "OK", .title = w->q->title,
	    .refresh = RESULTS_REFRESH, .wall = 1 };
	struct buf address = { 0 }, words = { 0 };
	size_t n = answered(w);

	buf_printf(&p.body, "<main data-refresh=\"%d\">\n<h1>", RESULTS_REFRESH);
	html_escape(&p.body, w->q->title);
	buf_addstr(&p.body, "</h1>\n<p class=\"count\">");
	if (n == 1)
		buf_printf(&words, tr("Round %s: 1 person has answered so far.",
		    "Ronde %s: 1 persoon heeft al geantwoord."), w->round);
	else
		buf_printf(&words, tr("Round %s: %zu people have answered so far.",
		    "Ronde %s: %zu mensen hebben al geantwoord."), w->round, n);
	html_escape(&p.body, words.data);
	buf_printf(&p.body, "</p>\n<img class=\"room\" src=\"?results=svg\" alt=\"%s\">\n</main>\n",
	    tr("Where the room stands on each question (a group too small to show is not shown)",
	    "Waar de zaal staat op elke vraag (een groep te klein om te tonen wordt niet getoond)"));
	if (address_of(w, &address) == 0) {
		buf_printf(&p.body, "<aside>\n<p>%s</p>\n<p><img src=\"?qr=1\" width=\"240\" height=\"240\" alt=\"%s\"></p>\n<p>",
		    tr("Answer at", "Antwoord op"), tr("a QR code of this address", "een QR-code van dit adres"));
		html_escape(&p.body, address.data);
		buf_addstr(&p.body, "</p>\n</aside>\n");
	}
	buf_free(&address);
	buf_free(&words);
	return webpage_send(&p);
}

int
meeting_run(const struct web *w, const struct request *r, int post)
{
	const char *results = request_get(r, "results");
	char now[TIMESTAMP_LEN + 1];
	struct buf svg = { 0 }, address = { 0 };
	struct qr code;
	int result;

	if (results != NULL && strcmp(results, "svg") == 0) {
		if (room_svg(w, &svg) < 0)
			result = webpage_say(500, "Internal Server Error", tr("Not now", "Nu niet"),
			    tr("The picture could not be drawn.", "De tekening kon niet gemaakt worden."));
		else
			result = image_send(&svg);
		buf_free(&svg);
		return result;
	}
	if (results != NULL)
		return results_page(w);
	if (request_get(r, "qr") != NULL) {
		if (address_of(w, &address) < 0 || qr_encode(&code, address.data, address.len) < 0)
			result = webpage_say(404, "Not Found", tr("No address", "Geen adres"),
			    tr("This page's address cannot be said; give it with --url.",
			    "Het adres van deze pagina kan niet gezegd worden; geef het met --url."));
		else {
			qr_svg(&svg, &code, 10, address.data);
			result = image_send(&svg);
		}
		buf_free(&svg);
		buf_free(&address);
		return result;
	}
	timestamp_now(now);
	if (timestamp_seconds(now) >= w->until)
		return webpage_say(403, "Forbidden", tr("The round is closed", "De ronde is afgesloten"),
		    tr("This round is closed; nothing is recorded any more.",
		    "Deze ronde is afgesloten; er wordt niets meer bewaard."));
	return join(w, r, post);
}
