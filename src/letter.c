/*
 * letter: the words of a round's messages.  See letter.h.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "lang.h"
#include "letter.h"
#include "position.h"
#include "progress.h"
#include "questionnaire.h"
#include "wrap.h"

/* "Direction, Openness and Audience": those answered (have) or not. */
static void
put_names(struct buf *out, const struct letter *l, int have)
{
	const struct questionnaire *q = l->q;
	size_t k, n = 0, count = 0;

	for (k = 0; k < q->ncontinua; k++)
		count += (l->given[k] != POSITION_UNSET) == have;
	for (k = 0; k < q->ncontinua; k++) {
		if ((l->given[k] != POSITION_UNSET) != have)
			continue;
		if (n > 0)
			buf_addstr(out, n + 1 == count ? tr(" and ", " en ") : ", ");
		buf_addstr(out, q->continua[k].name);
		n++;
	}
}

/* The deadline in the facilitator's local time (TZ), with its zone, as
 * people read a deadline: "2026-12-01 17:00 CET", not 16:00 UTC. */
static void
deadline_words(char *when, size_t size, const struct letter *l)
{
	time_t t = (time_t)l->until;
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL || strftime(when, size, "%Y-%m-%d %H:%M %Z", &tm) == 0)
		snprintf(when, size, "%.10s %.5s UTC", l->until_text, l->until_text + 11);
}

static void
put_deadline(struct buf *out, const struct letter *l)
{
	char when[64];

	if (l->until == LLONG_MAX)
		return;
	deadline_words(when, sizeof(when), l);
	buf_printf(out, tr(" Please reply by %s.", " Antwoord graag voor %s."), when);
}

static void
wrap_paragraph(struct buf *out, const char *text)
{
	wrap_text(out, text, LETTER_WIDTH, 0, 0);
	buf_addc(out, '\n');
}

/* --text: paragraphs as the facilitator wrote them, each wrapped to the
 * width of the rest, blank lines between them kept. */
static void
put_own_text(struct buf *out, const char *text)
{
	struct buf para = { 0 };
	const char *p = text, *end;

	for (; *p; p = *end ? end + 1 : end) {
		if ((end = strchr(p, '\n')) == NULL)
			end = p + strlen(p);
		if (end == p) {		/* a blank line ends a paragraph */
			if (para.len > 0)
				wrap_paragraph(out, para.data);
			if (para.len > 0)
				buf_addc(out, '\n');
			buf_reset(&para);
			continue;
		}
		if (para.len > 0)
			buf_addc(&para, ' ');
		buf_add(&para, p, (size_t)(end - p));
	}
	if (para.len > 0)
		wrap_paragraph(out, para.data);
	buf_free(&para);
}

/*
 * What went wrong with a reply, one sentence a reason, in the order of
 * enum progress_reason: a continuum's name goes in the first %s, the
 * address written to in OTHER_ADDRESS's.
 */
static const struct {
	const char *en, *nl;
} reason_words[PROGRESS_NREASONS] = {
	[PROGRESS_TWO_MARKS] = {
	    "On %s more than one box was marked, so that answer could not count: mark one.",
	    "Bij %s was meer dan één vakje aangekruist, dus dat antwoord kon niet tellen: kruis er één aan." },
	[PROGRESS_UNCLEAR] = {
	    "On %s the mark could not be read with certainty, so it did not count: put an x in one box.",
	    "Bij %s kon de markering niet met zekerheid gelezen worden, dus ze telde niet: zet een x in één vakje." },
	[PROGRESS_NOTE_ONLY] = {
	    "On %s you wrote a note but marked no box.",
	    "Bij %s schreef je een notitie maar kruiste je geen vakje aan." },
	[PROGRESS_UNTOUCHED] = {
	    "The form you sent back had no box marked.",
	    "In het formulier dat je terugstuurde, was geen vakje aangekruist." },
	[PROGRESS_CUT_OFF] = {
	    "The form you sent back stopped short of its end, so some questions were missing from it.",
	    "Het formulier dat je terugstuurde, hield op voor het einde, dus er ontbraken vragen." },
	[PROGRESS_HTML_ONLY] = {
	    "Your reply came in HTML only, and the form is read from plain text: please send it as plain text.",
	    "Je antwoord kwam alleen in HTML, en het formulier wordt uit platte tekst gelezen: stuur het als platte tekst." },
	[PROGRESS_NO_FORM] = {
	    "Your reply did not have the form in it: reply to this message, and leave the form in your reply.",
	    "Je antwoord bevatte het formulier niet: antwoord op dit bericht, en laat het formulier in je antwoord staan." },
	[PROGRESS_OTHER_ADDRESS] = {
	    "Your form came from another address than %s, the one we write to, so it could not count: send it from that address.",
	    "Je formulier kwam van een ander adres dan %s, het adres waarnaar we schrijven, dus het kon niet tellen: stuur het van dat adres." },
	[PROGRESS_REPLY_UNCLEAR] = {
	    "The answers you typed above the form could not be read with certainty, so none of them counted.",
	    "De antwoorden die je boven het formulier typte, konden niet met zekerheid gelezen worden, dus geen ervan telde." },
	[PROGRESS_NOT_SIGNED] = {
	    "The answers you typed could not be matched to your form: reply to this very message, so that the form goes with them.",
	    "De antwoorden die je typte, konden niet aan je formulier gekoppeld worden: antwoord op precies dit bericht, zodat het formulier erbij zit." },
};

