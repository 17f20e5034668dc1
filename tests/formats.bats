#!/usr/bin/env bats
# The shared format parsers, each with its error cases, through the
# tests/formatcheck driver: questionnaire, response lines, roster,
# positions, answers and timestamps.

load test_helper

setup() {
	cd "$FIXTURES/formats"
}

@test "the embedded English questionnaire is the worksheet, canonically written" {
	run -0 ask --print-questionnaire
	assert_golden "$TOP/src/questionnaire-en.txt"
}

@test "the embedded Dutch questionnaire parses and prints unchanged" {
	run -0 ask -L nl --print-questionnaire
	assert_golden "$TOP/src/questionnaire-nl.txt"
}

@test "both languages share continuum ids and anchor counts" {
	for l in en nl; do
		ask -L $l --print-questionnaire | awk -F': ' '
		    $1 == "continuum" { if (id) printf "%s %d\n", id, n; id = $2; n = 0 }
		    $1 == "anchor" { n++ }
		    END { printf "%s %d\n", id, n }' > "$BATS_TEST_TMPDIR/$l"
	done
	diff -u - "$BATS_TEST_TMPDIR/en" <<-END
	steering 3
	openness 2
	enforcement 2
	legal 4
	audience 3
	END
	diff -u "$BATS_TEST_TMPDIR/en" "$BATS_TEST_TMPDIR/nl"
}

@test "the Dutch questionnaire has the typos of the worksheet corrected" {
	run -0 ask -L nl --print-questionnaire
	[[ $output == *mediarichtlijnen* && $output == *concretiseren* ]]
	[[ $output != *rijchlijnen* && $output != *concreetiseren* ]]
}

@test "a questionnaire with comments and wrapped lines reads canonically" {
	run -0 formatcheck questionnaire custom.questionnaire
	assert_golden custom.expected
}

@test "a canonical questionnaire prints back unchanged" {
	run -0 formatcheck questionnaire custom.expected
	assert_golden custom.expected
}

@test "every mistake in a questionnaire is reported with its line" {
	run -1 --separate-stderr formatcheck questionnaire bad.questionnaire
	[ -z "$output" ]
	diff -u bad.expected <(printf '%s\n' "$stderr")
}

@test "a questionnaire without a header, or without continua, is refused" {
	printf 'continuum: x\nquestion: q\nleft: a\nright: b\nanchor: 1\nanchor: 2\n' > "$BATS_TEST_TMPDIR/noheader"
	run -1 formatcheck questionnaire "$BATS_TEST_TMPDIR/noheader"
	assert_output_is <<-END
	formatcheck: $BATS_TEST_TMPDIR/noheader:1: continuum before the header record (questionnaire:, title:, lang:)
	END
	printf 'questionnaire: x\ntitle: t\nlang: en\n' > "$BATS_TEST_TMPDIR/nocontinua"
	run -1 formatcheck questionnaire "$BATS_TEST_TMPDIR/nocontinua"
	assert_output_is <<-END
	formatcheck: $BATS_TEST_TMPDIR/nocontinua: no continua
	END
	: > "$BATS_TEST_TMPDIR/empty"
	run -1 formatcheck questionnaire "$BATS_TEST_TMPDIR/empty"
	assert_output_is <<-END
	formatcheck: $BATS_TEST_TMPDIR/empty: no header record (questionnaire:, title:, lang:)
	END
}

@test "a questionnaire with bad bytes is reported, line by line" {
	printf 'questionnaire: x\ntitle: caf\xe9\nlang: en\x00\n' > "$BATS_TEST_TMPDIR/bytes"
	run -1 formatcheck questionnaire "$BATS_TEST_TMPDIR/bytes"
	assert_output_is <<-END
	formatcheck: $BATS_TEST_TMPDIR/bytes:2: line is not valid UTF-8
	formatcheck: $BATS_TEST_TMPDIR/bytes:3: line contains a NUL byte
	formatcheck: $BATS_TEST_TMPDIR/bytes:1: record has no 'title:' line
	formatcheck: $BATS_TEST_TMPDIR/bytes:1: record has no 'lang:' line
	END
}

@test "valid response lines: comments, CRLF, escapes, UTF-8, no final newline" {
	run -0 formatcheck responses good.responses
	assert_golden good.expected
}

