#!/bin/sh
# make bench: speed, as ratios against standard tools timed in the same
# run on the same machine, so the numbers mean something anywhere.  Not
# part of make check: timings do not belong in pass/fail tests.
#
#   ask      a scripted ask is a process start and nothing more: N runs
#            of it against N runs of `cat | wc -l` on the same answers.
#            Target: no slower than that two-process pipeline.
#   collect  10 million response lines (2 million participants x 5
#            continua, in scrambled order, 200,000 answers given again
#            later) against `LC_ALL=C sort -u` on the key fields and an
#            awk "last one wins", on the same file.  Targets: faster than
#            sort -u; peak memory no larger than the input.
#   aggregate  collect's 10 million lines against `cat | wc -l` (the
#            floor), datamash's grouped statistics and an awk mean and sd,
#            on the same file.  Targets: within 2x the floor, at least 10x
#            faster than datamash, peak memory under 4 MB.
#   shapes   inputs shaped to make a program's work grow faster than its
#            input: 20,000 rounds and 16,000 groups for aggregate, 50,000
#            rows for chart, 100,000 continua in a questionnaire.  Each is
#            timed at a tenth of its size too.  Targets: ten times the
#            input takes at most twenty times as long (linear, with room
#            for noise; quadratic would be a hundred); aggregate no slower
#            than twice datamash on the same grouping, in under 32 MB.
#   web      a meeting's burst through lighttpd (tests/web-burst.py):
#            500 people's five answers each within ten seconds, then all
#            at once.  Targets: p99 latency under 100 ms, the CGI's own
#            work under 5 ms a request, nothing lost or torn.
#
# BENCH_RUNS and BENCH_PARTICIPANTS scale the two down for a quick look.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
PATH=$top/bin:$PATH
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export LC_ALL=C STANCE_NOW=2026-11-25T09:30:00Z
runs=${BENCH_RUNS:-1000}

now() { date +%s%N; }

# Time `runs` repetitions of a command line; prints nanoseconds per run.
per_run() {
	start=$(now)
	i=0
	while [ $i -lt "$runs" ]; do
		eval "$1"
		i=$((i + 1))
	done
	echo $(( ($(now) - start) / runs ))
}

printf '%s\n' 1 '2 a note' - 33.3% 2.5 > "$work/answers"
ms() { awk -v ns="$1" 'BEGIN { printf "%.3f ms", ns / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "ask: $runs runs each"
base=$(per_run 'cat < "$work/answers" | wc -l > /dev/null')
args=$(per_run 'ask -p bench steering=1 "openness=2 a note" enforcement=- legal=33.3% audience=2.5 > /dev/null')
stdin=$(per_run 'ask -p bench < "$work/answers" > /dev/null')
# A participant each, as in a real round: the same one again would be
# warned about (and ask reads the file for that, as it grows).
append=$(per_run 'ask -p "bench$i" -o "$work/round.tsv" < "$work/answers"')
printf '  %-34s %s\n' "cat | wc -l (baseline)" "$(ms "$base")"
printf '  %-34s %s  %sx baseline\n' "ask, answers as arguments" "$(ms "$args")" "$(ratio "$args" "$base")"
printf '  %-34s %s  %sx baseline\n' "ask, answers on standard input" "$(ms "$stdin")" "$(ratio "$stdin" "$base")"
printf '  %-34s %s  %sx baseline\n' "ask -o, locked append" "$(ms "$append")" "$(ratio "$append" "$base")"
worst=$append
[ "$args" -gt "$worst" ] && worst=$args
[ "$stdin" -gt "$worst" ] && worst=$stdin
if [ "$worst" -le "$base" ]; then
	echo "  target (no slower than cat | wc -l): met"
else
	echo "  target (no slower than cat | wc -l): NOT met"
fi
[ "$(wc -l < "$work/round.tsv")" -eq $((runs * 5)) ] || { echo "bench: lines were lost" >&2; exit 2; }

participants=${BENCH_PARTICIPANTS:-2000000}
input=$work/lines.tsv
echo
echo "collect: generating $participants participants x 5 continua"
awk -v n="$participants" 'BEGIN {
	split("steering openness enforcement legal audience", c, " ")
	# A multiplier prime to n scrambles the order of the participants.
	for (i = 0; i < n; i++) {
		p = (i * 1299709) % n
		for (k = 1; k <= 5; k++)
			printf "2026-spring\tp%07d\tteam-%d\t%s\t%d\t2026-11-%02dT%02d:%02d:00Z\t\n",
			    p, p % 7, c[k], (p * 7 + k * 13) % 101, 20 + p % 5, p % 24, k * 7
	}
	for (i = 0; i < n; i += 10) {
		p = (i * 7919) % n
		printf "2026-spring\tp%07d\tteam-%d\topenness\t%d\t2026-11-26T08:00:00Z\tchanged my mind\n",
		    p, p % 7, (p * 3) % 101
	}
}' > "$input"
bytes=$(wc -c < "$input")
echo "  input: $(wc -l < "$input" | tr -d ' ') lines, $((bytes / 1048576)) MiB"

