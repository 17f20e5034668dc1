/*
 * slider: ask's full-screen mode, the paper worksheet on a terminal.
 *
 * Each continuum is a drawn line with its anchor statements numbered along
 * it and a marker the person moves.  Keys: arrows move, digits jump to an
 * anchor, - is no opinion, n adds a note, Enter goes on, Backspace goes
 * back, r reviews, q quits.  The terminal (term.c) turns signals into
 * events the loop sees between keys, so it can always restore the
 * terminal before it stops, suspends or dies.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "feedback.h"
#include "lang.h"
#include "position.h"
#include "response.h"
#include "slider.h"
#include "term.h"
#include "utf8.h"
#include "wrap.h"

enum key {
	KEY_NONE = 0x110000,	/* past every Unicode code point */
	KEY_SIGNAL, KEY_ENTER, KEY_BACKSPACE, KEY_ESCAPE, KEY_TAB,
	KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END,
	KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_KILL_LINE, KEY_PASTE
};

struct ui {
	struct term term;	/* its width, height, colour and UTF-8 */
	size_t scroll;		/* the first line of the statements shown */
	size_t scroll_for;	/* on this continuum */
	int statements_cut;	/* they do not all fit: j and k scroll them */
	const struct questionnaire *q;
	struct answer *answers;
	const struct respondent *who;
	size_t current;
	int reviewing;		/* on the review screen */
	int from_review;	/* Enter goes back to the review */
	int editing;		/* typing a note */
	int confirm_quit;	/* q was pressed with answers given */
	struct buf edit;
	const char *hint;	/* one line of feedback, until the next key */
	char typed[8];		/* the UTF-8 bytes of the last printable key */
	struct buf paste;	/* the text of the last paste */
	struct buf screen;
};

/* A byte of a key: term_read_byte(), or -2 for a signal. */
static int
read_byte(struct ui *ui, int timeout)
{
	return term_read_byte(&ui->term, timeout);
}

/* The escape sequences terminals send for the keys we use. */
static const struct {
	const char *sequence;
	enum key key;
} escapes[] = {
	{ "[A", KEY_UP }, { "[B", KEY_DOWN }, { "[C", KEY_RIGHT }, { "[D", KEY_LEFT },
	{ "OA", KEY_UP }, { "OB", KEY_DOWN }, { "OC", KEY_RIGHT }, { "OD", KEY_LEFT },
	{ "[H", KEY_HOME }, { "[F", KEY_END }, { "OH", KEY_HOME }, { "OF", KEY_END },
	{ "[1~", KEY_HOME }, { "[7~", KEY_HOME }, { "[4~", KEY_END }, { "[8~", KEY_END },
	{ "[5~", KEY_PAGE_UP }, { "[6~", KEY_PAGE_DOWN }, { "[Z", KEY_UP },
	{ "[200~", KEY_PASTE },
};

/* A note holds what a person would write, not a pasted book. */
#define PASTE_MAX (64 * 1024)

/*
 * Read pasted text up to the terminal's end mark (ESC [ 201 ~) into
 * ui->paste, as one line: line breaks and tabs become spaces, other
 * control characters are dropped.  A paste whose end never comes stops
 * after a second without input.
 */
static void
read_paste(struct ui *ui)
{
	static const char end[] = "\033[201~";
	size_t matched = 0;
	int c;

	buf_reset(&ui->paste);
	while ((c = read_byte(ui, 1000)) >= 0) {
		if (c == end[matched]) {
			if (++matched == sizeof(end) - 1)
				break;
			continue;
		}
		if (matched > 0) {	/* not the end mark after all */
			if (ui->paste.len + matched <= PASTE_MAX)
				buf_add(&ui->paste, end, matched);
			matched = 0;
			if (c == end[0]) {
				matched = 1;
				continue;
			}
		}
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if ((c < 0x20 || c == 0x7f) || ui->paste.len >= PASTE_MAX)
			continue;
		buf_addc(&ui->paste, (char)c);
	}
}

