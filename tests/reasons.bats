#!/usr/bin/env bats
# The reasons behind the positions (stance-reasons(5)): collect --reasons
# gathers a round's notes per continuum and camp, without names and
# keeping small camps and groups private; the facilitator edits the file;
# ask, remind and recommend --reasons show the edited file back, never
# the notes themselves.

load test_helper

setup() {
	cd "$BATS_TEST_TMPDIR"
	# Round r1: twelve of staff and one of the board.  Enforcement: seven
	# at hard, five at soft, the board's one at hard too; a note replaced
	# later, one of no opinion.  Legal form: ten at one end, two at the
	# other, a camp of two.  Openness: three answered.
	{
		for i in 01 02 03 04 05 06 07; do
			printf 'r1\tp%s\tstaff\tenforcement\t0\t2026-11-20T09:00:00Z\treason %s at hard\n' "$i" "$i"
		done
		for i in 08 09 10 11 12; do
			printf 'r1\tp%s\tstaff\tenforcement\t100\t2026-11-20T09:00:00Z\treason %s at soft\n' "$i" "$i"
		done
		printf 'r1\tboss\tboard\tenforcement\t0\t2026-11-20T09:00:00Z\tas the only director, I want control\n'
		printf 'r1\tp13\tstaff\tenforcement\t-\t2026-11-20T09:00:00Z\tno idea yet\n'
		printf 'r1\tp01\tstaff\tenforcement\t0\t2026-11-20T10:00:00Z\tline one\\nline two\\tand a tab\n'
		for i in 01 02 03 04 05 06 07 08 09 10; do
			printf 'r1\tp%s\tstaff\tlegal\t0\t2026-11-20T09:00:00Z\tlegal %s\n' "$i" "$i"
		done
		printf 'r1\tp11\tstaff\tlegal\t100\t2026-11-20T09:00:00Z\tinformal, please\n'
		printf 'r1\tp12\tstaff\tlegal\t100\t2026-11-20T09:00:00Z\tno lawyers\n'
		for i in 01 02 03; do
			printf 'r1\tp%s\tstaff\topenness\t100\t2026-11-20T09:00:00Z\topen %s\n' "$i" "$i"
		done
		# Direction: two camps a quarter of the line apart, the cut's bound.
		for i in 01 02 03 04 05; do
			printf 'r1\tp%s\tstaff\tsteering\t0\t2026-11-20T09:00:00Z\tat the end %s\n' "$i" "$i"
		done
		for i in 06 07 08 09 10; do
			printf 'r1\tp%s\tstaff\tsteering\t25\t2026-11-20T09:00:00Z\ta quarter in %s\n' "$i" "$i"
		done
		# Audience: five of a group of five, at every bound at once.
		for i in 1 2 3 4 5; do
			printf 'r1\ty%s\tyouth\taudience\t100\t2026-11-20T09:00:00Z\tall of us %s\n' "$i" "$i"
		done
	} > r1.tsv
}

@test "gathering: per continuum and camp, in byte order, no camp, group or row too small, no replaced note" {
	run -0 --separate-stderr collect --reasons r1.tsv
	assert_equal "$stderr" ""
	printf '%s\n' "$output" | grep -v '^#' > got
	diff -u - got <<-'END'
	round: r1

	continuum: steering
	camp: 0: 5 at concrete rules
	- at the end 01
	- at the end 02
	- at the end 03
	- at the end 04
	- at the end 05
	camp: 25: 5 halfway between statements 1 and 2
	- a quarter in 06
	- a quarter in 07
	- a quarter in 08
	- a quarter in 09
	- a quarter in 10

	continuum: openness

	continuum: enforcement
	camp: 0: 8 at hard
	- line one line two and a tab
	- reason 02 at hard
	- reason 03 at hard
	- reason 04 at hard
	- reason 05 at hard
	- reason 06 at hard
	- reason 07 at hard
	camp: 100: 5 at soft
	- reason 08 at soft
	- reason 09 at soft
	- reason 10 at soft
	- reason 11 at soft
	- reason 12 at soft

	continuum: legal
	camp: 0: 10 at lawyers lead
	- legal 01
	- legal 02
	- legal 03
	- legal 04
	- legal 05
	- legal 06
	- legal 07
	- legal 08
	- legal 09
	- legal 10

	continuum: audience
	camp: 100: 5 at everyone
	- all of us 1
	- all of us 2
	- all of us 3
	- all of us 4
	- all of us 5
	END
	# Why each was left out is said, for the facilitator.
	printf '%s\n' "$output" | grep -qx '# a camp of fewer than 5: its reasons are not shown'
	printf '%s\n' "$output" | grep -qx '# 1 left out: their groups are smaller than 5'
	assert_equal "$(printf '%s\n' "$output" | grep -c '^# fewer than 5 answered with a position: no reasons$')" 1
	# The order of the input gives nobody away: the same file from any.
	tac r1.tsv > shuffled.tsv
	diff -u <(printf '%s\n' "$output") <(collect --reasons shuffled.tsv)
	# With a smaller --min-group, the camp of two and the board speak.
	run -0 collect --reasons --min-group 1 r1.tsv
	printf '%s\n' "$output" | grep -qx 'camp: 100: 2 at informal advice'
	printf '%s\n' "$output" | grep -qx -- '- as the only director, I want control'
	printf '%s\n' "$output" | grep -qx -- '- open 01'
	# Not with --missing or --status.
	run -2 --separate-stderr collect --reasons --status --roster /dev/null r1.tsv
	assert_equal "${stderr%%$'\n'*}" "collect: --reasons goes with none of --missing, --status and --status-file"
}

