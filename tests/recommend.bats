#!/usr/bin/env bats
# recommend: the scenarios a facilitator meets (tests/fixtures/recommend,
# made by make-fixtures.sh), each with golden text and Markdown in English
# and Dutch (regen.sh writes them anew); each tension; every built-in rule
# fired somewhere; every mistake a rules file can hold; conditions with
# figures that are not there; rounds; bad input.

load test_helper

R=$FIXTURES/recommend

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# golden SCENARIO [OPTION...]: both languages, both formats.
golden() {
	local scenario=$1 l
	shift
	for l in en nl; do
		run -0 recommend -w 72 -L "$l" "$@" "$R/$scenario.agg"
		assert_golden "$R/golden/$scenario.$l.txt"
		run -0 recommend -L "$l" --format markdown "$@" "$R/$scenario.agg"
		assert_golden "$R/golden/$scenario.$l.md"
	done
}

# The rules that fired, by id, from -v, in the order written.
fired() {
	printf '%s\n' "$output" | grep -o '(r[a-z]* [a-z0-9-]*)' | sed 's/^(r[a-z]* //; s/)$//'
}

@test "consensus at the concrete, closed, hard, legal, few end of every continuum" {
	golden left
}

@test "consensus at the vision, open, soft, informal, everyone end of every continuum" {
	golden right
}

@test "a middle-of-the-road group: the middle stretch of every continuum" {
	golden middle
}

@test "a polarised continuum is sent back to talk first, with each camp's policy" {
	golden polarised
	run -0 recommend -w 1000 "$R/polarised.agg"
	# No advice under Direction in part 1, only the pointer to part 2.
	printf '%s\n' "$output" | sed -n '/^1\. Where/,/^2\. Talk/p' | sed -n '/^Direction$/,/^Openness$/p' |
	    grep -q '^- ' && false
	# The camps from where people stand, each with its statement; the
	# median of the split room is no statement's.
	printf '%s\n' "$output" | grep -qx 'The group is polarised: 6 at concrete rules, 6 at vision (median 50, middle half 4–94 (IQR 90), 12 answers). No single advice: talk this through first (below).'
	printf '%s\n' "$output" | grep -q '^6 at concrete rules (median 3): “Our social media policy should spell out'
	printf '%s\n' "$output" | grep -qx "Only the camp at concrete rules would write:"
	printf '%s\n' "$output" | grep -qx "Only the camp at vision would write:"
}

@test "management and staff apart: every continuum named, with both medians" {
	golden apart
	run -0 recommend -w 200 "$R/apart.agg"
	diff -u - <(printf '%s\n' "$output" | grep 'points apart\.$') <<-'END'
	- Direction: management (median 10) and staff (median 85) lie 75 points apart.
	- Openness: management (median 21) and staff (median 80) lie 59 points apart.
	- Enforcement: management (median 10) and staff (median 86) lie 76 points apart.
	- Legal form: management (median 20) and staff (median 80) lie 60 points apart.
	- Audience: management (median 31) and staff (median 90) lie 59 points apart.
	END
	run -0 recommend -w 200 --apart 60 "$R/apart.agg"
	assert_equal "$(printf '%s\n' "$output" | grep -c 'points apart\.$')" 3
}

@test "a suppressed group is said to be so and never compared" {
	golden suppressed
}

@test "another questionnaire without rules: positions, talking first, groups and sources" {
	golden custom -q "$R/custom.txt"
}

@test "each tension fires where its positions meet, and nowhere else it need not" {
	local t expected
	for t in hard-informal hard-vision trust-monitoring closed-everyone open-few \
	    rulebook-open-everyone lawyers-soft soft-secrecy hard-few; do
		run -0 recommend -v -w 300 "$R/tension-$t.agg"
		case $t in
		hard-vision) expected="tension-hard-vision tension-trust-monitoring" ;;
		trust-monitoring) expected="tension-trust-monitoring tension-soft-secrecy" ;;
		lawyers-soft) expected="tension-lawyers-soft tension-soft-secrecy" ;;
		*) expected="tension-$t" ;;
		esac
		assert_equal "$t: $(fired | grep '^tension-' | tr '\n' ' ' | sed 's/ $//')" "$t: $expected"
	done
	# And none where the group stands in the middle.
	run -0 recommend -v -w 10000 "$R/middle.agg"
	assert_equal "$(fired | grep -c '^tension-')" 0
}