static int
read_key(struct ui *ui)
{
	char sequence[16];
	size_t n = 0, i, len;
	int c = read_byte(ui, -1);

	if (c == -2)
		return KEY_SIGNAL;
	if (c < 0)
		return -1;
	switch (c) {
	case '\r': case '\n': return KEY_ENTER;
	case '\t': return KEY_TAB;
	case 0x7f: case 0x08: return KEY_BACKSPACE;
	case 0x15: return KEY_KILL_LINE;
	case 0x1b:
		/* A lone Escape, or the start of a sequence: a terminal
		 * sends the rest of a sequence at once. */
		while (n < sizeof(sequence) - 1) {
			if ((c = read_byte(ui, n == 0 ? 50 : 10)) < 0)
				break;
			sequence[n++] = (char)c;
			if (n > 1 && c >= 0x40 && c <= 0x7e)
				break;
		}
		sequence[n] = '\0';
		if (n == 0)
			return KEY_ESCAPE;
		for (i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
			if (strcmp(sequence, escapes[i].sequence) != 0)
				continue;
			if (escapes[i].key == KEY_PASTE)
				read_paste(ui);
			return escapes[i].key;
		}
		return KEY_NONE;
	}
	if (c < 0x20)
		return KEY_NONE;
	ui->typed[0] = (char)c;
	len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	for (n = 1; n < len; n++) {
		if ((c = read_byte(ui, 50)) < 0)
			return KEY_NONE;
		ui->typed[n] = (char)c;
	}
	ui->typed[len] = '\0';
	return utf8_valid(ui->typed, len) ? (unsigned char)ui->typed[0] : KEY_NONE;
}

/* Drawing.  Everything goes into ui->screen and out in one write. */

static void
put(struct ui *ui, const char *s)
{
	buf_addstr(&ui->screen, s);
}

static void
style(struct ui *ui, const char *with_color, const char *without)
{
	put(ui, ui->term.color ? with_color : without);
}

static void
spaces(struct ui *ui, int n)
{
	while (n-- > 0)
		buf_addc(&ui->screen, ' ');
}

/* Word-wrap text to the width, every line indented by `indent` columns
 * and the first starting after `first` columns already used. */
static void
wrap(struct ui *ui, const char *text, int indent, int first)
{
	wrap_text(&ui->screen, text, (size_t)ui->term.width - 1, (size_t)first, (size_t)indent);
	put(ui, "\n");
}

/* The line with the anchors ticked and the person's marker on it. */
static void
draw_line(struct ui *ui, const struct continuum *c, int position, int length)
{
	int *ticks = xcalloc(c->nanchors, sizeof(*ticks));
	size_t k;

	for (k = 0; k < c->nanchors; k++)
		ticks[k] = anchor_position(c->nanchors, k + 1);
	term_line(&ui->screen, &ui->term, length, ticks, c->nanchors, &position, 1);
	free(ticks);
}

static void
draw_hint(struct ui *ui)
{
	if (ui->hint != NULL) {
		put(ui, "\n  ");
		style(ui, "\033[1;33m", "\033[1m");
		put(ui, ui->hint);
		put(ui, "\033[0m\n");
	}
}

/* The questionnaire's title, and who is answering: a forgotten -p shows
 * here, before anything is written under the wrong name. */
static void
draw_title(struct ui *ui)
{
	struct buf who = { 0 };

	put(ui, "\033[1m");
	wrap(ui, ui->q->title, 0, 0);
	put(ui, "\033[0m");
	buf_printf(&who, tr("Answering as %s, group %s, round %s",
	    "Je antwoordt als %s, groep %s, ronde %s"),
	    ui->who->participant, ui->who->group, ui->who->round);
	style(ui, "\033[2m", "");
	wrap(ui, who.data, 0, 0);
	put(ui, "\033[0m");
	put(ui, "\n");
	buf_free(&who);
}

/* The parts of a continuum's screen, each drawn alone (see fit()). */
enum part { PART_HEAD, PART_QUESTION, PART_SCALE, PART_STATEMENTS, PART_STATUS, PART_KEYS, NPARTS };

