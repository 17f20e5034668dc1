/*
 * collect: gather a round's answers from response files, filled-in forms
 * and mailboxes into one clean stream of response lines, one answer per
 * (round, participant, continuum), the latest winning; or, with a roster,
 * say who has not answered yet.
 *
 * Every input line ends up written, superseded, left out by an option,
 * or reported: nothing is dropped without a word.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "answerset.h"
#include "buf.h"
#include "diag.h"
#include "fields.h"
#include "form.h"
#include "key.h"
#include "progress.h"
#include "lang.h"
#include "lines.h"
#include "mail.h"
#include "options.h"
#include "output.h"
#include "position.h"
#include "questionnaire.h"
#include "reasons.h"
#include "response.h"
#include "roster.h"
#include "sentlog.h"
#include "text.h"
#include "timestamp.h"
#include "token.h"

static const char usage_text[] =
    "usage: collect [-v | --quiet] [-L lang] [-q file] [-r round] [--roster file]\n"
    "               [--missing | --status | --status-file file | --reasons]\n"
    "               [--until time] [--rejects file] [--key file] [--log file]\n"
    "               [--min-group n] [file | dir | - ...]\n";

/* Bad lines before the first good one are held back, in case the file
 * turns out to be a filled-in form with some text before it. */
#define HELD_MAX 1000

struct held {
	char *text;
	size_t len;
	unsigned long number;
	int crlf;
	char *why;
};

/* Why a reply of someone on the roster did not answer (progress.h). */
struct trouble {
	uint32_t participant;		/* in collect.troubled */
	char *round;			/* the form's, or NULL: no form said */
	enum progress_reason reason;
	long continuum;			/* or -1 */
	long long time;			/* the message's */
};

struct collect {
	const struct questionnaire *q;
	struct answerset set;
	const char *round_only;		/* -r */
	long long until;		/* --until, or LLONG_MAX */
	long long future;		/* later than this is a time from the future */
	char future_text[TIMESTAMP_LEN + 1];
	unsigned long future_form_line;	/* the form last said to be from the future */
	char until_text[TIMESTAMP_LEN + 1];	/* in UTC, for messages */
	FILE *rejects;
	const char *rejects_name;
	struct roster roster;
	int said_no_roster;	/* --key without --roster, said once */
	int verbose;		/* -v: say what was passed over, too */
	unsigned long long automatic;	/* automatic replies ignored */
	int have_roster;
	struct intern unknown;		/* participants reported as not on the roster */
	struct intern regrouped;	/* reported as answering in another group */
	struct intern replied;		/* sent a form or a message, readable or not */
	/* What kept someone's reply from answering, for --status. */
	struct intern troubled;		/* their participants */
	struct trouble *troubles;
	size_t ntroubles;
	/* --log: remind's messages, by Message-ID, for a reply that quotes
	 * no form: whose it is. */
	struct intern sent_ids;
	struct sent { char *round, *participant; } *sent;

	/* The input being read. */
	const char *name;
	long long file_time;		/* for forms without a Date header */
	struct mail *mail;		/* when the input is a mail message */
	struct form_reader *forms;	/* the forms in it */
	struct stat rejects_stat;	/* the --rejects file, never read as input */
	struct key key;			/* --key: forms must be signed with it */
	int have_key;

	/* One-entry caches: consecutive lines mostly share these. */
	uint32_t last_round, last_group;
	const char *last_round_text, *last_group_text;
	size_t last_continuum;

	unsigned long long lines, form_answers, superseded, late, other_round, rejected;
	int torn;			/* the line being read is a last one without newline */
	int bad;			/* bad input was reported */
	int trouble;			/* an input could not be read */
};

static void
help(void)
{
	option_help(usage_text, tr(
	    "\n"
	    "Gather answers from response files, filled-in forms, directories and\n"
	    "mailboxes; write one answer per round, participant and continuum, the\n"
	    "latest winning, sorted.  With no file, read standard input.\n"
	    "\n"
	    "  -v              say how many lines were read, superseded, left out\n"
	    "  --quiet         say nothing of bad input (for cron); the exit status does\n"
	    "  -L lang         messages in nl or en\n"
	    "  -q file         the questionnaire the answers belong to\n"
	    "  -r round        only this round\n"
	    "  --roster file   who takes part (stance-roster(5))\n"
	    "  --missing       print the roster lines of who has not answered fully\n"
	    "  --status        print each participant's progress\n"
	    "  --status-file file  write it to file, and the answers still to stdout\n"
	    "  --reasons       print the notes per continuum and camp (stance-reasons(5))\n"
	    "  --until time    leave out answers given after this time\n"
	    "  --rejects file  copy bad lines to file\n"
	    "  --key file      only forms signed with this key count (else\n"
	    "                  $STANCE_KEY_FILE); with --roster, only from their address\n"
	    "  --log file      remind's log: a reply whose quote was cut off is whose\n"
	    "  --min-group n   warn of roster groups smaller (aggregate's; default 5)\n"
	    "See collect(1).\n",
	    "\n"
	    "Verzamel antwoorden uit antwoordbestanden, ingevulde formulieren, mappen\n"
	    "en mailboxen; schrijf één antwoord per ronde, deelnemer en continuum, het\n"
	    "laatste wint, gesorteerd.  Zonder bestand: lees standaardinvoer.\n"
	    "\n"
	    "  -v              zeg hoeveel regels gelezen, vervangen, weggelaten zijn\n"
	    "  --quiet         zeg niets over slechte invoer (voor cron); de afsluitstatus wel\n"
	    "  -L taal         meldingen in nl of en\n"
	    "  -q bestand      de vragenlijst waar de antwoorden bij horen\n"
	    "  -r ronde        alleen deze ronde\n"
	    "  --roster bestand  wie deelneemt (stance-roster(5))\n"
	    "  --missing       toon de deelnemerslijstregels van wie niet volledig antwoordde\n"
	    "  --status        toon de voortgang van elke deelnemer\n"
	    "  --status-file bestand  schrijf die naar bestand, de antwoorden nog naar stdout\n"
	    "  --reasons       toon de notities per continuum en kamp (stance-reasons(5))\n"
	    "  --until tijd    laat antwoorden na dit tijdstip weg\n"
	    "  --rejects bestand  kopieer slechte regels naar bestand\n"
	    "  --key bestand   alleen formulieren ondertekend met deze sleutel tellen\n"
	    "                  (anders $STANCE_KEY_FILE); met --roster alleen van hun adres\n"
	    "  --log bestand   het logboek van remind: van wie een antwoord zonder citaat is\n"
	    "  --min-group n   waarschuw voor kleinere groepen (zoals aggregate; standaard 5)\n"
	    "Zie collect(1).\n"));
}

static uint32_t
intern_cached(struct intern *in, const char *s, const char **last_text, uint32_t *last_id)
{
	if (*last_text == NULL || strcmp(*last_text, s) != 0) {
		*last_id = intern_add(in, s, strlen(s));
		*last_text = intern_string(in, *last_id);
	}
	return *last_id;
}

/*
 * With a roster, the roster says who is in which group: an answer given
 * with no group or another one is counted in the roster's group, and
 * that is said once per participant, so that group comparisons cannot
 * be silently wrong.  Someone not on the roster is named once too.
 */