@test "every rule of the built-in rules fires in at least one scenario" {
	local f
	for f in "$R"/*.agg; do
		case $f in */custom.agg) continue ;; esac
		run -0 recommend -v -w 10000 "$f"
		fired
	done | sort -u > fired
	grep '^rule: ' "$TOP/src/rules-social-media-policy.txt" | sed 's/^rule: //' | sort > all
	diff -u all fired
}

@test "-v names the rule behind every piece of advice, and recommend's own steps" {
	run -0 recommend -v -w 10000 "$R/polarised.agg"
	# Every list item carries its rule or says it is recommend's own
	# (the parts' headings are not items; the sources have none).
	printf '%s\n' "$output" | grep -E '^(- |[0-9]+\. )' | grep -v '^- \[' |
	    grep -Ev '^[0-9]+\. [A-Z][a-z ]+$' |
	    grep -Ev '\((rule [a-z0-9-]+|recommend.s own)\)$' && false
	printf '%s\n' "$output" | grep -q 'before anyone argues.*\[Spectrogram\] (recommend.s own)$'
	run -0 recommend -v -L nl --format markdown "$R/left.agg"
	printf '%s\n' "$output" | grep -q 'arbeidsreglement.* \*(regel enforcement-regulations)\*$'
}

@test "text is wrapped to the width, with no blank at a line's end" {
	local w
	for w in 20 40 72 100; do
		run -0 recommend -w "$w" "$R/apart.agg"
		# Only a URL or a word longer than the width may stand out.
		# Characters, not bytes: UTF-8's continuation bytes are dropped.
		printf '%s\n' "$output" | sed 's/[\x80-\xbf]//g' | awk -v w="$w" '
		    { words = $0; sub(/^ +/, "", words) }
		    length($0) > w && words ~ / / { print "too wide: " $0; bad = 1 }
		    / $/ { print "blank at end: " $0; bad = 1 }
		    END { exit bad }'
	done
	COLUMNS=50 run -0 recommend "$R/left.agg"
	printf '%s\n' "$output" | sed 's/[\x80-\xbf]//g' | awk '{ w = $0; sub(/^ +/, "", w) } length($0) > 50 && w ~ / / { exit 1 }'
}

@test "Markdown: the data's own marks are escaped, the headings and lists are Markdown" {
	run -0 recommend -q "$R/custom.txt" --format markdown "$R/custom.agg"
	printf '%s\n' "$output" | grep -qF '“A relaxed day with \*long\* breaks\_and a \[walk\] \<outside\>.”'
	printf '%s\n' "$output" | grep -qx '# Advice from round r1'
	printf '%s\n' "$output" | grep -qx '## 2. Talk first'
	printf '%s\n' "$output" | grep -qx '### Budget'
}

