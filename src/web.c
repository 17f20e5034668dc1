/*
 * web: ask as a CGI program.  See web.h.
 *
 * A page is built whole in memory, headers and all, and written in one
 * go: a request either gets its whole page or, if standard output
 * fails, nothing (and exit 2, which the server logs).
 *
 * On the page each continuum is a fieldset: its question, the
 * statements as radio buttons, "somewhere between" with a slider whose
 * ticks are the statements, "no opinion", and "not now", which is where
 * an untouched continuum stays: a slider always has a value, so a
 * continuum counts only when one of its buttons says so.  Without
 * JavaScript that is all; a small inline script (allowed by its hash)
 * selects "somewhere between" when the slider moves and says the
 * statement nearest the mark, on the page and to a screen reader.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "html.h"
#include "key.h"
#include "lang.h"
#include "letter.h"
#include "lines.h"
#include "output.h"
#include "position.h"
#include "request.h"
#include "response.h"
#include "sha256.h"
#include "text.h"
#include "timestamp.h"
#include "token.h"
#include "web.h"
#include "webpage.h"

#define QUERY_MAX 4096		/* a signed link is a few hundred bytes */
#define WEB_NOTE_MAX 500	/* characters in a note on the page */

/* ---- The request. ---- */

void
web_link_query(struct buf *out, const struct link *l, const char *amp)
{
	buf_addstr(out, "?r=");
	html_url_encode(out, l->round);
	buf_printf(out, "%sp=", amp);
	html_url_encode(out, l->participant);
	buf_printf(out, "%sg=", amp);
	html_url_encode(out, l->group);
	buf_printf(out, "%st=", amp);
	html_url_encode(out, l->token);
}


/* Read the query and, for a POST, the body.  Returns 0, or -1 with a
 * refusal page sent (webpage_send's result in *sent). */