/* " On Openness more than one box was marked, ..." for each reason. */
static void
put_reasons(struct buf *out, const struct letter *l)
{
	const char *p = l->reasons, *id;
	enum progress_reason reason;
	size_t id_len;
	long k;

	while (p != NULL && progress_reason_next(&p, &reason, &id, &id_len)) {
		const char *words = tr(reason_words[reason].en, reason_words[reason].nl);

		buf_addc(out, ' ');
		if (reason == PROGRESS_OTHER_ADDRESS)
			buf_printf(out, words, l->email);
		else if (id == NULL)
			buf_addstr(out, words);
		else if ((k = questionnaire_find(l->q, id, id_len)) >= 0)
			buf_printf(out, words, l->q->continua[k].name);
		else	/* a continuum of another questionnaire: its id */
			buf_printf(out, words, id);
	}
}

static int
has_reasons(const struct letter *l)
{
	return l->reasons != NULL && *l->reasons != '\0' && strcmp(l->reasons, "-") != 0;
}

/* The first paragraph: what this message is, and what to do. */
static void
put_why(struct buf *para, const struct letter *l, int partial)
{
	if (l->invitation)
		buf_printf(para, tr(
		    "You are invited to say where you stand in round %s of \"%s\". Fill in the form below, an x in one box per question, and send it back as a reply to this message.",
		    "Je bent uitgenodigd om te zeggen waar je staat in ronde %s van \"%s\". Vul het formulier hieronder in, een x in één vakje per vraag, en stuur het terug als antwoord op dit bericht."),
		    l->round, l->q->title);
	else if (partial) {
		buf_addstr(para, tr("Thank you for your answers on ", "Bedankt voor je antwoorden op "));
		put_names(para, l, 1);
		buf_addstr(para, tr(". Still missing: ", ". Nog niet beantwoord: "));
		put_names(para, l, 0);
		buf_addc(para, '.');
		put_reasons(para, l);
		buf_addstr(para, tr(
		    " The form below has what you gave filled in: add the rest (to change an answer, move its x) and send it back as a reply to this message.",
		    " Wat je gaf, staat al ingevuld in het formulier hieronder: vul de rest aan (om een antwoord te veranderen, verplaats je de x) en stuur het terug als antwoord op dit bericht."));
	} else if (has_reasons(l)) {
		buf_printf(para, tr("Your reply for round %s reached us, but none of its answers could count.",
		    "Je antwoord voor ronde %s is aangekomen, maar geen van de antwoorden kon tellen."), l->round);
		put_reasons(para, l);
		buf_addstr(para, tr(" The form is below: send it back as a reply to this message.",
		    " Het formulier staat hieronder: stuur het terug als antwoord op dit bericht."));
	} else if (l->unreadable)
		buf_printf(para, tr(
		    "Your reply for round %s could not be read, so your answers have not reached us. Please send the form below back as a reply to this message, as plain text (not HTML), with the lines that start with \"stance-\" left as they are.",
		    "Je antwoord voor ronde %s kon niet gelezen worden, dus je antwoorden zijn ons niet bereikt. Stuur het formulier hieronder terug als antwoord op dit bericht, als platte tekst (geen HTML), met de regels die beginnen met \"stance-\" zoals ze zijn."),
		    l->round);
	else
		buf_printf(para, tr(
		    "A reminder: your answers for round %s of \"%s\" have not reached us yet. Fill in the form below, an x in one box per question, and send it back as a reply to this message.",
		    "Een herinnering: je antwoorden voor ronde %s van \"%s\" hebben ons nog niet bereikt. Vul het formulier hieronder in, een x in één vakje per vraag, en stuur het terug als antwoord op dit bericht."),
		    l->round, l->q->title);
}

/* In a signed round, the short way (reply.h) in two lines, its example
 * in quotes so that, quoted back, it is never read as an answer. */
static void
put_short_way(struct buf *out, const struct letter *l)
{
	const char *const pattern[] = { "2", "1", tr("1.5", "1,5"), "2", "3" };
	struct buf para = { 0 }, example = { 0 };
	size_t k;

	for (k = 0; k < l->q->ncontinua; k++) {
		const char *v = pattern[k % 5];

		if ((size_t)(v[0] - '0') > l->q->continua[k].nanchors)
			v = "1";
		buf_printf(&example, "%s%s", k ? " " : "", v);
	}
	buf_printf(&para, tr(
	    "On a phone? Type above the form the number of the statement you choose for each question, in order, - for no opinion: \"%s\".",
	    "Op een telefoon? Typ boven het formulier per vraag op volgorde het nummer van je uitspraak, - voor geen mening: \"%s\"."),
	    example.data);
	buf_addc(out, '\n');
	wrap_paragraph(out, para.data);
	buf_free(&para);
	buf_free(&example);
}

