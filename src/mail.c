#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "mail.h"
#include "text.h"
#include "timestamp.h"
#include "utf8.h"

enum { ENCODING_PLAIN, ENCODING_QUOTED_PRINTABLE, ENCODING_BASE64 };

/* How the bytes of a text part become UTF-8. */
enum { CHARSET_UTF8, CHARSET_WINDOWS_1252, CHARSET_ISO_8859_15 };

static const struct {
	const char *name;
	int charset;
} charsets[] = {
	{ "utf-8", CHARSET_UTF8 },
	{ "utf8", CHARSET_UTF8 },
	{ "us-ascii", CHARSET_UTF8 },
	/* Mail labelled Latin-1 is written by Windows programs that put
	 * Windows-1252's quotes and euro sign in 0x80-0x9f, where Latin-1
	 * has only control characters: read it as Windows-1252, as the
	 * WHATWG encoding standard (and every browser) does. */
	{ "iso-8859-1", CHARSET_WINDOWS_1252 },
	{ "iso_8859-1", CHARSET_WINDOWS_1252 },
	{ "latin1", CHARSET_WINDOWS_1252 },
	{ "windows-1252", CHARSET_WINDOWS_1252 },
	{ "cp1252", CHARSET_WINDOWS_1252 },
	{ "iso-8859-15", CHARSET_ISO_8859_15 },
	{ "iso_8859-15", CHARSET_ISO_8859_15 },
	{ "latin9", CHARSET_ISO_8859_15 },
};

/* Windows-1252 at 0x80-0x9f; its five unassigned bytes stay the C1
 * control characters they are in Latin-1 (and are refused later). */
static const uint16_t windows_1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
};

/* The eight places where ISO-8859-15 differs from Latin-1. */
static const struct {
	unsigned char byte;
	uint16_t cp;
} iso_8859_15[] = {
	{ 0xa4, 0x20ac }, { 0xa6, 0x0160 }, { 0xa8, 0x0161 }, { 0xb4, 0x017d },
	{ 0xb8, 0x017e }, { 0xbc, 0x0152 }, { 0xbd, 0x0153 }, { 0xbe, 0x0178 },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static uint32_t
code_point(int charset, unsigned char c)
{
	size_t i;

	if (charset == CHARSET_WINDOWS_1252 && c >= 0x80 && c < 0xa0)
		return windows_1252[c - 0x80];
	if (charset == CHARSET_ISO_8859_15)
		for (i = 0; i < NELEM(iso_8859_15); i++)
			if (iso_8859_15[i].byte == c)
				return iso_8859_15[i].cp;
	return c;
}

int
mail_starts(const char *line, size_t len)
{
	size_t i;

	if (len >= 5 && memcmp(line, "From ", 5) == 0)
		return 1;
	/* A header field name is letters, digits and '-' before a colon. */
	for (i = 0; i < len && (isalnum((unsigned char)line[i]) || line[i] == '-'); i++)
		;
	return i > 0 && i + 1 < len && line[i] == ':' && (line[i + 1] == ' ' || line[i + 1] == '\t');
}

static void
part_defaults(struct mail *m)
{
	m->next_encoding = ENCODING_PLAIN;
	m->next_text = 1;
	m->next_html = 0;
	m->next_charset = CHARSET_UTF8;
	m->next_multipart = 0;
	m->next_message = 0;
	m->next_flowed = 0;
	m->next_delsp = 0;
	free(m->next_boundary);
	m->next_boundary = NULL;
}

/* A new message begins: nothing of the one before carries over. */
static void
message_start(struct mail *m, unsigned long lineno)
{
	while (m->nboundaries > 0)
		free(m->boundaries[--m->nboundaries]);
	buf_reset(&m->header);
	buf_reset(&m->pending);
	buf_reset(&m->encoded);
	buf_reset(&m->flow);
	m->nquad = 0;
	m->in_headers = 1;
	m->top = 1;
	m->encoding = ENCODING_PLAIN;
	m->text = 0;
	m->flowed = m->delsp = 0;
	m->charset = CHARSET_UTF8;
	m->message_line = lineno;
	m->date = -1;
	free(m->date_text);
	m->date_text = NULL;
	m->date_line = 0;
	free(m->from);
	m->from = NULL;
	m->from_headers = 0;
	m->saw_text = m->saw_html = 0;
	free(m->automatic);
	m->automatic = NULL;
	buf_reset(&m->replies_to);
	part_defaults(m);
}

void
mail_init(struct mail *m, mail_line_fn *emit, mail_end_fn *message_end, void *context)
{
	memset(m, 0, sizeof(*m));
	m->message_end = message_end;
	m->emit = emit;
	m->context = context;
	m->after_blank = 1;
	message_start(m, 1);
}

/* The value of parameter `name` in a header value, or NULL (malloc'd). */
static char *
parameter(const char *value, const char *name)
{
	size_t n = strlen(name);
	const char *p = value, *end;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, name, n) != 0 || p[n] != '=')
			continue;
		p += n + 1;
		if (*p == '"') {
			end = strchr(++p, '"');
			return xstrndup(p, end ? (size_t)(end - p) : strlen(p));
		}
		end = p + strcspn(p, "; \t");
		return xstrndup(p, (size_t)(end - p));
	}
	return NULL;
}

