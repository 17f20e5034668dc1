#!/usr/bin/env bats
# chart: aggregate's rows drawn in the terminal and for mail, golden at
# widths 40, 80 and 200, in ASCII and in Dutch; hidden and too-few rows
# in words; rounds under each other; widths and bad input.

load test_helper

setup() {
	cd "$FIXTURES/chart"
}

# render NAME WIDTH,HEIGHT: NAME.svg drawn by headless Chromium into
# NAME.png, in the test's own directory and profile, offline.
render() {
	timeout 60 chromium-headless-shell --no-sandbox --disable-gpu --disable-background-networking \
	    --disable-component-update --disable-sync --no-first-run --user-data-dir="$BATS_TEST_TMPDIR/profile" \
	    --hide-scrollbars --screenshot="$BATS_TEST_TMPDIR/$1.png" --window-size="$2" \
	    "file://$BATS_TEST_TMPDIR/$1.svg" > /dev/null 2>&1
}

@test "groups at 80 columns, in UTF-8 block characters" {
	run -0 chart -w 80 groups.agg
	assert_golden w80.expected
}

@test "at 40 columns in ASCII, for mail: not one byte above 127" {
	run -0 chart -w 40 --ascii groups.agg
	assert_golden w40-ascii.expected
	assert_number "$(chart -w 40 --ascii groups.agg | LC_ALL=C grep -c '[^ -~]')" -eq 0
}

@test "at 200 columns, and in Dutch" {
	run -0 chart -w 200 groups.agg
	assert_golden w200.expected
	run -0 chart -L nl -w 80 groups.agg
	assert_golden w80-nl.expected
}

@test "no line is wider than asked, and none ends in a blank" {
	# Ids of 64 bytes, the most a token has, in two rounds: cut, not run over.
	long=$(printf 'ë%.0s' $(seq 32))
	round=$(printf 'r%.0s' $(seq 64))
	sed "s/\tadmin\t/\t$long\t/; s/^r1\t/$round\t/" groups.agg > "$BATS_TEST_TMPDIR/long.agg"
	cat groups.agg <(grep -v '^#' "$BATS_TEST_TMPDIR/long.agg") > "$BATS_TEST_TMPDIR/two.agg"
	for w in 20 21 40 59 60 80 133 200; do
		for file in groups.agg "$BATS_TEST_TMPDIR/long.agg" "$BATS_TEST_TMPDIR/two.agg"; do
			# Dutch poles are longer: "enkele sleutelmedewerkers" is 25.
			for lang in en nl; do
				chart -L "$lang" -w "$w" "$file" > "$BATS_TEST_TMPDIR/out"
				assert_number "$(LC_ALL=C.UTF-8 wc -L < "$BATS_TEST_TMPDIR/out")" -le "$w"
				assert_number "$(grep -c ' $' "$BATS_TEST_TMPDIR/out")" -eq 0
			done
		done
	done
	# Cut at a character, never inside one.
	chart -w 21 "$BATS_TEST_TMPDIR/long.agg" | iconv -f UTF-8 -t UTF-8 > /dev/null
	assert_equal "$(chart -w 20 "$BATS_TEST_TMPDIR/long.agg" | grep -c '^ëëëëëëëëëëëëëëëëëëëë$')" 5
}

@test "the width: -w, else COLUMNS (a bad one said and passed over), else 80" {
	COLUMNS=50 run -0 chart groups.agg
	assert_number "$(printf '%s\n' "$output" | LC_ALL=C.UTF-8 wc -L)" -le 50
	COLUMNS=wide run -0 --separate-stderr chart groups.agg
	assert_equal "$stderr" "chart: COLUMNS='wide' is not a width from 20 to 10000; not used"
	diff -u w80.expected <(printf '%s\n' "$output")
	run -2 chart -w 19 groups.agg
	assert_equal "${lines[0]}" "chart: -w '19' is not a whole number from 20 to 10000"
}

@test "a row with too few answers, and rows of two rounds under each other" {
	cd "$BATS_TEST_TMPDIR"
	{
		printf 'r1\tp%d\t-\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' 1 10 2 20
		for p in 1 2 3 4 5; do printf 'r2\tp%d\t-\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" $((p * 10)); done
	} | aggregate > two.agg
	run -0 chart -w 60 two.agg
	printf '%s\n' "$output" | grep -qx 'r1 everyone   n 2 · too few answers to draw'
	printf '%s\n' "$output" | grep -q '^r2 everyone  *┴'
	printf '%s\n' "$output" | grep -qx '  steering · 3 statements · rounds r1, r2 · △ the median a'
}