/* The personal link, on a line of its own so that mail clients make it
 * a link (it is not wrapped, however long). */
static void
put_link(struct buf *out, const struct letter *l)
{
	buf_addc(out, '\n');
	wrap_paragraph(out, tr("Answer on a web page, on a phone or a computer, with your own link (the form below does as well):",
	    "Antwoord op een webpagina, op een telefoon of een computer, met je eigen link (het formulier hieronder kan ook):"));
	buf_printf(out, "%s\n", l->link);
}

void
letter_text(struct buf *out, const struct letter *l)
{
	struct buf para = { 0 };
	int partial = 0;
	size_t k;

	for (k = 0; l->given != NULL && k < l->q->ncontinua; k++)
		partial |= l->given[k] != POSITION_UNSET;
	buf_printf(out, tr("Dear %s,\n\n", "Beste %s,\n\n"), l->name);
	put_why(&para, l, partial && !l->invitation);
	put_deadline(&para, l);
	wrap_paragraph(out, para.data);
	if (l->link != NULL)
		put_link(out, l);
	/* The facilitator's own words, in invitations. */
	if (l->invitation && l->own_text != NULL) {
		buf_addc(out, '\n');
		put_own_text(out, l->own_text);
	}
	if (l->short_replies)
		put_short_way(out, l);
	buf_printf(out, tr("\nThank you,\n%s\n\n", "\nBedankt,\n%s\n\n"), l->signer);
	buf_free(&para);
}

void
letter_answer(struct buf *out, const struct continuum *c, int position)
{
	char percent[POSITION_TEXT];
	size_t i;

	if (position == POSITION_UNSET) {
		buf_addstr(out, tr("not answered yet", "nog niet beantwoord"));
		return;
	}
	if (position == POSITION_NONE) {
		buf_addstr(out, tr("no opinion", "geen mening"));
		return;
	}
	for (i = 1; i <= c->nanchors; i++)
		if (anchor_position(c->nanchors, i) == position) {
			buf_printf(out, tr("statement %zu", "uitspraak %zu"), i);
			return;
		}
	for (i = 1; i < c->nanchors && anchor_position(c->nanchors, i + 1) < position; i++)
		;
	position_for_people(position, percent);
	buf_printf(out, tr("%s%%, between statements %zu and %zu", "%s%%, tussen uitspraak %zu en %zu"),
	    percent, i, i + 1);
}

void
letter_receipt(struct buf *out, const struct letter *l)
{
	struct buf para = { 0 }, line = { 0 };
	size_t k;

	buf_printf(out, tr("Dear %s,\n\n", "Beste %s,\n\n"), l->name);
	buf_printf(&para, tr(
	    "Your answers for round %s of \"%s\" have reached us. This is what counts now (of two answers to one question, the later one):",
	    "Je antwoorden voor ronde %s van \"%s\" zijn aangekomen. Dit telt nu (van twee antwoorden op één vraag, het latere):"),
	    l->round, l->q->title);
	wrap_paragraph(out, para.data);
	buf_addc(out, '\n');
	for (k = 0; k < l->q->ncontinua; k++) {
		const struct continuum *c = &l->q->continua[k];

		buf_reset(&line);
		buf_printf(&line, "%s: ", c->name);
		letter_answer(&line, c, l->given[k]);
		if (l->notes != NULL && l->notes[k] != NULL && l->given[k] != POSITION_UNSET)
			buf_printf(&line, tr("; note: \"%s\"", "; notitie: \"%s\""), l->notes[k]);
		buf_addstr(out, "  ");
		wrap_text(out, line.data, LETTER_WIDTH, 2, 4);
		buf_addc(out, '\n');
	}
	if (has_reasons(l)) {
		buf_reset(&para);
		buf_addstr(&para, tr("What did not count:", "Wat niet telde:"));
		put_reasons(&para, l);
		buf_addc(out, '\n');
		wrap_paragraph(out, para.data);
	}
	buf_reset(&para);
	buf_addstr(&para, tr(
	    "To change an answer, move its x in the form below, which has what counts filled in, and send it back as a reply to this message.",
	    "Om een antwoord te veranderen, verplaats je de x in het formulier hieronder, waarin staat wat telt, en stuur je het terug als antwoord op dit bericht."));
	if (l->until != LLONG_MAX && l->now < l->until) {
		char when[64];

		deadline_words(when, sizeof(when), l);
		buf_printf(&para, tr(" Changes count until %s.", " Wijzigingen tellen tot %s."), when);
	}
	buf_addc(out, '\n');
	wrap_paragraph(out, para.data);
	buf_printf(out, tr("\nThank you,\n%s\n\n", "\nBedankt,\n%s\n\n"), l->signer);
	buf_free(&para);
	buf_free(&line);
}
