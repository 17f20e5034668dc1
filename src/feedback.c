#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "feedback.h"
#include "figures.h"
#include "lang.h"
#include "lines.h"
#include "position.h"
#include "response.h"

/* Close in; whether reading it failed halfway, said if so. */
static int
read_failed(struct lines *in)
{
	int failed = lines_error(in);

	if (failed)
		diag_warn("%s: %s", in->name, lang_strerror(errno));
	lines_close(in);
	return failed;
}

int
feedback_load(struct feedback *f, const struct questionnaire *q, const char *path)
{
	struct figures_header h;
	struct figures_row row;
	struct buf words = { 0 };
	struct lines in;
	const char *why;
	ssize_t n;
	size_t i, everyone = 0, hidden = 0;
	int bad = 0;
	long k;

	for (i = 0; i < q->ncontinua; i++) {
		f[i].have = f[i].hidden = 0;
		f[i].own = POSITION_UNSET;
	}
	if (lines_open(&in, path) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		return -1;
	}
	if ((n = lines_next(&in)) < 0 && lines_error(&in)) {
		read_failed(&in);
		return -1;
	}
	if (n < 0 || (why = figures_header_parse(in.line, (size_t)n, &h)) != NULL) {
		diag_at(in.name, 1, "%s", n < 0 ? tr("empty: no header", "leeg: geen kop") : why);
		lines_close(&in);
		return -1;
	}
	while ((n = lines_next(&in)) >= 0) {
		if ((why = figures_parse(&h, in.line, (size_t)n, &row)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			bad = 1;
			continue;
		}
		if (strcmp(row.group, "*") != 0 ||
		    (k = questionnaire_find(q, row.continuum, strlen(row.continuum))) < 0)
			continue;
		everyone++;
		/* People see these: with fewer answers than the privacy
		 * minimum, aggregate's default --min-group, they would show
		 * who stood where. */
		if (!row.have_quartiles || row.n < FEEDBACK_MIN_ANSWERS ||
		    !verdict_table[row.verdict].figures) {
			f[k].have = 0;
			f[k].hidden = 1;
			continue;
		}
		/* The last round in the file counts: it is the one before. */
		f[k].have = 1;
		f[k].hidden = 0;
		f[k].split = verdict_table[row.verdict].split;
		buf_reset(&words);
		figures_put_verdict(&words, &row, &q->continua[k]);
		free(f[k].verdict);
		f[k].verdict = xstrdup(words.data);
		f[k].median = row.median;
		f[k].q1 = row.q1;
		f[k].q3 = row.q3;
		snprintf(f[k].round_text, sizeof(f[k].round_text), "%s", row.round);
		f[k].round = f[k].round_text;
	}
	buf_free(&words);
	if (read_failed(&in))
		return -1;
	for (i = 0; i < q->ncontinua; i++)
		hidden += f[i].hidden;
	if (hidden > 0)
		diag_warn(tr("%s: too few answers on %zu of %zu continua to show the group's figures there, "
		    "which would tell who stood where", "%s: te weinig antwoorden op %zu van %zu continua "
		    "om er de cijfers van de groep te tonen, die zouden verraden wie waar stond"),
		    path, hidden, q->ncontinua);
	if (everyone == 0) {
		/* A header alone is what aggregate writes for no answers. */
		diag_warn("%s: %s", path, tr("no row for everyone ('*') on a continuum of "
		    "this questionnaire", "geen rij voor iedereen ('*') op een continuüm van "
		    "deze vragenlijst"));
		return -1;
	}
	return bad;
}

int
feedback_previous(struct feedback *f, const struct questionnaire *q, const char *path,
    const char *participant, const char *round)
{
	struct response r;
	struct lines in;
	const char *why;
	ssize_t n;
	size_t found = 0;
	int bad = 0;
	long k;

	if (lines_open(&in, path) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		return -1;
	}
	while ((n = lines_next(&in)) >= 0) {
		if (n == 0 || in.line[0] == '#')
			continue;
		if ((why = response_parse(in.line, (size_t)n, &r)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			bad = 1;
			continue;
		}
		if (strcmp(r.participant, participant) != 0 || strcmp(r.round, round) == 0 ||
		    (k = questionnaire_find(q, r.continuum, r.continuum_len)) < 0)
			continue;
		f[k].own = r.position;	/* the last line of the file wins, as in collect */
		found++;
	}
	if (read_failed(&in))
		return -1;
	if (found == 0)	/* a newcomer, or a misspelt name: say so, go on */
		diag_warn(tr("%s: no answers of %s in another round than %s",
		    "%s: geen antwoorden van %s in een andere ronde dan %s"), path, participant, round);
	return bad;
}

void
feedback_free(struct feedback *f, size_t n)
{
	size_t i;

	for (i = 0; f != NULL && i < n; i++)
		free(f[i].verdict);
	free(f);
}

void
feedback_words(struct buf *out, const struct feedback *f)
{
	char text[POSITION_TEXT];

	if (f->have) {
		buf_printf(out, tr("Last round (%s): %s; median ", "Vorige ronde (%s): %s; mediaan "),
		    f->round, f->verdict);
		figures_put_point(out, f->median);
		buf_addstr(out, tr(", middle half ", ", middelste helft "));
		figures_put_point(out, f->q1);
		buf_addstr(out, "-");
		figures_put_point(out, f->q3);
	}
	if (f->own != POSITION_UNSET) {
		/* Alone, "you:" would not say which answer of yours. */
		if (f->have)
			buf_addstr(out, tr("; you: ", "; jij: "));
		else
			buf_addstr(out, tr("Your last answer: ", "Jouw vorige antwoord: "));
		if (f->own == POSITION_NONE) {
			buf_addstr(out, tr("no opinion", "geen mening"));
		} else {
			position_for_people(f->own, text);
			buf_printf(out, "%s%%", text);
		}
	}
	if (f->have || f->own != POSITION_UNSET)
		buf_addc(out, '.');
	/* The Delphi way: why, in the words of each camp, not only where. */
	if (f->have && !f->hidden && f->reasons != NULL) {
		struct buf words = { 0 };

		reasons_words(&words, f->reasons, FEEDBACK_REASONS);
		if (words.len > 0)
			buf_printf(out, tr(" In their own words: %s", " In hun eigen woorden: %s"), words.data);
		buf_free(&words);
	}
}

int
feedback_reasons(struct feedback *f, const struct questionnaire *q, const struct reasons *r,
    const char *path)
{
	size_t k;

	/* Reasons of another round than the figures would put words in a
	 * camp that is not there. */
	for (k = 0; k < q->ncontinua; k++)
		if (f[k].have && f[k].round != NULL && r->round != NULL && strcmp(f[k].round, r->round) != 0) {
			diag_warn(tr("%s: reasons of round %s, figures of round %s; the reasons are not shown",
			    "%s: redenen van ronde %s, cijfers van ronde %s; de redenen worden niet getoond"),
			    path, r->round, f[k].round);
			return 1;
		}
	for (k = 0; k < q->ncontinua; k++)
		f[k].reasons = reasons_find(r, q->continua[k].id);
	return 0;
}