static const char *
roster_group(struct collect *c, const char *participant, const char *group,
    unsigned long line)
{
	long at = roster_find(&c->roster, participant);
	const char *listed;

	if (at < 0) {
		if (intern_find(&c->unknown, participant, strlen(participant)) == UINT32_MAX) {
			intern_add(&c->unknown, participant, strlen(participant));
			diag_at(c->name, line, tr("participant '%s' is not on the roster",
			    "deelnemer '%s' staat niet op de deelnemerslijst"), participant);
		}
		return group;
	}
	listed = c->roster.entries[at].group;
	if (strcmp(group, listed) != 0 &&
	    intern_find(&c->regrouped, participant, strlen(participant)) == UINT32_MAX) {
		intern_add(&c->regrouped, participant, strlen(participant));
		diag_at(c->name, line, tr(
		    "%s answered as group '%s', but the roster puts them in '%s'; counted in '%s'",
		    "%s antwoordde als groep '%s', maar de deelnemerslijst zet hen in '%s'; geteld in '%s'"),
		    participant, group, listed, listed);
	}
	return listed;
}

/*
 * One valid answer, from a line or a form: filter it by round and time,
 * then offer it to the set.
 */
static void
take(struct collect *c, const struct response *r, size_t continuum, long long time,
    unsigned long line)
{
	struct answerset_entry e;
	const char *group = r->group;

	if (c->round_only != NULL && strcmp(r->round, c->round_only) != 0) {
		c->other_round++;
		return;
	}
	if (time > c->until) {
		c->late++;
		return;
	}
	if (c->have_roster)
		group = roster_group(c, r->participant, group, line);
	e.round = intern_cached(&c->set.rounds, r->round, &c->last_round_text, &c->last_round);
	e.participant = intern_add(&c->set.participants, r->participant, strlen(r->participant));
	e.group = intern_cached(&c->set.groups, group, &c->last_group_text, &c->last_group);
	e.continuum = continuum;
	e.time = time;
	e.position = r->position;
	e.note = r->note;
	e.note_len = r->note_len;
	c->superseded += (unsigned long long)answerset_add(&c->set, &e);
}

static void
reject(struct collect *c, const char *text, size_t len, int crlf, unsigned long number,
    const char *why)
{
	diag_at(c->name, number, "%s", why);
	c->rejected++;
	c->bad = 1;
	if (c->rejects != NULL) {
		fwrite(text, 1, len, c->rejects);
		fputs(crlf ? "\r\n" : "\n", c->rejects);
	}
}

/* A response line: NULL if it was taken, else why not (the line is then
 * as it was read, for --rejects). */
static const char *
response_line(struct collect *c, char *line, size_t len, unsigned long number)
{
	static struct buf why;
	struct response r;
	const char *problem;
	long long time;
	size_t k;

	c->lines++;
	if ((problem = response_parse(line, len, &r)) != NULL)
		return problem;
	if (c->torn) {
		/* ask -o writes whole lines; a last line without its newline
		 * is what a write cut off (kill -9, a full disk) leaves, and
		 * a note cut short still parses. */
		fields_unsplit(line, len);
		return tr("the last line has no newline: it may have been cut off while being written, so it is not counted (if it is whole, end it with a newline)",
		    "de laatste regel heeft geen regeleinde: ze kan afgebroken zijn tijdens het schrijven en telt dus niet mee (is ze volledig, sluit ze dan af met een regeleinde)");
	}
	if ((time = timestamp_seconds(r.time)) > c->future) {
		buf_reset(&why);
		buf_printf(&why, tr(
		    "time %s lies in the future (now is %s): a clock is wrong or the line was made up; it is not counted",
		    "tijd %s ligt in de toekomst (nu is het %s): een klok loopt fout of de regel is verzonnen; hij telt niet mee"),
		    r.time, c->future_text);
		fields_unsplit(line, len);
		return why.data;
	}
	k = c->last_continuum;
	if (k >= c->q->ncontinua || strcmp(c->q->continua[k].id, r.continuum) != 0) {
		long found = questionnaire_find(c->q, r.continuum, strlen(r.continuum));

		if (found < 0) {
			buf_reset(&why);
			questionnaire_unknown(c->q, r.continuum, strlen(r.continuum), &why);
			fields_unsplit(line, len);	/* as it was, for --rejects */
			return why.data;
		}
		k = c->last_continuum = (size_t)found;
	}
	take(c, &r, k, time, number);
	return NULL;
}

/* The time of what is being read: the message's Date, else the file's.
 * A Date from the future is said when the message ends. */
static long long
input_time(const struct collect *c)
{
	if (c->mail != NULL && c->mail->date >= 0 && c->mail->date <= c->future)
		return c->mail->date;
	return c->file_time;
}

static void
form_answer(const struct form_answer *a, void *context)
{
	struct collect *c = context;
	long long time = input_time(c);

	c->form_answers++;
	if (time > c->future) {
		char stamp[TIMESTAMP_LEN + 1];

		/* Said once a form: its answers share the time. */
		if (a->line != c->future_form_line) {
			timestamp_from_seconds(time, stamp);
			diag_at(c->name, a->line, tr(
			    "form of %s: the file's time %s lies in the future (now is %s); its answers are not counted",
			    "formulier van %s: de tijd van het bestand, %s, ligt in de toekomst (nu is het %s); de antwoorden tellen niet mee"),
			    a->response.participant, stamp, c->future_text);
		}
		c->future_form_line = a->line;
		c->rejected++;
		c->bad = 1;
		return;
	}
	take(c, &a->response, a->continuum, time, a->line);
}

static int parses_as_response(char *line, size_t len);
static void reject(struct collect *c, const char *text, size_t len, int crlf,
    unsigned long number, const char *why);

/* Text holds no NUL: one would cut a header or a field short without a
 * word ("stance-participant: ann<NUL>eve" read as ann). */
static int
has_nul(struct collect *c, const char *line, size_t len, unsigned long number)
{
	if (memchr(line, '\0', len) == NULL)
		return 0;
	c->lines++;
	reject(c, line, len, 0, number, tr("line contains a NUL byte, which text never has; it is not read",
	    "regel bevat een NUL-byte, wat tekst nooit heeft; ze wordt niet gelezen"));
	return 1;
}

/*
 * A line of a form or of a mail message's text.  A response line there is
 * never an answer: mail is read only through forms, which carry a check
 * and, with --key, a signature; a response line carries neither, so
 * anyone who can send mail could answer for anyone.
 */
static void
form_text_line(char *line, size_t len, unsigned long number, void *context)
{
	struct collect *c = context;

	/* An out-of-office reply may quote the whole form: it is nobody's
	 * answer. */
	if (c->mail != NULL && c->mail->automatic != NULL)
		return;
	if (has_nul(c, line, len, number))
		return;
	if (parses_as_response(line, len)) {
		c->lines++;
		reject(c, line, len, 0, number, tr(
		    "a response line in a form or mail message is not counted: answers come by mail only on forms, and response lines need a file of their own",
		    "een antwoordregel in een formulier of mailbericht telt niet mee: antwoorden komen per mail alleen op formulieren, en antwoordregels horen in een eigen bestand"));
		return;
	}
	form_reader_line(c->forms, line, len, number);
}

/* Someone on the roster replied (a form, or a message from their
 * address), whether or not anything in it could be read. */
static void
replied(struct collect *c, const char *participant)
{
	intern_add(&c->replied, participant, strlen(participant));
}

/* Keep why a reply did not answer, for --status and so for remind. */
static void
trouble_add(struct collect *c, const char *round, const char *participant,
    enum progress_reason reason, long continuum)
{
	struct trouble *t;

