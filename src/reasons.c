/*
 * reasons: the reasons file.  See reasons.h.
 *
 * The camps are aggregate's (stats_camps), so that "7 at hard" here is
 * the camp chart draws.  Notes are in byte order, never in the order
 * they came: the order of a file or a mailbox would tell who wrote what.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "figures.h"
#include "lang.h"
#include "lines.h"
#include "diag.h"
#include "position.h"
#include "reasons.h"
#include "stats.h"
#include "token.h"
#include "utf8.h"

/* ---- Gathering. ---- */

void
reasons_header(struct buf *out, const char *round)
{
	buf_addstr(out, tr(
	    "# stance reasons (stance-reasons(5)): what people wrote beside their answers,\n"
	    "# per continuum and camp, without names, groups or times, in byte order.\n"
	    "# Read it before anyone else sees it: delete or reword any reason that names\n"
	    "# someone or gives its author away.  What you delete is never shown.\n",
	    "# stance-redenen (stance-reasons(5)): wat mensen naast hun antwoorden schreven,\n"
	    "# per continuum en kamp, zonder namen, groepen of tijden, in bytevolgorde.\n"
	    "# Lees het voor iemand anders het ziet: schrap of herschrijf elke reden die\n"
	    "# iemand noemt of de schrijver verraadt.  Wat je schrapt, wordt nooit getoond.\n"));
	buf_printf(out, "round: %s\n", round);
}

static int
note_order(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A note as one line of the file: line ends and tabs as blanks, the
 * blanks at either end taken off; NULL if nothing is left. */
static char *
note_line(const char *note)
{
	char *s = xstrdup(note), *p, *start = s;
	size_t n;

	for (p = s; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	while (*start == ' ')
		start++;
	n = strlen(start);
	while (n > 0 && start[n - 1] == ' ')
		n--;
	start[n] = '\0';
	memmove(s, start, n + 1);
	if (n == 0) {
		free(s);
		return NULL;
	}
	return s;
}

/* A median as a point, at most three decimals, trailing zeros off:
 * "12.375", "50"; aggregate's (fortieths) exactly, and one read from the
 * file written again the same. */
static const char *
decimal_text(double median)
{
	static char text[32];
	size_t n;

	snprintf(text, sizeof(text), "%.3f", median);
	n = strlen(text);
	while (text[n - 1] == '0')
		text[--n] = '\0';
	if (text[n - 1] == '.')
		text[--n] = '\0';
	return text;
}

/* How many of the answers are of group g. */
static size_t
group_size(const struct reasons_answer *a, size_t n, const char *group)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		count += strcmp(a[i].group, group) == 0;
	return count;
}

/* The notes of camp `camp`, sorted; how many were left out for their
 * small groups in *small. */
static char **
camp_notes(const struct continuum *c, const struct stats_counts *counts,
    const struct reasons_answer *a, size_t n, size_t camp, long min_group, size_t *count,
    size_t *small)
{
	char **notes = NULL, *line;
	size_t i;

	*count = *small = 0;
	for (i = 0; i < n; i++) {
		if (a[i].position < 0 || stats_camp_of(counts, c->nanchors, a[i].position) != camp ||
		    (line = note_line(a[i].note)) == NULL)
			continue;
		/* One of a few in a group: their words could give them away. */
		if (strcmp(a[i].group, "-") != 0 && group_size(a, n, a[i].group) < (size_t)min_group) {
			(*small)++;
			free(line);
			continue;
		}
		notes = xreallocarray(notes, *count + 1, sizeof(*notes));
		notes[(*count)++] = line;
	}
	if (*count > 0)
		qsort(notes, *count, sizeof(*notes), note_order);
	return notes;
}

void
reasons_gather(struct buf *out, const struct continuum *c, const struct reasons_answer *a,
    size_t n, long min_group)
{
	struct stats_counts *counts = xcalloc(1, sizeof(*counts));
	struct stats_camp camps[STATS_MAX_CAMPS];
	uint64_t *at = xcalloc(POSITION_MAX + 1, sizeof(*at));
	size_t i, k, ncamps, count, small;
	char **notes;

	for (i = 0; i < n; i++)
		if (a[i].position >= 0 && a[i].position <= POSITION_MAX)
			at[a[i].position]++;
	for (k = 0; k <= POSITION_MAX; k++)
		if (at[k] > 0) {
			counts->value[counts->nvalues] = (uint16_t)k;
			counts->count[counts->nvalues++] = at[k];
			counts->n += at[k];
		}
	free(at);
	buf_printf(out, "\ncontinuum: %s\n", c->id);
	/* A row aggregate would hide has no reasons either. */
	if (counts->n < (uint64_t)min_group) {
		buf_printf(out, tr("# fewer than %ld answered with a position: no reasons\n",
		    "# minder dan %ld antwoordden met een positie: geen redenen\n"), min_group);
		free(counts);
		return;
	}
	ncamps = stats_camps(counts, c->nanchors, camps);
	for (i = 0; i < ncamps; i++) {
		if (camps[i].n < (uint64_t)min_group) {
			buf_printf(out, tr("# a camp of fewer than %ld: its reasons are not shown\n",
			    "# een kamp van minder dan %ld: de redenen worden niet getoond\n"), min_group);
			continue;
		}
		/* Its median first, as aggregate's camps column has it: how a
		 * reader knows the camp, whatever language the words are in. */
		buf_printf(out, "camp: %s: %llu ", decimal_text((double)camps[i].median / 40.0),
		    (unsigned long long)camps[i].n);
		figures_put_place(out, c, (double)camps[i].median / 40.0);
		buf_addc(out, '\n');
		notes = camp_notes(c, counts, a, n, i, min_group, &count, &small);
		for (k = 0; k < count; k++) {
			buf_printf(out, "- %s\n", notes[k]);
			free(notes[k]);
		}
		free(notes);
		if (small > 0)
			buf_printf(out, tr("# %zu left out: their groups are smaller than %ld\n",
			    "# %zu weggelaten: hun groepen zijn kleiner dan %ld\n"), small, min_group);
	}
	free(counts);
}

/* ---- Reading. ---- */

/* Text a reason or a label may be: UTF-8, no control or direction-
 * changing character, something besides blanks. */
static int
plain(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i] == ' '; i++)
		;
	return i < n && memchr(s, '\0', n) == NULL && utf8_valid(s, n) &&
	    !utf8_has_control(s, n, "") && !utf8_has_bidi_control(s, n);
}