# The figures of r1 and the facilitator's edit: one reason deleted, one
# reworded, the camp's words put in Dutch.
edited() {
	aggregate r1.tsv > r1.agg
	collect --reasons r1.tsv | sed -e '/^- reason 02 at hard$/d' -e 's/^- reason 03 at hard$/- control, but fair/' \
	    -e 's/^camp: 0: 8 at hard$/camp: 0: 8 bij hard/' > reasons.txt
}

@test "the edited file, line for line: a deleted reason never shows, in the form and remind's mail" {
	edited
	run -0 --separate-stderr ask -r r2 -p p01 -g staff --feedback r1.agg --reasons reasons.txt --form
	printf '%s\n' "$output" | tr '\n' ' ' | grep -o 'In their own words: [^[]*' > words
	assert_equal "$(sed -n 2p words)" 'In their own words: 8 bij hard: "line one line two and a tab"; "control, but fair"; "reason 04 at hard". 5 at soft: "reason 08 at soft"; "reason 09 at soft"; "reason 10 at soft". '
	! printf '%s\n' "$output" | grep -q 'reason 02'
	printf 'p01\tstaff\tp01@stance.test\tP\n' > team.tsv
	run -0 remind -r r2 --from f@stance.test --invitation --feedback r1.agg --reasons reasons.txt --dry-run team.tsv
	printf '%s\n' "$output" | python3 -c 'import sys, email
print(email.message_from_binary_file(sys.stdin.buffer).get_payload(decode=True).decode())' | tr '\n' ' ' |
	    grep -q 'In their own words: 8 bij hard: "line one line two and a tab"; "control, but fair"; "reason 04 at hard"\.'
	# Reasons of another round than the figures: said, and not shown.
	sed 's/^round: r1$/round: r0/' reasons.txt > r0-reasons.txt
	run -1 --separate-stderr ask -r r2 -p p01 -g staff --feedback r1.agg --reasons r0-reasons.txt --form
	assert_equal "${stderr##*$'\n'}" "ask: r0-reasons.txt: reasons of round r0, figures of round r1; the reasons are not shown"
	! printf '%s\n' "$output" | grep -q 'In their own words'
	run -1 --separate-stderr remind -r r2 --from f@stance.test --invitation --feedback r1.agg --reasons r0-reasons.txt --dry-run team.tsv
	assert_equal "${stderr##*$'\n'}" "remind: r0-reasons.txt: reasons of round r0, figures of round r1; the reasons are not shown"
	# --reasons shows with the figures only.
	run -2 --separate-stderr ask -r r2 -p p01 --reasons reasons.txt --form
	run -2 --separate-stderr remind -r r2 --from f@stance.test --reasons reasons.txt --dry-run team.tsv
}

@test "recommend quotes each camp in its own words, in the frame of either language; a camp is known by its median" {
	edited
	run -0 --separate-stderr recommend --reasons reasons.txt r1.agg
	printf '%s\n' "$output" | tr '\n' ' ' | tr -s ' ' |
	    grep -q 'In their own words: "line one line two and a tab"; "control, but fair"; "reason 04 at hard"; "reason 05 at hard"; "reason 06 at hard"\.'
	run -0 --separate-stderr recommend -L nl --reasons reasons.txt r1.agg
	printf '%s\n' "$output" | tr '\n' ' ' | tr -s ' ' | grep -q 'In hun eigen woorden: "line one line two and a tab"; "control, but fair"'
	# Reasons of another round are not quoted.
	sed -i 's/^round: r1$/round: r0/' reasons.txt
	run -0 recommend --reasons reasons.txt r1.agg
	! printf '%s\n' "$output" | grep -q 'In their own words'
	# A line that is not the file's is said, and the rest still read.
	printf 'round: r1\ncontinuum: enforcement\ncamp: 0: hard\n* not a reason\n- still read\n' > bad.txt
	run -1 --separate-stderr recommend --reasons bad.txt r1.agg
	assert_equal "$stderr" "recommend: bad.txt:4: not a line of a reasons file: round:, continuum:, camp:, '- ' and a reason, or a # comment"
	printf '%s\n' "$output" | tr '\n' ' ' | grep -q 'In their own words: "still read"\.'
}

@test "the web page shows the reasons too" {
	edited
	printf 'a key of the round, for the test\n' > key
	chmod 600 key
	token=$(ask --form --key key -r r2 -p p01 -g staff | sed -n 's/^stance-token: //p')
	run -0 env REQUEST_METHOD=GET QUERY_STRING="r=r2&p=p01&g=staff&t=$token" \
	    ask --web --key key -o r2.tsv --feedback r1.agg --reasons reasons.txt
	printf '%s\n' "$output" | grep -q 'In their own words: 8 bij hard: &quot;line one line two and a tab&quot;; &quot;control, but fair&quot;'
}
