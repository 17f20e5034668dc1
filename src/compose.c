#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "compose.h"
#include "lang.h"
#include "timestamp.h"
#include "utf8.h"

#define LINE_MAX_HEADER 78	/* RFC 5322 2.1.1: should */
#define QP_LINE 76		/* RFC 2045 6.7: must */
#define WORD_BYTES 39		/* of text per encoded word: 52 in base64, 64 in all */

static const char *const days[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
    "Aug", "Sep", "Oct", "Nov", "Dec" };

/* The weekday, the month's name and the timestamp of a time. */
static void
calendar(long long seconds, const char **day, const char **month, char t[TIMESTAMP_LEN + 1])
{
	long long n = (seconds >= 0 ? seconds : seconds - 86399) / 86400;

	timestamp_from_seconds(seconds, t);
	*day = days[((n % 7) + 7) % 7];		/* 1970-01-01 was a Thursday */
	*month = months[(t[5] - '0') * 10 + (t[6] - '0') - 1];
}

void
compose_date(struct buf *out, long long seconds)
{
	const char *day, *month;
	char t[TIMESTAMP_LEN + 1];

	calendar(seconds, &day, &month, t);
	buf_printf(out, "%s, %d %s %.4s %.8s +0000", day, (t[8] - '0') * 10 + (t[9] - '0'),
	    month, t, t + 11);
}

void
compose_mbox_from(struct buf *out, const char *sender, long long seconds)
{
	const char *day, *month;
	char t[TIMESTAMP_LEN + 1];

	calendar(seconds, &day, &month, t);
	buf_printf(out, "From %s %s %s %.2s %.8s %.4s\n", sender, day, month, t + 8, t + 11, t);
}

static int
ascii_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < ' ' || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

static void
base64(struct buf *out, const unsigned char *p, size_t n)
{
	static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		buf_addc(out, digits[p[i] >> 2]);
		buf_addc(out, digits[(p[i] & 3) << 4 | p[i + 1] >> 4]);
		buf_addc(out, digits[(p[i + 1] & 15) << 2 | p[i + 2] >> 6]);
		buf_addc(out, digits[p[i + 2] & 63]);
	}
	if (n - i == 1) {
		buf_addc(out, digits[p[i] >> 2]);
		buf_addc(out, digits[(p[i] & 3) << 4]);
		buf_addstr(out, "==");
	} else if (n - i == 2) {
		buf_addc(out, digits[p[i] >> 2]);
		buf_addc(out, digits[(p[i] & 3) << 4 | p[i + 1] >> 4]);
		buf_addc(out, digits[(p[i + 1] & 15) << 2]);
		buf_addc(out, '=');
	}
}

/* Encoded words for text, each whole UTF-8 characters, separated by a
 * fold (RFC 2047: a word at most 75 characters, a line at most 76). */
static void
encoded_words(struct buf *out, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = strlen(text), start = 0, end;

	while (start < n) {
		end = start + WORD_BYTES < n ? start + WORD_BYTES : n;
		while (end < n && (p[end] & 0xc0) == 0x80)	/* not inside a character */
			end--;
		if (start > 0)
			buf_addstr(out, "\n ");
		buf_addstr(out, "=?UTF-8?B?");
		base64(out, p + start, end - start);
		buf_addstr(out, "?=");
		start = end;
	}
}

/* ASCII words after "Name: ", folded before a word that would pass the
 * line's length. */
static void
folded(struct buf *out, size_t column, const char *text)
{
	const char *p = text, *space;
	size_t len;
	int first = 1;

	while (*p) {
		space = strchr(p, ' ');
		len = space ? (size_t)(space - p) : strlen(p);
		if (!first && column + 1 + len > LINE_MAX_HEADER) {
			buf_addstr(out, "\n");
			column = 0;
		}
		if (!first) {
			buf_addc(out, ' ');
			column++;
		}
		buf_add(out, p, len);
		column += len;
		first = 0;
		p += len + (space != NULL);
	}
}

/* Whether ASCII text folds within the line: no word too long for it. */
static int
foldable(const char *text, size_t first)
{
	size_t word = strcspn(text, " ");

	if (!ascii_printable(text) || first + word > LINE_MAX_HEADER)
		return 0;
	for (text += word; *text; text += word) {
		text++;
		if ((word = strcspn(text, " ")) + 1 > LINE_MAX_HEADER)
			return 0;
	}
	return 1;
}