	c->troubles = xreallocarray(c->troubles, c->ntroubles + 1, sizeof(*c->troubles));
	t = &c->troubles[c->ntroubles++];
	t->participant = intern_add(&c->troubled, participant, strlen(participant));
	t->round = round != NULL ? xstrdup(round) : NULL;
	t->reason = reason;
	t->continuum = continuum;
	t->time = input_time(c);
}

static void
troubles_free(struct collect *c)
{
	size_t i;

	for (i = 0; i < c->ntroubles; i++)
		free(c->troubles[i].round);
	free(c->troubles);
	intern_free(&c->troubled);
	for (i = 0; i < c->sent_ids.n; i++) {
		free(c->sent[i].round);
		free(c->sent[i].participant);
	}
	free(c->sent);
	intern_free(&c->sent_ids);
}

static void
form_trouble(const char *round, const char *participant, enum progress_reason reason,
    long continuum, void *context)
{
	trouble_add(context, round, participant, reason, continuum);
}

static void
form_done(const char *round, const char *participant, int answers, void *context)
{
	struct collect *c = context;

	(void)round;
	(void)answers;
	replied(c, participant);
}

/* Who a message says it is from, in words: the address, or why none. */
static const char *
sender_words(const struct mail *m, struct buf *out)
{
	buf_reset(out);
	if (m->from != NULL)
		buf_addstr(out, m->from);
	else if (m->from_headers > 1)
		buf_printf(out, tr("an unknown sender (the message has %d From headers, and only one is allowed)",
		    "een onbekende afzender (het bericht heeft %d From-regels, en maar één is toegestaan)"),
		    m->from_headers);
	else
		buf_addstr(out, tr("an unknown sender", "een onbekende afzender"));
	return out->data;
}

/*
 * With a key and a roster, a mailed form counts only from its
 * participant's own address: a token can be copied from a form someone
 * forwarded, the From address of a message through the facilitator's own
 * mail system much less easily.
 */
static int
form_accept(const char *round, const char *participant, void *context)
{
	struct collect *c = context;
	const struct roster_entry *e;
	struct buf from = { 0 };
	long k;

	/* A signed round read from mail without the roster checks no
	 * sender: said once, since the recipe that did so counted forms
	 * the roster would have refused. */
	if (c->mail != NULL && c->have_key && !c->have_roster && !c->said_no_roster) {
		diag_warn("%s", tr("--key without --roster: forms in mail are counted whatever address they came from; give the roster to refuse those from addresses it does not give",
		    "--key zonder --roster: formulieren in mail tellen van welk adres ze ook komen; geef de deelnemerslijst om die van adressen die er niet op staan te weigeren"));
		c->said_no_roster = 1;
	}
	if (c->mail == NULL || !c->have_roster || (k = roster_find(&c->roster, participant)) < 0)
		return 1;
	e = &c->roster.entries[k];
	if (c->mail->from != NULL && roster_has_address(e, c->mail->from))
		return 1;
	trouble_add(c, round, participant, PROGRESS_OTHER_ADDRESS, -1);
	diag_at(c->name, c->mail->message_line, tr(
	    "form of %s: the message came from %s, not from %s, the address on the roster; its answers are not used",
	    "formulier van %s: het bericht kwam van %s, niet van %s, het adres op de deelnemerslijst; de antwoorden worden niet gebruikt"),
	    participant, sender_words(c->mail, &from), e->email);
	buf_free(&from);
	return 0;
}

/* The roster's participant with this address, or NULL. */
static const char *
sender(const struct collect *c, const char *address)
{
	size_t i;

	for (i = 0; address != NULL && c->have_roster && i < c->roster.n; i++)
		if (roster_has_address(&c->roster.entries[i], address))
			return c->roster.entries[i].participant;
	return NULL;
}

