/*
 * recommend: from aggregate's rows (stance-aggregate(5)) to what the
 * policy must contain, for a facilitator to take into the next meeting:
 * per continuum where the group stands and the advice for that stretch
 * of the line; the continua to talk through before drafting; tensions
 * between positions; groups far apart; the legal floor; a draft outline;
 * the sources.  The advice is data (stance-rules(5)); this program only
 * decides which rules fire and writes them out, as text or Markdown.
 */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "condition.h"
#include "context.h"
#include "diag.h"
#include "figures.h"
#include "lang.h"
#include "options.h"
#include "output.h"
#include "questionnaire.h"
#include "reasons.h"
#include "rules.h"
#include "utf8.h"
#include "wrap.h"

static const char usage_text[] =
    "usage: recommend [-v] [-L lang] [-q file] [-r round] [--rules file]\n"
    "                 [--context file] [--employer private | public] [--staff n]\n"
    "                 [--client-work yes | no] [--format text | markdown]\n"
    "                 [--apart points] [--reasons file] [-w width] [file ...]\n";

static void
help(void)
{
	option_help(usage_text, tr(
	    "\n"
	    "Turn aggregate's rows into advice for the policy: where the group\n"
	    "stands and what follows, what to talk through first, tensions, groups\n"
	    "apart, the legal and ethical minimum, a draft outline, next steps and\n"
	    "the sources.  With no file, read standard input.\n"
	    "\n"
	    "  -L lang        the advice in nl or en\n"
	    "  -q file        the questionnaire the rows belong to\n"
	    "  -r round       advise on this round (default: the last in the input)\n"
	    "  --rules file   rules to use instead of the built-in ones; again to add\n"
	    "                 more; 'default' names the built-in rules\n"
	    "  --context file the organisation: employer, staff, client-work\n"
	    "  --employer e   private or public (statutory staff)\n"
	    "  --staff n      about how many people work there\n"
	    "  --client-work  yes (default) or no: whether staff work with clients\n"
	    "  --format f     text (default) or markdown\n"
	    "  --apart points groups this far apart are named (default 25)\n"
	    "  --reasons file the camps' own words (collect --reasons, edited)\n"
	    "  -v             name the rule behind every piece of advice\n"
	    "  -w width       wrap text at this many columns (default: COLUMNS, the\n"
	    "                 terminal, 80)\n"
	    "See recommend(1) and stance-rules(5).\n",
	    "\n"
	    "Maak van de rijen van aggregate advies voor het beleid: waar de groep\n"
	    "staat en wat daaruit volgt, wat eerst besproken moet worden, spanningen,\n"
	    "groepen die uit elkaar liggen, het wettelijke en deontologische minimum,\n"
	    "een ontwerp van inhoudstafel, volgende stappen en de bronnen.  Zonder\n"
	    "bestand: lees standaardinvoer.\n"
	    "\n"
	    "  -L taal          het advies in nl of en\n"
	    "  -q bestand       de vragenlijst waar de rijen bij horen\n"
	    "  -r ronde         advies over deze ronde (standaard: de laatste)\n"
	    "  --rules bestand  regels in plaats van de ingebouwde; nog eens om er\n"
	    "                   toe te voegen; 'default' noemt de ingebouwde regels\n"
	    "  --context bestand  de organisatie: employer, staff, client-work\n"
	    "  --employer e     private of public (statutair personeel)\n"
	    "  --staff n        ongeveer hoeveel mensen er werken\n"
	    "  --client-work    yes (standaard) of no: werken medewerkers met cliënten\n"
	    "  --format f       text (standaard) of markdown\n"
	    "  --apart punten   groepen die zo ver uit elkaar liggen, worden genoemd\n"
	    "                   (standaard 25)\n"
	    "  --reasons bestand  de eigen woorden van de kampen (collect --reasons, nagelezen)\n"
	    "  -v               noem bij elk advies de regel erachter\n"
	    "  -w breedte       breek tekst af op zoveel kolommen (standaard: COLUMNS,\n"
	    "                   de terminal, 80)\n"
	    "Zie recommend(1) en stance-rules(5).\n"));
}

/*
 * recommend's own words, which hold for any questionnaire: how to talk a
 * divided continuum through before drafting (the research digest, §4),
 * with their sources.  Rules of part "talk" add to these.
 */
static const struct step {
	const char *en, *nl;
	const char *sources;
} talk_steps[] = {
	{ "Show the spread first: put everyone's position in view (chart) before anyone argues, and begin with the continuum where the middle half is widest.",
	  "Toon eerst de spreiding: zet ieders positie in beeld (chart) voor iemand argumenteert, en begin bij het continuum met de breedste middelste helft.",
	  "Spectrogram" },
	{ "Hear both camps' reasons, the risks and values behind each position, before looking for a middle; expect a hard stretch before the group comes together.",
	  "Hoor de redenen van beide kampen, de risico's en waarden achter elke positie, voor je een midden zoekt; verwacht een moeilijke fase voor de groep samenkomt.",
	  "Kaner" },
	{ "Agree how the group will decide before it decides: degrees of agreement rather than yes or no, and consent to what is good enough for now and safe enough to try, with a date to review it.",
	  "Spreek af hoe de groep zal beslissen voor ze beslist: gradaties van instemming in plaats van ja of nee, en instemming met wat goed genoeg is voor nu en veilig genoeg om te proberen, met een datum om het te herzien.",
	  "Kaner S3" },
	{ "Keep the legal and ethical minimum out of the debate: what the law and professional ethics require is not a preference.",
	  "Hou het wettelijke en deontologische minimum buiten het debat: wat de wet en de beroepsethiek vragen, is geen voorkeur.",
	  NULL },
};

static const struct {
	const char *tag;
	enum rules_kind kind;
	const char *en, *nl;
} own_sources[] = {
	{ "Spectrogram", RULES_EXAMPLE,
	  "Spectrograms: people stand on a line across the room to show where they stand. https://www.phoenixtraumacenter.com/spectrograms/",
	  "Spectrogrammen: mensen gaan op een lijn door de zaal staan om te tonen waar ze staan. https://www.phoenixtraumacenter.com/spectrograms/" },
	{ "Kaner", RULES_GUIDANCE,
	  "Sam Kaner et al., Facilitator's Guide to Participatory Decision-Making (book; 3rd ed. Jossey-Bass, 2014).",
	  "Sam Kaner e.a., Facilitator's Guide to Participatory Decision-Making (boek; 3de uitg. Jossey-Bass, 2014)." },
	{ "S3", RULES_GUIDANCE,
	  "Sociocracy For All, the liberating effect of good enough for now. https://www.sociocracyforall.org/the-liberating-effect-of-good-enough-for-now/",
	  "Sociocracy For All, over \u201cgoed genoeg voor nu\u201d als beslisregel (Engels). https://www.sociocracyforall.org/the-liberating-effect-of-good-enough-for-now/" },
};

static const char *const own_tags[] = { "Spectrogram", "Kaner", "S3", NULL };

enum format { FORMAT_TEXT, FORMAT_MARKDOWN };

#define RECOMMEND_REASONS 5	/* a camp's reasons quoted, at most */

struct recommend {
	const struct questionnaire *q;
	struct rules rules;
	int have_rules;
	struct figures_table table;
	const char *round;
	const struct figures_row **everyone;	/* per continuum, or NULL */
	enum format format;
	size_t width;
	int verbose;
	double apart;
	struct context context;		/* the organisation's */
	int part;			/* the number of the last part written */
	char **cited;			/* tags in the order first used */
	size_t ncited;
	struct buf out;			/* a paragraph being built */
	struct reasons reasons;		/* --reasons: the camps' own words */
	int have_reasons;
};

/* ---- Writing: the same calls make text or Markdown. ---- */

