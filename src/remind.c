/*
 * remind: invitations and reminders by mail, from a script or cron.
 * For each roster line (normally collect --roster FILE --missing) it
 * composes one message, whole, in memory: a short text, personal where
 * collect's output says what is missing or what went wrong, and the
 * person's form as ask --form writes it (signed, with a key; filled in
 * with what they gave).  Then it hands it to the mail system as
 * "sendmail -i -- address", appends it to an mbox, or prints it.
 *
 * With --log, every hand-over is a line in the log, written whole under
 * a lock held for the whole run: who was reminded less than --every ago
 * or --max times already is skipped, so the same cron line run twice at
 * once sends nothing twice, and a failed hand-over is tried again next
 * time.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "compose.h"
#include "diag.h"
#include "feedback.h"
#include "form.h"
#include "html.h"
#include "intern.h"
#include "key.h"
#include "lang.h"
#include "letter.h"
#include "lines.h"
#include "options.h"
#include "output.h"
#include "position.h"
#include "progress.h"
#include "questionnaire.h"
#include "reasons.h"
#include "response.h"
#include "roster.h"
#include "sentlog.h"
#include "sha256.h"
#include "text.h"
#include "timestamp.h"
#include "token.h"
#include "utf8.h"
#include "wrap.h"

static const char usage_text[] =
    "usage: remind -r round --from address [-v] [-L lang] [-q file]\n"
    "              [--subject text] [--text file] [--invitation | --receipts]\n"
    "              [--until time] [--sendmail command | --mbox file] [--dry-run]\n"
    "              [--log file] [--every interval] [--max n] [--timeout seconds]\n"
    "              [--answers file] [--status file] [--key file]\n"
    "              [--feedback file] [--previous file] [--reasons file]\n"
    "              [--url address] [file ...]\n";

static void
help(void)
{
	option_help(usage_text, tr(
	    "\n"
	    "Mail each person on the roster lines read (collect --missing) their\n"
	    "form: an invitation, or a reminder naming the deadline.  With no file,\n"
	    "read standard input.\n"
	    "\n"
	    "  -r round          the round\n"
	    "  --from address    the sender, whom the replies go to\n"
	    "  -v                say who was sent, skipped or refused, and the totals\n"
	    "  -L lang           the messages in nl or en\n"
	    "  -q file           the questionnaire of the forms\n"
	    "  --subject text    instead of the usual subject\n"
	    "  --text file       your own words, added to invitations\n"
	    "  --invitation      invitations, not reminders\n"
	    "  --url address     a personal link to ask --web's page in every message\n"
	    "  --reasons file    with --feedback: a few reasons of each camp (collect --reasons)\n"
	    "  --receipts        receipts: what counts now, once for the same answers\n"
	    "  --until time      the deadline, named in the text; after it nothing is sent\n"
	    "  --sendmail cmd    the mail system (default: $STANCE_SENDMAIL, else\n"
	    "                    /usr/sbin/sendmail), called as cmd -i -- address\n"
	    "  --mbox file       append the messages to an mbox instead\n"
	    "  --dry-run         print the messages instead, as an mbox\n"
	    "  --log file        log each message; skip by --every and --max\n"
	    "  --every interval  not again within 90m, 12h, 3d, 1w\n"
	    "  --max n           at most n messages per person\n"
	    "  --timeout seconds give the mail system at most this long (default 60)\n"
	    "  --answers file    their answers so far (response lines), filled in\n"
	    "  --status file     collect --status, to say what went wrong with a reply\n"
	    "  --key file        sign the forms (else $STANCE_KEY_FILE)\n"
	    "  --feedback file   on each form where the group stood: aggregate's last round\n"
	    "  --previous file   and where the person stood: response lines of that round\n"
	    "See remind(1).\n",
	    "\n"
	    "Mail elke persoon op de gelezen deelnemerslijstregels (collect --missing)\n"
	    "het formulier: een uitnodiging, of een herinnering met de deadline.\n"
	    "Zonder bestand: lees standaardinvoer.\n"
	    "\n"
	    "  -r ronde           de ronde\n"
	    "  --from adres       de afzender, naar wie de antwoorden gaan\n"
	    "  -v                 zeg wie verzonden, overgeslagen of geweigerd werd, en de totalen\n"
	    "  -L taal            de berichten in nl of en\n"
	    "  -q bestand         de vragenlijst van de formulieren\n"
	    "  --subject tekst    in plaats van het gewone onderwerp\n"
	    "  --text bestand     je eigen woorden, bij de uitnodigingen\n"
	    "  --invitation       uitnodigingen, geen herinneringen\n"
	    "  --url adres        een persoonlijke link naar de pagina van ask --web in elk bericht\n"
	    "  --reasons bestand  met --feedback: enkele redenen van elk kamp (collect --reasons)\n"
	    "  --receipts         ontvangstbevestigingen: wat nu telt, één keer per antwoorden\n"
	    "  --until tijd       de deadline, genoemd in de tekst; daarna wordt niets verzonden\n"
	    "  --sendmail cmd     het mailsysteem (standaard: $STANCE_SENDMAIL, anders\n"
	    "                     /usr/sbin/sendmail), opgeroepen als cmd -i -- adres\n"
	    "  --mbox bestand     voeg de berichten in plaats daarvan aan een mbox toe\n"
	    "  --dry-run          toon de berichten in plaats daarvan, als mbox\n"
	    "  --log bestand      log elk bericht; sla over volgens --every en --max\n"
	    "  --every interval   niet opnieuw binnen 90m, 12h, 3d, 1w\n"
	    "  --max n            hoogstens n berichten per persoon\n"
	    "  --timeout seconden geef het mailsysteem hoogstens zo lang (standaard 60)\n"
	    "  --answers bestand  hun antwoorden tot nu (antwoordregels), ingevuld\n"
	    "  --status bestand   collect --status, om te zeggen wat er misliep met een antwoord\n"
	    "  --key bestand      onderteken de formulieren (anders $STANCE_KEY_FILE)\n"
	    "  --feedback bestand op elk formulier waar de groep stond: de vorige ronde van aggregate\n"
	    "  --previous bestand en waar de persoon stond: antwoordregels van die ronde\n"
	    "Zie remind(1).\n"));
}

/* Where the messages go. */
enum delivery { DELIVER_SENDMAIL, DELIVER_MBOX, DELIVER_PRINT };

/* What someone gave so far (--answers), per continuum. */
#define RECEIPT_DIGEST 12	/* hex digits of a receipt's answers_digest */

struct given {
	int *position;			/* POSITION_UNSET for nothing */
	char **note;			/* unescaped */
	long long *time;
};

struct remind {
	const struct questionnaire *q;
	const char *round, *from, *subject;	/* from: the address alone */
	char *from_name;		/* --from's display name, or NULL */
	char *text;			/* --text: the facilitator's own words, or NULL */
	int invitation, receipts, verbose;
	const char *url;		/* --url: the web page's address, or NULL */
	long long now, until, every;	/* until: LLONG_MAX for none; every: -1 for none */
	char until_text[TIMESTAMP_LEN + 1];
	long max;			/* -1 for none */
	long timeout;			/* seconds the mail system may take */
	enum delivery delivery;
	char **sendmail;		/* the command's words, NULL-terminated */
	const char *mbox;
	struct key key;
	int have_key;

