/*
 * The response line parser (stance-responses(5)), line by line.  Round
 * trip: a line that parses is formatted again, and the formatted line
 * parses to the same fields and formats to the same text.  And the
 * shortcut for fields repeated from the line before changes nothing: the
 * line read again from scratch gives the same answer.
 */
#include "alloc.h"
#include "buf.h"
#include "fuzz.h"
#include "position.h"
#include "response.h"

static void
format(struct buf *out, const struct response *r)
{
	struct buf note = { 0 };

	if (note_unescape(&note, r->note, r->note_len) < 0)
		fuzz_fail("a parsed note does not unescape");
	if (note_problem(note.data ? note.data : "", note.len) != NULL)
		fuzz_fail("a parsed note is not a note");
	buf_reset(out);
	response_format(out, r, note.data ? note.data : "");
	buf_free(&note);
}

static void
check_line(char *line, size_t len, unsigned long number, void *context)
{
	(void)number;
	(void)context;
	struct buf once = { 0 }, twice = { 0 };
	struct response r, again, fresh;
	char *copy = xstrndup(line, len), *redo, *scratch = xstrndup(line, len);
	const char *why, *fresh_why;
	struct buf kept = { 0 };

	why = response_parse(line, len, &r);
	if (why != NULL)
		buf_addstr(&kept, why);
	fresh_why = response_parse_whole(scratch, len, &fresh);
	if ((why == NULL) != (fresh_why == NULL) || (why != NULL && strcmp(kept.data, fresh_why) != 0))
		fuzz_fail("read from scratch, another answer: %s / %s", why ? kept.data : "ok",
		    fresh_why ? fresh_why : "ok");
	buf_free(&kept);
	if (why == NULL && (r.position != fresh.position || strcmp(r.round, fresh.round) != 0 ||
	    strcmp(r.participant, fresh.participant) != 0 || strcmp(r.group, fresh.group) != 0 ||
	    strcmp(r.continuum, fresh.continuum) != 0 || strcmp(r.time, fresh.time) != 0 ||
	    r.note_len != fresh.note_len || memcmp(r.note, fresh.note, r.note_len) != 0))
		fuzz_fail("read from scratch, other fields");
	free(scratch);
	if (why != NULL) {
		/* A refused line is left as it was, for --rejects. */
		if (memcmp(line, copy, len) != 0)
			fuzz_fail("a refused line was changed");
		free(copy);
		return;
	}
	fuzz_assert(r.position == POSITION_NONE || (r.position >= 0 && r.position <= POSITION_MAX));
	format(&once, &r);
	fuzz_assert(once.len > 0 && once.data[once.len - 1] == '\n');
	redo = xstrndup(once.data, once.len - 1);
	if (response_parse(redo, once.len - 1, &again) != NULL)
		fuzz_fail("a formatted line does not parse: %s", once.data);
	fuzz_assert(strcmp(r.round, again.round) == 0 && strcmp(r.participant, again.participant) == 0 &&
	    strcmp(r.group, again.group) == 0 && strcmp(r.continuum, again.continuum) == 0 &&
	    r.position == again.position && strcmp(r.time, again.time) == 0);
	format(&twice, &again);
	if (once.len != twice.len || memcmp(once.data, twice.data, once.len) != 0)
		fuzz_fail("formatted twice, two lines");
	free(redo);
	free(copy);
	buf_free(&once);
	buf_free(&twice);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lines(data, size, check_line, NULL, NULL);
	return 0;
}