/* Text that comes from data (rules, questionnaire, input), made safe for
 * Markdown: its marks would otherwise turn words bold or into links. */
static void
put_data(struct recommend *r, struct buf *b, const char *s)
{
	for (; *s; s++) {
		/* A tab (record files allow them) is a blank to a reader,
		 * and no control character reaches the output. */
		if (*s == '\t') {
			buf_addc(b, ' ');
			continue;
		}
		if (r->format == FORMAT_MARKDOWN && strchr("\\`*_[]<>#|", *s) != NULL)
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
}

static void
emit(const char *s)
{
	fputs(s, stdout);
}

/* A block of text: wrapped in text, one line in Markdown (any Markdown
 * reader wraps it), after a blank line. */
static void
put_block(struct recommend *r, const char *first, const char *indent, const char *text)
{
	struct buf line = { 0 };

	buf_addstr(&line, first);
	if (r->format == FORMAT_TEXT)
		wrap_text(&line, text, r->width, utf8_width(first, strlen(first)), strlen(indent));
	else
		buf_addstr(&line, text);
	buf_addc(&line, '\n');
	emit(line.data);
	buf_free(&line);
}

static void
heading(struct recommend *r, int level, const char *text)
{
	struct buf line = { 0 };
	size_t w, i;

	if (level > 1)		/* the title opens the output */
		emit("\n");
	if (r->format == FORMAT_MARKDOWN) {
		for (i = 0; i < (size_t)level; i++)
			buf_addc(&line, '#');
		buf_addc(&line, ' ');
		put_data(r, &line, text);
		buf_addc(&line, '\n');
	} else {
		/* Wrapped like the rest, underlined as wide as its widest line. */
		const char *p, *end;

		wrap_text(&line, text, r->width, 0, 0);
		for (w = 0, p = line.data; *p; p = *end ? end + 1 : end) {
			end = strchr(p, '\n');
			if (end == NULL)
				end = p + strlen(p);
			if (utf8_width(p, (size_t)(end - p)) > w)
				w = utf8_width(p, (size_t)(end - p));
		}
		buf_addc(&line, '\n');
		for (i = 0; level < 3 && i < w; i++)
			buf_addc(&line, level == 1 ? '=' : '-');
		if (level < 3)
			buf_addc(&line, '\n');
	}
	emit(line.data);
	buf_free(&line);
}

/* A numbered part: the parts a reader gets are numbered 1, 2, 3 ... */
static void
part(struct recommend *r, const char *en, const char *nl)
{
	struct buf title = { 0 };

	buf_printf(&title, "%d. %s", ++r->part, tr(en, nl));
	heading(r, 2, title.data);
	buf_free(&title);
}

static void
paragraph(struct recommend *r, const char *text)
{
	emit("\n");
	put_block(r, "", "", text);
}

static void
cite(struct recommend *r, const char *tag)
{
	size_t i;

	for (i = 0; i < r->ncited; i++)
		if (strcmp(r->cited[i], tag) == 0)
			return;
	r->cited = xreallocarray(r->cited, r->ncited + 1, sizeof(*r->cited));
	r->cited[r->ncited++] = xstrdup(tag);
}

/* The source tags after a piece of advice, " [A] [B]", noted for the
 * sources part. */
static void
put_tags(struct recommend *r, struct buf *b, char *const *tags, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf_printf(b, " [%s]", tags[i]);
		cite(r, tags[i]);
	}
}

/* -v: which rule said it. */
static void
put_trace(struct recommend *r, struct buf *b, const char *id)
{
	if (!r->verbose)
		return;
	if (r->format == FORMAT_MARKDOWN)
		buf_printf(b, tr(" *(rule %s)*", " *(regel %s)*"), id);
	else
		buf_printf(b, tr(" (rule %s)", " (regel %s)"), id);
}

static void
item(struct recommend *r, const char *text)
{
	put_block(r, "- ", "  ", text);
}

/* A rule's advice as a list item: its title in bold, its text, its tags. */
static void
rule_item(struct recommend *r, const struct rule *u, const char *number)
{
	struct buf b = { 0 };
	enum lang l = lang_current;

	if (u->title[l] != NULL) {
		buf_addstr(&b, r->format == FORMAT_MARKDOWN ? "**" : "");
		put_data(r, &b, u->title[l]);
		buf_addstr(&b, r->format == FORMAT_MARKDOWN ? ".**" : ".");
		buf_addstr(&b, r->format == FORMAT_MARKDOWN ? " " : " ");
	}
	put_data(r, &b, u->advice[l]);
	put_tags(r, &b, u->sources, u->nsources);
	put_trace(r, &b, u->id);
	if (number != NULL)
		put_block(r, number, "   ", b.data);
	else
		item(r, b.data);
	buf_free(&b);
}

/* ---- The figures, as rules and sentences see them. ---- */

/* A row that can be read: not suppressed, not too few. */
static int
readable(const struct figures_row *row)
{
	return row != NULL && verdict_table[row->verdict].figures;
}

static int
talk_first(const struct figures_row *row)
{
	return row != NULL && verdict_table[row->verdict].split;
}

/* Rules of a continuum read "as if the median stood at": for each camp
 * of a divided continuum, its quartile. */
struct lookup {
	struct recommend *r;
	long own;		/* the rule's continuum, or -1 */
	long moved;		/* the continuum whose median is moved, or -1 */
	double median;
};

/* The statement nearest a point: aggregate's rule, on the point in
 * fortieths (figures have at most three decimals, quartiles are exact
 * in fortieths). */
static size_t
nearest_anchor(double point, size_t anchors)
{
	return anchor_nearest(anchors, llround(point * 40));
}

static int
look_up(void *context, const char *continuum, enum condition_column column,
    struct condition_value *v)
{
	struct lookup *l = context;
	long k = continuum == NULL ? l->own : questionnaire_find(l->r->q, continuum, strlen(continuum));
	const struct figures_row *row;
	static const enum figures_number numbers[COND_NCOLUMNS] = {
		[COND_MEAN] = FIGURES_MEAN, [COND_SD] = FIGURES_SD, [COND_MIN] = FIGURES_MIN,
		[COND_MAX] = FIGURES_MAX, [COND_IQR] = FIGURES_IQR,
		[COND_CONSENSUS] = FIGURES_CONSENSUS, [COND_AGREEMENT] = FIGURES_AGREEMENT,
		[COND_ANCHOR] = FIGURES_ANCHOR,
	};

	/* The organisation's columns: known, or not said. */
	switch (column) {
	case COND_EMPLOYER:
		v->word = context_employer_name(l->r->context.employer);
		return l->r->context.employer == EMPLOYER_UNKNOWN ? -1 : 0;
	case COND_STAFF:
		v->number = (double)l->r->context.staff;
		v->word = NULL;
		return l->r->context.staff < 0 ? -1 : 0;
	case COND_CLIENT_WORK:
		v->word = l->r->context.client_work ? "yes" : "no";
		return 0;
	default:
		break;
	}
	if (k < 0 || (row = l->r->everyone[k]) == NULL)
		return -1;
	v->word = NULL;
	switch (column) {
	case COND_N:
		v->number = (double)row->n;
		return 0;
	case COND_VERDICT:
		v->word = verdict_table[row->verdict].name;
		return 0;
	case COND_ABSTAIN:
		v->number = (double)row->abstain;
		return row->have_abstain ? 0 : -1;
	default:
		break;
	}
	/* Nothing is guessed from a row too small to show. */
	if (!readable(row))
		return -1;
	if (k == l->moved && (column == COND_MEDIAN || column == COND_ANCHOR)) {
		v->number = column == COND_MEDIAN ? l->median :
		    (double)nearest_anchor(l->median, l->r->q->continua[k].nanchors);
		return 0;
	}
	switch (column) {
	case COND_Q1: v->number = row->q1; return row->have_quartiles ? 0 : -1;
	case COND_MEDIAN: v->number = row->median; return row->have_quartiles ? 0 : -1;
	case COND_Q3: v->number = row->q3; return row->have_quartiles ? 0 : -1;
	default: break;
	}
	if (column == COND_ANCHOR && !(row->have_number >> FIGURES_ANCHOR & 1) && row->have_quartiles) {
		v->number = (double)nearest_anchor(row->median, l->r->q->continua[k].nanchors);
		return 0;
	}
	v->number = row->number[numbers[column]];
	return row->have_number >> numbers[column] & 1 ? 0 : -1;
}

