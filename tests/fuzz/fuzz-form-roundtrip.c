/*
 * Round trip through a form: the input is a questionnaire; its form is
 * written, one box per continuum is marked (which one, and the note,
 * chosen from the input's bytes), and reading it back must give exactly
 * those answers and no complaint.  This is how the fuzzer found text that
 * wrapped into a line starting with "percent:" and broke every form.
 * Then the same answers, some moved between the statements, are written
 * into the form as remind fills it in, and must read back as they are.
 */
#include "buf.h"
#include "form-check.h"
#include "lines.h"

/* Notes a person might write, that look like parts of a form. */
static const char *const notes[] = {
	"", "[1] a footnote", "x 2. not a box", "percent: 40", "-- not a signature",
	"stance-end", "continuum: steering", "> quoted", "a\\back slash",
};

struct expect {
	const struct questionnaire *q;
	int *position;
	const char **note;
	int *seen;
	int count;
};

static void
take(const struct form_answer *a, void *context)
{
	struct expect *e = context;
	struct buf note = { 0 };

	form_answer_check(a, (void *)(uintptr_t)e->q);
	fuzz_assert(strcmp(a->response.round, "r1") == 0 && strcmp(a->response.participant, "p") == 0 &&
	    strcmp(a->response.group, "g") == 0);
	fuzz_assert(!e->seen[a->continuum]);
	e->seen[a->continuum] = 1;
	e->count++;
	if (a->response.position != e->position[a->continuum])
		fuzz_fail("%s: position %d read back as %d", e->q->continua[a->continuum].id,
		    e->position[a->continuum], a->response.position);
	note_unescape(&note, a->response.note, a->response.note_len);
	if (strcmp(note.data ? note.data : "", e->note[a->continuum]) != 0)
		fuzz_fail("%s: note '%s' read back as '%s'", e->q->continua[a->continuum].id,
		    e->note[a->continuum], note.data ? note.data : "");
	buf_free(&note);
}

/* The written form, with the chosen boxes marked and notes filled in. */
static char *
filled(const char *form, const struct questionnaire *q, const int *choice, const char **note)
{
	struct buf out = { 0 };
	const char *p = form;
	long current = -1;

	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char label[24];

		if (len > 11 && memcmp(p, "continuum: ", 11) == 0)
			current = questionnaire_find(q, p + 11, len - 11);
		if (current >= 0) {
			if (choice[current] == 0)
				snprintf(label, sizeof(label), "[ ] -. ");
			else
				snprintf(label, sizeof(label), "[ ] %d. ", choice[current]);
		}
		if (current >= 0 && len >= strlen(label) && memcmp(p, label, strlen(label)) == 0) {
			buf_addstr(&out, "[x]");
			buf_add(&out, p + 3, len - 3);
		} else if (current >= 0 && len == 5 && memcmp(p, "note:", 5) == 0) {
			buf_printf(&out, "note: %s", note[current]);
		} else {
			buf_add(&out, p, len);
		}
		buf_addc(&out, '\n');
		p += len + (end != NULL);
	}
	return out.data;
}

/* Read a filled-in form back: every answer as expected, no complaint. */
static void
read_back(const char *text, const struct questionnaire *q, struct expect *e)
{
	struct form_reader r;
	struct lines in;
	FILE *fp;
	ssize_t n;

	e->count = 0;
	memset(e->seen, 0, q->ncontinua * sizeof(*e->seen));
	form_reader_init(&r, q, "filled", take, e);
	fp = fuzz_stream((const uint8_t *)text, strlen(text));
	lines_from(&in, fp, "filled");
	while ((n = lines_next(&in)) >= 0)
		form_reader_line(&r, in.line, (size_t)n, in.number);
	lines_close(&in);
	fclose(fp);
	form_reader_flush(&r);
	if (r.problems != 0 || r.forms != 1 || e->count != (int)q->ncontinua)
		fuzz_fail("%d problems, %d forms, %d of %zu answers read back from:\n%s",
		    r.problems, r.forms, e->count, q->ncontinua, text);
	form_reader_end(&r);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct questionnaire q;
	struct expect e;
	FILE *fp = fuzz_stream(data, size);
	char *form = NULL, *text;
	size_t len = 0, i;
	int *choice;
	struct form_spec spec = { "r1", "p", "g", NULL, NULL, NULL };
	struct form_given *given;

	if (fp == NULL)
		return 0;
	if (questionnaire_read(&q, fp, "fuzz") != 0) {
		fclose(fp);
		return 0;
	}
	fclose(fp);
	fp = open_memstream(&form, &len);
	if (fp == NULL || form_write(fp, &q, &spec) < 0 || fclose(fp) != 0)
		fuzz_fail("cannot write a form");

	memset(&e, 0, sizeof(e));
	e.q = &q;
	choice = calloc(q.ncontinua, sizeof(*choice));
	e.position = calloc(q.ncontinua, sizeof(*e.position));
	e.note = calloc(q.ncontinua, sizeof(*e.note));
	e.seen = calloc(q.ncontinua, sizeof(*e.seen));
	if (!choice || !e.position || !e.note || !e.seen)
		fuzz_fail("out of memory");
	for (i = 0; i < q.ncontinua; i++) {
		unsigned char b = data[i % size];

		choice[i] = (int)(b % (q.continua[i].nanchors + 1));
		e.position[i] = choice[i] == 0 ? POSITION_NONE :
		    anchor_position(q.continua[i].nanchors, (size_t)choice[i]);
		e.note[i] = notes[(b >> 4) % (sizeof(notes) / sizeof(notes[0]))];
	}
	text = filled(form, &q, choice, e.note);
	read_back(text, &q, &e);
	free(text);
	free(form);

	/* Filled in by the writer, some between the statements. */
	given = calloc(q.ncontinua, sizeof(*given));
	if (given == NULL)
		fuzz_fail("out of memory");
	for (i = 0; i < q.ncontinua; i++) {
		unsigned char b = data[(i + 1) % size];

		if (b & 8)
			e.position[i] = (int)((b * 37u + i * 101u) % (POSITION_MAX + 1));
		given[i].position = e.position[i];
		given[i].note = e.note[i];
	}
	spec.given = given;
	form = NULL;
	fp = open_memstream(&form, &len);
	if (fp == NULL || form_write(fp, &q, &spec) < 0 || fclose(fp) != 0)
		fuzz_fail("cannot write a form");
	read_back(form, &q, &e);
	free(given);
	free(form);
	free(choice);
	free(e.position);
	free(e.note);
	free(e.seen);
	questionnaire_free(&q);
	return 0;
}
