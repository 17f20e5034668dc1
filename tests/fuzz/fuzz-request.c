/*
 * A web request's query string or form body (src/request.c), as hostile
 * as it comes: every pair kept is bounded, plain UTF-8 with no control
 * or direction-changing character, a name never empty; written again
 * percent-encoded (html_url_encode) it is read back the same; and its
 * text through html_escape holds no character that could open markup.
 * The same input as a Cookie header: a value found is plain cookie
 * ASCII, bounded, and there in the header after its name.
 */
#include "buf.h"
#include "fuzz.h"
#include "html.h"
#include "request.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct request r = { 0 }, again = { 0 };
	struct buf encoded = { 0 }, escaped = { 0 };
	const char *why;
	size_t i;

	why = request_parse(&r, (const char *)data, size);
	fuzz_assert(r.n <= REQUEST_PAIRS);
	for (i = 0; i < r.n; i++) {
		const char *name = r.pairs[i].name, *value = r.pairs[i].value;

		fuzz_assert(*name != '\0' && strlen(name) <= REQUEST_NAME_MAX);
		fuzz_assert(strlen(value) <= REQUEST_VALUE_MAX);
		fuzz_assert(utf8_valid(name, strlen(name)) && utf8_valid(value, strlen(value)));
		fuzz_assert(!utf8_has_control(value, strlen(value), "") &&
		    !utf8_has_bidi_control(value, strlen(value)));
		if (i > 0)
			buf_addc(&encoded, '&');
		html_url_encode(&encoded, name);
		buf_addc(&encoded, '=');
		html_url_encode(&encoded, value);
		buf_reset(&escaped);
		html_escape(&escaped, value);
		if (escaped.data != NULL && strpbrk(escaped.data, "<>\"'") != NULL)
			fuzz_fail("html_escape left markup in '%s'", value);
	}
	if (encoded.len > 0) {
		if (request_parse(&again, encoded.data, encoded.len) != NULL || again.n != r.n)
			fuzz_fail("pairs written again are not read back: %s", encoded.data);
		for (i = 0; i < r.n; i++)
			if (strcmp(again.pairs[i].name, r.pairs[i].name) != 0 ||
			    strcmp(again.pairs[i].value, r.pairs[i].value) != 0)
				fuzz_fail("pair %zu is read back otherwise", i);
	}
	(void)why;
	{
		char *header = xstrndup((const char *)data, size), *value = request_cookie(header, "stance");
		size_t k;

		if (value != NULL) {
			fuzz_assert(strlen(value) <= REQUEST_VALUE_MAX);
			for (k = 0; value[k] != '\0'; k++)
				fuzz_assert(value[k] > ' ' && value[k] < 0x7f && strchr("\",;\\", value[k]) == NULL);
			if (strstr(header, value) == NULL || strstr(header, "stance=") == NULL)
				fuzz_fail("a cookie value that is not in the header: %s", value);
		}
		free(value);
		free(header);
	}
	request_free(&r);
	request_free(&again);
	buf_free(&encoded);
	buf_free(&escaped);
	return 0;
}