@test "every kind of bad response line is named, and the good line still goes through" {
	run -1 --separate-stderr formatcheck responses bad.responses
	diff -u bad-responses.expected <(printf '%s\n' "$stderr")
	assert_output_is <<-END
	1	ann	-	steering	50	2026-11-25T09:30:00Z	ok
	END
}

@test "a 1 MiB note is read whole" {
	note=$(head -c 1048576 /dev/zero | tr '\0' 'x')
	printf '1\tann\t-\tsteering\t50\t2026-11-25T09:30:00Z\t%s\n' "$note" > "$BATS_TEST_TMPDIR/long"
	run -0 formatcheck responses "$BATS_TEST_TMPDIR/long"
	cmp <(printf '%s\n' "$output") "$BATS_TEST_TMPDIR/long"
}

@test "a roster with comments, unknowns, UTF-8 names and CRLF" {
	run -0 formatcheck roster good.roster
	assert_golden good-roster.expected
}

@test "bad roster lines and a second line for one participant are reported" {
	run -1 --separate-stderr formatcheck roster bad.roster
	diff -u bad-roster.expected <(printf '%s\n' "$stderr")
	assert_output_is <<-END
	1 [ann] [staff] [ann@example.org] [Ann]
	8 [gert] [staff] [-] [Gert]
	END
}

@test "anchors are evenly spaced and written with one decimal" {
	run -0 formatcheck anchors 2
	assert_equal "$output" "0 100"
	run -0 formatcheck anchors 3
	assert_equal "$output" "0 50 100"
	run -0 formatcheck anchors 4
	assert_equal "$output" "0 33.3 66.7 100"
	run -0 formatcheck anchors 7
	assert_equal "$output" "0 16.7 33.3 50 66.7 83.3 100"
}

@test "answers: anchor numbers, fractions, percentages and no opinion" {
	run -0 formatcheck answer 4 1 2 4 2.5 1.5 3.25 '2,5' 40% 33.3% '66,7%' 0% 100% 100.0% -
	assert_output_is <<-'END'
	1: 0
	2: 33.3
	4: 100
	2.5: 50
	1.5: 16.7
	3.25: 75
	2,5: 50
	40%: 40
	33.3%: 33.3
	66,7%: 66.7
	0%: 0
	100%: 100
	100.0%: 100
	-: -
	END
}

@test "answers that are not answers, each with its reason" {
	run -1 formatcheck answer 3 0 4 3.01 0.5 x '' 101% 33.33% -5% % 2. .5 1e1 ' 2' 2x --
	assert_output_is <<-'END'
	0: no such anchor
	4: no such anchor
	3.01: no such anchor
	0.5: no such anchor
	x: not an anchor number, a percentage or -
	: not an anchor number, a percentage or -
	101%: a percentage lies between 0% and 100%
	33.33%: a percentage is a number from 0 to 100 with at most one decimal
	-5%: a percentage is a number from 0 to 100 with at most one decimal
	%: a percentage is a number from 0 to 100 with at most one decimal
	2.: not an anchor number, a percentage or -
	.5: not an anchor number, a percentage or -
	1e1: not an anchor number, a percentage or -
	 2: not an anchor number, a percentage or -
	2x: not an anchor number, a percentage or -
	--: not an anchor number, a percentage or -
	END
}

@test "positions in response lines: 0 to 100, one decimal, or -" {
	run -1 formatcheck position 0 50 50.0 33.3 100 100.0 - 100.1 101 33.33 -1 .5 5. 1000 '' ' 5' 05
	assert_output_is <<-'END'
	0: 0
	50: 50
	50.0: 50
	33.3: 33.3
	100: 100
	100.0: 100
	-: -
	100.1: bad
	101: bad
	33.33: bad
	-1: bad
	.5: bad
	5.: bad
	1000: bad
	: bad
	 5: bad
	05: 5
	END
}