void
compose_text_header(struct buf *out, const char *name, const char *text)
{
	buf_printf(out, "%s: ", name);
	/* Anything else is encoded words, which break anywhere. */
	if (foldable(text, strlen(name) + 2))
		folded(out, strlen(name) + 2, text);
	else
		encoded_words(out, text);
	buf_addc(out, '\n');
}

void
compose_address_header(struct buf *out, const char *name, const char *display,
    const char *address)
{
	struct buf phrase = { 0 };
	const char *p, *last;

	buf_printf(out, "%s: ", name);
	if (display != NULL && strcmp(display, "-") != 0 && *display != '\0') {
		/* A quoted string cannot be folded: a long name is encoded. */
		if (!ascii_printable(display) || strlen(name) + 4 + strlen(display) > LINE_MAX_HEADER)
			encoded_words(&phrase, display);
		else {
			/* A quoted string: any specials in it stay text. */
			buf_addc(&phrase, '"');
			for (p = display; *p; p++) {
				if (*p == '"' || *p == '\\')
					buf_addc(&phrase, '\\');
				buf_addc(&phrase, *p);
			}
			buf_addc(&phrase, '"');
		}
		buf_addstr(out, phrase.data);
		/* The address on the phrase's last line, if it fits there. */
		last = strrchr(phrase.data, '\n');
		buf_addstr(out, (last != NULL ? strlen(last + 1) : strlen(name) + 2 + phrase.len) +
		    strlen(address) + 3 > LINE_MAX_HEADER ? "\n " : " ");
		buf_free(&phrase);
	}
	buf_printf(out, "<%s>\n", address);
}

void
compose_ids_header(struct buf *out, const char *name, const char *ids)
{
	size_t column = strlen(name) + 1, len;
	const char *p = ids;

	buf_printf(out, "%s:", name);
	while (*p) {
		len = strcspn(p, " ");
		if (column + 1 + len > LINE_MAX_HEADER && column > strlen(name) + 1) {
			buf_addc(out, '\n');
			column = 0;
		}
		buf_addc(out, ' ');
		buf_add(out, p, len);
		column += 1 + len;
		p += len;
		p += strspn(p, " ");
	}
	buf_addc(out, '\n');
}

const char *
compose_address_problem(const char *s)
{
	const char *at = strrchr(s, '@');
	size_t n = strlen(s);

	if (s[0] == '-')
		return tr("starts with -, which sendmail would take for an option",
		    "begint met -, wat sendmail als een optie zou lezen");
	if (n > 254 || at == NULL || at == s || at[1] == '\0' || strchr(s, '@') != at ||
	    strpbrk(s, "<>()[]\\,;:\" ") != NULL || !ascii_printable(s) || at[1] == '.' ||
	    s[n - 1] == '.')
		return tr("is not an address like name@example.org",
		    "is geen adres zoals naam@example.org");
	return NULL;
}

/* One encoded line of at most QP_LINE characters, soft breaks as needed. */
static void
qp_line(struct buf *out, const unsigned char *p, size_t n)
{
	size_t i, column = 0;

	for (i = 0; i < n; i++) {
		char piece[4];
		int literal = p[i] >= 33 && p[i] <= 126 && p[i] != '=';

		/* Blanks stay blanks but at the end of a line, where mail
		 * systems drop them; "From " at the start is encoded, so that
		 * no mbox takes it for a new message. */
		if ((p[i] == ' ' || p[i] == '\t') && i + 1 < n)
			literal = 1;
		if (i == 0 && n >= 5 && memcmp(p, "From ", 5) == 0)
			literal = 0;
		if (literal) {
			piece[0] = (char)p[i];
			piece[1] = '\0';
		} else
			snprintf(piece, sizeof(piece), "=%02X", p[i]);
		/* Room for the piece and a soft break's "=". */
		if (column + strlen(piece) > QP_LINE - 1) {
			buf_addstr(out, "=\n");
			column = 0;
		}
		buf_addstr(out, piece);
		column += strlen(piece);
	}
	buf_addc(out, '\n');
}

void
compose_quoted_printable(struct buf *out, const char *text)
{
	const char *p = text, *nl;

	while (*p) {
		nl = strchr(p, '\n');
		qp_line(out, (const unsigned char *)p, nl ? (size_t)(nl - p) : strlen(p));
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}