@test "what is not aggregate's output, and bad rows, are said; the good rows still drawn" {
	cd "$BATS_TEST_TMPDIR"
	printf 'r\tp\t-\tsteering\t50\t2026-11-25T09:30:00Z\t\n' > lines.tsv
	run -2 --separate-stderr chart lines.tsv
	assert_equal "$stderr" "chart: lines.tsv:1: not aggregate's output: its first line is not a '#round...' header"
	{ head -2 "$FIXTURES/chart/groups.agg"; printf 'r1\t*\tsteer\t3\t0\t1\t1\t1\t1\t1\t1\t1\t0\t1\t1\tconsensus\t1\t3,0,0,0,0\t3:1:1\n'
	  head -2 "$FIXTURES/chart/groups.agg" | tail -1 | sed 's/divided/split/'; } > bad.agg
	run -1 --separate-stderr chart -w 80 bad.agg
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	chart: bad.agg:3: a continuum this questionnaire does not have (give its questionnaire with -q)
	chart: bad.agg:4: verdict 'split' is not as stance-aggregate(5) writes it
	END
	printf '%s\n' "$output" | grep -q '^everyone  *┴'
	printf '%s\n' "#round	group" > cut.agg
	run -2 --separate-stderr chart cut.agg
	assert_equal "$stderr" "chart: cut.agg:1: the header has no column 'continuum'"
}

@test "colour: the median bold cyan with --color=always, never with NO_COLOR, TERM=dumb or --ascii" {
	run -0 chart --color always -w 80 groups.agg
	assert_number "$(printf '%s\n' "$output" | grep -c $'\e\\[1;36m\xe2\x96\xb2\e\\[0m')" -eq 15
	# Without the colour the picture is the same: colour is never the only cue.
	diff -u w80.expected <(printf '%s\n' "$output" | sed $'s/\e\\[[0-9;]*m//g')
	NO_COLOR=1 run -0 chart --color always -w 80 groups.agg
	diff -u w80.expected <(printf '%s\n' "$output")
	TERM=dumb run -0 chart --color always -w 80 groups.agg
	diff -u w80.expected <(printf '%s\n' "$output")
	run -0 chart --color always --ascii -w 40 groups.agg
	diff -u w40-ascii.expected <(printf '%s\n' "$output")
	run -0 chart -w 80 groups.agg
	diff -u w80.expected <(printf '%s\n' "$output")
	run -2 chart --color sometimes groups.agg
	assert_equal "${lines[0]}" "chart: --color 'sometimes' is not auto, always or never"
}

# svg_size FILE: the width and height the SVG says it has.
svg_size() {
	sed -n 's/^<svg .* width="\([0-9]*\)" height="\([0-9]*\)".*/\1 \2/p' "$1"
}

@test "--svg: one well-formed document, text as text, nothing from outside, every row's words in its description" {
	run -0 --separate-stderr chart --svg groups.agg
	printf '%s\n' "$output" > "$BATS_TEST_TMPDIR/round.svg"
	cd "$BATS_TEST_TMPDIR"
	if command -v xmllint > /dev/null; then
		xmllint --noout round.svg
	else
		skip "xmllint is not installed (.ci/run installs libxml2-utils)"
	fi
	grep -q '^<svg [^>]* style="max-width:100%;height:auto" role="img" aria-labelledby="title desc" lang="en" ' round.svg
	assert_number "$(grep -c '<title id="title">Weighing up what your social media policy should look like</title>' round.svg)" -eq 1
	# The description holds the words of every row, as the terminal has them.
	grep -q '^<desc id="desc">1 Direction\. everyone: n 23 · divided: spread over the line · median 47 · middle half 21–72\. admin: n 7 · divided: 5 around statement 2, 2 at vision' round.svg
	assert_number "$(grep -c '^[0-9] [A-Z][a-z ]*\. ' round.svg)" -eq 4
	grep -q '<text [^>]*font-weight="bold">1 How directive should the social media policy in your organisation</text>' round.svg
	grep -q '<text [^>]* class="statement">1 Our social media policy should spell out as concretely as possible what</text>' round.svg
	assert_number "$(grep -c -i -e 'href' -e '<image' -e '<script' -e '@import' -e 'url(' -e '<style' round.svg)" -eq 0
	# A row per shown group, on the same line: everyone, admin and
	# youth-work on five continua; board and direction named once each time.
	assert_number "$(grep -c 'class="median"' round.svg)" -eq 15
	assert_number "$(grep -c 'class="scale" x1="160" y1="[0-9]*" x2="572"' round.svg)" -eq 15
	# Hidden for its size, or with it so that it cannot be worked out: said apart.
	assert_number "$(grep -c '>Not shown, too few answers to keep them anonymous: board. Not shown, so that a<' round.svg)" -eq 5
	# Counts over the bars, each with its title.
	grep -q '<title>admin: 2 of 7 between statements 1 and 2</title>' round.svg
}