static int
request_read(struct request *r, int post, int *sent)
{
	const char *query = getenv("QUERY_STRING"), *length = getenv("CONTENT_LENGTH");
	const char *type = getenv("CONTENT_TYPE"), *why;
	char *body, *end;
	unsigned long n;
	size_t got = 0;
	ssize_t k;

	*sent = 0;
	if (query != NULL && strlen(query) > QUERY_MAX) {
		*sent = webpage_say(414, "URI Too Long", tr("Not a link of this round", "Geen link van deze ronde"),
		    tr("This address is far longer than a link of a round; nothing was recorded.",
		    "Dit adres is veel langer dan een link van een ronde; er werd niets bewaard."));
		return -1;
	}
	if (query != NULL && (why = request_parse(r, query, strlen(query))) != NULL) {
		webpage_refuse_log(why, NULL);
		*sent = webpage_say(400, "Bad Request", tr("Not a link of this round", "Geen link van deze ronde"),
		    tr("This address cannot be read; open the link from your mail again.",
		    "Dit adres kan niet gelezen worden; open de link uit je mail opnieuw."));
		return -1;
	}
	if (!post)
		return 0;
	errno = 0;
	n = length != NULL && *length >= '0' && *length <= '9' ? strtoul(length, &end, 10) : ULONG_MAX;
	if (n == ULONG_MAX || errno != 0 || *end != '\0' || n > REQUEST_BODY_MAX ||
	    type == NULL || strncmp(type, "application/x-www-form-urlencoded", 33) != 0) {
		webpage_refuse_log(tr("a body too large or not a form's", "een inhoud te groot of niet van een formulier"), NULL);
		*sent = webpage_say(413, "Content Too Large", tr("Not sent", "Niet verzonden"),
		    tr("What was sent is not this page's answers, or far larger; nothing was recorded.",
		    "Wat verzonden werd, zijn niet de antwoorden van deze pagina, of veel groter; er werd niets bewaard."));
		return -1;
	}
	body = xmalloc(n + 1);
	while (got < n && (k = read(STDIN_FILENO, body + got, n - got)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			break;
		got += (size_t)k;
	}
	why = got < n ? tr("the body ended early", "de inhoud stopte te vroeg") :
	    request_parse(r, body, n);
	free(body);
	if (why != NULL) {
		webpage_refuse_log(why, NULL);
		*sent = webpage_say(400, "Bad Request", tr("Not sent", "Niet verzonden"),
		    tr("What was sent cannot be read; nothing was recorded. Open the link from your mail again.",
		    "Wat verzonden werd, kan niet gelezen worden; er werd niets bewaard. Open de link uit je mail opnieuw."));
		return -1;
	}
	return 0;
}

/* The link's fields, signed under the round's key and of its round.
 * Returns 0, or -1 with a refusal page sent (*sent its result). */
static int
link_check(const struct web *w, const struct request *r, struct link *l, int *sent)
{
	const char *what = NULL;

	l->round = request_get(r, "r");
	l->participant = request_get(r, "p");
	l->group = request_get(r, "g");
	l->token = request_get(r, "t");
	if (l->round == NULL || l->participant == NULL || l->group == NULL || l->token == NULL ||
	    token_problem(l->round, strlen(l->round)) != NULL ||
	    token_problem(l->participant, strlen(l->participant)) != NULL ||
	    token_group_problem(l->group, strlen(l->group)) != NULL)
		what = tr("a link without round, participant, group and token", "een link zonder ronde, deelnemer, groep en token");
	else if (!key_token_matches(w->key, w->q->id, l->round, l->participant, l->group, l->token))
		what = tr("a link whose token does not match: forged or altered", "een link waarvan het token niet past: vervalst of gewijzigd");
	else if (w->round != NULL && strcmp(w->round, l->round) != 0)
		what = tr("a link of another round", "een link van een andere ronde");
	if (what == NULL)
		return 0;
	webpage_refuse_log(what, l->participant);
	*sent = webpage_say(403, "Forbidden", tr("Not a link of this round", "Geen link van deze ronde"),
	    tr("This link is not valid for this round: it was changed, or it is of another round. Nothing was recorded; open the link from your mail again.",
	    "Deze link is niet geldig voor deze ronde: hij werd gewijzigd, of hij hoort bij een andere ronde. Er werd niets bewaard; open de link uit je mail opnieuw."));
	return -1;
}

/* What this person answered so far in the round: the latest answer to
 * each continuum in the -o file, read under the shared lock. */
static void
earlier_read(const struct web *w, const struct link *l, int *position, char **note)
{
	char (*time)[TIMESTAMP_LEN + 1] = xcalloc(w->q->ncontinua, sizeof(*time));
	struct buf text = { 0 };
	struct response resp;
	struct lines in;
	struct stat st;
	FILE *fp;
	ssize_t n;
	long k;
	int fd;

	if ((fd = open(w->outfile, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)) < 0) {
		free(time);
		return;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || (fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		free(time);
		return;
	}
	while (flock(fd, LOCK_SH) < 0 && errno == EINTR)
		;
	lines_from(&in, fp, w->outfile);
	while ((n = lines_next(&in)) >= 0) {
		if (response_parse(in.line, (size_t)n, &resp) != NULL ||
		    strcmp(resp.round, l->round) != 0 || strcmp(resp.participant, l->participant) != 0 ||
		    (k = questionnaire_find(w->q, resp.continuum, resp.continuum_len)) < 0 ||
		    strcmp(resp.time, time[k]) < 0)
			continue;
		memcpy(time[k], resp.time, TIMESTAMP_LEN + 1);
		position[k] = resp.position;
		buf_reset(&text);
		note_unescape(&text, resp.note, resp.note_len);
		free(note[k]);
		note[k] = text.len > 0 ? xstrdup(text.data) : NULL;
	}
	lines_close(&in);
	fclose(fp);
	buf_free(&text);
	free(time);
}

/* ---- The page with the questions. ---- */

/* The anchor a position is exactly, or 0. */
static size_t
anchor_of(const struct continuum *c, int position)
{
	size_t i;

	for (i = 1; i <= c->nanchors; i++)
		if (anchor_position(c->nanchors, i) == position)
			return i;
	return 0;
}

static void
radio(struct buf *out, const struct continuum *c, const char *value, int checked,
    const char *label_class, const char *label)
{
	buf_addstr(out, "<label><input type=\"radio\" name=\"a.");
	html_escape(out, c->id);
	buf_addstr(out, "\" value=\"");
	html_escape(out, value);
	buf_printf(out, "\"%s> ", checked ? " checked" : "");
	if (label_class != NULL)
		buf_printf(out, "<span class=\"%s\">", label_class);
	html_escape(out, label);
	if (label_class != NULL)
		buf_addstr(out, "</span>");
	buf_addstr(out, "</label>\n");
}

/* One continuum: question, statements, somewhere between, no opinion,
 * not now, a note. */
/* Round two: last round's figures in words, and on a line as wide as
 * the slider: the middle half as a band, the median a tick, the
 * person's own earlier answer a ring.  Nothing is chosen by it. */
static void
last_round(struct buf *out, const struct feedback *f)
{
	struct buf words = { 0 };

	if (f == NULL || (!f->have && f->own == POSITION_UNSET))
		return;
	feedback_words(&words, f);
	buf_addstr(out, "<div class=\"last\">");
	html_escape(out, words.data);
	buf_addstr(out, "\n<svg viewBox=\"0 0 100 6\" preserveAspectRatio=\"none\" aria-hidden=\"true\">"
	    "<line x1=\"0\" y1=\"3\" x2=\"100\" y2=\"3\" stroke=\"#999\" stroke-width=\"0.4\"/>");
	if (f->have && !f->hidden)
		buf_printf(out, "<rect x=\"%.1f\" y=\"1\" width=\"%.1f\" height=\"4\" fill=\"#9cc3e6\"/>"
		    "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"6\" stroke=\"#034\" stroke-width=\"0.8\"/>",
		    f->q1, f->q3 - f->q1, f->median, f->median);
	if (f->own >= 0)
		buf_printf(out, "<circle cx=\"%.1f\" cy=\"3\" r=\"1.6\" fill=\"none\" stroke=\"#b00\" stroke-width=\"0.6\"/>",
		    f->own / 10.0);
	buf_addstr(out, "</svg></div>\n");
	buf_free(&words);
}

static void
continuum_fieldset(struct buf *out, const struct continuum *c, int position, const char *note,
    const struct feedback *f)
{
	size_t anchor = position >= 0 ? anchor_of(c, position) : 0, i, near;
	int between = position >= 0 && anchor == 0;
	int at = between ? (position + 5) / 10 : 50;
	struct buf text = { 0 };
	char value[16];

	buf_addstr(out, "<fieldset>\n<legend>");
	html_escape(out, c->name);
	buf_addstr(out, "</legend>\n<p>");
	html_escape(out, c->question);
	buf_addstr(out, "</p>\n");
	for (i = 1; i <= c->nanchors; i++) {
		snprintf(value, sizeof(value), "%zu", i);
		buf_reset(&text);
		buf_printf(&text, "%zu. %s", i, c->anchors[i - 1]);
		radio(out, c, value, anchor == i, "st", text.data);
	}
	near = (size_t)((at * (int)(c->nanchors - 1) + 50) / 100);
	buf_addstr(out, "<label><input type=\"radio\" name=\"a.");
	html_escape(out, c->id);
	buf_printf(out, "\" value=\"s\"%s> %s <span class=\"near\" data-word=\"%s\">%s %zu</span>)</label>\n",
	    between ? " checked" : "", tr("Somewhere between (nearest:", "Ergens tussenin (het dichtst bij:"),
	    tr("statement", "uitspraak"), tr("statement", "uitspraak"), near + 1);
	buf_reset(&text);
	buf_printf(&text, "%zu. %s", near + 1, c->anchors[near]);
	buf_addstr(out, "<input type=\"range\" name=\"s.");
	html_escape(out, c->id);
	buf_printf(out, "\" min=\"0\" max=\"100\" step=\"1\" value=\"%d\" aria-label=\"", at);
	html_escape(out, c->name);
	buf_printf(out, ": %s\" aria-valuetext=\"%d%% \xe2\x80\x93 ", tr("somewhere between", "ergens tussenin"), at);
	html_escape(out, text.data);
	buf_addstr(out, "\">\n");
	last_round(out, f);
	radio(out, c, "-", position == POSITION_NONE, NULL, tr("No opinion", "Geen mening"));
	radio(out, c, "", position == POSITION_UNSET, NULL,
	    tr("Not now (this question stays unanswered)", "Nu niet (deze vraag blijft onbeantwoord)"));
	buf_printf(out, "<label>%s <input type=\"text\" name=\"n.", tr("A note: why you stand there (optional)",
	    "Een notitie: waarom je daar staat (mag leeg)"));
	html_escape(out, c->id);
	buf_printf(out, "\" maxlength=\"%d\" value=\"", WEB_NOTE_MAX);
	html_escape(out, note != NULL ? note : "");
	buf_addstr(out, "\"></label>\n</fieldset>\n");
	buf_free(&text);
}

/* The questions, with what the person gave before filled in, and the
 * problems of what they sent, if any. */
static int
questions_page(const struct web *w, const struct link *l, const int *position, char *const *note,
    const struct buf *problems, int status, const struct web_entry *extra)
{
	struct webpage p = { .status = status, .reason = status == 200 ? "OK" : "Bad Request",
	    .title = w->q->title };
	struct buf intro = { 0 };
	struct feedback *mine = NULL;	/* copies: the words stay w->feedback's */
	size_t k;

	if (w->feedback != NULL || w->previous != NULL) {
		mine = xcalloc(w->q->ncontinua, sizeof(*mine));
		for (k = 0; k < w->q->ncontinua; k++) {
			if (w->feedback != NULL)
				mine[k] = w->feedback[k];
			mine[k].own = POSITION_UNSET;
		}
		/* Their own of the round before; a bad line there is the
		 * facilitator's to hear of, in the server's log. */
		if (w->previous != NULL)
			(void)feedback_previous(mine, w->q, w->previous, l->participant, l->round);
	}

	buf_addstr(&p.body, "<h1>");
	html_escape(&p.body, w->q->title);
	buf_addstr(&p.body, "</h1>\n<p>");
	/* A name typed in a meeting is a participant too: escaped. */
	buf_printf(&intro, tr("Round %s, for %s. For each question choose the statement nearest to what you think, or a place between two; a question left at \"not now\" stays unanswered, and you can come back to it with the same link.",
	    "Ronde %s, voor %s. Kies per vraag de uitspraak die het dichtst bij je mening ligt, of een plaats ertussen; een vraag op \"nu niet\" blijft onbeantwoord, en je kunt er met dezelfde link naar terugkomen."),
	    l->round, l->participant);
	html_escape(&p.body, intro.data);
	buf_free(&intro);
	buf_addstr(&p.body, "</p>\n");
	if (problems != NULL && problems->len > 0)
		buf_add(&p.body, problems->data, problems->len);
	if (extra != NULL && extra->cookie != NULL)
		buf_addstr(&p.headers, extra->cookie);
	buf_addstr(&p.body, "<form method=\"post\"");
	/* From a meeting's address, which names no one: to the link. */
	if (extra != NULL && extra->action) {
		buf_addstr(&p.body, " action=\"");
		web_link_query(&p.body, l, "&amp;");
		buf_addc(&p.body, '"');
	}
	buf_addstr(&p.body, ">\n");
	for (k = 0; k < w->q->ncontinua; k++)
		continuum_fieldset(&p.body, &w->q->continua[k], position[k], note[k],
		    mine != NULL ? &mine[k] : NULL);
	free(mine);
	buf_printf(&p.body, "<button type=\"submit\">%s</button>\n</form>\n", tr("Send", "Verzenden"));
	return webpage_send(&p);
}

/* ---- Sending. ---- */

/* A problem with what was sent, for the page. */
static void
problem(struct buf *problems, const struct continuum *c, const char *what)
{
	buf_addstr(problems, "<p class=\"problem\">");
	html_escape(problems, c->name);
	buf_addstr(problems, ": ");
	html_escape(problems, what);
	buf_addstr(problems, "</p>\n");
}

/* One continuum's answer as sent: its position (POSITION_UNSET for "not
 * now") and note, or a problem said. */
static void
answer_read(const struct request *r, const struct continuum *c, int *position, char **note,
    struct buf *problems)
{
	struct buf name = { 0 };
	const char *a, *s, *n;
	char *end;
	long v;

	buf_printf(&name, "a.%s", c->id);
	a = request_get(r, name.data);
	buf_reset(&name);
	buf_printf(&name, "s.%s", c->id);
	s = request_get(r, name.data);
	buf_reset(&name);
	buf_printf(&name, "n.%s", c->id);
	n = request_get(r, name.data);
	buf_free(&name);
	*position = POSITION_UNSET;
	if (a == NULL || *a == '\0')
		return;
	if (strcmp(a, "-") == 0)
		*position = POSITION_NONE;
	else if (strcmp(a, "s") == 0) {
		errno = 0;
		v = s != NULL && *s >= '0' && *s <= '9' ? strtol(s, &end, 10) : -1;
		if (v < 0 || v > 100 || errno != 0 || *end != '\0') {
			problem(problems, c, tr("the place between is not 0 to 100; choose it again",
			    "de plaats ertussen is geen 0 tot 100; kies ze opnieuw"));
			return;
		}
		*position = (int)v * 10;
	} else {
		v = *a >= '1' && *a <= '9' ? strtol(a, &end, 10) : -1;
		if (v < 1 || (size_t)v > c->nanchors || *end != '\0') {
			problem(problems, c, tr("no such statement; choose again", "die uitspraak bestaat niet; kies opnieuw"));
			return;
		}
		*position = anchor_position(c->nanchors, (size_t)v);
	}
	if (n != NULL && *n != '\0') {
		if (strlen(n) > WEB_NOTE_MAX * 4 || note_problem(n, strlen(n)) != NULL)
			problem(problems, c, tr("the note is too long or holds what a note cannot",
			    "de notitie is te lang of bevat wat een notitie niet kan"));
		else
			*note = xstrdup(n);
	}
}

/* The receipt: what was recorded, in words, and the link to change it. */
static int
receipt_page(const struct web *w, const struct link *l, const int *position, char *const *note,
    const char *now)
{
	struct webpage p = { .status = 200, .reason = "OK", .title = tr("Received", "Ontvangen") };
	struct buf words = { 0 };
	size_t k;

	buf_printf(&p.body, "<h1>%s</h1>\n<p class=\"done\">", tr("Received, thank you", "Ontvangen, bedankt"));
	buf_printf(&words, tr("Your answers for round %s were recorded at %.10s %.5s UTC:",
	    "Je antwoorden voor ronde %s werden bewaard op %.10s om %.5s UTC:"), l->round, now, now + 11);
	html_escape(&p.body, words.data);
	buf_addstr(&p.body, "</p>\n<ul>\n");
	for (k = 0; k < w->q->ncontinua; k++) {
		const struct continuum *c = &w->q->continua[k];

		if (position[k] == POSITION_UNSET)
			continue;
		buf_reset(&words);
		buf_printf(&words, "%s: ", c->name);
		letter_answer(&words, c, position[k]);
		if (note[k] != NULL)
			buf_printf(&words, tr("; note: \"%s\"", "; notitie: \"%s\""), note[k]);
		buf_addstr(&p.body, "<li>");
		html_escape(&p.body, words.data);
		buf_addstr(&p.body, "</li>\n");
	}
	buf_printf(&p.body, "</ul>\n<p>%s <a href=\"", tr("To change an answer, open the link again:",
	    "Om een antwoord te veranderen, open je de link opnieuw:"));
	web_link_query(&p.body, l, "&amp;");
	buf_printf(&p.body, "\">%s</a></p>\n", tr("your answers", "je antwoorden"));
	buf_free(&words);
	return webpage_send(&p);
}

/* A POST: read every continuum; if all is well, append the answers
 * given, all or nothing, as ask -o does, and say what was recorded. */
static int
answers_post(const struct web *w, const struct link *l, const struct request *r,
    int *position, char **note)
{
	struct buf problems = { 0 }, lines = { 0 };
	char now[TIMESTAMP_LEN + 1];
	struct response resp;
	size_t k, given = 0;
	int result;

	for (k = 0; k < w->q->ncontinua; k++) {
		free(note[k]);
		note[k] = NULL;
		answer_read(r, &w->q->continua[k], &position[k], &note[k], &problems);
		given += position[k] != POSITION_UNSET;
	}
	if (problems.len > 0 || given == 0) {
		if (given == 0 && problems.len == 0)
			buf_printf(&problems, "<p class=\"problem\">%s</p>\n", tr(
			    "No question was answered, so nothing was recorded.",
			    "Er werd geen vraag beantwoord, dus er werd niets bewaard."));
		result = questions_page(w, l, position, note, &problems, problems.len > 0 && given > 0 ? 400 : 200,
		    NULL);
		buf_free(&problems);
		return result;
	}
	timestamp_now(now);
	memset(&resp, 0, sizeof(resp));
	resp.round = l->round;
	resp.participant = l->participant;
	resp.group = l->group;
	resp.time = now;
	for (k = 0; k < w->q->ncontinua; k++) {
		if (position[k] == POSITION_UNSET)
			continue;
		resp.continuum = w->q->continua[k].id;
		resp.position = position[k];
		response_format(&lines, &resp, note[k]);
	}
	if (output_append(w->outfile, lines.data, lines.len) < 0)
		result = webpage_say(500, "Internal Server Error", tr("Not recorded", "Niet bewaard"),
		    tr("Your answers could not be saved, so nothing was recorded. Please try again in a while.",
		    "Je antwoorden konden niet bewaard worden, dus er werd niets bewaard. Probeer het straks opnieuw."));
	else
		result = receipt_page(w, l, position, note, now);
	buf_free(&lines);
	return result;
}

int
web_questions(const struct web *w, const struct link *l, const struct web_entry *entry)
{
	int *position = xcalloc(w->q->ncontinua, sizeof(*position)), result;
	char **note = xcalloc(w->q->ncontinua, sizeof(*note));
	size_t k;

	for (k = 0; k < w->q->ncontinua; k++)
		position[k] = POSITION_UNSET;
	earlier_read(w, l, position, note);
	result = questions_page(w, l, position, note, NULL, 200, entry);
	for (k = 0; k < w->q->ncontinua; k++)
		free(note[k]);
	free(note);
	free(position);
	return result;
}

int
web_run(const struct web *w)
{
	const char *method = getenv("REQUEST_METHOD");
	struct request r = { 0 };
	struct link l;
	int *position, post, sent = 0, result;
	char **note;
	char now[TIMESTAMP_LEN + 1];
	size_t k;

	post = method != NULL && strcmp(method, "POST") == 0;
	if (!post && (method == NULL || strcmp(method, "GET") != 0))
		return webpage_say(405, "Method Not Allowed", tr("Not a link of this round", "Geen link van deze ronde"),
		    tr("Open the link from your mail.", "Open de link uit je mail.")) < 0 ? EXIT_TROUBLE : EXIT_OK;
	if (request_read(&r, post, &sent) < 0) {
		request_free(&r);
		return sent < 0 ? EXIT_TROUBLE : EXIT_OK;
	}
	if (w->other != NULL && w->other_wants(w, &r)) {
		result = w->other(w, &r, post);
		request_free(&r);
		return result < 0 ? EXIT_TROUBLE : EXIT_OK;
	}
	if (link_check(w, &r, &l, &sent) < 0) {
		request_free(&r);
		return sent < 0 ? EXIT_TROUBLE : EXIT_OK;
	}
	timestamp_now(now);
	if (timestamp_seconds(now) >= w->until) {
		struct buf text = { 0 };

		buf_printf(&text, tr("Round %s closed at %.10s %.5s UTC; nothing was recorded.",
		    "Ronde %s werd afgesloten op %.10s om %.5s UTC; er werd niets bewaard."),
		    l.round, w->until_text, w->until_text + 11);
		result = webpage_say(403, "Forbidden", tr("The round is closed", "De ronde is afgesloten"), text.data);
		buf_free(&text);
		request_free(&r);
		return result < 0 ? EXIT_TROUBLE : EXIT_OK;
	}
	position = xcalloc(w->q->ncontinua, sizeof(*position));
	note = xcalloc(w->q->ncontinua, sizeof(*note));
	for (k = 0; k < w->q->ncontinua; k++)
		position[k] = POSITION_UNSET;
	if (post)
		result = answers_post(w, &l, &r, position, note);
	else
		result = web_questions(w, &l, NULL);
	for (k = 0; k < w->q->ncontinua; k++)
		free(note[k]);
	free(note);
	free(position);
	request_free(&r);
	return result < 0 ? EXIT_TROUBLE : EXIT_OK;
}