/* --log: remind's log (sentlog.h), the messages that went. */
static void
sent_read(struct collect *c, const char *path)
{
	struct sentlog_entry e;
	struct lines in;
	const char *why;
	ssize_t n;
	uint32_t id;

	if (lines_open(&in, path) < 0)
		diag_fatal("%s: %s", path, lang_strerror(errno));
	while ((n = lines_next(&in)) >= 0) {
		if ((why = sentlog_parse(in.line, (size_t)n, &e)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			c->bad = 1;
			continue;
		}
		if (!e.sent || strcmp(e.message_id, SENTLOG_ID_UNKNOWN) == 0 ||
		    intern_find(&c->sent_ids, e.message_id, strlen(e.message_id)) != UINT32_MAX)
			continue;
		id = intern_add(&c->sent_ids, e.message_id, strlen(e.message_id));
		c->sent = xreallocarray(c->sent, c->sent_ids.n, sizeof(*c->sent));
		c->sent[id].round = xstrdup(e.round);
		c->sent[id].participant = xstrdup(e.participant);
	}
	if (lines_error(&in))
		diag_fatal("%s: %s", in.name, lang_strerror(errno));
	lines_close(&in);
}

/* Which of remind's messages (--log) a message answers: the first of
 * its In-Reply-To and References that the log has, or NULL. */
static const struct sent *
sent_answered(const struct collect *c, const char *ids)
{
	const char *p = ids, *end;
	uint32_t id;

	while (p != NULL && (p = strchr(p, '<')) != NULL && (end = strchr(p, '>')) != NULL) {
		if ((id = intern_find(&c->sent_ids, p, (size_t)(end - p + 1))) != UINT32_MAX)
			return &c->sent[id];
		p = end + 1;
	}
	return NULL;
}

/*
 * Answers typed in a message that quotes no form (reply.h): counted when
 * it answers a message of remind's log, in a signed round (where the
 * log's Message-IDs cannot be guessed), from an address the roster gives
 * that participant.  Typed answers alone prove nothing of who sent them.
 */
static void
short_reply(struct collect *c, const char *who)
{
	const struct mail *m = c->mail;
	const struct reply *reply = &c->forms->reply;
	const struct sent *to = c->have_key ? sent_answered(c, m->replies_to.data) : NULL;
	struct buf from = { 0 };
	struct response resp;
	long entry;
	size_t k;

	sender_words(m, &from);
	if (to == NULL || (entry = roster_find(&c->roster, to->participant)) < 0) {
		diag_at(c->name, m->message_line, tr(
		    "the message from %s has answers typed in it, but quotes no signed form and answers no message of remind's log (--log, with --key and --roster): typed answers alone prove nothing of who sent them; not counted",
		    "het bericht van %s bevat getypte antwoorden, maar citeert geen ondertekend formulier en antwoordt op geen bericht uit het logboek van remind (--log, met --key en --roster): getypte antwoorden alleen bewijzen niet wie ze stuurde; telt niet mee"),
		    from.data);
		if (who != NULL) {
			replied(c, who);
			trouble_add(c, NULL, who, PROGRESS_NOT_SIGNED, -1);
		}
		c->bad = 1;
		buf_free(&from);
		return;
	}
	replied(c, to->participant);
	if (m->from == NULL || !roster_has_address(&c->roster.entries[entry], m->from)) {
		trouble_add(c, to->round, to->participant, PROGRESS_OTHER_ADDRESS, -1);
		diag_at(c->name, m->message_line, tr(
		    "answers of %s typed in a reply: the message came from %s, not from %s, the address on the roster; not used",
		    "antwoorden van %s getypt in een antwoord: het bericht kwam van %s, niet van %s, het adres op de deelnemerslijst; niet gebruikt"),
		    to->participant, from.data, c->roster.entries[entry].email);
		c->bad = 1;
		buf_free(&from);
		return;
	}
	buf_free(&from);
	memset(&resp, 0, sizeof(resp));
	resp.round = to->round;
	resp.participant = to->participant;
	resp.group = c->roster.entries[entry].group;
	resp.note = "";
	for (k = 0; k < c->q->ncontinua; k++) {
		if (reply->position[k] == POSITION_UNSET)
			continue;
		resp.continuum = c->q->continua[k].id;
		resp.position = reply->position[k];
		c->form_answers++;
		take(c, &resp, k, input_time(c), reply->line[k]);
	}
}

/* A message's Date that is no date, or lies in the future: said, and
 * its answers took the file's time. */
static void
message_date_check(struct collect *c, const struct mail *m)
{
	if (m->date_text != NULL) {
		struct buf quoted = { 0 };

		text_quote(&quoted, m->date_text, strlen(m->date_text));
		diag_at(c->name, m->date_line, tr(
		    "Date '%s' is not a date as mail writes it; the answers in this message take the file's time",
		    "Date '%s' is geen datum zoals mail ze schrijft; de antwoorden in dit bericht krijgen de tijd van het bestand"),
		    quoted.data);
		buf_free(&quoted);
		c->bad = 1;
	} else if (m->date > c->future) {
		char stamp[TIMESTAMP_LEN + 1];

		timestamp_from_seconds(m->date, stamp);
		diag_at(c->name, m->date_line, tr(
		    "Date %s lies in the future (now is %s); the answers in this message take the file's time",
		    "Date %s ligt in de toekomst (nu is het %s); de antwoorden in dit bericht krijgen de tijd van het bestand"),
		    stamp, c->future_text);
		c->bad = 1;
	}
}

/* A mail message ends: its forms are complete, and what kept them from
 * being read is said. */
static void
message_end(void *context)
{
	struct collect *c = context;
	const struct mail *m = c->mail;
	struct buf from = { 0 };
	const char *who;
	int forms;

	message_date_check(c, m);
	if (m->automatic != NULL) {
		/* Not the person's reply: neither an answer, nor a reason to
		 * remind them of one. */
		c->automatic++;
		if (c->verbose) {
			sender_words(m, &from);
			diag_at(c->name, m->message_line, tr("the message from %s is an automatic reply (%s); ignored",
			    "het bericht van %s is een automatisch antwoord (%s); genegeerd"), from.data, m->automatic);
			buf_free(&from);
		}
		form_reader_flush(c->forms);
		return;
	}
	forms = c->forms->forms;
	form_reader_flush(c->forms);
	if (c->forms->forms > forms)
		return;
	who = sender(c, m->from);
	if (c->forms->reply.given > 0) {
		short_reply(c, who);
		return;
	}
	/* A reply without a form: whose, so that they are not reminded as
	 * if they had said nothing. */
	if (who != NULL)
		replied(c, who);
	sender_words(m, &from);
	if (who != NULL)
		buf_printf(&from, " (%s)", who);
	if (who != NULL)
		trouble_add(c, NULL, who, m->saw_html && !m->saw_text ? PROGRESS_HTML_ONLY :
		    c->forms->reply.bad_line != 0 ? PROGRESS_REPLY_UNCLEAR : PROGRESS_NO_FORM, -1);
	if (c->forms->reply.bad_line != 0)
		;	/* said by the form reader */
	else if (m->saw_html && !m->saw_text)
		diag_at(c->name, m->message_line, tr(
		    "the message from %s has only an HTML part, and a form is read from plain text only; ask them to send it back as plain text",
		    "het bericht van %s heeft alleen een HTML-deel, en een formulier wordt alleen uit platte tekst gelezen; vraag het als platte tekst terug te sturen"),
		    from.data);
	else
		diag_at(c->name, m->message_line, tr(
		    "the message from %s has no stance form in it",
		    "het bericht van %s bevat geen stance-formulier"), from.data);
	buf_free(&from);
	c->bad = 1;
}

/* Report a form found among response lines, once, with its extent. */
static void
embedded_form(struct collect *c, unsigned long *start, unsigned long end)
{
	if (*start == 0)
		return;
	diag_at(c->name, *start, tr(
	    "a form among response lines (lines %lu-%lu); give each form a file of its own",
	    "een formulier tussen antwoordregels (regels %lu-%lu); geef elk formulier een eigen bestand"),
	    *start, end);
	c->rejected++;
	c->bad = 1;
	*start = 0;
}

static void
held_free(struct held *held, size_t *n)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		free(held[i].text);
		free(held[i].why);
	}
	*n = 0;
}

/* The file is response lines after all: report what was held back. */
static void
held_reject(struct collect *c, struct held *held, size_t *n)
{
	size_t i;

	for (i = 0; i < *n; i++) {
		c->lines++;
		reject(c, held[i].text, held[i].len, held[i].crlf, held[i].number, held[i].why);
	}
	held_free(held, n);
}

static int
parses_as_response(char *line, size_t len)
{
	struct response r;

	if (memchr(line, '\t', len) == NULL || response_parse(line, len, &r) != NULL)
		return 0;
	fields_unsplit(line, len);
	return 1;
}

/* One input being read: what it turned out to be, and what is held. */
struct stream {
	enum { UNDECIDED, RESPONSES, TEXT } mode;
	struct lines in;
	struct form_reader forms;
	struct mail mail;
	struct held *held;	/* bad lines before the first good one */
	size_t nheld;
	unsigned long embedded, embedded_end;	/* a form among response lines */
};

/* A line of text with forms in it, or of a mail message. */
static void
text_line(struct collect *c, struct stream *s, char *line, size_t len)
{
	if (c->mail == NULL)
		form_text_line(line, len, s->in.number, c);
	else if (!has_nul(c, line, len, s->in.number))
		mail_line(c->mail, line, len, s->in.number);
}

/* The input turns out to be a mail message, or a form after some text. */
static void
text_starts(struct collect *c, struct stream *s, char *line, size_t len)
{
	size_t i;

	s->mode = TEXT;
	/* "stance-form: x" looks like a mail header too. */
	if (!form_starts(line, len)) {
		mail_init(&s->mail, form_text_line, message_end, c);
		c->mail = &s->mail;
		if (!has_nul(c, line, len, s->in.number))
			mail_line(c->mail, line, len, s->in.number);
	} else {
		/* What came before the form is a letter's text. */
		for (i = 0; i < s->nheld; i++)
			form_text_line(s->held[i].text, s->held[i].len, s->held[i].number, c);
		form_text_line(line, len, s->in.number, c);
	}
	held_free(s->held, &s->nheld);
}

/* A bad line among response lines; a form among them is reported once,
 * with its extent, when it ends, and goes to --rejects whole. */
static void
bad_line(struct collect *c, struct stream *s, char *line, size_t len, const char *why)
{
	held_reject(c, s->held, &s->nheld);
	s->mode = RESPONSES;
	if (form_starts(line, len) && s->embedded == 0)
		s->embedded = s->in.number;
	if (s->embedded == 0) {
		reject(c, line, len, s->in.crlf, s->in.number, why);
		return;
	}
	s->embedded_end = s->in.number;
	c->lines--;
	if (c->rejects != NULL) {
		fwrite(line, 1, len, c->rejects);
		fputs(s->in.crlf ? "\r\n" : "\n", c->rejects);
	}
	if (strcmp(line, "stance-end") == 0)
		embedded_form(c, &s->embedded, s->embedded_end);
}

