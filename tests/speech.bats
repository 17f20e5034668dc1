#!/usr/bin/env bats
# What a split room looks like, in every program that says it: rounds
# whose continua are the cases of issue 17 and consensus-measures.md 5b
# (an even spread, the closed camp at 0, two at hard who must not vanish,
# 8 against 8, a lopsided 2 against 14; three camps, nine against one,
# two statements), with golden output of aggregate, chart, recommend and
# ask --feedback in English and Dutch.  tests/fixtures/speech/
# make-fixtures.sh writes them anew.

load test_helper

S=$FIXTURES/speech

@test "aggregate: the camps of every case, and --merge of the rounds gives them again" {
	for r in a b; do
		run -0 aggregate --by-group --min-group 3 "$S/$r.tsv"
		assert_golden "$S/$r.agg"
		aggregate --partial "$S/$r.tsv" > "$BATS_TEST_TMPDIR/$r.partial"
		run -0 aggregate --merge --by-group --min-group 3 "$BATS_TEST_TMPDIR/$r.partial"
		assert_golden "$S/$r.agg"
	done
	camps() { awk -F'\t' -v c="$2" '$2 == "*" && $3 == c { print $16, $19 }' "$S/$1.agg"; }
	assert_equal "$(camps a steering)" "divided 16:49.5:2"
	assert_equal "$(camps a openness)" "leaning 2:0:1,1:40:1,13:100:2"
	assert_equal "$(camps a enforcement)" "divided 2:0:1,3:50:1,11:100:2"
	assert_equal "$(camps a legal)" "polarised 8:0:1,8:100:4"
	assert_equal "$(camps a audience)" "leaning 2:10:1,14:90:3"
	assert_equal "$(camps b steering)" "divided 3:0:1,4:50:2,3:100:3"
	assert_equal "$(camps b enforcement)" "consensus 9:30:1,1:90:2"
	assert_equal "$(camps b legal)" "divided 5:0:1,5:33.3:2"
}

@test "chart: a split room by its camps, a pole only in the outer quarter, whole points" {
	for r in a b; do
		for l in en nl; do
			run -0 chart -L "$l" -w 100 "$S/$r.agg"
			assert_golden "$S/golden/$r.chart.$l.txt"
		done
	done
	run -0 chart -w 200 "$S/a.agg"
	printf '%s\n' "$output" | grep -qx '               n 16 · polarised: 8 at lawyers lead, 8 at informal advice · median 50 · middle half 0–100'
	printf '%s\n' "$output" | grep -qx '               n 16 · divided: spread over the line · median 50 · middle half 25–75'
	printf '%s\n' "$output" | grep -qx '               n 16 · divided: 2 at hard, 3 halfway between statements 1 and 2, 11 at soft · median 100 · middle half 50–100'
	run -0 chart -w 200 "$S/b.agg"
	printf '%s\n' "$output" | grep -qx '               n 9, 1 no opinion · median 45 · middle half 40–55 · fair agreement, around statement 2'
	# No decimals in the words, anywhere.
	! chart -w 200 "$S/a.agg" "$S/b.agg" | grep -E 'median [0-9]+[.,][0-9]|half [0-9]+[.,][0-9]'
}

@test "recommend: camps with their statements and groups; no median quoted as where a split room stands" {
	for r in a b; do
		for l in en nl; do
			run -0 recommend -L "$l" -w 80 "$S/$r.agg"
			assert_golden "$S/golden/$r.recommend.$l.txt"
		done
	done
	run -0 recommend -w 1000 "$S/a.agg"
	printf '%s\n' "$output" | grep -qx 'The group is polarised: 8 at lawyers lead, 8 at informal advice (median 50, middle half 0–100 (IQR 100), 16 answers). No single advice: talk this through first (below).'
	printf '%s\n' "$output" | grep -qx '8 at lawyers lead (median 0): “Lawyers lead the drafting of the social media guidelines.” Mainly direction (8 of 8).'
	printf '%s\n' "$output" | grep -qx '2 at hard (median 0): “In a '"'hard'"' social media policy, good follow-up and control are central, and sanctions may be possible.” Mainly direction (2 of 2).'
	printf '%s\n' "$output" | grep -qx 'Spread over the line, no camps: ask each where they stand and why before looking for a middle.'
	# A split room's sentence quotes no statement as where it stands.
	! printf '%s\n' "$output" | grep -E '^The group is (divided|polarised).*Nearest statement'
}

@test "ask --feedback: the verdict first, a split room by its camps" {
	for r in a b; do
		for l in en nl; do
			ask -L "$l" --form -r next -p p01 -g direction --feedback "$S/$r.agg" 2> /dev/null |
			    awk '/^(Last round|Vorige ronde)/ { s = $0
			        while ((getline l) > 0 && l != "" && l !~ /^\[/) s = s " " l
			        print s }' > "$BATS_TEST_TMPDIR/got"
			diff -u "$S/golden/$r.feedback.$l.txt" "$BATS_TEST_TMPDIR/got"
		done
	done
}
