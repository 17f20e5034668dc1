#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "condition.h"
#include "lang.h"
#include "text.h"
#include "verdict.h"

static const char *const column_names[COND_NCOLUMNS] = {
	"n", "abstain", "mean", "sd", "min", "q1", "median", "q3", "max", "iqr",
	"consensus", "agreement", "anchor", "verdict", "employer", "staff", "client-work",
};

/*
 * What a value is, so that like is compared with like: a number, or a
 * word of one column's set.  A column's kind, and the words besides the
 * verdicts (verdict_table) that a condition may name.
 */
enum kind { K_NUMBER, K_VERDICT, K_EMPLOYER, K_CLIENTS };

static const enum kind column_kinds[COND_NCOLUMNS] = {
	[COND_VERDICT] = K_VERDICT, [COND_EMPLOYER] = K_EMPLOYER, [COND_CLIENT_WORK] = K_CLIENTS,
};

static const struct {
	const char *word;
	enum kind kind;
} words[] = {
	{ "private", K_EMPLOYER }, { "public", K_EMPLOYER },
	{ "yes", K_CLIENTS }, { "no", K_CLIENTS },
};

/* How a mismatch is put right, by the kind of the column compared. */
static const struct {
	const char *en, *nl;
} like_with_like[] = {
	[K_NUMBER] = { "a number is compared with a number (staff >= 50, median < 35)",
	    "een getal vergelijk je met een getal (staff >= 50, median < 35)" },
	[K_VERDICT] = { "a verdict is compared with a verdict (verdict = polarised), a number with a number",
	    "een oordeel vergelijk je met een oordeel (verdict = polarised), een getal met een getal" },
	[K_EMPLOYER] = { "employer is private or public (employer = public)",
	    "employer is private of public (employer = public)" },
	[K_CLIENTS] = { "client-work is yes or no (client-work = no)", "client-work is yes of no (client-work = no)" },
};


/* The comparisons, longest spelling first so that "<=" is not "<". */
enum cmp { CMP_LE, CMP_GE, CMP_NE, CMP_LT, CMP_GT, CMP_EQ };
static const char *const cmp_names[] = { "<=", ">=", "!=", "<", ">", "=" };

enum node_kind { N_TRUE, N_NOT, N_AND, N_OR, N_CMP };
enum operand_kind { O_COLUMN, O_NUMBER, O_WORD, O_UNKNOWN };

struct operand {
	enum operand_kind kind;
	char *continuum;		/* O_COLUMN: NULL for the rule's own */
	enum condition_column column;
	double number;
	const char *word;		/* O_WORD: a verdict's name or one of words[] */
	enum kind word_kind;		/* O_WORD */
};

struct node {
	enum node_kind kind;
	struct node *left, *right;	/* N_NOT: left only */
	enum cmp cmp;
	struct operand a, b;
};

struct condition {
	struct node *root;
	char **continua;		/* named, in order, each once */
	size_t ncontinua;
};

/* Nesting deeper than anyone writes by hand is refused, so that a
 * hostile file cannot exhaust the stack; so is a longer chain of joins,
 * since a chain is a tree as deep as it is long, which evaluating and
 * freeing walk down. */
#define DEPTH_MAX 32
#define JOINS_MAX 256

struct parser {
	const char *p;
	int own;
	int depth;
	int joins;		/* 'and's and 'or's so far */
	struct buf *why;
	struct condition *c;
};

/* A token: a word (letters, digits, '.', '-', '_'), a comparison, a
 * parenthesis, or the end. */
enum token_kind { T_END, T_WORD, T_CMP, T_OPEN, T_CLOSE, T_OTHER };

struct token {
	enum token_kind kind;
	const char *s;
	size_t n;
	enum cmp cmp;
};

static int
word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
	    ch == '.' || ch == '-' || ch == '_';
}

static struct token
peek(const struct parser *ps)
{
	struct token t = { T_END, ps->p, 0, CMP_EQ };
	const char *p = ps->p;
	size_t i;

	while (*p == ' ' || *p == '\t')
		p++;
	t.s = p;
	if (*p == '\0')
		return t;
	if (*p == '(' || *p == ')') {
		t.kind = *p == '(' ? T_OPEN : T_CLOSE;
		t.n = 1;
		return t;
	}
	for (i = 0; i < sizeof(cmp_names) / sizeof(cmp_names[0]); i++) {
		size_t n = strlen(cmp_names[i]);

		if (strncmp(p, cmp_names[i], n) == 0) {
			t.kind = T_CMP;
			t.cmp = (enum cmp)i;
			t.n = n;
			return t;
		}
	}
	if (word_char(*p)) {
		while (word_char(p[t.n]))
			t.n++;
		t.kind = T_WORD;
		return t;
	}
	t.kind = T_OTHER;
	t.n = 1;
	while ((p[t.n] & 0xc0) == 0x80)	/* the whole UTF-8 character */
		t.n++;
	return t;
}