/* Hold a bad line before the first good one: the file may yet turn out
 * to be a form with some text before it. */
static void
hold(struct collect *c, struct stream *s, char *line, size_t len, const char *why)
{
	struct held *h;

	s->held = xreallocarray(s->held, s->nheld + 1, sizeof(*s->held));
	h = &s->held[s->nheld++];
	h->text = xstrndup(line, len);
	h->len = len;
	h->number = s->in.number;
	h->crlf = s->in.crlf;
	h->why = xstrdup(why);
	c->lines--;	/* counted again if it is reported */
}

/* A line of an input that is not (yet) text. */
static void
stream_line(struct collect *c, struct stream *s, char *line, size_t len)
{
	const char *why;

	if (len == 0 || line[0] == '#')
		return;
	/* A response line, even one whose round looks like a mail header
	 * ("Q1:"), is never taken for the start of a message. */
	if (s->mode == UNDECIDED && !parses_as_response(line, len) &&
	    (mail_starts(line, len) || form_starts(line, len))) {
		text_starts(c, s, line, len);
		return;
	}
	if ((why = response_line(c, line, len, s->in.number)) == NULL) {
		embedded_form(c, &s->embedded, s->embedded_end);
		if (s->mode == UNDECIDED) {
			held_reject(c, s->held, &s->nheld);
			s->mode = RESPONSES;
		}
		return;
	}
	if (s->mode == RESPONSES || s->nheld == HELD_MAX)
		bad_line(c, s, line, len, why);
	else
		hold(c, s, line, len, why);
}

/*
 * Read one input.  It is response lines, or text with forms in it (a
 * saved form, a mail message, an mbox): what its first lines are decides.
 */
static void
collect_stream(struct collect *c, FILE *fp, const char *name, long long file_time)
{
	struct stream s;
	ssize_t n;

	memset(&s, 0, sizeof(s));
	c->name = name;
	c->file_time = file_time;
	c->mail = NULL;
	c->future_form_line = 0;
	c->forms = &s.forms;
	form_reader_init(&s.forms, c->q, name, form_answer, c);
	s.forms.done = form_done;
	s.forms.trouble = form_trouble;
	if (c->have_key) {
		s.forms.key = &c->key;
		s.forms.accept = form_accept;
	}
	lines_from(&s.in, fp, name);
	while ((n = lines_next(&s.in)) >= 0) {
		c->torn = s.in.unterminated;
		if (s.mode == TEXT)
			text_line(c, &s, s.in.line, (size_t)n);
		else
			stream_line(c, &s, s.in.line, (size_t)n);
	}
	embedded_form(c, &s.embedded, s.embedded_end);
	if (lines_error(&s.in)) {
		diag_warn("%s: %s", name, lang_strerror(errno));
		c->trouble = 1;
	}
	held_reject(c, s.held, &s.nheld);
	free(s.held);
	if (c->mail != NULL)
		mail_end(c->mail);
	form_reader_end(&s.forms);
	if (s.forms.problems > 0) {
		c->rejected += (unsigned long long)s.forms.problems;
		c->bad = 1;
	}
	c->mail = NULL;
	c->forms = NULL;
	c->torn = 0;
	lines_close(&s.in);
}

/* --rejects: created 0600 like ask -o's file, never through a link. */
static void
rejects_open(struct collect *c)
{
	int fd, readable;

	if ((fd = output_open_append(c->rejects_name, &readable)) < 0)
		exit(EXIT_TROUBLE);
	if (fstat(fd, &c->rejects_stat) < 0 || (c->rejects = fdopen(fd, "a")) == NULL)
		diag_fatal("%s: %s", c->rejects_name, lang_strerror(errno));
}

/* Whether an input is the --rejects file: reading it while appending to
 * it would copy its bad lines into itself, over and over. */
static int
is_rejects_file(const struct collect *c, const struct stat *st, const char *path)
{
	if (c->rejects == NULL || st->st_dev != c->rejects_stat.st_dev ||
	    st->st_ino != c->rejects_stat.st_ino)
		return 0;
	diag_warn(tr("%s: is the --rejects file; it is not read as input",
	    "%s: is het --rejects-bestand; het wordt niet als invoer gelezen"), path);
	return 1;
}

static void collect_path(struct collect *c, const char *path, int inside_directory);

static int
not_hidden(const struct dirent *entry)
{
	return entry->d_name[0] != '.';
}

/* Every regular file in a directory, in name order. */
static void
collect_directory(struct collect *c, const char *path)
{
	struct dirent **entries;
	struct buf file = { 0 };
	int n, i;

	if ((n = scandir(path, &entries, not_hidden, alphasort)) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		c->trouble = 1;
		return;
	}
	for (i = 0; i < n; i++) {
		buf_reset(&file);
		buf_printf(&file, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
		    entries[i]->d_name);
		collect_path(c, file.data, 1);
		free(entries[i]);
	}
	free(entries);
	buf_free(&file);
}

static int
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A directory named on the command line: a Maildir's delivered messages
 * (not tmp/, where they are still being delivered), cur/ before new/,
 * which holds the newer ones; else every file in it. */
static void
collect_named_directory(struct collect *c, const char *path)
{
	struct buf cur = { 0 }, new = { 0 };

	buf_printf(&cur, "%s/cur", path);
	buf_printf(&new, "%s/new", path);
	if (is_directory(cur.data) && is_directory(new.data)) {
		collect_directory(c, cur.data);
		collect_directory(c, new.data);
	} else {
		collect_directory(c, path);
	}
	buf_free(&cur);
	buf_free(&new);
}

static void
collect_stdin(struct collect *c)
{
	char now[TIMESTAMP_LEN + 1];
	struct stat st;

	if (fstat(STDIN_FILENO, &st) == 0 && is_rejects_file(c, &st, "<stdin>")) {
		c->trouble = 1;
		return;
	}
	timestamp_now(now);
	collect_stream(c, stdin, "<stdin>", timestamp_seconds(now));
}

static void
collect_file(struct collect *c, const char *path, const struct stat *st)
{
	FILE *fp;
	char *name;

	if ((fp = fopen(path, "r")) == NULL) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		c->trouble = 1;
		return;
	}
	/* ask -o appends under an exclusive lock: a shared one here means
	 * a line being written is never read half. */
	while (flock(fileno(fp), LOCK_SH) < 0 && errno == EINTR)
		;
	name = xstrdup(path);
	collect_stream(c, fp, name, (long long)st->st_mtime);
	fclose(fp);
	free(name);
}

static void
collect_path(struct collect *c, const char *path, int inside_directory)
{
	struct stat st;

	if (strcmp(path, "-") == 0 && !inside_directory) {
		collect_stdin(c);
		return;
	}
	if (stat(path, &st) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		c->trouble = 1;
		return;
	}
	if (S_ISDIR(st.st_mode) && inside_directory) {
		diag_warn(tr("%s: a directory inside a directory is not read; name it to read it",
		    "%s: een map in een map wordt niet gelezen; noem ze om ze te lezen"), path);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		collect_named_directory(c, path);
		return;
	}
	if (inside_directory && !S_ISREG(st.st_mode))
		return;
	if (is_rejects_file(c, &st, path)) {
		c->trouble = 1;
		return;
	}
	collect_file(c, path, &st);
}