	/* --log: held locked for the whole run */
	const char *log_path;
	int log_fd;
	struct intern logged;		/* participants with lines in this round */
	struct person_log {
		size_t sent;		/* messages that went */
		long long last;		/* when the last went, or -1 */
		struct buf ids;		/* their Message-IDs, invitation first, space-separated */
		char *invitation;	/* the invitation's Message-ID, or NULL */
		int invited;		/* an invitation went, its Message-ID known or not */
		/* The last receipt: the digest of the answers it spoke of
		 * (answers_digest), "" for none, "?" for one whose
		 * Message-ID was lost, and when that one went. */
		char receipt[RECEIPT_DIGEST + 1];
		long long receipt_time;
	} *people;

	struct intern answered;		/* --answers: participants */
	struct given *given;
	struct feedback *feedback;	/* --feedback: the group's last round, per continuum */
	struct reasons camp_words;	/* --reasons: the camps' words, with it */
	struct intern previous;		/* --previous: participants */
	struct given *earlier;		/* their answers in other rounds */
	struct intern statuses;		/* --status: participants */
	enum progress_state *state;
	char **reasons;			/* their reasons, or NULL */

	struct intern seen;		/* participants of the roster lines read */
	unsigned long *seen_line;	/* where each was first */
	unsigned long counter;		/* for unique Message-IDs in one run */
	unsigned long sent, skipped, failed, refused;
	int bad, trouble;
};

/* ---- The log. ---- */


/* What this run sends. */
static enum sentlog_kind
run_kind(const struct remind *r)
{
	return r->receipts ? SENTLOG_RECEIPT : r->invitation ? SENTLOG_INVITATION : SENTLOG_REMINDER;
}

static struct person_log *
person_log(struct remind *r, const char *participant, int add)
{
	size_t before = r->logged.n;
	uint32_t id = add ? intern_add(&r->logged, participant, strlen(participant)) :
	    intern_find(&r->logged, participant, strlen(participant));

	if (id == UINT32_MAX)
		return NULL;
	if (r->logged.n > before) {	/* new: not the last one found again */
		r->people = xreallocarray(r->people, r->logged.n, sizeof(*r->people));
		memset(&r->people[id], 0, sizeof(r->people[id]));
		r->people[id].last = -1;
	}
	return &r->people[id];
}

/* The answers a logged receipt spoke of: the digest its Message-ID
 * holds (<stance-receipt.DIGEST.…>), or "?" if it was lost. */
static void
receipt_take(struct person_log *p, const struct sentlog_entry *e)
{
	static const char prefix[] = "<stance-receipt.";
	const char *d = e->message_id + sizeof(prefix) - 1;
	size_t n;

	p->receipt_time = e->time;
	if (strncmp(e->message_id, prefix, sizeof(prefix) - 1) != 0 ||
	    (n = strspn(d, "0123456789abcdef")) != RECEIPT_DIGEST || d[n] != '.') {
		strcpy(p->receipt, "?");
		return;
	}
	memcpy(p->receipt, d, RECEIPT_DIGEST);
	p->receipt[RECEIPT_DIGEST] = '\0';
}

static void
log_take(struct remind *r, const struct sentlog_entry *e)
{
	struct person_log *p;

	if (strcmp(e->round, r->round) != 0 || !e->sent)
		return;
	p = person_log(r, e->participant, 1);
	/* A receipt is no reminder: it counts for neither --max nor --every. */
	if (e->kind == SENTLOG_RECEIPT) {
		receipt_take(p, e);
		return;
	}
	p->sent++;
	if (e->time > p->last)
		p->last = e->time;
	p->invited |= e->kind == SENTLOG_INVITATION;
	if (strcmp(e->message_id, SENTLOG_ID_UNKNOWN) == 0)	/* a mended line's */
		return;
	if (e->kind == SENTLOG_INVITATION && p->invitation == NULL)
		p->invitation = xstrdup(e->message_id);
	buf_printf(&p->ids, "%s%s", p->ids.len ? " " : "", e->message_id);
}

/* Where the log's last line starts: after its last newline. */
static off_t
log_last_line_start(struct remind *r)
{
	char chunk[512];
	off_t end = lseek(r->log_fd, 0, SEEK_END);
	ssize_t got, i;

	while (end > 0) {
		off_t from = end > (off_t)sizeof(chunk) ? end - (off_t)sizeof(chunk) : 0;

		if ((got = pread(r->log_fd, chunk, (size_t)(end - from), from)) <= 0)
			return -1;
		for (i = got - 1; i >= 0; i--)
			if (chunk[i] == '\n')
				return from + i + 1;
		end = from;
	}
	return 0;
}

/*
 * A last line without its newline: a run was stopped while writing it
 * (a crash, a full disk).  Its line is written after the hand-over, so
 * the message went; if the fragment names whom, it counts as sent, so
 * that nothing goes twice.  The log is mended under the lock, before
 * anything is appended: a line glued onto the fragment could never be
 * read, and its message would "never have gone" either.  The fragment
 * gives way to a whole line saying what it said (its Message-ID, if
 * cut, unknown: -), so later runs read it too.
 */
static void
log_fragment(struct remind *r, char *line, size_t len, unsigned long number)
{
	struct sentlog_entry e = { 0 };
	struct buf quoted = { 0 }, whole = { 0 };
	char *field[4], *end = line + len, *p = line;
	size_t i, flen[4];
	off_t start;

	text_quote(&quoted, line, len);
	/* The fields whole, by their lengths: a NUL in one (what a crash
	 * can leave at a file's end) is refused with it, not a cut. */
	for (i = 0; i < 4; i++) {
		char *tab = memchr(p, '\t', (size_t)(end - p));

		if (tab == NULL)
			break;
		*tab = '\0';
		field[i] = p;
		flen[i] = (size_t)(tab - p);
		p = tab + 1;
	}
	r->bad = 1;
	if (i >= 3 && timestamp_valid(field[0], flen[0]) &&
	    token_problem(field[1], flen[1]) == NULL && token_problem(field[2], flen[2]) == NULL) {
		e.time = timestamp_seconds(field[0]);
		e.round = field[1];
		e.participant = field[2];
		/* Its kind, if whole; else the kind this run would send. */
		e.kind = i == 4 ? (strcmp(field[3], "invitation") == 0 ? SENTLOG_INVITATION :
		    strcmp(field[3], "receipt") == 0 ? SENTLOG_RECEIPT : SENTLOG_REMINDER) :
		    run_kind(r);
		e.message_id = SENTLOG_ID_UNKNOWN;
		e.sent = 1;
		diag_at(r->log_path, number, tr(
		    "the last line was cut short ('%s'); it names %s in round %s: counted as written to, so that nothing goes twice, and written again whole",
		    "de laatste regel werd afgebroken ('%s'); ze noemt %s in ronde %s: geteld als aangeschreven, zodat niets twee keer vertrekt, en opnieuw volledig geschreven"),
		    quoted.data, e.participant, e.round);
		log_take(r, &e);
		sentlog_format(&whole, &e);
	} else {
		diag_at(r->log_path, number, tr(
		    "the last line was cut short before it named anyone ('%s'); removed",
		    "de laatste regel werd afgebroken voor ze iemand noemde ('%s'); verwijderd"),
		    quoted.data);
	}
	buf_free(&quoted);
	if (r->delivery == DELIVER_PRINT) {	/* a dry run changes nothing */
		buf_free(&whole);
		return;
	}
	if ((start = log_last_line_start(r)) < 0 || ftruncate(r->log_fd, start) < 0 ||
	    (whole.len > 0 && write(r->log_fd, whole.data, whole.len) != (ssize_t)whole.len))
		diag_fatal(tr("log %s: %s; its cut last line could not be mended",
		    "logboek %s: %s; de afgebroken laatste regel kon niet hersteld worden"),
		    r->log_path, lang_strerror(errno));
	buf_free(&whole);
}