@test "a rules file with a mistake of every kind: all reported, nothing written, exit 2" {
	cat > bad.rules <<-'EOF'
	rule: before-header
	part: floor
	when: always
	advice-en: x

	rules: social-media-policy

	rule: no when
	continuum: steering
	advice-en: x
	colour: blue

	rule: no-advice
	continuum: steering
	when: median < 30

	rule: wrong-part
	part: preamble
	when: always
	advice-en: x

	rule: no-part
	when: always
	advice-en: x

	rule: advice-without-continuum
	part: advice
	when: always
	advice-en: x

	rule: unknown-continuum
	continuum: tone
	when: median < 30
	advice-en: x

	rule: unknown-in-when
	part: tension
	when: tone.median < 30 and legal.median > 70
	advice-en: x

	rule: no-advice-in-english
	continuum: legal
	when: median < 30
	advice-nl: x
	source: nowhere

	rule: no-advice-in-english
	continuum: legal
	when: median < 30
	advice-en: x

	tag: Kaner
	reference: mine

	tag: mine
	reference: first

	tag: mine
	reference: second

	tag: not a tag
	reference: x
	reference: y

	rules: social-media-policy
	EOF
	run -2 --separate-stderr recommend --rules bad.rules "$R/left.agg"
	assert_equal "$output" ""
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	recommend: bad.rules:1: a record before the header ('rules:' and the questionnaire's id)
	recommend: bad.rules:11: unknown field 'colour' (known: rules, rule, part, continuum, when, title-en, title-nl, advice-en, advice-nl, source, tag, reference)
	recommend: bad.rules:8: record has no 'when:' line
	recommend: bad.rules:8: rule id 'no when' must be 1-64 letters, digits and -
	recommend: bad.rules:13: a rule needs its advice: 'advice-en:', 'advice-nl:' or both
	recommend: bad.rules:18: part 'preamble' is not one of advice, talk, tension, groups, floor, outline
	recommend: bad.rules:22: a rule without 'continuum:' needs a 'part:' (talk, tension, groups, floor or outline)
	recommend: bad.rules:27: part 'advice' is a continuum's: the rule needs 'continuum:'
	recommend: bad.rules:32: questionnaire social-media-policy has no continuum 'tone'
	recommend: bad.rules:38: when: questionnaire social-media-policy has no continuum 'tone'
	recommend: bad.rules:47: duplicate rule id 'no-advice-in-english' (first at bad.rules:41)
	recommend: bad.rules:58: tag 'mine' has a reference already (bad.rules:55)
	recommend: bad.rules:63: duplicate field 'reference' (first at line 62)
	recommend: bad.rules:61: tag 'not a tag' must be 1-64 letters, digits and -
	recommend: bad.rules:65: a second header record ('rules:')
	recommend: mistakes in the rules (15); nothing written (see stance-rules(5))
	END
}

@test "after the files: tags cited and not named, recommend's own tags, advice in the language" {
	cat > late.rules <<-'EOF'
	rules: social-media-policy

	rule: no-dutch
	continuum: legal
	when: median < 30
	advice-en: x
	source: nowhere Kaner

	tag: S3
	reference: mine
	EOF
	run -2 --separate-stderr recommend --rules late.rules "$R/left.agg"
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	recommend: late.rules:9: tag 'S3' is one of recommend's own; choose another
	recommend: late.rules:3: rule no-dutch cites source 'nowhere', which no 'tag:' record names
	recommend: mistakes in the rules (2); nothing written (see stance-rules(5))
	END
	run -2 --separate-stderr recommend -L nl --rules late.rules "$R/left.agg"
	printf '%s\n' "$stderr" | grep -qx "recommend: late.rules:3: regel no-dutch heeft geen 'advice-nl:', de taal van het advies (-L)"
	printf '%s\n' "$stderr" | grep -qx "recommend: fouten in de regels (3); niets geschreven (zie stance-rules(5))"
}

@test "a condition's mistakes, each said with what was expected and what was found" {
	local when message
	while IFS='|' read -r when message; do
		printf 'rules: social-media-policy\n\nrule: r\ncontinuum: legal\nwhen: %s\nadvice-en: x\n' "$when" > c.rules
		run -2 --separate-stderr recommend --rules c.rules "$R/left.agg"
		assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: c.rules:5: when: $message"
	done <<-'END'
	median <|expected a column, a number or a verdict, found the end
	median 30|expected a comparison (<, <=, >, >=, =, !=), found '30'
	median < 30 and|expected a comparison, 'not', 'always' or '(', found the end
	(median < 30|expected ')', found the end
	median < 30)|expected 'and', 'or' or the end, found ')'
	median < 30 or or q1 > 2|expected a comparison, 'not', 'always' or '(', found 'or'
	medium < 30|'medium' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column), a number or a verdict
	.median < 30|'.median' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column), a number or a verdict
	verdict < divided|verdicts have no order: compare them with = or !=
	verdict = 30|a verdict is compared with a verdict (verdict = polarised), a number with a number
	median = split|'split' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column), a number or a verdict
	30 < 40|a comparison needs a column on one side
	median < 30 ; q1 > 2|expected 'and', 'or' or the end, found ';'
	median ≤ 30|expected a comparison (<, <=, >, >=, =, !=), found '≤'
	((((((((((((((((((((((((((((((((((median < 30))))))))))))))))))))))))))))))))))|nested more than 32 deep
	END
	# A chain of joins is a tree as deep as it is long: 256 joins are
	# read, 257 are not, and 200,000 do not overflow the stack.
	chain() { printf 'median < 30'; for i in $(seq "$1"); do printf ' %s q1 > %d' "$2" "$i"; done; }
	for join in and or; do
		printf 'rules: social-media-policy\n\nrule: r\ncontinuum: legal\nwhen: %s\nadvice-en: x\n' "$(chain 256 $join)" > c.rules
		run -0 recommend --rules c.rules "$R/left.agg"
		printf 'rules: social-media-policy\n\nrule: r\ncontinuum: legal\nwhen: %s\nadvice-en: x\n' "$(chain 257 $join)" > c.rules
		run -2 --separate-stderr recommend --rules c.rules "$R/left.agg"
		assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: c.rules:5: when: more than 256 'and's and 'or's in one condition"
	done
	{ printf 'rules: social-media-policy\n\nrule: r\ncontinuum: legal\nwhen: median < 30'
	  awk 'BEGIN { for (i = 0; i < 200000; i++) printf " and q1 > 2" }'
	  printf '\nadvice-en: x\n'; } > c.rules
	run -2 --separate-stderr recommend --rules c.rules "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: c.rules:5: when: more than 256 'and's and 'or's in one condition"
	printf 'rules: social-media-policy\n\nrule: r\npart: floor\nwhen: median < 30\nadvice-en: x\n' > c.rules
	run -2 --separate-stderr recommend --rules c.rules "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: c.rules:5: when: 'median' belongs to no continuum: this rule has no 'continuum:', so name one, as in legal.median"
}