/* Append a field and the tab after it, without printf: this runs for
 * every line written. */
static char *
put_field(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	p[n] = '\t';
	return p + n + 1;
}

/* Write the kept answers, sorted: round, participant, questionnaire order. */
static unsigned long long
write_answers(struct collect *c)
{
	const struct answerset *set = &c->set;
	size_t *order = answerset_sorted(set), i, k;
	size_t *id_len = xcalloc(set->ncontinua, sizeof(*id_len));
	char time[TIMESTAMP_LEN + 1];
	long long time_of = LLONG_MIN;
	struct buf out = { 0 };
	unsigned long long written = 0;

	for (k = 0; k < set->ncontinua; k++)
		id_len[k] = strlen(c->q->continua[k].id);
	for (i = 0; i < set->npersons; i++) {
		const struct person *p = &set->persons[order[i]];
		const char *round = intern_string(&set->rounds, p->round);
		const char *participant = intern_string(&set->participants, p->participant);
		size_t round_len = intern_length(&set->rounds, p->round);
		size_t participant_len = intern_length(&set->participants, p->participant);
		struct kept *answers = answerset_answers(set, order[i]);

		for (k = 0; k < set->ncontinua; k++) {
			const struct kept *a = &answers[k];
			const char *note;
			size_t note_len, group_len;
			char *w;

			if (a->position == POSITION_UNSET)
				continue;
			note = answerset_note(set, a);
			note_len = strlen(note);
			group_len = intern_length(&set->groups, a->group);
			/* Answers given together share their time: format it once. */
			if (a->time != time_of) {
				timestamp_from_seconds(a->time, time);
				time_of = a->time;
			}
			buf_reserve(&out, round_len + participant_len + group_len + id_len[k] +
			    POSITION_TEXT + TIMESTAMP_LEN + note_len + 8);
			w = out.data + out.len;
			w = put_field(w, round, round_len);
			w = put_field(w, participant, participant_len);
			w = put_field(w, intern_string(&set->groups, a->group), group_len);
			w = put_field(w, c->q->continua[k].id, id_len[k]);
			position_format(a->position, w);
			w = put_field(w, w, strlen(w));
			w = put_field(w, time, TIMESTAMP_LEN);
			memcpy(w, note, note_len);
			w[note_len] = '\n';
			out.len = (size_t)(w + note_len + 1 - out.data);
			written++;
		}
		/* Out in large pieces: one write per line would be the slow part. */
		if (out.len >= 1 << 16 || i + 1 == set->npersons) {
			fwrite(out.data, 1, out.len, stdout);
			buf_reset(&out);
		}
	}
	buf_free(&out);
	free(id_len);
	free(order);
	return written;
}

/*
 * The round --missing and --status speak of: -r, else the only round in
 * the answers, else STANCE_ROUND or 1 when there are none.
 */
/* The rounds in the answers, in byte order, comma-separated. */
static char *
round_names(const struct collect *c)
{
	uint32_t *rank = intern_ranks(&c->set.rounds);
	const char **sorted = xcalloc(c->set.rounds.n, sizeof(*sorted));
	struct buf names = { 0 };
	size_t i;

	for (i = 0; i < c->set.rounds.n; i++)
		sorted[rank[i]] = intern_string(&c->set.rounds, (uint32_t)i);
	for (i = 0; i < c->set.rounds.n; i++)
		buf_printf(&names, "%s%s", i ? ", " : "", sorted[i]);
	free(rank);
	free(sorted);
	return names.data;
}

static const char *
selected_round(struct collect *c)
{
	const char *round;
	char *names;

	if (c->round_only != NULL)
		return c->round_only;
	if (c->set.rounds.n == 1)
		return intern_string(&c->set.rounds, 0);
	if (c->set.rounds.n == 0)
		return (round = getenv("STANCE_ROUND")) != NULL && *round ? round : "1";
	names = round_names(c);
	diag_fatal(tr("the answers are from %zu rounds (%s); choose one with -r",
	    "de antwoorden komen uit %zu rondes (%s); kies er één met -r"), c->set.rounds.n, names);
}

/* Someone's answers in a round, or NULL if none. */
static const struct kept *
person_answers(const struct collect *c, uint32_t round, const char *participant)
{
	uint32_t id = intern_find(&c->set.participants, participant, strlen(participant));
	long p = id == UINT32_MAX || round == UINT32_MAX ? -1 : answerset_find(&c->set, round, id);

	return p < 0 ? NULL : answerset_answers(&c->set, (size_t)p);
}

/* For --missing and --status: how many continua participant answered,
 * when last, and which are missing (comma-separated, "-" for none). */
static size_t
progress(const struct collect *c, uint32_t round, const char *participant, long long *last,
    struct buf *missing)
{
	const struct kept *answers = person_answers(c, round, participant);
	size_t k, answered = 0;

	*last = -1;
	buf_reset(missing);
	for (k = 0; k < c->set.ncontinua; k++) {
		if (answers == NULL || answers[k].position == POSITION_UNSET) {
			buf_printf(missing, "%s%s", missing->len ? "," : "", c->q->continua[k].id);
			continue;
		}
		answered++;
		if (answers[k].time > *last)
			*last = answers[k].time;
	}
	if (missing->len == 0)
		buf_addstr(missing, "-");
	return answered;
}

/* What --status says of someone, for awk, for people and for remind. */
static enum progress_state
progress_state(const struct collect *c, const char *participant, size_t answered)
{
	if (answered == c->set.ncontinua)
		return PROGRESS_COMPLETE;
	if (answered > 0)
		return PROGRESS_PARTIAL;
	/* Replied, but nothing could be read: not the same as silence. */
	if (intern_find(&c->replied, participant, strlen(participant)) != UINT32_MAX)
		return PROGRESS_UNREADABLE;
	return PROGRESS_NONE;
}

/* Whether a comma-separated list list[0..n) holds item. */
static int
has_item(const char *list, size_t n, const char *item)
{
	size_t i = 0, len = strlen(item), end;

	while (i < n) {
		for (end = i; end < n && list[end] != ','; end++)
			;
		if (end - i == len && memcmp(list + i, item, len) == 0)
			return 1;
		i = end + 1;
	}
	return 0;
}

/*
 * The reasons --status gives for someone (progress.h): what kept their
 * replies from answering and still stands.  A continuum's, while it is
 * missing; a reply's, if nothing answered since ("html-only" and a form
 * after it says nothing of the HTML any more).  Each once, as found.
 */
static void
reasons(const struct collect *c, const char *round, const char *participant, long long last,
    const struct kept *answers, struct buf *out)
{
	uint32_t id = intern_find(&c->troubled, participant, strlen(participant));
	struct buf item = { 0 };
	size_t i, start = out->len;

	for (i = 0; id != UINT32_MAX && i < c->ntroubles; i++) {
		const struct trouble *t = &c->troubles[i];

		if (t->participant != id || (t->round != NULL && strcmp(t->round, round) != 0))
			continue;
		if (t->continuum >= 0 ? answers != NULL &&
		    answers[t->continuum].position != POSITION_UNSET : t->time < last)
			continue;
		buf_reset(&item);
		buf_addstr(&item, progress_reason_name(t->reason));
		if (t->continuum >= 0)
			buf_printf(&item, ":%s", c->q->continua[t->continuum].id);
		if (out->len == start || !has_item(out->data + start, out->len - start, item.data)) {
			if (out->len > start)
				buf_addc(out, ',');
			buf_addstr(out, item.data);
		}
	}
	buf_free(&item);
	if (out->len == start)
		buf_addstr(out, "-");
}