static void
draw_head(struct ui *ui)
{
	draw_title(ui);
	if (ui->current == 0 && ui->q->instruction != NULL) {
		wrap(ui, ui->q->instruction, 0, 0);
		put(ui, "\n");
	}
}

static void
draw_question(struct ui *ui)
{
	const struct continuum *c = &ui->q->continua[ui->current];
	char counter[32];
	int indent;

	snprintf(counter, sizeof(counter), "%zu/%zu", ui->current + 1, ui->q->ncontinua);
	indent = 2 + (int)strlen(counter);
	put(ui, counter);
	put(ui, "  \033[1m");
	wrap(ui, c->question, indent, indent);
	put(ui, "\033[0m");
	if (c->help != NULL) {
		spaces(ui, indent);
		wrap(ui, c->help, indent, indent);
	}
	put(ui, "\n");
}

/* The pole labels, then the line with the marker, then the anchor numbers. */
/* Where the group stood last round, under the line: its middle half
 * and median, and the person's own last mark; shown, never chosen for
 * them (ask --feedback, the Delphi method). */
static void
draw_feedback(struct ui *ui, int length)
{
	const struct feedback *f;
	struct buf words = { 0 };
	int x, from, to, median, own;

	if (ui->who->feedback == NULL)
		return;
	f = &ui->who->feedback[ui->current];
	if (!f->have && f->own == POSITION_UNSET)
		return;
	from = f->have ? term_column((int)(f->q1 * 10 + 0.5), length) : -1;
	to = f->have ? term_column((int)(f->q3 * 10 + 0.5), length) : -1;
	median = f->have ? term_column((int)(f->median * 10 + 0.5), length) : -1;
	own = f->own >= 0 ? term_column(f->own, length) : -1;
	put(ui, "  ");
	style(ui, "\033[2m", "");
	for (x = 0; x <= (to > own ? to : own); x++) {
		/* chart's marks: ▲ the median, ├─┤ the middle half; ○ is
		 * yours alone (△ is chart's median of the round before). */
		if (x == own)
			put(ui, ui->term.utf8 ? "\xe2\x97\x8b" : "o");
		else if (x == median)
			put(ui, ui->term.utf8 ? "\xe2\x96\xb2" : "^");
		else if (x == from)
			put(ui, ui->term.utf8 ? "\xe2\x94\x9c" : "[");
		else if (x == to)
			put(ui, ui->term.utf8 ? "\xe2\x94\xa4" : "]");
		else if (x > from && x < to)
			put(ui, ui->term.utf8 ? "\xe2\x94\x80" : "-");
		else
			put(ui, " ");
	}
	put(ui, "\n  ");
	feedback_words(&words, f);
	wrap(ui, words.data, 2, 2);
	put(ui, "\033[0m");
	buf_free(&words);
}

static void
draw_scale(struct ui *ui)
{
	const struct continuum *c = &ui->q->continua[ui->current];
	int length = ui->term.width - 4, left, right, i;
	size_t k;

	left = (int)utf8_width(c->left, strlen(c->left));
	right = (int)utf8_width(c->right, strlen(c->right));
	spaces(ui, 2);
	put(ui, c->left);
	spaces(ui, length - left - right);
	put(ui, c->right);
	put(ui, "\n  ");
	draw_line(ui, c, ui->answers[ui->current].position, length);
	put(ui, "\n  ");
	for (i = 0, k = 1; k <= c->nanchors; k++) {
		int at = term_column(anchor_position(c->nanchors, k), length);
		char number[32];
		int w = snprintf(number, sizeof(number), "%zu", k);

		if (at + w > length)
			at = length - w;
		if (at < i)
			continue;
		spaces(ui, at - i);
		put(ui, number);
		i = at + w;
	}
	put(ui, "\n");
	draw_feedback(ui, length);
	put(ui, "\n");
}

static void
draw_statements(struct ui *ui)
{
	const struct continuum *c = &ui->q->continua[ui->current];
	size_t k;

	for (k = 0; k < c->nanchors; k++) {
		char number[32];

		snprintf(number, sizeof(number), "  %zu  ", k + 1);
		put(ui, number);
		wrap(ui, c->anchors[k], (int)strlen(number), (int)strlen(number));
	}
	put(ui, "\n");
}