static int
parameter_is(const char *value, const char *name, const char *want)
{
	char *p = parameter(value, name);
	int is = p != NULL && strcasecmp(p, want) == 0;

	free(p);
	return is;
}

static void
content_type(struct mail *m, const char *value)
{
	char *charset;
	size_t i;

	m->next_text = strncasecmp(value, "text/plain", 10) == 0;
	m->next_html = strncasecmp(value, "text/html", 9) == 0;
	m->next_multipart = strncasecmp(value, "multipart/", 10) == 0;
	m->next_message = strncasecmp(value, "message/rfc822", 14) == 0;
	free(m->next_boundary);
	m->next_boundary = parameter(value, "boundary");
	m->next_flowed = parameter_is(value, "format", "flowed");
	m->next_delsp = parameter_is(value, "delsp", "yes");
	m->next_charset = CHARSET_UTF8;
	if ((charset = parameter(value, "charset")) != NULL) {
		for (i = 0; i < NELEM(charsets); i++)
			if (strcasecmp(charset, charsets[i].name) == 0)
				m->next_charset = charsets[i].charset;
		free(charset);
	}
}

/*
 * The address in a From header: "Ann <ann@example.org>" or a bare
 * "ann@example.org (Ann)", lower-cased for comparing; NULL if there is
 * none, or more than one ("Eve <eve@x>, Ann <ann@x>"): collect --key
 * checks that a form came from its participant, and a list naming them
 * beside someone else says nothing of who sent it.  Quoted strings and
 * comments are passed over, so a display name cannot pose as the address.
 */
static char *
address(const char *value)
{
	const char *p, *open = NULL, *close = NULL, *start = value, *end;
	int quoted = 0, depth = 0, ats = 0;
	char *a;
	size_t i;

	for (p = value; *p; p++) {
		if ((quoted || depth) && *p == '\\' && p[1] != '\0')
			p++;
		else if (quoted)
			quoted = *p != '"';
		else if (depth)
			depth += (*p == '(') - (*p == ')');
		else if (*p == '"')
			quoted = 1;
		else if (*p == '(')
			depth = 1;
		else if (*p == '<') {
			open = p;
			close = NULL;
		} else if (*p == '>' && open != NULL && close == NULL)
			close = p;
		else
			ats += *p == '@';
	}
	if (ats != 1)
		return NULL;
	if (open != NULL && close != NULL) {
		start = open + 1;
		end = close;
	} else {
		while (*start == ' ' || *start == '\t')
			start++;
		end = start + strcspn(start, " \t(");
	}
	if (end == start || memchr(start, '@', (size_t)(end - start)) == NULL)
		return NULL;
	a = xstrndup(start, (size_t)(end - start));
	for (i = 0; a[i]; i++)
		a[i] = (char)tolower((unsigned char)a[i]);
	return a;
}

/*
 * Whether a header marks an automatic reply: RFC 3834's Auto-Submitted
 * with auto-replied or auto-notified (auto-generated is what remind's
 * own messages say, and a --mbox of them may be read back), and the
 * older X-Autoreply, X-Autorespond and Precedence: auto_reply.
 */
