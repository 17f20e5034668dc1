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
	- Direction: management 10 and staff 85 (medians), 75 points apart.
	- Openness: management 21 and staff 80 (medians), 59 points apart.
	- Enforcement: management 10 and staff 86 (medians), 76 points apart.
	- Legal form: management 20 and staff 80 (medians), 60 points apart.
	- Audience: management 31 and staff 90 (medians), 59 points apart.
	END
	# --apart at its boundary: 60 names the gaps of 60 and more; the
	# distance is that of the whole points shown.
	run -0 recommend -w 200 --apart 60 "$R/apart.agg"
	assert_equal "$(printf '%s\n' "$output" | grep -c 'points apart\.$')" 3
	run -0 recommend -w 200 --apart 76 "$R/apart.agg"
	assert_equal "$(printf '%s\n' "$output" | grep 'points apart\.$')" "- Enforcement: management 10 and staff 86 (medians), 76 points apart."
	run -0 recommend -w 200 --apart 77 "$R/apart.agg"
	assert_equal "$(printf '%s\n' "$output" | grep -c 'points apart\.$')" 0
	printf '%s\n' "$output" | grep -qx 'No two groups lie 77 points or more apart on any continuum.'
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
	    rulebook-open-everyone lawyers-soft soft-secrecy hard-few concrete-soft; do
		run -0 recommend -v -w 10000 "$R/tension-$t.agg"
		case $t in
		lawyers-soft) expected="tension-lawyers-soft tension-soft-secrecy" ;;
		concrete-soft) expected="tension-soft-secrecy tension-concrete-soft" ;;
		*) expected="tension-$t" ;;
		esac
		assert_equal "$t: $(fired | grep '^tension-' | tr '\n' ' ' | sed 's/ $//')" "$t: $expected"
	done
	# And none where the group stands in the middle.
	run -0 recommend -v -w 10000 "$R/middle.agg"
	assert_equal "$(fired | grep -c '^tension-')" 0
	# Soft in client work is said where the group agrees on soft, not
	# where it is split over it (trust-monitoring: a quarter wants
	# control), nor without client work.
	run -0 recommend -v -w 10000 --client-work no "$R/tension-soft-secrecy.agg"
	assert_equal "$(fired | grep -c '^tension-')" 0
}

