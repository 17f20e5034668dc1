#!/usr/bin/env bats
# The manual: every page renders without a warning, every program and
# format has one, and the examples that show output produce that output.

load test_helper

@test "every man page renders without warnings in groff" {
	for page in "$TOP"/man/*.[1-9]; do
		run -0 --separate-stderr groff -mandoc -ww -z "$page"
		[ -z "$stderr" ] || { echo "$page: $stderr"; false; }
	done
}

@test "every man page passes mandoc -Tlint" {
	command -v mandoc > /dev/null || skip "mandoc is not installed (.ci/run installs it)"
	for page in "$TOP"/man/*.[1-9]; do
		run -0 mandoc -Tlint -W warning "$page"
		[ -z "$output" ] || { echo "$page: $output"; false; }
	done
}

@test "every program has a page in section 1, and every format in section 5" {
	for program in "$TOP"/bin/*; do
		[ -f "$TOP/man/$(basename "$program").1" ]
	done
	# The formats are the ones stance(7) lists; each has its page, and
	# each format page is listed there.
	diff -u <(grep -A1 '^\.It Xr stance-' "$TOP/man/stance.7" | sed -n 's/^\.It Xr \(stance-[a-z]*\) 5$/\1.5/p' | sort) \
	    <(cd "$TOP/man" && ls stance-*.5)
}

@test "every program's SYNOPSIS is the usage it prints" {
	for program in "$TOP"/bin/*; do
		name=$(basename "$program")
		run -0 "$program" --help
		usage=$(printf '%s\n' "$output" | sed '/^$/,$d' | tr -s ' \n' ' ')
		man=$(groff -mandoc -Tutf8 -rLL=300n -P-cbu "$TOP/man/$name.1" |
		    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' | tr -s ' \n' ' ')
		assert_equal "usage: ${man# }" "$usage" || { echo "$name: usage: $usage"; echo "$name: man: ${man# }"; false; }
	done
}

@test "every page named in SEE ALSO exists" {
	grep -h '^\.Xr' "$TOP"/man/*.[1-9] | awk '{ print $2 "." $3 }' | sort -u |
	while read -r page; do
		case $page in
		awk.1|sort.1|cut.1|write.2|flock.2|jq.1|xargs.1|watch.1|sendmail.8) continue ;;
		esac
		[ -f "$TOP/man/$page" ] || { echo "missing: $page"; false; }
	done
}

# The literal block that follows a line of text in a page, unescaped.
example_after() {
	awk -v after="$2" '
	    index($0, after) == 1 { found = 1; next }
	    found && /^\.Bd -literal/ { inside = 1; next }
	    inside && /^\.Ed/ { exit }
	    inside { gsub(/\\e/, "\\"); print }' "$TOP/man/$1"
}

@test "the one-command example in ask(1) prints what the page shows" {
	example_after ask.1 "Answer in one command" > "$BATS_TEST_TMPDIR/example"
	sed -n '1,2{s/^\$ //;p;}' "$BATS_TEST_TMPDIR/example" > "$BATS_TEST_TMPDIR/command"
	sed '1,2d' "$BATS_TEST_TMPDIR/example" > "$BATS_TEST_TMPDIR/expected"
	[ "$(wc -l < "$BATS_TEST_TMPDIR/expected")" -eq 5 ]
	run -0 bash "$BATS_TEST_TMPDIR/command"
	assert_golden "$BATS_TEST_TMPDIR/expected"
}

@test "the stdin example in ask(1) and the meeting example in stance(7) run" {
	cd "$BATS_TEST_TMPDIR"
	example_after ask.1 "Type in a paper worksheet" | sed 's/^\$ //' > command
	run -0 bash command
	assert_equal "$(cut -f2,4,5,7 round.tsv)" "$(printf 'bram\tsteering\t0\t\nbram\topenness\t100\twith care\nbram\tenforcement\t-\t\nbram\tlegal\t33.3\t\nbram\taudience\t100\t')"
	rm round.tsv
	example_after stance.7 "In a meeting" | sed 's/^\$ //' > command
	STANCE_ROUND=2026-spring run -0 bash command
	[ "$(cut -f1-5,7 round.tsv | tr '\t' ' ')" = "$(printf '%s\n' \
	    '2026-spring bram youth-work steering 0 ' \
	    '2026-spring bram youth-work openness 100 ' \
	    '2026-spring bram youth-work enforcement 50 ' \
	    '2026-spring bram youth-work legal 33.3 ' \
	    '2026-spring bram youth-work audience 100 everyone, really')" ]
}

@test "the awk example in stance-responses(5) computes means" {
	cd "$BATS_TEST_TMPDIR"
	# a changed their mind: only the later answers may count.
	STANCE_NOW=2026-11-20T00:00:00Z ask -p a steering=3 openness=2 enforcement=2 legal=2 audience=2 > round.tsv
	ask -p a steering=1 openness=- enforcement=1 legal=1 audience=1 >> round.tsv
	ask -p b steering=3 openness=2 enforcement=1 legal=4 audience=1 >> round.tsv
	example_after stance-responses.5 "The mean position per continuum" | sed 's/^\$ //' > command
	run -0 bash command
	assert_equal "$(printf '%s\n' "$output" | sort)" "$(printf '%s\n' 'audience 0' 'enforcement 0' 'legal 50' 'openness 100' 'steering 50')"
}

@test "the form in stance-form(5) is what ask --form writes, and collect reads it" {
	cd "$BATS_TEST_TMPDIR"
	example_after stance-form.5 "Part of a form as" > example
	ask --form -r 2026-spring -p ann -g team-a > form
	# Every line of the example but the filled-in ones is in the form, in order.
	grep -v -e '^\[x\]' -e '^note:' -e '^  a few' example > unfilled
	assert_number "$(grep -c . unfilled)" -eq 16
	awk 'NR == FNR { want[++n] = $0; next } i < n && $0 == want[i + 1] { i++ } END { exit i != n }' unfilled form
	touch -d 2026-11-24T10:00:00Z example
	run -0 collect example
	assert_equal "$output" "2026-spring	ann	team-a	openness	100	2026-11-24T10:00:00Z	open, but with a few firm lines"
}

@test "the chart in chart(1) and in the README is what chart draws" {
	cd "$BATS_TEST_TMPDIR"
	run -0 chart --ascii -w 70 "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | head -n 14 > drawn
	sed -n '/^What it draws/,/^\.Ed/p' "$TOP/man/chart.1" | sed -e '1,3d' -e '$d' > page
	diff -u drawn page
	# The README's first fenced block, the chart.
	awk '/^```/ { if (inside) exit; inside = 1; next } inside' "$TOP/README.md" > readme
	diff -u drawn readme
}

@test "stance(7) says what it means where a word is also a macro: No memory errors" {
	mandoc -Tutf8 "$TOP/man/stance.7" | grep -q '^ *No memory errors\.$'
}