static void
take(struct parser *ps, const struct token *t)
{
	ps->p = t->s + t->n;
}

static int
is_word(const struct token *t, const char *word)
{
	return t->kind == T_WORD && t->n == strlen(word) && memcmp(t->s, word, t->n) == 0;
}

/* Say what was found where something else was expected; NULL, always. */
static struct node *
expected(struct parser *ps, const char *what, const struct token *t)
{
	if (ps->why->len > 0)
		return NULL;
	if (t->kind == T_END)
		buf_printf(ps->why, tr("expected %s, found the end", "verwacht %s, gevonden: het einde"),
		    what);
	else
		buf_printf(ps->why, tr("expected %s, found '%.*s'", "verwacht %s, gevonden: '%.*s'"),
		    what, (int)t->n, t->s);
	return NULL;
}

static void
node_free(struct node *n)
{
	if (n == NULL)
		return;
	node_free(n->left);
	node_free(n->right);
	free(n->a.continuum);
	free(n->b.continuum);
	free(n);
}

static void
note_continuum(struct condition *c, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < c->ncontinua; i++)
		if (strlen(c->continua[i]) == n && memcmp(c->continua[i], s, n) == 0)
			return;
	c->continua = xreallocarray(c->continua, c->ncontinua + 1, sizeof(*c->continua));
	c->continua[c->ncontinua++] = xstrndup(s, n);
}

static long
column_of(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < COND_NCOLUMNS; i++)
		if (strlen(column_names[i]) == n && memcmp(column_names[i], s, n) == 0)
			return (long)i;
	return -1;
}

static int
operand(struct parser *ps, struct operand *o)
{
	struct token t = peek(ps);
	const char *dot;
	long column;
	int verdict;
	size_t i;

	memset(o, 0, sizeof(*o));
	if (t.kind != T_WORD) {
		expected(ps, tr("a column, a number or a verdict", "een kolom, een getal of een oordeel"), &t);
		return -1;
	}
	take(ps, &t);
	if (text_decimal(t.s, t.n, &o->number) == 0) {
		o->kind = O_NUMBER;
		return 0;
	}
	if ((verdict = verdict_find(t.s, t.n)) >= 0) {
		o->kind = O_WORD;
		o->word = verdict_table[verdict].name;
		o->word_kind = K_VERDICT;
		return 0;
	}
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == t.n && memcmp(words[i].word, t.s, t.n) == 0) {
			o->kind = O_WORD;
			o->word = words[i].word;
			o->word_kind = words[i].kind;
			return 0;
		}
	if (t.n == 7 && memcmp(t.s, "unknown", 7) == 0) {
		o->kind = O_UNKNOWN;
		return 0;
	}
	o->kind = O_COLUMN;
	/* column, or continuum.column */
	dot = memchr(t.s, '.', t.n);
	column = dot == NULL ? column_of(t.s, t.n) :
	    dot == t.s ? -1 : column_of(dot + 1, (size_t)(t.s + t.n - dot - 1));
	if (column < 0) {
		buf_printf(ps->why, tr(
		    "'%.*s' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column; employer, staff, client-work), a number or a word (a verdict, private, public, yes, no, unknown)",
		    "'%.*s' is geen kolom (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, of continuum.kolom; employer, staff, client-work), geen getal en geen woord (een oordeel, private, public, yes, no, unknown)"),
		    (int)t.n, t.s);
		return -1;
	}
	o->column = (enum condition_column)column;
	if (COND_CONTEXT(o->column)) {
		if (dot != NULL) {
			buf_printf(ps->why, tr(
			    "'%.*s': %s is the organisation's, not a continuum's: write it alone",
			    "'%.*s': %s hoort bij de organisatie, niet bij een continuum: schrijf het alleen"),
			    (int)t.n, t.s, column_names[column]);
			return -1;
		}
		return 0;
	}
	if (dot != NULL) {
		o->continuum = xstrndup(t.s, (size_t)(dot - t.s));
		note_continuum(ps->c, t.s, (size_t)(dot - t.s));
	} else if (!ps->own) {
		buf_printf(ps->why, tr(
		    "'%.*s' belongs to no continuum: this rule has no 'continuum:', so name one, as in legal.%.*s",
		    "'%.*s' hoort bij geen continuum: deze regel heeft geen 'continuum:', dus noem er een, zoals legal.%.*s"),
		    (int)t.n, t.s, (int)t.n, t.s);
		return -1;
	}
	return 0;
}

static struct node *disjunction(struct parser *ps);