@test "rules for another questionnaire, no header, a missing file, --rules default elsewhere" {
	printf 'rules: team-day\n\nrule: r\ncontinuum: pace\nwhen: median < 30\nadvice-en: x\n' > other.rules
	run -2 --separate-stderr recommend --rules other.rules "$R/left.agg"
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	recommend: other.rules:1: these rules are for questionnaire 'team-day', not 'social-media-policy' (the one in use: see -q)
	recommend: mistakes in the rules (1); nothing written (see stance-rules(5))
	END
	printf '# nothing\n' > empty.rules
	run -2 --separate-stderr recommend --rules empty.rules "$R/left.agg"
	printf '%s\n' "$stderr" | grep -qx "recommend: empty.rules: no header record ('rules:' and the questionnaire's id)"
	run -2 --separate-stderr recommend --rules missing.rules "$R/left.agg"
	printf '%s\n' "$stderr" | grep -qx "recommend: missing.rules: No such file or directory"
	run -2 --separate-stderr recommend -q "$R/custom.txt" --rules default "$R/custom.agg"
	printf '%s\n' "$stderr" | grep -qx "recommend: --rules default: the built-in rules are for questionnaire social-media-policy, not team-day"
	# The built-in rules themselves, as a file, read without a mistake.
	run -0 recommend --rules "$TOP/src/rules-social-media-policy.txt" "$R/left.agg"
	diff -u <(recommend "$R/left.agg") <(printf '%s\n' "$output")
}