static int
fires(struct recommend *r, const struct rule *u, long moved, double median)
{
	struct lookup l = { r, u->continuum, moved, median };

	return condition_eval(u->when, look_up, &l) == COND_TRUE;
}

/* Write every rule of a part (and continuum) that fires; how many. */
static size_t
rules_of(struct recommend *r, enum rules_part p, long continuum, long moved, double median,
    size_t numbered)
{
	size_t i, n = 0;
	char number[32];

	for (i = 0; i < r->rules.n; i++) {
		const struct rule *u = &r->rules.rules[i];

		if (u->part != p || (p == RULES_ADVICE && u->continuum != continuum) ||
		    !fires(r, u, moved, median))
			continue;
		snprintf(number, sizeof(number), "%zu. ", numbered + n);
		rule_item(r, u, numbered ? number : NULL);
		n++;
	}
	return n;
}

/* How many rules of a part (not a continuum's advice) fire. */
static size_t
firing(struct recommend *r, enum rules_part p)
{
	size_t i, n = 0;

	for (i = 0; i < r->rules.n; i++)
		n += r->rules.rules[i].part == p && fires(r, &r->rules.rules[i], -1, 0);
	return n;
}

static void
put_point(struct buf *b, double v)
{
	figures_put_point(b, v);
}

/* A number the user gave (--apart), as given: it is no figure to round. */
static void
put_option(struct buf *b, double v)
{
	char text[32], *dot;

	snprintf(text, sizeof(text), "%g", v);
	if (lang_current == LANG_NL && (dot = strchr(text, '.')) != NULL)
		*dot = ',';
	buf_addstr(b, text);
}

/* “The statement”, in the reader's quotation marks. */
static void
put_statement(struct recommend *r, struct buf *b, const struct continuum *c, size_t anchor)
{
	buf_addstr(b, "\u201c");
	put_data(r, b, c->anchors[anchor - 1]);
	buf_addstr(b, "\u201d");
}

static size_t
anchor_of(const struct figures_row *row, const struct continuum *c)
{
	if (row->have_number >> FIGURES_ANCHOR & 1)
		return (size_t)row->number[FIGURES_ANCHOR];
	return nearest_anchor(row->median, c->nanchors);
}

/*
 * Where the group stands on a continuum, in a sentence that says no more
 * than the figures: a split room by its camps (its median is nobody's
 * position, and no statement is quoted as where it stands); a pole only
 * for a median in the outer quarter of the line; else the statement
 * nearest the median.
 */
static void put_figures(struct buf *b, const struct figures_row *row);

/* A split room, led by lead: its camps, then its figures in brackets:
 * "The group is polarised: 6 at concrete rules, 6 at vision (median 50,
 * ...)". */
static void
put_split(struct recommend *r, struct buf *b, const struct continuum *c,
    const struct figures_row *row, const char *lead)
{
	struct figures_camp camps[STATS_MAX_CAMPS];
	struct buf words = { 0 };

	buf_addstr(b, lead);
	if (figures_camps(row, camps) >= 2)
		figures_put_camps(&words, row, c);
	else if (row->camps != NULL)
		buf_addstr(&words, tr("spread over the line", "verspreid over de lijn"));
	put_data(r, b, words.data != NULL ? words.data : "");
	buf_addstr(b, words.len > 0 ? " (" : "(");
	put_figures(b, row);
	buf_addc(b, ')');
	buf_free(&words);
}

static void
where_it_stands(struct recommend *r, struct buf *b, const struct continuum *c,
    const struct figures_row *row)
{
	const struct verdict_info *v = &verdict_table[row->verdict];
	struct buf words = { 0 };
	int outer = row->median < 25 || row->median > 75;
	size_t i;

	if (v->split) {
		put_split(r, b, c, row, tr(v->lead_en, v->lead_nl));
		buf_addstr(b, tr(". No single advice: talk this through first (below).",
		    ". Geen eenduidig advies: bespreek dit eerst (hieronder)."));
		return;
	}
	if (row->verdict == VERDICT_LEANING && !outer) {
		buf_addstr(b, tr("Fair agreement, ", "Redelijke overeenstemming, "));
		figures_put_place(&words, c, row->median);
		put_data(r, b, words.data);
		buf_addstr(b, ": ");
	} else {
		buf_addstr(b, tr(v->lead_en, v->lead_nl));
		if (row->verdict == VERDICT_LEANING) {
			put_data(r, b, questionnaire_pole(c, row->median >= 25));
			buf_addstr(b, ": ");
		}
	}
	buf_free(&words);
	put_figures(b, row);
	/* Halfway between two statements is near neither. */
	if ((i = figures_halfway(c, row->median)) > 0) {
		if (row->verdict == VERDICT_LEANING && !outer)
			buf_addc(b, '.');	/* its lead said so */
		else
			buf_printf(b, tr(", halfway between statements %zu and %zu.",
			    ", halfweg tussen uitspraak %zu en %zu."), i, i + 1);
		return;
	}
	buf_addstr(b, tr(". Nearest statement: ", ". Dichtstbijzijnde uitspraak: "));
	put_statement(r, b, c, anchor_of(row, c));
}

/* "median 70, middle half 55-80 (IQR 25), 12 answers, 1 no opinion": IQR
 * as aggregate's column calls it, IKA (interkwartielafstand) in Dutch. */
static void
put_figures(struct buf *b, const struct figures_row *row)
{
	buf_addstr(b, tr("median ", "mediaan "));
	put_point(b, row->median);
	buf_addstr(b, tr(", middle half ", ", middelste helft "));
	put_point(b, row->q1);
	buf_addstr(b, "\u2013");
	put_point(b, row->q3);
	buf_addstr(b, tr(" (IQR ", " (IKA "));
	put_point(b, (double)(figures_whole(row->q3) - figures_whole(row->q1)));
	buf_printf(b, tr("), %ju answers", "), %ju antwoorden"), (uintmax_t)row->n);
	if (row->have_abstain && row->abstain > 0)
		buf_printf(b, tr(", %ju no opinion", ", %ju geen mening"), (uintmax_t)row->abstain);
}

/* ---- The parts. ---- */

