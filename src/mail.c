#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "mail.h"
#include "timestamp.h"

enum { ENCODING_PLAIN, ENCODING_QUOTED_PRINTABLE, ENCODING_BASE64 };

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
	m->next_latin1 = 0;
	m->next_multipart = 0;
	free(m->next_boundary);
	m->next_boundary = NULL;
}

void
mail_init(struct mail *m, mail_line_fn *emit, mail_end_fn *message_end, void *context)
{
	memset(m, 0, sizeof(*m));
	m->message_end = message_end;
	m->in_headers = 1;
	m->top = 1;
	m->date = -1;
	m->emit = emit;
	m->context = context;
	part_defaults(m);
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

static void
header_done(struct mail *m)
{
	char *h = m->header.data, *value, *charset;

	if (m->header.len == 0)
		return;
	value = strchr(h, ':');
	if (value == NULL)
		goto done;
	*value++ = '\0';
	value = trim(value);
	if (strcasecmp(h, "Content-Type") == 0) {
		m->next_text = strncasecmp(value, "text/plain", 10) == 0;
		m->next_multipart = strncasecmp(value, "multipart/", 10) == 0;
		free(m->next_boundary);
		m->next_boundary = parameter(value, "boundary");
		charset = parameter(value, "charset");
		m->next_latin1 = charset != NULL && (strcasecmp(charset, "iso-8859-1") == 0 ||
		    strcasecmp(charset, "latin1") == 0 || strcasecmp(charset, "iso-8859-15") == 0 ||
		    strcasecmp(charset, "windows-1252") == 0);
		free(charset);
	} else if (strcasecmp(h, "Content-Transfer-Encoding") == 0) {
		m->next_encoding = strncasecmp(value, "quoted-printable", 16) == 0 ?
		    ENCODING_QUOTED_PRINTABLE : strncasecmp(value, "base64", 6) == 0 ?
		    ENCODING_BASE64 : ENCODING_PLAIN;
	} else if (m->top && strcasecmp(h, "Date") == 0) {
		m->date = mail_date(value);
	}
done:
	buf_reset(&m->header);
}

/* Hand on the line in m->pending; the receiver may change it in place,
 * so it is always a buffer of ours, never a literal. */
static void
emit_pending(struct mail *m)
{
	struct buf utf8 = { 0 };
	size_t i;

	buf_add(&m->pending, "", 0);
	if (m->latin1) {
		buf_add(&utf8, "", 0);
		for (i = 0; i < m->pending.len; i++) {
			unsigned char c = (unsigned char)m->pending.data[i];

			if (c < 0x80) {
				buf_addc(&utf8, (char)c);
			} else {
				buf_addc(&utf8, (char)(0xc0 | c >> 6));
				buf_addc(&utf8, (char)(0x80 | (c & 0x3f)));
			}
		}
		m->emit(utf8.data, utf8.len, m->pending_lineno, m->context);
		buf_free(&utf8);
	} else {
		m->emit(m->pending.data, m->pending.len, m->pending_lineno, m->context);
	}
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
	buf_reset(&m->pending);
	buf_reset(&m->encoded);
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

void
mail_line(struct mail *m, const char *line, size_t len, unsigned long lineno)
{
	int b;

	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (m->in_headers) {
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
		/* The blank line: the body starts, as the headers said. */
		m->in_headers = 0;
		m->top = 0;
		m->encoding = m->next_encoding;
		m->text = m->next_text && !m->next_multipart;
		m->latin1 = m->next_latin1;
		if (m->next_multipart && m->next_boundary != NULL) {
			m->boundaries = xreallocarray(m->boundaries, m->nboundaries + 1, sizeof(char *));
			m->boundaries[m->nboundaries++] = m->next_boundary;
			m->next_boundary = NULL;
			m->text = 0;	/* the preamble is not for reading */
		}
		part_defaults(m);
		return;
	}
	if ((b = boundary(m, line, len)) != 0) {
		body_end(m);
		m->in_headers = b == 1;
		m->text = 0;	/* an epilogue, after the closing boundary */
		return;
	}
	if (len >= 5 && memcmp(line, "From ", 5) == 0 && m->nboundaries == 0 &&
	    m->encoding == ENCODING_PLAIN) {
		/* The next message of an mbox: what was read belongs to the
		 * one before, and its Date, not the next one's. */
		body_end(m);
		m->message_end(m->context);
		m->in_headers = 1;
		m->top = 1;
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
mail_end(struct mail *m)
{
	if (m->in_headers)
		header_done(m);
	body_end(m);
	m->message_end(m->context);
	while (m->nboundaries > 0)
		free(m->boundaries[--m->nboundaries]);
	free(m->boundaries);
	free(m->next_boundary);
	buf_free(&m->header);
	buf_free(&m->pending);
	buf_free(&m->encoded);
}

long long
mail_date(const char *s)
{
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	char month[4] = "", zone[8] = "", stamp[64];
	int day, year, hour, minute, second = 0, n = 0, offset = 0, m;
	const char *comma = strchr(s, ',');
	const char *at;

	if (comma != NULL)
		s = comma + 1;
	if (sscanf(s, " %d %3s %d %d:%d%n", &day, month, &year, &hour, &minute, &n) != 5)
		return -1;
	s += n;
	if (*s == ':' && sscanf(s, ":%d%n", &second, &n) == 1)
		s += n;
	if (sscanf(s, " %7s", zone) == 1 && (zone[0] == '+' || zone[0] == '-') &&
	    strlen(zone) == 5 && strspn(zone + 1, "0123456789") == 4) {
		offset = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 3600 +
		    ((zone[3] - '0') * 10 + (zone[4] - '0')) * 60;
		if (zone[0] == '-')
			offset = -offset;
	}
	if ((at = strstr(months, month)) == NULL || strlen(month) != 3 || (at - months) % 3 != 0)
		return -1;
	m = (int)(at - months) / 3 + 1;
	if (year < 100)
		year += year < 50 ? 2000 : 1900;
	snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02dZ", year % 10000, m,
	    day % 100, hour % 100, minute % 100, second % 100);
	if (!timestamp_valid(stamp, strlen(stamp)))
		return -1;
	return timestamp_seconds(stamp) - offset;
}