@test "--rules replaces the built-in rules; --rules default adds them back" {
	cat > house.rules <<-'EOF'
	rules: social-media-policy

	rule: house-helpdesk
	continuum: steering
	when: median < 30
	source: house
	advice-en: Point to the helpdesk page.

	tag: house
	reference: Our own intranet.
	EOF
	run -0 recommend -v -w 10000 --rules house.rules "$R/left.agg"
	assert_equal "$(fired | tr '\n' ' ')" "house-helpdesk "
	printf '%s\n' "$output" | grep -qx -- '- \[house\] Our own intranet.'
	run -0 recommend -v -w 10000 --rules default --rules house.rules "$R/left.agg"
	assert_equal "$(fired | grep -c .)" 31
	fired | grep -qx house-helpdesk
	fired | grep -qx steering-roles
}

@test "a figure that is not there never fires a rule: unknown stays unknown through not, and, or" {
	cat > k.rules <<-'EOF'
	rules: social-media-policy

	rule: not-low
	part: floor
	when: not (steering.median < 50)
	advice-en: not low

	rule: low-or-always
	part: floor
	when: steering.median < 50 or always
	advice-en: low or always

	rule: low-and-never
	part: floor
	when: steering.median < 50 and steering.n < 0
	advice-en: low and never

	rule: not-low-and-never
	part: floor
	when: not (steering.median < 50 and steering.n < 0)
	advice-en: not (low and never)

	rule: n-is-there
	part: floor
	when: steering.n = 2 and steering.verdict = too-few
	advice-en: two, too few
	EOF
	printf 'r\tp1\t-\tsteering\t90\t2026-11-25T09:30:00Z\t\nr\tp2\t-\tsteering\t80\t2026-11-25T09:30:00Z\t\n' |
	    aggregate > few.agg
	run -0 recommend -v -w 10000 --rules k.rules few.agg
	# false and unknown is false; true or unknown is true; not unknown is unknown.
	assert_equal "$(fired | tr '\n' ' ')" "low-or-always not-low-and-never n-is-there "
	printf '%s\n' "$output" | grep -qx 'Too few answers (2) to say where the group stands. No advice.'
}

@test "the last round by default, -r for another, an unknown round refused" {
	{ cat "$R/left.agg"; tail -n +2 "$R/right.agg" | sed 's/^r1/r2/'; } > two.agg
	run -0 recommend -w 300 two.agg
	printf '%s\n' "$output" | grep -qx 'Advice from round r2'
	printf '%s\n' "$output" | grep -qx 'Weighing up what your social media policy should look like. The input has rounds r1, r2; -r chooses another.'
	printf '%s\n' "$output" | grep -q '^The group agrees: median 96'
	run -0 recommend -r r1 -w 300 two.agg
	printf '%s\n' "$output" | grep -q '^The group agrees: median 4,'
	run -2 --separate-stderr recommend -r r3 two.agg
	assert_equal "$stderr" "recommend: no rows for round r3"
}

@test "bad rows are reported and skipped; no rows, unreadable input and a full disk stop" {
	{ cat "$R/left.agg"; printf 'r1\t*\tsteer\t3\t0\t1\t1\t1\t1\t1\t1\t1\t0\t1\t1\tconsensus\t1\t3,0,0,0,0\t3:1:1\n'; } > bad.agg
	run -1 --separate-stderr recommend bad.agg
	assert_equal "$stderr" "recommend: bad.agg:7: a continuum this questionnaire does not have (give its questionnaire with -q)"
	diff -u <(recommend "$R/left.agg") <(printf '%s\n' "$output")
	head -1 "$R/left.agg" > header.agg
	run -2 --separate-stderr recommend header.agg
	assert_equal "$stderr" "recommend: no rows to advise on (give it aggregate's output)"
	run -2 --separate-stderr recommend nothing.agg
	assert_equal "$stderr" "recommend: nothing.agg: No such file or directory"
	run -2 --separate-stderr recommend --format html "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: --format 'html' is not text or markdown"
	if [ -w /dev/full ]; then
		run -2 --separate-stderr sh -c 'recommend "$1" > /dev/full' _ "$R/left.agg"
		assert_equal "$stderr" "recommend: write error on standard output: No space left on device"
	fi
}