static void
draw_status(struct ui *ui)
{
	const struct continuum *c = &ui->q->continua[ui->current];
	const struct answer *a = &ui->answers[ui->current];
	char now[64];

	put(ui, "  ");
	put(ui, tr("Position: ", "Positie: "));
	put(ui, "\033[1m");
	put(ui, a->position == POSITION_UNSET ? tr("not placed yet", "nog niet geplaatst") :
	    answer_text(c, a->position, now, sizeof(now)));
	put(ui, "\033[0m\n  ");
	put(ui, tr("Note: ", "Notitie: "));
	if (ui->editing) {
		buf_add(&ui->screen, ui->edit.data ? ui->edit.data : "", ui->edit.len);
		put(ui, "\033[7m \033[0m\n\n  ");
		style(ui, "\033[2m", "");
		put(ui, tr("Enter keeps the note, Esc cancels, Ctrl-U clears",
		    "Enter bewaart de notitie, Esc annuleert, Ctrl-U wist"));
		put(ui, "\033[0m\n");
	} else {
		wrap(ui, a->note ? a->note : tr("(none)", "(geen)"), 8, 8);
	}
	draw_hint(ui);
}

static void
draw_keys(struct ui *ui)
{
	if (ui->editing)
		return;
	put(ui, "\n  ");
	style(ui, "\033[2m", "");
	wrap(ui, tr(
	    "Left/Right move, PgUp/PgDn by 10, digit: anchor, - no opinion, n note, Enter next, Backspace back, Tab skip, r review, q quit",
	    "Links/Rechts verschuift, PgUp/PgDn per 10, cijfer: uitspraak, - geen mening, n notitie, Enter verder, Backspace terug, Tab overslaan, r overzicht, q stoppen"),
	    2, 2);
	put(ui, "\033[0m");
}

static size_t
lines_in(const struct buf *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->len; i++)
		n += b->data[i] == '\n';
	return n;
}

/* Lines first to last (0-based, end excluded) of block b. */
static void
put_lines(struct ui *ui, const struct buf *b, size_t first, size_t last)
{
	size_t i, line = 0, start = 0;

	for (i = 0; i < b->len; i++) {
		if (b->data[i] != '\n')
			continue;
		if (line >= first && line < last)
			buf_add(&ui->screen, b->data + start, i + 1 - start);
		line++;
		start = i + 1;
	}
}

/*
 * Fit the parts to the terminal's height.  The line, the marker and
 * where it stands are always shown; then the question, the title, the
 * keys; the statements get what is left and scroll (j and k) when they
 * do not fit, so that at any size the line stays on the screen.
 */
static void
draw_continuum(struct ui *ui)
{
	static void (*const draw_part[NPARTS])(struct ui *) = {
		draw_head, draw_question, draw_scale, draw_statements, draw_status, draw_keys,
	};
	static const enum part optional[] = { PART_QUESTION, PART_HEAD, PART_KEYS };
	struct buf part[NPARTS], saved = ui->screen;
	size_t lines[NPARTS], room, i, window;
	int shown[NPARTS] = { 0 };

	for (i = 0; i < NPARTS; i++) {
		memset(&ui->screen, 0, sizeof(ui->screen));
		draw_part[i](ui);
		part[i] = ui->screen;
		lines[i] = lines_in(&part[i]);
	}
	ui->screen = saved;
	if (ui->scroll_for != ui->current)
		ui->scroll = 0;
	ui->scroll_for = ui->current;
	/* One row less than the height: a newline on the last row would
	 * scroll the screen. */
	room = (size_t)ui->term.height > lines[PART_SCALE] + lines[PART_STATUS] + 1 ?
	    (size_t)ui->term.height - 1 - lines[PART_SCALE] - lines[PART_STATUS] : 0;
	shown[PART_SCALE] = shown[PART_STATUS] = 1;
	/* Keep two lines for the statements when anything else must go. */
	for (i = 0; i < sizeof(optional) / sizeof(optional[0]); i++) {
		size_t want = lines[optional[i]] + (lines[PART_STATEMENTS] > 2 ? 2 : lines[PART_STATEMENTS]);

		if (want <= room) {
			shown[optional[i]] = 1;
			room -= lines[optional[i]];
		}
	}
	window = lines[PART_STATEMENTS] <= room ? lines[PART_STATEMENTS] : room > 0 ? room - 1 : 0;
	if (ui->scroll + window > lines[PART_STATEMENTS])
		ui->scroll = lines[PART_STATEMENTS] - window;
	ui->statements_cut = window < lines[PART_STATEMENTS];
	for (i = 0; i < NPARTS; i++) {
		if (i == PART_STATEMENTS) {
			put_lines(ui, &part[i], ui->scroll, ui->scroll + window);
			if (ui->statements_cut && room > 0) {
				style(ui, "\033[2m", "");
				put(ui, tr("  (j/k: more statements)\033[0m\n",
				    "  (j/k: meer uitspraken)\033[0m\n"));
			}
		} else if (shown[i]) {
			buf_add(&ui->screen, part[i].data ? part[i].data : "", part[i].len);
		}
		buf_free(&part[i]);
	}
}

