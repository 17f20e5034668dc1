#!/bin/sh
# make demo: a simulated round on the embedded questionnaire.  A dozen
# participants in three groups answer with ask, some with arguments, some
# typed in on standard input, some in Dutch, all appending to one file at
# once, as they would on a shared drive.  Later programs extend this down
# the pipeline.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
round=$work/round.tsv

export STANCE_ROUND=demo STANCE_NOW=2026-11-25T09:30:00Z LC_ALL=C

# The direction wants rules, control and lawyers; youth work wants a vision
# for everyone; the admin team is split.  Everyone at once, in parallel.
ask -p an -g direction -o "$round" steering=1 openness=1 enforcement=1 legal=1 'audience=1 only the spokespeople' &
ask -p bert -g direction -o "$round" steering=1.5 openness=30% enforcement=1 legal=2 audience=2 &
ask -p carine -g direction -o "$round" 'steering=2 rules where it matters' openness=1.5 enforcement=1.5 legal=1 audience=2 &
ask -p dirk -g direction -o "$round" steering=1 openness=- enforcement=1 legal=2 audience=1 &
ask -p els -g youth-work -o "$round" steering=3 openness=2 'enforcement=2 educate, do not punish' legal=4 audience=3 &
ask -p fien -g youth-work -o "$round" steering=2.5 openness=2 enforcement=2 legal=3 audience=3 &
ask -p gert -g youth-work -L nl -o "$round" steering=3 openness=90% enforcement=2 legal=3.5 'audience=3 iedereen, ook vrijwilligers' &
ask -p hanne -g youth-work -o "$round" steering=3 openness=2 enforcement=- legal=4 audience=3 &
wait
printf '%s\n' '1' '2 open, but with a few firm lines' '1' '2' '3' | ask -p ilse -g admin -o "$round"
printf '%s\n' '3' '1' '2 soft' '4' '1' | ask -p jan -g admin -o "$round"
printf '%s\n' '2' '50%' '-' '2.5' '2' | ask -p kato -g admin -L nl -o "$round"
printf '%s\n' '2' '1.5' '1.5' '3' '2 not everyone needs the details' | ask -p lore -g admin -o "$round"

echo "== The round's answers, as collected in one file (stance-responses(5)), sorted"
LC_ALL=C sort -t "$(printf '\t')" -k2,2 -s "$round"
echo
echo "== Per continuum: answers, no opinion, lowest, highest, mean"
awk -F '\t' '
	!seen[$4]++ { order[++n] = $4 }
	$5 == "-" { none[$4]++; next }
	{ count[$4]++; sum[$4] += $5
	  if (!($4 in low) || $5 < low[$4]) low[$4] = $5
	  if (!($4 in high) || $5 > high[$4]) high[$4] = $5 }
	END {
		printf "%-12s %7s %10s %7s %7s %7s\n", "continuum", "answers", "no opinion", "lowest", "highest", "mean"
		for (i = 1; i <= n; i++) { c = order[i]
			printf "%-12s %7d %10d %7s %7s %7.1f\n", c, count[c], none[c], low[c], high[c], sum[c] / count[c] }
	}' "$round"
echo
echo "$(cut -f2 "$round" | sort -u | wc -l | tr -d ' ') participants, $(wc -l < "$round" | tr -d ' ') lines."
