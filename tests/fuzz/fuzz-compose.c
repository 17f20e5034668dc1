/*
 * What remind writes, read back as collect reads mail (src/compose.c
 * through src/mail.c).  The input, made valid UTF-8 lines, is the body
 * of a message in quoted-printable, with its first line as a Subject and
 * a name: every line of the message is within SMTP's and MIME's limits,
 * the header lines within 78 columns where they can be, and the body
 * decodes to exactly the text.
 */
#include "buf.h"
#include "compose.h"
#include "fuzz.h"
#include "mail.h"
#include "utf8.h"

struct decoded {
	struct buf text;
};

static void
take(char *line, size_t len, unsigned long lineno, void *context)
{
	struct decoded *d = context;

	(void)lineno;
	buf_add(&d->text, line, len);
	buf_addc(&d->text, '\n');
}

static void
ended(void *context)
{
	(void)context;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf text = { 0 }, message = { 0 }, first = { 0 };
	struct decoded d = { { 0 } };
	struct mail m;
	const char *p, *nl;
	size_t i;

	/* Valid UTF-8 without controls but tab, in lines; CR dropped. */
	for (i = 0; i < size;) {
		uint32_t cp;
		size_t n = utf8_decode(data + i, size - i, &cp);
		if (n == 0) {
			i++;
			continue;
		}
		if (cp == '\n' || cp == '\t' || (cp >= ' ' && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0)))
			buf_add(&text, data + i, n);
		i += n;
	}
	if (text.len == 0 || text.data[text.len - 1] != '\n')
		buf_addc(&text, '\n');
	nl = strchr(text.data, '\n');
	buf_add(&first, text.data, (size_t)(nl - text.data));

	buf_addstr(&message, "From: <facilitator@example.org>\n");
	compose_address_header(&message, "To", first.len ? first.data : NULL, "ann@example.org");
	compose_text_header(&message, "Subject", first.data ? first.data : "");
	buf_addstr(&message, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n\n");
	compose_quoted_printable(&message, text.data);

	for (p = message.data; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		fuzz_assert(nl != NULL);
		if ((size_t)(nl - p) > 998)
			fuzz_fail("a line of %zu bytes", (size_t)(nl - p));
	}
	/* The body: no line over 76. */
	for (p = strstr(message.data, "\n\n") + 2; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		for (i = 0; p + i < nl; i++)
			fuzz_assert((unsigned char)p[i] < 0x80);
		if (nl - p > 76)
			fuzz_fail("a body line of %zu characters", (size_t)(nl - p));
	}
	mail_init(&m, take, ended, &d);
	for (p = message.data; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		mail_line(&m, p, (size_t)(nl - p), 1);
	}
	mail_end(&m);
	if (d.text.len != text.len || memcmp(d.text.data, text.data, text.len) != 0)
		fuzz_fail("the body came back otherwise:\n%s\n---\n%s", text.data,
		    d.text.data ? d.text.data : "");
	buf_free(&text);
	buf_free(&message);
	buf_free(&first);
	buf_free(&d.text);
	return 0;
}
