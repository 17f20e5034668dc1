#!/bin/sh
# make demo: a simulated round on the embedded questionnaire.  A dozen
# participants in three groups answer with ask, some with arguments, some
# typed in on standard input, some in Dutch, all appending to one file at
# once, as they would on a shared drive.  Two more fill in a form sent by
# mail and reply; one changes her mind later.  collect gathers it all and
# says who, on the roster, has not answered yet.
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

# Two answer by mail: the form goes out, comes back filled in as a reply.
mkdir -p "$work/Maildir/cur" "$work/Maildir/new" "$work/Maildir/tmp"
ask --form -p mona -g admin | sed -e 's/^\[ \] 2\. Our social/[x] 2. Our social/' \
    -e 's/^\[ \] 2\. An open/[x] 2. An open/' -e 's/^\[ \] 1\. In a .hard/[x] 1. In a '"'"'hard/' \
    -e 's/^\[ \] 3\. Social media guidelines/[X] 3. Social media guidelines/' \
    -e 's/^\[ \] 2\. A number/[x] 2. A number/' > "$work/mona.txt"
{
	printf 'From: Mona <mona@example.org>\nDate: Wed, 26 Nov 2026 10:15:00 +0100\n'
	printf 'Subject: Re: where do you stand?\n\nHere you go.\n\n'
	sed 's/^/> /' "$work/mona.txt"
} > "$work/Maildir/cur/1764148500.mona"
ask --form -p nele -g youth-work | awk '
	/^continuum: / { c = $2 }
	/^percent:/ { if (c == "steering") $0 = "percent: 90"; if (c == "openness") $0 = "percent: 85" }
	/^\[ \] 2\./ && (c == "enforcement") { sub(/^\[ \]/, "[x]") }
	/^\[ \] 4\./ && (c == "legal") { sub(/^\[ \]/, "[x]") }
	/^\[ \] 3\./ && (c == "audience") { sub(/^\[ \]/, "[x]") }
	/^note:/ && (c == "audience") { $0 = "note: our volunteers post too" }
	{ print }' > "$work/nele.txt"
{
	printf 'From: Nele <nele@example.org>\nDate: Wed, 26 Nov 2026 14:02:00 +0000\n\n'
	cat "$work/nele.txt"
} > "$work/Maildir/new/1764165720.nele"

# After the meeting, Ilse moves on two continua: the later answers win.
STANCE_NOW=2026-11-27T16:00:00Z ask -p ilse -g admin -o "$round" steering=2 \
    'openness=2 after hearing youth work' enforcement=1.5 legal=2 audience=3

# The roster: everyone who should answer.
for p in an:direction bert:direction carine:direction dirk:direction \
    els:youth-work fien:youth-work gert:youth-work hanne:youth-work nele:youth-work \
    olivia:youth-work ilse:admin jan:admin kato:admin lore:admin mona:admin pieter:admin; do
	printf '%s\t%s\t%s@example.org\t-\n' "${p%%:*}" "${p#*:}" "${p%%:*}"
done > "$work/roster.tsv"

echo "== collect: the round's answers from the shared file and the Maildir"
collect -v --roster "$work/roster.tsv" "$round" "$work/Maildir" > "$work/answers.tsv" 2> "$work/collect.log"
sed "s|$work/||" "$work/collect.log"
cat "$work/answers.tsv"
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
	}' "$work/answers.tsv"
echo
echo "== collect --status: who answered how much, and when"
collect --roster "$work/roster.tsv" --status "$round" "$work/Maildir"
echo
echo "== collect --missing: the roster lines of those still to answer"
collect --roster "$work/roster.tsv" --missing "$round" "$work/Maildir"
echo
echo "== aggregate: where the group stands on each continuum, and whether it agrees"
aggregate "$work/answers.tsv" | cut -f3,4,6,10,13,14,15,16,17
echo
echo "== aggregate --by-group: per group; groups under five are kept private"
aggregate --by-group "$work/answers.tsv" | awk -F'\t' 'NR == 1 || $3 == "steering"' | cut -f2-4,6,10,16
echo
echo "== chart: the first continuum, as the worksheet shows it"
aggregate --by-group "$work/answers.tsv" | chart -w 80 | awk '/^2 / { exit } { print }'
echo "$(cut -f2 "$work/answers.tsv" | sort -u | wc -l | tr -d ' ') participants, $(wc -l < "$work/answers.tsv" | tr -d ' ') answers."
echo
echo "== remind --dry-run: the reminders those still missing would get (headers only)"
collect --roster "$work/roster.tsv" --missing "$round" "$work/Maildir" |
    remind -r demo --from facilitator@example.org --until 2026-12-01T17:00Z --dry-run |
    grep -E '^(From |To:|Subject:)'
echo
echo "== recommend: what the policy must contain, and where the group must talk first"
aggregate --by-group "$work/answers.tsv" | recommend -w 80 --employer private --staff 14