static void
draw_review(struct ui *ui)
{
	const struct questionnaire *q = ui->q;
	size_t k, idwidth = 0;
	char now[64], number[32];

	draw_title(ui);
	put(ui, tr("Your answers\n\n", "Je antwoorden\n\n"));
	/* People read the continua's names, not their ids. */
	for (k = 0; k < q->ncontinua; k++)
		if (utf8_width(q->continua[k].name, strlen(q->continua[k].name)) > idwidth)
			idwidth = utf8_width(q->continua[k].name, strlen(q->continua[k].name));
	for (k = 0; k < q->ncontinua; k++) {
		const struct continuum *c = &q->continua[k];
		const struct answer *a = &ui->answers[k];

		snprintf(number, sizeof(number), "  %zu  ", k + 1);
		put(ui, number);
		put(ui, c->name);
		spaces(ui, (int)(idwidth - utf8_width(c->name, strlen(c->name))) + 2);
		put(ui, "[");
		draw_line(ui, c, a->position, 21);
		put(ui, "]  ");
		put(ui, a->position == POSITION_UNSET ? tr("not answered", "niet beantwoord") :
		    answer_text(c, a->position, now, sizeof(now)));
		put(ui, "\n");
		if (a->note != NULL) {
			spaces(ui, 7 + (int)idwidth);
			wrap(ui, a->note, 7 + (int)idwidth, 7 + (int)idwidth);
		}
	}
	put(ui, "\n  ");
	style(ui, "\033[2m", "");
	wrap(ui, tr("Enter writes these answers, a digit changes one, q quits without writing",
	    "Enter schrijft deze antwoorden weg, een cijfer wijzigt er één, q stopt zonder te schrijven"),
	    2, 2);
	put(ui, "\033[0m");
	draw_hint(ui);
}

static void
draw(struct ui *ui)
{
	buf_reset(&ui->screen);
	put(ui, "\033[H\033[2J");
	if (ui->reviewing)
		draw_review(ui);
	else
		draw_continuum(ui);
	term_write(&ui->term, ui->screen.data, ui->screen.len);
}

static void
go_to(struct ui *ui, size_t k)
{
	ui->reviewing = 0;
	ui->current = k;
}

static void
move_marker(struct answer *a, int by)
{
	if (a->position < 0)
		a->position = POSITION_MAX / 2;
	else
		a->position += by;
	if (a->position < 0)
		a->position = 0;
	if (a->position > POSITION_MAX)
		a->position = POSITION_MAX;
}