@test "timestamps are real UTC times" {
	run -1 formatcheck timestamp 2026-11-25T09:30:00Z 2024-02-29T23:59:59Z 2023-02-29T12:00:00Z \
	    2026-13-01T00:00:00Z 2026-11-25T24:00:00Z 2026-11-25T09:60:00Z 2026-11-25T09:30:00 \
	    2026-11-25t09:30:00z 2026-11-25T09:30:00+01:00 2026-04-31T00:00:00Z \
	    1900-02-29T00:00:00Z 2000-02-29T00:00:00Z
	assert_output_is <<-'END'
	2026-11-25T09:30:00Z: valid
	2024-02-29T23:59:59Z: valid
	2023-02-29T12:00:00Z: bad
	2026-13-01T00:00:00Z: bad
	2026-11-25T24:00:00Z: bad
	2026-11-25T09:60:00Z: bad
	2026-11-25T09:30:00: bad
	2026-11-25t09:30:00z: bad
	2026-11-25T09:30:00+01:00: bad
	2026-04-31T00:00:00Z: bad
	1900-02-29T00:00:00Z: bad
	2000-02-29T00:00:00Z: valid
	END
}

@test "messages are Dutch when the environment's language is" {
	LC_ALL=nl_BE.UTF-8 run -1 --separate-stderr formatcheck responses bad.responses
	assert_equal "$(printf '%s\n' "$stderr" | sed -n 3p)" "formatcheck: bad.responses:3: positie 140 ligt buiten 0-100"
	LC_ALL= LC_MESSAGES= LANG=nl_NL run -1 --separate-stderr formatcheck responses bad.responses
	assert_equal "$(printf '%s\n' "$stderr" | sed -n 8p)" "formatcheck: bad.responses:8: deelnemer 'an n' bevat witruimte"
	LC_ALL= LC_MESSAGES=en_GB LANG=nl_NL run -1 --separate-stderr formatcheck responses bad.responses
	assert_equal "$(printf '%s\n' "$stderr" | sed -n 8p)" "formatcheck: bad.responses:8: participant 'an n' contains white space"
}

@test "a questionnaire saved with a byte-order mark reads the same" {
	printf '\xef\xbb\xbf' | cat - custom.questionnaire > "$BATS_TEST_TMPDIR/bom"
	run -0 formatcheck questionnaire "$BATS_TEST_TMPDIR/bom"
	assert_golden custom.expected
}

@test "out of memory is said without memory: prog: out of memory, exit 2" {
	# Sanitizers and valgrind reserve more address space than the limit.
	if nm "$TOP/bin/ask" 2> /dev/null | grep -q __asan_init || [ -n "${STANCE_VALGRIND:-}" ]; then
		skip "this build reserves more address space than the limit"
	fi
	awk 'BEGIN { print "questionnaire: big\ntitle: Big\nlang: en\n"
	    for (i = 0; i < 100000; i++) printf "continuum: c%d\nquestion: Q%d?\nleft: a\nright: b\nanchor: one\nanchor: two\n\n", i, i }' > "$BATS_TEST_TMPDIR/big.txt"
	run -2 --separate-stderr sh -c 'ulimit -v 40000; exec ask -q "$1" --print-questionnaire' _ "$BATS_TEST_TMPDIR/big.txt"
	assert_equal "$stderr" "ask: out of memory"
	run -2 --separate-stderr sh -c 'ulimit -v 40000; exec aggregate -L nl -q "$1" /dev/null' _ "$BATS_TEST_TMPDIR/big.txt"
	assert_equal "$stderr" "aggregate: onvoldoende geheugen"
	# Without the limit it reads.
	run -0 ask -q "$BATS_TEST_TMPDIR/big.txt" --print-questionnaire
}

@test "the system's words for an error follow the language of the messages" {
	run -2 --separate-stderr recommend -L nl /nonexistent/rows
	assert_equal "$stderr" "recommend: /nonexistent/rows: Bestand of map bestaat niet"
	run -2 --separate-stderr recommend -L en /nonexistent/rows
	assert_equal "$stderr" "recommend: /nonexistent/rows: No such file or directory"
	[ -w /dev/full ] || skip "no /dev/full here"
	run -2 --separate-stderr sh -c "chart -L nl '$FIXTURES/chart/groups.agg' > /dev/full"
	assert_equal "$stderr" "chart: schrijffout op standaarduitvoer: Geen ruimte meer over op apparaat"
	run -2 --separate-stderr sh -c "aggregate -L nl '$FIXTURES/chart/round.tsv' > /dev/full"
	assert_equal "$stderr" "aggregate: schrijffout op standaarduitvoer: Geen ruimte meer over op apparaat"
}
