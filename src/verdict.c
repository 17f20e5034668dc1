#include <string.h>

#include "verdict.h"

const struct verdict_info verdict_table[VERDICT_COUNT] = {
	[VERDICT_CONSENSUS] = { "consensus", "consensus", "consensus",
	    "The group agrees: ", "De groep is het eens: ", 1, 0 },
	[VERDICT_LEANING] = { "leaning", "leaning to %s", "neigt naar %s",
	    "The group leans to ", "De groep neigt naar ", 1, 0 },
	[VERDICT_DIVIDED] = { "divided", "divided", "verdeeld",
	    "The group is divided: ", "De groep is verdeeld: ", 1, 1 },
	[VERDICT_POLARISED] = { "polarised", "polarised", "gepolariseerd",
	    "The group is polarised: ", "De groep is gepolariseerd: ", 1, 1 },
	[VERDICT_TOO_FEW] = { "too-few", "too few answers to draw",
	    "te weinig antwoorden om te tekenen", NULL, NULL, 0, 0 },
	[VERDICT_SUPPRESSED] = { "suppressed", "not shown (privacy): too few answers",
	    "niet getoond (privacy): te weinig antwoorden", NULL, NULL, 0, 0 },
	/* A larger group hidden with a smaller one: not for its own size. */
	[VERDICT_WITHHELD] = { "withheld", "not shown (privacy), so that a smaller group cannot be worked out",
	    "niet getoond (privacy), zodat een kleinere groep niet te achterhalen is", NULL, NULL, 0, 0 },
};

int
verdict_find(const char *s, size_t n)
{
	int i;

	for (i = 0; i < VERDICT_COUNT; i++)
		if (strlen(verdict_table[i].name) == n && memcmp(verdict_table[i].name, s, n) == 0)
			return i;
	return -1;
}