static void
edit_key(struct ui *ui, int key)
{
	struct answer *a = &ui->answers[ui->current];

	if (key == KEY_ENTER) {
		free(a->note);
		a->note = ui->edit.len ? xstrdup(ui->edit.data) : NULL;
		ui->editing = 0;
	} else if (key == KEY_ESCAPE) {
		ui->editing = 0;
	} else if (key == KEY_KILL_LINE) {
		buf_reset(&ui->edit);
	} else if (key == KEY_BACKSPACE) {
		while (ui->edit.len > 0 &&
		    ((unsigned char)ui->edit.data[--ui->edit.len] & 0xc0) == 0x80)
			;
		if (ui->edit.data)
			ui->edit.data[ui->edit.len] = '\0';
	} else if (key == KEY_PASTE) {
		/* Only whole UTF-8 goes into a note. */
		if (utf8_valid(ui->paste.data ? ui->paste.data : "", ui->paste.len))
			buf_add(&ui->edit, ui->paste.data ? ui->paste.data : "", ui->paste.len);
		else
			ui->hint = tr("The pasted text is not valid UTF-8; it was not added.",
			    "De geplakte tekst is geen geldige UTF-8; ze werd niet toegevoegd.");
	} else if (key < KEY_NONE) {
		buf_addstr(&ui->edit, ui->typed);
	}
}

static size_t
answered(const struct ui *ui)
{
	size_t k, count = 0;

	for (k = 0; k < ui->q->ncontinua; k++)
		if (ui->answers[k].position != POSITION_UNSET)
			count++;
	return count;
}

static size_t
unanswered(const struct ui *ui)
{
	size_t k, count = 0;

	for (k = 0; k < ui->q->ncontinua; k++)
		if (ui->answers[k].position == POSITION_UNSET)
			count++;
	return count;
}

/* A key that does nothing here says so, rather than nothing at all: a
 * digit past the last one, or a key the screen does not use. */
static void
stray_key(struct ui *ui, int key, size_t last)
{
	static char hint[160];

	if (key >= '0' && key <= '9')
		snprintf(hint, sizeof(hint), tr("There is no %c here: the digits go from 1 to %zu.",
		    "Er is geen %c: de cijfers gaan van 1 tot %zu."), key, last);
	else
		snprintf(hint, sizeof(hint), "%s", tr("That key does nothing here; the keys are listed below.",
		    "Die toets doet hier niets; de toetsen staan hieronder."));
	ui->hint = hint;
}

/* Handle a key on the review screen; returns 1 when the answers are confirmed. */
static int
review_key(struct ui *ui, int key)
{
	size_t n = ui->q->ncontinua;

	if (key == KEY_ENTER || key == 'y' || key == 'j') {
		if (unanswered(ui) == 0)
			return 1;
		ui->hint = tr("Some continua are not answered yet: press a digit to answer one (- for no opinion).",
		    "Sommige continua zijn nog niet beantwoord: druk op een cijfer om er één te beantwoorden (- voor geen mening).");
	} else if (key >= '1' && key <= '9' && (size_t)(key - '0') <= n) {
		go_to(ui, (size_t)(key - '1'));
		ui->from_review = 1;
	} else if (key == KEY_BACKSPACE || key == KEY_UP || key == 'b') {
		go_to(ui, n - 1);
	} else {
		stray_key(ui, key, n);
	}
	return 0;
}

