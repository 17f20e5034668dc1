/*
 * Mail messages and mboxes with forms in them, as collect reads them:
 * lines through the mail decoder into the form reader.  Every answer is
 * valid, every Date is a real time, and nothing is read out of bounds.
 */
#include "form-check.h"
#include "mail.h"
#include "timestamp.h"

struct reading {
	struct mail mail;
	struct form_reader forms;
};

static void
text_line(char *line, size_t len, unsigned long lineno, void *context)
{
	struct reading *r = context;

	fuzz_assert(strlen(line) <= len);
	form_reader_line(&r->forms, line, len, lineno);
}

static void
message_end(void *context)
{
	struct reading *r = context;
	char stamp[TIMESTAMP_LEN + 1];

	if (r->mail.date >= 0) {
		timestamp_from_seconds(r->mail.date, stamp);
		fuzz_assert(timestamp_valid(stamp, TIMESTAMP_LEN));
		fuzz_assert(timestamp_seconds(stamp) == r->mail.date);
	}
	fuzz_assert(r->mail.date < 0 || r->mail.date_text == NULL);
	form_reader_flush(&r->forms);
}

static void
mail_text(char *line, size_t len, unsigned long number, void *context)
{
	struct reading *r = context;

	mail_line(&r->mail, line, len, number);
}

static void
mail_finish(void *context)
{
	struct reading *r = context;

	mail_end(&r->mail);
	form_reader_end(&r->forms);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct reading r;
	const struct questionnaire *q = fuzz_questionnaire();

	form_reader_init(&r.forms, q, "fuzz", form_answer_check, (void *)(uintptr_t)q);
	mail_init(&r.mail, text_line, message_end, &r);
	fuzz_lines(data, size, mail_text, mail_finish, &r);
	return 0;
}