/* Part 1: where the group stands on each continuum, and what follows. */
static void
positions(struct recommend *r)
{
	size_t k;

	part(r, "Where the group stands", "Waar de groep staat");
	for (k = 0; k < r->q->ncontinua; k++) {
		const struct continuum *c = &r->q->continua[k];
		const struct figures_row *row = r->everyone[k];
		struct buf b = { 0 };

		heading(r, 3, c->name);
		if (row == NULL)
			buf_printf(&b, tr("No figures for this continuum in round %s.",
			    "Geen cijfers voor dit continuum in ronde %s."), r->round);
		else if (row->verdict == VERDICT_SUPPRESSED || row->verdict == VERDICT_WITHHELD)
			buf_addstr(&b, tr("Not shown: too few answers to keep them anonymous. No advice.",
			    "Niet getoond: te weinig antwoorden om ze anoniem te houden. Geen advies."));
		else if (row->verdict == VERDICT_TOO_FEW || !row->have_quartiles)
			buf_printf(&b, tr("Too few answers (%ju) to say where the group stands. No advice.",
			    "Te weinig antwoorden (%ju) om te zeggen waar de groep staat. Geen advies."),
			    (uintmax_t)row->n);
		else
			where_it_stands(r, &b, c, row);
		paragraph(r, b.data);
		if (row != NULL && row->have_abstain && row->abstain > 0 &&
		    10 * row->abstain >= row->n + row->abstain) {
			buf_reset(&b);
			buf_printf(&b, tr(
			    "%ju of %ju gave no opinion here: they could not place themselves on this line. Ask them why before writing this part.",
			    "%ju van %ju gaven hier geen mening: ze konden zich niet op deze lijn plaatsen. Vraag hen waarom voor je dit deel schrijft."),
			    (uintmax_t)row->abstain, (uintmax_t)(row->n + row->abstain));
			paragraph(r, b.data);
		}
		if (row != NULL && readable(row) && !talk_first(row) && row->have_quartiles) {
			emit("\n");
			if (rules_of(r, RULES_ADVICE, (long)k, -1, 0, 0) == 0 && !r->have_rules)
				put_block(r, "", "", tr("(No rules for this questionnaire: positions only.)",
				    "(Geen regels voor deze vragenlijst: alleen de posities.)"));
		}
		buf_free(&b);
	}
}

/* The order to talk in: the widest middle half first. */
static int
by_spread(const void *a, const void *b)
{
	const struct figures_row *x = *(const struct figures_row *const *)a;
	const struct figures_row *y = *(const struct figures_row *const *)b;
	double wx = x->q3 - x->q1, wy = y->q3 - y->q1;

	return wx < wy ? 1 : wx > wy ? -1 : 0;
}

/* A continuum's advice as the camps would have it, each rule read as if
 * the median stood at a camp's: with which < 0 what every camp would
 * write; else what camp `which` would write and not every camp would.
 * How many; with write, written. */
static size_t
camp_rules(struct recommend *r, long k, const struct figures_camp *camps, size_t n,
    long which, int write)
{
	size_t i, j, count = 0, firing;

	for (i = 0; i < r->rules.n; i++) {
		const struct rule *u = &r->rules.rules[i];
		int here = 0;

		if (u->part != RULES_ADVICE || u->continuum != k)
			continue;
		for (j = 0, firing = 0; j < n; j++) {
			int fired = fires(r, u, k, camps[j].median);

			firing += fired != 0;
			if ((long)j == which)
				here = fired;
		}
		if (which < 0 ? firing == n : here && firing < n) {
			if (write && count == 0)
				emit("\n");
			if (write)
				rule_item(r, u, NULL);
			count++;
		}
	}
	return count;
}

/* "7 at concrete rules (median 4): “the statement”", or with the camp
 * halfway between two statements, none quoted. */
static void
put_camp(struct recommend *r, struct buf *b, const struct continuum *c,
    const struct figures_camp *camp)
{
	struct buf place = { 0 };

	figures_put_place(&place, c, camp->median);
	buf_printf(b, "%llu ", (unsigned long long)camp->n);
	put_data(r, b, place.data);
	buf_addstr(b, tr(" (median ", " (mediaan "));
	put_point(b, camp->median);
	buf_addc(b, ')');
	if (figures_halfway(c, camp->median) > 0)
		buf_addc(b, '.');
	else {
		buf_addstr(b, ": ");
		put_statement(r, b, c, camp->anchor);
	}
	buf_free(&place);
}

/*
 * Which groups make up which camp, exactly: a group's own camps each lie
 * within one camp of everyone's (a cut between two of everyone's
 * positions is a gap between the group's too), and go to the nearest.
 * Said only when every camp adds up to its n from the groups shown (a
 * hidden group, or a camp that will not sort, says nothing) and the
 * camps differ in who they are mostly: "mainly direction (3 of 3)".
 * Into words[i] for camp i; returns whether it is worth saying.
 */
static int
camp_groups(struct recommend *r, long k, const struct figures_camp *camps, size_t n,
    struct buf *words)
{
	const struct figures_row **group = NULL;
	uint64_t *count = NULL;		/* count[j * ngroups + g] */
	size_t i, j, g, ngroups = 0, listed, *main = xcalloc(n, sizeof(*main));
	int worth = 0;

	for (i = 0; i < r->table.n; i++) {
		const struct figures_row *row = &r->table.rows[i];

		if (strcmp(row->round, r->round) == 0 && strcmp(row->group, "*") != 0 &&
		    row->k == (size_t)k) {
			group = xreallocarray(group, ngroups + 1, sizeof(*group));
			group[ngroups++] = row;
		}
	}
	count = xcalloc(n * ngroups + 1, sizeof(*count));
	for (g = 0; g < ngroups; g++) {
		struct figures_camp own[STATS_MAX_CAMPS];
		size_t m = figures_camps(group[g], own), best;

		for (i = 0; i < m; i++) {
			for (j = 1, best = 0; j < n; j++)
				if (fabs(camps[j].median - own[i].median) <
				    fabs(camps[best].median - own[i].median))
					best = j;
			count[best * ngroups + g] += own[i].n;
		}
	}
	for (j = 0; j < n; j++) {
		uint64_t sum = 0;

		for (g = 0; g < ngroups; g++) {
			sum += count[j * ngroups + g];
			if (count[j * ngroups + g] > count[j * ngroups + main[j]])
				main[j] = g;
		}
		if (sum != camps[j].n || ngroups == 0)
			goto done;	/* not every answer is in a shown group's camps */
		worth |= j > 0 && main[j] != main[0];
	}
	for (j = 0; worth && j < n; j++) {
		uint64_t most = count[j * ngroups + main[j]];

		if (2 * most > camps[j].n) {
			buf_addstr(&words[j], tr("Mainly ", "Vooral "));
			put_data(r, &words[j], group[main[j]]->group);
			buf_printf(&words[j], tr(" (%llu of %llu).", " (%llu van %llu)."),
			    (unsigned long long)most, (unsigned long long)camps[j].n);
			continue;
		}
		buf_addstr(&words[j], tr("Of them:", "Daarvan:"));
		for (g = 0, listed = 0; g < ngroups; g++) {
			if (count[j * ngroups + g] == 0)
				continue;
			buf_addstr(&words[j], listed++ ? ", " : " ");
			put_data(r, &words[j], group[g]->group);
			buf_printf(&words[j], " %llu", (unsigned long long)count[j * ngroups + g]);
		}
		buf_addc(&words[j], '.');
	}
done:
	free(group);
	free(count);
	free(main);
	return worth;
}

/* A camp's reasons in their own words (--reasons, the facilitator's
 * edited file), as written: the frame in the advice's language. */
static void
put_reasons(struct recommend *r, struct buf *b, const struct continuum *c,
    const struct figures_camp *camp)
{
	const struct reasons_camp *words;
	size_t i;

	if (!r->have_reasons || (r->reasons.round != NULL && strcmp(r->reasons.round, r->round) != 0) ||
	    (words = reasons_camp_at(reasons_find(&r->reasons, c->id), camp->median)) == NULL ||
	    words->nnotes == 0)
		return;
	buf_addstr(b, tr(" In their own words: ", " In hun eigen woorden: "));
	for (i = 0; i < words->nnotes && i < RECOMMEND_REASONS; i++) {
		buf_addstr(b, i ? "; \"" : "\"");
		put_data(r, b, words->notes[i]);
		buf_addc(b, '"');
	}
	buf_addc(b, '.');
}

/* The camps of a split continuum, from where people stand (aggregate's
 * camps column), with their statements and the policy as each would
 * write it; for two camps or more alike. */