/*
 * Open the log, lock it (waiting for another run that holds it), and
 * read what was sent in this round.  The lock is held until remind
 * exits, so that two runs at once cannot both decide to send.
 */
static void
log_open(struct remind *r)
{
	struct sentlog_entry e;
	struct lines in;
	struct stat st;
	FILE *fp;
	ssize_t n;
	int fd;

	r->log_fd = open(r->log_path, O_RDWR | O_CREAT | O_APPEND | O_NOFOLLOW | O_NONBLOCK, 0600);
	if (r->log_fd < 0)
		diag_fatal(tr("log %s: %s", "logboek %s: %s"), r->log_path, lang_strerror(errno));
	if (fstat(r->log_fd, &st) < 0 || !S_ISREG(st.st_mode))
		diag_fatal(tr("log %s: not a regular file", "logboek %s: geen gewoon bestand"), r->log_path);
	/* Whoever can write the log decides who is written to, and how often. */
	if (st.st_uid != geteuid())
		diag_fatal(tr("log %s belongs to user %ld, not to you; whoever owns it decides who is written to",
		    "logboek %s is van gebruiker %ld, niet van jou; wie het bezit, beslist wie aangeschreven wordt"),
		    r->log_path, (long)st.st_uid);
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		diag_fatal(tr("log %s can be written by others (mode %04o); make it yours alone: chmod 600 %s",
		    "logboek %s kan door anderen geschreven worden (modus %04o); maak het van jou alleen: chmod 600 %s"),
		    r->log_path, (unsigned)(st.st_mode & 07777), r->log_path);
	if (flock(r->log_fd, LOCK_EX | LOCK_NB) < 0) {
		if (r->verbose)
			diag_warn(tr("log %s: another remind holds it; waiting",
			    "logboek %s: een andere remind houdt het vast; even wachten"), r->log_path);
		while (flock(r->log_fd, LOCK_EX) < 0)
			if (errno != EINTR)
				diag_fatal(tr("log %s: %s", "logboek %s: %s"), r->log_path, lang_strerror(errno));
	}
	/* Read it through a second descriptor, from the start. */
	if ((fd = open(r->log_path, O_RDONLY | O_NOFOLLOW)) < 0 || (fp = fdopen(fd, "r")) == NULL)
		diag_fatal(tr("log %s: %s", "logboek %s: %s"), r->log_path, lang_strerror(errno));
	lines_from(&in, fp, r->log_path);
	while ((n = lines_next(&in)) >= 0) {
		const char *why;

		if (in.unterminated) {
			log_fragment(r, in.line, (size_t)n, in.number);
			continue;
		}
		if ((why = sentlog_parse(in.line, (size_t)n, &e)) != NULL) {
			diag_at(r->log_path, in.number, "%s", why);
			r->bad = 1;
			continue;
		}
		log_take(r, &e);
	}
	if (lines_error(&in))
		diag_fatal(tr("log %s: %s", "logboek %s: %s"), r->log_path, lang_strerror(errno));
	lines_close(&in);
	fclose(fp);
}

/* One whole line, in one write: a line is either in the log or not. */
static void
log_write(struct remind *r, const struct sentlog_entry *e)
{
	struct buf line = { 0 };
	ssize_t n;

	if (r->log_path == NULL || r->delivery == DELIVER_PRINT)
		return;
	sentlog_format(&line, e);
	do
		n = write(r->log_fd, line.data, line.len);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)line.len) {
		diag_warn(tr("log %s: %s; a message went without its line: stopping",
		    "logboek %s: %s; een bericht vertrok zonder zijn regel: gestopt"),
		    r->log_path, n < 0 ? lang_strerror(errno) : tr("short write", "onvolledig geschreven"));
		exit(EXIT_TROUBLE);
	}
	buf_free(&line);
}

/* ---- What people gave, and what collect said of them. ---- */

static struct given *
given_in(struct remind *r, struct intern *names, struct given **given, const char *participant,
    int add)
{
	size_t k, nk = r->q->ncontinua, before = names->n;
	uint32_t id = add ? intern_add(names, participant, strlen(participant)) :
	    intern_find(names, participant, strlen(participant));

	if (id == UINT32_MAX)
		return NULL;
	if (names->n > before) {	/* new: not the last one found again */
		*given = xreallocarray(*given, names->n, sizeof(**given));
		(*given)[id].position = xreallocarray(NULL, nk, sizeof(int));
		(*given)[id].note = xcalloc(nk, sizeof(char *));
		(*given)[id].time = xreallocarray(NULL, nk, sizeof(long long));
		for (k = 0; k < nk; k++) {
			(*given)[id].position[k] = POSITION_UNSET;
			(*given)[id].time[k] = -1;
		}
	}
	return &(*given)[id];
}

static struct given *
given_of(struct remind *r, const char *participant, int add)
{
	return given_in(r, &r->answered, &r->given, participant, add);
}

/* --answers: response lines; the latest answer to a continuum counts,
 * as in collect. */
