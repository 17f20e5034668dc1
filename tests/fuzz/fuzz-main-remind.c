/*
 * remind's main on roster lines and, after a line "--log--", a log it
 * finds already there (cut lines, other rounds, failures), run twice
 * with --max 1, as the same cron line runs twice; or as a dry run.
 * The property is remind's promise: nothing is sent twice.
 * - After both runs, a participant the log already counted as written
 *   to in the round got nothing more, and anyone else at most one
 *   message; a line cut short counts for whom it names.
 * - Every message handed over has its log line: the mbox holds as many
 *   messages as the log gained "sent" lines.
 * - A dry run changes nothing: the log is byte for byte as it was.
 * - As receipts (--receipts, with answers of ann, bob and zoe): after
 *   both runs nobody gained more than one receipt, and the mbox holds as
 *   many messages as the log gained receipts.
 * The first byte of the input chooses: bit 0 a dry run, bit 1 receipts.
 */
#include "intern.h"
#include "program.h"
#include "sentlog.h"
#include "timestamp.h"
#include "token.h"

#define ROUND "r1"
#define KEY "the key of this round, for fuzzing only\n"

/* The "sent" lines of the round in a log, per participant. */
struct sent {
	struct intern who;
	size_t *count;
	size_t n;
};

static void
sent_one(struct sent *s, const char *participant)
{
	uint32_t id = intern_add(&s->who, participant, strlen(participant));

	if (id >= s->n) {
		s->count = xreallocarray(s->count, id + 1, sizeof(*s->count));
		while (s->n <= id)
			s->count[s->n++] = 0;
	}
	s->count[id]++;
}

static size_t
sent_of(const struct sent *s, const char *participant)
{
	uint32_t id = intern_find(&s->who, participant, strlen(participant));

	return id == UINT32_MAX ? 0 : s->count[id];
}

/* A last line without its newline counts for whom it names, as remind
 * counts it: a time, the round and a participant, each whole. */
static const char *
fragment_names(char *line, size_t len)
{
	char *field[3], *p = line, *end = line + len, *tab;
	size_t i, flen[3];

	for (i = 0; i < 3; i++) {
		if ((tab = memchr(p, '\t', (size_t)(end - p))) == NULL)
			return NULL;
		*tab = '\0';
		field[i] = p;
		flen[i] = (size_t)(tab - p);
		p = tab + 1;
	}
	if (!timestamp_valid(field[0], flen[0]) || flen[1] != strlen(ROUND) ||
	    strcmp(field[1], ROUND) != 0 || token_problem(field[2], flen[2]) != NULL)
		return NULL;
	return field[2];
}

/* With receipts: only receipts count, and only whole lines with a
 * Message-ID (a mended one went before the run, whenever it went). */
static int receipts_only;

static void
count_sent(const char *text, size_t size, struct sent *s)
{
	const char *line = text, *end = text + size;

	while (line < end) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t len = nl != NULL ? (size_t)(nl - line) : (size_t)(end - line);
		char *copy = xstrndup(line, len);
		struct sentlog_entry e;
		const char *who;

		if (nl != NULL && sentlog_parse(copy, len, &e) == NULL && e.sent &&
		    strcmp(e.round, ROUND) == 0) {
			if (!receipts_only || (e.kind == SENTLOG_RECEIPT &&
			    strcmp(e.message_id, SENTLOG_ID_UNKNOWN) != 0))
				sent_one(s, e.participant);
		} else if (nl == NULL && !receipts_only && (who = fragment_names(copy, len)) != NULL)
			sent_one(s, who);
		free(copy);
		line = nl != NULL ? nl + 1 : end;
	}
}

static void
sent_free(struct sent *s)
{
	intern_free(&s->who);
	free(s->count);
}

/* Messages in an mbox: its "From " lines (remind quotes them in bodies). */
static size_t
messages(const char *text)
{
	size_t n = strncmp(text, "From ", 5) == 0;
	const char *p;

	for (p = strstr(text, "\nFrom "); p != NULL; p = strstr(p + 1, "\nFrom "))
		n++;
	return n;
}