static void
camps(struct recommend *r, long k, const struct figures_row *row)
{
	const struct continuum *c = &r->q->continua[k];
	struct figures_camp camp[STATS_MAX_CAMPS];
	size_t n = figures_camps(row, camp), i;
	struct buf b = { 0 }, place = { 0 }, *groups;
	int said;

	if (n < 2) {
		if (row->camps == NULL)
			paragraph(r, tr("(These figures have no camps column: run aggregate again to see where the camps stand.)",
			    "(Deze cijfers hebben geen kolom camps: laat aggregate opnieuw lopen om te zien waar de kampen staan.)"));
		return;
	}
	groups = xcalloc(n, sizeof(*groups));
	said = camp_groups(r, k, camp, n, groups);
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		put_camp(r, &b, c, &camp[i]);
		if (said)
			buf_printf(&b, " %s", groups[i].data);
		put_reasons(r, &b, c, &camp[i]);
		paragraph(r, b.data);
	}
	for (i = 0; i < n; i++)
		buf_free(&groups[i]);
	free(groups);
	buf_reset(&b);
	buf_addstr(&b, n == 2 ? tr("Both would write:", "Beide zouden schrijven:") :
	    tr("All would write:", "Allemaal zouden ze schrijven:"));
	/* A heading only over a list that has items. */
	if (camp_rules(r, k, camp, n, -1, 0) > 0) {
		paragraph(r, b.data);
		camp_rules(r, k, camp, n, -1, 1);
	}
	for (i = 0; i < n; i++) {
		buf_reset(&b);
		buf_reset(&place);
		figures_put_place(&place, c, camp[i].median);
		buf_addstr(&b, n == 2 ? tr("Only the camp ", "Alleen het kamp ") :
		    tr("Not every camp, but the camp ", "Niet elk kamp, maar het kamp "));
		put_data(r, &b, place.data);
		buf_addstr(&b, tr(" would write:", " zou schrijven:"));
		if (camp_rules(r, k, camp, n, (long)i, 0) > 0) {
			paragraph(r, b.data);
			camp_rules(r, k, camp, n, (long)i, 1);
		}
	}
	buf_free(&b);
	buf_free(&place);
}

/* Part 2: the continua to talk through before anything is drafted. */
static void
talk(struct recommend *r)
{
	const struct figures_row **order = xcalloc(r->q->ncontinua + 1, sizeof(*order));
	size_t k, n = 0, i;

	part(r, "Talk first", "Eerst praten");
	for (k = 0; k < r->q->ncontinua; k++)
		if (talk_first(r->everyone[k]) && r->everyone[k]->have_quartiles)
			order[n++] = r->everyone[k];
	if (n == 0) {
		paragraph(r, tr("Every continuum has a direction: none needs to be talked through before drafting.",
		    "Elk continuum heeft een richting: geen enkel moet besproken worden voor het schrijven."));
		/* Who must have a say comes first all the same. */
		if (firing(r, RULES_TALK) > 0) {
			emit("\n");
			rules_of(r, RULES_TALK, -1, -1, 0, 0);
		}
		free(order);
		return;
	}
	qsort(order, n, sizeof(*order), by_spread);
	paragraph(r, tr("On these continua the group does not stand together. Give them no single recommendation: bring them back to the group before drafting, the widest spread first.",
	    "Op deze continua staat de groep niet samen. Geef ze geen eenduidig advies: breng ze terug naar de groep voor het schrijven, de breedste spreiding eerst."));
	for (i = 0; i < n; i++) {
		long kk = questionnaire_find(r->q, order[i]->continuum, strlen(order[i]->continuum));
		const struct continuum *c = &r->q->continua[kk];
		struct buf b = { 0 };

		struct figures_camp spread[STATS_MAX_CAMPS];

		heading(r, 3, c->name);
		/* Part 1 gave the figures; the camps follow, or, for a room
		 * without camps, what to do instead. */
		if (order[i]->camps != NULL && figures_camps(order[i], spread) < 2)
			paragraph(r, tr("Spread over the line, no camps: ask each where they stand and why before looking for a middle.",
			    "Verspreid over de lijn, geen kampen: vraag iedereen waar ze staan en waarom, voor je een midden zoekt."));
		camps(r, kk, order[i]);
		buf_free(&b);
	}
	heading(r, 3, tr("How to talk it through", "Hoe het gesprek aan te pakken"));
	emit("\n");
	for (i = 0; i < sizeof(talk_steps) / sizeof(talk_steps[0]); i++) {
		struct buf b = { 0 };
		char number[16], *tags[4], *copy = NULL, *save, *t;
		size_t ntags = 0;

		buf_addstr(&b, tr(talk_steps[i].en, talk_steps[i].nl));
		if (talk_steps[i].sources != NULL) {
			copy = xstrdup(talk_steps[i].sources);
			for (t = strtok_r(copy, " ", &save); t != NULL && ntags < 4; t = strtok_r(NULL, " ", &save))
				tags[ntags++] = t;
		}
		put_tags(r, &b, tags, ntags);
		if (r->verbose)
			buf_addstr(&b, r->format == FORMAT_MARKDOWN ? tr(" *(recommend's own)*",
			    " *(van recommend zelf)*") : tr(" (recommend's own)", " (van recommend zelf)"));
		snprintf(number, sizeof(number), "%zu. ", i + 1);
		put_block(r, number, "   ", b.data);
		free(copy);
		buf_free(&b);
	}
	rules_of(r, RULES_TALK, -1, -1, 0, i + 1);
	free(order);
}

/* Part 3: positions that contradict each other or the law. */
static void
tensions(struct recommend *r)
{
	part(r, "Tensions", "Spanningen");
	emit("\n");
	if (rules_of(r, RULES_TENSION, -1, -1, 0, 0) == 0)
		put_block(r, "", "", tr("No tensions between the group's positions.",
		    "Geen spanningen tussen de posities van de groep."));
}

/* ---- Part 4: groups apart. ---- */

/* A group's row of continuum k in the round, or of any continuum (k < 0). */
static int
group_row(const struct recommend *r, const struct figures_row *row, long k)
{
	return strcmp(row->round, r->round) == 0 && strcmp(row->group, "*") != 0 &&
	    (k < 0 || row->k == (size_t)k);
}

/* Whether a group's median says where the group stands: a group split
 * within itself stands nowhere, and is not compared. */
static int
comparable(const struct figures_row *row)
{
	return readable(row) && row->have_quartiles && !talk_first(row);
}

static int
by_median(const void *a, const void *b)
{
	const struct figures_row *x = *(const struct figures_row *const *)a;
	const struct figures_row *y = *(const struct figures_row *const *)b;

	return x->median < y->median ? -1 : x->median > y->median ? 1 : 0;
}

/* "management 10, staff 85": each group with its median, lowest first. */
static void
put_medians(struct recommend *r, struct buf *b, const struct figures_row **g, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		buf_addstr(b, i == 0 ? "" : i + 1 < n || n > 2 ? ", " : tr(" and ", " en "));
		put_data(r, b, g[i]->group);
		buf_addc(b, ' ');
		put_point(b, g[i]->median);
	}
}

/* One item for continuum k if its groups lie --apart or more apart:
 * every group's median, lowest first, and the distance end to end.
 * Whether they do; written only with write. */
