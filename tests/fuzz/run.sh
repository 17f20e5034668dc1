#!/bin/sh
# make fuzz: run each harness for the given seconds, starting from its
# seeds (tests/fuzz/corpus/NAME) and a working corpus that grows between
# runs (tests/fuzz/work/NAME, not kept in git).  An input that crashes a
# harness or breaks a round trip is written to tests/fuzz/regressions/
# NAME/, where make check replays it once the bug is fixed: commit it
# with the fix.  Exit 1 if any harness found one.
seconds=$1
shift
cd "$(dirname "$0")" || exit 2
status=0
for name in "$@"; do
	mkdir -p "work/$name" "regressions/$name" "corpus/$name"
	echo "fuzz: $name for ${seconds}s"
	# -close_fd_mask=3: the programs' own messages would drown
	# libFuzzer's; a crash report is printed all the same.  A whole
	# program's run that exits early leaves its memory behind, by
	# design (program.h): leaks are watched by make check's sanitizer
	# run instead.
	# So that the memory does not pile up either, they run in
	# libFuzzer's fork mode: a child process at a time, each for a
	# while, the coverage carried over.
	leaks=1 fork=0
	case $name in main-*) leaks=0 fork=1 ;; esac
	if ! ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
	    "bin/fuzz-$name" -max_total_time="$seconds" -close_fd_mask=3 -fork=$fork \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -detect_leaks=$leaks \
	    -artifact_prefix="regressions/$name/" "work/$name" "corpus/$name" \
	    > "work/$name.log" 2>&1; then
		status=1
		echo "fuzz: $name FAILED; see tests/fuzz/work/$name.log and tests/fuzz/regressions/$name/"
		tail -n 30 "work/$name.log"
	fi
	grep -E '^stat::number_of_executed_units|^Done' "work/$name.log" | sed "s/^/fuzz: $name: /"
	# Fork mode says it on its last "#executions: cov: ..." line.
	[ "$fork" = 1 ] && grep -E '^#[0-9]+: ' "work/$name.log" | tail -n 1 |
	    sed "s/^#\([0-9]*\):.*/fuzz: $name: executions: \1/"
done
exit $status