@test "--svg golden figures: one group, three, eight with some hidden, unanimous, polarised, two rounds, Dutch; at 600 and 360" {
	local f s l w
	for f in "$FIXTURES"/chart/svg/*.agg; do
		s=${f%.agg}
		l=en
		[ "$(basename "$s")" = dutch ] && l=nl
		for w in 600 360; do
			run -0 chart -L "$l" --svg -w "$w" "$f"
			assert_golden "$s.$w.svg"
		done
	done
	# The polarised row is drawn by its camps, its median grey; two
	# rounds put the earlier median, hollow, on the later row with an arrow.
	run -0 chart --svg "$FIXTURES/chart/svg/polarised.agg"
	assert_number "$(printf '%s\n' "$output" | grep -c 'class="camp"')" -eq 10
	assert_number "$(printf '%s\n' "$output" | grep -c 'class="median" [^>]*fill="#c8c8c8"')" -eq 5
	run -0 chart --svg "$FIXTURES/chart/svg/rounds.agg"
	assert_number "$(printf '%s\n' "$output" | grep -c 'class="earlier" [^>]*fill="#ffffff"')" -eq 15
	printf '%s\n' "$output" | grep -q '<g class="row" role="group" aria-label="r2 · youth-work">'
	grep -q 'median of the round before' "$FIXTURES/chart/svg/rounds.600.svg"
	grep -q 'median of the round before' "$FIXTURES/chart/svg/three.600.svg" && false
	# Eight groups: the hidden ones in one line per continuum.
	assert_number "$(grep -c '>Not shown, too few answers to keep them anonymous: board, direction,<' "$FIXTURES/chart/svg/eight.600.svg")" -eq 5
	true
}

@test "--svg in a real browser: the median marker lands where the median is, the same column in every row" {
	command -v chromium-headless-shell > /dev/null ||
	    skip "chromium-headless-shell is not installed (.ci/run installs it)"
	cd "$BATS_TEST_TMPDIR"
	local window scale
	chart --svg "$FIXTURES/chart/svg/same.agg" > same.svg
	set -- $(svg_size same.svg)
	# A4's width (794) shows the 600-unit figure as it is; a phone (360)
	# shrinks it, and every mark with it.
	for window in 794 360; do
		scale=$(awk -v w="$window" 'BEGIN { print (w < 600 ? w / 600 : 1) }')
		render same "$window,$(awk -v h="$2" -v s="$scale" 'BEGIN { printf "%d", h * s + 10 }')"
		# The medians' triangles, below the legend, top to bottom; three
		# rows (everyone, left, right) a continuum, all at one median.
		python3 "$TOP/tests/png-column.py" same.png --marks 213 94 0 |
		    awk -v s="$scale" '$2 > 60 * s' > marks
		assert_number "$(wc -l < marks)" -eq 15
		sed -n 's/.*class="median" data-x="\([0-9.]*\)".*/\1/p' same.svg > expected
		paste expected marks | awk -v s="$scale" '{
			want = $1 * s; d = $2 - want
			if (d > 1.5 || d < -1.5) { printf "mark at %s, the median at %.1f\n", $2, want; bad = 1 }
			row = int((NR - 1) / 3)
			if (NR % 3 == 1) first = $2
			else if ($2 - first > 1.5 || first - $2 > 1.5) { printf "row %d: %s and %s\n", NR, first, $2; bad = 1 }
		} END { exit bad }'
	done
}