static void
read_answers(struct remind *r, const char *path, int earlier)
{
	struct lines in;
	struct response resp;
	struct buf note = { 0 };
	ssize_t n;

	if (lines_open(&in, path) < 0)
		diag_fatal("%s: %s", path, lang_strerror(errno));
	while ((n = lines_next(&in)) >= 0) {
		const char *why;
		struct given *g;
		long k;
		long long t;

		if ((why = response_parse(in.line, (size_t)n, &resp)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			r->bad = 1;
			continue;
		}
		/* --answers: this round's; --previous: any other's. */
		if ((strcmp(resp.round, r->round) == 0) == earlier)
			continue;
		if ((k = questionnaire_find(r->q, resp.continuum, resp.continuum_len)) < 0) {
			diag_at(in.name, in.number, tr("unknown continuum '%s'", "onbekend continuum '%s'"),
			    resp.continuum);
			r->bad = 1;
			continue;
		}
		g = earlier ? given_in(r, &r->previous, &r->earlier, resp.participant, 1) :
		    given_of(r, resp.participant, 1);
		t = timestamp_seconds(resp.time);
		if (t < g->time[k])
			continue;
		buf_reset(&note);
		note_unescape(&note, resp.note, resp.note_len);
		g->time[k] = t;
		g->position[k] = resp.position;
		free(g->note[k]);
		g->note[k] = note.len > 0 ? xstrdup(note.data) : NULL;
	}
	if (lines_error(&in))
		diag_fatal("%s: %s", in.name, lang_strerror(errno));
	lines_close(&in);
	buf_free(&note);
}

/* --status: collect --status lines. */
static void
read_status(struct remind *r, const char *path)
{
	struct lines in;
	struct progress p;
	ssize_t n;

	if (lines_open(&in, path) < 0)
		diag_fatal("%s: %s", path, lang_strerror(errno));
	while ((n = lines_next(&in)) >= 0) {
		const char *why;
		uint32_t id;
		size_t before;

		if ((why = progress_parse(in.line, (size_t)n, &p)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			r->bad = 1;
			continue;
		}
		before = r->statuses.n;
		id = intern_add(&r->statuses, p.participant, strlen(p.participant));
		r->state = xreallocarray(r->state, r->statuses.n, sizeof(*r->state));
		r->state[id] = p.state;
		r->reasons = xreallocarray(r->reasons, r->statuses.n, sizeof(*r->reasons));
		if (r->statuses.n > before)
			r->reasons[id] = NULL;
		free(r->reasons[id]);
		r->reasons[id] = strcmp(p.reasons, "-") != 0 ? xstrdup(p.reasons) : NULL;
	}
	if (lines_error(&in))
		diag_fatal("%s: %s", in.name, lang_strerror(errno));
	lines_close(&in);
}

/* ---- The message. ---- */

/* The words above the form (letter.h). */
static void
letter_of(struct buf *out, const struct remind *r, const struct roster_entry *e,
    const struct given *g, uint32_t sid)
{
	struct letter l;
	struct buf link = { 0 };

	memset(&l, 0, sizeof(l));
	l.q = r->q;
	l.round = r->round;
	l.name = strcmp(e->name, "-") != 0 ? e->name : e->participant;
	l.email = e->email;
	l.signer = r->from_name != NULL ? r->from_name : r->from;
	l.own_text = r->text;
	l.now = r->now;
	l.until = r->until;
	l.until_text = r->until_text;
	l.invitation = r->invitation;
	l.short_replies = r->have_key;
	if (r->url != NULL) {
		char token[KEY_TOKEN_LEN + 1];

		key_token(&r->key, r->q->id, r->round, e->participant, e->group, token);
		buf_addstr(&link, r->url);
		buf_addc(&link, strchr(r->url, '?') != NULL ? '&' : '?');
		buf_addstr(&link, "r=");
		html_url_encode(&link, r->round);
		buf_addstr(&link, "&p=");
		html_url_encode(&link, e->participant);
		buf_addstr(&link, "&g=");
		html_url_encode(&link, e->group);
		buf_printf(&link, "&t=%s", token);
		l.link = link.data;
	}
	l.given = g != NULL && !r->invitation ? g->position : NULL;
	l.notes = g != NULL ? g->note : NULL;
	if (sid != UINT32_MAX) {
		l.reasons = r->reasons[sid];
		l.unreadable = r->state[sid] == PROGRESS_UNREADABLE;
	}
	if (r->receipts)
		letter_receipt(out, &l);
	else
		letter_text(out, &l);
	buf_free(&link);
}

/* The headers, and the blank line that ends them. */
static void
put_headers(struct buf *out, const struct remind *r, const struct roster_entry *e, const char *id,
    const struct person_log *log)
{
	struct buf subject = { 0 };

	if (r->subject != NULL)
		buf_addstr(&subject, r->subject);
	else if (r->receipts)
		buf_printf(&subject, tr("Received: your answers, round %s",
		    "Ontvangen: je antwoorden, ronde %s"), r->round);
	else if (r->invitation)
		buf_printf(&subject, tr("Where do you stand? Round %s", "Waar sta jij? Ronde %s"), r->round);
	else
		buf_printf(&subject, tr("Reminder: where do you stand? Round %s",
		    "Herinnering: waar sta jij? Ronde %s"), r->round);
	buf_addstr(out, "Date: ");
	compose_date(out, r->now);
	buf_addc(out, '\n');
	compose_address_header(out, "From", r->from_name, r->from);
	compose_address_header(out, "To", e->name, e->email);
	compose_text_header(out, "Subject", subject.data);
	compose_ids_header(out, "Message-ID", id);
	/* Reminders and receipts in the thread of the invitation. */
	if (log != NULL && log->invitation != NULL && !r->invitation)
		compose_ids_header(out, "In-Reply-To", log->invitation);
	if (log != NULL && log->ids.len > 0 && !r->invitation)
		compose_ids_header(out, "References", log->ids.data);
	buf_addstr(out, "MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n"
	    "Auto-Submitted: auto-generated\n\n");
	buf_free(&subject);
}

/* The message whole: headers, text and form. */
static void
compose(struct buf *out, struct remind *r, const struct roster_entry *e, const char *id,
    const struct person_log *log)
{
	struct given *g = given_of(r, e->participant, 0);
	uint32_t sid = intern_find(&r->statuses, e->participant, strlen(e->participant));
	struct form_given *fill = NULL;
	struct feedback *mine = NULL;	/* copies: the verdicts stay r->feedback's */
	struct form_spec spec = { r->round, e->participant, e->group, NULL, NULL, NULL };
	struct buf text = { 0 };
	char token[KEY_TOKEN_LEN + 1], *form = NULL;
	size_t len = 0, k;
	FILE *fp;

	if (r->have_key) {
		key_token(&r->key, r->q->id, r->round, e->participant, e->group, token);
		spec.token = token;
	}
	/* A second round: where the group stood, and where this person. */
	if (r->feedback != NULL || r->earlier != NULL) {
		const struct given *e0 = r->earlier != NULL ?
		    given_in(r, &r->previous, &r->earlier, e->participant, 0) : NULL;

		mine = xcalloc(r->q->ncontinua, sizeof(*mine));
		for (k = 0; k < r->q->ncontinua; k++) {
			if (r->feedback != NULL)
				mine[k] = r->feedback[k];
			mine[k].own = e0 != NULL ? e0->position[k] : POSITION_UNSET;
		}
		spec.feedback = mine;
	}
	if (g != NULL && !r->invitation) {
		fill = xcalloc(r->q->ncontinua, sizeof(*fill));
		for (k = 0; k < r->q->ncontinua; k++) {
			fill[k].position = g->position[k];
			fill[k].note = g->note[k];
		}
		spec.given = fill;
	}
	letter_of(&text, r, e, g, sid);
	if ((fp = open_memstream(&form, &len)) == NULL || form_write(fp, r->q, &spec) < 0 ||
	    fclose(fp) != 0)
		alloc_out_of_memory();
	buf_addstr(&text, form);
	free(form);
	free(fill);
	free(mine);
	put_headers(out, r, e, id, log);
	compose_quoted_printable(out, text.data);
	buf_free(&text);
}

/*
 * <stance-KIND.TIME.PID.N@domain of --from>: unique without naming
 * anyone (the log says whose it is).  TIME is now; a receipt has instead
 * the digest of the answers it speaks of (sentlog.h).  In a signed round PID.N gives way
 * to 16 hex digits of an HMAC under the key over them, whom and when:
 * as unique, and impossible to guess, for collect counts answers typed
 * in a reply to it (--log), and such a reply is only as good as the
 * Message-ID it names.
 */
static void
message_id(struct buf *out, struct remind *r, const struct roster_entry *e, const char *digest)
{
	const char *kind = sentlog_kind_name(run_kind(r));
	struct buf unique = { 0 }, first = { 0 };
	char mac[KEY_TOKEN_LEN + 1];

	if (digest != NULL)
		buf_addstr(&first, digest);
	else
		buf_printf(&first, "%lld", r->now);
	buf_printf(&unique, "%s.%ld.%lu", first.data, (long)getpid(), ++r->counter);
	if (r->have_key) {
		/* A questionnaire id holds no blank: never a form's token. */
		key_token(&r->key, "stance message-id", r->round, e->participant, unique.data, mac);
		buf_reset(&unique);
		buf_printf(&unique, "%s.%.16s", first.data, mac);
	}
	buf_free(&first);
	/* --from passed compose_address_problem: its domain is dot-atom. */
	buf_printf(out, "<stance-%s.%s@%s>", kind, unique.data, strrchr(r->from, '@') + 1);
	buf_free(&unique);
}

/* ---- Handing it over. ---- */

/*
 * The message as a file the mail system reads from: unlike a pipe, its
 * offset, which the child shares, says afterwards how much it read, for
 * a message of any size.  Unlinked at once; only this process has it.
 */
static FILE *
message_file(const struct buf *message)
{
	FILE *fp = tmpfile();

	if (fp == NULL)
		return NULL;
	if (fwrite(message->data, 1, message->len, fp) != message->len || fflush(fp) != 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		fclose(fp);
		return NULL;
	}
	return fp;
}

/*
 * Wait for the mail system at most r->timeout seconds; then end it,
 * politely first.  Returns 0 with its status, or -1 if it had to be
 * killed.
 */
static int
wait_for(const struct remind *r, pid_t pid, int *status)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };	/* 10 ms */
	long long ticks, limit = r->timeout * 100LL;
	pid_t got;

	for (ticks = 0;; ticks++) {
		if ((got = waitpid(pid, status, WNOHANG)) == pid)
			return ticks <= limit ? 0 : -1;
		if (got < 0 && errno != EINTR)
			return -1;
		if (ticks == limit)
			kill(pid, SIGTERM);
		if (ticks == limit + 200) {	/* two seconds to go quietly */
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			return -1;
		}
		nanosleep(&tick, NULL);
	}
}