static void
continuum_key(struct ui *ui, int key)
{
	const struct continuum *c = &ui->q->continua[ui->current];
	struct answer *a = &ui->answers[ui->current];
	size_t n = ui->q->ncontinua;

	switch (key) {
	case KEY_LEFT: case 'h': move_marker(a, -10); break;
	case KEY_RIGHT: case 'l': move_marker(a, 10); break;
	case KEY_PAGE_DOWN: move_marker(a, -100); break;
	case KEY_PAGE_UP: move_marker(a, 100); break;
	case KEY_HOME: a->position = 0; break;
	case KEY_END: a->position = POSITION_MAX; break;
	case '-': a->position = POSITION_NONE; break;
	case 'n':
		ui->editing = 1;
		buf_reset(&ui->edit);
		if (a->note)
			buf_addstr(&ui->edit, a->note);
		break;
	case 'r': ui->reviewing = 1; break;
	case 'j': case 'k':
		if (!ui->statements_cut)
			stray_key(ui, key, c->nanchors);
		else if (key == 'j')
			ui->scroll++;	/* draw_continuum() stops at the end */
		else if (ui->scroll > 0)
			ui->scroll--;
		break;
	case KEY_ENTER:
		if (a->position == POSITION_UNSET) {
			ui->hint = tr("Place the marker first (arrows or an anchor digit), or press - for no opinion, Tab to skip.",
			    "Plaats eerst de markering (pijlen of het cijfer van een uitspraak), of druk op - voor geen mening, op Tab om over te slaan.");
			break;
		}
		/* fall through */
	case KEY_TAB: case KEY_DOWN:
		if (ui->from_review || ui->current + 1 == n)
			ui->reviewing = 1;
		else
			ui->current++;
		break;
	case KEY_BACKSPACE: case KEY_UP: case 'b':
		if (ui->current > 0)
			ui->current--;
		break;
	default:
		if (key >= '1' && key <= '9' && (size_t)(key - '0') <= c->nanchors)
			a->position = anchor_position(c->nanchors, (size_t)(key - '0'));
		else
			stray_key(ui, key, c->nanchors);
		break;
	}
	if (ui->reviewing)
		ui->from_review = 0;
}

/* A key, after q was pressed with answers given, or any other key: what
 * it does.  Returns 1 when the session ends, with *result set. */
static int
handle_key(struct ui *ui, int key, int *result)
{
	ui->hint = NULL;
	/* After q with answers given: q again, or y, quits; any other key
	 * goes on, and does what it does. */
	if (ui->confirm_quit && (key == 'q' || key == 'y' || key == 'j'))
		return 1;
	ui->confirm_quit = 0;
	if (ui->editing) {
		edit_key(ui, key);
	} else if (key == KEY_PASTE) {
		ui->hint = tr("Pasted text goes into a note: press n first, then paste.",
		    "Geplakte tekst gaat in een notitie: druk eerst op n en plak dan.");
	} else if (key == 'q' && answered(ui) == 0) {
		return 1;
	} else if (key == 'q') {
		ui->confirm_quit = 1;
		ui->hint = tr("Quit without writing your answers? Press q again (or y) to quit, any other key to go on.",
		    "Stoppen zonder je antwoorden weg te schrijven? Druk nog eens op q (of j) om te stoppen, op een andere toets om verder te gaan.");
	} else if (ui->reviewing) {
		if (review_key(ui, key)) {
			*result = ANSWERS_CONFIRMED;
			return 1;
		}
	} else {
		continuum_key(ui, key);
	}
	return 0;
}

/* A signal came: one to die of ends the session (the terminal is
 * restored first, by the caller); Ctrl-Z suspends; a resize redraws. */
static int
handle_signal(struct ui *ui, int *result)
{
	if ((*result = term_stopped()) != 0)
		return 1;
	if (term_suspend_pending() && term_suspend(&ui->term) < 0) {
		*result = SIGHUP;
		return 1;
	}
	if (term_resize_pending())
		term_size(&ui->term);
	return 0;
}

int
slider_run(const struct questionnaire *q, struct answer *answers,
    const struct respondent *who, int tty_fd)
{
	struct ui ui;
	int key, result = ANSWERS_QUIT;

	memset(&ui, 0, sizeof(ui));
	ui.q = q;
	ui.answers = answers;
	ui.who = who;
	if (term_open(&ui.term, tty_fd) < 0)
		diag_fatal(tr("cannot use the terminal: %s", "kan de terminal niet gebruiken: %s"),
		    lang_strerror(errno));
	for (draw(&ui);; draw(&ui)) {
		if ((key = read_key(&ui)) < 0) {
			/* The terminal went away: treat it as a hangup. */
			result = SIGHUP;
			break;
		}
		/* A signal during a paste is seen here too. */
		if (key == KEY_SIGNAL || term_stopped()) {
			if (handle_signal(&ui, &result))
				break;
			continue;
		}
		if (handle_key(&ui, key, &result))
			break;
	}
	term_close(&ui.term);
	buf_free(&ui.screen);
	buf_free(&ui.edit);
	buf_free(&ui.paste);
	return result;
}