static int
apart_on(struct recommend *r, size_t k, int first, int write)
{
	const struct figures_row **g = xcalloc(r->table.n + 1, sizeof(*g));
	struct buf name = { 0 }, list = { 0 }, s = { 0 };
	size_t i, n = 0;
	int said;

	for (i = 0; i < r->table.n; i++)
		if (group_row(r, &r->table.rows[i], (long)k) && comparable(&r->table.rows[i]))
			g[n++] = &r->table.rows[i];
	qsort(g, n, sizeof(*g), by_median);
	/* The distance said is that of the whole points shown; it is the
	 * one compared, so that "76 points apart" is named by --apart 76. */
	said = n >= 2 && (double)(figures_whole(g[n - 1]->median) - figures_whole(g[0]->median)) >= r->apart;
	if (said && write) {
		put_data(r, &name, r->q->continua[k].name);
		put_medians(r, &list, g, n);
		buf_printf(&s, n == 2 ? tr("%s: %s (medians), %ld points apart.",
		    "%s: %s (medianen), %ld punten uit elkaar.") :
		    tr("%s: %s (medians), %ld points from lowest to highest.",
		    "%s: %s (medianen), %ld punten van laagste tot hoogste."), name.data, list.data,
		    figures_whole(g[n - 1]->median) - figures_whole(g[0]->median));
		if (first)
			emit("\n");
		item(r, s.data);
	}
	buf_free(&name);
	buf_free(&list);
	buf_free(&s);
	free(g);
	return said;
}

/*
 * The groups left out of the comparison for a reason (hidden or too few;
 * split within), grouped by the continua they are left out on:
 * "admin and direction on every continuum; youth on Openness".  Into
 * out; whether any.
 */
/* Why a group row is left out of the comparison: too few or too small
 * (0), hidden so that a smaller group cannot be worked out (1), split
 * within itself (2). */
static int
reason_of(const struct figures_row *row)
{
	if (row->verdict == VERDICT_WITHHELD)
		return 1;
	return readable(row) && row->have_quartiles ? 2 : 0;
}

static int
left_out(struct recommend *r, int reason, struct buf *out)
{
	size_t i, j, n = 0, k, *count = NULL;
	char **group = NULL;
	struct buf *where = NULL;
	int said = 0;

	/* Each group once, with the continua it is left out on. */
	for (i = 0; i < r->table.n; i++) {
		const struct figures_row *row = &r->table.rows[i];

		if (!group_row(r, row, -1) || comparable(row) || reason_of(row) != reason)
			continue;
		for (j = 0; j < n && strcmp(group[j], row->group) != 0; j++)
			;
		if (j == n) {
			group = xreallocarray(group, n + 1, sizeof(*group));
			where = xreallocarray(where, n + 1, sizeof(*where));
			count = xreallocarray(count, n + 1, sizeof(*count));
			group[n] = (char *)row->group;
			memset(&where[n], 0, sizeof(where[n]));
			count[n++] = 0;
		}
		buf_addstr(&where[j], count[j]++ ? ", " : "");
		put_data(r, &where[j], r->q->continua[row->k].name);
	}
	for (j = 0; j < n; j++)
		if (count[j] == r->q->ncontinua) {
			buf_reset(&where[j]);
			buf_addstr(&where[j], tr("every continuum", "elk continuum"));
		}
	/* Groups left out on the same continua are said together. */
	for (j = 0; j < n; j++) {
		size_t joined = 0;

		if (count[j] == 0)
			continue;
		buf_addstr(out, said++ ? "; " : "");
		for (k = j; k < n; k++) {
			if (count[k] == 0 || strcmp(where[k].data, where[j].data) != 0)
				continue;
			buf_addstr(out, joined++ ? ", " : "");
			put_data(r, out, group[k]);
			if (k != j)
				count[k] = 0;
		}
		buf_printf(out, tr(" on %s", " op %s"), where[j].data);
	}
	for (j = 0; j < n; j++)
		buf_free(&where[j]);
	free(where);
	free(group);
	free(count);
	return said;
}

/* Part 4: groups whose medians lie --apart points or more apart. */
static void
groups(struct recommend *r)
{
	struct buf s = { 0 }, list = { 0 };
	size_t i, k, said = 0, grouped = 0;

	part(r, "Groups apart", "Groepen uit elkaar");
	for (i = 0; i < r->table.n; i++)
		grouped += group_row(r, &r->table.rows[i], -1);
	if (grouped == 0) {
		paragraph(r, tr("No group rows in the input: aggregate --by-group writes them.",
		    "Geen rijen per groep in de invoer: aggregate --by-group schrijft ze."));
		return;
	}
	for (k = 0; k < r->q->ncontinua; k++)
		said += apart_on(r, k, said == 0, 1);
	if (said == 0) {
		put_option(&list, r->apart);
		buf_printf(&s, tr("No two groups lie %s points or more apart on any continuum.",
		    "Geen twee groepen liggen %s punten of meer uit elkaar op een continuum."), list.data);
		paragraph(r, s.data);
	} else {
		paragraph(r, tr("A text both sides must live by cannot be written over this gap: let the groups hear each other's reasons before drafting.",
		    "Over deze kloof heen schrijf je geen tekst waar beide kanten mee moeten leven: laat de groepen elkaars redenen horen voor het schrijven."));
		emit("\n");
		rules_of(r, RULES_GROUPS, -1, -1, 0, 0);
	}
	for (i = 0; i < 3; i++) {
		static const char *const why[3][2] = {
			{ "Not compared (too few answers, or hidden for privacy): %s.",
			  "Niet vergeleken (te weinig antwoorden, of verborgen voor de privacy): %s." },
			{ "Not compared, hidden so that a smaller group cannot be worked out: %s.",
			  "Niet vergeleken, verborgen zodat een kleinere groep niet te achterhalen is: %s." },
			{ "Not compared, split within the group itself: %s.",
			  "Niet vergeleken, verdeeld binnen de groep zelf: %s." },
		};

		buf_reset(&s);
		buf_reset(&list);
		if (!left_out(r, (int)i, &list))
			continue;
		buf_printf(&s, tr(why[i][0], why[i][1]), list.data);
		paragraph(r, s.data);
	}
	buf_free(&s);
	buf_free(&list);
}

/* Part 5: what holds at any position, as far as the positions make it relevant. */
static void
floor_part(struct recommend *r)
{
	part(r, "The legal and ethical minimum", "Het wettelijke en deontologische minimum");
	paragraph(r, tr("What applies whatever the group prefers:", "Wat geldt, wat de groep ook verkiest:"));
	emit("\n");
	rules_of(r, RULES_FLOOR, -1, -1, 0, 0);
}

/* Part 6: the chapters of the policy document. */
static void
outline(struct recommend *r)
{
	part(r, "A draft outline", "Een ontwerp van inhoudstafel");
	emit("\n");
	rules_of(r, RULES_OUTLINE, -1, -1, 0, 1);
}

/* Part 7: who does what next, and when. */
static void
steps(struct recommend *r)
{
	part(r, "Next steps", "Volgende stappen");
	emit("\n");
	rules_of(r, RULES_STEPS, -1, -1, 0, 1);
}

/* The reference of a tag, in the advice's language where it has one. */
static const char *
reference_of(const struct recommend *r, const char *tag, enum rules_kind *kind)
{
	const struct rules_source *src = rules_source(&r->rules, tag);
	size_t j;

	if (src != NULL) {
		*kind = src->kind;
		return src->reference[lang_current] != NULL ? src->reference[lang_current] :
		    src->reference[LANG_EN];
	}
	for (j = 0; j < sizeof(own_sources) / sizeof(own_sources[0]); j++)
		if (strcmp(own_sources[j].tag, tag) == 0) {
			*kind = own_sources[j].kind;
			return tr(own_sources[j].en, own_sources[j].nl);
		}
	*kind = RULES_UNSTATED;
	return "";
}

/* Part 8: every tag cited, with its reference, law first: a reader sees
 * which lines are not negotiable and which are somebody's good idea. */
