/*
 * collect's main on a mail message or mbox, with --key and --roster, as
 * a signed round by mail is collected.  The property is the round's:
 * nobody answers as someone else.
 * - Under the round's key, every answer written is a response line of a
 *   participant on the roster; if the input is mail, one whose own
 *   address stands in it (a mailed form counts only from it; a saved
 *   form in a file has no sender, and counts on its token); none has a
 *   time from the future.
 * - Under another key, which no form in the input can be signed with,
 *   no answer is written at all from mail or forms, unless the input
 *   names the one Message-ID remind's log (--log) holds: no answer
 *   without a valid token or a message remind sent.  (A file of response
 *   lines is the facilitator's own, and not signed: collect(1).)
 * The seeds hold forms signed with the round's key, mailed as clients
 * send them, and answers typed above a quoted form or in a reply to the
 * logged message; the fuzzer changes them, adds planted response lines and
 * second From headers, and mixes messages.
 */
#include "form.h"
#include "mail.h"
#include "response.h"
#include "program.h"
#include "timestamp.h"

#define KEY "the key of this round, for fuzzing only\n"
#define OTHER_KEY "another key, one no form is signed with\n"

/* remind's log: one invitation to ann. */
#define LOGGED_ID "<stance-invitation.1795600000.0123456789abcdef@stance.test>"
static const char sent_log[] =
    "2026-11-24T08:00:00Z\tr1\tann\tinvitation\t" LOGGED_ID "\tsent\n";

static const char roster[] =
    "ann\tstaff\tann@stance.test\tAnn\n"
    "bob\tyouth\tbob@stance.test\tBob\n"
    "els\tstaff\t-\tEls\n";

static int
collect(const char *key, const char *in, const char *out)
{
	char *argv[] = { "collect", "--key", (char *)key, "--roster", (char *)fuzz_path(2, "roster"),
	    "--log", (char *)fuzz_path(5, "log"), (char *)in, NULL };

	return fuzz_run(collect_main, argv, out);
}

/* Whether the input holds the address, in any case. */
static int
mentions(const uint8_t *data, size_t size, const char *address)
{
	size_t n = strlen(address), i, j;

	for (i = 0; i + n <= size; i++) {
		for (j = 0; j < n && (data[i + j] | 0x20) == (address[j] | 0x20); j++)
			;
		if (j == n)
			return 1;
	}
	return 0;
}

/* What collect takes the input for, as it decides: the first line that
 * is a response line or starts a message or a form, after any empty,
 * comment or other lines (held back, a thousand at most). */
enum kind { RESPONSES, FORMS, MAIL };

static enum kind
kind_of(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl;
	size_t held = 0;

	if (size >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < end && held < 1000; p = nl + 1) {
		struct response r;
		size_t len;
		char *copy;
		int response;

		nl = memchr(p, '\n', (size_t)(end - p));
		len = (size_t)((nl != NULL ? nl : end) - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (len > 0 && p[0] != '#') {
			copy = xstrndup(p, len);
			response = memchr(copy, '\t', len) != NULL && response_parse(copy, len, &r) == NULL;
			free(copy);
			if (response)
				return RESPONSES;
			if (form_starts(p, len))
				return FORMS;
			if (mail_starts(p, len))
				return MAIL;
			held++;
		}
		if (nl == NULL)
			break;
	}
	return RESPONSES;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = fuzz_path(0, "mail"), *out = fuzz_path(1, "out");
	const char *key = fuzz_path(3, "key"), *other = fuzz_path(4, "other-key");
	char *text, *line, *next, now[TIMESTAMP_LEN + 1];
	long long future;
	size_t n;
	enum kind kind = kind_of(data, size);

	setenv("STANCE_NOW", "2026-11-25T09:30:00Z", 1);
	fuzz_write(fuzz_path(2, "roster"), roster, sizeof(roster) - 1);
	fuzz_write(key, KEY, sizeof(KEY) - 1);
	fuzz_write(other, OTHER_KEY, sizeof(OTHER_KEY) - 1);
	fuzz_write(fuzz_path(5, "log"), sent_log, sizeof(sent_log) - 1);
	fuzz_write(in, data, size);
	timestamp_format(time(NULL), now);
	future = timestamp_seconds(now) + 10 * 60;

	collect(key, in, out);
	text = fuzz_read(out, &n);
	for (line = text; *line != '\0'; line = next + 1) {
		struct response r;
		const char *address;

		next = strchr(line, '\n');
		fuzz_assert(next != NULL);
		*next = '\0';
		if (response_parse(line, strlen(line), &r) != NULL)
			fuzz_fail("collect wrote what is not a response line: %s", line);
		address = strcmp(r.participant, "ann") == 0 ? "ann@stance.test" :
		    strcmp(r.participant, "bob") == 0 ? "bob@stance.test" : NULL;
		if (kind == RESPONSES)
			continue;	/* response files are the facilitator's own */
		if (address == NULL || (kind == MAIL && !mentions(data, size, address)))
			fuzz_fail("an answer of %s, who did not send it: %s", r.participant, line);
		fuzz_assert(timestamp_seconds(r.time) <= future);
	}
	free(text);

	collect(other, in, out);
	text = fuzz_read(out, &n);
	if (kind != RESPONSES && n != 0 && !mentions(data, size, LOGGED_ID))
		fuzz_fail("an answer without a valid token or a message remind sent:\n%s", text);
	free(text);
	return 0;
}
