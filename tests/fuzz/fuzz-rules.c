/*
 * The rules reader (stance-rules(5)) and its condition language.  Every
 * rule that reads is evaluated twice: with every figure there, when its
 * condition must come out true or false, never unknown; and with every
 * figure missing, when only a condition that needs no figure ("always")
 * may come out true, or one that asks "= unknown".  The figures (and the
 * organisation's employer and client work) are taken from the input's
 * bytes.
 */
#include "fuzz.h"
#include "questionnaire.h"
#include "rules.h"

struct figures {
	const uint8_t *data;
	size_t size, next;
	int missing;
};

static int
look_up(void *context, const char *continuum, enum condition_column column,
    struct condition_value *v)
{
	static const char *const verdicts[] = { "consensus", "leaning", "divided", "polarised" };
	struct figures *f = context;
	uint8_t byte = f->size ? f->data[f->next++ % f->size] : 0;

	(void)continuum;
	if (f->missing)
		return -1;
	v->word = column == COND_VERDICT ? verdicts[byte % 4] :
	    column == COND_EMPLOYER ? (byte & 1 ? "public" : "private") :
	    column == COND_CLIENT_WORK ? (byte & 1 ? "yes" : "no") : NULL;
	v->number = (double)byte * 100.0 / 255.0;
	return 0;
}

/* A condition that can hold with no figure there: one that says always,
 * or asks whether a figure is unknown. */
static int
always(const struct rule *u)
{
	return strstr(u->when_text, "always") != NULL || strstr(u->when_text, "unknown") != NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct questionnaire q;
	static int have_q;
	struct rules r = { 0 };
	struct figures f = { data, size, 0, 0 };
	FILE *fp;
	size_t i;

	if (!have_q) {
		questionnaire_default(&q, LANG_EN);
		have_q = 1;
	}
	if ((fp = fuzz_stream(data, size)) == NULL)
		return 0;
	if (rules_read(&r, fp, "fuzz", &q) == 0)
		(void)rules_check(&r, LANG_EN, NULL);
	fclose(fp);
	for (i = 0; i < r.n; i++) {
		const struct rule *u = &r.rules[i];

		fuzz_assert(u->when != NULL && u->id != NULL && u->part < RULES_NPARTS);
		fuzz_assert(u->part != RULES_ADVICE || u->continuum >= 0);
		f.missing = 0;
		if (condition_eval(u->when, look_up, &f) == COND_UNKNOWN)
			fuzz_fail("rule %s: unknown with every figure there", u->id);
		f.missing = 1;
		if (condition_eval(u->when, look_up, &f) == COND_TRUE && !always(u))
			fuzz_fail("rule %s: true with no figure there", u->id);
	}
	rules_free(&r);
	return 0;
}