static int
automatic_header(const char *h, const char *value)
{
	if (strcasecmp(h, "Auto-Submitted") == 0)
		return strncasecmp(value, "auto-replied", 12) == 0 || strncasecmp(value, "auto-notified", 13) == 0;
	if (strcasecmp(h, "X-Autoreply") == 0 || strcasecmp(h, "X-Autorespond") == 0)
		return strcasecmp(value, "no") != 0;
	return strcasecmp(h, "Precedence") == 0 && strcasecmp(value, "auto_reply") == 0;
}

static void
header_done(struct mail *m)
{
	char *h = m->header.data, *value;

	if (m->header.len == 0)
		return;
	value = strchr(h, ':');
	if (value == NULL)
		goto done;
	*value++ = '\0';
	value = text_trim(value);
	if (strcasecmp(h, "Content-Type") == 0) {
		content_type(m, value);
	} else if (strcasecmp(h, "Content-Transfer-Encoding") == 0) {
		m->next_encoding = strncasecmp(value, "quoted-printable", 16) == 0 ?
		    ENCODING_QUOTED_PRINTABLE : strncasecmp(value, "base64", 6) == 0 ?
		    ENCODING_BASE64 : ENCODING_PLAIN;
	} else if (m->top && strcasecmp(h, "From") == 0) {
		/* RFC 5322 allows one From: mail clients show the first,
		 * and a second says nothing of who sent it. */
		free(m->from);
		m->from = m->from_headers++ == 0 ? address(value) : NULL;
	} else if (m->top && automatic_header(h, value) && m->automatic == NULL) {
		size_t n = strlen(h) + 2 + strlen(value) + 1;

		m->automatic = xmalloc(n);
		snprintf(m->automatic, n, "%s: %s", h, value);
	} else if (m->top && (strcasecmp(h, "In-Reply-To") == 0 || strcasecmp(h, "References") == 0)) {
		/* Capped: a reply names a handful, and the headers are the
		 * sender's to write. */
		if (m->replies_to.len + strlen(value) < MAIL_REPLIES_TO_MAX)
			buf_printf(&m->replies_to, "%s%s", m->replies_to.len ? " " : "", value);
	} else if (m->top && strcasecmp(h, "Date") == 0) {
		/* The message's own Date, never a part's or a forwarded one's. */
		m->date = mail_date(value);
		free(m->date_text);
		m->date_text = m->date < 0 ? xstrdup(value) : NULL;
		m->date_line = m->header_lineno;
	}
done:
	buf_reset(&m->header);
}

/* Hand a finished line on; the receiver may change it in place, so it
 * is always a buffer of ours, never a literal. */
static void
deliver(struct mail *m, struct buf *line, unsigned long lineno)
{
	buf_add(line, "", 0);
	m->emit(line->data, line->len, lineno, m->context);
}

/* format=flowed (RFC 3676): the paragraph joined so far goes out. */
static void
flow_flush(struct mail *m)
{
	struct buf line = { 0 };
	size_t i;

	if (m->flow.len == 0 && m->flow_lineno == 0)
		return;
	for (i = 0; i < m->flow_depth; i++)
		buf_addc(&line, '>');
	if (m->flow_depth > 0)
		buf_addc(&line, ' ');
	buf_add(&line, m->flow.data ? m->flow.data : "", m->flow.len);
	deliver(m, &line, m->flow_lineno);
	buf_free(&line);
	buf_reset(&m->flow);
	m->flow_lineno = 0;
}

/*
 * One decoded line of a format=flowed body: a line that ends in a space
 * goes on in the next one of the same quote depth (without that space
 * when delsp=yes); a space stuffed in front is taken out.
 */
static void
flow_line(struct mail *m, const char *s, size_t len, unsigned long lineno)
{
	size_t depth = 0;
	int soft;

	while (depth < len && s[depth] == '>')
		depth++;
	s += depth;
	len -= depth;
	if (len > 0 && s[0] == ' ')
		len--, s++;
	/* "-- ", the signature line, is never flowed. */
	soft = len > 0 && s[len - 1] == ' ' && !(len == 3 && memcmp(s, "-- ", 3) == 0);
	if (m->flow_lineno != 0 && depth != m->flow_depth)
		flow_flush(m);
	if (m->flow_lineno == 0) {
		m->flow_depth = depth;
		m->flow_lineno = lineno;
	}
	buf_add(&m->flow, s, soft && m->delsp ? len - 1 : len);
	if (!soft)
		flow_flush(m);
}

