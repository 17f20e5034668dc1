/*
 * request: name=value pairs of a query string or a form body.  See
 * request.h.
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lang.h"
#include "request.h"
#include "utf8.h"

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..n) ("%C3%A9", "+") into out; -1 on a bad escape. */
static int
decode(struct buf *out, const char *s, size_t n)
{
	size_t i;
	int hi, lo;

	buf_reset(out);
	for (i = 0; i < n; i++) {
		if (s[i] == '+')
			buf_addc(out, ' ');
		else if (s[i] != '%')
			buf_addc(out, s[i]);
		else if (i + 2 < n && (hi = hex_value(s[i + 1])) >= 0 &&
		    (lo = hex_value(s[i + 2])) >= 0) {
			buf_addc(out, (char)(hi * 16 + lo));
			i += 2;
		} else
			return -1;
	}
	buf_reserve(out, 0);	/* NUL-terminated, even when empty */
	out->data[out->len] = '\0';
	return 0;
}

/* Text a page may show and a response line may hold: UTF-8, without
 * control or direction-changing characters, and no NUL. */
static int
plain(const struct buf *b)
{
	return memchr(b->data, '\0', b->len) == NULL && utf8_valid(b->data, b->len) &&
	    !utf8_has_control(b->data, b->len, "") && !utf8_has_bidi_control(b->data, b->len);
}

const char *
request_parse(struct request *r, const char *s, size_t len)
{
	struct buf name = { 0 }, value = { 0 };
	const char *p = s, *end = s + len, *amp, *eq, *why = NULL;

	while (p < end && why == NULL) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p) {		/* "a=1&&b=2": nothing between */
			p = amp + 1;
			continue;
		}
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (r->n == REQUEST_PAIRS)
			why = tr("too many fields", "te veel velden");
		else if (decode(&name, p, (size_t)(eq - p)) < 0 ||
		    decode(&value, eq + (eq < amp), (size_t)(amp - eq - (eq < amp))) < 0)
			why = tr("a '%' that is not followed by two hexadecimal digits",
			    "een '%' die niet gevolgd wordt door twee hexadecimale cijfers");
		else if (name.len == 0 || name.len > REQUEST_NAME_MAX || value.len > REQUEST_VALUE_MAX)
			why = tr("a field name or value that is empty or too long",
			    "een veldnaam of waarde die leeg of te lang is");
		else if (!plain(&name) || !plain(&value))
			why = tr("a field that is not plain UTF-8 text",
			    "een veld dat geen gewone UTF-8-tekst is");
		else {
			r->pairs = xreallocarray(r->pairs, r->n + 1, sizeof(*r->pairs));
			r->pairs[r->n].name = xstrdup(name.data);
			r->pairs[r->n].value = xstrdup(value.data);
			r->n++;
		}
		p = amp + 1;
	}
	buf_free(&name);
	buf_free(&value);
	return why;
}

const char *
request_get(const struct request *r, const char *name)
{
	size_t i;

	for (i = r->n; i > 0; i--)
		if (strcmp(r->pairs[i - 1].name, name) == 0)
			return r->pairs[i - 1].value;
	return NULL;
}

void
request_free(struct request *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->pairs[i].name);
		free(r->pairs[i].value);
	}
	free(r->pairs);
	memset(r, 0, sizeof(*r));
}

char *
request_cookie(const char *header, const char *name)
{
	const char *p, *end, *value;
	size_t n = strlen(name), i;

	for (p = header; p != NULL && *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		while (*p == ' ')
			p++;
		end = p + strcspn(p, ";");
		if ((size_t)(end - p) <= n || strncmp(p, name, n) != 0 || p[n] != '=')
			continue;
		value = p + n + 1;
		if ((size_t)(end - value) > REQUEST_VALUE_MAX)
			return NULL;
		for (i = 0; value + i < end; i++)
			if (value[i] <= ' ' || value[i] >= 0x7f || strchr("\",;\\", value[i]) != NULL)
				return NULL;
		return xstrndup(value, (size_t)(end - value));
	}
	return NULL;
}