static enum kind
kind_of(const struct operand *o)
{
	return o->kind == O_WORD ? o->word_kind : o->kind == O_COLUMN ? column_kinds[o->column] :
	    K_NUMBER;
}

static struct node *
comparison(struct parser *ps)
{
	struct node *n = xcalloc(1, sizeof(*n));
	struct token t;
	enum kind kind_a, kind_b, column;

	n->kind = N_CMP;
	if (operand(ps, &n->a) < 0)
		goto fail;
	t = peek(ps);
	if (t.kind != T_CMP) {
		expected(ps, tr("a comparison (<, <=, >, >=, =, !=)", "een vergelijking (<, <=, >, >=, =, !=)"), &t);
		goto fail;
	}
	take(ps, &t);
	n->cmp = t.cmp;
	if (operand(ps, &n->b) < 0)
		goto fail;
	if (n->a.kind != O_COLUMN && n->b.kind != O_COLUMN) {
		buf_addstr(ps->why, tr("a comparison needs a column on one side",
		    "een vergelijking heeft aan één kant een kolom nodig"));
		goto fail;
	}
	/* "= unknown": whether the other side is there at all. */
	if (n->a.kind == O_UNKNOWN || n->b.kind == O_UNKNOWN) {
		if (n->cmp != CMP_EQ && n->cmp != CMP_NE) {
			buf_addstr(ps->why, tr("unknown is asked with = or != (staff = unknown)",
			    "unknown vraag je met = of != (staff = unknown)"));
			goto fail;
		}
		return n;
	}
	/* Like with like; a word is or is not another word. */
	kind_a = kind_of(&n->a);
	kind_b = kind_of(&n->b);
	if (kind_a != kind_b) {
		column = n->a.kind == O_COLUMN ? kind_a : kind_b;
		buf_addstr(ps->why, tr(like_with_like[column].en, like_with_like[column].nl));
		goto fail;
	}
	if (kind_a != K_NUMBER && n->cmp != CMP_EQ && n->cmp != CMP_NE) {
		buf_addstr(ps->why, kind_a == K_VERDICT ?
		    tr("verdicts have no order: compare them with = or !=",
		    "oordelen hebben geen volgorde: vergelijk ze met = of !=") :
		    tr("words have no order: compare them with = or !=",
		    "woorden hebben geen volgorde: vergelijk ze met = of !="));
		goto fail;
	}
	return n;
fail:
	node_free(n);
	return NULL;
}

static struct node *
primary(struct parser *ps)
{
	struct token t = peek(ps);
	struct node *n, *negation;

	if (++ps->depth > DEPTH_MAX) {
		buf_printf(ps->why, tr("nested more than %d deep", "dieper dan %d genest"), DEPTH_MAX);
		return NULL;
	}
	if (is_word(&t, "not")) {
		take(ps, &t);
		if ((n = primary(ps)) == NULL)
			return NULL;
		ps->depth--;
		negation = xcalloc(1, sizeof(*negation));
		negation->kind = N_NOT;
		negation->left = n;
		return negation;
	}
	if (t.kind == T_OPEN) {
		take(ps, &t);
		if ((n = disjunction(ps)) == NULL)
			return NULL;
		t = peek(ps);
		if (t.kind != T_CLOSE) {
			node_free(n);
			return expected(ps, tr("')'", "')'"), &t);
		}
		take(ps, &t);
		ps->depth--;
		return n;
	}
	if (is_word(&t, "always")) {
		take(ps, &t);
		n = xcalloc(1, sizeof(*n));
		n->kind = N_TRUE;
		ps->depth--;
		return n;
	}
	if (is_word(&t, "and") || is_word(&t, "or") || t.kind != T_WORD)
		return expected(ps, tr("a comparison, 'not', 'always' or '('",
		    "een vergelijking, 'not', 'always' of '('"), &t);
	n = comparison(ps);
	ps->depth--;
	return n;
}

/*
 * The joins, loosest first: or of ands of primaries (and binds tighter
 * than or, as in SQL and most languages).
 */
static const struct {
	const char *word;
	enum node_kind kind;
} joins[] = { { "or", N_OR }, { "and", N_AND } };

static struct node *
joined(struct parser *ps, size_t level)
{
	struct node *left, *right, *n;
	struct token t;

	if (level == sizeof(joins) / sizeof(joins[0]))
		return primary(ps);
	left = joined(ps, level + 1);
	while (left != NULL && is_word((t = peek(ps), &t), joins[level].word)) {
		if (++ps->joins > JOINS_MAX) {
			buf_printf(ps->why, tr("more than %d 'and's and 'or's in one condition",
			    "meer dan %d keer 'and' en 'or' in één voorwaarde"), JOINS_MAX);
			node_free(left);
			return NULL;
		}
		take(ps, &t);
		if ((right = joined(ps, level + 1)) == NULL) {
			node_free(left);
			return NULL;
		}
		n = xcalloc(1, sizeof(*n));
		n->kind = joins[level].kind;
		n->left = left;
		n->right = right;
		left = n;
	}
	return left;
}