/*
 * sendmail -i -- address, the message on its standard input.  Returns 0
 * when the mail system took it: it read all of it and exited 0 within
 * --timeout seconds.
 */
static int
sendmail(struct remind *r, const char *address, const struct buf *message)
{
	char **argv;
	size_t n, i;
	int status;
	off_t read_to;
	pid_t pid;
	FILE *fp;

	for (n = 0; r->sendmail[n] != NULL; n++)
		;
	argv = xcalloc(n + 4, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = r->sendmail[i];
	argv[n] = "-i";
	argv[n + 1] = "--";
	argv[n + 2] = (char *)address;
	if ((fp = message_file(message)) == NULL || (pid = fork()) < 0) {
		diag_warn("%s: %s", r->sendmail[0], lang_strerror(errno));
		if (fp != NULL)
			fclose(fp);
		free(argv);
		return -1;
	}
	if (pid == 0) {
		/* Its own output is ours on standard error: standard output
		 * is for what remind itself prints. */
		if (dup2(fileno(fp), STDIN_FILENO) < 0 || dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
			_exit(127);
		execvp(argv[0], argv);
		fprintf(stderr, "%s: %s: %s\n", diag_program, argv[0], lang_strerror(errno));
		_exit(127);
	}
	free(argv);
	if (wait_for(r, pid, &status) < 0) {
		fclose(fp);
		diag_warn(tr("%s: %s did not finish in time (--timeout %ld) and was stopped",
		    "%s: %s was niet op tijd klaar (--timeout %ld) en werd gestopt"),
		    address, r->sendmail[0], r->timeout);
		return -1;
	}
	read_to = lseek(fileno(fp), 0, SEEK_CUR);
	fclose(fp);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && read_to == (off_t)message->len)
		return 0;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		diag_warn(tr("%s: %s read %lld of the message's %zu bytes and stopped",
		    "%s: %s las %lld van de %zu bytes van het bericht en stopte"),
		    address, r->sendmail[0], (long long)read_to, message->len);
	else if (WIFEXITED(status))
		diag_warn(tr("%s: %s exited with status %d", "%s: %s eindigde met status %d"),
		    address, r->sendmail[0], WEXITSTATUS(status));
	else
		diag_warn(tr("%s: %s was killed by signal %d", "%s: %s werd gestopt door signaal %d"),
		    address, r->sendmail[0], WTERMSIG(status));
	return -1;
}

/* As an mbox message: a From_ line, and From lines quoted (mboxrd). */
static void
as_mbox(struct buf *out, const struct remind *r, const struct buf *message)
{
	const char *p = message->data, *nl;

	compose_mbox_from(out, r->from, r->now);
	while (*p) {
		size_t skip = strspn(p, ">");

		nl = strchr(p, '\n');
		if (strncmp(p + skip, "From ", 5) == 0)
			buf_addc(out, '>');
		buf_add(out, p, nl ? (size_t)(nl - p) + 1 : strlen(p));
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	buf_addc(out, '\n');
}

static int
deliver(struct remind *r, const struct roster_entry *e, const struct buf *message)
{
	struct buf box = { 0 };
	int result = 0;

	switch (r->delivery) {
	case DELIVER_SENDMAIL:
		return sendmail(r, e->email, message);
	case DELIVER_MBOX:
	case DELIVER_PRINT:
		as_mbox(&box, r, message);
		if (r->delivery == DELIVER_MBOX)
			result = output_append(r->mbox, box.data, box.len);
		/* A dry run that cannot print shows nothing of what would go:
		 * stop, said once. */
		else if (fwrite(box.data, 1, box.len, stdout) != box.len || fflush(stdout) != 0)
			diag_fatal(tr("write error on standard output: %s",
			    "schrijffout op standaarduitvoer: %s"), lang_strerror(errno));
		buf_free(&box);
		return result;
	}
	return -1;
}

/* ---- One person. ---- */

static void
verbose(const struct remind *r, const char *fmt, const char *participant)
{
	if (r->verbose)
		diag_warn(fmt, participant);
}

/* Whether the log says not to write to them now, and why (-v). */
static int
skip(struct remind *r, const struct roster_entry *e, const struct person_log *p)
{
	/* --max 0 sends nothing, to those the log has never seen too. */
	if (r->max == 0) {
		verbose(r, tr("%s: --max 0; skipped", "%s: --max 0; overgeslagen"), e->participant);
		return 1;
	}
	if (p == NULL)
		return 0;
	if (r->invitation && p->invited) {
		verbose(r, tr("%s: invited already; skipped", "%s: al uitgenodigd; overgeslagen"), e->participant);
		return 1;
	}
	if (r->max >= 0 && p->sent >= (size_t)r->max) {
		verbose(r, tr("%s: sent --max messages already; skipped",
		    "%s: kreeg al --max berichten; overgeslagen"), e->participant);
		return 1;
	}
	if (r->every >= 0 && p->last >= 0 && r->now - p->last < r->every) {
		verbose(r, tr("%s: written to less than --every ago; skipped",
		    "%s: minder dan --every geleden geschreven; overgeslagen"), e->participant);
		return 1;
	}
	return 0;
}

/* Whether --answers or --status says they answered everything already:
 * a whole roster piped in by mistake reminds nobody who is done. */
static int
answered_all(struct remind *r, const struct roster_entry *e)
{
	uint32_t sid = intern_find(&r->statuses, e->participant, strlen(e->participant));
	struct given *g = given_of(r, e->participant, 0);
	size_t k, n = 0;

	for (k = 0; g != NULL && k < r->q->ncontinua; k++)
		n += g->position[k] != POSITION_UNSET;
	if ((sid != UINT32_MAX && r->state[sid] == PROGRESS_COMPLETE) || (g != NULL && n == r->q->ncontinua)) {
		verbose(r, tr("%s: answered every question already; skipped",
		    "%s: beantwoordde al elke vraag; overgeslagen"), e->participant);
		return 1;
	}
	return 0;
}

/* RECEIPT_DIGEST hex digits of SHA-256 over someone's answers (position
 * and note per continuum): what a receipt spoke of, whatever the times
 * (a reply delayed in the mail may carry an older Date than one
 * already confirmed). */
static void
answers_digest(const struct remind *r, const struct given *g, char out[RECEIPT_DIGEST + 1])
{
	unsigned char digest[SHA256_BYTES];
	struct buf all = { 0 };
	size_t k;

	for (k = 0; k < r->q->ncontinua; k++)
		buf_printf(&all, "%d\t%s\n", g->position[k], g->note[k] != NULL ? g->note[k] : "");
	sha256(all.data, all.len, digest);
	for (k = 0; k < RECEIPT_DIGEST / 2; k++)
		snprintf(out + 2 * k, 3, "%02x", digest[k]);
	buf_free(&all);
}

/*
 * --receipts: whether someone is due one: they have answers (--answers)
 * and no receipt spoke of these answers yet (the log's last one, by its
 * digest, put in *digest).  So a receipt goes once for the same answers,
 * and again after a change.
 */
static int
receipt_due(struct remind *r, const struct roster_entry *e, const struct person_log *p,
    char digest[RECEIPT_DIGEST + 1])
{
	struct given *g = given_of(r, e->participant, 0);
	long long latest = -1;
	size_t k;

	for (k = 0; g != NULL && k < r->q->ncontinua; k++)
		if (g->position[k] != POSITION_UNSET && g->time[k] > latest)
			latest = g->time[k];
	if (latest < 0) {
		verbose(r, tr("%s: no answers yet; no receipt", "%s: nog geen antwoorden; geen ontvangstbevestiging"),
		    e->participant);
		return 0;
	}
	answers_digest(r, g, digest);
	/* A receipt whose Message-ID a crash lost: these answers, if none
	 * came after it went. */
	if (p != NULL && (strcmp(p->receipt, digest) == 0 ||
	    (strcmp(p->receipt, "?") == 0 && latest <= p->receipt_time))) {
		verbose(r, tr("%s: a receipt for these answers went already; skipped",
		    "%s: een ontvangstbevestiging voor deze antwoorden ging al; overgeslagen"), e->participant);
		return 0;
	}
	return 1;
}

/*
 * Whether a roster line is someone to write to: not on the roster before,
 * and with an address; said why not (quietly for someone who answers on
 * paper).  Messages go to the first of a person's addresses
 * (stance-roster(5)); collect takes replies from any.
 */
static int
writable(struct remind *r, struct roster_entry *e, const char *file, unsigned long line)
{
	size_t before = r->seen.n;
	uint32_t seen = intern_add(&r->seen, e->participant, strlen(e->participant));
	const char *why;
	char *comma;

	/* Twice on the roster (two files, a list pasted twice): one message. */
	if (r->seen.n == before) {
		diag_at(file, line, tr("%s is on the roster already (line %lu); not written to twice",
		    "%s staat al op de deelnemerslijst (regel %lu); niet twee keer geschreven"),
		    e->participant, r->seen_line[seen]);
		r->refused++;
		r->bad = 1;
		return 0;
	}
	r->seen_line = xreallocarray(r->seen_line, r->seen.n, sizeof(*r->seen_line));
	r->seen_line[seen] = line;
	if ((comma = strchr(e->email, ',')) != NULL)
		*comma = '\0';
	/* Someone who answers on paper has no address: no mistake, and no
	 * reason for cron to mail the facilitator every morning. */
	if (strcmp(e->email, "-") == 0) {
		verbose(r, tr("%s: no address on the roster (answers on paper?); skipped",
		    "%s: geen adres op de deelnemerslijst (antwoordt op papier?); overgeslagen"), e->participant);
		r->skipped++;
		return 0;
	}
	if ((why = compose_address_problem(e->email)) != NULL) {
		diag_at(file, line, tr("address '%s' of %s %s; nothing sent",
		    "adres '%s' van %s %s; niets verzonden"), e->email, e->participant, why);
		r->refused++;
		r->bad = 1;
		return 0;
	}
	return 1;
}

static void
one(struct remind *r, struct roster_entry *e, const char *file, unsigned long line)
{
	struct person_log *p = r->log_path != NULL ? person_log(r, e->participant, 0) : NULL;
	struct buf message = { 0 }, id = { 0 };
	struct sentlog_entry log;
	char digest[RECEIPT_DIGEST + 1];

	if (!writable(r, e, file, line))
		return;
	if (r->receipts ? !receipt_due(r, e, p, digest) : skip(r, e, p) || answered_all(r, e)) {
		r->skipped++;
		return;
	}
	message_id(&id, r, e, r->receipts ? digest : NULL);
	compose(&message, r, e, id.data, p);
	log.time = r->now;
	log.round = r->round;
	log.participant = e->participant;
	log.kind = run_kind(r);
	log.message_id = id.data;
	log.sent = deliver(r, e, &message) == 0;
	log_write(r, &log);
	if (log.sent) {
		r->sent++;
		verbose(r, tr("%s: sent", "%s: verzonden"), e->participant);
	} else {
		diag_at(file, line, tr("%s: the message could not be handed over; %s",
		    "%s: het bericht kon niet afgegeven worden; %s"), e->participant,
		    r->log_path != NULL ? tr("logged as failed, tried again next run",
		    "gelogd als mislukt, volgende keer opnieuw geprobeerd") :
		    tr("not logged (no --log)", "niet gelogd (geen --log)"));
		r->failed++;
		r->bad = 1;
	}
	buf_free(&message);
	buf_free(&id);
}

static void
read_roster(struct remind *r, const char *path)
{
	struct lines in;
	struct roster_entry e;
	ssize_t n;

	if (lines_open(&in, path) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		r->trouble = 1;
		return;
	}
	while ((n = lines_next(&in)) >= 0) {
		const char *why;

		if (n == 0)
			continue;
		if ((why = roster_parse(in.line, (size_t)n, &e)) != NULL) {
			/* A CR, LF or NUL in a field, a bad address: never sent. */
			diag_at(in.name, in.number, "%s; nothing sent", why);
			r->refused++;
			r->bad = 1;
			continue;
		}
		one(r, &e, in.name, in.number);
	}
	if (lines_error(&in)) {
		diag_warn("%s: %s", in.name, lang_strerror(errno));
		r->trouble = 1;
	}
	lines_close(&in);
}

/* ---- The command line. ---- */

enum {
	OPT_FROM = 256, OPT_SUBJECT, OPT_INVITATION, OPT_UNTIL, OPT_SENDMAIL, OPT_MBOX,
	OPT_LOG, OPT_EVERY, OPT_MAX, OPT_DRY_RUN, OPT_ANSWERS, OPT_STATUS, OPT_KEY, OPT_TIMEOUT,
	OPT_TEXT, OPT_FEEDBACK, OPT_PREVIOUS, OPT_RECEIPTS, OPT_URL, OPT_REASONS, OPT_VERSION
};

struct options {
	const char *qfile, *sendmail, *answers, *status, *key, *text, *feedback, *previous, *reasons;
	int ways, dry_run;
	int argc;
	char **argv;
};

/* The --sendmail command's words: split at blanks, no shell. */
static char **
words(const char *command)
{
	char **argv = NULL, *copy = xstrdup(command), *word, *save;
	size_t n = 0;

	for (word = strtok_r(copy, " \t", &save); word != NULL; word = strtok_r(NULL, " \t", &save)) {
		argv = xreallocarray(argv, n + 2, sizeof(*argv));
		argv[n++] = xstrdup(word);
	}
	free(copy);
	if (n == 0)
		return NULL;
	argv[n] = NULL;
	return argv;
}

/* remind's long options, by name. */
static const struct option longopts[] = {
	{ "answers", required_argument, NULL, OPT_ANSWERS },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "every", required_argument, NULL, OPT_EVERY },
	{ "feedback", required_argument, NULL, OPT_FEEDBACK },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "help", no_argument, NULL, 'h' },
	{ "invitation", no_argument, NULL, OPT_INVITATION },
	{ "reasons", required_argument, NULL, OPT_REASONS },
	{ "receipts", no_argument, NULL, OPT_RECEIPTS },
	{ "url", required_argument, NULL, OPT_URL },
	{ "key", required_argument, NULL, OPT_KEY },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "max", required_argument, NULL, OPT_MAX },
	{ "previous", required_argument, NULL, OPT_PREVIOUS },
	{ "mbox", required_argument, NULL, OPT_MBOX },
	{ "sendmail", required_argument, NULL, OPT_SENDMAIL },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "subject", required_argument, NULL, OPT_SUBJECT },
	{ "text", required_argument, NULL, OPT_TEXT },
	{ "timeout", required_argument, NULL, OPT_TIMEOUT },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