/* What --missing (status 0) or --status says, appended to out. */
static void
roster_report(struct collect *c, int status, struct buf *out)
{
	const char *round = selected_round(c);
	uint32_t round_id = intern_find(&c->set.rounds, round, strlen(round));
	struct buf missing = { 0 }, why = { 0 };
	size_t i;

	for (i = 0; i < c->roster.n; i++) {
		const struct roster_entry *e = &c->roster.entries[i];
		long long last;
		size_t answered = progress(c, round_id, e->participant, &last, &missing);
		char time[TIMESTAMP_LEN + 1];
		struct progress p;

		if (!status) {
			if (answered < c->set.ncontinua)
				buf_printf(out, "%s\n", e->text);
			continue;
		}
		if (last >= 0)
			timestamp_from_seconds(last, time);
		p.participant = e->participant;
		p.group = e->group;
		p.answered = answered;
		p.total = c->set.ncontinua;
		p.time = last >= 0 ? time : "-";
		p.missing = missing.data;
		p.state = progress_state(c, e->participant, answered);
		buf_reset(&why);
		if (p.state == PROGRESS_COMPLETE)
			buf_addstr(&why, "-");
		else
			reasons(c, round, e->participant, last, person_answers(c, round_id,
			    e->participant), &why);
		p.reasons = why.data;
		progress_format(out, &p);
	}
	buf_free(&missing);
	buf_free(&why);
}

enum {
	OPT_ROSTER = 256, OPT_MISSING, OPT_STATUS, OPT_UNTIL, OPT_REJECTS, OPT_KEY, OPT_MIN_GROUP,
	OPT_QUIET, OPT_LOG, OPT_STATUS_FILE, OPT_REASONS, OPT_VERSION
};

/*
 * Roster groups smaller than aggregate's --min-group: their rows will be
 * hidden (and another may be, so that they cannot be worked out), which
 * is better known before the round than after it.
 */
static void
small_groups(struct collect *c, long min_group)
{
	struct intern groups = { 0 };
	unsigned long *count = NULL;
	size_t i, n = 0;
	uint32_t g;

	for (i = 0; i < c->roster.n; i++) {
		const char *group = c->roster.entries[i].group;

		if (strcmp(group, "-") == 0)
			continue;
		g = intern_add(&groups, group, strlen(group));
		if (groups.n > n) {
			count = xreallocarray(count, groups.n, sizeof(*count));
			count[n++] = 0;
		}
		count[g]++;
	}
	for (g = 0; g < n; g++)
		if (count[g] < (unsigned long)min_group)
			diag_warn(tr("group %s has %lu on the roster: aggregate hides a group of fewer than %ld answers (--min-group), and may hide another so that it cannot be worked out",
			    "groep %s telt %lu op de deelnemerslijst: aggregate verbergt een groep van minder dan %ld antwoorden (--min-group), en misschien nog een zodat ze niet te achterhalen is"),
			    intern_string(&groups, g), count[g], min_group);
	free(count);
	intern_free(&groups);
}

/* What the command line asks for, besides what struct collect keeps. */
struct options {
	const char *qfile, *roster_file, *key_file, *log_file, *status_file;
	int verbose, missing, status, reasons;
	long min_group;			/* aggregate's --min-group */
	int argc;
	char **argv;
};

static void
options_read(struct collect *c, struct options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "key", required_argument, NULL, OPT_KEY },
		{ "log", required_argument, NULL, OPT_LOG },
		{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
		{ "missing", no_argument, NULL, OPT_MISSING },
		{ "quiet", no_argument, NULL, OPT_QUIET },
		{ "reasons", no_argument, NULL, OPT_REASONS },
		{ "rejects", required_argument, NULL, OPT_REJECTS },
		{ "roster", required_argument, NULL, OPT_ROSTER },
		{ "status", no_argument, NULL, OPT_STATUS },
		{ "status-file", required_argument, NULL, OPT_STATUS_FILE },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	const char *why;
	int ch;

	memset(o, 0, sizeof(*o));
	o->min_group = 5;
	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(argc, argv, OPTIONS_PREFIX "L:q:r:hv", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); break;
		case 'h': help(); break;
		case 'q': o->qfile = optarg; break;
		case 'r':
			if ((why = token_problem(optarg, strlen(optarg))) != NULL)
				diag_fatal(tr("round '%s' %s", "ronde '%s' %s"), optarg, why);
			c->round_only = optarg;
			break;
		case 'v': o->verbose = 1; break;
		case OPT_KEY: o->key_file = optarg; break;
		case OPT_LOG: o->log_file = optarg; break;
		case OPT_MISSING: o->missing = 1; break;
		case OPT_QUIET: diag_quiet = 1; break;
		case OPT_REASONS: o->reasons = 1; break;
		case OPT_MIN_GROUP: o->min_group = option_number(optarg, 1, 1000000, "--min-group", usage_text); break;
		case OPT_REJECTS: c->rejects_name = optarg; break;
		case OPT_ROSTER: o->roster_file = optarg; break;
		case OPT_STATUS: o->status = 1; break;
		case OPT_STATUS_FILE: o->status_file = optarg; break;
		case OPT_UNTIL: option_time(optarg, "--until", &c->until, c->until_text); break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, argv, usage_text);
		}
	}
	o->argc = argc - optind;
	o->argv = argv + optind;
}

/*
 * Times later than now count as from the future: a clock set wrong, or a
 * line made up to beat every later answer.  A mail client's clock may be
 * a few minutes ahead, so FUTURE_ALLOWANCE is allowed.  Now is the clock,
 * or STANCE_NOW if that is later: answers stamped by a simulated clock
 * ahead of the real one (ask with STANCE_NOW) are not from the future,
 * and a STANCE_NOW in the past cannot make a file's time one.
 */
#define FUTURE_ALLOWANCE (10 * 60)

static void
future_set(struct collect *c)
{
	char now[TIMESTAMP_LEN + 1];
	long long seconds = (long long)time(NULL);

	timestamp_now(now);
	if (timestamp_seconds(now) > seconds)
		seconds = timestamp_seconds(now);
	timestamp_from_seconds(seconds, c->future_text);
	c->future = seconds + FUTURE_ALLOWANCE;
}