@test "every rule of the built-in rules fires in at least one scenario" {
	local f context
	# Each scenario for every kind of organisation, and the rounds of
	# tests/advice.bats for theirs.
	for f in "$R"/*.agg; do
		case $f in */custom.agg) continue ;; esac
		for context in "" "--employer private --staff 6" "--employer private --staff 60" \
		    "--employer private --staff 150" "--employer public" "--client-work no"; do
			# shellcheck disable=SC2086
			run -0 recommend -v -w 10000 $context "$f"
			fired
		done
	done | sort -u > fired
	for f in "$FIXTURES"/advice/*.agg; do
		# shellcheck disable=SC2046
		run -0 recommend -v -w 10000 $(cat "${f%.agg}.args") "$f"
		fired
	done | sort -u -o fired - fired
	grep '^rule: ' "$TOP/src/rules-social-media-policy.txt" | sed 's/^rule: //' | sort > all
	diff -u all fired
}

@test "-v names the rule behind every piece of advice, and recommend's own steps" {
	run -0 recommend -v -w 10000 "$R/polarised.agg"
	# Every list item carries its rule or says it is recommend's own
	# (the parts' headings are not items; the sources have none).
	printf '%s\n' "$output" | grep -E '^(- |[0-9]+\. )' | grep -v '^- \[' |
	    grep -Ev '^- (Agreed on|Talk first on|Tensions|Groups apart|Next steps): ' |
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
	recommend: bad.rules:11: unknown field 'colour' (known: rules, rule, part, continuum, when, title-en, title-nl, advice-en, advice-nl, source, tag, reference, reference-nl, kind)
	recommend: bad.rules:8: record has no 'when:' line
	recommend: bad.rules:8: rule id 'no when' must be 1-64 letters, digits and -
	recommend: bad.rules:13: a rule needs its advice: 'advice-en:', 'advice-nl:' or both
	recommend: bad.rules:18: part 'preamble' is not one of advice, talk, tension, groups, floor, outline, steps
	recommend: bad.rules:22: a rule without 'continuum:' needs a 'part:' (talk, tension, groups, floor, outline or steps)
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
	medium < 30|'medium' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column; employer, staff, client-work), a number or a word (a verdict, private, public, yes, no, unknown)
	.median < 30|'.median' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column; employer, staff, client-work), a number or a word (a verdict, private, public, yes, no, unknown)
	verdict < divided|verdicts have no order: compare them with = or !=
	verdict = 30|a verdict is compared with a verdict (verdict = polarised), a number with a number
	median = polarised|a number is compared with a number (staff >= 50, median < 35)
	median = split|'split' is not a column (n, abstain, mean, sd, min, q1, median, q3, max, iqr, consensus, agreement, anchor, verdict, or continuum.column; employer, staff, client-work), a number or a word (a verdict, private, public, yes, no, unknown)
	30 < 40|a comparison needs a column on one side
	unknown = unknown|a comparison needs a column on one side
	public = employer and 3 > 2|a comparison needs a column on one side
	staff < private|a number is compared with a number (staff >= 50, median < 35)
	employer = 3|employer is private or public (employer = public)
	employer = polarised|employer is private or public (employer = public)
	employer < public|words have no order: compare them with = or !=
	client-work = private|client-work is yes or no (client-work = no)
	verdict = yes|a verdict is compared with a verdict (verdict = polarised), a number with a number
	median < unknown|unknown is asked with = or != (staff = unknown)
	unknown >= staff|unknown is asked with = or != (staff = unknown)
	legal.staff > 3|'legal.staff': staff is the organisation's, not a continuum's: write it alone
	audience.employer = public|'audience.employer': employer is the organisation's, not a continuum's: write it alone
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
	run -0 recommend -v -w 10000 "$R/left.agg"
	builtin=$(fired | grep -c .)
	run -0 recommend -v -w 10000 --rules default --rules house.rules "$R/left.agg"
	assert_equal "$(fired | grep -c .)" $((builtin + 1))
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
	printf '%s\n' "$output" | grep -q '^Weighing up what your social media policy should look like\. For .* The input has rounds r1, r2; -r chooses another\.$'
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

@test "the organisation's context: a file, options that win over it, every mistake said" {
	printf 'organisation: De Brug vzw\nemployer: public\nstaff: 60\n' > brug.ctx
	run -0 recommend -w 300 --context brug.ctx "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For De Brug vzw: a public employer of about 60 people, with client work."
	run -0 recommend -w 300 --context brug.ctx --employer private --staff 7 --client-work no "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For De Brug vzw: a private employer of about 7 people, without client work."
	run -0 recommend -w 300 --staff 1000000 "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For an employer of about 1000000 people, with client work. Private or public was not said: where the law depends on it, the advice says so (--employer)."
	run -0 recommend -w 300 --employer private --staff 1 "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For a private employer of one person, with client work."
	run -0 recommend -w 300 --employer private --staff 2 "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For a private employer of about 2 people, with client work."
	run -0 recommend -w 300 --employer public "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For a public employer, with client work. The size was not said: where the law depends on it, the advice says so (--staff)."
	run -0 recommend -w 300 -L nl "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Afwegen hoe je sociale mediabeleid er moet uitzien. Voor een werkgever, met werk met cliënten. Privaat of publiek en de grootte zijn niet gezegd: waar de wet ervan afhangt, zegt het advies dat (--context, --employer, --staff)."
	# Every mistake in the file is said, then nothing is written.
	printf 'organisation: x\nstaff: 0\nemployer: both\nclient-work: maybe\nstaff: 5\ncolour: red\n\norganisation: y\n' > bad.ctx
	run -2 --separate-stderr recommend --context bad.ctx "$R/left.agg"
	assert_equal "$output" ""
	diff -u - <(printf '%s\n' "$stderr") <<-'END'
	recommend: bad.ctx:6: unknown field 'colour' (known: organisation, employer, staff, client-work)
	recommend: bad.ctx:5: duplicate field 'staff' (first at line 2)
	recommend: bad.ctx:2: staff '0' is not a number of people from 1 to 1000000
	recommend: bad.ctx:3: employer 'both' is not private or public
	recommend: bad.ctx:4: client-work 'maybe' is not yes or no
	recommend: bad.ctx:8: a second record: a context file describes one organisation
	recommend: mistakes in the context file bad.ctx; nothing written (see stance-context(5))
	END
	printf 'organisation: De\tBrug\n' > tab.ctx
	run -2 --separate-stderr recommend --context tab.ctx "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: tab.ctx:1: organisation: the name is one line, without tabs or control characters"
	printf 'employer: public\n' > nameless.ctx
	run -2 --separate-stderr recommend --context nameless.ctx "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: nameless.ctx:1: record has no 'organisation:' line"
	printf '# nothing\n' > empty.ctx
	run -2 --separate-stderr recommend --context empty.ctx "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: empty.ctx: no organisation record ('organisation:' and its name)"
	run -2 --separate-stderr recommend --context missing.ctx "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: missing.ctx: No such file or directory"
	# The boundaries of staff, in the file and as an option.
	local staff
	for staff in 0 -1 007 1e3 '' 1000001 12345678 ' 5'; do
		printf 'organisation: x\nstaff: %s\n' "$staff" > s.ctx
		# A file's value is read without the blanks around it.
		if [ "$staff" = ' 5' ]; then
			run -0 recommend --context s.ctx "$R/left.agg"
		elif [ -z "$staff" ]; then
			run -2 --separate-stderr recommend --context s.ctx "$R/left.agg"
			assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: s.ctx:2: field 'staff' is empty"
		else
			run -2 --separate-stderr recommend --context s.ctx "$R/left.agg"
			assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: s.ctx:2: staff '$staff' is not a number of people from 1 to 1000000"
		fi
		run -2 --separate-stderr recommend --staff "$staff" "$R/left.agg"
		assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: --staff '$staff' is not a number of people from 1 to 1000000"
	done
	for staff in 1 1000000; do
		printf 'organisation: x\nstaff: %s\n' "$staff" > s.ctx
		run -0 recommend --context s.ctx "$R/left.agg"
	done
	# The context from standard input, when the rows are not.
	printf 'organisation: Stdin\n' | recommend -w 300 --context - "$R/left.agg" | sed -n 4p |
	    grep -q '^Weighing up .* For Stdin: an employer, with client work\.'
	run -2 --separate-stderr recommend --context - < "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: --context -: standard input holds the rows; give the rows as files"
	run -2 --separate-stderr recommend --context - "$R/right.agg" - < "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: --context -: standard input holds the rows; give the rows as files"
	# Case is a careless hand's, not a different value.
	printf 'organisation: x\nemployer: Public\nclient-work: NO\n' > case.ctx
	run -0 recommend -w 300 --context case.ctx --employer PRIVATE "$R/left.agg"
	assert_equal "$(printf '%s\n' "$output" | sed -n 4p)" "Weighing up what your social media policy should look like. For x: a private employer, without client work. The size was not said: where the law depends on it, the advice says so (--staff)."
	run -2 --separate-stderr recommend --employer both "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: --employer 'both' is not private or public"
	run -2 --separate-stderr recommend --client-work maybe "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: --client-work 'maybe' is not yes or no"
}

# The rules of part talk, steps and floor that fired, by id, on one line.
bodies() {
	fired | grep -E '^(talk-(works|cpbw|small|unions|bodies)|steps-(works|posting|unions|procedure|no-sanctions|monitoring)|floor-(statute|neutrality|monitoring|secrecy|case|photos|boundaries|reporting))' |
	    tr '\n' ' ' | sed 's/ $//'
}

@test "who has a say goes by employer and size: a works council from 100, a CPBW from 50, unions at a public employer" {
	local args expected
	while IFS='|' read -r args expected; do
		# shellcheck disable=SC2086
		run -0 recommend -v -w 10000 $args "$R/left.agg"
		assert_equal "$args: $(bodies)" "$args: $expected"
	done <<-'END'
	--employer private --staff 49|talk-small floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-private floor-reporting steps-posting steps-monitoring-notice
	--employer private --staff 50|talk-cpbw floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-private floor-reporting-channel steps-posting steps-monitoring-notice
	--employer private --staff 99|talk-cpbw floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-private floor-reporting-channel steps-posting steps-monitoring-notice
	--employer private --staff 100|talk-works-council floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-private floor-reporting-channel steps-works-council steps-monitoring-notice
	--employer private|talk-bodies-unknown floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-private floor-reporting steps-procedure-unknown steps-monitoring-notice
	--employer public --staff 6|talk-unions-public floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-public floor-statute floor-reporting floor-neutrality steps-unions-public steps-monitoring-notice
	--staff 500|talk-bodies-unknown floor-secrecy floor-case-talk floor-photos floor-boundaries floor-monitoring-unknown floor-statute floor-reporting steps-procedure-unknown steps-monitoring-notice
	--client-work no --employer private --staff 6|talk-small floor-monitoring-private floor-reporting steps-posting steps-monitoring-notice
	END
	# A soft room changes no work regulations, at any size.
	run -0 recommend -v -w 10000 --employer private --staff 500 "$R/right.agg"
	assert_equal "$(bodies)" "floor-secrecy floor-case-talk floor-photos floor-boundaries floor-reporting-channel steps-no-sanctions"
}

@test "= unknown asks whether a figure is there, and is never unknown itself" {
	cat > u.rules <<-'EOF'
	rules: social-media-policy

	rule: no-median
	part: floor
	when: steering.median = unknown
	advice-en: no median

	rule: a-median
	part: floor
	when: steering.median != unknown
	advice-en: a median

	rule: no-n
	part: floor
	when: steering.n = unknown
	advice-en: no n

	rule: not-told
	part: floor
	when: employer = unknown and unknown = staff
	advice-en: not told

	rule: told
	part: floor
	when: employer != unknown or staff != unknown
	advice-en: told
	EOF
	printf 'r\tp1\t-\tsteering\t90\t2026-11-25T09:30:00Z\t\nr\tp2\t-\tsteering\t80\t2026-11-25T09:30:00Z\t\n' |
	    aggregate > few.agg
	run -0 recommend -v -w 10000 --rules u.rules few.agg
	assert_equal "$(fired | tr '\n' ' ')" "no-median not-told "
	run -0 recommend -v -w 10000 --rules u.rules --staff 3 "$R/left.agg"
	assert_equal "$(fired | tr '\n' ' ')" "a-median told "
	run -0 recommend -v -w 10000 --rules u.rules --employer public "$R/left.agg"
	assert_equal "$(fired | tr '\n' ' ')" "a-median told "
}

@test "a source's kind, and its reference in Dutch; an unknown kind is a mistake" {
	cat > k.rules <<-'EOF'
	rules: social-media-policy

	rule: k
	part: floor
	when: always
	source: lawtag exampletag plain
	advice-en: x
	advice-nl: x

	tag: exampletag
	kind: example
	reference: An example.

	tag: lawtag
	kind: law
	reference: A law.
	reference-nl: Een wet.

	tag: plain
	reference: No kind.
	EOF
	run -0 recommend -w 10000 --rules k.rules "$R/left.agg"
	diff -u - <(printf '%s\n' "$output" | sed -n '/^[0-9]*\. Sources$/,$p') <<-'END'
	8. Sources
	----------

	Law

	- [lawtag] A law.

	Practice examples

	- [exampletag] An example.

	Other sources

	- [plain] No kind.
	END
	run -0 recommend -L nl -w 10000 --rules k.rules "$R/left.agg"
	printf '%s\n' "$output" | grep -qx -- '- \[lawtag\] Een wet.'
	printf '%s\n' "$output" | grep -qx -- '- \[plain\] No kind.'
	printf '%s\n' "$output" | grep -qx 'Wetgeving'
	printf 'rules: social-media-policy\n\ntag: t\nkind: statute\nreference: x\n' > bad.rules
	run -2 --separate-stderr recommend --rules bad.rules "$R/left.agg"
	assert_equal "$(printf '%s\n' "$stderr" | head -1)" "recommend: bad.rules:4: kind 'statute' is not one of law, court, professional, guidance, commentary, example"
}

@test "rule ids and tags are 1 to 64 characters: 64 read, 65 refused" {
	local id64 id65
	id64=$(printf 'a%.0s' $(seq 64))
	id65=${id64}b
	printf 'rules: social-media-policy\n\nrule: %s\npart: floor\nwhen: always\nsource: %s\nadvice-en: sixty-four\n\ntag: %s\nreference: r\n' \
	    "$id64" "$id64" "$id64" > ok.rules
	run -0 recommend -v -w 10000 --rules ok.rules "$R/left.agg"
	printf '%s\n' "$output" | grep -qx -- "- sixty-four \[$id64\] (rule $id64)"
	printf 'rules: social-media-policy\n\nrule: %s\npart: floor\nwhen: always\nsource: %s\nadvice-en: x\n\ntag: %s\nreference: r\n' \
	    "$id65" "$id65" "$id65" > long.rules
	run -2 --separate-stderr recommend --rules long.rules "$R/left.agg"
	diff -u - <(printf '%s\n' "$stderr") <<-END
	recommend: long.rules:3: rule id '$id65' must be 1-64 letters, digits and -
	recommend: long.rules:6: source tag '$id65' must be 1-64 letters, digits and -
	recommend: long.rules:9: tag '$id65' must be 1-64 letters, digits and -
	recommend: mistakes in the rules (3); nothing written (see stance-rules(5))
	END
}

@test "and binds tighter than or, whichever comes first" {
	cat > p.rules <<-'EOF'
	rules: social-media-policy

	rule: and-then-or
	part: floor
	when: steering.median < 0 and steering.median < 0 or always
	advice-en: (false and false) or true

	rule: or-then-and
	part: floor
	when: always or steering.median < 0 and steering.median < 0
	advice-en: true or (false and false)

	rule: not-binds-tightest
	part: floor
	when: not steering.median < 0 and steering.median < 0
	advice-en: (not false) and false
	EOF
	run -0 recommend -v -w 10000 --rules p.rules "$R/left.agg"
	assert_equal "$(fired | tr '\n' ' ')" "and-then-or or-then-and "
}

@test "a tab in a rule's text or a reference (record files allow them) goes out as a blank, in text and Markdown" {
	printf 'rules: social-media-policy\n\nrule: t\npart: floor\nwhen: always\nsource: house\nadvice-en: one\ttwo\n\ntag: house\nreference: Our\town house\n' > tab.rules
	local format
	for format in text markdown; do
		run -0 recommend --format "$format" -w 10000 --rules tab.rules "$R/left.agg"
		printf '%s\n' "$output" | grep -q 'one two \\\?\[house\\\?\]' 
		printf '%s\n' "$output" | grep -q 'Our own house$'
		assert_equal "$(printf '%s\n' "$output" | grep -c "$(printf '\t')")" 0
	done
}