static void
options_read(struct remind *r, struct options *o, int argc, char **argv)
{
	int ch;

	memset(o, 0, sizeof(*o));
	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(argc, argv, OPTIONS_PREFIX "L:hq:r:v", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); break;
		case 'h': help(); break;
		case 'q': o->qfile = optarg; break;
		case 'r': r->round = optarg; break;
		case 'v': r->verbose = 1; break;
		case OPT_ANSWERS: o->answers = optarg; break;
		case OPT_DRY_RUN: o->dry_run = 1; break;
		case OPT_EVERY:
			if (timestamp_interval_parse(optarg, &r->every) < 0) {
				diag_warn(tr("--every '%s' is not a number and m, h, d or w (90m, 12h, 3d, 1w; at most 52w)",
				    "--every '%s' is geen getal en m, h, d of w (90m, 12h, 3d, 1w; hoogstens 52w)"), optarg);
				option_usage(usage_text);
			}
			break;
		case OPT_FROM: r->from = optarg; break;
		case OPT_INVITATION: r->invitation = 1; break;
		case OPT_RECEIPTS: r->receipts = 1; break;
		case OPT_URL: r->url = optarg; break;
		case OPT_KEY: o->key = optarg; break;
		case OPT_LOG: r->log_path = optarg; break;
		case OPT_MAX: r->max = option_number(optarg, 0, 1000, "--max", usage_text); break;
		case OPT_MBOX: r->mbox = optarg; r->delivery = DELIVER_MBOX; o->ways++; break;
		case OPT_SENDMAIL: o->sendmail = optarg; o->ways++; break;
		case OPT_TEXT: o->text = optarg; break;
		case OPT_FEEDBACK: o->feedback = optarg; break;
		case OPT_REASONS: o->reasons = optarg; break;
		case OPT_PREVIOUS: o->previous = optarg; break;
		case OPT_STATUS: o->status = optarg; break;
		case OPT_SUBJECT: r->subject = optarg; break;
		case OPT_TIMEOUT: r->timeout = option_number(optarg, 1, 3600, "--timeout", usage_text); break;
		case OPT_UNTIL: option_time(optarg, "--until", &r->until, r->until_text); break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, argv, usage_text);
		}
	}
	o->argc = argc - optind;
	o->argv = argv + optind;
	if (r->round == NULL || r->from == NULL || o->ways > 1)
		option_usage(usage_text);
	/* A dry run prints what would go, whichever way it would go. */
	if (o->dry_run)
		r->delivery = DELIVER_PRINT;
}