@test "Dutch: the words, whole points, the decimal comma of an option, and the legal instruments by their own names" {
	run -0 recommend -L nl -w 300 "$R/polarised.agg"
	printf '%s\n' "$output" | grep -qx 'Advies uit ronde r1'
	printf '%s\n' "$output" | grep -q '^De groep is het eens: mediaan 50, middelste helft 48–52 (IKA 4)'
	run -0 recommend -L nl -w 300 --apart 99.5 "$R/apart.agg"
	printf '%s\n' "$output" | grep -q '^Geen twee groepen liggen 99,5 punten of meer uit elkaar'
	printf '%s\n' "$output" | grep -q 'arbeidsreglement'
	run -0 recommend -L en -w 300 "$R/left.agg"
	printf '%s\n' "$output" | grep -q 'work regulations (arbeidsreglement)'
	printf '%s\n' "$output" | grep -q 'CAO 81'
}

@test "a rules file from a Windows editor (BOM, CRLF) reads; its lines' own mistakes are said" {
	printf '\357\273\277rules: social-media-policy\r\n\r\nrule: house\r\ncontinuum: steering\r\nwhen: median < 30\r\nadvice-en: Windows line.\r\n' > win.rules
	run -0 recommend -w 200 --rules win.rules "$R/left.agg"
	printf '%s\n' "$output" | grep -qx -- '- Windows line.'
	printf 'rules: social-media-policy\n\nrule: house\ncontinuum: steering\nwhen: median < 30\nadvice-en: x\nreference: x\nsource:\nthis has no colon\n' > lines.rules
	run -2 --separate-stderr recommend --rules lines.rules "$R/left.agg"
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	recommend: lines.rules:9: expected 'field: value', found 'this has no colon'
	recommend: lines.rules:7: field 'reference' belongs in a source record, not a rule
	recommend: lines.rules:8: field 'source' is empty
	recommend: mistakes in the rules (3); nothing written (see stance-rules(5))
	END
}

@test "aggregate --json's output is recognised and the way out said" {
	printf 'r\tp1\t-\tsteering\t10\t2026-11-25T09:30:00Z\t\n' | aggregate --json > rows.json
	run -2 --separate-stderr recommend rows.json
	assert_equal "$stderr" "recommend: rows.json:1: this is aggregate --json's output; give the tab-separated one, without --json"
	run -2 --separate-stderr chart rows.json
	assert_equal "$stderr" "chart: rows.json:1: this is aggregate --json's output; give the tab-separated one, without --json"
}

@test "a median of exactly 25 leans to no pole; a tenth without an opinion gets its own sentence, less does not" {
	row() { for p in "$@"; do printf 'r1\tp%s\t-\tsteering\t%s\t2026-11-25T09:30:00Z\t\n' "${p%:*}" "${p#*:}"; done; }
	row 1:0 2:5 3:15 4:25 5:25 6:- 7:25 8:35 9:45 10:50 | aggregate > tenth.agg
	run -0 recommend -w 300 tenth.agg
	printf '%s\n' "$output" | grep -qx 'Fair agreement, halfway between statements 1 and 2: median 25, middle half 15–35 (IQR 20), 9 answers, 1 no opinion.'
	printf '%s\n' "$output" | grep -qx '1 of 10 gave no opinion here: they could not place themselves on this line. Ask them why before writing this part.'
	# Everyone at 25 agrees halfway: no statement is quoted as theirs.
	row 1:25 2:25 3:25 4:25 5:25 | aggregate > agree.agg
	run -0 recommend -w 300 agree.agg
	printf '%s\n' "$output" | grep -qx 'The group agrees: median 25, middle half 25–25 (IQR 0), 5 answers, halfway between statements 1 and 2.'
	row 1:0 2:5 3:15 4:25 5:25 6:- 7:25 8:35 9:45 10:50 11:25 | aggregate > less.agg
	run -0 recommend -w 300 less.agg
	printf '%s\n' "$output" | grep -q ', 10 answers, 1 no opinion'
	! printf '%s\n' "$output" | grep -q 'gave no opinion here'
}