@test "--svg in a real browser: nothing clipped on a phone, text at least 9 pt on A4" {
	command -v chromium-headless-shell > /dev/null ||
	    skip "chromium-headless-shell is not installed (.ci/run installs it)"
	cd "$BATS_TEST_TMPDIR"
	local f name right
	for f in "$FIXTURES"/chart/svg/*.600.svg "$FIXTURES"/chart/svg/*.360.svg; do
		name=$(basename "$f" .svg)
		cp "$f" "$name.svg"
		set -- $(svg_size "$name.svg")
		# In a window 360 wide the figure shrinks to fit, not cut off: its
		# ink stays inside, up to its right margin.
		render "$name" "360,$2"
		right=$(python3 "$TOP/tests/png-column.py" "$name.png" --ink-right)
		awk -v r="$right" -v w="$1" 'BEGIN { m = (w > 360 ? 360 / w : 1) * (w - 10); exit !(r <= m && r > 200) }' ||
		    { echo "$name: ink up to x $right in a 360 window"; false; }
	done
	# On A4 (794 wide) the report figure is shown at its size: a pole
	# label of 12 units is 12 pixels, 9 pt, its letters 8 pixels or taller.
	cp "$FIXTURES/chart/svg/one.600.svg" a4.svg
	set -- $(svg_size a4.svg)
	render a4 "794,$2"
	set -- $(sed -n 's/^<text x="\([0-9]*\)" y="\([0-9]*\)" font-size="\([0-9]*\)" font-weight="bold">concrete rules<\/text>$/\1 \2 \3/p' a4.svg | head -1)
	assert_number "$3" -ge 12
	assert_number "$(python3 "$TOP/tests/png-column.py" a4.png --ink-height "$1" $(($2 - 14)) $(($1 + 90)) $(($2 + 4)))" -ge 8
	# On a phone the text is larger still.
	grep -q '<text x="[0-9]*" y="[0-9]*" font-size="14" font-weight="bold">concrete rules</text>' "$FIXTURES/chart/svg/one.360.svg"
}

@test "--svg widths: the default is A4's text block, below 480 the phone layout, 320 to 4000" {
	run -0 chart --svg "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | grep -q '^<svg .* width="600" '
	printf '%s\n' "$output" | grep -q '<text x="16" y="[0-9]*" font-size="12" font-weight="bold">admin</text>'
	run -0 chart --svg -w 480 "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | grep -q 'font-size="12" font-weight="bold">admin</text>'
	run -0 chart --svg -w 479 "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | grep -q 'font-size="14" font-weight="bold">admin</text>'
	run -0 chart --svg -w 320 "$FIXTURES/chart/groups.agg"
	run -2 chart --svg -w 319 "$FIXTURES/chart/groups.agg"
	assert_equal "${lines[0]}" "chart: -w '319' is not a whole number from 320 to 4000"
	run -0 chart --svg -w 4000 "$FIXTURES/chart/groups.agg"
	run -2 chart --svg -w 4001 "$FIXTURES/chart/groups.agg"
}

@test "--svg: text that looks like markup stays text" {
	cd "$BATS_TEST_TMPDIR"
	printf 'r1\tp%d\tR&D<"x">\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' 1 10 2 20 3 30 4 40 5 50 | aggregate --by-group > amp.agg
	run -0 chart --svg amp.agg
	printf '%s\n' "$output" > amp.svg
	grep -q 'aria-label="R&amp;D&lt;&quot;x&quot;&gt;"' amp.svg
	grep -q '>R&amp;D&lt;&quot;x&quot;&gt;</text>' amp.svg
	if command -v xmllint > /dev/null; then xmllint --noout amp.svg; fi
}

@test "a full disk: chart and chart --svg say so and exit 2" {
	[ -w /dev/full ] || skip "no /dev/full here"
	run -2 --separate-stderr sh -c 'chart groups.agg > /dev/full'
	assert_equal "$stderr" "chart: write error on standard output: No space left on device"
	run -2 --separate-stderr sh -c 'chart --svg groups.agg > /dev/full'
	assert_equal "$stderr" "chart: write error on standard output: No space left on device"
}

@test "a Dutch questionnaire is drawn in Dutch without -L; -L still decides" {
	cd "$BATS_TEST_TMPDIR"
	LC_ALL=C ask -L nl --print-questionnaire > nl.txt
	LC_ALL=C run -0 chart -q nl.txt -w 80 "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | grep -q 'verdeeld: verspreid over de lijn'
	LC_ALL=C run -0 chart -q nl.txt --svg "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | grep -q ' lang="nl" '
	printf '%s\n' "$output" | grep -q '>middelste helft<'
	LC_ALL=C run -0 chart -q nl.txt -L en -w 80 "$FIXTURES/chart/groups.agg"
	printf '%s\n' "$output" | grep -q 'divided: spread over the line'
}

@test "two rounds: each group's rounds under each other, and the median's move between them" {
	cd "$BATS_TEST_TMPDIR"
	{
		for p in 1 2 3 4 5; do printf 'r1\tp%d\t-\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" $((p * 10)); done
		for p in 1 2 3 4 5; do printf 'r2\tp%d\t-\tsteering\t%d\t2026-11-25T09:30:00Z\t\n' "$p" $((p * 10 + 25)); done
	} | aggregate > two.agg
	run -0 chart -w 100 two.agg
	assert_golden "$FIXTURES/chart/two-rounds.expected"
	printf '%s\n' "$output" | grep -qx '               r1 → r2: median 30 → 55 (+25, toward vision) · middle half 20 → 20 points wide'
	# The earlier median, hollow, on the later round's row.
	printf '%s\n' "$output" | grep -qx '                                       △           ├────────▲───────┤'
	run -0 chart -w 60 --ascii two.agg
	assert_golden "$FIXTURES/chart/two-rounds-ascii.expected"
	assert_number "$(printf '%s\n' "$output" | LC_ALL=C grep -c '[^ -~]')" -eq 0
}

@test "a row hidden for privacy never says how small its group is, in text or SVG" {
	# board (n 3) and direction (n 6) are hidden on every continuum.
	run -0 chart -w 80 groups.agg
	assert_equal "$(printf '%s\n' "$output" | grep -c '^board  *not shown (privacy): too few answers$')" 5
	assert_equal "$(printf '%s\n' "$output" | grep -c '^direction  *not shown (privacy), so that a smaller group cannot be worked out$')" 5
	run -0 chart --svg groups.agg
	assert_equal "$(printf '%s\n' "$output" | grep -c 'n [36] · not shown')" 0
	printf '%s\n' "$output" | grep -q 'board: not shown (privacy): too few answers\.'
	printf '%s\n' "$output" | grep -q 'direction: not shown (privacy), so that a smaller group cannot be worked out\.'
	assert_equal "$(printf '%s\n' "$output" | grep -c 'aria-label="board"')" 0
}

@test "the camps column is read and checked: its n add up to the row's, medians rise, statements are the continuum's" {
	cd "$BATS_TEST_TMPDIR"
	printf 'r1\tp%d\t-\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' 1 0 2 0 3 0 4 100 5 100 > round.tsv
	aggregate round.tsv > good.agg
	run -0 chart good.agg
	camps() { awk -F'\t' -v c="$1" 'BEGIN { OFS = "\t" } NR == 2 { $19 = c } 1' good.agg > bad.agg; }
	for bad in 3:0:1,3:100:3 3:100:3,2:0:1 3:0:1,0:100:3 3:0:1,2:100:0 3:0:1,2:100:3, 5:101:3 3:0:1:2:100:3; do
		camps "$bad"
		run -1 --separate-stderr chart bad.agg
		assert_equal "$stderr" "chart: bad.agg:2: camps '$bad' is not as stance-aggregate(5) writes it"
	done
	camps 3:0:1,2:100:4
	run -1 --separate-stderr chart bad.agg
	assert_equal "$stderr" "chart: bad.agg:2: a camp's statement is not one of the continuum's statements"
	camps 3:0:1,2:100:3
	run -0 chart bad.agg
}

@test "one person is never nothing: a bin with one of 61 still shows a bar, in text and SVG" {
	cd "$BATS_TEST_TMPDIR"
	{ for p in $(seq 60); do printf 'r1\tp%d\t-\tsteering\t0\t2026-11-25T09:30:00Z\t\n' "$p"; done
	  printf 'r1\tp61\t-\tsteering\t100\t2026-11-25T09:30:00Z\t\n'; } | aggregate > one.agg
	run -0 chart -w 60 one.agg
	assert_equal "$(printf '%s\n' "$output" | grep -c '▁▁▁▁▁$')" 1
	run -0 chart --svg one.agg
	assert_equal "$(printf '%s\n' "$output" | grep -c 'class="bar" .* height="2.0"')" 1
	printf '%s\n' "$output" | grep -q '<title>everyone: 1 of 61 at statement 3</title>'
	assert_equal "$(printf '%s\n' "$output" | grep -c '<text [^>]*class="count">1</text>')" 1
}

@test "a row whose quartiles are out of order, or whose profile has an even number of bins, is refused" {
	cd "$BATS_TEST_TMPDIR"
	printf 'r1\tp%d\t-\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' 1 0 2 50 3 100 4 50 5 50 | aggregate > good.agg
	awk -F'\t' 'BEGIN { OFS = "\t" } NR == 2 { $9 = 60 } 1' good.agg > order.agg
	run -1 --separate-stderr chart order.agg
	assert_equal "$stderr" "chart: order.agg:2: q1, median, q3 '50' is not as stance-aggregate(5) writes it"
	awk -F'\t' 'BEGIN { OFS = "\t" } NR == 2 { $18 = "1,2,1,1" } 1' good.agg > even.agg
	run -1 --separate-stderr chart even.agg
	assert_equal "$stderr" "chart: even.agg:2: profile '1,2,1,1' is not as stance-aggregate(5) writes it"
}

@test "words at the quarter marks: a median of exactly 25 or 75 leans to no pole" {
	cd "$BATS_TEST_TMPDIR"
	row() { printf 'r1\tp%d\t-\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' "$@" | aggregate | chart -w 200 | grep '^ *n 5'; }
	assert_equal "$(row 1 10 2 15 3 25 4 35 5 40)" "               n 5 · median 25 · middle half 15–35 · fair agreement, halfway between statements 1 and 2"
	assert_equal "$(row 1 60 2 65 3 75 4 85 5 90)" "               n 5 · median 75 · middle half 65–85 · fair agreement, halfway between statements 2 and 3"
	assert_equal "$(row 1 25 2 25 3 25 4 25 5 25)" "               n 5 · median 25 · middle half 25–25 · consensus halfway between statements 1 and 2"
	assert_equal "$(row 1 75 2 75 3 75 4 75 5 75)" "               n 5 · median 75 · middle half 75–75 · consensus halfway between statements 2 and 3"
	assert_equal "$(row 1 5 2 10 3 20 4 25 5 30)" "               n 5 · median 20 · middle half 10–25 · leaning to concrete rules"
}

@test "--compact: a line a row, five continua of four rows in a 100 by 30 window, within every width" {
	run -0 chart --compact -w 100 "$FIXTURES/chart/svg/three.agg"
	assert_golden "$FIXTURES/chart/compact-three.expected"
	assert_number "${#lines[@]}" -le 30
	run -0 chart --compact --ascii -w 60 "$FIXTURES/chart/svg/rounds.agg"
	assert_golden "$FIXTURES/chart/compact-rounds-ascii.expected"
	assert_number "$(printf '%s\n' "$output" | LC_ALL=C grep -c '[^ -~]')" -eq 0
	# A split row by its camps, the round before's median on the later
	# row, a hidden row by its verdict alone.
	printf '%s\n' "$output" | grep -q '^r2 everyone  +-*@=*\*=*@-*+ divided$'
	run -0 chart --compact -w 100 "$FIXTURES/chart/svg/eight.agg"
	printf '%s\n' "$output" | grep -qx 'board        not shown'
	local w f
	for f in three eight rounds dutch; do
		for w in 20 33 40 41 59 60 80 100 200; do
			run -0 chart --compact -L nl -w "$w" "$FIXTURES/chart/svg/$f.agg"
			printf '%s\n' "$output" | awk -v w="$w" -v f="$f" '
			    { n = 0; for (i = 1; i <= length($0); i++) if (substr($0, i, 1) !~ /[\x80-\xbf]/) n++
			      if (n > w) { printf "%s at %d: %d columns: %s\n", f, w, n, $0; bad = 1 } }
			    END { exit bad }'
		done
	done
}