/* --text: a file of at most TEXT_MAX bytes, whole, its line ends LF. */
#define TEXT_MAX 8192

static int
read_text(const char *path, struct buf *out)
{
	char chunk[4096];
	size_t got, i, j;
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		diag_warn("--text %s: %s", path, lang_strerror(errno));
		return -1;
	}
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0 && out->len <= TEXT_MAX)
		buf_add(out, chunk, got);
	if (ferror(fp))
		diag_warn("--text %s: %s", path, lang_strerror(errno));
	else if (out->len > TEXT_MAX)
		diag_warn(tr("--text %s: longer than %d bytes", "--text %s: langer dan %d bytes"), path, TEXT_MAX);
	if (ferror(fp) || out->len > TEXT_MAX) {
		fclose(fp);
		return -1;
	}
	fclose(fp);
	/* A Windows editor's CRLF is a line end, nothing more; a tab is a
	 * blank, as the text is wrapped anyway. */
	for (i = j = 0; i < out->len; i++)
		if (!(out->data[i] == '\r' && i + 1 < out->len && out->data[i + 1] == '\n'))
			out->data[j++] = out->data[i] == '\t' ? ' ' : out->data[i];
	out->len = j;
	if (out->data != NULL)
		out->data[j] = '\0';
	return 0;
}

/* Text a reader's terminal shows as it is: UTF-8, no control character
 * but those allowed, nothing that turns the text around it. */
static int
plain_text(const char *s, const char *allowed)
{
	return utf8_valid(s, strlen(s)) && !utf8_has_control(s, strlen(s), allowed) &&
	    !utf8_has_bidi_control(s, strlen(s));
}

/* An address a mail client shows as a link: http or https, and printable
 * ASCII without a blank, so that it stays one word on its line. */
static int
url_plain(const char *url)
{
	const char *p;

	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0)
		return 0;
	for (p = url; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f)
			return 0;
	return strlen(url) <= 1000;
}

/* --from "Sofie Peeters <sofie@example.org>": the name, and the address
 * alone; a bare address has no name. */
static void
from_split(struct remind *r)
{
	const char *open = strrchr(r->from, '<'), *why;
	size_t n = strlen(r->from);

	if (open != NULL && n > 0 && r->from[n - 1] == '>') {
		char *name = xstrndup(r->from, (size_t)(open - r->from));

		r->from_name = xstrdup(text_trim(name));
		free(name);
		r->from = xstrndup(open + 1, n - (size_t)(open - r->from) - 2);
		/* Quotes around the name are the shell's or RFC 5322's, not its. */
		n = strlen(r->from_name);
		if (n >= 2 && r->from_name[0] == '"' && r->from_name[n - 1] == '"') {
			memmove(r->from_name, r->from_name + 1, n - 2);
			r->from_name[n - 2] = '\0';
		}
		if (*r->from_name == '\0' || !plain_text(r->from_name, ""))
			diag_fatal("%s", tr("--from: the name must be one line of text without control or direction-changing characters",
			    "--from: de naam moet één regel tekst zonder stuurtekens of richtingveranderende tekens zijn"));
	}
	if ((why = compose_address_problem(r->from)) != NULL)
		diag_fatal(tr("--from '%s' %s", "--from '%s' %s"), r->from, why);
}

