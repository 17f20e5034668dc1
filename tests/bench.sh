#!/bin/sh
# make bench: speed, as ratios against standard tools timed in the same
# run on the same machine, so the numbers mean something anywhere.  Not
# part of make check: timings do not belong in pass/fail tests.
#
#   ask   a scripted ask is a process start and nothing more: N runs of
#         it against N runs of `cat | wc -l` on the same answers.
#         Target: no slower than that two-process pipeline.
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
append=$(per_run 'ask -p bench -o "$work/round.tsv" < "$work/answers"')
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