/* "12.375": a point from 0 to 100, at most three decimals. */
static int
camp_median(const char *s, size_t n, double *median)
{
	size_t i = 0, digits = 0, decimals = 0;
	double v = 0, scale = 1;

	for (; i < n && s[i] >= '0' && s[i] <= '9' && digits < 3; i++, digits++)
		v = v * 10 + (s[i] - '0');
	if (digits == 0)
		return 0;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9' && decimals < 3; i++, decimals++)
			v += (s[i] - '0') * (scale /= 10);
	if (i != n || (s[n - 1] == '.') || v > 100)
		return 0;
	*median = v;
	return 1;
}

static int
starts(const char *line, size_t len, const char *key)
{
	size_t k = strlen(key);

	return len >= k && memcmp(line, key, k) == 0;
}

const char *
reasons_line(struct reasons *r, const char *line, size_t len)
{
	struct reasons_continuum *c = r->n > 0 ? &r->continua[r->n - 1] : NULL;
	struct reasons_camp *camp = c != NULL && c->ncamps > 0 ? &c->camps[c->ncamps - 1] : NULL;
	const char *value;
	size_t n, i;

	if (len > 0 && line[len - 1] == '\r')	/* a Windows editor's */
		len--;
	for (i = 0; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
		;
	if (i == len || line[i] == '#')
		return NULL;
	if (starts(line, len, "round: ")) {
		value = line + 7;
		n = len - 7;
		if (r->round != NULL)
			return tr("a second round: line; a file holds one round",
			    "een tweede regel round:; een bestand heeft één ronde");
		if (token_problem(value, n) != NULL)
			return tr("the round is not an id", "de ronde is geen id");
		r->round = xstrndup(value, n);
		return NULL;
	}
	if (starts(line, len, "continuum: ")) {
		value = line + 11;
		n = len - 11;
		if (r->round == NULL)
			return tr("a continuum: line before the round: line",
			    "een regel continuum: voor de regel round:");
		if (token_problem(value, n) != NULL)
			return tr("the continuum is not an id", "het continuum is geen id");
		for (i = 0; i < r->n; i++)
			if (strlen(r->continua[i].id) == n && memcmp(r->continua[i].id, value, n) == 0)
				return tr("a continuum given twice", "een continuum dat twee keer voorkomt");
		r->continua = xreallocarray(r->continua, r->n + 1, sizeof(*r->continua));
		memset(&r->continua[r->n], 0, sizeof(r->continua[r->n]));
		r->continua[r->n++].id = xstrndup(value, n);
		return NULL;
	}
	if (starts(line, len, "camp: ")) {
		const char *colon = memchr(line + 6, ':', len - 6);
		double median;

		if (c == NULL)
			return tr("a camp: line before any continuum: line",
			    "een regel camp: voor een regel continuum:");
		if (colon == NULL || !camp_median(line + 6, (size_t)(colon - line - 6), &median) ||
		    (size_t)(colon - line) + 2 > len || colon[1] != ' ')
			return tr("a camp: line is 'camp: median: words', its median a point from 0 to 100",
			    "een regel camp: is 'camp: mediaan: woorden', de mediaan een punt van 0 tot 100");
		if (!plain(colon + 2, len - (size_t)(colon + 2 - line)))
			return tr("a camp's words are empty or not plain text",
			    "de woorden van een kamp zijn leeg of geen gewone tekst");
		c->camps = xreallocarray(c->camps, c->ncamps + 1, sizeof(*c->camps));
		memset(&c->camps[c->ncamps], 0, sizeof(c->camps[c->ncamps]));
		c->camps[c->ncamps].median = median;
		c->camps[c->ncamps++].label = xstrndup(colon + 2, len - (size_t)(colon + 2 - line));
		return NULL;
	}
	if (starts(line, len, "- ")) {
		if (camp == NULL)
			return tr("a reason before any camp: line", "een reden voor een regel camp:");
		if (!plain(line + 2, len - 2))
			return tr("a reason that is empty or not plain text",
			    "een reden die leeg is of geen gewone tekst");
		camp->notes = xreallocarray(camp->notes, camp->nnotes + 1, sizeof(*camp->notes));
		camp->notes[camp->nnotes++] = xstrndup(line + 2, len - 2);
		return NULL;
	}
	return tr("not a line of a reasons file: round:, continuum:, camp:, '- ' and a reason, or a # comment",
	    "geen regel van een redenenbestand: round:, continuum:, camp:, '- ' en een reden, of een # commentaar");
}

int
reasons_load(struct reasons *r, const char *path)
{
	struct lines in;
	const char *why;
	ssize_t n;
	int bad = 0;

	memset(r, 0, sizeof(*r));
	if (lines_open(&in, path) < 0) {
		diag_warn("%s: %s", path, lang_strerror(errno));
		return -1;
	}
	while ((n = lines_next(&in)) >= 0)
		if ((why = reasons_line(r, in.line, (size_t)n)) != NULL) {
			diag_at(in.name, in.number, "%s", why);
			bad = 1;
		}
	if (lines_error(&in)) {
		diag_warn("%s: %s", in.name, lang_strerror(errno));
		lines_close(&in);
		return -1;
	}
	lines_close(&in);
	return bad;
}

const struct reasons_continuum *
reasons_find(const struct reasons *r, const char *id)
{
	size_t i;

	for (i = 0; r != NULL && i < r->n; i++)
		if (strcmp(r->continua[i].id, id) == 0)
			return &r->continua[i];
	return NULL;
}

const struct reasons_camp *
reasons_camp_at(const struct reasons_continuum *c, double median)
{
	size_t i;

	for (i = 0; c != NULL && i < c->ncamps; i++)
		if (fabs(c->camps[i].median - median) < 0.0005)
			return &c->camps[i];
	return NULL;
}

void
reasons_words(struct buf *out, const struct reasons_continuum *c, size_t few)
{
	size_t i, k, said = 0;

	for (i = 0; c != NULL && i < c->ncamps; i++) {
		const struct reasons_camp *camp = &c->camps[i];

		if (camp->nnotes == 0)
			continue;
		buf_printf(out, "%s%s: ", said++ ? " " : "", camp->label);
		for (k = 0; k < camp->nnotes && k < few; k++)
			buf_printf(out, "%s\"%s\"", k ? "; " : "", camp->notes[k]);
		buf_addc(out, '.');
	}
}

void
reasons_format(struct buf *out, const struct reasons *r)
{
	size_t i, j, k;

	if (r->round != NULL)
		buf_printf(out, "round: %s\n", r->round);
	for (i = 0; i < r->n; i++) {
		buf_printf(out, "continuum: %s\n", r->continua[i].id);
		for (j = 0; j < r->continua[i].ncamps; j++) {
			buf_printf(out, "camp: %s: %s\n", decimal_text(r->continua[i].camps[j].median),
			    r->continua[i].camps[j].label);
			for (k = 0; k < r->continua[i].camps[j].nnotes; k++)
				buf_printf(out, "- %s\n", r->continua[i].camps[j].notes[k]);
		}
	}
}

void
reasons_free(struct reasons *r)
{
	size_t i, j, k;

	for (i = 0; i < r->n; i++) {
		for (j = 0; j < r->continua[i].ncamps; j++) {
			for (k = 0; k < r->continua[i].camps[j].nnotes; k++)
				free(r->continua[i].camps[j].notes[k]);
			free(r->continua[i].camps[j].notes);
			free(r->continua[i].camps[j].label);
		}
		free(r->continua[i].camps);
		free(r->continua[i].id);
	}
	free(r->continua);
	free(r->round);
	memset(r, 0, sizeof(*r));
}