# Seconds and peak resident KiB of a command, through GNU time.
measure() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/out" 2> /dev/null
		cat "$work/time"
	else
		start=$(now)
		"$@" > "$work/out" 2> /dev/null
		echo "$(awk -v ns=$(( $(now) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }') 0"
	fi
}

tab=$(printf '\t')
set -- $(measure collect "$input")
collect_s=$1 collect_kb=$2
cp "$work/out" "$work/answers.tsv"
written=$(wc -l < "$work/out")
[ "$written" -eq $((participants * 5)) ] || { echo "bench: collect wrote $written lines" >&2; exit 2; }
set -- $(measure env LC_ALL=C sort -t "$tab" -k1,2 -k4,4 -u "$input")
sort_s=$1 sort_kb=$2
printf '  %-34s %6.2f s  %7d MiB peak\n' "collect" "$collect_s" $((collect_kb / 1024))
printf '  %-34s %6.2f s  %7d MiB peak\n' "LC_ALL=C sort -u (key fields)" "$sort_s" $((sort_kb / 1024))
for awk in mawk gawk; do
	command -v $awk > /dev/null || continue
	set -- $(measure $awk -F "$tab" '{ k = $1 FS $2 FS $4; if (!(k in t) || $6 >= t[k]) { t[k] = $6; l[k] = $0 } }
	    END { for (k in l) print l[k] }' "$input")
	printf '  %-34s %6.2f s  %7d MiB peak\n' "$awk, last one wins (unsorted)" "$1" $(($2 / 1024))
done
echo "  collect: $(ratio "$collect_s" "$sort_s")x the time of sort -u; peak memory $(ratio "$collect_kb" $((bytes / 1024)))x the input"
if awk -v a="$collect_s" -v b="$sort_s" 'BEGIN { exit !(a < b) }'; then
	echo "  target (faster than sort -u): met"
else
	echo "  target (faster than sort -u): NOT met"
fi
if [ "$collect_kb" -eq 0 ]; then
	echo "  target (peak memory no larger than the input): not measured (no /usr/bin/time)"
elif [ "$collect_kb" -le $((bytes / 1024)) ]; then
	echo "  target (peak memory no larger than the input): met"
else
	echo "  target (peak memory no larger than the input): NOT met"
fi

echo
answers=$work/answers.tsv
echo "aggregate: collect's $(wc -l < "$answers" | tr -d ' ') lines"
# The lines are in the page cache from collect's run: every command below
# reads them alike.
set -- $(measure sh -c 'cat "$1" | wc -l' _ "$answers")
floor_s=$1
set -- $(measure aggregate "$answers")
aggregate_s=$1 aggregate_kb=$2
printf '  %-34s %6.2f s\n' "cat | wc -l (the floor)" "$floor_s"
printf '  %-34s %6.2f s  %7d KiB peak\n' "aggregate" "$aggregate_s" "$aggregate_kb"
set -- $(measure aggregate --by-group "$answers")
printf '  %-34s %6.2f s  %7d KiB peak\n' "aggregate --by-group" "$1" "$2"
datamash_s=
if command -v datamash > /dev/null; then
	set -- $(measure sh -c 'awk -F "\t" "\$5 != \"-\"" "$1" | datamash -s -g 1,4 count 5 mean 5 sstdev 5 min 5 q1 5 median 5 q3 5 max 5' _ "$answers")
	datamash_s=$1
	printf '  %-34s %6.2f s  %7d KiB peak\n' "datamash -s -g 1,4 (same figures)" "$1" "$2"
fi
for awk in mawk gawk; do
	command -v $awk > /dev/null || continue
	set -- $(measure $awk -F "$tab" '$5 != "-" { k = $1 FS $4; n[k]++; s[k] += $5; q[k] += $5 * $5 }
	    END { for (k in n) print k, s[k] / n[k], (n[k] > 1 ? sqrt((q[k] - s[k] * s[k] / n[k]) / (n[k] - 1)) : 0) }' "$answers")
	printf '  %-34s %6.2f s  %7d KiB peak\n' "$awk, mean and sd only" "$1" $(($2))
done
echo "  aggregate: $(ratio "$aggregate_s" "$floor_s")x the floor${datamash_s:+; datamash takes $(ratio "$datamash_s" "$aggregate_s")x as long}"
if awk -v a="$aggregate_s" -v b="$floor_s" 'BEGIN { exit !(a <= 2 * b) }'; then
	echo "  target (within 2x cat | wc -l): met"
else
	echo "  target (within 2x cat | wc -l): NOT met"
fi
if [ -n "$datamash_s" ]; then
	if awk -v a="$aggregate_s" -v d="$datamash_s" 'BEGIN { exit !(10 * a <= d) }'; then
		echo "  target (at least 10x faster than datamash): met"
	else
		echo "  target (at least 10x faster than datamash): NOT met"
	fi
fi
if [ "$aggregate_kb" -eq 0 ]; then
	echo "  target (peak memory under 4 MB): not measured (no /usr/bin/time)"
elif [ "$aggregate_kb" -lt 4096 ]; then
	echo "  target (peak memory under 4 MB): met"
else
	echo "  target (peak memory under 4 MB): NOT met"
fi

echo
echo "shapes: work that must grow no faster than the input"
steering="steering openness enforcement legal audience"
# rounds N: N rounds, one answer on each continuum; groups N likewise.
make_rounds() {
	awk -v n="$1" -v c="$steering" 'BEGIN { split(c, k, " ")
	    for (r = 0; r < n; r++) for (j = 1; j <= 5; j++)
	        printf "r%06d\tp\tg\t%s\t%d\t2026-11-25T09:30:00Z\t\n", r, k[j], (r * 7 + j) % 101 }'
}
make_groups() {
	awk -v n="$1" -v c="$steering" 'BEGIN { split(c, k, " ")
	    for (g = 0; g < n; g++) for (j = 1; j <= 5; j++)
	        printf "r1\tp%06d\tg%06d\t%s\t%d\t2026-11-25T09:30:00Z\t\n", g, g, k[j], (g * 7 + j) % 101 }'
}
# rows N: aggregate's rows of N/5 groups of five people.
make_rows() {
	awk -v n="$1" -v c="$steering" 'BEGIN { split(c, k, " ")
	    for (g = 0; g < n / 5; g++) for (p = 0; p < 5; p++) for (j = 1; j <= 5; j++)
	        printf "r1\tp%06d-%d\tg%06d\t%s\t%d\t2026-11-25T09:30:00Z\t\n", g, p, g, k[j], (g * 7 + p * 13 + j) % 101 }' |
	    aggregate --by-group --min-group 3
}
make_continua() {
	awk -v n="$1" 'BEGIN { print "questionnaire: big\ntitle: Big\nlang: en\n"
	    for (i = 0; i < n; i++) printf "continuum: c%d\nquestion: Q%d?\nleft: a\nright: b\nanchor: one\nanchor: two\n\n", i, i }'
}
# shape NAME N COMMAND...: the command on make_NAME N and N/10; prints the
# times, the peak and the ratio, and whether growth is linear.
shape() {
	name=$1 n=$2
	shift 2
	make_$name "$n" > "$work/big"
	make_$name $((n / 10)) > "$work/small"
	set -- $(measure "$@" "$work/small") "$@"
	small_s=$1
	shift 2
	set -- $(measure "$@" "$work/big") "$@"
	big_s=$1 big_kb=$2
	printf '  %-34s %6.2f s  %7d KiB peak (a tenth: %.2f s)\n' "$label" "$big_s" "$big_kb" "$small_s"
	# Times under a hundredth of a second are rounded to it.
	if awk -v b="$big_s" -v s="$small_s" 'BEGIN { if (s < 0.01) s = 0.01; exit !(b <= 20 * s) }'; then
		echo "    target (ten times the input, at most twenty times as long): met"
	else
		echo "    target (ten times the input, at most twenty times as long): NOT met"
	fi
	shape_kb=$big_kb shape_s=$big_s
}
aggregate_shape() {
	by=$1
	if [ -n "$datamash_s" ]; then
		set -- $(measure sh -c "datamash -s -g $by count 5 mean 5 sstdev 5 min 5 q1 5 median 5 q3 5 max 5 < \"\$1\"" _ "$work/big")
		printf '  %-34s %6.2f s  %7d KiB peak\n' "datamash -s -g $by (same figures)" "$1" "$2"
		if awk -v a="$shape_s" -v d="$1" 'BEGIN { exit !(a <= 2 * d) }'; then
			echo "    target (no slower than twice datamash): met"
		else
			echo "    target (no slower than twice datamash): NOT met"
		fi
	fi
	if [ "$shape_kb" -gt 0 ] && [ "$shape_kb" -lt 32768 ]; then
		echo "    target (peak memory under 32 MB): met"
	elif [ "$shape_kb" -gt 0 ]; then
		echo "    target (peak memory under 32 MB): NOT met"
	fi
}
label="aggregate --by-group, 20,000 rounds"
shape rounds 20000 aggregate --by-group
aggregate_shape 1,4
label="aggregate --by-group, 16,000 groups"
shape groups 16000 aggregate --by-group
aggregate_shape 3,4
label="chart, 50,000 rows"
shape rows 50000 chart -w 80
label="chart --svg, 50,000 rows"
shape rows 50000 chart --svg
label="ask -q, 100,000 continua"
shape continua 100000 ask --print-questionnaire -q

# A meeting's burst through a real web server: 500 people's five
# answers each within ten seconds, then as many all at once.
echo "ask --web: a meeting's burst through lighttpd"
if command -v lighttpd > /dev/null; then
	python3 "$top/tests/web-burst.py" "$top" "$work/web" "${BENCH_PARTICIPANTS_WEB:-500}" 10 ||
	    echo "    answers lost or torn: NOT met"
else
	echo "  lighttpd is not installed: not measured"
fi