static void
sources(struct recommend *r)
{
	enum rules_kind kind, want;
	size_t i, listed;

	part(r, "Sources", "Bronnen");
	for (want = 0; want < RULES_NKINDS; want++) {
		for (i = 0, listed = 0; i < r->ncited; i++) {
			const char *reference = reference_of(r, r->cited[i], &kind);
			struct buf b = { 0 };

			if (kind != want)
				continue;
			if (listed++ == 0) {
				heading(r, 3, tr(rules_kinds[want].en, rules_kinds[want].nl));
				emit("\n");
			}
			buf_printf(&b, "[%s] ", r->cited[i]);
			put_data(r, &b, reference);
			item(r, b.data);
			buf_free(&b);
		}
	}
	if (r->ncited == 0)
		paragraph(r, tr("None cited.", "Geen aangehaald."));
}

/* "For De Brug vzw: a public employer of about 60 people, with client
 * work.", and what was not said, and how to say it. */
static void
put_context(struct recommend *r, struct buf *b)
{
	const struct context *c = &r->context;
	static const char *const employer[][2] = {
		[EMPLOYER_UNKNOWN] = { "an employer", "een werkgever" },
		[EMPLOYER_PRIVATE] = { "a private employer", "een private werkgever" },
		[EMPLOYER_PUBLIC] = { "a public employer", "een publieke werkgever" },
	};
	/* What is missing, by (employer unknown) + 2 * (staff unknown). */
	static const char *const missing[][2] = {
		{ "", "" },
		{ " Private or public was not said: where the law depends on it, the advice says so (--employer).",
		  " Privaat of publiek is niet gezegd: waar de wet ervan afhangt, zegt het advies dat (--employer)." },
		{ " The size was not said: where the law depends on it, the advice says so (--staff).",
		  " De grootte is niet gezegd: waar de wet ervan afhangt, zegt het advies dat (--staff)." },
		{ " Private or public and the size were not said: where the law depends on them, the advice says so (--context, --employer, --staff).",
		  " Privaat of publiek en de grootte zijn niet gezegd: waar de wet ervan afhangt, zegt het advies dat (--context, --employer, --staff)." },
	};
	struct buf name = { 0 }, size = { 0 };

	if (c->name != NULL) {
		put_data(r, &name, c->name);
		buf_addstr(&name, ": ");
	}
	if (c->staff == 1)
		buf_addstr(&size, tr(" of one person", " van één persoon"));
	else if (c->staff > 1)
		buf_printf(&size, tr(" of about %ld people", " van ongeveer %ld mensen"), c->staff);
	buf_printf(b, tr("For %s%s%s, %s.", "Voor %s%s%s, %s."), name.data != NULL ? name.data : "",
	    tr(employer[c->employer][0], employer[c->employer][1]), size.data != NULL ? size.data : "",
	    c->client_work ? tr("with client work", "met werk met cliënten") :
	    tr("without client work", "zonder werk met cliënten"));
	buf_addstr(b, tr(missing[(c->employer == EMPLOYER_UNKNOWN) + 2 * (c->staff < 0)][0],
	    missing[(c->employer == EMPLOYER_UNKNOWN) + 2 * (c->staff < 0)][1]));
	buf_free(&name);
	buf_free(&size);
}

static void
title(struct recommend *r)
{
	struct buf b = { 0 }, rounds = { 0 };
	size_t i, j, n = 0;

	buf_printf(&b, tr("Advice from round %s", "Advies uit ronde %s"), r->round);
	heading(r, 1, b.data);
	buf_reset(&b);
	put_data(r, &b, r->q->title);
	buf_addstr(&b, ". ");
	put_context(r, &b);
	for (i = 0; i < r->table.n; i++) {
		for (j = 0; j < i && strcmp(r->table.rows[j].round, r->table.rows[i].round) != 0; j++)
			;
		if (j == i)
			buf_printf(&rounds, "%s%s", n++ ? ", " : "", r->table.rows[i].round);
	}
	if (n > 1)
		buf_printf(&b, tr(" The input has rounds %s; -r chooses another.",
		    " De invoer heeft de rondes %s; -r kiest een andere."), rounds.data);
	paragraph(r, b.data);
	buf_free(&b);
	buf_free(&rounds);
}

/* ---- The summary on top: five lines a director reads first. ---- */

/* The titles of the rules of a part that fire, "; " between them. */
static size_t
titles_of(struct recommend *r, enum rules_part p, struct buf *out)
{
	size_t i, n = 0;

	for (i = 0; i < r->rules.n; i++) {
		const struct rule *u = &r->rules.rules[i];

		if (u->part != p || !fires(r, u, -1, 0))
			continue;
		buf_addstr(out, n++ ? "; " : "");
		put_data(r, out, u->title[lang_current] != NULL ? u->title[lang_current] : u->id);
	}
	return n;
}

/* The continua that agree (split 0) or must be talked through (split 1):
 * "Direction, at vision; Audience, toward everyone". */
static size_t
continua_of(struct recommend *r, int split, struct buf *out)
{
	size_t k, n = 0;

	for (k = 0; k < r->q->ncontinua; k++) {
		const struct figures_row *row = r->everyone[k];
		struct buf place = { 0 };

		if (!readable(row) || !row->have_quartiles || talk_first(row) != split)
			continue;
		buf_addstr(out, n++ ? "; " : "");
		put_data(r, out, r->q->continua[k].name);
		if (split)
			buf_printf(out, " (%s)", tr(verdict_table[row->verdict].en, verdict_table[row->verdict].nl));
		else {
			figures_put_place(&place, &r->q->continua[k], row->median);
			buf_addstr(out, ", ");
			put_data(r, out, place.data);
		}
		buf_free(&place);
	}
	return n;
}

static void
summary(struct recommend *r)
{
	struct buf line[5], s = { 0 };
	size_t i, apart = 0;
	static const char *const none[2] = { "none", "geen" };
	static const char *const lead[5][2] = {
		{ "Agreed on: %s.", "Eens over: %s." },
		{ "Talk first on: %s.", "Eerst praten over: %s." },
		{ "Tensions: %s.", "Spanningen: %s." },
		{ "Groups apart: %s.", "Groepen uit elkaar: %s." },
		{ "Next steps: %s.", "Volgende stappen: %s." },
	};

	memset(line, 0, sizeof(line));
	continua_of(r, 0, &line[0]);
	continua_of(r, 1, &line[1]);
	titles_of(r, RULES_TENSION, &line[2]);
	for (i = 0; i < r->q->ncontinua; i++)
		if (apart_on(r, i, 0, 0)) {
			buf_addstr(&line[3], apart++ ? ", " : "");
			put_data(r, &line[3], r->q->continua[i].name);
		}
	titles_of(r, RULES_STEPS, &line[4]);
	heading(r, 2, tr("In short", "Kort"));
	emit("\n");
	for (i = 0; i < 5; i++) {
		if (i == 2 && !r->have_rules)
			continue;
		buf_reset(&s);
		buf_printf(&s, tr(lead[i][0], lead[i][1]), line[i].len ? line[i].data : tr(none[0], none[1]));
		item(r, s.data);
		buf_free(&line[i]);
	}
	buf_free(&s);
}

/* ---- Putting it together. ---- */

static void
choose_round(struct recommend *r, const char *round)
{
	size_t i;

	if (r->table.n == 0)
		diag_fatal("%s", tr("no rows to advise on (give it aggregate's output)",
		    "geen rijen om advies over te geven (geef het de uitvoer van aggregate)"));
	if (round == NULL)
		round = r->table.rows[r->table.n - 1].round;
	for (i = 0; i < r->table.n && strcmp(r->table.rows[i].round, round) != 0; i++)
		;
	if (i == r->table.n)
		diag_fatal(tr("no rows for round %s", "geen rijen voor ronde %s"), round);
	r->round = round;
	r->everyone = xcalloc(r->q->ncontinua, sizeof(*r->everyone));
	for (i = 0; i < r->table.n; i++)	/* a later row of the same continuum wins */
		if (strcmp(r->table.rows[i].round, round) == 0 && strcmp(r->table.rows[i].group, "*") == 0)
			r->everyone[r->table.rows[i].k] = &r->table.rows[i];
}