/* What cannot go together, and what must come with what. */
static void
options_check(const struct options *o)
{
	const char *report = o->missing ? "missing" : "status";
	int i, stdin_uses;

	if (o->verbose && diag_quiet) {
		diag_warn("%s", tr("-v and --quiet do not go together", "-v en --quiet gaan niet samen"));
		option_usage(usage_text);
	}
	if (o->missing && o->status) {
		diag_warn("%s", tr("--missing and --status do not go together",
		    "--missing en --status gaan niet samen"));
		option_usage(usage_text);
	}
	if (o->reasons && (o->missing || o->status || o->status_file != NULL)) {
		diag_warn("%s", tr("--reasons goes with none of --missing, --status and --status-file",
		    "--reasons gaat niet samen met --missing, --status of --status-file"));
		option_usage(usage_text);
	}
	if (o->status_file != NULL && (o->missing || o->status)) {
		diag_warn("%s", tr("--status-file goes with the answers, not with --missing or --status",
		    "--status-file hoort bij de antwoorden, niet bij --missing of --status"));
		option_usage(usage_text);
	}
	if (o->status_file != NULL)
		report = "status-file";
	if ((o->missing || o->status || o->status_file != NULL) && o->roster_file == NULL) {
		diag_warn(tr("--%s needs --roster", "--%s heeft --roster nodig"), report);
		option_usage(usage_text);
	}
	/* From cron, a forgotten argument must not send a reminder to
	 * everyone: the answers are named, standard input as -. */
	if ((o->missing || o->status) && o->argc == 0) {
		diag_warn(tr("--%s reads only the answers named: give their files, or - for standard input",
		    "--%s leest alleen de genoemde antwoorden: geef hun bestanden, of - voor standaardinvoer"),
		    report);
		option_usage(usage_text);
	}
	/* Standard input can feed one thing only. */
	for (i = 0, stdin_uses = 0; i < o->argc; i++)
		stdin_uses += strcmp(o->argv[i], "-") == 0;
	stdin_uses += o->argc == 0;
	stdin_uses += o->qfile != NULL && strcmp(o->qfile, "-") == 0;
	stdin_uses += o->roster_file != NULL && strcmp(o->roster_file, "-") == 0;
	if (stdin_uses > 1)
		diag_fatal("%s", tr("standard input (-) can be read for one thing only: the questionnaire, the roster or the answers",
		    "standaardinvoer (-) kan maar voor één ding gelezen worden: de vragenlijst, de deelnemerslijst of de antwoorden"));
}

/*
 * --reasons: the round's notes per continuum and camp (reasons.h), from
 * the answers kept: a note someone replaced is not there.
 */
static void
reasons_report(struct collect *c, long min_group, struct buf *out)
{
	const struct answerset *set = &c->set;
	const char *round = selected_round(c);
	uint32_t round_id = intern_find(&set->rounds, round, strlen(round));
	struct reasons_answer *a = xcalloc(set->npersons + 1, sizeof(*a));
	struct buf *notes = xcalloc(set->npersons + 1, sizeof(*notes));
	size_t i, k, n;

	reasons_header(out, round);
	for (k = 0; k < c->q->ncontinua; k++) {
		for (i = n = 0; i < set->npersons; i++) {
			const struct kept *kept = &answerset_answers(set, i)[k];
			const char *note;

			if (set->persons[i].round != round_id || kept->position == POSITION_UNSET)
				continue;
			note = answerset_note(set, kept);
			buf_reset(&notes[n]);
			note_unescape(&notes[n], note, strlen(note));
			a[n].position = kept->position;
			a[n].group = intern_string(&set->groups, kept->group);
			a[n].note = notes[n].data != NULL ? notes[n].data : "";
			n++;
		}
		reasons_gather(out, &c->q->continua[k], a, n, min_group);
	}
	for (i = 0; i <= set->npersons; i++)
		buf_free(&notes[i]);
	free(notes);
	free(a);
}

/*
 * --status-file: what --status says, from the same reading as the
 * answers, so that one collect on a cron line feeds remind both (and
 * says each problem once).  Replaced whole, and not at all when an input
 * could not be read: a status made without it would have remind write
 * to people who did answer.
 */
static void
status_file(struct collect *c, const char *path)
{
	struct buf out = { 0 };

	if (c->trouble) {
		diag_warn(tr("%s: not written: an input could not be read, so it would name people who did answer",
		    "%s: niet geschreven: een invoer kon niet gelezen worden, dus het zou mensen noemen die wel antwoordden"),
		    path);
		return;
	}
	roster_report(c, 1, &out);
	if (output_replace(path, out.data != NULL ? out.data : "", out.len) < 0)
		c->trouble = 1;
	buf_free(&out);
}

/* The output: the answers, or what --missing or --status says; then the
 * counts on standard error. */
static void
report(struct collect *c, const struct options *o)
{
	unsigned long long written = 0;

	if ((o->missing || o->status) && c->trouble)
		/* A list of who is missing, made without an input that could
		 * not be read, would name people who did answer. */
		diag_warn("%s", tr("nothing written: an input could not be read, so the list would name people who did answer",
		    "niets geschreven: een invoer kon niet gelezen worden, dus de lijst zou mensen noemen die wel antwoordden"));
	else if (o->missing || o->status || o->reasons) {
		struct buf out = { 0 };

		if (o->reasons)
			reasons_report(c, o->min_group, &out);
		else
			roster_report(c, o->status, &out);
		if (out.len > 0)
			fwrite(out.data, 1, out.len, stdout);
		buf_free(&out);
	} else
		written = write_answers(c);
	if (o->status_file != NULL)
		status_file(c, o->status_file);
	if (c->late > 0)
		diag_warn(tr("%llu answers given after %s left out (--until)",
		    "%llu antwoorden gegeven na %s weggelaten (--until)"), c->late, c->until_text);
	if (o->verbose)
		diag_warn(tr("%llu lines and %llu form answers read: %llu answers written, %llu superseded, %llu after --until, %llu in other rounds, %llu rejected",
		    "%llu regels en %llu formulierantwoorden gelezen: %llu antwoorden geschreven, %llu vervangen, %llu na --until, %llu in andere rondes, %llu geweigerd"),
		    c->lines, c->form_answers, written, c->superseded, c->late, c->other_round,
		    c->rejected);
	if (o->verbose && c->automatic > 0)
		diag_warn(tr("%llu automatic replies ignored", "%llu automatische antwoorden genegeerd"),
		    c->automatic);
}

int
main(int argc, char **argv)
{
	struct collect c;
	struct options o;
	struct questionnaire q;
	int i, result;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	memset(&c, 0, sizeof(c));
	c.until = LLONG_MAX;
	options_read(&c, &o, argc, argv);
	c.verbose = o.verbose;
	future_set(&c);
	options_check(&o);
	/* The key first: a refused one stops before anything is read. */
	if ((result = key_load(&c.key, o.key_file)) < 0)
		return EXIT_TROUBLE;
	c.have_key = result;
	if (o.roster_file != NULL) {
		if ((result = roster_load(&c.roster, o.roster_file)) < 0)
			return EXIT_TROUBLE;
		c.have_roster = 1;
		c.bad |= result > 0;
		/* Known before anyone answers; said where the answers are
		 * gathered for aggregate, not on every --missing or --status
		 * run from cron. */
		if (!o.missing && !o.status)
			small_groups(&c, o.min_group);
	}
	if (o.log_file != NULL)
		sent_read(&c, o.log_file);
	questionnaire_choose(&q, o.qfile);
	c.q = &q;
	answerset_init(&c.set, q.ncontinua);
	if (c.rejects_name != NULL)
		rejects_open(&c);

	if (o.argc == 0)
		collect_path(&c, "-", 0);
	for (i = 0; i < o.argc; i++)
		collect_path(&c, o.argv[i], 0);
	report(&c, &o);

	if (c.rejects != NULL && output_close(c.rejects, c.rejects_name) < 0)
		c.trouble = 1;
	if (output_close_stdout() < 0)
		c.trouble = 1;
	answerset_free(&c.set);
	intern_free(&c.unknown);
	intern_free(&c.regrouped);
	intern_free(&c.replied);
	troubles_free(&c);
	if (c.have_roster)
		roster_free(&c.roster);
	questionnaire_free(&q);
	key_free(&c.key);
	return c.trouble ? EXIT_TROUBLE : c.bad ? EXIT_BADINPUT : EXIT_OK;
}