static struct node *
disjunction(struct parser *ps)
{
	return joined(ps, 0);
}

struct condition *
condition_parse(const char *text, int own, struct buf *why)
{
	struct parser ps = { text, own, 0, 0, why, NULL };
	struct token t;

	buf_reset(why);
	ps.c = xcalloc(1, sizeof(*ps.c));
	ps.c->root = disjunction(&ps);
	if (ps.c->root != NULL && (t = peek(&ps)).kind != T_END) {
		expected(&ps, tr("'and', 'or' or the end", "'and', 'or' of het einde"), &t);
		node_free(ps.c->root);
		ps.c->root = NULL;
	}
	if (ps.c->root == NULL) {
		if (why->len == 0)
			buf_addstr(why, tr("not a condition", "geen voorwaarde"));
		condition_free(ps.c);
		return NULL;
	}
	return ps.c;
}

static int
value_of(const struct operand *o, condition_lookup *lookup, void *context,
    struct condition_value *v)
{
	if (o->kind == O_NUMBER) {
		v->number = o->number;
		return 0;
	}
	if (o->kind == O_WORD) {
		v->word = o->word;
		return 0;
	}
	return lookup(context, o->continuum, o->column, v);
}

static enum condition_truth
compare(const struct node *n, condition_lookup *lookup, void *context)
{
	struct condition_value a = { 0, NULL }, b = { 0, NULL };
	int order;

	if (n->a.kind == O_UNKNOWN || n->b.kind == O_UNKNOWN) {
		int there = value_of(n->a.kind == O_UNKNOWN ? &n->b : &n->a, lookup, context, &a) == 0;

		return there == (n->cmp == CMP_NE) ? COND_TRUE : COND_FALSE;
	}
	if (value_of(&n->a, lookup, context, &a) < 0 || value_of(&n->b, lookup, context, &b) < 0)
		return COND_UNKNOWN;
	if (a.word != NULL || b.word != NULL)
		order = a.word != NULL && b.word != NULL && strcmp(a.word, b.word) == 0 ? 0 : 1;
	else
		order = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
	switch (n->cmp) {
	case CMP_LE: return order <= 0 ? COND_TRUE : COND_FALSE;
	case CMP_GE: return order >= 0 ? COND_TRUE : COND_FALSE;
	case CMP_LT: return order < 0 ? COND_TRUE : COND_FALSE;
	case CMP_GT: return order > 0 ? COND_TRUE : COND_FALSE;
	case CMP_EQ: return order == 0 ? COND_TRUE : COND_FALSE;
	case CMP_NE: return order != 0 ? COND_TRUE : COND_FALSE;
	}
	return COND_UNKNOWN;
}

static enum condition_truth
eval(const struct node *n, condition_lookup *lookup, void *context)
{
	enum condition_truth l, r;

	switch (n->kind) {
	case N_TRUE:
		return COND_TRUE;
	case N_NOT:
		l = eval(n->left, lookup, context);
		return l == COND_UNKNOWN ? COND_UNKNOWN : l == COND_TRUE ? COND_FALSE : COND_TRUE;
	case N_AND:
		l = eval(n->left, lookup, context);
		r = eval(n->right, lookup, context);
		if (l == COND_FALSE || r == COND_FALSE)
			return COND_FALSE;
		return l == COND_TRUE && r == COND_TRUE ? COND_TRUE : COND_UNKNOWN;
	case N_OR:
		l = eval(n->left, lookup, context);
		r = eval(n->right, lookup, context);
		if (l == COND_TRUE || r == COND_TRUE)
			return COND_TRUE;
		return l == COND_FALSE && r == COND_FALSE ? COND_FALSE : COND_UNKNOWN;
	case N_CMP:
		return compare(n, lookup, context);
	}
	return COND_UNKNOWN;
}

enum condition_truth
condition_eval(const struct condition *c, condition_lookup *lookup, void *context)
{
	return eval(c->root, lookup, context);
}

const char *
condition_continuum(const struct condition *c, size_t i)
{
	return i < c->ncontinua ? c->continua[i] : NULL;
}

void
condition_free(struct condition *c)
{
	size_t i;

	if (c == NULL)
		return;
	node_free(c->root);
	for (i = 0; i < c->ncontinua; i++)
		free(c->continua[i]);
	free(c->continua);
	free(c);
}

const char *
condition_column_name(enum condition_column column)
{
	return column_names[column];
}