/* What the command line asks for, before anything is read. */
struct settings {
	const char *qfile, *width, *round, *format, *context, *reasons;
	const char *employer, *staff, *client_work;
	const char **rules;
	size_t nrules;
};

enum {
	OPT_APART = 256, OPT_CLIENT_WORK, OPT_CONTEXT, OPT_EMPLOYER, OPT_FORMAT, OPT_RULES, OPT_REASONS,
	OPT_STAFF, OPT_VERSION
};

static void
parse_options(struct recommend *r, struct settings *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "apart", required_argument, NULL, OPT_APART },
		{ "client-work", required_argument, NULL, OPT_CLIENT_WORK },
		{ "context", required_argument, NULL, OPT_CONTEXT },
		{ "reasons", required_argument, NULL, OPT_REASONS },
		{ "employer", required_argument, NULL, OPT_EMPLOYER },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ "rules", required_argument, NULL, OPT_RULES },
		{ "staff", required_argument, NULL, OPT_STAFF },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	opterr = 0;	/* option_trouble() reports */
	while ((ch = getopt_long(argc, argv, OPTIONS_PREFIX "L:hq:r:vw:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'L': option_language(optarg, usage_text); break;
		case 'h': help(); break;
		case 'q': o->qfile = optarg; break;
		case 'r': o->round = optarg; break;
		case 'v': r->verbose = 1; break;
		case 'w': o->width = optarg; break;
		case OPT_APART: r->apart = option_fraction(optarg, 0, 100, "--apart", usage_text); break;
		case OPT_CLIENT_WORK: o->client_work = optarg; break;
		case OPT_CONTEXT: o->context = optarg; break;
		case OPT_REASONS: o->reasons = optarg; break;
		case OPT_EMPLOYER: o->employer = optarg; break;
		case OPT_FORMAT: o->format = optarg; break;
		case OPT_STAFF: o->staff = optarg; break;
		case OPT_RULES:
			o->rules = xreallocarray(o->rules, o->nrules + 1, sizeof(*o->rules));
			o->rules[o->nrules++] = optarg;
			break;
		case OPT_VERSION: option_version();
		default: option_trouble(ch, argv, usage_text);
		}
	}
}

/* The option's values, checked: each wrong one is a usage error. */
static void
check_options(struct recommend *r, const struct settings *o)
{
	static const struct {
		const char *option, *en, *nl;
	} wrong[] = {
		{ "--format", "--format '%s' is not text or markdown", "--format '%s' is geen text of markdown" },
		{ "--employer", "--employer '%s' is not private or public", "--employer '%s' is geen private of public" },
		{ "--staff", "--staff '%s' is not a number of people from 1 to 1000000",
		  "--staff '%s' is geen aantal mensen van 1 tot 1000000" },
		{ "--client-work", "--client-work '%s' is not yes or no", "--client-work '%s' is geen yes of no" },
	};
	int bad[4] = {
		strcmp(o->format, "text") != 0 && strcmp(o->format, "markdown") != 0,
		o->employer != NULL && context_employer(o->employer, &r->context.employer) < 0,
		o->staff != NULL && context_staff(o->staff, &r->context.staff) < 0,
		o->client_work != NULL && context_yes_no(o->client_work, &r->context.client_work) < 0,
	};
	const char *given[4] = { o->format, o->employer, o->staff, o->client_work };
	size_t i;

	r->format = strcmp(o->format, "markdown") == 0 ? FORMAT_MARKDOWN : FORMAT_TEXT;
	for (i = 0; i < 4; i++)
		if (bad[i]) {
			diag_warn(tr(wrong[i].en, wrong[i].nl), given[i]);
			option_usage(usage_text);
		}
}

/* The rules first: a broken rules file stops before any input is read. */
static void
load_rules(struct recommend *r, const struct settings *o)
{
	size_t i;
	int errors = 0;

	if (o->nrules == 0)
		r->have_rules = rules_default(&r->rules, r->q);
	for (i = 0; i < o->nrules; i++) {
		if (strcmp(o->rules[i], "default") != 0)
			errors += rules_load(&r->rules, o->rules[i], r->q);
		else if (!rules_default(&r->rules, r->q)) {
			diag_warn(tr("--rules default: the built-in rules are for questionnaire social-media-policy, not %s",
			    "--rules default: de ingebouwde regels zijn voor vragenlijst social-media-policy, niet voor %s"),
			    r->q->id);
			errors++;
		}
		r->have_rules = 1;
	}
	if (errors == 0)
		errors += rules_check(&r->rules, lang_current, own_tags);
	if (errors > 0)
		diag_fatal(tr("mistakes in the rules (%d); nothing written (see stance-rules(5))",
		    "fouten in de regels (%d); niets geschreven (zie stance-rules(5))"), errors);
}

static void
advise(struct recommend *r)
{
	title(r);
	summary(r);
	positions(r);
	talk(r);
	if (r->have_rules)
		tensions(r);
	groups(r);
	if (r->have_rules) {
		floor_part(r);
		outline(r);
		steps(r);
	}
	sources(r);
}

/* Whether aggregate's rows come from standard input: no file, or "-". */
static int
rows_from_stdin(int argc, char **argv)
{
	int i;

	for (i = optind; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			return 1;
	return optind == argc;
}

int
main(int argc, char **argv)
{
	struct recommend r;
	struct questionnaire q;
	struct settings o = { .format = "text" };
	size_t i;
	int status;

	diag_set_program(argv[0]);
	output_init();
	lang_current = lang_from_environment();
	memset(&r, 0, sizeof(r));
	r.apart = 25;
	context_init(&r.context);
	parse_options(&r, &o, argc, argv);
	if (o.context != NULL && strcmp(o.context, "-") == 0 && rows_from_stdin(argc, argv)) {
		diag_warn("%s", tr("--context -: standard input holds the rows; give the rows as files",
		    "--context -: standaardinvoer bevat de rijen; geef de rijen als bestanden"));
		option_usage(usage_text);
	}
	/* The file first, so that an option says more than the file. */
	if (o.context != NULL && context_load(&r.context, o.context) > 0)
		diag_fatal(tr("mistakes in the context file %s; nothing written (see stance-context(5))",
		    "fouten in het contextbestand %s; niets geschreven (zie stance-context(5))"), o.context);
	check_options(&r, &o);
	r.width = option_width(o.width, usage_text);
	questionnaire_choose(&q, o.qfile);
	r.q = &q;
	load_rules(&r, &o);
	if (o.reasons != NULL) {
		switch (reasons_load(&r.reasons, o.reasons)) {
		case -1: exit(EXIT_TROUBLE);
		case 1: r.table.bad = 1; break;
		}
		r.have_reasons = 1;
	}
	if (optind == argc)
		figures_read(&r.table, &q, "-");
	for (i = (size_t)optind; i < (size_t)argc; i++)
		figures_read(&r.table, &q, argv[i]);
	if (r.table.trouble && r.table.n == 0)
		exit(EXIT_TROUBLE);
	choose_round(&r, o.round);
	advise(&r);
	status = output_close_stdout() < 0 || r.table.trouble ? EXIT_TROUBLE :
	    r.table.bad ? EXIT_BADINPUT : EXIT_OK;
	for (i = 0; i < r.ncited; i++)
		free(r.cited[i]);
	free(r.cited);
	free(r.everyone);
	figures_table_free(&r.table);
	rules_free(&r.rules);
	reasons_free(&r.reasons);
	context_free(&r.context);
	free(o.rules);
	questionnaire_free(&q);
	return status;
}