/* The line in m->pending, in the part's charset, goes out as UTF-8. */
static void
emit_pending(struct mail *m)
{
	struct buf utf8 = { 0 };
	struct buf *line = &m->pending;
	size_t i;

	if (m->charset != CHARSET_UTF8) {
		buf_add(&utf8, "", 0);
		for (i = 0; i < m->pending.len; i++)
			utf8_encode(&utf8, code_point(m->charset, (unsigned char)m->pending.data[i]));
		line = &utf8;
	}
	if (m->flowed)
		flow_line(m, line->data ? line->data : "", line->len, m->pending_lineno);
	else
		deliver(m, line, m->pending_lineno);
	buf_free(&utf8);
	buf_reset(&m->pending);
}

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = toupper(c);
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static void
quoted_printable(struct mail *m, const char *line, size_t len, unsigned long lineno)
{
	const char *raw;
	size_t i;

	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	/* A soft line break: the logical line goes on.  Join the encoded
	 * text first, so an escape is whole when it is decoded. */
	if (len > 0 && line[len - 1] == '=') {
		buf_add(&m->encoded, line, len - 1);
		m->pending_lineno = lineno;
		return;
	}
	buf_add(&m->encoded, line, len);
	raw = m->encoded.data;
	for (i = 0; i < m->encoded.len; i++) {
		if (raw[i] == '=' && i + 2 < m->encoded.len && hex(raw[i + 1]) >= 0 &&
		    hex(raw[i + 2]) >= 0) {
			buf_addc(&m->pending, (char)(hex(raw[i + 1]) * 16 + hex(raw[i + 2])));
			i += 2;
		} else {
			buf_addc(&m->pending, raw[i]);
		}
	}
	buf_reset(&m->encoded);
	m->pending_lineno = lineno;
	emit_pending(m);
}

/* Turn the characters in m->quad into n bytes of the decoded text. */
static void
base64_bytes(struct mail *m, size_t n, unsigned long lineno)
{
	const unsigned char *q = m->quad;
	unsigned char bytes[3] = {
		(unsigned char)(q[0] << 2 | q[1] >> 4),
		(unsigned char)(q[1] << 4 | q[2] >> 2),
		(unsigned char)(q[2] << 6 | q[3]),
	};
	size_t j;

	m->pending_lineno = lineno;
	for (j = 0; j < n; j++) {
		if (bytes[j] == '\n') {
			if (m->pending.len > 0 && m->pending.data[m->pending.len - 1] == '\r')
				m->pending.data[--m->pending.len] = '\0';
			emit_pending(m);
		} else {
			buf_addc(&m->pending, (char)bytes[j]);
		}
	}
	memset(m->quad, 0, sizeof(m->quad));
	m->nquad = 0;
}

