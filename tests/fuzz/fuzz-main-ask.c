/*
 * ask's main as a script runs it: answers as arguments (the input's
 * lines, when its first byte is odd) or on standard input, appended with
 * -o twice to one file, as two people answering into the round's file.
 * Properties: it exits 0, 1 or 2 and never crashes; the file holds whole
 * answers only: every line a response line of the participant, as many
 * as the questionnaire has continua for each run that exited 0, and
 * nothing for a run that did not.
 * When its first byte has bit 1 set, ask --web answers a request: the
 * input's first line is the query string, the rest a POST body.  The
 * property is the round's: no answer without a valid link.  Every line
 * written is of the round, participant and group the query names, whose
 * token there matches them under the key; and a page always goes out.
 * With bit 2 too, as a meeting's script (--meeting anonymous -r r1), whose
 * address gives links away but takes answers only at them.
 */
#include "key.h"
#include "program.h"
#include "request.h"
#include "response.h"

#define KEY "the key of this round, for fuzzing only\n"

int ask_main(int argc, char **argv);

static int
ask(int arguments, char *lines, const char *in, const char *participant, const char *file)
{
	char *argv[64], *line, *save;
	int argc = 0;

	argv[argc++] = "ask";
	argv[argc++] = "-r";
	argv[argc++] = "r1";
	argv[argc++] = "-p";
	argv[argc++] = (char *)participant;
	argv[argc++] = "-g";
	argv[argc++] = "staff";
	argv[argc++] = "-o";
	argv[argc++] = (char *)file;
	argv[argc++] = "--";	/* an answer is never an option */
	for (line = strtok_r(lines, "\n", &save); arguments && line != NULL && argc < 60;
	    line = strtok_r(NULL, "\n", &save))
		argv[argc++] = line;
	argv[argc] = NULL;
	if (freopen(in, "r", stdin) == NULL)
		fuzz_fail("%s: %s", in, strerror(errno));
	return fuzz_run(ask_main, argv, fuzz_path(2, "out"));
}

/* ask --web on a request: query, then body. */
static void
web(const uint8_t *data, size_t size, int meeting)
{
	const char *file = fuzz_path(1, "round.tsv"), *body = fuzz_path(0, "body");
	const char *keyfile = fuzz_path(3, "key"), *out = fuzz_path(2, "out");
	const uint8_t *nl = memchr(data, '\n', size);
	size_t qlen = nl != NULL ? (size_t)(nl - data) : size, n;
	char *query = xstrndup((const char *)data, qlen), *text, *line, *next, length[32];
	char *argv[] = { "ask", "--web", "--key", (char *)keyfile, "-o", (char *)file,
	    meeting ? "--meeting" : NULL, "anonymous", "-r", "r1", NULL };
	struct request link = { 0 };
	struct key key;

	fuzz_write(keyfile, KEY, sizeof(KEY) - 1);
	fuzz_write(file, "", 0);
	fuzz_write(body, nl != NULL ? nl + 1 : data, nl != NULL ? size - qlen - 1 : 0);
	snprintf(length, sizeof(length), "%zu", nl != NULL ? size - qlen - 1 : 0);
	setenv("REQUEST_METHOD", "POST", 1);
	setenv("QUERY_STRING", query, 1);
	setenv("CONTENT_TYPE", "application/x-www-form-urlencoded", 1);
	setenv("CONTENT_LENGTH", length, 1);
	setenv("SCRIPT_NAME", "/live.cgi", 1);
	setenv("HTTP_HOST", "127.0.0.1", 1);
	if (freopen(body, "r", stdin) == NULL)
		fuzz_fail("%s: %s", body, strerror(errno));
	fuzz_run(ask_main, argv, out);
	text = fuzz_read(out, &n);
	if (strncmp(text, "Status: ", 8) != 0)
		fuzz_fail("no page went out");
	free(text);
	(void)request_parse(&link, query, strlen(query));
	if (key_load(&key, keyfile) <= 0)
		fuzz_fail("the key");
	text = fuzz_read(file, &n);
	for (line = text; *line != '\0'; line = next + 1) {
		struct response r;
		const char *t = request_get(&link, "t");

		next = strchr(line, '\n');
		fuzz_assert(next != NULL);
		*next = '\0';
		if (response_parse(line, strlen(line), &r) != NULL)
			fuzz_fail("ask --web wrote what is not a response line: %s", line);
		if (t == NULL || !key_token_matches(&key, "social-media-policy", r.round, r.participant,
		    r.group, t) || strcmp(r.round, request_get(&link, "r")) != 0 ||
		    strcmp(r.participant, request_get(&link, "p")) != 0)
			fuzz_fail("an answer without a valid link: %s", line);
	}
	free(text);
	free(query);
	key_free(&key);
	request_free(&link);
	unsetenv("REQUEST_METHOD");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = fuzz_path(0, "answers"), *file = fuzz_path(1, "round.tsv");
	char *lines, *text, *line, *next;
	size_t n, expected = 0, got = 0;
	int arguments;

	if (size < 1)
		return 0;
	setenv("STANCE_NOW", "2026-11-25T09:30:00Z", 1);
	if (data[0] & 2) {
		web(data + 1, size - 1, (data[0] & 4) != 0);
		return 0;
	}
	arguments = data[0] & 1;
	fuzz_write(in, data + 1, size - 1);
	fuzz_write(file, "", 0);
	lines = xstrndup((const char *)data + 1, size - 1);
	expected += ask(arguments, lines, in, "ann", file) == 0;
	free(lines);
	lines = xstrndup((const char *)data + 1, size - 1);
	expected += ask(arguments, lines, in, "bob", file) == 0;
	free(lines);
	text = fuzz_read(file, &n);
	for (line = text; *line != '\0'; line = next + 1) {
		struct response r;

		next = strchr(line, '\n');
		fuzz_assert(next != NULL);	/* whole lines only */
		*next = '\0';
		if (response_parse(line, strlen(line), &r) != NULL)
			fuzz_fail("ask -o wrote what is not a response line: %s", line);
		fuzz_assert(strcmp(r.participant, "ann") == 0 || strcmp(r.participant, "bob") == 0);
		got++;
	}
	/* The built-in questionnaire: five continua. */
	if (got != 5 * expected)
		fuzz_fail("%zu lines for %zu whole runs of ask", got, expected);
	free(text);
	return 0;
}