/* The options' values, checked; a wrong one stops before anything is sent. */
static void
options_check(struct remind *r, struct options *o)
{
	const char *why;

	if ((why = token_problem(r->round, strlen(r->round))) != NULL)
		diag_fatal(tr("round '%s' %s", "ronde '%s' %s"), r->round, why);
	if (o->reasons != NULL && o->feedback == NULL) {
		diag_warn("%s", tr("--reasons goes with --feedback: they are shown with last round's figures",
		    "--reasons hoort bij --feedback: ze worden getoond bij de cijfers van de vorige ronde"));
		option_usage(usage_text);
	}
	/* A receipt says what counts, once: from the answers, through the log. */
	if (r->receipts && (r->invitation || o->answers == NULL || r->log_path == NULL)) {
		diag_warn("%s", tr("--receipts needs --answers and --log, and goes without --invitation",
		    "--receipts heeft --answers en --log nodig, en gaat niet samen met --invitation"));
		option_usage(usage_text);
	}
	from_split(r);
	if (r->url != NULL && !url_plain(r->url))
		diag_fatal(tr("--url '%s' is not an address like https://example.org/answer.cgi: http or https, printable ASCII, no blank",
		    "--url '%s' is geen adres zoals https://example.org/answer.cgi: http of https, afdrukbare ASCII, geen spatie"), r->url);
	/* A control character would reach the reader's terminal, decoded. */
	if (r->subject != NULL && !plain_text(r->subject, ""))
		diag_fatal("%s", tr("--subject must be one line of UTF-8 text without control or direction-changing characters",
		    "--subject moet één regel UTF-8-tekst zonder stuurtekens of richtingveranderende tekens zijn"));
	if (o->text != NULL) {
		struct buf text = { 0 };

		if (read_text(o->text, &text) < 0)
			exit(EXIT_TROUBLE);
		if (!plain_text(text.data != NULL ? text.data : "", "\n"))
			diag_fatal(tr("--text %s: the text must be UTF-8 without control or direction-changing characters",
			    "--text %s: de tekst moet UTF-8 zonder stuurtekens of richtingveranderende tekens zijn"), o->text);
		r->text = text.data != NULL ? text.data : xstrdup("");
	}
	if (o->sendmail == NULL && (o->sendmail = getenv("STANCE_SENDMAIL")) != NULL && *o->sendmail == '\0')
		o->sendmail = NULL;
	if (r->delivery == DELIVER_SENDMAIL &&
	    (r->sendmail = words(o->sendmail != NULL ? o->sendmail : "/usr/sbin/sendmail")) == NULL)
		diag_fatal("%s", tr("--sendmail is empty", "--sendmail is leeg"));
}

static void
remind_free(struct remind *r)
{
	size_t i, k;

	feedback_free(r->feedback, r->q != NULL ? r->q->ncontinua : 0);
	reasons_free(&r->camp_words);
	for (i = 0; i < r->previous.n; i++) {
		for (k = 0; k < r->q->ncontinua; k++)
			free(r->earlier[i].note[k]);
		free(r->earlier[i].position);
		free(r->earlier[i].note);
		free(r->earlier[i].time);
	}
	free(r->earlier);
	intern_free(&r->previous);
	/* A named --from was split into copies of its own. */
	if (r->from_name != NULL)
		free((char *)r->from);
	free(r->from_name);
	free(r->text);

	for (i = 0; i < r->logged.n; i++) {
		buf_free(&r->people[i].ids);
		free(r->people[i].invitation);
	}
	free(r->people);
	intern_free(&r->logged);
	for (i = 0; i < r->answered.n; i++) {
		for (k = 0; k < r->q->ncontinua; k++)
			free(r->given[i].note[k]);
		free(r->given[i].note);
		free(r->given[i].position);
		free(r->given[i].time);
	}
	free(r->given);
	intern_free(&r->answered);
	for (i = 0; i < r->statuses.n; i++)
		free(r->reasons[i]);
	free(r->reasons);
	free(r->state);
	intern_free(&r->statuses);
	intern_free(&r->seen);
	free(r->seen_line);
	for (i = 0; r->sendmail != NULL && r->sendmail[i] != NULL; i++)
		free(r->sendmail[i]);
	free(r->sendmail);
	key_free(&r->key);
	if (r->log_fd >= 0)
		close(r->log_fd);	/* and with it the lock */
}

int
main(int argc, char **argv)
{
	struct remind r;
	struct options o;
	struct questionnaire q;
	char now[TIMESTAMP_LEN + 1];
	size_t i;
	int have;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	/* A mail system that stops reading is a failed hand-over, not our death. */
	signal(SIGPIPE, SIG_IGN);
	memset(&r, 0, sizeof(r));
	r.until = LLONG_MAX;
	r.every = -1;
	r.max = -1;
	r.timeout = 60;
	r.log_fd = -1;
	options_read(&r, &o, argc, argv);
	options_check(&r, &o);
	timestamp_now(now);
	r.now = timestamp_seconds(now);
	questionnaire_choose(&q, o.qfile);
	r.q = &q;
	if ((have = key_load(&r.key, o.key)) < 0) {
		remind_free(&r);
		questionnaire_free(&q);
		return EXIT_TROUBLE;
	}
	r.have_key = have;
	if (r.url != NULL && !have)
		diag_fatal("%s", tr("--url needs --key: a link is only as good as its token",
		    "--url heeft --key nodig: een link is maar zo goed als zijn token"));
	/* Receipts still go after the deadline: for answers given before it. */
	if (r.now >= r.until && !r.receipts) {
		/* The round is closed: nobody is asked to answer any more. */
		if (r.verbose)
			diag_warn(tr("the deadline %s has passed: nothing sent",
			    "de deadline %s is voorbij: niets verzonden"), r.until_text);
		remind_free(&r);
		questionnaire_free(&q);
		return EXIT_OK;
	}
	if (o.answers != NULL)
		read_answers(&r, o.answers, 0);
	if (o.previous != NULL)
		read_answers(&r, o.previous, 1);
	if (o.feedback != NULL) {
		r.feedback = xcalloc(q.ncontinua, sizeof(*r.feedback));
		switch (feedback_load(r.feedback, &q, o.feedback)) {
		case -1:
			diag_fatal("%s", tr("--feedback needs aggregate's output of the round before",
			    "--feedback heeft de uitvoer van aggregate van de vorige ronde nodig"));
		case 1: r.bad = 1; break;
		}
		if (o.reasons != NULL) {
			switch (reasons_load(&r.camp_words, o.reasons)) {
			case -1: remind_free(&r); questionnaire_free(&q); return EXIT_TROUBLE;
			case 1: r.bad = 1; break;
			}
			if (feedback_reasons(r.feedback, &q, &r.camp_words, o.reasons) != 0)
				r.bad = 1;
		}
	}
	if (o.status != NULL)
		read_status(&r, o.status);
	if (r.log_path != NULL)
		log_open(&r);
	if (o.argc == 0)
		read_roster(&r, "-");
	for (i = 0; i < (size_t)o.argc; i++)
		read_roster(&r, o.argv[i]);
	if (r.verbose)
		diag_warn(tr("%lu sent, %lu skipped, %lu failed, %lu refused",
		    "%lu verzonden, %lu overgeslagen, %lu mislukt, %lu geweigerd"),
		    r.sent, r.skipped, r.failed, r.refused);
	if (output_close_stdout() < 0)
		r.trouble = 1;
	remind_free(&r);
	questionnaire_free(&q);
	return r.trouble ? EXIT_TROUBLE : r.bad ? EXIT_BADINPUT : EXIT_OK;
}