static void
base64(struct mail *m, const char *line, size_t len, unsigned long lineno)
{
	static const char alphabet[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i;

	/* Four characters make three bytes; a group may span lines. */
	for (i = 0; i < len; i++) {
		const char *at = line[i] ? strchr(alphabet, line[i]) : NULL;

		if (at == NULL)
			continue;	/* padding, white space, CR */
		m->quad[m->nquad++] = (unsigned char)(at - alphabet);
		if (m->nquad == 4)
			base64_bytes(m, 3, lineno);
	}
	/* A final group of two or three characters makes one or two bytes. */
	if (len > 0 && line[len - 1] == '=' && m->nquad >= 2)
		base64_bytes(m, m->nquad - 1, lineno);
}

/* The end of a body: what is left of a decoded line goes out. */
static void
body_end(struct mail *m)
{
	if (m->text && m->encoded.len > 0)
		quoted_printable(m, "", 0, m->pending_lineno);
	if (m->text && m->pending.len > 0)
		emit_pending(m);
	if (m->text)
		flow_flush(m);
	buf_reset(&m->pending);
	buf_reset(&m->encoded);
	buf_reset(&m->flow);
	m->flow_lineno = 0;
	m->nquad = 0;
}

/* A "--boundary" or "--boundary--" line of an open multipart, or 0. */
static int
boundary(struct mail *m, const char *line, size_t len)
{
	size_t i, n;

	if (len < 3 || line[0] != '-' || line[1] != '-')
		return 0;
	for (i = m->nboundaries; i-- > 0;) {
		n = strlen(m->boundaries[i]);
		if (len >= n + 2 && memcmp(line + 2, m->boundaries[i], n) == 0) {
			int closing = len >= n + 4 && line[n + 2] == '-' && line[n + 3] == '-';

			/* Leaving a part closes the multiparts nested in it. */
			while (m->nboundaries > i + 1)
				free(m->boundaries[--m->nboundaries]);
			if (closing) {
				free(m->boundaries[--m->nboundaries]);
				return 2;
			}
			return 1;
		}
	}
	return 0;
}

/* An mbox's "From " line: "From sender Mon Nov 24 10:00:00 2026". */
static int
from_line(const char *line, size_t len)
{
	static const char days[] = "MonTueWedThuFriSatSun";
	const char *p, *end = line + len;

	if (len < 5 || memcmp(line, "From ", 5) != 0)
		return 0;
	p = memchr(line + 5, ' ', len - 5);
	while (p != NULL && p < end && *p == ' ')
		p++;
	if (p == NULL || end - p < 4)
		return 0;
	for (const char *d = days; *d; d += 3)
		if (memcmp(p, d, 3) == 0 && p[3] == ' ')
			return 1;
	return 0;
}

/*
 * Whether a line ends one message of an mbox and starts the next.  Only
 * in an mbox, whose writer escapes a "From " at the start of a body line
 * (">From "), and only after a blank line or in the exact form the
 * writer uses: in a single message, "From " is the start of a sentence.
 */
static int
next_message(const struct mail *m, const char *line, size_t len)
{
	if (!m->mbox || len < 5 || memcmp(line, "From ", 5) != 0)
		return 0;
	return m->after_blank || from_line(line, len);
}

/* The blank line after headers: the body starts, as the headers said. */
static void
body_start(struct mail *m)
{
	m->in_headers = 0;
	m->top = 0;
	m->encoding = m->next_encoding;
	m->text = m->next_text && !m->next_multipart && !m->next_message;
	m->charset = m->next_charset;
	m->flowed = m->next_flowed;
	m->delsp = m->next_delsp;
	m->saw_text |= m->text;
	m->saw_html |= m->next_html;
	if (m->next_multipart && m->next_boundary != NULL) {
		m->boundaries = xreallocarray(m->boundaries, m->nboundaries + 1, sizeof(char *));
		m->boundaries[m->nboundaries++] = m->next_boundary;
		m->next_boundary = NULL;
		m->text = 0;	/* the preamble is not for reading */
	}
	/* A forwarded message: its own headers come first. */
	if (m->next_message)
		m->in_headers = 1;
	part_defaults(m);
}

static void
header_line(struct mail *m, const char *line, size_t len, unsigned long lineno)
{
	if (len > 0 && (line[0] == ' ' || line[0] == '\t')) {
		buf_add(&m->header, line, len);	/* folded */
		return;
	}
	header_done(m);
	if (len >= 5 && memcmp(line, "From ", 5) == 0 && m->top)
		return;
	if (len > 0) {
		buf_add(&m->header, line, len);
		m->header_lineno = lineno;
		return;
	}
	body_start(m);
}

static void
body_line(struct mail *m, const char *line, size_t len, unsigned long lineno)
{
	int b;

	if ((b = boundary(m, line, len)) != 0) {
		body_end(m);
		m->in_headers = b == 1;
		m->text = 0;	/* an epilogue, after the closing boundary */
		return;
	}
	if (!m->text)
		return;
	switch (m->encoding) {
	case ENCODING_QUOTED_PRINTABLE:
		quoted_printable(m, line, len, lineno);
		break;
	case ENCODING_BASE64:
		base64(m, line, len, lineno);
		break;
	default:
		buf_reset(&m->pending);
		buf_add(&m->pending, line, len);
		m->pending_lineno = lineno;
		emit_pending(m);
	}
}

void
mail_line(struct mail *m, const char *line, size_t len, unsigned long lineno)
{
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (!m->started) {
		/* Only an input that starts with "From " is an mbox. */
		m->started = 1;
		m->message_line = lineno;
		m->mbox = len >= 5 && memcmp(line, "From ", 5) == 0;
	} else if (next_message(m, line, len)) {
		/* What was read belongs to the message before, and its Date. */
		if (m->in_headers)
			header_done(m);
		body_end(m);
		m->message_end(m->context);
		message_start(m, lineno);
		m->after_blank = 0;
		return;
	}
	if (m->in_headers)
		header_line(m, line, len, lineno);
	else
		body_line(m, line, len, lineno);
	m->after_blank = len == 0;
}

void
mail_end(struct mail *m)
{
	if (m->in_headers)
		header_done(m);
	body_end(m);
	m->message_end(m->context);
	message_start(m, 0);
	free(m->boundaries);
	free(m->next_boundary);
	buf_free(&m->header);
	buf_free(&m->pending);
	buf_free(&m->encoded);
	buf_free(&m->flow);
	buf_free(&m->replies_to);
}

/* RFC 5322's obsolete zone names (section 4.3); a one-letter military
 * zone means nothing certain and counts as -0000, that is UTC. */
static const struct {
	const char *name;
	int hours;
} zones[] = {
	{ "UT", 0 }, { "GMT", 0 }, { "Z", 0 },
	{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
	{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
};

/* The zone at s: its length, with *offset in seconds east of UTC; or -1. */
static int
zone_offset(const char *s, int *offset)
{
	size_t i, n = strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

	if ((s[0] == '+' || s[0] == '-') && strspn(s + 1, "0123456789") == 4) {
		int hours = (s[1] - '0') * 10 + (s[2] - '0');
		int minutes = (s[3] - '0') * 10 + (s[4] - '0');

		if (minutes > 59)
			return -1;
		*offset = (hours * 3600 + minutes * 60) * (s[0] == '-' ? -1 : 1);
		return 5;
	}
	for (i = 0; i < NELEM(zones); i++) {
		if (strlen(zones[i].name) == n && strncasecmp(s, zones[i].name, n) == 0) {
			*offset = zones[i].hours * 3600;
			return (int)n;
		}
	}
	if (n == 1 && toupper((unsigned char)s[0]) != 'J') {
		*offset = 0;
		return 1;
	}
	return -1;
}

/* An unsigned number of 1 to max digits at *s, moving past it. */
static int
number(const char **s, size_t min, size_t max, int *value)
{
	size_t n = strspn(*s, "0123456789"), i;

	if (n < min || n > max)
		return -1;
	*value = 0;
	for (i = 0; i < n; i++)
		*value = *value * 10 + ((*s)[i] - '0');
	*s += n;
	return (int)n;
}

static const char *
skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

long long
mail_date(const char *s)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	int day, year, hour, minute, second = 0, offset, month, digits;
	char stamp[TIMESTAMP_LEN + 1], name[4];
	const char *comma = strchr(s, ',');
	long long seconds;
	size_t i;

	if (comma != NULL)
		s = comma + 1;
	s = skip_space(s);
	if (number(&s, 1, 2, &day) < 0)
		return -1;
	s = skip_space(s);
	for (i = 0; i < 3 && isalpha((unsigned char)s[i]); i++)
		name[i] = (char)tolower((unsigned char)s[i]);
	name[i] = '\0';
	if (i != 3 || isalpha((unsigned char)s[3]))
		return -1;
	for (month = 0; month < 12 && memcmp(months + 3 * month, name, 3) != 0; month++)
		;
	if (month == 12)
		return -1;
	s = skip_space(s + 3);
	if ((digits = number(&s, 2, 4, &year)) < 0)
		return -1;
	/* RFC 5322 4.3: two digits are 1950-2049, three are 1900 + n. */
	if (digits == 2)
		year += year < 50 ? 2000 : 1900;
	else if (digits == 3)
		year += 1900;
	s = skip_space(s);
	if (number(&s, 2, 2, &hour) < 0 || *s++ != ':' || number(&s, 2, 2, &minute) < 0)
		return -1;
	if (*s == ':' && (s++, number(&s, 2, 2, &second)) < 0)
		return -1;
	if (second == 60)
		second = 59;	/* a leap second */
	s = skip_space(s);
	if (zone_offset(s, &offset) < 0)
		return -1;
	snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month + 1,
	    day, hour, minute, second);
	if (!timestamp_valid(stamp, strlen(stamp)))
		return -1;
	seconds = timestamp_seconds(stamp) - offset;
	/* A zone may push the time out of the years a timestamp can hold. */
	if (seconds < timestamp_seconds("0000-01-01T00:00:00Z") ||
	    seconds > timestamp_seconds("9999-12-31T23:59:59Z"))
		return -1;
	return seconds;
}
