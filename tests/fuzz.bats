#!/usr/bin/env bats
# Every fuzz harness, replayed without libFuzzer on its seeds and on every
# input that ever crashed it or broke a round trip (tests/fuzz/regressions),
# so gcc and plain builds run them too.  make fuzz is where new ones are
# found; see tests/fuzz/fuzz.h.

load test_helper

replay() {
	local name=$1 files
	files=$(find "$TOP/tests/fuzz/corpus/$name" "$TOP/tests/fuzz/regressions/$name" \
	    -type f 2> /dev/null | sort)
	[ -n "$files" ] || { echo "no inputs for $name"; return 1; }
	# The harness's own messages (the parsers' diagnostics) are not
	# the point: only that every input goes through.  A program's run
	# that exits early leaves its memory behind by design (program.h);
	# the rest of the suite watches the programs' leaks.
	case $name in
	main-*) ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
	    run -0 --separate-stderr "$TOP/tests/fuzz/replay-$name" $files ;;
	*) run -0 --separate-stderr "$TOP/tests/fuzz/replay-$name" $files ;;
	esac
}

@test "fuzz replay: questionnaire" { replay questionnaire; }
@test "fuzz replay: response lines" { replay response; }
@test "fuzz replay: roster" { replay roster; }
@test "fuzz replay: forms" { replay form; }
@test "fuzz replay: a form written and read back" { replay form-roundtrip; }
@test "fuzz replay: mail messages and mboxes" { replay mail; }
@test "fuzz replay: answers on stdin and as arguments" { replay answers; }
@test "fuzz replay: timestamps, dates and positions" { replay time; }
@test "fuzz replay: aggregate's partial outputs" { replay partial; }
@test "fuzz replay: aggregate's rows, as chart reads them" { replay figures; }
@test "fuzz replay: recommend's rules and their conditions" { replay rules; }
@test "fuzz replay: recommend's context file" { replay context; }
@test "fuzz replay: remind's messages, read back as collect reads mail" { replay compose; }
@test "fuzz replay: collect --status lines, as remind reads them" { replay progress; }
@test "fuzz replay: remind's log" { replay sentlog; }
@test "fuzz replay: answers typed above a quote" { replay reply; }
@test "fuzz replay: a web request's query and body" { replay request; }
@test "fuzz replay: the reasons file, as edited" { replay reasons; }
@test "fuzz replay: aggregate's main, its rows read back, --partial then --merge as one run" { replay main-aggregate; }
@test "fuzz replay: ask's main, whole answers or none in the round's file" { replay main-ask; }
@test "fuzz replay: chart's main, no line wider than asked" { replay main-chart; }
@test "fuzz replay: collect's main, no answer without that participant's valid token" { replay main-collect; }
@test "fuzz replay: recommend's main, with rules of its own" { replay main-recommend; }
@test "fuzz replay: remind's main run twice, nothing sent twice" { replay main-remind; }

@test "every program has a whole-program harness, replayed here and run by make fuzz" {
	for program in $(sed -n 's/^PROGRAMS *= *//p' "$TOP/Makefile"); do
		[ -f "$TOP/tests/fuzz/fuzz-main-$program.c" ] || { echo "no harness for $program"; return 1; }
		grep -q "replay main-$program;" "$BATS_TEST_FILENAME" || { echo "main-$program not replayed"; return 1; }
		grep -q "main-$program" <(sed -n 's/^PROGRAM_FUZZERS *= *//p' "$TOP/Makefile") ||
		    { echo "main-$program not in PROGRAM_FUZZERS"; return 1; }
	done
}