/* What collect gathered, for receipts. */
static const char answers[] =
    "r1\tann\tstaff\tsteering\t50\t2026-11-20T09:00:00Z\tnote\n"
    "r1\tann\tstaff\topenness\t-\t2026-11-20T09:00:00Z\t\n"
    "r1\tbob\tstaff\tlegal\t33.3\t2026-11-26T10:05:00Z\t\n"
    "r1\tzoe\tyouth\taudience\t100\t2026-11-19T09:00:00Z\ta\\tb\n";

/* The facilitator's own words (--text), with a Windows editor's line ends. */
#define TEXT "We meet on 10 December.\r\n\r\nSofie\n"

static int
remind(const char *roster, const char *log, const char *mbox, int dry_run, const char *out)
{
	char *argv[24];
	int argc = 0;

	argv[argc++] = "remind";
	argv[argc++] = "-r";
	argv[argc++] = ROUND;
	argv[argc++] = "--from";
	argv[argc++] = "Sofie Peeters-\xc3\x9cnl\xc3\xbc <facilitator@stance.test>";
	argv[argc++] = "--text";
	argv[argc++] = (char *)fuzz_path(5, "text");
	argv[argc++] = "--key";
	argv[argc++] = (char *)fuzz_path(4, "key");
	argv[argc++] = "--max";
	argv[argc++] = "1";
	argv[argc++] = "--log";
	argv[argc++] = (char *)log;
	argv[argc++] = "--mbox";
	argv[argc++] = (char *)mbox;
	if (dry_run)
		argv[argc++] = "--dry-run";
	if (receipts_only) {
		argv[argc++] = "--receipts";
		argv[argc++] = "--answers";
		argv[argc++] = (char *)fuzz_path(6, "answers");
	}
	argv[argc++] = (char *)roster;
	argv[argc] = NULL;
	return fuzz_run(remind_main, argv, out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *roster = fuzz_path(0, "roster"), *log = fuzz_path(1, "log");
	const char *mbox = fuzz_path(2, "mbox"), *out = fuzz_path(3, "out");
	const uint8_t *lines, *old_log;
	size_t nlines, nlog, n, i, gained = 0;
	struct sent before = { 0 }, after = { 0 };
	char *text;

	if (size < 1)
		return 0;
	setenv("STANCE_NOW", "2026-11-26T10:00:00Z", 1);
	unsetenv("STANCE_SENDMAIL");
	fuzz_split(data + 1, size - 1, "--log--", &lines, &nlines, &old_log, &nlog);
	fuzz_write(roster, lines, nlines);
	fuzz_write(log, old_log, nlog);
	fuzz_write(mbox, "", 0);
	fuzz_write(fuzz_path(4, "key"), KEY, sizeof(KEY) - 1);
	fuzz_write(fuzz_path(5, "text"), TEXT, sizeof(TEXT) - 1);
	fuzz_write(fuzz_path(6, "answers"), answers, sizeof(answers) - 1);
	receipts_only = (data[0] & 2) != 0;
	count_sent((const char *)old_log, nlog, &before);

	if (data[0] & 1) {
		remind(roster, log, mbox, 1, out);
		text = fuzz_read(log, &n);
		if (n != nlog || memcmp(text, old_log, n) != 0)
			fuzz_fail("a dry run changed the log");
		free(text);
		sent_free(&before);
		return 0;
	}
	remind(roster, log, mbox, 0, out);
	remind(roster, log, mbox, 0, out);
	text = fuzz_read(log, &n);
	count_sent(text, n, &after);
	free(text);
	for (i = 0; i < after.who.n; i++) {
		const char *who = intern_string(&after.who, (uint32_t)i);
		size_t had = sent_of(&before, who), has = after.count[i];

		if (receipts_only ? has > had + 1 : had > 0 ? has != had : has > 1)
			fuzz_fail("%s: %zu messages in the log before, %zu after", who, had, has);
		gained += has - had;
	}
	text = fuzz_read(mbox, &n);
	if (messages(text) != gained)
		fuzz_fail("%zu messages in the mbox, %zu sent lines gained in the log", messages(text), gained);
	free(text);
	sent_free(&before);
	sent_free(&after);
	return 0;
}
